"""The embed tab: copy-paste snippets for the widget, filled per request with the address the browser used."""

from index.settings import Settings
from qa.widget import embed_snippets


def embed_tab(gr, settings: Settings):
    """Build the tab; returns (fill, outputs) for the page-load event, which alone sees the request's host."""
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
