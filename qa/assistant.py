"""The assistant: one pipeline (rewrite, retrieve, answer, cite or refuse) behind CLI, UI and API."""
from __future__ import annotations

import threading
import time
from functools import cached_property
from pathlib import Path
from typing import NamedTuple

from index import lexical
from index.embeddings import load_embeddings
from index.errors import EmptyQuestion, IndexEmpty
from index.settings import Settings, load_settings
from index.store import Store
from index.sync import IngestReport, Progress, ingest

from .answerer import Answerer, Draft, ExtractiveAnswerer
from .follow_up import is_follow_up, rewrites
from .passage import bare
from .question import QUESTION_WORD, pos_tags, question_kind
from .retriever import HybridRetriever
from .types import REFUSAL, Answer, Citation


class Assistant:
    def __init__(self, settings: Settings, embeddings=None, answerer: Answerer | None = None,
                 mode: str = "hybrid") -> None:
        self.settings = settings
        lexical.keep_jieba_cache_in(Path(settings.home))
        self.embeddings = embeddings or load_embeddings(settings.embedder, settings.threads)
        self.store = Store(settings, self.embeddings)
        self.mode = mode
        self._answerer = answerer
        # Web-server threads ask while an upload or delete may run: index changes and the BM25
        # rebuild they cause happen one at a time.
        self._write_lock = threading.RLock()

    @classmethod
    def from_settings(cls, settings: Settings | None = None, **kwargs) -> "Assistant":
        return cls(settings or load_settings(), **kwargs)

    # --- the parts, built on first use ---------------------------------------------------------
    @cached_property
    def retriever(self) -> HybridRetriever:
        return HybridRetriever(store=self.store, lexical=self.lexical_index, k=self.settings.top_k,
                               rrf_k=self.settings.rrf_k, mode=self.mode)

    @cached_property
    def answerer(self) -> Answerer:
        if self._answerer is not None:
            return self._answerer
        if self.settings.llm_base_url:
            from .llm import LLMAnswerer

            return LLMAnswerer(self.settings, ranker=ExtractiveAnswerer(self.store, self.lexical_index))
        return ExtractiveAnswerer(self.store, self.lexical_index)

    def lexical_index(self) -> lexical.LexicalIndex:
        """BM25 matching the store's current chunks (rebuilt only when they changed)."""
        with self._write_lock:
            ids = [i for record in self.store.documents().values() for i in record.chunk_ids]
            key = lexical.fingerprint(ids)
            cached = self.__dict__.get("_lexical")
            if cached is None or cached[0] != key:
                index = lexical.load_or_build(Path(self.settings.home) / "bm25", self.store.all_chunks, ids)
                self.__dict__["_lexical"] = cached = (key, index)
            return cached[1]

    # --- documents ------------------------------------------------------------------------------
    def ingest(self, paths: list[Path], prune: bool = False, reset: bool = False,
               progress: Progress | None = None) -> IngestReport:
        with self._write_lock:
            report = ingest(self.store, [Path(p) for p in paths], self.settings.chunk_size, prune, reset, progress)
            self.lexical_index()  # rebuild BM25 now, not during the next question
            return report

    def ensure_index(self, progress: Progress | None = None) -> IngestReport | None:
        """Build the index from the corpus folder if it is empty; None if there was nothing to do."""
        self.store.check()
        with self._write_lock:
            if self.store.documents():
                return None
            return self.ingest([self.settings.corpus_dir], progress=progress)

    def documents(self):
        return self.store.documents()

    def delete_document(self, name: str) -> bool:
        with self._write_lock:
            deleted = self.store.delete_document(name)
            self.lexical_index()
            return deleted

    def document_text(self, name: str) -> str | None:
        return self.store.document_text(name)

    # --- answering ------------------------------------------------------------------------------
    def ask(self, question: str, history: list[str] | None = None, top_k: int | None = None) -> Answer:
        question = (question or "").strip()
        if not question:
            raise EmptyQuestion()
        if not self.store.documents():
            raise IndexEmpty()
        history = [h.strip() for h in (history or []) if h and h.strip()]
        timings: dict[str, float] = {}
        best = None
        earlier = self._previous_answer(history, top_k) if history and is_follow_up(question) else None
        previous = earlier.answer if earlier else None
        readings = rewrites(question, history, previous)
        # Last, the follow-up on its own words ("那老项目最长能执行到投产满多少年？" needs no previous
        # question): when every reading gave the previous answer back, or none answered and it has
        # words enough to be asked alone.
        own_words = [question] if question not in readings else []
        for reading in readings + own_words:
            if reading in own_words and not (best.repeated or (_unanswered(best.draft, self.settings.refusal_threshold)
                                                               and _has_own_words(question))):
                break
            kind = question_kind(question)
            # "那软件业务收入呢？" asks what the question it stands for asks; "那投诉时要带什么材料？" asks
            # for itself, whatever the previous question asked (多长时间)
            if kind == "descriptive" and reading != question and not QUESTION_WORD.search(question):
                kind = question_kind(reading)
            started = time.perf_counter()
            documents = self.retriever.invoke(reading, k=top_k or self.settings.top_k)
            timings["retrieval"] = timings.get("retrieval", 0.0) + (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            draft = self.answerer.answer(reading, kind, documents)
            timings["answer"] = timings.get("answer", 0.0) + (time.perf_counter() - started) * 1000
            # A follow-up asks something new: a reading answered with what the previous question was
            # answered with ("那老项目呢？" → the new projects' 12年 again) found the old evidence.
            # (The same value read from another sentence is an answer: both rules may set 2020年底前.)
            repeated = draft.answer is not None and _repeats(draft.answer, previous) and \
                _same_sentence(draft, earlier)
            # "那干脆没跟游客签合同呢，罚多少？" read well still found the old value first: the answer is
            # sought again without the sentences stating it (a short value only: a long answer
            # may well hold the new one).
            if repeated and len(previous) <= _SHORT_VALUE:
                again = self.answerer.answer(reading, kind, documents, avoid=previous)
                if again.answer is not None and not _repeats(again.answer, previous):
                    draft, repeated = again, False
            # Readings come most likely first; a later one is tried only when the earlier found nothing
            # (comparing confidences would favour readings that merely repeat the previous question).
            if best is None or (best.draft.answer is None or best.repeated) and draft.answer is not None and not repeated:
                best = _Reading(reading, draft, documents, kind, repeated)
            if draft.answer is not None and not repeated and draft.confidence >= self.settings.refusal_threshold:
                break
        rewritten, draft, documents, kind, _ = best
        timings["total"] = timings["retrieval"] + timings["answer"]
        retrieved = [_citation(d.metadata, d.page_content, d.metadata["start"], d.metadata["end"], d.metadata["score"])
                     for d in documents]
        refused = draft.answer is None or draft.confidence < self.settings.refusal_threshold
        citations = [] if refused else [
            _citation(s.chunk.metadata, s.text, s.start, s.end, s.score) for s in draft.evidence
        ]
        return Answer(
            answer=REFUSAL if refused else draft.answer,
            refused=refused,
            evidence=[c.text for c in citations],
            citations=citations,
            rewritten_question=rewritten,
            question_type=kind,
            timings=timings,
            retrieved=retrieved,
            confidence=draft.confidence,
        )

    def _previous_answer(self, history: list[str], top_k: int | None) -> Answer | None:
        """What the last question of the conversation was answered with, and from which sentences (asked
        again: the history carries questions only, and answering is deterministic). One level deep, to
        stay cheap."""
        earlier = self.ask(history[-1], history[:-1][-1:], top_k)
        return None if earlier.refused else earlier

    def with_threshold(self, threshold: float) -> "Assistant":
        """A view of this assistant with another refusal threshold (shares index and models)."""
        twin = object.__new__(Assistant)
        twin.__dict__.update(self.__dict__)
        twin.settings = self.settings.model_copy(update={"refusal_threshold": threshold})
        return twin


def _has_own_words(question: str) -> bool:
    """Enough words of its own to be asked alone ("这些条款信息和产品说明要在哪里公示？")."""
    return len([w for w, f in pos_tags(question) if f.startswith(("n", "v")) and len(w) > 1]) >= 3


class _Reading(NamedTuple):
    text: str
    draft: Draft
    documents: list
    kind: str
    repeated: bool  # answered with the previous answer


def _unanswered(draft: Draft, threshold: float) -> bool:
    return draft.answer is None or draft.confidence < threshold


_SHORT_VALUE = 20


def _same_sentence(draft: Draft, earlier: Answer) -> bool:
    """The draft's first sentence is one the earlier answer cited (or either cites none to tell)."""
    return not draft.evidence or not earlier.evidence or draft.evidence[0].text in earlier.evidence


def _repeats(answer: str, previous: str | None) -> bool:
    """The answer is the previous answer or a piece of it (punctuation and spacing aside)."""
    if not previous:
        return False
    answer, previous = bare(answer), bare(previous)
    return bool(answer) and answer in previous


def _citation(meta: dict, text: str, start: int, end: int, score: float) -> Citation:
    return Citation(meta["doc"], meta.get("section", ""), meta["chunk_id"], start, end, text, round(float(score), 4))

