"""LLM answerer: any OpenAI-compatible endpoint writes the answer from numbered evidence sentences."""
from __future__ import annotations

import re
from functools import cached_property
from pathlib import Path

from index.errors import LLMError

from .answerer import Draft
from .types import REFUSAL

PROMPT = Path(__file__).with_name("prompts") / "answer.txt"
SENTENCES = 12  # evidence offered to the model: the best-scored sentences of the retrieved chunks


class LLMAnswerer:
    def __init__(self, settings, ranker) -> None:
        self.settings = settings
        self.ranker = ranker  # the extractive answerer ranks the sentences the model may cite
        self.template = PROMPT.read_text(encoding="utf-8")

    @cached_property
    def chat(self):
        from langchain_openai import ChatOpenAI

        return ChatOpenAI(model=self.settings.llm_model, base_url=self.settings.llm_base_url,
                          api_key=self.settings.llm_api_key, temperature=0, timeout=60, max_retries=1)

    def answer(self, question: str, kind: str, documents, avoid: str | None = None) -> Draft:
        ranked = [s for s in self.ranker.rank(question, documents) if not avoid or avoid not in s.text][:SENTENCES]
        if not ranked:
            return Draft(None, [], 0.0)
        numbered = "\n".join(f"[{i}] {s.text}" for i, s in enumerate(ranked, 1))
        prompt = self.template.format(refusal=REFUSAL, sentences=numbered, question=question)
        try:
            reply = self.chat.invoke(prompt).content
        except Exception as error:  # the SDK raises many transport/HTTP types; all mean the same to a user
            raise LLMError(f"the LLM endpoint {self.settings.llm_base_url} failed ({type(error).__name__}: "
                           f"{error}); unset POLICYQA_LLM_BASE_URL to answer without an LLM") from error
        text = str(reply).strip()
        if not text or REFUSAL.rstrip("。") in text:
            return Draft(None, ranked[:1], ranked[0].score)
        cited = [int(n) for n in re.findall(r"\[(\d+)\]", text) if 1 <= int(n) <= len(ranked)]
        evidence = [ranked[n - 1] for n in dict.fromkeys(cited)] or ranked[:1]
        answer = re.sub(r"\s*\[\d+\]", "", text).strip()
        return Draft(answer, evidence, max(s.score for s in evidence))
