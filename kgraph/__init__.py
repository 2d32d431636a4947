"""kgraph: a knowledge graph of political relations built from news articles.

The pipeline, one function a stage::

    read_articles(paths) → extract(articles) → build_graph(results) → to_networkx(graph)

Heavy libraries (spaCy, rdflib, networkx) are imported when a function that
needs them is first called, so ``import kgraph`` stays cheap.
"""

from __future__ import annotations

from typing import Any

from kgraph.errors import ArticleError, KgraphError, OntologyError, QueryError, StoreError
from kgraph.model import Actor, Article, ArticleResult, Mention, Relation

__version__ = "0.1.0"

__all__ = [
    "Actor",
    "Article",
    "ArticleError",
    "ArticleResult",
    "KgraphError",
    "Mention",
    "OntologyError",
    "QueryError",
    "Relation",
    "StoreError",
    "build_graph",
    "evaluate",
    "extract",
    "load_graph",
    "query",
    "read_articles",
    "serialize",
    "to_networkx",
]

# The public functions live in modules with heavy imports; load them on first use.
_LAZY = {
    "read_articles": "kgraph.articles",
    "extract": "kgraph.pipeline",
    "build_graph": "kgraph.rdf",
    "serialize": "kgraph.rdf",
    "load_graph": "kgraph.rdf",
    "query": "kgraph.sparql",
    "to_networkx": "kgraph.network",
    "evaluate": "kgraph.evaluate",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'kgraph' has no attribute {name!r}")
    import importlib

    return getattr(importlib.import_module(module), name)
