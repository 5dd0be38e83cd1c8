"""The named Gradio API endpoints /ask and /feedback, for gradio_client callers."""

from index.errors import PolicyQAError
from index.settings import Settings
from qa.web_api import Gate, record_feedback
from webui.errors import user_error


def api_endpoints(gr, assistant, settings: Settings, gate: Gate) -> None:
    def ask(question: str, history: list[str] | None = None) -> dict:
        """Answer like `policyqa ask --json`: history = the earlier questions of the conversation, oldest first."""
        try:
            with gate.slot():
                return assistant.ask(question, list(history or [])).to_json()
        except PolicyQAError as problem:
            raise user_error(gr, str(problem)) from None

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
