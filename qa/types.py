"""Typed results of answering."""
from __future__ import annotations

from dataclasses import asdict, dataclass, field

REFUSAL = "根据现有文件无法回答这个问题。"


@dataclass(frozen=True)
class Citation:
    doc: str
    section: str
    chunk_id: str
    start: int  # character offsets into the document's text
    end: int
    text: str
    score: float


@dataclass
class Answer:
    answer: str
    refused: bool
    evidence: list[str]
    citations: list[Citation]
    rewritten_question: str
    question_type: str = "other"
    timings: dict[str, float] = field(default_factory=dict)  # milliseconds
    retrieved: list[Citation] = field(default_factory=list)  # chunks the answer was looked for in, best first
    confidence: float = 0.0  # evidence score the refusal threshold was compared with

    def to_json(self) -> dict:
        return {
            "answer": self.answer,
            "refused": self.refused,
            "rewritten_question": self.rewritten_question,
            "evidence": list(self.evidence),
            "citations": [asdict(c) for c in self.citations],
            "timings_ms": {k: round(v, 2) for k, v in self.timings.items()},
        }
