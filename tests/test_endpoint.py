"""Building into a real SPARQL 1.1 endpoint (an Oxigraph server), and reading any graph source."""

from __future__ import annotations

import json
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner
from rdflib import Graph, Literal
from rdflib.namespace import XSD

from kgraph.cli import main
from kgraph.errors import StoreError
from kgraph.model import ArticleResult
from kgraph.rdf import build_graph
from kgraph.store import EndpointSink, open_source

ROOT = Path(__file__).resolve().parents[1]


def _oxigraph_binary() -> str | None:
    # The dev extra installs the `oxigraph` package, whose script sits next to python.
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.is_file() else shutil.which("oxigraph")


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def _wait_until_it_answers(url: str, server: subprocess.Popen[bytes]) -> None:
    deadline = time.monotonic() + 60  # a generous bound for a slow machine, not a test
    while time.monotonic() < deadline:
        if server.poll() is not None:
            pytest.fail(f"oxigraph serve exited with {server.returncode}")
        try:
            with urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=2):
                return
        except (urllib.error.URLError, OSError):
            time.sleep(0.1)
    pytest.fail(f"oxigraph serve did not answer at {url}")


@pytest.fixture
def endpoint(tmp_path: Path) -> Iterator[str]:
    """The query URL of a fresh Oxigraph server on a free loopback port."""
    binary = _oxigraph_binary()
    if binary is None:
        pytest.skip("no `oxigraph` server binary: pip install oxigraph (in the dev extra)")
    port = _free_port()
    server = subprocess.Popen(
        [binary, "serve", "--location", str(tmp_path / "server"), "--bind", f"127.0.0.1:{port}"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}/query"
    try:
        _wait_until_it_answers(url, server)
        yield url
    finally:
        server.terminate()
        server.wait(timeout=30)


def rdf11(graph: Graph) -> set[tuple[object, ...]]:
    """Triples with literals as RDF 1.1 values (see tests/test_store.py)."""

    def norm(term: object) -> object:
        if isinstance(term, Literal) and term.datatype in (XSD.string, None):
            return ("string", str(term)) if term.language is None else term
        if isinstance(term, Literal) and term.datatype == XSD.decimal:
            return ("decimal", term.toPython())
        return term

    return {tuple(norm(term) for term in triple) for triple in graph}


def test_a_build_into_an_endpoint_holds_the_in_memory_graph(
    endpoint: str, rdf_results: list[ArticleResult], rdf_graph: Graph
) -> None:
    with EndpointSink(endpoint) as sink:
        build_graph(rdf_results, graph=sink.graph, commit=sink.commit, batch_size=1)
    with open_source(endpoint=endpoint) as graph:
        assert rdf11(graph) == rdf11(rdf_graph)


def test_building_again_into_an_endpoint_changes_nothing(
    endpoint: str, rdf_results: list[ArticleResult], rdf_graph: Graph
) -> None:
    for results in (rdf_results, rdf_results, rdf_results[1:]):
        with EndpointSink(endpoint) as sink:
            build_graph(results, graph=sink.graph, commit=sink.commit)
    with open_source(endpoint=endpoint) as graph:
        assert rdf11(graph) == rdf11(rdf_graph)


def test_sink_update_runs_on_the_endpoint(endpoint: str, rdf_results: list[ArticleResult]) -> None:
    with EndpointSink(endpoint) as sink:
        build_graph(rdf_results, graph=sink.graph, commit=sink.commit)
        sink.update("DELETE WHERE { ?s <https://w3id.org/kgraph/ontology#mentionCount> ?n }")
    with open_source(endpoint=endpoint) as graph:
        assert len(graph) > 0
        ask = graph.query("ASK { ?s <https://w3id.org/kgraph/ontology#mentionCount> ?n }")
        assert ask.askAnswer is False


@pytest.mark.model
def test_a_named_query_gives_the_same_rows_on_a_file_a_store_and_an_endpoint(
    endpoint: str, tmp_path: Path
) -> None:
    runner = CliRunner()
    graph_file, store = str(tmp_path / "graph.ttl"), str(tmp_path / "store")
    for target in (["-o", graph_file], ["--store", store], ["--endpoint", endpoint]):
        result = runner.invoke(main, ["build", str(ROOT / "seeds"), *target, "-q"])
        assert result.exit_code == 0, result.output

    def rows(*source: str) -> list[str]:
        name = ["--name", "relations-of-actor", "--param", "actor=Russia", "--format", "csv"]
        result = runner.invoke(main, ["query", *source, *name])
        assert result.exit_code == 0, result.output
        return sorted(result.stdout.splitlines())

    from_file = rows(graph_file)
    assert len(from_file) > 2  # a header and relations
    assert rows("--store", store) == from_file
    assert rows("--endpoint", endpoint) == from_file

    stats = [
        runner.invoke(main, ["stats", *source, "--format", "json"]).stdout
        for source in ([graph_file], ["--store", store], ["--endpoint", endpoint])
    ]
    # Sources may order tied rows differently: compare the counts, not the text.
    assert json.loads(stats[0])["triples"] > 0
    assert json.loads(stats[0]) == json.loads(stats[1]) == json.loads(stats[2])

    png = tmp_path / "russia.png"
    result = runner.invoke(
        main, ["plot", "--endpoint", endpoint, "-o", str(png), "--actor", "Russia"]
    )
    assert result.exit_code == 0, result.output
    assert png.read_bytes().startswith(b"\x89PNG")


# --- errors ------------------------------------------------------------------------------


def test_an_endpoint_that_refuses_connections_is_a_store_error() -> None:
    url = f"http://127.0.0.1:{_free_port()}/query"  # nothing listens there
    with pytest.raises(StoreError, match="cannot reach the SPARQL endpoint.*server is running"):
        EndpointSink(url)
    result = CliRunner().invoke(main, ["stats", "--endpoint", url])
    assert result.exit_code == 3
    assert "cannot reach the SPARQL endpoint" in result.stderr
    assert "Traceback" not in result.stderr


def test_an_endpoint_answering_an_error_is_a_store_error(endpoint: str) -> None:
    wrong = endpoint.replace("/query", "/no-such-path")
    with pytest.raises(StoreError, match="answered 404"):
        EndpointSink(wrong)
    # The query URL given where updates go: the server refuses the update.
    with (
        pytest.raises(StoreError, match="answered 4\\d\\d"),
        EndpointSink(endpoint, update_url=endpoint) as sink,
    ):
        sink.update("INSERT DATA { <urn:x:a> <urn:x:p> <urn:x:b> }")


def test_the_update_url_is_derived_from_the_query_url() -> None:
    from kgraph.store import _update_url

    assert _update_url("http://127.0.0.1:7878/query") == "http://127.0.0.1:7878/update"
    assert _update_url("http://fuseki:3030/kg/query") == "http://fuseki:3030/kg/update"
    # One URL for both (Virtuoso, GraphDB): kept; --update-endpoint overrides it.
    assert _update_url("http://virtuoso:8890/sparql") == "http://virtuoso:8890/sparql"
