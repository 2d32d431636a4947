"""The main job: articles on disk → an RDF graph in a file, a store or an endpoint, with a report.

``build`` is what ``kgraph build`` and ``make run`` do; ``extract_files``
what ``kgraph extract`` does; ``stats`` what ``kgraph stats`` prints.

A build streams: articles are extracted (here with ``n_process`` spaCy
processes, or on a Dask cluster, see ``kgraph.distributed``), their triples
committed to a sink (``kgraph.store``) a batch of articles at a time, and a
graph file is serialised from an on-disk Oxigraph store at the end.
"""

from __future__ import annotations

import contextlib
import glob
import json
import logging
import os
import secrets
import shutil
import tempfile
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import IO, TYPE_CHECKING, Any, TextIO

from kgraph.actors.gazetteer import load_gazetteer
from kgraph.actors.registry import ActorRegistry
from kgraph.articles import ErrorHandler, read_articles
from kgraph.atomic import atomic_write
from kgraph.distributed import ArticleSummary
from kgraph.errors import ArticleError, StoreError
from kgraph.model import Article, ArticleResult, Relation
from kgraph.progress import Progress
from kgraph.relation_types import RELATION_TYPES

if TYPE_CHECKING:
    from kgraph.store import Sink

logger = logging.getLogger(__name__)


@dataclass(slots=True, kw_only=True)
class BuildReport:
    """What a build read, skipped and wrote."""

    output: Path | None = None
    store: Path | None = None
    endpoint: str | None = None
    plot: Path | None = None
    articles: int = 0
    skipped: list[str] = field(default_factory=list)
    relations: Counter[str] = field(default_factory=Counter)
    actors: Counter[str] = field(default_factory=Counter)
    flagged: int = 0
    merged: int = 0  # actor nodes merged into another (one node per real-world actor)

    def summary(self) -> str:
        """A few lines for the terminal: articles, actors by type, relations by type."""
        lines = [f"articles: {self.articles} read, {len(self.skipped)} skipped"]
        lines.append(f"actors: {sum(self.actors.values())} ({_counts(self.actors)})")
        if self.merged:
            lines[-1] += f"; {self.merged} merged into others"
        asserted = sum(self.relations.values())
        lines.append(f"relations: {asserted} asserted, {self.flagged} negated or hypothetical")
        lines += [f"  {name:<18} {count}" for name, count in self.relations.most_common()]
        if self.output:
            lines.append(f"graph: {self.output}")
        if self.store:
            lines.append(f"store: {self.store}")
        if self.endpoint:
            lines.append(f"endpoint: {self.endpoint}")
        if self.plot:
            lines.append(f"plot: {self.plot}")
        return "\n".join(lines)


def _counts(counter: Counter[str]) -> str:
    return ", ".join(f"{name} {count}" for name, count in counter.most_common())


class _Tally:
    """The driver's account of a build, fed one article at a time in input order.

    Both ways of extracting (here, or on Dask workers) call ``article`` with an
    ``ArticleSummary``, so this is the one place that sees every article's actors
    on the driver: where the corpus-wide actor registry registers them.
    """

    def __init__(
        self, report: BuildReport, progress: Progress, registry: ActorRegistry | None = None
    ) -> None:
        self.report = report
        self.progress = progress
        self.actor_types: dict[str, str] = {}
        self.registry = registry if registry is not None else ActorRegistry()

    def article(self, summary: ArticleSummary) -> None:
        self.report.articles += 1
        self.registry.add_article(summary.actors, summary.mention_counts, summary.roles)
        for actor in summary.actors:
            self.actor_types.setdefault(actor.id, actor.type)
        self.report.relations.update(summary.asserted)
        self.report.flagged += summary.flagged
        self.progress.advance(relations=len(summary.asserted) + summary.flagged)

    def skipped(self, error: ArticleError, on_error: ErrorHandler | None) -> None:
        self.report.skipped.append(error.source)
        self.progress.advance(articles=0, skipped=1)
        if on_error is not None:
            on_error(error)

    def finish(self) -> None:
        self.report.actors = Counter(self.actor_types.values())


def _collect(
    articles: Iterable[Article],
    tally: _Tally,
    extract_options: dict[str, Any],
    on_error: ErrorHandler | None,
) -> Iterator[ArticleResult]:
    """Extract here (``n_process`` spaCy processes), telling ``tally`` of each article."""
    from kgraph.pipeline import extract

    skipped = lambda error: tally.skipped(error, on_error)  # noqa: E731
    for result in extract(articles, on_error=skipped, **extract_options):
        tally.article(ArticleSummary.of(result))
        yield result


def _remove_stale_stores(output: Path) -> None:
    """Remove the hidden stores that builds of ``output`` killed before their cleanup left.

    Each is named after the process that made it; one whose process is gone is garbage
    (a running build of the same output keeps its own).
    """
    for folder in output.parent.glob(f".{glob.escape(output.name)}.*-*.store"):
        pid = folder.name[len(output.name) + 2 :].split("-", 1)[0]
        if pid.isdigit() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process
    return True


@contextlib.contextmanager
def _open_sink(
    output: Path | None, store: Path | None, endpoint: str | None, update_endpoint: str | None
) -> Iterator[Sink]:
    """The sink a build writes into: the store, the endpoint, or a temporary store.

    A file build streams through an Oxigraph store in a hidden folder next to the
    output (same disk, and memory stays flat whatever the corpus), removed at the end.
    """
    from kgraph.store import EndpointSink, OxigraphSink

    if endpoint is not None:
        with EndpointSink(endpoint, update_url=update_endpoint) as sink:
            yield sink
        return
    if store is not None:
        with OxigraphSink(store) as sink:
            yield sink
        return
    assert output is not None
    try:
        output.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise StoreError(
            f"{output}: cannot write the graph: {exc.strerror or exc}; "
            "check the folder exists and is writable"
        ) from exc
    _remove_stale_stores(output)
    folder = output.parent / f".{output.name}.{os.getpid()}-{secrets.token_hex(6)}.store"
    try:
        with OxigraphSink(folder) as sink:
            yield sink
    finally:
        shutil.rmtree(folder, ignore_errors=True)


def build(
    paths: Iterable[str | Path],
    output: str | Path | None = None,
    *,
    store: str | Path | None = None,
    endpoint: str | None = None,
    update_endpoint: str | None = None,
    format: str | None = None,
    plot: str | Path | None = None,
    n_process: int = 1,
    dask: Any = None,
    batch_size: int = 64,
    progress: bool | None = False,
    on_error: ErrorHandler | None = None,
    **extract_options: Any,
) -> BuildReport:
    """Build the knowledge graph of the articles in ``paths`` into a file, a store or an endpoint.

    Articles stream through: triples are committed in batches of ``batch_size``
    articles (one transaction each in a store), so memory stays flat as the corpus
    grows and a build killed mid-way leaves a store as it was after its last batch.
    A graph file is written atomically at the end: a failed run leaves any
    previous file as it was.

    Args:
        paths: article files or folders.
        output: the graph file; its suffix gives the format unless ``format`` is set.
            With ``store``, the store's whole graph is also written there.
        store: an Oxigraph store folder to add to (created if missing).
        endpoint: a SPARQL 1.1 query endpoint URL to add to (see ``EndpointSink``).
        update_endpoint: its update URL, when it cannot be derived from ``endpoint``.
        format: ``turtle``, ``trig``, ``nt`` or ``jsonld``.
        plot: also draw the actor network to this PNG.
        n_process: spaCy worker processes (with ``dask="local"``: Dask workers).
        dask: extract on a Dask cluster: a scheduler address, ``"local"``, or a Client.
        batch_size: articles per committed batch.
        progress: a progress bar on stderr; None: only if stderr is a terminal.
        on_error: called for each article that is skipped.
        **extract_options: passed to ``kgraph.pipeline.extract`` (here or on the workers).

    Raises:
        StoreError: no target, or a target that cannot be opened or written.
    """
    from kgraph.rdf import build_graph, format_for, serialize

    output = None if output is None else Path(output)
    store = None if store is None else Path(store)
    if output is None and store is None and endpoint is None:
        raise StoreError("nowhere to build: give an output file, a store folder or an endpoint")
    if endpoint is not None and (output is not None or store is not None):
        raise StoreError("give an endpoint alone; query it, or build a file or store separately")
    if output is not None:
        format_for(output, format)  # an unknown format fails now, not after the whole build
    report = BuildReport(store=store, endpoint=endpoint)
    bar = Progress(enabled=progress)
    dictionary = extract_options.get("actors")
    registry = ActorRegistry(dictionary.gazetteer() if dictionary else load_gazetteer())
    tally = _Tally(report, bar, registry)
    articles = read_articles(paths, on_error=lambda error: tally.skipped(error, on_error))
    try:
        with _open_sink(output, store, endpoint, update_endpoint) as sink:
            if dask is None:
                # Parse no more than a commit batch at a time, so that each batch is
                # committed as soon as its articles are extracted.
                options = {"n_process": n_process, "batch_size": min(batch_size, 32)}
                options |= extract_options
                results = _collect(articles, tally, options, on_error)
                build_graph(results, graph=sink.graph, commit=sink.commit, batch_size=batch_size)
            else:
                near = output if output is not None else store
                _build_on_dask(
                    articles, sink, dask, tally, near, n_process, extract_options, on_error
                )
            tally.finish()

            # ---- end-of-build updates ----------------------------------------------------
            # SPARQL Updates that need the whole corpus run here, on whichever sink the
            # triples went to: after the last article is committed, before anything is
            # serialised or plotted: the actor merges the registry (fed in _Tally.article)
            # decided, then the dated roles of a user's actor dictionary.
            from kgraph.merge import dictionary_updates, merge_updates

            plan = registry.plan()
            end_of_build_updates = merge_updates(plan)
            if dictionary is not None:
                end_of_build_updates += dictionary_updates(dictionary, seen=registry.seen)
            report.merged = len(plan.moves)
            report.actors = Counter(
                actor_type for iri, actor_type in tally.actor_types.items() if iri not in plan.moves
            )
            logger.debug("end-of-build updates: %d", len(end_of_build_updates))
            for update in end_of_build_updates:
                sink.update(update)
            logger.debug("end-of-build updates done")

            if output is not None:
                report.output = serialize(sink.committed, output, format=format)
                logger.debug("wrote %s", report.output)
            if plot is not None:
                from kgraph.network import to_networkx
                from kgraph.plot import plot_network

                report.plot = plot_network(to_networkx(sink.committed), plot)
    finally:
        bar.close()
    return report


def _build_on_dask(
    articles: Iterable[Article],
    sink: Sink,
    dask: Any,
    tally: _Tally,
    near: Path | None,
    n_process: int,
    extract_options: dict[str, Any],
    on_error: ErrorHandler | None,
) -> None:
    from kgraph.distributed import build_on_dask

    # Shards go next to the output or store (a folder the driver can read), else in /tmp.
    folder = None if near is None else near.parent
    if folder is not None:
        folder.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix=".kgraph-shards-", dir=folder) as shards:
        build_on_dask(
            articles,
            sink,
            address=dask,
            shard_dir=shards,
            on_article=tally.article,
            on_error=lambda error: tally.skipped(error, on_error),
            n_workers=n_process,
            extract_options=extract_options,
        )


def extract_files(
    paths: Iterable[str | Path],
    *,
    n_process: int = 1,
    on_error: ErrorHandler | None = None,
    doc_ids: set[str] | None = None,
    **extract_options: Any,
) -> Iterator[Relation]:
    """Every relation of the articles in ``paths`` (optionally only the articles ``doc_ids`` names).

    ``extract_options`` are passed to ``kgraph.pipeline.extract``.
    """
    from kgraph.pipeline import extract

    articles = read_articles(paths, on_error=on_error)
    if doc_ids is not None:
        articles = (a for a in articles if a.id in doc_ids)
    for result in extract(articles, n_process=n_process, on_error=on_error, **extract_options):
        yield from result.relations


def write_jsonl(relations: Iterable[Relation], output: str | Path | None, *, stdout: TextIO) -> int:
    """Write relations as JSON Lines to ``output`` (atomically) or to ``stdout``.

    Returns:
        The number of relations written.
    """

    def write(stream: IO[str]) -> int:
        count = 0
        for relation in relations:
            stream.write(json.dumps(relation.to_json(), ensure_ascii=False) + "\n")
            count += 1
        return count

    if output is None:
        return write(stdout)
    with atomic_write(output, encoding="utf-8", what="relations") as stream:
        return write(stream)


def stats(graph: Any) -> dict[str, Any]:
    """Counts of a built graph: triples, articles, actors by type, statements by relation, flags."""
    from kgraph.sparql import query

    def table(sparql: str) -> list[tuple[Any, ...]]:
        return query(graph, sparql).rows

    prefixes = (
        "PREFIX kg: <https://w3id.org/kgraph/ontology#>\n"
        "PREFIX skos: <http://www.w3.org/2004/02/skos/core#>\n"
    )
    actors = table(
        prefixes + "SELECT ?type (COUNT(DISTINCT ?a) AS ?n) WHERE { ?a a ?t ; skos:prefLabel ?l . "
        "FILTER(STRSTARTS(STR(?t), STR(kg:)) && ?t NOT IN (kg:Article, kg:RelationStatement)) "
        "BIND(STRAFTER(STR(?t), '#') AS ?type) } GROUP BY ?type ORDER BY DESC(?n)"
    )
    statements = table(
        prefixes + "PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>\n"
        "SELECT ?relation (SUM(IF(?neg || ?hyp, 0, 1)) AS ?asserted) "
        "(SUM(IF(?neg || ?hyp, 1, 0)) AS ?flagged) "
        "WHERE { ?s a kg:RelationStatement ; rdf:predicate ?p ; "
        "kg:negated ?neg ; kg:hypothetical ?hyp . "
        "BIND(STRAFTER(STR(?p), '#') AS ?relation) } GROUP BY ?relation ORDER BY DESC(?asserted)"
    )
    articles = table(prefixes + "SELECT (COUNT(?a) AS ?n) WHERE { ?a a kg:Article }")
    kebab = {t.property_name: name for name, t in RELATION_TYPES.items()}
    return {
        "triples": len(graph),
        "articles": int(articles[0][0]) if articles else 0,
        "actors": {str(t): int(n) for t, n in actors},
        "relations": {
            kebab.get(str(r), str(r)): {"asserted": int(a), "flagged": int(f)}
            for r, a, f in statements
        },
    }
