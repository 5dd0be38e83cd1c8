"""Unit tests of how statutes word what questions ask: a paragraph that says 前款, a history line that says
修改, values item by item, dates of the documents a rule repeals, bodies one turns to (向…办理)."""
from __future__ import annotations

from types import SimpleNamespace

from qa.dates import date
from qa.doers import who
from qa.entities import entity_strict, whole_name
from qa.extractive import Scored
from qa.issuance import answer, parts
from qa.numbers import number
from qa.passage import Passage
from qa.phrasings import definition, respectively
from qa.refusals import another_item, keys_present


def passage(text: str, paragraph: str | None = None) -> Passage:
    paragraph = paragraph or text
    return Passage(text, paragraph, paragraph.find(text), [])


def scored(text: str, source: str) -> Scored:
    start = source.find(text)
    chunk = SimpleNamespace(page_content=text, metadata={
        "doc": "d", "section": "", "start": start, "end": start + len(text),
        "sentences": [(start, start + len(text))], "chunk_id": "c"})
    return Scored(text, start, start + len(text), chunk, 0.9, 0.0, 0.5)


FRAUD = ("第三十八条 组织、策划、实施、参与电信网络诈骗活动或者为电信网络诈骗活动提供帮助，构成犯罪的，依法追究刑事责任。\n"
         "前款行为尚不构成犯罪的，由公安机关处十日以上十五日以下拘留；没收违法所得，处违法所得一倍以上十倍以下罚款，"
         "没有违法所得或者违法所得不足一万元的，处十万元以下罚款。\n"
         "第四十四条 违反本法第三十一条第一款规定的，没有违法所得或者违法所得不足二万元的，处二十万元以下罚款。\n")


def test_a_paragraph_that_says_前款_names_its_case_in_the_paragraph_before():
    paragraph = FRAUD.split("\n")[1]
    sentence = "没收违法所得，处违法所得一倍以上十倍以下罚款，没有违法所得或者违法所得不足一万元的，处十万元以下罚款。"
    question = "组织、参与电信网络诈骗但尚不构成犯罪，没有违法所得或者违法所得不足一万元的，处多少罚款？"
    assert another_item(question, "十万元以下", passage(sentence, paragraph), FRAUD) is False
    # without 前款 the paragraph before says nothing of this one's case
    alone = paragraph.replace("前款行为", "该行为")
    assert another_item(question, "十万元以下", passage(sentence, alone), FRAUD.replace("前款行为", "该行为")) is True


def test_keys_present_reads_中国_and_app_in_their_full_spelling():
    source = ("第三条 打击治理中华人民共和国公民在境外实施的电信网络诈骗活动，适用本法。\n"
              "第二十三条 设立移动互联网应用程序应当向电信主管部门办理许可或者备案手续。\n")
    first, second = (scored(line, source) for line in source.strip().split("\n"))
    assert keys_present("中国公民在境外实施电信网络诈骗活动，适用本法吗？", first, [first], lambda _: source)
    assert keys_present("开发一个手机APP上线前，需要向哪个部门办许可？", second, [second], lambda _: source)
    assert not keys_present("美国公民在境外实施电信网络诈骗活动，适用本法吗？", first, [first], lambda _: source)


def test_respectively_takes_the_item_named_at_greatest_length():
    funds = "区级、街道（镇）级、社区（村）级社区养老服务设施每年每个分别不少于60万元、40万元、5万元运营经费。"
    # 社区（村）级's "社区" is in the question too, inside the words every item shares
    assert respectively("街道（镇）级社区养老服务设施每年每个的运营经费不少于多少？", funds) == "40万元"
    assert respectively("社区（村）级社区养老服务设施每年的运营经费不少于多少？", funds) == "5万元"


def test_a_term_the_rule_says_所称_includes_is_defined_by_it():
    rule = "本办法所称纯老家庭包括家庭成员均为老年人的家庭。"
    assert definition("本办法所称的纯老家庭是指什么？", rule) == "家庭成员均为老年人的家庭"
    # without 所称, 包括 lists parts, not what the term means
    assert definition("纯老家庭是指什么？", "纯老家庭包括孤寡老人。") is None


AMENDED = ("市场监督管理投诉举报处理暂行办法\n2019年11月30日 国家市场监督管理总局令第20号公布\n"
           "2022年3月24日 《国家市场监督管理总局关于修改和废止有关规章的决定》修改\n第一条 为规范投诉举报处理工作，制定本办法。\n")


def test_a_history_line_that_says_修改_is_a_revision():
    assert answer("这个办法后来是哪天修改的？", AMENDED)[0] == "2022年3月24日"
    assert answer("这个办法修改过几次？", AMENDED)[0] == "1次"


def test_a_law_is_counted_by_its_articles():
    law = "中华人民共和国反电信网络诈骗法\n第一条 为了预防电信网络诈骗。\n第二条 本法所称电信网络诈骗。\n第三条 本法自公布之日起施行。"
    assert parts("反电信网络诈骗法一共有多少条？", law) == ("3条", "第三条 本法自公布之日起施行。")
    assert parts("这部法律第一章有几条？", law) is None


def test_the_date_of_the_repealed_document_the_question_names():
    repealed = ("1998年3月12日原国家质量技术监督局令第51号公布的《产品质量申诉处理办法》、2014年2月14日原国家工商行政管理总局令"
                "第62号公布的《工商行政管理部门处理消费者投诉办法》、2016年1月12日原国家食品药品监督管理总局令第21号公布的"
                "《食品药品投诉举报管理办法》同时废止。")
    assert date("《工商行政管理部门处理消费者投诉办法》是哪一天公布的？", passage(repealed)) == "2014年2月14日"
    assert date("《食品药品投诉举报管理办法》的公布日期是哪天？", passage(repealed)) == "2016年1月12日"


def test_a_month_asked_is_answered_by_a_month():
    rule = "申请星级评定补贴的居家社区养老服务组织，应当于每年3月份通过信息平台向住所地区民政部门提交申请。"
    assert date("养老服务机构想申请星级评定补贴，一般每年几月份报？", passage(rule)) == "3月份"


def test_a_share_asked_in_tenths_is_answered_by_a_percentage():
    rent = "（一）承租政府和事业单位公有非住宅房产的，租金标准以市场租金参考价或评估价的50%计算和收取；"
    assert number("养老机构租政府的非住宅房子，租金按市场价的几成收？", passage(rent)) == "50%"


def test_the_body_one_turns_to_is_the_one_after_向():
    rule = "第二十三条 设立移动互联网应用程序应当按照国家有关规定向电信主管部门办理许可或者备案手续。"
    assert entity_strict("开发一个手机APP上线前，需要向哪个部门办许可或者备案？", passage(rule)) == "电信主管部门"


def test_a_township_government_keeps_its_镇():
    rule = "资助费用由镇人民政府、街道办事处按照财务管理规定，每月支付给服务机构。"
    assert who("老人的服务资助费用每个月是由谁付给服务机构的？", rule).startswith("镇人民政府")


def test_a_name_keeps_the_nouns_in_front_of_it():
    assert whole_name("综合信息平台", "应当通过市为老服务综合信息平台向户籍所在地提交申请") == "市为老服务综合信息平台"
    assert whole_name("服务平台", "将行政处罚等信息共享到本市公共信用信息服务平台") == "本市公共信用信息服务平台"
    assert whole_name("区民政部门", "由区民政部门负责") == "区民政部门"              # a preposition before it
    # the answer starts inside jieba's word (上一级 read as 上 + 一级): left as it was cut
    assert whole_name("一级劳动保障行政部门", "由共同的上一级劳动保障行政部门指定管辖") == "一级劳动保障行政部门"


def test_a_paragraph_citing_articles_names_its_case_in_them():
    law = ("第十四条 任何单位和个人不得非法制造、买卖、提供或者使用下列设备、软件：\n（一）电话卡批量插入设备；\n"
           "（二）具有改变主叫号码功能的设备。\n第十五条 银行业金融机构应当建立开户核验制度。\n"
           "第四十二条 违反本法第十四条规定的，没收违法所得，处违法所得一倍以上十倍以下罚款，没有违法所得或者违法所得"
           "不足五万元的，处五十万元以下罚款。\n")
    paragraph = law.split("\n")[4]
    question = "非法买卖电话卡批量插入设备，没有违法所得或者违法所得不足五万元的，处多少罚款？"
    assert another_item(question, "五十万元以下", passage(paragraph), law) is False
    # the article it cites says nothing of 银行卡: another item
    assert another_item("银行卡开户违规的，处多少罚款？", "五十万元以下", passage(paragraph), law) is True


def test_an_opinion_is_counted_by_its_numbered_parts():
    opinion = "关于加强人才队伍建设的意见\n一、总体要求\n（一）指导思想。坚持党的领导。\n二、加大培养力度\n三、保障措施\n"
    assert parts("这份意见的正文一共分成几大部分？", opinion) == ("3个部分", "三、保障措施")
    assert parts("这个意见分为几个部分？", opinion)[0] == "3个部分"
    assert parts("这份意见的第一部分讲什么？", opinion) is None


def test_a_persons_name_takes_no_title_in_front():
    assert whole_name("肖风", "万向区块链董事长兼总经理肖风博士认为") == "肖风"
