"""Unit tests of qa/entities.py and qa/doers.py: who, where, which name, what kind, which group.

Fast: jieba only. Sentences from the blockchain article and invented policy-style sentences.
"""
from __future__ import annotations

import pytest

from qa.entities import (
    _gap,
    _named,
    _modifier,
    _name,
    entity,
    entity_strict,
    name_required,
)
from qa.doers import responsible, who
from qa.names import antecedent
from qa.places import _where
from qa.lists import counted_group
from qa.passage import Passage


def passage(text: str) -> Passage:
    return Passage(text, text, 0, [])


HAINAN_ISSUED = "6月1日,中共中央、国务院印发的《海南自由贸易港建设总体方案》(以下简称“方案”)提出,将统筹推进“五位一体”总体布局"
BEIJING_PLAN = ("日前,北京市人民政府办公厅发布的《北京市区块链创新发展行动计划(2020-2022年)》的通知指出,到2022年,"
                "把北京初步建设成为具有影响力的区块链科技创新高地")
SHENZHEN_PLAN = ("近日,深圳市工业和信息化局发布的关于公开征求《深圳市数字经济产业创新发展实施方案(征求意见稿)》"
                 "(以下简称“实施方案”)意见通知表示,将努力建成全国领先、全球一流的数字经济产业创新发展引领城市。")
XIAO_FENG = "万向区块链董事长兼总经理肖风博士认为:区块链作为一个基础技术,要真正地走向应用,可从两条“道路”发挥出应用方面的最大价值。"
PLATFORM = "国务院办公厅印发《关于促进平台经济规范健康发展的指导意见》。"
INTERPRET = "第三条 本办法由市财政局负责解释。"
HORSE_RACE = "显然,区块链产业正开启“赛马”模式,各地似乎都在争抢区块链第一梯队。"
TOKENS = "加大对代币发行融资活动的监管力度,营造区块链技术和产业发展的良好舆论环境。"


# --- who ------------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, sentence, answer", [
    # the names joined by 、 before the question's verb, not the place in the title
    ("《海南自由贸易港建设总体方案》由谁印发？", HAINAN_ISSUED, "中共中央、国务院"),
    ("海南自由贸易港建设总体方案是由谁印发的？", HAINAN_ISSUED, "中共中央、国务院"),
    # an organisation keeps the noun after it
    ("谁发布了北京的区块链行动计划？", BEIJING_PLAN, "北京市人民政府办公厅"),
    ("北京的行动计划是谁发布的？", BEIJING_PLAN, "北京市人民政府办公厅"),
    ("《关于促进平台经济规范健康发展的指导意见》由谁印发？", PLATFORM, "国务院办公厅"),
    # people
    ("谁认为区块链可从两条道路发挥价值？", XIAO_FENG, "肖风"),
    ("哪位专家认为区块链可从两条道路发挥价值？", XIAO_FENG, "肖风"),
    ("谁主持召开了国务院常务会议？", "国务院总理李克强主持召开国务院常务会议。", "李克强"),
    # a body's name runs on to the verb: 国务院 + 建设行政主管部门
    ("哪个部门负责全国物业管理活动的监督管理工作？", "第五条 国务院建设行政主管部门负责全国物业管理活动的监督管理工作。",
     "国务院建设行政主管部门"),
    # "谁来交": a one-character verb, found in the text's 由…交纳
    ("这段时间的物业费谁来交？", "已竣工但尚未出售的物业，物业服务费用由建设单位交纳。", "建设单位"),
    # a body that consults (商) or acts jointly with (会同) the one before the verb leads: both answer
    ("会计核算的办法由哪个部门制定？", "第四十五条 会计核算的办法，由国务院财政部门商国务院建设行政主管部门制定。",
     "国务院财政部门商国务院建设行政主管部门"),
    ("收费办法由哪个部门制定？", "按照国务院价格主管部门会同国务院建设行政主管部门制定的收费办法执行。",
     "国务院价格主管部门会同国务院建设行政主管部门"),
])
def testwho(question, sentence, answer):
    assert who(question, sentence) == answer


@pytest.mark.parametrize("question, sentence, answer", [
    ("价格违法行为的行政处罚由哪个部门决定？", "价格违法行为的行政处罚由价格违法行为发生地的地方人民政府价格主管部门决定；",
     "价格违法行为发生地的地方人民政府价格主管部门"),
    ("双方谈不拢时，由谁来指定？", "双方无法共同委托的，由医疗机构所在地县级人民政府卫生主管部门指定。",
     "医疗机构所在地县级人民政府卫生主管部门"),
    ("哪个部门负责设立审批？", "县级以上人民政府文化行政部门负责设立审批。", "县级以上人民政府文化行政部门"),
])
def test_who_keeps_the_words_that_say_which_body_of_its_kind(question, sentence, answer):
    assert who(question, sentence) == answer


def test_who_which_person_needs_a_person():
    # 哪位 asks for a person: an organisation will not do.
    assert who("哪位领导发布了北京的行动计划？", BEIJING_PLAN) is None
    assert who("谁发布了北京的行动计划？", BEIJING_PLAN) == "北京市人民政府办公厅"


def test_who_no_name_in_sentence():
    assert who("谁负责组织实施？", "各地要切实加强组织领导。") is None


def test_who_keeps_the_administrative_level():
    # BUG: jieba splits "市财政局" into 市/n + 财政局/nt and _who answers "财政局": the canonical
    # "本办法由谁负责解释？" loses which government level (市/省/区) is meant.
    assert who("本办法由谁负责解释？", INTERPRET) == "市财政局"


# --- _where --------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, sentence, answer", [
    ("国家区块链技术和产业创新发展基地建在哪里？", "2025年前建设海南国家区块链技术和产业创新发展基地", "海南"),
    ("2023世界人工智能大会在哪儿举办？", "2023世界人工智能大会在上海举办。", "上海"),
    ("深圳的区块链产业园建在哪里？", "深圳将在南山区建设区块链产业园。", "南山区"),
])
def test_where(question, sentence, answer):
    assert _where(question, sentence) == answer


@pytest.mark.parametrize("question", ["要求资金存管的商家，得去哪里开预收资金的专用账户？", "商家要在哪里开专用账户？"])
def test_where_an_act_is_done_is_the_place_before_its_verb(question):
    sentence = "纳入存管管理的经营者应当在存管银行开立预付卡预收资金专用存管账户，将预收资金存入专用存管账户。"
    assert entity_strict(question, passage(sentence)) == "存管银行"


def test_where_an_act_is_done_needs_a_place_the_text_puts_after_a_preposition():
    sentence = "住房公积金管理中心应当自受理申请之日起3日内作出准予提取或者不准提取的决定。"
    assert entity_strict("单位开好证明以后，我该在哪儿申请取钱？", passage(sentence)) is None


def test_where_needs_a_place_the_question_does_not_name():
    assert _where("海南的基地建在哪里？", "2025年前建设海南国家区块链技术和产业创新发展基地") is None
    assert _where("大会在哪里举办？", "大会由市政府主办。") is None


def test_where_place_named_with_its_suffix_is_still_named():
    # BUG: "深圳市" is the question's "深圳" with an administrative suffix, yet _where answers it instead
    # of the place asked for (the docstring: "A place the question does not already name";
    # refusals.keys_present already treats 北京市 and 北京 as one place).
    assert _where("深圳的区块链产业园建在哪里？", "深圳市将在南山区建设区块链产业园。") == "南山区"


def test_which_industry_is_not_a_where_question():
    assert not name_required("深圳要推进区块链与哪个行业的融合应用？")
    assert not name_required("在哪个行业")
    assert not name_required("在哪一年")
    assert not name_required("北京在哪些方面布局？")
    assert name_required("基地在哪？")
    assert name_required("大会在什么地方召开？")


def test_name_required():
    assert name_required("《海南自由贸易港建设总体方案》由谁印发？")
    assert name_required("哪位专家认为区块链可从两条道路发挥价值？")
    assert name_required("北京发布的行动计划叫什么名字？")
    assert name_required("方案的全称是什么？")
    assert not name_required("区块链产业正开启什么模式？")
    assert not name_required("本办法由哪个部门负责解释？")


# --- _name ---------------------------------------------------------------------------------------

@pytest.mark.parametrize("question, sentence, answer", [
    ("北京发布的行动计划叫什么名字？", BEIJING_PLAN, "《北京市区块链创新发展行动计划(2020-2022年)》"),
    ("方案的全称是什么？", HAINAN_ISSUED, "《海南自由贸易港建设总体方案》"),
    ("深圳征求意见的方案名称是什么？", SHENZHEN_PLAN, "《深圳市数字经济产业创新发展实施方案(征求意见稿)》"),
    ("国务院办公厅印发的文件叫什么？", PLATFORM, "《关于促进平台经济规范健康发展的指导意见》"),
    ("北京要形成的方案叫什么？", "率先形成区块链赋能经济社会发展的“北京方案”", "“北京方案”"),
])
def test_name(question, sentence, answer):
    assert _name(question, sentence) == answer
    assert entity(question, passage(sentence)) == answer
    assert entity_strict(question, passage(sentence)) == answer


def test_name_skips_the_title_the_question_has():
    sentence = "《实施方案》提出,制定出台《深圳市区块链产业发展行动计划》。"
    assert _name("《实施方案》提出制定的计划叫什么？", sentence) == "《深圳市区块链产业发展行动计划》"


def test_name_none_without_title_or_organisation():
    assert _name("这个计划叫什么名字？", "要强化资金支持,坚持长短期投入相结合。") is None


# --- _modifier -----------------------------------------------------------------------------------

def test_modifier_quoted():
    assert _modifier("区块链产业正开启什么模式？", HORSE_RACE) == "“赛马”模式"


def test_modifier_words_before_the_noun():
    answer = _modifier("加大对哪种融资活动的监管力度？", TOKENS)
    assert "代币发行" in answer
    assert answer == "代币发行融资活动"
    assert _modifier("深圳依托什么企业开展前沿技术研发？",
                     "依托重点龙头企业开展大数据、云计算、人工智能、区块链、信息安全等前沿技术研发") == "重点龙头企业"
    assert _modifier("省里设立什么基金？", "设立区块链产业投资基金;推进区块链产业联盟建设。") == "区块链产业投资基金"


def test_modifier_none_without_a_which_word_or_noun_in_text():
    assert _modifier("北京提出了哪些重点任务？", "北京提出四大重点任务") is None  # 哪些 is a list, not a kind
    assert _modifier("区块链产业正开启什么模式？", "各地似乎都在争抢区块链第一梯队。") is None


# --- entity_strict / entity ----------------------------------------------------------------------

@pytest.mark.parametrize("question, sentence, answer", [
    ("区块链产业正开启什么模式？", HORSE_RACE, "“赛马”模式"),
    ("北京要加大对哪种融资活动的监管力度？", TOKENS, "代币发行融资活动"),
    ("本办法由哪个部门负责解释？", INTERPRET, "市财政局"),                       # via cloze
    ("深圳的实施方案由哪个部门发布？", SHENZHEN_PLAN, "深圳市工业和信息化局"),
    ("《海南自由贸易港建设总体方案》由谁印发？", HAINAN_ISSUED, "中共中央、国务院"),
    ("万向区块链董事长兼总经理是谁？", XIAO_FENG, "肖风"),
    ("国家区块链技术和产业创新发展基地建在哪里？", "2025年前建设海南国家区块链技术和产业创新发展基地", "海南"),
    # the doer of the question's own verb after 由, whoever it is
    ("机制电量差价结算费用由谁分摊或分享？", "结算费用纳入系统运行费用，由全省工商业用户分摊或分享（不含…）", "全省工商业用户"),
    # no name jieba knows: the question's words bracket the doer; the modal verb is not part of it
    ("谁应当为保险销售人员办理执业登记？", "保险公司、保险中介机构应当为其所属的保险销售人员办理执业登记", "保险公司、保险中介机构"),
    ("办法要求由谁在官方线上平台提供查询功能？", "保险公司应当在官方线上平台设置保单查询功能", "保险公司"),
    # where to turn: the body a problem is reported to
    ("执行这个方案时遇到问题应该找哪里反映？", "执行过程中遇到问题，请及时报告省发展改革委、省能源局。", "省发展改革委、省能源局"),
    ("可以向哪里申请救助？", "申请人可以向户籍所在地镇人民政府（街道办事处）提出申请。", "户籍所在地镇人民政府（街道办事处）"),
    # an article opening with the bodies it lists; how the doer acts is not part of its name
    ("乡村医生基本用药目录由哪个部门制定？", "第二十九条 省、自治区、直辖市人民政府卫生行政主管部门应当按照乡村医生一般医疗服务范围，"
     "制定乡村医生基本用药目录。", "省、自治区、直辖市人民政府卫生行政主管部门"),
    ("网吧筹建完了，网络安全审核要去找哪个部门？", "申请人完成筹建后，应当向同级公安机关申请信息网络安全审核。", "同级公安机关"),
    ("殴打村医归哪个机关处罚？", "殴打乡村医生，构成违反治安管理行为的，由公安机关依法予以处罚；", "公安机关"),
])
def test_entity_strict(question, sentence, answer):
    assert entity_strict(question, passage(sentence)) == answer


def test_entity_strict_who_without_a_name_is_none():
    assert entity_strict("哪位领导发布了北京的行动计划？", passage(BEIJING_PLAN)) is None


def test_gap_the_part_the_question_does_not_say():
    assert _gap("本办法由哪个部门负责解释？", passage(INTERPRET)) == "市财政局"
    assert _gap("深圳依托什么企业开展前沿技术研发？",
                passage("依托重点龙头企业开展大数据、云计算、人工智能、区块链、信息安全等前沿技术研发")) == "重点龙头企业"
    assert "代币发行" in entity("北京要加大对哪种融资活动的监管力度？", passage(TOKENS))


def test_gap_none_when_the_question_says_everything():
    assert _gap("本办法由市财政局负责解释吗？", passage("本办法由市财政局负责解释。")) is None


# --- counted_group -------------------------------------------------------------------------------

@pytest.mark.parametrize("question, sentence, answer", [
    ("由哪两级财政负责？", "市区两级财政加大支持力度,坚持长短期投入相结合", "市区两级财政"),
    ("北京由哪两级财政加大支持力度？",
     "围绕区块链应用示范研究、创新孵化平台建设、专业人才引进及人才培养、培训,市区两级财政加大支持力度", "市区两级财政"),
    ("由哪两级财政负责？", "所需资金由省市两级财政按比例分担。", "省市两级财政"),
    # every member of a longer list, without the words leading into it
    ("这份意见重点支持的是哪四个产业？", "全力支持战略新兴、医药健康、现代服务业、特色农业四个重点产业规模化",
     "战略新兴、医药健康、现代服务业、特色农业四个"),
    ("由哪三级负责？", "由省、市和县三级共同负责", "省、市、县三级"),
])
def test_counted_group(question, sentence, answer):
    assert counted_group(question, sentence) == answer


def test_counted_group_none():
    assert counted_group("北京有几大任务？", "北京提出四大重点任务") is None      # no 哪 + count
    assert counted_group("由哪两级财政负责？", "财政加大支持力度") is None        # no count in text
    assert counted_group("资金由哪几方共同承担？", "资金由政府、企业、个人三方共同承担。") is None


def test_counted_group_members_joined_by_and():
    # BUG: the walk to the left stops at 和/与 (a conjunction), so "中央和地方两级财政" gives
    # "地方两级财政": one member of a group the question says has two.
    assert counted_group("由哪两级财政负责？", "中央和地方两级财政按比例分担。") == "中央和地方两级财政"


def test_an_article_that_opens_with_who_acts_names_the_doer_of_its_later_verb():
    rule = "第二十七条　征信中心根据查询人的申请，提供查询证明。"
    assert entity_strict("查询证明由哪个机构提供？", Passage(rule, rule, 0, [])) == "征信中心"
    # the body the question names itself is no answer
    assert entity_strict("征信中心根据什么提供查询证明？", Passage(rule, rule, 0, [])) != "征信中心"


def test_which_level_wants_the_level_of_the_body():
    rule = "省级市场监督管理部门可以建立家用汽车产品三包责任争议处理技术咨询人员库，为处理三包责任争议提供技术支持。"
    assert entity_strict("哪一级市场监管部门可以建立三包争议处理的技术咨询专家库？", Passage(rule, rule, 0, [])) == "省级市场监督管理部门"
    rule = "第三十九条  动用地方储备粮应当首先动用县级储备粮。"
    assert entity_strict("需要动用地方储备粮时，应该先动哪一级的？", Passage(rule, rule, 0, [])) == "县级储备粮"
    rule = "要强化资金支持,市区两级财政加大支持力度。"  # two levels at once
    assert entity_strict("北京的区块链资金支持由哪一级财政来加大力度？", Passage(rule, rule, 0, [])) == "市区两级财政"
    rule = "设区的市级以上地方人民政府应当根据本条例，制定居住证持有人享受的公共服务和便利的具体实施办法。"
    assert entity_strict("各地居住证的具体实施办法由哪一级政府来定？", Passage(rule, rule, 0, [])) == "设区的市级以上地方人民政府"


def test_which_city_wants_a_place():
    text = "近日,深圳市工业和信息化局发布的关于公开征求《深圳市数字经济产业创新发展实施方案(征求意见稿)》意见通知表示"
    assert entity_strict("哪个城市的方案还只是征求意见稿？", passage(text)) == "深圳市"


# --- names of companies, projects and the like ----------------------------------------------------
TWO_CASES = "这里有两个非常典型的代表。一个是特斯拉,它重构了汽车。另外一个是以太坊。它完全是一种创新,它发挥出区块链的最大价值。"


def test_named_kind_is_answered_by_a_name():
    assert entity_strict("哪家企业重构了汽车？", passage("一个是特斯拉,它重构了汽车。")) == "特斯拉"
    assert entity_strict("哪个项目完全是一种创新？", passage("另外一个是以太坊。")) == "以太坊"  # 以太 + 坊
    assert name_required("北京区块链基金由哪家银行托管？")


def test_named_skips_modifiers_jieba_tags_as_names():
    # 高水平 and 公共安全 come out of jieba as person names; used before a noun they are no names.
    assert _named("哪家企业培养人才？", "培养区块链高水平创新人才;") is None
    assert _named("哪个平台？", "推进公共安全“全程可查,精细治理”;") is None


def test_antecedent_of_a_sentence_about_it():
    at = TWO_CASES.index("它完全")
    it = Passage("它完全是一种创新,它发挥出区块链的最大价值。", TWO_CASES, at, [])
    before = antecedent(it)
    assert before.text == "另外一个是以太坊。"
    assert entity_strict("哪个项目完全是一种创新？", before) == "以太坊"
    assert antecedent(Passage("另外一个是以太坊。", TWO_CASES, TWO_CASES.index("另外"), [])) is None


def test_named_kind_takes_no_statement_for_a_name():
    # "哪款车型" has no name in the sentence: a clause of it is no answer.
    assert entity_strict("肖风提到特斯拉哪款车型最能代表汽车的重构？", passage("一个是特斯拉,它重构了汽车。")) is None
    assert entity_strict("肖风是哪家公司的董事长？", passage(XIAO_FENG)) == "万向区块链"


ARTICLE_5 = "第五条  市发展改革委（市粮食和物资储备局）负责市级储备粮行政管理，对市级储备粮的数量、质量实施监督检查。"
ARTICLE_33 = "第三十三条  市级储备粮的入库成本由市财政局会同市发展改革委（市粮食和物资储备局）、农发行安顺分行进行核定。"
ARTICLE_9 = "联席会议由市发展改革委（市粮食和物资储备局）召集，市财政局、市市场监管局、农发行安顺分行为成员。"


@pytest.mark.parametrize("question, text, answer", [
    ("哪个部门负责市级储备粮行政管理？", ARTICLE_5, "市发展改革委（市粮食和物资储备局）"),
    ("市级储备粮的入库成本由哪个部门会同其他单位进行核定？", ARTICLE_33, "市财政局"),
    # The question's verb (牵头) is not in the text: no name is guessed, the words around the gap decide.
    ("联席会议由哪个单位牵头召集？", ARTICLE_9, "市发展改革委（市粮食和物资储备局）"),
])
def test_organisation_doing_what_the_question_asks(question, text, answer):
    assert entity_strict(question, passage(text)) == answer


def test_who_keeps_the_administrative_level_jieba_glues_to_the_verb():
    # jieba cuts "报市人民政府批准" into 报市 + 人民政府 + 批准.
    text = "会同市财政局提出市级储备粮动用方案，报市人民政府批准。"
    assert entity_strict("市级储备粮的动用方案要报给谁批准？", passage(text)) == "市人民政府"


def test_which_document_is_answered_by_its_title():
    text = "按照《安顺市粮食应急预案》要求，会同市财政局提出市级储备粮动用方案。"
    assert entity_strict("提出储备粮动用方案时要按照哪份应急预案的要求？", passage(text)) == "《安顺市粮食应急预案》"


# --- responsible ---------------------------------------------------------------------------------

DRAINS = ("3.提升排水能力。持续开展排水管道周期性检测及维修改造工作，实现雨水主管满管率低于50%。"
          "（责任单位：市水务局，各区政府）")
LEAD = "市住房城乡建设管理委牵头负责统筹协调本市海绵城市建设，督促工作落实；（责任单位：市财政局，各区政府）"


def test_responsible_reads_the_duty_note_of_the_item():
    at = DRAINS.index("持续")
    p = Passage(DRAINS[at:DRAINS.index("。", at) + 1], DRAINS, at, [])
    assert responsible("排水管道检测这项工作归哪个市级部门负责？", p) == "市水务局，各区政府"
    assert responsible("这项工作由哪些单位负责？", p) == "市水务局，各区政府"
    assert responsible("排水管道满管率要低于多少？", p) is None


def test_responsible_prefers_the_body_the_sentence_names():
    p = Passage(LEAD.split("（")[0], LEAD, 0, [])
    assert responsible("全市海绵城市建设由哪个部门牵头统筹？", p) == "市住房城乡建设管理委"


def test_who_finds_an_abbreviated_body_right_before_the_verb():
    sentence = "系统方案经专家评审后报市住房城乡建设管理委备案。"
    assert who("系统方案要交到哪个部门备案？", sentence, anchored=True) == "市住房城乡建设管理委"
    assert who("征求意见稿是哪个单位发布的？", SHENZHEN_PLAN, anchored=True) == "深圳市工业和信息化局"


def test_named_kind_accepts_a_name_ending_in_the_kind_even_before_a_noun():
    # "农业发展银行贷款": the name modifies 贷款, but a 银行 is what was asked for
    assert _named("收购储备粮的贷款由哪家银行来放？", "销售款应当及时、全额偿还农业发展银行贷款。") == "农业发展银行"


def test_where_something_is_handed_to_can_be_a_body():
    sentence = "应急动用市级储备粮产生的价差收入扣除相关费用后应当上缴市财政局。"
    assert entity_strict("差价扣掉费用后要交到哪里？", passage(sentence)) == "市财政局"
    assert entity_strict("储备粮在哪里储存？", passage(sentence)) is None  # a place was asked: none given


def test_responsible_reads_the_last_clause_of_a_merged_follow_up():
    at = DRAINS.index("持续")
    p = Passage(DRAINS[at:DRAINS.index("。", at) + 1], DRAINS, at, [])
    assert responsible("全市建设由哪个部门牵头统筹，区里由谁来靠前指挥？", p) is None


def test_modifier_single_character_kind_takes_the_name_ending_in_it():
    sentence = "着力保护长江河口湿地风貌，维护青西淀山湖湿地生态本底。"
    assert _modifier("要维护哪个湖的湿地生态本底？", sentence) == "青西淀山湖"


def test_who_takes_the_doer_marked_by_you():
    sentence = "地方所属转制文化企业的认定，按照登记管理权限，由地方各级宣传部门会同同级财政、税务部门确定和发布名单。"
    assert who("地方所属的转制文化企业由谁来认定？", sentence) == "地方各级宣传部门"


def test_source_asked_is_answered_by_the_cong_clause():
    sentence = "转制时，对分流人员所需的经济补偿金，可从评估后的净资产中预留或从国有产权转让收入中优先支付。"
    assert entity_strict("分流人员的经济补偿金，钱从哪里出？", passage(sentence)) == \
        "从评估后的净资产中预留或从国有产权转让收入中优先支付"
    assert not name_required("钱从哪里出？")


def test_handed_to_takes_the_body_after_the_verb():
    sentence = "急难型临时救助由区民政部门委托镇人民政府(街道办事处)审批并拨付后,报区民政部门备案。"
    assert entity_strict("镇街批完钱发了以后要报哪里备案？", passage(sentence)) == "区民政部门"


def test_responsible_reads_bracketed_duty_notes_and_the_kind_of_body_asked():
    item = ("（二十）落实减税降费降低行业成本。对养老服务机构免征增值税。"
            "［国家税务总局成都市税务局、市财政局、成都公积金中心按职责分工负责，各区（市）县政府（管委会）负责］")
    sentence = "对养老服务机构免征增值税。"
    p = Passage(sentence, item, item.find(sentence), [])
    assert responsible("“落实减税降费降低行业成本”这一条由哪个税务部门负责？", p) == "国家税务总局成都市税务局"
    assert responsible("这一条由哪些部门负责？", p) == "国家税务总局成都市税务局、市财政局、成都公积金中心"


def test_where_an_act_is_done_is_read_between_zai_and_the_verb():
    text = "保险公司应当在官方线上平台披露各项保险产品的退保条件标准和退保流程时限。"
    # the verb after the gap is the question's, not part of the place
    assert entity_strict("退保条件标准和退保流程时限要在哪里披露？", passage(text)) == "官方线上平台"
    assert entity_strict("退保条件标准要在哪里公布？", passage(text)) is None  # another act


def test_the_kind_asked_for_with_the_clause_its_de_closes():
    text = "旅行社应当在国务院旅游行政主管部门指定的银行开设专门的质量保证金账户，存入质量保证金，经营许可证另行颁发。"
    # before any name elsewhere in the sentence (jieba tags 许可 a name)
    assert entity_strict("质量保证金账户要开在哪家银行？", passage(text)) == "国务院旅游行政主管部门指定的银行"


def test_where_is_never_the_particle_jieba_takes_for_a_place():
    text = "住房公积金管理中心应当自受理申请之日起3日内作出准予提取或者不准提取的决定。"
    assert _where("我该拿着去哪儿申请取钱？", text) != "之日起"


@pytest.mark.parametrize("question, sentence, answer", [
    ("企业有隐患却迟迟不处理，监管部门可以把谁叫来约谈？",
     "市场监督管理部门可以对食品生产经营者的法定代表人或者主要负责人进行责任约谈。", "食品生产经营者的法定代表人或者主要负责人"),
    ("应当对谁进行处罚？", "对违法单位的负责人进行处罚，并对其他人员予以警告。", "违法单位的负责人"),
    ("对谁予以警告？", "对违法单位的负责人进行处罚，并对其他人员予以警告。", "其他人员"),
])
def test_whom_the_text_puts_after_对(question, sentence, answer):
    assert entity_strict(question, passage(sentence)) == answer


def test_who_finds_a_leading_group_right_before_the_verb():
    text = "43.加强组织领导。市人才工作领导小组负责全市人才集聚工程实施的统筹协调和宏观指导。"
    assert who("全市人才集聚工程实施的统筹协调和宏观指导由谁负责？", text, anchored=True) == "市人才工作领导小组"


def test_a_question_naming_the_lead_body_asks_no_duty():
    at = DRAINS.index("持续")
    p = Passage(DRAINS[at:DRAINS.index("。", at) + 1], DRAINS, at, [])
    assert responsible("各项目牵头单位应在什么时间前完成检测？", p) is None
    assert responsible("这项工作的牵头单位是哪个？", p) == "市水务局，各区政府"
    assert responsible("引进法治人才的项目，是哪个部门领头？", p) == "市水务局，各区政府"


def test_counted_group_takes_any_counter_word():
    text = "着力构建“交流培养、创新创业、服务保障”三大人才开发支撑体系，实现目标。"
    assert counted_group("文件里说的三个人才开发支撑体系是哪三个？", text) == "“交流培养、创新创业、服务保障”三大"
