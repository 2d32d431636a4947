"""Latency of kgraph's named SPARQL queries on three engines over the same triples.

* ``rdflib``: an in-memory ``rdflib.Graph`` queried through ``kgraph.sparql.query``
  (what ``kgraph query`` does: prepare, bind the parameters, evaluate, plain rows).
* ``oxigraph``: a ``pyoxigraph.Store`` queried directly with ``Store.query``.
* ``oxrdflib``: an ``rdflib.Graph`` over the *same* pyoxigraph store through
  oxrdflib's ``OxigraphStore``, queried with ``graph.query(text)``; this is what
  an rdflib user of the Oxigraph store pays, result conversion included.

All three run the same text: ``kgraph.sparql.bind_parameters`` writes each
parameter into the query as an escaped RDF term, as ``kgraph query`` does for
every engine (bindings passed beside the text would not do: pyoxigraph's
``substitutions`` refuse a variable that is not projected).

Every measurement consumes all result rows. Each query runs once as a warm-up;
when that took less than ``slow`` seconds it is then timed ``repeats`` more times
(within ``budget`` seconds) and the median is reported, else the warm-up run
itself is the figure (a slow query gains nothing from warm caches).
"""

from __future__ import annotations

import math
import signal
import statistics
import time
from collections.abc import Callable, Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import Graph
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID

from kgraph.sparql import bind_parameters, get_query, list_queries
from kgraph.sparql import query as kgraph_query

ENGINES = ("rdflib", "oxigraph", "oxrdflib")


@dataclass(slots=True)
class Timing:
    """The latency of one query on one engine."""

    seconds: float | None = None  # median; None when it failed
    runs: int = 0
    rows: int | None = None
    timed_out: bool = False  # ``seconds`` is then a lower bound: the timeout
    error: str = ""


@dataclass(slots=True)
class QueryReport:
    """Latencies of every named query on every engine, over one graph."""

    label: str
    triples: int
    load_seconds: dict[str, float] = field(default_factory=dict)
    timings: dict[str, dict[str, Timing]] = field(default_factory=dict)  # query → engine → timing

    def geometric_mean(self, engine: str) -> float | None:
        """The geometric mean latency of ``engine`` over all queries; None if any failed."""
        values = [engines[engine].seconds for engines in self.timings.values()]
        if not values or any(v is None or v <= 0 for v in values):
            return None
        return math.exp(statistics.fmean(math.log(v) for v in values if v is not None))

    def speedup(self, engine: str) -> float | None:
        """How many times faster ``engine`` is than rdflib, on the geometric means."""
        base, other = self.geometric_mean("rdflib"), self.geometric_mean(engine)
        return None if base is None or other is None else base / other


class _Timeout(BaseException):
    """Raised by the alarm signal when a query runs longer than allowed.

    A BaseException, so that ``kgraph.sparql.query`` (which turns every Exception
    into a QueryError) lets it through.
    """


@contextmanager
def _deadline(seconds: float) -> Iterator[None]:
    """Interrupt the block after ``seconds`` (rdflib is pure Python, so the signal lands)."""

    def alarm(_signum: int, _frame: object) -> None:
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def _measure(
    run: Callable[[], int], *, repeats: int, budget: float, slow: float, timeout: float
) -> Timing:
    """Time ``run`` (which returns its row count) as the module docstring says."""
    samples: list[float] = []
    rows = None
    try:
        with _deadline(timeout):
            start = time.perf_counter()
            rows = run()
            warm_up = time.perf_counter() - start
        if warm_up >= slow:
            samples.append(warm_up)
        spent = warm_up
        while warm_up < slow and len(samples) < repeats and (spent < budget or not samples):
            start = time.perf_counter()
            run()
            samples.append(time.perf_counter() - start)
            spent += samples[-1]
    except _Timeout:
        return Timing(seconds=timeout, runs=1, timed_out=True)
    except Exception as exc:  # a benchmark reports a failing engine, it does not stop
        return Timing(error=f"{type(exc).__name__}: {exc}"[:200])
    return Timing(seconds=statistics.median(samples), runs=len(samples), rows=rows)


def _runners(
    graph: Graph, store: ox.Store, oxrdf: Graph, name: str, params: Mapping[str, str]
) -> dict[str, Callable[[], int]]:
    """For each engine, a call that runs query ``name`` and returns its row count."""
    text = bind_parameters(get_query(name).text, params)

    def rdflib_run() -> int:
        return len(kgraph_query(graph, name=name, params=dict(params)).rows)

    def oxigraph_run() -> int:
        return sum(1 for _ in (tuple(solution) for solution in store.query(text)))

    def oxrdflib_run() -> int:
        return sum(1 for _ in (tuple(row) for row in oxrdf.query(text)))

    return {"rdflib": rdflib_run, "oxigraph": oxigraph_run, "oxrdflib": oxrdflib_run}


def load_engines(graph: Graph, ntriples: Path) -> tuple[ox.Store, Graph, float]:
    """A pyoxigraph store holding ``ntriples`` (the same triples as ``graph``) and an
    rdflib graph over it; also the bulk-load time in seconds."""
    store = ox.Store()
    start = time.perf_counter()
    store.bulk_load(path=str(ntriples), format=ox.RdfFormat.N_TRIPLES)
    seconds = time.perf_counter() - start
    # The default graph, where bulk_load put the triples; a Graph's own identifier would
    # name an (empty) named graph of the store.
    oxrdf = Graph(store=OxigraphStore(store=store), identifier=DATASET_DEFAULT_GRAPH_ID)
    return store, oxrdf, seconds


def time_queries(
    label: str,
    graph: Graph,
    store: ox.Store,
    oxrdf: Graph,
    params: Mapping[str, Mapping[str, str]],
    *,
    repeats: int = 5,
    budget: float = 20.0,
    slow: float = 2.0,
    timeout: float = 600.0,
) -> QueryReport:
    """Time every named query on the three engines.

    Args:
        label: what the graph is, for the report.
        graph: the in-memory rdflib graph.
        store: a pyoxigraph store with the same triples.
        oxrdf: an rdflib graph over ``store``.
        params: query name → its parameters (queries not named run without any).
        repeats, budget, slow, timeout: see the module docstring; seconds.
    """
    report = QueryReport(label=label, triples=len(graph))
    for name in list_queries():
        runners = _runners(graph, store, oxrdf, name, params.get(name, {}))
        report.timings[name] = {
            engine: _measure(run, repeats=repeats, budget=budget, slow=slow, timeout=timeout)
            for engine, run in runners.items()
        }
    return report


def report_json(report: QueryReport) -> dict[str, Any]:
    """The report as plain JSON values."""
    return {
        "label": report.label,
        "triples": report.triples,
        "load_seconds": report.load_seconds,
        "timings": {
            name: {
                engine: {
                    "seconds": t.seconds,
                    "runs": t.runs,
                    "rows": t.rows,
                    "timed_out": t.timed_out,
                    "error": t.error,
                }
                for engine, t in engines.items()
            }
            for name, engines in report.timings.items()
        },
        "geometric_mean_seconds": {e: report.geometric_mean(e) for e in ENGINES},
        "speedup_vs_rdflib": {e: report.speedup(e) for e in ENGINES[1:]},
    }
