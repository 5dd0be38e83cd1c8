"""Unit tests of qa/phrasings.py: consequences, formulas and short names in the fixed wording of regulations."""
from __future__ import annotations

import pytest

from qa.phrasings import alias, basis, condition, consequence, definition, formula, labelled, respectively

REJECTED = ("镇人民政府(街道办事处)认定不符合急难型临时救助条件,或符合救助条件但人均救助金额超过本市2个月最低生活保障标准的,"
            "应连同申请材料、调查结果和审核意见等相关材料报区民政部门审批。")
AMOUNT = "申请人以家庭名义进行申请的,救助金额=家庭人数×本市每月最低生活保障标准×救助月数。"
DEFINED = "根据《广东省临时救助办法》(粤府办〔2021〕4号,以下简称省《办法》),结合本市实际,制定本细则。"


def test_consequence_follows_the_condition_the_question_repeats():
    assert consequence("镇人民政府(街道办事处)认定不符合急难型临时救助条件的，应如何处理？", REJECTED) == \
        "应连同申请材料、调查结果和审核意见等相关材料报区民政部门审批"
    assert consequence("申请人隐瞒收入的，应如何处理？", REJECTED) is None   # another condition
    assert consequence("谁来审批临时救助？", REJECTED) is None                # no handling asked


def test_formula():
    assert formula("以家庭名义申请的，救助金额如何计算？", AMOUNT) == "救助金额=家庭人数×本市每月最低生活保障标准×救助月数"
    assert formula("救助金额最高多少？", AMOUNT) is None
    fine = "第五十九条 违反本条例的规定，物业服务企业将全部物业管理一并委托给他人的，责令限期改正，处委托合同价款30%以上50%以下的罚款。"
    assert formula("物业公司把小区的管理全部转包给别人，罚款怎么算？", fine) == "处委托合同价款30%以上50%以下的罚款"
    assert formula("转包的收入怎么算？", fine) is None  # not the fine that is asked about


def test_formula_on_the_line_a_sentence_announces():
    announced = "补偿费的计算方式为："
    line = "补偿费=车价款（元）×行驶里程（公里）/1000（公里）×n。"
    assert formula("家用汽车产品使用补偿费的计算方式是什么？", announced, line) == "补偿费=车价款（元）×行驶里程（公里）/1000（公里）×n"
    assert formula("家用汽车产品使用补偿费的计算方式是什么？", "补偿费由消费者支付。", line) is None  # announces nothing


@pytest.mark.parametrize("question, title", [
    ("实施细则中简称的省《办法》是指哪份文件？", "《广东省临时救助办法》"),
    ("省《办法》的全称是什么？", "《广东省临时救助办法》"),
    ("省《办法》是哪个部门发布的？", None),   # asks who, not what the short name stands for
])
def test_alias(question, title):
    assert alias(question, DEFINED) == title


def test_consequence_of_a_condition_restated_in_a_citizens_words():
    sentence = "非本市户籍且无法提供有效居住证明或个人身份信息的,救助管理机构可按生活无着人员救助管理有关规定提供救助。"
    assert consequence("外地人没有居住证明也说不清身份，遇到困难怎么救助？", sentence) == \
        "救助管理机构可按生活无着人员救助管理有关规定提供救助"


def test_alias_of_a_name_without_title_marks():
    text = "电网企业\n国网四川省电力公司（以下简称“国网四川电力”）、地方电网企业按月结算。"
    assert alias("“国网四川电力”是哪家单位的简称？", text) == "国网四川省电力公司"
    card = "本条例所称单用途预付卡（以下简称预付卡），是指经营者发行的实体凭证或者虚拟凭证。"
    assert alias("预付卡是指什么？", card) == "本条例所称单用途预付卡"
    assert alias("本条例所称单用途预付卡是指什么？", card) is None  # the full term asks for its meaning


def test_labelled_value():
    sentence = "甘孜州2020年南部光伏基地正斗一期竞争配置项目（调度名：兴川）枯、平水期各月机制电量规模按照实际上网电量确定"
    assert labelled("正斗一期竞争配置项目的调度名是什么？", sentence) == "兴川"
    assert labelled("正斗一期竞争配置项目的装机容量是多少？", sentence) is None  # no such label
    assert labelled("调度名怎么起？", sentence) is None  # not asked for the value


def test_consequence_of_a_condition_opened_with_ru_and_a_rate_as_the_way_to_compute():
    rule = "以上有关各项奖励政策如与国家、省、市相关政策规定相抵触，或因国家、省、市相关政策调整，按国家和上级文件规定执行。"
    assert consequence("各项奖励政策如与国家、省、市相关政策规定相抵触，如何处理？", rule) == "按国家和上级文件规定执行"
    award = "对中药大品种二次开发项目在县域内投产后，年销售额达到1000万元及以上的，按其研发实际发生额的20%给予企业奖励，最高奖励100万元"
    assert formula("对中药大品种二次开发项目，奖励是怎么计算的？", award) == "按其研发实际发生额的20%给予企业奖励"


def test_definition_of_a_term_the_question_asks_about():
    rule = "前款所称强制搭售是指因保险公司、保险中介机构的原因，致使投保人不能单独就某一个保险产品订立保险合同。另有规定的除外。"
    assert definition("办法里说的“强制搭售”具体指什么情况？", rule) == "因保险公司、保险中介机构的原因，致使投保人不能单独就某一个保险产品订立保险合同"
    assert definition("什么是强制搭售？", rule).startswith("因保险公司")
    assert definition("强制搭售怎么处罚？", rule) is None          # not asked what it means
    assert definition("什么是犹豫期？", rule) is None              # the sentence defines something else
    card = "本条例所称单用途预付卡（以下简称预付卡），是指经营者以预收资金方式发行的实体凭证或者虚拟凭证。"
    assert definition("本条例所称单用途预付卡是指什么？", card) == "经营者以预收资金方式发行的实体凭证或者虚拟凭证"
    flying = "本办法所称飞行检查是指市场监督管理部门根据问题线索等，对经营者依法开展的不预先告知的监督检查。"
    assert definition("本办法所称的飞行检查是指什么？", flying) == "市场监督管理部门根据问题线索等，对经营者依法开展的不预先告知的监督检查"


def test_basis_is_the_principle_the_text_says_a_thing_is_done_by():
    fees = "设区的市人民政府应当按照谁产生谁付费、多产生多付费的原则，建立生活垃圾处理收费制度。"
    assert basis("以后垃圾处理费是按什么思路来收的？", fees) == "谁产生谁付费、多产生多付费的原则"
    assert basis("垃圾处理费由谁来收？", fees) is None  # not asked by what principle
    assert basis("按什么标准收费？", "设区的市人民政府应当建立生活垃圾处理收费制度。") is None


@pytest.mark.parametrize("question, expected", [
    ("新列入省级“专精特新”中小企业的，给多少奖励？", "10万元"),
    ("新列入国家级“专精特新”中小企业的，给多少奖励？", "30万元"),
    ("“专精特新”中小企业给多少奖励？", None),  # which of the two is not said
])
def test_respectively_pairs(question, expected):
    assert respectively(question, "新列入国家级和省级“专精特新”中小企业，分别给予企业30万元和10万元奖励") == expected


def test_respectively_ranges_and_three_items():
    tiers = ("即：年度地方财政贡献1000万元及以上至2000万元、2000万元以上至5000万元、5000万元以上的，"
             "分别参照其地方财政贡献的70%、80%和90%给予企业奖励")
    assert respectively("年度地方财政贡献在2000万元以上至5000万元的，参照多少比例奖励？", tiers) == "80%"
    standards = "对牵头制定并新获批国际标准、国家标准、行业标准的，当年分别给予企业100万元、50万元和30万元奖励"
    assert respectively("新获批国家标准的奖励是多少？", standards) == "50万元"
    assert respectively("国家标准由谁制定？", standards) is None  # no amount asked


def test_condition_in_front_of_the_rule_the_question_repeats():
    rule = "第十四条 登记内容存在遗漏、错误等情形或登记内容发生变化的，质权人应当办理变更登记。"
    assert condition("什么情况下质权人应当办理变更登记？", rule) == "登记内容存在遗漏、错误等情形或登记内容发生变化的"
    assert condition("在什么情形下质权人应当办理注销登记？", rule) is None  # another rule
    assert condition("质权人应当办理什么登记？", rule) is None                # no condition asked
    listed = "有下列情形之一的，质权人应当办理变更登记："
    assert condition("什么情况下质权人应当办理变更登记？", listed) is None  # the lines that follow say
    ended = "前期物业服务合同可以约定期限；但是，期限未满、业主委员会与物业服务企业签订的物业服务合同生效的，前期物业服务合同终止。"
    assert condition("前期物业服务合同在什么情况下会终止？", ended.split("；")[1]) == \
        "期限未满、业主委员会与物业服务企业签订的物业服务合同生效的"


def test_upper_and_lower_bounds_given_together():
    rule = "2025年、2026年增量新能源项目竞价上下限分别按0.4012元/千瓦时、0.2元/千瓦时确定。"
    assert respectively("竞价电价最低能报多少？", rule) == "0.2元"
    assert respectively("竞价的上限是多少？", rule) == "0.4012元"
    assert respectively("竞价电价是多少？", rule) is None  # which of the two is not said
    assert respectively("现货市场价格上限是多少？", rule) is None  # the bounds of something else


def test_consequence_a_regulation_attaches_to_the_condition_the_question_repeats():
    rule = "接受委托的旅行社违约，造成旅游者合法权益受到损害的，作出委托的旅行社应当承担相应的赔偿责任。"
    assert consequence("接受委托的旅行社违约，造成旅游者合法权益受到损害的，由谁承担什么责任？", rule) == \
        "作出委托的旅行社应当承担相应的赔偿责任"
    rule = "机动车驾驶人拒不参加满分学习、考试的，由公安机关交通管理部门公告其机动车驾驶证停止使用。"
    assert consequence("驾驶人一直不去参加满分学习考试，会怎么样？", rule) == "由公安机关交通管理部门公告其机动车驾驶证停止使用"
