"""Run an assistant over gold questions and score every answer: `run_evaluation(assistant, gold_paths)`."""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol

from index.errors import PolicyQAError
from qa.types import Answer

from .gold import GoldQuestion, load_gold
from .metrics import (
    BOOTSTRAP_RESAMPLES,
    BOOTSTRAP_SEED,
    KS,
    Metrics,
    Prediction,
    aggregate,
    breakdown,
)
from .retrieval import cites_evidence, first_hit, is_hit, judgeable
from .scoring import exact_match, f1, is_correct

Progress = Callable[[int, int, str], None]  # (questions done, total, id of the last one)


class Answering(Protocol):
    """What is evaluated: the Assistant, or anything shaped like it (the LangChain baseline)."""

    settings: object

    def ask(self, question: str, history: list[str] | None = None, top_k: int | None = None) -> Answer: ...

    def document_text(self, name: str) -> str | None: ...


@dataclass
class EvalResult:
    predictions: list[Prediction]
    metrics: Metrics
    groups: dict[str, dict[str, Metrics]]  # "split" / "type" / "paraphrase" -> value -> metrics
    config: dict

    @property
    def summary(self) -> dict:
        """The `policyqa eval --json` object."""
        out = self.metrics.to_json()
        for name, group in self.groups.items():
            out[f"by_{name}"] = {key: metrics.to_json() for key, metrics in group.items()}
        out["config"] = self.config
        return out

    @property
    def failures(self) -> list[Prediction]:
        return [p for p in self.predictions if not p.correct]


def retrieval_k(settings) -> int:
    """hit@5 needs 5 chunks; with the default top_k (5) the answerer sees exactly what it sees in use."""
    return max(max(KS), settings.top_k)


def run_evaluation(assistant: Answering, gold_paths: list[Path], split: str = "all",
                   progress: Progress | None = None) -> EvalResult:
    questions = load_gold([Path(p) for p in gold_paths], split)
    result = evaluate_questions(assistant, questions, progress)
    result.config.update({"split": split, "gold": [str(p) for p in gold_paths]})
    return result


def evaluate_questions(assistant: Answering, questions: list[GoldQuestion],
                       progress: Progress | None = None) -> EvalResult:
    k = retrieval_k(assistant.settings)
    texts: dict[str, str | None] = {}
    predictions = []
    if questions:
        # Unscored: loading models and dictionaries on first use is start-up, not per-question latency.
        assistant.ask(questions[0].question, questions[0].history, top_k=k)
    for number, question in enumerate(questions, 1):
        try:
            answer = assistant.ask(question.question, question.history, top_k=k)
        except PolicyQAError:
            raise  # the user's to fix (an unreachable LLM, say): stop with its message
        except Exception as error:  # noqa: BLE001 - one crashing question must not void a whole run
            predictions.append(failed(question, error))
        else:
            if question.doc and question.doc not in texts:
                texts[question.doc] = assistant.document_text(question.doc)
            predictions.append(score(question, answer, texts.get(question.doc) if question.doc else None))
        if progress:
            progress(number, len(questions), question.id)
    return EvalResult(predictions, aggregate(predictions), breakdown(predictions), describe(assistant))


def score(question: GoldQuestion, answer: Answer, doc_text: str | None) -> Prediction:
    judged = judgeable(question)
    return Prediction(
        id=question.id, question=question.question, type=question.type,
        expected=list(question.answers), all_of=list(question.all_of),
        prediction=answer.answer, refused=answer.refused,
        correct=is_correct(question, answer.answer, answer.refused),
        em=exact_match(question, answer.answer, answer.refused),
        f1=f1(question, answer.answer, answer.refused),
        history=list(question.history), split=question.split, paraphrase=question.paraphrase,
        source=question.source, rewritten_question=answer.rewritten_question,
        confidence=float(answer.confidence), latency_ms=answer.timings.get("total"),
        judged_retrieval=judged,
        hit_rank=first_hit(answer.retrieved, question, doc_text) if judged else None,
        evidence=list(question.evidence), cited=list(answer.evidence),
        cites_evidence=cites_evidence(answer.citations, question, doc_text)
        if question.answerable and question.evidence and not answer.refused else None,
        retrieved=[{"rank": rank, "doc": c.doc, "section": c.section, "start": c.start, "end": c.end,
                    "score": c.score, "hit": judged and is_hit(c, question, doc_text), "text": c.text}
                   for rank, c in enumerate(answer.retrieved, 1)],
    )


def failed(question: GoldQuestion, error: Exception) -> Prediction:
    """A question the assistant raised an error on: wrong whatever its type, and the error kept for the report."""
    return Prediction(
        id=question.id, question=question.question, type=question.type,
        expected=list(question.answers), all_of=list(question.all_of), prediction="", refused=False,
        correct=False, em=0.0, f1=0.0, history=list(question.history), split=question.split,
        paraphrase=question.paraphrase, source=question.source, judged_retrieval=judgeable(question),
        evidence=list(question.evidence), error=f"{type(error).__name__}: {error}",
    )


def describe(assistant: Answering) -> dict:
    """What was measured, for reports (never secrets such as the LLM key)."""
    own = getattr(assistant, "eval_config", None)
    if callable(own):
        config = own()
    else:
        s = assistant.settings
        config = {
            "name": getattr(assistant, "mode", "hybrid"), "retrieval": getattr(assistant, "mode", "hybrid"),
            "chunker": "policyqa", "chunk_size": s.chunk_size, "top_k": s.top_k, "rrf_k": s.rrf_k,
            "refusal_threshold": s.refusal_threshold,
            "answerer": f"llm:{s.llm_model}" if s.llm_base_url else "extractive",
        }
    embeddings = getattr(assistant, "embeddings", None)
    config.setdefault("embedder", getattr(embeddings, "spec", type(embeddings).__name__))
    config["retrieval_k"] = retrieval_k(assistant.settings)
    config["bootstrap"] = {"resamples": BOOTSTRAP_RESAMPLES, "seed": BOOTSTRAP_SEED, "level": 0.95}
    config["warmup_questions"] = 1
    return config
