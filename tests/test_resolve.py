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


def test_a_shared_surname_is_the_person_named_first_unless_another_is_named_far_more(
    nlp: Language,
) -> None:
    # Hunter Biden is named in full more often than his father, but not twice as often:
    # the bare "Biden" is still Joe Biden, whom the article named first.
    index, _ = resolve(
        nlp,
        "Joe Biden spoke in Ohio. Hunter Biden, his son, was not there. Joe Biden said the "
        "economy was strong. Reporters asked about Hunter Biden, and Hunter Biden declined to "
        "comment. Biden attacked Trump.",
    )

    assert actors_by_surface(index)["Biden"] == "Joe Biden"


def test_a_shared_surname_the_ner_took_for_a_place_is_the_person_named_first(
    nlp: Language,
) -> None:
    doc = entities(
        nlp,
        "Elijah Cummings died on Thursday. His mother, Ruth Cummings, raised him in Baltimore. "
        "Cummings served in Congress.",
        ("Elijah Cummings", "PERSON"),
        ("Ruth Cummings", "PERSON"),
        ("Baltimore", "GPE"),
        ("Cummings", "GPE"),
    )

    assert [m.actor.label for m in resolve_actors(doc).mentions if m.text == "Cummings"] == [
        "Elijah Cummings"
    ]


def test_a_shared_surname_the_article_uses_for_a_place_stays_a_place(nlp: Language) -> None:
    doc = entities(
        nlp,
        "Make Melbourne and Love Melbourne are slogans. Voters in Melbourne choose a mayor.",
        ("Make Melbourne", "PERSON"),
        ("Love Melbourne", "PERSON"),
        ("Melbourne", "GPE"),
    )

    [melbourne] = [m.actor for m in resolve_actors(doc).mentions if m.text == "Melbourne"]
    assert melbourne.type == "Territory"


def test_issues_and_diseases_the_ner_takes_for_names_are_no_actors(nlp: Language) -> None:
    index, doc = resolve(
        nlp,
        'COVID-19 has killed thousands in Iran. Parliament has repeatedly voted against a "no '
        'deal" Brexit.',
    )

    assert {"Brexit", "COVID-19"} <= {e.text for e in doc.ents}  # type: ignore[attr-defined]
    assert [m.text for m in index.mentions] == ["Iran", "Parliament"]


def test_a_person_s_name_used_with_an_article_is_a_common_noun(nlp: Language) -> None:
    # "a Frexit", as "a Brexit": no person's name takes an article of its own.
    doc = entities(
        nlp,
        "The party campaigns for a Frexit. Frexit would hurt trade, said Marine Le Pen.",
        ("Frexit", "PERSON"),
        ("Frexit", "PERSON"),
        ("Marine Le Pen", "PERSON"),
    )

    assert [m.text for m in resolve_actors(doc).mentions] == ["Marine Le Pen"]


def test_what_the_english_model_makes_of_another_script_is_no_actor(nlp: Language) -> None:
    doc = entities(
        nlp,
        "Скажем, Дмитрий держал ребенка. Dmitry Koshelev (Дмитрий Кошелев) won the prize.",
        ("Дмитрий", "PERSON"),
        ("Dmitry Koshelev", "PERSON"),
        ("Дмитрий Кошелев", "PERSON"),
    )

    # The Russian sentence gives nothing; a name in its own script in English stays.
    assert [m.text for m in resolve_actors(doc).mentions] == ["Dmitry Koshelev", "Дмитрий Кошелев"]


def test_a_name_the_ner_cut_short_is_completed_in_any_case(nlp: Language) -> None:
    index, _ = resolve(
        nlp,
        "Most candidates felt the League of Women voters held better debates. The League of "
        "Women Voters agreed.",
    )

    assert set(actors_by_surface(index).values()) == {"League of Women Voters"}


@pytest.mark.parametrize(
    ("text", "short", "longer"),
    [
        ("The Supreme Court ruled on Monday. The Court said the law was void.", "Court",
         "Supreme Court"),
        ("Researchers from the College of Wooster in Ohio reported it. The Wooster professor "
         "added that it mattered.", "Wooster", "College of Wooster"),
        ("Denmark's Salling Group A/S bought the stores. Salling Group will rename them.",
         "Salling Group", "Salling Group A/S"),
        ("A team from the University of California Davis dated the bones. UC Davis said so.",
         "UC Davis", "University of California Davis"),
    ],
)  # fmt: skip
def test_a_short_form_of_an_organisation_s_name_is_that_organisation(
    nlp: Language, text: str, short: str, longer: str
) -> None:
    index, _ = resolve(nlp, text)

    assert actors_by_surface(index)[short] == longer


def test_a_common_noun_short_form_is_not_kept_as_a_name_of_the_organisation(
    nlp: Language,
) -> None:
    # Another article's "Court" must not be matched to this one's Supreme Court by name.
    index, _ = resolve(nlp, "The Supreme Court ruled on Monday. The Court said the law was void.")

    [court] = {m.actor for m in index.mentions}
    assert "Court" not in court.names


def test_a_place_or_a_state_branch_is_not_the_short_form_of_an_organisation(
    nlp: Language,
) -> None:
    doc = entities(
        nlp,
        "The University of Kansas is in Kansas. The Constitution Party of Idaho left the "
        "Constitution Party, which is weak in Idaho.",
        ("University of Kansas", "ORG"),
        ("Kansas", "GPE"),
        ("Constitution Party of Idaho", "ORG"),
        ("Constitution Party", "ORG"),
        ("Idaho", "GPE"),
    )

    assert [m.actor.label for m in resolve_actors(doc).mentions] == [
        "University of Kansas",
        "Kansas",
        "Constitution Party of Idaho",
        "Constitution Party",
        "Idaho",
    ]


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Emily Spanton met officers Antoine Quirin and Nicolas Redouane at a pub. Quirin "
         "denied it.", "Antoine Quirin"),
        ("Trump himself, his wife Melania, and son Barron all tested positive.", "Melania"),
    ],
)  # fmt: skip
def test_a_name_after_a_noun_only_people_are_called_is_a_person(
    nlp: Language, text: str, name: str
) -> None:
    index, doc = resolve(nlp, text)

    assert name not in [e.text for e in doc.ents if e.label_ == "PERSON"]  # type: ignore[attr-defined]
    assert {m.actor.type for m in index.mentions if name.endswith(m.text)} == {"Person"}


def test_two_people_s_names_joined_into_one_span_are_both_people(nlp: Language) -> None:
    index, doc = resolve(
        nlp,
        "Joe Biden and Donald Trump met. Politico called the prior Trump-Biden debate less civil.",
    )

    assert "Trump-Biden" in [e.text for e in doc.ents]  # type: ignore[attr-defined]
    assert [m.actor.label for m in index.mentions if m.actor.type == "Person"] == [
        "Joe Biden", "Donald Trump", "Donald Trump", "Joe Biden",
    ]  # fmt: skip


def test_a_gerund_opening_the_sentence_is_no_part_of_a_place_s_name(nlp: Language) -> None:
    index, doc = resolve(nlp, "Following South Carolina, the storm moved north.")

    assert "Following South Carolina" in [e.text for e in doc.ents]  # type: ignore[attr-defined]
    assert actors_by_surface(index) == {"South Carolina": "South Carolina"}


def test_a_citation_s_et_al_is_the_author(nlp: Language) -> None:
    doc = entities(
        nlp,
        "Vlada Stamenković led the study. Stamenković et al wrote that brines hold oxygen. "
        "Stamenković et al's paper is theoretical.",
        ("Vlada Stamenković", "PERSON"),
        ("Stamenković et al", "ORG"),
        ("Stamenković et al's", "ORG"),
    )

    assert [m.actor.label for m in resolve_actors(doc).mentions] == ["Vlada Stamenković"] * 3


def test_what_a_person_has_is_no_part_of_the_name(nlp: Language) -> None:
    # The first name alone is the one person whose name it starts, not a second one.
    doc = entities(
        nlp,
        "Sally Capp is the Lord Mayor. What does Melbourne lack under Sally Capp's Mayorship? "
        "Sally's strategy is to spend.",
        ("Sally Capp", "PERSON"),
        ("Melbourne", "GPE"),
        ("Sally Capp's Mayorship", "PERSON"),
        ("Sally", "PERSON"),
    )

    people = [m for m in resolve_actors(doc).mentions if m.actor.type == "Person"]
    assert [m.text for m in people] == ["Sally Capp", "Sally Capp", "Sally"]
    assert {m.actor.label for m in people} == {"Sally Capp"}


def test_a_spanish_name_without_the_mother_s_surname_is_the_same_person(nlp: Language) -> None:
    index, _ = resolve(
        nlp,
        "Pedro R. Pierluisi Urrutia was sworn in as governor. Pedro Pierluisi said he would serve.",
    )

    assert set(actors_by_surface(index).values()) == {"Pedro R. Pierluisi Urrutia"}


def test_a_hyphen_between_the_words_of_a_state_s_name_is_the_state(nlp: Language) -> None:
    doc = entities(nlp, "Suicide rates in the United-States rose.", ("United-States", "GPE"))

    [state] = [m.actor for m in resolve_actors(doc).mentions]
    assert (state.label, state.iso_code) == ("United States", "US")


def test_a_birth_name_is_the_person_but_no_name_to_find_them_by(nlp: Language) -> None:
    index, _ = resolve(
        nlp,
        "Ginger Baker died on Sunday. Ginger Baker was born Peter Edward Baker in Lewisham, "
        "London, in 1939. Baker played drums.",
    )

    people = {m.actor for m in index.mentions if m.actor.type == "Person"}
    assert [(p.label, "Peter Edward Baker" in p.names) for p in people] == [("Ginger Baker", False)]


def test_a_first_name_tagged_as_a_place_is_the_one_person_it_starts(nlp: Language) -> None:
    doc = entities(
        nlp,
        "Rocky De La Fuente ran for president. Rocky said he would win. Virginia Foxx voted. "
        "Voters in Virginia agreed with Virginia.",
        ("Rocky De La Fuente", "PERSON"),
        ("Rocky", "GPE"),
        ("Virginia Foxx", "PERSON"),
        ("Virginia", "GPE"),
        ("Virginia", "GPE"),
    )

    # "Virginia", which the article also uses for a place, stays a place.
    assert [m.actor.label for m in resolve_actors(doc).mentions] == [
        "Rocky De La Fuente", "Rocky De La Fuente", "Virginia Foxx", "Virginia", "Virginia",
    ]  # fmt: skip


def test_an_institution_or_a_place_named_after_a_person_is_no_person(nlp: Language) -> None:
    # The small model tags all three as people.
    index, doc = resolve(
        nlp,
        "He died from his injuries at John Radcliffe Hospital a short time later. "
        "Sirhan was serving his time at Richard J. Donovan Correctional Facility. "
        "Both explosions took place on Karl Marx Avenue.",
    )

    tagged = {e.text: e.label_ for e in doc.ents}  # type: ignore[attr-defined]
    assert tagged["John Radcliffe Hospital"] == tagged["Karl Marx Avenue"] == "PERSON"
    actors = {m.text: m.actor.type for m in index.mentions}
    assert actors["John Radcliffe Hospital"] == "Organization"
    # A prison or a street is a place, no actor.
    assert "Richard J. Donovan Correctional Facility" not in actors
    assert "Karl Marx Avenue" not in actors
    assert actors["Sirhan"] == "Person"


def test_words_an_acronym_of_the_article_spells_out_are_no_person_s_name(nlp: Language) -> None:
    index, doc = resolve(
        nlp, "Zara Kay spoke against FGM. [Female Genital Mutilation]. FGM is bad."
    )

    assert "Female Genital Mutilation" in [e.text for e in doc.ents if e.label_ == "PERSON"]  # type: ignore[attr-defined]
    assert {m.text: m.actor.label for m in index.mentions if m.actor.type != "Person"} == {
        "FGM": "Female Genital Mutilation",
        "Female Genital Mutilation": "Female Genital Mutilation",
    }


def test_a_person_s_initials_in_a_transcript_are_the_person(nlp: Language) -> None:
    # In a whole interview the model tags the interviewer's "WSS" as an organisation.
    doc = nlp(
        "Phil Collins answered questions from reporter William S. Saturn.\n\n"
        "((WSS)) What is your plan?"
    )
    wss = next(token.i for token in doc if token.text == "WSS")
    doc.ents = [*doc.ents, Span(doc, wss, wss + 1, label="ORG")]

    index = resolve_actors(doc)

    assert actors_by_surface(index)["WSS"] == "William S. Saturn"


def test_a_person_s_name_the_ner_took_for_an_organisation_that_speaks_is_a_person(
    nlp: Language,
) -> None:
    # The small model tags each name as an organisation; the sentence says it is a person's:
    # a person of a body, or "she" in what was said. A company that speaks stays one.
    for text, name in [
        ("Nikki Holland of the UK's National Crime Agency said, \"They cannot hide.\"",
         "Nikki Holland"),
        ("La Riva said she fully opposed charter schools.", "La Riva"),
    ]:  # fmt: skip
        index, doc = resolve(nlp, text)
        assert name in [e.text for e in doc.ents if e.label_ == "ORG"]  # type: ignore[attr-defined]
        assert {m.text: m.actor.type for m in index.mentions}[name] == "Person"
    index, _ = resolve(nlp, "On Tuesday, software company Red Hat announced their plans.")
    assert {m.text: m.actor.type for m in index.mentions}["Red Hat"] == "Organization"


def test_a_name_the_ner_cut_short_loses_its_dangling_words(nlp: Language) -> None:
    index, doc = resolve(
        nlp,
        'The Catholic Bishops\' Conference of the Philippines said, "We mourn." '
        'NATO Secretary-General Jens Stoltenberg wrote, "I count on Turkey to act with '
        'restraint & ensure that the gains are not jeopardised."',
    )

    ents = [e.text for e in doc.ents]  # type: ignore[attr-defined]
    assert "The Catholic Bishops' Conference of the" in ents and "restraint &" in ents
    surfaces = [m.text for m in index.mentions]
    assert "Catholic Bishops' Conference" in surfaces
    assert not any("restraint" in surface for surface in surfaces)


def test_words_of_an_office_are_no_actor(nlp: Language) -> None:
    index, doc = resolve(
        nlp,
        "US Secretary of State Mike Pompeo posted a message on Twitter. "
        "He was among the Representatives who voted against the Iraq War in 2002.",
    )

    assert {"State", "Representatives"} <= {e.text for e in doc.ents if e.label_ == "ORG"}  # type: ignore[attr-defined]
    assert {"State", "Representatives"}.isdisjoint(m.text for m in index.mentions)


def test_a_body_s_name_before_a_post_is_the_body(nlp: Language) -> None:
    index, _ = resolve(
        nlp,
        "The Mysore Division is a part of the railway. For how long have you been "
        "working here as the Mysore Division Railway Manager?",
    )

    assert actors_by_surface(index)["Mysore Division Railway"] == "Mysore Division"


def test_spellings_of_one_organisation_and_its_short_forms_are_one_actor(nlp: Language) -> None:
    index, _ = resolve(
        nlp,
        "The state-run Indian Railways launched this event. Mysore district comes under "
        "the Indian Railway. HDT Limited was registered in August. HDT's loan was covered. "
        "He took a job at the Scripps Institution of Oceanography. He was recalled to "
        "Scripps after the war.",
    )

    labels = actors_by_surface(index)
    assert labels.get("Indian Railway", "Indian Railways") == "Indian Railways"
    assert labels["HDT"] == "HDT Limited"
    assert labels["Scripps"] == "Scripps Institution of Oceanography"


def test_a_full_name_tagged_as_an_organisation_is_the_person_its_father_s_surname_names(
    nlp: Language,
) -> None:
    # The small model tags the Spanish full name as an organisation; the article calls
    # the person by the father's surname, the second of three words.
    text = "Protesters demanded that Ricardo Rosselló Nevares resign. Rosselló said he would stay."
    index, doc = resolve(nlp, text)

    assert "Ricardo Rosselló Nevares" in [e.text for e in doc.ents if e.label_ == "ORG"]  # type: ignore[attr-defined]
    people = {m.text: (m.actor.label, m.actor.type) for m in index.mentions}
    assert people["Rosselló"] == people["Ricardo Rosselló Nevares"]
    assert people["Rosselló"] == ("Ricardo Rosselló Nevares", "Person")


def test_an_organisation_s_name_goes_on_in_the_place_the_ner_tagged_apart(
    nlp: Language,
) -> None:
    index, doc = resolve(
        nlp, "Dr. Tristan Smith of University College London, a researcher, explained it."
    )

    assert "University College" in [e.text for e in doc.ents if e.label_ == "ORG"]  # type: ignore[attr-defined]
    assert actors_by_surface(index)["University College London"] == "University College London"
    assert "United Kingdom" not in actors_by_surface(index).values()
    # A place that only follows the name is no word of it.
    index, _ = resolve(nlp, "In an interview with CNN Iran said it would retaliate.")
    assert actors_by_surface(index) == {"CNN": "CNN", "Iran": "Iran"}


def test_a_gerund_opening_the_sentence_is_no_word_of_its_object_s_name(nlp: Language) -> None:
    index, doc = resolve(
        nlp, "Enrolling Minetest into GSoC could be the contribution of someone. Minetest grew."
    )

    assert "Enrolling Minetest" in [e.text for e in doc.ents]  # type: ignore[attr-defined]
    assert {m.actor.label for m in index.mentions if "Minetest" in m.text} == {"Minetest"}


def test_a_name_without_the_acronym_of_the_body_that_holds_it_is_the_same_event(
    nlp: Language,
) -> None:
    index, _ = resolve(
        nlp,
        "Karsten Warholm of Norway won the final at the 2019 IAAF World Athletics "
        "Championships in Doha, Qatar. The World Athletics Championships are held every "
        "other year.",
    )

    labels = actors_by_surface(index)
    assert labels["World Athletics Championships"] == "IAAF World Athletics Championships"


def test_a_place_and_the_region_it_lies_in_are_not_one_name(nlp: Language) -> None:
    index, doc = resolve(
        nlp,
        "Navalny was airlifted from the city of Omsk in Siberia to Berlin, Germany. "
        "Doctors in Omsk said he was stable.",
    )

    assert "Omsk in Siberia" in [e.text for e in doc.ents]  # type: ignore[attr-defined]
    assert {m.actor.label for m in index.mentions if "Omsk" in m.text} == {"Omsk"}


def test_a_surname_of_several_words_tagged_as_an_organisation_is_the_person(
    nlp: Language,
) -> None:
    index, doc = resolve(
        nlp,
        "The Alliance Party gave the nomination to businessman Rocky De La Fuente in "
        "August. Blankenship also fell short of De La Fuente for the Reform Party.",
    )

    assert "De La Fuente" in [e.text for e in doc.ents if e.label_ == "ORG"]  # type: ignore[attr-defined]
    people = {m.text: (m.actor.label, m.actor.type) for m in index.mentions}
    assert people["De La Fuente"] == ("Rocky De La Fuente", "Person")


def test_a_surname_capitalised_to_open_a_sentence_is_the_person(nlp: Language) -> None:
    index, doc = resolve(
        nlp,
        "Yemeni journalist Nabil Hasan al-Quaety was shot dead in Aden. He was 34.\n\n"
        "Al-Quaety, who contributed to Agence France-Presse, openly criticised the council.",
    )

    assert "Al-Quaety" in [e.text for e in doc.ents if e.label_ != "PERSON"]  # type: ignore[attr-defined]
    people = {m.text: m.actor.label for m in index.mentions}
    assert people.get("Al-Quaety", people.get("al-Quaety")) == "Nabil Hasan al-Quaety"
    assert {m.actor.label for m in index.mentions if m.actor.type == "Person"} == {
        "Nabil Hasan al-Quaety"
    }


def test_the_last_word_of_an_organisation_s_name_alone_is_the_same_actor(
    nlp: Language,
) -> None:
    index, doc = resolve(
        nlp,
        "McArthur's first victim was 40-year-old Skandaraj Navaratnam, a former boyfriend. "
        "The killer had kept a bracelet of Navaratnam's.",
    )

    organisations = [e.text for e in doc.ents if e.label_ == "ORG"]  # type: ignore[attr-defined]
    assert "Skandaraj Navaratnam" in organisations
    assert any(name.startswith("Navaratnam") for name in organisations)
    labels = {m.actor.label for m in index.mentions if "Navaratnam" in m.text}
    assert labels == {"Skandaraj Navaratnam"}


def test_a_name_the_ner_began_late_is_the_name_the_article_gives(nlp: Language) -> None:
    index, doc = resolve(
        nlp,
        "The Lost 52 Project found the wreck last June. The Lost 52 Project, named after "
        "the number of U.S. Navy submarines sunk during World War II, has previously located "
        "several of those vessels.",
    )

    assert "Project" in [e.text for e in doc.ents]  # type: ignore[attr-defined]
    assert {m.actor.label for m in index.mentions if "Project" in m.text} == {"Lost 52 Project"}


def test_a_company_s_name_without_the_word_of_its_kind_is_the_company(nlp: Language) -> None:
    # The small model takes the bare name for a person's.
    index, doc = resolve(
        nlp,
        "The Centre for Aviation lists Saha as belonging to the Air Force. "
        "It cited the Air Force as stating Saha Airlines owned the plane.",
    )

    assert "Saha" in [e.text for e in doc.ents if e.label_ == "PERSON"]  # type: ignore[attr-defined]
    assert actors_by_surface(index)["Saha"] == "Saha Airlines"


def test_the_word_of_a_body_s_kind_before_of_is_the_body(nlp: Language) -> None:
    index, _ = resolve(
        nlp,
        "The California Department of Corrections and Rehabilitation (CDCR) did not identify "
        "the victim. The Department issued a statement that an inmate had been stabbed.",
    )

    labels = actors_by_surface(index)
    assert labels["Department"] == "California Department of Corrections and Rehabilitation"


def test_the_word_of_a_body_s_kind_alone_is_the_one_body_of_that_kind(nlp: Language) -> None:
    index, _ = resolve(
        nlp,
        "The Royal Pharmaceutical Society published a survey in 2017. The Society said most "
        "Britons did not wash their hands.",
    )

    assert actors_by_surface(index)["Society"] == "Royal Pharmaceutical Society"
