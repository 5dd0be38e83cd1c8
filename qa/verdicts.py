"""Yes/no answers: 是/否 (or the question's own modal, 可以/不可以, 能/不能) by whether the evidence negates what
the question does not, read past conditions, limits and exemptions, with the evidence cut to the clause asked."""
from __future__ import annotations

import re

from index.chunking import split_clauses
from index.lexical import tokenize

from .passage import NUMERAL, Passage, best_clause, char_pairs, matchable, numeral_value, shorten
from .question import pos_tags

_NEGATIONS = frozenset({"不", "不是", "并不", "并非", "不会", "不能", "没有", "没", "尚未", "未", "无", "非", "并未",
                        "不得", "禁止", "严禁", "不准", "不可", "不应", "不宜", "不允许", "无权", "不予", "不再"})


def yes_no(question: str, p: Passage) -> str:
    """是/否 by whether the evidence negates what the question does not, with the evidence."""
    # "能不能…" asks; its 不能 negates nothing (jieba cuts it 能 + 不能)
    asked = re.sub(rf"{_ASKING.pattern}|吗[？?]?$", "", question)
    # A condition ("…未整改到位的，", "延续护理评估没通过，") sets the case; its 未/不/没 does not make the
    # question a negative one: only the clause that asks can.
    plain = _NAMING.sub("", re.split(r"[，,；;]", _CONDITION.sub("", asked).rstrip("，,；;"))[-1])
    asking = _asking_clause(question)  # (its negation, not the last clause's, makes the question a negative one)
    # "首次申领居住证，免收证件工本费" says no to "要交工本费吗"; "违反本条例规定，…向他人提供担保的，…给予行政
    # 处分" says no to "可以向他人提供担保吗": what the text exempts from or punishes is not so.
    text = _without_condition(question, _without_limits(question, p.text))
    # "可以直接向人民法院提起诉讼吗" against "应当先依法申请行政复议": a step required first says no to "directly"
    negated = (_negated(_clause_of_object(plain, text), asked) or _EXEMPT.search(text) is not None or
               (_PUNISHED.search(text) is not None and not _PUNISHMENT_ASKED.search(question)) or
               ("直接" in question and _FIRST.search(text) is not None)) and not _negated(asking)
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
    # "…就完了，不会有行政处罚？" against "…做好协议处理与行政处罚的有效衔接": the question denies what the text states
    if _denies_stated(plain, text):
        return no + "。" + _window(question, p.text)
    # "我28岁，单身…能自己申请吗" against "年满30周岁的单身申请人可独立申请", "可以承租2套吗" against "只限申请
    # 承租1套": the question's own figure lies past the text's bound
    if _past_bound(question, text):
        return no + "。" + _window(question, p.text)
    # "中药饮片可以和西药开在同一张处方上吗" against "…中药饮片应当单独开具处方": what must stand alone
    alone = _kept_alone(question, p.text) or _in_person(question, p.text) or _kept_home(question, p.text)
    if alone:
        return no + "。" + alone
    # "是由省教育厅牵头的吗" against "由省卫生健康部门牵头": another body holds the place the question names
    other = _other_body(question, text)
    if other and not negated:
        return no + "。" + _window(other, p.text)
    if negated:  # the clause that says no ("…不再给予住院照料临时救助"), not the sentence's opening
        said = [p.text[a:b] for a, b in split_clauses(p.text, 0, len(p.text)) if _negated(p.text[a:b], asked)]
        # of several, the one closest to what the question asks (ties: the last)
        asked_pairs = char_pairs(asking)
        closest = max(reversed(said), key=lambda c: len(char_pairs(c) & asked_pairs), default=p.text)
        return no + "。" + shorten(closest)
    return yes + "。" + _window(question, p.text)


_ASKING = re.compile(r"是否|有没有|能否|可否|([\u4e00-\u9fff])不\1")
# "本地学生没有的费用", "“有编不补”": a negation inside what names a thing is not the question's own
_NAMING = re.compile(r"[“\"][^”\"]*[”\"]|(?:不|没有|没|未|无|非)[^，,的]{0,8}的(?=[\u4e00-\u9fff])")


def _asking_clause(question: str) -> str:
    """The clause that asks, without the condition it sets nor the negations inside what it names: the one
    holding 能不能/是否 ("医院能不能要求我…，不许我拿处方去外面买": the rest is what is asked about), else
    the last."""
    clauses = re.split(r"[，,；;]", _CONDITION.sub("", question).rstrip("，,；;？?"))
    clause = next((c for c in reversed(clauses) if _ASKING.search(c)), clauses[-1])
    return _NAMING.sub("", re.sub(rf"{_ASKING.pattern}|吗$", "", clause))


def _first_clause(text: str, says) -> str | None:
    """The first clause of `text` for which `says(clause)` holds (what the three readings below quote)."""
    return next((text[a:b] for a, b in split_clauses(text, 0, len(text)) if says(text[a:b])), None)


_TOGETHER = re.compile(r"[和与跟同][^，,？?]{1,12}?(?:同一|一起|一块|一张|一并|合并|混)")


def _kept_alone(question: str, text: str) -> str | None:
    """The clause saying the question's subject goes 单独, when the question puts it together with another."""
    together = _TOGETHER.search(question)
    subject = re.sub(r"(?:可以|能|能否|可否|是否|要|应当|该)$", "", question[:together.start()]) if together else ""
    if len(subject) < 2:
        return None
    return _first_clause(text, lambda clause: subject[-2:] in clause and "单独" in clause)


_BY_ANOTHER = re.compile(r"委托(?:他人|别人|代理人|亲属|家人)|(?:让|(?<!申)请|找)(?:别人|他人|人|家人|亲属)|代[办交领为替]")


def _in_person(question: str, text: str) -> str | None:
    """"可以委托他人…递交提取申请吗" against "…的，由职工本人向市公积金中心递交提取申请": the clause saying
    the person does it themselves, when the question has another do it (and the text allows no proxy)."""
    if not _BY_ANOTHER.search(question) or re.search(r"委托|代[办为理替交领]", text):
        return None
    return _first_clause(text, lambda clause: re.search(r"由[^，,。；;]{0,8}本人|(?:应当|须|必须)本人|亲自", clause))


def _kept_home(question: str, text: str) -> str | None:
    """"服务器可以放在国外吗" against "服务器设置在中国内地": the clause keeping the question's thing inside the
    country, when the question takes it abroad."""
    if not re.search(r"国外|境外|外国|海外", question) or re.search(r"国外|境外|外国|海外|内外|中外", text):
        return None  # (a text that names abroad itself does not keep the thing home)
    things = [w for w, f in pos_tags(question) if f.startswith("n") and len(w) >= 2]
    return _first_clause(text, lambda clause: any(w in clause for w in things) and re.search(r"境内|中国内地|国内", clause))


def _clause_of_object(clause: str, text: str) -> str:
    """"…不享受困难残疾人生活补贴，可享受重度残疾人护理补贴" asked "还能领重度残疾人护理补贴吗": of clauses that
    disagree, the one holding the longest stretch (four characters or more) of what the asking clause asks
    for after its modal decides (not of its subject, which the clauses may share)."""
    clauses = [text[a:b] for a, b in split_clauses(text, 0, len(text))]
    words = [w for w, _ in pos_tags(clause)]  # (a word: not the 会 of 委员会)
    modal = [i for i, w in enumerate(words) if w in ("能", "可以", "会", "要", "得", "应当", "需要", "还能")]
    if len({_negated(c) for c in clauses}) < 2 or not modal:
        return text
    clause = "".join(words[modal[-1] + 1:])
    shared = [max((n for n in range(4, len(clause) + 1) for i in range(len(clause) - n + 1)
                   if clause[i:i + n] in c), default=0) for c in clauses]
    best = max(shared)
    return clauses[shared.index(best)] if best and shared.count(best) == 1 else text


# (not "不经协商直接起诉", a way of doing what is asked)
_DENIAL = re.compile(r"不会|不用|不需要|不必|没有|不(?=承担|负责|负有)")
_CASE_MODAL = re.compile(r"会|能|可以|要|得|该")


def _denies_stated(clause: str, text: str) -> bool:
    """The asking clause negates a verb whose object the text states without negation. A modal after the
    negation makes the negated words a case ("不交社保会被罚吗"), not what is asked."""
    denial = _DENIAL.search(clause)
    after = clause[denial.end():] if denial else ""
    # (a text that lifts or waives something, "取消…考试", "免收…", says no in its own words)
    if not denial or _negated(text) or _EXEMPT.search(text) or "取消" in text or _CASE_MODAL.search(after):
        return False
    return any(len(w) >= 2 and w in text for w, _ in pos_tags(after))


_FIGURE_UNIT = r"(周岁|岁|套|辆|平方米|个月|年|日|天|人|次|件|张|只|元|万元)"
# (not a year: "2020年" is a date)
_ASKED_FIGURE = re.compile(rf"(?<![第\d])(?!\d{{4}}年)({NUMERAL}){_FIGURE_UNIT}(?!以上|以下|以内|内|前|后|左右)")
_LOWER = r"(?:年满|满|不低于|不少于|至少)({n}){u}|({n}){u}(?:及)?以上"
_UPPER = r"(?:不超过|不得超过|不高于|最多|最高|只限[^，,。；;\d]{{0,8}}?)({n}){u}|({n}){u}以下"


def _past_bound(question: str, text: str) -> bool:
    """A figure the question states ("28岁") that the text's bound on the same unit excludes ("年满30周岁"),
    unless the question bounds it itself ("超过2套")."""
    for figure in _ASKED_FIGURE.finditer(question):
        if re.search(r"(?:超过|不到|少于|多于|低于|高于|以上|以下|满)$", question[:figure.start()]):
            continue
        value, unit = numeral_value(figure.group(1)), _same_unit(figure.group(2))
        if value is None:
            continue
        for pattern, past in ((_LOWER, lambda v, b: v < b), (_UPPER, lambda v, b: v > b)):
            for bound in re.finditer(pattern.format(n=NUMERAL, u=f"({unit})"), text):
                said = numeral_value(bound.group(1) or bound.group(3))
                if said is not None and past(value, said):
                    return True
    return False


def _same_unit(unit: str) -> str:
    return {"岁": "周岁|岁", "周岁": "周岁|岁", "日": "日|天", "天": "日|天"}.get(unit, unit)


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
    clauses = split_clauses(text, 0, len(text))
    dropped = set()
    for i, (a, b) in enumerate(clauses):
        clause = re.sub(r"\W", "", text[a:b])
        own = [clause[k:k + 2] for k in range(len(clause) - 1)]
        if own and sum(g in grams for g in own) >= 0.8 * len(own):
            dropped.add(i)
            # "…但未选定住房，或者虽选定住房但未当场缴纳认购定金的，": the cases before 或者 are of the same
            # condition, and their 未 negates nothing either
            j = i
            while clause.startswith("或") and j > 0 and not text[clauses[j - 1][0]:clauses[j - 1][1]].rstrip(
                    "，,；; ").endswith("的"):
                j -= 1
                dropped.add(j)
    kept = text
    for i in sorted(dropped, reverse=True):
        kept = kept[:clauses[i][0]] + kept[clauses[i][1]:]
    return kept if dropped and re.sub(r"\W", "", kept) else text


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


# "由…牵头", "到…注册登记", "向…申请": the body a duty or a step goes to
_BODY_SLOT = re.compile(r"(?:由|到|向|去|在)([\u4e00-\u9fff]{2,24}?(?:部门|厅|局|委员会|委|政府|中心|办公室|办事处|机构|法院))"
                        r"(?=负责|牵头|主管|审批|办理|注册登记|登记|备案|认定|发放|核发|受理|投诉|申请)")
_BODY_STEM = re.compile(r"^(?:本市|本省|国家|省|市|县|区|乡|镇)?|(?:人民政府|政府|部门|厅|局|委员会|委|中心|机构|办公室)$")


def _other_body(question: str, text: str) -> str | None:
    """The text's body in the place of the question's, when the two share no two characters of what
    names them (教育 and 卫生健康; 市场监管 is 市场监督管理)."""
    asked = _BODY_SLOT.search(question)
    stem = _BODY_STEM.sub("", asked.group(1)) if asked else ""
    if len(stem) < 2:  # "区政府": the level alone, which another wording may spell out
        return None
    verb = question[asked.end():asked.end() + 2]
    said = [m.group(0) for m in _BODY_SLOT.finditer(text) if text.startswith(verb, m.end())]
    if not said or any(pair in body for body in said for pair in char_pairs(stem)):
        return None
    return said[0]
