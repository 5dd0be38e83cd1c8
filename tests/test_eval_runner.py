"""run_evaluation over the fake-embedder assistant, the report files, errors, the calibration sweep."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from index.errors import LLMError
from qa.evaluation import run_evaluation, write_report
from qa.evaluation.calibration import point, sweep
from qa.evaluation.gold import TYPES
from qa.evaluation.metrics import Prediction
from qa.types import REFUSAL, Answer

from conftest import ARTICLE, GOLD, ROOT

SUMMARY_KEYS = {"n", "accuracy", "em", "f1", "refusal_rate", "false_refusal_rate", "hit@1", "hit@3", "hit@5",
                "mrr", "citation_accuracy", "latency_ms", "answer_len_median", "by_type", "config"}
RATES = ["accuracy", "accuracy_answerable", "em", "f1", "refusal_rate", "false_refusal_rate",
         "hit@1", "hit@3", "hit@5", "mrr", "citation_accuracy"]


@pytest.fixture
def subset(tmp_path):
    """Ten questions of the project gold set, every kind represented."""
    wanted = {"q001", "q008", "q024", "q041", "q060", "q081", "q102", "q109", "q122", "q130"}
    rows = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] in wanted]
    rows.append(json.dumps({"id": "u1", "question": "比特币的发明者是谁？", "type": "unanswerable", "answers": [],
                            "split": "dev"}, ensure_ascii=False))
    path = tmp_path / "subset.qa.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def test_summary_of_the_dev_split(fake_assistant):
    calls = []
    result = run_evaluation(fake_assistant, [GOLD], split="dev", progress=lambda *a: calls.append(a))
    summary = result.summary
    assert SUMMARY_KEYS <= set(summary)
    assert summary["n"] == 91 and summary["n_answerable"] + summary["n_unanswerable"] == 91
    for key in RATES:
        assert 0.0 <= summary[key] <= 1.0, key
    low, high = summary["accuracy_ci"]
    assert low <= summary["accuracy"] <= high
    assert summary["latency_ms"]["p50"] <= summary["latency_ms"]["p95"]
    assert set(summary["by_type"]) <= set(TYPES) and sum(v["n"] for v in summary["by_type"].values()) == 91
    assert set(summary["by_split"]) == {"dev"}
    assert set(summary["by_paraphrase"]) == {"true", "false"}
    assert summary["config"]["split"] == "dev" and summary["config"]["retrieval_k"] == 5
    assert len(calls) == 91 and calls[-1][:2] == (91, 91) and calls[0] == (1, 91, "q001")
    json.dumps(summary)  # what --json prints must serialise


def test_failures_are_the_wrong_predictions(fake_assistant, subset):
    result = run_evaluation(fake_assistant, [subset])
    assert result.failures == [p for p in result.predictions if not p.correct]
    for p in result.predictions:
        assert p.correct == (p.refused if p.type == "unanswerable" else (not p.refused and p.correct))
        assert len(p.retrieved) == 5 and [r["rank"] for r in p.retrieved] == [1, 2, 3, 4, 5]
        if p.judged_retrieval and p.hit_rank:
            assert p.retrieved[p.hit_rank - 1]["hit"] and not any(r["hit"] for r in p.retrieved[:p.hit_rank - 1])
        # judged exactly for answers given to answerable questions with gold evidence
        assert (p.cites_evidence is None) == (p.type == "unanswerable" or p.refused or not p.evidence)
    unanswerable = next(p for p in result.predictions if p.id == "u1")
    assert not unanswerable.judged_retrieval and unanswerable.hit_rank is None


def test_report_files(fake_assistant, subset, tmp_path):
    result = run_evaluation(fake_assistant, [subset])
    written = write_report(result, tmp_path / "out")
    assert sorted(p.name for p in written) == ["accuracy_by_type.png", "latency.png", "predictions.jsonl",
                                               "report.md", "summary.json"]
    for png in (tmp_path / "out").glob("*.png"):
        assert png.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    lines = (tmp_path / "out" / "predictions.jsonl").read_text(encoding="utf-8").splitlines()
    assert len(lines) == 11
    first = json.loads(lines[0])
    assert {"question", "prediction", "correct", "expected", "retrieved", "evidence", "hit_rank"} <= set(first)
    report = (tmp_path / "out" / "report.md").read_text(encoding="utf-8")
    assert f"## Failures ({len(result.failures)} of 11)" in report
    for failure in result.failures:
        assert f"### {failure.id} · {failure.type}" in report
    assert json.loads((tmp_path / "out" / "summary.json").read_text(encoding="utf-8"))["n"] == 11
    assert "cites_evidence" in first
    untraced = [p for p in result.predictions if p.correct and p.cites_evidence is False]
    assert f"## Correct answers citing another sentence ({len(untraced)})" in report


def test_report_lists_correct_answers_that_cite_another_sentence():
    from qa.evaluation.metrics import aggregate, breakdown
    from qa.evaluation.report import markdown
    from qa.evaluation.runner import EvalResult

    def made(id, correct, cites):
        return Prediction(id=id, question="深圳计划到2022年数字经济产业增加值突破多少？", type="number",
                          expected=["2400亿元"], all_of=[], prediction="2400亿元", refused=False, correct=correct,
                          em=1.0, f1=1.0, evidence=["突破2400亿元"], cited=["另一句话"], cites_evidence=cites)
    predictions = [made("traced", True, True), made("untraced", True, False), made("wrong", False, False)]
    report = markdown(EvalResult(predictions, aggregate(predictions), breakdown(predictions), {}), [])
    section = report.split("## Correct answers citing another sentence (1)")[1]
    assert "### untraced · number" in section and "### traced" not in section and "### wrong" not in section


class Scripted:
    """An assistant stand-in: answers from a table, raises for some questions."""

    def __init__(self, settings, answers: dict[str, str | Exception]):
        self.settings, self.answers = settings, answers

    def ask(self, question, history=None, top_k=None) -> Answer:
        reply = self.answers.get(question, REFUSAL)
        if isinstance(reply, Exception):
            raise reply
        return Answer(reply, reply == REFUSAL, [], [], question, timings={"total": 1.0}, confidence=0.5)

    def document_text(self, name):
        return ARTICLE.read_text(encoding="utf-8")


def gold_file(tmp_path, *rows):
    path = tmp_path / "g.qa.jsonl"
    path.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in rows) + "\n", encoding="utf-8")
    return path


def test_a_question_that_crashes_is_recorded_and_counted_wrong(settings, tmp_path):
    path = gold_file(tmp_path, {"id": "a", "question": "甲？", "type": "number", "answers": ["2条"]},
                     {"id": "b", "question": "乙？", "type": "number", "answers": ["1"]},
                     {"id": "c", "question": "丙？", "type": "unanswerable"})
    result = run_evaluation(Scripted(settings, {"甲？": "两条", "乙？": "1", "丙？": ValueError("boom")}), [path])
    assert [(p.id, p.correct, p.error) for p in result.predictions] == [
        ("a", True, None), ("b", True, None), ("c", False, "ValueError: boom")]
    assert result.summary["errors"] == 1 and result.metrics.accuracy == pytest.approx(2 / 3)


def test_user_errors_stop_the_run(settings, tmp_path):
    path = gold_file(tmp_path, {"id": "a", "question": "甲？", "type": "number", "answers": ["1"]})
    with pytest.raises(LLMError):
        run_evaluation(Scripted(settings, {"甲？": LLMError("the LLM endpoint is unreachable")}), [path])


# --- calibration sweep -------------------------------------------------------------------------------
def p(confidence, correct, type="number", refused=False) -> Prediction:
    return Prediction(id="x", question="？", type=type, expected=[], all_of=[], prediction="", refused=refused,
                      correct=correct, em=0, f1=0, confidence=confidence)


def test_sweep_picks_the_threshold_with_most_correct_answers_and_refusals():
    predictions = [p(0.8, True), p(0.3, False), p(0.2, False, "unanswerable"), p(0.5, False, "unanswerable"),
                   p(0.0, False, refused=True)]
    calibration = sweep(predictions)
    assert calibration.threshold == pytest.approx(0.65)  # midway between 0.5 and 0.8
    assert calibration.score == pytest.approx(3 / 5)
    best = calibration.best
    assert (best.answered_correct, best.correct_refusals, best.false_refusals) == (1, 2, 2)
    assert [round(c.threshold, 3) for c in calibration.curve] == [0.1, 0.25, 0.4, 0.65, 0.9]


def test_sweep_prefers_the_lower_threshold_on_a_tie():
    predictions = [p(0.8, True), p(0.4, True), p(0.6, False, "unanswerable")]
    # 0.2: 2 + 0 ; 0.5: 1 + 1 ; 0.7: 1 + 1 ; 0.9: 0 + 1 -> 0.2 wins outright
    assert sweep(predictions).threshold == pytest.approx(0.2)
    tied = [p(0.8, True), p(0.4, True), p(0.6, False, "unanswerable"), p(0.3, False, "unanswerable")]
    # 0.15: 2+0 ; 0.35: 2+1 ; 0.5: 1+1 ; 0.7: 1+2 ; 0.9: 0+2 -> 0.35 and 0.7 tie, the lower wins
    assert sweep(tied).threshold == pytest.approx(0.35)
    assert point(tied, 0.7).score == point(tied, 0.35).score


def test_the_package_import_is_light():
    code = ("import sys, qa.evaluation; heavy = [m for m in ('numpy', 'matplotlib', 'chromadb', "
            "'langchain_text_splitters', 'cn2an') if m in sys.modules]; print(heavy)")
    run = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert run.stdout.strip() == "[]", run.stderr
