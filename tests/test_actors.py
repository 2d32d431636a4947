"""One actor, one node: merges in the graph, dictionary roles, ``kgraph actors``."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal, URIRef

from kgraph.actor_list import list_actors
from kgraph.actors.dictionary import load_dictionary
from kgraph.actors.registry import ActorRegistry, MergePlan
from kgraph.cli import main
from kgraph.errors import QueryError
from kgraph.iris import actor_iri
from kgraph.merge import apply_merges, dictionary_updates, merge_updates
from kgraph.model import Actor, Article, ArticleResult, Relation
from kgraph.rdf import build_graph, load_ontology, load_shapes
from kgraph.vocabulary import KG, OWL, SKOS, WD


def person(label: str) -> Actor:
    return Actor(
        id=actor_iri(label=label, type="Person"), label=label, type="Person", names=(label,)
    )


US = Actor(
    id=actor_iri(label="United States", type="Country", iso_code="US"), label="United States",
    type="Country", names=("United States", "U.S."), iso_code="US", wikidata="Q30",
)  # fmt: skip
TRUMP, SHORT, MIDDLE = person("Donald Trump"), person("Trump"), person("Donald J. Trump")
PELOSI = person("Nancy Pelosi")
BIDEN_ORG = Actor(
    id=actor_iri(label="Biden", type="Organization"), label="Biden", type="Organization"
)
BIDEN = person("Joe Biden")


def result(
    doc: str, counts: dict[Actor, int], *relations: tuple[Actor, str, Actor]
) -> ArticleResult:
    return ArticleResult(
        article=Article(id=doc, date=None, title="", text="", source=doc),
        actors=tuple(counts),
        mention_counts={a.id: n for a, n in counts.items()},
        relations=tuple(
            Relation(doc=doc, subject=s, relation=r, object=o) for s, r, o in relations
        ),
    )


@pytest.fixture
def corpus() -> list[ArticleResult]:
    """Four articles naming Trump three ways, and Biden once as an 'organisation'."""
    return [
        result("a1", {TRUMP: 5, PELOSI: 2, US: 3}, (TRUMP, "criticizes", PELOSI)),
        result(
            "a2", {SHORT: 2, PELOSI: 1}, (SHORT, "meets", PELOSI), (PELOSI, "criticizes", SHORT)
        ),
        result("a3", {MIDDLE: 1, US: 1, BIDEN: 4}, (MIDDLE, "leader-of", US)),
        result("a4", {BIDEN_ORG: 1, SHORT: 3}, (SHORT, "criticizes", BIDEN_ORG)),
    ]


def merged(results: list[ArticleResult]) -> Graph:
    registry = ActorRegistry()
    for item in results:
        registry.add(item)
    graph = build_graph(results)
    apply_merges(graph, registry.plan())
    return graph


def test_merged_graph_has_one_node_per_actor_with_every_name(corpus: list[ArticleResult]) -> None:
    graph = merged(corpus)
    trump = URIRef(TRUMP.id)
    assert (URIRef(SHORT.id), None, None) not in graph and (
        None,
        None,
        URIRef(SHORT.id),
    ) not in graph
    assert str(graph.value(trump, SKOS.prefLabel)) == "Donald Trump"
    assert {str(n) for n in graph.objects(trump, SKOS.altLabel)} == {"Trump", "Donald J. Trump"}
    assert graph.value(trump, KG.mentionCount).toPython() == 5 + 2 + 1 + 3
    assert len(set(graph.objects(trump, KG.mentionedIn))) == 4
    # "who did Donald Trump criticise?": one query, one node.
    rows = graph.query(
        "SELECT ?o WHERE { ?t skos:prefLabel 'Donald Trump' ; kg:criticizes ?o }",
        initNs={"skos": SKOS, "kg": KG},
    )
    assert {str(row.o) for row in rows} == {PELOSI.id, BIDEN.id}
    # The organisation "Biden" became the person, with its mentions; it has one type.
    biden = URIRef(BIDEN.id)
    assert set(graph.objects(biden, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"))) == {
        KG.Person
    }
    assert graph.value(biden, KG.mentionCount).toPython() == 5


def test_statements_follow_the_merge_and_symmetric_relations_keep_one_direction(
    corpus: list[ArticleResult],
) -> None:
    graph = merged(corpus)
    trump, pelosi = URIRef(TRUMP.id), URIRef(PELOSI.id)
    subjects = set(
        graph.objects(None, URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#subject"))
    )
    assert URIRef(SHORT.id) not in subjects and trump in subjects
    # meets is stored once per unordered pair, from the smaller IRI.
    low, high = sorted([trump, pelosi], key=str)
    assert (low, KG.meets, high) in graph and (high, KG.meets, low) not in graph


def test_merged_graph_conforms_to_the_shapes(corpus: list[ArticleResult]) -> None:
    from pyshacl import validate

    conforms, _, report = validate(
        merged(corpus), shacl_graph=load_shapes(), ont_graph=load_ontology()
    )
    assert conforms, report


def test_counts_of_a_target_with_equal_counts_from_two_sources_are_summed() -> None:
    # Equal counts would collapse into one triple if they were moved before being summed.
    graph = Graph()
    for node in ("a", "b", "c"):
        graph.add((URIRef(f"urn:x:{node}"), KG.mentionCount, Literal(2)))
        graph.add((URIRef(f"urn:x:{node}"), SKOS.prefLabel, Literal(node)))
    apply_merges(graph, MergePlan(moves={"urn:x:b": "urn:x:a", "urn:x:c": "urn:x:a"}))
    assert graph.value(URIRef("urn:x:a"), KG.mentionCount).toPython() == 6
    assert {str(label) for label in graph.objects(URIRef("urn:x:a"), SKOS.altLabel)} == {"b", "c"}


def test_no_merges_no_updates() -> None:
    assert merge_updates(MergePlan()) == []
    with pytest.raises(ValueError, match="IRI"):
        merge_updates(MergePlan(moves={"urn:x:a b": "urn:x:c"}))


def test_dictionary_roles_enter_the_graph_with_their_dates(tmp_path: Path) -> None:
    path = tmp_path / "actors.csv"
    path.write_text(
        "id,names,type,country,wikidata,roles\n"
        "donald-trump,Donald Trump|Trump,Person,US,Q22686,"
        "leader-of United States from 2017-01-20 to 2021-01-20\n"
        "jane-roe,Jane Roe,Person,,,leader-of Iran\n",
        encoding="utf-8",
    )
    dictionary = load_dictionary(path)
    graph = build_graph([result("a1", {TRUMP: 1})])
    for update in dictionary_updates(dictionary, seen={TRUMP.id}.__contains__):
        graph.update(update)
    rows = list(
        graph.query(
            "SELECT ?from ?until ?source WHERE { ?st rdf:subject ?p ; rdf:predicate kg:leaderOf ; "
            "kg:validFrom ?from ; kg:validUntil ?until ; prov:wasDerivedFrom ?source . "
            "?source a kg:ActorDictionary }",
            initNs={"kg": KG},
            initBindings={"p": URIRef(TRUMP.id)},
        )
    )
    assert [(str(r[0]), str(r[1])) for r in rows] == [("2017-01-20", "2021-01-20")]
    assert (URIRef(TRUMP.id), KG.leaderOf, URIRef(US.id)) in graph
    assert str(graph.value(URIRef(US.id), SKOS.prefLabel)) == "United States"
    # Jane Roe is named by no article: her role stays out.
    assert not any("jane-roe" in str(s) for s in graph.subjects())
    from pyshacl import validate

    conforms, _, report = validate(graph, shacl_graph=load_shapes(), ont_graph=load_ontology())
    assert conforms, report


def test_list_actors(corpus: list[ArticleResult]) -> None:
    rows = {row["label"]: row for row in list_actors(merged(corpus)).to_dicts()}
    trump = rows["Donald Trump"]
    assert (trump["type"], trump["names"], trump["mentions"], trump["articles"]) == (
        "Person", "Donald J. Trump|Trump", 11, 4,
    )  # fmt: skip
    assert (trump["as_subject"], trump["as_object"]) == (4, 1)
    assert (rows["United States"]["wikidata"], rows["United States"]["iso"]) == ("Q30", "US")
    assert "Trump" not in rows and "Biden" not in rows
    people = list_actors(merged(corpus), type="person").to_dicts()
    assert {row["type"] for row in people} == {"Person"}
    with pytest.raises(QueryError, match="unknown actor type 'Wizard'"):
        list_actors(merged(corpus), type="Wizard")


def test_sameas_wikidata(corpus: list[ArticleResult]) -> None:
    assert (URIRef(US.id), OWL.sameAs, WD.Q30) in merged(corpus)


@pytest.fixture
def graph_file(tmp_path: Path, corpus: list[ArticleResult]) -> Path:
    path = tmp_path / "graph.ttl"
    merged(corpus).serialize(destination=str(path), format="turtle")
    return path


@pytest.mark.parametrize("fmt", ["table", "csv", "json"])
def test_cli_actors(graph_file: Path, fmt: str) -> None:
    done = CliRunner().invoke(
        main, ["actors", str(graph_file), "--type", "Person", "--format", fmt]
    )
    assert done.exit_code == 0, done.output
    assert "Donald Trump" in done.output and "United States" not in done.output
    if fmt == "json":
        rows = json.loads(done.output)
        assert rows[0]["label"] == "Donald Trump" and rows[0]["mentions"] == 11


def test_cli_actors_bad_type_is_one_line(graph_file: Path) -> None:
    done = CliRunner().invoke(main, ["actors", str(graph_file), "--type", "Wizard"])
    assert done.exit_code == 3
    assert done.output.startswith("kgraph: error: unknown actor type 'Wizard'")


def test_cli_actors_does_not_load_spacy(graph_file: Path) -> None:
    script = (
        "import sys\nfrom kgraph.cli import main\n"
        f"main(['actors', {str(graph_file)!r}, '--format', 'csv'], standalone_mode=False)\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "False"
