"""Was the evidence retrieved? Rank of the first retrieved chunk that holds it.

Judged by character spans rather than chunk ids, so the gold set stays valid when chunking changes
and configurations with other chunkers (the LangChain baseline) are measured the same way.
"""
from __future__ import annotations

from qa.types import Citation

from .gold import GoldQuestion
from .scoring import contains_answer


def occurrences(text: str, quote: str) -> list[tuple[int, int]]:
    """Every (start, end) of `quote` in `text`; a short quote may occur more than once."""
    spans, start = [], text.find(quote)
    while quote and start != -1:
        spans.append((start, start + len(quote)))
        start = text.find(quote, start + 1)
    return spans


def is_hit(chunk: Citation, question: GoldQuestion, doc_text: str | None) -> bool:
    """The chunk covers one evidence quote (by offsets, or holds it verbatim); without evidence,
    it contains an acceptable answer."""
    if question.evidence:
        for quote in question.evidence:
            if quote in chunk.text:
                return True
            if doc_text is not None and chunk.doc == question.doc:
                if any(chunk.start <= a and b <= chunk.end for a, b in occurrences(doc_text, quote)):
                    return True
        return False
    return contains_answer(question, chunk.text)


def cites_evidence(citations: list[Citation], question: GoldQuestion, doc_text: str | None) -> bool:
    """A sentence the answer cites overlaps an evidence quote: the answer is traceable to the line that
    states it, not merely right by chance or from a line that only repeats the question's words."""
    for cited in citations:
        for quote in question.evidence:
            if quote in cited.text or (cited.text.strip() and cited.text.strip() in quote):
                return True
            if doc_text is not None and cited.doc == question.doc and \
                    any(cited.start < b and a < cited.end for a, b in occurrences(doc_text, quote)):
                return True
    return False


def first_hit(retrieved: list[Citation], question: GoldQuestion, doc_text: str | None) -> int | None:
    """1-based rank of the first hit, None when no retrieved chunk is one."""
    for rank, chunk in enumerate(retrieved, 1):
        if is_hit(chunk, question, doc_text):
            return rank
    return None


def judgeable(question: GoldQuestion) -> bool:
    """Retrieval is scored for answerable questions that say what a hit is."""
    return question.answerable and bool(question.evidence or question.answers or question.all_of)
