"""HybridRetriever: LangChain's standard retriever suite, plus what the answerer relies on in the
metadata, the single-retriever modes and exact-phrase ranking. Fake embedder: no model, fast."""
from __future__ import annotations


import pytest
from langchain_core.documents import Document
from langchain_tests.integration_tests import RetrieversIntegrationTests

from index.settings import load_settings
from qa.assistant import Assistant
from qa.retriever import HybridRetriever

from conftest import ARTICLE, FakeEmbeddings

ARTICLE_TEXT = ARTICLE.read_text(encoding="utf-8")




@pytest.fixture(scope="module")
def indexed(tmp_path_factory) -> Assistant:
    """The article indexed once for this module with the fake embedder; the tests only read it."""
    settings = load_settings(home=tmp_path_factory.mktemp("retriever-home"))
    assistant = Assistant(settings, embeddings=FakeEmbeddings())
    assistant.ingest([ARTICLE.parent])
    return assistant


def retriever(indexed: Assistant, **kwargs) -> HybridRetriever:
    return HybridRetriever(store=indexed.store, lexical=indexed.lexical_index, **kwargs)


class TestHybridRetrieverStandard(RetrieversIntegrationTests):
    @pytest.fixture(autouse=True)
    def _index(self, indexed):
        self._indexed = indexed

    @property
    def retriever_constructor(self):
        return HybridRetriever

    @property
    def retriever_constructor_params(self) -> dict:
        return {"store": self._indexed.store, "lexical": self._indexed.lexical_index, "k": 4}

    @property
    def retriever_query_example(self) -> str:
        return "深圳数字经济产业增加值目标"


# --- metadata ------------------------------------------------------------------------------------
@pytest.mark.parametrize("mode", ["hybrid", "dense", "bm25"])
def test_metadata_of_every_result(indexed, mode):
    results = retriever(indexed, mode=mode, k=5).invoke("深圳计划到2022年数字经济产业增加值突破多少")
    assert len(results) == 5
    scores = []
    for doc in results:
        meta = doc.metadata
        assert {"chunk_id", "doc", "section", "start", "end", "score", "found_by"} <= set(meta)
        assert meta["doc"] == ARTICLE.name
        assert doc.id == meta["chunk_id"]
        assert ARTICLE_TEXT[meta["start"]:meta["end"]] == doc.page_content
        assert isinstance(meta["section"], str) and meta["section"]
        assert meta["found_by"] and set(meta["found_by"]) <= {"dense", "bm25", "sentence"}
        for name in meta["found_by"]:
            assert meta[f"{name}_rank"] >= 1 and isinstance(meta[f"{name}_score"], float)
        for s, e in meta["sentences"]:
            assert meta["start"] <= s < e <= meta["end"]
        assert meta["score"] > 0
        scores.append(meta["score"])
    assert scores == sorted(scores, reverse=True)
    assert len({d.id for d in results}) == len(results)


@pytest.mark.parametrize("mode", ["dense", "bm25"])
def test_a_single_mode_uses_only_its_retriever(indexed, mode):
    results = retriever(indexed, mode=mode, k=8).invoke("北京提出四大重点任务")
    assert results
    for doc in results:
        assert doc.metadata["found_by"] == [mode]
        other = "bm25" if mode == "dense" else "dense"
        assert f"{other}_rank" not in doc.metadata


def test_hybrid_fuses_all_three(indexed):
    results = retriever(indexed, k=5).invoke("深圳计划到2022年数字经济产业增加值突破多少")
    assert any(d.metadata["found_by"] == ["bm25", "dense", "sentence"] for d in results)
    assert all(d.metadata["sentence_rank"] >= 1 for d in results if "sentence" in d.metadata["found_by"])
    assert "2400亿元" in results[0].page_content


@pytest.mark.parametrize("phrase", ["代币发行融资活动", "跨境资金流动自由便利", "边际效应", "自动驾驶系统"])
def test_an_exact_rare_phrase_ranks_its_chunk_first_in_bm25(indexed, phrase):
    results = retriever(indexed, mode="bm25", k=3).invoke(phrase)
    assert phrase in results[0].page_content


def test_k_larger_than_the_index_returns_every_chunk_once(indexed):
    total = indexed.store.count()
    results = retriever(indexed, k=total + 10).invoke("区块链")
    assert len(results) == total
    assert {d.id for d in results} == {c.id for c in indexed.store.all_chunks()}


@pytest.mark.parametrize("query", ["", "   ", "\n"])
def test_blank_query_returns_nothing(indexed, query):
    assert retriever(indexed).invoke(query) == []


def test_k_zero_returns_nothing(indexed):
    assert retriever(indexed).invoke("区块链", k=0) == []


def test_bm25_with_no_known_word_returns_nothing(indexed):
    assert retriever(indexed, mode="bm25").invoke("zzzz qqqq") == []


def test_lexical_may_be_an_index_or_a_callable(indexed):
    by_callable = retriever(indexed, k=3).invoke("海南自由贸易港")
    by_index = HybridRetriever(store=indexed.store, lexical=indexed.lexical_index(), k=3).invoke("海南自由贸易港")
    assert [d.id for d in by_callable] == [d.id for d in by_index]
    assert all(isinstance(d, Document) for d in by_index)


def test_an_unknown_mode_is_rejected():
    """A typo in `mode` must not silently turn retrieval off."""
    with pytest.raises(ValueError):
        HybridRetriever(store=object(), lexical=object(), mode="semantic")
