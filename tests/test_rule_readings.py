"""Unit tests of readings met in consumer, parking, medical-insurance and State Council texts: full-width
％, counts in the question's own words, a law's cited article, "视为", "用于", "除…以外", revisions printed
under the title in one line, and the words a citizen uses for them. Fast: jieba only, no model."""
from __future__ import annotations

from qa.dates import date, event_day
from qa.doers import who
from qa.entities import entity_strict
from qa.issuance import answer
from qa.numbers import number, numbers_in
from qa.phrasings import deemed, purpose
from qa.premises import false_premise
from qa.question import question_kind
from qa.refusals import another_item, keys_present, swapped
from qa.spans import descriptive
from qa.verdicts import yes_no
from tests.test_spans import passage  # (with the lines that follow)
from tests.test_statute_phrasings import scored


def test_a_full_width_percent_sign_is_a_percentage():
    text = "用人单位应当按其缴费基数的8％按月足额缴纳职工社会医疗保险费。"
    assert number("用人单位按缴费基数的多少比例缴纳职工社会医疗保险费？", passage(text)) == "8％"
    assert question_kind("每个月按缴费基数的几％划进个人账户？") == "number"


def test_counts_of_years_quarters_and_sets_are_numbers():
    assert numbers_in("且在之后的3个年度内不得申报定点资格") == ["3个年度内"]
    assert "2个季度" in numbers_in("每2个季度报告一次")
    assert question_kind("办投资项目前期审批，项目单位要准备几套材料？") == "number"


def test_a_count_in_the_questions_own_words_is_read_though_一次_is_mostly_an_article():
    text = "实现信息一次填报、材料一次上传、相关评审意见和审批结果即时推送。"
    assert number("工程建设项目在线审批要求信息几次填报？", passage(text)) == "一次"
    assert number("项目单位要准备几套材料？", passage("实行项目单位编报一套材料，政府部门统一受理。")) == "一套"


def test_a_range_whose_lower_bound_leaves_its_unit_to_the_upper_is_one_value():
    assert numbers_in("逾期未改正的，处五千以上一万元以下罚款。") == ["五千以上一万元以下"]


def test_the_count_of_a_list_is_of_the_phrases_head_noun():
    lead = "第七条 下列性质的商品经消费者在购买时确认，可以不适用七日无理由退货规定："
    items = ["（一）拆封后易影响人身安全或者生命健康的商品；", "（二）一经激活或者试用后价值贬损较大的商品；",
             "（三）销售时已明示的临近保质期的商品、有瑕疵的商品。", "第八条 消费者退回的商品应当完好。"]
    assert number("有几类商品是经过消费者购买时确认后可以不退的？", passage(lead, following=items)) == "3类"


def test_an_article_of_a_named_law_is_the_one_cited_after_its_title():
    question = "网上买东西七天无理由退货，依据的是消费者权益保护法的哪一条？"
    own = "第一条 为保障《消费者权益保护法》七日无理由退货规定的实施，制定本办法。"
    cited = "第二条 消费者自收到商品之日起七日内依照《消费者权益保护法》第二十五条规定退货的，适用本办法。"
    assert number(question, passage(own)) is None  # the line's own number is no article of that law
    assert number(question, passage(cited)) == "第二十五条"
    # "哪部法律的哪一条": the title with the article cited after it
    rule = "第三十五条 商品不符合质量要求，消费者要求退货的，适用《消费者权益保护法》第二十四条以及其他相关规定。"
    assert entity_strict("商品不符合质量要求，消费者要求退货的，适用哪部法律的哪一条？", passage(rule)) == \
        "《消费者权益保护法》第二十四条"
    assert entity_strict("商品不符合质量要求要求退货的，适用哪部法律？", passage(rule)) == "《消费者权益保护法》"


def test_an_item_of_a_cited_paragraph_is_numbered_in_brackets():
    text = "依照《消费者权益保护法》第五十六条第一款第（八）项规定予以处罚。"
    assert number("超过十五日不退款，按消保法第五十六条第一款的第几项处罚？", passage(text)) == "第（八）项"


def test_an_opinions_item_number_answers_which_article():
    line = "（十六）进一步提高商标注册效率。2020年底前将商标注册平均审查周期压缩至4个月以内。"
    text = "2020年底前将商标注册平均审查周期压缩至4个月以内。"
    assert number("讲提高商标注册效率的是这份意见的第几条？", passage(text, line)) == "第十六条"
    assert number("按照商标法哪一条处理？", passage(text, line)) is None


def test_another_laws_article_is_no_part_missing_from_this_document():
    rules = "网络购买商品七日无理由退货暂行办法\n" + "".join(f"第{n}条 …\n" for n in "一二三四五六七八九十")
    assert not false_premise("商家超过十五天不退款，按消保法第五十六条第一款的第几项处罚？", rules)
    assert false_premise("本办法第五十六条规定了什么？", rules)
    law = "中华人民共和国反电信网络诈骗法\n" + "".join(f"第{n}条 …\n" for n in "一二三四五六七八九十")
    assert false_premise("反电信网络诈骗法第六十条规定了什么？", law)  # the document itself


def test_an_event_day_may_start_a_count_with_开始起算():
    text = "七日期间自消费者签收商品的次日开始起算。"
    assert event_day("七天无理由退货的七天从哪一天开始算？", passage(text)) == "消费者签收商品的次日起"


def test_年底前_is_a_date_without_a_year():
    text = "各地区、各部门要认真贯彻落实本意见，相关落实情况年底前报国务院。"
    assert date("落实情况要在什么时候报给国务院？", passage(text)) == "年底前"
    assert date("什么时候完成？", passage("在三年底线内完成。")) is None


def test_无_in_a_name_the_question_shares_negates_nothing():
    question = "对能够完全恢复到初始销售状态的七日无理由退货商品，能否作为全新商品再次销售？"
    allowed = "对能够完全恢复到初始销售状态的七日无理由退货商品，可以作为全新商品再次销售；"
    forbidden = "对不能够完全恢复到初始销售状态的七日无理由退货商品，不得作为全新商品再次销售；"
    assert yes_no(question, passage(allowed)).startswith("能。")
    assert yes_no(question, passage(forbidden)).startswith("不能。")


def test_a_rule_that_leaves_the_questions_case_out_says_no():
    text = "推动取消除道路危险货物运输以外的道路货物运输驾驶员从业资格考试。"
    assert yes_no("开危险品运输车的司机是不是也不用考从业资格了？", passage(text)).startswith("否。")
    assert yes_no("开普通货车的司机是不是不用考从业资格了？", passage(text)).startswith("是。")


def test_视为_says_what_counts_as_the_thing_asked():
    good = "商品能够保持原有品质、功能，商品本身、配件、商标标识齐全的，视为商品完好。"
    bad = "第九条 对超出查验需要而使用商品，导致商品价值贬损较大的，视为商品不完好。"
    assert deemed("什么样的退货商品算是完好的？", good) == "商品能够保持原有品质、功能，商品本身、配件、商标标识齐全"
    assert deemed("什么样的退货商品算是完好的？", bad) is None
    assert deemed("什么情况下算商品不完好？", bad) == "对超出查验需要而使用商品，导致商品价值贬损较大"


def test_用于_says_what_money_is_used_for():
    text = "自我管理服务可以收取一定的费用，用于停车自治成本费用、停车设施建设等，费用收取情况应当定期公示。"
    assert purpose("小区停车自治组织收的钱可以用来干什么？", text) == "停车自治成本费用、停车设施建设等"
    assert purpose("小区停车自治组织收多少钱？", text) is None


def test_how_a_thing_is_done_is_the_clause_with_the_verb_asked():
    text = ("第二十二条 网络交易平台提供者应当依法建立、完善其平台七日无理由退货规则以及配套的消费者权益保护有关制度，"
            "在其首页显著位置持续公示，并保证消费者能够便利、完整地阅览和下载。")
    answer_ = descriptive("网络交易平台提供者应当如何公示其七日无理由退货规则？", passage(text))
    assert answer_.startswith("在其首页显著位置持续公示")


def test_words_that_meet_across_clauses_are_no_swapped_noun():
    text = "（三）实行计时收费的停车设施，满一个计时单位后方可收取停车费，不足一个计时单位的不收取费用。"
    question = "实行计时收费的停车场，停车时间不足一个计时单位怎么收费？"
    assert not swapped(question, text, text)
    assert swapped("驾驶电动自行车，不戴安全头盔的，一次记几分？", "驾驶摩托车，不戴安全头盔的。", "驾驶摩托车，不戴安全头盔的。")


def test_a_figure_asked_in_digits_is_present_in_chinese_numerals():
    source = "第二十条 中心城区范围内的经营性停车设施，应当二十四小时开放。\n"
    best = scored(source.strip(), source)
    assert keys_present("中心城区的经营性停车场不24小时开放，会被罚多少？", best, [best], lambda _: source)
    assert not keys_present("中心城区的经营性停车场不12小时开放，会被罚多少？", best, [best], lambda _: source)


def test_a_loose_name_of_an_item_by_its_modifier_is_no_other_item():
    text = "第十八条 起付标准：\n（二）退休人员：一级定点医疗机构为280元，二级定点医疗机构为560元；\n转入医院起付标准高于转出医院的…\n"
    paragraph = "（二）退休人员：一级定点医疗机构为280元，二级定点医疗机构为560元；"
    sentence = passage(paragraph)
    assert not another_item("退休了去一级医院住院，起付线要自己先掏多少钱？", "280元", sentence, text)
    assert another_item("退休了去医院住院，起付线要自己先掏多少钱？", "280元", sentence, text)


def test_a_paragraph_citing_第一款_names_its_case_in_the_articles_first_paragraph():
    text = ("第二十二条 经营性停车设施经营单位应当如实报送停车设施设置情况。\n"
            "违反第一款规定，未如实报送停车设施设置情况的，由城市管理综合执法部门责令限期改正；逾期未改正的，处一万元罚款；"
            "情节严重的，处三万元罚款。\n"
            "第二十三条 停车设施经营单位应当公示收费标准。\n")
    paragraph = text.split("\n")[1]
    question = "经营性停车设施经营单位未如实报送停车设施设置情况，逾期未改正的，处多少罚款？"
    assert not another_item(question, "一万元", passage(paragraph), text)
    # a later paragraph of the article speaks of what its first one sets up, cited or not
    uncited = paragraph.replace("违反第一款规定，", "")
    assert not another_item(question, "一万元", passage(uncited), text.replace("违反第一款规定，", ""))
    # the first paragraph of another article does not
    opening = "第二十四条 " + uncited
    alone = text.replace(paragraph, "第二十一条 停车设施应当设置标志。") + opening + "\n"
    assert another_item(question, "一万元", passage(opening), alone)


def test_a_bodys_name_runs_on_to_the_verb():
    text = "第三十六条 公安机关交通管理部门负责设置、维护、调整道路停车泊位。"
    assert who("道路停车泊位由哪个部门负责设置？", text, anchored=True) == "公安机关交通管理部门"


def test_the_lines_next_sentence_may_name_the_body_asked_for():
    line = "利用人民防空工程设置停车设施的，可以减免相关人民防空工程使用费用。具体办法由市民防主管部门制定。"
    first = "利用人民防空工程设置停车设施的，可以减免相关人民防空工程使用费用。"
    assert entity_strict("减免人防工程使用费的具体办法由哪个部门制定？", passage(first, line)) == "市民防主管部门"


def test_a_power_handed_down_goes_to_the_body_after_下放给():
    text = "2020年底前将保留的重要工业产品生产许可证管理权限全部下放给省级人民政府市场监督管理部门。"
    assert entity_strict("重要工业产品生产许可证的管理权要下放到哪个部门？", passage(text)) == "省级人民政府市场监督管理部门"


def test_a_revision_printed_in_the_titles_bracket_gives_its_order():
    text = ("网络购买商品七日无理由退货暂行办法\n"
            "（2017年1月6日国家工商行政管理总局令第90号公布；根据2020年10月23日国家市场监督管理总局令第31号修订）\n"
            "第一条 为保障消费者合法权益，制定本办法。\n")
    assert answer("2020年修订本办法的是哪个部门的第几号令？", text)[0] == "国家市场监督管理总局令第31号"
    # the order it was issued by, without the date's last character
    assert answer("本办法是第几号令公布的？", text)[0] == "国家工商行政管理总局令第90号"
    assert answer("本办法是哪天修订的？", text)[0] == "2020年10月23日"


def test_a_follow_up_naming_another_party_takes_the_place_of_the_party_asked_about():
    from qa.follow_up import rewrite

    previous = "职工在三级定点医疗机构住院，起付标准以上的基本医疗费用统筹基金支付比例是多少？"
    assert rewrite("退休人员呢？", [previous]) == previous.replace("职工", "退休人员", 1)
    previous = "新设立的用人单位应当在多长时间内办理社会医疗保险费缴费登记？"
    assert rewrite("那单位新招的职工呢？", [previous]) == "单位新招的职工应当在多长时间内办理社会医疗保险费缴费登记？"


def test_由_names_who_pays_and_which_fund_pays():
    from qa.doers import by_which

    fund = "其应当缴纳的职工补充医疗保险费由职工重大疾病医疗补助基金全额资助缴纳。"
    assert by_which("退休人员的职工补充医疗保险费由哪个基金全额资助缴纳？", fund) == "职工重大疾病医疗补助基金"
    assert by_which("退休人员的职工补充医疗保险费由哪个部门征收？", fund) is None
    assert entity_strict("职工大病医疗补助这笔钱是谁掏的？", passage("职工的职工重大疾病医疗补助费由用人单位全额负担。")) == "用人单位"


def test_a_question_outside_the_exception_gets_the_rules_verdict():
    text = "除征得消费者明确表示同意的以外，网络商品销售者不应当自行指定其他退款方式。"
    assert yes_no("没经过我同意，商家能自己换一种方式给我退款吗？", passage(text)).startswith("不能。")


def test_a_name_does_not_run_back_over_由():
    from qa.names import whole_name

    text = "其应当缴纳的职工补充医疗保险费由职工重大疾病医疗补助基金全额资助缴纳。"  # jieba: 费由 a name
    assert whole_name("职工重大疾病医疗补助基金", text) == "职工重大疾病医疗补助基金"


def test_a_list_of_the_kind_asked_keeps_an_item_between_two_of_that_kind():
    from qa.lists import enumeration_items, lists_asked_kind

    text = "第三条 建立职工社会医疗保险、职工重大疾病医疗补助、职工补充医疗保险，满足参保职工多层次的医疗保障需求。"
    question = "广州给在职职工建立了哪几种医疗保险？"
    assert lists_asked_kind(question, text)
    assert not lists_asked_kind(question, "根据《中华人民共和国社会保险法》、《广州市社会医疗保险条例》，制定本办法。")
    assert enumeration_items(question, passage(text))[1:] == ["职工重大疾病医疗补助", "职工补充医疗保险"]


def test_a_figure_taken_for_granted_is_checked_against_the_words_after_it_too():
    text = "第二条 消费者自收到商品之日起七日内依照规定退货的，适用本办法。\n七日无理由退货期间自消费者签收商品的次日开始起算。\n"
    assert false_premise("本办法规定的三十日无理由退货期限从哪天开始计算？", text)
    assert not false_premise("七日无理由退货期限从哪天开始计算？", text)
    assert not false_premise("消费者在哪一日无理由退货期间内退货？", text)  # 一日 of 哪一日 is asked, not stated


def test_a_figure_followed_by_的_is_not_checked_against_other_rules():
    text = "对企业，按其地方财政贡献额同比超出部分的20%给予企业奖励。对个人给予10%的奖励。\n"
    assert not false_premise("能否执行地方财政贡献同比超出部分20%的奖励条款？", text)
