"""Extraction with the real English pipeline: short sentences, then the seed article end to end.

The pipeline is loaded once per run (the session fixture ``nlp`` in conftest.py).
Sentences are invented for these tests, except in the seed test at the end.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from kgraph.articles import read_articles
from kgraph.model import Article, ArticleResult, Relation
from kgraph.pipeline import extract

pytestmark = pytest.mark.model

FRIDAY = dt.date(2023, 5, 12)
SEEDS = Path(__file__).resolve().parent.parent / "seeds"


def run(nlp, text: str, *, date: dt.date | None = FRIDAY) -> ArticleResult:  # type: ignore[no-untyped-def]
    """Extract one article made of ``text``."""
    article = Article(id="test", date=date, title="", text=text, source="test.txt")
    [result] = extract([article], nlp=nlp)
    return result


def triples(result: ArticleResult) -> list[tuple[str, str, str]]:
    return [(r.subject.label, r.relation, r.object.label) for r in result.relations]


def only(result: ArticleResult, relation: str) -> Relation:
    """The single relation of that name the article gave."""
    [found] = [r for r in result.relations if r.relation == relation]
    return found


def speaker(relation: Relation) -> str | None:
    return relation.attributed_to.label if relation.attributed_to else None


# --- grammar ---------------------------------------------------------------------------------


def test_passive_takes_the_agent_as_subject(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Ukraine was accused by Russia of shelling the power plant.")

    assert triples(result) == [("Russia", "accuses", "Ukraine")]


def test_coordinated_subjects_give_one_relation_each(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "France and Germany condemned Russia.")

    assert triples(result) == [
        ("France", "criticizes", "Russia"),
        ("Germany", "criticizes", "Russia"),
    ]


def test_negated_and_hypothetical_relations_are_kept_and_flagged(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Russia did not meet Iran on Monday. Iran could sanction Israel.")

    meets, sanctions = only(result, "meets"), only(result, "sanctions")
    assert (meets.negated, meets.hypothetical) == (True, False)
    assert (sanctions.negated, sanctions.hypothetical) == (False, True)


def test_on_thursday_in_a_friday_article_is_the_day_before(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "On Thursday, Iran accused Israel of sabotage.")

    assert only(result, "accuses").date == dt.date(2023, 5, 11)


def test_without_a_date_expression_the_article_date_holds(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Iran accused Israel of sabotage.")

    assert only(result, "accuses").date == FRIDAY


# --- reported speech -------------------------------------------------------------------------


def test_reported_speech_is_attributed_to_the_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Angela Merkel said Russia had attacked Ukraine.")

    attack = only(result, "attacks")
    assert (attack.subject.label, attack.object.label) == ("Russia", "Ukraine")
    assert speaker(attack) == "Angela Merkel"


def test_a_parenthetical_speaker_keeps_the_flags(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Russia will not attack Ukraine, Vladimir Putin said.")

    attack = only(result, "attacks")
    assert speaker(attack) == "Vladimir Putin"
    assert attack.negated and attack.hypothetical


def test_a_quote_running_into_the_next_sentence_keeps_its_speaker(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(
        nlp,
        'Emmanuel Macron said: "Russia has threatened Poland. Belarus has threatened Lithuania."',
    )

    assert triples(result) == [
        ("Russia", "threatens", "Poland"),
        ("Belarus", "threatens", "Lithuania"),
    ]
    assert [speaker(r) for r in result.relations] == ["Emmanuel Macron", "Emmanuel Macron"]


def test_he_said_is_the_person_named_before(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(
        nlp, 'Emmanuel Macron spoke to reporters in Paris. "France supports Ukraine," he said.'
    )

    assert speaker(only(result, "supports")) == "Emmanuel Macron"


def test_he_said_is_the_last_named_speaker_not_the_last_person_named(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(
        nlp,
        "Emmanuel Macron said France would stand with Ukraine after his talks with Joe Biden. "
        '"Russia has threatened Poland," he said.',
    )

    assert speaker(only(result, "threatens")) == "Emmanuel Macron"


def test_a_condition_is_not_reported_speech(nlp) -> None:  # type: ignore[no-untyped-def]
    # "respond" is a verb of saying, but here the United States acts; nobody reports the attack.
    result = run(nlp, "If Iran attacks Israel, the United States will respond.")

    attack = only(result, "attacks")
    assert attack.hypothetical
    assert attack.attributed_to is None


def test_a_closing_quote_at_the_end_of_a_paragraph_does_not_run_on(nlp) -> None:  # type: ignore[no-untyped-def]
    text = (
        'Recep Tayyip Erdoğan said he would accept the result as "legitimate."\n'
        "Earlier on Friday, Germany condemned Russia."
    )

    sentences = [sent.text.strip() for sent in nlp(text).sents]
    criticism = only(run(nlp, text), "criticizes")

    assert sentences[-1] == "Earlier on Friday, Germany condemned Russia."
    assert criticism.evidence == "Earlier on Friday, Germany condemned Russia."
    assert criticism.attributed_to is None


# --- actors ----------------------------------------------------------------------------------


def test_turkish_officials_stand_for_turkiye(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Turkish officials accused Greece of provocations.")

    accusation = only(result, "accuses")
    assert (accusation.subject.label, accusation.subject.type) == ("Türkiye", "Country")
    assert accusation.object.label == "Greece"


def test_a_surname_later_is_the_same_person_with_the_full_name(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(
        nlp,
        "Turkish President Recep Tayyip Erdoğan criticized Greece on Monday. "
        "Erdoğan later praised Hungary.",
    )

    criticism, praise = only(result, "criticizes"), only(result, "praises")
    people = [actor for actor in result.actors if actor.type == "Person"]
    assert [person.label for person in people] == ["Recep Tayyip Erdoğan"]
    assert criticism.subject == praise.subject == people[0]
    assert result.mention_counts[people[0].id] == 2
    assert criticism.date == dt.date(2023, 5, 8)


def test_a_title_before_a_name_gives_a_role(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(nlp, "Turkish President Recep Tayyip Erdoğan praised Hungary.")

    assert ("Recep Tayyip Erdoğan", "leader-of", "Türkiye") in triples(result)


def test_an_acronym_after_its_expansion_is_the_same_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    result = run(
        nlp,
        "The Kurdistan Workers' Party (PKK) accused Türkiye of shelling villages. "
        "Iraq criticized the PKK.",
    )

    assert triples(result) == [
        ("Kurdistan Workers' Party", "accuses", "Türkiye"),
        ("Iraq", "criticizes", "Kurdistan Workers' Party"),
    ]


def test_sdf_after_syrian_democratic_forces_is_the_organisation(nlp) -> None:  # type: ignore[no-untyped-def]
    # The example of kgraph.actors.resolve's docstring; "Syrian" is also a demonym of Syria.
    result = run(
        nlp,
        "The Syrian Democratic Forces (SDF) accused Türkiye of shelling villages. "
        "Iraq criticized the SDF.",
    )

    # The gazetteer knows the SDF as an armed group.
    organisations = [a for a in result.actors if a.type == "ArmedGroup"]
    assert [a.label for a in organisations] == ["Syrian Democratic Forces"]
    assert "SDF" in organisations[0].names
    assert triples(result) == [
        ("Syrian Democratic Forces", "accuses", "Türkiye"),
        ("Iraq", "criticizes", "Syrian Democratic Forces"),
    ]


# --- the seed article, end to end ------------------------------------------------------------


@pytest.fixture(scope="module")
def seed(nlp) -> ArticleResult:  # type: ignore[no-untyped-def]
    [result] = extract(read_articles([SEEDS]), nlp=nlp)
    return result


def test_seed_turkiye_is_friends_with_russia(seed: ArticleResult) -> None:
    friendships = [r for r in seed.relations if r.relation == "friends-with"]

    assert any({r.subject.label, r.object.label} == {"Türkiye", "Russia"} for r in friendships)


def test_seed_kilicdaroglu_accuses_russia_on_thursday(seed: ArticleResult) -> None:
    [accusation] = [
        r for r in seed.relations if r.relation == "accuses" and "Kılıçdaroğlu" in r.subject.label
    ]

    assert accusation.subject.label == "Kemal Kılıçdaroğlu"
    assert accusation.subject.type == "Person"
    assert (accusation.object.label, accusation.object.type) == ("Russia", "Country")
    assert accusation.date == dt.date(2023, 5, 11)
    assert not accusation.negated and not accusation.hypothetical


def test_seed_peskov_denies_the_interference(seed: ArticleResult) -> None:
    denials = [r for r in seed.relations if r.relation == "denies"]

    assert any(
        r.subject.label == "Dmitry Peskov"
        and r.object.type == "Topic"
        and "interference" in r.object.label
        for r in denials
    )


def test_seed_peskov_is_the_kremlin_spokesman(seed: ArticleResult) -> None:
    roles = [r for r in seed.relations if r.relation == "spokesperson-for"]

    assert [(r.subject.label, r.object.label) for r in roles] == [("Dmitry Peskov", "Kremlin")]


def test_seed_relations_round_trip_through_json(seed: ArticleResult) -> None:
    for relation in seed.relations:
        record = relation.to_json()
        assert record["doc"] == "000_0c41cf7b84fbb594"
        assert Relation.from_json(record).to_json() == record
