"""Dates and times: "2025年前", "2019年1月1日至2023年12月31日", "十日后", "核保通过后",
"经…签字后生效", an event's day."""
from __future__ import annotations

import re

from index.lexical import tokenize

from .passage import NUMERAL, Passage, pick

# "每年1月1日至6月30日" is one stretch of the year; "每年6月" a month (asked by 几月)
_DAY_RANGE = r"\d{1,2}月\d{1,2}日\s*[至到—–~～-]\s*\d{1,2}月\d{1,2}日"
# "上一年9月至次年4月底前": months of two years, a yearly window
_MONTH_RANGE = r"(?:上一?年|当年|每年)?\d{1,2}月\s*[至到—–~～-]\s*(?:次年|翌年|下一?年|当年)?\d{1,2}月(?:底|末|初)?(?:前|以前|之前)?"
DATE = re.compile(_DAY_RANGE + "|" + _MONTH_RANGE + r"|\d{1,2}月(?:底|初|末|中旬|上旬|下旬)(?:前|以前|之前)?|\d{4}\s*[-—–~至到]\s*\d{4}年|\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?(?:年底|年末|年初)?(?:前|底|初|末|以前|之前|以来)?|\d{1,2}月\d{1,2}日|今年|明年|去年|(?<![\d一二三四五六七八九十两几])(?:年底|年末)(?:前|以前|之前)?|“?十[一二三四五六七八九]五”?(?:时期|期间)(?:末|初)?|\d{1,2}月份")
_RANGE = re.compile(r"\d{4}\s*[-—–~至到]\s*\d{4}|" + _DAY_RANGE + "|" + _MONTH_RANGE)
_MONTH_ASKED = re.compile(r"几月|哪个月|哪一个月|什么月份")
_MONTH = re.compile(r"(?<!\d)\d{1,2}月(?![\d份底初末中上下])")
_ONE_YEAR = re.compile(r"哪一?年|年份")
_PERIOD = re.compile(r"哪几年|哪些年|期限|时间段|多久|几年")
_STRETCH_ASKED = re.compile(r"哪一?段时间")
_DAY_ASKED = re.compile(r"哪天|哪一天|几号|几月几日|什么日子|日期")
PERIOD_ASKED = re.compile(r"多久|多长时间|期限|时限|有效期")
DATE_RANGE = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?\s*(?:至|到|—|-|～)\s*\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?")
# "自印发之日起施行", "自企业登记注册的次月起", "自签收商品的次日开始起算": a time fixed by an event, not
# by the calendar.
# ("自递交申请当月计发补贴": a payment counted from then)
_EVENT_TIME = re.compile(r"(?:自|从|于)([^，,。；;自从]{1,24}?(?:之日|次日|当日|次月|当月|次年|当年|之月))(?:开始)?(?:起|计算|计发|发放)")
# "十日后预约重新考试": a time counted from the case the sentence sets.
# "申请退出后次月起不再执行": the next day, month or year after the case, with no 自/从 to open it.
_SPAN = re.compile(rf"{NUMERAL}(?:个工作日|工作日|日|天|个月|年|小时)")
_RELATIVE_TIME = re.compile(rf"{_SPAN.pattern}(?:后|以后|之后|内|以内)|(?:次日|次月|次年)起")


# "应当在核保通过后及时提供", "应当在前期物业服务合同终止时移交": a time fixed by what happens before
# or at the same time, the usual frame of a duty's deadline.
_EVENT_FRAME = re.compile(r"(?:在|于)([^，,。；;在于]{2,20}?(?:之前|之后|以前|以后|前|后|的同时|时))")
# "调解协议书经医患双方签字或者盖章…印章后生效": what must happen first is when it takes effect
_TAKES_EFFECT = re.compile(r"经[^。；;]{2,50}?后(?=生效|发生效力|施行|实施)")
_EFFECT_ASKED = re.compile(r"生效|施行|实施|起作用|算数")
_WHEN_ASKED = re.compile(r"什么时候|何时|啥时候|什么时间")
# ("与主体工程同时设计、同时施工、同时投入使用": at the same time as something else)
_PROMPTLY = re.compile(r"(立即|立刻|马上|及时|当场|现场|即时|随时|事先|事前|提前|当日|当天|按时|与[^，,。；;与]{2,10}同时)"
                       r"[^，,。；;]{1,16}")
_BOUND = {"最早": re.compile(r"不得早于([^，,。；;]{2,15})"),
          "最晚": re.compile(r"(?:不得晚于|不迟于|最迟于?)([^，,。；;]{2,15})")}


# "多久集中公告一次", "按什么周期制定": how often, said as "每年至少进行一次" or "年度…"
_FREQUENCY_ASKED = re.compile(r"(?:多久|多长时间|多少时间)[^，,？?]{0,12}?(?:一|1)次|什么周期|频次|频率|多久一次")
FREQUENCY = re.compile(r"每(?:个)?(?:年度|半年|季度|年|季|月|周|天|日)")
_EVERY = re.compile(r"每(?:个)?(?:[一二两三四五六\d]+)?(?:年|季度|季|个?月|周|半年)[^，,。；;]{0,8}?[一二两三四五\d]+次")
_PERIODIC = re.compile(FREQUENCY.pattern + r"|年度|季度|月度")


def frequency(question: str, text: str) -> str | None:
    """How often the text says a thing is done, when the question asks that."""
    if not _FREQUENCY_ASKED.search(question):
        return None
    found = _EVERY.search(text) or _PERIODIC.search(text)
    return found.group(0) if found else None


def date(question: str, p: Passage) -> str | None:
    often = frequency(question, p.text)
    if often:
        return often
    # ("2018年底前…的企业" names the text's "2018年12月31日之前": a date the question states)
    said = re.sub(r"(\d{4})年底", r"\1年12月31日", question)
    found = [m for m in DATE.finditer(p.text) if m.group(0).rstrip("前底初末以来之") not in said]
    if _STRETCH_ASKED.search(question):  # "披露哪一段时间的信息": a stretch of the calendar, nothing else
        return pick(question, p.text, [m for m in found if _RANGE.search(m.group(0))])
    if _MONTH_ASKED.search(question):
        found += [m for m in _MONTH.finditer(p.text) if not any(f.start() <= m.start() < f.end() for f in found)]
    asked = question.replace("最迟", "最晚")
    for word, bound in _BOUND.items() if not found else ():  # "最早可以定在哪天" against "不得早于公告日期"
        limit = bound.search(p.text) if word in asked else None
        if limit:
            return limit.group(1)
    # "送达日期如何确定" against "送达日期为…系统显示发送成功的日期": what the text says the asked date is
    named = _named_date(question, p.text) if not found else None
    if named:
        return named
    if not found and not _ONE_YEAR.search(question) and not _DAY_ASKED.search(question):
        event = event_day(question, p)
        if event:
            return event
        effect = _TAKES_EFFECT.search(p.text) if _EFFECT_ASKED.search(question) else None
        if effect:
            return effect.group(0)
        relative = [m.group(0) for m in _RELATIVE_TIME.finditer(p.text) if m.group(0) not in question]
        # "在有效期满前3个月申请": the stretch the frame counts back or on comes with it
        frames = [m.group(1) + (_SPAN.match(p.text, m.end()) or [""])[0]
                  for m in _EVENT_FRAME.finditer(p.text) if m.group(1) not in question]
        if relative or frames:
            return (relative + frames)[0]
        if not _WHEN_ASKED.search(question):
            return None
        # "应当将监督检查结果现场书面告知", "应当立即向…报告": asked when, the text says at once or on the spot,
        # before the very act the question names
        acts = [t for t in tokenize(question) if len(t) > 1]
        return pick(question, p.text, [m for m in _PROMPTLY.finditer(p.text) if m.group(1) not in question
                                       and any(t in m.group(0) for t in acts)])
    if _DAY_ASKED.search(question):
        found = [m for m in found if "日" in m.group(0)]
    # "哪一年" asks for one year, "哪几年" for a period: a range answers only the second.
    ranges = [m for m in found if _RANGE.search(m.group(0))]
    if _ONE_YEAR.search(question):  # and a day without its year does not say which year
        found = [m for m in found if "年" in m.group(0)]
        found = [m for m in found if m not in ranges] or found
    elif _PERIOD.search(question):
        found = ranges or found
    return pick(question, p.text, found)


def _named_date(question: str, text: str) -> str | None:
    for term in re.finditer(r"[\u4e00-\u9fff]{2}(?:日期|时间)", question):
        said = re.search(rf"{term.group(0)}(?:为|是)([^，,。；;]{{2,40}})", text)
        if said:
            return said.group(1)
    return None


def asks_day(question: str) -> bool:
    return _DAY_ASKED.search(question) is not None and not _ONE_YEAR.search(question)


def event_day(question: str, p: Passage) -> str | None:
    """"自企业登记注册的次月起": a time fixed by an event. For "哪天" only when no evidence gives a date."""
    event = _EVENT_TIME.search(p.text)
    if not event or event.group(1) in question:
        return None
    # "自权利被侵犯之日起30天内提出": the time limit counted from that day comes with it
    within = _RELATIVE_TIME.match(p.text, event.end())
    return event.group(1) + "起" + (within.group(0) if within else "")

