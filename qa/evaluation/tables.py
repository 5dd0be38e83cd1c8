"""Results as tables: aligned text for the terminal, Markdown for report.md."""
from __future__ import annotations

from .metrics import Metrics

# The project's goals (README); shown next to the numbers, never used to pass or fail a run.
TARGETS = [  # (label, attribute, comparison, goal)
    ("accuracy on answerable", "accuracy_answerable", ">=", 0.90),
    ("refusals on unanswerable", "refusal_rate", ">=", 0.90),
    ("false refusals", "false_refusal_rate", "<=", 0.05),
    ("hit@3", "hit3", ">=", 0.95),
    ("median answer length", "answer_len_median", "<=", 40),
]

COLUMNS = ["", "n", "accuracy [95% CI]", "answerable", "refused unans.", "false refusals", "EM", "F1",
           "hit@1", "hit@3", "hit@5", "MRR", "cites evidence", "p50 ms", "p95 ms", "median len"]


def metric_cells(m: Metrics) -> list[str]:
    ci = f" [{m.accuracy_ci[0]:.2f}–{m.accuracy_ci[1]:.2f}]" if m.accuracy_ci else ""
    return [str(m.n), _f(m.accuracy) + ci, _f(m.accuracy_answerable), _f(m.refusal_rate), _f(m.false_refusal_rate),
            _f(m.em), _f(m.f1), *(_f(m.hits[k]) for k in (1, 3, 5)), _f(m.mrr), _f(m.citation_accuracy),
            _f(m.latency_p50, 0), _f(m.latency_p95, 0), _f(m.answer_len_median, 0)]


def group_rows(result) -> list[list[str]]:
    """One row for all questions, then per split, per type, paraphrase or not."""
    rows = [["all", *metric_cells(result.metrics)]]
    for name, group in result.groups.items():
        for key, metrics in group.items():
            rows.append([f"{name} {key}", *metric_cells(metrics)])
    return rows


def compare_rows(results: dict) -> tuple[list[str], list[list[str]]]:
    """Configurations as columns, metrics as rows: four configurations fit a terminal this way."""
    header = ["", *results]
    cells = {name: metric_cells(r.metrics) for name, r in results.items()}
    rows = [[label, *(cells[name][i] for name in results)] for i, label in enumerate(COLUMNS[1:])]
    return header, rows


def target_lines(m: Metrics) -> list[str]:
    lines = []
    for label, attribute, op, goal in TARGETS:
        value = m.hits[3] if attribute == "hit3" else getattr(m, attribute)
        if value is None:
            continue
        met = value >= goal if op == ">=" else value <= goal
        lines.append(f"{'✓' if met else '✗'} {label}: {_f(value, 0 if goal > 1 else 3)} (target {op} {goal})")
    return lines


def error_lines(result) -> list[str]:
    failed = [p for p in result.predictions if p.error]
    if not failed:
        return []
    first = failed[0]
    return [f"! {len(failed)} question(s) raised an error and count as wrong, e.g. {first.id}: {first.error}"]


def text_table(header: list[str], rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]

    def line(cells: list[str]) -> str:
        first = cells[0].ljust(widths[0])
        return "  ".join([first, *(c.rjust(w) for c, w in zip(cells[1:], widths[1:]))]).rstrip()

    rule = "  ".join("-" * w for w in widths)
    return "\n".join([line(header), rule, *(line(r) for r in rows)])


def markdown_table(header: list[str], rows: list[list[str]]) -> str:
    def line(cells: list[str]) -> str:
        return "| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |"

    return "\n".join([line(header), "|" + "---|" * len(header), *(line(r) for r in rows)])


def config_line(config: dict) -> str:
    keys = ("name", "embedder", "chunk_size", "top_k", "retrieval_k", "refusal_threshold", "answerer", "split")
    return " · ".join(f"{k} {config[k]}" for k in keys if config.get(k) is not None)


def _f(value: float | None, digits: int = 3) -> str:
    if value is None:
        return "–"
    return f"{value:.{digits}f}"
