"""What a document says about itself besides who issued it and when: how it is divided, what it is
based on and for, and when the texts it repeals stop applying. Those answers are read off its numbered
lines and its opening and closing articles, not searched among the sentences a question retrieves."""
from __future__ import annotations

import re

from . import issuance
from .passage import PART_LINE
from .phrasings import alias


def document_fact(question: str, text: str) -> tuple[str, str] | None:
    """(answer, the line of `text` that states it) for what a document says about itself: who issued it,
    when and under which number, how many chapters or articles it has, what it is based on and for,
    when the texts it repeals stop applying, or what a short name it defines stands for."""
    signed = issuance.answer(question, text) or parts(question, text) or grounds(question, text) or \
        aims(question, text) or repealed(question, text)
    if signed:
        return signed
    title = alias(question, text)
    return (title, title) if title else None


# The document is what is counted ("这个办法一共分成几章"), not items of it ("一共有几条措施").
_DOCUMENT = r"(?:办法|规定|细则|条例|方案|意见|文件|新规|通知|法"
_PARTS_ASKED = re.compile(_DOCUMENT + r")》?[^，。？?]{0,6}?(?<!哪)(?:几|多少)(章|条)(?![\u4e00-\u9fff])")
# "这份意见的正文一共分成几大部分": an opinion's parts are its lines numbered 一、二、…
_SECTIONS_ASKED = re.compile(_DOCUMENT + r"|正文)》?[^，。？?]{0,6}?(?:几|多少)(?:大|个)?部分")
_SECTION_LINE = re.compile(r"^\s*[一二三四五六七八九十]+、")


def parts(question: str, text: str) -> tuple[str, str] | None:
    """"这个办法一共分成几章" / "共有多少条": (the count, the last such line) from the document's own
    numbered lines, when the question asks about the whole document (not "第三章有几条")."""
    if _SECTIONS_ASKED.search(question):
        lines = [line.strip() for line in text.split("\n") if _SECTION_LINE.match(line)]
        return (f"{len(lines)}个部分", lines[-1]) if len(lines) >= 2 else None
    asked = _PARTS_ASKED.search(question)
    if not asked or re.search(r"第[一二三四五六七八九十百\d]+[章条节]", question):
        return None
    lines = [line.strip() for line in text.split("\n")
             if (part := PART_LINE.match(line)) and part.group(2) == asked.group(1)]
    # cited by the last line's first sentence: a sentence is what the answer's evidence is
    return (f"{len(lines)}{asked.group(1)}", re.match(r"[^。]*。?", lines[-1]).group(0)) if len(lines) >= 2 else None


_GROUNDS_ASKED = re.compile(r"(?:根据|依据|依照)(?:哪|什么)[^？?，,]{0,10}?(?:制定|出台|制订)")
# "第一条 为…，根据《…的通知》（穗府办规〔2022〕13号），结合本市实际，制定本办法。"
_GROUNDS = re.compile(r"(?:根据|依据|依照)((?:《[^》]+》(?:[（(][^）)]*[）)])?[、和及]?)+)[^。\n]{0,40}?制定本")


def grounds(question: str, text: str) -> tuple[str, str] | None:
    """"本办法是根据哪个文件制定的": the titles its opening article names, with the sentence."""
    found = _GROUNDS.search(text) if _GROUNDS_ASKED.search(question) and issuance.ITSELF.search(question) else None
    if not found:
        return None
    return found.group(1).rstrip("、和及"), _sentence_at(text, found)


# "制定《北京市控制吸烟条例》的目的是什么": the opening article's "为了…，根据…，制定本条例"
_PURPOSE_ASKED = re.compile(r"(?<!项)目的|宗旨|为了什么|为什么(?:要)?(?:制定|出台|颁布|印发)")
_PURPOSE = re.compile(r"为(?:了)?([^。\n]{4,120}?)[，,](?:(?:根据|依据|依照|按照|结合)[^。\n]{0,80}?[，,])?制定本")


def aims(question: str, text: str) -> tuple[str, str] | None:
    """What the document says it is for, when the question asks that of the document itself (not
    "设立吸烟区的目的是什么")."""
    title = text.lstrip().split("\n", 1)[0]
    quoted = re.findall(r"《([^》]+)》", question)
    itself = issuance.ITSELF.search(question) or (quoted and all(q in title for q in quoted))
    found = _PURPOSE.search(text) if _PURPOSE_ASKED.search(question) and itself else None
    return (found.group(1), _sentence_at(text, found)) if found else None


def _sentence_at(text: str, found: re.Match) -> str:
    start = max(text.rfind("。", 0, found.start()), text.rfind("\n", 0, found.start())) + 1
    end = text.find("。", found.end())
    return text[start:end + 1 if end >= 0 else len(text)].strip()


_REPEAL_ASKED = re.compile(r"废止|失效|不再有效|作废|不再执行|停止执行|停止施行|不再适用")
_REPEALED_BY = re.compile(r"被?[^，,。？?《]{0,10}?(?:废止|取代|替代)的(?=《)")
_ISSUED = re.compile(r"公布|发布|通过|印发|颁布|制定|出台")
_REPEALED = re.compile(r"[^。；\n]*同时(?:废止|失效)")


def repealed(question: str, text: str) -> tuple[str, str] | None:
    """"老的《禁止价格欺诈行为的规定》从哪天起不再有效" against "本规定自2022年7月1日起施行。…《禁止价格欺诈
    行为的规定》同时废止": a text repealed "at the same time" stops applying the day this one takes effect."""
    # ("被本办法废止的《…》是哪一天公布的" asks when the old text was issued)
    asked = _REPEALED_BY.sub("", question)
    if not (_REPEAL_ASKED.search(asked) and issuance.WHEN.search(asked)) or _ISSUED.search(asked):
        return None
    quoted = re.findall(r"《([^》]+)》", question)
    for repeal in _REPEALED.finditer(text):
        if all(q in repeal.group(0) for q in quoted) and (quoted or re.search(r"老|旧|原来|以前|之前", question)):
            return issuance.in_force(text)
    return None
