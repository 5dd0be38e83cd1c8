"""Fast checks of the web app's pieces with a stand-in assistant: no model, no Gradio server, no browser."""
from __future__ import annotations

import json
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from index.errors import EmptyQuestion
from index.settings import load_settings
from qa.web_api import Gate, install_policy, install_routes, record_feedback, split_messages, text_with_citations
from qa.widget import (WIDGET_HTML, WIDGET_JS, answer_html, embed_snippets, inert_user_messages, sources_html,
                       typed_text)

ROOT = Path(__file__).resolve().parents[1]
XSS = "<img src=x onerror=alert(1)>"
DOC = "第一段。\n海南省提出，" + XSS + "2025年前建设国家区块链基地，其余略。\n第三段。"
QUOTE = XSS + "2025年前建设国家区块链基地"


@dataclass
class FakeAnswer:
    answer: str = "2025年前"
    refused: bool = False
    rewritten_question: str = "海南基地要在哪年前建成？"
    citations: list = field(default_factory=list)

    def to_json(self) -> dict:
        return {"answer": self.answer, "refused": self.refused, "rewritten_question": self.rewritten_question,
                "evidence": [c["text"] for c in self.citations], "citations": self.citations,
                "timings_ms": {"total": 1.0}}


def citation(**overrides) -> dict:
    start = DOC.index(QUOTE)
    return {"doc": "hainan<b>.txt", "section": "海南:基地", "chunk_id": "c1", "start": start,
            "end": start + len(QUOTE), "text": QUOTE, "score": 0.91} | overrides


class FakeAssistant:
    def __init__(self, delay: float = 0.0) -> None:
        self.delay, self.calls = delay, []

    def ask(self, question, history=None):
        self.calls.append((question, list(history or [])))
        if not question.strip():
            raise EmptyQuestion()
        time.sleep(self.delay)
        return FakeAnswer(citations=[citation()])

    def documents(self):
        return {}

    def document_text(self, name):
        return DOC


@pytest.fixture
def settings(tmp_path):
    return load_settings(home=tmp_path, allowed_origins="http://127.0.0.1:9001, http://example.org/")


def client(assistant, settings, gate=None):
    from fastapi import FastAPI
    from fastapi.testclient import TestClient

    app = FastAPI()
    install_policy(app, settings)
    install_routes(app, assistant, settings, gate or Gate(2, 2))
    return TestClient(app)


def test_sources_panel_highlights_the_quote_in_its_paragraph_and_escapes_everything():
    result = FakeAnswer(citations=[citation()]).to_json()
    panel = sources_html(result, lambda name: DOC, "那海南呢？")
    assert panel.startswith('<details class="pq-sources"><summary>来源（1）</summary>')
    assert "<img" not in panel and "&lt;img src=x onerror=alert(1)&gt;" in panel
    assert "hainan&lt;b&gt;.txt · 海南:基地 · 相关度 0.91" in panel
    assert "海南省提出，<mark>&lt;img" in panel  # the paragraph around the quote, not just the quote
    assert "第一段" not in panel and "第三段" not in panel
    assert "检索用的问题：海南基地要在哪年前建成？" in panel
    assert "\n\n" not in panel  # a blank line would end Markdown's HTML block


def test_sources_panel_falls_back_to_the_quote_when_the_text_is_unavailable():
    result = FakeAnswer(rewritten_question="q", citations=[citation(start=5000, end=5010)]).to_json()
    panel = sources_html(result, lambda name: None, "q")
    assert "<mark>&lt;img src=x onerror=alert(1)&gt;2025年前" in panel and "检索用的问题" not in panel
    moved = sources_html(result, lambda name: DOC, "q")  # stale offsets: found again by the quote
    assert "海南省提出，<mark>&lt;img" in moved


def test_answer_html_escapes_and_keeps_lines():
    assert answer_html(XSS + "\n\n第二行") == '<div class="pq-answer">&lt;img src=x onerror=alert(1)&gt;<br>第二行</div>'


def test_user_messages_are_inert_and_escaping_them_twice_changes_nothing():
    once = inert_user_messages([{"role": "user", "content": XSS},
                                    {"role": "user", "content": [{"type": "text", "text": XSS}]},
                                    {"role": "assistant", "content": "<div>kept</div>"}])
    assert once[0]["content"] == "&lt;img src=x onerror=alert(1)&gt;"
    assert once[1]["content"][0]["text"] == once[0]["content"]
    assert once[2]["content"] == "<div>kept</div>"
    assert inert_user_messages(once) == once
    assert typed_text(once[1]["content"]) == XSS


def test_openai_messages_map_to_question_and_history():
    messages = [{"role": "system", "content": "ignored"}, {"role": "user", "content": "第一问"},
                {"role": "assistant", "content": "答"}, {"role": "user", "content": [{"type": "text", "text": "第二问"}]}]
    assert split_messages(messages) == ("第二问", ["第一问"])
    assert split_messages([]) == ("", [])


def test_answer_text_carries_its_sources():
    text = text_with_citations(FakeAnswer(citations=[citation(doc="a.txt")]).to_json())
    assert text == f"2025年前\n\n来源：[1] a.txt · 海南:基地 «{QUOTE}»"
    assert text_with_citations(FakeAnswer(answer="无法回答", refused=True).to_json()) == "无法回答"


def test_feedback_is_appended_as_json_lines(tmp_path):
    for vote in ("like", "dislike"):
        record_feedback(tmp_path, question="问", answer="答", citations=[citation()], vote=vote, history=["前"])
    rows = [json.loads(line) for line in (tmp_path / "feedback.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [r["vote"] for r in rows] == ["like", "dislike"]
    assert set(rows[0]) == {"time", "vote", "question", "history", "answer", "citations"}


def test_embed_snippets_and_widget_assets_are_self_contained():
    snippets = embed_snippets("http://qa.example:7860")
    assert snippets["script"] == '<script src="http://qa.example:7860/widget.js" defer></script>'
    assert 'src="http://qa.example:7860/widget"' in snippets["iframe"]
    assert "gradio.js" in snippets["gradio"] and "<gradio-app" in snippets["gradio"]
    for asset in (WIDGET_HTML, WIDGET_JS):
        assert "http://" not in asset and "https://" not in asset  # nothing fetched from elsewhere
        assert "innerHTML = data" not in asset
    assert "prefers-color-scheme:dark" in WIDGET_HTML


def test_json_and_openai_routes(settings):
    assistant = FakeAssistant()
    http = client(assistant, settings)
    body = http.post("/api/ask", json={"question": "那海南呢？", "history": ["北京呢？"]}).json()
    assert body["answer"] == "2025年前" and body["citations"][0]["doc"] == "hainan<b>.txt"
    assert assistant.calls[-1] == ("那海南呢？", ["北京呢？"])

    reply = http.post("/v1/chat/completions", json={"model": "x", "messages": [
        {"role": "user", "content": "北京呢？"}, {"role": "assistant", "content": "..."},
        {"role": "user", "content": "那海南呢？"}]}).json()
    assert assistant.calls[-1] == ("那海南呢？", ["北京呢？"])
    assert reply["object"] == "chat.completion" and reply["citations"][0]["chunk_id"] == "c1"
    assert reply["choices"][0]["message"]["content"].startswith("2025年前\n\n来源：[1]")

    stream = http.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": "q"}], "stream": True})
    events = [line[6:] for line in stream.text.splitlines() if line.startswith("data: ")]
    assert events[-1] == "[DONE]"
    chunks = [json.loads(e) for e in events[:-1]]
    assert "".join(c["choices"][0]["delta"].get("content", "") for c in chunks) == \
        reply["choices"][0]["message"]["content"]
    assert chunks[-1]["choices"][0]["finish_reason"] == "stop" and chunks[-1]["citations"]

    empty = http.post("/v1/chat/completions", json={"messages": [{"role": "user", "content": "  "}]})
    assert empty.status_code == 400 and "question is empty" in empty.json()["error"]["message"]
    assert http.get("/v1/models").json()["data"][0]["id"] == "policyqa"


def test_frame_and_cors_policy(settings):
    http = client(FakeAssistant(), settings)
    page = http.get("/widget")
    assert page.headers["content-security-policy"] == \
        "frame-ancestors 'self' http://127.0.0.1:9001 http://example.org"
    allowed = http.options("/api/ask", headers={"Origin": "http://example.org",
                                                "Access-Control-Request-Method": "POST"})
    assert allowed.headers["access-control-allow-origin"] == "http://example.org"
    refused = http.options("/api/ask", headers={"Origin": "http://evil.example",
                                                "Access-Control-Request-Method": "POST"})
    assert "access-control-allow-origin" not in refused.headers
    assert http.get("/widget.js").headers["content-type"].startswith("text/javascript")


def test_too_many_questions_in_flight_get_429(settings):
    assistant = FakeAssistant(delay=0.6)
    http = client(assistant, settings, gate=Gate(1, 1))
    statuses = []

    def ask():
        statuses.append(http.post("/v1/chat/completions",
                                  json={"messages": [{"role": "user", "content": "q"}]}).status_code)

    threads = [threading.Thread(target=ask) for _ in range(3)]
    for t in threads:
        t.start()
        time.sleep(0.05)
    for t in threads:
        t.join()
    assert sorted(statuses) == [200, 200, 429]
    busy = http.post("/api/ask", json={"question": "q"})  # all done: admitted again
    assert busy.status_code == 200


def test_importing_ui_loads_no_gradio():
    import subprocess
    import sys

    code = "import sys, ui; assert 'gradio' not in sys.modules and 'fastapi' not in sys.modules"
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT)
