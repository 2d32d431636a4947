"""The extraction pipeline: articles → parsed docs → actors → relations, streaming.

Example:
    >>> from kgraph import read_articles, extract
    >>> for result in extract(read_articles(["seeds/"])):  # doctest: +SKIP
    ...     print(result.article.id, len(result.relations))
"""

from __future__ import annotations

import itertools
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from multiprocessing.pool import AsyncResult

from spacy.language import Language

from kgraph.actors.dictionary import ActorDictionary
from kgraph.actors.gazetteer import load_gazetteer
from kgraph.actors.resolve import resolve_actors
from kgraph.model import Article, ArticleResult
from kgraph.nlp import load_pipeline, parse
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
        n_process: worker processes, each parsing and extracting whole batches of articles
            (with ``nlp`` given, spaCy's own parsing processes instead).
        batch_size: articles per batch.
        actors: a user's actor dictionary (``kgraph.actors.dictionary.load_dictionary``):
            its actors win over inferred ones, its dated roles resolve "the president".
    """
    if n_process > 1 and nlp is None:
        yield from _extract_in_workers(articles, n_process, batch_size, actors)
        return
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


def _extract_in_workers(
    articles: Iterable[Article], n_process: int, batch_size: int, actors: ActorDictionary | None
) -> Iterator[ArticleResult]:
    """Each worker parses and extracts whole batches; the results come back in input order.

    With spaCy's own ``n_process`` the workers only parse, and this process resolves actors
    and extracts relations for all of them, which holds the workers back on a few cores.
    At most two batches per worker are in flight, so a corpus is never read ahead whole.
    """
    context = multiprocessing.get_context()
    with context.Pool(n_process, initializer=load_pipeline) as pool:
        in_flight: deque[AsyncResult[list[ArticleResult]]] = deque()
        for batch in _batches(articles, batch_size):
            in_flight.append(pool.apply_async(_extract_batch, (batch, actors)))
            if len(in_flight) >= 2 * n_process:
                yield from in_flight.popleft().get()
        while in_flight:
            yield from in_flight.popleft().get()


def _extract_batch(batch: list[Article], actors: ActorDictionary | None) -> list[ArticleResult]:
    return list(extract(batch, actors=actors))


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
