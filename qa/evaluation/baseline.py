"""The recipe of LangChain's RAG tutorial, as a yardstick: split, embed into Chroma, return the top chunk.

Splitter exactly as in the tutorial (RecursiveCharacterTextSplitter, chunk_size=1000, chunk_overlap=200,
add_start_index=True), an in-memory Chroma collection with its default distance, the same embedder
as the assistant, and the best chunk as the answer: no question rewriting (history is ignored, as in
the tutorial's chain), no sentence selection, never a refusal.
"""
from __future__ import annotations

import time
import uuid

from qa.types import Answer, Citation

CHUNK_SIZE, CHUNK_OVERLAP = 1000, 200


class LangChainBaseline:
    name = "langchain-baseline"

    def __init__(self, texts: dict[str, str], embeddings, settings) -> None:
        self.texts = dict(texts)
        self.embeddings = embeddings
        self.settings = settings
        self._client, self._collection = None, f"baseline-{uuid.uuid4().hex[:12]}"
        self.store = self._build()

    @classmethod
    def from_assistant(cls, assistant) -> LangChainBaseline:
        """Over the same documents (the same text, so the same offsets) as an assistant's index."""
        texts = {name: assistant.document_text(name) for name in assistant.documents()}
        return cls({n: t for n, t in texts.items() if t}, assistant.embeddings, assistant.settings)

    def _build(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings
        from langchain_chroma import Chroma
        from langchain_text_splitters import RecursiveCharacterTextSplitter

        splitter = RecursiveCharacterTextSplitter(chunk_size=CHUNK_SIZE, chunk_overlap=CHUNK_OVERLAP,
                                                  add_start_index=True)
        names = sorted(self.texts)
        splits = splitter.create_documents([self.texts[n] for n in names], metadatas=[{"doc": n} for n in names])
        # Ephemeral: nothing is written to disk, and the user's index is never touched.
        self._client = chromadb.EphemeralClient(settings=ChromaSettings(anonymized_telemetry=False))
        store = Chroma(client=self._client, collection_name=self._collection, embedding_function=self.embeddings)
        if splits:
            store.add_documents(splits, ids=[f"{d.metadata['doc']}:{d.metadata['start_index']}" for d in splits])
        return store

    def ask(self, question: str, history: list[str] | None = None, top_k: int | None = None) -> Answer:
        started = time.perf_counter()
        found = self.store.similarity_search_with_score(question, k=top_k or self.settings.top_k)
        elapsed = (time.perf_counter() - started) * 1000
        # Chroma's default space is squared L2; for unit vectors that is 2 - 2·cos.
        retrieved = [Citation(d.metadata["doc"], "", d.id or "", d.metadata["start_index"],
                              d.metadata["start_index"] + len(d.page_content), d.page_content,
                              round(1.0 - float(distance) / 2, 4))
                     for d, distance in found]
        top = retrieved[:1]
        return Answer(
            answer=top[0].text if top else "", refused=False, evidence=[c.text for c in top], citations=top,
            rewritten_question=question, question_type="other",
            timings={"retrieval": elapsed, "answer": 0.0, "total": elapsed},
            retrieved=retrieved, confidence=top[0].score if top else 0.0,
        )

    def document_text(self, name: str) -> str | None:
        return self.texts.get(name)

    def eval_config(self) -> dict:
        return {
            "name": self.name, "retrieval": "dense (Chroma default L2)",
            "chunker": f"RecursiveCharacterTextSplitter({CHUNK_SIZE}/{CHUNK_OVERLAP})",
            "chunk_size": CHUNK_SIZE, "chunk_overlap": CHUNK_OVERLAP, "top_k": self.settings.top_k,
            "refusal_threshold": None, "answerer": "top chunk, never refuses",
        }

    def close(self) -> None:
        if self._client is not None:
            self._client.delete_collection(self._collection)
            self._client = None
