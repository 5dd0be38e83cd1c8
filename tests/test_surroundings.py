"""Unit tests of qa/surroundings.py through the extractive answerer: what the lines around the evidence
sentence add to its answer. Fast: jieba only, no model, no store."""
from __future__ import annotations

import re
from types import SimpleNamespace

from qa import extractive
from qa.extractive import Scored
from qa.surroundings import further_amount, further_cases

RULES = ("第四十条 乡村医生在执业活动中，应当遵守法律、法规。\n"
         "第四十一条 以不正当手段取得乡村医生执业证书的，由发证部门收缴乡村医生执业证书；"
         "造成患者人身损害的，依法承担民事赔偿责任；构成犯罪的，依法追究刑事责任。\n"
         "第四十三条 未按照规划组织乡村医生培训的，由本级人民政府责令改正；情节严重的，依法给予行政处分：\n"
         "第四十四条 乡村医生应当如实向患者介绍病情；对不能诊治的病人，应当及时转诊。\n"
         "第四十五条 单位不为本单位职工办理账户设立手续的，由管理中心责令限期办理；"
         "逾期不办理的，处1万元以上5万元以下的罚款。\n")


def sentences(text: str = RULES, best: str = "") -> list[Scored]:
    """Every sentence of `text` (cut at 。；： as the chunker does), the one starting with `best` first."""
    chunk = SimpleNamespace(page_content=text, metadata={"doc": "d", "start": 0, "end": len(text), "section": ""})
    found = [Scored(m.group(), m.start(), m.end(), chunk, 0.5, 0.5, 0.5)
             for m in re.finditer(r"[^。；：\n]+[。；：]?", text) if m.group().strip()]
    return sorted(found, key=lambda s: not s.text.startswith(best))


def test_a_measure_is_followed_by_the_further_cases_its_line_goes_on_with():
    ranked = sentences(best="第四十一条")
    found = extractive.extract("以不正当手段取得乡村医生执业证书的，如何处理？", "descriptive", ranked, lambda _: RULES)
    assert found.answer == ("由发证部门收缴乡村医生执业证书；造成患者人身损害的，依法承担民事赔偿责任；"
                            "构成犯罪的，依法追究刑事责任")
    # every sentence the answer is made of is cited, the first one first
    assert [s.text for s in found.evidence] == [
        "第四十一条 以不正当手段取得乡村医生执业证书的，由发证部门收缴乡村医生执业证书；",
        "造成患者人身损害的，依法承担民事赔偿责任；", "构成犯罪的，依法追究刑事责任。"]


def test_a_question_naming_one_of_the_further_cases_gets_that_cases_measure():
    ranked = sentences(best="第四十三条")
    found = extractive.extract("未按照规划组织乡村医生培训，情节严重的会怎么处理？", "descriptive", ranked,
                               lambda _: RULES)
    assert found.answer == "依法给予行政处分"  # the colon that opens the line's items is not part of it
    assert [s.text for s in found.evidence] == ["情节严重的，依法给予行政处分："]


def test_only_a_measure_that_ends_at_a_semicolon_and_is_followed_by_cases_grows():
    first = sentences(best="第四十一条")[0]
    # not asked what is done about it
    assert further_cases("以不正当手段取得乡村医生执业证书的，由哪个部门收缴？", first, "发证部门",
                         lambda _: RULES) is None
    # the answer does not reach the end of its sentence
    assert further_cases("以不正当手段取得乡村医生执业证书的，如何处理？", first, "由发证部门",
                         lambda _: RULES) is None
    # the next clause of the line is no case ("…的，")
    treat = sentences(best="第四十四条")[0]
    assert further_cases("乡村医生该怎么办？", treat, "乡村医生应当如实向患者介绍病情", lambda _: RULES) is None
    # a sentence that ends the line
    last = [s for s in sentences() if s.text.startswith("构成犯罪")][0]
    assert further_cases("构成犯罪的，如何处理？", last, "依法追究刑事责任", lambda _: RULES) is None


def test_an_amount_is_read_from_the_case_the_line_goes_on_with():
    ranked = sentences(best="第四十五条")
    found = extractive.extract("单位不给员工开账户，被责令后还不办，会被罚多少钱？", "number", ranked, lambda _: RULES)
    assert found.answer == "1万元以上5万元以下"
    assert [s.text for s in found.evidence] == ["逾期不办理的，处1万元以上5万元以下的罚款。"]  # the case stating it
    # a line that goes on with no case states nothing more
    assert further_amount("会被罚多少钱？", sentences(best="第四十四条")[0], lambda _: RULES) is None


INSURANCE = ("第十三条 参加职工社会医疗保险的人员建立个人账户。个人账户按月划入标准为：\n"
             "（一）不满35周岁为本年度本人职工社会医疗保险月缴费基数的2％；\n"
             "（二）满35周岁至不满45周岁为本年度本人职工社会医疗保险月缴费基数的3％；\n"
             "（三）满45周岁至退休前为本年度本人职工社会医疗保险月缴费基数的3.8％；\n"
             "第十八条 参保人员每次住院基本医疗费用统筹基金的起付标准，按照以下标准确定：\n"
             "（一）职工：一级定点医疗机构为400元，二级定点医疗机构为800元，三级定点医疗机构为1600元；\n"
             "（二）退休人员：一级定点医疗机构为280元，二级定点医疗机构为560元，三级定点医疗机构为1120元；\n"
             "（三）参保人员每次住院支付一次起付标准，连续住院治疗时间每超过90天需重新支付一次起付标准。\n"
             "第二十条 中心城区范围内的经营性停车设施，应当二十四小时开放。违反规定的，由城市管理综合执法部门"
             "责令限期改正，并处五千元以上一万元以下罚款。\n")


def test_a_lead_line_gives_the_value_of_the_item_the_question_names_by_its_label():
    ranked = sentences(INSURANCE, best="第十八条")
    found = extractive.extract("职工在三级定点医疗机构住院，每次住院的起付标准是多少？", "number", ranked, lambda _: INSURANCE)
    assert found.answer == "1600元"
    assert found.evidence[0].text.startswith("（一）职工：")  # the item stating it is cited
    found = extractive.extract("退休人员去三级医院住院，起付标准是多少？", "number", ranked, lambda _: INSURANCE)
    assert found.answer == "1120元"


def test_a_lead_line_gives_the_value_of_the_item_whose_ages_include_the_askers():
    ranked = sentences(INSURANCE, best="个人账户按月划入标准为")
    question = "我今年40岁，每个月按缴费基数的百分之几划进个人账户？"
    assert extractive.extract(question, "number", ranked, lambda _: INSURANCE).answer == "3％"
    assert extractive.extract(question.replace("40岁", "50岁"), "number", ranked, lambda _: INSURANCE).answer == "3.8％"


def test_the_sentence_after_that_punishes_a_duty_states_its_fine():
    ranked = sentences(INSURANCE, best="第二十条")
    found = extractive.extract("中心城区的经营性停车场晚上关门不24小时开放，会被罚多少？", "number", ranked, lambda _: INSURANCE)
    assert found.answer == "五千元以上一万元以下"
    assert found.evidence[0].text.startswith("违反规定的")
