"""The extraction pipeline: articles → parsed docs → actors → relations, streaming.

Example:
    >>> from kgraph import read_articles, extract
    >>> for result in extract(read_articles(["seeds/"])):  # doctest: +SKIP
    ...     print(result.article.id, len(result.relations))
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.language import Language

from kgraph.actors.dictionary import ActorDictionary
from kgraph.actors.gazetteer import load_gazetteer
from kgraph.actors.resolve import resolve_actors
from kgraph.model import Article, ArticleResult
from kgraph.nlp import parse
from kgraph.relations.extract import extract_relations
from kgraph.relations.lexicon import load_lexicon


def extract(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    actors: ActorDictionary | None = None,
) -> Iterator[ArticleResult]:
    """Extract actors and relations from articles, one ``ArticleResult`` per article, in order.

    Args:
        articles: the articles (any iterable; it is consumed lazily).
        nlp: a loaded pipeline; ``kgraph.nlp.load_pipeline()`` by default.
        n_process: spaCy worker processes for parsing.
        batch_size: articles per parsing batch.
        actors: a user's actor dictionary (``kgraph.actors.dictionary.load_dictionary``):
            its actors win over inferred ones, its dated roles resolve "the president".
    """
    gazetteer = actors.gazetteer() if actors is not None else load_gazetteer()
    lexicon = load_lexicon()
    for doc, article in parse(articles, nlp=nlp, n_process=n_process, batch_size=batch_size):
        index = resolve_actors(
            doc, gazetteer=gazetteer, article=article, dictionary=actors, lexicon=lexicon
        )
        relations = tuple(extract_relations(doc, article, index, lexicon=lexicon))
        yield ArticleResult(
            article=article,
            actors=index.actors(),
            mention_counts=index.mention_counts(),
            relations=relations,
        )
