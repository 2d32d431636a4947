"""Actors within one article: names, acronyms, demonyms, metonyms, descriptions, dictionaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language

from kgraph.actors.dictionary import ActorDictionary, load_dictionary
from kgraph.actors.resolve import ActorIndex, resolve_actors
from kgraph.model import Article


def resolve(
    nlp: Language,
    text: str,
    *,
    date: dt.date | None = None,
    dictionary: ActorDictionary | None = None,
) -> tuple[ActorIndex, object]:
    doc = nlp(text)
    article = Article(id="t", date=date, title="", text=text, source="t")
    gazetteer = dictionary.gazetteer() if dictionary else None
    return resolve_actors(doc, gazetteer=gazetteer, article=article, dictionary=dictionary), doc


def actors_by_surface(index: ActorIndex) -> dict[str, str]:
    return {m.text: m.actor.label for m in index.mentions}


def described(index: ActorIndex, doc: object, word: str) -> str | None:
    """The label of the actor the (last) description headed by ``word`` resolves to."""
    found = [a.label for i, a in sorted(index.descriptions.items()) if doc[i].lower_ == word]  # type: ignore[index]
    return found[-1] if found else None


def test_full_name_surname_title_and_middle_initial_are_one_person(nlp: Language) -> None:
    index, _ = resolve(
        nlp,
        "President Donald Trump spoke on Monday. Trump said the talks went well. "
        "Donald J. Trump signed the order later.",
    )
    people = {m.actor.id for m in index.mentions if m.actor.type == "Person"}
    assert len(people) == 1
    trump = next(m.actor for m in index.mentions if m.actor.type == "Person")
    assert trump.label == "Donald J. Trump"
    assert {"Donald Trump", "Trump"} <= set(trump.names)


def test_a_name_the_ner_missed_takes_its_place_in_text_order(nlp: Language) -> None:
    # The small model misses the second "Kılıçdaroğlu"; it must still come before
    # Putin, or "the last person named before" a later "he" is the wrong one.
    index, doc = resolve(
        nlp, "Kemal Kılıçdaroğlu spoke. Kılıçdaroğlu said he was right. Vladimir Putin answered."
    )
    assert "Kılıçdaroğlu" not in [ent.text for ent in doc.ents]  # type: ignore[attr-defined]
    assert [(m.text, m.actor.label) for m in index.mentions] == [
        ("Kemal Kılıçdaroğlu", "Kemal Kılıçdaroğlu"),
        ("Kılıçdaroğlu", "Kemal Kılıçdaroğlu"),
        ("Vladimir Putin", "Vladimir Putin"),
    ]
    said = doc.text.index("said")  # type: ignore[attr-defined]
    assert index.last_person_before(said).label == "Kemal Kılıçdaroğlu"  # type: ignore[union-attr]
    second = list(doc.sents)[1]  # type: ignore[attr-defined]
    in_second = index.mentions_between(second.start_char, second.end_char)
    assert [m.text for m in in_second] == ["Kılıçdaroğlu"]


@pytest.mark.parametrize(
    ("text", "iso"),
    [
        (
            "Türkiye said on Monday that Turkish officials in Ankara had met. Turkey denied it.",
            "TR",
        ),
        (
            "The US and the U.S. Army said America and American officials in Washington agreed.",
            "US",
        ),
    ],
)
def test_names_demonyms_and_capitals_are_the_state(nlp: Language, text: str, iso: str) -> None:
    index, _ = resolve(nlp, text)
    states = {m.actor.iso_code for m in index.mentions if m.actor.type == "Country"}
    assert states == {iso}
    assert len(index.mentions) >= 4


def test_acronym_and_expansion_are_one_actor(nlp: Language) -> None:
    index, _ = resolve(
        nlp,
        "The National Assembly (NA) voted on Tuesday. The NA then adjourned. "
        "The European Union (EU) welcomed it, and the EU said so.",
    )
    labels = actors_by_surface(index)
    assert labels["NA"] == labels["National Assembly"] == "National Assembly"
    assert labels["EU"] == labels["European Union"] == "European Union"


def test_types_of_bodies_and_territories(nlp: Language) -> None:
    index, _ = resolve(nlp, "The Kremlin said Hong Kong and the Taliban met Reuters reporters.")
    by_label = {m.actor.label: m.actor for m in index.mentions}
    assert by_label["Kremlin"].type == "GovernmentBody"
    assert index.part_of[by_label["Kremlin"].id].label == "Russia"
    assert by_label["Hong Kong"].type == "Territory"
    assert by_label["Taliban"].type == "ArmedGroup"
    assert by_label["Reuters"].type == "Media"


def test_definite_descriptions_resolve_to_the_one_actor_named_before(nlp: Language) -> None:
    index, doc = resolve(
        nlp,
        "President Donald Trump met Kremlin spokesman Dmitry Peskov. The Conservative Party "
        "welcomed the meeting.\n"
        "The president said it was useful. The Kremlin spokesman said nothing. "
        "The party said it would wait.",
    )
    assert described(index, doc, "president") == "Donald Trump"
    assert described(index, doc, "spokesman") == "Dmitry Peskov"
    assert described(index, doc, "party") == "Conservative Party"
    president = next(i for i in index.descriptions if doc[i].lower_ == "president")
    assert index.actor_at(doc[president]).label == "Donald Trump"  # type: ignore[union-attr]
    assert all(m.actor.type != "Topic" for m in index.mentions)  # descriptions are not mentions


def test_a_description_two_actors_fit_stays_unresolved(nlp: Language) -> None:
    index, doc = resolve(
        nlp,
        "US President Donald Trump met French President Emmanuel Macron.\n"
        "The president said the talks were good. The French president agreed.",
    )
    # "the president" fits both, and no country dominates: left alone.
    assert [doc[i].text for i, a in index.descriptions.items() if a.label == "Donald Trump"] == []
    assert described(index, doc, "president") == "Emmanuel Macron"  # "the French president"


def test_a_dated_dictionary_role_resolves_an_untitled_description(
    nlp: Language, tmp_path: Path
) -> None:
    path = tmp_path / "actors.csv"
    path.write_text(
        "id,names,type,country,wikidata,roles\n"
        "donald-trump,Donald Trump|Trump,Person,US,Q22686,"
        "leader-of United States from 2017-01-20 to 2021-01-20\n"
        "joe-biden,Joe Biden|Biden,Person,US,Q6279,leader-of United States from 2021-01-20\n",
        encoding="utf-8",
    )
    dictionary = load_dictionary(path)
    text = (
        "The United States imposed new tariffs. Officials in the United States said the "
        "United States would not back down.\nThe president said the tariffs would stay."
    )
    index, doc = resolve(nlp, text, date=dt.date(2019, 5, 10), dictionary=dictionary)
    trump = next(a for i, a in index.descriptions.items() if doc[i].lower_ == "president")
    assert (trump.id, trump.wikidata) == (dictionary.actors[0].iri, "Q22686")
    index, doc = resolve(nlp, text, date=dt.date(2022, 5, 10), dictionary=dictionary)
    assert described(index, doc, "president") == "Joe Biden"
    index, doc = resolve(nlp, text, date=None, dictionary=dictionary)
    assert described(index, doc, "president") is None


def test_dictionary_names_win_with_their_iri_and_wikidata(nlp: Language, tmp_path: Path) -> None:
    path = tmp_path / "actors.jsonl"
    path.write_text(
        '{"id": "nancy-pelosi", "names": ["Nancy Pelosi", "Pelosi", "Speaker Pelosi"], '
        '"type": "Person", "wikidata": "Q170581"}\n',
        encoding="utf-8",
    )
    dictionary = load_dictionary(path)
    index, _ = resolve(
        nlp, "Pelosi said the House would vote. Nancy Pelosi spoke later.", dictionary=dictionary
    )
    pelosi = {m.actor for m in index.mentions if m.actor.type == "Person"}
    assert {(a.id, a.wikidata) for a in pelosi} == {(dictionary.actors[0].iri, "Q170581")}
