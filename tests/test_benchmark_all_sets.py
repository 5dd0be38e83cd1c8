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
    assert [r[0] for r in rows] == ["article_dev2", "article_test", "all dev questions pooled",
                                    "all test questions pooled"]
    assert summaries["article_test"]["n"] == int(rows[1][1]) == len(pooled["test"])
    assert int(rows[2][1]) == len(pooled["dev"]) == summaries["article_dev2"]["n"]
    table = all_sets.markdown(rows).splitlines()
    assert len(table) == 2 + len(rows) and all(line.count("|") == len(all_sets.COLUMNS) + 1 for line in table)
    # the pooled row is computed from the questions, not averaged over sets
    assert rows[3][2].startswith(f"{summaries['article_test']['accuracy']:.3f}")
