"""benchmarks/all_sets.py: which gold sets it evaluates, and the table it prints."""
from __future__ import annotations

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("all_sets", ROOT / "benchmarks" / "all_sets.py")
all_sets = importlib.util.module_from_spec(spec)
spec.loader.exec_module(all_sets)


def test_every_gold_set_comes_with_its_document():
    sets = all_sets.gold_sets()
    others = list((ROOT / "benchmarks" / "other_docs").glob("*.qa.jsonl"))
    assert [name for name, *_ in sets[:4]] == ["article_dev", "article_dev2", "article_test", "article_heldout"]
    assert len(sets) == 4 + len(others)
    assert all(gold.is_file() and document.is_file() for _, gold, _, document in sets)


def test_one_row_per_set_and_the_splits_pooled(settings, fake_embeddings):
    rows, summaries, pooled = all_sets.evaluate(settings, fake_embeddings, ["article_test", "article_dev2"])
    names = [r[0] for r in rows]
    assert names == ["article_dev2", "article_test", "all dev questions pooled", "  dev, literal", "  dev, paraphrased",
                     "all test questions pooled", "  test, literal", "  test, paraphrased"]
    assert summaries["article_test"]["n"] == int(rows[1][1]) == len(pooled["test"])
    assert int(rows[2][1]) == len(pooled["dev"]) == summaries["article_dev2"]["n"]
    # literal and paraphrased split the pooled questions, as policyqa eval's own breakdown does
    test = summaries["article_test"]["by_paraphrase"]
    assert (int(rows[6][1]), int(rows[7][1])) == (test["false"]["n"], test["true"]["n"])
    assert rows[7][2].startswith(f"{test['true']['accuracy']:.3f}")
    table = all_sets.markdown(rows).splitlines()
    assert len(table) == 2 + len(rows) and all(line.count("|") == len(all_sets.COLUMNS) + 1 for line in table)
    # the pooled row is computed from the questions, not averaged over sets
    assert rows[5][2].startswith(f"{summaries['article_test']['accuracy']:.3f}")
