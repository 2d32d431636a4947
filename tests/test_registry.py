"""Actor identity across the articles of a build: the registry's merge decisions (no spaCy)."""

from __future__ import annotations

import random
from collections.abc import Iterable

import pytest

from kgraph.actors.gazetteer import load_gazetteer
from kgraph.actors.person_names import PersonName
from kgraph.actors.registry import ActorRegistry, MergePlan
from kgraph.iris import actor_iri
from kgraph.model import Actor, Article, ArticleResult, Relation

GB = Actor(id=actor_iri(label="United Kingdom", type="Country", iso_code="GB"),
           label="United Kingdom", type="Country", iso_code="GB")  # fmt: skip
US = Actor(id=actor_iri(label="United States", type="Country", iso_code="US"),
           label="United States", type="Country", iso_code="US")  # fmt: skip


def actor(label: str, actor_type: str = "Person", *names: str) -> Actor:
    return Actor(
        id=actor_iri(label=label, type=actor_type), label=label, type=actor_type,
        names=(label, *names),
    )  # fmt: skip


def article(
    n: int, actors: dict[Actor, int], roles: Iterable[tuple[Actor, Actor]] = ()
) -> ArticleResult:
    """An article that mentions each actor so many times and states who leads what."""
    doc = f"a{n}"
    return ArticleResult(
        article=Article(id=doc, date=None, title="", text="", source=doc),
        actors=tuple(actors),
        mention_counts={a.id: count for a, count in actors.items()},
        relations=tuple(
            Relation(doc=doc, subject=person, relation="leader-of", object=place)
            for person, place in roles
        ),
    )


def plan(results: Iterable[ArticleResult]) -> MergePlan:
    registry = ActorRegistry(load_gazetteer())
    for result in results:
        registry.add(result)
    return registry.plan()


def label(iri: str) -> str:
    return iri.rsplit("/", 1)[-1]


def readable(merges: MergePlan) -> dict[str, str]:
    return {label(source): label(target) for source, target in merges.moves.items()}


def test_person_name_parts() -> None:
    assert PersonName.parse("President Donald J. Trump") == PersonName(
        "donald", frozenset({"j"}), "trump", None
    )
    assert PersonName.parse("Trump") == PersonName(None, frozenset(), "trump", None)
    # Ranks and party titles are no first names.
    assert PersonName.parse("Cde Mugabe") == PersonName(None, frozenset(), "mugabe", None)
    assert PersonName.parse("Sergeant Ratana") == PersonName(None, frozenset(), "ratana", None)
    assert PersonName.parse("Donald Trump Jr.").suffix == "jr"  # type: ignore[union-attr]
    donald = PersonName.parse("Donald Trump")
    assert donald is not None
    assert donald.compatible(PersonName.parse("Donald J. Trump"))  # type: ignore[arg-type]
    assert donald.compatible(PersonName.parse("D. Trump"))  # type: ignore[arg-type]
    assert not donald.compatible(PersonName.parse("Melania Trump"))  # type: ignore[arg-type]
    assert not donald.compatible(PersonName.parse("Donald Trump Jr."))  # type: ignore[arg-type]
    spike = PersonName.parse('Jeremy "Spike" Cohen')
    assert spike is not None and spike.compatible(PersonName.parse("Spike Cohen"))  # type: ignore[arg-type]
    assert not spike.compatible(PersonName.parse("Michael Cohen"))  # type: ignore[arg-type]
    jim = PersonName.parse("Jim Hedges")
    assert jim is not None and jim.compatible(PersonName.parse("James Hedges"))  # type: ignore[arg-type]


def test_full_name_variants_and_surname_merge_into_the_most_mentioned_full_name() -> None:
    full, middle, short = actor("Donald Trump"), actor("Donald J. Trump"), actor("Trump")
    merges = plan(
        [
            article(1, {full: 5}),
            article(2, {middle: 2}),
            article(3, {short: 4}),
            article(4, {full: 1}),
        ]
    )
    assert readable(merges) == {"donald-j-trump": "donald-trump", "trump": "donald-trump"}
    assert merges.types == {full.id: "Person"}


def test_merges_do_not_depend_on_the_order_of_articles() -> None:
    seen = [("Donald Trump", US, 12), ("Donald Trump", US, 2), ("Donald Trump", US, 1),
            ("Trump", US, 2), ("Melania Trump", US, 3), ("Boris Johnson", GB, 4),
            ("Johnson", GB, 1), ("Andrew Johnson", US, 4)]  # fmt: skip
    results = [
        article(n, {actor(name): count, country: 3})
        for n, (name, country, count) in enumerate(seen)
    ]
    orders = [
        results[::-1],
        *(random.Random(seed).sample(results, len(results)) for seed in range(20)),
    ]
    plans = {tuple(plan(order).moves.items()) for order in orders}
    assert plans == {tuple(plan(results).moves.items())}
    assert len(plan(results).moves) == 2  # Trump → Donald Trump, Johnson → Boris Johnson


def test_homonyms_stay_apart_and_a_surname_goes_to_the_one_its_countries_point_to() -> None:
    boris, andrew = actor("Boris Johnson"), actor("Andrew Johnson")
    johnson = actor("Johnson")
    merges = plan(
        [
            article(1, {boris: 3, GB: 4}, roles=[(boris, GB)]),
            article(2, {andrew: 3, US: 4}, roles=[(andrew, US)]),
            article(3, {johnson: 2, GB: 3}),
        ]
    )
    assert readable(merges) == {"johnson": "boris-johnson"}


def test_a_surname_seen_with_no_telling_context_stays_apart_from_equal_candidates() -> None:
    boris, andrew, johnson = actor("Boris Johnson"), actor("Andrew Johnson"), actor("Johnson")
    merges = plan([article(1, {boris: 3}), article(2, {andrew: 3}), article(3, {johnson: 1})])
    assert merges.moves == {}


def test_a_surname_goes_to_a_namesake_named_in_three_times_as_many_articles() -> None:
    donald, melania, trump = actor("Donald Trump"), actor("Melania Trump"), actor("Trump")
    # Melania has more mentions (one long profile), Donald more articles: articles decide.
    donald_articles = [article(n, {donald: 2}) for n in range(3)]
    merges = plan([*donald_articles, article(9, {melania: 30}), article(10, {trump: 2})])
    assert readable(merges) == {"trump": "donald-trump"}
    merges = plan([*donald_articles[:2], article(9, {melania: 30}), article(10, {trump: 2})])
    assert merges.moves == {}


def test_same_full_name_holding_offices_of_two_states_is_two_people() -> None:
    first, second = actor("John Smith"), actor("John A. Smith")
    merges = plan(
        [
            article(1, {first: 3, GB: 3}, roles=[(first, GB)]),
            article(2, {second: 2, US: 3}, roles=[(second, US)]),
        ]
    )
    assert merges.moves == {}


def test_an_organisation_the_ner_named_by_a_surname_is_the_person() -> None:
    biden, org = actor("Joe Biden"), actor("Biden", "Organization")
    merges = plan([article(1, {biden: 10}), article(2, {org: 2})])
    assert readable(merges) == {"biden": "joe-biden"}
    assert merges.types == {biden.id: "Person"}


def test_acronyms_and_generic_guesses_join_the_named_organisation() -> None:
    sdf = actor("SDF", "Organization")
    forces = actor("Syrian Democratic Forces", "ArmedGroup")  # in the gazetteer
    national = actor("National Assembly", "GovernmentBody", "NA")
    na = actor("NA", "Organization")
    generic = actor("Democratic party", "Organization")
    party = Actor(
        id=actor_iri(label="Democratic Party", type="PoliticalParty"),
        label="Democratic Party", type="PoliticalParty",
        names=("Democratic Party", "Democratic Party (United States)"),
    )  # fmt: skip
    merges = plan(
        [article(1, {sdf: 1, national: 2}), article(2, {forces: 3, na: 1, generic: 1, party: 2})]
    )
    assert readable(merges) == {
        "sdf": "syrian-democratic-forces",
        "na": "national-assembly",
        "democratic-party": "democratic-party",
    }


def test_gazetteer_and_country_actors_are_never_merged_away() -> None:
    kremlin = actor("Kremlin", "GovernmentBody")
    other = actor("Kremlin", "Organization")
    merges = plan([article(1, {kremlin: 2, other: 1, US: 2})])
    assert readable(merges) == {"kremlin": "kremlin"}  # the generic guess joins the gazetteer's
    assert set(merges.moves) == {other.id}


@pytest.mark.parametrize("n", [1, 2])
def test_registry_memory_is_per_actor_not_per_article(n: int) -> None:
    registry = ActorRegistry()
    person = actor("Nancy Pelosi")
    for i in range(50 * n):
        registry.add(article(i, {person: 1}))
    assert len(registry) == 1
    assert registry.seen(person.id) and not registry.seen(US.id)


def test_two_spellings_sharing_another_name_are_one_organisation() -> None:
    short = actor("Pacific Gas and Electric", "Organization", "PG&E")
    full = actor("Pacific Gas and Electric Company", "Company", "PG&E")
    other = actor("Pacific Gas Museum", "Organization")
    merges = plan([article(1, {short: 1, other: 1}), article(2, {full: 4})])
    assert readable(merges) == {"pacific-gas-and-electric": "pacific-gas-and-electric-company"}


def test_a_one_word_person_named_like_an_organisation_is_the_organisation() -> None:
    company, person = actor("Instagram", "Organization"), actor("Instagram")
    assert readable(plan([article(1, {company: 3}), article(2, {person: 1})])) == {
        "instagram": "instagram"
    }


def test_an_organisation_written_in_two_cases_or_with_the_is_one() -> None:
    upper, mixed = actor("PLOS", "Organization"), actor("PLoS", "Territory")  # NER: a place
    the, bare = actor("The Globe", "Organization"), actor("Globe", "Media")
    merges = plan([article(1, {upper: 1, the: 2}), article(2, {mixed: 1, bare: 1})])
    assert set(merges.moves.items()) == {(upper.id, mixed.id), (the.id, bare.id)}


def test_short_acronyms_do_not_match_words_in_another_case() -> None:
    acronym, word = actor("AIM", "Organization"), actor("Aim", "Organization")
    assert plan([article(1, {acronym: 1}), article(2, {word: 1})]).moves == {}


def test_an_acronym_joins_its_written_out_name_even_when_mentioned_more() -> None:
    pnas = actor("PNAS", "Organization")
    proceedings = actor("Proceedings of the National Academy of Sciences", "Organization")
    merges = plan([article(1, {pnas: 4}), article(2, {proceedings: 1})])
    assert merges.moves == {pnas.id: proceedings.id}


def test_an_acronym_seen_in_more_articles_is_not_taken_by_a_rare_name() -> None:
    wn = actor("WN", "Organization")  # an interview's speaker tag, in many articles
    rare = actor("Wayne Newton", "Organization")
    merges = plan([*(article(n, {wn: 30}) for n in range(3)), article(9, {rare: 1})])
    assert merges.moves == {}


def test_a_storm_or_a_magazine_is_one_with_or_without_its_kind() -> None:
    hurricane, storm = actor("Hurricane Dorian", "Organization"), actor("Dorian", "Organization")
    person = actor("Dorian")  # the NER took the storm for a person
    magazine, time = actor("Time Magazine", "Media"), actor("Time", "Organization")
    merges = plan(
        [article(1, {hurricane: 3, magazine: 1}), article(2, {storm: 2, person: 1, time: 4})]
    )
    assert readable(merges) == {"dorian": "hurricane-dorian", "time": "time-magazine"}
    assert set(merges.moves) == {storm.id, person.id, time.id}


def test_a_court_stays_apart_from_a_longer_name_that_contains_it() -> None:
    court = actor("Supreme Court", "GovernmentBody")
    india = actor("Supreme Court of India", "GovernmentBody")
    apex = actor("Supreme Court of the United States", "GovernmentBody", "Supreme Court")
    assert plan([article(1, {court: 5}), article(2, {india: 2})]).moves == {}
    # A name the longer one was also given is another matter.
    assert plan([article(1, {court: 5}), article(2, {apex: 6})]).moves == {court.id: apex.id}


def test_a_person_named_like_an_organisation_the_ner_also_took_for_a_place() -> None:
    company, place = actor("Instagram", "Organization"), actor("Instagram", "Territory")
    person = actor("Instagram")
    merges = plan([article(1, {company: 5}), article(2, {place: 1}), article(3, {person: 1})])
    assert merges.moves == {place.id: company.id, person.id: company.id}


def test_new_merges_do_not_depend_on_the_order_of_articles() -> None:
    seen = [actor("PLOS", "Organization"), actor("PLoS", "Territory"),
            actor("PNAS", "Organization"),
            actor("Proceedings of the National Academy of Sciences", "Organization"),
            actor("Hurricane Dorian", "Organization"), actor("Dorian", "Organization"),
            actor("Dorian"), actor("Instagram", "Organization"), actor("Instagram", "Territory"),
            actor("Instagram")]  # fmt: skip
    results = [article(n, {a: 1 + n % 3}) for n, a in enumerate(seen)]
    orders = [random.Random(seed).sample(results, len(results)) for seed in range(20)]
    assert {tuple(plan(order).moves.items()) for order in orders} == {
        tuple(plan(results).moves.items())
    }


IN = Actor(id=actor_iri(label="India", type="Country", iso_code="IN"),
           label="India", type="Country", iso_code="IN")  # fmt: skip


def test_a_name_seen_only_about_one_country_is_that_country_s_qualified_namesake() -> None:
    unity, of_america = (
        actor("Unity Party", "PoliticalParty"),
        actor("Unity Party of America", "PoliticalParty"),
    )
    court, of_india = (
        actor("Supreme Court", "GovernmentBody"),
        actor("Supreme Court of India", "GovernmentBody"),
    )
    liberal = actor("Liberal Party", "PoliticalParty")
    australian = actor("Australian Liberal Party", "PoliticalParty")
    au = Actor(id=actor_iri(label="Australia", type="Country", iso_code="AU"),
               label="Australia", type="Country", iso_code="AU")  # fmt: skip
    merges = plan(
        [
            article(1, {unity: 2, of_america: 1, US: 3}),
            article(2, {unity: 1, US: 2}),
            article(3, {court: 2, US: 3}),  # the US Supreme Court ...
            article(4, {court: 1, of_india: 1, IN: 3}),  # ... and India's: two courts
            article(5, {liberal: 1, australian: 1, au: 2}),
        ]
    )
    assert readable(merges) == {
        "unity-party": "unity-party-of-america",
        "liberal-party": "australian-liberal-party",
    }
    # The court seen about India alone is India's.
    merges = plan([article(4, {court: 1, of_india: 1, IN: 3})])
    assert readable(merges) == {"supreme-court": "supreme-court-of-india"}


def test_an_organisation_named_by_an_office_and_a_full_name_is_the_person() -> None:
    pelosi, house = actor("Nancy Pelosi"), actor("House Nancy Pelosi", "GovernmentBody")
    foundation = actor("Bill Gates Foundation", "Organization")
    gates = actor("Bill Gates")
    merges = plan([article(1, {pelosi: 5, gates: 2}), article(2, {house: 1, foundation: 1})])
    assert merges.moves == {house.id: pelosi.id}
    assert merges.types == {pelosi.id: "Person"}


def test_a_person_s_full_name_the_ner_took_for_an_organisation_is_the_person() -> None:
    # One article calls him "Elijah Eugene Cummings" and "Cummings"; another tags
    # "Elijah Cummings" as an organisation. A bank named like a person whom no article
    # calls by the surname alone stays a bank.
    cummings = actor("Elijah Eugene Cummings", "Person", "Cummings")
    tagged = actor("Elijah Cummings", "Organization")
    stanley = actor("Morgan J. Stanley", "Person")
    bank = actor("Morgan Stanley", "Organization")
    merges = plan([article(1, {cummings: 6, stanley: 3}), article(2, {tagged: 1, bank: 1})])
    assert readable(merges) == {"elijah-cummings": "elijah-eugene-cummings"}
    assert merges.types == {cummings.id: "Person"}


def test_a_nickname_is_the_first_name_it_stands_for() -> None:
    merges = plan([article(1, {actor("Mitchell Stoltz", "Person", "Stoltz"): 3,
                               actor("Mitch Stoltz"): 1})])  # fmt: skip
    assert readable(merges) == {"mitch-stoltz": "mitchell-stoltz"}


def test_initials_an_article_gave_a_person_are_the_person_elsewhere() -> None:
    saturn = actor("William S. Saturn", "Person", "WSS")
    merges = plan([article(1, {saturn: 3}), article(2, {actor("WSS", "Organization"): 9})])
    assert readable(merges) == {"wss": "william-s-saturn"}


def test_a_spanish_name_without_the_mother_s_surname_is_the_same_person() -> None:
    full = actor("Pedro R. Pierluisi Urrutia", "Person", "Pedro Pierluisi", "Pierluisi")
    short, other = actor("Pedro Pierluisi"), actor("Pedro Sánchez")
    merges = plan([article(1, {full: 6}), article(2, {short: 3}), article(3, {other: 2})])

    assert readable(merges) == {"pedro-pierluisi": "pedro-r-pierluisi-urrutia"}


def test_a_father_s_surname_alone_joins_the_one_spanish_name_it_stands_in() -> None:
    # "Rosselló", seen about the same country, is "Ricardo Rosselló Nevares"; "James", a
    # word that is someone's first name, is not "John James Conyers".
    full, short = actor("Ricardo Rosselló Nevares"), actor("Rosselló")
    conyers, james, other = actor("John James Conyers"), actor("James"), actor("James Smith")
    merges = plan(
        [
            article(1, {full: 3, US: 4}),
            article(2, {short: 9, US: 5}),
            article(3, {conyers: 3, US: 4}),
            article(4, {james: 2, US: 4, other: 1}),
        ]
    )

    assert readable(merges) == {"rossello": "ricardo-rossello-nevares"}


def test_a_spanish_name_tagged_as_an_organisation_joins_the_person_without_it() -> None:
    # Articles call her "Vázquez"; one gives her full name, tagged as an organisation.
    person = actor("Wanda Vázquez", "Person", "Vázquez")
    tagged = actor("Wanda Vázquez Garced", "Organization")
    merges = plan([article(1, {person: 7}), article(2, {tagged: 2})])

    assert readable(merges) == {"wanda-vazquez-garced": "wanda-vazquez"}


def test_a_first_name_alone_joins_the_one_person_called_by_it() -> None:
    # "his wife Melania" is Melania Trump, whom another article calls "Melania"; "Robert",
    # the first name of two people, stays apart.
    melania = actor("Melania Trump", "Person", "Melania")
    robert_kennedy, robert_smith = (
        actor("Robert Kennedy", "Person", "Robert"),
        actor("Robert Smith"),
    )
    bare_melania, bare_robert = actor("Melania"), actor("Robert")
    merges = plan(
        [
            article(1, {melania: 3, robert_kennedy: 2, US: 4}),
            article(2, {bare_melania: 1, bare_robert: 1, US: 4}),
            article(3, {robert_smith: 2, US: 3}),
        ]
    )

    assert readable(merges) == {"melania": "melania-trump"}
