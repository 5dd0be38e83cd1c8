"""Cutting the answer out of an evidence sentence, by what the question asks for.

Each function gets the question and a `Passage`: the evidence sentence plus its paragraph in the
document, and returns the shortest answering text, or None when the sentence does not hold that
kind of answer. Numbers (numbers.py) and dates (dates.py) have modules of their own; this one holds
yes/no, A还是B, descriptive clauses, numbered items, and `BY_KIND`, the cutter for each kind.
"""
from __future__ import annotations

import re

from index.chunking import split_clauses
from index.lexical import tokenize

from .dates import date
from .lists import DIGITS, listing
from .numbers import number
from .passage import Passage, matchable
from .question import focus_terms, pos_tags

_NEGATIONS = frozenset({"不", "不是", "并不", "并非", "不会", "不能", "没有", "没", "尚未", "未", "无", "非", "并未",
                        "不得", "禁止", "严禁", "不准", "不可", "不应", "不宜", "不允许", "无权", "不予", "不再"})
EDGE_CHARS = "的是了在和与及等为将对把被从以于就也都而并其之这那个"


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
    # "能不能…" asks; its 不能 negates nothing (jieba cuts it 能 + 不能)
    asked = re.sub(r"是否|有没有|能否|可否|([\u4e00-\u9fff])不\1|吗[？?]?$", "", question)
    # A condition ("…未整改到位的，", "延续护理评估没通过，") sets the case; its 未/不/没 does not make the
    # question a negative one: only the clause that asks can.
    plain = re.split(r"[，,；;]", _CONDITION.sub("", asked).rstrip("，,；;"))[-1]
    # "首次申领居住证，免收证件工本费" says no to "要交工本费吗"; "违反本条例规定，…向他人提供担保的，…给予行政
    # 处分" says no to "可以向他人提供担保吗": what the text exempts from or punishes is not so.
    text = _without_condition(question, _without_limits(question, p.text))
    # "可以直接向人民法院提起诉讼吗" against "应当先依法申请行政复议": a step required first says no to "directly"
    negated = (_negated(text, asked) or _EXEMPT.search(text) is not None or
               (_PUNISHED.search(text) is not None and not _PUNISHMENT_ASKED.search(question)) or
               ("直接" in question and _FIRST.search(text) is not None)) and not _negated(plain)
    yes, no = verdicts(question)
    # "不得…提供一次性餐具，但餐后打包的除外" asked "吃完饭要打包，餐馆能给一次性餐盒吗": the question's case is
    # the exception, which turns the rule's verdict round
    exception = _EXCEPTION.search(p.text)  # (a question that sets the exception aside itself asks the rule)
    if exception and not re.search("除外|例外", question) and \
            _about(question, exception.group(0), p.text[:exception.start()]):
        rule = p.text[:exception.start()]
        return (yes if _negated(rule) else no) + "。" + shorten(rule, 40) + exception.group(0)
    # "取消除道路危险货物运输以外的…从业资格考试" asked "开危险品运输车的是不是也不用考": the rule leaves
    # the question's case out
    besides = _BESIDES.search(p.text)
    rule = p.text[:besides.start()] + p.text[besides.end():] if besides else ""
    if besides and not re.search("除|以外|之外", question) and _stem_in(question, besides.group(1), rule):
        return (yes if _negated(rule, asked) else no) + "。" + _window(question, p.text)
    if negated:  # the clause that says no ("…不再给予住院照料临时救助"), not the sentence's opening
        said = [p.text[a:b] for a, b in split_clauses(p.text, 0, len(p.text)) if _negated(p.text[a:b], asked)]
        return no + "。" + shorten(said[-1] if said else p.text)
    return yes + "。" + _window(question, p.text)


def _window(question: str, text: str, limit: int = 60) -> str:
    """A long sentence from the clause the question matches best ("…不良信息的，按照有关规定记入信用档案"
    for "会不会影响个人信用"): a rule's conditions come first, what it does last."""
    if len(text) <= limit:
        return text
    a, b = best_clause(question, text)
    end = max([b] + [d for c, d in split_clauses(text, 0, len(text)) if c >= b and d - a <= limit])
    return ("…" if a else "") + text[a:end].strip() + ("…" if end < len(text.rstrip("。；; ")) else "")


_BESIDES = re.compile(r"除(?:了)?([^，,。；;]{2,20}?)(?:以外|之外|外)的?")


def _stem_in(question: str, part: str, rest: str) -> bool:
    """A word of the question that this part says, at least by its first two characters (危险品: 危险货物),
    and the rest does not."""
    stems = {t[:2] for t in tokenize(matchable(question)) if len(t) > 1 and t not in _MODALS}
    # "没经过我同意" is the case the exception does not cover ("除征得消费者明确表示同意的以外")
    return any(s in part and s not in rest and not _NEGATION_BEFORE.search(question[:question.find(s)][-4:])
               for s in stems)


_NEGATION_BEFORE = re.compile(r"[没未不无非]")


_FIRST = re.compile(r"应当先|应先|须先|必须先|先行|方可")
_EXCEPTION = re.compile(r"[，,；;]但(?:是)?[^，,。；;]*?(?:除外|例外)")


def _about(question: str, part: str, rest: str) -> bool:
    """A word of the question that this part of the sentence says and the rest does not."""
    words = [t for t in tokenize(matchable(question)) if len(t) > 1 and t not in _MODALS]
    return any(t in part and t not in rest for t in words)
# "可以…吗" is answered 可以/不可以, "能不能…" 能/不能: the question's own modal, as people answer.
_MODALS = {"可以": "可以", "可否": "可以", "可不可以": "可以", "能": "能", "能否": "能", "能不能": "能",
           "需要": "需要", "需不需要": "需要", "会": "会", "会不会": "会", "有没有": "有", "属于": "属于"}
_NO = {"有": "没有"}


def _without_limits(question: str, text: str) -> str:
    """"经营者之间可以订立合同约定三包责任的承担，但不得侵害消费者合法权益": a 但-clause limits what the
    sentence allows; it says no only to a question about what it limits."""
    limit = next((a for a, b in split_clauses(text, 0, len(text)) if text[a:b].startswith("但")), None)
    if limit is None:
        return text
    # a word of the question only the limit says ("免除") makes the question one about the limit; one
    # only the sentence's opening says, about what it allows
    main, rest = text[:limit], text[limit:]
    if _about(question, rest, main) or not _about(question, main, rest):
        return text
    return main


def _without_condition(question: str, text: str) -> str:
    """"经营者发行预付卡未超过一定数量、金额规模，可以…备案" asked as "…未超过一定数量、金额规模的，可以…吗":
    the case both set is not what the text says yes or no to, and its 未 negates nothing."""
    condition = "".join(_CONDITION.findall(question))
    grams = {condition[i:i + 2] for i in range(len(condition) - 1)}
    if not grams:
        return text
    kept = text
    for a, b in reversed(split_clauses(text, 0, len(text))):
        clause = re.sub(r"\W", "", text[a:b])
        own = [clause[i:i + 2] for i in range(len(clause) - 1)]
        if own and sum(g in grams for g in own) >= 0.8 * len(own):
            kept = kept[:a] + kept[b:]
    return kept if re.sub(r"\W", "", kept) else text


def verdicts(question: str) -> tuple[str, str]:
    """The yes and the no a question asks for: its first modal word, else 是/否."""
    asked = _CONDITION.sub("", question)
    modal = next((_MODALS[w] for w, _ in pos_tags(asked) if w in _MODALS), None)
    return (modal, _NO.get(modal, "不" + modal)) if modal else ("是", "否")


_CONDITION = re.compile(r"[^，,]*的[，,]")
_EXEMPT = re.compile(r"免(?:收|交|缴|费|予|于|除)|无需|无须|不必")
_PUNISHED = re.compile(r"违反[^，。；]{0,12}规定[，,]?[^。；]*?的[，,][^。]*?(?:处分|罚款|处罚|追究|吊销|没收)")
_PUNISHMENT_ASKED = re.compile(r"处分|罚|处罚|违反|违法|责任|后果|吊销|没收|追究|停业")


def _negated(text: str, asked: str = "") -> bool:
    # Word by word: 未 in 未来 or 不 in 不断 negates nothing; nor does 无 in "无理由退货" when the question
    # names the thing by the same words (jieba cuts it 无 + 理由).
    tags = [w for w, _ in pos_tags(text)] + [""]
    return any(w in _NEGATIONS and not (asked and tags[i + 1] and w + tags[i + 1] in asked)
               for i, w in enumerate(tags[:-1]))


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



# (and "可根据其日常表现、工作业绩，结合…要求，直接认定…": by what means, before what is done)
_CONDITION_CLAUSE = re.compile(r"^(?:如|若|对|在|经|凡|因|当|并经|一旦|结合|(?:可|可以|应当|应|须)(?:根据|按照|依据|依照|参照))|"
                               r"(?:的|时|后|前|之前|以后|期间)$")


def descriptive(question: str, p: Passage) -> str:
    """The clause that answers, with the next one when it carries on; whole sentence if short."""
    text = p.text
    if len(text) <= 40:
        return text.strip()
    clauses = split_clauses(text, 0, len(text))
    best = best_clause(question, text)
    a, b = _manner_clause(question, text, clauses, best) or best
    index = clauses.index((a, b)) if (a, b) in clauses else 0
    if index + 1 < len(clauses) and clauses[index + 1][1] - a <= 60:
        index += 1
        b = clauses[index][1]
    # "在收到投保人的退保申请后，" sets when; what is done comes in the clause after the conditions.
    first = index
    while index + 1 < len(clauses) and _CONDITION_CLAUSE.search(text[clauses[index][0]:clauses[index][1]]):
        index += 1
    if clauses and clauses[index][1] > b:
        if clauses[index][1] - a > 80:  # too long whole: what the question matched, then what is done
            return text[a:clauses[first][1]].strip() + "……" + text[clauses[index][0]:clauses[index][1]].strip(" ；;，,")
        b = clauses[index][1]
    return text[a:b].strip()


_MANNER = re.compile(r"(?:如何|怎样|怎么样?)(?:进行)?(?=[\u4e00-\u9fff])")


def _manner_clause(question: str, text: str, clauses: list[tuple[int, int]],
                   best: tuple[int, int]) -> tuple[int, int] | None:
    """"平台应当如何公示其退货规则" against "…应当建立…退货规则…，在其首页显著位置持续公示，…": how a thing is
    done is said in the clause with the verb asked, not in the one that shares the question's nouns."""
    manner = _MANNER.search(question)
    verb = pos_tags(question[manner.end():])[0] if manner else ("", "")
    if not verb[1].startswith(("v", "n")) or len(verb[0]) < 2:  # (jieba may tag a final 办理 a noun)
        return None
    with_verb = [c for c in clauses if verb[0] in text[c[0]:c[1]]]
    return with_verb[0] if with_verb and verb[0] not in text[best[0]:best[1]] else None


def best_clause(question: str, text: str) -> tuple[int, int]:
    """Clause sharing most with the question, the words next to the question word counting double."""
    clauses = split_clauses(text, 0, len(text)) or [(0, len(text))]
    question = matchable(question)
    focus = set(focus_terms(question))
    tokens = [t for t in tokenize(question) if len(t) > 1]
    return max(clauses, key=lambda c: sum(len(t) * (2 if t in focus else 1) for t in tokens if t in text[c[0]:c[1]]))



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
