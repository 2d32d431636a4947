"""Cue words and the constructions around them, with the real English pipeline.

Sentences are invented for these tests. Each shows one rule of ``kgraph/relations/``
or one line family of ``kgraph/data/cues.tsv``.
"""

from __future__ import annotations

import datetime as dt

import pytest

from kgraph.model import Article, ArticleResult
from kgraph.pipeline import extract

pytestmark = pytest.mark.model


def run(nlp, text: str, *, title: str = "") -> ArticleResult:  # type: ignore[no-untyped-def]
    article = Article(id="t", date=dt.date(2019, 10, 10), title=title, text=text, source="t.txt")
    [result] = extract([article], nlp=nlp)
    return result


def asserted(result: ArticleResult) -> set[tuple[str, str, str]]:
    return {
        (r.subject.label, r.relation, r.object.label)
        for r in result.relations
        if not (r.negated or r.hypothetical)
    }


def test_the_headline_is_read_and_its_relations_have_no_body_span(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "The dispute continued on Thursday."
    result = run(nlp, body, title="UK urges US to waive immunity for diplomat's wife")

    [relation] = [r for r in result.relations if r.relation == "requests"]
    assert (relation.subject.label, relation.object.label) == ("United Kingdom", "United States")
    assert relation.span == (0, 0)
    assert relation.evidence.startswith("UK urges US")


def test_body_spans_stay_offsets_in_the_body(nlp) -> None:  # type: ignore[no-untyped-def]
    body = "Rain fell. France condemned Russia."
    result = run(nlp, body, title="A headline without relations")

    [relation] = result.relations
    start, end = relation.span
    assert body[start:end] == "France condemned Russia."
