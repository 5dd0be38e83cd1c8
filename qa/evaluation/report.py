"""`--report DIR`: report.md, charts and predictions.jsonl, so a person can read the failures."""
from __future__ import annotations

import json
from pathlib import Path

from index.errors import PolicyQAError

from .tables import COLUMNS, config_line, group_rows, markdown_table, target_lines

FAILURES_SHOWN = 60


def write_report(result, directory: Path) -> list[Path]:
    """Write the report of one EvalResult into `directory` (created); returns the files written."""
    directory = Path(directory)
    try:
        directory.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise PolicyQAError(f"{directory}: cannot create the report folder ({error.strerror})") from None
    predictions = directory / "predictions.jsonl"
    predictions.write_text("".join(json.dumps(p.to_json(), ensure_ascii=False) + "\n" for p in result.predictions),
                           encoding="utf-8")
    summary = directory / "summary.json"
    summary.write_text(json.dumps(result.summary, ensure_ascii=False, indent=1), encoding="utf-8")
    charts = [accuracy_chart(result, directory / "accuracy_by_type.png"),
              latency_chart(result, directory / "latency.png")]
    report = directory / "report.md"
    report.write_text(markdown(result, [c.name for c in charts]), encoding="utf-8")
    return [report, *charts, predictions, summary]


def markdown(result, chart_names: list[str]) -> str:
    m = result.metrics
    lines = [
        "# policyqa evaluation", "",
        f"{config_line(result.config)}", "",
        f"Gold: {', '.join(result.config.get('gold', [])) or '–'}", "",
        "## Results", "",
        markdown_table(COLUMNS, group_rows(result)), "",
        "Accuracy counts an answerable question as correct when an acceptable answer is contained in the",
        "(normalised) answer and it was not refused, an unanswerable one when it was refused.",
        "Hit@k: share of answerable questions whose evidence quote lies in one of the first k retrieved chunks.",
        "Cites evidence: share of answers given (to answerable questions with evidence) whose cited sentence",
        "overlaps an evidence quote.", "",
        "## Targets", "", *(f"- {t}" for t in target_lines(m)), "",
        *(f"![{name}]({name})" for name in chart_names), "",
        f"## Failures ({len(result.failures)} of {m.n})", "",
    ]
    for p in result.failures[:FAILURES_SHOWN]:
        lines += _failure(p)
    if len(result.failures) > FAILURES_SHOWN:
        lines.append(f"… {len(result.failures) - FAILURES_SHOWN} more in predictions.jsonl")
    # Right by containment, but not traceable: the words are there, the cited line is another one.
    untraced = [p for p in result.predictions if p.correct and p.cites_evidence is False]
    lines += ["", f"## Correct answers citing another sentence ({len(untraced)})", ""]
    for p in untraced[:FAILURES_SHOWN]:
        lines += _failure(p)
    if len(untraced) > FAILURES_SHOWN:
        lines.append(f"… {len(untraced) - FAILURES_SHOWN} more in predictions.jsonl")
    lines += ["", "## Configuration", "", "```json", json.dumps(result.config, ensure_ascii=False, indent=1), "```", ""]
    return "\n".join(lines)


def _failure(p) -> list[str]:
    expected = " / ".join(p.expected) + (" | all of: " + "、".join(p.all_of) if p.all_of else "")
    rank = "no retrieved chunk holds the evidence" if p.judged_retrieval and p.hit_rank is None else \
        f"evidence at rank {p.hit_rank}" if p.hit_rank else "retrieval not judged"
    out = [f"### {p.id} · {p.type}{' · paraphrase' if p.paraphrase else ''}", ""]
    if p.history:
        out.append(f"- history: {' → '.join(p.history)}")
    out.append(f"- question: {p.question}")
    if p.rewritten_question and p.rewritten_question != p.question:
        out.append(f"- understood as: {p.rewritten_question}")
    out += [
        f"- expected: {expected or '(refusal)'}",
        f"- answer: {'(refused) ' if p.refused else ''}{_clip(p.prediction, 200)} (confidence {p.confidence:.3f})",
        f"- retrieval: {rank}",
    ]
    if p.error:
        out.append(f"- error: {_clip(p.error, 200)}")
    if p.evidence:
        out.append(f"- gold evidence: {_clip(p.evidence[0], 120)}")
    if p.cited:
        out.append(f"- cited: {_clip(p.cited[0], 120)}")
    return out + [""]


def accuracy_chart(result, path: Path) -> Path:
    labels = ["all", *result.groups["type"]]
    metrics = [result.metrics, *result.groups["type"].values()]
    values = [m.accuracy or 0.0 for m in metrics]
    low = [v - (m.accuracy_ci or (v, v))[0] for v, m in zip(values, metrics)]
    high = [(m.accuracy_ci or (v, v))[1] - v for v, m in zip(values, metrics)]
    figure, canvas = _figure((8, 4))
    axes = figure.add_subplot()
    axes.bar(labels, values, yerr=[low, high], capsize=4, color=["#555555"] + ["#4C72B0"] * (len(labels) - 1))
    for x, m in enumerate(metrics):
        axes.text(x, 0.02, f"n={m.n}", ha="center", color="white", fontsize=8)
    axes.set_ylim(0, 1.05)
    axes.set_ylabel("accuracy (95% bootstrap interval)")
    axes.set_title(f"Accuracy by question type · {result.config.get('name', '')}")
    axes.tick_params(axis="x", rotation=30)
    figure.tight_layout()
    canvas.print_png(str(path))
    return path


def latency_chart(result, path: Path) -> Path:
    latencies = [p.latency_ms for p in result.predictions if p.latency_ms is not None]
    figure, canvas = _figure((6, 3.5))
    axes = figure.add_subplot()
    axes.hist(latencies or [0.0], bins=30, color="#4C72B0")
    for label, value, style in (("p50", result.metrics.latency_p50, "--"), ("p95", result.metrics.latency_p95, ":")):
        if value is not None:
            axes.axvline(value, color="black", linestyle=style, label=f"{label} {value:.0f} ms")
    axes.set_xlabel("latency per question (ms)")
    axes.set_ylabel("questions")
    if latencies:
        axes.legend()
    figure.tight_layout()
    canvas.print_png(str(path))
    return path


def _figure(size: tuple[float, float]):
    # Figure + Agg canvas directly: no pyplot, so no global backend switch inside a running UI.
    try:
        from matplotlib.backends.backend_agg import FigureCanvasAgg
        from matplotlib.figure import Figure
    except ImportError:
        raise PolicyQAError("charts need matplotlib: pip install matplotlib (or 'policyqa[ui]')") from None

    figure = Figure(figsize=size, dpi=110)
    return figure, FigureCanvasAgg(figure)


def _clip(text: str, limit: int) -> str:
    text = text.replace("\n", " ")
    return text if len(text) <= limit else text[:limit] + "…"
