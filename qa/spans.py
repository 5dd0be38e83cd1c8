"""Cutting the answer out of an evidence sentence, by what the question asks for.

Each function gets the question and a `Passage`: the evidence sentence plus its paragraph in the
document, and returns the shortest answering text, or None when the sentence does not hold that
kind of answer. Numbers (numbers.py) and dates (dates.py) have modules of their own; this one holds
A还是B, descriptive clauses, numbered items, and `BY_KIND`, the cutter for each kind (yes/no: verdicts.py).
"""
from __future__ import annotations

import re
from itertools import takewhile

from index.chunking import split_clauses

from .dates import date
from .lists import DIGITS, listing
from .names import whole_name
from .numbers import number
from .passage import Passage, best_clause
from .question import focus_terms, pos_tags
from .verdicts import yes_no

EDGE_CHARS = "的是了在和与及等为将对把被从以于就也都而并其之这那个"


def whole_quotes(answer: str, sentence: str) -> str:
    """An answer cut inside a quotation ("坏粮、谁担责”的原则") grows to the whole quotation."""
    at = sentence.find(answer)
    if at < 0:
        return answer
    start, end = at, at + len(answer)
    for left, right in ("“”", "《》", "「」"):
        if answer.count(right) > answer.count(left):
            opening = sentence.rfind(left, 0, start)
            start = opening if opening >= 0 else start
        if answer.count(left) > answer.count(right):
            closing = sentence.find(right, end)
            end = closing + 1 if closing >= 0 else end
    return sentence[start:end]


def choice(question: str, p: Passage) -> str | None:
    """"A还是B？": the option the evidence states; when the paragraph states both, the one that
    follows the question's subject most closely ("以太坊。它完全是一种创新")."""
    head, _, tail = question.rstrip("？? ").rpartition("还是")
    first = re.split(r"是|算|属于|为", head)[-1].strip()
    options = [o for o in (re.split(r"[，,]", first)[-1], tail.strip()) if o]
    # "按宣传周还是宣传月来搞" against "集中宣传月": what sets an option apart, without the words around it
    options = [_distinct_part(o, options, p.text) for o in options]
    said = [o for o in options if o in p.text]
    if len(said) == 1:
        return _whole_noun(said[0], p.text)
    subject = [w for w in focus_terms(head) if all(w not in o for o in options)]
    context = p.paragraph
    at = max((context.find(w) for w in subject), default=-1)
    if at < 0:
        return None
    after = {o: context.find(o, at) for o in options}
    found = {o: pos for o, pos in after.items() if pos >= 0}
    return min(found, key=found.get) if found else None


_COLOURS_ASKED = re.compile(r"哪[几两三四五六七八九]种颜色|哪些颜色|什么颜色")


def colours(question: str, text: str) -> str | None:
    """"标识分为哪四种颜色" against "蓝色代表可回收物，红色代表有害垃圾，…": the colours the text names, in order."""
    named = list(dict.fromkeys(re.findall(r"[红橙黄绿青蓝紫黑白灰棕褐金银]色", text))) if _COLOURS_ASKED.search(question) else []
    return "、".join(named) if len(named) >= 2 else None


def _whole_noun(option: str, text: str) -> str:
    """"平台还是司机" against "网约车平台公司承担承运人责任": the option as the text names it, with the nouns
    around it."""
    at = text.find(option)
    if at < 0 or not all(f.startswith("n") for _, f in pos_tags(option)):
        return option
    after = "".join(w for w, _ in takewhile(lambda t: t[1].startswith("n") and t[1] != "nr",
                                              pos_tags(text[at + len(option):])))
    return whole_name(option, text) + after


def _distinct_part(option: str, options: list[str], text: str) -> str:
    """The longest part of `option` the text states and no other option holds (the option itself if the
    text states it whole)."""
    if option in text:
        return option
    others = [o for o in options if o != option]
    for n in range(len(option) - 1, max(1, (len(option) - 1) // 2), -1):  # at least half of it
        for i in range(len(option) - n + 1):
            part = option[i:i + n]
            if part in text and not any(part in o for o in others):
                return part
    return option


# (and "可根据其日常表现、工作业绩，结合…要求，直接认定…": by what means, before what is done)
_CONDITION_CLAUSE = re.compile(r"^(?:如|若|对|在|经|凡|因|当|并经|一旦|结合|(?:可|可以|应当|应|须)(?:根据|按照|依据|依照|参照))|"
                               r"(?:的|时|后|前|之前|以后|期间)$")


def descriptive(question: str, p: Passage) -> str:
    """The clause that answers, with the next one when it carries on; whole sentence if short."""
    text = p.text
    if len(text) <= 40:
        return text.strip()
    clauses = split_clauses(text, 0, len(text))
    best = best_clause(question, text)
    a, b = _manner_clause(question, text, clauses, best) or best
    index = clauses.index((a, b)) if (a, b) in clauses else 0
    if index + 1 < len(clauses) and clauses[index + 1][1] - a <= 60:
        index += 1
        b = clauses[index][1]
    # "在收到投保人的退保申请后，" sets when; what is done comes in the clause after the conditions.
    first = index
    while index + 1 < len(clauses) and _CONDITION_CLAUSE.search(text[clauses[index][0]:clauses[index][1]]):
        index += 1
    if clauses and clauses[index][1] > b:
        if clauses[index][1] - a > 80:  # too long whole: what the question matched, then what is done
            return text[a:clauses[first][1]].strip() + "……" + text[clauses[index][0]:clauses[index][1]].strip(" ；;，,")
        b = clauses[index][1]
    return text[a:b].strip()


_MANNER = re.compile(r"(?:如何|怎样|怎么样?)(?:进行)?(?=[\u4e00-\u9fff])")


def _manner_clause(question: str, text: str, clauses: list[tuple[int, int]],
                   best: tuple[int, int]) -> tuple[int, int] | None:
    """"平台应当如何公示其退货规则" against "…应当建立…退货规则…，在其首页显著位置持续公示，…": how a thing is
    done is said in the clause with the verb asked, not in the one that shares the question's nouns."""
    manner = _MANNER.search(question)
    verb = pos_tags(question[manner.end():])[0] if manner else ("", "")
    if not verb[1].startswith(("v", "n")) or len(verb[0]) < 2:  # (jieba may tag a final 办理 a noun)
        return None
    with_verb = [c for c in clauses if verb[0] in text[c[0]:c[1]]]
    return with_verb[0] if with_verb and verb[0] not in text[best[0]:best[1]] else None


_CITED = re.compile(r"(?:按照|根据|依照|依据|违反|对照|按|依)(?:本办法|本规定|办法|规定)?$")
_ORDINAL_ASKED = re.compile(r"第([一二三四五六七八九十]+|\d+)(?:条|个|项|点|方面|部分|种|类)")


def ordinal_marker(question: str) -> re.Pattern | None:
    """"第二条道路是什么？" → a pattern for lines numbered 2: "二、…", "(2)…", "（二）…", "2.…", "第二条…"."""
    match = _ORDINAL_ASKED.search(question)
    # "按照第三条，…列了几类": an article the question cites is not the item it asks for
    if not match or _CITED.search(question[:match.start()]):
        return None
    n = match.group(1)
    number = int(n) if n.isdigit() else (DIGITS.index(n) + 1 if len(n) == 1 else None)
    if number is None or number > 10:
        return None
    chinese = DIGITS[number - 1]
    return re.compile(rf"^\s*(?:{chinese}、|[（(](?:{number}|{chinese})[)）]|{number}[、.．]|第{chinese}[条章节])\s*")


def numbered_item(marker: re.Pattern, text: str) -> str | None:
    """The numbered line's own words, up to where its details start."""
    if not marker.match(text):
        return None
    item = re.split(r"[:：;；。]", marker.sub("", text))[0].strip(" ,，")
    return item or None


BY_KIND = {"number": number, "date": date, "list": listing, "yes_no": yes_no, "choice": choice}
