"""The web app served for real (real Assistant and embedder on the bundled corpus), driven the way people and
programs use it: gradio_client, the openai SDK, plain HTTP, and headless Chromium through Playwright.

One server for the whole module; each test that adds a document removes it again.
"""
from __future__ import annotations

import http.server
import json
import os
import socket
import threading
import time
from pathlib import Path

import pytest

pytestmark = pytest.mark.integration

ROOT = Path(__file__).resolve().parents[1]
HAINAN = "海南国家区块链技术和产业创新发展基地要在哪年前建成？"
SHENZHEN = "深圳计划到2022年数字经济产业增加值突破多少？"
XSS = "<img src=x onerror=alert(1)>"
CHROMIUM = "/usr/bin/chromium"
ASK_KEYS = {"answer", "refused", "rewritten_question", "evidence", "citations", "timings_ms"}
CITATION_KEYS = {"doc", "section", "chunk_id", "start", "end", "text", "score"}


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Server:
    """A server in a thread: uvicorn for the app, http.server for the host pages."""

    def __init__(self, run, stop) -> None:
        self._stop = stop
        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()

    def stop(self) -> None:
        self._stop()
        self.thread.join(timeout=15)


def serve_app(app, port: int) -> Server:
    import uvicorn

    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    running = Server(server.run, lambda: setattr(server, "should_exit", True))
    deadline = time.time() + 60
    while not server.started:
        assert time.time() < deadline and running.thread.is_alive(), "the app did not start"
        time.sleep(0.1)
    return running


def serve_page(html: str, port: int) -> Server:
    body = html.encode("utf-8")

    class Page(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            self.send_response(200)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", port), Page)
    return Server(httpd.serve_forever, lambda: (httpd.shutdown(), httpd.server_close()))


@pytest.fixture(scope="module")
def app(tmp_path_factory):
    """(base URL, settings, host page port) of a freshly indexed app in a temporary home."""
    home = tmp_path_factory.mktemp("policyqa_home")
    port, host_port = free_port(), free_port()
    with pytest.MonkeyPatch.context() as env:
        env.setenv("GRADIO_ANALYTICS_ENABLED", "False")
        env.setenv("HF_HUB_OFFLINE", "1")
        env.setenv("GRADIO_TEMP_DIR", str(tmp_path_factory.mktemp("gradio_tmp")))
        from index.settings import load_settings
        from qa import Assistant

        import ui

        settings = load_settings(home=home, port=port, allowed_origins=f"http://127.0.0.1:{host_port}",
                                 concurrency_limit=2, max_queue=8)
        assistant = Assistant.from_settings(settings)
        assistant.ensure_index()
        server = serve_app(ui.build_app(assistant, settings), port)
        yield f"http://127.0.0.1:{port}", settings, host_port
        server.stop()


@pytest.fixture(scope="module")
def gradio(app, tmp_path_factory):
    from gradio_client import Client

    return Client(app[0] + "/", analytics_enabled=False, verbose=False,
                  download_files=str(tmp_path_factory.mktemp("downloads")))


def check_ask_json(result: dict) -> None:
    assert set(result) == ASK_KEYS
    assert isinstance(result["answer"], str) and isinstance(result["refused"], bool)
    assert all(isinstance(e, str) for e in result["evidence"])
    for c in result["citations"]:
        assert set(c) == CITATION_KEYS
        assert isinstance(c["start"], int) and isinstance(c["end"], int) and isinstance(c["score"], float)


# --- gradio_client ------------------------------------------------------------------------------
def test_ask_endpoint_returns_the_cli_json(gradio):
    result = gradio.predict(HAINAN, [], api_name="/ask")
    check_ask_json(result)
    assert "2025" in result["answer"] and not result["refused"]
    assert result["citations"][0]["doc"] == "blockchain_policy_2020.txt"
    assert "2025" in result["citations"][0]["text"]


def test_follow_up_uses_the_earlier_questions(app, gradio):
    from gradio_client import Client

    follow_up = gradio.predict("年均增速呢？", [SHENZHEN], api_name="/ask")
    check_ask_json(follow_up)
    assert follow_up["rewritten_question"] != "年均增速呢？" and "深圳" in follow_up["rewritten_question"]

    chat = Client(app[0] + "/", analytics_enabled=False, verbose=False)  # its own session = its own history
    first = chat.predict(SHENZHEN, api_name="/chat")
    assert "2400" in first and "来源" in first
    second = chat.predict("年均增速呢？", api_name="/chat")
    assert f"检索用的问题：{follow_up['rewritten_question']}" in second  # same pipeline as /ask and the CLI


def test_feedback_is_written(app, gradio):
    _, settings, _ = app
    result = gradio.predict(SHENZHEN, [], api_name="/ask")
    gradio.predict(SHENZHEN, result["answer"], "dislike", result["citations"], [], api_name="/feedback")
    rows = [json.loads(line) for line in (Path(settings.home) / "feedback.jsonl").read_text("utf-8").splitlines()]
    assert rows[-1]["vote"] == "dislike" and rows[-1]["question"] == SHENZHEN
    assert rows[-1]["citations"] == result["citations"]


def test_empty_question_is_a_friendly_error(gradio):
    from gradio_client.exceptions import AppError

    with pytest.raises(AppError, match="question is empty"):
        gradio.predict("   ", [], api_name="/ask")


def test_gbk_upload_is_answered_then_gone_after_delete(gradio, tmp_path):
    from gradio_client import handle_file

    path = tmp_path / "quantum_gbk.txt"
    path.write_bytes("深圳市福田区将在2031年前建成量子计算产业园，首期投资八十八亿元。\n"
                     "该产业园由福田区科技局负责建设。\n".encode("gbk"))
    question = "福田区量子计算产业园首期投资多少？"
    results, documents, _, summary = gradio.predict([handle_file(str(path))], api_name="/upload")
    assert results["data"] == [["quantum_gbk.txt", "新增 added"]] and "1 added" in summary
    assert "quantum_gbk.txt" in [row[0] for row in documents["data"]]
    answer = gradio.predict(question, [], api_name="/ask")
    assert "八十八亿元" in answer["answer"] and answer["citations"][0]["doc"] == "quantum_gbk.txt"

    documents, _, status = gradio.predict("quantum_gbk.txt", api_name="/delete_document")
    assert "quantum_gbk.txt" not in [row[0] for row in documents["data"]] and "已删除" in status
    gone = gradio.predict(question, [], api_name="/ask")
    assert "八十八" not in gone["answer"] and all(c["doc"] != "quantum_gbk.txt" for c in gone["citations"])


def test_evaluation_tab_runs_on_an_uploaded_gold_file(gradio, tmp_path):
    from gradio_client import handle_file

    gold = tmp_path / "small.qa.jsonl"
    lines = (ROOT / "corpus" / "gold" / "blockchain_policy_2020.qa.jsonl").read_text("utf-8").splitlines()
    gold.write_text("\n".join(lines[:4]) + "\n", encoding="utf-8")
    metrics, charts, failures, report = gradio.predict(None, handle_file(str(gold)), "all", api_name="/evaluate")
    overall = dict(zip(metrics["headers"], metrics["data"][0]))
    assert overall["n"] == "4" and 0.0 <= float(overall["accuracy"]) <= 1.0
    assert overall["citation_accuracy"] == "–" or 0.0 <= float(overall["citation_accuracy"]) <= 1.0
    assert charts and all(Path(c["image"]).suffix == ".png" for c in charts)
    assert failures["headers"] == ["id", "类型", "问题", "回答", "期望"]
    assert Path(report).read_text("utf-8").strip()


# --- OpenAI-compatible route and plain HTTP -----------------------------------------------------
def test_openai_sdk_plain_and_streaming(app):
    from openai import OpenAI

    client = OpenAI(base_url=app[0] + "/v1", api_key="not-needed", max_retries=0)
    assert [m.id for m in client.models.list()] == ["policyqa"]
    reply = client.chat.completions.create(model="policyqa", messages=[{"role": "user", "content": SHENZHEN}])
    text = reply.choices[0].message.content
    assert "2400亿元" in text and "来源：[1] blockchain_policy_2020.txt" in text
    assert reply.model_extra["citations"][0]["doc"] == "blockchain_policy_2020.txt"

    stream = client.chat.completions.create(model="policyqa", stream=True, messages=[
        {"role": "user", "content": SHENZHEN}, {"role": "assistant", "content": text},
        {"role": "user", "content": "年均增速呢？"}])
    chunks = list(stream)
    streamed = "".join(c.choices[0].delta.content or "" for c in chunks if c.choices)
    assert "15%" in streamed and "来源：" in streamed
    assert chunks[-1].choices[0].finish_reason == "stop" and chunks[-1].model_extra["citations"]


def test_embedding_policy_headers(app):
    import httpx

    base, settings, host_port = app
    allowed = f"http://127.0.0.1:{host_port}"
    for path in ("/", "/widget", "/widget.js"):
        assert httpx.get(base + path).headers["content-security-policy"] == f"frame-ancestors 'self' {allowed}"
    script = httpx.get(base + "/gradio.js", headers={"Origin": allowed})
    assert script.status_code == 200 and script.headers["access-control-allow-origin"] == allowed
    other = httpx.get(base + "/gradio.js", headers={"Origin": "http://127.0.0.1:1"})
    assert "access-control-allow-origin" not in other.headers


# --- the browser ----------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium in .ci/run")
        pytest.skip(f"{CHROMIUM} is missing (apt-get install -y chromium)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        chromium = p.chromium.launch(executable_path=CHROMIUM, args=[
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"])
        yield chromium
        chromium.close()


@pytest.fixture
def page(browser):
    """A page that records dialogs (an alert means injected script ran) and requests leaving the machine."""
    context = browser.new_context(viewport={"width": 1200, "height": 900}, locale="en-US")  # English button labels
    page = context.new_page()
    page.dialogs, page.outside = [], []
    page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
    page.on("request", lambda r: page.outside.append(r.url)
            if not r.url.startswith(("http://127.0.0.1", "data:", "blob:", "about:", "chrome-error:")) else None)
    yield page
    context.close()
    assert page.dialogs == [], "a script injected through user or document text ran"
    assert page.outside == [], "the app made requests that leave the machine"


def screenshot(page, name: str, tmp_path: Path) -> None:
    """Into the test's own folder; into docs/ only when asked (POLICYQA_UPDATE_SCREENSHOTS=1), so that a
    test run never changes the repository's files."""
    folder = ROOT / "docs" if os.environ.get("POLICYQA_UPDATE_SCREENSHOTS") == "1" else tmp_path
    page.screenshot(path=str(folder / name))
    assert (folder / name).read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"


def host_page(base: str) -> str:
    page = (ROOT / "examples" / "host_page.html").read_text("utf-8")
    tag = '<script src="http://127.0.0.1:7860/widget.js" defer></script>'
    assert page.count(tag) == 1, "the host page should embed the app with exactly one script tag"
    return page.replace(tag, tag.replace("http://127.0.0.1:7860", base))


def test_widget_on_an_allowed_origin_answers_with_sources(app, page, tmp_path):
    base, _, host_port = app
    server = serve_page(host_page(base), host_port)
    try:
        page.goto(f"http://127.0.0.1:{host_port}/")
        page.locator("#policyqa-widget button").click()
        widget = page.frame_locator("#policyqa-widget iframe")
        widget.locator("#q").fill(HAINAN)
        widget.locator("#q").press("Enter")
        widget.locator(".bot details summary").first.wait_for(timeout=30_000)
        answer = widget.locator(".bot").last
        assert "2025" in answer.inner_text() and "来源" in answer.inner_text()
        widget.locator(".bot details summary").first.click()
        screenshot(page, "screenshot_widget.png", tmp_path)

        widget.locator("#q").fill(XSS)
        widget.locator("#q").press("Enter")
        widget.locator(".user").last.wait_for()
        assert widget.locator(".user").last.inner_text() == XSS
        widget.locator("#send:not([disabled])").wait_for(timeout=30_000)
        assert widget.locator("img").count() == 0
    finally:
        server.stop()


def test_widget_is_refused_on_an_origin_not_allowed(app, page):
    base = app[0]
    server = serve_page(host_page(base), port := free_port())
    try:
        page.goto(f"http://127.0.0.1:{port}/")
        page.locator("#policyqa-widget button").click()
        page.wait_for_timeout(1500)
        frames = [f for f in page.frames if f != page.main_frame]
        assert len(frames) == 1 and not frames[0].url.startswith(base)  # Chromium shows its error page instead
        assert frames[0].locator("#q").count() == 0
    finally:
        server.stop()


def test_chat_shows_sources_and_keeps_injected_html_inert(app, page, gradio, tmp_path):
    from gradio_client import handle_file

    base = app[0]
    doc = tmp_path / "qingdao_xss.txt"
    doc.write_text(f"测试文件{XSS}说明。\n青岛市将在2033年前建成海洋科技示范城{XSS}，由市海洋局牵头。\n", encoding="utf-8")
    gradio.predict([handle_file(str(doc))], api_name="/upload")
    try:
        page.goto(base + "/")
        box = page.get_by_role("textbox").first
        box.fill("青岛市将在哪年前建成海洋科技示范城？")
        box.press("Enter")
        page.locator("details.pq-sources").first.wait_for(timeout=30_000)
        page.locator("details.pq-sources summary").first.click()
        quote = page.locator(".pq-quote").first
        assert XSS in quote.inner_text() and "2033" in page.locator(".pq-answer").first.inner_text()

        box.fill(XSS)
        box.press("Enter")
        page.get_by_text(XSS, exact=True).first.wait_for(timeout=30_000)
        page.locator("details.pq-sources").nth(1).wait_for(timeout=30_000)
        assert page.locator("#pq-chatbot img[src='x']").count() == 0
    finally:
        gradio.predict("qingdao_xss.txt", api_name="/delete_document")

    page.goto(base + "/")  # a clean chat for the screenshot
    box = page.get_by_role("textbox").first
    box.fill(HAINAN)
    box.press("Enter")
    page.locator("details.pq-sources").first.wait_for(timeout=30_000)
    page.locator("details.pq-sources summary").first.click()
    page.wait_for_timeout(300)
    screenshot(page, "screenshot_chat.png", tmp_path)
    page.get_by_role("button", name="Like", exact=True).last.click()
    feedback = Path(app[1].home) / "feedback.jsonl"
    deadline = time.time() + 10
    while not (feedback.exists() and f'"vote": "like", "question": "{HAINAN}"' in feedback.read_text("utf-8")):
        assert time.time() < deadline, "the like was not written to feedback.jsonl"
        time.sleep(0.2)


def test_gradio_web_component_works_offline_from_an_allowed_origin(app, page):
    base, _, host_port = app
    html = (f'<!doctype html><meta charset="utf-8"><script type="module" src="{base}/gradio.js"></script>'
            f'<gradio-app src="{base}/"></gradio-app>')
    server = serve_page(html, host_port)
    try:
        page.goto(f"http://127.0.0.1:{host_port}/")
        box = page.locator("gradio-app textarea").first
        box.wait_for(timeout=30_000)
        box.fill(SHENZHEN)
        box.press("Enter")
        page.locator("gradio-app details.pq-sources").first.wait_for(timeout=30_000)
        assert "2400" in page.locator("gradio-app .pq-answer").last.inner_text()
    finally:
        server.stop()



def test_a_full_queue_tells_the_user_to_try_again(browser, tmp_path):
    from index.settings import load_settings
    from test_ui_units import FakeAssistant

    import ui

    settings = load_settings(home=tmp_path, concurrency_limit=1, max_queue=1)
    server = serve_app(ui.build_app(FakeAssistant(delay=3), settings), port := free_port())
    context = browser.new_context(locale="en-US")
    try:
        pages = [context.new_page() for _ in range(3)]  # one answered, one waiting, one turned away
        for page in pages:
            page.goto(f"http://127.0.0.1:{port}/")
            page.get_by_role("textbox").first.wait_for()
        for page in pages:
            page.get_by_role("textbox").first.fill("q")
            page.get_by_role("textbox").first.press("Enter")
            page.wait_for_timeout(300)
        pages[2].get_by_text("This application is currently busy. Please try again.").wait_for(timeout=10_000)
        pages[0].locator(".pq-answer", has_text="2025年前").wait_for(timeout=10_000)
    finally:
        context.close()
        server.stop()


# --- python ui.py -------------------------------------------------------------------------------
def test_python_ui_py_builds_the_index_with_progress_then_serves(tmp_path):
    import subprocess
    import sys

    import httpx

    corpus = tmp_path / "corpus"
    corpus.mkdir()
    (corpus / "tiny.txt").write_text("厦门市将在2030年前建成数字人民币试点示范区。\n", encoding="utf-8")
    port = free_port()
    env = os.environ | {"POLICYQA_HOME": str(tmp_path / "home"), "POLICYQA_CORPUS_DIR": str(corpus),
                        "POLICYQA_PORT": str(port), "GRADIO_ANALYTICS_ENABLED": "False", "HF_HUB_OFFLINE": "1",
                        "GRADIO_TEMP_DIR": str(tmp_path / "gradio")}
    process = subprocess.Popen([sys.executable, str(ROOT / "ui.py")], cwd=tmp_path, env=env,
                               stderr=subprocess.PIPE, text=True)
    try:
        lines = []
        for line in process.stderr:
            lines.append(line)
            if "serving on" in line:
                break
        output = "".join(lines)
        assert "indexing 1/1 tiny.txt" in output and "1 added" in output, output
        assert f"http://127.0.0.1:{port}" in output
        deadline = time.time() + 60
        while True:  # the line is printed just before uvicorn binds the port
            try:
                reply = httpx.post(f"http://127.0.0.1:{port}/api/ask", timeout=60,
                                   json={"question": "厦门市哪年前建成数字人民币试点示范区？"})
                break
            except httpx.ConnectError:
                assert time.time() < deadline and process.poll() is None, "ui.py did not start serving"
                time.sleep(0.2)
        answer = reply.json()
        assert "2030" in answer["answer"]
    finally:
        process.terminate()
        process.wait(timeout=20)
