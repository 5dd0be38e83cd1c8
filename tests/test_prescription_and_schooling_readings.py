"""Unit tests of readings met in a ministry's prescription rules, a State Council opinion on schooling, a
city's affordable-housing rules and a city's gas regulation: negations that belong to a name or a quoted
term, the clause that asks, a compound case before 或者, what must stand alone, a government site's date
table, principles written as labelled paragraphs, the body a 的-phrase says made a paper, the clause of a
by-phrase, the body before the verb asked, a share of an amount, a distributive 每, the question's own
small count, two kinds of items asked, the next sentence carrying the question's subject, a measure word
asked, a party named with 对 and 普通 X as X unqualified. Fast: jieba only, no model."""
from __future__ import annotations

from qa.document_facts import headed_items
from qa.doers import by_which, made_by, who
from qa.emphasis import emphasise
from qa.entities import entity_strict
from qa.issuance import answer as issued
from qa.lists import enumeration_items
from qa.numbers import number
from qa.places import turned_to
from qa.shapes import fits
from qa.substitution import substitute
from qa.surroundings import further_amount
from qa.verdicts import yes_no
from tests.test_spans import passage
from tests.test_statute_phrasings import scored


def test_a_negation_inside_a_quoted_term_or_a_naming_phrase_is_not_the_questions():
    text = "严禁在有合格教师来源的情况下“有编不补”、长期聘用编外教师，严禁挤占挪用义务教育学校教职工编制。"
    said = yes_no("在有合格教师来源的情况下，可以“有编不补”、长期聘用编外教师吗？", passage(text))
    assert said.startswith("不可以") and "有编不补" in said  # the clause it asks about, not the last one
    text = "公办和民办学校都不得向随迁子女收取有别于本地户籍学生的任何费用。"
    assert yes_no("我们是外地户口，学校能不能向我家孩子多收本地学生没有的费用？", passage(text)).startswith("不能")


def test_the_clause_holding_能不能_asks_what_follows_it_is_asked_about():
    text = "第四十二条 除麻醉药品、精神药品、医疗用毒性药品和儿科处方外，医疗机构不得限制门诊就诊人员持处方到药品零售企业购药。"
    assert yes_no("医院能不能要求病人只在医院药房拿药，不得去外面药店买？", passage(text)).startswith("不能")


def test_the_cases_before_或者_belong_to_the_condition_the_question_states():
    text = ("选房过程中，认购申请人排序到位选房但未选定住房，或者虽选定住房但未当场缴纳认购定金的，按放弃本次选房处理，"
            "由入围名单内排位在后的其他认购申请人依次递补。")
    assert yes_no("认购申请人虽选定住房但未当场缴纳认购定金的，是否按放弃本次选房处理？", passage(text)).startswith("是")


def test_what_must_be_prescribed_alone_says_no_to_together():
    text = "（六）西药和中成药可以分别开具处方，也可以开具一张处方，中药饮片应当单独开具处方。"
    assert yes_no("中药饮片可以和西药开在同一张处方上吗？", passage(text)) == "不可以。中药饮片应当单独开具处方。"
    assert yes_no("西药和中成药可以开在一张处方上吗？", passage(text)).startswith("可以")


def test_the_date_a_government_sites_table_labels():
    text = ("国务院关于统筹推进县域内城乡义务教育一体化改革发展的若干意见\n成文日期：2016年07月02日\n"
            "发文字号：国发〔2016〕40号\n发布日期：2016年07月11日\n正文。\n国务院\n2016年7月2日\n")
    assert issued("该文件的发布日期是哪一天？", text)[0] == "2016年07月11日"
    assert issued("这份意见是哪天成文的？", text)[0] == "2016年07月02日"
    assert issued("这份意见是什么时候印发的？", text)[0] == "2016年7月2日"  # no label named: the signed date


def test_principles_written_as_labelled_paragraphs():
    text = ("一、总体要求\n二、基本原则\n优先发展，统筹规划。在推进新型城镇化进程中坚持优先发展义务教育。\n"
            "深化改革，创新机制。深化义务教育治理结构改革。\n提高质量，公平共享。把立德树人作为根本任务。\n"
            "三、工作目标\n到2020年，城乡二元结构壁垒基本消除。\n")
    assert headed_items("文件提出了几条基本原则？", text) == ("3条", "二、基本原则")
    assert headed_items("文件确定了哪些基本原则？", text)[0] == "优先发展，统筹规划；深化改革，创新机制；提高质量，公平共享"
    numbered = "（二）工作原则\n——坚持党的全面领导。坚定维护。\n——坚持共建共享。弘扬精神。\n（三）战略定位\n"
    assert headed_items("意见提出的工作原则有哪些？", numbered)[0] == "坚持党的全面领导、坚持共建共享"
    # a part whose paragraphs are not labelled is no list of items, and a question on one principle asks no count
    assert headed_items("工作目标有哪些？", text) is None
    assert headed_items("基本原则里的优先发展要求几年内实现？", text) is None
    assert headed_items("基本原则一共有几项？", text) == ("3项", "二、基本原则")


def test_the_body_a_的_phrase_says_made_the_paper():
    text = "（四）已婚的，提供申请人、申请人配偶户籍所在地街道计生工作机构出具的计划生育证明；"
    assert made_by("已婚申请人提交的计划生育证明由哪个机构出具？", text) == "申请人配偶户籍所在地街道计生工作机构"
    assert made_by("计划生育证明要交几份？", text) is None


def test_the_by_phrase_of_the_clause_the_question_is_about():
    text = ("第五条 处方标准（附件1）由卫生部统一规定，处方格式由省、自治区、直辖市卫生行政部门（以下简称省级卫生行政部门）"
            "统一制定，处方由医疗机构按照规定的标准和格式印制。")
    assert by_which("处方标准由哪个部门统一规定？", text) is None  # (not the body that 统一制定s the format)
    assert who("处方标准由哪个部门统一规定？", text, anchored=True) == "卫生部"
    assert who("处方的格式由谁来统一制定？", text, anchored=True).startswith("省、自治区、直辖市卫生行政部门")


def test_the_body_before_the_verb_asked():
    text = "并在项目建设竣工验收后六个月内向城市建设档案机构移交齐全、准确的项目建设档案。"
    assert turned_to("燃气工程建设单位应当向哪个机构移交项目建设档案？", text) == "城市建设档案机构"


def test_a_share_or_multiple_of_an_amount_and_half_a_workload():
    text = "并处违法生产、销售产品货值金额百分之五十以上三倍以下罚款；有违法所得的，没收违法所得。"
    assert number("在燃气中掺杂、掺假的，按违法生产、销售产品货值金额的多少处以罚款？", passage(text)) == \
        "百分之五十以上三倍以下"
    text = "班主任工作量按当地教师标准课时工作量一半计算。"
    assert number("当班主任的老师，工作量按标准课时工作量的多少来算？", passage(text)) == "一半"


def test_每_makes_no_count():
    text = "（七）开具西药、中成药处方，每一种药品应当另起一行，每张处方不得超过5种药品。"
    assert number("每张西药、中成药处方最多可以开几种药品？", passage(text)) == "5种"


def test_the_questions_own_small_count_singles_out_its_sentence():
    source = "（一）单身居民、2至3人家庭配售建筑面积标准为65平方米左右；\n（三）4人及以上家庭配售建筑面积标准为85平方米左右。"
    small, large = (scored(line, source) for line in source.split("\n"))
    small.score, large.score = 0.86, 0.80
    assert emphasise("4人及以上家庭的安居型商品房配售建筑面积标准为多少？", [small, large])[0] is large


def test_items_of_either_kind_asked():
    text = "主管部门、监察部门和公证机构应当对选房过程依法实施监督。"
    assert enumeration_items("选房的时候有哪些部门或机构在旁边监督？", passage(text)) == ["主管部门", "监察部门", "公证机构"]


def test_the_next_sentence_opening_with_the_questions_subject():
    line = ("第五十一条 医疗机构应当按照麻醉药品和精神药品品种、规格对其消耗量进行专册登记，登记内容包括发药日期、"
            "患者姓名、用药数量。专册保存期限为3年。")
    first = scored(line.split("。")[0] + "。", line)
    found = further_amount("医疗机构对麻醉药品和精神药品消耗量进行专册登记，专册要保存几年？", first, lambda _: line)
    assert found and found[0] == "3年"


def test_a_measure_word_asked_must_be_in_the_answer():
    assert not fits("布洛芬一天最多能吃几片？", "第二类精神药品一般每张处方不得超过7日常用量；")
    assert fits("一次最多能买几片？", "10片")
    assert fits("每月限购多少公斤？", "5千克")


def test_a_party_named_with_对_takes_the_place_of_the_other():
    previous = "在管道燃气设施保护范围内进行爆破、取土等作业的，对单位罚多少？"
    assert substitute(previous, "对个人") == "在管道燃气设施保护范围内进行爆破、取土等作业的，对个人罚多少？"



def test_an_ordinary_thing_is_the_thing_unqualified():
    source = "第十九条 处方一般不得超过7日用量；\n急诊处方一般不得超过3日用量；"
    plain, emergency = (scored(line, source) for line in source.split("\n"))
    plain.score, emergency.score = 0.80, 0.85
    assert emphasise("普通处方一般最多能开几天的药量？", [emergency, plain])[0] is plain
    assert emphasise("急诊处方一般最多能开几天的药量？", [emergency, plain])[0] is emergency


def test_a_doer_ends_before_how_it_acts_and_理由_names_none():
    text = "个人违反本条例第十四条规定，乱扔烟头的，由城市管理综合执法部门按照市容环境管理的相关法规予以处罚。"
    assert entity_strict("在马路上乱扔烟头，归哪个部门罚？", passage(text)) == "城市管理综合执法部门"
    text = "第十条 选择无理由退货的消费者应当自收到商品之日起七日内向网络商品销售者发出退货通知。"
    assert who("无理由退货时寄回商品的运费由谁出？", text) is None
