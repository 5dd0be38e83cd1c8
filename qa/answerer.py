"""Answerers: one method from a question and its retrieved chunks to a draft answer with evidence."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Protocol

from langchain_core.documents import Document

from . import document_facts, extractive, spans
from .retriever import as_document


@dataclass
class Draft:
    answer: str | None          # None: the documents do not say
    evidence: list[extractive.Scored]
    confidence: float           # compared with the refusal threshold


class Answerer(Protocol):
    def answer(self, question: str, kind: str, documents: list[Document], avoid: str | None = None) -> Draft:
        """`avoid`: a value already given in the conversation, which the answer should not repeat."""


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

    def answer(self, question: str, kind: str, documents: list[Document], avoid: str | None = None) -> Draft:
        documents = self._with_signature(question, documents)
        ranked = self.rank(question, documents)
        if avoid:  # the sentences stating it are set aside
            ranked = [s for s in ranked if avoid not in s.text]
        found = extractive.extract(question, kind, ranked, self.store.document_text)
        answer = found.answer
        if answer and found.evidence:
            answer = spans.whole_quotes(answer, found.evidence[0].text)
        return Draft(answer, found.evidence, found.confidence)

    def _with_signature(self, question: str, documents: list[Document]) -> list[Document]:
        """"这份办法是谁印发的" shares no words with the lines that sign the document, and "省《办法》
        是指哪份文件" few with the sentence that defines the short name, so retrieval rarely brings
        them: the chunk holding them is added."""
        for name in dict.fromkeys(d.metadata["doc"] for d in documents):
            text = self.store.document_text(name) or ""
            found = document_facts.document_fact(question, text)
            if found is None:
                continue
            at = text.find(found[1])
            if any(d.metadata["doc"] == name and d.metadata["start"] <= at < d.metadata["end"] for d in documents):
                return documents
            record = self.store.documents().get(name)
            for chunk in self.store.get_chunks(record.chunk_ids if record else []):
                if chunk.start <= at < chunk.end:
                    return [*documents, as_document(chunk)]
        return documents
