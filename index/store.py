"""The persistent Chroma store: chunk vectors (searched through langchain-chroma) and sentence vectors.

A manifest written after each document's vectors are in place says which file version each document
was built from; anything Chroma holds for a document not (or differently) in the manifest is
leftover from an interrupted run and is replaced on the next ingest.
"""
from __future__ import annotations

import hashlib
import json
import os
import time
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path

from langchain_core.embeddings import Embeddings

from .chunking import Chunk
from .errors import EmbedderMismatch
from .settings import Settings

MANIFEST = "manifest.json"
# Chroma's HNSW search is approximate: with its default breadth (100) a collection of a few hundred
# sentences loses a nearest neighbour in some processes and not in others, so the same question got
# different answers run to run. A breadth above the collection's size makes the search exhaustive
# (exact and repeatable) for corpora of up to about this many sentences, and stays fast beyond.
SEARCH_BREADTH = 1000


@dataclass
class DocumentRecord:
    name: str
    source: str
    sha256: str
    chunk_ids: list[str]
    ingested_at: float
    encoding: str = ""
    chunking: int = 0  # the CHUNKING_VERSION that cut it; 0 for indexes written before versions were kept


class Store:
    def __init__(self, settings: Settings, embeddings: Embeddings) -> None:
        self.settings = settings
        self.embeddings = embeddings
        self.spec = getattr(embeddings, "spec", type(embeddings).__name__)
        self.home = Path(settings.home)
        self._texts: dict[str, tuple] = {}
        self._manifest: tuple[tuple | None, dict[str, DocumentRecord]] = (None, {})

    @cached_property
    def client(self):
        import chromadb
        from chromadb.config import Settings as ChromaSettings

        self.home.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(
            path=str(self.settings.chroma_dir),
            settings=ChromaSettings(anonymized_telemetry=False, allow_reset=True),
        )

    def _collection(self, suffix: str = ""):
        name = self.settings.collection + suffix
        existing = {c.name for c in self.client.list_collections()}
        if name in existing:
            collection = self.client.get_collection(name)
            built_with = (collection.metadata or {}).get("embedder")
            if built_with and built_with != self.spec:
                raise EmbedderMismatch(built_with, collection.metadata.get("dim"), self.spec, self.home)
            if (collection.configuration.get("hnsw") or {}).get("ef_search", 0) < SEARCH_BREADTH:
                # Indexes built before the breadth was raised: ef_search is one of the settings
                # Chroma lets an existing collection change.
                collection.modify(configuration={"hnsw": {"ef_search": SEARCH_BREADTH}})
            return collection
        return self.client.create_collection(
            name,
            configuration={"hnsw": {"space": "cosine", "ef_search": SEARCH_BREADTH}},
            metadata={"embedder": self.spec, "dim": self._dim},
        )

    @cached_property
    def _dim(self) -> int:
        return len(self.embeddings.embed_query("维度"))

    @cached_property
    def chunks(self):
        return self._collection()

    @cached_property
    def sentences(self):
        return self._collection("__sentences")

    @cached_property
    def vectorstore(self):
        """The chunk collection as a LangChain vector store, for dense search."""
        from langchain_chroma import Chroma

        self.chunks  # checks the embedder before LangChain opens the collection
        return Chroma(client=self.client, collection_name=self.settings.collection, embedding_function=self.embeddings)

    def check(self) -> None:
        """Raise EmbedderMismatch now rather than on the first search."""
        if (self.settings.chroma_dir).exists():
            self.chunks, self.sentences

    # --- manifest -----------------------------------------------------------------------------
    @property
    def manifest_path(self) -> Path:
        return self.home / MANIFEST

    def documents(self) -> dict[str, DocumentRecord]:
        if not self.manifest_path.is_file():
            return {}
        # Every question consults the manifest (is the index empty? is BM25 current?): parse it only
        # when the file changed. Callers get a copy, so their edits never touch the cache.
        # os.replace gives each written manifest a new inode, which mtime granularity could not promise.
        info = self.manifest_path.stat()
        stamp = (info.st_ino, info.st_mtime_ns, info.st_size)
        if self._manifest[0] != stamp:
            raw = json.loads(self.manifest_path.read_text(encoding="utf-8"))
            self._manifest = (stamp, {name: DocumentRecord(**record) for name, record in raw.items()})
        return dict(self._manifest[1])

    def _write_manifest(self, records: dict[str, DocumentRecord]) -> None:
        tmp = self.manifest_path.with_suffix(".tmp")
        tmp.write_text(json.dumps({n: vars(r) for n, r in records.items()}, ensure_ascii=False, indent=1), encoding="utf-8")
        os.replace(tmp, self.manifest_path)  # atomic: readers see the old or the new manifest, never half

    # --- writes -------------------------------------------------------------------------------
    def put_document(self, name: str, source: str, sha256: str, text: str, chunks: list[Chunk], encoding: str,
                     chunking: int = 0) -> None:
        self._delete_vectors(name)
        if chunks:
            self._add_chunks(chunks)
        self._text_path(name).write_text(text, encoding="utf-8")
        records = self.documents()
        records[name] = DocumentRecord(name, source, sha256, [c.id for c in chunks], time.time(), encoding, chunking)
        self._write_manifest(records)

    def delete_document(self, name: str) -> bool:
        records = self.documents()
        self._delete_vectors(name)
        self._text_path(name).unlink(missing_ok=True)
        if records.pop(name, None) is None:
            return False
        self._write_manifest(records)
        return True

    def reset(self) -> None:
        for suffix in ("", "__sentences"):
            if self.settings.collection + suffix in {c.name for c in self.client.list_collections()}:
                self.client.delete_collection(self.settings.collection + suffix)
        for attr in ("chunks", "sentences", "vectorstore"):
            self.__dict__.pop(attr, None)
        self.manifest_path.unlink(missing_ok=True)

    def _delete_vectors(self, name: str) -> None:
        self.chunks.delete(where={"doc": name})
        self.sentences.delete(where={"doc": name})

    def _add_chunks(self, chunks: list[Chunk]) -> None:
        # Section titles go into the embedded text (not the stored text) so that a chunk under
        # "深圳…" is found for questions that name 深圳 only in the heading.
        chunk_vectors = self.embeddings.embed_documents([_with_section(c.section, c.text) for c in chunks])
        self.chunks.upsert(
            ids=[c.id for c in chunks],
            embeddings=chunk_vectors,
            documents=[c.text for c in chunks],
            metadatas=[_chunk_metadata(c) for c in chunks],
        )
        rows = [(c, i, s) for c in chunks for i, s in enumerate(c.sentences)]
        texts = [_with_section(c.section, c.text[s[0] - c.start:s[1] - c.start]) for c, _, s in rows]
        self.sentences.upsert(
            ids=[f"{c.id}:{i}" for c, i, _ in rows],
            embeddings=self.embeddings.embed_documents(texts),
            metadatas=[{"doc": c.doc, "chunk_id": c.id, "start": s[0], "end": s[1]} for c, _, s in rows],
        )

    # --- reads --------------------------------------------------------------------------------
    def all_chunks(self) -> list[Chunk]:
        got = self.chunks.get(include=["documents", "metadatas"])
        return [_chunk_from(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])]

    def get_chunks(self, ids: list[str]) -> list[Chunk]:
        if not ids:
            return []
        got = self.chunks.get(ids=list(ids), include=["documents", "metadatas"])
        by_id = {i: _chunk_from(i, d, m) for i, d, m in zip(got["ids"], got["documents"], got["metadatas"])}
        return [by_id[i] for i in ids if i in by_id]

    def sentence_vectors(self, chunk_ids: list[str]) -> dict[tuple[str, int, int], list[float]]:
        if not chunk_ids:
            return {}
        got = self.sentences.get(where={"chunk_id": {"$in": list(chunk_ids)}}, include=["metadatas", "embeddings"])
        return {(m["chunk_id"], m["start"], m["end"]): list(v) for m, v in zip(got["metadatas"], got["embeddings"])}

    def count(self) -> int:
        return self.chunks.count()

    def document_text(self, name: str) -> str | None:
        path = self._text_path(name)
        if not path.is_file():
            return None
        # Cached by modification time: answering reads the same paragraphs again and again.
        key = (name, path.stat().st_mtime_ns)
        if self._texts.get(name, (None,))[0] != key:
            self._texts[name] = (key, path.read_text(encoding="utf-8"))
        return self._texts[name][1]

    def _text_path(self, name: str) -> Path:
        folder = self.home / "texts"
        folder.mkdir(parents=True, exist_ok=True)
        return folder / (hashlib.sha1(name.encode("utf-8")).hexdigest()[:20] + ".txt")


def _with_section(section: str, text: str) -> str:
    return f"{section}\n{text}" if section and not text.startswith(section) else text


def _chunk_metadata(chunk: Chunk) -> dict:
    return {
        "doc": chunk.doc,
        "section": chunk.section,
        "start": chunk.start,
        "end": chunk.end,
        "sentences": json.dumps(chunk.sentences),
    }


def _chunk_from(chunk_id: str, text: str, meta: dict) -> Chunk:
    sentences = [tuple(s) for s in json.loads(meta.get("sentences", "[]"))]
    return Chunk(chunk_id, meta["doc"], meta.get("section", ""), meta["start"], meta["end"], text, sentences)
