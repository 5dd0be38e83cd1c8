"""Answerers: one method from a question and its retrieved chunks to a draft answer with evidence."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from langchain_core.documents import Document

from . import extractive, spans


@dataclass
class Draft:
    answer: str | None          # None: the documents do not say
    evidence: list[extractive.Scored]
    confidence: float           # compared with the refusal threshold


class Answerer(Protocol):
    def answer(self, question: str, kind: str, documents: list[Document]) -> Draft: ...


class ExtractiveAnswerer:
    """Needs no LLM: sentence scoring over stored sentence vectors, then a typed span."""

    def __init__(self, store, lexical_fn) -> None:
        self.store = store
        self.lexical_fn = lexical_fn

    def rank(self, question: str, documents: list[Document]) -> list[extractive.Scored]:
        """The sentences of the retrieved chunks, best first."""
        vectors = self.store.sentence_vectors([d.metadata["chunk_id"] for d in documents])
        question_vector = self.store.embeddings.embed_query(question)
        return extractive.score_sentences(question, documents, question_vector, vectors, self.lexical_fn().idf)

    def answer(self, question: str, kind: str, documents: list[Document]) -> Draft:
        found = extractive.extract(question, kind, self.rank(question, documents), self.store.document_text)
        answer = found.answer
        if answer and found.evidence:
            answer = spans.whole_quotes(answer, found.evidence[0].text)
        return Draft(answer, found.evidence, found.confidence)
