"""The policyqa web app: chat with sources, documents, evaluation, the embeddable widget and the APIs.

`python ui.py` or `policyqa serve` -> main(settings). Tests call build_app(assistant, settings) and serve it.
The tabs and the named API endpoints are built in webui/; this module assembles them and mounts them on FastAPI.
Gradio is imported inside functions (it is slow to import and must see GRADIO_ANALYTICS_ENABLED first).
"""

import os
import sys

from index.errors import PolicyQAError
from index.settings import Settings, load_settings
from qa.web_api import Gate
from qa.widget import UI_CSS
from webui.api import api_endpoints
from webui.chat import chat_tab
from webui.documents import documents_tab
from webui.embed import embed_tab
from webui.evaluation import evaluation_tab, reports_dir

# Named families only: Gradio quotes each name, which would turn keywords like system-ui into unknown fonts.
THEME_FONTS = ["PingFang SC", "Hiragino Sans GB", "Microsoft YaHei", "Noto Sans CJK SC", "Source Han Sans SC",
               "WenQuanYi Micro Hei", "Segoe UI", "Helvetica Neue", "Arial", "sans-serif"]


def _gradio():
    # Set before the first import of gradio, which reads it once: no telemetry leaves the machine.
    os.environ["GRADIO_ANALYTICS_ENABLED"] = "False"
    import gradio as gr

    return gr


def build_blocks(assistant, settings: Settings, gate: Gate):
    gr = _gradio()
    with gr.Blocks(title="政策问答 policyqa", fill_width=False) as demo:
        gr.Markdown("## 政策问答 · 每个回答都能追溯到原文")
        with gr.Tabs():
            with gr.Tab("对话 / Chat", id="chat"):
                chat_tab(gr, assistant, settings, gate)
            with gr.Tab("知识库 / Documents", id="documents"):
                refresh_docs, doc_outputs = documents_tab(gr, assistant, settings)
            with gr.Tab("评测 / Evaluation", id="evaluation"):
                evaluation_tab(gr, assistant, settings)
            with gr.Tab("嵌入 / Embed", id="embed"):
                fill_embed, embed_outputs = embed_tab(gr, settings)
        api_endpoints(gr, assistant, settings, gate)
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
    reports_dir(settings).mkdir(parents=True, exist_ok=True)
    theme = gr.themes.Soft(font=THEME_FONTS, font_mono=["SFMono-Regular", "Consolas", "DejaVu Sans Mono",
                                                        "monospace"])
    return gr.mount_gradio_app(app, demo, path="/", footer_links=["api", "settings"], run_history=False,
                               ssr_mode=False, mcp_server=False, pwa=False, theme=theme, css=UI_CSS, show_error=False,
                               allowed_paths=[str(reports_dir(settings))], max_file_size="25mb",
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
