"""The default assistant (real embedder) on the dev split: the summary is complete and well-formed.

No threshold on accuracy here: the numbers are the answerer's to improve, this checks the measuring.
"""
from __future__ import annotations

import pytest

from qa.evaluation import run_evaluation
from qa.evaluation.gold import load_gold

from conftest import GOLD

RATES = ["accuracy", "accuracy_answerable", "em", "f1", "refusal_rate", "false_refusal_rate",
         "hit@1", "hit@3", "hit@5", "mrr"]


@pytest.mark.integration
def test_real_assistant_on_the_dev_split(real_assistant):
    dev = load_gold([GOLD], "dev")
    result = run_evaluation(real_assistant, [GOLD], split="dev")
    summary = result.summary
    assert summary["n"] == len(dev) == 91
    assert summary["n_unanswerable"] == sum(q.type == "unanswerable" for q in dev)
    assert summary["n_retrieval"] == summary["n_answerable"]  # every answerable gold question has evidence
    for key in RATES:
        assert summary[key] is not None and 0.0 <= summary[key] <= 1.0, key
    assert summary["hit@1"] <= summary["hit@3"] <= summary["hit@5"]
    assert 0 < summary["latency_ms"]["p50"] <= summary["latency_ms"]["p95"]
    assert summary["answer_len_median"] > 0
    assert summary["errors"] == 0
    assert set(summary["by_type"]) == {q.type for q in dev}
    for kind, metrics in summary["by_type"].items():
        assert 0.0 <= metrics["accuracy"] <= 1.0, kind
    assert summary["config"]["embedder"] == "e5-small-q4" and summary["config"]["name"] == "hybrid"
