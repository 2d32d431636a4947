"""Actors within one article: names, acronyms, demonyms, metonyms, descriptions, dictionaries."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Span

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


@pytest.mark.parametrize(
    ("text", "surface", "label"),
    [
        # A sentence's first word run into the name after it.
        (
            "Multiple Creative Commons-licensed videos are on Wikimedia Commons. "
            "Creative Commons said so.",
            "Creative Commons",
            "Creative Commons",
        ),
        # A past-tense verb run into a name after an editor's bracket.
        (
            "When [Prime Minister Narendra] Modi Announced a curfew, we knew. Modi spoke.",
            "Narendra Modi",
            "Narendra Modi",
        ),
        # A figure run into a name.
        ("Rocky Linux 8 is out. Rocky Linux is free.", "Rocky Linux", "Rocky Linux"),
        # A company's first word stands for it.
        (
            "The Justice Department is investigating Ford Motor Company. Ford said so.",
            "Ford",
            "Ford Motor Company",
        ),
        # A storm's distance run into its name.
        ("Humberto 785 miles southwest of Bermuda moved north.", "Humberto", "Humberto"),
        # The acronym in brackets after the name.
        (
            "The storm is 75 miles east of Nassau, the National Hurricane Center (NHC) said.",
            "National Hurricane Center",
            "National Hurricane Center",
        ),
        # The NER stopped at the "and" of an "X of Y" name.
        (
            "He criticised National Institute of Allergy and Infectious Diseases director "
            "Anthony Fauci.",
            "National Institute of Allergy and Infectious Diseases",
            "National Institute of Allergy and Infectious Diseases",
        ),
        # A town with its county is the town.
        (
            "Three children were injured in Winchester, Hampshire on Monday.",
            "Winchester",
            "Winchester",
        ),
        # A surname joins the one full name it has before a suffix.
        (
            "Edward J. DeBartolo Jr. was pardoned. DeBartolo said he was grateful.",
            "DeBartolo",
            "Edward J. DeBartolo Jr.",
        ),
    ],
)
def test_words_the_ner_runs_into_a_name_are_not_part_of_it(
    nlp: Language, text: str, surface: str, label: str
) -> None:
    index, _ = resolve(nlp, text)
    assert actors_by_surface(index)[surface] == label


def entities(nlp: Language, text: str, *spans: tuple[str, str]) -> Doc:
    """The parsed text with the given entities (text, label) in place of the NER's own."""
    doc = nlp(text)
    ents: list[Span] = []
    position = 0
    for words, label in spans:
        position = text.index(words, position)
        span = doc.char_span(position, position + len(words), label=label)
        assert span is not None, words
        ents.append(span)
        position += len(words)
    doc.ents = sorted(ents, key=lambda e: e.start)
    return doc


def test_a_place_the_gazetteer_knows_keeps_its_comma(nlp: Language) -> None:
    # "Paris, Texas" is not cut to "Paris" (the capital of France, in the gazetteer).
    with nlp.select_pipes(disable=["actor_ruler"]):  # the ruler would claim "Paris" first
        doc = entities(
            nlp,
            "He lives in Paris, Texas and in Winchester, Hampshire.",
            ("Paris, Texas", "GPE"),
            ("Winchester, Hampshire", "GPE"),
        )
    labels = [m.actor.label for m in resolve_actors(doc).mentions]
    assert labels == ["Paris, Texas", "Winchester"]


def test_a_name_the_ner_cut_at_and_is_the_whole_name_the_article_gives(nlp: Language) -> None:
    doc = entities(
        nlp,
        "A spokesman of Rogaland Fire and Rescue spoke. Rogaland Fire and Rescue asked for help.",
        ("Rogaland Fire and Rescue", "ORG"),
        ("Rogaland Fire", "PERSON"),
        ("Rescue", "ORG"),
    )
    mentions = resolve_actors(doc).mentions
    assert [(m.text, m.actor.type) for m in mentions] == [
        ("Rogaland Fire and Rescue", "Organization"),
        ("Rogaland Fire and Rescue", "Organization"),
    ]


def test_a_question_s_auxiliary_is_not_part_of_the_name_after_it(nlp: Language) -> None:
    doc = entities(
        nlp,
        "Will Red Hat employees be barred from it?\n\n"
        "Will Smith said no. Storm Lorenzo hit Ireland.",
        ("Will Red Hat", "PERSON"),
        ("Will Smith", "PERSON"),
        ("Storm Lorenzo", "PERSON"),
    )
    mentions = resolve_actors(doc).mentions
    assert [(m.text, m.actor.type) for m in mentions] == [
        ("Red Hat", "Person"),
        ("Will Smith", "Person"),
        ("Storm Lorenzo", "Organization"),  # a storm is no person
    ]


def test_names_the_ner_tagged_or_cut_wrongly_are_the_article_s_people_and_bodies(
    nlp: Language,
) -> None:
    doc = entities(
        nlp,
        "Dr Valeria Gazzola spoke for the national Constitution Party. Dr Gazzola said "
        "the League of Women Voters agreed. The League of Women Voters met Robert Downey Jr. "
        "and John Luk Jok. Downey and John Luk left with Senator from Vermont Bernie Sanders. "
        "Bernie Sanders waved.",
        ("Dr Valeria Gazzola", "ORG"),
        ("national Constitution Party", "ORG"),
        ("Dr Gazzola", "ORG"),
        ("League of Women Voters", "ORG"),
        ("League of Women", "ORG"),  # cut short before "Voters"
        ("Robert Downey Jr.", "PERSON"),
        ("John Luk Jok", "PERSON"),
        ("Downey", "ORG"),
        ("John Luk", "PERSON"),
        ("Vermont Bernie Sanders", "ORG"),
        ("Bernie Sanders", "PERSON"),
    )
    assert [(m.text, m.actor.label) for m in resolve_actors(doc).mentions] == [
        ("Valeria Gazzola", "Valeria Gazzola"),  # a title opens a person's name
        ("Constitution Party", "Constitution Party"),
        ("Gazzola", "Valeria Gazzola"),  # the title and the surname alone
        ("League of Women Voters", "League of Women Voters"),
        ("League of Women Voters", "League of Women Voters"),
        ("Robert Downey Jr.", "Robert Downey Jr."),
        ("John Luk Jok", "John Luk Jok"),
        ("Downey", "Robert Downey Jr."),  # the surname before the suffix
        ("John Luk", "John Luk Jok"),  # the one longer name it begins
        ("Bernie Sanders", "Bernie Sanders"),  # a person's name after a place
        ("Bernie Sanders", "Bernie Sanders"),
    ]


def test_an_acronym_found_alone_is_the_name_spelled_before_it(nlp: Language) -> None:
    doc = entities(
        nlp,
        "Anthony Fauci of the National Institute of Allergy and Infectious Diseases (NIAID) "
        "spoke. NIAID said so.",
        ("Anthony Fauci", "PERSON"),
        ("NIAID", "ORG"),
        ("NIAID", "ORG"),
    )
    labels = [m.actor.label for m in resolve_actors(doc).mentions]
    assert labels[1:] == ["National Institute of Allergy and Infectious Diseases"] * 2


def test_an_acronym_in_brackets_after_its_name_is_the_name(nlp: Language) -> None:
    # The name is not "completed" over the bracket: it stays itself, so "FSB" joins it.
    doc = entities(
        nlp,
        "Officers of the Federal Security Service (FSB) arrived. The FSB said so.",
        ("Federal Security Service", "ORG"),
        ("FSB", "ORG"),
        ("FSB", "ORG"),
    )
    labels = {m.actor.label for m in resolve_actors(doc).mentions}
    assert labels == {"Federal Security Service"}


def test_an_organisation_s_span_cut_at_a_comma_or_naming_a_state(nlp: Language) -> None:
    doc = entities(
        nlp,
        "Aparna Garg leads. Garg, Mysore Divisional Railway Manager, spoke. The Prohibition "
        "Party met. The Prohibition Party, Reform Party and the State of France agreed. The "
        "Institute of Epidemiology, Disease Control and Research said so.",
        ("Aparna Garg", "PERSON"),
        ("Garg, Mysore Divisional Railway", "ORG"),
        ("Prohibition Party", "ORG"),
        ("Prohibition Party, Reform Party", "ORG"),
        ("State of France", "ORG"),
        ("Institute of Epidemiology, Disease Control and Research", "ORG"),
    )
    assert [m.actor.label for m in resolve_actors(doc).mentions] == [
        "Aparna Garg",
        "Aparna Garg",
        "Prohibition Party",
        "Prohibition Party",
        "France",
        "Institute of Epidemiology, Disease Control and Research",
    ]


def test_a_person_whose_name_runs_into_a_figure_is_no_person(nlp: Language) -> None:
    # "Victoria 1.6%" must not make a person "Victoria" who takes over the state.
    doc = entities(
        nlp,
        "Melbourne 0.5%, Victoria 1.6%. The government of Victoria agreed.",
        ("Victoria 1.6", "PERSON"),
        ("Victoria", "GPE"),
    )
    assert [(m.text, m.actor.type) for m in resolve_actors(doc).mentions] == [
        ("Victoria", "Organization"),
        ("Victoria", "Territory"),
    ]


def test_a_name_in_apposition_to_a_title_is_a_person_whatever_the_ner_said(nlp: Language) -> None:
    # The small model tags "Morgan Ortagus" here as an organisation.
    index, doc = resolve(
        nlp,
        "Following the vote, a United States Department of State spokesperson, Morgan Ortagus, "
        "said the United States was disappointed.",
    )

    assert "Morgan Ortagus" in [e.text for e in doc.ents if e.label_ == "ORG"]  # type: ignore[attr-defined]
    [ortagus] = [m.actor for m in index.mentions if m.text == "Morgan Ortagus"]
    assert ortagus.type == "Person"


def test_a_surname_two_full_names_share_is_the_one_named_more_often(nlp: Language) -> None:
    index, _ = resolve(
        nlp,
        "Joe Biden campaigned in Michigan. Joe Biden met voters there. Hunter Biden, his son, "
        "stayed away. Later, Biden attacked Trump.",
    )

    assert actors_by_surface(index)["Biden"] == "Joe Biden"
