"""How far a name runs: the nouns in front of a name cut short ("综合信息平台" → "市为老服务综合信息平台",
"人民政府" → "地方各级人民政府"), the body a gap between the question's words ends with, and the sentence a
pronoun's name is in ("它完全是一种创新")."""
from __future__ import annotations

import re
from itertools import takewhile

from .passage import Passage
from .question import pos_tags

# Words that run on a name leftwards: nouns, nominal verbs (服务, 培育), distinguishing words (公共)
NOMINAL = ("n", "vn", "b", "j")


def whole_name(answer: str, text: str) -> str:
    """"综合信息平台" cut from "通过市为老服务综合信息平台向…": the name with the nouns in front of it,
    back to the preposition or verb before them ("市为老服务综合信息平台")."""
    at = text.find(answer)
    # a person's name takes no title in front ("总经理肖风")
    if at <= 0 or any(f.startswith("nr") for _, f in pos_tags(answer)):
        return answer
    if answer.startswith("一级") and text[at - 1] in "上下":  # jieba splits 上一级 into 上 + 一级
        return text[at - 1] + answer
    # "镇（乡）人民政府", "区县（市）市场监督管理部门": a bracketed alternative is part of the name
    bracket = _BRACKET_BEFORE.search(text, 0, at)
    if bracket:
        head = _run_before(text, bracket.start(), at)
        return head + bracket.group(0) + answer if head else answer
    return _run_before(text, at, at + len(answer)) + answer


_BRACKET_BEFORE = re.compile(r"[（(][\u4e00-\u9fff][\u4e00-\u9fff、]{0,4}[）)]$")  # "县（市、区）"


def _run_before(text: str, at: int, end: int) -> str:
    """The nouns (and the words that run on a name) that end right at `at` (where jieba, reading up to
    `end`, ends a word)."""
    before, length = [], 0
    for word, flag in pos_tags(text[:end]):
        if length >= at:
            break
        before.append((word, flag))
        length += len(word)
    if length != at:  # the answer starts inside one of jieba's words: leave it as cut
        return ""
    taken = ""
    for i in range(len(before) - 1, -1, -1):
        word, flag = before[i]
        # "地方各级人民政府"; "全国医保基金举报投诉管理系统": verbs between nouns name what the thing is for
        inner = word in _LEVEL_WORDS or word in _ADMIN or (flag == "v" and len(word) == 2 and _verbs_after_noun(before, i))
        # (jieba files "费由" as a name: a word ending in a preposition ends the name's run)
        # ("规定送交有资质的回收机构": what a thing is handed to is named after the handing)
        if not (flag.startswith(NOMINAL) or inner) or len(taken) + len(word) > 12 or word[-1] in "由被向对从在给与和跟把将" \
                or word in _HANDING:
            break
        taken = word + taken
    return taken


_LEVEL_WORDS = ("各级", "各")
_HANDING = ("送交", "移交", "上缴", "报送", "交由", "交给", "转交")
_ADMIN = ("省", "市", "县", "区", "镇", "乡", "州")  # jieba tags a lone 县 as anything ("县（市、区）人民政府")


def _verbs_after_noun(tags: list[tuple[str, str]], i: int) -> bool:
    """Whether the verb at `i` belongs to a run of two-character verbs right after a noun of two or more
    characters (not a place word such as 内 in "系统内提交区残联")."""
    while i >= 0 and tags[i][1] == "v" and len(tags[i][0]) == 2:
        i -= 1
    return i >= 0 and tags[i][1].startswith(NOMINAL) and len(tags[i][0]) >= 2


def body_only(answer: str | None) -> str | None:
    """"后在省系统内提交区残联" (the gap before "进行审核"): the body is the nouns it ends with."""
    tags = pos_tags(answer) if answer else ()
    run = list(takewhile(lambda t: t[1].startswith(NOMINAL), reversed(tags)))
    rest = tags[:len(tags) - len(run)]
    if run and any(f.startswith(("p", "t")) for _, f in rest):  # (not "区停车管理部门", a name with a verb in it)
        body = "".join(w for w, _ in reversed(run))
        return body if len(body) >= 2 else answer
    return answer


_REFERS_BACK = re.compile(r"^(?:它|他|她|其|该|这)")


def antecedent(p: Passage) -> Passage | None:
    """"它完全是一种创新" names its subject in the sentence before: that sentence, for a name."""
    if not _REFERS_BACK.match(p.text) or p.offset == 0:
        return None
    before = [x for x in re.split(r"(?<=[。！？!?；;])", p.paragraph[:p.offset]) if x.strip()]
    if not before:
        return None
    text = before[-1]
    return Passage(text, p.paragraph, p.offset - len(text), [])
