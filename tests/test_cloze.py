"""Unit tests of qa/cloze.py: the words around the question word bracket the answer in the sentence.

Fast: jieba only. Sentences from the blockchain article and invented policy-style sentences.
"""
from __future__ import annotations

import pytest

from qa.cloze import cloze

RESEARCH = "依托重点龙头企业开展大数据、云计算、人工智能、区块链、信息安全等前沿技术研发"
HORSE_RACE = "显然,区块链产业正开启“赛马”模式,各地似乎都在争抢区块链第一梯队。"
INTERPRET = "第三条 本办法由市财政局负责解释。"


@pytest.mark.parametrize("question, sentence, answer", [
    # both sides: "依托" … "企业开展", the head noun after the question word stays in the answer
    ("深圳打算依托什么企业开展研发？", RESEARCH, "重点龙头企业"),
    ("本办法由哪个部门负责解释？", INTERPRET, "市财政局"),
    ("本办法由什么部门负责解释？", INTERPRET, "市财政局"),
    ("区块链产业正开启什么模式？", HORSE_RACE, "“赛马”模式"),
    ("北京要建成具有影响力的什么高地？",
     "到2022年,把北京初步建设成为具有影响力的区块链科技创新高地、应用示范高地", "区块链科技创新高地"),
    ("全省要培育多少家什么企业？", "全省培育100家专精特新企业。", "100家专精特新企业"),
    # right-bracketed, opened by the question's preposition: the leading verb 排水 stays
    ("编制海绵城市系统方案以什么为单元？", "聚焦重点区域，以排水分区为单元，编制海绵城市系统方案。", "排水分区"),
    # the question's last word is what it asks for, though jieba tags 需求 and 承诺 as verbs
    ("公办养老机构优先满足什么需求？", "公办养老机构坚持公益属性，优先满足社会兜底保障需求。", "社会兜底保障需求"),
    ("要就此作出什么形式的承诺？", "要求保险销售人员就不从事禁止性行为作出书面承诺。", "书面承诺"),
])
def test_cloze_bracketed_both_sides(question, sentence, answer):
    assert cloze(question, sentence) == answer


@pytest.mark.parametrize("question, sentence, answer", [
    # left-bracketed: nothing of the question after the question word is in the sentence
    ("特斯拉重构了什么？", "一个是特斯拉,它重构了汽车。", "汽车"),
    ("最有价值的是什么？", "电动汽车的物理构造看起来很简单,最有价值的是软件,比如它的自动驾驶系统。", "软件"),
    ("数字人民币是什么？", "数字人民币是央行发行的法定数字货币。", "央行发行的法定数字货币"),
    ("省工业和信息化厅会同哪些部门制定实施细则？", "省工业和信息化厅会同省发展改革委、省财政厅制定实施细则。",
     "省发展改革委、省财政厅"),
])
def test_cloze_left_bracketed(question, sentence, answer):
    assert cloze(question, sentence) == answer


def test_cloze_left_bracket_stops_at_the_clause_end():
    # No right anchor: the answer runs to the end of the clause only, not the sentence.
    answer = cloze("特斯拉重构了什么？", "一个是特斯拉,它重构了汽车,汽车一直存在。")
    assert answer == "汽车"


@pytest.mark.parametrize("question, sentence, answer", [
    # right-bracketed only: the answer is the start of the clause, less its leading verbs/prepositions
    ("什么样的企业可以申请补贴？", "符合条件的高新技术企业可以申请补贴。", "符合条件的高新技术企业"),
    ("哪些企业可以享受税收优惠？", "经认定的高新技术企业可以享受税收优惠。", "经认定的高新技术企业"),
    ("什么部门负责本办法的解释工作？", "市财政局负责本办法的解释工作。", "市财政局"),
    # the clause's leading preposition goes ("由市工业和信息化局" → "市工业和信息化局")
    ("哪个部门牵头制定实施细则？", "为此,由市工业和信息化局牵头制定实施细则。", "市工业和信息化局"),
])
def test_cloze_right_bracketed(question, sentence, answer):
    assert cloze(question, sentence) == answer


def test_cloze_keeps_the_compound_a_question_word_opens():
    # 储粮药剂 and 行业自律 are the question's words, and open the noun the answer is: they stay.
    assert cloze("出库时还要多做什么检验？", "还应增加储粮药剂残留检验，检验结果超标的应暂缓出库。") == "储粮药剂残留检验"
    assert cloze("应当针对本办法的规定建立行业自律约束机制的是谁？",
                 "第三十八条 行业自律组织应当针对本办法的规定建立行业自律约束机制。") == "行业自律组织"


def test_cloze_a_modifier_that_points_elsewhere_is_no_answer():
    assert cloze("民办养老服务机构可以享受什么扶持政策？", "民办非登记的养老服务机构，参照中小微企业标准享受相应扶持政策。") is None


def test_cloze_right_bracketed_long_span_is_refused():
    # Bracketed on one side only, a span longer than a name is more likely a clause: no answer.
    sentence = "对于在本市注册并实际经营满三年以上且年度纳税总额不低于五百万元的企业可以申请补贴。"
    assert cloze("什么样的企业可以申请补贴？", sentence) is None


def test_cloze_what_kind_keeps_its_head_noun_like_what():
    # "什么样的业主" is answered by the kind of 业主 the text names, 业主 included, as "什么企业" is.
    assert cloze("深圳要建立完善区块链什么样的发展体制机制？", "建立完善区块链安全有序发展体制机制。") == "安全有序发展"
    assert cloze("业主委员会委员应当由什么样的业主担任？", "业主委员会委员应当由热心公益事业、责任心强、具有一定组织能力的业主担任。") \
        == "热心公益事业、责任心强、具有一定组织能力的业主"


@pytest.mark.parametrize("question, sentence, answer", [
    # "X是什么？" answered by "A是…X": A
    ("发展主基调是什么？", "“赋能实体经济”、“脱虚务实”是发展主基调。", "“赋能实体经济”、“脱虚务实”"),
    ("高频词是什么？", "“争抢制高点”是各地提及的高频词 ,“赋能实体经济”、“脱虚务实”是发展主基调。", "“争抢制高点”"),
    ("本市的主导产业是什么？", "新能源汽车是本市的主导产业。", "新能源汽车"),
    # no "是" before X: the words that modify X ("按照包容审慎的监管原则")
    ("监管原则是什么？", "按照包容审慎的监管原则,探索制定区块链技术与应用管理相关政策规章", "包容审慎"),
])
def test_cloze_copula(question, sentence, answer):
    assert cloze(question, sentence) == answer


def test_cloze_no_question_word():
    assert cloze("请介绍一下北京的区块链政策。", HORSE_RACE) is None
    assert cloze("今天天气怎么样？", INTERPRET) is None


def test_cloze_nothing_in_common():
    assert cloze("区块链是什么？", "区块链作为一个基础技术,要真正地走向应用") is None
    assert cloze("高速公路收费标准由什么部门制定？", INTERPRET) is None


def test_cloze_answer_is_cleaned_of_edge_particles():
    answer = cloze("区块链产业正开启什么模式？", HORSE_RACE)
    assert answer and answer[0] not in "的是了，," and answer[-1] not in "的是了，,。"


def test_cloze_keeps_the_noun_a_kind_word_qualifies_and_its_coordinates():
    sentence = "（一）经营性文化事业单位转制为企业，要依法登记为有限责任公司或股份有限公司，加快构建现代企业制度"
    assert cloze("转制为企业，要依法登记为哪些类型的公司？", sentence) == "有限责任公司或股份有限公司"
    # one asked for ("什么高地"): the first only
    assert cloze("北京要建成具有影响力的什么高地？",
                 "把北京初步建设成为具有影响力的区块链科技创新高地、应用示范高地") == "区块链科技创新高地"


def test_cloze_on_both_sides_only_when_asked():
    sentence = "开展长期护理保险制度改革，建立与居家照护、机构照护、专业机构上门护理相适宜的服务项目和待遇支付标准"
    question = "长期护理保险服务项目和待遇支付标准要与哪几类照护相适宜？"
    assert cloze(question, sentence, both_sides=True) == "居家照护、机构照护、专业机构上门护理"
    assert cloze("哪些？", "A、B", both_sides=True) is None  # no words around the gap at all
    assert cloze("本办法由谁负责解释？", "本办法由市财政局负责解释。", both_sides=True) == "市财政局"
    assert cloze("深圳依托什么开展研发？", "依托重点龙头企业", both_sides=True) is None  # nothing on the right


def test_cloze_a_day_named_in_words():
    # a time the text names in words, bracketed by the question's own words
    assert cloze("期间的最后一日为节假日的，以哪一天为期间届满的日期？",
                 "期间的最后一日为节假日的，以节假日期满后的第一个工作日为期间届满的日期。",
                 both_sides=True) == "节假日期满后的第一个工作日"


def test_cloze_the_particle_after_the_verb_is_not_needed_in_the_text():
    text = "公安机关交通管理部门对拖拉机驾驶人予以记分的，应当定期将记分情况通报农业农村主管部门。"
    # the body the situation is reported to, not the one reporting it
    assert cloze("交警要定期把情况通报给哪个部门？", text) == "农业农村主管部门"
