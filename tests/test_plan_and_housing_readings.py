"""Unit tests of readings met in a State Council plan for settling people in cities, a city's rules on
public rental housing, a province's e-bike regulation and a ministry's cosmetics rules: the body a
"（…牵头）" note puts in charge of an item, a body's whole name when the note, not the sentence, holds it,
the body a "…是…主管部门" sentence names (after an article number, before a short name), a figure of the
question past the text's bound, answers of the wrong shape (a sum of money, a lower bound), whom a thing
is reported, handed or paid to, "省、自治区、直辖市" as the province level, the list named by the asked
noun, a doer whose owner the question already names, an abbreviation jieba cuts, the date of the
printing line, a year standing alone before the target it sets, and two ways joined by 与. Fast: jieba
only, no model."""
from __future__ import annotations

from qa import extractive
from qa.cloze import cloze
from qa.doers import responsible
from qa.entities import entity_strict
from qa.dates import DATE
from qa.issuance import answer as issued
from qa.lists import alternatives
from qa.passage import pick
from qa.names import whole_name
from qa.places import turned_to
from qa.refusals import another_item, other_level
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
    # a year is a date, not a figure against a bound
    assert yes_no("2020年申请的也能续期吗？", passage("申请人可以申请续期，续期最多5年。")).startswith("能")


def test_answers_of_the_wrong_shape():
    assert not fits("广州住房公积金贷款最高能贷多少？", "1个月内")
    assert fits("广州住房公积金贷款最高能贷多少？", "60万元")
    assert not fits("方案里的超大城市是指城区常住人口多少万以上的城市？", "300万以下")
    assert fits("方案里的超大城市是指城区常住人口多少万以上的城市？", "1000万以上")


def test_whom_a_thing_is_reported_handed_or_paid_to():
    said = "发现入场化妆品经营者有违法行为的，应当及时制止，并向所在地县级负责药品监督管理的部门报告。"
    assert turned_to("市场开办方除了制止还要报告给谁？", said) == "所在地县级负责药品监督管理的部门"
    sold = "由公安机关交通管理部门将车辆送交有资格的拍卖机构依法拍卖，所得价款上缴国库。"
    assert turned_to("扣留车辆被依法拍卖的，所得价款归谁？", sold) == "国库"
    scrapped = "对无人竞拍的电动自行车，依照国家有关规定送交有资质的回收机构予以拆除、解体。"
    assert turned_to("没人竞拍的电动车最后交给谁处理？", scrapped) == "有资质的回收机构"
    # the name does not run back over the handing
    assert whole_name("有资质的回收机构", scrapped) == "有资质的回收机构"


def test_the_province_level_said_with_autonomous_regions_and_municipalities():
    said = "省、自治区、直辖市药品监督管理部门应当自受理化妆品生产许可申请之日起30个工作日内作出决定。"
    assert not other_level("省级药品监督管理部门应当在多少个工作日内作出决定？", said)
    assert other_level("省级药品监督管理部门应当在多少个工作日内作出决定？", "市药品监督管理部门应当在10个工作日内作出决定。")


def test_the_list_named_by_the_asked_noun():
    said = ("第七条 化妆品生产许可项目按照化妆品生产工艺、成品状态和用途等，划分为一般液态单元、膏霜乳液单元、粉单元、"
            "气雾剂及有机溶剂单元、蜡基单元、牙膏单元、皂基单元、其他单元。")
    assert cloze("化妆品生产许可项目划分为哪些单元？", said) == \
        "一般液态单元、膏霜乳液单元、粉单元、气雾剂及有机溶剂单元、蜡基单元、牙膏单元、皂基单元、其他单元"


def test_a_doer_whose_owner_the_question_names():
    said = "化妆品注册人、备案人、受托生产企业的法定代表人、主要负责人对化妆品质量安全工作全面负责。"
    assert cloze("化妆品注册人、备案人、受托生产企业中，由谁对化妆品质量安全工作全面负责？", said) == "法定代表人、主要负责人"


def test_an_abbreviation_jieba_cuts_is_no_other_item():
    paragraph = ("公共租赁住房项目设计必须配置足够的配套公共服务设施，配套公共服务设施比例应不小于住宅建筑面积的11%，其中，"
                 "商业服务设施比例应按不大于住宅建筑面积的5%进行设置。")
    text = "第九条 公租房实行租赁补贴。\n" + paragraph + "\n"
    assert not another_item("公租房小区里配套公共服务设施至少要占住宅面积的百分之几？", "11%", passage(paragraph), text)


def test_the_date_of_the_printing_line():
    text = ("某某市人民政府办公厅关于印发某某市公共租赁住房管理办法的通知\n某府办规〔2024〕13号\n各区人民政府：\n"
            "《某某市公共租赁住房管理办法》业经市人民政府同意，现印发给你们。\n某某市人民政府办公厅\n2024年7月26日\n"
            "第一条 为完善本市住房保障体系，制定本办法。\n某某市人民政府办公厅秘书处  2024年7月29日印发\n")
    assert issued("这份公租房文件是哪天由市政府办公厅秘书处印发的？", text)[0] == "2024年7月29日"
    assert issued("某某市人民政府办公厅关于印发某某市公共租赁住房管理办法的通知落款日期是哪天？", text)[0] == "2024年7月26日"


def test_a_year_standing_alone_before_the_target_it_sets():
    said = "到2020年，全国户籍人口城镇化率提高到45％，各地区户籍人口城镇化率与常住人口城镇化率差距比2013年缩小2个百分点以上。"
    years = list(DATE.finditer(said))
    assert pick("全国户籍人口城镇化率提高到45％的目标年份是哪一年？", said, years) == "2020年"
    assert pick("户籍人口城镇化率与常住人口城镇化率差距比哪一年缩小2个百分点以上？", said, years) == "2013年"


def test_two_ways_joined_by_yu():
    assert alternatives("实物保障与租赁补贴", pair=True) == "实物保障与租赁补贴"
    assert alternatives("实物保障与租赁补贴") is None  # (two not asked for: one thing, maybe)
    assert alternatives("自建自营或委托运营的方式") == "自建自营或委托运营"
