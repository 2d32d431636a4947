"""Extraction on a Dask cluster: workers parse partitions and write N-Quads shards.

The driver reads the articles and sends them to the workers in partitions of
``partition_size``. Each worker extracts its partition, builds its graph and
writes it as an N-Quads shard (``part-NNNNNN.nq``, default graph) into a
folder the driver can read, and sends back one small :class:`ArticleSummary`
per article (id, actors, mention counts, relation names) — not the text, not
the triples. The driver then loads the shards in input order, each in one
SPARQL Update with the bookkeeping that needs the whole corpus:

- ``kg:mentionCount``: summed by the driver over the articles not counted
  before (a shard holds none), so partitions and re-runs never count twice;
- ``skos:prefLabel``: each shard picked the longest label of its partition;
  after loading, the longest of all stays and the others become altLabels —
  the rule of ``kgraph.rdf``'s builder, so the graph is the one a single
  process builds (``tests/test_scale.py`` checks it is isomorphic).

Dask is an optional dependency: ``pip install 'kgraph[dask]'``.
"""

from __future__ import annotations

import itertools
import logging
import os
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from kgraph.actors.registry import roles_of
from kgraph.articles import log_skipped
from kgraph.errors import ArticleError, KgraphError, StoreError
from kgraph.model import Actor, Article, ArticleResult

if TYPE_CHECKING:
    from kgraph.store import Sink

logger = logging.getLogger(__name__)

_KG = "https://w3id.org/kgraph/ontology#"
_SKOS = "http://www.w3.org/2004/02/skos/core#"
_RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"

# The builder's label rule (kgraph.rdf._Builder._label) over the whole store: the longest
# label, then the greatest text, is the prefLabel; every other label is an altLabel.
RECONCILE_LABELS = f"""
DELETE {{ ?a <{_SKOS}prefLabel> ?l }} INSERT {{ ?a <{_SKOS}altLabel> ?l }}
WHERE {{ ?a <{_SKOS}prefLabel> ?l , ?m .
  FILTER(STRLEN(?m) > STRLEN(?l) || (STRLEN(?m) = STRLEN(?l) && STR(?m) > STR(?l))) }} ;
DELETE {{ ?a <{_SKOS}altLabel> ?l }} WHERE {{ ?a <{_SKOS}prefLabel> ?l ; <{_SKOS}altLabel> ?l }}
"""


class DaskMissingError(KgraphError):
    """``--dask`` was given but Dask is not installed."""


@dataclass(frozen=True, slots=True, kw_only=True)
class ArticleSummary:
    """What the driver needs of one extracted article besides its triples.

    Attributes:
        id: the article id.
        actors: ``ArticleResult.actors`` (for the corpus-wide actor registry).
        mention_counts: actor IRI → mentions, for every non-topic actor the article
            touches (0 for one it names only as a relation side or speaker).
        asserted: the relation names of the asserted relations.
        flagged: how many relations are negated or hypothetical.
        roles: the people's roles the article states (``kgraph.actors.registry.roles_of``),
            context that keeps homonyms apart.
    """

    id: str
    actors: tuple[Actor, ...]
    mention_counts: dict[str, int]
    asserted: tuple[str, ...]
    flagged: int
    roles: tuple[tuple[str, str, str, str], ...] = ()

    @classmethod
    def of(cls, result: ArticleResult) -> ArticleSummary:
        """The summary of one extraction result."""
        seen = {actor.id: actor for actor in result.actors}
        for relation in result.relations:
            for side in (relation.subject, relation.object, relation.attributed_to):
                if side is not None:
                    seen.setdefault(side.id, side)
        return cls(
            id=result.article.id,
            actors=result.actors,
            mention_counts={
                iri: result.mention_counts.get(iri, 0)
                for iri, actor in seen.items()
                if actor.type != "Topic"
            },
            asserted=tuple(
                r.relation for r in result.relations if not (r.negated or r.hypothetical)
            ),
            flagged=sum(1 for r in result.relations if r.negated or r.hypothetical),
            roles=roles_of(result),
        )


@dataclass(frozen=True, slots=True, kw_only=True)
class Partition:
    """What a worker sends back: its shard file and one summary per article, in order."""

    index: int
    shard: str
    summaries: tuple[ArticleSummary, ...]
    errors: tuple[ArticleError, ...] = ()


def extract_partition(
    index: int, articles: list[Article], shard_dir: str, options: dict[str, Any]
) -> Partition:
    """Run on a worker: extract ``articles``, write their graph as a shard, summarise them."""
    from kgraph.atomic import atomic_write
    from kgraph.pipeline import extract
    from kgraph.rdf import build_graph
    from kgraph.store import ntriples
    from kgraph.vocabulary import KG

    errors: list[ArticleError] = []
    results = list(extract(articles, on_error=errors.append, **options))
    graph = build_graph(results)
    graph.remove((None, KG.mentionCount, None))  # the driver counts over the whole corpus
    shard = Path(shard_dir) / f"part-{index:06d}.nq"
    with atomic_write(shard, encoding="utf-8", what="shard") as stream:
        stream.write(ntriples(graph))
    return Partition(
        index=index,
        shard=str(shard),
        summaries=tuple(ArticleSummary.of(r) for r in results),
        errors=tuple(errors),
    )


def _client(address: Any, n_workers: int) -> tuple[Any, Any]:
    """A Dask client (and the LocalCluster it started, if ``address`` is ``local``)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise DaskMissingError(
            "--dask needs Dask's distributed scheduler; install it with pip install 'kgraph[dask]'"
        ) from None
    if not isinstance(address, str):
        return address, None  # a Client the caller made (the library API, tests)
    if address == "local":
        if not logger.isEnabledFor(logging.DEBUG):
            # Dask logs every start and stop at INFO; kgraph's stderr is for the user.
            logging.getLogger("distributed").setLevel(logging.WARNING)
        cluster = LocalCluster(
            n_workers=n_workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
        return Client(cluster), cluster
    try:
        return Client(address, timeout=30), None
    except (OSError, TimeoutError) as exc:
        raise StoreError(
            f"{address}: cannot reach the Dask scheduler ({exc}); check the address "
            "(tcp://host:8786) and that the scheduler runs, or use --dask local"
        ) from exc


def _batched(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch


def _article_iris_in(sink: Sink, ids: list[str]) -> set[str]:
    """The ids among ``ids`` whose article node the sink already holds."""
    from kgraph.iris import article_iri

    if not ids:
        return set()
    by_iri = {article_iri(i): i for i in ids}
    values = " ".join(f"<{iri}>" for iri in by_iri)
    rows = sink.committed.query(
        f"SELECT ?a WHERE {{ VALUES ?a {{ {values} }} ?a <{_RDF_TYPE}> <{_KG}Article> }}"
    )
    return {by_iri[str(row[0])] for row in rows}  # type: ignore[index]


def _count_update(counts: Counter[str]) -> str:
    rows = " ".join(f"(<{iri}> {n})" for iri, n in sorted(counts.items()))
    return (
        f"DELETE {{ ?a <{_KG}mentionCount> ?old }} INSERT {{ ?a <{_KG}mentionCount> ?new }}\n"
        f"WHERE {{ VALUES (?a ?n) {{ {rows} }} OPTIONAL {{ ?a <{_KG}mentionCount> ?old }}\n"
        "  BIND(COALESCE(?old, 0) + ?n AS ?new) }"
    )


class _Loader:
    """Loads partitions into a sink in input order, counting each article once."""

    def __init__(
        self,
        sink: Sink,
        on_article: Callable[[ArticleSummary], None],
        on_error: Callable[[ArticleError], None] | None = None,
    ) -> None:
        self.sink = sink
        self.on_article = on_article
        self.on_error = on_error
        self.counted: set[str] = set()

    def load(self, partition: Partition) -> None:
        summaries = partition.summaries
        earlier = _article_iris_in(self.sink, [s.id for s in summaries]) - self.counted
        counts: Counter[str] = Counter()
        for summary in summaries:
            new = summary.id not in earlier and summary.id not in self.counted
            self.counted.add(summary.id)
            for iri, n in summary.mention_counts.items():
                counts[iri] += n if new else 0
        shard = Path(partition.shard)
        parts = ["INSERT DATA {\n" + shard.read_text(encoding="utf-8") + "}"]
        if counts:
            parts.append(_count_update(counts))
        parts.append(RECONCILE_LABELS)
        # One update: Oxigraph applies it in one transaction, so a shard is in or out whole.
        self.sink.update(" ;\n".join(parts))
        logger.debug("loaded shard %s (%d articles)", shard.name, len(summaries))
        shard.unlink()
        for summary in summaries:
            self.on_article(summary)
        for error in partition.errors:
            (self.on_error or log_skipped)(error)


def build_on_dask(
    articles: Iterable[Article],
    sink: Sink,
    *,
    address: Any,
    shard_dir: str | os.PathLike[str],
    on_article: Callable[[ArticleSummary], None],
    on_error: Callable[[ArticleError], None] | None = None,
    partition_size: int = 32,
    n_workers: int = 1,
    extract_options: dict[str, Any] | None = None,
) -> None:
    """Extract ``articles`` on a Dask cluster and load the shards into ``sink``.

    Args:
        articles: the articles, read on the driver.
        sink: where the triples go.
        address: a scheduler address (``tcp://host:8786``), ``"local"`` to start a
            LocalCluster of ``n_workers`` processes, or a ``distributed.Client``.
        shard_dir: a folder the workers write and the driver reads (shared, on a cluster).
        on_article: called on the driver, in input order, once an article is loaded.
        on_error: called on the driver for each article a worker could not extract.
        partition_size: articles per task.
        n_workers: workers of a local cluster.
        extract_options: keyword arguments for ``kgraph.pipeline.extract`` on the workers.

    Raises:
        DaskMissingError: Dask is not installed.
        StoreError: the scheduler cannot be reached.
    """
    client, cluster = _client(address, n_workers)
    options = dict(extract_options or {})
    try:
        workers = max(1, len(client.scheduler_info().get("workers", {})))
        # A few partitions per worker in flight: workers stay busy, the driver's memory flat.
        window = 2 * workers
        loader = _Loader(sink, on_article, on_error)
        in_flight: deque[Any] = deque()
        for index, batch in enumerate(_batched(articles, partition_size)):
            future = client.submit(
                extract_partition, index, batch, str(shard_dir), options, pure=False
            )
            in_flight.append(future)
            while len(in_flight) >= window:
                loader.load(in_flight.popleft().result())
        while in_flight:
            loader.load(in_flight.popleft().result())
    finally:
        if cluster is not None:
            client.close()
            cluster.close()
