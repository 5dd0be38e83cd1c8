"""What a question singles out among the retrieved sentences: a number it names, the case it states word
for word, a grade of the rule, the one it asks a fine for. Those sentences move up before any span is cut."""
from __future__ import annotations

import re

from .passage import GRADE, article, bare, cases, char_pairs
from .question import key_terms

BONUS = 0.1
_FINED = re.compile(r"对([\u4e00-\u9fff]{4,12}?)(?:处|罚|给予)")
# "举办非营利性…机构": the case the 非 sets apart (not 非常, 非法, 并非, 除非)
_NON = re.compile(r"(?<![并除是])非(?![常法得])[\u4e00-\u9fff]{2}")
_NON_WORD = re.compile(_NON.pattern + "[\u4e00-\u9fff]")


def graded_cases(question: str) -> list[str]:
    """The grades of a rule the question states (情形复杂的, 情节严重的), bare."""
    return [bare(c) for c in cases(question) if len(bare(c)) >= 5 and GRADE.match(c.removesuffix("的"))]


def emphasise(question: str, ranked: list, document_text=None) -> list:
    """`ranked` (scored sentences, best first) re-scored and re-sorted for what the question singles out;
    `document_text(doc name)` gives the articles a penalty cites."""
    # A number the question names ("到2035年") singles out the sentences that state it.
    # (a single digit too when it counts something: "4人及以上家庭" over "2至3人家庭")
    named = [k for k in key_terms(question) if k.isdigit()] + _COUNTED_DIGIT.findall(question)
    # "违法经营额5000元以上的，罚款是多少？": the sentence whose condition is the question's, word for word,
    # over "违法经营额不足5000元的，并处5000元以上…", which has all the same words.
    # A grade of the rule (情形复杂的, 情节严重的) only the sentence stating it can answer: twice the weight.
    conditions = [(bare(c), 2 if GRADE.match(c.removesuffix("的")) else 1) for c in cases(question) if len(bare(c)) >= 5]
    # "…的，对直接负责的主管人员处多少罚款": the sentence that fines the one named, though the body's fine
    # before it states the case word for word
    fined = [bare(m) for m in _FINED.findall(question)]
    # "举办非营利性…机构，是到…登记吗": the sentence on 非营利性 ones, over "举办营利性…的" with the same words
    # and "开一家营利性的托儿所" the sentences on 营利性 ones, over "…负责非营利性…机构法人的注册登记"
    non = _NON.findall(question)
    # (the word after 非 whole: "非保险类金融产品" is no contrary case of a question on 保险)
    contrary = {id(s) for s in ranked
                if any(n[1:] in question and n[:3] not in question for n in _NON_WORD.findall(s.text))}
    # "开展烟草促销、冠名赞助活动的，…处多少罚款" against "违反本条例第二十一条第四项规定的，…处五万元以上十万元以下
    # 罚款": the penalty whose cited item states the question's case ("（四）各种形式的烟草促销、冠名赞助活动")
    # (not when it asks the fine of another than the offender: the sentence fining them cites nothing)
    case = bare("".join(re.split(r"[，,]", question)[:-1]) or question) \
        if _PENALTY_ASKED.search(question) and not fined else ""
    citing = {id(s) for s in ranked if case and document_text and _covers(cited(s.text, document_text(
        s.chunk.metadata["doc"]) or ""), case)}
    # "…符合条件的会怎么办理" against "符合条件的，准予登记…；不符合条件的，不予登记…": the case as stated,
    # over its negation (and "不符合条件的…" the other way round)
    negated = [(m.group(2), bool(m.group(1))) for m in _CASE_OF.finditer(question)]
    # "普通处方一般最多能开几天" against "处方一般不得超过7日用量；急诊处方一般不得超过3日用量": 普通 X is X
    # unqualified, not X of another kind
    ordinary = _ORDINARY.findall(question)
    if not (named or conditions or fined or non or contrary or citing or negated or ordinary):
        return ranked
    for s in ranked:
        said = bare(s.text)
        s.score += BONUS * (bool(named) and all(_states_number(n, s.text) for n in named))
        s.score += BONUS * (sum((n in s.text) - (n[1:] in s.text.replace(n, "")) for n in non) - (id(s) in contrary))
        s.score += BONUS * (max((w for c, w in conditions if c in said), default=0) + 2 * any(f in said for f in fined)
                            + 2 * (id(s) in citing))
        s.score += BONUS * sum(_plain(x, s.text) - _of_a_kind(x, s.text) for x in ordinary)
        s.score += BONUS * sum(_states_case(w, s.text) - _states_case(w, s.text, True) if not neg else
                               _states_case(w, s.text, True) - _states_case(w, s.text) for w, neg in negated)
    return sorted(ranked, key=lambda x: -x.score)


_ORDINARY = re.compile(r"普通([\u4e00-\u9fff]{2})")


def _plain(noun: str, text: str) -> bool:
    return re.search(rf"(?:^|[^\u4e00-\u9fff]|普通){noun}", text) is not None


def _of_a_kind(noun: str, text: str) -> bool:
    return not _plain(noun, text) and re.search(rf"[^普通的和与及或、条\W]{noun}", text) is not None


_CASE_OF = re.compile(r"([不未])?((?:符合|具备|满足|达到)[\u4e00-\u9fff]{2})的")


def _states_case(words: str, text: str, negated: bool = False) -> bool:
    """The text opens a case with the words ("符合条件的，"), or with their negation ("不符合条件的")."""
    return re.search((r"[不未]" if negated else r"(?<![不未])") + re.escape(words) + r"的[，,]", text) is not None


def _states_number(number: str, text: str) -> bool:
    """"50" is stated in "50万至100万", not in "100万至500万"."""
    return re.search(rf"(?<![\d.]){re.escape(number)}(?!\d|\.\d)", text) is not None


_COUNTED_DIGIT = re.compile(r"(?<![\d.])(\d)(?=[人个名户岁项次套])")
_PENALTY_ASKED = re.compile(r"罚|处罚|处理|处分|后果|责任")
_NUMERAL = "[一二三四五六七八九十百零〇\\d]+"
_CITES = re.compile(rf"违反本(?:条例|办法|规定|法|细则)第({_NUMERAL})条(?:第{_NUMERAL}款)?"
                    rf"(?:第([一二三四五六七八九十]+)项(?:至第([一二三四五六七八九十]+)项)?)?规定")
_ITEMS = "一二三四五六七八九十"


def cited(sentence: str, document: str) -> str:
    """The text of the article (or its items) a penalty cites: "违反本条例第二十一条第四项规定的" → "（四）…"."""
    found = _CITES.search(sentence)
    block = article(found.group(1), document) if found else ""
    if not block or not found.group(2):
        return block
    first = _ITEMS.find(found.group(2))
    last = _ITEMS.find(found.group(3)) if found.group(3) else first
    wanted = {_ITEMS[i] for i in range(first, last + 1)} if 0 <= first <= last else set()
    return "".join(m.group(0) for m in re.finditer(r"^\s*[（(]([一二三四五六七八九十])[）)].*$", block, re.M)
                   if m.group(1) in wanted)


def _covers(cited_text: str, case: str) -> bool:
    """Most pairs of characters of the question's case are in the cited text."""
    pairs = char_pairs(case)
    said = bare(cited_text)
    return len(pairs) >= 3 and sum(p in said for p in pairs) >= 0.6 * len(pairs)
