"""The actors of a built graph: names, type, ids, mentions and relations (``kgraph actors``).

Each actor is one row: its IRI, canonical label (``skos:prefLabel``), type, every
other name (``skos:altLabel``), Wikidata id (from ``owl:sameAs``), ISO code, how
many times the build's articles mention it, in how many articles, and in how many
relation statements it is the subject and the object. Most mentioned first.

Example:
    >>> from kgraph.rdf import build_graph
    >>> from kgraph.model import Actor, Article, ArticleResult, Relation
    >>> tr = Actor(id="https://w3id.org/kgraph/id/country/tr", label="Türkiye", type="Country",
    ...            names=("Türkiye", "Turkey"), iso_code="TR", wikidata="Q43")
    >>> ru = Actor(id="https://w3id.org/kgraph/id/country/ru", label="Russia", type="Country")
    >>> article = Article(id="a1", date=None, title="", text="", source="a1.txt")
    >>> graph = build_graph([ArticleResult(article=article, actors=(tr, ru),
    ...     mention_counts={tr.id: 2, ru.id: 1},
    ...     relations=(Relation(doc="a1", subject=tr, relation="accuses", object=ru),))])
    >>> rows = list_actors(graph).to_dicts()
    >>> [rows[0][key] for key in ("label", "names", "wikidata", "mentions", "as_subject")]
    ['Türkiye', 'Turkey', 'Q43', 2, 1]
"""

from __future__ import annotations

from collections import Counter, defaultdict
from typing import TYPE_CHECKING

from kgraph.errors import QueryError
from kgraph.sparql import QueryResult, query
from kgraph.vocabulary import ACTOR_CLASSES

if TYPE_CHECKING:
    from rdflib import Graph

__all__ = ["COLUMNS", "list_actors"]

#: The columns of ``list_actors``, in order.
COLUMNS = [
    "iri", "label", "type", "names", "wikidata", "iso", "mentions", "articles",
    "as_subject", "as_object",
]  # fmt: skip

_PREFIXES = """PREFIX kg: <https://w3id.org/kgraph/ontology#>
PREFIX skos: <http://www.w3.org/2004/02/skos/core#>
PREFIX owl: <http://www.w3.org/2002/07/owl#>
PREFIX rdf: <http://www.w3.org/1999/02/22-rdf-syntax-ns#>
"""
_WIKIDATA = "http://www.wikidata.org/entity/"


def _actor_type(name: str) -> str:
    by_fold = {t.casefold(): t for t in ACTOR_CLASSES if t != "Topic"}
    key = name.replace(" ", "").replace("-", "").casefold()
    if key not in by_fold:
        raise QueryError(f"unknown actor type {name!r}; use one of {', '.join(by_fold.values())}")
    return by_fold[key]


def list_actors(graph: Graph, *, type: str | None = None) -> QueryResult:
    """Every actor of a graph with its names, identifiers and counts.

    A few simple queries joined here rather than one with nested aggregates: the
    same on every store, and fast on rdflib's in-memory one.

    Args:
        graph: a built graph (any rdflib store).
        type: only actors of this type (``Person``, ``Country``, ...; case-insensitive).

    Raises:
        QueryError: ``type`` is not an actor type.
    """
    classes = [_actor_type(type)] if type else [t for t in ACTOR_CLASSES if t != "Topic"]
    values = " ".join(f"kg:{name}" for name in classes)
    base = query(
        graph,
        _PREFIXES + "SELECT ?a ?label ?class ?mentions ?iso WHERE { "
        f"VALUES ?class {{ {values} }} ?a a ?class ; skos:prefLabel ?label . "
        "OPTIONAL { ?a kg:mentionCount ?mentions } OPTIONAL { ?a kg:isoCode ?iso } }",
    ).rows
    names: dict[str, list[str]] = defaultdict(list)
    for actor, name in query(graph, _PREFIXES + "SELECT ?a ?n WHERE { ?a skos:altLabel ?n }").rows:
        names[str(actor)].append(str(name))
    wikidata: dict[str, str] = {}
    for actor, entity in query(graph, _PREFIXES + "SELECT ?a ?e WHERE { ?a owl:sameAs ?e }").rows:
        if str(entity).startswith(_WIKIDATA):
            wikidata.setdefault(str(actor), str(entity).removeprefix(_WIKIDATA))
    articles = Counter(
        str(actor)
        for (actor,) in query(
            graph, _PREFIXES + "SELECT ?a WHERE { ?a kg:mentionedIn ?article }"
        ).rows
    )
    subjects, objects = Counter[str](), Counter[str]()
    for subject, obj in query(
        graph,
        _PREFIXES
        + "SELECT ?s ?o WHERE { ?st a kg:RelationStatement ; rdf:subject ?s ; rdf:object ?o }",
    ).rows:
        subjects[str(subject)] += 1
        objects[str(obj)] += 1
    rows = []
    seen: set[str] = set()
    for actor, label, cls, mentions, iso in base:
        iri = str(actor)
        if iri in seen:
            continue  # a node with two actor types is listed once, by its first
        seen.add(iri)
        rows.append(
            (
                iri,
                str(label),
                str(cls).rsplit("#", 1)[-1],
                "|".join(sorted(set(names[iri]) - {str(label)})),
                wikidata.get(iri),
                None if iso is None else str(iso),
                int(mentions) if mentions is not None else 0,  # type: ignore[arg-type]
                articles[iri],
                subjects[iri],
                objects[iri],
            )
        )
    rows.sort(key=lambda row: (-row[6], -row[7], row[1], row[0]))  # type: ignore[operator]
    return QueryResult(list(COLUMNS), rows)
