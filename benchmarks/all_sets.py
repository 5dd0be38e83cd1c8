"""Every gold set of the project, each evaluated on a throw-away index of its own document, as one table.

    python benchmarks/all_sets.py [--only NAME ...] [--json FILE] [--predictions DIR]

The same evaluation as `policyqa eval --gold G --docs D` for each set (the article's dev, dev2, test and
held-out sets, and every document in benchmarks/other_docs), printed as the README's results table: one
row per set, then every question of each split pooled (the targets are stated for the test split). The
user's index is never touched. About 15 minutes on 2 cores. `--predictions DIR` also keeps every answer
(DIR/<set>.jsonl), so that two versions of the code can be compared question by question with
benchmarks/compare_predictions.py.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.embeddings import load_embeddings  # noqa: E402
from index.settings import load_settings  # noqa: E402
from qa.evaluation.command import evaluation_index  # noqa: E402
from qa.evaluation.gold import load_gold  # noqa: E402
from qa.evaluation.metrics import Metrics, Prediction, aggregate  # noqa: E402
from qa.evaluation.runner import evaluate_questions  # noqa: E402

ARTICLE = ROOT / "corpus" / "blockchain_policy_2020.txt"
GOLD = ROOT / "corpus" / "gold"
OTHER = ROOT / "benchmarks" / "other_docs"
COLUMNS = ["set", "n", "accuracy [95% CI]", "answerable correct", "unanswerable refused", "false refusals",
           "EM", "F1", "hit@1", "hit@3", "cites evidence", "median length"]


def gold_sets() -> list[tuple[str, Path, str, Path]]:
    """(name, gold file, split to read, document) for every set."""
    sets = [("article_dev", GOLD / "blockchain_policy_2020.qa.jsonl", "dev", ARTICLE),
            ("article_dev2", GOLD / "blockchain_policy_2020.dev2.qa.jsonl", "all", ARTICLE),
            ("article_test", GOLD / "blockchain_policy_2020.qa.jsonl", "test", ARTICLE),
            ("article_heldout", GOLD / "blockchain_policy_2020.heldout.qa.jsonl", "all", ARTICLE)]
    for gold in sorted(OTHER.glob("*.qa.jsonl")):
        name = gold.name.removesuffix(".qa.jsonl")
        sets.append((name, gold, "all", gold.with_name(f"{name}.txt")))
    return sets


def row(name: str, m: Metrics) -> list[str]:
    def f(x: float | None) -> str:
        return "–" if x is None else f"{x:.3f}"

    interval = f" [{m.accuracy_ci[0]:.2f}–{m.accuracy_ci[1]:.2f}]" if m.accuracy_ci else ""
    median = m.answer_len_median
    return [name, str(m.n), f(m.accuracy) + interval, f(m.accuracy_answerable), f(m.refusal_rate),
            f(m.false_refusal_rate), f(m.em), f(m.f1), f(m.hits.get(1)), f(m.hits.get(3)),
            f(m.citation_accuracy), "–" if median is None else f"{median:g}"]


def markdown(rows: list[list[str]]) -> str:
    lines = ["| " + " | ".join(COLUMNS) + " |", "|" + "---|" * len(COLUMNS)]
    return "\n".join(lines + ["| " + " | ".join(r) + " |" for r in rows])


def evaluate(settings, embeddings, only: list[str] | None = None, predictions: Path | None = None):
    """(table rows, every set's `policyqa eval --json` object, predictions pooled by split); with
    `predictions`, each set's answers are written there too."""
    rows, summaries, pooled = [], {}, {}
    for name, gold, split, document in gold_sets():
        if only and name not in only:
            continue
        with evaluation_index(settings, [document], embeddings) as assistant:
            result = evaluate_questions(assistant, load_gold([gold], split))
        if predictions:
            write_predictions(predictions / f"{name}.jsonl", result.predictions)
        rows.append(row(name, result.metrics))
        summaries[name] = result.summary
        for prediction in result.predictions:
            pooled.setdefault(prediction.split or "none", []).append(prediction)
        print(f"{name}: {result.metrics.accuracy:.3f}", file=sys.stderr)
    for split, predictions in sorted(pooled.items()):
        rows.append(row(f"all {split} questions pooled", aggregate(predictions)))
        # the targets ask paraphrased questions to be within 5 points of the others
        for paraphrased in (False, True):
            part = [p for p in predictions if p.paraphrase is paraphrased]
            if part:
                rows.append(row(f"  {split}, {'paraphrased' if paraphrased else 'literal'}", aggregate(part)))
    return rows, summaries, pooled


def write_predictions(path: Path, predictions: list[Prediction]) -> None:
    """One line per question (the retrieved chunks left out: they make the files large and are in --report)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8") as out:
        for p in predictions:
            out.write(json.dumps({k: v for k, v in p.to_json().items() if k != "retrieved"}, ensure_ascii=False) + "\n")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--only", nargs="*", help="set names (article_dev, …, or a document's name without .txt)")
    parser.add_argument("--json", type=Path, help="also write every set's `policyqa eval --json` object here")
    parser.add_argument("--predictions", type=Path, metavar="DIR", help="also write each set's answers to DIR/<set>.jsonl")
    args = parser.parse_args()
    settings = load_settings()
    embeddings = load_embeddings(settings.embedder, settings.threads)  # loaded once for all sets
    rows, summaries, pooled = evaluate(settings, embeddings, args.only, args.predictions)
    print(markdown(rows))
    print(" ".join(f"{split}: {_correct(p)} of {len(p)} correct;" for split, p in sorted(pooled.items())))
    if args.json:
        args.json.write_text(json.dumps(summaries, ensure_ascii=False, indent=1), encoding="utf-8")


def _correct(predictions: list[Prediction]) -> int:
    return sum(p.correct for p in predictions)


if __name__ == "__main__":
    main()
