"""The evidence a span is cut from, and how the candidates in it are weighed against the question."""
from __future__ import annotations

import re
from dataclasses import dataclass
from itertools import takewhile

from index.chunking import split_clauses
from index.lexical import tokenize

from .question import focus_terms

ARTICLE = re.compile(r"^\s*第[一二三四五六七八九十百零〇\d]+[条章节款]\s*")  # "第五条  市发展改革委…"
NUMERAL = r"(?:\d+(?:[.,]\d+)*(?:万亿|亿|万)?|[一二三四五六七八九十百千万两零〇]+(?:点[一二三四五六七八九零〇]+)?)"
PART_LINE = re.compile(rf"^\s*第({NUMERAL})(章|条)")  # a line opening a chapter or an article, and its number


def article(number: str, text: str) -> str:
    """Article 第{number}条 of `text` whole: its lines up to the next article or chapter ("" if none)."""
    block = re.search(rf"^\s*第{number}条.*?(?={PART_LINE.pattern}|\Z)", text, re.M | re.S)
    return block.group(0) if block else ""


_CITED_ITEMS = re.compile(rf"第({NUMERAL})条第((?:[（(][一二三四五六七八九十]+[）)][、和]?)+)项")


def cited_items(answer: str, text: str) -> str | None:
    """"符合本办法第七条第（八）、（九）、（十）项规定提取住房公积金的" names its cases by number: the items'
    own words, from the article's lines."""
    cited = _CITED_ITEMS.search(answer)
    block = article(cited.group(1), text) if cited else ""
    said = [re.sub(r"[的；;。]+$", "", line.group(1)) for label in re.findall(r"[一二三四五六七八九十]+", cited.group(2))
            for line in [re.search(rf"^\s*[（(]{label}[）)]([^\n]+)", block, re.M)] if line] if block else []
    return "；".join(said) or None


_ITEM_LINE = re.compile(r"^\s*[（(][\d一二三四五六七八九十]+[)）]")


def announced(paragraph: str, text: str) -> str:
    """The numbered lines a paragraph ending in a colon announces ("有下列情形之一的，…处…罚款：" → its cases)."""
    at = text.find(paragraph) if paragraph.rstrip().endswith(("：", ":")) else -1
    lines = text[at + len(paragraph):].split("\n")[1:] if at >= 0 else []
    return "\n".join(takewhile(_ITEM_LINE.match, lines))


def char_pairs(text: str) -> set[str]:
    """Its pairs of adjacent characters, by which two wordings of one thing are compared."""
    return {text[i:i + 2] for i in range(len(text) - 1)}


@dataclass
class Passage:
    text: str        # the evidence sentence
    paragraph: str   # its line in the document
    offset: int      # where the sentence starts inside the paragraph
    following: list[str]  # the lines after the paragraph (for enumerated blocks)


def bare(text: str) -> str:
    """The text without punctuation and spacing, for comparing wordings."""
    return re.sub(r"[\W_]+", "", text)


# Statutes grade one offence or procedure by such cases ("…的，责令改正；情节严重的，…", "应当于3个月内完成
# 调查…情形复杂的，可以延长3个月")
GRADE = re.compile(r"^(?:情节|情形|情况|后果)[\u4e00-\u9fff]{1,4}$|^(?:逾期|拒不|拒绝|再次|多次|屡次)[\u4e00-\u9fff]{1,6}$")
# "如果是单位…的", "要是又…的": words that open a case without being part of it
OPENER = re.compile(r"^(?:那么?|如果是?|要是|若是?|假如|对于?|又)")


def cases(question: str) -> list[str]:
    """The question's "…的" clauses, the cases it asks about ("没有违法所得、情节较重的"), without their opener;
    "情节严重的话最高罚多少" says its case with 的话."""
    clauses = [c.split("的话")[0] + "的" if "的话" in c else c for c in re.split(r"[，,？?]", question)]
    return [OPENER.sub("", c) for c in clauses if c.endswith("的")]


def case_parts(case: str) -> list[str]:
    """The cases a "…的" clause names together, in order: "没有违法所得、情节较重的" → 没有违法所得, 情节较重."""
    return [part for part in (OPENER.sub("", p) for p in case.removesuffix("的").split("、")) if len(part) >= 2]


def spread(word: str, text: str) -> bool:
    """The word in the text, or, for three characters or more, all of them in order at most two apart."""
    if word in text:
        return True
    pattern = "".join(re.escape(c) + ".{0,2}" for c in word[:-1]) + re.escape(word[-1])
    return len(word) >= 3 and re.search(pattern, text) is not None


def in_question(span: str, question: str) -> bool:
    # "七天内没用过" states the "七日内" of the text; "30天内处理不了" its "三十日内"
    if span.replace("天", "日") in question.replace("天", "日"):
        return True
    digits = re.sub(r"\D", "", span) or _arabic(span)
    return len(digits) >= 2 and digits in re.sub(r"\D", " ", question).split()


def _arabic(span: str) -> str:
    """"三十日内" → "30": the Chinese numeral a span opens with, in digits ("" if none)."""
    numeral = re.match(r"[一二三四五六七八九十百千两〇零]+", span)
    value = numeral_value(numeral.group(0)) if numeral else None
    return "" if value is None else str(int(value))


def numeral_value(numeral: str) -> float | None:
    """"三十" → 30.0, "两百" → 200.0, "1,000" → 1000.0; None for what cn2an cannot read."""
    from cn2an import cn2an  # only when a figure is compared

    try:
        return float(cn2an(numeral.replace(",", ""), "smart"))
    except (ValueError, KeyError, IndexError):
        return None


_EXCEPT = re.compile(r"除了?[^，,？?]{1,30}?(?:(?:以外|之外)[，,]?|外?[，,])")  # "除了重点检查以外还可以…"
_SAME_TIME = (("半年", "6个月"), ("一年", "12个月"), ("两年", "24个月"))


def matchable(question: str) -> str:
    """The question as clauses are matched against it: what it excepts ("除了西秀区和经开区，") says
    which clause is not meant, and "半年" is the text's "6个月"."""
    question = _EXCEPT.sub("", question)
    for said, written in _SAME_TIME:
        question = question.replace(said, said + written)
    return question


_BARE_TIME = re.compile(r"(?:到|至|在|于)?\d{4}年(?:底|末|前|以前)?")


def pick(question: str, text: str, candidates: list[re.Match]) -> str | None:
    """The candidate in the clause that shares the most with the question; on ties the one a word of the
    question labels, then the earliest."""
    best = pick_match(question, text, candidates)
    return best.group(0) if best else None


def pick_match(question: str, text: str, candidates: list[re.Match]) -> re.Match | None:
    """`pick`, as the match itself: where it stands in the text."""
    if not candidates:
        return None
    # a line of several sentences, too; a bracketed remark ("每天120元（其中床位费不高于每天35元）") is a clause
    # of its own, a bracketed word ("其他县（区）") is not
    remarks = re.sub(r"[（(]([^（）()]{6,})[）)]", lambda m: "，" + m.group(1) + "，", text)
    clauses = split_clauses(remarks.replace("；", "，"), 0, len(text))
    question = matchable(question)
    focus = set(focus_terms(question))
    tokens = [t for t in tokenize(question) if len(t) > 1]

    def clause(match: re.Match) -> str:
        for i, (a, b) in enumerate(clauses):
            if a <= match.start() < b:
                # "单位有前款规定行为之一的，处5万元…": a condition (…的) belongs to the clause it sets
                if i and text[clauses[i - 1][0]:clauses[i - 1][1]].endswith("的"):
                    a = clauses[i - 1][0]
                # and a value inside a condition ("自购买之日起七日内未兑付的，有权要求退卡") is read with it, as is
                # a time that stands alone ("到2020年，全国户籍人口城镇化率提高到45％")
                if (text[a:b].endswith("的") or _BARE_TIME.fullmatch(text[a:b].strip(" ，,"))) and i + 1 < len(clauses):
                    b = clauses[i + 1][1]
                return text[a:b]
        return ""

    def overlap(match: re.Match) -> float:
        # "食用油" is also in "食用植物油": a word spread out still counts
        return sum(len(t) * (2 if t in focus else 1) for t in tokens if spread(t, clause(match)))

    # "省级竞赛一等奖能加多少分" against "…竞赛三等奖分值为100分，…一等奖分值为120分": a clause naming a
    # sibling of the question's item (三等奖 for 一等奖) is about that one
    items = [(t, kind) for t in tokens if len(t) >= 3 for kind in _RANKS if t[0] in kind]

    def sibling(match: re.Match) -> bool:
        said = clause(match)
        return any(t not in said and re.search(rf"[{kind.replace(t[0], '')}]{re.escape(t[1:])}", said) for t, kind in items)

    def labelled(match: re.Match) -> bool:  # "风电400小时、光伏300小时": the label right before the value
        return any(t in text[max(0, match.start() - len(t) - 1):match.start()] for t in tokens)

    # "最多学多少天" against "最多六十天…最多一百二十天": a value bounded the way the question bounds it.
    bound = next((words for words in _BOUNDS if re.search(words, question)), None)

    def bounded(match: re.Match) -> bool:
        # ("累计最高限12分", "补贴上限为5000元": the bound's noun may stand between)
        return bound is not None and re.search(rf"(?:{bound})(?:限额?)?(?:为|是)?$",
                                               text[max(0, match.start() - 6):match.start()]) is not None

    # "《工商行政管理部门处理消费者投诉办法》是哪一天公布的" against "1998年…公布的《产品质量申诉处理办法》、
    # 2014年…公布的《工商行政管理部门处理消费者投诉办法》": the value of the title the question names
    titles = re.findall(r"《[^》]+》", question)

    def titled(match: re.Match) -> bool:
        following = re.split(r"[、，,；;。]", text[match.end():], maxsplit=1)[0]
        return any(t in following for t in titles)

    # "3-5级的，送餐补贴标准是多少" against "1-2级补贴标准为每人每次2元，3-5级补贴标准为每人每次4元": the clause
    # stating the question's own figure
    figures = _FIGURE.findall(question)

    def stated(match: re.Match) -> int:
        return sum(f in clause(match) for f in figures)

    return max(candidates, key=lambda m: (bounded(m), not sibling(m), stated(m), overlap(m), titled(m), labelled(m),
                                          -m.start()))


_FIGURE = re.compile(r"\d+(?:\.\d+)?(?:[-—–~～至到]\d+(?:\.\d+)?)?[级岁周类档星A]")


# ranks and levels of one kind: 一等奖 and 三等奖, 省级 and 市级 name siblings
_RANKS = ("一二三四五六七八九十", "甲乙丙丁", "国省市县区乡镇村")
_BOUNDS = ("最多|最高|最长|最大|上限|不超过|不得超过|不高于|不得高于", "至少|最少|最低|最短|下限|不少于|不得少于|不低于|不得低于")


def best_clause(question: str, text: str) -> tuple[int, int]:
    """Clause sharing most with the question, the words next to the question word counting double."""
    clauses = split_clauses(text, 0, len(text)) or [(0, len(text))]
    question = matchable(question)
    focus = set(focus_terms(question))
    tokens = [t for t in tokenize(question) if len(t) > 1]
    return max(clauses, key=lambda c: sum(len(t) * (2 if t in focus else 1) for t in tokens if t in text[c[0]:c[1]]))


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"
