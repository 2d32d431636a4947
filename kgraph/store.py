"""Where graphs live besides files: Oxigraph stores on disk and SPARQL 1.1 endpoints.

A build writes into a *sink*; ``kgraph query``, ``stats`` and ``plot`` read a
*source*. Both are rdflib ``Graph`` objects, so the graph code (``rdf``,
``sparql``, ``network``) runs unchanged on a file, a store or an endpoint.

Sinks (all with ``graph``, ``commit()``, ``update(sparql_update)`` and ``close()``):

- :class:`MemorySink`: an in-memory rdflib graph (the library API, tests).
- :class:`OxigraphSink`: a pyoxigraph store on disk (``--store DIR``, and the
  temporary store a file build streams through).
- :class:`EndpointSink`: any SPARQL 1.1 endpoint (``--endpoint URL``).

The builder writes into ``sink.graph``, whose reads see the committed triples
plus the pending ones; ``commit()`` sends what is pending as *one* SPARQL
Update (``DELETE DATA {…} ; INSERT DATA {…}``), which Oxigraph applies in one
transaction. So a build killed mid-way leaves a store as it was after its last
committed batch of articles.

Example:
    >>> from rdflib import URIRef
    >>> with OxigraphSink(None) as sink:  # None: in memory, for the example
    ...     _ = sink.graph.add((URIRef("urn:x:a"), URIRef("urn:x:p"), URIRef("urn:x:b")))
    ...     before = len(sink.committed)
    ...     sink.commit()
    ...     before, len(sink.committed)
    (0, 1)
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from types import TracebackType
from typing import Any

import pyoxigraph as ox
from oxrdflib import OxigraphStore
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.store import Store

from kgraph.errors import StoreError
from kgraph.vocabulary import PREFIXES

__all__ = ["EndpointSink", "MemorySink", "OxigraphSink", "Sink", "open_oxigraph", "open_source"]

logger = logging.getLogger(__name__)

#: Seconds an HTTP request to an endpoint may take before it is an error.
HTTP_TIMEOUT = 120


def _bind(graph: Graph) -> Graph:
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


# --- Oxigraph stores ---------------------------------------------------------------------


def open_oxigraph(path: str | os.PathLike[str], *, create: bool = False) -> ox.Store:
    """Open an Oxigraph store folder, with errors that say what to do.

    Args:
        path: the store folder.
        create: make a new store if the folder is missing or empty.

    Raises:
        StoreError: no store there (and ``create`` is false), a folder that holds
            something else, or a store another process has open.
    """
    path = Path(path)
    if path.exists() and not path.is_dir():
        raise StoreError(f"{path}: not a folder; --store wants a folder for an Oxigraph store")
    is_store = (path / "CURRENT").is_file()
    if not is_store:
        if path.is_dir() and any(path.iterdir()):
            # Opening it would write RocksDB files among the user's own.
            raise StoreError(
                f"{path}: this folder is not an Oxigraph store (it has no CURRENT file); "
                "give a new or empty folder"
            )
        if not create:
            raise StoreError(f"{path}: no store here; build one with kgraph build --store {path}")
    try:
        return ox.Store(str(path))
    except OSError as exc:
        if "lock" in str(exc).lower():
            raise StoreError(
                f"{path}: the store is in use by another process (its LOCK is held); "
                "wait for that build or query to finish and try again"
            ) from exc
        raise StoreError(f"{path}: cannot open the Oxigraph store: {exc}") from exc


def _oxigraph_graph(store: ox.Store) -> Graph:
    # The default graph, so that whoever opens the store next sees the same triples.
    return _bind(
        Graph(
            store=OxigraphStore(store=store),
            identifier=DATASET_DEFAULT_GRAPH_ID,
            bind_namespaces="core",
        )
    )


def oxigraph_of(graph: Graph) -> ox.Store | None:
    """The pyoxigraph store behind an rdflib graph, or None if it is not Oxigraph-backed."""
    store = graph.store
    if isinstance(store, _Pending):
        store = store.base.store
    if isinstance(store, OxigraphStore):
        return store._inner  # oxrdflib keeps it there; there is no public accessor
    return None


# --- pending changes -------------------------------------------------------------------


def _ox_term(term: Any) -> ox.NamedNode | ox.BlankNode | ox.Literal:
    if isinstance(term, URIRef):
        return ox.NamedNode(str(term))
    if isinstance(term, BNode):
        return ox.BlankNode(str(term))
    if isinstance(term, Literal):
        datatype = ox.NamedNode(str(term.datatype)) if term.datatype else None
        return ox.Literal(str(term), language=term.language, datatype=datatype)
    raise StoreError(f"cannot store the term {term!r}")


def ntriples(triples: Any) -> str:
    """Triples as N-Triples lines, which are also valid inside SPARQL ``INSERT DATA``."""
    lines = []
    for s, p, o in triples:
        lines.append(f"{ox.Triple(_ox_term(s), _ox_term(p), _ox_term(o))} .\n")  # type: ignore[arg-type]
    return "".join(lines)


class _Pending(Store):
    """An rdflib store that keeps changes over a base graph until they are taken.

    Reads see the base graph minus the pending removals plus the pending additions,
    which is what the builder needs to pick labels and spot articles seen before.
    """

    context_aware = False
    formula_aware = False
    transaction_aware = False
    graph_aware = False

    def __init__(self, base: Graph) -> None:
        super().__init__()
        self.base = base
        self.added = Graph()
        self.removed: set[tuple[Any, Any, Any]] = set()

    def add(self, triple: Any, context: Any = None, quoted: bool = False) -> None:
        self.removed.discard(triple)
        self.added.add(triple)

    def addN(self, quads: Any) -> None:  # noqa: N802 (rdflib's name)
        for s, p, o, _ in quads:
            self.add((s, p, o))

    def remove(self, triple: Any, context: Any = None) -> None:
        for found, _ in list(self.triples(triple)):
            self.added.remove(found)
            self.removed.add(found)

    def triples(self, triple_pattern: Any, context: Any = None) -> Iterator[Any]:
        for triple in self.base.triples(triple_pattern):
            if triple not in self.removed and triple not in self.added:
                yield triple, iter(())
        for triple in self.added.triples(triple_pattern):
            yield triple, iter(())

    def __len__(self, context: Any = None) -> int:
        return sum(1 for _ in self.triples((None, None, None)))

    def bind(self, prefix: str, namespace: Any, override: bool = True) -> None:
        self.base.bind(prefix, namespace, override=override)

    def namespace(self, prefix: str) -> Any:
        return self.base.store.namespace(prefix)

    def prefix(self, namespace: Any) -> Any:
        return self.base.store.prefix(namespace)

    def namespaces(self) -> Iterator[tuple[str, Any]]:
        yield from self.base.namespaces()

    def take(self) -> str:
        """The pending changes as one SPARQL Update ("" if none), and forget them."""
        parts = []
        if self.removed:
            parts.append("DELETE DATA {\n" + ntriples(self.removed) + "}")
        if len(self.added):
            parts.append("INSERT DATA {\n" + ntriples(self.added) + "}")
        self.added = Graph()
        self.removed = set()
        return " ;\n".join(parts)


# --- sinks -----------------------------------------------------------------------------


class Sink:
    """Where a build writes: ``graph`` to write and read, ``commit``, ``update``, ``close``.

    Use it as a context manager: leaving the block normally commits what is
    pending; leaving it with an exception drops it (the store keeps its last
    committed state). Either way the sink is closed.
    """

    #: The graph the builder adds to; reads also see what is not committed yet.
    graph: Graph
    #: The committed graph: what queries, plots and serialisation read.
    committed: Graph

    def commit(self) -> None:
        """Make everything added since the last commit durable, all or nothing."""

    def update(self, sparql_update: str) -> None:
        """Run a SPARQL 1.1 Update on the committed graph (after committing what is pending)."""
        raise NotImplementedError

    def close(self) -> None:
        """Release the store or connection (pending changes are dropped)."""

    def __enter__(self) -> Sink:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        traceback: TracebackType | None,
    ) -> None:
        try:
            if exc_type is None:
                self.commit()
        finally:
            self.close()


class MemorySink(Sink):
    """An in-memory rdflib graph; commits are immediate."""

    def __init__(self, graph: Graph | None = None) -> None:
        self.graph = self.committed = graph if graph is not None else _bind(Graph())

    def update(self, sparql_update: str) -> None:
        self.graph.update(sparql_update)


class _PendingSink(Sink):
    """A sink whose writes wait in a ``_Pending`` overlay until ``commit``."""

    def __init__(self, committed: Graph) -> None:
        self.committed = committed
        self._pending = _Pending(committed)
        self.graph = Graph(store=self._pending, identifier=DATASET_DEFAULT_GRAPH_ID)
        self.commits = 0

    def commit(self) -> None:
        text = self._pending.take()
        if text:
            self._run(text)
            self.commits += 1
            logger.debug("committed batch %d", self.commits)

    def update(self, sparql_update: str) -> None:
        self.commit()
        self._run(sparql_update)

    def _run(self, sparql_update: str) -> None:
        raise NotImplementedError


class OxigraphSink(_PendingSink):
    """An Oxigraph store on disk (or in memory when ``path`` is None).

    Raises:
        StoreError: see :func:`open_oxigraph`.
    """

    def __init__(self, path: str | os.PathLike[str] | None, *, create: bool = True) -> None:
        self.path = None if path is None else Path(path)
        self.store: ox.Store | None = (
            ox.Store() if self.path is None else open_oxigraph(self.path, create=create)
        )
        super().__init__(_oxigraph_graph(self.store))

    def _run(self, sparql_update: str) -> None:
        assert self.store is not None, "the sink is closed"
        try:
            self.store.update(sparql_update)
            # RocksDB keeps recent writes in memory until its buffers fill, which would
            # grow with the corpus; writing them out after each batch keeps memory flat.
            self.store.flush()
        except (OSError, SyntaxError) as exc:
            raise StoreError(f"{self.path or 'store'}: the update failed: {exc}") from exc

    def close(self) -> None:
        if self.store is None:
            return
        with contextlib.suppress(OSError):
            self.store.flush()
        # pyoxigraph releases the folder (and its LOCK) when the last reference goes.
        self.committed.store.close()
        self.store = None
        self._pending = _Pending(_bind(Graph()))


class EndpointSink(_PendingSink):
    """A SPARQL 1.1 endpoint: reads with SPARQL queries, writes with SPARQL Update.

    Args:
        url: the query endpoint (``http://host:7878/query`` for Oxigraph).
        update_url: the update endpoint; by default ``url`` with a last path
            segment ``query`` replaced by ``update`` (Oxigraph, Fuseki), else
            ``url`` itself (endpoints that take both on one URL).

    Raises:
        StoreError: the endpoint cannot be reached or answers with an error.
    """

    def __init__(self, url: str, *, update_url: str | None = None) -> None:
        self.url = url
        self.update_url = update_url or _update_url(url)
        super().__init__(endpoint_graph(url))

    def _run(self, sparql_update: str) -> None:
        _post(self.update_url, sparql_update.encode("utf-8"), "application/sparql-update")


def _update_url(url: str) -> str:
    parts = urllib.parse.urlsplit(url)
    head, _, last = parts.path.rpartition("/")
    if last == "query":
        return urllib.parse.urlunsplit(parts._replace(path=f"{head}/update"))
    return url


def _request(request: urllib.request.Request) -> bytes:
    url = request.full_url.split("?")[0]
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            return response.read()  # type: ignore[no-any-return]
    except urllib.error.HTTPError as exc:
        body = exc.read().decode("utf-8", "replace").strip().splitlines()
        detail = f": {body[0][:200]}" if body else ""
        raise StoreError(
            f"{url}: the SPARQL endpoint answered {exc.code} {exc.reason}{detail}; "
            "check the URL is the endpoint's query (or update) URL and that it accepts writes"
        ) from exc
    except (urllib.error.URLError, OSError) as exc:
        reason = getattr(exc, "reason", exc)
        raise StoreError(
            f"{url}: cannot reach the SPARQL endpoint ({reason}); "
            "check the server is running and the URL (host, port, path)"
        ) from exc


def _post(url: str, body: bytes, content_type: str) -> bytes:
    return _request(
        urllib.request.Request(
            url, data=body, method="POST", headers={"Content-Type": content_type}
        )
    )


def endpoint_graph(url: str) -> Graph:
    """A read-only rdflib graph over a SPARQL endpoint, checked to answer.

    Raises:
        StoreError: the endpoint cannot be reached or answers with an error.
    """
    from rdflib.plugins.stores.sparqlstore import SPARQLStore

    if urllib.parse.urlsplit(url).scheme not in ("http", "https"):
        raise StoreError(f"{url}: not an http(s) URL; give the endpoint's query URL")
    # One cheap query first, so that a wrong URL is one clear error, not a traceback later.
    answer = _request(
        urllib.request.Request(
            url + "?" + urllib.parse.urlencode({"query": "ASK {}"}),
            headers={"Accept": "application/sparql-results+json"},
        )
    )
    try:
        json.loads(answer)
    except ValueError as exc:
        raise StoreError(
            f"{url}: this does not answer like a SPARQL endpoint; give its query URL"
        ) from exc
    # Not context-aware: otherwise rdflib sends its own default-graph IRI as the
    # default-graph-uri parameter, and the endpoint answers from an empty graph.
    store = SPARQLStore(query_endpoint=url, returnFormat="json", context_aware=False)
    return _bind(Graph(store=store, identifier=DATASET_DEFAULT_GRAPH_ID))


# --- sources -----------------------------------------------------------------------------


@contextlib.contextmanager
def open_source(
    graph: str | os.PathLike[str] | None = None,
    *,
    store: str | os.PathLike[str] | None = None,
    endpoint: str | None = None,
) -> Iterator[Graph]:
    """Open "a graph source" for reading: a graph file, a store folder or an endpoint.

    Give exactly one. The graph is closed (a store's folder released) when the block ends.

    Raises:
        StoreError: nothing or several given, or the source cannot be opened.

    Example:
        >>> with open_source("out/graph.ttl") as graph:  # doctest: +SKIP
        ...     print(len(graph))
    """
    given = [x for x in (graph, store, endpoint) if x is not None]
    if len(given) != 1:
        raise StoreError("give one graph source: a GRAPH file, --store DIR or --endpoint URL")
    if graph is not None:
        from kgraph.rdf import load_graph

        yield load_graph(graph)
    elif store is not None:
        sink = OxigraphSink(store, create=False)
        try:
            yield sink.committed
        finally:
            sink.close()
    else:
        assert endpoint is not None
        yield endpoint_graph(endpoint)
