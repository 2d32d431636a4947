"""Relations → RDF: actor, article and statement nodes; atomic serialisation and loading.

Every relation becomes a statement node (``kg:RelationStatement``) carrying its
provenance, and, when it is neither negated nor hypothetical, also a plain
triple ``actor kg:accuses actor`` so that simple SPARQL stays simple and never
returns "X did not meet Y" for ``?s kg:meets ?o``. IRIs come from
``kgraph.iris``, so the same articles always give the same (isomorphic) graph,
and there are no blank nodes.

Example:
    >>> from kgraph.model import Actor, Article, ArticleResult, Relation
    >>> tr = Actor(id="https://w3id.org/kgraph/id/country/tr", label="Türkiye", type="Country")
    >>> ru = Actor(id="https://w3id.org/kgraph/id/country/ru", label="Russia", type="Country")
    >>> article = Article(id="a1", date=None, title="", text="", source="a1.txt")
    >>> relation = Relation(doc="a1", subject=tr, relation="accuses", object=ru)
    >>> graph = build_graph([ArticleResult(article=article, relations=(relation,))])
    >>> (URIRef(tr.id), KG.accuses, URIRef(ru.id)) in graph
    True
"""

from __future__ import annotations

import logging
import os
import re
from collections import Counter
from collections.abc import Callable, Iterable
from decimal import Decimal
from importlib.resources import files
from pathlib import Path
from typing import IO

import pyoxigraph as ox
from rdflib import BNode, Dataset, Graph, Literal, URIRef
from rdflib.graph import DATASET_DEFAULT_GRAPH_ID
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, SKOS, XSD

import kgraph
from kgraph.atomic import atomic_write
from kgraph.errors import OntologyError, StoreError
from kgraph.iris import DATA, article_iri, statement_iri
from kgraph.model import Actor, Article, ArticleResult, Relation
from kgraph.relation_types import SYMMETRIC
from kgraph.store import oxigraph_of
from kgraph.vocabulary import ACTOR_CLASSES, KG, PREFIXES, WD, relation_property

__all__ = ["FORMATS", "GRAPH_IRI", "build_graph", "format_for", "load_graph", "load_ontology"]
__all__ += ["load_shapes", "new_graph", "serialize"]

logger = logging.getLogger(__name__)

#: Graph formats kgraph writes and reads, with their file suffix.
FORMATS: dict[str, str] = {"turtle": ".ttl", "trig": ".trig", "nt": ".nt", "jsonld": ".jsonld"}
#: The named graph a TriG file holds the whole graph in.
GRAPH_IRI = URIRef(DATA + "graph/default")

_RDFLIB_FORMAT = {"turtle": "turtle", "trig": "trig", "nt": "nt", "jsonld": "json-ld"}
_BY_SUFFIX = {suffix: name for name, suffix in FORMATS.items()}
_ALIASES = {"ttl": "turtle", "json-ld": "jsonld", "ntriples": "nt", "n-triples": "nt"}
_WIKIDATA_ID = re.compile(r"Q[1-9][0-9]*")


def new_graph(store: str = "default") -> Graph:
    """An empty graph with kgraph's prefixes bound.

    Args:
        store: an rdflib store plugin name: ``"default"`` (in memory) or ``"Oxigraph"``.
    """
    graph = Graph(store=store, bind_namespaces="core")
    for prefix, namespace in PREFIXES.items():
        graph.bind(prefix, namespace)
    return graph


def build_graph(
    results: Iterable[ArticleResult],
    *,
    graph: Graph | None = None,
    commit: Callable[[], None] | None = None,
    batch_size: int = 64,
) -> Graph:
    """Add the actors, articles and relations of extraction results to a graph.

    Results are consumed one at a time, so ``results`` may be a generator over a
    corpus. ``kg:mentionCount`` is the sum over the distinct articles of the build,
    added to what ``graph`` already held; an article already in ``graph`` is not
    counted again, so building the same articles into a store twice is harmless.

    Args:
        results: what extraction gave, one ``ArticleResult`` per article.
        graph: the graph to add to (any rdflib store); a new in-memory one if None.
        commit: called after every ``batch_size`` articles and at the end, once the
            batch is complete (mention counts included): a sink's ``commit``.
        batch_size: articles per ``commit``.

    Returns:
        The graph the triples were added to.

    Raises:
        OntologyError: an actor type or relation name is not in the vocabulary.
    """
    target = graph if graph is not None else new_graph()
    builder = _Builder(target)
    for done, result in enumerate(results, 1):
        builder.add_result(result)
        if commit is not None and done % batch_size == 0:
            # Mention counts go into the batch of their articles: a build killed after
            # this commit and run again neither loses nor double-counts them.
            builder.finish()
            commit()
    builder.finish()
    if commit is not None:
        commit()
    return target


def _decimal(value: float) -> Literal:
    # "0.9", "1.0" (not 0.90000000000000002, not "1"): how rdflib's Turtle writer prints them.
    text = format(Decimal(str(round(value, 3))).normalize(), "f")
    return Literal(text if "." in text else text + ".0", datatype=XSD.decimal)


class _Builder:
    """The state of one build: what was written, label choices and mention counts."""

    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        # Caches keep repeated actors cheap on a disk store; they hold one entry per actor.
        self.written: set[Actor] = set()
        self.pref_labels: dict[URIRef, str] = {}
        self.counts: Counter[URIRef] = Counter()
        self.articles: set[URIRef] = set()  # article nodes this build wrote
        self.counted: set[URIRef] = set()  # articles whose mentions this build counted

    def add_result(self, result: ArticleResult) -> None:
        article = URIRef(article_iri(result.article.id))
        # Count an article's mentions once: not again if this build or an earlier one had it.
        earlier = article not in self.articles and (article, RDF.type, KG.Article) in self.graph
        counts = {} if earlier or article in self.counted else result.mention_counts
        self.counted.add(article)
        self._article(result.article)
        seen: dict[str, Actor] = {}
        for actor in result.actors:
            self._actor(actor)
            seen[actor.id] = actor
            if actor.type != "Topic":
                self.graph.add((URIRef(actor.id), KG.mentionedIn, article))
        for relation in result.relations:
            self._relation(relation)
            for side in (relation.subject, relation.object, relation.attributed_to):
                if side is not None:
                    seen.setdefault(side.id, side)
        for actor in (actor for actor in seen.values() if actor.type != "Topic"):
            # += 0 still records the actor, so every actor node gets a kg:mentionCount.
            self.counts[URIRef(actor.id)] += counts.get(actor.id, 0)

    def finish(self) -> None:
        for iri, count in self.counts.items():
            before = self.graph.value(iri, KG.mentionCount)
            total = count + (int(before.toPython()) if isinstance(before, Literal) else 0)
            self.graph.set((iri, KG.mentionCount, Literal(total, datatype=XSD.integer)))
        self.counts.clear()  # written: a later finish() adds only what came after

    def _article(self, article: Article) -> None:
        node = URIRef(article_iri(article.id))
        self.articles.add(node)
        add = self.graph.add
        add((node, RDF.type, KG.Article))
        add((node, DCTERMS.identifier, Literal(article.id)))
        if article.title:
            add((node, DCTERMS.title, Literal(article.title)))
        if article.date is not None:
            add((node, DCTERMS.date, Literal(article.date.isoformat(), datatype=XSD.date)))
        if article.source:
            add((node, DCTERMS.source, Literal(article.source)))

    def _actor(self, actor: Actor) -> None:
        if actor in self.written:
            return
        try:
            cls = ACTOR_CLASSES[actor.type]
        except KeyError:
            raise OntologyError(
                f"actor {actor.label!r} <{actor.id}>: type {actor.type!r} is not in the "
                f"ontology; use one of {', '.join(ACTOR_CLASSES)} or add the class to "
                "ontology/kgraph.ttl and kgraph/vocabulary.py"
            ) from None
        node = URIRef(actor.id)
        self.graph.add((node, RDF.type, cls))
        self._label(node, actor.label)
        for name in actor.names:
            if name and name != self.pref_labels[node]:
                self.graph.add((node, SKOS.altLabel, Literal(name)))
        if actor.iso_code:
            self.graph.add((node, KG.isoCode, Literal(actor.iso_code)))
        if actor.wikidata:
            entity = actor.wikidata.removeprefix(str(WD))
            if _WIKIDATA_ID.fullmatch(entity):
                self.graph.add((node, OWL.sameAs, WD[entity]))
            else:
                logger.warning("%s: %r is not a Wikidata id; ignored", actor.id, actor.wikidata)
        self.written.add(actor)

    def _label(self, node: URIRef, label: str) -> None:
        """Keep exactly one prefLabel: the longest label seen; the others become altLabels."""
        current = self.pref_labels.get(node)
        if current is None:
            stored = self.graph.value(node, SKOS.prefLabel)
            current = None if stored is None else str(stored)
        if current is None:
            self.graph.add((node, SKOS.prefLabel, Literal(label)))
            self.pref_labels[node] = label
            return
        self.pref_labels[node] = current
        if label == current:
            return
        # Length first, then text, so the choice does not depend on the order of articles.
        if (len(label), label) > (len(current), current):
            self.graph.remove((node, SKOS.prefLabel, None))
            self.graph.add((node, SKOS.prefLabel, Literal(label)))
            # SKOS wants prefLabel and altLabel disjoint.
            self.graph.remove((node, SKOS.altLabel, Literal(label)))
            self.graph.add((node, SKOS.altLabel, Literal(current)))
            self.pref_labels[node] = label
        else:
            self.graph.add((node, SKOS.altLabel, Literal(label)))

    def _relation(self, relation: Relation) -> None:
        prop = relation_property(relation.relation)
        subject, obj = URIRef(relation.subject.id), URIRef(relation.object.id)
        self._actor(relation.subject)
        self._actor(relation.object)
        article = URIRef(article_iri(relation.doc))
        if article not in self.articles:
            # A relation of another document than its result's article: keep the graph whole.
            self.articles.add(article)
            self.graph.add((article, RDF.type, KG.Article))
            self.graph.add((article, DCTERMS.identifier, Literal(relation.doc)))
        add = self.graph.add
        if not (relation.negated or relation.hypothetical):
            if relation.relation in SYMMETRIC and str(obj) < str(subject):
                # One triple per unordered pair whatever the order of the sentence;
                # owl:SymmetricProperty gives the other direction.
                add((obj, prop, subject))
            else:
                add((subject, prop, obj))
        node = URIRef(
            statement_iri(
                doc=relation.doc,
                span=relation.span,
                relation=relation.relation,
                subject=relation.subject.id,
                object=relation.object.id,
            )
        )
        add((node, RDF.type, KG.RelationStatement))
        add((node, RDF.subject, subject))
        add((node, RDF.predicate, prop))
        add((node, RDF.object, obj))
        add((node, PROV.wasDerivedFrom, article))
        if relation.evidence:
            add((node, KG.evidence, Literal(relation.evidence)))
        add((node, KG.spanStart, Literal(relation.span[0], datatype=XSD.integer)))
        add((node, KG.spanEnd, Literal(relation.span[1], datatype=XSD.integer)))
        if relation.date is not None:
            add((node, DCTERMS.date, Literal(relation.date.isoformat(), datatype=XSD.date)))
        if relation.attributed_to is not None:
            self._actor(relation.attributed_to)
            add((node, PROV.wasAttributedTo, URIRef(relation.attributed_to.id)))
        add((node, KG.negated, Literal(relation.negated, datatype=XSD.boolean)))
        add((node, KG.hypothetical, Literal(relation.hypothetical, datatype=XSD.boolean)))
        add((node, KG.confidence, _decimal(relation.confidence)))
        if relation.cue:
            add((node, KG.cue, Literal(relation.cue)))
        add((node, KG.extractorVersion, Literal(f"kgraph {kgraph.__version__}")))


def format_for(path: str | os.PathLike[str], format: str | None = None) -> str:
    """The format name of a graph file: ``format`` (or an alias) if given, else from the suffix.

    Raises:
        StoreError: an unknown format, or a suffix that is none of ``FORMATS``.

    Example:
        >>> format_for("out/graph.jsonld"), format_for("graph.txt", "ttl")
        ('jsonld', 'turtle')
    """
    if format is not None:
        name = _ALIASES.get(format.lower(), format.lower())
        if name in FORMATS:
            return name
        raise StoreError(
            f"{path}: unknown graph format {format!r}; use one of {', '.join(FORMATS)}"
        )
    suffix = Path(path).suffix.lower()
    if suffix in _BY_SUFFIX:
        return _BY_SUFFIX[suffix]
    raise StoreError(
        f"{path}: unknown graph file suffix {suffix!r}; "
        f"name it {', '.join(FORMATS.values())} or pass the format"
    )


def serialize(graph: Graph, path: str | os.PathLike[str], *, format: str | None = None) -> Path:
    """Write a graph to a file atomically: readers see the old file or the new, never half.

    The graph is written to a temporary file in the same folder, synced to disk and
    renamed over ``path``; on any error the temporary file is removed and an existing
    ``path`` is left as it was. TriG holds the graph as the named graph ``GRAPH_IRI``.

    Args:
        graph: the graph to write.
        path: the file to write; missing parent folders are created.
        format: one of ``FORMATS``; by default from the suffix of ``path``.

    Returns:
        ``path`` as a ``Path``.

    Raises:
        StoreError: unknown format, or the file cannot be written.
    """
    path = Path(path)
    name = format_for(path, format)
    store = oxigraph_of(graph)
    if store is not None:
        # Oxigraph's writers stream from the store (flat memory whatever the graph's size)
        # and write plain literals without rdflib's ^^xsd:string noise.
        with atomic_write(path, what="graph") as stream:
            _dump_oxigraph(store, graph, name, stream)
        return path
    source, rdflib_format = graph, _RDFLIB_FORMAT[name]
    if name == "trig":
        source = Dataset()
        for prefix, namespace in PREFIXES.items():
            source.bind(prefix, namespace)
        named = source.graph(GRAPH_IRI)
        for s, p, o in graph:
            named.add((s, p, o))
    with atomic_write(path, what="graph") as stream:
        source.serialize(destination=stream, format=rdflib_format, encoding="utf-8")
    return path


_OX_FORMAT = {
    "turtle": ox.RdfFormat.TURTLE,
    "trig": ox.RdfFormat.TRIG,
    "nt": ox.RdfFormat.N_TRIPLES,
    "jsonld": ox.RdfFormat.JSON_LD,
}


def _dump_oxigraph(store: ox.Store, graph: Graph, name: str, stream: IO[bytes]) -> None:
    """Write the triples of ``graph`` (a graph of ``store``) in format ``name``."""
    identifier = graph.identifier
    if identifier == DATASET_DEFAULT_GRAPH_ID:
        source: ox.DefaultGraph | ox.NamedNode | ox.BlankNode = ox.DefaultGraph()
    elif isinstance(identifier, BNode):
        source = ox.BlankNode(str(identifier))
    else:
        source = ox.NamedNode(str(identifier))
    prefixes = {prefix: str(namespace) for prefix, namespace in PREFIXES.items()}
    if name == "trig":
        target = ox.NamedNode(str(GRAPH_IRI))
        quads = (
            ox.Quad(q.subject, q.predicate, q.object, target)
            for q in store.quads_for_pattern(None, None, None, source)
        )
        ox.serialize(quads, stream, _OX_FORMAT[name], prefixes=prefixes)
    else:
        store.dump(stream, _OX_FORMAT[name], from_graph=source, prefixes=prefixes)


def load_graph(path: str | os.PathLike[str], *, format: str | None = None) -> Graph:
    """Read a graph file written by ``serialize`` (or any file of those formats).

    Args:
        path: the file to read.
        format: one of ``FORMATS``; by default from the suffix of ``path``.

    Returns:
        An in-memory graph; a TriG file gives the union of its graphs.

    Raises:
        StoreError: the file is missing, unreadable or not valid in that format.
    """
    path = Path(path)
    name = format_for(path, format)
    if not path.is_file():
        raise StoreError(f"{path}: no such file; check the path, or build the graph first")
    graph = new_graph()
    try:
        if name == "trig":
            dataset = Dataset()
            dataset.parse(source=path, format="trig")
            for s, p, o, _ in dataset.quads((None, None, None, None)):
                graph.add((s, p, o))
        else:
            graph.parse(source=path, format=_RDFLIB_FORMAT[name])
    # rdflib's parsers raise many unrelated types (BadSyntax, ValueError, JSONDecodeError,
    # SAXParseException, UnicodeDecodeError, OSError): all mean "this file cannot be read".
    except Exception as exc:
        problem = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise StoreError(
            f"{path}: cannot parse as {name}: {problem}; check the file is complete "
            f"and really {name}, or pass the right format"
        ) from exc
    return graph


def load_ontology() -> Graph:
    """The kgraph ontology (``ontology/kgraph.ttl``) as a graph."""
    return _packaged("kgraph.ttl")


def load_shapes() -> Graph:
    """The SHACL shapes every built graph satisfies (``ontology/shapes.ttl``)."""
    return _packaged("shapes.ttl")


def _packaged(name: str) -> Graph:
    graph = new_graph()
    graph.parse(data=(files("kgraph.ontology") / name).read_text(encoding="utf-8"), format="turtle")
    return graph
