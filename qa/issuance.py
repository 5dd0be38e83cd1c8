"""Who issued a document, when, and how it is divided: read off its title, signature and numbered
lines, not searched in its body.

A notice ends with the issuer and the date on lines of their own ("安顺市人民政府" / "2023年9月5日"),
an opinion prints the date under its title ("（2021年5月20日）"). Those lines share no words with a
question such as "这份办法是哪天印发的", so sentence scoring alone never finds them.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from index.chunking import DATE_LINE

# "最近一次改是哪天", "改过几次": a citizen's 改 for a revision (not 改革, 改进, 改造, 改善)
_CHANGED = r"(?:第[一二三四五六七八九十]|(?:最近|最后|上)一?|头一|首)[次回]改(?![革进造善])|改过(?:几|多少)次"
_VERB = re.compile(r"印发|发布|发出|出台|制定|下发|颁布|发文|签发|公布|发的|成文|落款|文号|第几号|生效|施行|实行|开始实施|开始执行|起实施|起执行|"
                   r"的日期|修订|修改|修正|通过|批准|" + _CHANGED)
_IN_FORCE_ASKED = re.compile(r"生效|施行|实行|开始实施|开始执行|起实施|起执行")  # 自什么时候起实施
# "本办法自2024年3月1日起施行", "本方案自印发之日起执行"; under a regulation's title "2022年1月1日 施行"
_IN_FORCE = re.compile(r"[^。；\n]{0,20}?自(\d{4}年\d{1,2}月\d{1,2}日|[\u4e00-\u9fff]{2,6}之日)起?(?:施行|实施|执行|生效)|"
                       r"^(\d{4}年\d{1,2}月\d{1,2}日)\s*(?:起)?(?:施行|实施|生效)$|"
                       r"本(?:办法|规定|细则|条例|意见|方案|通知|决定|措施)(\d{4}年\d{1,2}月\d{1,2}日)起(?:施行|实施|执行|生效)",
                       re.M)
_NUMBER_ASKED = re.compile(r"文号|发文字号|发文号|第几号|哪一?号令|几号令|令号")
_NUMBER_LINE = re.compile(r"^[\u4e00-\u9fff]{1,10}[〔\[［(（]\d{4}[〕\]］)）]\d+号$")  # "国办发〔2018〕124号"
WHEN = re.compile(r"哪(?:一)?天|何时|什么时候|哪(?:一)?年|几月几[日号]|日期|时间")
_WHO = re.compile(r"谁|哪(?:个|家|一个|级|些|几个)?(?:机关|部门|单位|政府|机构)|什么(?:机关|部门|单位|机构)")
# The question points at the document itself, not at a document the text mentions.
ITSELF = re.compile(r"(?:这|本|该|此)(?:份|个|部|项|篇)?[\u4e00-\u9fff]{0,10}?"
                     r"(?:文件|办法|通知|意见|方案|规定|条例|规划|计划|措施|细则|决定|新规|政策|(?<![方违])法(?![律规院官]))")
_ANOTHER = re.compile(ITSELF.pattern + r"所?(?:依据|根据|援引|引用|提到|提及|废止|替代|取代)的")
_NUMBER_LABELLED = re.compile(r"^(?:发文字号|文\s*号)[:：]\s*(.+)$")
_ORG_LINE = re.compile(r"^[\u4e00-\u9fff 、]{2,30}(?:政府|委员会|办公厅|办公室|国务院|中央|部|局|厅|委|院)$")
_ISSUER_IN_TITLE = re.compile(r"^([\u4e00-\u9fff 、]{2,30}?)关于")
# A regulation's first line under its title: "2009年2月20日 中华人民共和国国务院令第550号公布" (also in brackets,
# with its revisions after it).
# "国务院令第550号" without its issuer; a local people's congress promulgates by 公告 ("…常务委员会公告第27号")
_ORDER = r"(?:令|公告)第[\d一二三四五六七八九十百零〇]+号"
_PROMULGATED = re.compile(rf"^[（(]?(\d{{4}}年\d{{1,2}}月\d{{1,2}}日)\s*([\u4e00-\u9fff]{{2,30}}?){_ORDER}(?:公布|发布|颁布)")
# or, for rules a ministry issues once the State Council approved them, "1999年8月1日 国家发展计划委员会发布"
_PUBLISHED = re.compile(r"^[（(]?(\d{4}年\d{1,2}月\d{1,2}日)\s*([\u4e00-\u9fff]{2,30}?)(?:发布|公布|颁布|印发)[）)]?$")


# A regulation's history under its title, one event a line: "2015年10月21日 国务院第109次常务会议通过",
# "2016年2月6日 《国务院关于修改部分行政法规的决定》第一次修订"; approval ("国务院批准") stands for adoption.
_HISTORY_LINE = re.compile(r"^[（(]?(?:根据)?(\d{4}年\d{1,2}月\d{1,2}日)\s*([^\n]*?)(通过|批准|修订|修正|修改)[）)]?$")
_REVISED_ASKED = re.compile(r"修订|修改|修正|" + _CHANGED)
_REVISIONS = ("修订", "修正", "修改")  # what a dated history line calls a revision
_ADOPTED_ASKED = re.compile(r"通过|批准")
_COUNT_ASKED = re.compile(r"几次|多少次")
# "第二次修订", "第二回修改", "最近一次修改": which revision is meant (None: the one in force, the last)
_WHICH_REVISION = re.compile(r"(?:第([一二三四五六七八九十])|(首|头一|最近|最后|最新))[次回]?")


_DATE_LABELLED = re.compile(r"^(发布|成文|印发|公布)日期[:：]\s*(\d{4}年\d{1,2}月\d{1,2}日)\s*$", re.M)
_PRINTED = re.compile(r"^([\u4e00-\u9fff]{3,30})[\s　]*(\d{4}年\d{1,2}月\d{1,2}日)印发$", re.M)


@dataclass(frozen=True)
class Issuance:
    issuer: str | None
    issuer_line: str | None  # the line that names it, for the citation
    date: str | None
    number: str | None = None  # 发文字号


def answer(question: str, text: str) -> tuple[str, str] | None:
    """(answer, the line of `text` that states it) when the question asks when or by whom this
    document was issued and the document prints it."""
    # The title is the first line, or the second under the issuer's line ("中共柳河县委 柳河县人民政府").
    what = asked(question, "".join(text.split("\n", 2)[:2]))
    if what is None:
        return None
    if what in ("revised", "adopted", "revisions", "adopted by"):
        return _history(question, what, text)
    if what == "in force":
        return in_force(text)
    if what == "number" and _REVISED_ASKED.search(question):  # "2020年修订本办法的是第几号令"
        return _revision_order(question, text)
    facts = read(text)
    # "…是哪天由市政府办公厅秘书处印发的": the printing line's date ("…秘书处  2024年7月29日印发"), not the signed one
    printed = _PRINTED.search(text) if what == "when" else None
    if printed and printed.group(1)[-3:] in question:
        return printed.group(2), printed.group(0)
    # the information table of a government site: "成文日期：2016年07月02日" / "发布日期：2016年07月11日"
    labelled = next((m for m in _DATE_LABELLED.finditer("\n".join(text.split("\n", 12)[:12]))
                     if m.group(1) in question), None) if what == "when" else None
    if labelled:
        return labelled.group(2), labelled.group(0)
    value, line = {"when": (facts.date, facts.date), "who": (facts.issuer, facts.issuer_line),
                   "number": (facts.number, facts.number)}[what]
    return (value, line) if value and line else None


def unstated(question: str, text: str) -> bool:
    """The question asks this document's number (文号, 第几号令) and the document prints none, or from when
    it applies ("本意见自哪一天起施行") and it says nothing of that."""
    return asked(question, "".join(text.split("\n", 2)[:2])) in ("number", "in force") and \
        answer(question, text) is None


def asked(question: str, title: str) -> str | None:
    """"when", "who", "number" or "in force" if the question asks when, by whom or under which number
    this document was issued, or from when it applies; else None."""
    if not _VERB.search(question):
        return None
    quoted = re.findall(r"《([^》]+)》", question)
    if quoted and not all(q in title for q in quoted):
        return None  # about another document the text mentions
    if not (ITSELF.search(question) or any(len(q) >= 4 for q in quoted) or _names_title(question, title)):
        return None
    if _ANOTHER.search(question):  # "本实施意见依据的指导意见文号是…": a document it names, not itself
        return None
    if _NUMBER_ASKED.search(question):
        return "number"
    if _REVISED_ASKED.search(question):
        return "revisions" if _COUNT_ASKED.search(question) else "revised" if WHEN.search(question) else None
    if _ADOPTED_ASKED.search(question):
        return "adopted" if WHEN.search(question) else "adopted by" if _WHO.search(question) else None
    if _IN_FORCE_ASKED.search(question):
        return "in force" if WHEN.search(question) or "哪天" in question else None
    if WHEN.search(question):
        return "when"
    if _WHO.search(question):
        return "who"
    return None


def _names_title(question: str, title: str) -> bool:
    """The question repeats a long stretch of the title ("安顺市市级储备粮管理办法")."""
    if any(question.find(title[i:i + 6]) >= 0 for i in range(max(len(title) - 5, 1))):
        return True
    # or shortens it the way people do: "公积金条例" for 住房公积金管理条例
    return any(re.search(re.escape(m.group(1)[-3:]) + r"[\u4e00-\u9fff]{0,6}" + m.group(2), title)
               for m in re.finditer(r"([\u4e00-\u9fff]{2,})(条例|办法|规定|细则)", question)) or \
        any(re.search(r"[\u4e00-\u9fff]{0,6}?".join(map(re.escape, m.group(1))) + r"[\u4e00-\u9fff]{0,6}法", title)
            for m in re.finditer(r"([\u4e00-\u9fff]{2})法(?![律规])", question))  # "反诈法": 反电信网络诈骗法


def read(text: str) -> Issuance:
    """The issuer and date printed with the document: under the title or in the signature at the end."""
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    issuer = issuer_line = date = None
    for i in [*range(min(8, len(lines))), *range(max(len(lines) - 6, 8), len(lines))]:
        if DATE_LINE.match(lines[i]):
            date = lines[i].strip("（()）")
            if i > 0 and _ORG_LINE.match(lines[i - 1]):
                issuer = issuer_line = lines[i - 1]
            break
    # a notice whose annex follows its signature ("附件：…" / "2020年2月21日" / "（此件主动公开）" / the annex):
    # its one date line, wherever it stands
    dated = [line for line in lines if DATE_LINE.match(line)]
    if date is None and len(dated) == 1:
        date = dated[0].strip("（()）")
    promulgated = next((m for m in map(_PROMULGATED.match, lines[:8]) if m), None) or \
        next((m for m in map(_PUBLISHED.match, lines[:8]) if m), None)
    if date is None and promulgated:
        date, issuer = promulgated.group(1), issuer or promulgated.group(2)
        issuer_line = issuer_line or promulgated.group(0)
    # "国办发〔2018〕124号" on a line of its own, else a regulation's "中华人民共和国国务院令第550号"
    order = re.search(_ORDER, promulgated.group(0)) if promulgated else None
    # (printed under the title in brackets: "（国办发〔2023〕17号）")
    number = next((line.strip("（）()") for line in lines[:8] if _NUMBER_LINE.match(line.strip("（）()"))), None) or \
        (promulgated.group(2) + order.group(0) if order else None)
    # the information table of a government site: "文　　号：成办发〔2022〕28号", "发文字号：国办发〔2018〕123号"
    labelled = [m.group(1) for m in map(_NUMBER_LABELLED.match, lines[:10]) if m and _NUMBER_LINE.match(m.group(1))]
    number = number or (labelled[0] if labelled else None)
    if issuer is None and lines:
        match = _ISSUER_IN_TITLE.match(lines[0])
        if match:
            issuer, issuer_line = match.group(1).strip(), lines[0]
        elif len(lines) > 1 and _ORG_LINE.match(lines[0]) and lines[1].startswith("关于"):
            issuer = issuer_line = lines[0]  # "中共柳河县委 柳河县人民政府" above "关于…的实施意见"
    return Issuance(issuer, issuer_line, date, number)


def _events(text: str) -> list[re.Match]:
    """The dated history lines under a regulation's title (or its parts: "（…令第90号公布；根据2020年10月23日
    …令第31号修订）")."""
    parts = (part.strip() for line in text.split("\n")[:8] for part in re.split(r"[；;]", line))
    return [m for m in map(_HISTORY_LINE.match, parts) if m]


def _history(question: str, what: str, text: str) -> tuple[str, str] | None:
    """When a regulation was adopted or revised (which revision the question names, else the last), or how
    many times it was revised, from the dated lines under its title."""
    events = _events(text)
    # adopted (通过) or approved (批准), as asked: "由哪个机构批准" in a regulation's body is about its permits
    adoption = ("批准",) if "批准" in question and "通过" not in question else ("通过",)
    kinds = adoption if what in ("adopted", "adopted by") else _REVISIONS
    wanted = [m for m in events if m.group(3) in kinds]
    if not wanted:
        return None
    if what == "adopted by":  # "北京市第十五届人民代表大会常务委员会第三十五次会议通过": the body, not its session
        body = re.sub(r"第[一二三四五六七八九十百\d]+次(?:全体|常务)?会议$", "", wanted[0].group(2).strip())
        return (body, wanted[0].group(0)) if body else None
    if what == "revisions":
        return f"{len(wanted)}次", wanted[-1].group(0)
    which = _WHICH_REVISION.search(question)
    index = -1
    if which and which.group(1):
        index = "一二三四五六七八九十".index(which.group(1))
    elif which and which.group(2) in ("首", "头一"):
        index = 0
    if index >= len(wanted):
        return None
    return wanted[index].group(1), wanted[index].group(0)


def _revision_order(question: str, text: str) -> tuple[str, str] | None:
    """The order a revision was made by ("根据2020年10月23日国家市场监督管理总局令第31号修订"): of the year
    the question names, else the last revision."""
    revisions = [m for m in _events(text) if m.group(3) in _REVISIONS]
    year = re.search(r"(\d{4})年", question)
    if year:
        revisions = [m for m in revisions if m.group(1).startswith(year.group(0))]
    order = re.search(r"[\u4e00-\u9fff]{2,30}?" + _ORDER, revisions[-1].group(2)) if revisions else None
    return (order.group(0), revisions[-1].group(0)) if order else None


# "听说这个条例2021年又第五次修订了" of a regulation revised four times, the last in 2019
_REVISION_NAMED = re.compile(r"(\d{4})年[^，,。？?]{0,6}?(?:修订|修正|修改)|第([一二三四五六七八九十])[次回](?:修订|修正|修改)")


def missing_revision(question: str, text: str) -> bool:
    """The question names a revision (by year or by number) that the document's dated history lines do not
    record; never when the document prints no history."""
    revisions = [m for m in _events(text) if m.group(3) in _REVISIONS]
    if not revisions:
        return False
    for named in _REVISION_NAMED.finditer(question):
        if named.group(1) and not any(m.group(1).startswith(named.group(1) + "年") for m in revisions):
            return True
        if named.group(2) and "一二三四五六七八九十".index(named.group(2)) >= len(revisions):
            return True
    return False


def in_force(text: str) -> tuple[str, str] | None:
    """(the day a document takes effect, the sentence saying so)."""
    found = _IN_FORCE.search(text)
    if not found:
        return None
    # "自公布之日起" says when; "公布之日" alone reads as the day of publishing
    day = found.group(1) or found.group(2) or found.group(3)  # ("本细则2014年10月30日起施行": no 自)
    return ("自" + day + "起" if day.endswith("之日") else day), found.group(0)
