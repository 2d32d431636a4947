"""The cue lexicon and the role titles: loading, validation, the longest-title rule."""

from __future__ import annotations

import csv
from collections.abc import Iterator
from importlib.resources import files
from pathlib import Path

import pytest

from kgraph.errors import OntologyError
from kgraph.relation_types import RELATION_TYPES
from kgraph.relations import lexicon as lexicon_module
from kgraph.relations.lexicon import load_lexicon


def data_rows(name: str) -> list[dict[str, str]]:
    """The rows of a shipped data file, read independently of the lexicon code."""
    text = (files("kgraph.data") / name).read_text(encoding="utf-8")
    lines = [line for line in text.splitlines() if not line.startswith("#")]
    return list(csv.DictReader(lines, delimiter="\t"))


@pytest.fixture
def fresh_lexicon() -> Iterator[None]:
    """Clear the lexicon cache before and after a test that feeds it other files."""
    load_lexicon.cache_clear()
    yield
    load_lexicon.cache_clear()


def test_the_lexicon_loads_cues_and_titles() -> None:
    lexicon = load_lexicon()

    [accuse] = lexicon.cues("VERB", "accuse")
    assert (accuse.relation, accuse.objects, accuse.confidence) == ("accuses", ("dobj",), 0.9)
    assert lexicon.cues("VERB", "no-such-word") == ()
    assert lexicon.titles["president"] == "leader-of"
    assert lexicon.titles["spokesman"] == "spokesperson-for"


def test_the_needs_column_becomes_cue_conditions() -> None:
    lexicon = load_lexicon()

    [call] = [cue for cue in lexicon.cues("VERB", "call") if cue.particle]
    [talks] = lexicon.cues("NOUN", "talk")
    [ties] = [cue for cue in lexicon.cues("NOUN", "tie") if cue.mods]
    [deny] = lexicon.cues("VERB", "deny")
    [ask] = lexicon.cues("VERB", "ask")
    [attack] = lexicon.cues("VERB", "attack")
    assert call.particle == "on" and call.objects == ("prep:on",)
    assert {"hold", "have"} <= talks.light
    assert "good" in ties.mods and "value" in ties.mod_governors
    assert deny.takes_topic and attack.sense == "attack"
    assert ask.needs_xcomp
    assert attack.sense == "attack"


@pytest.mark.parametrize("name", ["cues.tsv", "titles.tsv"])
def test_every_relation_of_the_data_files_is_in_the_vocabulary(name: str) -> None:
    relations = {row["relation"] for row in data_rows(name)}

    assert relations
    assert relations <= set(RELATION_TYPES)


def test_a_topic_cue_signals_a_relation_that_takes_topics() -> None:
    lexicon = load_lexicon()
    topic_cues = [cue for cues in lexicon.by_word.values() for cue in cues if cue.takes_topic]

    assert topic_cues
    # A sense rule may turn a cue into a relation that takes topics (a verbal "attack" criticizes).
    assert [
        c.lemma
        for c in topic_cues
        if not RELATION_TYPES[c.relation].takes_topic and c.sense != "attack"
    ] == []


def test_every_title_is_lowercase() -> None:
    titles = load_lexicon().titles

    assert all(title == title.lower() for title in titles)


def test_longest_title_counts_words() -> None:
    lexicon = load_lexicon()

    assert lexicon.longest_title == max(len(title.split()) for title in lexicon.titles)
    assert lexicon.longest_title >= 3  # "deputy prime minister", "secretary of state"


def test_a_title_contained_in_a_longer_one_keeps_its_own_relation() -> None:
    titles = load_lexicon().titles

    assert titles["president"] == "leader-of"
    assert titles["vice president"] == "member-of"
    assert titles["prime minister"] == "leader-of"
    assert titles["deputy prime minister"] == "member-of"


# --- a user's broken line is reported with file and line -----------------------------------


def _data_folder(tmp_path: Path, cues: str, titles: str, affiliations: str | None = None) -> Path:
    (tmp_path / "cues.tsv").write_text(cues, encoding="utf-8")
    (tmp_path / "titles.tsv").write_text(titles, encoding="utf-8")
    (tmp_path / "affiliations.tsv").write_text(affiliations or AFFILIATIONS, encoding="utf-8")
    (tmp_path / "disparaging.txt").write_text(
        "# words\nliar\nbully  # a comment\n", encoding="utf-8"
    )
    return tmp_path


CUES_HEADER = "# a comment\n# another\npos\tlemma\trelation\tobjects\tneeds\tconfidence\n"
TITLES = "# titles\ntitle\trelation\npresident\tleader-of\n"
AFFILIATIONS = (
    "country\tword\tkind\tname\ttype\nUS\trepublican\tparty\tRepublican Party\tPoliticalParty\n"
)


def test_party_words_are_known_for_each_country_that_uses_them() -> None:
    conservative = {a.country: a.name for a in load_lexicon().affiliations["conservative"]}

    assert conservative["GB"] == "Conservative Party"
    assert conservative["CA"] == "Conservative Party of Canada"
    assert [a.kind for a in load_lexicon().affiliations["senator"]][0] == "chamber"


def test_a_users_affiliation_line_extends_the_lexicon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lexicon: None
) -> None:
    line = "DE\tsocial democratic\tparty\tSocial Democratic Party of Germany\tPoliticalParty\n"
    folder = _data_folder(tmp_path, CUES_HEADER, TITLES, AFFILIATIONS + line)
    monkeypatch.setattr(lexicon_module, "files", lambda package: folder)

    [affiliation] = load_lexicon().affiliations["social democratic"]

    assert (affiliation.country, affiliation.kind) == ("DE", "party")
    assert load_lexicon().disparaging == {"liar": "criticizes", "bully": "criticizes"}


def test_a_malformed_affiliation_names_its_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lexicon: None
) -> None:
    line = "Germany\tspd\tparty\tSPD\tPoliticalParty\n"  # a name where the ISO code goes
    folder = _data_folder(tmp_path, CUES_HEADER, TITLES, AFFILIATIONS + line)
    monkeypatch.setattr(lexicon_module, "files", lambda package: folder)

    with pytest.raises(OntologyError, match=r"affiliations\.tsv:3: malformed"):
        load_lexicon()


def test_an_unknown_relation_in_cues_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lexicon: None
) -> None:
    cues = CUES_HEADER + "VERB\taccuse\taccuses\tdobj\t\t0.9\nVERB\tadore\tloves\tdobj\t\t0.9\n"
    folder = _data_folder(tmp_path, cues, TITLES)
    monkeypatch.setattr(lexicon_module, "files", lambda package: folder)

    with pytest.raises(OntologyError, match=r"cues\.tsv:5: unknown relation 'loves'"):
        load_lexicon()


def test_an_unknown_relation_in_titles_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lexicon: None
) -> None:
    cues = CUES_HEADER + "VERB\taccuse\taccuses\tdobj\t\t0.9\n"
    titles = TITLES + "# a user's line\nemperor\truler-of\n"
    folder = _data_folder(tmp_path, cues, titles)
    monkeypatch.setattr(lexicon_module, "files", lambda package: folder)

    with pytest.raises(OntologyError, match=r"titles\.tsv:5: unknown relation 'ruler-of'"):
        load_lexicon()


def test_a_users_good_line_extends_the_lexicon(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lexicon: None
) -> None:
    cues = CUES_HEADER + "VERB\tslander\tcriticizes\tdobj\ttopic\t0.8\n"
    folder = _data_folder(tmp_path, cues, TITLES)
    monkeypatch.setattr(lexicon_module, "files", lambda package: folder)

    [cue] = load_lexicon().cues("VERB", "slander")

    assert (cue.relation, cue.takes_topic, cue.confidence) == ("criticizes", True, 0.8)


def test_a_bad_row_from_the_reader_is_reported(
    monkeypatch: pytest.MonkeyPatch, fresh_lexicon: None
) -> None:
    bad = {
        "pos": "VERB",
        "lemma": "hug",
        "relation": "hugs",
        "objects": "dobj",
        "needs": "",
        "confidence": "1",
    }
    monkeypatch.setattr(lexicon_module, "_rows", lambda name: [(12, bad)])

    with pytest.raises(OntologyError, match=r"cues\.tsv:12"):
        load_lexicon()


@pytest.mark.parametrize(
    "line",
    ["VERB\tadmire\tpraises\tdobj\t\thigh", "VERB\tadmire\tpraises"],
    ids=["bad-confidence", "missing-columns"],
)
def test_a_malformed_cue_line_names_file_and_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, fresh_lexicon: None, line: str
) -> None:
    folder = _data_folder(tmp_path, CUES_HEADER + line + "\n", TITLES)
    monkeypatch.setattr(lexicon_module, "files", lambda package: folder)

    with pytest.raises(OntologyError, match=r"cues\.tsv:4"):
        load_lexicon()
