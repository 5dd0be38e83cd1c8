"""Answers read off the fixed phrasings of regulations and plans, which say the same things the same way:
a consequence after its condition ("…认定不符合条件的，报区民政部门审批"), a formula
("救助金额=家庭人数×…"), a short name defined once ("《广东省临时救助办法》（以下简称省《办法》）"),
where something is sent ("报区民政部门备案"), where money comes from ("从…中支付") and a labelled
value ("（调度名：兴川）"), a definition ("…所称X，是指…") and values given item by item ("A和B…分别给予30万元和10万元").
"""
from __future__ import annotations

import re

from .numbers import numbers_in
from .passage import ARTICLE, spread
from .question import HOW_MANY, pos_tags

# "…的，应如何处理", and the consequences a regulation attaches: "…的，承担什么责任 / 会怎么样 / 什么处罚"
HANDLING = re.compile(r"(?:如何|怎么|怎样)(?:处理|处置|办理|办|弄|救助|解决|安置|对待)|应当怎样|应如何|"
                      r"承担什么责任|什么后果|什么处罚|(?:如何|怎么|怎样)处罚|会怎样|会怎么样|(?:什么|哪些)(?:途径|渠道)")
_FORMULA_ASKED = re.compile(r"如何计算|怎么计算|怎样计算|怎么算|如何算|计算方法|计算方式|计算办法|计算公式|算法")
_FORMULA = re.compile(r"[^，,。；;：:]{1,20}[=＝][^，,。；;]*[×*÷/＋+－][^，,。；;]*")
_RATE = re.compile(r"按(?:其|照)?[^，,。；;]{1,20}?的?\d+(?:\.\d+)?[%％][^，,。；;]{0,12}")  # "按其研发实际发生额的20%给予企业奖励"
ALIAS = re.compile(r"(?:以下)?简称[“\"「]?([^”\"」）)，,。]{1,20})")
# What a short name stands for is asked with 指/全称/哪份文件; "哪个部门发布的" asks something else.
_REFERS = re.compile(r"指的?是?(?:什么|哪)|是指|全称|简称|哪份|哪部(?!分|门)|什么文件")


def consequence(question: str, sentence: str) -> str | None:
    """"X认定不符合条件的，应如何处理？" against "X认定不符合条件…的，报区民政部门审批。": what follows
    the condition the question repeats."""
    if not HANDLING.search(question):
        return None
    # "…的，报区民政部门审批", and "如与…相抵触，或因…调整，按国家和上级文件规定执行"
    ends = [m.end() for m in re.finditer(r"的[，,]", sentence)]
    ends += [m.end() for m in re.finditer(r"如[^，,。；;]{2,}[，,](?:或[^，,。；;]+[，,])?", sentence)]
    # "对于存在主观故意、影响恶劣的欺诈骗保行为，依法从严从重查处": the case 对于 opens
    ends += [m.end() for m in re.finditer(r"^(?:第[一二三四五六七八九十百零〇\d]+条\s*)?对于?[^，,。；;]{2,40}[，,]", sentence)]
    for end in sorted(ends):
        if shares_condition(question, sentence[:end]):
            rest = re.split(r"[。；;]", sentence[end:])[0].strip()
            return rest or None
    return None


CONDITION_ASKED = re.compile(r"在?(?:什么|哪些|哪种|何种)(?:样的)?(?:情况|情形|条件)(?:下|时)?")


def condition(question: str, sentence: str) -> str | None:
    """"什么情况下质权人应当办理变更登记？" against "登记内容存在遗漏…或登记内容发生变化的，质权人应当办理
    变更登记。": the condition (…的，) in front of the rule the question repeats."""
    asked = CONDITION_ASKED.search(question)
    if not asked:
        return None
    # Every word of the rule asked about: "办理注销登记" is not the rule of "办理变更登记"
    words = [w for w, _ in pos_tags(re.sub(r"[？?。]+$", "", question[asked.end():])) if len(w) >= 2]
    article = ARTICLE.match(sentence)
    start = article.end() if article else 0
    for match in re.finditer(r"的[，,]", sentence):
        then = re.split(r"[。；;]", sentence[match.end():])[0]
        # "有下列情形之一的，…": the conditions are the lines that follow, a list's business
        if words and all(spread(w, then) for w in words) \
                and not re.search(r"下列|如下|以下", sentence[:match.end()]):
            return re.sub(r"^(?:但是|但|并且|同时|其中)[，,]?", "", sentence[start:match.end() - 1]) or None
    return None


def shares_condition(question: str, condition: str) -> bool:
    asked = re.split(r"的[，,]|[，,]?(?:应|要|该)?(?:" + HANDLING.pattern + ")", question)[0]
    pairs = {asked[i:i + 2] for i in range(len(asked) - 1)}
    # Citizens restate the condition in their own words: a few shared pairs of characters will do.
    return sum(p in condition for p in pairs) >= min(3, 0.3 * len(pairs))


# "垃圾处理费是按什么思路来收的" against "按照谁产生谁付费、多产生多付费的原则，建立…收费制度"
_BASIS_ASKED = re.compile(r"(?:按|按照|依照|根据|依据|本着|遵循)(?:什么|哪些|哪种|何种|啥)")
_BASIS = re.compile(r"(?:按照|依照|根据|依据|本着|遵循|坚持)([^，,。；;]{2,40}?的(?:原则|方针|思路|方式|标准|办法))")


def basis(question: str, sentence: str) -> str | None:
    """The principle or standard the text says a thing is done by, asked as "按什么…"."""
    if not _BASIS_ASKED.search(question):
        return None
    # ("建立基于岗位价值、能力素质、业绩贡献的工资分配机制": what the thing is based on)
    found = _BASIS.search(sentence) or _BASED_ON.search(sentence)
    return found.group(1) if found and found.group(1) not in question else None


_BASED_ON = re.compile(r"基于([^，,。；;]{2,40}?)的")


def formula(question: str, sentence: str, next_line: str = "") -> str | None:
    """"救助金额如何计算" → "救助金额=家庭人数×本市每月最低生活保障标准×救助月数"; "罚款怎么算" → the fine the
    sentence sets ("处委托合同价款30%以上50%以下的罚款"). A sentence that announces it ("计算方式为：") has it on
    the next line."""
    if not _FORMULA_ASKED.search(question):
        return None
    if sentence.rstrip().endswith(("：", ":")) and next_line:
        sentence = next_line
    fine = _FINE.search(sentence) if "罚" in question else None
    match = _FORMULA.search(sentence) or _RATE.search(sentence) or fine
    return match.group(0).strip() if match else None


_FINE = re.compile(r"处[^，,。；;]{0,30}?罚款")


_LABEL_ASKED = re.compile(r"的?([\u4e00-\u9fff]{2,6})(?:是什么|叫什么|是哪个|是多少)")


def labelled(question: str, sentence: str) -> str | None:
    """"…项目的调度名是什么" against "…项目（调度名：兴川）": the value written after the label the
    question asks for and a colon."""
    asked = _LABEL_ASKED.search(question)
    if not asked:
        return None
    label = asked.group(1)
    # The label may be asked with more in front of it ("项目的调度名"): its longest tail in the text.
    for cut in range(len(label) - 1):
        found = re.search(re.escape(label[cut:]) + r"[：:]([^）)，,。；;：:\n]{1,20})", sentence)
        if found:
            return found.group(1).strip()
    return None


# "“毕业2年内未就业高校毕业生”是如何界定的", "哪些人算是就业见习人员": a definition asked in other words
DEFINITION_ASKED = re.compile(r"[“\"]([^”\"]{2,16})[”\"][^？?]*?(?:指什么|(?:是)?(?:什么|啥)意思|(?:如何|怎么|怎样)(?:界定|定义))|"
                              r"([\u4e00-\u9fff]{2,12}?)(?:是指|指的是|指)什么|什么是([\u4e00-\u9fff]{2,12})|"
                              r"哪些人(?:才)?算(?:是)?([\u4e00-\u9fff]{2,12})[？?]?$")


def definition(question: str, sentence: str) -> str | None:
    """"保险销售前行为是指什么行为" against "保险销售前行为是指保险公司及…招揽保险合同相对人的行为": what
    the text says the term means, whole."""
    asked = DEFINITION_ASKED.search(question)
    if not asked:
        return None
    term = re.sub(r"^.*所[称指]的?", "", next(g for g in asked.groups() if g))  # "本规定所称(的)家用汽车产品"
    # "单用途预付卡（以下简称预付卡），是指…": the short name given on the way
    # "本办法所称纯老家庭包括家庭成员均为老年人的家庭": what the text gives the term's name to
    verbs = "是指|指|包括" if re.search("所[称指]", sentence) else "是指|指"
    found = re.search(re.escape(term) + rf"(?:[（(][^）)]{{0,20}}[）)])?[，,]?(?:{verbs})([^。；;]+)", sentence)
    return found.group(1).strip() if found else None


_DEEMED_ASKED = re.compile(r"(?:什么样|怎样|怎么样|哪些|什么情况|何种情况)[^？?]*?(?:才)?(?:算是?|视为|属于|认定为)"
                           r"([\u4e00-\u9fff]{2,12}?)(?:的)?(?:呢)?[？?]?$")
# ("…将钥匙…移交给建设单位或者电梯所有权人，即为交付使用": 即为 deems too)
_DEEMED = re.compile(r"([^。；;]+?)(?:的[，,]?(?:视为|认定为)|[，,]即(?:视)?为)([^。；;，,]+)")


def deemed(question: str, sentence: str) -> str | None:
    """"什么样的退货商品算是完好的" against "商品能够保持原有品质、功能，…齐全的，视为商品完好": the cases
    the text deems so (not those it deems "不完好")."""
    asked = _DEEMED_ASKED.search(question)
    term = asked.group(1) if asked else ""
    negated = re.compile(rf"[不未非]{re.escape(term)}")
    for found in _DEEMED.finditer(sentence) if asked else []:
        said = found.group(2)
        # ("怎样才算正式交付使用": the text's 交付使用 is the term without its adverb)
        if (term in said or len(said) >= 4 and said in term) and bool(negated.search(said)) == bool(negated.search(question)):
            return ARTICLE.sub("", found.group(1)).strip()
    return None


_PURPOSE_ASKED = re.compile(r"用(?:来|于|在|到)?(?:干|做|办)?(?:什么|哪些|啥|哪里|哪儿|何处)|(?:什么|哪些)用途|用途(?:是|有)")
_PURPOSE = re.compile(r"(?:专项)?用于([^，,。；;]+)")


def purpose(question: str, sentence: str) -> str | None:
    """"收的钱可以用来干什么" against "可以收取一定的费用，用于停车自治成本费用、停车设施建设等": what the
    text says it is used for."""
    found = _PURPOSE.search(sentence) if _PURPOSE_ASKED.search(question) else None
    return found.group(1).strip() if found else None


def alias(question: str, text: str) -> str | None:
    """"省《办法》是指哪份文件" → the title the text gave that short name ("《广东省临时救助办法》")."""
    if not _REFERS.search(question):
        return None
    # "本办法所称网约车经营服务是指什么": a term the text defines, which merely starts with a short name
    term = re.search(r"所称([^，,？?]{2,20}?)(?:是指|指|是)", question)
    if term and re.search(rf"所称“?{re.escape(term.group(1))}”?[，,]?(?:是指|指)", text):
        return None
    for match in ALIAS.finditer(text):
        short = match.group(1)
        if short in question and len(short) >= 2:
            before = text[:match.start()]
            titles = list(re.finditer(r"《[^》]+》", before))
            if titles and match.start() - titles[-1].end() <= 30:
                return titles[-1].group(0)
            # "国网四川省电力公司（以下简称“国网四川电力”）": the name right before the bracket
            named = re.search(r"([^，,。；;：:、（(）)“”\n]{2,30})[（(]$", before)
            # "本条例所称单用途预付卡是指什么" names the full term itself: it asks what the term means
            if named and named.group(1) not in question:
                return named.group(1)
    return None


_SENT_TO = re.compile(r"(?:(?:下放|移交|划转|转交)[给到至]?|上报|报送|报告|报|提交|上交|交|送|上缴|缴)"
                      r"([\u4e00-\u9fff（）()、]{2,24}?)(?=备案|审批|审核|批准|[，,。；;]|$)"
                      r"|向([\u4e00-\u9fff（）()、]{2,24}?)(?=提出|申请|报告|反映|咨询|投诉|举报|办理|备案|登记|申领|申报)"
                      # "在机构所在地县级以上市场监管部门注册登记": a body one registers at
                      r"|在([\u4e00-\u9fff（）()、]{2,30}?(?:部门|机关|机构|局|厅|委员会|中心))(?=注册登记|登记|备案|申领|申报)")


def destination(text: str) -> str | None:
    """Where something is handed: the body after 报/交/上缴 ("报区民政部门备案", "上缴市财政局")."""
    sent = _SENT_TO.search(text)
    return (sent.group(1) or sent.group(2) or sent.group(3)) if sent else None


def source(text: str) -> str | None:
    """Where money comes from: the 从… clause ("可从评估后的净资产中预留或从…中优先支付")."""
    found = re.search(r"从[^，,。；;]{2,40}", text)
    return found.group(0) if found else None


_UPPER = re.compile(r"上限|最高|最多|最大")
_LOWER = re.compile(r"下限|最低|最少|最小")


def respectively(question: str, sentence: str) -> str | None:
    """"新列入省级“专精特新”中小企业给多少奖励" against "新列入国家级和省级“专精特新”中小企业，分别给予企业30万元
    和10万元奖励": the value in the place of the item the question names."""
    if not HOW_MANY.search(question):
        return None
    for match in re.finditer("分别", sentence):
        values = numbers_in(re.split(r"[。；;]", sentence[match.end():])[0])
        if len(values) < 2:
            continue
        # "竞价上下限分别按0.4012元/千瓦时、0.2元/千瓦时确定": the upper bound first
        before = sentence[:match.start()]
        if len(values) == 2 and before.endswith("上下限"):
            # and only the bounds of what the question names ("竞价上下限" says nothing of 现货市场价格)
            subject = re.split(r"[，,：:。；;]", before.removesuffix("上下限"))[-1]
            if not any(len(w) >= 2 and w in question for w, _ in pos_tags(subject)):
                return None
            bound = _UPPER.search(question) or _LOWER.search(question)
            return values[bound.re is _LOWER] if bound else None
        for clause in reversed(re.split(r"[，,：:。；;]", sentence[:match.start()])):
            items = [x for x in clause.split("、") if x]
            if len(items) != len(values):
                items = [x for x in re.split(r"、|和|与|及", clause) if x]
            if len(items) == len(values):
                named = [i for i, item in enumerate(items) if _item_core(items, i) in question]
                # "街道（镇）级社区养老服务设施" names 街道（镇）级, and 社区（村）级's "社区" only inside the words
                # the items share: the longer match is the item meant
                longest = max((len(_item_core(items, i)) for i in named), default=0)
                named = [i for i in named if len(_item_core(items, i)) == longest]
                return values[named[0]] if len(named) == 1 else None
    return None


def _item_core(items: list[str], i: int) -> str:
    """What tells an item of a list apart: a range or amount from its first digit, else the word next to
    the list's separators (the first item's last word, the last item's first word)."""
    item = items[i].removesuffix("的")
    digit = re.search(r"\d", item)
    if digit:
        return item[digit.start():]
    words = [w for w, _ in pos_tags(item)]
    if i == 0 and len(items) > 1:
        return words[-1]
    return words[0] if i == len(items) - 1 and len(items) > 1 else item


_BESIDES = re.compile(r"除了?([^，,？?还]{1,20}?)(?:以外|之外|外)?[，,]?还")
_JOINS = r"、|以及|和|及|与|或者|或"


def besides(question: str, sentence: str) -> str | None:
    """"除了申请书还得交什么材料" against "应当提交申请书和全体投资人承诺书": the other items of the
    enumeration that names the one the question sets aside."""
    asked = _BESIDES.search(question)
    named = asked.group(1) if asked else ""
    at = sentence.find(named) if len(named) >= 2 else -1
    if at < 0:
        return None
    clause_start = max(sentence.rfind(c, 0, at) for c in "，,。；;：:") + 1
    clause_end = min([i for i in (sentence.find(c, at) for c in "，,。；;") if i >= 0] or [len(sentence)])
    rest = sentence[at + len(named):clause_end]
    # only items joined to it: "处罚款二千元" lists nothing
    after = re.split(_JOINS, rest)[1:] if re.match(_JOINS, rest) else []
    # the items before it: the nouns back from the join in front of it
    before = []
    if re.search(rf"(?:{_JOINS})$", sentence[clause_start:at]):
        head = re.sub(rf"(?:{_JOINS})$", "", sentence[clause_start:at])
        nouns = []
        for word, flag in reversed(pos_tags(head)):
            if not (flag.startswith("n") or flag in ("vn", "j") or word in "、和及与"):
                break
            nouns.insert(0, word)
        before = [b for b in re.split(_JOINS, "".join(nouns)) if b]
    items = [i.strip() for i in before + after if len(i.strip()) >= 2]
    return "、".join(items) or None
