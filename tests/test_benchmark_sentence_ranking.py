"""benchmarks/sentence_ranking.py: which gold sets it reads, and how it ranks the stating sentence."""
from __future__ import annotations

import importlib.util

from qa.evaluation.gold import GoldQuestion

from conftest import ARTICLE, ROOT

spec = importlib.util.spec_from_file_location("sentence_ranking", ROOT / "benchmarks" / "sentence_ranking.py")
sentence_ranking = importlib.util.module_from_spec(spec)
spec.loader.exec_module(sentence_ranking)


def test_every_gold_set_comes_with_its_document():
    sets = sentence_ranking.gold_sets()
    assert sets[0][0] == "blockchain_policy_2020" and len(sets[0][1]) == 3
    assert len(sets) == 1 + len(list((ROOT / "benchmarks" / "other_docs").glob("*.qa.jsonl")))
    assert all(document.is_file() and golds for _, golds, document in sets)


def test_the_stating_sentence_is_found_in_the_pool_and_ranked(fake_assistant):
    text = ARTICLE.read_text(encoding="utf-8")
    stated = GoldQuestion(id="a", question="深圳计划到2022年数字经济产业增加值突破多少？", type="number",
                          answers=["2400亿元"], evidence=["全市数字经济产业增加值突破2400亿元"])
    pooled, rank = sentence_ranking.ranks(fake_assistant, stated, fake_assistant.document_text(ARTICLE.name))
    assert pooled and rank is not None and rank >= 1
    assert "全市数字经济产业增加值突破2400亿元" in text
    nowhere = GoldQuestion(id="b", question="深圳计划到2022年数字经济产业增加值突破多少？", type="number",
                           answers=["x"], evidence=["这句话不在文中"])
    assert sentence_ranking.ranks(fake_assistant, nowhere, text) == (False, None)
