"""False premises: the question takes for granted a figure or a bound that the document states otherwise,
a part (第五十条) it does not have, or a revision its history does not record."""
from __future__ import annotations

import re

from .issuance import missing_revision
from .passage import NUMERAL, PART_LINE, numeral_value, spread
from .question import ASKING, pos_tags

# "既然…取得经营许可满三年才能申请…" where the text says "取得经营许可满两年", "三十日无理由退货" where it says
# "七日无理由退货": a figure the question takes for granted, which the documents state otherwise in the same
# words (before the figure or after it).
_STATED_UNIT = r"(个工作日|个月|年|日|天|小时|分|万元|元|%|％)"
_STATED = re.compile(rf"({NUMERAL}){_STATED_UNIT}")
_THREE = re.compile(r"[\u4e00-\u9fff]{3}")
_LINKS = "的以内后前左起至到及和或之"  # "20%的奖励" names no rule of its own: any share may be 的奖励


def false_premise(question: str, text: str) -> bool:
    for stated in _STATED.finditer(question):
        if question[:stated.start()].endswith(("哪", "几", "多少", "第")):  # 哪一年 asks, states nothing
            continue
        left = question[max(0, stated.start() - 3):stated.start()]
        right = question[stated.end():stated.end() + 3]
        figure = rf"({NUMERAL}){stated.group(2)}"
        around = ([re.escape(left) + figure] if _THREE.fullmatch(left) else []) + \
            ([figure + re.escape(right)] if _THREE.fullmatch(right) and right[0] not in _LINKS else [])
        said = {numeral_value(m.group(1)) for pattern in around for m in re.finditer(pattern, text)}
        if said and None not in said and numeral_value(stated.group(1)) not in said:
            return True
    # "《治安管理处罚法》第五十条", "《道路交通安全法》2021年修订": another document's parts and history
    title = text.lstrip().split("\n", 1)[0]
    itself = all(named in title for named in re.findall(r"《([^》]+)》", question))
    return _bound_premise(question, text) or _attributed(question, text) or \
        (itself and (_missing_part(question, text) or missing_revision(question, text)))


# "条例规定欠薪企业每天按欠薪额万分之五加收滞纳金，这笔滞纳金交给谁": what the question says the text says
# (not "文件里说的职业院校…", a thing it mentions)
_ATTRIBUTED = re.compile(r"(?:条例|办法|规定|细则|文件|意见|政策|法)(?:里|中|上)?(?:规定|明确|要求|写着|说)了?(?!的)[，,]?"
                         r"([^，,。？?]{4,30})")


def _attributed(question: str, text: str) -> bool:
    """The question credits the text with a rule about a thing the text never names."""
    said = _ATTRIBUTED.search(question)
    nouns = [w for w, f in pos_tags(said.group(1)) if f.startswith("n") and not f.startswith(("ns", "nr"))
             and len(w) >= 2 and not ASKING.search(w) and w != "意思"] if said else []
    return any(w not in text and not spread(w, text) for w in nouns)


# "规定要求三包有效期最少1年" where the text says "三包有效期不得低于2年": the same bound, said in other words
_AT_LEAST = r"最少|至少|最低|起码|不少于|不得少于|不低于|不得低于"
_AT_MOST = r"最多|至多|最高|最长|不超过|不得超过|不高于|不得高于"
_BOUND_STATED = re.compile(rf"([\u4e00-\u9fff]{{3}})({_AT_LEAST}|{_AT_MOST})({NUMERAL}){_STATED_UNIT}")


def _bound_premise(question: str, text: str) -> bool:
    for stated in _BOUND_STATED.finditer(question):
        side = _AT_LEAST if re.fullmatch(_AT_LEAST, stated.group(2)) else _AT_MOST
        said = {numeral_value(m.group(1)) for m in re.finditer(
            re.escape(stated.group(1)) + rf"(?:{side})({NUMERAL}){stated.group(4)}", text)}
        if said and None not in said and numeral_value(stated.group(3)) not in said:
            return True
    return False


# "本条例第四十条规定了什么" of a regulation whose articles stop at 第三十七条: a part the document does not have
_PART_NAMED = re.compile(rf"第({NUMERAL})(章|条)")


def _missing_part(question: str, text: str) -> bool:
    title = text.lstrip().split("\n", 1)[0]
    parts = {(numeral_value(m.group(1)), m.group(2)) for m in map(PART_LINE.match, text.split("\n")) if m}
    for named in _PART_NAMED.finditer(question):
        kind = named.group(2)
        # "按消保法第五十六条处罚": another law's article, which this document cites
        law = re.search(r"([\u4e00-\u9fff]{1,4})(?:法|条例|办法|规定|细则)$", question[:named.start()])
        if law and not re.search(r"[本该这此]", law.group(1)) and law.group(0)[-3:] not in title:
            continue
        if sum(k == kind for _, k in parts) >= 2 and (numeral_value(named.group(1)), kind) not in parts:
            return True
    return False
