"""Where answers go wrong before a span is cut: is a sentence stating the gold evidence among the sentences
of the retrieved chunks (in the pool), and does the extractive answerer's sentence ranking put it first?

    python benchmarks/sentence_ranking.py [--only NAME ...] [--embedder SPEC]

Every gold set of the project (corpus/gold and benchmarks/other_docs), each on a throw-away index of its
own document (the user's index is untouched); the answerable questions without history that quote
evidence. A sentence counts when it overlaps an evidence quote, as in `policyqa eval`'s citation
accuracy. Prints, per split and for literal and paraphrased questions: questions, in-pool rate and the
sentence ranking's hit@1 and hit@3.
"""
from __future__ import annotations

import argparse
import json
import shutil
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.settings import load_settings  # noqa: E402
from qa.assistant import Assistant  # noqa: E402
from qa.evaluation.gold import load_gold  # noqa: E402
from qa.evaluation.retrieval import occurrences  # noqa: E402


def gold_sets() -> list[tuple[str, list[Path], Path]]:
    """(name, gold files, document) for every document that has gold questions."""
    article = ROOT / "corpus" / "blockchain_policy_2020.txt"
    sets = [("blockchain_policy_2020", sorted((ROOT / "corpus" / "gold").glob("*.qa.jsonl")), article)]
    for gold in sorted((ROOT / "benchmarks" / "other_docs").glob("*.qa.jsonl")):
        sets.append((gold.name.removesuffix(".qa.jsonl"), [gold], gold.with_name(gold.name.replace(".qa.jsonl", ".txt"))))
    return sets


def ranks(assistant: Assistant, question, text: str) -> tuple[bool, int | None]:
    """(a stating sentence is in the pool, 1-based rank of the first one)."""
    quotes = [span for quote in question.evidence for span in occurrences(text, quote)]
    documents = assistant.retriever.invoke(question.question)
    ranked = assistant.answerer.rank(question.question, documents)
    hits = [i for i, s in enumerate(ranked, 1) if any(s.start < b and a < s.end for a, b in quotes)]
    return bool(hits), (hits[0] if hits else None)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--only", nargs="*", help="gold set names (the document's file name without .txt)")
    parser.add_argument("--embedder", help="as POLICYQA_EMBEDDER (default: the settings' own)")
    args = parser.parse_args()
    totals: dict[tuple[str, str], list[int]] = defaultdict(lambda: [0, 0, 0, 0])  # n, in pool, hit@1, hit@3
    for name, golds, document in gold_sets():
        if args.only and name not in args.only:
            continue
        with tempfile.TemporaryDirectory() as home:
            corpus = Path(home) / "corpus"
            corpus.mkdir()
            shutil.copy(document, corpus)
            extra = {"embedder": args.embedder} if args.embedder else {}
            assistant = Assistant.from_settings(load_settings(home=Path(home), corpus_dir=corpus, **extra))
            assistant.ensure_index()
            text = assistant.document_text(document.name) or ""
            for question in load_gold(golds, "all"):
                if not question.answerable or question.history or not question.evidence:
                    continue
                pooled, rank = ranks(assistant, question, text)
                for key in ((question.split or "none", "all"),
                            (question.split or "none", "paraphrased" if question.paraphrase else "literal")):
                    row = totals[key]
                    row[0] += 1
                    row[1] += pooled
                    row[2] += rank == 1
                    row[3] += rank is not None and rank <= 3
        print(f"{name}: done", file=sys.stderr)
    print(f"{'split':6} {'questions':12} {'n':>5} {'in pool':>8} {'hit@1':>6} {'hit@3':>6}")
    for (split, group), (n, pooled, first, top3) in sorted(totals.items()):
        print(f"{split:6} {group:12} {n:5d} {pooled / n:8.3f} {first / n:6.3f} {top3 / n:6.3f}")
    print(json.dumps({f"{s}/{g}": v for (s, g), v in sorted(totals.items())}))


if __name__ == "__main__":
    main()
