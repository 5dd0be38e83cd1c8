"""Answers that name something: who, where, which organisation, what kind of thing.

Tried in order of certainty: a name asked for by name, the agent of the question's verb, a place,
the words the question's noun takes in the text ("什么模式" → "“赛马”模式"), the cloze reading,
and last the stretch of the sentence the question does not already say.
"""
from __future__ import annotations

import math
import re
from itertools import takewhile

from index.lexical import STOPWORDS

from . import phrasings
from .cloze import cloze
from .passage import Passage
from .question import FUNCTION_TAGS, pos_tags
from .spans import EDGE_CHARS, best_clause

_WHICH = re.compile(r"(?:什么|哪个|哪种|哪类|哪家|哪一|哪款|哪项|哪位)")
_NAME_ASKED = re.compile(r"名字|名称|叫什么|全称|哪[份部个]?[\u4e00-\u9fff]{0,2}?(?:文件|预案|规划|方案|条例|办法|法规|法律|意见|通知)")


def entity(question: str, p: Passage) -> str | None:
    if _NAME_ASKED.search(question):
        return _name(question, p.text)
    return _gap(question, p)


def entity_strict(question: str, p: Passage) -> str | None:
    """Only the answers that are near certain: a name asked for, or the words the question's noun takes."""
    if _NAME_ASKED.search(question):
        return _name(question, p.text)
    if _LEVEL_ASKED.search(question):  # "哪一级市场监管部门可以建立…" → "省级市场监督管理部门"
        level = _LEVEL.search(p.text)
        if level:  # "首先动用县级储备粮": the level with the thing it qualifies
            rest = p.text[level.end():] if level.group(0).endswith(("级", "以上")) else ""
            return level.group(0) + "".join(w for w, _ in takewhile(lambda t: t[1].startswith("n"), pos_tags(rest)))
    if "谁" in question or "哪位" in question:
        # "谁应当为保险销售人员办理执业登记" against "保险公司、保险中介机构应当为其…办理执业登记": whoever
        # the sentence says does it, named or not, when the question's own words bracket it.
        return _who(question, p.text) or ("谁" in question and cloze(question, p.text) or None)
    if _SOURCE_ASKED.search(question):  # "钱从哪里出" → "从评估后的净资产中预留或从…中优先支付"
        return phrasings.source(p.text)
    if _WHERE.search(question) or _PLACE_KIND.search(question):
        # "差价要交到哪里" is answered by a body (上缴市财政局), "在哪里建设" by a place.
        # "要在哪里披露" against "应当在官方线上平台披露": where the text says the act is done
        return _where(question, p.text) or (phrasings.destination(p.text) if _HANDED_TO.search(question) else None) \
            or (cloze(question, p.text) if _AT_WHERE.search(question) else None)
    if _ORG_KIND.search(question):  # "哪个部门负责…": the organisation doing it, named or not
        # "…要去找哪个部门" against "应当向同级公安机关申请…": the body one turns to
        return _who(question, p.text, anchored=True) or \
            (phrasings.destination(p.text) if _TURNED_TO.search(question) else None) or cloze(question, p.text)
    if _NAMED_KIND.search(question):  # jieba knows few company names: "万向区块链" is found by its place
        # "哪家银行" against "在…指定的银行开设": the words the asked kind takes come before any name elsewhere
        return _modifier(question, p.text) or _named(question, p.text) or _nouns_only(cloze(question, p.text))
    return _modifier(question, p.text) or cloze(question, p.text)


_LEVEL_ASKED = re.compile(r"哪一?级|哪个级别|什么级别")
_LEVEL = re.compile(r"(?:(?:设区的)?(?:国家|省|市|县|乡|区)|[省市区县乡镇]{2,4}[两二三四])级(?:以上)?(?:地方)?(?:[\u4e00-\u9fff]{0,12}?(?:人民政府|部门|机关|机构|政府))?")


# "由哪个部门负责", "哪些单位牵头", "谁来落实": the bodies an action plan names for an item.
_AGENT = re.compile(r"由([\u4e00-\u9fff（）()]{2,20}?)(?=会同|负责|组织|统一|牵头|审批|批准|确定|认定|制定|发布|实施|办理|承担)")
_BODY_BEFORE = re.compile(r"(?:各|[省市区县])[\u4e00-\u9fff]{1,12}?(?:管理委|委员会|管委会|办公厅|政府|局|委|办)$")
_DUTY_ASKED = re.compile(r"(?:谁|哪[个些家一]*[\u4e00-\u9fff]{0,4}?(?:部门|单位|机构|机关))[^？?]*?(?:负责|牵头|承担|落实|主抓)|"
                         r"(?:负责|牵头|责任)(?:部门|单位)")
# "（责任单位：市水务局、…）" and "［市民政局、市财政局按职责分工负责，各区（市）县政府负责］"
_DUTY_NOTE = re.compile(r"[（(](?:责任|牵头|主责|负责)(?:单位|部门)[:：]([^）)]+)[）)]|"
                        r"［([^］，,]+?)(?:按职责分工)?负责[，,］]")
_BODY_KIND = re.compile(r"哪[个些家一]*([\u4e00-\u9fff]{2,4}?)(?:部门|单位|机构|机关)")


def duty_asked(question: str) -> bool:
    """Who is in charge is asked (in the last clause: a merged follow-up asks there)."""
    return bool(_DUTY_ASKED.search(re.split(r"[，,；;]", question)[-1]))


def responsible(question: str, p: Passage) -> str | None:
    """Action plans close each item with "（责任单位：市水务局、市绿化市容局）": for who is in charge of
    an item, those are the answer, whatever the item's sentences say."""
    if not duty_asked(question):
        return None
    match = _DUTY_NOTE.search(p.paragraph, p.offset)
    # The sentence itself may name who does it ("市住建委牵头负责统筹…"): that comes first.
    found = _who(question, p.text, anchored=True)
    if found or not match:
        return found
    bodies = (match.group(1) or match.group(2)).strip()
    # "哪个税务部门负责": the listed body of that kind
    kind = _BODY_KIND.search(question)
    named = [b for b in bodies.split("、") if kind and kind.group(1) in b]
    return named[0] if len(named) == 1 else bodies


def _who(question: str, text: str, anchored: bool = False) -> str | None:
    """The person or organisation doing what the question asks about: the name nearest before the
    question's verb in the text ("中共中央、国务院印发的…" for "由谁印发"), people before organisations
    when the verb is not there (unless `anchored`). An organisation keeps the nouns after it
    ("北京市人民政府" + "办公厅")."""
    tags = list(pos_tags(text))
    merged = []
    for word, flag in tags:
        if merged and merged[-1][1].startswith("nt") and flag == "n" and word not in question and len(word) <= 3:
            merged[-1] = (merged[-1][0] + word, merged[-1][1])
        elif merged and merged[-1][0] in ("省", "市", "区", "县", "州") and flag.startswith("nt"):
            merged[-1] = (merged[-1][0] + word, flag)  # jieba splits "市财政局" into 市 + 财政局
        elif merged and len(merged[-1][0]) > 1 and merged[-1][0][-1] in "省市区县州" and flag.startswith("nt"):
            # and "报市人民政府" into 报市 + 人民政府: the 市 belongs to the name
            head, admin = merged[-1][0][:-1], merged[-1][0][-1]
            merged[-1] = (head, merged[-1][1])
            merged.append((admin + word, flag))
        else:
            merged.append((word, flag))
    wanted = ("nr",) if "哪位" in question else ("nr", "nt")
    names, pos, last = [], 0, -2  # (name, end position in text)
    for i, (word, flag) in enumerate(merged):
        if flag.startswith(wanted) and word not in question and len(word) > 1:
            if names and i == last + 2 and merged[i - 1][0] in "、和与及":
                names[-1] = (names[-1][0] + merged[i - 1][0] + word, pos + len(word), names[-1][2])
            else:
                names.append((word, pos + len(word), flag))
            last = i
        pos += len(word)
    verb = _verb_after_who(question)
    at = text.find(verb) if verb else -1
    before = [n for n in names if 0 <= at - n[1] <= 15]
    if before:
        # "国务院" + "建设行政主管部门" 负责…: a body's name runs on to the verb when what follows is a body.
        tail = text[before[-1][1]:at]
        found = before[-1][0] + (tail if _BODY_TAIL.fullmatch(tail) else "")
        # "由国务院财政部门商国务院建设行政主管部门制定", "A会同B制定": the body that leads comes first, both answer.
        start = before[-1][1] - len(before[-1][0])
        lead = next((n for n in names if n[1] < start and
                     re.fullmatch(rf"(?:{_BODY_TAIL.pattern})?(?:会同|商)", text[n[1]:start])), None)
        return text[lead[1] - len(lead[0]):start] + found if lead else found
    # "由谁分摊" against "由全省工商业用户分摊或分享": 由 + the doer + the question's own verb, whatever
    # the doer is (users, a role, a body jieba does not know).
    doer = re.search(rf"由([^，。；：、由]{{2,20}}?){re.escape(verb)}", text) if verb else None
    if doer and doer.group(1) not in question:
        # "由公安机关依法予以处罚": how the doer acts is not who it is
        return re.sub(r"(?:依法|予以|给予|负责|统一)+$", "", doer.group(1)) or doer.group(1)
    # "由地方各级宣传部门会同…确定": 由 names the doer.
    for agent in _AGENT.finditer(text):
        if agent.group(1) not in question:
            return agent.group(1)
    # jieba knows few abbreviated bodies ("市住房城乡建设管理委牵头…"): one right before the verb.
    window = max(0, at - 16)
    body = _BODY_BEFORE.search(text[window:at]) if at > 0 else None
    if body:
        place = pos_tags(text[:window + body.start()])[-1:]  # "深圳" + "市工业和信息化局"
        return "".join(w for w, f in place if f == "ns") + body.group(0)
    # "征信中心根据查询人的申请，提供查询证明": an article opens with who acts, the verb further on
    subject = _ACTOR_FIRST.match(text)
    if subject and at > subject.end() and subject.group(1) not in question:
        return subject.group(1)
    if anchored:
        return None
    for kind in wanted:
        for name, _, flag in names:
            if flag.startswith(kind):
                return name
    return None


_BODY_TAIL = re.compile(r"[\u4e00-\u9fff]{1,12}?(?:主管部门|部门|机关|机构|委员会|管理局|局|厅|办公室|中心)")
# "省、自治区、直辖市人民政府卫生行政主管部门应当…": the bodies an article opens with may be listed
_ACTOR_FIRST = re.compile(r"^\s*(?:第[一二三四五六七八九十百零〇\d]+条\s*)?([\u4e00-\u9fff、]{1,24}?"
                          r"(?:主管部门|部门|机关|机构|委员会|管理局|局|厅|办公室|中心))")


def _verb_after_who(question: str) -> str | None:
    match = re.search(r"(?:谁|哪位)(.*)$", question) or re.search(_ORG_KIND.pattern + r"(.*)$", question)
    tags = pos_tags(match.group(1)) if match else ()
    words = [w for w, f in tags if len(w) > 1]
    if not words:  # "谁来交": the one character after 来/去 is the verb ("由建设单位交纳")
        words = [w for w, f in tags if f != "x" and w not in "来去要会能得的呢吗"]
    return words[0] if words else None


def name_required(question: str) -> bool:
    """Questions for a name or a person have no answer but a name: a sentence will not do."""
    return bool(_NAME_ASKED.search(question) or "谁" in question or "哪位" in question or _WHERE.search(question)
                or _NAMED_KIND.search(question))


# Kinds of things known by a proper name: "哪家企业" is answered by 特斯拉, never by a description.
_NAMED_KIND = re.compile(r"哪款|哪(?:个|家|一家|一个)?(?:企业|公司|机构|项目|平台|组织|银行|产品|品牌|厂商|网站|车企|团队)")
_PROPER = ("nr", "nt", "nz", "eng")
_ORG_KIND = re.compile(r"(?:哪(?:个|家|一个|些)?|什么)(?:部门|单位|机关|机构|部委)")


def _named(question: str, text: str) -> str | None:
    """The first proper name in the text that the question does not already hold ("以太" + "坊" kept whole)."""
    kind = _NAMED_KIND.search(question)
    suffix = kind.group(0)[-1] if kind else ""  # "哪家银行": a name ending in 行 is one (农发行, 农业发展银行)
    tags = (("", "x"),) + pos_tags(text) + (("", "x"),)
    for first in range(1, len(tags) - 1):
        word, flag = tags[first]
        if not flag.startswith(_PROPER) or word in question or len(word) < 2:
            continue
        last = first
        while tags[last + 1][1] == "ng" or (tags[last + 1][1] == "n" and len(tags[last + 1][0]) == 1):
            last += 1
        # jieba tags modifiers such as 高水平 or 公共安全 as names; a name is no noun's modifier or compound part.
        after, before = tags[last + 1], tags[first - 1]
        name = "".join(w for w, _ in tags[first:last + 1])
        if suffix and name.endswith(suffix) or \
                not after[1].startswith(("n", "vn")) and after[0] not in "“\"" and not before[1].startswith("n"):
            return name
    return None


def _nouns_only(answer: str | None) -> str | None:
    """A name is made of nouns: "它重构了汽车" is a statement, not the name of a car model."""
    if answer and all(f.startswith(("n", "eng", "j")) or f == "x" for _, f in pos_tags(answer)):
        return answer
    return None


_REFERS_BACK = re.compile(r"^(?:它|他|她|其|该|这)")


def antecedent(p: Passage) -> Passage | None:
    """"它完全是一种创新" names its subject in the sentence before: that sentence, for a name."""
    if not _REFERS_BACK.match(p.text) or p.offset == 0:
        return None
    before = [x for x in re.split(r"(?<=[。！？!?；;])", p.paragraph[:p.offset]) if x.strip()]
    if not before:
        return None
    text = before[-1]
    return Passage(text, p.paragraph, p.offset - len(text), [])


_TURNED_TO = re.compile(r"[找向去]哪(?:个|些|一个)?(?:部门|单位|机关|机构)")
_HANDED_TO = re.compile(r"(?:交|报|送|缴|递|备案)[到给至往]?哪(?:里|儿)|[给向找]哪(?:里|儿)")

_PLACE_KIND = re.compile(r"哪(?:个|些|一个)?(?:城市|省份|省|地区|地方|国家)")
_SOURCE_ASKED = re.compile(r"从哪(?:里|儿)")
# "钱从哪里出" asks for a source, which is said in a clause, not by a place name.
_WHERE = re.compile(r"(?<!从)(?:哪里|哪儿)|在哪(?![个种类方些一几两项家])|什么地方")


_AT_WHERE = re.compile(r"在哪(?:里|儿)?[\u4e00-\u9fff]")


def _where(question: str, text: str) -> str | None:
    """A place the question does not already name."""
    places = [w for w, f in pos_tags(text)
              if f.startswith("ns") and w not in question and w.rstrip("省市区县") not in question]
    return places[0] if places else None


def _name(question: str, text: str) -> str | None:
    """A name is a quoted title or an organisation the question does not already contain."""
    for match in re.finditer(r"《[^》]+》|“[^”]+”", text):
        if match.group(0) not in question:
            return match.group(0)
    named = [w for w, f in pos_tags(text) if f in ("nt", "nz") and w not in question]
    return named[0] if named else None


def _modifier(question: str, text: str) -> str | None:
    """"什么模式" → the words before 模式 in the text ("“赛马”模式"): what the question leaves open."""
    match = _WHICH.search(question)
    if not match:
        return None
    nouns = []
    for word, flag in pos_tags(question[match.end():]):
        if not (flag.startswith("n") or flag == "vn"):
            break
        nouns.append(word)
    if len(nouns) == 1 and len(nouns[0]) == 1:  # "哪个湖": the name ending in 湖 ("青西" + "淀山湖")
        tags = pos_tags(text)
        for i, (word, flag) in enumerate(tags):
            if len(word) > 1 and word.endswith(nouns[0]) and word not in question and flag.startswith("n"):
                start = i
                while start > 0 and tags[start - 1][1].startswith(("ns", "nr", "nz")) and tags[start - 1][0] not in question:
                    start -= 1
                return "".join(w for w, _ in tags[start:i + 1])
    for i in range(len(nouns)):
        noun = "".join(nouns[i:])
        pos = text.find(noun)
        if len(noun) < 2 or pos <= 0:
            continue
        prefix = text[:pos]
        if prefix.endswith("”") and "“" in prefix:
            return prefix[prefix.rindex("“"):] + noun
        tags = list(pos_tags(prefix))
        # "国务院旅游行政主管部门指定的银行": the clause a 的 right before the noun closes comes with it
        de = "的" if tags and tags[-1][0] == "的" else ""
        words = []
        for word, flag in reversed(tags[:-1] if de else tags):
            if flag.startswith(FUNCTION_TAGS) or word in question or word in STOPWORDS:
                break
            words.insert(0, word)
        if words and len("".join(words)) <= 20:
            return "".join(words) + de + noun
    return None


def _gap(question: str, p: Passage) -> str | None:
    """The stretch of the sentence the question does not already say, next to what it does say."""
    tags = pos_tags(p.text)
    covered = [w in question or w in EDGE_CHARS for w, _ in tags]
    focus_clause = best_clause(question, p.text)
    runs, current, pos = [], [], 0
    for i, (word, flag) in enumerate(tags):
        if covered[i] or flag == "x" or word in STOPWORDS or flag == "r":
            if current:
                runs.append(current)
            current = []
        else:
            current.append((i, pos))
        pos += len(word)
    if current:
        runs.append(current)
    runs = [r for r in runs if any(tags[i][1].startswith(("n", "eng", "j")) for i, _ in r)]
    if not runs:
        return None

    def value(run) -> float:
        nouns = sum(len(tags[i][0]) for i, _ in run if tags[i][1].startswith(("n", "eng", "j")))
        first, last = run[0][0], run[-1][0]
        near = any(covered[j] and tags[j][0] not in EDGE_CHARS for j in (first - 1, last + 1) if 0 <= j < len(tags))
        inside = focus_clause[0] <= run[0][1] < focus_clause[1]
        return 4 * inside + 2 * near + min(nouns, 6) - 0.1 * math.log1p(sum(len(tags[i][0]) for i, _ in run))

    run = max(runs, key=value)
    start = run[0][0]
    # Keep what names the same thing to the left: a place or organisation ("北京市" + "人民政府办公厅"),
    # or nouns joined by 和 ("深圳市工业和信息化局").
    while start > 0:
        word, flag = tags[start - 1]
        if flag.startswith(("ns", "nt", "nr")) or (flag.startswith("n") and not covered[start - 1]):
            start -= 1
        elif word in "和与" and start > 1 and tags[start - 2][1].startswith("n"):
            start -= 2
        else:
            break
    answer = "".join(w for w, _ in tags[start:run[-1][0] + 1]).strip(EDGE_CHARS)
    return answer if 1 < len(answer) <= 30 else None
