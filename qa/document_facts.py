"""What a document says about itself besides who issued it and when: how it is divided, what it is
based on and for, when the texts it repeals stop applying, how long it applies and when the documents it
cites were issued. Those answers are read off its numbered lines, its opening and closing articles and
the numbers it cites others by, not searched among the sentences a question retrieves."""
from __future__ import annotations

import re

from . import issuance
from .passage import PART_LINE, char_pairs
from .phrasings import alias


def document_fact(question: str, text: str) -> tuple[str, str] | None:
    """(answer, the line of `text` that states it) for what a document says about itself: who issued it,
    when and under which number, how many chapters or articles it has (or items a part of it), what it is
    based on and for, when the texts it repeals stop applying, its term, the year of a document it cites,
    or what a short name it defines stands for."""
    signed = issuance.answer(question, text) or parts(question, text) or sections(question, text) or \
        headed_items(question, text) or \
        grounds(question, text) or aims(question, text) or repealed(question, text) or validity(question, text) or \
        keeper(question, text) or cited_year(question, text)
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
# "第一条 为…，根据《…的通知》（穗府办规〔2022〕13号），结合本市实际，制定本办法。" (or "…精神，全面推进…，
# 为…提供…服务，制定本办法")
_GROUNDS = re.compile(r"(?:根据|依据|依照)((?:《[^》]+》(?:[（(][^）)]*[）)])?[、和及]?)+)[^。\n]{0,60}?制定本")


def grounds(question: str, text: str) -> tuple[str, str] | None:
    """"本办法是根据哪个文件制定的": the titles its opening article names, with the sentence ("哪部法律":
    only the laws among them)."""
    found = _GROUNDS.search(text) if _GROUNDS_ASKED.search(question) and issuance.ITSELF.search(question) else None
    if not found:
        return None
    titles = found.group(1).rstrip("、和及")
    laws = re.findall(r"《[^》]+法》", titles) if re.search(r"哪(?:一)?部法律?", question) else []
    return "、".join(laws) or titles, _sentence_at(text, found)


# "制定《北京市控制吸烟条例》的目的是什么": the opening article's "为了…，根据…，制定本条例"
_PURPOSE_ASKED = re.compile(r"(?<!项)目的|宗旨|为了什么|为什么(?:要)?(?:制定|出台|颁布|印发)")
_PURPOSE = re.compile(r"为(?:了)?([^。\n]{4,120}?)[，,](?:(?:根据|依据|依照|按照|结合)[^。\n]{0,80}?[，,])?制定本")


def aims(question: str, text: str) -> tuple[str, str] | None:
    """What the document says it is for, when the question asks that of the document itself (not
    "设立吸烟区的目的是什么")."""
    itself = _about_itself(question, text)
    found = _PURPOSE.search(text) if _PURPOSE_ASKED.search(question) and itself else None
    return (found.group(1), _sentence_at(text, found)) if found else None


def _about_itself(question: str, text: str) -> bool:
    """The question points at this document ("本办法", or 《titles》 its own title contains)."""
    title = text.lstrip().split("\n", 1)[0]
    quoted = re.findall(r"《([^》]+)》", question)
    return bool(issuance.ITSELF.search(question) or (quoted and all(q in title for q in quoted)))


def _sentence_at(text: str, found: re.Match, group: int = 0) -> str:
    start = max(text.rfind("。", 0, found.start(group)), text.rfind("\n", 0, found.start(group))) + 1
    end = re.compile(r"。|\n").search(text, found.end())  # ("…提出如下意见：" ends its line)
    return text[start:end.end() if end else len(text)].strip()


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


# "“突出保障重点”部分一共列了几方面", "认定流程一共分成几个环节": the count ends the question
_ITEMS_ASKED = re.compile(r"(?:几|多少)(个|条|项|种|类|大类|方面)(方面|环节|步骤|阶段|措施|任务|重点|举措|内容|要求)?"
                          r"(?:的[\u4e00-\u9fff]{0,8})?[？?]?$")
_HEADING = re.compile(r"^\s*([一二三四五六七八九十]+)、\s*([^。；，\n]{2,30})$")
_ITEM_LINE = re.compile(r"^\s*[（(][一二三四五六七八九十]+[）)]")


def sections(question: str, text: str) -> tuple[str, str] | None:
    """How many numbered items （一）（二）… a part of an opinion lists, when the question names the part
    by its heading ("规范认定流程" → 认定流程) or its place (第四部分)."""
    asked = _ITEMS_ASKED.search(question)
    # ("主要供给有几种": kinds of a thing the question names, not the part's items)
    if not asked or (asked.group(1) in ("个", "种", "类", "大类") and not asked.group(2)):
        return None
    lines = text.split("\n")
    ordinal = re.search(r"第([一二三四五六七八九十]+)部分", question)
    for i, line in enumerate(lines):
        heading = _HEADING.match(line)
        named = heading and ((ordinal and ordinal.group(1) == heading.group(1)) or
                             any(heading.group(2)[j:j + 4] in question for j in range(len(heading.group(2)) - 3)))
        if not named:
            continue
        items = []
        for after in lines[i + 1:]:
            if _HEADING.match(after):
                break
            if _ITEM_LINE.match(after):
                items.append(after)
        unit = asked.group(1) + ("方面" if asked.group(2) == "方面" else "")  # "5个方面"
        return (f"{len(items)}{unit}", line.strip()) if len(items) >= 2 else None
    return None


# "二、基本原则" / "（二）工作原则。" heading paragraphs that each open with a short label: "优先发展，统筹规划。…",
# "——坚持党的全面领导。…", "1.坚持正确导向。…"
_ANY_HEADING = re.compile(r"^\s*(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十]+[）)])")
_PART_HEADING = re.compile(_ANY_HEADING.pattern + r"\s*([\u4e00-\u9fff]{2,10})。?\s*$")
_LABEL = re.compile(r"^\s*(?:——|\d+[.．、])?([^。，；：:\n]{2,10}(?:，[^。，；：:\n]{2,10})?)。")


def headed_items(question: str, text: str) -> tuple[str, str] | None:
    """"文件提出了几条基本原则" / "基本原则有哪些" of a part headed "基本原则" whose paragraphs each open with a
    label ("优先发展，统筹规划。"): their count, or the labels (the paragraphs are numbered by nothing a
    sentence would show)."""
    if not re.search(r"几|多少|哪些|哪几|什么", question):  # (every question passes here: no scan for most)
        return None
    lines = text.split("\n")
    for i, line in enumerate(lines):
        heading = _PART_HEADING.match(line)
        name = re.escape(heading.group(1)) if heading else ""
        # the question word next to the heading's name ("几条基本原则", "基本原则有哪些"), not elsewhere in it
        count = re.search(rf"(?:几|多少)(条|项|个|点|方面)?{name}|{name}[^，,？?]{{0,4}}?(?:几|多少)(条|项|个|点|方面)?",
                          question) if name else None
        if not name or not (count or re.search(rf"(?:哪些|哪几[条项个]?|什么){name}|{name}[^，,？?]{{0,4}}?(?:哪些|哪几)",
                                                 question)):
            continue
        labels = []
        for after in lines[i + 1:]:
            if _ANY_HEADING.match(after):
                break
            label = _LABEL.match(after)
            if not label:
                return None  # a paragraph without a label: not a part made of labelled items
            labels.append(label.group(1))
        if len(labels) < 2:
            return None
        if count:
            return f"{len(labels)}{count.group(1) or count.group(2) or '条'}", line.strip()
        return ("；" if any("，" in label for label in labels) else "、").join(labels), line.strip()
    return None


# ("本办法自2023年4月1日起施行。有效期五年。": the term may open a sentence of its own)
_VALIDITY = re.compile(r"本(?:办法|规定|细则|方案|意见|通知|措施|政策|条例)[^。\n]{0,40}?。?有效期(?:为|是|至|到)?"
                       r"([^。，,；;\n]{1,20})")
_VALIDITY_ASKED = re.compile(r"有效期(?:是|为|有)?(?:几|多少|多长|多久|到|至|截至|什么时候|哪)")


def validity(question: str, text: str) -> tuple[str, str] | None:
    """"本办法的有效期是几年" against "本办法自2019年2月1日实施，有效期5年": only of the document itself."""
    itself = _about_itself(question, text)
    # ("有效期满后会自动延长几年" asks the extension)
    found = _VALIDITY.search(text) if _VALIDITY_ASKED.search(question) and itself else None
    return (found.group(1), _sentence_at(text, found, 1)) if found else None


_KEEPER_ASKED = re.compile(r"(?:谁|哪[个些家一]*[\u4e00-\u9fff]{0,4}?(?:部门|单位|机构|机关))[^，。？?]{0,6}?(解释|组织实施|实施)")
_KEEPER = r"本(?:办法|规定|细则|方案|意见|通知|措施|条例|决定|标准)由([^，,。；;]{2,30}?)(?:负责)?"


def keeper(question: str, text: str) -> tuple[str, str] | None:
    """"《上海市住房公积金提取管理办法》由哪个机构负责组织实施" against the closing "本办法由市公积金中心负责
    组织实施": who the document names for interpreting or carrying it out (only of the document itself)."""
    asked = _KEEPER_ASKED.search(question)
    found = re.search(_KEEPER + asked.group(1), text) if asked and _about_itself(question, text) else None
    return (found.group(1), _sentence_at(text, found)) if found else None


_YEAR_ASKED = re.compile(r"哪(?:一)?年|哪个年份|什么年份|何年")
_A_DOCUMENT = re.compile(r"(?:文件|通知|意见|办法|规定|方案|条例|决定|细则|法)》?是?(?:哪|什么|何)|印发|发布|发的|出台|颁布|公布|下发")
# "《国务院关于加强困境儿童保障工作的意见》（国发〔2016〕36号）": the year is in the cited text's number
_CITED = re.compile(r"《([^》]+)》[（(][\u4e00-\u9fff]{1,10}[〔\[［(（](\d{4})[〕\]］)）]\d+号[）)]")


def cited_year(question: str, text: str) -> tuple[str, str] | None:
    """"本意见要推动落实的《…意见》是哪一年发布的": the year in the number the text cites another document
    by, when the question names that document (quoted, or by most of its title's words)."""
    # ("…服务体系计划在哪一年基本形成" asks no document's year)
    if not (_YEAR_ASKED.search(question) and _A_DOCUMENT.search(question)):
        return None
    quoted = re.findall(r"《([^》]+)》", question)
    asked = char_pairs(re.sub(r"《[^》]+》", "", question))

    def shared(cite: re.Match) -> int:
        return len(char_pairs(cite.group(1)) & asked)
    cites = list(_CITED.finditer(text))
    if quoted:
        cites = [c for c in cites if any(q in c.group(1) or c.group(1) in q for q in quoted)]
    else:  # "作为制定依据的广州市残疾预防行动方案通知": most of the title's words, and more than any other's
        ranked = sorted(cites, key=shared, reverse=True)
        cites = ranked[:1] if ranked and shared(ranked[0]) >= 6 and \
            (len(ranked) == 1 or shared(ranked[1]) < shared(ranked[0])) else []
    years = {c.group(2) for c in cites}
    return (f"{cites[0].group(2)}年", _sentence_at(text, cites[0])) if len(years) == 1 else None
