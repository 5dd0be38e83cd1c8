"""List answers: the items of an enumeration in the evidence sentence, its paragraph after a colon,
the numbered lines that follow it, or the numbered sections a sentence announces ("可从两条“道路”")."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from index.chunking import heading_level, split_clauses

from .passage import ARTICLE
from .question import FUNCTION_TAGS, focus_terms, pos_tags

if TYPE_CHECKING:
    from .passage import Passage

DIGITS = "一二三四五六七八九十"
ENUM_LINE = re.compile(r"^\s*(?:[（(][\d一二三四五六七八九十]+[)）]|[\d一二三四五六七八九十]+[、.．])\s*")


def enumeration_items(question: str, p: Passage) -> list[str]:
    """Items of the list the sentence belongs to: the numbered lines it introduces, after a colon
    ;-separated, else 、/和-separated."""
    numbered = numbered_lines(p) if p.offset + len(p.text) >= len(p.paragraph.rstrip()) else []
    if numbered:
        return numbered
    focus = focus_terms(question)
    clauses = _bracketed_whole(p.text, split_clauses(p.text, 0, len(p.text)))
    listy = [c for c in clauses if "、" in c]
    items: list[str] = []
    if listy:
        # "共识机制、数据存储…等技术研发": 等 followed by the asked-for noun says what the items are.
        # ("…职业培训机构和行业企业为主要载体" names what its items are by the word it ends with)
        clause = max(listy, key=lambda c: (sum(t in c for t in focus) + 2 * _kind_after_deng(c, focus)
                                           + any(c.rstrip("。；;").endswith(t) for t in focus if not re.search(rf"[\d{DIGITS}]", t)),
                                           c.count("、")))
        clause = _before_deng(clause)
        # "A、B和C" joins its last item with 和; inside the list "黄浦江和苏州河两岸地区" is one item.
        *first, last = [x for x in clause.split("、") if x.strip()]
        items = first + [x for x in re.split(r"以及|(?<!共)和(?!国)|及|与", last) if x.strip()]  # 共和国 joins nothing
        items = [x.rstrip("。；;，,") for x in items]
        # "第十条 登记内容包括A、B、C": the first item starts after the words that announce the list.
        items[0] = ARTICLE.sub("", items[0])
        lead = max((items[0].rfind(v) + len(v) for v in _LEAD_VERBS if v in items[0]), default=0)
        if len(items[0]) - lead >= 2:
            items[0] = items[0][lead:]
        # "建成…科技创新高地、应用示范高地…": items ending in the asked-for noun are the list asked for
        # (a noun the first item's opening merely repeats from the question is no such thing).
        # An item between two of them is one of the list too ("职工社会医疗保险、职工重大疾病医疗补助、职工补充医疗保险").
        # ("所称电梯，包括乘客电梯、载货电梯、自动扶梯、自动人行道等": when no more than half end in it, the
        # items are what the noun covers, all of them)
        shared = [t for t in focus if sum(x.endswith(t) for x in items) >= 2]
        # ("哪些部门或机构": either kind asked, the last item ending with its kind: "公证机构应当对…实施监督")
        kinds = shared[:1] + [t for t in focus if shared and re.search(rf"{shared[0]}(?:或者|或|和|及|、){t}", question)]
        if shared and 2 * sum(x.endswith(tuple(kinds)) for x in items) > len(items):
            kept = [i for i, x in enumerate(items) if any(k in x for k in kinds)]
            items = [x if shared[0] in x else re.split(f"(?<={kinds[-1]})", x)[0] for x in items]
            return [_without_lead_in(x, shared[0]) if shared[0] in x else x for x in items[kept[0]:kept[-1] + 1]]
        if len(items) >= 2:
            items[0] = _first_item(items[0], max(len(x) for x in items[1:]))
    else:  # "检查要点表分为一般项目和重点项目": a pair the words that announce a list name
        pair = next((m for m in map(_PAIR.search, clauses) if m), None)
        items = [pair.group(1), pair.group(2)] if pair else []
    body, end = p.paragraph, p.offset + len(p.text)
    colon = max(body.rfind(":", 0, end), body.rfind("：", 0, end))
    if colon >= 0:
        parts = [x.strip(" 。") for x in re.split(r"[;；]", body[colon + 1:]) if x.strip(" 。")]
        if len(parts) >= 2:
            return parts
    return items


def _bracketed_whole(text: str, spans: list[tuple[int, int]]) -> list[str]:
    """The clauses, a bracket's comma not ending one ("职业院校（含技工院校，下同）、职业培训机构")."""
    clauses: list[str] = []
    start = None
    for a, b in spans:
        start = a if start is None else start
        if text[start:b].count("（") <= text[start:b].count("）"):
            clauses.append(text[start:b])
            start = None
    return clauses + ([text[start:spans[-1][1]]] if start is not None else [])


_LEAD_VERBS = ("包括", "包含", "分为", "如下")
_PAIR = re.compile(r"(?:包括|包含|分为|分成)([^，,。；;和与及]{2,12})(?:和|与|以及|及)([^，,。；;和与及]{2,12})[。；;，,]?$")
_LIST_ASKED = re.compile(r"(?:哪些|哪几[个项条类种]?|哪[两三四五六七八九十]+[个项条类种]|什么)")


def lists_asked_kind(question: str, text: str) -> bool:
    """"完善哪几类产业链" and "基础硬件、基础软件、应用软件等一批重要产业链": the text lists things of
    the kind the question asks for (the noun after its question word follows the list's 等)."""
    match = _LIST_ASKED.search(question)
    nouns = [w for w, f in pos_tags(question[match.end():]) if f.startswith("n") and len(w) > 1][:1] if match else []
    return bool(nouns) and "、" in text and (_kind_after_deng(text, nouns) or _items_of_kind(text, nouns[0]))


def _items_of_kind(text: str, noun: str) -> bool:
    """"哪几种医疗保险" and "建立职工社会医疗保险、职工重大疾病医疗补助、职工补充医疗保险": most items of a
    clause's list end in the kind asked for."""
    for clause in re.split(r"[，,。；;：:]", text):
        items = [i for i in _before_deng(clause).split("、") if i.strip()]
        if len(items) >= 2 and 2 * sum(i.endswith(noun[-2:]) for i in items) > len(items):
            return True
    return False


def _before_deng(clause: str) -> str:
    """The list up to the 等 that closes it (…诚信等原则), not the 等 inside a word (自愿、平等、公平)."""
    at = 0
    for word, _ in pos_tags(clause):
        if word in ("等", "等等") and at > clause.rfind("、"):
            return clause[:at]
        at += len(word)
    return clause


def _kind_after_deng(clause: str, focus: list[str]) -> bool:
    at = clause.rfind("等")
    return at > 0 and any(t in clause[at:at + 8] for t in focus)


def _without_lead_in(item: str, noun: str) -> str:
    """"把北京初步建设成为具有影响力的区块链科技创新高地" → "区块链科技创新高地": the first item of a
    list carries the clause's opening; the item proper starts after its last 的/为/成."""
    head = item[:item.rfind(noun)]
    cut = max(head.rfind(m) + len(m) if m in head else 0 for m in ("的", "成为", "建成", "为", "是"))
    return item[cut:] if cut and len(item) - cut > len(noun) else item


def _first_item(item: str, others: int) -> str:
    """The first item carries the clause's opening ("…负责拨付市级储备粮的贷款利息", "在长三角…"):
    a leading preposition goes, and an item far longer than the others starts after its last 的."""
    tags = pos_tags(item)
    if tags and tags[0][0] in ("在", "从", "对", "于", "以"):  # not 基于 in "基于国际经验、体现中国特色"
        item = item[1:]
    cut = item.rfind("的") + 1
    return item[cut:] if len(item) > max(10, 2 * others) and 2 <= len(item) - cut <= 2 * others else item


def alternatives(found: str | None, pair: bool = False) -> str | None:
    """"自建自营或委托运营的方式" for "通过哪些方式": ways joined by 或, without the word for their kind; when
    two are asked for, joined by 与 or 和 too ("实物保障与租赁补贴" for "实行哪两种方式并举")."""
    found = re.sub(r"的[\u4e00-\u9fff]{1,3}$", "", found or "")
    items = re.split(r"或者|或|以及|与|和|及" if pair else r"或者|或", found)
    return found if len(items) >= 2 and all(2 <= len(x) <= 10 for x in items) else None


_DUTIES_ASKED = re.compile(r"^([\u4e00-\u9fff]{2,8}?)(?:在[^，,？?]{2,20}?)?(?:应当|应该|要|需要|得)?(?:承担|负责|做|履行|负有)?"
                           r"(?:哪些|什么)(?:工作|职责|责任|义务|事情|事)")


def duties(question: str, sentence: str) -> str | None:
    """"学校在控烟方面应当承担哪些工作" against "学校应当采取措施预防学生吸烟，…，帮助吸烟的学生戒烟": what
    the sentence says its subject, the question's, shall do, clause by clause."""
    asked = _DUTIES_ASKED.search(question)
    found = re.match(rf"^\s*(?:{ARTICLE.pattern})?\s*{re.escape(asked.group(1))}(?:应当|应|须|必须)([^。]+)",
                     sentence) if asked else None
    return found.group(1).strip("；;，,") if found and re.search("[，,；;]", found.group(1)) else None


def numbered_lines(p: Passage) -> list[str]:
    """The numbered lines a paragraph ending in a colon introduces ("…符合下列要求：" / "（一）…" / "（二）…")."""
    if not p.paragraph.rstrip().endswith((":", "：")):
        return []
    lines = []
    for line in p.following:
        if not ENUM_LINE.match(line):
            break
        lines.append(ENUM_LINE.sub("", line))
    return lines if len(lines) >= 2 else []


def listing(question: str, p: Passage) -> str | None:
    """A list answer: heads of the enumerated lines that follow, else the items of the sentence."""
    # ("…包括需求评估、适配评估…等。适配服务的工作程序为：": a sentence listing before the one announcing lines)
    own = p.offset + len(p.text) < len(p.paragraph.rstrip()) and p.text.count("、") >= 2
    heads = [] if own else [_item_head(line) for line in numbered_lines(p)]
    if heads:
        return ("；" if any(re.search(r"[、，,]", h) for h in heads) else "、").join(heads)
    sections = announced_sections(p) or _items_under(p)
    if sections:
        return "、".join(sections)
    # "持有…《中华人民共和国残疾人证》《中华人民共和国残疾军人证》…的": titles side by side are the items
    titles = _TITLES.search(p.text)
    if titles:
        return "、".join(re.findall(r"《[^》]+》", titles.group(0)))
    inventory = _INVENTORY.search(p.text)
    if inventory:  # items whose own parts are joined by 、 are set apart by commas
        return inventory.group(1).replace("，", "；")
    items = enumeration_items(question, p)
    if len(items) >= 2:
        return "、".join(_head(x) for x in items)
    return None


# "台账应当包括用人单位名称，支付周期，支付日期，支付对象姓名、身份证号码、联系方式，…等内容"
_INVENTORY = re.compile(r"(?:包括|包含|载明|记载|写明|注明)((?:[^，。；;：:]{2,24}，){2,}[^，。；;：:]{2,30}?)"
                        r"等(?:内容|事项|信息|材料|情况|资料)")
_TITLES = re.compile(r"《[^》]+》(?:[、和及或]?《[^》]+》)+")


def _item_head(line: str) -> str:
    """A line that is one clause chain ("（一）违反旅游合同约定，侵害旅游者合法权益，经…查证属实的；") is one
    item whole; a line that opens with a short title ("（一）智能制造，支持…；", "（1）创新引领,打造…平台:具体…")
    is that title."""
    body = line.strip().rstrip("；;。")
    head = re.split(r"[,，:：;；。]", body)[0]
    return head if len(head) <= 6 or re.search(r"[:：;；。]", body) else body


def _items_under(p: Passage) -> list[str] | None:
    """The evidence is a section's heading ("二、基本原则"): the short titles its lines open with
    ("坚持深化改革。…", "（一）加强组织领导。…"), up to the next heading."""
    if heading_level(p.paragraph) is None:
        return None
    heads = []
    for line in p.following:
        title = re.match(r"([^。：:，,；;]{2,16})[。：:]", ENUM_LINE.sub("", line.strip()))
        if not title:
            break
        heads.append(title.group(1))
    return heads if len(heads) >= 2 else None


_ANNOUNCED = re.compile(r"([两二三四五六七八九]|\d)(?:条|个|项|大|种|类|方面|点)")


def announced_sections(p: Passage) -> list[str] | None:
    """"可从两条“道路”…" followed by sections 一、… 二、…: the sections' titles, when their number
    is the one the sentence announces (body text between them is skipped)."""
    match = _ANNOUNCED.search(p.text)
    if not match:
        return None
    n = match.group(1)
    wanted = int(n) if n.isdigit() else DIGITS.index(n.replace("两", "二")) + 1
    titles = []
    for line in p.following:
        number = _ENUM_NUMBER.match(line)
        if number and number.group(1) == DIGITS[len(titles)]:
            titles.append(re.split(r"[,，:：;；。]", line[number.end():])[0].strip())
        elif number or len(titles) == wanted:
            break
    return titles if len(titles) == wanted >= 2 else None


_ENUM_NUMBER = re.compile(r"^\s*([一二三四五六七八九十])、\s*")


def _head(item: str) -> str:
    item = ENUM_LINE.sub("", item)  # "（一）全市…": the number is the list's, not the item's
    return item if len(item) <= 30 else item[:30] + "…"


_COUNTED = re.compile(r"哪([两二三四五六七八九十几]+[级个项类种方面大家条])")


def counted_group(question: str, text: str) -> str | None:
    """"由哪两级财政负责" against "市区两级财政…": the words in front of the count name the members."""
    match = _COUNTED.search(question)
    if not match:
        return None
    count = match.group(1)
    members = DIGITS.index(count[0]) + 1 if count[0] in DIGITS else 2  # 两 and 几: at least two
    nouns = [w for w, f in pos_tags(question[match.end():]) if f.startswith("n")][:1]
    # "哪三个支撑体系" against "“交流培养、创新创业、服务保障”三大人才开发支撑体系": any counter word will do
    others = [count[:-1] + unit for unit in ("大", "个", "项", "类", "种", "条") if count[:-1] + unit != count]
    for anchor in ([count + nouns[0]] if nouns else []) + [count] + others:
        pos = text.find(anchor)
        listed = _members_before(text[:pos], members) if pos > 0 and members >= 3 else None
        if listed:
            return listed + anchor
        if pos > 0:
            words = []
            tags = list(pos_tags(text[:pos]))
            for i in range(len(tags) - 1, -1, -1):
                word, flag = tags[i]
                # "中央和地方两级", "省、市、县三级": joined members belong to the group too.
                joined = word in ("和", "与", "、", "及") and i > 0 and tags[i - 1][1].startswith("n")
                # a member and its joining mark each: "战略新兴、医药健康、现代服务业、特色农业四个"
                if (flag.startswith(FUNCTION_TAGS) and not joined) or word in question or len(words) >= max(5, 2 * members):
                    break
                words.insert(0, word)
            if words:
                return "".join(words) + anchor
    return None


def _members_before(text: str, members: int) -> str | None:
    """"全力支持战略新兴、医药健康、现代服务业、特色农业" + "四个": the last `members` items listed
    right before the count, the first without the words that lead into the list."""
    items = re.split(r"[，,。；;：:]", text)[-1].split("、")
    if len(items) == members - 1:  # "A、B和C"
        items[-1:] = re.split(r"和|及|与", items[-1], maxsplit=1)
    if len(items) < members or not all(items[-members:]):
        return None
    items = items[-members:]
    tokens = [w for w, _ in pos_tags(items[0])]
    while len(tokens) > 1 and len("".join(tokens)) > max(len(x) for x in items[1:]):
        tokens.pop(0)
    return "、".join(["".join(tokens), *items[1:]])
