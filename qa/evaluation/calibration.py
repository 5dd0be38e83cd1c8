"""Choosing the refusal threshold: one run with threshold 0, then every threshold offline.

With threshold 0 the assistant refuses only when the answerer found nothing; any higher threshold
answers exactly the questions whose confidence reaches it. So one pass gives the whole curve.
"""
from __future__ import annotations

import json
import time
from dataclasses import asdict, dataclass
from pathlib import Path

from index.settings import CALIBRATION_FILE

from .metrics import Prediction


@dataclass(frozen=True)
class CurvePoint:
    threshold: float
    answered_correct: int  # answerable questions answered correctly
    correct_refusals: int  # unanswerable questions refused
    false_refusals: int    # answerable questions refused
    score: float           # (answered_correct + correct_refusals) / n


@dataclass(frozen=True)
class Calibration:
    threshold: float
    score: float
    n: int
    curve: list[CurvePoint]

    @property
    def best(self) -> CurvePoint:
        return next(p for p in self.curve if p.threshold == self.threshold)


def sweep(predictions: list[Prediction]) -> Calibration:
    """The threshold maximising correct answers plus correct refusals; ties go to the lowest threshold,
    which answers more. Candidates lie midway between observed confidences, away from both."""
    if not predictions:
        raise ValueError("no predictions to calibrate on")
    confidences = sorted({p.confidence for p in predictions if not p.refused})
    edges = [0.0, *confidences]
    candidates = [(a + b) / 2 for a, b in zip(edges, edges[1:])]
    top = confidences[-1] if confidences else 0.0
    candidates.append(max(top + 0.01, (top + 1) / 2))  # refuse everything
    curve = [point(predictions, t) for t in candidates]
    best = max(curve, key=lambda p: (p.score, -p.threshold))
    return Calibration(best.threshold, best.score, len(predictions), curve)


def point(predictions: list[Prediction], threshold: float) -> CurvePoint:
    answered_correct = correct_refusals = false_refusals = 0
    for p in predictions:
        answered = not p.refused and p.confidence >= threshold
        if not p.answerable:
            correct_refusals += not answered
        elif answered:
            answered_correct += p.correct  # with threshold 0, correct == the given answer holds the gold one
        else:
            false_refusals += 1
    return CurvePoint(round(threshold, 6), answered_correct, correct_refusals, false_refusals,
                      (answered_correct + correct_refusals) / len(predictions))


def save(calibration: Calibration, home: Path, gold: list[Path], split: str, extra: dict | None = None) -> Path:
    home = Path(home)
    home.mkdir(parents=True, exist_ok=True)
    path = home / CALIBRATION_FILE
    best = calibration.best
    record = {
        "refusal_threshold": calibration.threshold, "gold": [str(g) for g in gold], "split": split,
        "n": calibration.n, "score": round(calibration.score, 4),
        "answered_correct": best.answered_correct, "correct_refusals": best.correct_refusals,
        "false_refusals": best.false_refusals, "calibrated_at": time.strftime("%Y-%m-%dT%H:%M:%S"),
        **(extra or {}),
    }
    tmp = path.with_suffix(".tmp")
    tmp.write_text(json.dumps(record, ensure_ascii=False, indent=1), encoding="utf-8")
    tmp.replace(path)  # load_settings never reads half a file
    return path


def table_rows(calibration: Calibration, max_rows: int = 12) -> list[list[str]]:
    """The chosen threshold with its neighbours, and an even sample of the rest of the curve."""
    curve = calibration.curve
    at = curve.index(calibration.best)
    step = max(1, len(curve) // max_rows)
    shown = set(curve[max(at - 3, 0):at + 4]) | set(curve[::step]) | {curve[-1]}
    shown = sorted(shown, key=lambda p: p.threshold)
    return [[("→ " if p == calibration.best else "  ") + f"{p.threshold:.4f}", str(p.answered_correct),
             str(p.correct_refusals), str(p.false_refusals), f"{p.score:.3f}"] for p in shown]


TABLE_HEADER = ["threshold", "correct answers", "correct refusals", "false refusals", "score"]


def chart(calibration: Calibration, path: Path) -> Path:
    from .report import _figure

    unanswerable = calibration.curve[-1].correct_refusals  # the last point refuses everything
    answerable = max(calibration.n - unanswerable, 1)
    xs = [p.threshold for p in calibration.curve]
    figure, canvas = _figure((6, 3.5))
    axes = figure.add_subplot()
    axes.step(xs, [p.score for p in calibration.curve], where="post", label="score (accuracy)")
    axes.step(xs, [p.false_refusals / answerable for p in calibration.curve], where="post", label="false refusals")
    if unanswerable:
        axes.step(xs, [p.correct_refusals / unanswerable for p in calibration.curve], where="post",
                  label="unanswerable refused")
    axes.axvline(calibration.threshold, color="black", linestyle="--", label=f"chosen {calibration.threshold:.3f}")
    axes.set_xlabel("refusal threshold (evidence confidence)")
    axes.set_ylim(0, 1.05)
    axes.legend(loc="center left", fontsize=8)
    figure.tight_layout()
    canvas.print_png(str(path))
    return path


def as_json(calibration: Calibration) -> dict:
    return {"threshold": calibration.threshold, "score": calibration.score, "n": calibration.n,
            "curve": [asdict(p) for p in calibration.curve]}
