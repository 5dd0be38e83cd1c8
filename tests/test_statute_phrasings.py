"""Unit tests of how statutes word what questions ask: a paragraph that says 前款, a history line that says
修改, values item by item, dates of the documents a rule repeals, bodies one turns to (向…办理)."""
from __future__ import annotations

from types import SimpleNamespace

from qa.dates import date
from qa.doers import who
from qa.entities import entity_strict
from qa.names import whole_name
from qa import extractive
from qa.extractive import Scored
from qa.document_facts import parts
from qa.issuance import answer
from qa.numbers import number, numbers_in
from qa.passage import Passage
from qa.phrasings import besides, definition, respectively
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
    # nor does it need to say 前款: a later paragraph of an article speaks of what its first one sets up
    said = paragraph.replace("前款行为", "该行为")
    assert another_item(question, "十万元以下", passage(sentence, said), FRAUD.replace("前款行为", "该行为")) is False
    # an article's first paragraph names its own case: the article before says nothing of it
    alone = "第三十九条 " + said
    assert another_item(question, "十万元以下", passage(sentence, alone), FRAUD.replace(paragraph, alone)) is True


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
    # jieba reads 上一级 as 上 + 一级: the level is whole again
    assert whole_name("一级劳动保障行政部门", "由共同的上一级劳动保障行政部门指定管辖") == "上一级劳动保障行政部门"


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


# Round 16: wordings from the four sets written blind last round (kk–kn), now studied.

def test_half_a_year_is_a_duration_and_上半年_is_not():
    text = "在本市已办理居住证满半年（含）以上，在居住证有效期内，经本人申请，纳入我市新市民积分制服务范围。"
    assert number("办了居住证，要办满多久才能纳入积分制服务范围？", passage(text)) == "半年"
    assert numbers_in("上半年完成申报，每半年复核，报送半年度报告。") == []


def test_a_month_answers_几月份_and_a_stretch_of_the_year_stays_whole():
    ranking = "区积分办依据父母积分情况，于每年6月按照全区或分镇（街道）对普通借读生进行排名。"
    assert date("积分入学，区里一般几月份排名？", passage(ranking)) == "6月"
    assert date("区里一般什么时候排名？", passage(ranking)) is None  # a month alone answers only 几月
    report = "市场主体应当于每年1月1日至6月30日，通过国家企业信用信息公示系统报送上一年度年度报告。"
    assert date("每年什么时间段报送年度报告？", passage(report)) == "1月1日至6月30日"


def test_levels_地市级_and_省_自治区_直辖市():
    assert entity_strict("开股份有限公司要去哪一级的登记机关办登记？",
                         passage("股份有限公司的登记管理由地市级以上地方登记机关负责。")) == "地市级以上地方登记机关"
    text = "外商投资的娱乐场所申请从事娱乐场所经营活动，应当向所在地省、自治区、直辖市人民政府文化主管部门提出申请。"
    assert entity_strict("外商投资的娱乐场所应当向哪一级部门提出申请？", passage(text)) == "省、自治区、直辖市人民政府文化主管部门"


def test_a_fine_asked_is_not_the_value_of_the_case_it_applies_to():
    text = "没有违法所得或者违法所得不足1万元的，并处1万元以上3万元以下的罚款；"
    assert number("歌厅让未成年人进去了，没有违法所得的话罚款多少？", passage(text)) == "1万元以上3万元以下"


def test_the_upper_bound_may_be_said_with_its_noun():
    text = "在本市按月缴交住房公积金的，每缴交1个月积0.2分，累计最高限12分。"
    assert number("按月缴交住房公积金，累计最高能加到多少分？", passage(text)) == "12分"


def test_a_limit_asked_in_time_is_no_frequency():
    text = "由市财政按本市最低工资标准的50%核拨经费补贴，每月按22个工作日计算，最长见习补贴期限不超过12个月。"
    assert number("这个补贴最长能补多久？", passage(text)) == "不超过12个月"
    assert number("可以延期多久？", passage("情形复杂的，经登记机关负责人批准，可以延长3个月。")) == "延长3个月"


def test_a_place_the_text_labels_as_such():
    text = ("经公示无异议的，由区新市民事务办公室向积分排名在入户规划名额之内的新市民发出积分入户卡，"
            "入户卡领取地点为各镇（街道）受理窗口。")
    assert entity_strict("公示没有异议的话，入户卡去哪里领？", passage(text)) == "各镇（街道）受理窗口"


def test_definitions_said_with_所指_and_asked_in_other_words():
    text = "本办法所指就业见习人员是指离校未就业（毕业2年内）高校毕业生和16-24岁失业青年。"
    assert definition("哪些人算是就业见习人员？", text) == "离校未就业（毕业2年内）高校毕业生和16-24岁失业青年"
    text = "本办法中毕业2年内未就业高校毕业生指毕业2年内，并进行未就业登记的高校毕业生。"
    assert definition("本办法中“毕业2年内未就业高校毕业生”是如何界定的？", text) == "毕业2年内，并进行未就业登记的高校毕业生"


def test_which_regulation_is_a_title_and_名称_may_be_the_subject_of_a_who_question():
    text = ("第一条 为加强本市就业见习基地管理，根据《广东省高等学校学生实习与毕业生就业见习条例》"
            "（广东省第十一届人民代表大会常务委员会公告第35号），制定本办法。")
    assert entity_strict("本办法所依据的广东省地方性法规是哪一部？", passage(text)) == "《广东省高等学校学生实习与毕业生就业见习条例》"
    assert entity_strict("市场主体名称由谁依法自主申报？", passage("第八条 市场主体名称由申请人依法自主申报。")) == "申请人"


def test_whom_one_turns_to_and_bodies_abbreviated_with_办():
    text = "申请人对区、镇（街道）积分办处理结果不服的，可在处理结果送达之日起15个工作日内向市积分办申请复核。"
    assert entity_strict("对区里积分办的处理结果不服，可以找谁申请复核？", passage(text)) == "市积分办"
    assert who("初核通过后，材料交给哪个单位复核？", "经市高指中心受理、初核通过后交南方人才市场管委办复核。",
               anchored=True) == "南方人才市场管委办"


def test_keys_present_reads_ktv_as_歌舞娱乐场所():
    source = "第二十八条 每日凌晨2时至上午8时，歌舞娱乐场所不得营业。\n"
    line = scored(source.strip(), source)
    assert keys_present("KTV每天几点到几点不准营业？", line, [line], lambda _: source)
    assert not keys_present("ETC每天几点到几点不准营业？", line, [line], lambda _: source)
    # the penalties chapter says 娱乐场所 only: the document names 歌舞娱乐场所 elsewhere
    source = "第十五条 歌舞娱乐场所应当安装闭路电视监控设备。\n第四十三条 娱乐场所的包厢不得设置隔断。\n"
    line = scored("第四十三条 娱乐场所的包厢不得设置隔断。", source)
    line.chunk.metadata["section"] = "第五章 法律责任"
    assert keys_present("KTV包厢在装修上有什么规定？", line, [line], lambda _: source)
    assert not keys_present("KTV包厢在装修上有什么规定？", line, [line], lambda _: source.replace("歌舞", ""))


def test_besides_one_item_the_others_of_its_enumeration():
    text = "第四十七条 申请办理简易注销登记，应当提交申请书和全体投资人承诺书。"
    assert besides("走简易注销的话，除了申请书还得交什么材料？", text) == "全体投资人承诺书"
    assert besides("除了身份证，还要带什么？", "申请人应当携带户口簿、身份证和照片。") == "户口簿、照片"
    assert besides("除了罚款还有什么处罚？", "处罚款二千元，并责令改正。") is None  # nothing is joined to it


def test_a_gap_filled_with_the_questions_own_noun_answers_nothing():
    source = "第四十六条 申请办理注销登记，应当提交下列材料："
    found = extractive.extract("公司办注销登记，还得交什么材料？", "descriptive", [scored(source, source)], lambda _: source)
    assert found.answer != "材料"


def test_whom_one_signs_with_is_the_party_与_names():
    text = "第二十六条 娱乐场所应当与保安服务企业签订保安服务合同，配备专业保安人员；"
    assert entity_strict("夜总会的保安能自己随便招人吗？必须跟谁签保安合同？", passage(text)) == "保安服务企业"
    assert entity_strict("单位要和谁订立书面劳动合同？", passage("用人单位应当与劳动者订立书面劳动合同。")) == "劳动者"


def test_a_clause_naming_a_sibling_of_the_asked_item_is_about_that_one():
    text = "获得省级职业技能竞赛三等奖分值为100分，二等奖分值为110分，一等奖分值为120分；"
    assert number("获得省级职业技能竞赛一等奖能加多少分？", passage(text)) == "120分"
    assert number("获得省级职业技能竞赛三等奖能加多少分？", passage(text)) == "100分"
    # 1个月 is no sibling of 一个月
    assert number("按月交住房公积金，每交一个月能加多少分？", passage("按月缴交住房公积金的，每缴交1个月积0.2分，累计最高限12分。")) == "0.2分"


def test_a_grade_of_the_rule_is_answered_by_the_sentence_stating_it():
    source = "第五十三条 登记机关受理申请后，应当于3个月内完成调查。情形复杂的，经登记机关负责人批准，可以延长3个月。"
    rule, grade = scored("第五十三条 登记机关受理申请后，应当于3个月内完成调查。", source), \
        scored("情形复杂的，经登记机关负责人批准，可以延长3个月。", source)
    rule.score, grade.score = 0.8, 0.65  # the rule itself reads closer to the question
    found = extractive.extract("登记机关受理申请后，情形复杂的，应当在多长时间内完成调查？", "number", [rule, grade],
                               lambda _: source)
    assert found.answer == "延长3个月" and found.evidence[0] is grade
