"""The kgraph command, end to end on the seed article, as a user runs it."""

from __future__ import annotations

import json
import re
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from kgraph.cli import main
from kgraph.rdf import load_graph

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_GOLD = ROOT.parent / "shared" / "gold" / "seed.jsonl"

pytestmark = pytest.mark.model


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture(scope="module")
def seed_graph(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("out") / "graph.ttl"
    code, stdout, stderr = run("build", SEEDS, "-o", out, "--plot", out.with_suffix(".png"))
    assert code == 0, stderr
    assert "articles: 1 read, 0 skipped" in stdout
    return out


def test_every_command_has_help_and_is_in_the_readme() -> None:
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    for name in main.commands:
        code, stdout, _ = run(name, "--help")
        assert code == 0 and "Usage:" in stdout
        assert f"kgraph {name} " in readme, f"the README does not show 'kgraph {name}'"


def test_build_writes_turtle_a_plot_and_a_summary(seed_graph: Path) -> None:
    graph = load_graph(seed_graph)
    assert len(graph) > 100
    png = seed_graph.with_suffix(".png")
    assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


@pytest.mark.parametrize("fmt", ["trig", "nt", "jsonld"])
def test_build_writes_every_format(tmp_path: Path, seed_graph: Path, fmt: str) -> None:
    out = tmp_path / f"graph.{fmt}"
    code, _, stderr = run("build", SEEDS, "-o", out, "--format", fmt)
    assert code == 0, stderr
    assert len(load_graph(out, format=fmt)) == len(load_graph(seed_graph))


def test_a_bad_article_is_reported_by_name_and_skipped(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "good.txt").write_bytes((SEEDS / "000_0c41cf7b84fbb594.txt").read_bytes())
    (corpus / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (corpus / "empty.txt").write_text("", encoding="utf-8")
    (corpus / "baddate.txt").write_text(" date 2023-02-30 Title\n\nBody.", encoding="utf-8")
    out = tmp_path / "graph.ttl"
    code, stdout, stderr = run("build", corpus, "-o", out)
    assert code == 1
    for name in ("latin1.txt", "empty.txt", "baddate.txt"):
        assert name in stderr
    assert "not UTF-8" in stderr and "3 article(s) skipped" in stderr
    assert "articles: 1 read, 3 skipped" in stdout
    assert "Traceback" not in stderr
    assert len(load_graph(out)) > 100  # the good article still made it


def test_extract_prints_the_json_lines_of_the_spec(tmp_path: Path) -> None:
    out = tmp_path / "relations.jsonl"
    code, _, stderr = run("extract", SEEDS, "-o", out)
    assert code == 0, stderr
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    fields = {"doc", "subject", "relation", "object", "date", "attributed_to", "negated",
              "hypothetical", "confidence", "evidence", "span"}  # fmt: skip
    assert records and all(fields <= record.keys() for record in records)
    triples = {(r["subject"]["label"], r["relation"], r["object"]["label"]) for r in records}
    assert ("Türkiye", "friends-with", "Russia") in triples
    assert ("Kemal Kılıçdaroğlu", "accuses", "Russia") in triples
    assert any(
        s == "Dmitry Peskov" and rel == "denies" and "interference" in o for s, rel, o in triples
    )


def test_query_by_name_answers_from_the_turtle_file(seed_graph: Path) -> None:
    code, stdout, stderr = run(
        "query",
        seed_graph,
        "--name",
        "relations-of-actor",
        "--param",
        "actor=Russia",
        "--format",
        "json",
    )
    assert code == 0, stderr
    rows = json.loads(stdout)
    assert any(
        row["subject"] == "Kemal Kılıçdaroğlu" and row["relation"] == "accuses" for row in rows
    )
    assert all("Russia" in (row["subject"], row["object"]) for row in rows)


def test_query_text_and_csv(seed_graph: Path) -> None:
    sparql = "SELECT ?s ?o WHERE { ?s kg:accuses ?o }"
    code, stdout, _ = run("query", seed_graph, sparql, "--format", "csv")
    assert code == 0
    assert stdout.splitlines()[0] == "s,o"
    assert "https://w3id.org/kgraph/id/country/ru" in stdout


def test_a_bad_query_is_one_line_and_exit_3(seed_graph: Path) -> None:
    code, _, stderr = run("query", seed_graph, "SELECT ?s WHERE { ?s")
    assert code == 3
    assert stderr.startswith("kgraph: error:") and len(stderr.strip().splitlines()) == 1


def test_a_corrupt_graph_file_is_one_line_and_exit_3(tmp_path: Path) -> None:
    broken = tmp_path / "broken.ttl"
    broken.write_text("<a> <b> ", encoding="utf-8")
    code, _, stderr = run("stats", broken)
    assert code == 3 and "broken.ttl" in stderr


def test_stats_counts_actors_and_relations(seed_graph: Path) -> None:
    code, stdout, _ = run("stats", seed_graph, "--format", "json")
    assert code == 0
    counts = json.loads(stdout)
    assert counts["articles"] == 1
    assert counts["actors"]["Country"] >= 3
    assert counts["relations"]["accuses"]["asserted"] >= 1
    assert counts["relations"]["supports"]["flagged"] >= 1  # "the US could support ..."


def test_plot_of_an_actor_neighbourhood(seed_graph: Path, tmp_path: Path) -> None:
    out = tmp_path / "russia.png"
    code, _, stderr = run("plot", seed_graph, "-o", out, "--actor", "Russia")
    assert code == 0, stderr
    assert out.read_bytes()[:4] == b"\x89PNG"


@pytest.mark.skipif(
    not SEED_GOLD.exists(), reason="../shared/gold/seed.jsonl is not beside the checkout"
)
def test_eval_on_the_seed_gold_meets_the_floor() -> None:
    code, stdout, _ = run("eval", "--gold", SEED_GOLD, SEEDS, "--show")
    assert code == 0
    match = re.search(r"micro P=([\d.]+) R=([\d.]+) F1=([\d.]+)", stdout)
    assert match, stdout
    assert float(match.group(3)) >= 0.8


def test_help_and_query_do_not_load_spacy(seed_graph: Path) -> None:
    script = (
        "import sys\nfrom kgraph.cli import main\n"
        f"main(['query', {str(seed_graph)!r}, 'ASK {{ ?s ?p ?o }}'], standalone_mode=False)\n"
        "print('spacy' in sys.modules)\n"
    )
    done = subprocess.run(
        [sys.executable, "-c", script], capture_output=True, text=True, check=True
    )
    assert done.stdout.strip().splitlines()[-1] == "False"
