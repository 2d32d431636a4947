"""The pipeline's own mechanics: worker processes and paragraph sentence starts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from kgraph.articles import read_articles
from kgraph.pipeline import extract

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT.parent / "shared" / "corpus" / "wikinews.jsonl"


def test_every_line_break_starts_a_sentence(nlp) -> None:  # type: ignore[no-untyped-def]
    doc = nlp('He said it was "legitimate."\n\nRussia met Iran.\nFrance\n\n \nwaited.')

    starts = [token.text for token in doc if token.is_sent_start]

    assert starts[:1] == ["He"] and {"Russia", "France", "waited"} <= set(starts)


@pytest.mark.skipif(not CORPUS.is_file(), reason="needs ../shared/corpus/wikinews.jsonl")
def test_two_worker_processes_give_the_same_results_in_the_same_order() -> None:
    with CORPUS.open(encoding="utf-8") as lines:
        records = [json.loads(next(lines)) for _ in range(5)]
    articles = list(read_articles([ROOT / "seeds"])) + [
        a for a in read_articles([CORPUS]) if a.id in {r["id"] for r in records}
    ]

    alone = list(extract(articles))
    in_workers = list(extract(articles, n_process=2, batch_size=2))

    assert [r.article.id for r in in_workers] == [a.id for a in articles]
    assert in_workers == alone


@pytest.mark.parametrize("n_process", [1, 2])
def test_an_article_a_rule_fails_on_is_reported_and_skipped_and_the_rest_go_on(
    monkeypatch: pytest.MonkeyPatch, n_process: int
) -> None:
    import kgraph.pipeline
    from kgraph.model import Article

    real = kgraph.pipeline.extract_relations

    def failing_on_b(doc, article, index, **options):  # type: ignore[no-untyped-def]
        if article.id == "b":
            raise RecursionError("maximum recursion depth exceeded")
        return real(doc, article, index, **options)

    # Worker processes are forked, so they see the patched function too.
    monkeypatch.setattr(kgraph.pipeline, "extract_relations", failing_on_b)
    articles = [
        Article(id=name, date=None, title="", text="Russia accused Ukraine.", source=f"{name}.txt")
        for name in ("a", "b", "c")
    ]
    errors = []

    results = list(extract(articles, n_process=n_process, batch_size=1, on_error=errors.append))

    assert [r.article.id for r in results] == ["a", "c"]
    assert all(r.relations for r in results)
    [error] = errors
    assert error.source == "b.txt"
    assert "extraction failed (RecursionError" in str(error) and "skipped" in str(error)


def test_a_worker_that_dies_stops_the_run_with_a_clear_error_instead_of_hanging(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import os
    import signal

    import kgraph.pipeline
    from kgraph.errors import KgraphError
    from kgraph.model import Article

    def dying(doc, article, index, **options):  # type: ignore[no-untyped-def]
        os._exit(9)  # as a worker killed by the out-of-memory killer would end

    # Worker processes are forked, so they run the patched function.
    monkeypatch.setattr(kgraph.pipeline, "extract_relations", dying)
    articles = [
        Article(id=name, date=None, title="", text="Russia accused Ukraine.", source=f"{name}.txt")
        for name in ("a", "b", "c")
    ]

    def hung(signum, frame):  # type: ignore[no-untyped-def]
        raise AssertionError("the run hung after its worker died")

    previous = signal.signal(signal.SIGALRM, hung)
    signal.alarm(120)
    try:
        with pytest.raises(KgraphError, match="worker process died"):
            list(extract(articles, n_process=2, batch_size=1))
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)
