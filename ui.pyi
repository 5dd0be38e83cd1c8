"""The policyqa web app: chat with sources, documents, evaluation, the embeddable widget and the APIs.

`python ui.py` or `policyqa serve` -> main(settings). Tests call build_app(assistant, settings) and serve it.
Gradio is imported inside functions (it is slow to import and must see GRADIO_ANALYTICS_ENABLED first).
No `from __future__ import annotations`: Gradio reads real annotations (gr.LikeData, gr.Request, gr.api types).
"""

import html
import os
import shutil
import sys
import time
from pathlib import Path

from index.errors import PolicyQAError
from index.settings import Settings, load_settings
from qa.web_api import Gate, record_feedback
from qa.widget import (UI_CSS, answer_html, embed_snippets, inert_user_messages, message_text, sources_html,
                       typed_text)

EXAMPLES = ["海南国家区块链技术和产业创新发展基地要在哪年前建成？",
            "深圳计划到2022年数字经济产业增加值突破多少？",
            "北京的区块链行动计划提出了几大重点任务？"]
SUFFIXES = [".txt", ".md", ".pdf", ".docx", ".html"]
# Named families only: Gradio quotes each name, which would turn keywords like system-ui into unknown fonts.
THEME_FONTS = ["PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
               "WenQuanYi Micro Hei", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"]
STREAM_PIECE = 12  # characters per streamed update: a visible typing effect without flooding the socket


def _gradio():
    # Set before the first import of gradio, which reads it once: no telemetry leaves the machine.
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    import gradio as gr

    return gr

from gradio.events import Dependency

def _chatbot_class(gr):
    class InertUserChatbot(gr.Chatbot):
        def postprocess(self, value):
            return super().postprocess(inert_user_messages(value) if value else value)

        def get_block_name(self) -> str:
            return "chatbot"
    from typing import Callable, Literal, Sequence, Any, TYPE_CHECKING
    from gradio.blocks import Block
    if TYPE_CHECKING:
        from gradio.components import Timer
        from gradio.components.base import Component
    from typing import Callable, Literal, Sequence, Any, TYPE_CHECKING
    from gradio.blocks import Block
    if TYPE_CHECKING:
        from gradio.components import Timer
        from gradio.components.base import Component
    from typing import Callable, Literal, Sequence, Any, TYPE_CHECKING
    from gradio.blocks import Block
    if TYPE_CHECKING:
        from gradio.components import Timer
        from gradio.components.base import Component
    from typing import Callable, Literal, Sequence, Any, TYPE_CHECKING
    from gradio.blocks import Block
    if TYPE_CHECKING:
        from gradio.components import Timer
        from gradio.components.base import Component
    from typing import Callable, Literal, Sequence, Any, TYPE_CHECKING
    from gradio.blocks import Block
    if TYPE_CHECKING:
        from gradio.components import Timer
        from gradio.components.base import Component
    from typing import Callable, Literal, Sequence, Any, TYPE_CHECKING
    from gradio.blocks import Block
    if TYPE_CHECKING:
        from gradio.components import Timer
        from gradio.components.base import Component  # the stock Svelte component renders it

    return InertUserChatbot


def _error(gr, message: str):
    # Gradio renders error text as HTML, and messages can carry file or document names.
    return gr.Error(html.escape(message))


def _uploads(settings: Settings) -> Path:
    return Path(settings.home).resolve() / "uploads"


def _reports(settings: Settings) -> Path:
    return Path(settings.home).resolve() / "reports"


# --- chat ---------------------------------------------------------------------------------------
def _chat_tab(gr, assistant, settings: Settings, gate: Gate) -> None:
    answers = gr.State({})  # assistant message index -> ask JSON, for feedback; lives only in the session

    def respond(message, history, known):
        question = message_text(message).strip()
        previous = [typed_text(m["content"]) for m in history if m.get("role") == "user"]
        known = dict(known or {})
        yield answer_html("正在检索…"), known
        try:
            with gate.slot():
                result = assistant.ask(question, previous).to_json()
        except PolicyQAError as problem:
            yield answer_html(str(problem), refused=True), known
            return
        text = result["answer"]
        for end in range(STREAM_PIECE, len(text), STREAM_PIECE):
            yield answer_html(text[:end]), known
            time.sleep(0.02)
        known[len(history) + 1] = {"question": question, "history": previous, **result}
        yield answer_html(text, result["refused"]) + sources_html(result, assistant.document_text, question), known

    def vote(known, data: gr.LikeData):
        index = data.index[0] if isinstance(data.index, (list, tuple)) else data.index
        row = (known or {}).get(index)
        if row is None:
            return
        liked = "like" if data.liked is True else "dislike" if data.liked is False else str(data.liked)
        record_feedback(settings.home, question=row["question"], history=row["history"], answer=row["answer"],
                        citations=row["citations"], vote=liked)
        gr.Info("谢谢反馈！已记录。")

    chatbot = _chatbot_class(gr)(height=520, show_label=False, feedback_options=["Like", "Dislike"],
                                 buttons=["copy"], elem_id="pq-chatbot",
                                 placeholder="基于已导入的政策文件回答，每个回答都附原文出处。")
    # [question, None]: examples must be lists once there are additional inputs; None leaves the State alone.
    gr.ChatInterface(respond, chatbot=chatbot, examples=[[q, None] for q in EXAMPLES], additional_inputs=[answers],
                     additional_outputs=[answers], flagging_mode="never", save_history=False,
                     concurrency_limit=settings.concurrency_limit, api_name="chat", fill_height=False)
    chatbot.like(vote, [answers], None, api_visibility="private")


# --- named API endpoints ----------------------------------------------------------------------
def _api_endpoints(gr, assistant, settings: Settings, gate: Gate) -> None:
    def ask(question: str, history: list[str] | None = None) -> dict:
        """Answer like `policyqa ask --json`: history = the earlier questions of the conversation, oldest first."""
        try:
            with gate.slot():
                return assistant.ask(question, list(history or [])).to_json()
        except PolicyQAError as problem:
            raise _error(gr, str(problem)) from None

    def feedback(question: str, answer: str, vote: str, citations: list[dict] | None = None,
                 history: list[str] | None = None) -> str:
        """Record a vote ('like' or 'dislike') on an answer in feedback.jsonl."""
        if vote not in ("like", "dislike"):
            raise gr.Error("vote must be 'like' or 'dislike'")
        record_feedback(settings.home, question=question, answer=answer, citations=list(citations or []),
                        vote=vote, history=list(history or []))
        return "ok"

    gr.api(ask, api_name="ask", concurrency_limit=settings.concurrency_limit, concurrency_id="ask")
    gr.api(feedback, api_name="feedback")


# --- documents ----------------------------------------------------------------------------------
def _document_rows(assistant) -> list[list]:
    records = sorted(assistant.documents().values(), key=lambda r: r.name)
    return [[r.name, len(r.chunk_ids), time.strftime("%Y-%m-%d %H:%M", time.localtime(r.ingested_at)), r.source]
            for r in records]


def _report_rows(report) -> list[list[str]]:
    rows = [[name, status] for status, names in (("新增 added", report.added), ("更新 updated", report.updated),
                                                 ("未变 unchanged", report.unchanged), ("删除 removed", report.removed))
            for name in names]
    return rows + [[Path(e.path).name, f"失败 failed: {e}"] for e in report.failed]


def _documents_tab(gr, assistant, settings: Settings):
    gr.Markdown("上传文件后增量导入：未改变的文件会被跳过。支持 " + " ".join(SUFFIXES) + "，编码自动识别（含 GBK）。")
    table = gr.Dataframe(headers=["文档", "片段数", "最后导入", "来源文件"], interactive=False, label="已导入的文档")
    with gr.Row():
        files = gr.File(file_count="multiple", file_types=SUFFIXES, label="上传文档", scale=3)
        with gr.Column(scale=1):
            upload = gr.Button("导入", variant="primary")
            rebuild = gr.Button("重建索引")
    results = gr.Dataframe(headers=["文件", "结果"], interactive=False, label="导入结果")
    with gr.Row():
        name = gr.Dropdown(label="删除文档", choices=[], allow_custom_value=True, scale=3)
        delete = gr.Button("删除", variant="stop", scale=1)
    status = gr.Markdown()

    def refresh():
        rows = _document_rows(assistant)
        return rows, gr.Dropdown(choices=[r[0] for r in rows], value=None)

    def tracker(progress):
        return lambda i, n, doc: progress((i - 1) / max(n, 1), desc=f"{doc} ({i}/{n})")

    def ingest(paths, progress=gr.Progress()):
        if not paths:
            raise gr.Error("请先选择要上传的文件。")
        target = _uploads(settings)
        target.mkdir(parents=True, exist_ok=True)
        copies = []
        for path in paths:  # kept under home so `重建索引` can read them again later
            copy = target / Path(path).name
            shutil.copyfile(path, copy)
            copies.append(copy)
        try:
            report = assistant.ingest(copies, progress=tracker(progress))
        except PolicyQAError as problem:
            raise _error(gr, str(problem)) from None
        return _report_rows(report), *refresh(), report.summary()

    def reset(progress=gr.Progress()):
        sources = {Path(r.source) for r in assistant.documents().values()}
        corpus = Path(settings.corpus_dir).resolve()
        paths = [corpus, *sorted(p for p in sources if p.is_file() and corpus not in p.parents)]
        try:
            report = assistant.ingest(paths, reset=True, progress=tracker(progress))
        except PolicyQAError as problem:
            raise _error(gr, str(problem)) from None
        return _report_rows(report), *refresh(), report.summary()

    def remove(doc):
        if not doc:
            raise gr.Error("请选择要删除的文档。")
        record = assistant.documents().get(doc)
        if not assistant.delete_document(doc):
            raise _error(gr, f"没有名为 {doc} 的文档。")
        source = Path(record.source) if record else None
        if source and source.parent == _uploads(settings) and source.is_file():
            source.unlink()
        return *refresh(), f"已删除 {html.escape(doc)}"

    outputs = [results, table, name, status]
    upload.click(ingest, files, outputs, api_name="upload", concurrency_id="index", concurrency_limit=1)
    rebuild.click(reset, None, outputs, api_name="rebuild", concurrency_id="index", concurrency_limit=1)
    delete.click(remove, name, [table, name, status], api_name="delete_document", concurrency_id="index",
                 concurrency_limit=1)
    return refresh, [table, name]


# --- evaluation ---------------------------------------------------------------------------------
def _evaluation_module():
    """qa.evaluation (written separately); None until it exists so the tab can say so."""
    try:
        from qa import evaluation
    except ImportError:
        return None
    return evaluation


METRICS = ["n", "accuracy", "em", "f1", "refusal_rate", "false_refusal_rate", "hit@1", "hit@3", "hit@5", "mrr"]


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
    evaluation = _evaluation_module()
    result = evaluation.run_evaluation(assistant, gold, split=split, progress=progress)
    out = _reports(settings) / time.strftime("%Y%m%d-%H%M%S")
    written = [Path(p) for p in evaluation.write_report(result, out)]
    charts = [str(p) for p in written if p.suffix == ".png"]
    report = next((str(p) for p in written if p.suffix == ".md"), None)
    return _metric_rows(result.summary), charts, [_failure_row(r) for r in result.failures], report


def _evaluation_tab(gr, assistant, settings: Settings) -> None:
    gold_dir = Path(settings.corpus_dir) / "gold"
    builtin = sorted(p.name for p in gold_dir.glob("*.qa.jsonl")) if gold_dir.is_dir() else []
    available = _evaluation_module() is not None
    if not available:
        gr.Markdown("**评测模块 `qa.evaluation` 尚未安装，暂时无法在这里运行评测。** "
                    "(The evaluation module is not available in this installation.)")
    with gr.Row():
        gold = gr.Dropdown(builtin, value=builtin[0] if builtin else None, label="内置评测集")
        uploaded = gr.File(file_types=[".jsonl"], label="或上传评测集 (.qa.jsonl)")
        split = gr.Radio(["all", "dev", "test"], value="all", label="划分")
    run = gr.Button("运行评测", variant="primary", interactive=available)
    metrics = gr.Dataframe(headers=["范围", *METRICS, "p50 ms", "p95 ms"], interactive=False, label="指标")
    charts = gr.Gallery(label="图表", columns=3, height="auto")
    failures = gr.Dataframe(headers=["id", "类型", "问题", "回答", "期望"], interactive=False, label="答错的问题",
                            wrap=True)
    report = gr.File(label="report.md")

    def evaluate(name, upload, part, progress=gr.Progress()):
        if not upload and name not in builtin:  # a name, never a path: the API could send anything
            raise gr.Error("请选择或上传一个评测集。")
        paths = [Path(upload)] if upload else [gold_dir / name]
        if _evaluation_module() is None:
            raise gr.Error("评测模块 qa.evaluation 尚未安装。")
        track = lambda i, n, *rest: progress(i / max(n, 1), desc=f"{i}/{n}")  # noqa: E731
        try:
            return run_evaluation(assistant, settings, paths, part, track)
        except PolicyQAError as problem:
            raise _error(gr, str(problem)) from None

    run.click(evaluate, [gold, uploaded, split], [metrics, charts, failures, report], api_name="evaluate",
              concurrency_limit=1)


# --- embed --------------------------------------------------------------------------------------
def _embed_tab(gr, settings: Settings):
    gr.Markdown("把下面一行加到任何网页（其来源须在 `POLICYQA_ALLOWED_ORIGINS` 中），页面右下角就会出现问答按钮。"
                "允许嵌入的来源：" + (", ".join(f"`{o}`" for o in settings.origins) or "（仅本站）"))
    script = gr.Code(language="html", label="widget.js（推荐）", interactive=False)
    iframe = gr.Code(language="html", label="或：iframe", interactive=False)
    component = gr.Code(language="html", label="或：Gradio 网页组件 <gradio-app>", interactive=False)
    preview = gr.HTML(label="实时预览")

    def fill(request: gr.Request):
        host = request.headers.get("host") or f"{settings.host}:{settings.port}"
        scheme = request.headers.get("x-forwarded-proto") or "http"
        snippets = embed_snippets(f"{scheme}://{host}")
        frame = ('<iframe src="/widget-preview" title="widget.js 预览" '
                 'style="width:100%;height:640px;border:1px solid #d1d9e0;border-radius:12px"></iframe>')
        return snippets["script"], snippets["iframe"], snippets["gradio"], frame

    return fill, [script, iframe, component, preview]


# --- the app ------------------------------------------------------------------------------------
def build_blocks(assistant, settings: Settings, gate: Gate):
    gr = _gradio()
    with gr.Blocks(title="政策问答 policyqa", fill_width=False) as demo:
        gr.Markdown("## 政策问答 · 每个回答都能追溯到原文")
        with gr.Tabs():
            with gr.Tab("对话 / Chat", id="chat"):
                _chat_tab(gr, assistant, settings, gate)
            with gr.Tab("知识库 / Documents", id="documents"):
                refresh_docs, doc_outputs = _documents_tab(gr, assistant, settings)
            with gr.Tab("评测 / Evaluation", id="evaluation"):
                _evaluation_tab(gr, assistant, settings)
            with gr.Tab("嵌入 / Embed", id="embed"):
                fill_embed, embed_outputs = _embed_tab(gr, settings)
        _api_endpoints(gr, assistant, settings, gate)
        demo.load(refresh_docs, None, doc_outputs, api_visibility="private", queue=False)
        demo.load(fill_embed, None, embed_outputs, api_visibility="private", queue=False)
    return demo


def build_app(assistant, settings: Settings):
    """FastAPI app: the JSON/OpenAI/widget routes first, then the Gradio UI mounted at /."""
    gr = _gradio()
    from fastapi import FastAPI

    from qa.web_api import install_policy, install_routes

    gate = Gate(settings.concurrency_limit, settings.max_queue)
    app = FastAPI(title="policyqa", docs_url=None, redoc_url=None, openapi_url=None)
    install_policy(app, settings)
    install_routes(app, assistant, settings, gate)
    demo = build_blocks(assistant, settings, gate)
    demo.queue(api_open=False, max_size=settings.max_queue, default_concurrency_limit=settings.concurrency_limit)
    _reports(settings).mkdir(parents=True, exist_ok=True)
    theme = gr.themes.Soft(font=THEME_FONTS, font_mono=["SFMono-Regular", "Consolas", "DejaVu Sans Mono",
                                                        "monospace"])
    return gr.mount_gradio_app(app, demo, path="/", footer_links=["api", "settings"], run_history=False,
                               ssr_mode=False, mcp_server=False, pwa=False, theme=theme, css=UI_CSS, show_error=False,
                               allowed_paths=[str(_reports(settings))], max_file_size="25mb",
                               server_name=settings.host, server_port=settings.port)


def _print_progress(i: int, n: int, name: str) -> None:
    print(f"\rpolicyqa: indexing {i}/{n} {name}", end="\n" if i == n else "", file=sys.stderr, flush=True)


def main(settings: Settings | None = None) -> None:
    import uvicorn

    from qa import Assistant

    settings = settings or load_settings()
    try:
        assistant = Assistant.from_settings(settings)
        report = assistant.ensure_index(progress=_print_progress)
    except PolicyQAError as problem:
        print(f"policyqa: {problem}", file=sys.stderr)
        raise SystemExit(1) from None
    if report is not None:
        print(f"policyqa: index built from {settings.corpus_dir}: {report.summary()}", file=sys.stderr)
    app = build_app(assistant, settings)
    print(f"policyqa: serving on http://{settings.host}:{settings.port}", file=sys.stderr)
    uvicorn.run(app, host=settings.host, port=settings.port, log_level="warning")


if __name__ == "__main__":
    main()