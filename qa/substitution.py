"""How a follow-up's phrase takes the place of one in the previous question ("那软件业务收入呢？" after
"深圳计划到2022年数字经济产业增加值突破多少？"): a party for a party, a grade added to the rule, the
other end of a scale, a phrase of the same make, a new case or subject for the old one."""
from __future__ import annotations

import re

from .passage import GRADE, OPENER
from .question import ASKING, pos_tags

# Who a rule binds: "个人…的，处…；单位…的，处…". One party asked after another takes its place.
_PARTIES = ("个人", "单位", "企业", "公司", "法人", "自然人", "公民", "外国人", "机构", "组织")


def substitute(previous: str, phrase: str) -> str | None:
    """The previous question asked of the follow-up's phrase ("海南" for "上海"), or None when the phrase
    has nothing of its make there to take the place of."""
    # "那《网络预约出租汽车驾驶员证》呢？" after "《网络预约出租汽车运输证》由哪个部门发放？": a title for
    # a title, whole (not the words the two titles differ in)
    titled = re.search(r"《[^》]+》", previous) if re.fullmatch(r"《[^》]+》", phrase) else None
    if titled:
        return previous[:titled.start()] + phrase + previous[titled.end():]
    graded = _graded(previous, phrase.removesuffix("的")) or _opposite(previous, phrase)
    if graded:
        return graded
    condition, phrase = phrase, phrase.removesuffix("的")  # "那农村的呢？"
    party = re.sub(r"^[对给向]", "", phrase)  # "对个人呢？" after "…，对单位罚多少？" (the same preposition)
    if party in _PARTIES:  # a whole word: 单位 in 建设单位 is no party of its own
        at = 0
        for word, _ in pos_tags(previous):
            if word in _PARTIES and word != party and previous[:at].endswith(phrase[:len(phrase) - len(party)]):
                return previous[:at] + party + previous[at + len(word):]
            at += len(word)
    part = _part_of(previous, phrase)
    if part:
        return part
    bracketed = _bracketed(previous, phrase)
    if bracketed:
        return bracketed
    shared = _shared_tail(previous, phrase)
    if shared:  # "那地方所属的转制文化企业呢" after "中央所属的转制文化企业…": only 中央 changes
        return shared
    kind = _phrase_kind(phrase)
    subject = _replace_subject(previous, phrase) if kind == "noun" else None
    if subject:
        return subject
    topic = _replace_topic(previous, condition) if kind == "noun" else None
    if topic:
        return topic
    # "那公租房的呢？" after "积分入学的排名结果要公示多长时间？": one "…的" for the one the previous
    # question's subject belongs to
    owner = re.match(r"[^，,的]{2,12}的", previous) if condition.endswith("的") and kind == "noun" else None
    if owner and not ASKING.search(owner.group(0)) and phrase not in previous:
        return condition + previous[owner.end():]
    if kind == "time":
        phrase = _TIME.search(phrase).group(0)
    same = [r for r in runs(pos_tags(previous)) if r[2] == kind]
    if not same:
        return None
    start, end, _ = max(same, key=lambda r: r[1] - r[0])
    return previous[:start] + phrase + previous[end:]


def _part_of(previous: str, phrase: str) -> str | None:
    """"那对单位的法定代表人呢？" after "…，单位要被罚多少？": the owner the previous question last names
    becomes the owner's part; what is asked of it stays."""
    owned = re.fullmatch(r"[对给向]?([\u4e00-\u9fff]{2,8})的([\u4e00-\u9fff]{2,10})", phrase)
    if not owned or owned.group(2) in previous:
        return None
    at = previous.rfind(owned.group(1))
    return previous[:at] + owned.group(1) + "的" + owned.group(2) + previous[at + len(owned.group(1)):] if at >= 0 else None


def _graded(previous: str, case: str) -> str | None:
    """"情节严重的呢？" after "没按规定装闭路电视监控，会怎么处理？" → "…监控，情节严重的，会怎么处理":
    asked after a rule, a grade of it is added to the previous question, not put for its subject."""
    clauses = re.split(r"[，,]", previous)
    if GRADE.match(case) and len(clauses) == 1:  # "提供…游览项目要罚多少钱": the grade goes before what is asked
        asked = _ASKED_PART.search(previous)
        return previous[:asked.start()] + "，" + case + "的，" + previous[asked.start():] if asked else None
    if not GRADE.match(case) or len(clauses) < 2 or not ASKING.search(clauses[-1]):
        return None
    # a grade the previous question set already ("如果查不出违法所得") is one this one replaces
    last = OPENER.sub("", clauses[-2]).removesuffix("的")
    kept = clauses[:-2] if GRADE.match(last) or "违法所得" in last else clauses[:-1]
    return "，".join(kept + [case + "的", clauses[-1]])


_ASKED_PART = re.compile(r"(?<=[\u4e00-\u9fff])(?:要|会|应当|应|该|须|将|可以|能)[\u4e00-\u9fff]{0,4}?(?:" + ASKING.pattern + ")")


_OPPOSITES = (("最高", "最低"), ("最多", "最少"), ("最长", "最短"), ("最大", "最小"), ("上限", "下限"))


def _opposite(previous: str, phrase: str) -> str | None:
    """"最高一级呢？" after "“八级工”里最低的一级是什么？": the other end of the same scale, or of a sequence."""
    for a, b in _OPPOSITES + tuple((b, a) for a, b in _OPPOSITES):
        if phrase.startswith(a) and b in previous and a not in previous:
            return previous.replace(b, a, 1)
    # "此后续提呢？" after "…，首次办理应当提供哪些材料？": the later times for the first, with their verb
    first = re.search(r"首次[\u4e00-\u9fff]{0,2}?(?=应当|应|要|需|须|可以|时|的|[，,])", previous)
    if first and re.match(r"此后|以后|之后|后续|再次|以后每次", phrase):
        return previous[:first.start()] + phrase + previous[first.end():]
    return None


# Who a rule is about, heading the question: "职工在三级定点医疗机构住院，…", "新设立的用人单位应当…"
_WHO_HEADS = r"(?:人员|职工|单位|企业|公司|机构|居民|学生|家庭|者|户)"
_SUBJECT = re.compile(rf"^[^，,。？?]{{0,12}}?{_WHO_HEADS}(?=应当|应|要|须|需要|必须|可以|能|在|按|每)")


def _replace_subject(previous: str, phrase: str) -> str | None:
    """"退休人员呢？" after "职工在三级定点医疗机构住院，…支付比例是多少": another party takes the place of
    the party the previous question opens with; what is asked of it stays."""
    subject = _SUBJECT.match(previous)
    if not subject or not re.search(_WHO_HEADS + "$", phrase) or phrase in previous:
        return None
    return phrase + previous[subject.end():]


def _replace_topic(previous: str, phrase: str) -> str | None:
    """"那开大客车的司机呢？" after "普通司机参加满分学习，…至少要几天？": a phrase that does or is something
    (a verb in it, or a "…的" condition) takes the place of the previous question's opening clauses
    when only its last clause asks; the same is asked of the new case."""
    clauses = re.split(r"[，,]", previous)
    # "那要是只是超过了披露时限呢？" after "企业不披露环境信息会被罚多少钱？": the new deed replaces the old
    # one; what is asked of it (会被罚多少钱) stays
    asked = _ASKED_PART.search(previous) if len(clauses) == 1 else None
    if asked and asked.start() > 0 and any(f == "v" and len(w) >= 2 for w, f in pos_tags(phrase)):
        return phrase.removesuffix("的") + "的，" + previous[asked.start():]
    if len(clauses) < 2 or not ASKING.search(clauses[-1]) or any(ASKING.search(c) for c in clauses[:-1]):
        return None
    if not (phrase.endswith("的") or any(f.startswith("v") for _, f in pos_tags(phrase))):
        return None
    # "那情节较重的呢？" after "经营者相互串通，操纵市场价格的，没有违法所得的，处多少罚款？": a new case
    # takes the place of the last case only; what the earlier clauses say of the offence still holds.
    if phrase.endswith("的") and len(clauses) >= 3 and clauses[-2].endswith("的"):
        return "，".join(clauses[:-2] + [phrase, clauses[-1]])
    return phrase + "，" + clauses[-1]


def _bracketed(previous: str, phrase: str) -> str | None:
    """"经营出境旅游业务" after "经营国内旅游业务和入境旅游业务的旅行社…": the phrase's first and last words
    bracket the previous question's phrase of the same make, which it replaces (a coordination, whole)."""
    words = [w for w, _ in pos_tags(phrase)]
    if len(words) < 3 or len(words[0]) < 2 or len(words[-1]) < 2:
        return None
    start = previous.find(words[0])
    end = previous.find(words[-1], start + len(words[0])) if start >= 0 else -1
    if end < 0 or end - start > 20:
        return None
    end += len(words[-1])
    more = re.match(rf"(?:[和及与、或][^，,。？?]{{1,12}}?{re.escape(words[-1])})+", previous[end:])
    end += len(more.group(0)) if more else 0
    return previous[:start] + phrase + previous[end:] if previous[start:end] != phrase else None


def _shared_tail(previous: str, phrase: str) -> str | None:
    """The previous question with the word in front of the longest tail it shares with the phrase
    (at least three characters) replaced by the phrase's own head, or with a word of the same length
    and last character replaced by the phrase."""
    for cut in range(1, len(phrase) - 2):
        tail, head = phrase[cut:], phrase[:cut]
        at = previous.find(tail)
        if at > 0:
            before = pos_tags(previous[:at])[-1][0]
            if before in tail or before in head:
                return None
            # "省级竞赛一等奖" after "区级职业技能竞赛一等奖": the head takes the place of its own make (区级)
            pos = 0
            for token, _ in pos_tags(previous[:at]):
                if len(token) >= 2 and token[-1] == head[-1] and token != head:
                    return previous[:pos] + head + previous[pos + len(token):]
                pos += len(token)
            return previous[:at - len(before)] + head + previous[at:]
    # "那急难型的呢" after "支出型…", "本科生" after "研究生…": a word of the same make
    if 2 <= len(phrase) <= 3 and phrase not in previous:
        # the whole word ("国家级" for "省级"), else as many characters as the phrase has
        at, word = 0, None
        for token, _ in pos_tags(previous):
            if len(token) >= 2 and token.endswith(phrase[-1]) and token != phrase:
                word = (at, at + len(token))
                break
            at += len(token)
        same = None if word else re.search(rf"[\u4e00-\u9fff]{{{len(phrase) - 1}}}{re.escape(phrase[-1])}", previous)
        span = word or (same.span() if same else None)
        if span:
            return previous[:span[0]] + phrase + previous[span[1]:]
    return None


_TIME = re.compile(r"\d{4}年(?:\d{1,2}月)?(?:\d{1,2}日)?|\d{1,2}月\d{1,2}日")


def _phrase_kind(phrase: str) -> str:
    flags = {f for _, f in pos_tags(phrase)}
    if _TIME.search(phrase):
        return "time"
    if flags and flags <= {"ns", "x", "c", "uj"}:
        return "place"
    return "noun"


def runs(tags) -> list[tuple[int, int, str]]:
    """Character spans of maximal noun / place / time runs in a tagged text."""
    runs, pos, current = [], 0, None
    for word, flag in tags:
        kind = ("time" if flag in ("t", "m") and re.search(r"\d|年|月", word) else
                "place" if flag == "ns" else
                "noun" if flag.startswith("n") or flag in ("eng", "j") else None)
        if kind and current and current[2] == kind and current[1] == pos:
            current = (current[0], pos + len(word), kind)
        else:
            if current:
                runs.append(current)
            current = (pos, pos + len(word), kind) if kind else None
        pos += len(word)
    if current:
        runs.append(current)
    return runs
