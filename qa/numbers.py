"""Numbers, amounts and counts: "2400亿元", "5万元以上20万元以下", "过半数", "第四十四条", "7项"."""
from __future__ import annotations

import re
from itertools import takewhile

from .dates import DATE, DATE_RANGE, FREQUENCY, PERIOD_ASKED
from .lists import enumeration_items
from .passage import NUMERAL, Passage, char_pairs, in_question, pick, pick_match
from .question import ARTICLE_ASKED, HOW_MANY, pos_tags

_UNIT = (r"(?:万亿元|亿元|万元|元|万亿|亿|万|%|％|个百分点|个工作日|工作日|个月|个年度|个季度|个小时|学时|课时|小时|倍|折|周岁|项|条|个|大|家|种|类|级|名|人|次|所|方面|张|"
         r"批|座|户|件|年|岁|辆|台|套|吨|亩|公里|平方米|㎡|平方公里|立方米|千米|厘米|毫米|米|公斤|千克|克|毫升|升|千瓦时|千瓦|兆瓦|"
         r"部分|部|篇|份|天|日|周|季度|分钟|分(?![钟之数值]))")
# A range ("3—5年一遇", "10至15天") is one answer; a year range ("2020-2022年") is a date, dropped below.
# Regulations fine in ranges, "处5万元以上20万元以下的罚款": the whole range is the answer.
_UPPER = rf"以上(?:{NUMERAL}(?:{_UNIT})?以下)?"
# Votes and quorums: "过半数", "三分之二以上".
_SHARE = r"过半数|半数以上|(?<=[量额数资])一半|(?:[一二三四五六七八九十\d]+分之[一二三四五六七八九十\d]+|(?<![\d/])\d{1,3}/\d{1,3}(?![\d/]))(?:以上|以下)?"
# "办理居住证满半年", "提前半年": half a year is a duration too ("上半年", "每半年", "半年度" are not)
_HALF = r"(?<![上下每后多])(?<![^提]前)半个?(?:年|月|小时|天|日)(?![度份])(?:以上|以内|内)?"
# "处五千以上一万元以下罚款": the lower bound's unit left to the upper's
_BARE_RANGE = rf"{NUMERAL}以上{NUMERAL}{_UNIT}以下"
# "随机抽取3名或者5名相关专家": either count is the rule, one of them alone is not
_EITHER = rf"{NUMERAL}(?P<either>{_UNIT})或者?{NUMERAL}(?P=either)(?![\u4e00-\u9fff]?以)"
_NUMBER = re.compile(rf"{_EITHER}|{_SHARE}|{_HALF}|{_BARE_RANGE}|(?:百分之{NUMERAL}(?:{_UPPER})?)|(?:{NUMERAL}(?:{_UNIT})?[%％]?\s*[—–\-~～至到]\s*)?{NUMERAL}(?:多|余)?{_UNIT}(?:多|余)?"
                     rf"(?:左右|{_UPPER}|以下|以内|内(?![容部外]))?")
_ITEM_NUMBER = re.compile(r"^\s*[（(]([一二三四五六七八九十]+)[）)]")
_COUNT_IN_WORDS = re.compile(r"(?<![这那好])几([次个套项份张种类名批])([\u4e00-\u9fff]{2})")
_DETERMINER = re.compile(r"^[一这那每各][个种项条类次批][多余]?$")  # "一个是特斯拉": an article, not a count
# "这几个新城" points at things and "好几个地区" says several; only "几个"/"多少" asking for a number ask a count.
_UNIT_HINT = re.compile(rf"(?<![这那好])(?:多少|几)({_UNIT})")
# "多长时间内…按比例拿奖励": a question word that names its kind (多久) outranks a topic word.
_TIME_MARKS = ("年", "月", "天", "日", "小时", "周", "季度", "分钟")
_HINTS = [(re.compile(r"多长时间|多久|时限|期限"), _TIME_MARKS),
          # "按…货值金额的多少处以罚款": the amount named is the base of a share or a multiple
          (re.compile(r"(?:金额|货值|价款|费用|工资|收入|总额|营业额|销售额|工作量)的(?=多少|几)"), ("%", "％", "分之", "倍", "成", "半")),
          (re.compile(r"增速|增长|增幅|比例|比重|占比|百分|(?<![频效概])率|几成"), ("%", "％", "百分", "分之", "/")),
          (re.compile(r"价格|电价|单价|金额|多少钱|资金|投入|投资|规模|收入|产值|增加值|补贴|补助|奖励|资助|奖金|经费|拨款|费用|"
                      r"(?<!比)价(?=标准|是|为)|(?<!率)费(?=标准|是|为|[？?]|$)|税(?!率)|租金|[付花掏]多少"),  # 夜间加收费标准, 车辆购置税
           ("元", "亿", "万")),
          # "并处多少罚款" against "…罚款；…责令暂停1个月以上6个月以下执业活动": a fine is money, a multiple or a share
          # (asked in the clause that asks: "没被罚款，保证金能少交几成" asks a share)
          (re.compile(r"(?:罚款|罚金)[^，,；;？?]{0,6}?(?:多少|几)|(?:多少|几)[^，,；;？?]{0,4}?(?:罚款|罚金)|罚(?=多少|几)"),
           ("元", "亿", "万", "倍", "%", "％", "分之")),
          (re.compile(r"年龄|岁数|多大年纪"), ("岁",)),
          # "基金每月最高支付多少", "报销多少": money, or the share of it paid
          (re.compile(r"支付|报销|赔偿|赔付|补偿|缴纳|缴费"), ("元", "亿", "万", "%", "％", "分之")),
          (re.compile(r"多长"), _TIME_MARKS)]
# "1万名" counts people in tens of thousands: its 万 says how many, not that it is money
_MAGNITUDE = re.compile(r"[万亿](?=[^\d元万亿%％多余左以内])")
_ALIKE = {"天": ("天", "日"), "日": ("天", "日"), "个月": ("个月", "月"), "小时": ("小时", "时"),  # 几天 ← 3个工作日
          "个小时": ("小时",), "公里": ("公里", "千米"), "千米": ("公里", "千米"), "公斤": ("公斤", "千克"),
          "千克": ("公斤", "千克")}
_POINTED = re.compile(rf"[这那]几{_UNIT}([\u4e00-\u9fff]{{2}})")
_COUNT_ASKED = re.compile(rf"(?<![这那好])(?:多少|几)(?!部分)({_UNIT})")  # (几部分 asks parts: no 部 counted)


def numbers_in(text: str) -> list[str]:
    return [m.group(0) for m in _NUMBER.finditer(text)]


def number(question: str, p: Passage, counting: bool = True) -> str | None:
    # "按照第几条的规定" wants "第四十四条", never a count; so does "按照食品安全法哪一条处理"
    ordinal = _ORDINAL_NUMBER_ASKED.search(question) or ARTICLE_ASKED.search(question)
    if ordinal:
        asked = ordinal.group(1)
        units = "|".join(_ALIKE.get(asked, (asked,)))
        # 第（八）项, 第二、三项
        # ("金保工程”二期": a project's phase goes without 第)
        first = "第?" if asked in ("期", "号") else "第"
        cited = re.compile(rf"{first}[（(]?[\d一二三四五六七八九十百零〇]+(?:、[\d一二三四五六七八九十百零〇]+)*[）)]?(?:{units})")
        found = [m for m in cited.finditer(p.text) if m.group(0) not in question]
        # "依据的是消费者权益保护法的哪一条": an article of the law named, not the line's own number
        # ("第一条 为保障《消费者权益保护法》…")
        laws = {t for t in re.findall(r"《([^》]+)》", p.text) if t.removeprefix("中华人民共和国") in question}
        if laws and ARTICLE_ASKED.search(question):
            found = [m for m in found if any(p.text[:m.start()].endswith(f"《{t}》") for t in laws)]
        picked = pick(question, p.text, found)
        # "讲提高商标注册效率的是这份意见的第几条" of an opinion numbered "（十六）进一步提高…": its item's number
        item = _ITEM_NUMBER.match(p.paragraph) if not picked and asked in ("条", "项", "点") and \
            not ARTICLE_ASKED.search(question) else None  # (not an article of a law it names)
        if item:
            return f"第{item.group(1)}{asked}"
        # "修到第几次以上就能换车" is answered by "修理次数超过4次" too; a cited article never by a count
        if picked or asked not in ("次", "天", "日", "年"):
            return picked
    # "“几位一体”总体布局" against "统筹推进“五位一体”总体布局": the quoted phrase with the number filled in
    for quoted in re.finditer(r"[“\"]([^”\"]*几[^”\"]*)[”\"]", question):
        before, _, after = quoted.group(1).partition("几")
        filled = re.search(rf"{re.escape(before)}[一二三四五六七八九十两\d]+{re.escape(after)}", p.text)
        if filled:
            return filled.group(0)
    # "信息几次填报" against "实现信息一次填报": the count in the question's own words, though 一次 is
    # mostly an article ("一次性")
    for asked in _COUNT_IN_WORDS.finditer(question):
        # ("每一种药品应当另起一行": 每 makes no count)
        said = re.search(rf"(?<![每\d一二三四五六七八九十]){NUMERAL}{asked.group(1)}(?={re.escape(asked.group(2))})", p.text)
        whole = _NUMBER.match(p.text, said.start()) if said else None
        if whole and whole.group(0) == said.group(0):  # not "3个" of "3个工作日内"
            return said.group(0)
        # "等几个部门制定" against "国家卫生健康委等4部门制定": the noun counted with no measure word
        # (a Chinese numeral only after 等: "统一部门" is no count)
        bare = re.search(rf"(?:(?<=等){NUMERAL}|(?<!\d)\d+)(?={re.escape(asked.group(2))})", p.text)
        if bare and asked.group(1) == "个" and not re.fullmatch(_UNIT, asked.group(2)):  # (几个小时: a measure)
            return bare.group(0) + asked.group(2)
    found = [m for m in _NUMBER.finditer(p.text) if not in_question(m.group(0), question)]
    found = [m for m in found if not re.fullmatch(r"(?:\d{4}年?\s*[—–\-~～至到]\s*)?\d{4}年?", m.group(0))
             and not _DETERMINER.match(m.group(0)) and m.group(0) != "十分"]  # 十分重要: "very"
    # "第二十五条" numbers an article, "9月5日" is a date and "上一年度" a year: none is a quantity.
    # ("每月500元" is an amount: only a day follows its month)
    found = [m for m in found if p.text[m.start() - 1:m.start()] != "第"
             and not (p.text[m.start() - 1:m.start()] == "月" and re.search("[日号]", m.group(0)))
             and not (m.group(0).startswith("一") and p.text[m.start() - 1:m.start()] in ("上", "下"))
             # "账户余额不能为零元": the value it must not take is no value of it
             and not re.search(r"不[能得应可]?为$", p.text[max(0, m.start() - 3):m.start()])]
    # "那几个新城" is the question's subject: "4个新城" in the text names it, it does not answer.
    pointed = [m.group(1)[:2] for m in _POINTED.finditer(question)]
    found = [m for m in found if not any(p.text.startswith(noun, m.end()) for noun in pointed)]
    # "北京提出了几大重点任务，具体任务有多少项？" (a follow-up read with the question before it):
    # the unit asked for is the last one.
    unit = ([None] + list(_UNIT_HINT.finditer(question)))[-1]
    if unit:
        same = [m for m in found if any(u in m.group(0) for u in _ALIKE.get(unit.group(1), (unit.group(1),)))]
        # "多少个产业" is answered by "12大…产业" too: any count will do for a count, never an amount.
        counts = [m for m in found if _count_only(re.sub(rf"^{NUMERAL}|[多余]|左右$", "", m.group(0)) or "?")]
        # A count may be given in any count unit; an amount only in the unit asked for ("多少亩").
        found = same or (counts if _count_only(unit.group(1)) else [])
    asked_at = HOW_MANY.search(question)
    hinted = [(pattern, marks) for pattern, marks in ([] if unit else _HINTS)  # a unit the question names outranks its topic
              # A price wants money, a growth rate a percentage, nothing else will do; but only the words
              # next to the question word say what is asked ("电量规模不高于其发电能力的多少" asks a share;
              # "租金怎么收，一个月大概多少钱" asks money by its 多少钱).
              if any(asked_at is None or asked_at.start() - hint.end() <= 8 for hint in pattern.finditer(question))]
    # "…超过规定时限的，可以处多少罚款": the case's 时限 is no time asked; a hint in the asking clause goes first
    # (of a follow-up read together with the question before it, the last question word asks)
    last_asked = ([None] + list(HOW_MANY.finditer(question)))[-1]
    chosen = min(hinted, key=lambda h: not _in_asking_clause(h[0], question, last_asked), default=None)
    if chosen:
        found = [m for m in found if any(x in _MAGNITUDE.sub("", m.group(0)) for x in chosen[1])]
    if _FINE_ASKED.search(question):  # "违法所得不足1万元的，并处1万元以上3万元以下的罚款": the case's value is no fine
        found = [m for m in found if not _CASE_GOES_ON.match(p.text, m.end())] or found
    found = _of_party(question, p.text, found)
    if _DURATION_ASKED.search(question) and not _LIMIT_ASKED.search(question):  # "多长时间检测一次" → "每季度"
        # ("最长能补多久" asks a limit, not how often)
        found += [m for m in FREQUENCY.finditer(p.text)]
    elif unit and _TIME_UNIT.search(unit.group(1)):
        pass  # "5年期的保单…几天内通知": the time asked for is not the time the question states
    elif _DURATION_ASKED.search(question):
        pass  # "30天内处理不了，最长能延多久": a time is what is asked, whatever time the question states
    elif "半年" in question or any(_TIME_UNIT.search(m.group(0)) and not re.fullmatch(r"\d{4}年", m.group(0))
                                  for m in _NUMBER.finditer(DATE.sub("", question))):  # a date named is no duration
        # "放了一年以上，损耗最多是多少" states the time itself: "储存6个月以内的" is a condition, not the answer.
        found = [m for m in found if not _TIME_UNIT.search(m.group(0))]
    if _INTERVAL_ASKED.search(question):  # "每隔多少天…一次" asks how often: "三十日内" is a time limit
        found = [m for m in found if not re.search(r"内$", m.group(0))]
    match = pick_match(question, p.text, found)
    picked = _anchored(question, p.text, match, _bounded(question, p.text, match))
    if picked is None and counting and _COUNT_ASKED.search(question):
        return count(question, p)
    if picked is None and PERIOD_ASKED.search(question):  # "执行期限是多久" → "2019年1月1日至2023年12月31日"
        period = DATE_RANGE.search(p.text)
        return period.group(0) if period else None
    return picked


# "对单位处2万元以上5万元以下的罚款，对法定代表人或者主要负责人…处1万元以上3万元以下的罚款"
_PARTY = re.compile(r"对([^，,；;。处]{1,40}?)(?:处|给予)")


def _of_party(question: str, text: str, found: list[re.Match]) -> list[re.Match]:
    """The figures said of the party the question names most of, when the text sets one for each."""
    parties = list(_PARTY.finditer(text))
    asked = char_pairs(question)
    shared = [len(char_pairs(m.group(1)) & asked) for m in parties]
    if len(parties) < 2 or shared.count(max(shared)) > 1 or not max(shared):
        return found
    at = shared.index(max(shared))
    end = parties[at + 1].start() if at + 1 < len(parties) else len(text)
    return [m for m in found if parties[at].start() <= m.start() < end] or found


# "超过三小时的，按照一天计入": the value is the bound, not the number alone ("可以延长3个月" is no 3个月 in all)
_BOUND = r"(?:(?:不得|不|未)?(?:超过|少于|低于|高于|多于)|不足|未满|延长)"
_BOUND_BEFORE = re.compile(_BOUND + "$")


def _in_asking_clause(pattern: re.Pattern, question: str, asked_at: re.Match | None) -> bool:
    """A hint with no clause break between it and the question word."""
    return asked_at is not None and any(
        not re.search(r"[，,；;]", question[min(h.end(), asked_at.start()):max(h.start(), asked_at.end())])
        for h in pattern.finditer(question))


def without_bound(answer: str) -> str:
    """"超过3小时" → "3小时"."""
    return re.sub("^" + _BOUND, "", answer)


def _bounded(question: str, text: str, match: re.Match | None) -> str | None:
    """The picked value with the bound the text puts before it ("超过3小时"), unless the question says it
    already."""
    if match is None:
        return None
    bound = _BOUND_BEFORE.search(text[max(0, match.start() - 4):match.start()])
    return bound.group(0) + match.group(0) if bound and bound.group(0) not in question else match.group(0)


# "应在评估结果出具后的3个工作日内…确认": a time limit counts from an event, which is part of the answer
_ANCHOR = re.compile(r"(?:在|于)([^，,。；;在于]{2,16}?后的?)$")


def _anchored(question: str, text: str, match: re.Match | None, value: str | None) -> str | None:
    """The limit with the event it counts from, unless the question names an event of its own ("离职后几天内")."""
    if match is None or "后" in question or not re.search(r"(?:日|天|月|年|小时)(?:以)?内$", match.group(0)):
        return value
    anchor = _ANCHOR.search(text, max(0, match.start() - 20), match.start())
    return anchor.group(1) + value if anchor else value


_INTERVAL_ASKED = re.compile(r"(?:每隔|隔|多久|多长时间|每几)[^，,？?]{0,12}?(?<![算记])一次")  # not 干多久算一次
_FINE_ASKED = re.compile(r"罚款|罚金|罚多少|罚几")
_LIMIT_ASKED = re.compile(r"最长|最短|最多|最少|至少")
_CASE_GOES_ON = re.compile(r"[^，,；;。：:]{0,12}?的[，,]")
# "第几号令", "哪一号公告": an order's or a notice's number ("国办发〔2019〕15号" goes without 第)
_ORDINAL_NUMBER_ASKED = re.compile(r"(?:第几|哪一?(?=号(?:令|公告|文)))(条|款|项|章|节|部分|批|次|届|类|个|天|日|年|期|号)")
_DURATION_ASKED = re.compile(r"多长时间|多久|隔多|频率|频次")
_TIME_UNIT = re.compile(r"年|个月|月|天|日|小时|周|季度|分钟")


# "公告期是多少天": the thing whose value is asked, right before the question word
_VALUE_OF = re.compile(r"([\u4e00-\u9fff]{2,8}?)(?:是|为|有)?(?:多少|几|多长|多久)")


def labelled(question: str, text: str) -> str | None:
    """"公告期是多少天" against "公告期为七日": the value the text gives the very thing asked, by its name
    (the longest ending of the words before the question word that the text labels with 为/是)."""
    clause = re.split(r"[，,]", question)[-1]
    asked = _VALUE_OF.search(clause)
    words = asked.group(1) if asked else ""
    owner, _, words = words.rpartition("的")
    if asked and not owner and clause[:asked.start(1)].endswith("的"):  # "食用植物油的轮换价差补贴标准是多少"
        owner = clause[:asked.start(1) - 1][-8:]
    for n in range(len(words), 1, -1):
        # "本实施办法的有效期是几年" is not answered by "…核对报告》，有效期为1年": whose value it is comes before it
        said = next((m for m in re.finditer(rf"{re.escape(words[-n:])}(?:为|是)({NUMERAL}[^，,。；;]{{0,6}})", text)
                     if not owner or any(owner[i:i + 2] in text[max(0, m.start() - 20):m.start()]
                                         for i in range(len(owner) - 1))), None)
        if said:
            return number(question, Passage(said.group(1), said.group(1), 0, []), counting=False)
    return None


def _count_only(unit: str) -> bool:
    """Units of counted things: "几项" wants a count of items, never an amount in 亿元."""
    return unit == "方面" or unit in "项条个大类种家级名次所批座户件张人位部"


def asks_count(question: str) -> bool:
    """"有几项具体任务": a count of items, not an amount."""
    asked = list(_COUNT_ASKED.finditer(question))
    return bool(asked) and _count_only(asked[-1].group(1))


_PEOPLE = re.compile(r"人|[\u4e00-\u9fff]{0,3}(?:人员|员|代表)")  # "几个人", "几个执法人员", "几个代表"


def count(question: str, p: Passage) -> str | None:
    """Answer "how many" by counting the items of the enumeration the evidence gives."""
    asked = list(_COUNT_ASKED.finditer(question))[-1]
    unit = asked.group(1)
    # "多少亩" is a measure, never the length of a list; "配备多少名调度员" counts people, and the items a
    # sentence lists are rules, duties or conditions, not people; "每年至少开展几次" counts occasions
    if not _count_only(unit) or unit in "名人位次" or _PEOPLE.match(question, asked.end()):
        return None
    # "分成几个等级", "考几个科目": a list counts the thing asked only where it names it; 项, 条, 方面
    # are the items themselves
    # the phrase's head: its last noun ("几个重点任务" → 任务, "几类商品是…" → 商品)
    nouns = list(takewhile(lambda t: t[1].startswith("n"), pos_tags(question[asked.end():])))
    noun = nouns[-1][0] if nouns else re.match(r"[\u4e00-\u9fff]*", question[asked.end():]).group(0)[-2:]
    # ("几个方面的内容": 方面 are the items too)
    if unit not in ("项", "条", "方面", "点") and noun != "方面" and len(noun) == 2 and noun not in p.paragraph + p.text:
        return None
    items = enumeration_items(question, p)
    unit += "方面" if noun == "方面" and unit == "个" else ""  # "几个方面" → "8个方面", not "8个"
    return f"{len(items)}{unit}" if len(items) >= 2 else None

