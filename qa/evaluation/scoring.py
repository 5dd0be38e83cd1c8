"""Scoring one prediction: normalisation, containment correctness, CMRC-2018 EM and F1."""
from __future__ import annotations

import re
import string
import unicodedata
from functools import lru_cache

from .gold import GoldQuestion

_DIGITS = "零〇一二两三四五六七八九"
_RUN = re.compile(rf"[{_DIGITS}十百千万亿]+")
_PERCENT = re.compile(rf"百分之([\d.]+|[{_DIGITS}十百千万点]+)")
# A lone numeral character is a number only before a measure word (两条, 四大, 三年) or after 第;
# elsewhere it is part of a word (统一, 一体, 两会, 十分) and is left alone.
_MEASURE = set("条个项大类种家级倍成年岁次名位人届批所座件份部章节款点号月日天周季期轮代层块元几多余")
_KEEP = {"%"}  # a unit, not punctuation: 15% must not match 15个
_ASCII_PUNCT = set(string.punctuation) - _KEEP


@lru_cache(maxsize=4096)
def normalise(text: str) -> str:
    """NFKC, lower case, Chinese numerals as Arabic where unambiguous, no punctuation or whitespace."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    text = _PERCENT.sub(lambda m: _arabic(m.group(1)) + "%", text)
    text = _RUN.sub(lambda m: _numeral(m, text), text)
    out = []
    for i, char in enumerate(text):
        if char.isspace():
            continue
        if char == "." and 0 < i < len(text) - 1 and text[i - 1].isdigit() and text[i + 1].isdigit():
            out.append(char)  # a decimal point: 1.5 is not 15
        elif char in _ASCII_PUNCT or (unicodedata.category(char).startswith("P") and char not in _KEEP):
            continue
        else:
            out.append(char)
    return "".join(out)


def _numeral(match: re.Match, text: str) -> str:
    run = match.group(0)
    if run[0] not in _DIGITS + "十":
        return run  # 千万 (by all means), 万一 (in case): words, not numbers
    head = run.rstrip("万亿")
    if head and head != run:
        # 1万亿 is how people write amounts; keep the magnitude word rather than expand to 13 digits.
        return _arabic(head) + run[len(head):]
    if len(run) == 1:
        after = text[match.end():match.end() + 1]
        before = text[max(match.start() - 1, 0):match.start()]
        if after not in _MEASURE and before != "第":
            return run
    return _arabic(run)


def _arabic(numeral: str) -> str:
    if numeral.replace(".", "").isdigit():
        return numeral
    from cn2an import cn2an  # ~0.1 s to import: only when a Chinese numeral shows up

    try:
        value = cn2an(numeral, "smart")
    except (ValueError, KeyError, IndexError):
        if all(c in _DIGITS for c in numeral):  # 二〇二〇: read digit by digit
            return "".join(str("零一二三四五六七八九".find(c.replace("〇", "零").replace("两", "二"))) for c in numeral)
        return numeral
    return str(int(value)) if float(value).is_integer() else str(value)


# --- correctness -----------------------------------------------------------------------------------
def is_correct(question: GoldQuestion, answer: str, refused: bool) -> bool:
    """Unanswerable: correct iff refused. Answerable: not refused, and one `answers` item or every
    `all_of` item is contained in the normalised answer."""
    if not question.answerable:
        return refused
    # "不可以" contains "可以", "否。本办法是…" contains "是": where the gold gives a verdict, the verdict decides;
    # a gold fact ("2人" for "可以一个人单独进行吗") is checked by containment like any other
    if question.type == "yes_no" and question.answers and _is_verdict(question.answers[0]):
        if _says_no(answer) != _says_no(question.answers[0]):
            return False
        # a gold of bare verdicts ("否", "不是") is answered by any "no" ("不可以。…"): the words differ, not the answer
        if not question.all_of and all(normalise(a) in _BARE_VERDICTS for a in question.answers):
            return not refused
    return not refused and contains_answer(question, answer)


_NO = ("否", "不", "没", "无", "未", "非", "禁止", "严禁")
_YES = ("是", "可以", "能", "会", "需要", "要", "应", "必须", "有", "允许", "属于", "对")
_BARE_VERDICTS = {prefix + word for word in ("是", "对", "可以", "能", "会", "需要", "要", "应当", "应该", "必须", "有",
                                              "允许", "属于", "得", "用", "行") for prefix in ("", "不", "没")} | {"否", "没有"}


def _is_verdict(text: str) -> bool:
    return normalise(text).startswith(_NO + _YES)


def _says_no(text: str) -> bool:
    """Whether a yes/no answer's verdict, its opening words, is a no."""
    return normalise(text).startswith(_NO)


def contains_answer(question: GoldQuestion, text: str) -> bool:
    got = normalise(text)
    if any(item and item in got for item in map(normalise, question.answers)):
        return True
    wanted = [normalise(x) for x in question.all_of]
    return bool(wanted) and all(item in got for item in wanted)


# --- CMRC 2018 EM / F1 -----------------------------------------------------------------------------
def references(question: GoldQuestion) -> list[str]:
    """What EM/F1 compare with: each answer, and the all_of items joined (in the gold order)."""
    refs = list(question.answers)
    if question.all_of:
        refs.append("、".join(question.all_of))
    return refs


def exact_match(question: GoldQuestion, answer: str, refused: bool) -> float:
    if not question.answerable or refused:
        return float(refused and not question.answerable)
    got = normalise(answer)
    return float(any(normalise(ref) == got for ref in references(question)))


def f1(question: GoldQuestion, answer: str, refused: bool) -> float:
    if not question.answerable or refused:
        return float(refused and not question.answerable)
    return max((f1_score(ref, answer) for ref in references(question)), default=0.0)


def tokens(text: str) -> list[str]:
    """CMRC's mixed segmentation: every Chinese character a token, runs of letters/digits one token."""
    return re.findall(r"[a-z0-9]+(?:\.[0-9]+)*|\S", normalise(text))


def f1_score(reference: str, prediction: str) -> float:
    ref, pred = tokens(reference), tokens(prediction)
    common = longest_common_substring(ref, pred)
    if common == 0:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)


def longest_common_substring(a: list[str], b: list[str]) -> int:
    """Length of the longest common contiguous run (CMRC's find_lcs)."""
    best, previous = 0, [0] * (len(b) + 1)
    for x in a:
        current = [0] * (len(b) + 1)
        for j, y in enumerate(b, 1):
            if x == y:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best
