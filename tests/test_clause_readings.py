"""Unit tests of readings met in a traffic-procedure rule, a tourism regulation, a State Council opinion on
medical-insurance supervision and a disability-subsidy measure: which clause of a sentence names the body
asked, whole names, how often, a day the text defines, a place something is put, the rule for the others,
a grade asked after a one-clause question, the order a local congress promulgates by, and questions that
deny what the text states. Fast: jieba only, no model."""
from __future__ import annotations

from qa import extractive
from qa.dates import date, frequency
from qa.entities import entity_strict
from qa.names import whole_name
from qa.issuance import answer, unstated
from qa.lists import listing
from qa.means import means
from qa.numbers import labelled, number
from qa.passage import in_question
from qa.phrasings import consequence
from qa.places import place
from qa.question import question_kind
from qa.refusals import keys_present
from qa.spans import choice
from qa.verdicts import yes_no
from qa.substitution import substitute
from qa.surroundings import for_the_rest, named_case
from tests.test_spans import _item, passage
from tests.test_statute_phrasings import scored

LEVELS = ("国家医保局负责监督指导全国医保基金使用常态化监管工作，省级医保行政部门负责监督指导本行政区域内医保基金使用"
          "常态化监管工作，地市级以下医保行政部门要落实好常态化监管任务。")


def test_the_body_asked_is_the_one_of_the_clause_the_question_is_about():
    assert entity_strict("负责监督指导全国医保基金使用常态化监管工作的是哪个部门？", passage(LEVELS)) == "国家医保局"
    assert entity_strict("具体落实医保基金常态化监管任务的是哪一级医保部门？", passage(LEVELS)) == "地市级以下医保行政部门"
    text = "对违法行为人处以吊销机动车驾驶证处罚的，由设区的市公安机关交通管理部门作出处罚决定。"
    assert entity_strict("吊销驾驶证的，由哪一级部门作出处罚决定？", passage(text)).startswith("设区的市")


def test_a_name_runs_back_over_各级_and_over_verbs_between_nouns():
    assert whole_name("人民政府", "地方各级人民政府对本行政区域内医保基金使用常态化监管工作负领导责任") == "地方各级人民政府"
    text = "进一步完善举报投诉机制，依托全国医保基金举报投诉管理系统，畅通投诉渠道。"
    assert whole_name("管理系统", text) == "全国医保基金举报投诉管理系统"
    # a place word before the verb is no part of a name
    assert whole_name("区残联", "初审通过后在省系统内提交区残联进行审核。") == "区残联"


def test_a_body_found_by_the_questions_words_is_the_nouns_it_ends_with():
    text = "初审通过后在省系统内提交区残联进行审核。"
    assert entity_strict("镇（街）初审通过后，由哪个部门进行审核？", passage(text)) == "区残联"


def test_how_often_is_read_as_每年_or_年度():
    assert frequency("区里对补贴发放管理多长时间至少审计一次？", "对补贴发放管理每年至少进行一次审计") == "每年至少进行一次"
    assert frequency("飞行检查的结果多久集中公告一次？", "建立飞行检查年度公告及典型案例曝光制度。") == "年度"
    assert question_kind("监督检查计划按什么周期制定和执行？") == "date"
    assert frequency("什么时候公告？", "建立飞行检查年度公告制度。") is None


def test_a_payment_counted_from_a_month_an_event_fixes():
    text = "重新办理残疾人证并提出补贴申请的，应于新残疾人证发证当月计发补贴。"
    assert question_kind("重新办了残疾人证再申请补贴，从哪个月开始算钱？") == "date"
    assert "发证当月" in date("重新办了残疾人证再申请补贴，从哪个月开始算钱？", passage(text))


def test_a_date_the_text_defines_answers_how_it_is_fixed():
    text = "送达日期为公安机关交通管理部门对应系统显示发送成功的日期。"
    assert date("电子送达的送达日期如何确定？", passage(text)) == "公安机关交通管理部门对应系统显示发送成功的日期"


def test_where_a_thing_is_put_or_a_person_taken():
    text = "应当在机动车侧门玻璃或者摩托车座位上粘贴违法停车告知单，并采取拍照方式固定相关证据。"
    assert "侧门玻璃" in place("交警会把违法停车告知单贴在哪儿？", text)
    text = "由两名交通警察将车辆驾驶人带到医疗机构提取血样；"
    assert place("交警会把司机带到什么地方提取血样？", text) == "医疗机构"


def test_the_rule_for_the_others_answers_a_question_that_denies_the_named_case():
    rules = "第二十五条 依托国家自然资源投资兴建的旅游景区门票实行政府定价；其他旅游景区门票实行市场调节价。\n"
    first = _item("第二十五条 依托国家自然资源投资兴建的旅游景区门票实行政府定价；", rules)
    assert for_the_rest("不是依托国家自然资源建的普通景区，门票价格怎么定？", first, lambda _: rules) == \
        "其他旅游景区门票实行市场调节价"
    assert for_the_rest("依托国家自然资源建的景区，门票价格怎么定？", first, lambda _: rules) is None


def test_a_grade_asked_after_a_one_clause_question_is_added_before_what_is_asked():
    assert substitute("景区提供含有淫秽内容的游览项目要罚多少钱？", "情节严重的") == \
        "景区提供含有淫秽内容的游览项目，情节严重的，要罚多少钱？"


def test_a_named_grade_is_answered_by_its_measure_with_or_without_a_number():
    rules = ("（二）向旅游者提供禁止性游览项目的，责令改正，处二千元以上二万元以下的罚款；有违法所得的，没收非法所得；"
             "情节严重的，可以责令停业整顿；\n")
    line = _item("（二）向旅游者提供禁止性游览项目的，责令改正，处二千元以上二万元以下的罚款；", rules)
    grade = _item("情节严重的，可以责令停业整顿；", rules)
    question = "提供禁止性游览项目，情节严重的，要罚多少钱？"
    assert named_case(question, line, lambda _: rules)[0] == "可以责令停业整顿"
    assert named_case(question, grade, lambda _: rules)[0] == "可以责令停业整顿"
    assert named_case("提供禁止性游览项目要罚多少钱？", line, lambda _: rules) is None
    found = extractive.extract(question, "number", [grade, line], lambda _: rules)
    assert found.answer == "可以责令停业整顿"


def test_the_lines_a_pointer_to_下列程序_announces_are_the_way():
    rules = ("第四十四条 适用简易程序处罚的，可以由一名交通警察作出，并应当按照下列程序实施:\n"
             "（一）口头告知违法行为人违法行为的基本事实；\n（二）听取违法行为人的陈述和申辩；\n")
    lead = _item("第四十四条 适用简易程序处罚的，可以由一名交通警察作出，并应当按照下列程序实施:", rules, 0.9)
    found = extractive.extract("适用简易程序处罚应当按照什么程序实施？", "descriptive", [lead], lambda _: rules)
    assert "口头告知" in found.answer and "听取违法行为人的陈述和申辩" in found.answer


def test_how_a_case_opened_by_对于_is_handled():
    text = "对于存在主观故意、影响恶劣的欺诈骗保行为，依法从严从重查处，同时做好协议处理与行政处罚的有效衔接。"
    assert consequence("对于存在主观故意、影响恶劣的欺诈骗保行为如何处理？", text).startswith("依法从严从重查处")


def test_a_question_denying_what_the_text_states_is_answered_no():
    text = "对于存在主观故意、影响恶劣的欺诈骗保行为，依法从严从重查处，同时做好协议处理与行政处罚的有效衔接。"
    assert yes_no("医院故意骗保，是不是按协议处理一下就完了，不会有行政处罚？", passage(text)).startswith("否")
    text = "卫生健康、中医药、市场监管、药品监管、审计等部门要按照职责分工，落实相关监管责任。"
    assert yes_no("市场监管等行业部门是否不承担医保基金使用相关的监管责任？", passage(text)).startswith("否")
    # a negated case before a modal asks about the case, and the text's penalty says yes
    assert yes_no("不交社保会被罚吗？", passage("用人单位未缴纳社会保险费的，处罚款。")).startswith("会")


def test_an_option_is_found_by_the_part_that_sets_it_apart():
    assert choice("集中宣传是按宣传周还是宣传月来搞？", passage("持续做好集中宣传月工作，聚焦打击欺诈骗保主题。")) == "宣传月"


def test_a_local_congress_promulgates_by_公告():
    text = ("宁波市旅游景区条例\n2010年10月27日 宁波市第十三届人民代表大会常务委员会第二十七次会议通过\n"
            "2010年12月7日 宁波市第十三届人民代表大会常务委员会公告第27号公布\n第一条 为规范旅游景区建设与管理，制定本条例。\n")
    assert answer("本条例以宁波市第十三届人民代表大会常务委员会公告第几号公布？", text)[0].endswith("公告第27号")
    assert answer("这个景区条例是哪一天正式对外公布的？", text)[0] == "2010年12月7日"


def test_a_number_in_brackets_under_the_title_is_the_documents_number():
    text = "关于加强医疗保障基金使用常态化监管的实施意见\n（国办发〔2023〕17号）\n各省、自治区、直辖市人民政府：\n"
    assert answer("《关于加强医疗保障基金使用常态化监管的实施意见》的发文字号是多少？", text)[0] == "国办发〔2023〕17号"


def test_a_documents_number_it_does_not_print_is_not_answered():
    text = "广州市困难残疾人生活补贴和重度残疾人护理补贴实施办法\n第一条 为做好补贴工作，制定本办法。\n"
    assert unstated("本实施办法是以广州市人民政府第几号令公布的？", text)
    assert not unstated("本实施办法是哪天公布的？", text)


def test_occasions_are_not_counted_from_a_list():
    text = "聚焦典型性、顽固性、复杂性违法违规问题，及时汇总建立飞行检查发现问题清单。"
    assert number("医保飞行检查每年至少开展几次？", passage(text)) is None


def test_a_hospital_is_named_by_a_name_ending_in_院():
    rules = "因残疾类别或等级变更而进行残疾人证重新换发、核发期间，按照原标准发放补贴。\n"
    found = extractive.extract("残疾等级评定要去哪家医院做？", "entity", [_item(rules.strip(), rules, 0.9)], lambda _: rules)
    assert found.answer is None


def test_a_figure_the_question_states_in_digits_and_天_is_the_texts_日_in_words():
    assert in_question("三十日内", "违章没法在30天内处理，申请延期的话最长能延多久？")
    assert not in_question("三个月", "违章没法在30天内处理，申请延期的话最长能延多久？")


def test_the_next_sentence_bounds_what_the_line_allows():
    rules = "违法行为人无法在三十日内接受处理的，可以申请延期处理。延长的期限最长不得超过三个月。\n"
    first = _item("违法行为人无法在三十日内接受处理的，可以申请延期处理。", rules, 0.9)
    found = extractive.extract("违章没法在30天内处理，申请延期的话最长能延多久？", "number", [first], lambda _: rules)
    assert "三个月" in found.answer


def test_a_value_the_text_gives_the_thing_asked_by_name():
    assert labelled("告知以后还不去处理，公告期是多少天？", "公告期为七日。") == "七日"
    assert labelled("告知以后还不去处理，公告期是多少天？", "邮寄送达不成功的，可以公告送达。") is None


def test_a_citizens_30天_is_present_as_the_statutes_三十日():
    source = "违法行为人无法在三十日内接受处理的，可以申请延期处理。\n"
    best = scored(source.strip(), source)
    assert keys_present("违章没法在30天内处理，申请延期的话最长能延多久？", best, [best], lambda _: source)
    assert not keys_present("违章没法在40天内处理，申请延期的话最长能延多久？", best, [best], lambda _: source)


def test_of_clauses_that_disagree_the_one_holding_what_is_asked_decides():
    text = "（三）享受孤儿基本生活保障政策的残疾儿童不享受困难残疾人生活补贴，可享受重度残疾人护理补贴。"
    assert yes_no("孩子是孤儿，已经在领孤儿基本生活保障，还能领重度残疾人护理补贴吗？", passage(text)).startswith("能")
    assert yes_no("孩子是孤儿，已经在领孤儿基本生活保障，还能领困难残疾人生活补贴吗？", passage(text)).startswith("不能")


def test_titles_side_by_side_are_a_lists_items():
    text = "持有在有效期限内的《中华人民共和国残疾人证》《中华人民共和国残疾军人证》的残疾人、残疾军人；"
    assert listing("持有哪几种证件可以申请？", passage(text)) == "《中华人民共和国残疾人证》、《中华人民共和国残疾军人证》"


def test_at_the_same_time_as_another_thing_says_when():
    text = "与环境保护相关的设施应当与主体工程同时设计、同时施工、同时投入使用。"
    assert "同时投入使用" in date("与环境保护相关的设施应当在什么时候投入使用？", passage(text))


def test_items_cited_together_are_one_answer_to_第几项():
    text = "（一）违反本条例第十九条第二、三项规定，未制定相关制度的，责令改正，可处五百元以上五千元以下的罚款；"
    assert number("违反第十九条第几项规定的，可处五百元以上五千元以下的罚款？", passage(text)) == "第二、三项"


def test_by_what_means_is_the_通过_phrase_before_the_verb():
    text = "常态化开展医保数据筛查分析，通过大数据分析锁定违法违规行为，发现欺诈骗保行为规律，加大精准打击力度。"
    assert means("医保部门靠什么发现欺诈骗保的行为规律？", text) == "通过大数据分析锁定违法违规行为"
    assert means("医保部门发现了什么规律？", text) is None


def test_a_value_labelled_for_another_owner_is_not_the_one_asked():
    text = "（在领补贴对象的《广州市居民家庭经济状况核对报告》，有效期为1年）"
    assert labelled("本实施办法的有效期是几年？", text) is None
    assert labelled("本实施办法的有效期是几年？", "本实施办法有效期为5年。") == "5年"


def test_a_modal_is_a_word_not_the_会_of_委员会():
    text = "医疗纠纷人民调解委员会调解医疗纠纷，不得收取费用。"
    assert yes_no("医疗纠纷人民调解委员会调解医疗纠纷是否收取费用？", passage(text)).startswith("否")


def test_同时_alone_says_no_time():
    assert date("该办法自何时废止？", passage("《浙江省城镇生活垃圾分类管理办法》同时废止。")) is None


def test_ways_asked_as_a_list_are_no_single_means():
    assert means("医患双方可以通过哪些途径解决？", "发生医疗纠纷，医患双方可以通过下列途径解决：") is None
    assert means("医患双方靠什么解决纠纷？", "医患双方可以通过下列途径解决纠纷：") is None
