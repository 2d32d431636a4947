"""Tests of kgraph.evaluate: every matching rule by hand, then agreement with tools/score.py."""

from __future__ import annotations

import json
import random
import re
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from kgraph.errors import KgraphError
from kgraph.evaluate import evaluate, format_report, load_gold, norm
from kgraph.model import Relation
from kgraph.relation_types import RELATION_TYPES

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
SCORE_PY = SHARED / "tools" / "score.py"
GOLD_FILES = [SHARED / "gold" / "wikinews-dev.jsonl", SHARED / "gold" / "seed.jsonl"]


def g(doc: str, subj: list[str], rel: str, obj: list[str], optional: bool = False) -> dict:
    return {"doc": doc, "subject": subj, "relation": rel, "object": obj, "optional": optional}


def p(
    doc: str,
    subj: str,
    rel: str,
    obj: str,
    *,
    stype: str = "Country",
    otype: str = "Country",
    conf: float = 0.5,
    **flags: Any,
) -> dict:
    return {
        "doc": doc,
        "subject": {"label": subj, "type": stype},
        "relation": rel,
        "object": {"label": obj, "type": otype},
        "confidence": conf,
        "evidence": f"{subj} {rel} {obj}.",
        **flags,
    }


GOLD = [
    g("d1", ["Recep Tayyip Erdoğan", "Erdoğan"], "leader-of", ["Türkiye", "Turkey"]),  # G1
    g("d1", ["Kemal Kılıçdaroğlu"], "accuses", ["Russia"]),  # G2
    g("d1", ["Dmitry Peskov"], "denies", ["interference"]),  # G3
    g("d1", ["Türkiye"], "friends-with", ["Russia"]),  # G4
    g("d2", ["Peskov"], "rejects", ["war"]),  # G5: a 3-letter name
    g("d2", ["Kremlin"], "meets", ["Nation Alliance"], optional=True),  # G6
    g("d2", ["The European Union", "EU"], "sanctions", ["Russia"]),  # G7
]

PRED = [
    # diacritics, case and a leading "the" → G1
    p("d1", "the Recep Tayyip Erdogan", "leader-of", "TURKIYE", stype="Person", conf=0.95),
    # dotless ı → i → G2
    p("d1", "kemal kilicdaroglu", "accuses", "Russia", stype="Person", conf=0.6),
    # the same again (counts once; the copy has a higher confidence)
    p("d1", "Kemal Kılıçdaroğlu", "accuses", "Russia", stype="Person", conf=0.8),
    # topic containment → G3
    p(
        "d1",
        "Dmitry Peskov",
        "denies",
        "interference of Russia in the Turkish elections",
        stype="Person",
        otype="Topic",
        conf=0.9,
    ),
    # symmetric relation in the other order → G4, and its duplicate in gold order
    p("d1", "Russia", "friends-with", "Türkiye", conf=0.75),
    p("d1", "Türkiye", "friends-with", "Russia", conf=0.95),
    # not symmetric: the other order is wrong → FP
    p("d1", "Russia", "accuses", "Kemal Kılıçdaroğlu", otype="Person", conf=0.55),
    # "war" has 3 letters: no containment → FP
    p("d2", "Peskov", "rejects", "the war in Ukraine", stype="Person", otype="Topic", conf=0.4),
    # matches only an optional line: neither TP nor FP
    p("d2", "Kremlin", "meets", "Nation Alliance", conf=0.5),
    # negated and hypothetical predictions are dropped → G7 is missed
    p("d2", "EU", "sanctions", "Russia", conf=0.99, negated=True),
    p("d2", "European Union", "sanctions", "Russia", conf=0.99, hypothetical=True),
    # a document the gold file does not name is not scored
    p("d3", "EU", "sanctions", "Russia", conf=0.99),
    # relation mismatch → FP (but the same quad as G2)
    p("d1", "Kemal Kılıçdaroğlu", "criticizes", "Russia", stype="Person", conf=0.9),
]


def test_norm_follows_the_reference() -> None:
    assert norm("The Kılıçdaroğlu") == "kilicdaroglu"
    assert norm("  TÜRKİYE ") == "turkiye"
    assert norm("Kremlin’s  line") == "kremlin's line"
    assert norm("Theresa May") == "theresa may"  # only a whole leading word "the"
    assert norm(None) == ""


def test_every_rule_by_hand() -> None:
    report = evaluate(GOLD, PRED)
    assert report.gold_count == 6  # the optional line is not required
    assert report.predicted_count == 8  # 13 - 2 duplicates - negated - hypothetical - d3
    assert report.docs == ["d1", "d2"]
    assert report.precision == pytest.approx(4 / 7)
    assert report.recall == pytest.approx(4 / 6)
    assert report.f1 == pytest.approx(16 / 26)
    # by quad, "criticizes" matches "accuses": one more TP, no new gold found
    assert report.quad_precision == pytest.approx(5 / 7)
    assert report.quad_recall == pytest.approx(4 / 6)
    assert report.quad_f1 == pytest.approx(20 / 29)
    fps = {
        (f["subject"]["label"], f["relation"], f["object"]["label"]) for f in report.false_positives
    }
    assert fps == {
        ("Russia", "accuses", "Kemal Kılıçdaroğlu"),
        ("Peskov", "rejects", "the war in Ukraine"),
        ("Kemal Kılıçdaroğlu", "criticizes", "Russia"),
    }
    assert [m["relation"] for m in report.misses] == ["rejects", "sanctions"]


def test_per_relation_rows() -> None:
    rows = {r.relation: r for r in evaluate(GOLD, PRED).per_relation}
    assert list(rows) == [
        "friends-with",
        "meets",
        "criticizes",
        "accuses",
        "denies",
        "rejects",
        "sanctions",
        "leader-of",
    ]  # vocabulary order
    acc = rows["accuses"]
    assert (acc.gold, acc.predicted, acc.tp, acc.precision, acc.recall) == (1, 2, 1, 0.5, 1.0)
    assert acc.f1 == pytest.approx(2 / 3)
    assert (rows["meets"].gold, rows["meets"].predicted, rows["meets"].tp) == (0, 1, 0)
    assert rows["meets"].precision == 0.0  # optional match: nothing scored
    assert (rows["sanctions"].gold, rows["sanctions"].predicted, rows["sanctions"].recall) == (
        1,
        0,
        0.0,
    )
    assert sum(r.tp for r in rows.values()) == 4
    assert sum(r.gold for r in rows.values()) == 6


def test_by_confidence_rows() -> None:
    rows = evaluate(GOLD, PRED).by_confidence
    got = [(r.threshold, r.predicted, round(r.precision, 3), round(r.recall, 3)) for r in rows]
    assert got == [(0.5, 7, 0.667, 0.667), (0.7, 5, 0.8, 0.667), (0.9, 4, 0.75, 0.5)]


def test_docs_filter_and_relation_objects() -> None:
    rel = Relation.from_json(
        PRED[0]
        | {
            "subject": {"id": "x", "label": "Erdoğan", "type": "Person"},
            "object": {"id": "y", "label": "Turkey", "type": "Country"},
        }
    )
    report = evaluate(GOLD, [rel], docs=["d1"])
    assert (report.gold_count, report.predicted_count, report.precision) == (4, 1, 1.0)
    assert report.recall == pytest.approx(0.25)


def test_nothing_predicted_gives_zeros() -> None:
    report = evaluate(GOLD, [])
    assert (report.precision, report.recall, report.f1, report.quad_f1) == (0.0, 0.0, 0.0, 0.0)
    assert len(report.misses) == 6


def test_files_and_format(tmp_path: Path) -> None:
    gold_path = tmp_path / "gold.jsonl"
    gold_path.write_text("\n".join(json.dumps(x) for x in GOLD) + "\n\n", encoding="utf-8")
    pred_path = tmp_path / "pred.jsonl"
    pred_path.write_text("\n".join(json.dumps(x) for x in PRED), encoding="utf-8")
    assert load_gold(gold_path) == GOLD
    report = evaluate(str(gold_path), pred_path)
    assert report == evaluate(GOLD, PRED)
    text = format_report(report)
    assert text.splitlines()[0] == "micro P=0.571 R=0.667 F1=0.615 quadF1=0.690"
    assert "accuses" in text and "confidence" in text and "FP " not in text
    shown = format_report(report, show=True)
    assert "FP d2: Peskov rejects the war in Ukraine" in shown
    assert "    > Peskov rejects the war in Ukraine." in shown
    assert "FN d2: The European Union sanctions Russia" in shown


def test_bad_gold_file(tmp_path: Path) -> None:
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"doc": "d1"}\nnot json\n', encoding="utf-8")
    with pytest.raises(KgraphError, match=r"bad.jsonl:1: missing field"):
        load_gold(bad)
    bad.write_text("not json\n", encoding="utf-8")
    with pytest.raises(KgraphError, match=r"bad.jsonl:1: not JSON"):
        load_gold(bad)
    with pytest.raises(KgraphError, match="cannot read"):
        load_gold(tmp_path / "missing.jsonl")


# --- agreement with the reference scorer -----------------------------------------------------

_WRONG_NAMES = ["Germany", "Vladimir Putin", "NATO", "the opposition", "Iran"]


def _perturb(name: str, rng: random.Random) -> str:
    choice = rng.randrange(6)
    if choice == 0:
        return name.upper()
    if choice == 1:
        return "the " + name
    if choice == 2:
        return name.replace("ğ", "g").replace("ı", "i").replace("ü", "u")
    if choice == 3:
        return rng.choice(_WRONG_NAMES)
    return name


def _side(names: list[str], rng: random.Random) -> dict:
    name = _perturb(rng.choice(names), rng)
    if rng.random() < 0.15:  # a topic phrase around the name (containment rule)
        return {
            "label": f"{rng.choice(['claims of', 'the'])} {name} {rng.choice(['talks', ''])}",
            "type": "Topic",
        }
    return {"label": name, "type": rng.choice(["Country", "Person", "Topic"])}


def _random_predictions(gold: list[dict], rng: random.Random) -> list[dict]:
    relations = list(RELATION_TYPES)
    docs = sorted({x["doc"] for x in gold})
    preds = []
    for line in gold:
        if rng.random() < 0.25:  # dropped
            continue
        subj, obj = _side(line["subject"], rng), _side(line["object"], rng)
        if rng.random() < 0.2:
            subj, obj = obj, subj
        rel = line["relation"] if rng.random() < 0.75 else rng.choice(relations)
        pred = {
            "doc": line["doc"],
            "subject": subj,
            "relation": rel,
            "object": obj,
            "confidence": round(rng.random(), 2),
            "negated": rng.random() < 0.07,
            "hypothetical": rng.random() < 0.07,
        }
        preds.append(pred)
        if rng.random() < 0.15:  # a duplicate
            preds.append(dict(pred))
    for _ in range(len(gold) // 4):  # spurious relations, some in unknown documents
        preds.append(
            {
                "doc": rng.choice([*docs, "not-a-gold-doc"]),
                "subject": {"label": rng.choice(_WRONG_NAMES), "type": "Country"},
                "relation": rng.choice(relations),
                "object": {"label": rng.choice(_WRONG_NAMES), "type": "Person"},
            }
        )
    rng.shuffle(preds)
    return preds


def _reference(gold_path: Path, pred_path: Path, *extra: str) -> tuple[str, ...]:
    out = subprocess.run(
        [sys.executable, str(SCORE_PY), str(gold_path), str(pred_path), *extra],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    match = re.search(r"micro P=([\d.]+) R=([\d.]+) F1=([\d.]+) quadF1=([\d.]+)", out)
    assert match, out
    return match.groups()


@pytest.mark.skipif(not SCORE_PY.exists(), reason=f"reference scorer not found at {SCORE_PY}")
@pytest.mark.parametrize("seed", [7, 2024])
def test_agrees_with_reference_scorer(tmp_path: Path, seed: int) -> None:
    gold = [line for path in GOLD_FILES if path.exists() for line in load_gold(path)]
    if not gold:
        pytest.skip(f"no gold files under {SHARED / 'gold'}")
    rng = random.Random(seed)
    preds = _random_predictions(gold, rng)
    gold_path, pred_path = tmp_path / "gold.jsonl", tmp_path / "pred.jsonl"
    gold_path.write_text("".join(json.dumps(x) + "\n" for x in gold), encoding="utf-8")
    pred_path.write_text("".join(json.dumps(x) + "\n" for x in preds), encoding="utf-8")

    report = evaluate(gold_path, preds)
    ours = tuple(f"{x:.3f}" for x in (report.precision, report.recall, report.f1, report.quad_f1))
    assert ours == _reference(gold_path, pred_path)
    assert 0.1 < report.precision < 0.95  # the perturbations must leave something to disagree on

    some_docs = sorted({x["doc"] for x in gold})[::3]
    report = evaluate(gold, preds, docs=some_docs)
    ours = tuple(f"{x:.3f}" for x in (report.precision, report.recall, report.f1, report.quad_f1))
    assert ours == _reference(gold_path, pred_path, "--docs", ",".join(some_docs))
