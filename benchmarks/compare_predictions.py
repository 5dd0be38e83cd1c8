"""Two runs of benchmarks/all_sets.py --predictions, question by question.

    python benchmarks/compare_predictions.py OLD_DIR NEW_DIR [--show-test]

Prints, for the sets both runs hold, how many questions each got right (dev and test apart), and the
dev questions whose verdict changed, with both answers: the way to tell what a change to the answering
gained and lost before keeping it. Test questions are counted but not shown unless --show-test, so that
no rule is read from them.
"""
from __future__ import annotations

import argparse
import json
from pathlib import Path


def load(path: Path) -> dict[tuple[str, str], dict]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return {(r["id"], r["question"]): r for r in rows}


def compare(old_dir: Path, new_dir: Path) -> tuple[dict[str, list[int]], list[tuple[str, dict, dict]]]:
    """({split: [right before, right after, questions]}, [(set, old, new) whose verdict changed])."""
    totals: dict[str, list[int]] = {}
    changed = []
    for new_file in sorted(new_dir.glob("*.jsonl")):
        old_file = old_dir / new_file.name
        if not old_file.is_file():
            continue
        old = load(old_file)
        for key, after in load(new_file).items():
            before = old.get(key)
            if before is None:
                continue
            total = totals.setdefault(after.get("split") or "none", [0, 0, 0])
            total[0] += before["correct"]
            total[1] += after["correct"]
            total[2] += 1
            if before["correct"] != after["correct"]:
                changed.append((new_file.stem, before, after))
    return totals, changed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("old", type=Path)
    parser.add_argument("new", type=Path)
    parser.add_argument("--show-test", action="store_true", help="list changed test questions too")
    args = parser.parse_args()
    totals, changed = compare(args.old, args.new)
    for name, before, after in changed:
        if after.get("split") == "test" and not args.show_test:
            continue
        sign = "+" if after["correct"] else "-"
        print(f"{sign} {name} {after['id']} [{after['type']}] {after['question']}\n"
              f"    before: {before['prediction'][:100]}\n    after:  {after['prediction'][:100]}")
    for split, (before, after, n) in sorted(totals.items()):
        print(f"{split}: {before} -> {after} of {n} correct")


if __name__ == "__main__":
    main()
