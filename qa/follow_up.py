"""How an elliptical follow-up ("那软件业务收入呢？") is rewritten into a question that stands alone."""
from __future__ import annotations

import re

from .question import ABOUT_THE_TEXT, ASKING, CONTENT_POS, QUESTION_WORD, key_terms, pos_tags, question_kind
from .substitution import runs, substitute

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
        replaced = substitute(previous, core)
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
    # "那多久能提一次？" after "在上海租市场上的房子，用公积金付房租需要连续缴存多久？": a new question word asks
    # its own question of the previous one's case, without what that one asked
    case, _, asked = previous.rpartition("，")
    if case and QUESTION_WORD.search(asked) and QUESTION_WORD.search(core) and not QUESTION_WORD.search(case):
        together.insert(0, f"{case}，{core}？")
    if len(history) > 1:
        together.append(f"{history[0].strip().rstrip('？?')}，{core}？")
    named = ["".join(dict.fromkeys(names)) + "：" + core + "？"] if names else []
    content = [w for w, f in pos_tags(core) if f.startswith(CONTENT_POS) and len(w) > 1 and not ASKING.search(w)]
    # A follow-up with few words of its own ("由谁印发？", "罚款金额是多少？": the question word is none)
    # only makes sense with the previous question.
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
        for start, end, kind in runs(pos_tags(previous)):
            phrase = previous[start:end]
            if kind == "noun" and phrase.endswith(word) and len(phrase) > len(word):
                return core[:match.start()] + phrase + core[match.start() + 2 + len(word):]
        break
    return None


def _subject(history: list[str]) -> str | None:
    """The topic of the conversation: a quoted title, else the first noun phrase of the last question."""
    for question in reversed(history):
        title = re.search(r"《[^》]+》", question)
        if title:
            return title.group(0)
    phrases = [r for r in runs(pos_tags(history[-1]))
               if r[2] in ("noun", "place") and history[-1][r[0]:r[1]] not in ABOUT_THE_TEXT]
    return history[-1][phrases[0][0]:phrases[0][1]] if phrases else None
