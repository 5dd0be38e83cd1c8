"""LLM mode against a local OpenAI-compatible server started by the test (no network, no weights)."""
from __future__ import annotations

import json
import re
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from index.errors import LLMError
from qa.assistant import Assistant
from qa.types import REFUSAL


class _FakeChatServer(BaseHTTPRequestHandler):
    """Answers like a careful model would: quotes the amount from the sentence sharing most with the
    question and cites its number; refuses when no sentence shares a word with it."""

    prompts: list[str] = []

    def do_POST(self):  # noqa: N802 (http.server API)
        body = json.loads(self.rfile.read(int(self.headers["Content-Length"])))
        prompt = body["messages"][-1]["content"]
        type(self).prompts.append(prompt)
        question = prompt.rsplit("问题：", 1)[1].strip()
        sentences = re.findall(r"^\[(\d+)\] (.+)$", prompt, flags=re.M)
        overlap = lambda s: len(set(s) & set(question))  # noqa: E731
        number, best = max(sentences, key=lambda x: overlap(x[1]))
        amount = re.search(r"\d+亿元", best)
        reply = f"{amount.group(0)} [{number}]" if amount and "比特币" not in question else REFUSAL
        payload = {"id": "x", "object": "chat.completion", "created": 0, "model": body["model"],
                   "choices": [{"index": 0, "finish_reason": "stop",
                                "message": {"role": "assistant", "content": reply}}],
                   "usage": {"prompt_tokens": 1, "completion_tokens": 1, "total_tokens": 2}}
        data = json.dumps(payload, ensure_ascii=False).encode("utf-8")
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


@pytest.fixture
def llm_url():
    server = ThreadingHTTPServer(("127.0.0.1", 0), _FakeChatServer)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/v1"
    server.shutdown()


def _assistant(settings, fake_embeddings, url):
    from tests.conftest import ARTICLE

    assistant = Assistant(settings.model_copy(update={"llm_base_url": url, "refusal_threshold": 0.0}),
                          embeddings=fake_embeddings)
    assistant.ingest([ARTICLE.parent])
    return assistant


def test_llm_answer_cites_the_sentence_it_used(settings, fake_embeddings, llm_url):
    assistant = _assistant(settings, fake_embeddings, llm_url)
    answer = assistant.ask("深圳计划到2022年数字经济产业增加值突破多少？")
    assert answer.answer == "2400亿元"
    assert not answer.refused
    assert "2400亿元" in answer.citations[0].text
    text = assistant.document_text(answer.citations[0].doc)
    assert text[answer.citations[0].start:answer.citations[0].end] == answer.citations[0].text
    prompt = _FakeChatServer.prompts[-1]
    assert "深圳计划到2022年数字经济产业增加值突破多少？" in prompt and "[1] " in prompt


def test_llm_refusal_phrase_becomes_a_refusal(settings, fake_embeddings, llm_url):
    answer = _assistant(settings, fake_embeddings, llm_url).ask("比特币的发明者是谁？")
    assert answer.refused and answer.answer == REFUSAL and answer.citations == []


def test_unreachable_llm_is_a_clear_error(settings, fake_embeddings):
    assistant = _assistant(settings, fake_embeddings, "http://127.0.0.1:9/v1")
    with pytest.raises(LLMError, match="POLICYQA_LLM_BASE_URL"):
        assistant.ask("深圳计划到2022年数字经济产业增加值突破多少？")


def test_llm_is_not_shown_the_sentences_stating_a_value_to_avoid(settings, fake_embeddings, llm_url):
    assistant = _assistant(settings, fake_embeddings, llm_url)
    question = "深圳计划到2022年数字经济产业增加值突破多少？"
    documents = assistant.retriever.invoke(question)
    draft = assistant.answerer.answer(question, "number", documents, avoid="2400亿元")
    sentences = re.findall(r"^\[\d+\] (.+)$", _FakeChatServer.prompts[-1], flags=re.M)
    assert sentences and all("2400亿元" not in s for s in sentences)
    assert draft.answer != "2400亿元"
