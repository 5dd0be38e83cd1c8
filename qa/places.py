"""Where: the place an act is done, the place or body a thing is handed or turned to, where money comes
from ("在哪里披露", "差价要交到哪里", "去找哪个部门", "钱从哪里出")."""
from __future__ import annotations

import re

from . import phrasings
from .cloze import cloze
from .question import pos_tags

_TURNED_TO = re.compile(r"(?:[找向去]|(?:下放|移交|划转|转交)[到给至])哪(?:个|些|一个)?(?:部门|单位|机关|机构)|[找向]谁")
_HANDED_TO = re.compile(r"(?:交|报|送|缴|递|备案)[到给至往]?哪(?:里|儿)|[给向找]哪(?:里|儿)")

_PLACE_KIND = re.compile(r"哪(?:个|些|一个)?(?:城市|省份|省(?!级)|地区|地方|国家)")  # (哪个省级部门 asks a body)
_SOURCE_ASKED = re.compile(r"从哪(?:里|儿)")
# "钱从哪里出" asks for a source, which is said in a clause, not by a place name.
_WHERE = re.compile(r"(?<!从)(?:哪里|哪儿)|在哪(?![个种类方些一几两项家])|什么地方")


_AT_WHERE = re.compile(r"在哪(?:里|儿)?[\u4e00-\u9fff]")
_GO_WHERE = re.compile(r"[去到]哪(里|儿)(?=[\u4e00-\u9fff])")


def _done_at(question: str, text: str) -> str | None:
    """"得去哪里开专用账户" asks where it is done, as "在哪里开" does: "应当在存管银行开立…" → 存管银行, the
    place without the verb the question names after it."""
    asked = _GO_WHERE.sub("在哪里", question)
    where = _AT_WHERE.search(asked)
    if not where:
        return None
    answer = cloze(asked, text)
    verb = pos_tags(asked[where.end() - 1:])[0][0]
    at = answer.find(verb, 2) if answer and verb else -1
    answer = answer[:at] if at > 0 and text.find(answer[:at] + verb) >= 0 else answer
    # the place is what the text puts after 在/到/向/于 ("自受理申请之日起" holds no place)
    if answer and re.search(f"[在到向于至]{re.escape(answer)}", text):
        return answer
    # "结论在哪里公示" against "…应当在电梯轿厢内或者出入口处的显著位置予以公示": 在 … the question's verb
    return _placed_before(verb, text, "(?:予以|进行|加以)?") if len(verb) >= 2 else None


_PLACE_LABEL = re.compile(r"(?:地点|地址)(?:为|是|设在|在)([^，,。；;]{2,30})")


def _place_label(text: str) -> str | None:
    """"入户卡领取地点为各镇（街道）受理窗口": the place the text labels as such."""
    found = _PLACE_LABEL.search(text)
    return found.group(1) if found else None


def _where(question: str, text: str) -> str | None:
    """A place the question does not already name."""
    places = [w for w, f in pos_tags(text)  # (jieba's "之日起" is no place)
              if f.startswith("ns") and not w.startswith("之")
              and w not in question and w.rstrip("省市区县") not in question]
    if not places:
        return None
    # "到房产所在镇区公安分局申请办理": the place is part of the body one goes to, which is the answer
    body = re.search(rf"[在到向]([^，,。；;在到向]{{0,10}}{re.escape(places[0])}[^，,。；;]{{0,10}}?{_BODY_END})", text)
    return body.group(1) if body else places[0]


_BODY_END = r"(?:分局|局|部门|中心|窗口|机构|机关|办公室|服务站|派出所)"


def asks_place(question: str) -> bool:
    return bool(_SOURCE_ASKED.search(question) or _WHERE.search(question) or _PLACE_KIND.search(question))


def where_asked(question: str) -> bool:
    """"在哪里…", "什么地方": a place, which only a name answers (not "从哪里", a source)."""
    return bool(_WHERE.search(question))


def place(question: str, text: str) -> str | None:
    """"差价要交到哪里" is answered by a body (上缴市财政局), "在哪里建设" by a place, "要在哪里披露" against
    "应当在官方线上平台披露" by where the text says the act is done; "钱从哪里出" by the 从… clause."""
    if _SOURCE_ASKED.search(question):
        return phrasings.source(text)
    return _place_label(text) or _where(question, text) or \
        (phrasings.destination(text) if _HANDED_TO.search(question) else None) or _done_at(question, text) or \
        _put_at(question, text)


# "告知单贴在哪儿", "带到什么地方提取血样": a thing put or a person taken somewhere, by the question's verb
_PUT_ASKED = re.compile(r"([\u4e00-\u9fff])(?:在|到|至|往)(?:哪里|哪儿|哪|什么地方|什么位置)")
_PLACE_WORDS = ("n", "ns", "nt", "nz", "s", "f", "j")


def _put_at(question: str, text: str) -> str | None:
    """"带到医疗机构提取血样": the place after the verb and 到; "在机动车侧门玻璃…上粘贴": the place 在 opens
    before the verb."""
    asked = _PUT_ASKED.search(question)
    if not asked:
        return None
    verb = re.escape(asked.group(1))
    taken = re.search(rf"{verb}[到至往]([^，,。；;]{{2,20}})", text)
    if taken:
        words = []
        for word, flag in pos_tags(taken.group(1)):
            if not flag.startswith(_PLACE_WORDS):
                break
            words.append(word)
        place = "".join(words)
        return place if len(place) >= 2 else None
    return _placed_before(asked.group(1), text, "[\u4e00-\u9fff]?")


def _placed_before(verb: str, text: str, between: str) -> str | None:
    """The place 在 opens before the verb ("在…上粘贴"), with `between` (a pattern) allowed in between."""
    put = re.search(rf"在([^，,。；;在]{{2,30}}?){between}{re.escape(verb)}", text)
    return put.group(1) if put else None


def turned_to(question: str, text: str) -> str | None:
    """"…要去找哪个部门", "可以找谁申请复核" against "应当向同级公安机关申请…": the body the text puts after 向;
    "报告给谁", "交给谁处理", "所得价款归谁" against "向…部门报告", "送交…回收机构予以拆除", "上缴国库": where
    it is reported, handed or paid to."""
    if _HANDED_TO_WHOM.search(question):
        handed = (_PAID if "归谁" in question else _HANDED).search(text)
        return next((g for g in handed.groups() if g), None) if handed else None
    # "向哪个机构移交" against "…向城市建设档案机构移交齐全、准确的项目建设档案": the body before the verb asked
    verb = _TO_WHICH_VERB.search(question)
    toward = re.search(rf"向([\u4e00-\u9fff（）()、]{{2,24}}?){verb.group(1)}", text) if verb else None
    if toward:
        return toward.group(1)
    return phrasings.destination(text) if _TURNED_TO.search(question) else None


_INTO_WHICH = re.compile(r"(纳入|列入|录入|存入|接入|汇入|转入|并入|计入|记入|归入|划入)(?:到|进)?(?:哪个|哪一个|哪些|什么)"
                         r"([\u4e00-\u9fff]{1,4})[？?]?$")


def put_into(question: str, text: str) -> str | None:
    """"信用记录要纳入哪个平台" against "…建立…信用记录，并纳入全国信用信息共享平台": what the text puts it into,
    up to the kind of thing asked."""
    asked = _INTO_WHICH.search(question)
    into = re.search(rf"{asked.group(1)}([^，,。；;：:]{{0,24}}?{asked.group(2)})", text) if asked else None
    return into.group(1) if into and len(into.group(1)) > len(asked.group(2)) else None


_TO_WHICH_VERB = re.compile(r"向哪(?:个|些|一个|级)?(?:部门|单位|机关|机构)([\u4e00-\u9fff]{2})")


_HANDED_TO_WHOM = re.compile(r"(?:报告|上报|交|送|缴)给谁|归谁(?!管|负责|所有)")
_HANDED = re.compile(r"(?:上缴|送交|移交|交给|交由|报告给|报送)([\u4e00-\u9fff（）()、]{2,24}?)(?=予以|处理|[，,。；;]|$)|"
                     r"向([\u4e00-\u9fff（）()、]{2,24}?)报告")
_PAID = re.compile(r"(?:上缴|缴入|归)([\u4e00-\u9fff（）()、]{2,24}?)(?=所有(?!权)|[，,。；;]|$)")
