"""End to end: extraction scored on the hand-made gold of ../shared/gold/.

These tests hold the line the extractor has reached on the development gold, so a
change that loses relations or adds wrong ones fails here; the closing notes of
issue 4 report the figures and the targets. They need ``../shared/`` beside the
checkout (the seed and development gold and the Wikinews corpus).
"""

from __future__ import annotations

from pathlib import Path

import pytest

from kgraph.articles import read_articles
from kgraph.evaluate import EvalReport, evaluate, load_gold
from kgraph.pipeline import extract

pytestmark = pytest.mark.model

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV_GOLD = SHARED / "gold" / "wikinews-dev.jsonl"
SEED_GOLD = SHARED / "gold" / "seed.jsonl"
CORPUS = SHARED / "corpus" / "wikinews.jsonl"

#: The floor: what the rules reach on the development gold, less a small margin for
#: ties the parser may break differently on another machine. Raise it as rules improve.
#: Recall, F1 and quad F1 are held at the targets of issue 4 (precision 0.85, recall 0.65,
#: F1 0.74, quad F1 0.80), which the rules now reach.
DEV_FLOOR = {"precision": 0.93, "recall": 0.65, "f1": 0.74, "quad_f1": 0.80}


def score(nlp, gold_path: Path, inputs: list[Path]) -> EvalReport:  # type: ignore[no-untyped-def]
    gold = load_gold(gold_path)
    wanted = {record["doc"] for record in gold}
    articles = (a for a in read_articles(inputs) if a.id in wanted)
    relations = [r for result in extract(articles, nlp=nlp) for r in result.relations]
    return evaluate(gold, relations)


@pytest.mark.skipif(not DEV_GOLD.is_file() or not CORPUS.is_file(), reason="needs ../shared/")
def test_the_development_gold_stays_at_or_above_the_floor(nlp) -> None:  # type: ignore[no-untyped-def]
    report = score(nlp, DEV_GOLD, [CORPUS])

    assert len(report.docs) == 15
    assert report.precision >= DEV_FLOOR["precision"], report.false_positives
    assert report.recall >= DEV_FLOOR["recall"], report.misses
    assert report.f1 >= DEV_FLOOR["f1"]
    assert report.quad_f1 >= DEV_FLOOR["quad_f1"]


@pytest.mark.skipif(not SEED_GOLD.is_file(), reason="needs ../shared/gold/seed.jsonl")
def test_the_seed_article_is_extracted_in_full(nlp) -> None:  # type: ignore[no-untyped-def]
    report = score(nlp, SEED_GOLD, [ROOT / "seeds"])

    assert (report.precision, report.recall) == (1.0, 1.0), (report.false_positives, report.misses)


@pytest.mark.skipif(not DEV_GOLD.is_file() or not CORPUS.is_file(), reason="needs ../shared/")
def test_high_confidence_relations_are_more_precise_than_all(nlp) -> None:  # type: ignore[no-untyped-def]
    report = score(nlp, DEV_GOLD, [CORPUS])

    rows = {row.threshold: row for row in report.by_confidence}
    assert rows[0.9].predicted > 0
    assert rows[0.9].precision >= report.precision
