"""The default answerer: picks the evidence sentence and the shortest span in it that answers, or refuses.

No LLM: sentences of the retrieved chunks are scored against the question by their stored vectors
(dense) and by how much of the question's weighted vocabulary they contain (lexical); then a span
of the kind the question asks for (number, date, name, list) is cut out of the best sentence.
"""
from __future__ import annotations

import math
import re
from dataclasses import dataclass

import numpy as np

from index.chunking import split_clauses
from index.lexical import STOPWORDS, tokenize

from .question import _tagged, key_terms

_NUMERAL = r"(?:\d+(?:[.,]\d+)*|[一二三四五六七八九十百千万两]+)"
_UNIT = r"(?:万亿元|亿元|万元|元|万亿|亿|万|%|个百分点|倍|项|条|个|大|家|种|类|级|名|人|次|所|批|座|户|件)"
_NUMBER = re.compile(rf"(?:百分之{_NUMERAL})|{_NUMERAL}(?:多|余)?{_UNIT}(?:多|余)?(?:左右)?|\d+(?:\.\d+)?(?![\d年月日])")
_DATE = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:前|底|初|末|以前|之前|以来)?|\d{1,2}月\d{1,2}日|今年|明年|去年")
_DAY_ASKED = re.compile(r"哪天|哪一天|几号|几月几日|什么日子|日期")
_UNIT_HINT = re.compile(rf"(?:多少|几)({_UNIT})")
_PERCENT_HINT = re.compile(r"增速|增长|增幅|比例|比重|占比|百分")
_NEGATION = re.compile(r"不是|并不|并非|不会|没有|尚未|未|无|不")
_ENUM_HEAD = re.compile(r"^[（(]?[\d一二三四五六七八九十]+[)）、.]\s*")
_EDGE = "的是了在和与及等为将对把被从以于就也都而并其之这那个"


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
    tokens = list(dict.fromkeys(tokenize(question)))
    weights = {t: idf(t) for t in tokens}
    total = sum(weights.values()) or 1.0
    q = np.asarray(question_vector, dtype=np.float32)
    scored = []
    for doc in documents:
        meta = doc.metadata
        context = meta.get("section", "") + doc.page_content
        for s, e in meta["sentences"]:
            text = doc.page_content[s - meta["start"]:e - meta["start"]]
            vector = sentence_vectors.get((meta["chunk_id"], s, e))
            dense = float(np.dot(q, vector)) if vector is not None else 0.0
            # A word of the question counts fully in the sentence, half in its chunk or section.
            hit = sum(w if t in text.lower() else 0.5 * w if t in context.lower() else 0.0 for t, w in weights.items())
            lexical = hit / total
            scored.append(Scored(text, s, e, doc, dense, lexical, 0.0))
    if not scored:
        return []
    for item in scored:
        # e5 cosines bunch up between ~0.75 and ~0.95; stretch that band onto [0, 1].
        item.score = 0.5 * min(max((item.dense - 0.75) / 0.2, 0.0), 1.0) + 0.5 * item.lexical
    return sorted(scored, key=lambda x: -x.score)


def extract(question: str, kind: str, ranked: list[Scored]) -> Extraction:
    if not ranked:
        return Extraction(None, [], 0.0)
    best = ranked[0]
    if not _keys_present(question, best, ranked):
        return Extraction(None, [best], best.score)
    # Close runners-up may hold the span when the best sentence only restates the question.
    close = [s for s in ranked[:4] if s.score >= best.score - 0.08]
    for sentence in close:
        answer = _span(question, kind, sentence)
        if answer:
            return Extraction(answer, [sentence], sentence.score)
    if kind in ("number", "date"):
        return Extraction(None, [best], best.score)  # the kind of answer asked for is not there
    return Extraction(_trim(question, best.text), [best], best.score)


def _keys_present(question: str, best: Scored, ranked: list[Scored]) -> bool:
    """Names and numbers of the question must occur near the evidence (its chunk or section)."""
    meta = best.chunk.metadata
    context = meta.get("section", "") + best.chunk.page_content
    return all(key in context for key in key_terms(question))


def _span(question: str, kind: str, sentence: Scored) -> str | None:
    if kind == "number":
        return _pick(question, sentence, _number_candidates(question, sentence.text))
    if kind == "date":
        candidates = [m for m in _DATE.finditer(sentence.text) if m.group(0).rstrip("前底初末以来之") not in question]
        if _DAY_ASKED.search(question):
            candidates = [m for m in candidates if "日" in m.group(0)]
        return _pick(question, sentence, candidates)
    if kind == "list":
        return _enumeration(question, sentence)
    if kind == "yes_no":
        return _yes_no(question, sentence.text)
    if kind == "entity":
        return _gap(question, sentence.text)
    return None


def _number_candidates(question: str, text: str) -> list[re.Match]:
    found = [m for m in _NUMBER.finditer(text) if not _in_question(m.group(0), question)]
    found = [m for m in found if not re.fullmatch(r"\d{4}", m.group(0))]  # bare years are dates, not amounts
    unit = _UNIT_HINT.search(question)
    if unit:
        preferred = [m for m in found if unit.group(1) in m.group(0)]
        found = preferred or found
    if _PERCENT_HINT.search(question):
        found = [m for m in found if "%" in m.group(0) or "百分" in m.group(0)] or found
    return found


def _in_question(span: str, question: str) -> bool:
    digits = re.sub(r"\D", "", span)
    return span in question or (len(digits) >= 2 and digits in re.sub(r"\D", " ", question).split())


def _pick(question: str, sentence: Scored, candidates: list[re.Match]) -> str | None:
    """The candidate in the clause that shares the most with the question (earliest on ties)."""
    if not candidates:
        return None
    clauses = split_clauses(sentence.text, 0, len(sentence.text))
    tokens = [t for t in tokenize(question) if len(t) > 1]

    def overlap(match: re.Match) -> float:
        for a, b in clauses:
            if a <= match.start() < b:
                clause = sentence.text[a:b]
                return sum(len(t) for t in tokens if t in clause)
        return 0.0

    return max(candidates, key=lambda m: (overlap(m), -m.start())).group(0)


def _enumeration(question: str, sentence: Scored) -> str | None:
    """A list answer: the items of an enumerated block (1)…(n) / 一、二、, or a 、-separated clause."""
    chunk_text = sentence.chunk.page_content
    heads = []
    for line in chunk_text.split("\n"):
        if _ENUM_HEAD.match(line.strip()):
            head = _ENUM_HEAD.sub("", line.strip())
            heads.append(re.split(r"[,，:：;；。]", head)[0])
    if len(heads) >= 2 and sentence.text in chunk_text and _ENUM_HEAD.match(sentence.text.strip()) is None \
            and re.search(r"[几两二三四五六七八九十\d]+[大项条个类种]", question):
        return "、".join(heads)
    clauses = split_clauses(sentence.text, 0, len(sentence.text))
    listy = [sentence.text[a:b] for a, b in clauses if "、" in sentence.text[a:b]]
    if listy:
        tokens = [t for t in tokenize(question) if len(t) > 1]
        best = max(listy, key=lambda c: (c.count("、") + sum(t in c for t in tokens), len(c)))
        return best.strip("。；;，,")
    parts = [p for p in re.split(r"[;；]", sentence.text) if p.strip()]
    if len(parts) >= 3:
        return "；".join(p.strip("。 ") for p in parts)
    return None


def _yes_no(question: str, text: str) -> str:
    negated = bool(_NEGATION.search(text)) and not _NEGATION.search(re.sub(r"是否|是不是|有没有|会不会", "", question))
    return ("否，" if negated else "是，") + _shorten(text)


def _gap(question: str, text: str) -> str | None:
    """The longest stretch of the sentence the question does not already say, next to what it does say."""
    tags = _tagged(text)
    covered = [len(w) > 0 and (w in question or w in _EDGE) for w, _ in tags]
    runs, current = [], []
    for i, (word, flag) in enumerate(tags):
        if covered[i] or flag == "x" or word in STOPWORDS or flag == "r":
            if current:
                runs.append(current)
            current = []
        else:
            current.append(i)
    if current:
        runs.append(current)
    if not runs:
        return None

    def value(run: list[int]) -> float:
        nouns = sum(len(tags[i][0]) for i in run if tags[i][1].startswith(("n", "eng")))
        near = any(covered[j] and tags[j][1] != "x" and tags[j][0] not in _EDGE
                   for j in (run[0] - 1, run[-1] + 1) if 0 <= j < len(tags))
        return nouns + (2 if near else 0) - 0.1 * math.log1p(sum(len(tags[i][0]) for i in run))

    run = max(runs, key=value)
    start = run[0]
    # Keep a covered place or organisation name that modifies the stretch ("北京市" + "人民政府办公厅").
    while start > 0 and tags[start - 1][1].startswith(("ns", "nt", "nr")):
        start -= 1
    answer = "".join(w for w, _ in tags[start:run[-1] + 1]).strip(_EDGE)
    return answer if 1 < len(answer) <= 30 else None


def _trim(question: str, text: str) -> str:
    """The best sentence cut to its clauses that share most with the question."""
    if len(text) <= 40:
        return text.strip()
    clauses = split_clauses(text, 0, len(text))
    tokens = [t for t in tokenize(question) if len(t) > 1]
    scores = [sum(len(t) for t in tokens if t in text[a:b]) for a, b in clauses]
    best = int(np.argmax(scores))
    a, b = clauses[best]
    # The part after what the question mentions is usually the answer: include the next clause.
    if best + 1 < len(clauses) and clauses[best + 1][1] - a <= 60:
        b = clauses[best + 1][1]
    return text[a:b].strip()


def _shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
