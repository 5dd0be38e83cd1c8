"""What the lines around an evidence sentence add to it: its whole line and the lines after it, the
lead line an enumerated item stands under, and the section heading that may state the fact otherwise."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.chunking import heading_level
from index.lexical import tokenize

from . import lists, numbers, phrasings, spans
from .passage import GRADE, Passage, bare, case_parts, cases
from .question import focus_terms, key_terms

if TYPE_CHECKING:
    from .extractive import Scored


# "2.修复河湖海岸湿地空间。" and "（三）加强激励宣传引导。" open an item with its title: a heading in all but
# the full stop ("（三）厨余垃圾应当投放至绿色厨余垃圾收集容器。" is a rule: a title says no 应当)
_ITEM_TITLE = re.compile(r"^(?:[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、]|[一二三四五六七八九十]+、)"
                         r"(?![^，,。；;：:]*(?:应当|不得|必须|禁止))[^，,。；;：:]{2,24}。$")


def is_heading(sentence: Scored) -> bool:
    lines = "\n" + sentence.chunk.page_content + "\n"
    return (heading_level(sentence.text) is not None and "\n" + sentence.text + "\n" in lines) or \
        (_ITEM_TITLE.match(sentence.text) is not None and "\n" + sentence.text in lines)


def passage_of(sentence: Scored, document_text) -> Passage:
    text = document_text(sentence.chunk.metadata["doc"]) or sentence.chunk.page_content
    base = 0 if text is not sentence.chunk.page_content else sentence.chunk.metadata["start"]
    start, end = sentence.start - base, sentence.end - base
    line_start = text.rfind("\n", 0, start) + 1
    line_end = text.find("\n", end)
    line_end = len(text) if line_end == -1 else line_end
    following = text[line_end + 1:].split("\n", 12)[:12]  # not the whole rest of the document
    return Passage(sentence.text, text[line_start:line_end], start - line_start, following)


def next_line(sentence: Scored, document_text) -> str:
    """The line after the sentence's (what a sentence ending in a colon announces)."""
    following = passage_of(sentence, document_text).following if sentence.text.rstrip().endswith(("：", ":")) else []
    return following[0] if following else ""


def from_paragraph(question: str, kind: str, passage: Passage) -> str | None:
    """A date or amount stated earlier in the same paragraph ("深圳计划到2022年, …; 软件业务收入突破…")."""
    if kind not in ("date", "number") or passage.offset == 0:
        return None
    before = passage.paragraph[:passage.offset + len(passage.text)]
    widened = Passage(before, passage.paragraph, passage.offset, passage.following)
    return spans.BY_KIND[kind](question, widened)


def under_condition(question: str, passage: Passage) -> str | None:
    """"没有违法所得的，处多少罚款？" against "…并处违法所得5倍以下的罚款；没有违法所得的，处2万元以上20万元
    以下的罚款": the amount the sentence's line sets for the question's own case ("…的"), when the sentence
    itself states another. Several conditions ("没有违法所得、情节较重的") are met in the order asked."""
    asked = cases(question)
    parts = case_parts(asked[-1]) if asked else []
    if not parts or parts[-1] + "的" in passage.text:
        return None
    line = passage.paragraph
    for match in re.finditer(re.escape(parts[-1]) + "的", line):
        # a case of its own ("有违法所得的" is not the end of "没有违法所得的")
        if match.start() and line[match.start() - 1] not in "，,；;。：:、":
            continue
        case = line[max(line.rfind(c, 0, match.start()) for c in "；;。：:") + 1:match.start()]
        if not all(part in case for part in parts[:-1]):
            continue
        clause = next((c for c in re.split(r"[，,；;。]", line[match.end():]) if c.strip()), "")
        found = numbers.number(question, Passage(clause, clause, 0, []), counting=False) if clause else None
        if found:
            return found
    return None


# "如何处罚", "承担什么责任", "该怎么办": what the text does about a case, where one case's measure may be
# followed by the next cases' ("…责令改正；情节严重的，…；构成犯罪的，…").
_CONSEQUENCE_ASKED = re.compile(r"(?:如何|怎么|怎样|怎么样)(?:处理|处置|处罚|罚|处分|追究|办|做|操作)|应当?怎么|该怎么|"
                                r"什么(?:法律)?责任|什么后果|什么处罚|哪些处罚|会怎样|会怎么样")
_NEXT_CASE = re.compile(r"^[^，,；;。]{2,40}的[，,]")


def _further(sentence: Scored, document_text) -> list[tuple[str, str, int]]:
    """The cases that go on the sentence's line after it ends at "；" ("情节严重的，责令停业整顿"):
    (case "…的，", its measure, where in the document the case starts)."""
    if not sentence.text.rstrip().endswith(("；", ";")):
        return []
    passage = passage_of(sentence, document_text)
    rest = passage.paragraph[passage.offset + len(passage.text):].split("。")[0]
    found = []
    for part in re.finditer(r"\s*([^；;]+)", rest):
        case = _NEXT_CASE.match(part.group(1))
        if not case:
            break
        measure = part.group(1)[case.end():].rstrip("：: \n")  # a line ending in "：" goes on with items
        found.append((case.group(), measure, sentence.end + part.start(1)))
    return found


def further_cases(question: str, sentence: Scored, answer: str, document_text) -> tuple[str, list[int], bool] | None:
    """"…责令改正；情节严重的，责令停业整顿；构成犯罪的，依法追究刑事责任": when the answer ends its sentence
    at "；" and the line goes on with further cases of the same measure, the text's answer is all of them,
    or, when the question names one of those cases (情节严重的会怎么处理), that case's measure alone.
    (answer, where in the document each case it is read from starts, whether that case alone answers)."""
    if not _CONSEQUENCE_ASKED.search(question) or not bare(sentence.text).endswith(bare(answer)):
        return None
    named = named_case(question, sentence, document_text)
    if named:
        return named[0], [named[1]], True
    further = _further(sentence, document_text)
    if not further:
        return None
    whole = answer.rstrip("；; ") + "".join(f"；{case}{measure}" for case, measure, _ in further)
    return whole, [s for *_, s in further], False


def named_case(question: str, sentence: Scored, document_text) -> tuple[str, int] | None:
    """The measure of the further case the question names ("…，情节严重的，要罚多少钱"), where it starts:
    on the sentence's line after it, or the sentence itself when it is that case."""
    own = _NEXT_CASE.match(sentence.text)
    if own and GRADE.match(bare(own.group(0)).removesuffix("的")) and bare(own.group(0)) in bare(question):
        return sentence.text[own.end():].rstrip("；;。 "), sentence.start
    return next(((measure, start) for case, measure, start in _further(sentence, document_text)
                 if bare(case) in bare(question)), None)


def further_amount(question: str, sentence: Scored, document_text) -> tuple[str, int] | None:
    """"单位不办理…的，由管理中心责令限期办理；逾期不办理的，处1万元以上5万元以下的罚款": a sentence stating
    no amount, whose line goes on with a case that states one. (amount, where that case starts)."""
    for _, measure, start in _further(sentence, document_text):
        found = numbers.number(question, Passage(measure, measure, 0, []), counting=False)
        if found:
            return found, start
    # "…应当二十四小时开放。违反规定的，…并处五千元以上一万元以下罚款": the next sentence punishes this one
    passage = passage_of(sentence, document_text)
    at = passage.offset + len(passage.text)
    rest = passage.paragraph[at:].lstrip()
    # "…可以申请延期处理。延长的期限最长不得超过三个月": the next sentence bounds what this one allows
    bound = _BOUND_ASKED.search(question)
    # "…对其消耗量进行专册登记，…。专册保存期限为3年": the next sentence, opening with the question's subject,
    # says what the question asks of it and this one does not
    words = [t for t in tokenize(question) if len(t) >= 2]
    goes_on = any(rest.startswith(t) for t in words) and \
        any(t in rest.split("。")[0] and t not in sentence.text for t in words)
    if _BREACH.match(rest) or (bound and bound.group(0) in rest.split("。")[0]) or goes_on:
        after = rest.split("。")[0]
        found = numbers.number(question, Passage(after, after, 0, []), counting=False)
        if found:
            return found, sentence.end + len(passage.paragraph[at:]) - len(rest)
    return None


_BOUND_ASKED = re.compile(r"最长|最短|最多|最少|最高|最低|不得少于|不少于|不得超过|不超过|至少")  # 公示期限不得少于…
_BREACH = re.compile(r"违反(?:本条|本款|前款|上述|以上)?(?:规定|要求)的[，,]")


# "（一）…；" under "有下列交通违法行为之一，一次记3分：": the items share the value their lead line states,
# or the line after them that speaks of them ("个人有前款规定行为之一的，处1000元以上1万元以下的罚款").
_BACK_REFERENCE = re.compile(r"前款|前述|上述|前列")


# "不是依托国家自然资源…建的普通景区，门票价格怎么定": the question sets aside the case a rule names
_NOT_THIS = re.compile(r"(?:不是|并非|不属于)([\u4e00-\u9fff]{4,})")
_THE_REST = re.compile(r"\s*(?:其他|其余|其它)[^。；;]+")


def for_the_rest(question: str, sentence: Scored, document_text) -> str | None:
    """"依托国家自然资源或者文化资源投资兴建的旅游景区门票实行政府定价；其他旅游景区门票实行市场调节价": the rule
    for the others, when the question denies the case the sentence names."""
    denied = _NOT_THIS.search(question)
    if not denied or denied.group(1)[:4] not in sentence.text:
        return None
    p = passage_of(sentence, document_text)
    rest = _THE_REST.match(p.paragraph, p.offset + len(p.text))
    return rest.group(0).strip() if rest else None


def lead_of(sentence: Scored, document_text) -> tuple[str, str, int]:
    """(the lead line ending in a colon that an enumerated item stands under, or "", the text, where the
    item's line starts)."""
    text = document_text(sentence.chunk.metadata["doc"]) or ""
    line_start = text.rfind("\n", 0, sentence.start) + 1
    if not text or not lists.ENUM_LINE.match(text[line_start:sentence.end]):
        return "", text, line_start
    before = text[:line_start].rsplit("\n", 31)[:-1][-30:]  # the 30 lines before, without splitting it all
    lead = next((line.strip() for line in reversed(before) if not lists.ENUM_LINE.match(line)), "")
    return (lead if lead.endswith(("：", ":")) else ""), text, line_start


def from_lead(question: str, sentence: Scored, document_text) -> str | None:
    # A count of the items is the items' business, not the lead's ("具体为20项具体任务:").
    if numbers.asks_count(question):
        return None
    lead, text, line_start = lead_of(sentence, document_text)
    if not lead:
        return None
    after = text[line_start:].split("\n", 30)[:30]
    closing = next((line.strip() for line in after if not lists.ENUM_LINE.match(line)), "")
    for line in (lead, closing if _BACK_REFERENCE.search(closing) else ""):
        answer = numbers.number(question, Passage(line, line, 0, []), counting=False) if line else None
        if answer:
            return answer
    return None


_CASES_LEAD = re.compile(r"有下列(?:情形|行为|情况)之一的[，,]([^：:]{4,80})[：:]$")


def case_consequence(question: str, sentence: Scored, document_text) -> str | None:
    """"社保经办机构给我核定的工伤待遇不对，可以通过什么途径解决" against the case "（五）…对经办机构核定的
    工伤保险待遇有异议的。" under "有下列情形之一的，有关单位或者个人可以依法申请行政复议，…：": what the lead
    says follows from its cases."""
    if not phrasings.HANDLING.search(question):
        return None
    follows = _CASES_LEAD.search(lead_of(sentence, document_text)[0])
    item = sentence.text.strip()
    if not follows or not re.search(r"的[。；;]?$", item) or not phrasings.shares_condition(question, item):
        return None
    return follows.group(1)


_ITEM_LABEL = re.compile(r"^([^，,。；;：:]{2,12})[：:]")  # "（二）退休人员：一级定点医疗机构为280元…"


_AGE = re.compile(r"(?:我|本人|今年|年龄)[^，,。？?]{0,4}?(\d+)周?岁")
_AGE_FROM = re.compile(r"(?<![不未])满(\d+)周岁|(\d+)周岁(?:及|以)以?上")
_AGE_BELOW = re.compile(r"(?:不满|未满)(\d+)周岁|(\d+)周岁以下")


def _age_fits(question: str, line: str) -> bool:
    """"我今年40岁" falls in "满35周岁至不满45周岁为…3％", not in "不满35周岁的为…2％"."""
    age = _AGE.search(question)
    froms = [int(a or b) for a, b in _AGE_FROM.findall(line)]
    belows = [int(a or b) for a, b in _AGE_BELOW.findall(line)]
    if not age or not froms + belows:
        return False
    n = int(age.group(1))
    return all(n >= f for f in froms) and all(n < b for b in belows)


def from_items(question: str, sentence: Scored, document_text) -> tuple[str, int] | None:
    """"职工在三级定点医疗机构住院，起付标准是多少" against "…起付标准，按照以下标准确定：" and its items
    "（一）职工：…三级定点医疗机构为1600元；（二）退休人员：…": the value is in the item the question names,
    by its label ("职工：") or by the words it adds to the lead's. (value, where the item's line starts)."""
    if numbers.asks_count(question) or not sentence.text.rstrip().endswith(("：", ":")):
        return None
    text = document_text(sentence.chunk.metadata["doc"]) or ""
    line_end = text.find("\n", sentence.end)
    if line_end == -1 or text[sentence.end:line_end].strip():
        return None  # a colon inside a line announces no lines
    lead = text[text.rfind("\n", 0, sentence.start) + 1:line_end]
    words = [t for t in dict.fromkeys(tokenize(question)) if len(t) >= 2 and t not in lead]
    scored, at = [], line_end + 1
    for line in text[at:].split("\n", 30)[:30]:
        marker = lists.ENUM_LINE.match(line)
        if not marker:
            break
        label = _ITEM_LABEL.match(line[marker.end():])
        named = 10 * bool(label and label.group(1) in question or _age_fits(question, line))
        scored.append((named + sum(len(w) for w in words if w in line), at, line))
        at += len(line) + 1
    if not scored:
        return None
    best = max(scored)
    if best[0] == 0 or sum(score == best[0] for score, _, _ in scored) > 1:
        return None  # the question names no one item
    found = numbers.number(question, Passage(best[2], best[2], 0, []), counting=False)
    return (found, best[1]) if found else None


def conflict_note(question: str, kind: str, sentence: Scored, answer: str) -> str:
    """Say so when the section's heading states the same fact differently (the body wins)."""
    if kind not in ("date", "number"):
        return ""
    heading = sentence.chunk.metadata.get("section", "").split(" > ")[-1]
    if not heading or heading == sentence.text:
        return ""
    # Only a heading about the same thing as the question and the evidence can contradict it.
    names = set(key_terms(question))
    focus = [t for t in focus_terms(question) if t not in names]
    words = [t for t in tokenize(heading) if len(t) > 1 and not t.isdigit() and t not in names]
    if not focus or not words or sum(t in heading for t in focus) < 2 \
            or sum(t in sentence.text for t in words) < 0.6 * len(words):
        return ""
    claimed = spans.BY_KIND[kind](question, Passage(heading, heading, 0, []))
    # A range ("2020-2022年") that includes the heading's year does not contradict it.
    if claimed and re.sub(r"\D", "", claimed) not in re.sub(r"\D", " ", answer).split():
        return f"（注：小标题写作“{claimed}”，与正文不一致，此处以正文为准）"
    return ""
