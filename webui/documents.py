"""The documents tab: list, upload (incremental ingest), delete and rebuild the indexed documents."""

import html
import shutil
import time
from pathlib import Path

from index.errors import PolicyQAError
from index.settings import Settings
from webui.errors import user_error

SUFFIXES = [".txt", ".md", ".pdf", ".docx", ".html"]


def uploads_dir(settings: Settings) -> Path:
    return Path(settings.home).resolve() / "uploads"


def _document_rows(assistant) -> list[list]:
    records = sorted(assistant.documents().values(), key=lambda r: r.name)
    return [[r.name, len(r.chunk_ids), time.strftime("%Y-%m-%d %H:%M", time.localtime(r.ingested_at)), r.source]
            for r in records]


def _report_rows(report) -> list[list[str]]:
    rows = [[name, status] for status, names in (("新增 added", report.added), ("更新 updated", report.updated),
                                                 ("未变 unchanged", report.unchanged), ("删除 removed", report.removed))
            for name in names]
    return rows + [[Path(e.path).name, f"失败 failed: {e}"] for e in report.failed]


def documents_tab(gr, assistant, settings: Settings):
    """Build the tab; returns (refresh, outputs) for the page-load event that fills the table."""
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
        return lambda i, n, doc: progress(i / max(n, 1), desc=f"{doc} ({i}/{n})")

    def ingest(paths, progress=gr.Progress()):
        if not paths:
            raise gr.Error("请先选择要上传的文件。")
        target = uploads_dir(settings)
        target.mkdir(parents=True, exist_ok=True)
        copies = []
        for path in paths:  # kept under home so `重建索引` can read them again later
            copy = target / Path(path).name
            shutil.copyfile(path, copy)
            copies.append(copy)
        try:
            report = assistant.ingest(copies, progress=tracker(progress))
        except PolicyQAError as problem:
            raise user_error(gr, str(problem)) from None
        return _report_rows(report), *refresh(), report.summary()

    def reset(progress=gr.Progress()):
        sources = {Path(r.source) for r in assistant.documents().values()}
        corpus = Path(settings.corpus_dir).resolve()
        paths = [corpus, *sorted(p for p in sources if p.is_file() and corpus not in p.parents)]
        try:
            report = assistant.ingest(paths, reset=True, progress=tracker(progress))
        except PolicyQAError as problem:
            raise user_error(gr, str(problem)) from None
        return _report_rows(report), *refresh(), report.summary()

    def remove(doc):
        if not doc:
            raise gr.Error("请选择要删除的文档。")
        record = assistant.documents().get(doc)
        if not assistant.delete_document(doc):
            raise user_error(gr, f"没有名为 {doc} 的文档。")
        source = Path(record.source) if record else None
        if source and source.parent == uploads_dir(settings) and source.is_file():
            source.unlink()
        return *refresh(), f"已删除 {html.escape(doc)}"

    outputs = [results, table, name, status]
    upload.click(ingest, files, outputs, api_name="upload", concurrency_id="index", concurrency_limit=1)
    rebuild.click(reset, None, outputs, api_name="rebuild", concurrency_id="index", concurrency_limit=1)
    delete.click(remove, name, [table, name, status], api_name="delete_document", concurrency_id="index",
                 concurrency_limit=1)
    return refresh, [table, name]
