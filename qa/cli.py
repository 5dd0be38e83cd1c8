"""`policyqa` command line: ingest, ask, eval, calibrate, serve.

Only argparse and the settings load here; each command imports what it needs when it runs,
so `policyqa --help` starts instantly and loads no model.
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from index.errors import PolicyQAError
from index.settings import load_settings


def main(argv: list[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if not getattr(args, "command", None):
        parser.print_help()
        return 2
    try:
        settings = load_settings()
        return args.run(args, settings) or 0
    except PolicyQAError as error:
        print(f"policyqa: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("policyqa: interrupted", file=sys.stderr)
        return 130


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="policyqa", description="Answers questions about Chinese policy "
                                     "documents, citing the sentences the answers come from.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    p = commands.add_parser("ingest", help="index documents (incremental: unchanged files are skipped)")
    p.add_argument("paths", nargs="*", type=Path, help="files or folders (default: the corpus folder)")
    p.add_argument("--reset", action="store_true", help="drop the index first and rebuild it")
    p.add_argument("--prune", action="store_true", help="remove indexed documents not found under PATHS")
    p.set_defaults(run=_ingest)

    p = commands.add_parser("ask", help="answer one question, with citations")
    p.add_argument("question")
    p.add_argument("--history", action="append", default=[], metavar="PREVIOUS_QUESTION",
                   help="an earlier question of the conversation (repeat, oldest first)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--top-k", type=int, default=None, metavar="N", help="chunks to retrieve")
    p.set_defaults(run=_ask)

    p = commands.add_parser("eval", help="measure accuracy, retrieval and refusals on a gold Q&A set")
    p.add_argument("--gold", action="append", type=Path, default=None, metavar="FILE",
                   help="gold .qa.jsonl file (repeatable; default: corpus/gold/*.qa.jsonl)")
    p.add_argument("--split", choices=("dev", "test", "all"), default="all")
    p.add_argument("--docs", action="append", type=Path, default=None, metavar="PATH",
                   help="evaluate on a temporary index of these documents (the user's index is untouched)")
    p.add_argument("--json", action="store_true", help="print one JSON object")
    p.add_argument("--report", type=Path, default=None, metavar="DIR", help="write report.md, charts, predictions")
    p.add_argument("--compare", nargs="+", default=None, metavar="CONFIG",
                   choices=("bm25", "dense", "hybrid", "langchain-baseline"),
                   help="configurations side by side: bm25 dense hybrid langchain-baseline")
    p.add_argument("--check", type=Path, default=None, metavar="GOLD", help="only validate a gold file")
    p.set_defaults(run=_eval)

    p = commands.add_parser("calibrate", help="choose the refusal threshold on the dev split and store it")
    p.add_argument("--gold", action="append", type=Path, default=None, metavar="FILE")
    p.add_argument("--split", choices=("dev", "test", "all"), default="dev")
    p.add_argument("--docs", action="append", type=Path, default=None, metavar="PATH")
    p.set_defaults(run=_calibrate)

    p = commands.add_parser("serve", help="start the web app (chat, documents, evaluation, widget, API)")
    p.set_defaults(run=_serve)
    return parser


def _assistant(settings):
    from qa.assistant import Assistant

    return Assistant.from_settings(settings)


def _progress(label: str):
    from tqdm import tqdm

    bar = None

    def update(done: int, total: int, name: str) -> None:
        nonlocal bar
        if bar is None:
            bar = tqdm(total=total, desc=label, unit="file", file=sys.stderr)
        bar.set_postfix_str(name[-40:])
        bar.update(done - bar.n)
        if done == total:
            bar.close()

    return update


def _ingest(args, settings) -> int:
    assistant = _assistant(settings)
    report = assistant.ingest(args.paths or [settings.corpus_dir], prune=args.prune, reset=args.reset,
                              progress=_progress("indexing"))
    for error in report.failed:
        print(f"policyqa: skipped {error}", file=sys.stderr)
    print(report.summary())
    return 1 if report.failed else 0


def _ask(args, settings) -> int:
    if not args.question.strip():
        from index.errors import EmptyQuestion

        raise EmptyQuestion()  # before the first-use indexing, which takes a while
    assistant = _assistant(settings)
    if not assistant.documents():
        print(f"policyqa: the index is empty; building it from {settings.corpus_dir} (first use)", file=sys.stderr)
    built = assistant.ensure_index(progress=_progress("indexing"))
    if built is not None:
        print(f"Built the index from {settings.corpus_dir}: {built.summary()}", file=sys.stderr)
    answer = assistant.ask(args.question, args.history, top_k=args.top_k)
    if args.json:
        print(json.dumps(answer.to_json(), ensure_ascii=False, indent=1))
        return 0
    print(answer.answer)
    if answer.rewritten_question != args.question.strip():
        print(f"（理解为：{answer.rewritten_question}）")
    for number, citation in enumerate(answer.citations, 1):
        where = " · ".join(x for x in (citation.doc, citation.section) if x)
        print(f"[{number}] {where} [{citation.start}:{citation.end}] {citation.text}")
    return 0


def _eval(args, settings) -> int:
    from qa.evaluation.command import run_eval

    return run_eval(args, settings)


def _calibrate(args, settings) -> int:
    from qa.evaluation.command import run_calibrate

    return run_calibrate(args, settings)


def _serve(args, settings) -> int:
    import ui

    ui.main(settings)
    return 0


if __name__ == "__main__":
    sys.exit(main())
