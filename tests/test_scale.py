"""Scaling a build: the same graph from 1 process, 2 processes and a Dask cluster; progress."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph

from kgraph.build import build
from kgraph.cli import main
from kgraph.distributed import DaskMissingError
from kgraph.rdf import load_graph

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("/work/shared/corpus/wikinews.jsonl")

pytestmark = pytest.mark.skipif(not CORPUS.is_file(), reason=f"needs the shared corpus {CORPUS}")


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> list[Path]:
    """seeds/ and five corpus articles: small, but several partitions and shared actors."""
    subset = tmp_path_factory.mktemp("corpus") / "five.jsonl"
    with CORPUS.open(encoding="utf-8") as corpus:
        subset.write_text("".join(next(corpus) for _ in range(5)), encoding="utf-8")
    return [ROOT / "seeds", subset]


@pytest.fixture(scope="module")
def one_process(inputs: list[Path], tmp_path_factory: pytest.TempPathFactory) -> Graph:
    output = tmp_path_factory.mktemp("one") / "graph.nt"
    build(inputs, output)
    return load_graph(output)


@pytest.mark.model
def test_two_processes_build_the_same_graph(
    inputs: list[Path], one_process: Graph, tmp_path: Path
) -> None:
    from rdflib.compare import isomorphic

    build(inputs, tmp_path / "graph.nt", n_process=2, batch_size=2)
    assert len(one_process) > 100
    assert isomorphic(load_graph(tmp_path / "graph.nt"), one_process)


@pytest.mark.model
def test_a_dask_cluster_builds_the_same_graph(
    inputs: list[Path], one_process: Graph, tmp_path: Path
) -> None:
    distributed = pytest.importorskip("distributed")
    from rdflib.compare import isomorphic

    # Workers in threads of this process: the model is loaded once, and the test stays small.
    with (
        distributed.LocalCluster(
            processes=False, n_workers=1, threads_per_worker=1, dashboard_address=None
        ) as cluster,
        distributed.Client(cluster) as client,
    ):
        # Partitions of 2 articles: labels and mention counts must merge across shards.
        report = build(inputs, tmp_path / "graph.nt", dask=client, batch_size=2)
    assert report.articles == 6
    assert not list(tmp_path.glob(".kgraph-shards-*")), "shards are removed once loaded"
    assert isomorphic(load_graph(tmp_path / "graph.nt"), one_process)


def test_without_dask_the_error_says_what_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setitem(sys.modules, "distributed", None)  # as if not installed
    with pytest.raises(DaskMissingError, match=r"pip install 'kgraph\[dask\]'"):
        build([ROOT / "seeds"], tmp_path / "graph.ttl", dask="local")
    result = CliRunner().invoke(
        main, ["build", str(ROOT / "seeds"), "-o", str(tmp_path / "g.ttl"), "--dask", "local"]
    )
    assert result.exit_code == 3
    assert "kgraph[dask]" in result.stderr
    assert "Traceback" not in result.stderr


@pytest.mark.model
def test_the_progress_bar_counts_articles_and_relations_on_stderr(tmp_path: Path) -> None:
    output = str(tmp_path / "graph.ttl")
    result = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "-o", output, "--progress"])
    assert result.exit_code == 0, result.output
    assert "article/s" in result.stderr or "s/article" in result.stderr
    assert "relations=" in result.stderr and "skipped=0" in result.stderr
    assert "relations=" not in result.stdout

    # Not a terminal and not asked for: no bar (CliRunner's stderr is not a TTY).
    result = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "-o", output])
    assert "relations=" not in result.stderr
    result = CliRunner().invoke(main, ["build", str(ROOT / "seeds"), "-o", output, "-q"])
    assert result.stdout == "" and "relations=" not in result.stderr
