"""Unit tests of qa/question.py (question kinds, focus and key terms) and qa/follow_up.py (rewriting).

Fast: jieba only, no model, no store. Questions come from the blockchain article and from invented
sentences in the style of other policy documents, so the tests check the rules, not one article.
"""
from __future__ import annotations

import pytest

from qa.follow_up import is_follow_up, rewrite, rewrites
from qa.question import focus_terms, key_terms, question_kind

SHENZHEN = "深圳计划到2022年数字经济产业增加值突破多少？"


# --- question_kind -----------------------------------------------------------------------------

@pytest.mark.parametrize("question, kind", [
    ("要就几方面内容作出明确提示？", "number"),   # a count of aspects
    ("这个办法一共分成几章？", "number"),
    ("未按规定系安全带的，一次记几分？", "number"),
    ("格式条款有两种理解的时候，按哪种理解算？", "entity"),  # 两种 is said, not asked
    ("申请取公积金，最晚几天内要给我答复能不能取？", "number"),
    ("外商投资旅行社可以经营出国旅游业务吗（另有规定的除外）？", "yes_no"),  # a remark after 吗  # the A不A is what is answered, 几天 is asked
    ("要在几日内办理变更登记？", "number"),
    # number
    (SHENZHEN, "number"),
    ("传统的汽车有多少个零部件？", "number"),
    ("到2025年全省新能源汽车产量达到多少万辆？", "number"),
    ("北京有几大重点任务？", "number"),
    ("数字经济产业增加值年均增速是多少？", "number"),
    ("研发投入占地区生产总值的比重是多少？", "number"),
    # date
    ("海南计划在哪一年前建设国家级区块链基地？", "date"),
    ("《海南自由贸易港建设总体方案》是哪天印发的？", "date"),
    ("本办法自何时起施行？", "date"),
    ("该办法有效期多久？", "number"),
    ("申报截止日期是什么时候？", "date"),
    # entity
    ("区块链产业正开启什么模式？", "entity"),
    ("本办法由哪个部门负责解释？", "entity"),
    ("谁印发了总体方案？", "entity"),
    ("万向区块链董事长兼总经理是谁？", "entity"),
    ("深圳要推进区块链与哪个行业的融合应用？", "entity"),
    ("北京的发展目标是什么？", "entity"),  # "…是什么？" asks for a thing, not yes/no
    # list
    ("北京提出了哪些重点任务？", "list"),
    ("由哪两级财政负责？", "list"),
    ("深圳有哪几个重点扶持领域？", "list"),
    ("北京四大重点任务分别是什么？", "list"),
    ("五大发展基本原则是什么？", "list"),  # a count-named group "是什么" lists its members
    # yes / no
    ("区块链是否已成为各地的发展主旋律？", "yes_no"),
    ("政策是不是区块链行稳致远的关键？", "yes_no"),
    ("本办法适用于个体工商户吗？", "yes_no"),
    ("区块链能否推动城市建设？", "yes_no"),
    # choice
    ("以太坊算是重构还是创新？", "choice"),
    ("用区块链做存证是改良还是革命？", "choice"),
    # reason / how
    ("为什么说区块链是发展主旋律？", "reason"),
    ("深圳如何推进区块链产业？", "reason"),
    ("设立专项资金有什么目的？", "reason"),
    ("出台该办法的原因有哪些方面？", "list"),  # order matters: list before reason
    ("各区应在什么时间前完成系统方案编制计划？", "date"),
    ("这两个规定是由哪个部门拟定的？", "entity"),  # 这两个 points at things, it asks no count
    ("影响范围跨好几个地区的企业，是哪一级部门组织检查？", "entity"),  # 好几个 says several, it asks no count
    ("连着好几年不出险，保费最低能打几折？", "number"),  # 几折 asks a discount
    ("企业拒绝检查的，按照食品安全法哪一条来处理？", "number"),  # an article's number, as 第几条
    ("临时救助金额以什么方式确定？", "reason"),     # a way asked, though 金额 is a quantity word
    ("救助金额如何计算？", "reason"),
    ("救助金额最多多少？", "number"),
    ("营业面积、设备数量的标准由谁规定？", "entity"),  # a name asked, though 数量 is a quantity word
    ("街道要在几天之内给出审核意见？", "number"),
    # descriptive
    ("请介绍一下北京的区块链政策。", "descriptive"),
    ("特斯拉重构了什么？", "descriptive"),
])
def test_question_kind(question, kind):
    assert question_kind(question) == kind


def test_kind_is_what_is_not_yes_no():
    # "是" alone is no yes/no marker; only 是否/是不是/…/吗 are.
    assert question_kind("数字人民币是什么？") != "yes_no"
    assert question_kind("数字人民币是法定货币吗？") == "yes_no"


def test_kind_counted_group_is_list_not_number():
    # "哪两级" names a group to be listed; "几级" asks for a number.
    assert question_kind("由哪两级财政负责？") == "list"
    assert question_kind("由几级财政负责？") == "number"


def test_kind_which_industry_is_entity_not_place():
    assert question_kind("深圳在哪个行业推进融合应用？") == "entity"
    assert question_kind("在哪个行业") == "entity"


def test_kind_choice_wins_over_yes_no():
    # Order matters: "还是" at the end of the question makes it a choice even with 是.
    assert question_kind("该项目是新建还是改建？") == "choice"


# --- focus_terms / key_terms ---------------------------------------------------------------------

def test_focus_terms_come_from_the_asking_clause():
    # The clause before the comma only sets the scene; the asking clause holds the focus.
    assert focus_terms("深圳计划到2022年，数字经济产业增加值突破多少？") == ["数字经济", "产业", "增加值", "突破"]
    assert focus_terms("为此，北京提出了哪些重点任务？") == ["北京", "提出", "重点", "任务"]


def test_focus_terms_without_question_word_takes_the_last_clause():
    assert focus_terms("请介绍北京。") == ["介绍", "北京"]


def test_focus_terms_drop_question_words():
    terms = focus_terms("传统的汽车有多少个零部件？")
    assert "零部件" in terms and "汽车" in terms
    assert not any(w in terms for w in ("多少", "多少个"))


def test_key_terms_places_people_numbers():
    assert key_terms(SHENZHEN) == ["深圳", "2022"]
    assert key_terms("到2035年海南要建立什么？") == ["2035", "海南"]
    assert key_terms("万向区块链董事长兼总经理肖风认为什么？") == ["肖风"]


def test_key_terms_skip_single_digits_and_common_words():
    assert key_terms("第3条讲了什么？") == []
    assert key_terms("区块链产业正开启什么模式？") == []


# --- follow-ups ----------------------------------------------------------------------------------

def test_is_follow_up():
    assert not is_follow_up(SHENZHEN)
    assert is_follow_up("由谁印发？")          # too few words of its own
    assert is_follow_up("它的目标是什么？")      # pronoun
    assert is_follow_up("那软件业务收入呢？")    # 那…呢
    assert is_follow_up("还有哪些重点任务？")    # 还有


def test_rewrite_noun_substitution():
    assert rewrites("那软件业务收入呢？", [SHENZHEN]) == ["深圳计划到2022年软件业务收入突破多少？"]
    assert rewrite("那软件业务收入呢？", [SHENZHEN]) == "深圳计划到2022年软件业务收入突破多少？"


def test_rewrite_a_phrase_its_first_and_last_words_bracket():
    previous = "经营国内旅游业务和入境旅游业务的旅行社应当存入多少质量保证金？"
    # the whole coordination 国内…和入境旅游业务 is the phrase replaced, not only 国内
    assert rewrite("那经营出境旅游业务的呢？", [previous]) == "经营出境旅游业务的旅行社应当存入多少质量保证金？"


def test_rewrite_noun_substitution_invented():
    previous = "到2025年，全省新能源汽车产量达到多少万辆？"
    assert rewrite("那出口额呢？", [previous]) == "到2025年，出口额达到多少万辆？"


@pytest.mark.parametrize("follow_up, previous, expected", [
    ("那海南呢？", "北京计划到哪一年建成区块链科技创新高地？", "海南计划到哪一年建成区块链科技创新高地？"),
    ("那么海南呢？", "北京计划到哪一年建成区块链科技创新高地？", "海南计划到哪一年建成区块链科技创新高地？"),
    ("那江苏省呢？", "到2025年，浙江省新能源汽车产量达到多少万辆？", "到2025年，江苏省新能源汽车产量达到多少万辆？"),
])
def test_rewrite_place_substitution(follow_up, previous, expected):
    assert rewrites(follow_up, [previous]) == [expected]


@pytest.mark.parametrize("follow_up, previous, expected", [
    # one party a rule binds asked after another; paired openers and 干的 drop away
    ("那如果是单位干的呢？", "个人擅自占用小区里的道路，会被罚多少钱？", "单位擅自占用小区里的道路，会被罚多少钱？"),
    ("那企业呢？", "个人申请补贴要交哪些材料？", "企业申请补贴要交哪些材料？"),
])
def test_rewrite_party_substitution(follow_up, previous, expected):
    assert rewrites(follow_up, [previous]) == [expected]


@pytest.mark.parametrize("follow_up, previous, expected", [
    ("那到2035年呢？", "海南计划到2025年初步建立什么制度体系？", "海南计划到2035年初步建立什么制度体系？"),
    ("那2035年呢？", "海南计划到2025年初步建立什么制度体系？", "海南计划到2035年初步建立什么制度体系？"),
    ("那到2030年呢？", "到2025年，全省新能源汽车产量达到多少万辆？", "到2030年，全省新能源汽车产量达到多少万辆？"),
])
def test_rewrite_time_substitution(follow_up, previous, expected):
    # Only the year is carried over ("到" is already in the previous question).
    assert rewrites(follow_up, [previous]) == [expected]


def test_rewrite_place_without_place_in_previous_falls_back_to_together():
    readings = rewrites("那海南呢？", ["区块链产业正开启什么模式？"])
    assert readings == ["区块链产业正开启什么模式，海南？"]


def test_rewrite_demonstrative_takes_the_earlier_noun_phrase():
    previous = "深圳要着力攻克哪些区块链关键技术？"
    readings = rewrites("这些技术要加强哪些研发？", [previous])
    assert "区块链关键技术" in readings[0]
    assert "这些" not in readings[0]
    assert readings[0] == "深圳区块链关键技术要加强哪些研发？"
    # the reading with the previous question in front is still offered
    assert f"{previous.rstrip('？')}，这些技术要加强哪些研发？" in readings


def test_rewrite_other_is_no_pronoun():
    # 其他/其它 point at nothing: neither 其 nor 他 takes the subject or the previous answer ("的浙江他垃圾")
    readings = rewrites("那其中的其他垃圾最后怎么处理？", ["浙江的生活垃圾分为哪几类？"])
    assert readings[0] == "浙江的生活垃圾分为哪几类，其他垃圾最后怎么处理？"
    assert all("其他垃圾最后怎么处理" in r for r in readings)
    readings = rewrites("其他单位要怎么申请？", ["哪个部门负责组织实施？"], "市民政局")
    assert all("其他单位" in r and "市民政局" not in r for r in readings)


def test_rewrite_a_demonstrative_naming_its_noun_takes_no_subject():
    previous = "享受1级待遇的职工在家护理，生活照料费用每月限额多少？"
    readings = rewrites("这种居家护理待遇最多能享受多久？", [previous])
    # (its own question word asks of the previous question's case first, then of the whole of it)
    assert readings[:2] == ["享受1级待遇的职工在家护理，这种居家护理待遇最多能享受多久？",
                            "享受1级待遇的职工在家护理，生活照料费用每月限额多少，这种居家护理待遇最多能享受多久？"]
    assert not any("待遇居家" in r for r in readings)
    # a bare demonstrative still stands for the subject
    assert rewrites("这个怎么申请？", ["《居住证暂行条例》是哪天施行的？"])[0] == "《居住证暂行条例》怎么申请？"


def test_rewrite_pronoun_takes_the_quoted_title():
    readings = rewrites("它的总体目标是什么？", ["《海南自由贸易港建设总体方案》是哪天印发的？"])
    assert readings[0] == "《海南自由贸易港建设总体方案》总体目标是什么？"
    assert len(readings) == len(set(readings))


def test_rewrite_pronoun_in_who_question():
    readings = rewrites("它是由谁印发的？", ["《海南自由贸易港建设总体方案》是哪天印发的？"])
    assert readings[0] == "《海南自由贸易港建设总体方案》是由谁印发的？"


def test_rewrite_short_follow_up_reads_with_previous_first():
    readings = rewrites("由谁印发？", ["《海南自由贸易港建设总体方案》是哪天印发的？"])
    assert readings[0] == "《海南自由贸易港建设总体方案》是哪天印发的，由谁印发？"
    assert "海南：由谁印发？" in readings


def test_rewrite_with_longer_history_also_reads_with_first_question():
    history = ["北京提出了哪些重点任务？", "《海南自由贸易港建设总体方案》是哪天印发的？"]
    readings = rewrites("由谁印发？", history)
    assert readings[0] == "《海南自由贸易港建设总体方案》是哪天印发的，由谁印发？"
    assert "北京提出了哪些重点任务，由谁印发？" in readings


def test_rewrite_not_a_follow_up_is_unchanged():
    assert rewrites("北京提出了哪些重点任务？", [SHENZHEN]) == ["北京提出了哪些重点任务？"]
    assert rewrites("  北京提出了哪些重点任务？  ", ["任何问题？"]) == ["北京提出了哪些重点任务？"]


def test_rewrite_empty_history():
    assert rewrites("那软件业务收入呢？", []) == ["那软件业务收入呢？"]
    assert rewrite("由谁印发？", []) == "由谁印发？"


def test_rewrite_follow_up_without_new_phrase_keeps_the_previous_question():
    # BUG: "还有呢？" carries no phrase to substitute, yet `_substitute` puts the whole question in
    # place of the previous question's longest noun phrase: "深圳计划到2022年还有呢？突破多少？".
    # The docstring says anything that is not a same-kind substitution is read with the previous question.
    readings = rewrites("还有呢？", [SHENZHEN])
    assert "数字经济产业增加值突破多少" in readings[0]


@pytest.mark.parametrize("question, kind", [
    ("肖风认为区块链做存证溯源算不算革命？", "yes_no"),
    ("北京要在人才方面做哪几件事？", "list"),
])
def test_more_question_kinds(question, kind):
    assert question_kind(question) == kind


def test_rewrite_person_pronoun_takes_the_previous_answer():
    readings = rewrites("他觉得区块链要真正用起来，可以走哪两条路？", ["万向区块链的董事长是谁？"], "肖风")
    assert readings[0] == "肖风觉得区块链要真正用起来，可以走哪两条路？"


def test_rewrite_this_item_takes_the_previous_answer():
    readings = rewrites("这一项下面具体要做哪些事？", ["北京的四大重点任务中，第三项是什么？"], "集聚发展,建设区块链产业集群")
    assert readings[0] == "集聚发展下面具体要做哪些事？"


def test_rewrite_it_prefers_the_subject_over_the_previous_answer():
    history = ["《深圳市数字经济产业创新发展实施方案》是哪个部门发布的？"]
    readings = rewrites("它提出要重点扶持多少个领域？", history, "深圳市工业和信息化局")
    assert "深圳市工业和信息化局提出要重点扶持多少个领域？" in readings
    assert readings[0] != "深圳市工业和信息化局提出要重点扶持多少个领域？"
    assert rewrites("它提出要重点扶持多少个领域？", history, None) == rewrites("它提出要重点扶持多少个领域？", history)


@pytest.mark.parametrize("question", ["年均增速多少？", "截止到什么时候？", "具体目标是什么？", "金额是多少？"])
def test_a_question_without_its_own_subject_is_a_follow_up(question):
    assert is_follow_up(question)


@pytest.mark.parametrize("question", [
    "传统的汽车有多少个零部件？",                      # enough words of its own
    "深圳的年均增速多少？",                            # names its place
    "“需求带动,建设落地一批多领域应用场景”这项重点任务下有几项具体任务？",  # 这项 is what it quotes
])
def test_a_question_with_its_own_subject_stands_alone(question):
    assert not is_follow_up(question)


def test_rewrite_na_ji_ge_is_no_pronoun_for_the_previous_answer():
    readings = rewrites("那松江、青浦那几个新城要求多少？", ["南汇新城的建设用地到2025年底要有多少达到海绵城市标准？"],
                        previous_answer="60%以上")
    assert not any("60%以上" in r for r in readings)


@pytest.mark.parametrize("follow_up, previous, expected", [
    ("那地方所属的转制文化企业呢？", "中央所属的转制文化企业由谁来认定？", "地方所属的转制文化企业由谁来认定？"),
    ("那急难型的呢？", "支出型临时救助标准原则上人均不超过几个月的低保标准？", "急难型临时救助标准原则上人均不超过几个月的低保标准？"),
    ("那本科生呢？", "研究生的住房补贴是多少？", "本科生的住房补贴是多少？"),
    # the whole word of the same make, not as many characters as the phrase has ("国省级")
    ("那省级的呢？", "新列入国家级“专精特新”中小企业的，给多少奖励？", "新列入省级“专精特新”中小企业的，给多少奖励？"),
])
def test_rewrite_replaces_only_what_differs(follow_up, previous, expected):
    assert rewrites(follow_up, [previous])[0] == expected


@pytest.mark.parametrize("follow_up, previous, expected", [
    ("那开大客车、大货车的司机呢？", "普通司机参加满分学习，现场学习和网络学习加起来至少要几天？",
     "开大客车、大货车的司机，现场学习和网络学习加起来至少要几天？"),
    ("那驾驶机动车在高速公路上行驶低于规定最低时速的呢？", "驾驶机动车在高速公路或者城市快速路上违法占用应急车道行驶的，一次记几分？",
     "驾驶机动车在高速公路上行驶低于规定最低时速的，一次记几分？"),
    # a bare noun still replaces the noun of the same make, not the opening clause
    ("那软件业务收入呢？", "深圳计划到2022年，数字经济产业增加值突破多少？", "深圳计划到2022年，软件业务收入突破多少？"),
])
def test_rewrite_puts_a_new_case_in_place_of_the_opening_clause(follow_up, previous, expected):
    assert rewrites(follow_up, [previous])[0] == expected


def test_zhe_zhong_makes_a_follow_up():
    assert is_follow_up("这种情况下镇街批完钱发了以后要报哪里备案？")


def test_rewrite_reads_an_elliptical_previous_question_first():
    history = ["北京的区块链行动计划是哪个部门发的？", "那海南的呢？"]
    assert rewrites("那上海的呢？", history)[0] == "上海的区块链行动计划是哪个部门发的？"
    assert rewrites("如果是上海呢？", history)[0] == "上海的区块链行动计划是哪个部门发的？"


def test_xinjian_is_newly_built_not_a_place():
    # jieba's dictionary files 新建 as a county; a question about 新建项目 names no place
    assert "新建" not in key_terms("新建的风电光伏项目机制电价能执行多少年？")


def test_rewrite_a_pronoun_never_stands_for_an_amount():
    # "这些车" after "…最多要学多少天？" answered 一百二十天 is not "一百二十天车"
    readings = rewrites("那开大客车、大货车这些车的司机呢，最多学多少天？", ["普通司机每次满分学习最多要学多少天？"],
                        previous_answer="一百二十天")
    assert not any("一百二十天" in r for r in readings)


def test_rewrite_a_follow_up_asking_something_else_is_asked_on_its_own_words_first():
    # 怎么处理 after 到哪里: a new question, which the previous question's words would only pull back
    # to the previous article
    history = ["居住证损坏难以辨认或者丢失的，应当到哪里办理换领、补领手续？"]
    assert rewrites("那换领新证的时候，原来的旧证要怎么处理？", history)[0] == "那换领新证的时候，原来的旧证要怎么处理？"
    # 罚多少 after 罚多少: the same question of another case, read with the previous one first
    history = ["旅行社没经过游客同意在合同外另收钱搞额外服务，会被罚多少？"]
    assert rewrites("那干脆没跟游客签合同呢，罚多少？", history)[0].startswith("旅行社没经过游客同意")


def test_rewrite_a_new_case_takes_the_place_of_the_last_case_only():
    previous = "经营者相互串通，操纵市场价格的，没有违法所得的，处多少罚款？"
    assert rewrites("那情节较重的呢？", [previous])[0] == "经营者相互串通，操纵市场价格的，情节较重的，处多少罚款？"
    # one opening clause: the new case replaces it ("那开大客车的司机呢？")
    assert rewrites("那单位违反规定的呢？", ["个人违反规定的，处多少罚款？"])[0] == "单位违反规定的，处多少罚款？"


def test_a_modal_is_no_pronoun_and_a_particle_no_name():
    # 我该 is "I should", not "that one"; jieba tags 之日起 as a place name
    readings = rewrites("那单位开好证明以后，我该拿着去哪儿申请取钱？", ["我要取公积金，单位那边需要做什么？"], "出具提取证明")
    assert not any("我公积金" in r or "我出具提取证明" in r for r in readings)
    assert key_terms("新设立的单位应当自设立之日起多少日内办理缴存登记？") == []


def test_rewrite_a_graded_case_is_added_to_the_previous_question():
    # "…的，责令改正；情节严重的，责令停业整顿": the same offence, graded; its subject stays
    assert rewrites("情节严重的呢？", ["娱乐场所没按规定装闭路电视监控，会怎么处理？"])[0] == \
        "娱乐场所没按规定装闭路电视监控，情节严重的，会怎么处理？"
    assert rewrites("如果情形复杂呢？", ["登记机关受理撤销登记申请后，应当在多长时间内完成调查？"])[0] == \
        "登记机关受理撤销登记申请后，情形复杂的，应当在多长时间内完成调查？"


def test_rewrite_the_other_end_of_a_scale_and_a_head_of_the_same_make():
    assert rewrites("最高一级呢？", ["“八级工”里最低的一级是什么？"])[0] == "“八级工”里最高的一级是什么？"
    # "拿的是" says how it was come by; 省级 takes the place of 区级, the words between stay
    assert rewrites("如果拿的是省级竞赛一等奖呢？", ["获得区级职业技能竞赛一等奖能加多少分？"])[0] == \
        "获得省级职业技能竞赛一等奖能加多少分？"
    # an offence's case is kept, the grade added after it
    assert rewrites("逾期不改正的呢？", ["乡村医生使用目录以外的处方药品的，由哪个部门责令限期改正？"])[0] == \
        "乡村医生使用目录以外的处方药品的，逾期不改正的，由哪个部门责令限期改正？"


def test_key_terms_leave_out_the_askers_own_age_and_东西():
    assert key_terms("我今年40岁，在单位上班，长护险个人每月要按多少比例交？") == []
    assert key_terms("我把东西落在出租车上了，司机应该怎么办？") == []
    assert key_terms("成都市60岁以上的老年人口目前有多少？") == ["成都市", "60"]  # an age the question asks about
