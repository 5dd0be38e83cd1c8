"""The default answerer: picks the evidence sentence and the shortest span in it that answers, or refuses.

No LLM: sentences of the retrieved chunks are scored against the question by their stored vectors
(dense) and by how much of the question's weighted vocabulary they contain (lexical); then a span
of the kind the question asks for (number, date, name, list) is cut out of the best sentence.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from index.lexical import tokenize

from . import (dates, doers, document_facts, entities, issuance, lists, names, numbers, phrasings, premises, refusals,
               shapes, spans, verdicts)
from .cloze import cloze, gap_ends
from .emphasis import emphasise, graded_cases
from .means import means
from .passage import Passage, bare, cited_items
from .question import ABOUT_THE_TEXT, focus_terms, key_terms, pos_tags
from .surroundings import (case_consequence, conflict_note, for_the_rest, from_items, from_lead, from_paragraph,
                           further_amount, further_cases, is_heading, lead_of, named_case, next_line, passage_of, under_condition)

HEADING_PENALTY = 0.85  # headings summarise; when they disagree with the body, the body is the record
FOCUS_WEIGHT = 1.5
DENSE_WEIGHT = 0.5
CLOSE = 0.08            # runners-up within this score of the best may hold the span instead
# A line that announces the numbered lines after it ("有下列情形之一的，…：")
_LIST_LEAD = re.compile(r"(?:下列|以下|如下)[^。]*[:：]\s*$")
# "按照下列程序实施", "采取以下措施": the way is in the lines after (not "出现下列情形之一的", a case)
_POINTER = re.compile(r"(?:下列|以下|如下)(?:规定|程序|方式|措施|步骤|办法|要求|方法)")


@dataclass
class Scored:
    text: str
    start: int  # offsets in the document
    end: int
    chunk: object  # the retrieved langchain Document
    dense: float
    lexical: float
    score: float


@dataclass
class Extraction:
    answer: str | None  # None: the evidence does not contain what was asked
    evidence: list[Scored]
    confidence: float


def score_sentences(question: str, documents, question_vector, sentence_vectors, idf) -> list[Scored]:
    """Every sentence of the retrieved chunks, best first."""
    focus = "".join(focus_terms(question))
    # Words next to the question word say what is asked; the rest only says where to look.
    # "文件列出的…" names the document, not what to look for in it.
    weights = {t: idf(t) * (FOCUS_WEIGHT if t in focus else 1.0) for t in dict.fromkeys(tokenize(question))
               if t not in ABOUT_THE_TEXT}
    total = sum(weights.values()) or 1.0
    q = np.asarray(question_vector, dtype=np.float32)
    scored = []
    for doc in documents:
        meta = doc.metadata
        context = (meta.get("section", "") + doc.page_content).lower()
        for s, e in meta["sentences"]:
            text = doc.page_content[s - meta["start"]:e - meta["start"]]
            vector = sentence_vectors.get((meta["chunk_id"], s, e))
            dense = float(np.dot(q, vector)) if vector is not None else 0.0
            # A word of the question counts fully in the sentence, half in its chunk or section.
            lowered = text.lower()
            hit = sum(w if t in lowered else 0.5 * w if t in context else 0.0 for t, w in weights.items())
            lexical = hit / total
            # e5 cosines bunch up between ~0.75 and ~0.95; stretch that band onto [0, 1].
            score = DENSE_WEIGHT * min(max((dense - 0.75) / 0.2, 0.0), 1.0) + (1 - DENSE_WEIGHT) * lexical
            item = Scored(text, s, e, doc, dense, lexical, score)
            if is_heading(item):
                item.score *= HEADING_PENALTY
            scored.append(item)
    return sorted(scored, key=lambda x: -x.score)


def extract(question: str, kind: str, ranked: list[Scored], document_text) -> Extraction:
    """`document_text(doc name)` gives the full text, for the paragraph around a sentence."""
    found = _extract(question, kind, ranked, document_text)
    if found.answer and not shapes.fits(question, found.answer, found.evidence[0].text if found.evidence else ""):
        return Extraction(None, found.evidence, found.confidence)
    evidence = found.evidence[0].text if found.answer and found.evidence else None
    # A yes/no answer reads an exclusion or another level as its "no".
    if evidence and kind != "yes_no" and (refusals.excluded(question, evidence)
                                          or refusals.other_level(question, evidence)):
        return Extraction(None, found.evidence, found.confidence)
    # "适用简易程序应当按照什么程序实施" → "…按照下列程序实施:": the lines announced are the answer, not the pointer
    if evidence and kind in ("descriptive", "reason") and _POINTER.search(found.answer) and _LIST_LEAD.search(evidence):
        items = lists.listing(question, passage_of(found.evidence[0], document_text))
        if items:
            return Extraction(items, found.evidence, found.confidence)
    # "…，情节严重的，要罚多少钱" against "…处二千元以上二万元以下的罚款；…情节严重的，可以责令停业整顿…": the case's
    # measure, a number or not
    named = named_case(question, found.evidence[0], document_text) if evidence and kind == "number" else None
    if named:
        (measure, start), number = named, numbers.number(question, Passage(named[0], named[0], 0, []), counting=False)
        return Extraction(number or measure, found.evidence[:1] + _starting_at(ranked, found.evidence[0], [start]),
                          found.confidence)
    # "符合本办法第七条第（八）、（九）项规定的" asked which cases: the cases those items state
    text = document_text(found.evidence[0].chunk.metadata["doc"]) if evidence and kind == "list" else None
    if text and (cited := cited_items(found.answer, text)):
        return Extraction(cited, found.evidence, found.confidence)
    if evidence and kind in ("descriptive", "reason"):
        further = further_cases(question, found.evidence[0], found.answer, document_text)
        if further:
            answer, starts, alone = further
            stating = _starting_at(ranked, found.evidence[0], starts)
            return Extraction(answer, stating if alone and stating else found.evidence[:1] + stating,
                              found.confidence)
    return found


def _extract(question: str, kind: str, ranked: list[Scored], document_text) -> Extraction:
    if not ranked:
        return Extraction(None, [], 0.0)
    ranked = emphasise(question, ranked, document_text)
    best = ranked[0]
    # "成文日期", "国务院令第几号" are in no sentence's words: before the checks that look for them there
    signed = _document_fact(question, ranked, document_text)
    if signed:
        return Extraction(signed[0], [signed[1]], best.score)
    # "本办法是以市政府第几号令公布的" of a text that prints no number, "本意见自哪一天起施行" of one that
    # does not say: no sentence of its body is the answer
    if all(issuance.unstated(question, document_text(doc) or "")
           for doc in dict.fromkeys(s.chunk.metadata["doc"] for s in ranked)):
        return Extraction(None, [best], best.score)
    if not refusals.keys_present(question, best, ranked, document_text) or \
            refusals.mostly_unknown(question, ranked, document_text) or \
            any(refusals.swapped(question, s.text, document_text(s.chunk.metadata["doc"]) or "") for s in ranked[:2]) or \
            premises.false_premise(question, document_text(best.chunk.metadata["doc"]) or ""):
        return Extraction(None, [best], best.score)
    marker = spans.ordinal_marker(question)
    if marker:  # "第二条道路是什么": the line numbered 2 in the evidence's section, however low it scored
        top = best.chunk.metadata.get("section", "").split(" > ")[0]
        for sentence in ranked:
            answer = spans.numbered_item(marker, sentence.text)
            if answer and sentence.chunk.metadata.get("section", "").split(" > ")[0] == top:
                # Found by its number, not by its words: the question's support is the best sentence's.
                return Extraction(answer, [sentence], best.score)
    cut = {**spans.BY_KIND, "entity": entities.entity}.get(kind)
    close = [s for s in ranked[:4] if s.score >= best.score - CLOSE]
    duty = doers.duty_asked(question)  # only then is the sentence's paragraph needed
    for sentence in close:
        answer = (duty and (doers.lead_doer(question, lead_of(sentence, document_text)[0]) or
                            doers.responsible(question, passage_of(sentence, document_text)))) or \
            for_the_rest(question, sentence, document_text) or \
            phrasings.formula(question, sentence.text, next_line(sentence, document_text)) or \
            phrasings.consequence(question, sentence.text) or \
            case_consequence(question, sentence, document_text) or \
            phrasings.condition(question, sentence.text) or phrasings.basis(question, sentence.text) or \
            phrasings.labelled(question, sentence.text) or phrasings.definition(question, sentence.text) or \
            phrasings.deemed(question, sentence.text) or phrasings.purpose(question, sentence.text) or \
            phrasings.respectively(question, sentence.text) or phrasings.besides(question, sentence.text) or \
            means(question, sentence.text) or \
            (kind in ("descriptive", "reason") and lists.duties(question, sentence.text))  # 承担什么职责
        if answer:
            return Extraction(answer, [sentence], sentence.score)
    # "本规定所称家用汽车产品是指什么": the term's definition, however low its line scored (a list of
    # definitions shares the question's words with every other line)
    for sentence in ranked if phrasings.DEFINITION_ASKED.search(question) else []:
        answer = phrasings.definition(question, sentence.text)
        if answer:
            return Extraction(answer, [sentence], best.score)
    if kind == "entity":  # the sure way first, in every close sentence; then the best guess
        for sentence in close:
            passage = passage_of(sentence, document_text)
            # "它…" is about the name in the sentence before: that name comes first.
            before = names.antecedent(passage) if entities.name_required(question) else None
            answer = doers.lead_doer(question, lead_of(sentence, document_text)[0]) or \
                (before and entities.entity_strict(question, before)) or entities.entity_strict(question, passage)
            if answer and answer not in question:  # "哪个单位" → "单位" names nothing
                return Extraction(names.whole_name(answer, sentence.text), [sentence], sentence.score)
        if entities.name_required(question):
            return Extraction(None, [best], best.score)
    if kind in ("descriptive", "reason"):
        # "什么情况下长护险待遇会被终止" against "…出现下列情形之一的，…应及时办理待遇终止手续：": the cases
        # are the lines the lead announces, not what its own words say
        for sentence in close if phrasings.CONDITION_ASKED.search(question) else []:
            answer = _LIST_LEAD.search(sentence.text) and lists.listing(question, passage_of(sentence, document_text))
            if answer:
                return Extraction(answer, [sentence], sentence.score)
        for sentence in close:
            answer = cloze(question, sentence.text)
            # "还得交什么材料" against "应当提交下列材料：" gives back the question's own noun
            if answer and not _restates(question, answer):
                return Extraction(answer, [sentence], sentence.score)
    if kind == "number":  # a number stated in a close sentence (or a heading, despite its penalty) beats a count
        # "公告期是多少天": a close sentence that gives the thing asked its value ("公告期为七日") before a figure
        # of the best one's case ("未在告知后三十日内接受处理的")
        labelling, value = next(((s, v) for s in close if (v := numbers.labelled(question, s.text))), (None, None))
        headings = [s for s in ranked[:6] if s.score >= best.score - 2 * CLOSE and is_heading(s)]
        grades = graded_cases(question)
        for sentence in ([labelling] if labelling else []) + close + headings:
            passage = passage_of(sentence, document_text)
            answer = (value if sentence is labelling else None) or under_condition(question, passage) or \
                numbers.number(question, passage, counting=False) or \
                from_lead(question, sentence, document_text) or dates.frequency(question, sentence.text)
            further = None if answer else further_amount(question, sentence, document_text) or \
                from_items(question, sentence, document_text)
            if further:  # cited by the case that states it
                answer = further[0]
                sentence = next(iter(_starting_at(ranked, sentence, [further[1]])), sentence)
                passage = passage_of(sentence, document_text)
            text = document_text(sentence.chunk.metadata["doc"]) or ""
            if answer and (refusals.another_item(question, answer, passage, text, lead_of(sentence, document_text)[0])
                           or refusals.opposite_bound(question, answer, sentence.text)
                           # (a grade's sentence, "情形复杂的，…可以延长3个月", extends the limit asked about)
                           or (refusals.other_act(question, answer, sentence.text)
                               and not any(c in bare(sentence.text) for c in grades))
                           or refusals.only_a_fine(question, answer, text)):
                return Extraction(None, [sentence], sentence.score)
            if answer:
                return Extraction(answer, [sentence], sentence.score)
    # a list of the very kind asked for outranks a closer sentence that merely lists (but not one leaving
    # out the subject the question opens with and the best sentence names: "学校应当…"; nor the best
    # sentence announcing its own lines: "…应当记载下列信息：")
    if kind == "list" and not _LIST_LEAD.search(best.text):
        nouns = [w for w, f in pos_tags(question)[:1] if f.startswith("n") and not f.startswith("ns") and len(w) >= 2
                 and w in best.text]
        named = [s for s in ranked[:4] if s.score >= best.score - 2 * CLOSE and lists.lists_asked_kind(question, s.text)
                 and all(w in s.text for w in nouns)]
        close = named + [s for s in close if s not in named]
    if cut is not None:
        for sentence in close:
            passage = passage_of(sentence, document_text)
            if kind == "list":  # "哪两级财政" names the group by its count: the words before it answer
                answer = lists.counted_group(question, passage.text) or spans.colours(question, passage.text)
                if not answer:  # a list the question's words bracket ("与哪几类照护相适宜") ends where they resume
                    bracketed = cloze(question, passage.text, both_sides=True)
                    answer = bracketed if bracketed and "、" in bracketed else lists.alternatives(bracketed, pair="两" in question)
                if answer:
                    return Extraction(answer, [sentence], sentence.score)
            answer = cut(question, passage) or from_paragraph(question, kind, passage)
            if kind == "yes_no" and answer:  # "（三）被列入经营异常名录的；" says yes or no by its lead ("…之一的，不得发行：")
                lead = lead_of(sentence, document_text)[0]
                led = verdicts.yes_no(question, Passage(lead + passage.text, lead, 0, [])) if lead else answer
                answer = led if led.split("。")[0] != answer.split("。")[0] else answer
            if answer and kind == "number" and refusals.another_item(
                    question, answer, passage, document_text(sentence.chunk.metadata["doc"]),
                    lead_of(sentence, document_text)[0]):
                return Extraction(None, [sentence], sentence.score)
            if kind == "list" and not answer:
                answer = cloze(question, sentence.text) or lists.duties(question, sentence.text)
            if answer and (kind == "choice" or not _restates(question, answer)):
                return Extraction(answer + conflict_note(question, kind, sentence, answer), [sentence], sentence.score)
        # "从哪天开始算" and no close sentence gives a calendar day: the day an event fixes
        for sentence in close if kind == "date" and dates.asks_day(question) else []:
            answer = dates.event_day(question, passage_of(sentence, document_text))
            if answer:
                return Extraction(answer, [sentence], sentence.score)
        # "以哪一天为期间届满的日期" against "以节假日期满后的第一个工作日为期间届满的日期": a time the text names
        # in words, where the question's own words bracket it.
        # ("可以定在农民工提供劳动的什么时期" → "…提供劳动的当期或者次期": nothing after the gap to bracket it)
        for sentence in close if kind == "date" else []:
            answer = cloze(question, sentence.text, both_sides=not gap_ends(question))
            if answer and len(answer) <= 20 and not _restates(question, answer):
                return Extraction(answer, [sentence], sentence.score)
        # "居住证上都会印哪些个人信息" against "居住证登载的内容包括：姓名、性别、…": no close sentence lists
        # anything, a lower one that announces a list does
        for sentence in ranked[len(close):6] if kind == "list" else []:
            if re.search(r"包括|如下[:：]|下列[^。]*[:：]$", sentence.text):
                answer = lists.listing(question, passage_of(sentence, document_text))
                if answer and answer.count("、") + answer.count("；") >= 2:
                    return Extraction(answer, [sentence], sentence.score)
        if kind in ("number", "date", "list", "choice"):
            return Extraction(None, [best], best.score)  # the kind of answer asked for is not there
    return Extraction(spans.descriptive(question, passage_of(best, document_text)), [best], best.score)


def _starting_at(ranked: list[Scored], near: Scored, starts: list[int]) -> list[Scored]:
    """The ranked sentences of `near`'s document that start at these offsets (the cases a line goes on with)."""
    doc = near.chunk.metadata["doc"]
    return [s for s in ranked if s.chunk.metadata["doc"] == doc and s.start in starts]


def _document_fact(question: str, ranked: list[Scored], document_text) -> tuple[str, Scored] | None:
    """"这份办法是哪天印发的", "省《办法》是指哪份文件": the fact, cited by the sentence that states it."""
    for doc in dict.fromkeys(s.chunk.metadata["doc"] for s in ranked):
        found = document_facts.document_fact(question, document_text(doc) or "")
        # The signature line itself before a longer sentence that merely contains it (the title).
        for sentence in sorted(ranked, key=lambda s: s.text.strip() != found[1]) if found else []:
            if sentence.chunk.metadata["doc"] == doc and found[1] in sentence.text:
                return found[0], sentence
    return None


def _restates(question: str, answer: str) -> bool:
    """An answer made of what the question already says ("湖南的…目标" → "上海、湖南、广州") answers nothing."""
    keys = key_terms(question)
    return answer in question or any(k in answer.split("、") for k in keys)
