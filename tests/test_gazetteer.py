"""The actor gazetteer: the shipped data and how surface forms resolve."""

from __future__ import annotations

import json
import re
from collections import defaultdict
from importlib.resources import files

import pytest

from kgraph.actors.gazetteer import (
    KINDS,
    Gazetteer,
    GazetteerEntry,
    fold,
    is_acronym,
    load_gazetteer,
)

# Two-letter words of running English that must never be a name.
ENGLISH_TWO_LETTER = {
    "am",
    "an",
    "as",
    "at",
    "be",
    "by",
    "do",
    "go",
    "he",
    "hi",
    "if",
    "in",
    "is",
    "it",
    "me",
    "my",
    "no",
    "of",
    "oh",
    "ok",
    "on",
    "or",
    "so",
    "to",
    "up",
    "us",
    "we",
}
WIKIDATA = {
    "US": "Q30",
    "TR": "Q43",
    "RU": "Q159",
    "CN": "Q148",
    "GB": "Q145",
    "IR": "Q794",
    "FR": "Q142",
    "DE": "Q183",
    "HK": "Q8646",
}


@pytest.fixture(scope="module")
def gazetteer() -> Gazetteer:
    return load_gazetteer()


def rows(name: str) -> list[dict[str, object]]:
    text = files("kgraph.data").joinpath(name).read_text(encoding="utf-8")
    return [json.loads(line) for line in text.splitlines() if line.strip()]


def forms(entry: GazetteerEntry) -> list[str]:
    return [form for field in KINDS for form in getattr(entry, field)]


def test_all_un_members_and_both_observers_are_countries() -> None:
    countries = rows("countries.jsonl")
    assert sum(1 for row in countries if row["un_member"]) == 193
    by_key = {row["key"]: row for row in countries}
    for observer in ("VA", "PS"):
        assert by_key[observer]["type"] == "Country"
        assert by_key[observer]["un_member"] is False
    assert all(row["type"] == "Country" for row in countries if row["un_member"])
    assert sum(1 for row in countries if row["type"] == "Country") == 195
    assert by_key["TW"]["type"] == by_key["XK"]["type"] == by_key["HK"]["type"] == "Territory"


@pytest.mark.parametrize(("key", "qid"), sorted(WIKIDATA.items()))
def test_wikidata_ids_of_main_states(gazetteer: Gazetteer, key: str, qid: str) -> None:
    assert gazetteer.by_key(key).wikidata == qid


def test_wikidata_ids_are_well_formed_and_unique(gazetteer: Gazetteer) -> None:
    ids = [entry.wikidata for entry in gazetteer.entries if entry.wikidata]
    assert all(re.fullmatch(r"Q[1-9][0-9]*", qid) for qid in ids)
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize(
    ("text", "key", "kind"),
    [
        ("Türkiye", "TR", "name"),
        ("Turkey", "TR", "name"),
        ("Turkish", "TR", "demonym"),
        ("Turks", "TR", "demonym"),
        ("Ankara", "TR", "metonym"),
        ("Turkiye's", "TR", "name"),
        ("TURKEY", "TR", "name"),
        ("United States", "US", "name"),
        ("the United States", "US", "name"),
        ("US", "US", "name"),
        ("U.S.", "US", "name"),
        ("the US's", "US", "name"),
        ("America", "US", "name"),
        ("American", "US", "demonym"),
        ("Americans", "US", "demonym"),
        ("Washington", "US", "metonym"),
        ("Russia", "RU", "name"),
        ("Moscow", "RU", "metonym"),
        ("Britain", "GB", "name"),
        ("Britons", "GB", "demonym"),
        ("Beijing", "CN", "metonym"),
        ("Georgia", "GE", "name"),
        ("Côte d’Ivoire", "CI", "name"),
        ("Cote d'Ivoire", "CI", "name"),
        ("Israelis", "IL", "demonym"),
        ("the European Union", "eu", "name"),
        ("EU", "eu", "name"),
        ("Brussels", "eu", "metonym"),
        ("U.N.", "un", "name"),
        ("Nato", "nato", "name"),
    ],
)
def test_lookup(gazetteer: Gazetteer, text: str, key: str, kind: str) -> None:
    hit = gazetteer.lookup(text)
    assert hit is not None, text
    assert (hit[0].key, hit[1]) == (key, kind)


@pytest.mark.parametrize("text", ["us", "Us", "eu", "un", "Who", "it", "IN", "the", "Congo"])
def test_pronouns_words_and_codes_are_not_actors(gazetteer: Gazetteer, text: str) -> None:
    assert gazetteer.lookup(text) is None


def test_government_seats_are_part_of_their_state(gazetteer: Gazetteer) -> None:
    kremlin, kind = gazetteer.lookup("the Kremlin") or (None, "")
    assert kremlin is not None and kind == "name"
    assert (kremlin.type, kremlin.part_of) == ("GovernmentBody", "RU")
    white_house = gazetteer.by_key("white-house")
    assert gazetteer.by_key(white_house.part_of or "").label == "United States"
    for entry in gazetteer.entries:
        if entry.part_of is not None:
            gazetteer.by_key(entry.part_of)  # every part_of names a known entry


def test_alliances_and_organisations(gazetteer: Gazetteer) -> None:
    nato, _ = gazetteer.lookup("NATO") or (None, "")
    assert nato is not None and (nato.type, nato.wikidata) == ("Alliance", "Q7184")
    un, _ = gazetteer.lookup("United Nations") or (None, "")
    assert un is not None and (un.type, un.wikidata) == ("InternationalOrganization", "Q1065")
    assert gazetteer.by_key("eu").wikidata == "Q458"
    assert "European" not in forms(gazetteer.by_key("eu"))  # too ambiguous


def test_no_surface_form_maps_to_two_entries(gazetteer: Gazetteer) -> None:
    # In the data itself, not just after the loader's conflict rule.
    owners: dict[str, set[str]] = defaultdict(set)
    for entry in gazetteer.entries:
        for form in forms(entry):
            owners[form if is_acronym(form) else fold(form.removeprefix("the "))].add(entry.key)
    assert {form: keys for form, keys in owners.items() if len(keys) > 1} == {}
    phrases = list(gazetteer.phrases())
    assert len({form for form, _, _ in phrases}) == len(phrases)
    for form, entry, kind in phrases:
        assert gazetteer.lookup(form) == (entry, kind), form


def test_keys_are_unique(gazetteer: Gazetteer) -> None:
    keys = [entry.key for entry in gazetteer.entries]
    assert len(keys) == len(set(keys))


def test_every_label_is_one_of_its_names(gazetteer: Gazetteer) -> None:
    assert [e.key for e in gazetteer.entries if e.label not in e.names] == []


def test_no_short_or_word_like_names(gazetteer: Gazetteer) -> None:
    all_forms = [form for entry in gazetteer.entries for form in forms(entry)]
    assert [form for form in all_forms if len(form) < 2] == []
    # "US" is the one word-like acronym kept: acronyms match case-exactly, never "us".
    word_like = [f for f in all_forms if f.casefold() in ENGLISH_TWO_LETTER and f != "US"]
    assert word_like == []
    two_letter = {form for form in all_forms if len(form) == 2}
    assert two_letter <= {"US", "UK", "EU", "UN", "G7"}


def test_names_are_latin_script(gazetteer: Gazetteer) -> None:
    def latin(text: str) -> bool:
        return all(ord(ch) < 0x250 or ch in "’" for ch in text)

    assert [f for e in gazetteer.entries for f in forms(e) if not latin(f)] == []


def test_conflicts_prefer_country_over_territory_over_organisation() -> None:
    def entry(key: str, kind: str, names: tuple[str, ...]) -> GazetteerEntry:
        return GazetteerEntry(
            key=key, label=names[0], type=kind, names=names, demonyms=(), metonyms=()
        )

    gazetteer = Gazetteer(
        [
            entry("org", "InternationalOrganization", ("Atlantis Union", "Atlantis")),
            entry("T", "Territory", ("Atlantis Islands", "Atlantis")),
            entry("C", "Country", ("Atlantis",)),
        ]
    )
    assert gazetteer.lookup("Atlantis") == (gazetteer.by_key("C"), "name")
    assert gazetteer.lookup("atlantis")[0].key == "C"  # type: ignore[index]


def test_load_gazetteer_is_cached_and_takes_extra_entries() -> None:
    assert load_gazetteer() is load_gazetteer()
    party = GazetteerEntry(
        key="iyi",
        label="Good Party",
        type="PoliticalParty",
        names=("Good Party", "IYI"),
        demonyms=(),
        metonyms=(),
    )
    extended = load_gazetteer([party])
    assert extended.lookup("IYI") == (party, "name")
    assert extended.lookup("Turkey")[0].key == "TR"  # type: ignore[index]
    assert load_gazetteer().lookup("IYI") is None
    with pytest.raises(KeyError):
        load_gazetteer().by_key("iyi")


def test_override_entries_win_every_conflict() -> None:
    # A user's dictionary may claim a form the shipped data gives a country.
    georgia = GazetteerEntry(
        key="georgia-us", label="Georgia (U.S. state)", type="Territory",
        names=("Georgia (U.S. state)", "Georgia"), demonyms=(), metonyms=(),
        iri="https://example.org/georgia",
    )  # fmt: skip
    assert load_gazetteer().lookup("Georgia")[0].key == "GE"  # type: ignore[index]
    overridden = load_gazetteer(override=[georgia])
    assert overridden.lookup("Georgia") == (georgia, "name")
    assert overridden.lookup("Tbilisi")[0].key == "GE"  # type: ignore[index]


@pytest.mark.parametrize(
    ("text", "key", "actor_type", "qid"),
    [
        ("Democratic Party", "us-democratic-party", "PoliticalParty", "Q29552"),
        ("Democrats", "us-democratic-party", "PoliticalParty", "Q29552"),
        ("the Republican Party", "us-republican-party", "PoliticalParty", "Q29468"),
        ("GOP", "us-republican-party", "PoliticalParty", "Q29468"),
        ("Conservative Party", "uk-conservative-party", "PoliticalParty", "Q9626"),
        ("Tories", "uk-conservative-party", "PoliticalParty", "Q9626"),
        ("Reuters", "reuters", "Media", "Q130879"),
        ("The Daily Telegraph", "daily-telegraph", "Media", None),
        ("Telegraph", "daily-telegraph", "Media", None),  # as the NER cuts "The Telegraph"
        ("the Taliban", "taliban", "ArmedGroup", None),
        ("Hong Kong", "HK", "Territory", "Q8646"),
        ("World Health Organization", "who", "InternationalOrganization", "Q7817"),
        ("Interpol", "interpol", "InternationalOrganization", "Q8475"),
        ("the State Department", "us-state-department", "GovernmentBody", None),
    ],
)
def test_parties_media_armed_groups_and_bodies(
    gazetteer: Gazetteer, text: str, key: str, actor_type: str, qid: str | None
) -> None:
    entry, _ = gazetteer.lookup(text) or (None, "")
    assert entry is not None, text
    assert (entry.key, entry.type, entry.wikidata) == (key, actor_type, qid)


def test_every_party_belongs_to_a_country(gazetteer: Gazetteer) -> None:
    parties = [e for e in gazetteer.entries if e.type == "PoliticalParty"]
    assert len(parties) >= 30
    assert all(gazetteer.by_key(e.part_of or "").type in ("Country", "Territory") for e in parties)
