"""Tests of kgraph.sparql: the named queries on a small graph, parameters, errors, formats."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

import pytest
from rdflib import Graph
from samples import (
    D11,
    D12,
    D13,
    ERDOGAN,
    ID,
    INTERFERENCE,
    KK,
    KREMLIN,
    NATION,
    PESKOV,
    RU,
    TR,
    US,
)

from kgraph.errors import QueryError
from kgraph.model import Actor, Article, ArticleResult, Relation
from kgraph.rdf import build_graph, load_ontology, new_graph
from kgraph.sparql import (
    QueryResult,
    bind_parameters,
    format_result,
    get_query,
    list_queries,
    query,
)


def rel(
    doc: str, subject: Actor, name: str, obj: Actor, date: dt.date | None, n: int, **extra: object
) -> Relation:
    sentence = f"{subject.label} {name} {obj.label}."
    return Relation(
        doc=doc,
        subject=subject,
        relation=name,
        object=obj,
        date=date,
        evidence=sentence,
        span=(n * 100, n * 100 + len(sentence)),
        confidence=0.9,
        **extra,
    )  # type: ignore[arg-type]


RELATIONS_A1 = (
    rel("a1", KK, "accuses", RU, D11, 1),
    rel("a1", PESKOV, "denies", INTERFERENCE, D12, 2),
    rel("a1", ERDOGAN, "leader-of", TR, D12, 3),
    rel("a1", PESKOV, "spokesperson-for", KREMLIN, None, 4),
    rel("a1", KREMLIN, "part-of", RU, None, 5),
    rel("a1", TR, "friends-with", RU, D12, 6, attributed_to=ERDOGAN),
    rel("a1", ERDOGAN, "meets", KK, D12, 7, negated=True),
)
RELATIONS_A2 = (
    rel("a2", KK, "criticizes", ERDOGAN, D13, 1),
    rel("a2", KK, "accuses", RU, D13, 2),
    rel("a2", KK, "candidate-for", NATION, D13, 3),
    rel("a2", US, "sanctions", RU, D13, 4, hypothetical=True),
)


def sample_results() -> list[ArticleResult]:
    def article(doc: str, date: dt.date) -> Article:
        return Article(id=doc, date=date, title=f"Title {doc}", text="...", source=f"{doc}.txt")

    return [
        ArticleResult(article=article("a1", D12), relations=RELATIONS_A1),
        ArticleResult(article=article("a2", D13), relations=RELATIONS_A2),
    ]


@pytest.fixture(scope="module")
def graph() -> Graph:
    return build_graph(sample_results())


@pytest.fixture(scope="module")
def graph_with_ontology() -> Graph:
    graph = build_graph(sample_results())
    graph += load_ontology()
    return graph


def ev(subject: Actor, name: str, obj: Actor) -> str:
    return f"{subject.label} {name} {obj.label}."


RUSSIA_ROWS = [
    ("Kremlin", "part-of", "Russia", None, "a1", ev(KREMLIN, "part-of", RU)),
    ("Kemal Kılıçdaroğlu", "accuses", "Russia", D11, "a1", ev(KK, "accuses", RU)),
    ("Türkiye", "friends-with", "Russia", D12, "a1", ev(TR, "friends-with", RU)),
    ("Kemal Kılıçdaroğlu", "accuses", "Russia", D13, "a2", ev(KK, "accuses", RU)),
]


def test_list_queries_describes_each_file() -> None:
    queries = list_queries()
    assert set(queries) == {
        "relations-of-actor",
        "accusations",
        "relations-over-time",
        "actor-roles",
    }
    assert all(description for description in queries.values())
    assert get_query("relations-of-actor").params["actor"][0] is True  # required
    assert get_query("relations-over-time").params["relation"][0] is False


@pytest.mark.parametrize("actor", ["Russia", "russia", "RUSSIA", ID + "country/ru"])
def test_relations_of_actor(graph: Graph, actor: str) -> None:
    result = query(graph, name="relations-of-actor", params={"actor": actor})
    assert result.columns == ["subject", "relation", "object", "date", "doc", "evidence"]
    assert result.rows == RUSSIA_ROWS


def test_relations_of_actor_by_alt_label_leaves_out_negated(graph: Graph) -> None:
    result = query(graph, name="relations-of-actor", params={"actor": "erdoğan"})
    # "Erdoğan meets Kılıçdaroğlu" is negated: not listed
    assert [row[:3] for row in result.rows] == [
        ("Recep Tayyip Erdoğan", "leader-of", "Türkiye"),
        ("Kemal Kılıçdaroğlu", "criticizes", "Recep Tayyip Erdoğan"),
    ]


def test_relations_of_actor_with_ontology_uses_notation(graph_with_ontology: Graph) -> None:
    result = query(graph_with_ontology, name="relations-of-actor", params={"actor": "Russia"})
    assert result.rows == RUSSIA_ROWS


def test_accusations(graph: Graph) -> None:
    result = query(graph, name="accusations")
    assert result.columns == ["subject", "relation", "object", "count", "first", "last"]
    assert result.rows == [
        ("Kemal Kılıçdaroğlu", "accuses", "Russia", 2, D11, D13),
        ("Kemal Kılıçdaroğlu", "criticizes", "Recep Tayyip Erdoğan", 1, D13, D13),
    ]


def test_relations_over_time(graph: Graph) -> None:
    result = query(graph, name="relations-over-time")
    assert result.columns == ["date", "relation", "count"]
    assert result.rows == [
        (None, "part-of", 1),
        (None, "spokesperson-for", 1),
        (D11, "accuses", 1),
        (D12, "denies", 1),
        (D12, "friends-with", 1),
        (D12, "leader-of", 1),
        (D13, "accuses", 1),
        (D13, "candidate-for", 1),
        (D13, "criticizes", 1),
    ]
    only = query(graph, name="relations-over-time", params={"relation": "accuses"})
    assert only.rows == [(D11, "accuses", 1), (D13, "accuses", 1)]


def test_actor_roles(graph: Graph) -> None:
    result = query(graph, name="actor-roles")
    assert result.columns == ["subject", "role", "object", "count", "first", "last"]
    assert result.rows == [
        ("Dmitry Peskov", "spokesperson-for", "Kremlin", 1, None, None),
        ("Kemal Kılıçdaroğlu", "candidate-for", "Nation Alliance", 1, D13, D13),
        ("Kremlin", "part-of", "Russia", 1, None, None),
        ("Recep Tayyip Erdoğan", "leader-of", "Türkiye", 1, D12, D12),
    ]


def test_named_queries_on_a_hand_made_data_only_graph() -> None:
    # The RDF contract written out by hand, independent of kgraph.rdf.
    turtle = """
    @prefix kg: <https://w3id.org/kgraph/ontology#> .
    @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
    @prefix skos: <http://www.w3.org/2004/02/skos/core#> .
    @prefix prov: <http://www.w3.org/ns/prov#> .
    @prefix dcterms: <http://purl.org/dc/terms/> .
    @prefix xsd: <http://www.w3.org/2001/XMLSchema#> .
    @prefix c: <https://w3id.org/kgraph/id/country/> .
    @prefix st: <https://w3id.org/kgraph/id/statement/> .
    @prefix art: <https://w3id.org/kgraph/id/article/> .
    c:tr a kg:Country ; skos:prefLabel "Türkiye" ; skos:altLabel "Turkey" .
    c:ru a kg:Country ; skos:prefLabel "Russia" .
    c:tr kg:friendsWith c:ru .
    st:s1 a kg:RelationStatement ; rdf:subject c:tr ;
        rdf:predicate kg:friendsWith ; rdf:object c:ru ;
        prov:wasDerivedFrom art:x ; kg:evidence "Turkey and Russia are friends." ;
        dcterms:date "2023-05-11"^^xsd:date ; kg:negated false ; kg:hypothetical false .
    art:x a kg:Article ; dcterms:identifier "000_x" .
    """
    graph = Graph().parse(data=turtle, format="turtle")
    result = query(graph, name="relations-of-actor", params={"actor": "turkey"})
    assert result.rows == [
        ("Türkiye", "friends-with", "Russia", D11, "000_x", "Turkey and Russia are friends.")
    ]
    over_time = query(graph, name="relations-over-time", params={"relation": "friends-with"})
    assert over_time.rows == [(D11, "friends-with", 1)]


@pytest.mark.parametrize("name", sorted(list_queries()))
def test_named_queries_give_the_same_rows_on_oxigraph(graph: Graph, name: str) -> None:
    # Oxigraph's own engine runs them, parameters written into the text.
    oxigraph = build_graph(sample_results(), graph=new_graph("Oxigraph"))
    params = {"actor": "russia"} if name == "relations-of-actor" else {}
    assert query(oxigraph, name=name, params=params) == query(graph, name=name, params=params)


def test_injection_is_only_a_value(graph: Graph) -> None:
    before = len(graph)
    attempt = 'x" } ; DROP ALL ; SELECT * WHERE { ?s ?p "'
    result = query(graph, name="relations-of-actor", params={"actor": attempt})
    assert result.rows == []
    assert len(graph) == before


def test_parameters_are_written_as_terms_where_the_query_reads_them() -> None:
    text = """SELECT ?s (?n AS ?who) WHERE {
      ?s <urn:x:says> "?who", '?who', \"\"\"?who\"\"\" ; <urn:x:name> ?who .  # ?who in a comment
      FILTER (?who != <urn:x:?who>) BIND (1 AS ?n)
    }"""
    bound = bind_parameters(text, {"who": 'Peskov "the spokesman"'})
    assert bound.count('"Peskov \\"the spokesman\\""') == 2  # the pattern and the FILTER
    assert '"?who", \'?who\', """?who"""' in bound  # strings untouched
    assert "# ?who in a comment" in bound
    assert "<urn:x:?who>" in bound
    assert "(?n AS ?who)" in bound  # the new name of a column is not a value
    assert bind_parameters("ASK { ?s ?p $o }", {"o": "urn:x:o"}) == "ASK { ?s ?p <urn:x:o> }"


def test_a_projected_parameter_is_a_clear_error(graph: Graph) -> None:
    with pytest.raises(QueryError, match="cannot bind \\?s: the query projects"):
        query(graph, "SELECT ?s WHERE { ?s ?p ?o }", params={"s": "urn:x:a"})


def test_ad_hoc_select_and_ask(graph: Graph) -> None:
    text = """PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
    SELECT ?actor WHERE { ?actor skos:altLabel ?name }"""
    result = query(graph, text, params={"name": "Turkey"})
    assert result.rows == [(TR.id,)]
    ask = query(
        graph,
        "ASK { ?s <http://www.w3.org/2004/02/skos/core#prefLabel> ?label }",
        params={"label": "Russia"},
    )
    assert (ask.columns, ask.rows) == (["ask"], [(True,)])


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"name": "nope"}, "no query named 'nope'; available: accusations, actor-roles"),
        ({"sparql": "SELECT ?x WHERE { ?x ?p }"}, "bad SPARQL"),
        ({"sparql": "SELECT ?x WHERE { ?x nope:p ?y }"}, "bad SPARQL"),
        ({"sparql": "CONSTRUCT { ?s ?p ?o } WHERE { ?s ?p ?o }"}, "CONSTRUCT gives a graph"),
        ({"sparql": "DESCRIBE <urn:x>"}, "DESCRIBE gives a graph"),
        ({"name": "accusations", "params": {"actor": "x"}}, "has no parameter actor"),
        ({"name": "relations-of-actor"}, "needs the parameter actor"),
        ({"sparql": "SELECT ?s WHERE { ?s ?p ?o }", "params": {"who": "x"}}, r"no variable \?who"),
        ({}, "give either"),
        ({"sparql": "ASK {}", "name": "accusations"}, "give either"),
    ],
)
def test_errors_are_query_errors(graph: Graph, kwargs: dict, message: str) -> None:
    with pytest.raises(QueryError, match=message):
        query(graph, **kwargs)


def test_formats() -> None:
    result = QueryResult(
        ["who", "when", "n", "ok"],
        [("Türkiye, Ankara", D11, 2, True), ('Say "hi"', None, 0.5, False)],
    )
    table = format_result(result, "table").splitlines()
    assert table[0].split() == ["who", "when", "n", "ok"]
    assert table[2].startswith("Türkiye, Ankara  2023-05-11    2  true")  # numbers to the right
    assert table[0][17:21] == "when" and table[3][17:19] == "  "  # aligned columns
    assert table[1].split() == ["-" * 15, "-" * 10, "-" * 3, "-" * 5]
    rows = list(csv.reader(io.StringIO(format_result(result, "csv"))))
    assert rows == [
        ["who", "when", "n", "ok"],
        ["Türkiye, Ankara", "2023-05-11", "2", "true"],
        ['Say "hi"', "", "0.5", "false"],
    ]
    assert json.loads(format_result(result, "json")) == [
        {"who": "Türkiye, Ankara", "when": "2023-05-11", "n": 2, "ok": True},
        {"who": 'Say "hi"', "when": None, "n": 0.5, "ok": False},
    ]
    with pytest.raises(QueryError, match="unknown format"):
        format_result(result, "xml")  # type: ignore[arg-type]
