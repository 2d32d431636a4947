"""Tests of kgraph.network: RDF → networkx views, aggregation, ego networks, stats."""

from __future__ import annotations

import networkx as nx
import pytest
from rdflib import Graph
from samples import (
    D11,
    D12,
    D13,
    ERDOGAN,
    INTERFERENCE,
    KK,
    NATION,
    PESKOV,
    RU,
    TR,
    US,
)

from kgraph.errors import KgraphError
from kgraph.iris import statement_iri
from kgraph.model import Actor, Article, ArticleResult, Relation
from kgraph.network import aggregate, ego_network, find_actor, network_stats, to_networkx
from kgraph.rdf import build_graph


def rel(subject: Actor, name: str, obj: Actor, n: int, **extra: object) -> Relation:
    return Relation(
        doc="a1",
        subject=subject,
        relation=name,
        object=obj,
        evidence=f"{subject.label} {name} {obj.label}.",
        span=(n * 100, n * 100 + 50),
        **extra,  # type: ignore[arg-type]
    )


FRIENDS = rel(TR, "friends-with", RU, 1, date=D12, attributed_to=ERDOGAN, confidence=0.9)
RELATIONS = (
    FRIENDS,
    rel(KK, "accuses", RU, 2, date=D11),
    rel(KK, "criticizes", ERDOGAN, 3),
    rel(ERDOGAN, "meets", KK, 4, negated=True),
    rel(US, "sanctions", RU, 5, hypothetical=True),
    rel(PESKOV, "denies", INTERFERENCE, 6),
    rel(ERDOGAN, "leader-of", TR, 7),
    rel(RU, "friends-with", TR, 8),
    rel(KK, "accuses", RU, 9, date=D13),
)


@pytest.fixture(scope="module")
def graph() -> Graph:
    article = Article(id="a1", date=D12, title="", text="...", source="a1.txt")
    result = ArticleResult(article=article, actors=(NATION,), relations=RELATIONS)
    return build_graph([result])


@pytest.fixture(scope="module")
def G(graph: Graph) -> nx.MultiDiGraph:
    return to_networkx(graph)


def test_nodes_carry_label_type_and_alt_labels(G: nx.MultiDiGraph) -> None:
    assert set(G) == {a.id for a in (TR, RU, US, ERDOGAN, KK, PESKOV, NATION, INTERFERENCE)}
    assert G.nodes[TR.id] == {"label": "Türkiye", "type": "Country", "alt_labels": ["Turkey"]}
    assert G.nodes[NATION.id]["type"] == "Alliance"  # an actor in no relation is still a node
    assert G.nodes[INTERFERENCE.id]["type"] == "Topic"


def test_one_edge_per_asserted_statement(G: nx.MultiDiGraph) -> None:
    assert G.number_of_edges() == 7  # 9 statements, one negated, one hypothetical
    key = statement_iri(
        doc="a1", span=FRIENDS.span, relation="friends-with", subject=TR.id, object=RU.id
    )
    assert G.edges[TR.id, RU.id, key] == {
        "relation": "friends-with",
        "weight": 3.0,
        "quad": "verbal-coop",
        "date": "2023-05-12",
        "doc": "a1",
        "evidence": "Türkiye friends-with Russia.",
        "confidence": 0.9,
        "negated": False,
        "hypothetical": False,
        "attributed_to": "Recep Tayyip Erdoğan",
    }
    # a symmetric statement keeps the direction of its sentence
    assert [d["relation"] for d in G.get_edge_data(RU.id, TR.id).values()] == ["friends-with"]
    assert {d["date"] for _, _, d in G.edges(data=True)} == {
        "2023-05-12",
        "2023-05-11",
        "2023-05-13",
        None,
    }


def test_include_negated_and_topics(graph: Graph) -> None:
    everything = to_networkx(graph, include_negated=True)
    assert everything.number_of_edges() == 9
    flags = {
        (d["relation"], d["negated"], d["hypothetical"]) for _, _, d in everything.edges(data=True)
    }
    assert ("meets", True, False) in flags and ("sanctions", False, True) in flags
    no_topics = to_networkx(graph, include_topics=False)
    assert INTERFERENCE.id not in no_topics
    assert no_topics.number_of_edges() == 6


def test_hand_made_graph_without_optional_fields() -> None:
    graph = Graph().parse(
        format="turtle",
        data="""
        @prefix kg: <https://w3id.org/kgraph/ontology#> .
        @prefix rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#> .
        <urn:a> a kg:Person .
        <urn:st> a kg:RelationStatement ; rdf:subject <urn:a> ; rdf:predicate kg:attacks ;
            rdf:object <urn:b> .
        <urn:broken> a kg:RelationStatement ; rdf:subject <urn:a> .
    """,
    )
    G = to_networkx(graph)
    assert G.nodes["urn:a"] == {"label": "urn:a", "type": "Person", "alt_labels": []}
    assert G.nodes["urn:b"]["type"] == "Actor"  # untyped: the general class
    data = G.edges["urn:a", "urn:b", "urn:st"]
    assert (data["relation"], data["weight"], data["date"], data["doc"]) == (
        "attacks",
        -10.0,
        None,
        None,
    )
    assert G.number_of_edges() == 1  # the incomplete statement is skipped


def test_aggregate(G: nx.MultiDiGraph) -> None:
    A = aggregate(G)
    assert isinstance(A, nx.DiGraph) and not A.is_multigraph()
    assert A.number_of_edges() == 6
    # two friends-with statements, one each way; symmetric: both count in both directions
    for u, v in [(TR.id, RU.id), (RU.id, TR.id)]:
        assert A.edges[u, v] == {
            "count": 2,
            "weight": 6.0,
            "sign": 1,
            "relations": {"friends-with": 2},
        }
    assert A.edges[KK.id, RU.id] == {
        "count": 2,
        "weight": -4.0,
        "sign": -1,
        "relations": {"accuses": 2},
    }
    assert not A.has_edge(RU.id, KK.id)  # accuses is directed
    assert A.edges[ERDOGAN.id, TR.id]["sign"] == 0  # roles weigh 0
    assert A.nodes[KK.id]["label"] == "Kemal Kılıçdaroğlu"


@pytest.mark.parametrize(
    "actor", ["Kemal Kılıçdaroğlu", "kılıçdaroğlu", "KEMAL KILICDAROGLU", "kilicdaroglu", KK.id]
)
def test_ego_network_finds_the_actor(G: nx.MultiDiGraph, actor: str) -> None:
    assert set(ego_network(G, actor)) == {KK.id, RU.id, ERDOGAN.id}


def test_ego_network_depth_and_kind(G: nx.MultiDiGraph) -> None:
    two = ego_network(G, "Kılıçdaroğlu", depth=2)
    assert set(two) == {KK.id, RU.id, ERDOGAN.id, TR.id}
    assert two.is_multigraph() and two.number_of_edges() == 6
    aggregated = ego_network(aggregate(G), "the Russia", depth=1)
    assert set(aggregated) == {RU.id, TR.id, KK.id}
    assert not aggregated.is_multigraph()


def test_unknown_actor_lists_close_matches(G: nx.MultiDiGraph) -> None:
    with pytest.raises(KgraphError, match=r"no actor 'Rusia' in the network; did you mean Russia"):
        ego_network(G, "Rusia")
    with pytest.raises(KgraphError, match="check the spelling"):
        find_actor(G, "zzzz")


def test_ambiguous_label_asks_for_an_iri() -> None:
    G = nx.MultiDiGraph()
    G.add_node("urn:georgia-country", label="Georgia", type="Country")
    G.add_node("urn:georgia-state", label="Georgia", type="Territory")
    with pytest.raises(KgraphError, match="names several actors; give one IRI"):
        find_actor(G, "georgia")
    assert find_actor(G, "urn:georgia-state") == "urn:georgia-state"


def test_network_stats(G: nx.MultiDiGraph) -> None:
    stats = network_stats(G, top=3)
    assert (stats["nodes"], stats["edges"]) == (8, 7)
    assert stats["relations"] == {
        "friends-with": 2,
        "accuses": 2,
        "criticizes": 1,
        "denies": 1,
        "leader-of": 1,
    }
    assert stats["types"] == {"Country": 3, "Person": 3, "Alliance": 1, "Topic": 1}
    assert stats["top_actors"] == [
        {"id": RU.id, "label": "Russia", "degree": 4},
        {"id": KK.id, "label": "Kemal Kılıçdaroğlu", "degree": 3},  # ties: by label
        {"id": TR.id, "label": "Türkiye", "degree": 3},
    ]
    aggregated = network_stats(aggregate(G))
    assert aggregated["relations"]["friends-with"] == 4  # counted in both directions
    assert aggregated["edges"] == 6
