"""Unit tests of readings met in the State Council's work-injury insurance regulation, a city's household
waste regulation, the ministries' ride-hailing measures and a city's housing-fund withdrawal rules: an
article's earlier paragraphs as the context of a later one, either of two counts, units of one measure,
罚多少 asking a fine, a change or a city asked, a value the text forbids, half a year ahead, 年底 as the year's last day, a title for a
title, later times for the first, a follow-up whose only other words ask, the lead body of 由…商…, who pays,
the document's term, keeper and spelled-out signature date, 城市 as no name, 几 meaning several, doing it in
person, keeping a thing inside the country, a defined term that starts with a short name, what follows
from a case, a rule that is no item title, what a thing is put into, an option as the text names it,
上海市 for 本市, what comes first, the colours asked for, and cases cited by their item numbers. Fast:
jieba only, no model."""
from __future__ import annotations

from index.chunking import DATE_LINE
from qa.dates import date
from qa.doers import who
from qa.document_facts import document_fact
from qa.entities import entity_strict, subject_of_is
from qa.follow_up import rewrites
from qa.issuance import answer as issued
from qa.numbers import number, numbers_in
from qa.passage import cited_items
from qa.phrasings import alias
from qa.places import put_into
from qa.question import key_terms, question_kind
from qa.refusals import another_item
from qa.shapes import fits
from qa.spans import choice, colours
from qa.substitution import substitute
from qa.surroundings import case_consequence, is_heading
from qa.verdicts import yes_no
from tests.test_spans import passage
from tests.test_statute_phrasings import scored

INJURY = ("第三十三条 职工因工作遭受事故伤害或者患职业病需要暂停工作接受工伤医疗的，在停工留薪期内，原工资福利待遇不变，"
          "由所在单位按月支付。\n"
          "停工留薪期一般不超过12个月。伤情严重或者情况特殊，经设区的市级劳动能力鉴定委员会确认，可以适当延长，"
          "但延长不得超过12个月。\n"
          "第三十四条 工伤职工已经评定伤残等级的，从工伤保险基金按月支付生活护理费。\n")


def test_a_later_paragraph_of_an_article_speaks_of_what_its_first_one_sets_up():
    paragraph = INJURY.split("\n")[1]
    question = "工伤后在家养伤、单位照发原工资的那段时间，一般最多能有多久？"
    assert another_item(question, "不超过12个月", passage("停工留薪期一般不超过12个月。", paragraph), INJURY) is False
    # the same paragraph opening an article of its own: 单位 is named nowhere it refers to
    alone = "第三十三条 " + paragraph
    text = INJURY.replace(INJURY.split("\n")[0] + "\n", "第三十二条 用人单位应当为职工缴纳工伤保险费。\n").replace(paragraph, alone)
    assert another_item(question, "不超过12个月", passage("停工留薪期一般不超过12个月。", alone), text) is True


def test_either_of_two_counts_is_one_answer_and_units_of_one_measure_match():
    text = "劳动能力鉴定委员会应当从医疗卫生专家库中随机抽取3名或者5名相关专家组成专家组。"
    assert number("随机抽取几名专家组成专家组？", passage(text)) == "3名或者5名"
    assert numbers_in("处1年或者2年以上") == ["1年", "2年以上"]  # a bound is not the other of two counts
    assert number("网约车跑了多少公里就必须强制报废？", passage("网约车行驶里程达到60万千米时强制报废。")) == "60万千米"


def test_罚多少_asks_a_fine_before_a_time_limit_the_case_names():
    text = "由社会保险行政部门责令限期参加，补缴应当缴纳的工伤保险费，并自欠缴之日起，按日加收万分之五的滞纳金；" \
           "逾期仍不缴纳的，处欠缴数额1倍以上3倍以下的罚款。"
    assert number("单位没上工伤保险，过了期限还是不交，会被罚多少？", passage(text)) == "1倍以上3倍以下"


def test_a_change_asked_needs_a_change_said_and_a_city_asked_a_place():
    assert not fits("我领的伤残津贴每年一般会上调百分之几？", "70%", "五级伤残为本人工资的70%")
    assert fits("养老金每年上调百分之几？", "5%", "基本养老金每年上调5%")
    assert not fits("创新发展基地会建在哪个城市？", "金融", "建立区块链金融的标准和规则")
    assert fits("创新发展基地会建在哪个城市？", "海口", "在海口建设创新发展基地")


def test_a_value_the_text_forbids_is_no_value_and_half_a_year_ahead_is_a_time():
    text = "非销户提取住房公积金的，账户余额不能为零元，提取频次及额度应当符合以下规定："
    assert number("每次提取公积金要交多少钱？", passage(text)) is None
    text = "确需停业、歇业的，应当提前半年向市、区县城市管理部门报告。"
    assert number("得提前多长时间向城管部门报告？", passage(text)) == "半年"
    assert "半年" not in numbers_in("今年前半年完成")


def test_the_end_of_a_year_the_question_names_is_its_last_day():
    text = "2018年12月31日之前已完成转制的企业，自2019年1月1日起可继续免征五年企业所得税。"
    assert date("2018年底前已经完成转制的企业，这五年从哪天开始算？", passage(text)) == "2019年1月1日"


def test_a_title_takes_the_place_of_a_title_whole():
    assert substitute("《网络预约出租汽车运输证》由哪个部门发放", "《网络预约出租汽车驾驶员证》") == \
        "《网络预约出租汽车驾驶员证》由哪个部门发放"


def test_the_later_times_take_the_place_of_the_first():
    previous = "职工偿还本市非住房公积金合作银行自住住房贷款本息提取住房公积金的，首次办理应当提供哪些材料"
    assert substitute(previous, "此后续提") == \
        "职工偿还本市非住房公积金合作银行自住住房贷款本息提取住房公积金的，此后续提应当提供哪些材料"


def test_a_follow_up_whose_only_other_words_ask_is_read_with_the_question_before():
    readings = rewrites("罚款金额是多少？", ["网约车司机违法使用或者泄露乘客个人信息，由哪些部门处罚？"])
    assert "罚款金额是多少？" not in readings  # asked alone it has no case
    # a new question word asks of the previous question's case first, then of the whole previous question
    assert readings[:2] == ["网约车司机违法使用或者泄露乘客个人信息，罚款金额是多少？",
                            "网约车司机违法使用或者泄露乘客个人信息，由哪些部门处罚，罚款金额是多少？"]
    assert rewrites("那多久能提一次？", ["在上海租市场上的房子，用公积金付房租需要连续缴存多久？"])[0] == \
        "在上海租市场上的房子，多久能提一次？"


def test_the_lead_body_of_由_商_and_who_pays():
    text = ("有关线上服务能力材料由网约车平台公司注册地省级交通运输主管部门商同级通信、公安、税务、网信、人民银行等部门"
            "审核认定。")
    assert who("线上服务能力材料由哪个部门审核认定？", text).startswith("网约车平台公司注册地省级交通运输主管部门")
    text = "公务员和参照公务员法管理的事业单位、社会团体的工作人员因工作遭受事故伤害或者患职业病的，由所在单位支付费用。"
    assert who("我是公务员，上班时出事故受了伤，相关费用由谁来出？", text) == "所在单位"


HOUSING_FUND = ("上海市住房公积金提取管理办法\n第一章 总则\n"
                "第四条 上海市住房公积金管理委员会（以下简称市公积金管委会）是本市住房公积金管理的决策机构。\n"
                "第七条 职工有下列情形之一的，可以提取住房公积金：\n（一）购买拥有所有权自住住房的；\n"
                "（八）离休、退休的；\n（九）出境定居的；\n（十）死亡或者被宣告死亡的；\n"
                "第四十八条 本办法由市公积金管委会负责解释。\n第四十九条 本办法由市公积金中心负责组织实施。\n"
                "第五十条 本办法自2023年4月1日起施行。有效期五年。\n上海市住房公积金管理委员会\n二〇二三年三月三十一日\n")


def test_the_documents_term_keeper_and_spelled_out_signature_date():
    assert document_fact("《上海市住房公积金提取管理办法》的有效期是几年？", HOUSING_FUND) == ("五年", "有效期五年。")
    assert document_fact("《上海市住房公积金提取管理办法》由哪个机构负责组织实施？", HOUSING_FUND)[0] == "市公积金中心"
    assert document_fact("本办法由哪个部门负责解释？", HOUSING_FUND)[0] == "市公积金管委会"
    assert DATE_LINE.match("二〇二三年三月三十一日")
    assert issued("上海这个公积金提取办法落款是哪一天？", HOUSING_FUND)[0] == "二〇二三年三月三十一日"


def test_a_city_is_no_name_a_document_must_say():
    assert key_terms("我是外地户口，辞职后没在别的城市交公积金，上海的账户封存多久以后能把钱取出来？") == ["上海"]


def test_几_before_都_means_several_and_a_question_with_吗_stays_yes_no():
    assert question_kind("我同时符合好几种提取条件，可以一次把几项都办了吗？") == "yes_no"
    assert question_kind("最晚几天内要答复能不能取") == "number"


def test_a_rule_that_the_person_does_it_says_no_to_a_proxy():
    text = "购买拥有所有权自住住房的，由职工本人向市公积金中心递交提取申请。"
    said = yes_no("购买自住住房提取住房公积金的，可以委托他人向市公积金中心递交提取申请吗？", passage(text))
    assert said.startswith("不可以") and "本人" in said
    assert yes_no("购买自住住房的，可以向市公积金中心递交提取申请吗？", passage(text)).startswith("可以")
    # 申请人 has another do nothing; a text that allows a proxy (代为, 委托) decides by its own words
    assert yes_no("购买自住住房的申请人，可以向市公积金中心递交提取申请吗？", passage(text)).startswith("可以")
    text = "申请人可以委托他人代为递交提取申请，由申请人本人签字确认。"
    assert yes_no("可以委托他人递交提取申请吗？", passage(text)).startswith("可以")


def test_a_thing_kept_inside_the_country_says_no_to_abroad():
    text = "（二）服务器设置在中国内地，有符合规定的网络安全管理制度和安全保护技术措施；"
    assert yes_no("网约车平台公司的服务器可以放在国外吗？", passage(text)).startswith("不可以")
    assert yes_no("网约车平台公司的服务器可以放在中国内地吗？", passage(text)).startswith("可以")
    # a text that names abroad as well keeps nothing home
    text = "打击治理在中华人民共和国境内实施的电信网络诈骗活动或者中华人民共和国公民在境外实施的电信网络诈骗活动，适用本法。"
    assert yes_no("中国公民在境外实施电信网络诈骗活动，适用本法吗？", passage(text)).startswith("是")
    text = "鼓励境内外经济组织及个人依法投资建设、经营旅游景区。"
    assert yes_no("本条例是否鼓励境外经济组织依法投资建设、经营旅游景区？", passage(text)).startswith("是")


def test_a_defined_term_that_starts_with_a_short_name_is_no_short_name():
    text = ("第二条 从事网络预约出租汽车（以下简称网约车）经营服务，应当遵守本办法。本办法所称网约车经营服务，是指以互联网技术"
            "为依托构建服务平台，提供非巡游的预约出租汽车服务的经营活动。")
    assert alias("本办法所称网约车经营服务是指什么？", text) is None
    assert alias("网约车是指什么？", text).endswith("从事网络预约出租汽车")


def test_what_the_lead_says_follows_from_the_case_asked_about():
    text = ("第五十五条 有下列情形之一的，有关单位或者个人可以依法申请行政复议，也可以依法向人民法院提起行政诉讼：\n"
            "（五）工伤职工或者其近亲属对经办机构核定的工伤保险待遇有异议的。\n")
    item = scored("（五）工伤职工或者其近亲属对经办机构核定的工伤保险待遇有异议的。", text)
    question = "我觉得社保经办机构给我核定的工伤待遇不对，可以通过什么途径解决？"
    assert case_consequence(question, item, lambda _: text) == "有关单位或者个人可以依法申请行政复议，也可以依法向人民法院提起行政诉讼"
    assert case_consequence("经办机构核定工伤待遇的期限是多久？", item, lambda _: text) is None


def test_a_numbered_rule_is_no_item_title():
    text = "第二十五条 生活垃圾按照下列规定分类投放：\n（三）厨余垃圾应当投放至绿色厨余垃圾收集容器。不得混入杂质。\n" \
           "（四）加强激励宣传引导。完善激励机制。\n"
    assert not is_heading(scored("（三）厨余垃圾应当投放至绿色厨余垃圾收集容器。", text))
    assert is_heading(scored("（四）加强激励宣传引导。", text))


def test_what_a_thing_is_put_into_and_an_option_as_the_text_names_it():
    text = "各有关部门应当按照职责建立网约车平台公司和驾驶员信用记录，并纳入全国信用信息共享平台。"
    assert put_into("网约车平台公司和驾驶员的信用记录要纳入哪个平台？", text) == "全国信用信息共享平台"
    text = "网约车平台公司承担承运人责任，应当保证运营安全。"
    assert choice("坐网约车出了事，承运人责任是谁来承担，平台还是司机？", passage(text)) == "网约车平台公司"


def test_the_city_named_for_本市_and_what_comes_first():
    line = HOUSING_FUND.split("\n")[2]
    assert subject_of_is("上海市住房公积金管理的决策机构是哪个？", line) == "上海市住房公积金管理委员会"
    text = "职工同时有住房公积金账户和补充住房公积金账户的，先提取住房公积金账户余额，后提取补充住房公积金账户余额。"
    assert entity_strict("我既有住房公积金账户又有补充公积金账户，提取时先扣哪个账户的钱？", passage(text)) == \
        "先提取住房公积金账户余额"


def test_the_colours_a_list_of_colours_asks_for():
    text = "生活垃圾分类标识分为四类：蓝色代表可回收物，红色代表有害垃圾，绿色代表厨余垃圾，灰色代表其他垃圾。"
    assert colours("生活垃圾分类标识分为哪四种颜色？", text) == "蓝色、红色、绿色、灰色"
    assert colours("生活垃圾分类标识分为哪四类？", text) is None


def test_cases_cited_by_their_item_numbers_are_the_items_words():
    answer = "符合本办法第七条第（八）、（九）、（十）项规定提取住房公积金的"
    assert cited_items(answer, HOUSING_FUND) == "离休、退休；出境定居；死亡或者被宣告死亡"
    assert cited_items("符合本办法规定提取住房公积金的", HOUSING_FUND) is None
