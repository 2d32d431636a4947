"""Users' actor dictionaries: the CSV and JSON Lines formats, and clear errors for bad rows."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from kgraph.actors.dictionary import DictionaryError, load_dictionary
from kgraph.errors import KgraphError

HEADER = "id,names,type,country,wikidata,roles\n"
TRUMP = (
    "donald-trump,Donald Trump|Trump|Donald J. Trump,Person,US,Q22686,"
    "leader-of United States from 2017-01-20 to 2021-01-20\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_csv_dictionary(tmp_path: Path) -> None:
    dictionary = load_dictionary(
        write(
            tmp_path,
            "actors.csv",
            HEADER + TRUMP + "ak-party,AK Parti|AKP,political party,Turkey,,\n"
            'peskov,Dmitry Peskov|Peskov,Person,RU,,"spokesperson-for Kremlin from 2012-05-22"\n',
        )  # fmt: skip
    )
    trump, akp, peskov = dictionary.actors
    assert trump.iri == "https://w3id.org/kgraph/id/person/donald-trump"
    assert (trump.label, trump.names[1:], trump.type) == (
        "Donald Trump",
        ("Trump", "Donald J. Trump"),
        "Person",
    )
    assert (trump.country, trump.wikidata, trump.source) == (
        "US",
        "Q22686",
        f"{tmp_path}/actors.csv:2",
    )
    role = trump.roles[0]
    assert (role.relation, role.organisation_label, role.organisation_type) == (
        "leader-of", "United States", "Country",
    )  # fmt: skip
    assert (role.start, role.end) == (dt.date(2017, 1, 20), dt.date(2021, 1, 20))
    assert (akp.type, akp.country, akp.roles) == ("PoliticalParty", "TR", ())
    assert peskov.roles[0].organisation_type == "GovernmentBody" and peskov.roles[0].end is None


def test_jsonl_dictionary_with_lists_and_an_absolute_iri(tmp_path: Path) -> None:
    rows = [
        {"id": "https://example.org/actor/7", "names": ["Carrie Lam", "Lam Cheng Yuet-ngor"],
         "type": "Person", "country": "HK",
         "roles": ["leader-of Hong Kong from 2017-07-01 to 2022-06-30"]},
        {"id": "hk-police", "names": "Hong Kong Police Force|HKPF", "type": "GovernmentBody",
         "roles": "part-of Hong Kong"},
    ]  # fmt: skip
    text = "# a comment line\n" + "\n".join(json.dumps(row) for row in rows) + "\n"
    dictionary = load_dictionary(write(tmp_path, "actors.jsonl", text))
    lam, police = dictionary.actors
    assert lam.iri == "https://example.org/actor/7"
    assert dictionary.holders("leader-of", lam.roles[0].organisation, dt.date(2019, 8, 1)) == [lam]
    assert dictionary.holders("leader-of", lam.roles[0].organisation, dt.date(2023, 1, 1)) == []
    assert police.names == ("Hong Kong Police Force", "HKPF")


def test_a_role_may_name_another_dictionary_actor_by_id(tmp_path: Path) -> None:
    dictionary = load_dictionary(
        write(
            tmp_path,
            "actors.csv",
            HEADER + "acme,Acme Corp,Company,,,\n"
            "jane-roe,Jane Roe,Person,,,leader-of acme from 2020-01-01\n",
        )  # fmt: skip
    )
    acme, jane = dictionary.actors
    assert jane.roles[0].organisation == acme.iri


def test_dictionary_actors_win_in_the_gazetteer(tmp_path: Path) -> None:
    dictionary = load_dictionary(write(tmp_path, "actors.csv", HEADER + TRUMP))
    gazetteer = dictionary.gazetteer()
    entry, kind = gazetteer.lookup("Donald J. Trump") or (None, "")
    assert entry is not None and (entry.iri, entry.wikidata, kind) == (
        dictionary.actors[0].iri, "Q22686", "name",
    )  # fmt: skip
    assert gazetteer.lookup("Turkey")[0].key == "TR"  # type: ignore[index]


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("x,,Person,,,\n", "actors.csv:2: x: no names"),
        (",A,Person,,,\n", "actors.csv:2: the id is empty"),
        ("x,A,Wizard,,,\n", "actors.csv:2: unknown actor type 'Wizard'"),
        ("x,A,Person,Atlantis,,\n", "actors.csv:2: unknown country 'Atlantis'"),
        ("x,A,Person,,22686,\n", "actors.csv:2: '22686' is not a Wikidata id"),
        ("x,A,Person,,,praises United States\n", "actors.csv:2: role 'praises United States'"),
        ("x,A,Person,,,leader-of Atlantis\n", "unknown organisation 'Atlantis'"),
        ("x,A,Person,,,leader-of Iran from 2020-13-01\n", "'2020-13-01' is not a date"),
        ("x,A,Person,,,leader-of Iran from 2021-01-01 to 2020-01-01\n", "ends before it starts"),
        ("x,A,Person,,,\nx,B,Person,,,\n", "two actors share the id"),
    ],
)
def test_bad_rows_name_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = write(tmp_path, "actors.csv", HEADER + row)
    with pytest.raises(DictionaryError, match=message.replace("(", r"\(").replace(")", r"\)")):
        load_dictionary(path)


def test_bad_files(tmp_path: Path) -> None:
    with pytest.raises(DictionaryError, match="header lacks names, type"):
        load_dictionary(write(tmp_path, "a.csv", "id,label\nx,A\n"))
    with pytest.raises(DictionaryError, match=r"b.jsonl:2: not a JSON object"):
        load_dictionary(
            write(tmp_path, "b.jsonl", '{"id": "x", "names": "A", "type": "Person"}\n{oops\n')
        )
    with pytest.raises(DictionaryError, match="cannot read"):
        load_dictionary(tmp_path / "missing.csv")
    assert issubclass(DictionaryError, KgraphError)
