"""Unit tests of readings met in a price-marking rule, a city tobacco-control regulation, a provincial
opinion on infant care and a city's points-based residence rules: the number of an order a text cites,
when a repealed text stops applying, how many articles or titles there are, a count the question's last
clause asks, the case 非 sets apart, another body in the place the question names, what a quoted term
means, the subject of "…是哪个部门", the one date line of a notice with an annex, where one registers,
a window of months, what a document is for, ways joined by 或, a subject's duties, the body a place
belongs to, whose thing a follow-up asks about, the value labelled for the owner the question names, a
provincial body asked by 管 and the penalty whose cited item states the case. Fast: jieba only, no model."""
from __future__ import annotations

from qa import extractive
from qa.cloze import cloze
from qa.dates import date
from qa.document_facts import document_fact
from qa.emphasis import cited, emphasise
from qa.entities import entity_strict
from qa.issuance import asked, read
from qa.follow_up import rewrite
from qa.lists import alternatives, duties, enumeration_items
from qa.numbers import labelled, number
from qa.phrasings import definition
from qa.places import place, turned_to
from qa.question import question_kind
from qa.refusals import another_item
from qa.verdicts import yes_no
from tests.test_spans import passage
from tests.test_statute_phrasings import scored

CLOSING = ("第三十一条 本办法自2023年3月1日起施行。2005年6月1日原国家某某委员会令第12号发布的《某某商品标价办法》、"
           "2008年2月3日原国家某某委员会令第27号发布的《某某价格行为的规定》同时废止。")


def test_the_number_of_an_order_the_text_cites():
    assert question_kind("《某某价格行为的规定》原来是某某委员会第几号令？") == "number"
    assert question_kind("那个设计规范是住房城乡建设部哪一号公告发布的？") == "number"
    assert question_kind("补贴每个月几号之前发到账户？") == "date"  # 几号 alone is a day of the month
    assert number("《某某价格行为的规定》原来是第几号令？", passage(CLOSING)) == "第27号"
    assert number("《某某商品标价办法》是第几号令发布的？", passage(CLOSING)) == "第12号"
    said = "根据《国务院办公厅关于某某工作的指导意见》（国办发〔2021〕33号）精神，制定本实施意见。"
    assert number("指导意见的文号是国办发〔2021〕第几号？", passage(said)) == "33号"


def test_a_document_it_relies_on_is_not_itself():
    assert asked("本意见依据的指导意见文号是多少？", "某省关于某某工作的实施意见") is None
    assert asked("本意见的文号是多少？", "某省关于某某工作的实施意见") == "number"


def test_a_text_repealed_at_the_same_time_stops_applying_when_this_one_takes_effect():
    text = "某某办法\n第一条 为了规范标价，制定本办法。\n" + CLOSING
    assert document_fact("老的《某某价格行为的规定》从哪天起不再有效？", text)[0] == "2023年3月1日"
    assert document_fact("以前的老办法什么时候废止的？", text)[0] == "2023年3月1日"
    assert document_fact("《某某商品管理办法》从哪天起失效？", text) is None  # not a text it repeals
    assert document_fact("本办法从哪天起不再有效？", text) is None  # nothing says it will lapse
    # when the old text was issued is another question
    assert document_fact("被本办法废止的《某某价格行为的规定》是哪一天公布的？", text) is None


def test_how_many_articles_cites_the_last_one():
    text = "某某条例\n第一条 为了控制吸烟，制定本条例。\n第二条 本条例适用于本市。\n" + CLOSING.replace("第三十一条", "第三条")
    found = document_fact("这个条例一共有多少条？", text)
    assert found == ("3条", "第三条 本办法自2023年3月1日起施行。")


def test_a_count_the_last_clause_asks():
    assert question_kind("哪几类场所的室外区域也禁止吸烟？一共列了几类？") == "number"
    assert question_kind("规定里一共列举了几种价格欺诈行为（含兜底项）？") == "number"
    assert question_kind("一共有哪些情形？") == "list"
    # 中华人民共和国 joins no two items
    assert len(enumeration_items("同时废止了几部规定？", passage(
        "1999年中华人民共和国某某部令第3号发布的《甲规定》、2001年中华人民共和国某某部令第9号发布的《乙规定》同时废止。"))) == 2


def test_a_count_written_without_a_measure_word():
    said = "应当依据国家卫生健康委等4部门制定的《某某登记办法》办理备案。"
    assert number("《某某登记办法》是国家卫生健康委等几个部门制定的？", passage(said)) == "4部门"
    # 几个小时 asks a measure, whichever comes first
    hours = "年度电量上限按照优先电量规模（风电400小时，光伏300小时）确定。"
    assert number("光伏的电量上限按几个小时算？", passage(hours)) == "300小时"
    assert number("指标体系由几部分组成？", passage("指标体系由基础指标、加分指标和减分指标3部分组成。")) == "3部分"


def test_the_case_非_sets_apart_comes_first():
    source = "举办营利性养老机构的，在市场监管部门登记。举办非营利性养老机构的，在民政部门登记。"
    profit, non_profit = scored("举办营利性养老机构的，在市场监管部门登记。", source), \
        scored("举办非营利性养老机构的，在民政部门登记。", source)
    profit.score, non_profit.score = 0.9, 0.8
    assert emphasise("举办非营利性养老机构到哪里登记？", [profit, non_profit])[0] is non_profit
    profit.score, non_profit.score = 0.85, 0.9
    assert emphasise("我想开一家营利性的养老院，到哪个部门登记？", [non_profit, profit])[0] is profit


def test_another_body_in_the_place_the_question_names_says_no():
    said = "建立省养老服务联席会议，由省民政部门牵头，发展改革、教育等部门参加。"
    assert yes_no("省养老服务联席会议是由省教育厅牵头的吗？", passage(said)).startswith("否")
    assert yes_no("省养老服务联席会议是由省民政厅牵头的吗？", passage(said)).startswith("是")
    registered = "举办非营利性养老机构的，在所在地县级以上民政部门注册登记。"
    assert yes_no("举办非营利性养老机构，是到市场监管部门注册登记吗？", passage(registered)).startswith("否")


def test_what_a_quoted_term_means():
    said = "本规定所称明码标价，是指经营者在销售商品过程中，依法公开标示价格等信息的行为。"
    assert definition("规定里的“明码标价”是什么意思？", said) == "经营者在销售商品过程中，依法公开标示价格等信息的行为"


def test_a_noun_followed_by_a_preposition_is_no_item_of_a_list_of_values():
    rules = ("第二十五条 交易场所提供者提供的标价模板不符合本规定的，责令改正，可以处三万元以下罚款；"
             "情节严重的，处三万元以上十万元以下罚款。")
    text = "商场应当公示价格。\n" + rules
    assert not another_item("商场给商户提供的标价模板不合规，最多罚多少钱？", "三万元以下", passage(rules), text)
    assert another_item("商场的标价模板不合规，最多罚多少钱？", "三万元以下", passage(rules), text)


def test_the_subject_of_what_the_question_asks_is():
    said = "第六条 市和区卫生健康部门是控制吸烟工作的主管部门，负责组织制定政策。"
    assert entity_strict("本市控制吸烟工作的主管部门是哪个部门？", passage(said)) == "市和区卫生健康部门"


def test_the_one_date_line_of_a_notice_with_an_annex():
    body = "".join(f"（{n}）第{n}项工作。\n" for n in "一二三四五六七八")
    annex = "".join(f"省第{n}厅负责第{n}项。\n" for n in "一二三四五六七八")
    text = f"某省人民政府办公厅关于某某工作的实施意见\n各市人民政府：\n{body}附件：分工方案\n2020年2月21日\n（此件主动公开）\n附件\n{annex}"
    assert read(text).date == "2020年2月21日"


def test_where_one_registers():
    said = "举办营利性托育机构的，在机构所在地县级以上市场监管部门注册登记。"
    assert turned_to("我想开一家托儿所，应该去哪个部门注册登记？", said) == "机构所在地县级以上市场监管部门"


def test_a_window_of_months_over_the_turn_of_the_year():
    said = "需要申请公办学位的，可于上一年9月至次年4月底前持身份证向服务中心提出申请。"
    assert date("一般什么时间段提交申请？", passage(said)) == "上一年9月至次年4月底前"


def test_what_the_document_is_for():
    text = ("某市控制吸烟条例\n第一条 为了减少吸烟造成的危害，维护公众健康，根据有关法律，结合本市实际情况，制定本条例。\n"
            "第十条 为了方便吸烟者，可以划定吸烟区。")
    assert document_fact("制定《某市控制吸烟条例》的目的是什么？", text)[0] == "减少吸烟造成的危害，维护公众健康"
    assert document_fact("这个条例是为了什么制定的？", text)[0] == "减少吸烟造成的危害，维护公众健康"
    assert document_fact("划定吸烟区的目的是什么？", text) is None
    assert document_fact("民营企业家素质提升项目的牵头单位是哪个部门？", text) is None


def test_an_article_count_is_answered_from_the_whole_document():
    text = "某某条例\n第一条 为了控制吸烟，制定本条例。\n第二条 本条例适用于本市。\n第三条 本条例自2015年6月1日起施行。原《某某规定》同时废止。"
    best = scored("第一条 为了控制吸烟，制定本条例。", text)
    last = scored("第三条 本条例自2015年6月1日起施行。", text)
    found = extractive.extract("北京这个控烟条例一共有多少条？", "number", [best, last], lambda _: text)
    assert found.answer == "3条"


def test_ways_joined_by_或_are_the_list_asked():
    said = "鼓励用人单位通过自建自营或委托运营的方式，单独或联合举办托育机构。"
    assert alternatives(cloze("用人单位可以通过哪些方式举办托育机构？", said, both_sides=True)) == "自建自营或委托运营"
    assert alternatives("委托运营的方式") is None


def test_what_the_questions_subject_shall_do():
    said = "第十九条 学校应当采取措施预防学生吸烟，对学生开展宣传教育，帮助吸烟的学生戒烟。"
    assert duties("学校在控烟方面应当承担哪些工作？", said) == "采取措施预防学生吸烟，对学生开展宣传教育，帮助吸烟的学生戒烟"
    assert duties("医院应当承担哪些工作？", said) is None


def test_a_place_that_is_part_of_the_body_one_goes_to():
    said = "取得资格的人员，携带通知书在3年内到房产所在镇区公安分局申请办理入户手续。"
    assert place("拿到通知书之后去哪儿办手续？", said) == "镇区公安分局"


def test_a_follow_up_names_whose_thing_is_asked():
    assert rewrite("那公租房的呢？", ["积分入学的排名结果要公示多长时间？"]) == "公租房的排名结果要公示多长时间？"
    assert rewrite("那企业的呢？", ["个人的罚款是多少？"]) == "企业的罚款是多少？"


def test_the_value_labelled_for_the_owner_the_question_names():
    said = "原粮轮换价差补贴标准为750元／吨，食用植物油轮换价差补贴标准为700元／吨。"
    assert labelled("食用植物油的轮换价差补贴标准是多少？", said) == "700元"
    assert labelled("原粮的轮换价差补贴标准是多少？", said) == "750元"


def test_the_body_a_provincial_department_is_asked_by_管():
    said = "省应急厅负责依法开展各类托育场所的消防监督检查工作。"
    assert entity_strict("托育场所的消防检查归哪个省级部门管？", passage(said)) == "省应急厅"
    # of several, the one whose duty the question names
    both = "县商务局负责新建项目的申报工作，县工信局负责技改项目的申报工作。"
    assert entity_strict("技改项目的申报归哪个部门管？", passage(both)) == "县工信局"


def test_the_penalty_whose_cited_item_states_the_case():
    rules = ("第二十一条 禁止从事下列行为：\n（一）设置户外烟草广告；\n（二）各种形式的烟草促销、冠名赞助活动。\n"
             "第二十七条 通过信息网络非法销售烟草制品的，由市场监督管理部门责令改正，并处五万元以上二十万元以下罚款。\n"
             "违反本条例第二十一条第二项规定的，由市场监督管理部门责令停止违法行为，并处五万元以上十万元以下罚款。\n")
    online = scored("第二十七条 通过信息网络非法销售烟草制品的，由市场监督管理部门责令改正，并处五万元以上二十万元以下罚款。", rules)
    citing = scored("违反本条例第二十一条第二项规定的，由市场监督管理部门责令停止违法行为，并处五万元以上十万元以下罚款。", rules)
    online.score, citing.score = 0.7, 0.65
    question = "开展烟草促销、冠名赞助活动的，市场监督管理部门处多少罚款？"
    assert emphasise(question, [online, citing], lambda _: rules)[0] is citing
    assert cited(citing.text, rules) == "（二）各种形式的烟草促销、冠名赞助活动。"
