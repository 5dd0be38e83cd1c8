"""The evaluation tab: run a gold Q&A set through qa.evaluation and show metrics, charts and failed questions."""

import time
from pathlib import Path

from index.errors import PolicyQAError
from index.settings import Settings
from qa import evaluation
from webui.errors import user_error

METRICS = ["n", "accuracy", "em", "f1", "refusal_rate", "false_refusal_rate", "hit@1", "hit@3", "hit@5", "mrr",
           "citation_accuracy"]


def reports_dir(settings: Settings) -> Path:
    return Path(settings.home).resolve() / "reports"


def _metric_rows(summary: dict) -> list[list[str]]:
    """One row for the whole set, then one per split, question type and paraphrase group."""
    def cells(m: dict) -> list[str]:
        values = [m.get(k) for k in METRICS] + [(m.get("latency_ms") or {}).get(q) for q in ("p50", "p95")]
        return ["–" if v is None else f"{v:.3f}" if isinstance(v, float) else str(v) for v in values]

    rows = [["全部 all", *cells(summary)]]
    for key, groups in summary.items():
        if key.startswith("by_") and isinstance(groups, dict):
            rows += [[f"{key[3:]}={name}", *cells(m)] for name, m in groups.items() if isinstance(m, dict)]
    return rows


def _failure_row(row) -> list[str]:
    get = row.get if isinstance(row, dict) else lambda k, d="": getattr(row, k, d)
    expected = get("expected", "")
    return [str(get("id", "")), str(get("type", "")), str(get("question", "")), str(get("prediction", "")),
            " / ".join(map(str, expected)) if isinstance(expected, (list, tuple)) else str(expected)]


def run_evaluation(assistant, settings: Settings, gold: list[Path], split: str, progress=None) -> tuple:
    """(metric rows, chart paths, failure rows, report.md path) for one run; the only place that knows qa.evaluation."""
    result = evaluation.run_evaluation(assistant, gold, split=split, progress=progress)
    out = reports_dir(settings) / time.strftime("%Y%m%d-%H%M%S")
    written = [Path(p) for p in evaluation.write_report(result, out)]
    charts = [str(p) for p in written if p.suffix == ".png"]
    report = next((str(p) for p in written if p.suffix == ".md"), None)
    return _metric_rows(result.summary), charts, [_failure_row(r) for r in result.failures], report


def evaluation_tab(gr, assistant, settings: Settings) -> None:
    gold_dir = Path(settings.corpus_dir) / "gold"
    builtin = sorted(p.name for p in gold_dir.glob("*.qa.jsonl")) if gold_dir.is_dir() else []
    with gr.Row():
        gold = gr.Dropdown(builtin, value=builtin[0] if builtin else None, label="内置评测集")
        uploaded = gr.File(file_types=[".jsonl"], label="或上传评测集 (.qa.jsonl)")
        split = gr.Radio(["all", "dev", "test"], value="all", label="划分")
    run = gr.Button("运行评测", variant="primary")
    metrics = gr.Dataframe(headers=["范围", *METRICS, "p50 ms", "p95 ms"], interactive=False, label="指标")
    charts = gr.Gallery(label="图表", columns=3, height="auto")
    failures = gr.Dataframe(headers=["id", "类型", "问题", "回答", "期望"], interactive=False, label="答错的问题",
                            wrap=True)
    report = gr.File(label="report.md")

    def evaluate(name, upload, part, progress=gr.Progress()):
        if not upload and name not in builtin:  # a name, never a path: the API could send anything
            raise gr.Error("请选择或上传一个评测集。")
        paths = [Path(upload)] if upload else [gold_dir / name]
        track = lambda i, n, *rest: progress(i / max(n, 1), desc=f"{i}/{n}")  # noqa: E731
        try:
            return run_evaluation(assistant, settings, paths, part, track)
        except PolicyQAError as problem:
            raise user_error(gr, str(problem)) from None

    run.click(evaluate, [gold, uploaded, split], [metrics, charts, failures, report], api_name="evaluate",
              concurrency_limit=1)
