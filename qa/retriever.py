"""Hybrid retrieval as a LangChain retriever: dense (Chroma) + BM25 (jieba), fused by reciprocal rank."""
from __future__ import annotations

from typing import Any, Literal

from langchain_core.callbacks import CallbackManagerForRetrieverRun
from langchain_core.documents import Document
from langchain_core.retrievers import BaseRetriever
from pydantic import ConfigDict, Field

MODES = ("hybrid", "dense", "bm25")


class HybridRetriever(BaseRetriever):
    """Each Document's metadata carries doc, section, start, end, sentences, and the scores and ranks
    from each retriever that found it (`found_by`), plus the fused `score`.

    hybrid fuses three rankings: chunk vectors (dense), BM25, and chunks by their closest stored
    sentence vector (sentence); dense and bm25 are the single rankings, for comparison."""

    model_config = ConfigDict(arbitrary_types_allowed=True)

    store: Any  # index.store.Store
    lexical: Any  # index.lexical.LexicalIndex, or a zero-argument callable returning one
    k: int = 5
    rrf_k: int = 60
    mode: Literal["hybrid", "dense", "bm25"] = Field("hybrid", description="hybrid, dense or bm25")
    candidates: int = 20

    def _get_relevant_documents(self, query: str, *, run_manager: CallbackManagerForRetrieverRun,
                                k: int | None = None) -> list[Document]:
        k = self.k if k is None else k
        if k <= 0 or not query.strip():
            return []
        fetch = max(self.candidates, k)
        ranked: dict[str, dict] = {}
        if self.mode in ("hybrid", "dense"):
            for rank, (doc, score) in enumerate(self._dense(query, fetch), 1):
                ranked.setdefault(doc.id, {})["dense"] = (rank, score)
        if self.mode in ("hybrid", "bm25"):
            for rank, (chunk_id, score) in enumerate(self._lexical().search(query, fetch), 1):
                ranked.setdefault(chunk_id, {})["bm25"] = (rank, score)
        if self.mode == "hybrid":
            for rank, (chunk_id, score) in enumerate(self._best_sentence(query, fetch), 1):
                ranked.setdefault(chunk_id, {})["sentence"] = (rank, score)
        fused = sorted(ranked, key=lambda i: -sum(1 / (self.rrf_k + r) for r, _ in ranked[i].values()))[:k]
        chunks = {c.id: c for c in self.store.get_chunks(fused)}
        results = []
        for chunk_id in fused:
            chunk, hits = chunks.get(chunk_id), ranked[chunk_id]
            if chunk is None:
                continue
            ranks = {}
            for name, (rank, score) in hits.items():
                ranks[f"{name}_rank"], ranks[f"{name}_score"] = rank, score
            score = sum(1 / (self.rrf_k + r) for r, _ in hits.values())
            results.append(as_document(chunk, score, found_by=sorted(hits), **ranks))
        return results

    def _dense(self, query: str, fetch: int):
        if self.store.count() == 0:
            return []
        vector = self.store.embeddings.embed_query(query)
        found = self.store.vectorstore.similarity_search_by_vector_with_relevance_scores(vector, k=fetch)
        # Chroma returns cosine distance for this collection; 1 - distance is the cosine similarity.
        return [(doc, 1.0 - distance) for doc, distance in found]

    def _best_sentence(self, query: str, fetch: int) -> list[tuple[str, float]]:
        """Chunks ranked by their single closest sentence: a one-sentence answer inside a long chunk
        is diluted in the chunk's vector but not in its own."""
        available = self.store.sentences.count()
        if available == 0:
            return []
        vector = self.store.embeddings.embed_query(query)
        found = self.store.sentences.query(query_embeddings=[vector], n_results=min(fetch * 3, available),
                                           include=["metadatas", "distances"])
        best: dict[str, float] = {}
        for meta, distance in zip(found["metadatas"][0], found["distances"][0]):
            best.setdefault(meta["chunk_id"], 1.0 - distance)
        return sorted(best.items(), key=lambda x: -x[1])[:fetch]

    def _lexical(self):
        return self.lexical() if callable(self.lexical) else self.lexical


def as_document(chunk, score: float = 0.0, found_by: list[str] | None = None, **ranks) -> Document:
    """A stored chunk as the LangChain Document retrieval returns."""
    meta = {
        "chunk_id": chunk.id, "doc": chunk.doc, "section": chunk.section,
        "start": chunk.start, "end": chunk.end, "sentences": chunk.sentences,
        "score": score, "found_by": found_by or [], **ranks,
    }
    return Document(page_content=chunk.text, metadata=meta, id=chunk.id)
