"""The extraction pipeline: articles → parsed docs → actors → relations, streaming.

Example:
    >>> from kgraph import read_articles, extract
    >>> for result in extract(read_articles(["seeds/"])):  # doctest: +SKIP
    ...     print(result.article.id, len(result.relations))
"""

from __future__ import annotations

import itertools
import logging
import multiprocessing
from collections import deque
from collections.abc import Iterable, Iterator
from concurrent.futures import Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

from spacy.language import Language
from spacy.tokens import Doc

from kgraph.actors.dictionary import ActorDictionary
from kgraph.actors.gazetteer import Gazetteer, load_gazetteer
from kgraph.actors.resolve import resolve_actors
from kgraph.articles import ErrorHandler, log_skipped
from kgraph.errors import ArticleError, KgraphError
from kgraph.model import Article, ArticleResult
from kgraph.nlp import load_pipeline, parse
from kgraph.relations.extract import extract_relations
from kgraph.relations.lexicon import Lexicon, load_lexicon

log = logging.getLogger(__name__)


def extract(
    articles: Iterable[Article],
    *,
    nlp: Language | None = None,
    n_process: int = 1,
    batch_size: int = 32,
    actors: ActorDictionary | None = None,
    on_error: ErrorHandler | None = None,
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
        on_error: called with an ``ArticleError`` for each article on which extraction
            fails (a bug in a rule, not in the article): it is skipped and the others go
            on. By default the error is logged as a warning.
    """
    report = on_error or log_skipped
    if n_process > 1 and nlp is None:
        for item in _extract_in_workers(articles, n_process, batch_size, actors):
            if isinstance(item, ArticleError):
                report(item)
            else:
                yield item
        return
    gazetteer = actors.gazetteer() if actors is not None else load_gazetteer()
    lexicon = load_lexicon()
    for doc, article in parse(articles, nlp=nlp, n_process=n_process, batch_size=batch_size):
        result = _extract_one(doc, article, gazetteer, lexicon, actors)
        if isinstance(result, ArticleError):
            report(result)
        else:
            yield result


def _extract_one(
    doc: Doc,
    article: Article,
    gazetteer: Gazetteer,
    lexicon: Lexicon,
    actors: ActorDictionary | None,
) -> ArticleResult | ArticleError:
    try:
        index = resolve_actors(
            doc, gazetteer=gazetteer, article=article, dictionary=actors, lexicon=lexicon
        )
        relations = tuple(extract_relations(doc, article, index, lexicon=lexicon))
    except (KeyboardInterrupt, MemoryError):
        raise
    except Exception as exc:  # one article a rule fails on must not stop the corpus
        log.debug("extraction failed on %s", article.source, exc_info=True)
        return ArticleError(
            article.source,
            f"extraction failed ({type(exc).__name__}: {str(exc)[:200]}); the article was "
            "skipped. This is a bug in kgraph: please report it with the article",
        )
    return ArticleResult(
        article=article,
        actors=index.actors(),
        mention_counts=index.mention_counts(),
        relations=relations,
    )


def _extract_in_workers(
    articles: Iterable[Article], n_process: int, batch_size: int, actors: ActorDictionary | None
) -> Iterator[ArticleResult | ArticleError]:
    """Each worker parses and extracts whole batches; the results come back in input order.

    With spaCy's own ``n_process`` the workers only parse, and this process resolves actors
    and extracts relations for all of them, which holds the workers back on a few cores.
    At most two batches per worker are in flight, so a corpus is never read ahead whole.
    """
    # concurrent.futures, not multiprocessing.Pool: a worker that dies (killed, out of
    # memory, a crash in native code) breaks the pool and raises here; Pool would wait forever.
    pool = ProcessPoolExecutor(
        n_process, mp_context=multiprocessing.get_context(), initializer=load_pipeline
    )
    in_flight: deque[Future[list[ArticleResult | ArticleError]]] = deque()
    try:
        for batch in _batches(articles, batch_size):
            in_flight.append(pool.submit(_extract_batch, batch, actors))
            if len(in_flight) >= 2 * n_process:
                yield from in_flight.popleft().result()
        while in_flight:
            yield from in_flight.popleft().result()
    except BrokenProcessPool:
        pool.shutdown(wait=False, cancel_futures=True)
        raise KgraphError(
            "a worker process died (killed, or out of memory?); nothing was written. "
            "Run again with fewer --jobs, or with --jobs 1 to see the failing article"
        ) from None
    except BaseException:
        pool.shutdown(wait=False, cancel_futures=True)  # stopped early: do not wait on workers
        raise
    pool.shutdown(wait=True)


def _extract_batch(
    batch: list[Article], actors: ActorDictionary | None
) -> list[ArticleResult | ArticleError]:
    """Run in a worker: results and errors in input order, errors sent back as data."""
    found: list[ArticleResult | ArticleError] = []
    for result in extract(batch, actors=actors, on_error=found.append):
        found.append(result)
    return found


def _batches(articles: Iterable[Article], size: int) -> Iterator[list[Article]]:
    iterator = iter(articles)
    while batch := list(itertools.islice(iterator, size)):
        yield batch
