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
