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

from . import places
from .cloze import cloze
from .doers import ORG_KIND, by_which, made_by, who
from .names import NOMINAL, body_only, whole_name
from .passage import Passage, best_clause
from .question import FUNCTION_TAGS, pos_tags
from .spans import EDGE_CHARS

_WHICH = re.compile(r"(?:什么|哪个|哪种|哪类|哪家|哪一|哪款|哪项|哪位)")
_NAME_ASKED = re.compile(r"名字|名称|叫什么|全称|哪[份部个]?[\u4e00-\u9fff]{0,2}?(?:文件|预案|规划|方案|条例|办法|法规|法律|意见|通知|规章)|"
                         r"(?:文件|条例|法规|法律)是哪一?[份部个]")


def _name_asked(question: str) -> bool:
    """"市场主体名称由谁…申报" asks who: the name is its subject."""
    return bool(_NAME_ASKED.search(question)) and "谁" not in question


def entity(question: str, p: Passage) -> str | None:
    if _name_asked(question):
        return _name(question, p.text)
    return _gap(question, p)


def entity_strict(question: str, p: Passage) -> str | None:
    """Only the answers that are near certain: a name asked for, or the words the question's noun takes."""
    by = by_which(question, p.text) or made_by(question, p.text) or subject_of_is(question, p.text) or \
        places.put_into(question, p.text) or first_of(question, p.text)
    if by:
        return by
    if _name_asked(question):
        return _name(question, p.text)
    if _LEVEL_ASKED.search(question):  # "哪一级市场监管部门可以建立…" → "省级市场监督管理部门"
        # "国家医保局负责…，省级…负责…，地市级以下…要落实…": the level of the clause the question is about
        level = _LEVEL.search(p.text, best_clause(question, p.text)[0]) or _LEVEL.search(p.text)
        if level:  # "首先动用县级储备粮": the level with the thing it qualifies
            rest = p.text[level.end():] if level.group(0).endswith(("级", "以上")) else ""
            # "省、自治区、直辖市人民政府" + 公安机关: the government's body that acts
            body = _GOVERNMENT_BODY.match(p.text, level.end()) if level.group(0).endswith("人民政府") else None
            return level.group(0) + (body.group(0) if body else "") + \
                "".join(w for w, _ in takewhile(lambda t: t[1].startswith("n"), pos_tags(rest)))
    if "谁" in question or "哪位" in question:
        # "谁应当为保险销售人员办理执业登记" against "保险公司、保险中介机构应当为其…办理执业登记": whoever
        # the sentence says does it, named or not, when the question's own words bracket it.
        # "可以找谁申请复核" against "…向市积分办申请复核": the body one turns to
        return places.turned_to(question, p.text) or (_OBJECT_ASKED.search(question) and whom(question, p.text)) or who(question, p.text) or \
            ("谁" in question and cloze(question, p.text) or None)
    if places.asks_place(question):
        return places.place(question, p.text)
    if ORG_KIND.search(question):  # "哪个部门负责…": the organisation doing it, named or not
        # "…要去找哪个部门" against "应当向同级公安机关申请…": the body one turns to
        # (the body the text puts after 向 first: "按照国家有关规定向电信主管部门办理许可" has another name
        # nearer the verb)
        # "…可以减免使用费用。具体办法由市民防主管部门制定": the line's next sentence may name who does it
        rest = p.paragraph[p.offset + len(p.text):].strip()
        return places.turned_to(question, p.text) or who(question, p.text, anchored=True) or \
            body_only(cloze(question, p.text)) or (who(question, rest, anchored=True) if rest else None)
    if _NAMED_KIND.search(question):  # jieba knows few company names: "万向区块链" is found by its place
        # "哪家银行" against "在…指定的银行开设": the words the asked kind takes come before any name elsewhere
        return _modifier(question, p.text) or _named(question, p.text) or _nouns_only(cloze(question, p.text))
    return _modifier(question, p.text) or cloze(question, p.text)


_FIRST_ASKED = re.compile(r"先[\u4e00-\u9fff]{0,3}哪|哪[个种一]*[\u4e00-\u9fff]{0,4}?(?:先|优先)")
_FIRST_SAID = re.compile(r"(?:优先|(?<![首事预])先)([^，,。；;先]{4,24}?)(?=[，,。；;]|$)")


def first_of(question: str, text: str) -> str | None:
    """"提出来的公积金要先还哪个" against "提取住房公积金应当优先偿还住房公积金贷款", "先扣哪个账户的钱" against
    "先提取住房公积金账户余额，后提取…": what the text puts first, with its verb."""
    said = _FIRST_SAID.search(text) if _FIRST_ASKED.search(question) else None
    return said.group(0) if said else None


# "本市控制吸烟工作的主管部门是哪个部门" against "市和区卫生健康部门是控制吸烟工作的主管部门": the
# question's subject is what the text says its own subject is
_ASKED_AFTER_IS = re.compile(r"([\u4e00-\u9fff]{4,})是(?:哪|什么|谁)")
_IS = re.compile(r"(?:^|[，,。；;：:\s])([^，,。；;：:\s]{2,30}?)是([^，,。；;]{4,})")


def subject_of_is(question: str, text: str) -> str | None:
    asked = _ASKED_AFTER_IS.search(question)
    said = _plain(asked.group(1)) if asked else ""
    for found in _IS.finditer(text) if said else ():
        if _plain(found.group(2)).startswith(said):
            # "第六条市住房城乡建设局是…", "市住房保障办公室（以下称市住房保障部门）是…": the name itself
            return _NOT_NAME.sub("", found.group(1)) or found.group(1)
    return None


def _plain(words: str) -> str:
    # "全市公共租赁住房保障行政主管部门" says what "公共租赁住房保障的行政主管部门" asks, "本市住房公积金管理的
    # 决策机构" what "上海市住房公积金管理的决策机构" does
    return re.sub(r"^(?:本|我|全|[\u4e00-\u9fff]{2,3}?)[市省区县]", "", words).replace("的", "")


_NOT_NAME = re.compile(r"^第[一二三四五六七八九十百零〇\d]+条\s*|[（(](?:以下)?简?称[^）)]*[）)]$")


_OBJECT_ASKED = re.compile(r"[把对向给找叫让跟和与同]谁")
_LIGHT_VERBS = ("进行", "予以", "给予", "实施", "开展", "作出")  # "对…进行责任约谈": the act is the verb after them
_GENERIC_VERBS = frozenset(_LIGHT_VERBS + ("可以", "应当"))


def whom(question: str, text: str) -> str | None:
    """"可以把谁叫来约谈" against "可以对食品生产经营者的法定代表人或者主要负责人进行责任约谈": whom the
    text's 对 puts before the question's verb."""
    # the question's last words, shortened from the left until the text has them (叫来约谈 → 约谈)
    after = re.match(r"[\u4e00-\u9fff]*", question[question.find("谁") + 1:]).group(0)
    # "必须跟谁签保安合同" against "应当与保安服务企业签订保安服务合同": the party 与 names
    party = _WITH_WHOM.search(question)
    prep = "[与同和跟]" if party else "对"
    for verb in [after[i:] for i in range(len(after) - 1) if after[i:] not in _GENERIC_VERBS]:
        verb = re.escape(verb)
        found = re.search(rf"{prep}([^，,。；;对与]{{2,30}}?)(?:(?:{'|'.join(_LIGHT_VERBS)})[\u4e00-\u9fff]{{0,4}}?{verb}|{verb})", text)
        if found and party:  # the party's name, not the act that follows it (签订保安服务…)
            name = "".join(w for w, _ in takewhile(lambda t: t[1].startswith(NOMINAL), pos_tags(found.group(1))))
            return name if len(name) >= 2 else None
        if found:
            return found.group(1)
    return None


_WITH_WHOM = re.compile(r"[跟和与同]谁")


_LEVEL_ASKED = re.compile(r"哪一?级|哪个级别|什么级别")
# "地市级以上地方登记机关"; national statutes name the provincial level "省、自治区、直辖市…"
_LEVEL = re.compile(r"(?:(?:(?:设区的)?(?:国家|地市|省|市|县|乡|区)|[省市区县乡镇]{2,4}[两二三四])级(?:以上|以下)?(?:地方)?|省、自治区、直辖市|设区的市)"
                    r"(?:[\u4e00-\u9fff]{0,12}?(?:人民政府|部门|机关|机构|政府))?")


_GOVERNMENT_BODY = re.compile(r"[\u4e00-\u9fff]{0,8}?(?:主管部门|部门|机关)")


def name_required(question: str) -> bool:
    """Questions for a name or a person have no answer but a name: a sentence will not do."""
    return bool(_NAME_ASKED.search(question) or "谁" in question or "哪位" in question or places.where_asked(question)
                or _NAMED_KIND.search(question))


# Kinds of things known by a proper name: "哪家企业" is answered by 特斯拉, never by a description.
_NAMED_KIND = re.compile(r"哪款|哪(?:个|家|一家|一个)?(?:企业|公司|机构|项目|平台|组织|银行|产品|品牌|厂商|网站|车企|团队|医院|学校)")
_PROPER = ("nr", "nt", "nz", "eng")
_SUFFIXED = ("医院", "学校")


def _named(question: str, text: str) -> str | None:
    """The first proper name in the text that the question does not already hold ("以太" + "坊" kept whole)."""
    kind = _NAMED_KIND.search(question)
    suffix = kind.group(0)[-1] if kind else ""  # "哪家银行": a name ending in 行 is one (农发行, 农业发展银行)
    suffix = "校学" if suffix == "校" else suffix
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
        if suffix and name.endswith(tuple(suffix)) or \
                not after[1].startswith(("n", "vn")) and after[0] not in "“\"" and not before[1].startswith("n") \
                and not (kind and kind.group(0).endswith(_SUFFIXED)):  # a hospital's name ends in 院, a school's in 校 or 学
            return name
    return None


def _nouns_only(answer: str | None) -> str | None:
    """A name is made of nouns: "它重构了汽车" is a statement, not the name of a car model."""
    if answer and all(f.startswith(("n", "eng", "j")) or f == "x" for _, f in pos_tags(answer)):
        return answer
    return None


def _name(question: str, text: str) -> str | None:
    """A name is a quoted title or an organisation the question does not already contain. "哪部法律的哪一条"
    asks the article cited after the title too."""
    article = re.search(r"哪一?条|第几条", question) is not None
    for match in re.finditer(r"(《[^》]+》)(第[\d一二三四五六七八九十百零〇]+条)?|“[^”]+”", text):
        if match.group(0) not in question:
            return match.group(0) if article or not match.group(1) else match.group(1)
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
        # "哪个平台" against "…系统与全国排污许可证管理信息平台": nouns the question shares (信息) may still name it
        whole = whole_name(noun, text) if not de else noun
        if whole != noun and whole not in question:
            return whole
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
