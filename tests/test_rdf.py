"""Relations → RDF: the triples, the statement nodes, serialisation and loading."""

from __future__ import annotations

import dataclasses
from decimal import Decimal
from pathlib import Path

import pyoxigraph
import pytest
from conftest import (
    RDF_AWKWARD,
    RDF_CHP,
    RDF_ERDOGAN,
    RDF_KILICDAROGLU,
    RDF_PESKOV,
    RDF_RU,
    RDF_TOPIC,
    RDF_TR,
)
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.compare import graph_diff, isomorphic, to_isomorphic

import kgraph
from kgraph.errors import OntologyError, StoreError
from kgraph.iris import article_iri, statement_iri
from kgraph.model import ArticleResult, Relation
from kgraph.rdf import (
    FORMATS,
    GRAPH_IRI,
    build_graph,
    format_for,
    load_graph,
    new_graph,
    serialize,
)
from kgraph.vocabulary import DCTERMS, KG, OWL, PROV, RDF, SKOS, WD, XSD

TR, RU, ERDOGAN, KILICDAROGLU = (
    URIRef(a.id) for a in (RDF_TR, RDF_RU, RDF_ERDOGAN, RDF_KILICDAROGLU)
)
A1 = URIRef(article_iri("000_test"))


def assert_isomorphic(left: Graph, right: Graph) -> None:
    """Isomorphism, with the differing triples in the failure message."""
    if isomorphic(left, right):
        return
    _, only_left, only_right = graph_diff(to_isomorphic(left), to_isomorphic(right))
    lines = ["graphs differ;", "only left:"]
    lines += sorted(f"  {t}" for t in only_left)[:20]
    lines += ["only right:"] + sorted(f"  {t}" for t in only_right)[:20]
    pytest.fail("\n".join(lines))


def statement(relation: Relation) -> URIRef:
    return URIRef(
        statement_iri(
            doc=relation.doc,
            span=relation.span,
            relation=relation.relation,
            subject=relation.subject.id,
            object=relation.object.id,
        )
    )


# --- the triples --------------------------------------------------------------------------


def test_asserted_relations_are_direct_triples(rdf_graph: Graph) -> None:
    assert (KILICDAROGLU, KG.accuses, RU) in rdf_graph
    assert (KILICDAROGLU, KG.leaderOf, URIRef(RDF_CHP.id)) in rdf_graph
    assert (RU, KG.denies, URIRef(RDF_TOPIC.id)) in rdf_graph
    assert (URIRef(RDF_AWKWARD.id), KG.criticizes, ERDOGAN) in rdf_graph


def test_negated_and_hypothetical_relations_have_only_a_statement(
    rdf_graph: Graph, rdf_results: list[ArticleResult]
) -> None:
    negated = rdf_results[0].relations[2]
    hypothetical = rdf_results[1].relations[1]
    assert not set(rdf_graph.triples((None, KG.meets, None)))
    assert not set(rdf_graph.triples((None, KG.supports, None)))
    for relation, flag in ((negated, KG.negated), (hypothetical, KG.hypothetical)):
        node = statement(relation)
        assert (node, RDF.type, KG.RelationStatement) in rdf_graph
        assert rdf_graph.value(node, flag) == Literal(True)


def test_symmetric_relation_has_one_direct_triple_whatever_the_order(rdf_graph: Graph) -> None:
    # Türkiye friends-with Russia in one article, Russia friends-with Türkiye in the other.
    direct = set(rdf_graph.triples((None, KG.friendsWith, None)))
    assert len(direct) == 1
    assert direct <= {(TR, KG.friendsWith, RU), (RU, KG.friendsWith, TR)}
    # ... but each sentence keeps its own statement, in the order the text gave.
    statements = rdf_graph.subjects(RDF.predicate, KG.friendsWith)
    assert {rdf_graph.value(s, RDF.subject) for s in statements} == {TR, RU}


def test_statement_node_carries_the_provenance(
    rdf_graph: Graph, rdf_results: list[ArticleResult]
) -> None:
    relation = rdf_results[0].relations[0]
    node = statement(relation)
    expected = {
        RDF.type: KG.RelationStatement,
        RDF.subject: TR,
        RDF.predicate: KG.friendsWith,
        RDF.object: RU,
        PROV.wasDerivedFrom: A1,
        PROV.wasAttributedTo: URIRef(RDF_PESKOV.id),
        KG.evidence: Literal(relation.evidence),
        KG.spanStart: Literal(10, datatype=XSD.integer),
        KG.spanEnd: Literal(55, datatype=XSD.integer),
        DCTERMS.date: Literal("2023-05-11", datatype=XSD.date),
        KG.negated: Literal(False),
        KG.hypothetical: Literal(False),
        KG.confidence: Literal(Decimal("0.9")),
        KG.cue: Literal("friends"),
        KG.extractorVersion: Literal(f"kgraph {kgraph.__version__}"),
    }
    assert dict(rdf_graph.predicate_objects(node)) == expected


def test_speaker_only_in_attribution_still_gets_a_node(rdf_graph: Graph) -> None:
    peskov = URIRef(RDF_PESKOV.id)
    assert (peskov, RDF.type, KG.Person) in rdf_graph
    assert rdf_graph.value(peskov, SKOS.prefLabel) == Literal("Dmitry Peskov")


def test_actor_node(rdf_graph: Graph) -> None:
    assert (TR, RDF.type, KG.Country) in rdf_graph
    assert rdf_graph.value(TR, SKOS.prefLabel) == Literal("Türkiye")
    assert set(rdf_graph.objects(TR, SKOS.altLabel)) == {Literal("Turkey"), Literal("Ankara")}
    assert rdf_graph.value(TR, KG.isoCode) == Literal("TR")
    assert rdf_graph.value(TR, OWL.sameAs) == WD.Q43
    # Summed over both articles: 3 + 1.
    assert rdf_graph.value(TR, KG.mentionCount) == Literal(4, datatype=XSD.integer)
    assert set(rdf_graph.objects(TR, KG.mentionedIn)) == {A1, URIRef(article_iri("001_test"))}
    assert rdf_graph.value(URIRef(RDF_PESKOV.id), KG.mentionCount) == Literal(
        0, datatype=XSD.integer
    )


def test_longest_label_wins_and_others_become_alt_labels(
    rdf_results: list[ArticleResult],
) -> None:
    for results in (rdf_results, rdf_results[::-1]):
        graph = build_graph(results)
        assert list(graph.objects(ERDOGAN, SKOS.prefLabel)) == [Literal("Recep Tayyip Erdoğan")]
        assert set(graph.objects(ERDOGAN, SKOS.altLabel)) == {Literal("Erdoğan")}


def test_topic_node_is_not_an_actor(rdf_graph: Graph) -> None:
    topic = URIRef(RDF_TOPIC.id)
    assert set(rdf_graph.objects(topic, RDF.type)) == {KG.Topic}
    assert rdf_graph.value(topic, SKOS.prefLabel) == Literal(RDF_TOPIC.label)
    assert rdf_graph.value(topic, KG.mentionCount) is None


def test_article_node(rdf_graph: Graph) -> None:
    assert dict(rdf_graph.predicate_objects(A1)) == {
        RDF.type: KG.Article,
        DCTERMS.identifier: Literal("000_test"),
        DCTERMS.title: Literal('Erdoğan: "Russia is our friend"'),
        DCTERMS.date: Literal("2023-05-12", datatype=XSD.date),
        DCTERMS.source: Literal("seeds/000_test.txt"),
    }


def test_no_blank_nodes(rdf_graph: Graph) -> None:
    assert not [t for t in rdf_graph if any(isinstance(term, BNode) for term in t)]


def test_same_articles_give_the_same_graph(rdf_results: list[ArticleResult]) -> None:
    assert_isomorphic(build_graph(rdf_results), build_graph(rdf_results))
    # Neither label choice nor symmetric direction nor counts depend on the article order.
    assert_isomorphic(build_graph(rdf_results), build_graph(rdf_results[::-1]))


def test_building_the_same_articles_twice_into_one_graph_counts_once(
    rdf_results: list[ArticleResult], rdf_graph: Graph
) -> None:
    graph = build_graph(rdf_results)
    build_graph(rdf_results, graph=graph)
    assert_isomorphic(graph, rdf_graph)


def test_unknown_relation_or_type_raises(rdf_results: list[ArticleResult]) -> None:
    relation = rdf_results[0].relations[0]
    bad = dataclasses.replace(relation, relation="befriends")
    result = dataclasses.replace(rdf_results[0], relations=(bad,))
    with pytest.raises(OntologyError, match="befriends"):
        build_graph([result])
    robot = dataclasses.replace(RDF_TR, type="Robot")
    with pytest.raises(OntologyError, match="Robot"):
        build_graph([dataclasses.replace(rdf_results[0], actors=(robot,), relations=())])


def rdf11(graph: Graph) -> set[tuple[object, ...]]:
    """The triples with literals compared as RDF 1.1 values, as Oxigraph stores them.

    Oxigraph gives plain literals their RDF 1.1 datatype xsd:string (rdflib keeps None) and
    writes decimals in canonical form ("1", where rdflib keeps "1.0").
    """

    def norm(term: object) -> object:
        if isinstance(term, Literal) and term.datatype == XSD.string:
            return Literal(str(term))
        if isinstance(term, Literal) and term.datatype == XSD.decimal:
            return ("decimal", term.toPython())  # Decimal("1") == Decimal("1.0")
        return term

    return {tuple(norm(term) for term in triple) for triple in graph}


def test_building_into_oxigraph_gives_the_same_triples(
    rdf_results: list[ArticleResult], rdf_graph: Graph
) -> None:
    store_graph = new_graph("Oxigraph")
    assert build_graph(rdf_results, graph=store_graph) is store_graph
    assert rdf11(store_graph) == rdf11(rdf_graph)


@pytest.mark.parametrize("name", list(FORMATS))
def test_oxigraph_backed_graph_serialises_like_the_in_memory_one(
    rdf_results: list[ArticleResult], rdf_graph: Graph, tmp_path: Path, name: str
) -> None:
    store_graph = build_graph(rdf_results, graph=new_graph("Oxigraph"))
    path = serialize(store_graph, tmp_path / f"graph{FORMATS[name]}")
    assert "^^xsd:string" not in path.read_text(encoding="utf-8")
    assert rdf11(load_graph(path)) == rdf11(rdf_graph)


# --- serialisation ------------------------------------------------------------------------


@pytest.mark.parametrize("name", list(FORMATS))
def test_every_format_round_trips(rdf_graph: Graph, tmp_path: Path, name: str) -> None:
    path = serialize(rdf_graph, tmp_path / "out" / f"graph{FORMATS[name]}")
    assert path.is_file() and format_for(path) == name
    loaded = load_graph(path)
    assert_isomorphic(loaded, rdf_graph)
    awkward = URIRef(RDF_AWKWARD.id)
    assert loaded.value(awkward, SKOS.prefLabel) == Literal(RDF_AWKWARD.label)
    assert set(loaded.objects(awkward, SKOS.altLabel)) == {Literal(n) for n in RDF_AWKWARD.names}


_OXIGRAPH_FORMATS = {
    "turtle": pyoxigraph.RdfFormat.TURTLE,
    "trig": pyoxigraph.RdfFormat.TRIG,
    "nt": pyoxigraph.RdfFormat.N_TRIPLES,
    "jsonld": pyoxigraph.RdfFormat.JSON_LD,
}


@pytest.mark.parametrize("name", list(FORMATS))
def test_files_parse_in_oxigraph(rdf_graph: Graph, tmp_path: Path, name: str) -> None:
    path = serialize(rdf_graph, tmp_path / f"graph{FORMATS[name]}")
    quads = list(pyoxigraph.parse(path=path, format=_OXIGRAPH_FORMATS[name]))
    assert len(quads) == len(rdf_graph)
    if name == "trig":
        assert {quad.graph_name for quad in quads} == {pyoxigraph.NamedNode(str(GRAPH_IRI))}


def test_trig_holds_one_named_graph(rdf_graph: Graph, tmp_path: Path) -> None:
    dataset = Dataset()
    dataset.parse(serialize(rdf_graph, tmp_path / "graph.trig"), format="trig")
    assert len(dataset.graph(GRAPH_IRI)) == len(rdf_graph)


def test_serialize_is_atomic(
    rdf_graph: Graph, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "graph.ttl"
    path.write_text("previous content\n", encoding="utf-8")

    def broken(self: Graph, destination=None, **kwargs):  # type: ignore[no-untyped-def]
        destination.write(b"@prefix half: <")  # a partial write, then a crash
        raise RuntimeError("disk on fire")

    monkeypatch.setattr(Graph, "serialize", broken)
    with pytest.raises(RuntimeError, match="disk on fire"):
        serialize(rdf_graph, path)
    assert path.read_text(encoding="utf-8") == "previous content\n"
    assert [p.name for p in tmp_path.iterdir()] == ["graph.ttl"]


def test_serialize_replaces_an_existing_file(rdf_graph: Graph, tmp_path: Path) -> None:
    path = tmp_path / "graph.nt"
    path.write_text("old", encoding="utf-8")
    serialize(rdf_graph, path)
    assert len(load_graph(path)) == len(rdf_graph)
    assert [p.name for p in tmp_path.iterdir()] == ["graph.nt"]


def test_explicit_format_overrides_the_suffix(rdf_graph: Graph, tmp_path: Path) -> None:
    path = serialize(rdf_graph, tmp_path / "graph.txt", format="nt")
    assert len(load_graph(path, format="nt")) == len(rdf_graph)


def test_unknown_suffix_names_the_file(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match=r"graph\.xml.*\.ttl"):
        format_for(tmp_path / "graph.xml")


@pytest.mark.parametrize("name", list(FORMATS))
def test_corrupt_file_raises_store_error_naming_it(tmp_path: Path, name: str) -> None:
    path = tmp_path / f"broken{FORMATS[name]}"
    path.write_text('<a> <b> "unterminated .\n{[', encoding="utf-8")
    with pytest.raises(StoreError, match=rf"broken{FORMATS[name]}: cannot parse as {name}"):
        load_graph(path)


def test_missing_file_raises_store_error(tmp_path: Path) -> None:
    with pytest.raises(StoreError, match="missing.ttl: no such file"):
        load_graph(tmp_path / "missing.ttl")


def test_new_graph_binds_the_prefixes() -> None:
    prefixes = dict(new_graph().namespaces())
    assert prefixes["kg"] == URIRef(str(KG))
    assert prefixes["wd"] == URIRef(str(WD))
    assert prefixes["prov"] == URIRef(str(PROV))
