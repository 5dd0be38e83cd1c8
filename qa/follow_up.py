"""How an elliptical follow-up ("那软件业务收入呢？") is rewritten into a question that stands alone."""
from __future__ import annotations

import re

from .passage import GRADE, OPENER
from .question import ABOUT_THE_TEXT, ASKING, CONTENT_POS, QUESTION_WORD, key_terms, pos_tags, question_kind

_FOLLOW_UP_START = re.compile(r"^(?:那个|那么?|还有|另外|其中的?|此外|而|又|再|如果是?|要是|若是?|假如是?)")
_DEMONSTRATIVES = ("这个", "这项", "这些", "这种", "这类", "这样", "那个", "那项", "这一", "上述", "该")
# "该部门" points back; "我该拿着去哪儿" is "should"; 其他/其余/尤其 point nowhere
_PRONOUN = re.compile(r"(?<!其)(?:它们|它的|它|他们|他)|她|(?<!尤)其(?![他它余次实])|(?<![我你咱应谁])该|"
                      + "|".join(d for d in _DEMONSTRATIVES if d != "该") + "|里头|里面|其中")  # 该 guarded above


def is_follow_up(question: str) -> bool:
    content = [w for w, f in pos_tags(question) if f.startswith(CONTENT_POS) and len(w) > 1 and not ASKING.search(w)]
    # "年均增速多少？", "截止到什么时候？": two words and no name, place, title or number of its own.
    unnamed = not key_terms(question) and "《" not in question
    pronoun = _PRONOUN.search(question)
    # "“需求带动…”这项任务": the pronoun points at what the question itself quotes.
    own = pronoun and re.search(r"[”》\"]\s*$", question[:pronoun.start()])
    return bool(_FOLLOW_UP_START.match(question) or (pronoun and not own) or len(content) <= 1
                or (unnamed and len(content) <= 2) or question.rstrip("？?").endswith("呢"))


def rewrite(question: str, history: list[str], previous_answer: str | None = None) -> str:
    """The most likely self-contained form of a follow-up (the first of `rewrites`)."""
    return rewrites(question, history, previous_answer)[0]


def rewrites(question: str, history: list[str], previous_answer: str | None = None) -> list[str]:
    """Self-contained readings of a follow-up, most likely first; just the question if it is none.

    "那软件业务收入呢？" after "深圳计划到2022年数字经济产业增加值突破多少？" becomes
    "深圳计划到2022年软件业务收入突破多少？": the new phrase takes the place of the previous
    question's phrase of the same kind (place for place, time for time, else the longest noun phrase).
    A pronoun takes the conversation's subject; a question with enough words of its own keeps them and
    gains the conversation's names, and is asked alone before being read together with the previous
    question when it asks another kind of thing (怎么处理 after 到哪里); anything else is read together
    with the previous question.
    "他"/"这一项" may also stand for what the previous question was answered with (`previous_answer`):
    "万向区块链的董事长是谁？" → "他觉得…" is about 肖风.
    The assistant answers each reading and keeps the best supported answer, so one wrong guess here
    costs little.
    """
    question = question.strip()
    if not history or not is_follow_up(question):
        return [question]
    # "那急难型的呢？" → "如果是先行急难救助呢？": the previous question, itself elliptical, read first.
    last = history[-1].strip()
    previous = (rewrite(last, history[:-1]) if len(history) > 1 and is_follow_up(last) else last).rstrip("？?")
    # "那么，上海呢？" → "上海"; "还有呢？" has no phrase of its own to put anywhere.
    # "那如果是单位干的呢？" → "单位": openers may come in pairs, and 干的/做的 only stand in for the verb.
    stripped = _FOLLOW_UP_START.sub("", _FOLLOW_UP_START.sub("", question)).rstrip("？?").rstrip("呢")
    stripped = re.sub(r"(?:干|做|办|弄)的$|的话$", "", stripped).strip(" ，,、")
    # "如果拿的是省级竞赛一等奖呢": what it is, not how it was come by
    stripped = re.sub(r"^[\u4e00-\u9fff]{1,2}的是(?=[\u4e00-\u9fff]{2})", "", stripped)
    core = stripped or question.rstrip("？?")
    if question.rstrip("？?").endswith("呢") and stripped:
        replaced = _substitute(previous, core)
        if replaced:  # precise when it applies: "海南呢？" asks the same of 海南, and nothing else
            return [replaced + "？"]
    readings = []
    answered = _with_answer(core, previous, previous_answer)
    # "他" after "谁…？" and "这一项" after "第三项是什么？" point at the answer; "它" rather at the subject.
    person = re.search(r"他|她", core) and re.search(r"谁|哪位", previous)
    if answered and (person or re.search(r"第.{1,3}[项条个点]", previous)):
        readings.append(answered)
    subject = _subject(history)
    names = [k for h in history for k in key_terms(h) if k not in core and not k.isdigit()]
    resolved = _resolve_demonstrative(core, previous)
    if resolved:
        readings.append("".join(n for n in dict.fromkeys(names) if n not in resolved) + resolved + "？")
    pronoun = _PRONOUN.search(core)
    # "这种居家护理待遇", "这个规则" name their noun: the subject put before it makes no phrase
    # ("待遇居家护理待遇"); what the noun points at is in the previous question, read together below.
    if pronoun and subject and not _names_noun(core, pronoun):
        readings.append(_PRONOUN.sub(subject, core, count=1).rstrip("？?") + "？")
    if answered:
        readings.append(answered)
    together = [f"{previous}，{core}？"]
    if len(history) > 1:
        together.append(f"{history[0].strip().rstrip('？?')}，{core}？")
    named = ["".join(dict.fromkeys(names)) + "：" + core + "？"] if names else []
    content = [w for w, f in pos_tags(core) if f.startswith(CONTENT_POS) and len(w) > 1]
    # A follow-up with few words of its own ("由谁印发？") only makes sense with the previous question.
    if len(content) < 3:
        return list(dict.fromkeys(readings + together + named))
    # "那换领新证的时候，原来的旧证要怎么处理？" after "…应当到哪里办理换领…？" asks something else: the
    # previous question's words would only pull the answer back to the sentence that answered it.
    new_kind = QUESTION_WORD.search(core) and question_kind(core) != question_kind(previous)
    alone = [question] if new_kind and not _PRONOUN.search(core) else []
    readings += named + alone + together
    return list(dict.fromkeys(readings))


def _names_noun(text: str, pronoun: re.Match) -> bool:
    """A demonstrative followed by a noun of its own ("这个规则")."""
    tags = pos_tags(text[pronoun.end():]) if pronoun.group(0) in _DEMONSTRATIVES else []
    return bool(tags) and tags[0][1].startswith("n")


_AMOUNT = re.compile(r"\d|[一二三四五六七八九十百千万两]+[天日年月个元次分倍]")
# "那几个新城" points at things the text counts, not at the previous answer.
_ANAPHOR = re.compile(r"(?<!其)(?:他们|她们|它们|他|她|它)|(?:这|那|(?<![我你咱应谁])该)(?!几)一?(?:项|个|条|点|些|种|类|位|家)?")


def _with_answer(core: str, previous: str, answer: str | None) -> str | None:
    """The follow-up with its pronoun replaced by the previous answer (its first clause, if long)."""
    match = _ANAPHOR.search(core)
    if not answer or not match:
        return None
    short = re.split(r"[，,；;：:。（(]", answer)[0].strip()
    # "这些车" is never "一百二十天": an amount names nothing a pronoun could stand for.
    if not short or len(short) > 30 or short in previous or _AMOUNT.search(short):
        return None
    return core[:match.start()] + short + core[match.end():] + "？"


_DEMONSTRATIVE = re.compile(r"(?:这些|这个|这项|这类|这种|该|上述|那个|那些)([\u4e00-\u9fff]{1,4})")


def _resolve_demonstrative(core: str, previous: str) -> str | None:
    """"这些技术" after a question about "区块链关键技术" means those: the earlier noun phrase
    ending in the same noun takes the demonstrative's place."""
    match = _DEMONSTRATIVE.search(core)
    if not match:
        return None
    for word, flag in pos_tags(match.group(1)):
        if not flag.startswith("n"):
            continue
        for start, end, kind in _runs(pos_tags(previous)):
            phrase = previous[start:end]
            if kind == "noun" and phrase.endswith(word) and len(phrase) > len(word):
                return core[:match.start()] + phrase + core[match.start() + 2 + len(word):]
        break
    return None


# Who a rule binds: "个人…的，处…；单位…的，处…". One party asked after another takes its place.
_PARTIES = ("个人", "单位", "企业", "公司", "法人", "自然人", "公民", "外国人", "机构", "组织")




def _substitute(previous: str, phrase: str) -> str | None:
    graded = _graded(previous, phrase.removesuffix("的")) or _opposite(previous, phrase)
    if graded:
        return graded
    condition, phrase = phrase, phrase.removesuffix("的")  # "那农村的呢？"
    if phrase in _PARTIES:  # a whole word: 单位 in 建设单位 is no party of its own
        at = 0
        for word, _ in pos_tags(previous):
            if word in _PARTIES and word != phrase:
                return previous[:at] + phrase + previous[at + len(word):]
            at += len(word)
    bracketed = _bracketed(previous, phrase)
    if bracketed:
        return bracketed
    shared = _shared_tail(previous, phrase)
    if shared:  # "那地方所属的转制文化企业呢" after "中央所属的转制文化企业…": only 中央 changes
        return shared
    kind = _phrase_kind(phrase)
    topic = _replace_topic(previous, condition) if kind == "noun" else None
    if topic:
        return topic
    if kind == "time":
        phrase = _TIME.search(phrase).group(0)
    runs = _runs(pos_tags(previous))
    same = [r for r in runs if r[2] == kind]
    if not same:
        return None
    start, end, _ = max(same, key=lambda r: r[1] - r[0])
    return previous[:start] + phrase + previous[end:]


def _graded(previous: str, case: str) -> str | None:
    """"情节严重的呢？" after "没按规定装闭路电视监控，会怎么处理？" → "…监控，情节严重的，会怎么处理":
    asked after a rule, a grade of it is added to the previous question, not put for its subject."""
    clauses = re.split(r"[，,]", previous)
    if not GRADE.match(case) or len(clauses) < 2 or not ASKING.search(clauses[-1]):
        return None
    # a grade the previous question set already ("如果查不出违法所得") is one this one replaces
    last = OPENER.sub("", clauses[-2]).removesuffix("的")
    kept = clauses[:-2] if GRADE.match(last) or "违法所得" in last else clauses[:-1]
    return "，".join(kept + [case + "的", clauses[-1]])


_OPPOSITES = (("最高", "最低"), ("最多", "最少"), ("最长", "最短"), ("最大", "最小"), ("上限", "下限"))


def _opposite(previous: str, phrase: str) -> str | None:
    """"最高一级呢？" after "“八级工”里最低的一级是什么？": the other end of the same scale."""
    for a, b in _OPPOSITES + tuple((b, a) for a, b in _OPPOSITES):
        if phrase.startswith(a) and b in previous and a not in previous:
            return previous.replace(b, a, 1)
    return None


def _replace_topic(previous: str, phrase: str) -> str | None:
    """"那开大客车的司机呢？" after "普通司机参加满分学习，…至少要几天？": a phrase that does or is something
    (a verb in it, or a "…的" condition) takes the place of the previous question's opening clauses
    when only its last clause asks; the same is asked of the new case."""
    clauses = re.split(r"[，,]", previous)
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


def _runs(tags) -> list[tuple[int, int, str]]:
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



def _subject(history: list[str]) -> str | None:
    """The topic of the conversation: a quoted title, else the first noun phrase of the last question."""
    for question in reversed(history):
        title = re.search(r"《[^》]+》", question)
        if title:
            return title.group(0)
    runs = [r for r in _runs(pos_tags(history[-1]))
            if r[2] in ("noun", "place") and history[-1][r[0]:r[1]] not in ABOUT_THE_TEXT]
    return history[-1][runs[0][0]:runs[0][1]] if runs else None
