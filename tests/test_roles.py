"""Roles from titles, party words and appositions, with the real English pipeline.

Sentences are invented for these tests. Each shows one rule of ``kgraph/relations/roles.py``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kgraph.model import Article, ArticleResult
from kgraph.pipeline import extract

pytestmark = pytest.mark.model


def roles(nlp, text: str) -> set[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """The role relations (leader-of, member-of, ...) of a one-article text."""
    article = Article(id="t", date=dt.date(2019, 12, 19), title="", text=text, source="t.txt")
    [result] = extract([article], nlp=nlp)
    return _roles(result)


def _roles(result: ArticleResult) -> set[tuple[str, str, str]]:
    wanted = {"leader-of", "member-of", "candidate-for", "spokesperson-for"}
    return {
        (r.subject.label, r.relation, r.object.label)
        for r in result.relations
        if r.relation in wanted and not (r.negated or r.hypothetical)
    }


US = "The United States Congress met in Washington. The United States said so. "
UK = "The United Kingdom voted. The United Kingdom said so. "


def test_a_party_adjective_makes_a_party_member(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, US + "Republican committee member Doug Collins said the inquiry was a sham.")

    assert ("Doug Collins", "member-of", "Republican Party") in found


def test_a_legislators_title_names_the_chamber_and_a_list_shares_it(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(
        nlp, US + "Two Democratic Representatives, Collin Peterson and Jeff Van Drew, voted no."
    )

    for person in ("Collin Peterson", "Jeff Van Drew"):
        assert (person, "member-of", "Democratic Party") in found
        assert (person, "member-of", "United States House of Representatives") in found


def test_the_same_party_word_means_the_party_of_the_articles_country(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, UK + "Conservative MP Jane Smith criticised the plan.")

    assert ("Jane Smith", "member-of", "Conservative Party") in found
    assert ("Jane Smith", "member-of", "Parliament of the United Kingdom") in found


def test_a_party_word_right_before_leader_makes_the_party_leader(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, UK + "Conservative leader Jane Smith criticised the plan.")

    assert ("Jane Smith", "leader-of", "Conservative Party") in found


def test_a_party_word_before_another_office_is_membership_only(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(
        nlp,
        US + "Mitch McConnell, the Republican Senate Majority Leader, said the trial would start.",
    )

    assert ("Mitch McConnell", "member-of", "Republican Party") in found
    assert ("Mitch McConnell", "leader-of", "Republican Party") not in found


def test_a_party_word_of_a_country_the_article_never_names_is_not_read(nlp) -> None:  # type: ignore[no-untyped-def]
    assert roles(nlp, "Conservative activist Jane Smith criticised the plan.") == set()


def test_a_legislators_home_state_is_not_an_office(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, US + "Republican Senator Lindsey Graham of Georgia spoke on Fox News.")

    assert ("Lindsey Graham", "member-of", "United States Senate") in found
    assert not any(obj == "Georgia" for _, _, obj in found)


def test_past_heads_of_state_in_a_plural_title_hold_no_office(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(
        nlp, US + "Only two presidents have been impeached, Andrew Johnson and Bill Clinton."
    )

    assert not any(relation == "leader-of" for _, relation, _ in found)


def test_a_predicative_title_gives_the_role(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, US + "Joe Biden is a leading candidate for the Democratic nomination.")

    assert ("Joe Biden", "candidate-for", "Democratic Party") in found


def test_elected_as_a_title_gives_the_role(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, UK + "Boris Johnson was elected as the new Conservative leader on Tuesday.")

    assert ("Boris Johnson", "leader-of", "Conservative Party") in found


def test_an_organisations_possessive_makes_a_member(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(
        nlp, "The United Nations met. The United Nations' Jane Smith said the talks failed."
    )

    assert ("Jane Smith", "member-of", "United Nations") in found


def test_from_a_camp_makes_a_member(nlp) -> None:  # type: ignore[no-untyped-def]
    text = "Hong Kong voted. Hong Kong said so. Regina Ip from the pro-Beijing camp said no."

    assert ("Regina Ip", "member-of", "pro-Beijing camp") in roles(nlp, text)


def test_a_state_organ_named_after_its_state_is_part_of_it(nlp) -> None:  # type: ignore[no-untyped-def]
    article = Article(
        id="t", date=None, title="",
        text="The Foreign Ministry of Iraq condemned it. The Saudi Press Agency reported it.",
        source="t.txt",
    )  # fmt: skip
    [result] = extract([article], nlp=nlp)

    part_of = {
        (r.subject.label, r.object.label) for r in result.relations if r.relation == "part-of"
    }
    assert ("Foreign Ministry of Iraq", "Iraq") in part_of
    assert not any(subject == "Saudi Press Agency" for subject, _ in part_of)


def test_an_office_only_some_states_have_goes_to_the_one_the_article_names(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        "The United States and the United States and the United States met the United Kingdom. "
        "Foreign Secretary Dominic Raab spoke."
    )

    found = roles(nlp, text)

    assert ("Dominic Raab", "member-of", "United Kingdom") in found
    assert ("Dominic Raab", "member-of", "United States") not in found


def test_who_succeeded_him_as_a_title_gives_the_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = UK + "Jeremy Hunt, who succeeded him as Foreign Secretary, spoke on Friday."

    assert ("Jeremy Hunt", "member-of", "United Kingdom") in roles(nlp, text)


def test_a_title_phrase_the_parser_made_the_root_still_titles_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    text = 'A member of the Tunisian Parliament, Samir Dilou said, "Tunisia is facing attacks".'

    assert ("Samir Dilou", "member-of", "Tunisian Parliament") in roles(nlp, text)


def test_a_party_word_before_a_non_party_office_is_membership(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, US + "Trump criticized the city's Democratic mayor Muriel Bowser.")

    assert ("Muriel Bowser", "member-of", "Democratic Party") in found
    assert ("Muriel Bowser", "leader-of", "Democratic Party") not in found


def test_a_city_office_is_not_the_countrys_whose_capital_it_is(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, UK + "The mayor of London, Sadiq Khan, thanked the police.")

    assert ("Sadiq Khan", "leader-of", "United Kingdom") not in found


def test_a_candidate_stands_for_a_party_or_an_office_not_a_university(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, "Daniel Paluh, a Ph.D. candidate at the University of Florida, said so.")

    assert not any(relation == "candidate-for" for _, relation, _ in found)


def test_a_party_chairman_of_a_committee_chairs_the_committee_not_the_party(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(
        nlp, US + "Adam Schiff, the Democratic chairman of the House Intelligence Committee, spoke."
    )

    assert ("Adam Schiff", "member-of", "Democratic Party") in found
    assert ("Adam Schiff", "leader-of", "Democratic Party") not in found


def test_a_state_representative_is_not_in_the_national_house(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, US + "Republican state representative Terri Collins sponsored the bill.")

    assert ("Terri Collins", "member-of", "United States House of Representatives") not in found
    assert ("Terri Collins", "member-of", "Republican Party") in found


def test_an_organisation_beyond_a_preposition_is_not_the_titles(nlp) -> None:  # type: ignore[no-untyped-def]
    text = US + "He was nominated to the Supreme Court in 1975 by President Gerald Ford."

    assert not any(obj == "Supreme Court" for _, _, obj in roles(nlp, text))


def test_a_title_word_describing_another_noun_is_no_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        US + "Andrea Zamperoni, the head chef of New York City's Cipriani Dolci restaurant, died."
    )

    assert roles(nlp, text) == set()


def test_a_speaker_presides_over_a_chamber_not_a_country(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, US + "US Speaker Nancy Pelosi announced an impeachment investigation.")

    assert ("Nancy Pelosi", "leader-of", "United States") not in found


def test_a_party_from_a_party_word_is_the_gazetteers_with_its_wikidata_id(nlp) -> None:  # type: ignore[no-untyped-def]
    article = Article(
        id="t", date=None, title="", source="t.txt",
        text=US + "Republican senator Lindsey Graham spoke.",
    )  # fmt: skip
    [result] = extract([article], nlp=nlp)

    [party] = [r.object for r in result.relations if r.object.label == "Republican Party"]
    assert party.wikidata == "Q29468"


def test_a_state_title_goes_to_the_one_named_state_that_has_the_office(nlp) -> None:  # type: ignore[no-untyped-def]
    # Neither country dominates; the United States has no prime minister, the United
    # Kingdom no president.
    text = (
        "The United Kingdom asked the United States for help. The United States refused. "
        "The United Kingdom protested. Prime Minister Boris Johnson called it wrong. "
        "President Donald Trump disagreed."
    )
    found = roles(nlp, text)

    assert ("Boris Johnson", "leader-of", "United Kingdom") in found
    assert ("Donald Trump", "leader-of", "United States") in found
    assert ("Boris Johnson", "leader-of", "United States") not in found


def test_a_state_title_is_not_taken_to_be_an_office_the_main_country_lacks(nlp) -> None:  # type: ignore[no-untyped-def]
    text = US + "The United States agreed. Prime Minister Jacinda Ardern said she was pleased."

    assert not any(person == "Jacinda Ardern" for person, _, _ in roles(nlp, text))


def test_the_organs_of_a_state_make_the_article_about_it(nlp) -> None:  # type: ignore[no-untyped-def]
    # The country itself is never named, its legislature three times.
    text = (
        "The United States House of Representatives voted on Wednesday. "
        "The United States House of Representatives passed both articles. The United States "
        "Senate will hold the trial. The House impeached President Donald Trump."
    )

    assert ("Donald Trump", "leader-of", "United States") in roles(nlp, text)


def test_a_title_in_a_clause_dated_years_back_is_not_held_now(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(
        nlp,
        US + "In 1905, President Theodore Roosevelt mediated a peace agreement. "
        "The 2016 nominee, Senator Amy Klobuchar, spoke today.",
    )

    assert not any(person == "Theodore Roosevelt" for person, _, _ in found)
    # A year that describes a noun ("the 2016 nominee") dates nothing.
    assert ("Amy Klobuchar", "member-of", "United States Senate") in found


@pytest.mark.parametrize(
    ("text", "role"),
    [
        (
            "The prosecutor general of Tehran, Ali Alghasi Mehr, said the warrants were issued.",
            ("Ali Alghasi Mehr", "member-of", "Iran"),
        ),
        (
            # The small model splits the league's name at "for"; it is one organisation.
            "Speaking to reporters, the president of the Tunisian League for the Defence of "
            "Human Rights, Jamel Msallem, said the decree was justified.",
            ("Jamel Msallem", "leader-of", "Tunisian League for the Defence of Human Rights"),
        ),
    ],
)
def test_a_title_with_an_of_phrase_before_a_comma_titles_the_name_after_it(nlp, text, role) -> None:  # type: ignore[no-untyped-def]
    # The parser hangs the name on the nearest noun (Tehran, Rights), not on the title.
    assert role in roles(nlp, text)


def test_a_president_among_several_is_a_past_one(nlp) -> None:  # type: ignore[no-untyped-def]
    text = US + "A third president, Richard Nixon, resigned before any impeachment vote."

    assert not any(person == "Richard Nixon" for person, _, _ in roles(nlp, text))


def test_a_legislators_state_before_the_title_is_the_chambers_not_a_second_membership(nlp) -> None:  # type: ignore[no-untyped-def]
    found = roles(nlp, "On Monday, United States Senator Bernie Sanders endorsed Joe Biden.")

    assert ("Bernie Sanders", "member-of", "United States Senate") in found
    assert ("Bernie Sanders", "member-of", "United States") not in found


def test_a_body_word_in_a_title_is_the_body_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        US + "The House Judiciary Committee met on Tuesday. "
        "Democratic committee chairman Jerrold Nadler said the inquiry goes on. "
        "Republican committee member Doug Collins said it did not."
    )
    found = roles(nlp, text)

    assert ("Jerrold Nadler", "leader-of", "House Judiciary Committee") in found
    assert ("Doug Collins", "member-of", "House Judiciary Committee") in found
    assert ("Doug Collins", "member-of", "Republican Party") in found


def test_whose_commander_in_chief_is_titles_the_name_and_places_his_office(nlp) -> None:  # type: ignore[no-untyped-def]
    # The article is mostly about Türkiye; the president who commands the Syrian Army is
    # Syria's, not Türkiye's.
    text = (
        "Türkiye attacked the SDF. Türkiye said so. Türkiye sent troops. "
        "The Syrian Army, whose commander-in-chief is President Bashar al-Assad, entered the town."
    )
    found = roles(nlp, text)

    assert ("Bashar al-Assad", "leader-of", "Syrian Army") in found
    assert ("Bashar al-Assad", "leader-of", "Syria") in found
    assert ("Bashar al-Assad", "leader-of", "Türkiye") not in found


def test_a_monarchs_regnal_number_is_part_of_the_name(nlp) -> None:  # type: ignore[no-untyped-def]
    text = UK + "Britain left. The prime minister is appointed by the monarch, currently "
    text += "Queen Elizabeth II."

    assert ("Elizabeth II", "leader-of", "United Kingdom") in roles(nlp, text)


def test_an_office_run_for_by_the_name_before_is_not_the_next_names_title(nlp) -> None:  # type: ignore[no-untyped-def]
    text = US + "The ticket of Jill Stein for president and Ajamu Baraka for vice president won."

    assert not any(person == "Ajamu Baraka" for person, _, _ in roles(nlp, text))


def test_a_third_after_a_counted_list_is_one_more_of_its_kind(nlp) -> None:  # type: ignore[no-untyped-def]
    text = US + (
        "Two Democratic Representatives, Collin Peterson and Jeff Van Drew, opposed both "
        "articles, and a third, Jared Golden, voted for the first article."
    )
    found = roles(nlp, text)

    assert ("Jared Golden", "member-of", "Democratic Party") in found
    assert ("Jared Golden", "member-of", "United States House of Representatives") in found


def test_a_third_after_a_list_with_no_title_gets_no_role(nlp) -> None:  # type: ignore[no-untyped-def]
    text = US + "President Donald Trump named two judges, Amy Barrett and Neil Gorsuch, and a "
    text += "third, Brett Kavanaugh."

    assert not any(person == "Brett Kavanaugh" for person, _, _ in roles(nlp, text))
