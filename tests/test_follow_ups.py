"""The assistant's reading loop for follow-ups, with a scripted answerer (no extraction involved)."""
from __future__ import annotations

from types import SimpleNamespace

from qa.answerer import Draft
from qa.assistant import Assistant
from qa.extractive import Scored
from qa.follow_up import rewrites
from tests.conftest import ARTICLE, FakeEmbeddings

PREVIOUS = "增量项目的执行期限是多少年？"


class Scripted:
    """Answers each question it was given an answer for; records what it was asked."""

    def __init__(self, answers: dict[str, str]) -> None:
        self.answers, self.asked = answers, []

    def answer(self, question, kind, documents, avoid=None):
        self.asked.append(question)
        found = self.answers.get((question, avoid) if avoid else question)
        return Draft(found, [], 1.0 if found else 0.0)


def _assistant(settings, answers):
    assistant = Assistant(settings, embeddings=FakeEmbeddings(), answerer=Scripted(answers))
    assistant.ingest([ARTICLE.parent])
    return assistant


def test_a_follow_up_answered_with_the_previous_answer_is_read_on_its_own_words(settings):
    follow_up = "那老项目最长能执行到投产满多少年？"
    answers = {PREVIOUS: "12年", follow_up: "20年"}
    assistant = _assistant(settings, answers)
    answers.update({reading: "12年" for reading in _readings(follow_up)})  # every reading finds the old evidence
    answer = assistant.ask(follow_up, [PREVIOUS])
    assert answer.answer == "20年"
    assert answer.rewritten_question == follow_up


def test_the_follow_ups_own_words_are_not_tried_when_a_reading_answered(settings):
    follow_up = "那老项目最长能执行到投产满多少年？"
    answers = {PREVIOUS: "12年", follow_up: "20年"}
    assistant = _assistant(settings, answers)
    first = _readings(follow_up)[0]
    answers[first] = "25年"
    assert assistant.ask(follow_up, [PREVIOUS]).answer == "25年"
    assert follow_up not in assistant.answerer.asked


def test_the_previous_answer_stands_when_nothing_else_answers(settings):
    follow_up = "那老项目呢？"
    answers = {PREVIOUS: "12年"}
    assistant = _assistant(settings, answers)
    answers.update({reading: "12年" for reading in _readings(follow_up)})
    answer = assistant.ask(follow_up, [PREVIOUS])
    assert not answer.refused and answer.answer == "12年"


def test_a_reading_that_finds_the_old_value_is_answered_again_without_it(settings):
    follow_up = "那老项目呢？"
    answers = {PREVIOUS: "12年"}
    assistant = _assistant(settings, answers)
    first = _readings(follow_up)[0]
    answers.update({first: "12年", (first, "12年"): "20年"})  # the old value first, the new one without it
    answer = assistant.ask(follow_up, [PREVIOUS])
    assert answer.answer == "20年" and answer.rewritten_question == first


def _readings(follow_up):
    return rewrites(follow_up, [PREVIOUS], "12年")


def test_a_follow_up_with_words_of_its_own_is_asked_alone_when_no_reading_answered(settings):
    follow_up = "这些条款信息和产品说明要在哪里公示？"
    assistant = _assistant(settings, {PREVIOUS: "12年", follow_up: "官方线上平台"})
    assert assistant.ask(follow_up, [PREVIOUS]).answer == "官方线上平台"


def test_a_bare_follow_up_is_not_asked_alone():
    from qa.assistant import _has_own_words

    assert not _has_own_words("那老项目呢？")
    assert _has_own_words("这些条款信息和产品说明要在哪里公示？")


def test_the_extractive_answerer_sets_aside_the_sentences_stating_a_value_to_avoid(fake_assistant):
    question = "深圳计划到2022年数字经济产业增加值突破多少？"
    documents = fake_assistant.retriever.invoke(question)
    assert fake_assistant.answerer.answer(question, "number", documents).answer == "2400亿元"
    draft = fake_assistant.answerer.answer(question, "number", documents, avoid="2400亿元")
    assert draft.answer != "2400亿元" and all("2400亿元" not in s.text for s in draft.evidence)


class KindRecorder(Scripted):
    """Also records the kind of answer each reading was asked for."""

    def __init__(self, answers):
        super().__init__(answers)
        self.kinds = []

    def answer(self, question, kind, documents, avoid=None):
        self.kinds.append((question, kind))
        return super().answer(question, kind, documents, avoid)


def test_a_follow_up_with_its_own_question_word_asks_for_its_own_kind(settings):
    assistant = Assistant(settings, embeddings=FakeEmbeddings(), answerer=KindRecorder({PREVIOUS: "12年"}))
    assistant.ingest([ARTICLE.parent])
    assistant.ask("那申请的时候要带什么材料？", [PREVIOUS])  # not a number because 多少年 was asked before
    assistant.ask("那老项目呢？", [PREVIOUS])               # asks what the question before asked
    kinds = [(q, k) for q, k in assistant.answerer.kinds if q != PREVIOUS]
    assert [k for q, k in kinds if "材料" in q] and all(k == "descriptive" for q, k in kinds if "材料" in q)
    assert [k for q, k in kinds if "老项目" in q] and all(k == "number" for q, k in kinds if "老项目" in q)


class Cited(Scripted):
    """Answers with a cited sentence per question: {question: (answer, sentence)}."""

    def answer(self, question, kind, documents, avoid=None):
        self.asked.append(question)
        found = self.answers.get((question, avoid) if avoid else question)
        if not found:
            return Draft(None, [], 0.0)
        chunk = SimpleNamespace(metadata={"doc": "d.txt", "section": "", "chunk_id": "c"})
        return Draft(found[0], [Scored(found[1], 0, len(found[1]), chunk, 0.9, 0.5, 1.0)], 1.0)


def test_the_same_value_read_from_another_sentence_is_the_follow_ups_answer(settings):
    previous, follow_up = "增值税专用发票电子化要在什么时候基本实现？", "那商标注册审查周期压缩的目标呢，要在什么时候完成？"
    answers = {previous: ("2020年底前", "2020年底前基本实现增值税专用发票电子化。")}
    assistant = Assistant(settings, embeddings=FakeEmbeddings(), answerer=Cited(answers))
    assistant.ingest([ARTICLE.parent])
    readings = rewrites(follow_up, [previous], "2020年底前") + [follow_up]
    answers.update({r: ("2020年底前", "2020年底前将商标注册平均审查周期压缩至4个月以内。") for r in readings})
    answers.update({(r, "2020年底前"): ("及时反馈", "及时反馈审查审理结果。") for r in readings})
    answer = assistant.ask(follow_up, [previous])
    assert answer.answer == "2020年底前" and answer.evidence == ["2020年底前将商标注册平均审查周期压缩至4个月以内。"]
    # the old sentence found again is the old evidence: the value is sought without it
    answers.update({r: answers[previous] for r in readings})
    assert assistant.ask(follow_up, [previous]).answer == "及时反馈"
