"""What a question singles out among the retrieved sentences: a number it names, the case it states word
for word, a grade of the rule, the one it asks a fine for. Those sentences move up before any span is cut."""
from __future__ import annotations

import re

from .passage import GRADE, bare, cases
from .question import key_terms

BONUS = 0.1
_FINED = re.compile(r"对([\u4e00-\u9fff]{4,12}?)(?:处|罚|给予)")


def graded_cases(question: str) -> list[str]:
    """The grades of a rule the question states (情形复杂的, 情节严重的), bare."""
    return [bare(c) for c in cases(question) if len(bare(c)) >= 5 and GRADE.match(c.removesuffix("的"))]


def emphasise(question: str, ranked: list) -> list:
    """`ranked` (scored sentences, best first) re-scored and re-sorted for what the question singles out."""
    # A number the question names ("到2035年") singles out the sentences that state it.
    named = [k for k in key_terms(question) if k.isdigit()]
    # "违法经营额5000元以上的，罚款是多少？": the sentence whose condition is the question's, word for word,
    # over "违法经营额不足5000元的，并处5000元以上…", which has all the same words.
    # A grade of the rule (情形复杂的, 情节严重的) only the sentence stating it can answer: twice the weight.
    conditions = [(bare(c), 2 if GRADE.match(c.removesuffix("的")) else 1) for c in cases(question) if len(bare(c)) >= 5]
    # "…的，对直接负责的主管人员处多少罚款": the sentence that fines the one named, though the body's fine
    # before it states the case word for word
    fined = [bare(m) for m in _FINED.findall(question)]
    if not (named or conditions or fined):
        return ranked
    for s in ranked:
        said = bare(s.text)
        s.score += BONUS * (bool(named) and all(_states_number(n, s.text) for n in named))
        s.score += BONUS * (max((w for c, w in conditions if c in said), default=0) + 2 * any(f in said for f in fined))
    return sorted(ranked, key=lambda x: -x.score)


def _states_number(number: str, text: str) -> bool:
    """"50" is stated in "50万至100万", not in "100万至500万"."""
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\d|\.\d)", text) is not None
