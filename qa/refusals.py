"""Why evidence that was found still does not answer: the question's names are not where the evidence
is, most of its words occur nowhere in the documents, the evidence says the question's words around
another thing than the one asked, the evidence prices other items one by one, names the asked thing
only to leave it out, or speaks of it at another level of government (false premises: premises.py).
"""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.lexical import tokenize

from .numbers import numbers_in, without_bound
from .phrasings import ALIAS
from .passage import PART_LINE, Passage, announced, article, spread
from .question import ABOUT_THE_TEXT, ASKING, key_terms, pos_tags

if TYPE_CHECKING:
    from .extractive import Scored

ON_TOPIC = 0.9  # e5 cosine of the best sentence above which a question is about the documents


_LEVEL = re.compile(r"(国家级?|省级?|市级?|县级?)([\u4e00-\u9fff]{3,12})")
_LEVEL_BEFORE = re.compile(r"(国家|国家级|省|省级|全省|市|市级|全市|县|县级|全县)$")


def other_level(question: str, sentence: str) -> bool:
    """"省级高新技术企业给多少奖励" against "对初次认定为国家高新技术企业的，给予20万元奖励": the sentence
    speaks of the same thing at another level of government, and nowhere of the level asked."""
    for match in _LEVEL.finditer(question):
        level, rest = match.group(1).rstrip("级"), match.group(2)
        level = "省" if question[:match.start()].endswith("直辖") else level
        head = next((rest[:n] for n in range(len(rest), 2, -1) if rest[:n] in sentence), None)
        if head is None:
            continue
        levels = set()
        for at in [m.start() for m in re.finditer(re.escape(head), sentence)]:
            if sentence[:at].endswith("直辖市"):  # "省、自治区、直辖市药品监督管理部门" is the 省级 one
                levels.add("省")
                continue
            before = _LEVEL_BEFORE.search(sentence[max(0, at - 3):at])
            # "国家级和省级企业技术中心": each level of a pair counts
            pair = _LEVEL_BEFORE.search(sentence[max(0, at - 7):at - (len(before.group(0)) + 1 if before else 0)])
            levels |= {x.group(0).lstrip("全").rstrip("级") for x in (before, pair) if x}
        if levels and level not in levels:
            return True
    return False


# "（不含采矿、矿产品初加工…项目）", "不包括再保险公司": what a rule leaves out ("除下列机构外，其他机构
# 不得…" is no such thing: it lists who may).
_EXCLUSION = re.compile(r"[（(](?:不含|不包括|不包含)[^）)]*[）)]|(?:不含|不包括|不包含)[^，,。；;]*")
_ASKS_EXCLUSION = re.compile(r"不含|不包括|不包含|除|排除|不算|不适用|例外")


def excluded(question: str, sentence: str) -> bool:
    """"采矿类项目的奖励比例" against "工业类项目（不含采矿、…）…5%—20%": the evidence names what the
    question asks about only to leave it out, so its figures are not that thing's."""
    if _ASKS_EXCLUSION.search(question):
        return False
    spans = [m.span() for m in _EXCLUSION.finditer(sentence)]
    if not spans:
        return False
    outside = "".join(sentence[a:b] for a, b in zip([0] + [e for _, e in spans], [s for s, _ in spans] + [len(sentence)]))
    words = {w for w, f in pos_tags(question) if f[0] in "nvlj" and len(w) >= 2 and not ASKING.search(w)
             and w not in ABOUT_THE_TEXT}  # jieba tags 采矿 a verb
    return any(w in sentence and w not in outside for w in words)


def mostly_unknown(question: str, ranked: list[Scored], document_text) -> bool:
    """Most of the words the question is made of occur nowhere in the documents it was matched with,
    not even in part ("今天北京天气怎么样", "比特币的发明者"): it is about something they do not cover."""
    docs = {s.chunk.metadata["doc"] for s in ranked}
    text = "".join(document_text(d) or "" for d in docs)
    tagged = pos_tags(question)
    # The noun right after the question word names the kind of answer ("哪个公司"), not the topic.
    kind_nouns = {tagged[i + 1][0] for i in range(len(tagged) - 1) if ASKING.search(tagged[i][0])}
    # Nouns and times carry the topic; verbs are paraphrased too freely to tell.
    words = [w for w, f in tagged if len(w) >= 2 and f[0] in "nt" and not ASKING.search(w)
             and w not in kind_nouns and w not in ABOUT_THE_TEXT]
    # "交强险" is how people say 机动车交通事故责任强制保险条例: a word spelled by the title's characters, in order
    titles = [(document_text(d) or "").lstrip().split("\n", 1)[0] for d in docs]
    unknown = [w for w in words if not occurs(w, text)
               and not (len(w) >= 3 and any(re.search(".*?".join(map(re.escape, w)), t) for t in titles))]
    # A citizen's own words (家里人, 车祸) are unknown too: one unknown word proves nothing, and a
    # sentence this close in meaning says the question is on the documents' topic after all.
    return len(unknown) >= 2 and len(unknown) > 0.5 * len(words) and ranked[0].dense < ON_TOPIC


def occurs(word: str, text: str) -> bool:
    """In part or abbreviated: a pair of its characters, or all of them in order within a short
    stretch ("自贸港" in "自由贸易港")."""
    return any(word[i:i + 2] in text for i in range(len(word) - 1)) or spread(word, text)


def keys_present(question: str, best: Scored, ranked: list[Scored], document_text=None) -> bool:
    """Names and numbers of the question must occur where the evidence is: its section of the document."""
    # A follow-up read as "镇街：那报到区民政部门以后…" carries the conversation's names before the
    # colon for retrieval; only the question's own names must be there.
    keys = key_terms(question.rsplit("：", 1)[-1])
    text = (document_text(best.chunk.metadata["doc"]) or "") if document_text else ""
    # jieba reads 库里 ("in the store") as the name Curry and files 张贴 and 许可证 as names: what it tags
    # a person's name is more often such a misreading than a person (a real one the documents never
    # mention leaves the question's words mostly unknown, which refuses it anyway).
    tags = pos_tags(question)
    names = {w for w, f in tags if f in ("nr", "nrt")}
    keys = [k for k in keys if k not in names]
    # What it tags an organisation is mostly a citizen's word for a kind of office (卫生室, 公安局) that
    # the text names formally (村医疗卫生机构, 公安机关): a part of it will do.
    offices = {w for w, f in tags if f.startswith("nt")}
    top = best.chunk.metadata.get("section", "").split(" > ")[0]
    # The title holds for every section: a 上海 document says 本市 in its body; so does the short name its
    # opening gives itself ("就推进人才集聚工程（简称“633”人才工程）").
    opening = text.split("\n", 3)
    context = opening[0] + "".join(ALIAS.findall("".join(opening[1:3]))) + "".join(
        s.chunk.metadata.get("section", "") + s.chunk.page_content for s in ranked
        if s.chunk.metadata["doc"] == best.chunk.metadata["doc"]
        and s.chunk.metadata.get("section", "").split(" > ")[0] == top
    )
    # "北京市" in a question is "北京" in a heading: an administrative suffix does not change the place.
    # jieba also tags phrases such as 加大力度 as names: those may be written apart ("加大支持力度").
    # An everyday name (KTV) says what the document is about when it names the thing anywhere
    # (歌舞娱乐场所 in its licensing chapter, the question's sentence in its penalties chapter).
    return all(key.rstrip("市省区县") in context or spread(_spelled_out(key), context)
               or any(form in context for form in _in_words(key, question))
               or (key in offices and occurs(key, context))
               or (_spelled_out(key) != key and spread(_spelled_out(key), text)) for key in keys)


# Short forms too far from their full spelling for `spread` ("人大常委会": 人民代表大会常务委员会)
# and everyday names of what statutes name formally (KTV: 歌舞娱乐场所)
_SHORT_FORMS = (("人大", "人民代表大会"), ("常委会", "常务委员会"), ("政协", "政治协商会议"), ("中国", "中华人民共和国"),
                ("app", "应用程序"), ("ktv", "歌舞娱乐"), ("卡拉ok", "歌舞娱乐"), ("镇街", "街道"))  # 镇（街道）


def _in_words(key: str, question: str) -> list[str]:
    """"24小时" as a text that writes "二十四小时" spells it, with the unit the question gives the figure
    (a key that is no figure, or has no unit: itself); a citizen's "30天" is a statute's "三十日"."""
    unit = re.search(rf"(?<!\d){key}([\u4e00-\u9fff])", question) if key.isdigit() and len(key) <= 3 else None
    if not unit:
        return [key]
    from cn2an import an2cn  # only when a question states a figure

    return [an2cn(key) + u for u in ({"天": "天日"}.get(unit.group(1)) or unit.group(1))]


def _spelled_out(word: str) -> str:
    for short, full in _SHORT_FORMS:  # APP, App or app
        word = re.sub(re.escape(short), full, word, flags=re.IGNORECASE)
    return word


def another_item(question: str, answer: str, passage: Passage, text: str | None, lead: str = "") -> bool:
    """"成品粮油的保管费是多少" against "原粮保管费每年100元／吨，食用植物油保管费每年300元／吨": the
    paragraph gives one value per item, and the item the question names, which the document knows
    from elsewhere, is not among them. An enumerated item's subject is named in its lead line
    ("出租汽车驾驶员应当具备下列条件：")."""
    unit = re.sub(r"^[\d.,]+|^[一二三四五六七八九十百千万两零〇]+", "", without_bound(answer))[:1]
    if not unit or sum(unit in m for m in numbers_in(passage.paragraph)) < 2:
        return False
    # The item is the question's first common noun ("成品粮油储备的保管费…", "油料的…"); names and
    # places are checked as key terms, and a noun that says where ("在小区里扔垃圾") is no item. A noun
    # whose grade the paragraph names is the asker's word for one of its items ("一级医院" for
    # "一级定点医疗机构为280元"); one a preposition follows does something ("商场给商户提供的标价模板").
    tags = (("", ""),) + pos_tags(question) + (("", ""),)
    first = next(((before, w) for before, (w, f), after in zip(tags, tags[1:], tags[2:]) if f.startswith("n")
                  and after[1] not in ("f", "p") and not f.startswith(("nr", "ns", "nt", "nz")) and len(w) >= 2
                  and w not in ABOUT_THE_TEXT), None)
    if not first or (first[0][1] in ("m", "b") and len(first[0][0]) >= 2 and first[0][0] in passage.paragraph):
        return False
    # (jieba cuts "公租房" into 公 + 租房: the abbreviation whole, which spreads over "公共租赁住房")
    nouns = [first[0][0] + first[1] if len(first[0][0]) == 1 and first[0][1] == "n" else first[1]]
    text = text or ""
    missing = [w for w in nouns if w not in passage.paragraph + lead and not spread(w, passage.paragraph) and w in text]
    if not missing or all(w in announced(passage.paragraph, text) for w in missing):  # the cases it goes on to list
        return False
    # only then the paragraphs it refers to, which mean searching the whole document
    referred = _previous_paragraph(passage.paragraph, text) + _cited_articles(passage.paragraph, text)
    return any(w not in referred for w in missing)


_EARLIER_PARAGRAPH = re.compile(r"前[两三四]?[款项]|(?<!条)第[一二三四五六七八九]款")
_CITED = re.compile(r"第([一二三四五六七八九十百零〇\d]+)条")


def _cited_articles(paragraph: str, text: str) -> str:
    """"违反本法第十四条、第二十五条第一款规定的，…处五十万元以下罚款" names its case by the articles it
    cites: their lines say what it is about."""
    cited = []
    for number in dict.fromkeys(m.group(1) for m in _CITED.finditer(paragraph)):
        # the article whole: its lines up to the next article or chapter
        block = article(number, text)
        if block and paragraph not in block:
            cited.append(block[:600])
    return "".join(cited)


def _previous_paragraph(paragraph: str, text: str) -> str:
    """"前款行为尚不构成犯罪的，…处十万元以下罚款" names its case in the paragraph before it; any later
    paragraph of an article speaks of what its earlier ones set up ("…由所在单位按月支付。" / "停工留薪期一般
    不超过12个月。")."""
    at = text.find(paragraph)
    if at <= 0:
        return ""
    lines = text[:at].rstrip("\n").rsplit("\n", 8)
    before = lines[1:] if len(lines) > 8 else lines  # (the first part of a full split holds all the rest)
    cited = _EARLIER_PARAGRAPH.search(paragraph)
    if cited and cited.group(0).startswith("前"):
        return before[-1]
    # the article's lines so far: from its "第…条" line on (none when the paragraph opens the article)
    first = max((i for i, line in enumerate(before) if PART_LINE.match(line)), default=None)
    if first is None or PART_LINE.match(paragraph):
        return "\n".join(before) if cited else ""
    return "\n".join(before[first:])


_FINE = re.compile(r"罚款|罚金")
_FEE_NAMED = re.compile(r"[\u4e00-\u9fff]费")
_SANCTION_ASKED = re.compile(r"罚|处分|处理|后果|责任|违反|违规|代价|惩|制裁|追究|交多少|缴多少")


def only_a_fine(question: str, answer: str, text: str) -> bool:
    """"举报违法行为能拿到多少奖金" against "…可以并处15000元以下的罚款": wherever the document states the
    value it is a fine, and a fine answers only a question about sanctions."""
    # "不挂标志要交多少钱" pays for a violation; "鉴定费一般要交多少钱" pays a fee
    fee = _FEE_NAMED.search(question)
    if any(not (fee and m.group(0) in ("交多少", "缴多少")) for m in _SANCTION_ASKED.finditer(question)):
        return False
    stated = [m.start() for m in re.finditer(re.escape(answer), text)]
    return bool(stated) and all(_FINE.search(text[max(0, at - 4):at] + text[at + len(answer):at + len(answer) + 4])
                                for at in stated)


# The bound asked for, next to what asks it: 最低 in 最低生活保障标准 names a thing.
_BOUND_ASKS = r"(?=[能可要会得需不是为到]|[\u4e00-\u9fff]{0,3}?(?:多少|几))"
_UPPER_ASKED = re.compile(r"(?:最多|最高|上限|封顶|至多|最长)" + _BOUND_ASKS)
_LOWER_ASKED = re.compile(r"(?:最少|最低|下限|至少|起码|最短)" + _BOUND_ASKS)
_LOWER_SAID = re.compile(r"不得低于|不低于|不得少于|不少于|至少|以上")
_UPPER_SAID = re.compile(r"不得超过|不超过|不得高于|不高于|以下|以内|最高|最多|上限")


def opposite_bound(question: str, answer: str, sentence: str) -> bool:
    """"最多能交工资的百分之几" against "缴存比例均不得低于…的5%": the text bounds the value from the other side,
    and says nothing of the bound asked for."""
    at = sentence.find(answer)
    if at < 0:
        return False
    clause = re.split(r"[，,；;。]", sentence[:at])[-1] + answer + re.split(r"[，,；;。]", sentence[at + len(answer):])[0]
    if _UPPER_ASKED.search(question) and not _LOWER_ASKED.search(question):
        return _LOWER_SAID.search(clause) is not None and _UPPER_SAID.search(clause) is None
    if _LOWER_ASKED.search(question) and not _UPPER_ASKED.search(question):
        return _UPPER_SAID.search(clause) is not None and _LOWER_SAID.search(clause) is None
    return False


# "应当在几个工作日内决定是否立案": a time limit asked for an act, which the question names after it
_LIMIT_ASKED = re.compile(r"(?:几|多少)个?(?:工作日|日|天|个月|月|年|小时)(?:之内|以内|内)|多长时间内|多久内")
_MODAL_WORDS = frozenset({"应当", "应该", "需要", "必须", "可以", "完成", "进行", "作出", "做出"})


def other_act(question: str, answer: str, sentence: str) -> bool:
    """"企业需要在几个工作日内提交整改报告" against "应当于检查结果信息形成后20个工作日内向社会公开": the text's
    limit is for another act than the one the question names after its time."""
    asked = _LIMIT_ASKED.search(question)
    if not asked or answer not in sentence:
        return False
    # not a character in common with the sentence: the act is worded freely ("补回库里" for "完成等量补库", and
    # it may come before the limit: "应尽快发放救助金额，原则上不得超过30天"), not that freely
    act = {c for t in tokenize(question[asked.end():]) if len(t) > 1 and t not in _MODAL_WORDS for c in t}
    return bool(act) and not act & set(sentence)


def swapped(question: str, sentence: str, text: str) -> bool:
    """"驾驶电动自行车，不戴安全头盔的，一次记几分" against "驾驶摩托车，不戴安全头盔的。": the evidence
    says the question's words around a thing the documents never name, with another thing in its place
    (not the same thing shortened: 福利彩票 and 福彩)."""
    at, runs = 0, []
    for word, flag in pos_tags(question):
        if flag[0] == "n" and not ASKING.search(word) and runs and runs[-1][1] == at:
            runs[-1] = (runs[-1][0], at + len(word))
        elif flag[0] == "n" and not ASKING.search(word):
            runs.append((at, at + len(word)))
        at += len(word)
    for start, end in runs:
        noun = question[start:end]
        if len(noun) < 2 or noun in text or spread(noun, text):
            continue
        left, right = question[max(0, start - 2):start], question[end:end + 3]
        if len(left) < 2 or len(right) < 2:
            continue
        for m in re.finditer(re.escape(left), sentence):
            gap = sentence.find(right, m.end(), m.end() + 8 + len(right))
            filler = sentence[m.end():gap] if gap > m.end() else ""
            if re.search(r"[，,；;。、：:]", filler):  # "收取停车费，不足一个…": the words meet across clauses
                continue
            shared = len(set(filler) & set(noun))  # 规划 inside 养老服务设施规划 is the same thing, said shorter
            if len(filler) >= 2 and shared < 0.5 * len(set(noun)) and shared < 0.5 * len(set(filler)):
                return True
    return False
