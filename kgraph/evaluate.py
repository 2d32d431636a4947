"""Scoring predicted relations against a gold file, by the rule of ``spec/RELATIONS.md``.

The rule is the one of the reference scorer ``tools/score.py`` and must stay
identical to it (a test runs both on the same randomised predictions):

- labels are compared after NFKD, removal of combining marks, ``ı`` → ``i``,
  case-folding, whitespace collapsing and removal of a leading ``the``;
- a predicted side of type ``Topic`` also matches when an accepted name of
  more than three letters stands as whole words inside its label;
- symmetric relations match in either order;
- negated or hypothetical predictions are left out; the same relation
  predicted twice for one document counts once;
- optional gold lines are neither required for recall nor counted against
  precision; only the documents the gold file names are scored.

Standard library only.

Example:
    >>> gold = [{"doc": "d", "subject": ["Türkiye", "Turkey"], "relation": "meets",
    ...          "object": ["Russia"], "optional": False}]
    >>> pred = [{"doc": "d", "subject": {"label": "Russia", "type": "Country"},
    ...          "relation": "meets", "object": {"label": "turkiye", "type": "Country"}}]
    >>> report = evaluate(gold, pred)
    >>> (report.precision, report.recall, report.f1)
    (1.0, 1.0, 1.0)
"""

from __future__ import annotations

import json
import os
import unicodedata
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kgraph.errors import KgraphError
from kgraph.model import Relation
from kgraph.relation_types import RELATION_TYPES, SYMMETRIC

#: The confidence thresholds of the ``by_confidence`` table.
THRESHOLDS: tuple[float, ...] = (0.5, 0.7, 0.9)

_QUAD: dict[str, str] = {name: rtype.quad for name, rtype in RELATION_TYPES.items()}


def norm(text: str | None) -> str:
    """Normalise a name for comparison exactly as the reference scorer does.

    Example:
        >>> norm("The  Kılıçdaroğlu’s")
        "kilicdaroglu's"
    """
    folded = unicodedata.normalize("NFKD", text or "")
    folded = "".join(c for c in folded if not unicodedata.combining(c))
    folded = " ".join(folded.replace("ı", "i").casefold().replace("’", "'").split())
    return folded[4:] if folded.startswith("the ") else folded


def _name_ok(accepted: Iterable[str], side: Mapping[str, Any]) -> bool:
    label = norm(side.get("label", ""))
    topic = side.get("type") == "Topic"
    padded = f" {label} "
    for name in accepted:
        name = norm(name)
        # Topic labels are free phrases: a short accepted name ("US") inside one
        # would match far too much, hence the > 3 letters condition.
        if name == label or (topic and len(name) > 3 and f" {name} " in padded):
            return True
    return False


def _matches(gold: Mapping[str, Any], pred: Mapping[str, Any], by: Callable[[Any], Any]) -> bool:
    if gold["doc"] != pred["doc"] or by(gold["relation"]) != by(pred.get("relation")):
        return False
    subj, obj = pred.get("subject") or {}, pred.get("object") or {}
    if _name_ok(gold["subject"], subj) and _name_ok(gold["object"], obj):
        return True
    # As in the reference scorer, the gold relation decides symmetry (also when scoring by quad).
    return (
        gold["relation"] in SYMMETRIC
        and _name_ok(gold["subject"], obj)
        and _name_ok(gold["object"], subj)
    )


@dataclass(frozen=True, slots=True)
class _Outcome:
    tp_preds: list[dict[str, Any]]
    false_positives: list[dict[str, Any]]
    hit: set[int]
    required: list[dict[str, Any]]

    @property
    def prf(self) -> tuple[float, float, float]:
        return _prf(
            len(self.tp_preds), len(self.false_positives), len(self.hit), len(self.required)
        )


def _prf(tp: int, fp: int, found: int, required: int) -> tuple[float, float, float]:
    precision = tp / (tp + fp) if tp + fp else 0.0
    recall = found / required if required else 0.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    return precision, recall, f1


def _score(
    gold: list[dict[str, Any]], preds: list[dict[str, Any]], by: Callable[[Any], Any]
) -> _Outcome:
    required = [g for g in gold if not g.get("optional")]
    optional = [g for g in gold if g.get("optional")]
    hit: set[int] = set()
    tp_preds: list[dict[str, Any]] = []
    wrong: list[dict[str, Any]] = []
    for pred in preds:
        idx = [i for i, g in enumerate(required) if _matches(g, pred, by)]
        if idx:
            tp_preds.append(pred)
            hit.update(idx)
        elif not any(_matches(g, pred, by) for g in optional):
            wrong.append(pred)
    return _Outcome(tp_preds, wrong, hit, required)


def _scored_predictions(
    predicted: Iterable[Mapping[str, Any]], docs: set[str]
) -> list[dict[str, Any]]:
    """Keep asserted predictions of the scored documents, each relation once per document."""
    seen: set[tuple[Any, ...]] = set()
    unique: list[dict[str, Any]] = []
    for pred in predicted:
        if pred.get("doc") not in docs or pred.get("negated") or pred.get("hypothetical"):
            continue
        pair = (
            norm((pred.get("subject") or {}).get("label")),
            norm((pred.get("object") or {}).get("label")),
        )
        if pred.get("relation") in SYMMETRIC:
            pair = tuple(sorted(pair))  # type: ignore[assignment]
        key = (pred["doc"], pred.get("relation"), *pair)
        if key not in seen:
            seen.add(key)
            unique.append(dict(pred))
    return unique


@dataclass(frozen=True, slots=True)
class RelationRow:
    """Scores of one relation: ``tp`` counts predictions, ``gold`` required gold lines."""

    relation: str
    gold: int
    predicted: int
    tp: int
    precision: float
    recall: float
    f1: float


@dataclass(frozen=True, slots=True)
class ConfidenceRow:
    """Scores when only predictions with ``confidence >= threshold`` are kept."""

    threshold: float
    predicted: int
    precision: float
    recall: float


@dataclass(frozen=True, slots=True)
class EvalReport:
    """The result of :func:`evaluate`.

    Attributes:
        precision: micro precision over all scored documents.
        recall: micro recall (distinct required gold lines found).
        f1: harmonic mean of the two.
        quad_precision: precision when relations are compared only by quad.
        quad_recall: recall by quad.
        quad_f1: F1 by quad.
        gold_count: required gold lines of the scored documents.
        predicted_count: predictions scored (after filtering and de-duplication).
        docs: the scored document ids.
        per_relation: one row per relation seen in gold or predictions.
        by_confidence: one row per threshold of ``THRESHOLDS``.
        false_positives: predictions that match no gold line.
        misses: required gold lines that no prediction matched.
    """

    precision: float
    recall: float
    f1: float
    quad_precision: float
    quad_recall: float
    quad_f1: float
    gold_count: int
    predicted_count: int
    docs: list[str] = field(default_factory=list)
    per_relation: list[RelationRow] = field(default_factory=list)
    by_confidence: list[ConfidenceRow] = field(default_factory=list)
    false_positives: list[dict[str, Any]] = field(default_factory=list)
    misses: list[dict[str, Any]] = field(default_factory=list)


def load_gold(path: str | os.PathLike[str]) -> list[dict[str, Any]]:
    """Read a gold JSON Lines file (blank lines skipped).

    Raises:
        KgraphError: the file cannot be read, or a line is not a gold relation.
    """
    return _load_jsonl(Path(path), required=("doc", "subject", "relation", "object"))


def _load_jsonl(path: Path, *, required: tuple[str, ...]) -> list[dict[str, Any]]:
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as exc:
        raise KgraphError(f"{path}: cannot read ({exc}); check the path") from exc
    records = []
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            raise KgraphError(f"{path}:{number}: not JSON ({exc.msg}); fix the line") from exc
        missing = [key for key in required if key not in record]
        if not isinstance(record, dict) or missing:
            raise KgraphError(f"{path}:{number}: missing field(s) {', '.join(missing) or '?'}")
        records.append(record)
    return records


def _as_dict(pred: Relation | Mapping[str, Any]) -> dict[str, Any]:
    return pred.to_json() if isinstance(pred, Relation) else dict(pred)


def evaluate(
    gold: list[dict[str, Any]] | str | os.PathLike[str],
    predicted: Iterable[Relation | Mapping[str, Any]] | str | os.PathLike[str],
    *,
    docs: Iterable[str] | None = None,
) -> EvalReport:
    """Score predicted relations against gold relations.

    Args:
        gold: gold records, or the path of a gold JSON Lines file.
        predicted: ``Relation`` objects or their JSON dicts, or the path of a
            JSON Lines file as ``kgraph extract --format jsonl`` writes it.
        docs: score only these documents (default: every document the gold names).

    Returns:
        The scores, per-relation and per-confidence tables, false positives and misses.
    """
    gold_records = gold if isinstance(gold, list) else load_gold(gold)
    if isinstance(predicted, str | os.PathLike):
        predicted = _load_jsonl(Path(predicted), required=("doc",))
    scored_docs = set(docs) if docs is not None else {g["doc"] for g in gold_records}
    gold_records = [g for g in gold_records if g["doc"] in scored_docs]
    all_preds = [_as_dict(p) for p in predicted]
    preds = _scored_predictions(all_preds, scored_docs)

    exact = _score(gold_records, preds, lambda r: r)
    by_quad = _score(gold_records, preds, lambda r: _QUAD.get(r, r))
    precision, recall, f1 = exact.prf
    q_precision, q_recall, q_f1 = by_quad.prf
    return EvalReport(
        precision=precision,
        recall=recall,
        f1=f1,
        quad_precision=q_precision,
        quad_recall=q_recall,
        quad_f1=q_f1,
        gold_count=len(exact.required),
        predicted_count=len(preds),
        docs=sorted(scored_docs),
        per_relation=_per_relation(exact, preds),
        by_confidence=_by_confidence(gold_records, all_preds, scored_docs),
        false_positives=exact.false_positives,
        misses=[g for i, g in enumerate(exact.required) if i not in exact.hit],
    )


def _per_relation(outcome: _Outcome, preds: list[dict[str, Any]]) -> list[RelationRow]:
    names = {g["relation"] for g in outcome.required} | {p.get("relation") for p in preds}
    # Vocabulary order first, then any unknown names (typos in predictions) alphabetically.
    order = list(RELATION_TYPES) + sorted(str(n) for n in names if n not in RELATION_TYPES)
    rows = []
    for name in order:
        if name not in names:
            continue
        tp = sum(1 for p in outcome.tp_preds if p.get("relation") == name)
        fp = sum(1 for p in outcome.false_positives if p.get("relation") == name)
        found = sum(1 for i in outcome.hit if outcome.required[i]["relation"] == name)
        gold = sum(1 for g in outcome.required if g["relation"] == name)
        predicted = sum(1 for p in preds if p.get("relation") == name)
        rows.append(RelationRow(name, gold, predicted, tp, *_prf(tp, fp, found, gold)))
    return rows


def _by_confidence(
    gold: list[dict[str, Any]], preds: list[dict[str, Any]], docs: set[str]
) -> list[ConfidenceRow]:
    rows = []
    for threshold in THRESHOLDS:
        # Threshold before de-duplication: a duplicate with a higher confidence should survive.
        kept = [p for p in preds if float(p.get("confidence", 0.5)) >= threshold]
        unique = _scored_predictions(kept, docs)
        precision, recall, _ = _score(gold, unique, lambda r: r).prf
        rows.append(ConfidenceRow(threshold, len(unique), precision, recall))
    return rows


def _side(side: Any) -> str:
    return str((side or {}).get("label", "")) if isinstance(side, Mapping) else str(side)


def format_report(report: EvalReport, *, show: bool = False) -> str:
    """A readable text of a report; its first line matches ``score.py``'s last line.

    Args:
        report: what :func:`evaluate` returned.
        show: also list every false positive (with its evidence) and every miss.
    """
    lines = [
        f"micro P={report.precision:.3f} R={report.recall:.3f} "
        f"F1={report.f1:.3f} quadF1={report.quad_f1:.3f}",
        f"docs={len(report.docs)} gold={report.gold_count} pred={report.predicted_count} "
        f"quadP={report.quad_precision:.3f} quadR={report.quad_recall:.3f}",
        "",
        f"{'relation':<18} {'gold':>5} {'pred':>5} {'tp':>5} {'P':>6} {'R':>6} {'F1':>6}",
    ]
    for row in report.per_relation:
        lines.append(
            f"{row.relation:<18} {row.gold:>5} {row.predicted:>5} {row.tp:>5} "
            f"{row.precision:>6.3f} {row.recall:>6.3f} {row.f1:>6.3f}"
        )
    lines += ["", f"{'confidence>=':<12} {'pred':>5} {'P':>6} {'R':>6}"]
    for c in report.by_confidence:
        lines.append(f"{c.threshold:<12.1f} {c.predicted:>5} {c.precision:>6.3f} {c.recall:>6.3f}")
    if show:
        lines += ["", f"false positives ({len(report.false_positives)}):"]
        for p in report.false_positives:
            lines.append(
                f"FP {p.get('doc')}: {_side(p.get('subject'))} {p.get('relation')} "
                f"{_side(p.get('object'))}"
            )
            if p.get("evidence"):
                lines.append(f"    > {p['evidence']}")
        lines += ["", f"misses ({len(report.misses)}):"]
        for g in report.misses:
            lines.append(f"FN {g['doc']}: {g['subject'][0]} {g['relation']} {g['object'][0]}")
            if g.get("evidence"):
                lines.append(f"    > {g['evidence']}")
    return "\n".join(lines)
