"""Unit tests of readings met in a State Council plan for settling people in cities and a city's rules on
public rental housing: the body a "（…牵头）" note puts in charge of an item, a body's whole name when the
note, not the sentence, holds it, the body a "…是…主管部门" sentence names (after an article number, before
a short name), a figure of the question past the text's bound, and answers of the wrong shape (a sum of
money, a lower bound). Fast: jieba only, no model."""
from __future__ import annotations

from qa import extractive
from qa.doers import responsible
from qa.entities import entity_strict
from qa.shapes import fits
from qa.verdicts import yes_no
from tests.test_spans import passage
from tests.test_statute_phrasings import scored

PLAN = ("（十二）将进城落户农民纳入城镇住房保障体系。加快完善城镇住房保障体系，确保进城落户农民与当地城镇居民"
        "同等享有政府提供基本住房保障的权利。推进扩大住房公积金缴存面。（住房城乡建设部牵头）\n"
        "（十三）落实进城落户农民参加城镇基本医疗保险政策。进城落户农民在农村参加的基本医疗保险可规范接入城镇基本"
        "医疗保险。（人力资源社会保障部牵头，国家卫生计生委等部门参与）\n")


def test_the_body_a_lead_note_puts_in_charge_of_the_item():
    sentence = "加快完善城镇住房保障体系，确保进城落户农民与当地城镇居民同等享有政府提供基本住房保障的权利。"
    paragraph = PLAN.split("\n")[0]
    assert responsible("把进城落户农民纳入城镇住房保障体系由哪个部门牵头？", passage(sentence, paragraph)) == "住房城乡建设部"
    second = PLAN.split("\n")[1]
    assert responsible("落实进城落户农民参加城镇基本医疗保险政策由哪个部门负责？",
                       passage("进城落户农民在农村参加的基本医疗保险可规范接入城镇基本医疗保险。", second)) == "人力资源社会保障部"
    # a question that asks no one in charge is not answered by the note
    assert responsible("进城落户农民的医疗保险怎么接续？", passage("进城落户农民在农村参加的基本医疗保险可规范接入城镇基本"
                                                                "医疗保险。", second)) is None


def test_a_bodys_whole_name_where_the_note_holds_it():
    best = scored("进城落户农民在农村参加的基本医疗保险可规范接入城镇基本医疗保险。", PLAN)
    found = extractive.extract("落实进城落户农民参加城镇基本医疗保险政策由哪个部门牵头？", "entity", [best], lambda _: PLAN)
    assert found.answer == "人力资源社会保障部"


def test_the_body_an_is_sentence_names():
    text = "第六条市住房城乡建设局是全市公共租赁住房保障行政主管部门，负责组织建立和完善公共租赁住房保障体系。"
    assert entity_strict("全市公共租赁住房保障的行政主管部门是哪个？", passage(text)) == "市住房城乡建设局"
    text = "市住房保障办公室（以下称市住房保障部门）是全市公共租赁住房保障工作的具体实施机构，负责资格审核。"
    assert entity_strict("全市公共租赁住房保障工作的具体实施机构是哪个单位？", passage(text)) == "市住房保障办公室"


def test_a_figure_of_the_question_past_the_texts_bound():
    said = "具有完全民事行为能力，且年满30周岁的单身申请人可独立申请；"
    assert yes_no("我28岁，单身，有城镇户口，能自己一个人申请公租房吗？", passage(said)).startswith("不能")
    assert yes_no("我32岁，单身，有城镇户口，能自己一个人申请公租房吗？", passage(said)).startswith("能")
    one = "申请家庭只限申请承租1套公共租赁住房。"
    assert yes_no("申请家庭可以申请承租2套公共租赁住房吗？", passage(one)).startswith("不可以")
    assert yes_no("申请家庭可以申请承租1套公共租赁住房吗？", passage(one)).startswith("可以")


def test_answers_of_the_wrong_shape():
    assert not fits("广州住房公积金贷款最高能贷多少？", "1个月内")
    assert fits("广州住房公积金贷款最高能贷多少？", "60万元")
    assert not fits("方案里的超大城市是指城区常住人口多少万以上的城市？", "300万以下")
    assert fits("方案里的超大城市是指城区常住人口多少万以上的城市？", "1000万以上")
