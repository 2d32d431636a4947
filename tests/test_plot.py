"""Tests of kgraph.plot: PNG files of the signed network and of ego networks."""

from __future__ import annotations

from pathlib import Path

import networkx as nx
import pytest

from kgraph.errors import KgraphError, StoreError
from kgraph.model import Actor, Article, ArticleResult, Relation
from kgraph.network import aggregate, to_networkx
from kgraph.plot import plot_network
from kgraph.rdf import build_graph

PNG_MAGIC = b"\x89PNG\r\n\x1a\n"
ID = "https://w3id.org/kgraph/id/"


def actor(slug: str, label: str, kind: str, *names: str) -> Actor:
    return Actor(id=f"{ID}{slug}", label=label, type=kind, names=names)


TR = actor("country/tr", "Türkiye", "Country", "Turkey")
RU = actor("country/ru", "Russia", "Country")
KK = actor("person/kemal-kilicdaroglu", "Kemal Kılıçdaroğlu", "Person")
ERDOGAN = actor("person/recep-tayyip-erdogan", "Recep Tayyip Erdoğan", "Person")
AKP = actor("political-party/akp", "Justice and Development Party", "PoliticalParty")
TOPIC = actor("topic/interference", "interference", "Topic")


@pytest.fixture(scope="module")
def G() -> nx.MultiDiGraph:
    triples = [
        (TR, "friends-with", RU),
        (KK, "accuses", RU),
        (KK, "criticizes", ERDOGAN),
        (ERDOGAN, "leader-of", TR),
        (ERDOGAN, "member-of", AKP),
        (RU, "denies", TOPIC),
    ]
    relations = tuple(
        Relation(doc="a1", subject=s, relation=r, object=o, span=(i, i + 1))
        for i, (s, r, o) in enumerate(triples)
    )
    article = Article(id="a1", date=None, title="", text="...", source="a1.txt")
    return to_networkx(build_graph([ArticleResult(article=article, relations=relations)]))


def assert_png(path: Path) -> None:
    assert path.is_file()
    data = path.read_bytes()
    assert data.startswith(PNG_MAGIC)
    assert 5_000 < len(data) < 3_000_000
    assert not [p for p in path.parent.iterdir() if p.name.endswith(".tmp")]


def test_whole_network(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = plot_network(G, tmp_path / "network.png", title="Test network")
    assert out == tmp_path / "network.png"
    assert_png(out)


def test_ego_network_plot_in_a_new_folder(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    out = plot_network(G, str(tmp_path / "plots" / "turkey.png"), actor="turkey", depth=2)
    assert_png(Path(out))


def test_aggregated_input_and_overwrite(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    target = tmp_path / "agg.png"
    target.write_bytes(b"old")
    plot_network(aggregate(G), target, actor="Russia", max_nodes=2)
    assert_png(target)


def test_empty_network(tmp_path: Path) -> None:
    assert_png(plot_network(nx.MultiDiGraph(), tmp_path / "empty.png"))


def test_unknown_actor_raises_and_writes_nothing(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    with pytest.raises(KgraphError, match="did you mean Russia"):
        plot_network(G, tmp_path / "x.png", actor="Rusia")
    assert list(tmp_path.iterdir()) == []


def test_unwritable_target_is_a_store_error(G: nx.MultiDiGraph, tmp_path: Path) -> None:
    folder = tmp_path / "taken"
    folder.mkdir()
    with pytest.raises(StoreError, match="cannot write the plot"):
        plot_network(G, folder)
    assert list(folder.iterdir()) == []
    assert [p.name for p in tmp_path.iterdir()] == ["taken"]
