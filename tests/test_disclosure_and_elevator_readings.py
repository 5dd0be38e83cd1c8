"""Unit tests of readings met in an environmental-disclosure rule, a city elevator regulation, a State
Council opinion on vocational training and a city's meal-assistance measure: the hint in the clause that
asks, the fine of the one the question names, bracketed parts of a body's name, the body a clause opens
with, what 即为 deems, a bound in the next sentence, a stretch of the calendar, a count of the lines a lead
announces, frames asked together, the event a time limit counts from, and what a document says it is
based on. Fast: jieba only, no model."""
from __future__ import annotations

from qa import extractive
from qa.cloze import cloze
from qa.dates import date
from qa.doers import who
from qa.entities import entity, entity_strict
from qa.follow_up import rewrite
from qa.document_facts import document_fact
from qa.lists import enumeration_items
from qa.names import whole_name
from qa.numbers import number
from qa.phrasings import basis, deemed
from qa.places import place
from qa.question import question_kind
from qa.refusals import keys_present
from tests.test_spans import _item, passage
from tests.test_statute_phrasings import scored

PENALTIES = ("第二十八条　企业违反本办法规定，不披露环境信息的，由设区的市级以上生态环境主管部门责令改正，通报批评，"
             "并可以处一万元以上十万元以下的罚款。\n"
             "第二十九条　企业违反本办法规定，有下列行为之一的，由设区的市级以上生态环境主管部门责令改正，通报批评，"
             "并可以处五万元以下的罚款：\n（一）披露环境信息不符合准则要求的；\n（二）披露环境信息超过规定时限的；\n")


def test_a_time_word_of_the_case_does_not_make_a_fine_a_time():
    lead = PENALTIES.split("\n")[1]
    assert number("企业披露环境信息超过规定时限的，可以处多少罚款？", passage(lead)) == "五万元以下"
    # a time word in the clause that asks still asks a time
    assert number("披露时限是多少天？", passage("应当在三十日内披露，逾期的处五万元以下的罚款。")) == "三十日内"
    item = _item("（二）披露环境信息超过规定时限的；", PENALTIES, 0.9)
    found = extractive.extract("企业披露环境信息超过规定时限的，可以处多少罚款？", "number", [item], lambda _: PENALTIES)
    assert found.answer == "五万元以下"


def test_the_fine_of_the_one_the_question_names():
    rules = ("第四十五条 电梯检验检测机构未按期告知电梯使用单位的，由市场监督管理部门责令改正，处一万元以上五万元以下罚款；"
             "对直接负责的主管人员和其他责任人员处五百元以上二千元以下罚款。\n")
    body = _item("第四十五条 电梯检验检测机构未按期告知电梯使用单位的，由市场监督管理部门责令改正，处一万元以上五万元以下罚款；",
                 rules, 0.85)
    people = _item("对直接负责的主管人员和其他责任人员处五百元以上二千元以下罚款。", rules, 0.8)
    question = "电梯检验检测机构未按期告知电梯使用单位的，对直接负责的主管人员处多少罚款？"
    assert extractive.extract(question, "number", [body, people], lambda _: rules).answer == "五百元以上二千元以下"
    assert extractive.extract("电梯检验检测机构未按期告知电梯使用单位的，处多少罚款？", "number", [body, people],
                              lambda _: rules).answer == "一万元以上五万元以下"


def test_a_bracketed_alternative_is_part_of_a_bodys_name():
    text = "业主协商不成的，电梯所在地的镇（乡）人民政府或者街道办事处应当指导、协调和督促业主。"
    assert whole_name("人民政府", text) == "镇（乡）人民政府"
    assert whole_name("市场监督管理部门", "由区县（市）市场监督管理部门协调处理") == "区县（市）市场监督管理部门"
    assert whole_name("人民政府", "地方各级人民政府负领导责任") == "地方各级人民政府"


def test_the_body_the_verbs_clause_opens_with():
    text = "第三十条 新安装的电梯，电梯制造单位应当配备具有运行参数采集功能的电梯运行监测装置。"
    assert who("新安装电梯的运行监测装置由哪个单位负责配备？", text) == "电梯制造单位"
    assert who("哪个单位负责资金清算？", "市养老服务指导单位负责全市老年人助餐配餐服务的资金清算。") == "养老服务指导单位"
    # 负责 before the verb still ends the name
    assert who("哪个部门负责设立审批？", "县级以上人民政府文化行政部门负责设立审批。") == "县级以上人民政府文化行政部门"


def test_即为_deems_and_the_question_may_add_an_adverb():
    text = "电梯安装完成并经监督检验合格，电梯施工单位将钥匙移交给建设单位或者电梯所有权人，即为交付使用。"
    assert "移交给建设单位或者电梯所有权人" in deemed("电梯装好了，怎样才算正式交付使用？", text)
    assert deemed("电梯装好了，怎样才算验收合格？", text) is None


def test_a_bound_the_question_names_in_the_next_sentence():
    rules = "企业名单公布前应当在政府网站上进行公示，征求公众意见；公示期限不得少于十个工作日。\n"
    first = _item("企业名单公布前应当在政府网站上进行公示，征求公众意见；", rules, 0.9)
    found = extractive.extract("企业名单公布前在政府网站上公示的期限不得少于多少？", "number", [first], lambda _: rules)
    assert found.answer == "十个工作日"


def test_a_stretch_of_the_calendar_asked():
    assert question_kind("企业年度报告里要披露哪一段时间的环境信息？") == "date"
    assert question_kind("在校生哪个时间段开展的试创业才能得到政策支持？") != "date"  # 在校期间 is no date
    question = "企业年度报告里要披露哪一段时间的环境信息？"
    assert date(question, passage("企业应当于每年3月15日前披露上一年度1月1日至12月31日的环境信息。")) == "1月1日至12月31日"
    assert date(question, passage("应当在企业名单公布后十个工作日内报送。")) is None


def test_a_count_of_方面_counts_the_lines_the_lead_announces():
    lines = ["（一）企业基本信息；", "（二）企业环境管理信息，包括环境保护税、环保信用评价等方面的信息；",
             "（三）碳排放信息；"]
    lead = "第十二条　企业年度环境信息依法披露报告应当包括以下内容："
    assert number("报告一共要包括几个方面的内容？", passage(lead, lead, lines)) == "3个方面"


def test_a_bracket_keeps_its_comma_and_a_list_is_named_by_the_word_it_ends_with():
    text = ("以政府补贴培训、企业自主培训、市场化培训为主要供给，以公共实训机构、职业院校（含技工院校，下同）、职业培训机构和"
            "行业企业为主要载体，构建资源充足、布局合理、结构优化、载体多元、方式科学的培训组织实施体系。")
    items = enumeration_items("开展职业技能培训的主要载体有几类？", passage(text))
    assert items == ["公共实训机构", "职业院校（含技工院校，下同）", "职业培训机构", "行业企业为主要载体"]
    assert number("开展职业技能培训的主要载体有几类？", passage(text)) == "4类"


def test_frames_asked_together_are_answered_together():
    text = "健全以职业能力为导向、以工作业绩为重点、注重工匠精神培育的技能人才评价体系。"
    assert cloze("技能人才评价体系以什么为导向、以什么为重点？", text) == "以职业能力为导向、以工作业绩为重点"
    assert cloze("技能人才评价体系以什么为导向？", text) == "职业能力"


def test_a_time_limit_comes_with_the_event_it_counts_from():
    text = "区民政部门应在评估结果出具后的3个工作日内对送餐补贴资格进行确认。"
    assert number("送餐补贴的资格多久能确认？", passage(text)) == "评估结果出具后的3个工作日内"
    # the question names an event of its own
    assert number("评估以后多久能确认？", passage(text)) == "3个工作日内"


def test_the_figure_the_question_states_picks_its_clause():
    text = "其中，老年人照护需求等级1-2级补贴标准为每人每次2元，3-5级补贴标准为每人每次4元。"
    assert number("老年人照护需求等级3-5级的，送餐补贴标准是每人每次多少钱？", passage(text)) == "4元"
    assert number("1-2级的，送餐补贴标准是每人每次多少钱？", passage(text)) == "2元"
    assert number("食品处理区的面积不得小于多少？", passage("（一）食品处理区的面积不小于30㎡，能够容纳10名以上老年人同时就餐；")) == "30㎡"


def test_where_the_text_says_a_thing_is_done_before_the_questions_verb():
    text = "业主共有电梯的安全评估报告结论，电梯使用单位应当在电梯轿厢内或者出入口处的显著位置予以公示。"
    assert place("业主共有的电梯安全评估结论在哪里公示？", text) == "电梯轿厢内或者出入口处的显著位置"


def test_a_new_deed_after_a_one_clause_question_keeps_what_is_asked():
    assert rewrite("那要是只是超过了披露时限呢？", ["企业不披露环境信息会被罚多少钱？"]) == "只是超过了披露时限的，会被罚多少钱？"
    # a party is still a party
    assert rewrite("那单位呢？", ["个人违反规定会被罚多少钱？"]) == "单位违反规定会被罚多少钱？"


def test_what_the_document_says_it_is_based_on_and_when_it_takes_effect():
    text = ("广州市老年人助餐配餐服务管理办法\n"
            "第一条 为进一步规范本市居家社区养老服务，根据《广州市人民政府办公厅关于印发广州市居家社区养老服务管理办法的通知》"
            "（穗府办规〔2022〕13号），结合本市实际，制定本办法。\n第三十八条 本办法自2024年4月1日起实施，有效期5年。\n")
    found = document_fact("本办法是根据哪个文件制定的？", text)
    assert found[0] == "《广州市人民政府办公厅关于印发广州市居家社区养老服务管理办法的通知》（穗府办规〔2022〕13号）"
    assert found[1].startswith("第一条")
    assert document_fact("《广州市老年人助餐配餐服务管理办法》自什么时候起实施？", text)[0] == "2024年4月1日"
    assert document_fact("居家社区养老服务是根据什么原则提供的？", text) is None


def test_a_rule_asked_by_哪一部规章_is_its_title():
    text = "《企业事业单位环境信息公开办法》（环境保护部令第31号）同时废止。"
    assert entity("本办法施行后，哪一部规章同时废止？", passage(text)) == "《企业事业单位环境信息公开办法》"


def test_the_named_kind_keeps_nouns_the_question_shares():
    text = "生态环境主管部门应当加强企业环境信息依法披露系统与全国排污许可证管理信息平台等相关信息系统的互联互通。"
    question = "企业环境信息依法披露系统要和哪个平台互联互通？"
    assert entity_strict(question, passage(text)) == "全国排污许可证管理信息平台"


def test_how_often_is_no_time_limit():
    question = "电梯维保单位按规定每隔多少天要对电梯做一次维护保养？"
    assert number(question, passage("维护保养单位应当在三十日内完成整改。")) is None
    assert number(question, passage("日常维护保养每十五日至少进行一次。")) == "十五日"


def test_a_quoted_phrase_with_几_is_filled_in_by_the_text():
    text = "统筹推进“五位一体”总体布局和协调推进“四个全面”战略布局。"
    assert number("指导思想里要统筹推进的是“几位一体”总体布局？", passage(text)) == "五位一体"
    assert number("要协调推进“几个全面”战略布局？", passage(text)) == "四个全面"


def test_what_a_thing_is_based_on():
    text = "建立基于岗位价值、能力素质、业绩贡献的工资分配机制。"
    assert basis("企业给员工定工资，文件希望按什么来分配？", text) == "岗位价值、能力素质、业绩贡献"
    assert basis("企业给员工定工资，文件希望怎么分配？", text) is None


def test_what_one_pays_is_money():
    text = "持有残疾人证的重度残疾人可直接认定为老年人照护需求3-5级。"
    assert number("老年人照护需求综合评估的评估费要老人自己付多少？", passage(text)) is None


def test_镇街_is_the_towns_and_streets():
    rules = "第十九条 暂停服务的，镇人民政府（街道办事处）应通过协调邻近长者饭堂供餐、送餐上门等方式保障老年人的就餐需求。\n"
    best = scored(rules.strip(), rules)
    assert keys_present("长者饭堂暂停服务期间，镇街应如何保障老年人的就餐需求？", best, [best], lambda _: rules)
    # a text that names no street office does not say what 镇街 do
    other = rules.replace("镇人民政府（街道办事处）", "区民政部门")
    elsewhere = scored(other.strip(), other)
    assert not keys_present("长者饭堂暂停服务期间，镇街应如何保障老年人的就餐需求？", elsewhere, [elsewhere], lambda _: other)


def test_how_long_counts_as_once_is_no_interval():
    assert number("参加公益活动，干多久算一次？", passage("参加交通安全公益活动，在一小时内完成的算一次。")) == "一小时内"


def test_a_phase_asked_by_第几期_may_be_written_without_第():
    text = "结合国家“金保工程”二期，建立基于互联网的职业技能培训公共服务平台。"
    assert question_kind("公共服务平台要结合国家“金保工程”第几期来建设？") == "number"
    assert number("公共服务平台要结合国家“金保工程”第几期来建设？", passage(text)) == "二期"
    assert number("第几期在次年发放？", passage("第一期补贴发放后，第二期于次年发放。")) == "第二期"
