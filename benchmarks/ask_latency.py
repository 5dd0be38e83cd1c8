"""Warm `ask` latency, retrieval and answering apart: every gold question, each asked `--rounds` times.

    python benchmarks/ask_latency.py [--rounds 3] [--threads 2]

Builds a throw-away index of the article (the user's index is untouched), asks one question to load
the models, then times Assistant.ask. The question-vector cache is cleared before every question so
that repeated rounds measure real work.
"""
from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from index.settings import load_settings  # noqa: E402
from qa.assistant import Assistant  # noqa: E402


def percentile(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(q * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--threads", type=int, default=2)
    args = parser.parse_args()
    gold = ROOT / "corpus" / "gold" / "blockchain_policy_2020.qa.jsonl"
    questions = [json.loads(line) for line in gold.read_text(encoding="utf-8").splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as home:
        assistant = Assistant.from_settings(load_settings(home=Path(home), threads=args.threads))
        started = time.perf_counter()
        assistant.ingest([ROOT / "corpus" / "blockchain_policy_2020.txt"])
        print(f"ingest (cold, includes model load): {(time.perf_counter() - started) * 1000:.0f} ms")
        assistant.ask("预热")
        timings: dict[str, list[float]] = {"retrieval": [], "answer": [], "total": []}
        for _ in range(args.rounds):
            for q in questions:
                assistant.embeddings.clear_cache()
                answer = assistant.ask(q["question"], q.get("history", []))
                for key in timings:
                    timings[key].append(answer.timings[key])
    print(f"{len(timings['total'])} warm asks ({len(questions)} questions x {args.rounds}), threads={args.threads}")
    for key, values in timings.items():
        print(f"  {key:9} p50 {statistics.median(values):6.1f} ms   p95 {percentile(values, 0.95):6.1f} ms"
              f"   mean {statistics.fmean(values):6.1f} ms")


if __name__ == "__main__":
    main()
