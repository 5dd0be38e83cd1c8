"""The chat tab: streamed answers with their sources, and 👍/👎 feedback."""

import time

from index.errors import PolicyQAError
from index.settings import Settings
from qa.web_api import Gate, record_feedback
from qa.widget import answer_html, inert_user_messages, message_text, sources_html, typed_text

EXAMPLES = ["海南国家区块链技术和产业创新发展基地要在哪年前建成？",
            "深圳计划到2022年数字经济产业增加值突破多少？",
            "北京的区块链行动计划提出了几大重点任务？"]
STREAM_PIECE = 12  # characters per streamed update: a visible typing effect without flooding the socket


def _chatbot_class(gr):
    class InertUserChatbot(gr.Chatbot):
        def postprocess(self, value):
            return super().postprocess(inert_user_messages(value) if value else value)

        def get_block_name(self) -> str:
            return "chatbot"  # the stock Svelte component renders it

    return InertUserChatbot


def chat_tab(gr, assistant, settings: Settings, gate: Gate) -> None:
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
