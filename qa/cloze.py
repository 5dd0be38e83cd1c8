"""Reading a question as its statement with a gap: "深圳打算依托什么企业开展研发？" against
"依托重点龙头企业开展大数据…研发" leaves "重点龙头企业" where the question word stood.

Chinese questions keep the word order of the statement they ask about, so the words left and right
of the question word, found in the evidence sentence, bracket the answer.
"""
from __future__ import annotations

import re

from index.chunking import split_clauses

from .passage import ARTICLE
from .question import pos_tags

_WH = re.compile(r"哪[两二三四五六七八九十几]+[个项条类种级方面大家]|什么时候|什么时间|什么样的?|什么|哪些|哪一?[个种类家位项款方天]|哪里|哪儿|谁|何种|何处|何时")
_COPULA_QUESTION = re.compile(r"^(.*?)(?:是|为)(?:什么|哪些|谁)[？?]?$")
_NOT_MODIFIERS = ("哪里", "哪儿", "何处", "何时", "谁", "什么时候", "什么时间")
_MAX_ANSWER = 40
_ONE_SIDED = 16
_PREPOSITIONS = "与在对向从为以和跟同"
_KIND_WORDS = ("类型", "种类", "形式", "性质", "级别", "层级", "方面", "领域")  # "哪些类型的公司"


def gap_ends(question: str) -> bool:
    """"…可以定在农民工提供劳动的什么时期？": nothing follows the asked word, so no words can bracket it."""
    wh = _WH.search(question)
    rest = question[wh.end():].rstrip("？? ") if wh else ""
    tags = pos_tags(rest)  # (or only the asked kind's noun: "什么时期")
    return bool(wh) and (not rest or (len(tags) == 1 and len(rest) <= 2 and tags[0][1].startswith("n")))


def cloze(question: str, text: str, both_sides: bool = False) -> str | None:
    """`both_sides`: only a gap the question's words bracket on the left and on the right
    ("要与哪几类照护相适宜" against "建立与居家照护、机构照护、专业机构上门护理相适宜的…")."""
    wh = _WH.search(question)
    if not wh:
        return None
    framed = _frames(question, text)
    if framed:
        return framed
    left, right = question[:wh.start()], question[wh.end():].rstrip("？? ")
    left_end = _longest_suffix_at(left, text)
    if left_end is None and both_sides and left and left[-1] in _PREPOSITIONS:
        # "要与哪几类照护相适宜": one preposition is anchor enough when the words after the gap follow it
        left_end = next((m.end() for m in re.finditer(re.escape(left[-1]), text)
                         if _right_anchor(right, text, m.end(), _clause_end(text, m.end()))[0] is not None), None)
    if left_end is not None:
        clause_end = _clause_end(text, left_end)
        right_at, head = _right_anchor(right, text, left_end, clause_end)
        if both_sides:
            # A list's items share the asked kind's word ("居家照护、机构照护"): the gap ends where the
            # words after that word resume ("相适宜").
            after = "".join(w for w, _ in pos_tags(right)[1:])
            pos = text.find(after, left_end, clause_end + len(after)) if len(after) >= 2 else -1
            if pos > left_end:
                return _clean(text[left_end:pos])
            if right_at is None:
                return None
        end = right_at + len(head) if right_at is not None else clause_end
        more = None
        if head and wh.group(0) == "哪些":  # "有限责任公司或股份有限公司": more of the same head joined on
            # ("粉单元、气雾剂及有机溶剂单元、蜡基单元": an item may hold a 及 of its own)
            more = re.match(rf"(?:(?:[或和及与]|、(?:[^，,。；;、]{{1,12}}?[及和与])?)[^，,。；;、或和及与]{{1,12}}?{re.escape(head)})+",
                            text[end:])
            end += len(more.group(0)) if more else 0
        # (a list of the asked head may run longer than a single answer)
        return _clean(text[left_end:end], _MAX_ANSWER * 2 if more else _MAX_ANSWER)
    if both_sides:
        return None
    # "在哪里披露": the verb after a place or a time is not part of the answer, as a noun after 什么 is
    right_at, head = _right_anchor(right, text, 0, len(text), keep_last=wh.group(0) not in _NOT_MODIFIERS)
    if right_at is not None and right_at > 0:
        start = _clause_start(text, right_at)
        span = text[start:right_at]
        # "以什么为单元" against "以排水分区为单元": the question's own preposition before the gap opens
        # it there (dropping every leading verb would cut "排水" off "排水分区").
        last = pos_tags(left)[-1] if left else ("", "")
        opener = last[0] if last[1] == "p" else ""
        cut = span.rfind(opener) if opener else -1
        answer = (span[cut + len(opener):] if cut >= 0 else _drop_lead(_owner_said(span, question), question)) + head
        # Bracketed on one side only: a long span is more likely a whole clause than a name
        # (a name's alias in brackets does not count: "市发展改革委（市粮食和物资储备局）").
        return _clean(answer) if len(re.sub(r"（[^）]*）|\([^)]*\)", "", answer)) <= _ONE_SIDED else None
    return _copula(question, text)


def _owner_said(span: str, question: str) -> str:
    """"化妆品注册人、备案人、受托生产企业的法定代表人、主要负责人" asked "化妆品注册人、备案人、受托生产企业中，
    由谁…": whose the answer is, the question already says; the answer is what follows its 的."""
    owner = re.match(r"([^的]{4,30})的", span)
    said = re.sub(r"\W", "", owner.group(1)) if owner else ""
    if said and all(said[i:i + 2] in re.sub(r"\W", "", question) for i in range(len(said) - 1)):
        return span[owner.end():]
    return span


def _drop_lead(span: str, question: str, verbs: bool = True) -> str:
    """A span taken from the start of its clause loses the verbs, prepositions and question words
    it begins with ("加大对代币发行" → "代币发行")."""
    tags = list(pos_tags(ARTICLE.sub("", span)))
    lead = ("v", "p", "d", "c", "r", "u") if verbs else ("p", "c", "r", "u")
    # A name of a place or organisation stays even when the question has it ("深圳市" + "工业和信息化局").
    # A word the question has stays when it opens a compound noun ("储粮" + "药剂残留检验", "行业" + "自律组织"):
    # cut there, the answer is the compound's last word, which the question usually says too.
    while tags and (tags[0][1].startswith(lead) and tags[0][1] != "vn"
                    or len(tags[0][0]) > 1 and tags[0][0] in question and not tags[0][1].startswith(("ns", "nt", "nr"))
                    and not (tags[0][1].startswith("n") and len(tags) > 1 and tags[1][1].startswith("n"))):
        tags.pop(0)
    return "".join(w for w, _ in tags)


_FRAME = re.compile(r"以(?:什么|哪些|何)为([\u4e00-\u9fff]{1,4}?)(?=[、，,？?和并]|$)")


def _frames(question: str, text: str) -> str | None:
    """"以什么为导向、以什么为重点" against "健全以职业能力为导向、以工作业绩为重点…": every frame the
    question asks, as the text fills them, together."""
    asked = _FRAME.findall(question)
    found = [re.search(rf"以[^，,。；;、]{{1,20}}?为{re.escape(word)}", text) for word in asked]
    if len(asked) < 2 or not all(found):
        return None
    start, end = min(m.start() for m in found), max(m.end() for m in found)
    return text[start:end] if end - start <= 60 else None


def _longest_suffix_at(left: str, text: str) -> int | None:
    """End position in text of the longest tail of `left` (2+ characters) that text contains."""
    # "印发了什么" against "印发的《…》", "通报给哪个部门" against "通报农业农村主管部门": particles differ, the verb does not
    left = left.rstrip("的了给")
    for size in range(len(left), 1, -1):
        tail = left[-size:]
        pos = text.find(tail)
        if pos >= 0:
            return pos + len(tail)
    return None


def _right_anchor(right: str, text: str, start: int, limit: int, keep_last: bool = True) -> tuple[int | None, str]:
    """Where the words after the question word resume in text, and the head noun the answer keeps.

    The first noun after the question word ("什么企业") is usually part of the answer ("龙头企业"),
    so it is tried as the anchor first and kept in the answer; then the words after it."""
    if not right:
        return None, ""
    words = [w for w, _ in pos_tags(right)]
    for skip in range(min(len(words), 3)):
        rest = "".join(words[skip:])
        head = "".join(words[:skip])
        for size in range(len(rest), 1, -1):
            pos = text.find(rest[:size], start, limit + size)
            if pos > start:
                # Anchored on the head noun itself: keep it. Anchored after it: what lies between is the
                # answer, unless the anchor is the noun the asked kind qualifies ("哪些类型的公司" →
                # "有限责任公司").
                # The question's last word is what it asks for, however jieba tags it ("什么需求",
                # "什么形式的承诺": 需求 and 承诺 tag as verbs).
                last = keep_last and len(words) == skip + 1
                if skip == 0 and (_is_noun(words[0]) or last):
                    return pos, words[0]
                kind_of = skip == 2 and words[0] in _KIND_WORDS and words[1] == "的" and (_is_noun(words[2]) or last)
                return (pos, words[2]) if kind_of else (pos, "")
        if head and not _is_noun(words[0]):
            break
    return None, ""


def _is_noun(word: str) -> bool:
    return any(flag.startswith("n") or flag == "vn" for _, flag in pos_tags(word))


def _copula(question: str, text: str) -> str | None:
    """"X是什么？" answered by "A是…X" in the text: A."""
    match = _COPULA_QUESTION.match(question)
    if not match:
        return None
    tags = pos_tags(match.group(1))
    nouns = [w for w, f in tags if f.startswith("n") and len(w) > 1]
    if not nouns:
        return None
    noun = nouns[-1]
    pos = text.find(noun)
    if pos < 0:
        run = []  # the noun phrase the question ends with ("基本调子"), for a looser match
        for word, flag in reversed(tags):
            if not flag.startswith("n"):
                break
            run.insert(0, word)
        noun, pos = _similar_word("".join(run) or noun, text)
    if pos <= 0:
        return None
    is_at = text.rfind("是", 0, pos)
    if 0 < is_at and pos - is_at <= 12:  # "A是…X": A
        return _clean(text[_clause_start(text, is_at):is_at])
    before = text[_clause_start(text, pos):pos]  # "按照包容审慎的监管原则": what modifies X
    words = [w for w, _ in pos_tags(before)]
    while words and (words[-1] in question or words[-1] == "的"):
        words.pop()
    return _clean(_drop_lead("".join(words), question, verbs=False))


def _similar_word(noun: str, text: str) -> tuple[str, int]:
    """A word of the text sharing most characters with the question's noun, at least two and half of
    them: the paraphrase's "基本调子" is the text's "主基调"."""
    best, at, shared = "", -1, 1
    pos = 0
    for word, flag in pos_tags(text):
        common = len(set(word) & set(noun))
        if flag.startswith("n") and common > shared and common * 2 >= len(set(noun)):
            best, at, shared = word, pos, common
        pos += len(word)
    return best, at


def _clause_end(text: str, pos: int) -> int:
    for a, b in split_clauses(text, 0, len(text)):
        if a <= pos < b or pos <= a:
            return b
    return len(text)


def _clause_start(text: str, pos: int) -> int:
    start = 0
    for a, b in split_clauses(text, 0, len(text)):
        if a <= pos:
            start = a
    return start


_MODAL_END = re.compile(r"(?:应当|应该|可以|必须|需要|负责)$")  # "保险公司应当" + the question's verb


# "享受相应扶持政策": a modifier that only points elsewhere says nothing of what is asked.
_EMPTY = frozenset({"相应", "有关", "相关", "其他", "一定", "同等", "适当", "必要", "具体", "规定", "上述", "前款"})


def _clean(answer: str, limit: int = _MAX_ANSWER) -> str | None:
    answer = _MODAL_END.sub("", answer.strip(" ,，。;；:：、的为是了")).strip(" ,，、")
    return answer if 1 < len(answer) <= limit and answer not in _EMPTY else None
