"""Per-question results and their aggregates (overall, per split, per type, paraphrase or not)."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
from statistics import median

import numpy as np

from .gold import TYPES

BOOTSTRAP_RESAMPLES = 1000
BOOTSTRAP_SEED = 2018  # fixed: the same predictions always give the same interval
KS = (1, 3, 5)


@dataclass
class Prediction:
    id: str
    question: str
    type: str
    expected: list[str]          # acceptable answers (any one suffices)
    all_of: list[str]            # items that must all appear
    prediction: str
    refused: bool
    correct: bool
    em: float
    f1: float
    history: list[str] = field(default_factory=list)
    split: str | None = None
    paraphrase: bool = False
    source: str = ""             # gold file name
    rewritten_question: str = ""
    confidence: float = 0.0
    latency_ms: float | None = None
    judged_retrieval: bool = False
    hit_rank: int | None = None  # 1-based rank of the first retrieved chunk holding the evidence
    evidence: list[str] = field(default_factory=list)   # gold quotes
    cited: list[str] = field(default_factory=list)      # what the answer cites
    cites_evidence: bool | None = None  # judged for answers given to answerable questions with evidence
    retrieved: list[dict] = field(default_factory=list)  # rank, doc, start, end, score, hit, text
    error: str | None = None  # the assistant raised this instead of answering

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"

    def to_json(self) -> dict:
        return asdict(self)


@dataclass
class Metrics:
    n: int
    n_answerable: int
    n_unanswerable: int
    n_retrieval: int
    accuracy: float | None
    accuracy_ci: tuple[float, float] | None
    accuracy_answerable: float | None
    em: float | None
    f1: float | None
    refusal_rate: float | None        # unanswerable questions refused
    false_refusal_rate: float | None  # answerable questions refused
    hits: dict[int, float | None]     # k -> share of judged questions with evidence in the top k
    mrr: float | None
    citation_accuracy: float | None   # answers given whose cited sentence overlaps the gold evidence
    latency_p50: float | None
    latency_p95: float | None
    answer_len_median: float | None   # characters, over answers given (refusals excluded)
    errors: int = 0                   # questions the assistant raised an error on (counted wrong)

    def to_json(self) -> dict:
        out = {
            "n": self.n, "n_answerable": self.n_answerable, "n_unanswerable": self.n_unanswerable,
            "accuracy": _r(self.accuracy),
            "accuracy_ci": [_r(x) for x in self.accuracy_ci] if self.accuracy_ci else None,
            "accuracy_answerable": _r(self.accuracy_answerable),
            "em": _r(self.em), "f1": _r(self.f1),
            "refusal_rate": _r(self.refusal_rate), "false_refusal_rate": _r(self.false_refusal_rate),
        }
        out.update({f"hit@{k}": _r(v) for k, v in self.hits.items()})
        out.update({
            "mrr": _r(self.mrr), "n_retrieval": self.n_retrieval,
            "citation_accuracy": _r(self.citation_accuracy),
            "latency_ms": {"p50": _r(self.latency_p50, 1), "p95": _r(self.latency_p95, 1)},
            "answer_len_median": self.answer_len_median, "errors": self.errors,
        })
        return out


def aggregate(predictions: list[Prediction]) -> Metrics:
    answerable = [p for p in predictions if p.answerable]
    unanswerable = [p for p in predictions if not p.answerable]
    judged = [p for p in answerable if p.judged_retrieval]
    latencies = [p.latency_ms for p in predictions if p.latency_ms is not None]
    lengths = [len(p.prediction) for p in predictions if not p.refused and p.error is None]
    correct = [float(p.correct) for p in predictions]
    return Metrics(
        n=len(predictions), n_answerable=len(answerable), n_unanswerable=len(unanswerable), n_retrieval=len(judged),
        accuracy=_mean(correct),
        accuracy_ci=bootstrap_ci(correct),
        accuracy_answerable=_mean([p.correct for p in answerable]),
        em=_mean([p.em for p in predictions]),
        f1=_mean([p.f1 for p in predictions]),
        refusal_rate=_mean([p.refused for p in unanswerable]),
        false_refusal_rate=_mean([p.refused for p in answerable]),
        hits={k: _mean([p.hit_rank is not None and p.hit_rank <= k for p in judged]) for k in KS},
        mrr=_mean([1.0 / p.hit_rank if p.hit_rank else 0.0 for p in judged]),
        citation_accuracy=_mean([p.cites_evidence for p in predictions if p.cites_evidence is not None]),
        latency_p50=float(np.percentile(latencies, 50)) if latencies else None,
        latency_p95=float(np.percentile(latencies, 95)) if latencies else None,
        answer_len_median=float(median(lengths)) if lengths else None,
        errors=sum(p.error is not None for p in predictions),
    )


def breakdown(predictions: list[Prediction]) -> dict[str, dict[str, Metrics]]:
    """Metrics per split (questions without one are in no split group), per type, per paraphrase."""
    by_split = {s: [p for p in predictions if p.split == s] for s in ("dev", "test")}
    types = [t for t in TYPES if any(p.type == t for p in predictions)]
    by_type = {t: [p for p in predictions if p.type == t] for t in types}
    by_paraphrase = {str(flag).lower(): [p for p in predictions if p.paraphrase is flag] for flag in (False, True)}
    return {
        "split": {k: aggregate(v) for k, v in by_split.items() if v},
        "type": {k: aggregate(v) for k, v in by_type.items()},
        "paraphrase": {k: aggregate(v) for k, v in by_paraphrase.items() if v},
    }


def bootstrap_ci(values: list[float], level: float = 0.95, resamples: int = BOOTSTRAP_RESAMPLES,
                 seed: int = BOOTSTRAP_SEED) -> tuple[float, float] | None:
    """Percentile bootstrap interval of the mean."""
    if not values:
        return None
    data = np.asarray(values, dtype=float)
    rng = np.random.default_rng(seed)
    means = data[rng.integers(0, len(data), size=(resamples, len(data)))].mean(axis=1)
    tail = (1 - level) / 2 * 100
    low, high = np.percentile(means, [tail, 100 - tail])
    return float(low), float(high)


def _mean(values) -> float | None:
    values = [float(v) for v in values]
    return sum(values) / len(values) if values else None


def _r(value: float | None, digits: int = 4) -> float | None:
    return None if value is None else round(value, digits)
