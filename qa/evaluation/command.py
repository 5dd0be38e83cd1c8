"""`policyqa eval` and `policyqa calibrate` (argparse lives in qa/cli.py; this is what runs).

Both functions take an optional `embeddings` object so that tests (and callers with a model
already loaded) can run them without loading the default embedder.
"""
from __future__ import annotations

import json
import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from index.errors import GoldFileError, IndexEmpty, PolicyQAError

from .gold import check_gold, load_gold
from .tables import (
    COLUMNS,
    compare_rows,
    config_line,
    error_lines,
    group_rows,
    target_lines,
    text_table,
)

CONFIGS = ("bm25", "dense", "hybrid", "langchain-baseline")


class UnknownConfig(PolicyQAError):
    def __init__(self, name: str) -> None:
        super().__init__(f"unknown configuration '{name}' for --compare: use {', '.join(CONFIGS)}")


def run_eval(args, settings, embeddings=None, out=None) -> int:
    out = out or sys.stdout
    if args.check:
        return check(args.check, args.docs, out)
    from .runner import evaluate_questions

    gold = gold_paths(args.gold, settings)
    questions = load_gold(gold, args.split)  # a broken gold file fails before any model loads
    names = list(dict.fromkeys(args.compare or []))
    for name in names:
        if name not in CONFIGS:
            raise UnknownConfig(name)
    results = {}
    with evaluation_index(settings, args.docs, embeddings) as base:
        for name in names or [None]:
            forget_queries(base.embeddings)
            with configuration(base, name) as assistant:
                result = evaluate_questions(assistant, questions, _progress(f"eval {name or base.mode}"))
            result.config.update({"split": args.split, "gold": [str(p) for p in gold]})
            if args.docs:
                result.config["docs"] = [str(p) for p in args.docs]
            results[name or base.mode] = result
    if args.report:
        written = _write_reports(results, args.report, compare=bool(names))
        print(f"Report: {written}", file=sys.stderr)
    if args.json:
        payload = next(iter(results.values())).summary if not names else \
            {"compare": list(results), "results": {n: r.summary for n, r in results.items()}}
        print(json.dumps(payload, ensure_ascii=False, indent=1), file=out)
    elif names:
        print(_compare_text(results), file=out)
    else:
        print(_single_text(next(iter(results.values()))), file=out)
    return 0


def check(path: Path, docs: list[Path] | None, out) -> int:
    questions, problems = check_gold(path, docs)
    if problems:
        shown = [str(p) for p in problems]
        raise GoldFileError("\n".join([f"{len(problems)} problem(s) in {path}:", *shown]))
    splits = {s: sum(q.split == s for q in questions) for s in ("dev", "test")}
    unanswerable = sum(not q.answerable for q in questions)
    checked = len({q.doc for q in questions if q.evidence})
    print(f"{path}: OK, {len(questions)} questions (dev {splits['dev']}, test {splits['test']}, "
          f"{unanswerable} unanswerable); evidence checked against {checked} document(s)", file=out)
    return 0


def gold_paths(given: list[Path] | None, settings) -> list[Path]:
    if given:
        return [Path(p) for p in given]
    folder = Path(settings.corpus_dir) / "gold"
    found = sorted(folder.glob("*.qa.jsonl"))
    if not found:
        raise GoldFileError(f"no gold files (*.qa.jsonl) in {folder}: pass --gold FILE")
    return found


@contextmanager
def evaluation_index(settings, docs: list[Path] | None, embeddings=None):
    """The user's index (built from the corpus if empty), or with `docs` a throwaway index of them."""
    from index.embeddings import load_embeddings
    from qa.assistant import Assistant

    embeddings = embeddings or load_embeddings(settings.embedder, settings.threads)
    if not docs:
        assistant = Assistant(settings, embeddings=embeddings)
        built = assistant.ensure_index(progress=_progress(f"first use: indexing {settings.corpus_dir}", "file"))
        if built is not None:
            print(f"Built the index from {settings.corpus_dir}: {built.summary()}", file=sys.stderr)
        if not assistant.documents():
            raise IndexEmpty()
        yield assistant
        return
    # A temporary home: the run is reproducible and the user's index is never touched.
    with tempfile.TemporaryDirectory(prefix="policyqa-eval-", ignore_cleanup_errors=True) as home:
        assistant = Assistant(settings.model_copy(update={"home": Path(home)}), embeddings=embeddings)
        report = assistant.ingest([Path(d) for d in docs], progress=_progress("indexing --docs", "file"))
        for error in report.failed:
            print(f"policyqa: skipped {error}", file=sys.stderr)
        if not assistant.documents():
            raise GoldFileError("none of the --docs could be indexed: " + ", ".join(str(d) for d in docs))
        yield assistant


@contextmanager
def configuration(base, name: str | None):
    """One configuration of --compare over the same index and embeddings as `base`."""
    if name in (None, base.mode):
        yield base
    elif name == "langchain-baseline":
        from .baseline import LangChainBaseline

        baseline = LangChainBaseline.from_assistant(base)
        try:
            yield baseline
        finally:
            baseline.close()
    else:
        from qa.assistant import Assistant

        yield Assistant(base.settings, embeddings=base.embeddings, mode=name)


def forget_queries(embeddings) -> None:
    """Empty the embedder's question cache: with --compare the same questions are embedded once per
    configuration, and cache hits would make every configuration after the first look faster."""
    clear = getattr(embeddings, "clear_cache", None)  # any Embeddings without a cache has nothing to forget
    if callable(clear):
        clear()


def run_calibrate(args, settings, embeddings=None, out=None) -> int:
    out = out or sys.stdout
    from .calibration import TABLE_HEADER, chart, save, sweep, table_rows
    from .runner import evaluate_questions

    gold = gold_paths(args.gold, settings)
    questions = load_gold(gold, args.split)
    if args.split == "test":
        print("policyqa: note: calibrating on the test split makes its later scores optimistic", file=sys.stderr)
    with evaluation_index(settings, args.docs, embeddings) as assistant:
        result = evaluate_questions(assistant.with_threshold(0.0), questions, _progress("calibrate"))
    calibration = sweep(result.predictions)
    stored = save(calibration, settings.home, gold, args.split,
                  {"embedder": result.config.get("embedder"), "previous_threshold": settings.refusal_threshold})
    picture = chart(calibration, Path(settings.home) / "calibration.png")
    best = calibration.best
    print(text_table(TABLE_HEADER, table_rows(calibration)), file=out)
    print(f"\nRefusal threshold {calibration.threshold:.4f} (was {settings.refusal_threshold}): "
          f"{best.answered_correct} correct answers + {best.correct_refusals} correct refusals "
          f"of {calibration.n} questions ({args.split} split) = {calibration.score:.3f}; "
          f"{best.false_refusals} false refusals.", file=out)
    print(f"Stored in {stored}; curve in {picture}.", file=out)
    if os.environ.get("POLICYQA_REFUSAL_THRESHOLD"):
        print("policyqa: note: POLICYQA_REFUSAL_THRESHOLD is set and overrides the stored value", file=sys.stderr)
    return 0


def _single_text(result) -> str:
    m = result.metrics
    lines = [f"policyqa eval: {m.n} questions · {config_line(result.config)}", "",
             text_table(COLUMNS, group_rows(result)), "", *target_lines(m), *error_lines(result)]
    return "\n".join(lines)


def _compare_text(results: dict) -> str:
    first = next(iter(results.values()))
    header, rows = compare_rows(results)
    lines = [f"policyqa eval --compare: {first.metrics.n} questions · split {first.config.get('split')}", "",
             text_table(header, rows), ""]
    for name, result in results.items():
        lines.append(f"{name}: {config_line({k: v for k, v in result.config.items() if k != 'split'})}")
        lines += [f"  {line}" for line in error_lines(result)]
    return "\n".join(lines)


def _write_reports(results: dict, directory: Path, compare: bool) -> Path:
    from .report import write_report
    from .tables import markdown_table

    if not compare:
        return write_report(next(iter(results.values())), directory)[0]
    for name, result in results.items():
        write_report(result, Path(directory) / name)
    header, rows = compare_rows(results)
    index = Path(directory) / "compare.md"
    links = [f"- [{name}]({name}/report.md)" for name in results]
    index.write_text("\n".join(["# policyqa eval --compare", "", markdown_table(header, rows), "", *links, ""]),
                     encoding="utf-8")
    return index


def _progress(label: str, unit: str = "question"):
    from tqdm import tqdm

    bar = None

    def update(done: int, total: int, name: str) -> None:
        nonlocal bar
        if bar is None:
            # disable=None: a bar on a terminal, silence in logs and pipes
            bar = tqdm(total=total, desc=label, unit=unit, file=sys.stderr, disable=None, leave=False)
        bar.set_postfix_str(name[-30:])
        bar.update(1)
        if done == total:
            bar.close()

    return update
