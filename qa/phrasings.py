"""Answers read off the fixed phrasings of regulations and plans, which say the same things the same way:
a consequence after its condition ("…认定不符合条件的，报区民政部门审批"), a formula
("救助金额=家庭人数×…"), and a short name defined once ("《广东省临时救助办法》（以下简称省《办法》）").
"""
from __future__ import annotations

import re

_HANDLING = re.compile(r"(?:如何|怎么|怎样)(?:处理|处置|办理|办|弄|救助|解决|安置|对待)|应当怎样|应如何")
_FORMULA_ASKED = re.compile(r"如何计算|怎么计算|怎样计算|怎么算|如何算|计算方法|计算公式|算法")
_FORMULA = re.compile(r"[^，,。；;：:]{1,20}[=＝][^，,。；;]*[×*÷/＋+－][^，,。；;]*")
_ALIAS = re.compile(r"(?:以下)?简称[“\"「]?([^”\"」）)，,。]{1,20})")
# What a short name stands for is asked with 指/全称/哪份文件; "哪个部门发布的" asks something else.
_REFERS = re.compile(r"指的?是?(?:什么|哪)|是指|全称|哪份|哪部(?!分|门)|什么文件")


def consequence(question: str, sentence: str) -> str | None:
    """"X认定不符合条件的，应如何处理？" against "X认定不符合条件…的，报区民政部门审批。": what follows
    the condition the question repeats."""
    if not _HANDLING.search(question):
        return None
    for match in re.finditer(r"的[，,]", sentence):
        condition = sentence[:match.start()]
        if _shares_condition(question, condition):
            rest = re.split(r"[。；;]", sentence[match.end():])[0].strip()
            return rest or None
    return None


def _shares_condition(question: str, condition: str) -> bool:
    asked = re.split(r"的[，,]|[，,]?(?:应|要|该)?(?:" + _HANDLING.pattern + ")", question)[0]
    pairs = {asked[i:i + 2] for i in range(len(asked) - 1)}
    # Citizens restate the condition in their own words: a few shared pairs of characters will do.
    return sum(p in condition for p in pairs) >= min(3, 0.3 * len(pairs))


def formula(question: str, sentence: str) -> str | None:
    """"救助金额如何计算" → "救助金额=家庭人数×本市每月最低生活保障标准×救助月数"."""
    if not _FORMULA_ASKED.search(question):
        return None
    match = _FORMULA.search(sentence)
    return match.group(0).strip() if match else None


def alias(question: str, text: str) -> str | None:
    """"省《办法》是指哪份文件" → the title the text gave that short name ("《广东省临时救助办法》")."""
    if not _REFERS.search(question):
        return None
    for match in _ALIAS.finditer(text):
        short = match.group(1)
        if short in question and len(short) >= 2:
            before = text[:match.start()]
            titles = list(re.finditer(r"《[^》]+》", before))
            if titles and match.start() - titles[-1].end() <= 30:
                return titles[-1].group(0)
    return None
