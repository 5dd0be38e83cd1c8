"""The HTTP side of the web app beside Gradio: JSON ask and feedback for the widget, an OpenAI-compatible
chat route, the widget files, and who may embed or call the app (CSP frame-ancestors, CORS).

FastAPI is imported inside the functions so that `import qa.web_api` stays cheap.
"""
from __future__ import annotations

import json
import threading
import time
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from pathlib import Path

from index.errors import PolicyQAError
from index.settings import Settings

BUSY = "服务繁忙，请稍后再试。(The assistant is busy, please try again in a moment.)"
MODEL_ID = "policyqa"
_feedback_lock = threading.Lock()


class Gate:
    """Bounds the questions answered at once across the UI and the HTTP routes.

    `slot()` waits for one of `running` places; `admit()` refuses outright once `running + waiting`
    callers are inside, which is how the HTTP routes turn overload into a 429 instead of a pile-up.
    """

    def __init__(self, running: int, waiting: int) -> None:
        self._slots = threading.BoundedSemaphore(running)
        self._lock = threading.Lock()
        self._inside = 0
        self._capacity = running + waiting

    @contextmanager
    def slot(self) -> Iterator[None]:
        with self._slots:
            yield

    def admit(self) -> bool:
        with self._lock:
            if self._inside >= self._capacity:
                return False
            self._inside += 1
            return True

    def leave(self) -> None:
        with self._lock:
            self._inside -= 1


def record_feedback(home: Path, *, question: str, answer: str, citations: list, vote: str,
                    history: list[str] | None = None) -> Path:
    """Append one vote to home/feedback.jsonl: the only place a conversation is ever stored."""
    path = Path(home) / "feedback.jsonl"
    row = {"time": datetime.now(timezone.utc).isoformat(timespec="seconds"), "vote": vote,
           "question": question, "history": list(history or []), "answer": answer, "citations": citations}
    with _feedback_lock:
        path.parent.mkdir(parents=True, exist_ok=True)
        with path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(row, ensure_ascii=False) + "\n")
    return path


def text_with_citations(result: dict) -> str:
    """The answer as one text for clients that show only `content`: the sources ride along in it."""
    if result["refused"] or not result["citations"]:
        return result["answer"]
    lines = [f"[{n}] " + " · ".join(p for p in (c["doc"], c.get("section")) if p) + f" «{c['text']}»"
             for n, c in enumerate(result["citations"], 1)]
    return result["answer"] + "\n\n来源：" + "\n".join(lines)


def _message_text(content) -> str:
    if isinstance(content, str):
        return content
    if isinstance(content, list):  # OpenAI content parts
        return "".join(p.get("text", "") for p in content if isinstance(p, dict) and p.get("type") == "text")
    return ""


def split_messages(messages: list[dict]) -> tuple[str, list[str]]:
    """Last user message is the question; earlier user messages are the history, as for `policyqa ask`."""
    users = [_message_text(m.get("content")) for m in messages if m.get("role") == "user"]
    if not users:
        return "", []
    return users[-1], users[:-1]


def install_policy(app, settings: Settings) -> None:
    """Only `settings.origins` may frame the app (CSP) or read its responses from a browser (CORS)."""
    from fastapi.middleware.cors import CORSMiddleware

    policy = ("frame-ancestors " + " ".join(["'self'", *settings.origins])).encode()
    # Gradio sees this CORSMiddleware on the parent app and then leaves CORS to it.
    app.add_middleware(CORSMiddleware, allow_origins=settings.origins, allow_credentials=True,
                       allow_methods=["GET", "POST", "OPTIONS"], allow_headers=["*"])
    app.add_middleware(_FramePolicy, policy=policy)


class _FramePolicy:
    """Sets the CSP on every response, Gradio's pages included, since any of them could be framed."""

    def __init__(self, app, policy: bytes) -> None:
        self.app, self.policy = app, policy

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_policy(message):
            if message["type"] == "http.response.start":
                headers = [h for h in message.get("headers", []) if h[0].lower() != b"content-security-policy"]
                headers += [(b"content-security-policy", self.policy), (b"x-content-type-options", b"nosniff")]
                message = {**message, "headers": headers}
            await send(message)

        return await self.app(scope, receive, send_with_policy)


def install_routes(app, assistant, settings: Settings, gate: Gate) -> None:
    from fastapi import Body
    from fastapi.responses import (
        FileResponse,
        HTMLResponse,
        JSONResponse,
        Response,
        StreamingResponse,
    )

    from . import widget

    def error(status: int, message: str, kind: str) -> JSONResponse:
        return JSONResponse({"error": {"message": message, "type": kind, "code": kind}}, status_code=status)

    def ask_once(question: str, history: list[str]) -> dict | JSONResponse:
        if not gate.admit():
            return error(429, BUSY, "busy")
        try:
            with gate.slot():
                return assistant.ask(question, history).to_json()
        except PolicyQAError as problem:
            return error(400, str(problem), "invalid_request_error")
        finally:
            gate.leave()

    @app.get("/widget", include_in_schema=False)
    def widget_page() -> HTMLResponse:
        return HTMLResponse(widget.WIDGET_HTML)

    @app.get("/widget.js", include_in_schema=False)
    def widget_script() -> Response:
        return Response(widget.WIDGET_JS, media_type="text/javascript; charset=utf-8")

    @app.get("/widget-preview", include_in_schema=False)
    def widget_preview() -> HTMLResponse:
        return HTMLResponse(widget.PREVIEW_HTML)

    @app.get("/gradio.js", include_in_schema=False)
    def gradio_js() -> FileResponse:
        # The web component from the installed wheel; it loads its chunks from this app's /assets/.
        import gradio

        return FileResponse(Path(gradio.__file__).parent / "templates" / "frontend" / "gradio.js",
                            media_type="text/javascript")

    @app.post("/api/ask")
    def api_ask(question: str = Body(..., max_length=2000),
                history: list[str] = Body(default_factory=list, max_length=20)):
        return ask_once(question, history)

    @app.post("/api/feedback")
    def api_feedback(question: str = Body(..., max_length=2000), answer: str = Body(..., max_length=20000),
                     vote: str = Body(..., pattern="^(like|dislike)$"),
                     citations: list[dict] = Body(default_factory=list, max_length=50),
                     history: list[str] = Body(default_factory=list, max_length=20)):
        record_feedback(settings.home, question=question, answer=answer, citations=citations, vote=vote,
                        history=history)
        return {"ok": True}

    @app.get("/v1/models")
    def models():
        return {"object": "list", "data": [{"id": MODEL_ID, "object": "model", "created": 0, "owned_by": "policyqa"}]}

    @app.post("/v1/chat/completions")
    def chat_completions(body: dict = Body(...)):
        question, history = split_messages(body.get("messages") or [])
        result = ask_once(question, history)
        if isinstance(result, JSONResponse):
            return result
        reply = _completion(result, stream=False)
        if not body.get("stream"):
            return reply
        return StreamingResponse(_sse(reply, result), media_type="text/event-stream",
                                 headers={"Cache-Control": "no-cache"})


def _completion(result: dict, stream: bool) -> dict:
    text = text_with_citations(result)
    return {"id": f"chatcmpl-{uuid.uuid4().hex[:24]}", "object": "chat.completion", "created": int(time.time()),
            "model": MODEL_ID,
            "choices": [{"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": "stop"}],
            "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
            "citations": result["citations"], "refused": result["refused"],
            "rewritten_question": result["rewritten_question"]}


def _sse(reply: dict, result: dict, piece: int = 16) -> Iterator[str]:
    """The finished answer as OpenAI chunks; the last chunk carries finish_reason and the citations."""
    text = reply["choices"][0]["message"]["content"]
    head = {k: reply[k] for k in ("id", "created", "model")} | {"object": "chat.completion.chunk"}

    def chunk(delta: dict, finish: str | None = None, **extra) -> str:
        return "data: " + json.dumps({**head, "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
                                      **extra}, ensure_ascii=False) + "\n\n"

    yield chunk({"role": "assistant", "content": ""})
    for i in range(0, len(text), piece):
        yield chunk({"content": text[i:i + piece]})
    yield chunk({}, "stop", citations=result["citations"], refused=result["refused"],
                rewritten_question=result["rewritten_question"])
    yield "data: [DONE]\n\n"

