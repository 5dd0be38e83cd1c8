"""Cutting the answer out of an evidence sentence, by what the question asks for.

Each function gets the question and a `Passage`: the evidence sentence plus its paragraph in the
document, and returns the shortest answering text, or None when the sentence does not hold that
kind of answer.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.chunking import split_clauses
from index.lexical import tokenize

from .lists import DIGITS, enumeration_items, listing
from .question import HOW_MANY, focus_terms, pos_tags

_NUMERAL = r"(?:\d+(?:[.,]\d+)*(?:万亿|亿|万)?|[一二三四五六七八九十百千万两零〇]+(?:点[一二三四五六七八九零〇]+)?)"
_UNIT = (r"(?:万亿元|亿元|万元|元|万亿|亿|万|%|个百分点|个工作日|工作日|个月|个小时|小时|倍|项|条|个|大|家|种|类|级|名|人|次|所|方面|张|"
         r"批|座|户|件|年|岁|辆|台|套|吨|亩|公里|平方米|平方公里|部|篇|份|天|日|周|季度|分钟|分(?![钟之数值]))")
# A range ("3—5年一遇", "10至15天") is one answer; a year range ("2020-2022年") is a date, dropped below.
# Regulations fine in ranges, "处5万元以上20万元以下的罚款": the whole range is the answer.
_UPPER = rf"以上(?:{_NUMERAL}(?:{_UNIT})?以下)?"
# Votes and quorums: "过半数", "三分之二以上".
_SHARE = r"过半数|半数以上|[一二三四五六七八九十\d]+分之[一二三四五六七八九十\d]+(?:以上|以下)?"
_NUMBER = re.compile(rf"{_SHARE}|(?:百分之{_NUMERAL})|(?:{_NUMERAL}%?\s*[—–\-~～至到]\s*)?{_NUMERAL}(?:多|余)?{_UNIT}(?:多|余)?"
                     rf"(?:左右|{_UPPER}|以下|以内)?")
_DETERMINER = re.compile(r"^[一这那每各][个种项条类次批][多余]?$")  # "一个是特斯拉": an article, not a count
_DATE = re.compile(r"\d{1,2}月(?:底|初|末|中旬|上旬|下旬)(?:前|以前|之前)?|\d{4}\s*[-—–~至到]\s*\d{4}年|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:年底|年末|年初)?(?:前|底|初|末|以前|之前|以来)?|\d{1,2}月\d{1,2}日|今年|明年|去年")
_RANGE = re.compile(r"\d{4}\s*[-—–~至到]\s*\d{4}")
_ONE_YEAR = re.compile(r"哪一?年|年份")
_PERIOD = re.compile(r"哪几年|哪些年|期限|时间段|多久|几年")
_DAY_ASKED = re.compile(r"哪天|哪一天|几号|几月几日|什么日子|日期")
# "这几个新城" points at things; only "几个"/"多少" asking for a number ask a count.
_UNIT_HINT = re.compile(rf"(?<![这那])(?:多少|几)({_UNIT})")
# "多长时间内…按比例拿奖励": a question word that names its kind (多久) outranks a topic word.
_TIME_MARKS = ("年", "月", "天", "日", "小时", "周", "季度", "分钟")
_HINTS = [(re.compile(r"多长时间|多久|时限"), _TIME_MARKS),
          (re.compile(r"增速|增长|增幅|比例|比重|占比|百分"), ("%", "百分")),
          (re.compile(r"价格|电价|单价|金额|多少钱|资金|投入|投资|规模|收入|产值|增加值|补贴|补助|奖励|资助|奖金|经费|拨款|费用"),
           ("元", "亿", "万")),
          (re.compile(r"年龄|岁数|多大年纪"), ("岁",)),
          (re.compile(r"多长"), _TIME_MARKS)]
_ALIKE = {"天": ("天", "日"), "日": ("天", "日"), "个月": ("个月", "月"), "小时": ("小时", "时"),  # 几天 ← 3个工作日
          "个小时": ("小时",)}
_POINTED = re.compile(rf"[这那]几{_UNIT}([\u4e00-\u9fff]{{2}})")
_COUNT_ASKED = re.compile(rf"(?<![这那])(?:多少|几)({_UNIT})")
_NEGATIONS = frozenset({"不", "不是", "并不", "并非", "不会", "不能", "没有", "没", "尚未", "未", "无", "非", "并未",
                        "不得", "禁止", "严禁", "不准", "不可", "不应", "不宜", "不允许", "无权", "不予", "不再"})
EDGE_CHARS = "的是了在和与及等为将对把被从以于就也都而并其之这那个"


@dataclass
class Passage:
    text: str        # the evidence sentence
    paragraph: str   # its line in the document
    offset: int      # where the sentence starts inside the paragraph
    following: list[str]  # the lines after the paragraph (for enumerated blocks)


def numbers_in(text: str) -> list[str]:
    return [m.group(0) for m in _NUMBER.finditer(text)]


def number(question: str, p: Passage, counting: bool = True) -> str | None:
    ordinal = _ORDINAL_NUMBER_ASKED.search(question)
    if ordinal:  # "按照第几条的规定" wants "第四十四条", never a count
        cited = re.compile(rf"第[\d一二三四五六七八九十百零〇]+{ordinal.group(1)}")
        return _pick(question, p.text, [m for m in cited.finditer(p.text) if m.group(0) not in question])
    found = [m for m in _NUMBER.finditer(p.text) if not _in_question(m.group(0), question)]
    found = [m for m in found if not re.fullmatch(r"(?:\d{4}\s*[—–\-~～至到]\s*)?\d{4}年?", m.group(0))
             and not _DETERMINER.match(m.group(0)) and m.group(0) != "十分"]  # 十分重要: "very"
    # "第二十五条" numbers an article, "9月5日" is a date and "上一年度" a year: none is a quantity.
    found = [m for m in found if p.text[m.start() - 1:m.start()] not in ("第", "月")
             and not (m.group(0).startswith("一") and p.text[m.start() - 1:m.start()] in ("上", "下"))]
    # "那几个新城" is the question's subject: "4个新城" in the text names it, it does not answer.
    pointed = [m.group(1)[:2] for m in _POINTED.finditer(question)]
    found = [m for m in found if not any(p.text.startswith(noun, m.end()) for noun in pointed)]
    # "北京提出了几大重点任务，具体任务有多少项？" (a follow-up read with the question before it):
    # the unit asked for is the last one.
    unit = ([None] + list(_UNIT_HINT.finditer(question)))[-1]
    if unit:
        same = [m for m in found if any(u in m.group(0) for u in _ALIKE.get(unit.group(1), (unit.group(1),)))]
        # "多少个产业" is answered by "12大…产业" too: any count will do for a count, never an amount.
        counts = [m for m in found if _count_only(re.sub(rf"^{_NUMERAL}|[多余]|左右$", "", m.group(0)) or "?")]
        # A count may be given in any count unit; an amount only in the unit asked for ("多少亩").
        found = same or (counts if _count_only(unit.group(1)) else [])
    asked_at = HOW_MANY.search(question)
    for pattern, marks in ([] if unit else _HINTS):  # a unit the question names outranks its topic
        hint = pattern.search(question)
        # A price wants money, a growth rate a percentage, nothing else will do; but only the words
        # next to the question word say what is asked ("电量规模不高于其发电能力的多少" asks a share).
        if hint and (asked_at is None or asked_at.start() - hint.end() <= 8):
            found = [m for m in found if any(x in m.group(0) for x in marks)]
            break
    if _DURATION_ASKED.search(question):  # "多长时间检测一次" → "每季度"
        found += [m for m in _FREQUENCY.finditer(p.text)]
    elif unit and _TIME_UNIT.search(unit.group(1)):
        pass  # "5年期的保单…几天内通知": the time asked for is not the time the question states
    elif "半年" in question or any(_TIME_UNIT.search(m.group(0)) and not re.fullmatch(r"\d{4}年", m.group(0))
                                  for m in _NUMBER.finditer(_DATE.sub("", question))):  # a date named is no duration
        # "放了一年以上，损耗最多是多少" states the time itself: "储存6个月以内的" is a condition, not the answer.
        found = [m for m in found if not _TIME_UNIT.search(m.group(0))]
    picked = _pick(question, p.text, found)
    if picked is None and counting and _COUNT_ASKED.search(question):
        return count(question, p)
    if picked is None and _PERIOD_ASKED.search(question):  # "执行期限是多久" → "2019年1月1日至2023年12月31日"
        period = _DATE_RANGE.search(p.text)
        return period.group(0) if period else None
    return picked


_ORDINAL_NUMBER_ASKED = re.compile(r"第几(条|款|项|章|节|部分|批|次|届|类|个)")
_DURATION_ASKED = re.compile(r"多长时间|多久|隔多|频率|频次")
_FREQUENCY = re.compile(r"每(?:个)?(?:年度|半年|季度|年|季|月|周|天|日)")
_TIME_UNIT = re.compile(r"年|个月|月|天|日|小时|周|季度|分钟")


def _count_only(unit: str) -> bool:
    """Units of counted things: "几项" wants a count of items, never an amount in 亿元."""
    return unit == "方面" or unit in "项条个大类种家级名次所批座户件张"


def asks_count(question: str) -> bool:
    """"有几项具体任务": a count of items, not an amount."""
    asked = list(_COUNT_ASKED.finditer(question))
    return bool(asked) and _count_only(asked[-1].group(1))


def count(question: str, p: Passage) -> str | None:
    """Answer "how many" by counting the items of the enumeration the evidence gives."""
    unit = list(_COUNT_ASKED.finditer(question))[-1].group(1)
    if not _count_only(unit):
        return None  # "多少亩" is a measure, never the length of a list
    items = enumeration_items(question, p)
    return f"{len(items)}{unit}" if len(items) >= 2 else None


_PERIOD_ASKED = re.compile(r"多久|多长时间|期限|时限|有效期")
_DATE_RANGE = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?\s*(?:至|到|—|-|～)\s*\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?")
# "自印发之日起施行", "自企业登记注册的次月起": a time fixed by an event, not by the calendar.
_EVENT_TIME = re.compile(r"(?:自|从|于)([^，,。；;自从]{1,24}?(?:之日|次日|当日|次月|当月|次年|当年|之月))起")
# "十日后预约重新考试": a time counted from the case the sentence sets.
_RELATIVE_TIME = re.compile(rf"{_NUMERAL}(?:个工作日|工作日|日|天|个月|年|小时)(?:后|以后|之后|内|以内)")


# "应当在核保通过后及时提供": a time fixed by what happens before, the usual frame of a duty's deadline.
_EVENT_FRAME = re.compile(r"(?:在|于)([^，,。；;在于]{2,20}?(?:之前|之后|以前|以后|前|后|的同时))")
_BOUND = {"最早": re.compile(r"不得早于([^，,。；;]{2,15})"),
          "最晚": re.compile(r"(?:不得晚于|不迟于|最迟于?)([^，,。；;]{2,15})")}


def date(question: str, p: Passage) -> str | None:
    found = [m for m in _DATE.finditer(p.text) if m.group(0).rstrip("前底初末以来之") not in question]
    asked = question.replace("最迟", "最晚")
    for word, bound in _BOUND.items() if not found else ():  # "最早可以定在哪天" against "不得早于公告日期"
        limit = bound.search(p.text) if word in asked else None
        if limit:
            return limit.group(1)
    if not found and not _ONE_YEAR.search(question) and not _DAY_ASKED.search(question):
        event = event_day(question, p)
        if event:
            return event
        relative = [m.group(0) for m in _RELATIVE_TIME.finditer(p.text) if m.group(0) not in question]
        frames = [m.group(1) for m in _EVENT_FRAME.finditer(p.text) if m.group(1) not in question]
        return (relative + frames or [None])[0]
    if _DAY_ASKED.search(question):
        found = [m for m in found if "日" in m.group(0)]
    # "哪一年" asks for one year, "哪几年" for a period: a range answers only the second.
    ranges = [m for m in found if _RANGE.search(m.group(0))]
    if _ONE_YEAR.search(question):  # and a day without its year does not say which year
        found = [m for m in found if "年" in m.group(0)]
        found = [m for m in found if m not in ranges] or found
    elif _PERIOD.search(question):
        found = ranges or found
    return _pick(question, p.text, found)


def asks_day(question: str) -> bool:
    return _DAY_ASKED.search(question) is not None and not _ONE_YEAR.search(question)


def event_day(question: str, p: Passage) -> str | None:
    """"自企业登记注册的次月起": a time fixed by an event. For "哪天" only when no evidence gives a date."""
    event = _EVENT_TIME.search(p.text)
    return event.group(1) + "起" if event and event.group(1) not in question else None


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


def yes_no(question: str, p: Passage) -> str:
    """是/否 by whether the evidence negates what the question does not, with the evidence."""
    plain = re.sub(r"是否|是不是|有没有|会不会|能否|吗[？?]?$", "", question)
    # A condition ("…未整改到位的，") sets the case; its 未/不 does not make the question a negative one.
    plain = _CONDITION.sub("", plain)
    negated = _negated(p.text) and not _negated(plain)
    if negated:  # the clause that says no ("…不再给予住院照料临时救助"), not the sentence's opening
        said = [p.text[a:b] for a, b in split_clauses(p.text, 0, len(p.text)) if _negated(p.text[a:b])]
        return "否。" + shorten(said[-1] if said else p.text)
    return "是。" + shorten(p.text)


_CONDITION = re.compile(r"[^，,]*的[，,]")


def _negated(text: str) -> bool:
    # Word by word: 未 in 未来 or 不 in 不断 negates nothing.
    return any(w in _NEGATIONS for w, _ in pos_tags(text))


def choice(question: str, p: Passage) -> str | None:
    """"A还是B？": the option the evidence states; when the paragraph states both, the one that
    follows the question's subject most closely ("以太坊。它完全是一种创新")."""
    head, _, tail = question.rstrip("？? ").rpartition("还是")
    first = re.split(r"是|算|属于|为", head)[-1].strip()
    options = [o for o in (first, tail.strip()) if o]
    said = [o for o in options if o in p.text]
    if len(said) == 1:
        return said[0]
    subject = [w for w in focus_terms(head) if all(w not in o for o in options)]
    context = p.paragraph
    at = max((context.find(w) for w in subject), default=-1)
    if at < 0:
        return None
    after = {o: context.find(o, at) for o in options}
    found = {o: pos for o, pos in after.items() if pos >= 0}
    return min(found, key=found.get) if found else None



def descriptive(question: str, p: Passage) -> str:
    """The clause that answers, with the next one when it carries on; whole sentence if short."""
    text = p.text
    if len(text) <= 40:
        return text.strip()
    clauses = split_clauses(text, 0, len(text))
    a, b = best_clause(question, text)
    index = clauses.index((a, b)) if (a, b) in clauses else 0
    if index + 1 < len(clauses) and clauses[index + 1][1] - a <= 60:
        b = clauses[index + 1][1]
    return text[a:b].strip()


def best_clause(question: str, text: str) -> tuple[int, int]:
    """Clause sharing most with the question, the words next to the question word counting double."""
    clauses = split_clauses(text, 0, len(text)) or [(0, len(text))]
    question = _matchable(question)
    focus = set(focus_terms(question))
    tokens = [t for t in tokenize(question) if len(t) > 1]
    return max(clauses, key=lambda c: sum(len(t) * (2 if t in focus else 1) for t in tokens if t in text[c[0]:c[1]]))


def spread(word: str, text: str) -> bool:
    """The word in the text, or, for three characters or more, all of them in order at most two apart."""
    if word in text:
        return True
    pattern = "".join(re.escape(c) + ".{0,2}" for c in word[:-1]) + re.escape(word[-1])
    return len(word) >= 3 and re.search(pattern, text) is not None


def _in_question(span: str, question: str) -> bool:
    digits = re.sub(r"\D", "", span)
    return span in question or (len(digits) >= 2 and digits in re.sub(r"\D", " ", question).split())


_EXCEPT = re.compile(r"除了?[^，,？?]{1,30}?(?:以外|之外|外)?[，,]")
_SAME_TIME = (("半年", "6个月"), ("一年", "12个月"), ("两年", "24个月"))


def _matchable(question: str) -> str:
    """The question as clauses are matched against it: what it excepts ("除了西秀区和经开区，") says
    which clause is not meant, and "半年" is the text's "6个月"."""
    question = _EXCEPT.sub("", question)
    for said, written in _SAME_TIME:
        question = question.replace(said, said + written)
    return question


def _pick(question: str, text: str, candidates: list[re.Match]) -> str | None:
    """The candidate in the clause that shares the most with the question; on ties the one a word of the
    question labels, then the earliest."""
    if not candidates:
        return None
    clauses = split_clauses(text.replace("；", "，"), 0, len(text))  # a line of several sentences, too
    question = _matchable(question)
    focus = set(focus_terms(question))
    tokens = [t for t in tokenize(question) if len(t) > 1]

    def overlap(match: re.Match) -> float:
        for i, (a, b) in enumerate(clauses):
            if a <= match.start() < b:
                # "单位有前款规定行为之一的，处5万元…": a condition (…的) belongs to the clause it sets
                if i and text[clauses[i - 1][0]:clauses[i - 1][1]].endswith("的"):
                    a = clauses[i - 1][0]
                # "食用油" is also in "食用植物油": a word spread out still counts
                return sum(len(t) * (2 if t in focus else 1) for t in tokens if spread(t, text[a:b]))
        return 0.0

    def labelled(match: re.Match) -> bool:  # "风电400小时、光伏300小时": the label right before the value
        return any(t in text[max(0, match.start() - len(t) - 1):match.start()] for t in tokens)

    # "最多学多少天" against "最多六十天…最多一百二十天": a value bounded the way the question bounds it.
    bound = next((words for words in _BOUNDS if re.search(words, question)), None)

    def bounded(match: re.Match) -> bool:
        return bound is not None and re.search(rf"(?:{bound})$", text[max(0, match.start() - 4):match.start()]) is not None

    return max(candidates, key=lambda m: (bounded(m), overlap(m), labelled(m), -m.start())).group(0)


_BOUNDS = ("最多|最高|最长|最大|上限|不超过|不得超过|不高于|不得高于", "至少|最少|最低|最短|下限|不少于|不得少于|不低于|不得低于")


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


def shorten(text: str, limit: int = 60) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


BY_KIND = {"number": number, "date": date, "list": listing, "yes_no": yes_no, "choice": choice}
