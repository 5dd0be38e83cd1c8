"""Scoring: normalisation, containment, CMRC-2018 EM/F1, retrieval hits, aggregates, bootstrap."""
from __future__ import annotations

import pytest

from qa.evaluation.gold import GoldQuestion
from qa.evaluation.metrics import Prediction, aggregate, bootstrap_ci, breakdown
from qa.evaluation.retrieval import cites_evidence, first_hit, is_hit, occurrences
from qa.evaluation.scoring import exact_match, f1, f1_score, is_correct, longest_common_substring, normalise, tokens
from qa.types import Citation


def q(answers=(), all_of=(), type="number", evidence=(), doc="a.txt", **kw) -> GoldQuestion:
    return GoldQuestion(id=kw.pop("id", "q"), question="问题？", type=type, answers=list(answers),
                        all_of=list(all_of), evidence=list(evidence), doc=doc, **kw)


# --- normalisation -----------------------------------------------------------------------------------
@pytest.mark.parametrize("raw, expected", [
    ("两条", "2条"),
    ("十二大", "12大"),
    ("四大重点任务", "4大重点任务"),
    ("三千多个", "3000多个"),
    ("十几个", "10几个"),
    ("第一条道路", "第1条道路"),
    ("二〇二〇年", "2020年"),
    ("百分之十五", "15%"),
    ("百分之15", "15%"),
    ("一万亿元", "1万亿元"),   # the magnitude word stays: 1万亿 and 一万亿 agree
    ("三千零五十元", "3050元"),
])
def test_chinese_numerals_become_arabic(raw, expected):
    assert normalise(raw) == expected


@pytest.mark.parametrize("word", ["统一", "一体化", "两会", "十分重要", "千万不要", "万一"])
def test_numeral_characters_inside_words_are_left_alone(word):
    assert normalise(word) == word


@pytest.mark.parametrize("raw, expected", [
    ("“赋能实体经济”、“脱虚务实”。", "赋能实体经济脱虚务实"),
    ("Hello, World！", "helloworld"),
    ("２４００亿元", "2400亿元"),          # NFKC: full-width digits
    (" 2400 亿元\n", "2400亿元"),
    ("2,400亿元", "2400亿元"),
    ("硬件+软件+服务", "硬件软件服务"),
    ("《北京市区块链创新发展行动计划(2020-2022年)》", "北京市区块链创新发展行动计划20202022年"),
    ("1.5倍。", "1.5倍"),                 # a decimal point is not punctuation
    ("增速15%左右", "增速15%左右"),        # nor is the percent sign
])
def test_punctuation_and_whitespace_are_removed(raw, expected):
    assert normalise(raw) == expected


# --- correctness -------------------------------------------------------------------------------------
def test_any_answer_contained_after_normalisation_is_correct():
    question = q(answers=["10000亿元", "1万亿"])
    assert is_correct(question, "软件业务收入突破一万亿。", refused=False)
    assert is_correct(question, "突破10,000亿元", refused=False)
    assert not is_correct(question, "2400亿元", refused=False)


def test_a_yes_no_answer_is_judged_by_its_verdict_not_by_containment():
    yes, no = q(answers=["是", "可以"], type="yes_no"), q(answers=["否", "不可以"], type="yes_no")
    assert is_correct(yes, "是。委托他人办理登记的，适用本办法的规定。", refused=False)
    assert not is_correct(yes, "不可以。", refused=False)  # contains 可以
    assert not is_correct(yes, "否。本办法是为规范登记制定的。", refused=False)  # contains 是
    assert is_correct(no, "否。不得转让。", refused=False)
    assert not is_correct(no, "是。可以转让，不可以拖延。", refused=False)  # contains 不可以


def test_a_yes_no_gold_fact_is_checked_by_containment():
    # the gold states the fact a right answer gives, not a verdict: "不可以" is as good an opening as "可以"
    two = q(answers=["2人", "两人"], type="yes_no")
    assert is_correct(two, "不可以。不得少于2人", refused=False)
    assert not is_correct(two, "可以。", refused=False)


def test_a_yes_no_gold_of_bare_verdicts_is_answered_by_any_word_for_that_verdict():
    no = q(answers=["否", "不是"], type="yes_no")
    assert is_correct(no, "不可以。任何单位和个人不得擅自动用市级储备粮。", refused=False)
    assert not is_correct(no, "可以。", refused=False)
    assert not is_correct(no, "不可以。", refused=True)
    # a gold with a fact besides its verdict still wants the fact
    fact = q(answers=["否", "不能", "应纳入建筑、排水、道路"], type="yes_no")
    assert not is_correct(fact, "不行。", refused=False)
    assert is_correct(fact, "不能。应纳入建筑、排水、道路等专业内容。", refused=False)


def test_numerals_are_unified_both_ways():
    assert is_correct(q(answers=["2条"]), "肖风认为有两条道路", refused=False)
    assert is_correct(q(answers=["两条"]), "2条", refused=False)


def test_percent_is_not_a_count():
    assert not is_correct(q(answers=["15%"]), "15个", refused=False)


def test_all_of_needs_every_item():
    question = q(all_of=["北京", "深圳", "海南"], type="list")
    assert is_correct(question, "北京、深圳、海南等地", refused=False)
    assert not is_correct(question, "北京、深圳等地", refused=False)


def test_answers_or_all_of():
    question = q(answers=["四大领域"], all_of=["金融", "民生"], type="list")
    assert is_correct(question, "金融和民生", refused=False)
    assert is_correct(question, "4大领域", refused=False)


def test_a_refusal_is_wrong_when_answerable_and_right_when_not():
    assert not is_correct(q(answers=["2400亿元"]), "2400亿元", refused=True)
    assert is_correct(q(type="unanswerable"), "根据现有文件无法回答这个问题。", refused=True)
    assert not is_correct(q(type="unanswerable"), "比特币", refused=False)


# --- CMRC 2018 EM / F1, values computed by hand ----------------------------------------------------------
def test_tokens_are_chinese_characters_and_ascii_runs():
    assert tokens("突破2400亿元，增速1.5%") == ["突", "破", "2400", "亿", "元", "增", "速", "1.5", "%"]


def test_f1_precision_and_recall_over_the_longest_common_substring():
    # ref [2400 亿 元], pred [突 破 2400 亿 元]: lcs 3, P 3/5, R 1 -> 0.75
    assert f1_score("2400亿元", "突破2400亿元") == pytest.approx(0.75)
    # 7 of 10 characters: P 0.7, R 1 -> 14/17
    assert f1_score("北京市人民政府", "北京市人民政府办公厅") == pytest.approx(14 / 17)
    # contiguous, not a subsequence: lcs 4 (not 8), P 4/9, R 4/8 -> 8/17
    assert f1_score("创新引领需求带动", "创新引领和需求带动") == pytest.approx(8 / 17)
    assert f1_score("深圳", "海南") == 0.0


def test_longest_common_substring():
    assert longest_common_substring(list("abcxyz"), list("xyzabc")) == 3
    assert longest_common_substring([], list("abc")) == 0


def test_f1_and_em_take_the_best_answer():
    question = q(answers=["10多个", "超过10个"])
    # "10多个" vs [超 过 10 个 省 市]: lcs 1, P 1/6, R 1/3 -> 2/9; "超过10个": lcs 4, P 4/6, R 1 -> 0.8
    assert f1(question, "超过10个省市", refused=False) == pytest.approx(0.8)
    assert exact_match(question, "超过10个省市", refused=False) == 0.0
    assert exact_match(question, "超过十个。", refused=False) == 1.0


def test_em_and_f1_of_all_of_compare_with_the_joined_items():
    question = q(all_of=["北京", "深圳", "海南"], type="list")
    assert exact_match(question, "北京、深圳、海南", refused=False) == 1.0
    assert f1(question, "北京、深圳", refused=False) == pytest.approx(2 * 1 * (4 / 6) / (1 + 4 / 6))


def test_em_and_f1_of_refusals():
    assert exact_match(q(answers=["x"]), "x", refused=True) == 0.0
    assert f1(q(answers=["x"]), "x", refused=True) == 0.0
    assert exact_match(q(type="unanswerable"), "无法回答", refused=True) == 1.0
    assert f1(q(type="unanswerable"), "比特币", refused=False) == 0.0


# --- retrieval ---------------------------------------------------------------------------------------
DOC = "甲乙丙。深圳计划到2022年突破2400亿元。丁戊。深圳计划到2022年突破2400亿元。己庚。"


def chunk(start, end, text=None, doc="a.txt") -> Citation:
    return Citation(doc, "", f"{start}-{end}", start, end, DOC[start:end] if text is None else text, 0.0)


def test_occurrences_finds_every_copy():
    assert occurrences(DOC, "2400亿元") == [(16, 22), (38, 44)]


def test_a_chunk_is_a_hit_when_it_covers_a_quote():
    question = q(evidence=["突破2400亿元"])
    assert is_hit(chunk(0, 24), question, DOC)
    assert is_hit(chunk(26, 47), question, DOC)          # the second occurrence counts too
    assert not is_hit(chunk(0, 18), question, DOC)       # cut through the quote
    assert is_hit(chunk(0, 24, text="重新分块后的文本"), question, DOC)  # by offsets, whatever the stored text
    assert not is_hit(chunk(0, 24, text="别的", doc="b.txt"), question, DOC)


def test_without_evidence_a_hit_contains_an_answer():
    question = q(answers=["2400亿元"], evidence=[])
    assert is_hit(chunk(0, 24), question, DOC)
    assert not is_hit(chunk(0, 12), question, DOC)


def test_first_hit_rank():
    question = q(evidence=["己庚"])
    retrieved = [chunk(0, 10), chunk(10, 30), chunk(44, 48)]
    assert first_hit(retrieved, question, DOC) == 3
    assert first_hit(retrieved[:2], question, DOC) is None


def test_a_citation_is_judged_by_overlap_with_the_evidence():
    question = q(evidence=["深圳计划到2022年突破2400亿元"])
    assert cites_evidence([chunk(4, 25)], question, DOC)                 # the very sentence
    assert cites_evidence([chunk(14, 25)], question, DOC)                # part of it, by offsets
    assert cites_evidence([chunk(26, 47)], question, DOC)                # its second copy
    assert cites_evidence([chunk(0, 4, text="深圳计划到2022年突破2400亿元。")], question, DOC)  # holds it verbatim
    assert not cites_evidence([chunk(0, 4)], question, DOC)              # another sentence
    assert not cites_evidence([chunk(4, 25, doc="b.txt", text="别的")], question, DOC)  # another document
    assert not cites_evidence([], question, DOC)


def test_citation_accuracy_counts_answers_given_to_answerable_questions_with_evidence():
    predictions = [prediction(cites_evidence=True), prediction(cites_evidence=False), prediction(cites_evidence=True),
                   prediction(refused=True, correct=False), prediction(type="unanswerable", refused=True)]
    assert aggregate(predictions).citation_accuracy == pytest.approx(2 / 3)
    assert aggregate(predictions[3:]).citation_accuracy is None


def prediction(correct=True, refused=False, type="number", hit_rank=1, latency=10.0, text="答案", **kw) -> Prediction:
    return Prediction(id=kw.pop("id", "q"), question="问题？", type=type, expected=["答案"], all_of=[],
                      prediction=text, refused=refused, correct=correct, em=float(correct), f1=float(correct),
                      latency_ms=latency, judged_retrieval=type != "unanswerable",
                      hit_rank=hit_rank if type != "unanswerable" else None, **kw)


def test_hit_at_k_and_mrr():
    predictions = [prediction(hit_rank=r) for r in (1, 2, None, 4)]
    metrics = aggregate(predictions)
    assert metrics.hits == {1: 0.25, 3: 0.5, 5: 0.75}
    assert metrics.mrr == pytest.approx((1 + 1 / 2 + 0 + 1 / 4) / 4)


def test_aggregate_rates_latency_and_length():
    predictions = [
        prediction(correct=True, latency=10, text="2400亿元"),
        prediction(correct=False, refused=True, latency=20, text="根据现有文件无法回答这个问题。"),
        prediction(correct=True, type="unanswerable", refused=True, latency=30, text="根据现有文件无法回答这个问题。"),
        prediction(correct=False, type="unanswerable", refused=False, latency=40, text="比特币的发明者"),
    ]
    m = aggregate(predictions)
    assert (m.n, m.n_answerable, m.n_unanswerable) == (4, 2, 2)
    assert m.accuracy == 0.5 and m.accuracy_answerable == 0.5
    assert m.refusal_rate == 0.5 and m.false_refusal_rate == 0.5
    assert m.latency_p50 == pytest.approx(25.0) and m.latency_p95 == pytest.approx(38.5)
    assert m.answer_len_median == pytest.approx((6 + 7) / 2)  # refusals are not answers
    assert m.n_retrieval == 2


def test_breakdown_by_split_type_and_paraphrase():
    predictions = [prediction(split="dev"), prediction(split="test", paraphrase=True, type="date"),
                   prediction(split=None, correct=False)]
    groups = breakdown(predictions)
    assert {k: m.n for k, m in groups["split"].items()} == {"dev": 1, "test": 1}  # no split: in "all" only
    assert {k: m.n for k, m in groups["type"].items()} == {"number": 2, "date": 1}
    assert {k: m.n for k, m in groups["paraphrase"].items()} == {"false": 2, "true": 1}
    assert groups["type"]["number"].accuracy == 0.5


# --- bootstrap ---------------------------------------------------------------------------------------
def test_bootstrap_interval_contains_the_estimate_and_is_seeded():
    values = [1.0] * 70 + [0.0] * 30
    low, high = bootstrap_ci(values)
    assert low < 0.7 < high
    assert 0.55 < low and high < 0.85
    assert bootstrap_ci(values) == (low, high)
    assert bootstrap_ci(values, seed=7) != (low, high)


def test_bootstrap_degenerate_cases():
    assert bootstrap_ci([1.0] * 10) == (1.0, 1.0)
    assert bootstrap_ci([]) is None
