"""Oxigraph stores on disk: incremental, idempotent, crash-safe builds, and readable errors."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import XSD

from kgraph.build import build
from kgraph.cli import main
from kgraph.errors import StoreError
from kgraph.iris import DATA
from kgraph.model import ArticleResult
from kgraph.rdf import build_graph
from kgraph.store import OxigraphSink, open_source

ROOT = Path(__file__).resolve().parents[1]
CORPUS = Path("/work/shared/corpus/wikinews.jsonl")


def rdf11(graph: Graph) -> set[tuple[object, ...]]:
    """The triples with literals as RDF 1.1 values, as Oxigraph stores them.

    Oxigraph gives plain literals the datatype xsd:string and writes decimals in
    canonical form ("1" for rdflib's "1.0"). kgraph graphs have no blank nodes, so
    equal sets mean isomorphic graphs.
    """

    def norm(term: object) -> object:
        if isinstance(term, Literal) and term.datatype == XSD.string:
            return Literal(str(term))
        if isinstance(term, Literal) and term.datatype == XSD.decimal:
            return ("decimal", term.toPython())
        return term

    return {tuple(norm(term) for term in triple) for triple in graph}


def build_into_store(results: list[ArticleResult], folder: Path, *, batch_size: int = 64) -> None:
    with OxigraphSink(folder) as sink:
        build_graph(results, graph=sink.graph, commit=sink.commit, batch_size=batch_size)


def test_a_store_holds_the_same_graph_as_memory(
    rdf_results: list[ArticleResult], rdf_graph: Graph, tmp_path: Path
) -> None:
    build_into_store(rdf_results, tmp_path / "store", batch_size=1)
    with open_source(store=tmp_path / "store") as graph:
        assert rdf11(graph) == rdf11(rdf_graph)


def test_new_articles_add_to_a_store_as_if_built_together(
    rdf_results: list[ArticleResult], rdf_graph: Graph, tmp_path: Path
) -> None:
    build_into_store(rdf_results[:1], tmp_path / "store")
    build_into_store(rdf_results[1:], tmp_path / "store")
    with open_source(store=tmp_path / "store") as graph:
        # Labels, altLabels and mention counts included.
        assert rdf11(graph) == rdf11(rdf_graph)


def test_adding_the_same_articles_again_changes_nothing(
    rdf_results: list[ArticleResult], rdf_graph: Graph, tmp_path: Path
) -> None:
    build_into_store(rdf_results, tmp_path / "store")
    build_into_store(rdf_results, tmp_path / "store")
    build_into_store(rdf_results[1:], tmp_path / "store")
    with open_source(store=tmp_path / "store") as graph:
        assert rdf11(graph) == rdf11(rdf_graph)


def test_a_failed_build_keeps_its_committed_batches_and_a_rerun_completes_it(
    rdf_results: list[ArticleResult], rdf_graph: Graph, tmp_path: Path
) -> None:
    def crashing() -> Iterator[ArticleResult]:
        yield rdf_results[0]
        raise RuntimeError("the machine went away")

    with pytest.raises(RuntimeError), OxigraphSink(tmp_path / "store") as sink:
        build_graph(crashing(), graph=sink.graph, commit=sink.commit, batch_size=1)
    with open_source(store=tmp_path / "store") as graph:
        assert rdf11(graph) == rdf11(build_graph(rdf_results[:1]))

    build_into_store(rdf_results, tmp_path / "store")
    with open_source(store=tmp_path / "store") as graph:
        assert rdf11(graph) == rdf11(rdf_graph)


def test_a_batch_cut_short_is_not_committed(
    rdf_results: list[ArticleResult], tmp_path: Path
) -> None:
    def crashing() -> Iterator[ArticleResult]:
        yield rdf_results[0]
        raise RuntimeError("the machine went away")

    with pytest.raises(RuntimeError), OxigraphSink(tmp_path / "store") as sink:
        build_graph(crashing(), graph=sink.graph, commit=sink.commit, batch_size=2)
    with open_source(store=tmp_path / "store") as graph:
        assert len(graph) == 0


def test_sink_update_runs_sparql_update_on_the_store(
    rdf_results: list[ArticleResult], tmp_path: Path
) -> None:
    with OxigraphSink(tmp_path / "store") as sink:
        build_graph(rdf_results, graph=sink.graph, commit=sink.commit)
        sink.update("DELETE WHERE { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?o }")
    with open_source(store=tmp_path / "store") as graph:
        ask = graph.query("ASK { ?s <http://www.w3.org/2004/02/skos/core#altLabel> ?o }")
        assert ask.askAnswer is False
        assert len(graph) > 0


# --- errors ------------------------------------------------------------------------------


def test_a_folder_that_is_not_a_store_is_refused_and_left_alone(tmp_path: Path) -> None:
    folder = tmp_path / "photos"
    folder.mkdir()
    (folder / "holiday.jpg").write_bytes(b"\xff\xd8")
    with pytest.raises(StoreError, match="not an Oxigraph store.*new or empty folder"):
        OxigraphSink(folder)
    assert [p.name for p in folder.iterdir()] == ["holiday.jpg"]


def test_a_store_in_use_is_a_store_error(tmp_path: Path) -> None:
    with OxigraphSink(tmp_path / "store"), pytest.raises(StoreError, match="in use by another"):
        OxigraphSink(tmp_path / "store")


def test_reading_a_missing_store_says_how_to_make_one(tmp_path: Path) -> None:
    with (
        pytest.raises(StoreError, match="kgraph build --store"),
        open_source(store=tmp_path / "nothing"),
    ):
        pass


def test_the_cli_reports_store_errors_in_one_line(tmp_path: Path) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("x", encoding="utf-8")
    result = CliRunner().invoke(main, ["stats", "--store", str(folder)])
    assert result.exit_code == 3
    assert "not an Oxigraph store" in result.stderr
    assert "Traceback" not in result.stderr

    with OxigraphSink(tmp_path / "busy"):
        result = CliRunner().invoke(main, ["query", "--store", str(tmp_path / "busy"), "--list"])
        assert result.exit_code == 0  # --list needs no graph
        result = CliRunner().invoke(
            main, ["query", "--store", str(tmp_path / "busy"), "SELECT * WHERE { ?s ?p ?o }"]
        )
        assert result.exit_code == 3
        assert "in use by another process" in result.stderr


# --- a real build, killed mid-way ----------------------------------------------------------


def _articles(folder: Path, count: int) -> list[Path]:
    """The seed article and the first ``count - 1`` corpus articles."""
    subset = folder / "corpus.jsonl"
    with CORPUS.open(encoding="utf-8") as corpus:
        subset.write_text("".join(next(corpus) for _ in range(count - 1)), encoding="utf-8")
    return [ROOT / "seeds", subset]


def _statements_by_article(graph: Graph) -> dict[str, set[tuple[str, str]]]:
    """Article → (statement, property) pairs; not the values, which actor merges may change."""
    rows = graph.query(
        "SELECT ?a ?st ?p WHERE { ?st <http://www.w3.org/ns/prov#wasDerivedFrom> ?a ; ?p ?o }"
    )
    found: dict[str, set[tuple[str, str]]] = {}
    for article, statement, prop in rows:  # type: ignore[misc]
        found.setdefault(str(article), set()).add((str(statement), str(prop)))
    return found


def kill_build_after_batch(batch: int, *arguments: str) -> None:
    """Run ``kgraph build ARGUMENTS`` and SIGKILL it as soon as it has committed ``batch``."""
    kgraph = str(Path(sys.executable).parent / "kgraph")
    process = subprocess.Popen(
        [kgraph, "-v", "build", *arguments],  # -v logs each commit
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
    )
    assert process.stderr is not None
    for line in process.stderr:
        if f"committed batch {batch}" in line:
            break
    os.kill(process.pid, signal.SIGKILL)
    process.wait()
    process.stderr.close()


@pytest.mark.model
@pytest.mark.skipif(not CORPUS.is_file(), reason=f"needs the shared corpus {CORPUS}")
def test_a_build_killed_mid_way_leaves_whole_batches_and_a_rerun_completes_it(
    tmp_path: Path,
) -> None:
    inputs = _articles(tmp_path, 8)
    build(inputs, store=tmp_path / "reference", batch_size=2)

    store = tmp_path / "store"
    kill_build_after_batch(2, *map(str, inputs), "--store", str(store), "--batch-size", "2")

    with open_source(store=tmp_path / "reference") as graph:
        complete = _statements_by_article(graph)
        expected = rdf11(graph)
    with open_source(store=store) as graph:
        partial = _statements_by_article(graph)
        rows = graph.query("SELECT ?a WHERE { ?a a <https://w3id.org/kgraph/ontology#Article> }")
        articles_in_store = {str(row[0]) for row in rows}  # type: ignore[index]
    # Killed mid-way: some articles are in, not all, and every one that is, is whole.
    assert 0 < len(articles_in_store) < 8
    assert all(a.startswith(DATA + "article/") for a in articles_in_store)
    for article, statements in partial.items():
        assert article in articles_in_store
        assert statements == complete[article], article

    build(inputs, store=store, batch_size=2)
    with open_source(store=store) as graph:
        assert rdf11(graph) == expected


@pytest.mark.model
@pytest.mark.skipif(not CORPUS.is_file(), reason=f"needs the shared corpus {CORPUS}")
def test_a_file_build_killed_mid_way_leaves_no_graph_and_the_next_build_clears_its_store(
    tmp_path: Path,
) -> None:
    inputs = _articles(tmp_path, 6)
    output = tmp_path / "out" / "graph.nt"
    kill_build_after_batch(1, *map(str, inputs), "-o", str(output), "--batch-size", "2")
    # No graph, half or whole; only the hidden store the killed build streamed into.
    [left] = list(output.parent.iterdir())
    assert left.name.startswith(".graph.nt.") and left.name.endswith(".store")

    build(inputs, output)
    assert [p.name for p in output.parent.iterdir()] == ["graph.nt"]
    assert "RelationStatement" in output.read_text(encoding="utf-8")


def test_query_stats_and_plot_read_a_store(
    rdf_results: list[ArticleResult], tmp_path: Path
) -> None:
    store = str(tmp_path / "store")
    build_into_store(rdf_results, tmp_path / "store")
    runner = CliRunner()
    # With --store, the first argument is the SPARQL text.
    sparql = "SELECT ?s WHERE { ?s a <https://w3id.org/kgraph/ontology#Article> } ORDER BY ?s"
    result = runner.invoke(main, ["query", "--store", store, sparql, "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert result.stdout.splitlines()[0] == "s" and len(result.stdout.splitlines()) == 3

    result = runner.invoke(main, ["stats", "--store", store, "--format", "json"])
    assert result.exit_code == 0, result.output
    assert json.loads(result.stdout)["articles"] == 2

    png = tmp_path / "network.png"
    result = runner.invoke(main, ["plot", "--store", store, "-o", str(png), "--actor", "Russia"])
    assert result.exit_code == 0, result.output
    assert png.read_bytes().startswith(b"\x89PNG")


def test_a_graph_source_is_one_of_file_store_or_endpoint(tmp_path: Path) -> None:
    result = CliRunner().invoke(main, ["stats"])
    assert result.exit_code == 2
    assert "give one graph source" in result.stderr
