"""Chunking: offsets round-trip, chunks in order without overlap or loss, sizes, ids, sections, and
the Chinese sentence/clause splitting underneath."""
from __future__ import annotations

import random

import pytest

from index.chunking import Chunk, chunk_text, heading_level, split_clauses, split_sentences

from conftest import ARTICLE

TEXT = ARTICLE.read_text(encoding="utf-8")


def _pieces(text: str, spans) -> list[str]:
    return [text[a:b] for a, b in spans]


def _line_starts(text: str) -> list[int]:
    return [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]


def _line_at(text: str, start: int) -> str:
    end = text.find("\n", start)
    return text[start:] if end == -1 else text[start:end]


def _is_section_start(line: str) -> bool:
    stripped = line.strip()
    return heading_level(line) is not None or stripped.startswith("第") and "条" in stripped[:6]


def check_invariants(text: str, chunks: list[Chunk], chunk_size: int) -> None:
    """Everything the rest of the system relies on, for any text."""
    previous_end = 0
    covered = set()
    for chunk in chunks:
        assert text[chunk.start:chunk.end] == chunk.text
        assert chunk.text and chunk.text == chunk.text.strip()
        assert chunk.start >= previous_end, "chunks overlap or are out of order"
        previous_end = chunk.end
        # The implementation hard-cuts a clause longer than the chunk size, so no chunk is ever longer.
        assert len(chunk.text) <= chunk_size
        assert chunk.sentences, "a chunk without sentences"
        assert chunk.sentences[0][0] == chunk.start and chunk.sentences[-1][1] == chunk.end
        sentence_end = chunk.start
        for s, e in chunk.sentences:
            assert chunk.start <= sentence_end <= s < e <= chunk.end
            assert text[s:e] and text[s:e] == text[s:e].strip()
            sentence_end = e
        covered.update(range(chunk.start, chunk.end))
        # A chunk never crosses into another section: no heading line starts inside it.
        for line_start in _line_starts(text):
            if chunk.start < line_start < chunk.end:
                assert not _is_section_start(_line_at(text, line_start)), (chunk, line_start)
    lost = [i for i, ch in enumerate(text) if not ch.isspace() and i not in covered]
    assert not lost, f"text outside every chunk: {[text[i] for i in lost[:20]]}"
    ids = [c.id for c in chunks]
    assert len(ids) == len(set(ids))


def check_packing(text: str, chunks: list[Chunk], chunk_size: int) -> None:
    """Chunks are filled greedily: a chunk ends early only at a section start or when the next
    sentence would not have fitted."""
    for before, after in zip(chunks, chunks[1:]):
        if before.section != after.section:
            continue
        first_line_start = text.rfind("\n", 0, after.start) + 1
        if first_line_start == after.start and _is_section_start(_line_at(text, after.start)):
            continue
        assert after.sentences[0][1] - before.start > chunk_size, (before, after)


# --- the article -------------------------------------------------------------------------------
@pytest.mark.parametrize("chunk_size", [50, 120, 260, 600])
def test_article_offsets_round_trip(chunk_size):
    chunks = chunk_text(TEXT, "blockchain_policy_2020.txt", chunk_size)
    assert len(chunks) >= len(TEXT) // chunk_size
    check_invariants(TEXT, chunks, chunk_size)
    check_packing(TEXT, chunks, chunk_size)
    assert {c.doc for c in chunks} == {"blockchain_policy_2020.txt"}


def test_article_sections():
    chunks = chunk_text(TEXT, "blockchain_policy_2020.txt", 260)
    money = [c for c in chunks if "2400亿元" in c.text]
    tesla = [c for c in chunks if "特斯拉" in c.text]
    hainan = [c for c in chunks if "2035年前建立数据确权" in c.text]
    assert len(money) == len(tesla) == len(hainan) == 1
    assert money[0].section.startswith("深圳拟重点扶持")
    assert "一、重构或者创新" in tesla[0].section
    assert tesla[0].section.startswith("区块链产业正开启“赛马”模式")  # the numbered heading nests under the title
    assert hainan[0].section == "海南:2015年前建设国家级区块链基地"
    improvement = next(c for c in chunks if "供应链管理" in c.text)
    assert "二、延续或者改良" in improvement.section and "一、" not in improvement.section
    assert chunks[0].section == "区块链产业正开启“赛马”模式"


def test_chunk_ids_are_deterministic_and_depend_on_the_document_name():
    first = chunk_text(TEXT, "a.txt", 260)
    again = chunk_text(TEXT, "a.txt", 260)
    other = chunk_text(TEXT, "b.txt", 260)
    assert [c.id for c in first] == [c.id for c in again]
    assert first == again
    assert [(c.start, c.end) for c in first] == [(c.start, c.end) for c in other]
    assert not {c.id for c in first} & {c.id for c in other}


def test_empty_and_blank_text_give_no_chunks():
    assert chunk_text("", "x") == []
    assert chunk_text(" \n\n\t　\n", "x") == []


def test_a_run_without_any_break_is_hard_cut_at_the_chunk_size():
    text = "前言。\n" + "区块链" * 300 + "\n结语。"
    chunks = chunk_text(text, "x", 100)
    check_invariants(text, chunks, 100)
    long_run = [c for c in chunks if c.text.startswith("区块链") or c.text.startswith("块") or c.text.startswith("链")]
    assert sum(len(c.text) for c in long_run) >= 900
    assert max(len(c.text) for c in chunks) == 100


def test_a_long_sentence_is_cut_at_clauses_before_hard_cuts():
    clause = "推动区块链技术在政务服务中的应用"  # 16 characters
    sentence = "，".join([clause] * 30) + "。"
    chunks = chunk_text(sentence, "x", 100)
    check_invariants(sentence, chunks, 100)
    for chunk in chunks[:-1]:
        assert chunk.text.endswith("，"), chunk.text  # cut after a comma, not inside a clause


# --- random text -------------------------------------------------------------------------------
_CJK = "区块链产业发展政策数字经济创新北京深圳海南技术应用平台建设的了和"
_PIECES = (list(_CJK) * 6 + list("0123456789") * 2 + list("abcXYZ")
           + ["。", "！", "？", "；", "……", "，", ",", ";", "?", "!", ":", "：", "、", "3.5%", "“", "”",
              "（", "）", " ", "　", "\n", "\n\n", "\t", "\r\n", "2400亿元"])
_HEADINGS = ["第一章 总则", "第二条 ", "一、总体要求", "（一）发展目标", "北京：建成高地", "## 小节", "第三节 保障",
             "# 标题"]


def random_text(rng: random.Random) -> str:
    parts = []
    for _ in range(rng.randint(0, 400)):
        roll = rng.random()
        if roll < 0.03:
            parts.append("\n" + rng.choice(_HEADINGS) + "\n")
        elif roll < 0.04:  # a long run with no place to break
            parts.append("".join(rng.choice(_CJK) for _ in range(rng.randint(50, 700))))
        else:
            parts.append(rng.choice(_PIECES))
    return "".join(parts)


@pytest.mark.parametrize("seed", range(40))
def test_random_text_invariants(seed):
    rng = random.Random(seed)
    for _ in range(25):
        text = random_text(rng)
        chunk_size = rng.choice([50, 61, 97, 130, 260, 400])
        chunks = chunk_text(text, f"doc-{seed}", chunk_size)
        check_invariants(text, chunks, chunk_size)
        check_packing(text, chunks, chunk_size)
        assert [c.id for c in chunk_text(text, f"doc-{seed}", chunk_size)] == [c.id for c in chunks]


@pytest.mark.parametrize("seed", range(10))
def test_random_sentence_and_clause_spans(seed):
    rng = random.Random(1000 + seed)
    for _ in range(50):
        text = random_text(rng)
        sentences = split_sentences(text)
        position = 0
        for s, e in sentences:
            assert position <= s < e <= len(text)
            assert text[s:e] == text[s:e].strip() and "\n" not in text[s:e]
            position = e
            for a, b in split_clauses(text, s, e):
                assert s <= a < b <= e and text[a:b] == text[a:b].strip()
        covered = {i for s, e in sentences for i in range(s, e)}
        assert all(i in covered for i, ch in enumerate(text) if not ch.isspace())


# --- sentences ---------------------------------------------------------------------------------
def test_sentences_split_at_chinese_terminators_and_line_breaks():
    text = "深圳计划到2022年。全市增长较快！是否达标？是；否……结束\n第二行\r\n  第三行  "
    assert _pieces(text, split_sentences(text)) == [
        "深圳计划到2022年。", "全市增长较快！", "是否达标？", "是；", "否……", "结束", "第二行", "第三行"]


def test_sentences_split_at_ascii_marks_between_chinese():
    text = "强化基础研究;构建开源平台?推进标准建设!建设研发机构"
    assert _pieces(text, split_sentences(text)) == ["强化基础研究;", "构建开源平台?", "推进标准建设!", "建设研发机构"]


def test_sentences_keep_closing_quotes_and_brackets():
    text = "通知强调：“要强化资金支持。”同时完善监管。（详见附件。）此外，还要加强人才培养。"
    assert _pieces(text, split_sentences(text)) == [
        "通知强调：“要强化资金支持。”", "同时完善监管。", "（详见附件。）", "此外，还要加强人才培养。"]


@pytest.mark.parametrize("text", [
    "年均增速为3.5%左右,比上年提高0.5个百分点。",
    "版本2.0.1已发布,下载量达1.2万次。",
    "GDP增长6.1%，好于预期。",
])
def test_no_sentence_break_at_a_decimal_point(text):
    assert _pieces(text, split_sentences(text)) == [text]


def test_ascii_marks_outside_chinese_do_not_end_a_sentence():
    """The splitter's own comment: ASCII ; ? ! end a sentence only *between Chinese characters*.
    A URL's query string in a Chinese sentence is not three sentences."""
    text = "详见 https://www.gov.cn/zhengce?id=3&a=1;b=2 的通知。"
    assert _pieces(text, split_sentences(text)) == [text]


def test_sentence_spans_respect_a_sub_range():
    text = "前文。深圳计划到2022年。全市增长。后文。"
    start, end = text.index("深"), text.index("后")
    assert _pieces(text, split_sentences(text, start, end)) == ["深圳计划到2022年。", "全市增长。"]


# --- clauses -----------------------------------------------------------------------------------
def test_clauses_split_at_chinese_and_ascii_commas_between_chinese():
    text = "深圳计划到2022年,全市数字经济产业增加值突破2400亿元，年均增速15%左右"
    assert _pieces(text, split_clauses(text, 0, len(text))) == [
        "深圳计划到2022年", "全市数字经济产业增加值突破2400亿元", "年均增速15%左右"]


def test_clauses_do_not_split_enumerations_or_decimals():
    text = "大数据、云计算、区块链、信息安全、人工智能等12大领域,增速3.5%"
    assert _pieces(text, split_clauses(text, 0, len(text))) == ["大数据、云计算、区块链、信息安全、人工智能等12大领域", "增速3.5%"]


@pytest.mark.parametrize("text, number", [
    ("传统的汽车有30,000个零部件,而电动汽车只需要3000多个零部件", "30,000个"),
    ("会议于10:30开始,地点在北京", "10:30"),
], ids=["thousands-separator", "clock-time"])
def test_clauses_do_not_split_inside_a_number(text, number):
    """A thousands separator or a clock time is one number, not two clauses."""
    assert any(number in piece for piece in _pieces(text, split_clauses(text, 0, len(text))))


# --- headings ----------------------------------------------------------------------------------
@pytest.mark.parametrize("line, level", [
    ("第一章 总则", 1),
    ("第十二章　附则", 1),
    ("第三节 发展目标", 2),
    ("一、重构或者创新", 2),
    ("十一、保障措施", 2),
    ("（一）总体要求", 3),
    ("(二)发展目标", 3),
    ("北京:2022年初建成区块链科技创新高地", 1),
    ("海南：2025年前建设国家级区块链基地", 1),
    ("# 深圳市数字经济产业创新发展实施方案", 1),
    ("## 重点任务", 2),
    ("深圳拟重点扶持区块链等12大数字经济产业", 1),
])
def test_heading_lines(line, level):
    assert heading_level(line) == level


@pytest.mark.parametrize("line", [
    "",
    "   ",
    "2022",
    "据不完全统计,仅在今年上半年,已超过10多个省市出台了区块链相关政策。",
    "（1）创新引领，打造区块链理论与技术平台：强化区块链基础研究；推进标准体系建设。",
    "一、重构或者创新，这里有两个非常典型的代表。",
    "万向区块链董事长兼总经理肖风博士认为:区块链作为一个基础技术,要真正地走向应用。",
    "第三条 为了促进区块链产业发展，制定本办法。",
    "这是一段很长很长的没有标点的正文文字它超过了标题允许的最大长度所以不能被当成标题来处理的",
])
def test_body_lines_are_not_headings(line):
    assert heading_level(line) is None


def test_section_chains_of_a_structured_document():
    text = "\n".join([
        "# 深圳市区块链产业发展办法",
        "第一章 总则",
        "第一条 为了促进区块链产业发展，制定本办法。",
        "第二条 本办法适用于本市行政区域。",
        "第二章 发展目标",
        "一、总体要求",
        "（一）发展目标",
        "到2025年，产业规模突破500亿元。",
        "（二）重点任务",
        "建设区块链创新平台。",
        "二、保障措施",
        "加大资金支持。",
        "北京：建成区块链科技创新高地",
        "到2022年建成高地。",
    ])
    chunks = chunk_text(text, "x", 50)
    check_invariants(text, chunks, 50)

    def section_of(phrase: str) -> str:
        return next(c.section for c in chunks if phrase in c.text)

    assert section_of("为了促进") == "第一章 总则 > 第一条"
    assert section_of("本办法适用于") == "第一章 总则 > 第二条"
    assert section_of("产业规模突破500亿元") == "第二章 发展目标 > 一、总体要求 > （一）发展目标"
    assert section_of("建设区块链创新平台") == "第二章 发展目标 > 一、总体要求 > （二）重点任务"
    assert section_of("加大资金支持") == "第二章 发展目标 > 二、保障措施"
    assert section_of("到2022年建成高地") == "北京：建成区块链科技创新高地"
    assert section_of("# 深圳市区块链产业发展办法") == "深圳市区块链产业发展办法"


def test_signature_and_date_lines_are_body_text_not_headings():
    text = ("某市人民政府关于印发某办法的通知\n现将《某办法》印发给你们。\n某市人民政府\n2023年9月5日\n（此件公开发布）\n"
            "某办法\n第一条  为加强管理，制定本办法。\n")
    chunks = chunk_text(text, "n.txt", chunk_size=200)
    first = chunks[0]
    assert first.section == "某市人民政府关于印发某办法的通知"
    assert "某市人民政府\n2023年9月5日\n（此件公开发布）" in first.text
    assert heading_level("（2021年5月20日）") is None and heading_level("（此件公开发布）") is None
    assert heading_level("（一）总体要求") == 3
