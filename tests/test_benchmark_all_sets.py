"""benchmarks/all_sets.py: which gold sets it evaluates, the table it prints and the answers it keeps;
benchmarks/compare_predictions.py: two runs compared question by question."""
from __future__ import annotations

import importlib.util
import json

from conftest import ROOT


def _script(name: str):
    spec = importlib.util.spec_from_file_location(name, ROOT / "benchmarks" / f"{name}.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


all_sets = _script("all_sets")
compare_predictions = _script("compare_predictions")


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


def test_each_sets_answers_are_kept_and_two_runs_compared(settings, fake_embeddings, tmp_path):
    all_sets.evaluate(settings, fake_embeddings, ["article_test"], tmp_path / "old")
    kept = [json.loads(line) for line in (tmp_path / "old" / "article_test.jsonl").read_text(encoding="utf-8").splitlines()]
    assert len(kept) == 59 and {"id", "question", "prediction", "correct", "split"} <= kept[0].keys()
    assert "retrieved" not in kept[0]
    # a second run in which one question turned right and one wrong
    flipped = [dict(kept[0], correct=not kept[0]["correct"], prediction="另一个答案"),
               dict(kept[1], correct=not kept[1]["correct"])] + kept[2:]
    (tmp_path / "new").mkdir()
    (tmp_path / "new" / "article_test.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in flipped), encoding="utf-8")
    totals, changed = compare_predictions.compare(tmp_path / "old", tmp_path / "new")
    right = sum(r["correct"] for r in kept)
    assert totals == {"test": [right, right + (not kept[0]["correct"]) - kept[0]["correct"]
                               + (not kept[1]["correct"]) - kept[1]["correct"], 59]}
    assert [(name, after["id"]) for name, _, after in changed] == [("article_test", kept[0]["id"]), ("article_test", kept[1]["id"])]
    assert changed[0][2]["prediction"] == "另一个答案"
