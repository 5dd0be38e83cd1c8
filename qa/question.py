"""What a question asks for: its kind, its focus and the names it depends on."""
from __future__ import annotations

import re
from functools import lru_cache

from index.lexical import load_jieba

# Order matters: the first kind whose pattern matches wins.
_KINDS = [
    ("choice", re.compile(r"[^，,。]{1,12}还是[^，,。]{1,12}[？?]?$")),
    ("yes_no", re.compile(r"是否|有没有|能否|(.)不\1|吗(?:[（(][^）)]*[）)])?[？?]?$")),  # "…吗（…除外）？"
    ("list", re.compile(r"哪[两二三四五六七八九十几]+[个项条类种级方面大家件]|哪些|哪几[个项条类种方块地家所件]|分别|包括什么|包含什么|都有什么|有哪|列举|"
                        r"[几两二三四五六七八九十\d]+[大项条个类种方][^？?]*(?:是什么|有什么|是啥)")),
    ("date", re.compile(r"哪[一几]?年|哪些年|哪天|哪一天|何时|什么时候|什么时间|几月|哪一?个月|什么月份|(?<!第)几号(?!令|文|公告)|日期|年份|时间[是为]|截止|"
                        r"什么周期|哪一?段时间")),
    ("number", re.compile(r"多少|第几号|哪一?号(?:令|公告|文)|多久|多长时间|期限|(?<![这那好])几+(?:[个项条大类种家级倍%％成折年岁次名亿万千百条天周章日分套份张批件辆台所户篇位人期部]|小时|方面)|几$|多大|多高|多长|多快|多远|比例|比重|增速|增幅|规模|金额|百分之|占比|数量")),
    ("entity", re.compile(r"谁|哪位|哪个|哪份|哪部(?!分)|哪家|哪款|哪种|哪类|哪一|哪里|哪儿|哪方面|什么方面|什么(?:部门|机构|单位|公司|企业|项目|行业|领域|模式|计划|基金|技术|名字|名称|地方|城市|组织|人)|叫什么|是什么[？?]?$|比作什么|指什么")),
    ("reason", re.compile(r"为什么|为何|为啥|原因|理由|目的|如何|怎样|怎么|什么方式|什么手段|靠什么|通过什么|用什么")),
]
_ENTITY = dict(_KINDS)["entity"]
CONTENT_POS = ("n", "v", "a", "m", "t", "eng", "j", "l", "i")
FUNCTION_TAGS = ("p", "uj", "x", "d", "ad", "c", "r", "ul", "uv")  # words that end a phrase read leftwards


# "金额以什么方式确定", "金额如何计算": a topic word makes no number question when a way is asked.
_MANNER = re.compile(r"什么方式|什么办法|如何|怎样|怎么")
HOW_MANY = re.compile(r"多少|几|多大|多高|多长|多久|百分之|哪一?号(?=令|公告|文)")  # words that ask for a quantity


# "按照食品安全法哪一条处理" asks an article's number
ARTICLE_ASKED = re.compile(r"(?:法|条例|办法|规定|细则)的?哪一?([条款])")


# "…哪几类？一共列了几类？": the clause that ends the question asks a count, whatever an earlier one asked
_TOTAL_ASKED = re.compile(r"(?:一共|总共|共)[^？?，,。]{0,8}?(?:几|多少)[^？?，,。]{0,16}$")


def question_kind(question: str) -> str:
    if ARTICLE_ASKED.search(question) or _TOTAL_ASKED.search(re.sub(r"[（(][^）)]*[）)]$", "", question.rstrip("？?"))):
        return "number"
    for kind, pattern in _KINDS:
        if pattern.search(question):
            # "最晚几天内要答复能不能取": the A不A is what is answered; 几天 is what is asked
            # ("可以一次把几项都办了吗": 几 before 都 counts nothing, it means "several")
            if kind == "yes_no" and any(question[m.start() - 1:m.start()] != "好" and
                                        not re.match(r"[个项种件次样]?都", question[m.end():])
                                        for m in HOW_MANY.finditer(question)):
                continue
            # "…数量、单机面积的标准由谁规定": a topic word makes no number question when a way or a
            # name is asked
            if kind == "number" and not HOW_MANY.search(question):
                if _MANNER.search(question):
                    return "reason"
                if _ENTITY.search(question):
                    return "entity"
            return kind
    return "descriptive"


@lru_cache(maxsize=512)
def pos_tags(text: str) -> tuple[tuple[str, str], ...]:
    """(word, part of speech) pairs from jieba, cached: the same sentences are tagged question after question."""
    load_jieba()  # loads the dictionary with the project's domain words
    import jieba.posseg

    return tuple((p.word, p.flag) for p in jieba.posseg.cut(text))


def focus_terms(question: str) -> list[str]:
    """Content words of the question's clause that holds the question word: what is really asked."""
    clauses = [c for c in re.split(r"[，,；;：:。]", question.rstrip("？?")) if c.strip()]
    asking = [c for c in clauses if ASKING.search(c)] or clauses[-1:]
    return [w for w, f in pos_tags(asking[-1]) if len(w) > 1 and f.startswith(CONTENT_POS) and not ASKING.search(w)]


# What asks in a question; a follow-up's bare 呢 ("那软件业务收入呢？") asks what the previous question asked.
QUESTION_WORD = re.compile(r"什么|哪|谁|多少|几|何|怎|如何|为啥|为什么|是否|是不是|吗|多大|多久|多长")
ASKING = re.compile(QUESTION_WORD.pattern + "|呢")


def key_terms(question: str) -> list[str]:
    """Proper nouns and numbers a question depends on: an answer about anything else is no answer."""
    keys = []
    # "我今年40岁": the asker's own age describes the asker, not something the document must say
    own_age = {m.group(1) for m in re.finditer(r"(?:我|本人|今年)[^，,。？?]{0,3}?(\d+)周?岁", question)}
    for word, flag in pos_tags(question):
        # jieba files "之日起" as a place and 东西 ("things"), 城市 ("a city") as one: no name starts with
        # the particle 之
        if flag.startswith(("ns", "nr", "nt", "eng")) and len(word) >= 2 and not word.startswith("之") \
                and word not in ("东西", "城市"):
            keys.append(word)
        elif re.fullmatch(r"\d+(?:\.\d+)?", word) and len(word) >= 2 and word not in own_age:
            keys.append(word)
    return keys


# Words for the document itself: never the topic of a conversation or of a question.
ABOUT_THE_TEXT = frozenset({"文章", "文中", "本文", "文件", "原文", "报道", "材料", "作者", "说法", "看法", "观点"})
