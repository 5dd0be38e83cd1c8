"""Unit tests of readings met in a national wage-payment regulation, a city dog-keeping rule, a national
opinion on children without carers and a city's rules on assistive devices: a document's term of
validity and a start date said without 自 or 起 (or not at all), the year of a document it cites by
number, the law among its grounds, how many items a named part lists, the body whose list of duties
holds the asked item, the body that opens a sentence, a body named "县（市、区）…" or in quotes, a time
the question's words lead into, a follow-up asking about the owner's part, the fine of the party asked,
an inventory set apart by commas, a lead announcing the lines asked for, a case over its negation, what
a body is charged with, a rule credited to the text about a thing it never names, and answers of the
wrong shape. Fast: jieba only, no model."""
from __future__ import annotations

from qa import extractive
from qa.cloze import gap_ends
from qa.doers import lead_doer
from qa.document_facts import document_fact
from qa.emphasis import emphasise
from qa.entities import entity_strict
from qa.issuance import in_force, unstated
from qa.lists import listing
from qa.names import whole_name
from qa.numbers import number
from qa.premises import false_premise
from qa.refusals import another_item
from qa.shapes import fits
from qa.substitution import substitute
from tests.test_spans import passage
from tests.test_statute_phrasings import scored

RULES = ("某某市残疾人辅具适配工作管理办法\n"
         "第一条 为规范辅具适配工作，根据《中华人民共和国残疾人保障法》、《某某市人民政府办公厅关于印发某某市残疾预防"
         "行动方案的通知》（某府办〔2017〕41号）、《某某省人民政府办公厅关于印发某某省儿童康复救助实施办法的通知》"
         "（某府办〔2018〕43号）精神，全面推进我市辅具适配服务工作，为有需求的残疾人提供精准康复服务，制定本办法。\n"
         "第二条 辅具适配的资助标准按照《某某市残疾人康复资助工作管理办法》（某残联〔2016〕11号）执行。\n"
         "第九条 登记证的有效期为两年。\n"
         "第二十三条 本办法自2019年2月1日实施，有效期5年。\n")

OPINION = ("关于进一步加强某某儿童保障工作的意见\n"
           "推动落实《国务院关于加强某某儿童保障工作的意见》（国发〔2016〕36号）要求，提出如下意见：\n"
           "一、明确保障对象\n某某儿童是指……。\n"
           "二、规范认定流程\n（一）申请。……\n（二）查验。乡镇人民政府应当在15个工作日内完成查验。\n（三）确认。……\n（四）终止。……\n"
           "三、突出保障重点\n（一）强化基本生活保障。……\n（二）加强医疗康复保障。……\n（三）完善教育资助救助。……\n"
           "四、强化保障措施\n（一）加强组织领导。……\n（二）加强部门协作。……\n（三）加强监督管理。……\n")


def test_the_documents_term_of_validity_and_a_start_said_without_qi():
    assert in_force(RULES)[0] == "2019年2月1日"  # "自…实施" as well as "自…起实施"
    assert in_force("第十九条 本细则2014年10月30日起施行。")[0] == "2014年10月30日"
    assert document_fact("《某某市残疾人辅具适配工作管理办法》自何时起实施？", RULES)[0] == "2019年2月1日"
    assert document_fact("本办法的有效期是几年？", RULES) == ("5年", "第二十三条 本办法自2019年2月1日实施，有效期5年。")
    assert document_fact("登记证的有效期是几年？", RULES) is None  # the validity of something it governs
    assert document_fact("本办法有效期满后会自动延长几年？", RULES) is None  # the extension is not the term
    # an opinion that does not say from when it applies: no sentence of its body answers that
    assert unstated("本意见自哪一天起施行？", OPINION)
    assert not unstated("本办法自哪一天起施行？", RULES)


def test_the_year_of_a_document_it_cites_by_number():
    assert document_fact("本办法引用的《某某市残疾人康复资助工作管理办法》是哪一年印发的文件？", RULES)[0] == "2016年"
    # named without quotes, by most of its title's words
    assert document_fact("作为制定依据的某某市残疾预防行动方案通知是哪一年的文件？", RULES)[0] == "2017年"
    assert document_fact("某某省儿童康复救助实施办法的通知是哪年发的？", RULES)[0] == "2018年"
    # cited by the sentence that ends its line with a colon
    assert document_fact("本意见要推动落实的《国务院关于加强某某儿童保障工作的意见》是哪一年发布的？", OPINION) == (
        "2016年", "推动落实《国务院关于加强某某儿童保障工作的意见》（国发〔2016〕36号）要求，提出如下意见：")
    assert document_fact("引用的那个通知是哪一年的？", RULES) is None  # which of two notices: not said
    # a year the text plans something for is no document's year, though the words are a cited title's
    assert document_fact("某某市残疾预防行动方案计划在哪一年基本完成？", RULES) is None


def test_the_law_among_the_grounds():
    assert document_fact("这个辅具管理办法是根据哪部法律制定的？", RULES)[0] == "《中华人民共和国残疾人保障法》"
    assert document_fact("本办法是根据哪些文件制定的？", RULES)[0].count("《") == 3


def test_how_many_items_a_named_part_lists():
    assert document_fact("从申请到终止，认定流程一共分成几个环节？", OPINION) == ("4个", "二、规范认定流程")
    assert document_fact("在“突出保障重点”部分，意见一共列了几方面的保障重点？", OPINION)[0] == "3方面"
    assert document_fact("意见第四部分包括几条措施？", OPINION)[0] == "3条"
    assert document_fact("认定流程中乡镇要在几个工作日内完成查验？", OPINION) is None  # a time limit, no count
    assert document_fact("规范认定流程的主要环节有几种？", OPINION) is None  # kinds of a thing it names


DOGS = ("第六条 公安机关履行下列职责：\n（一）查处犬只伤人事件；\n（二）捕杀狂犬和疑似狂犬。\n"
        "第七条 农业农村部门是动物防疫的主管部门，履行下列职责：\n（一）犬只狂犬病的认定；\n"
        "第八条 卫生健康部门负责对人狂犬病的防治。\n"
        "第二十六条 市、县（市、区）人民政府应当设立犬只收容留检场所。\n")


def test_the_body_whose_list_of_duties_holds_the_item():
    assert lead_doer("犬只伤人事件归哪个部门查处？", "第六条 公安机关履行下列职责：") == "公安机关"
    assert lead_doer("犬只狂犬病的认定由哪个部门负责？", "第七条 农业农村部门是动物防疫的主管部门，履行下列职责：") == \
        "农业农村部门"
    assert lead_doer("犬只伤人事件的罚款是多少？", "第六条 公安机关履行下列职责：") is None  # no body asked
    assert lead_doer("哪个部门查处？", "第六条 下列行为由公安机关查处：") is None  # not a list of its duties
    item, other = scored("（一）犬只狂犬病的认定；", DOGS), scored("第八条 卫生健康部门负责对人狂犬病的防治。", DOGS)
    found = extractive.extract("犬只狂犬病的认定由哪个部门负责？", "entity", [item, other], lambda _: DOGS)
    assert found.answer == "农业农村部门"
    item = scored("（一）查处犬只伤人事件；", DOGS)
    assert extractive.extract("犬只伤人事件归哪个部门查处？", "entity", [item], lambda _: DOGS).answer == "公安机关"


def test_bodies_that_open_a_sentence_are_bracketed_or_quoted():
    court = "人民法院应当对申请宣告儿童父母失踪、死亡及撤销父母监护权等案件设立绿色通道，及时将法律文书抄送民政部门。"
    assert entity_strict("申请撤销监护权的案件，哪个机关要开绿色通道？", passage(court)) == "人民法院"
    sentence = "第二十六条 市、县（市、区）人民政府应当设立犬只收容留检场所。"
    assert whole_name("人民政府", sentence) == "县（市、区）人民政府"
    quoted = "第六条 某某市辅具适配服务由“某某市精准康复服务定点康复机构”（下称“定点康复机构”）开展。"
    assert entity_strict("某某市辅具适配服务由什么机构开展？", passage(quoted)) == "某某市精准康复服务定点康复机构"


def test_a_time_the_questions_words_lead_into():
    assert gap_ends("可以定在农民工提供劳动的什么时期？")
    assert not gap_ends("工资应该什么时候发？")  # words after the gap: they must bracket it
    text = "第十四条 用人单位规定的具体支付日期，可以在农民工提供劳动的当期或者次期。"
    best = scored(text, text)
    found = extractive.extract("用人单位规定的具体工资支付日期，可以定在农民工提供劳动的什么时期？", "date", [best],
                               lambda _: text)
    assert found.answer == "当期或者次期"


def test_a_follow_up_asking_about_the_owners_part():
    previous = "用人单位用实物代替货币发工资，逾期不改，单位要被罚多少？"
    assert substitute(previous, "对单位的法定代表人") == "用人单位用实物代替货币发工资，逾期不改，单位的法定代表人要被罚多少？"


PENALTY = ("第五十四条 有下列情形之一的，由人力资源社会保障行政部门责令限期改正；逾期不改正的，对单位处2万元以上5万元以下的"
           "罚款，对法定代表人或者主要负责人、直接负责的主管人员处1万元以上3万元以下的罚款：\n"
           "（一）以实物、有价证券等形式代替货币支付农民工工资；\n（二）未编制工资支付台账；\n"
           "第五十五条 用人单位有下列行为的，处5万元罚款：\n（一）未开设专用账户；\n")


def test_the_fine_of_the_party_asked_and_the_cases_a_penalty_lists():
    line = PENALTY.split("\n")[0]
    asked = "用人单位用实物代替货币发工资，逾期不改，单位的法定代表人要被罚多少？"
    assert number(asked, passage(line)) == "1万元以上3万元以下"
    assert number("用人单位用实物代替货币发工资，逾期不改，单位要被罚多少？", passage(line)) == "2万元以上5万元以下"
    # 实物 is one of the cases the paragraph goes on to list: not another item's fine
    from qa.passage import Passage
    assert not another_item(asked, "1万元以上3万元以下", Passage(line, line, 0, []), PENALTY)
    assert another_item("用人单位私自开设专用账户的，对法定代表人罚多少？", "1万元以上3万元以下",
                        Passage(line, line, 0, []), PENALTY)


def test_an_inventory_set_apart_by_commas_and_a_sentence_listing_before_announced_lines():
    ledger = ("书面工资支付台账应当包括用人单位名称，支付周期，支付日期，支付对象姓名、身份证号码、联系方式，工作时间，"
              "实发工资数额等内容。")
    assert listing("工资台账上都得写哪些东西？", passage(ledger)) == \
        "用人单位名称；支付周期；支付日期；支付对象姓名、身份证号码、联系方式；工作时间；实发工资数额"
    service = "第十五条 适配服务包括需求评估、适配评估、设计制作、适应性训练、效果评估等。"
    paragraph = service + "适配服务的工作程序为："
    lines = ["（一）需求评估。区级残联组织评估。", "（二）适配评估。服务中心评估。"]
    assert listing("适配服务包括哪些内容？", passage(service, paragraph, lines)) == \
        "需求评估、适配评估、设计制作、适应性训练、效果评估"
    assert listing("适配服务的工作程序有哪些？", passage("适配服务的工作程序为：", paragraph, lines)) == "需求评估、适配评估"


def test_a_lead_announcing_the_lines_asked_for_is_not_outranked_by_a_sentence_that_lists():
    text = ("第二十条 综合行政执法部门应当建立养犬管理信息系统，并与公安、农业农村、卫生健康等部门实现信息共享。\n"
            "养犬管理信息系统应当记载下列信息：\n（一）养犬人的姓名和联系方式；\n（二）犬只的品种和照片；\n")
    lead = scored("养犬管理信息系统应当记载下列信息：", text)
    lead.score = 0.99
    sharing = scored("第二十条 综合行政执法部门应当建立养犬管理信息系统，并与公安、农业农村、卫生健康等部门实现信息共享。", text)
    sharing.score = 0.9
    found = extractive.extract("养犬管理信息系统应当记载哪些信息？", "list", [lead, sharing], lambda _: text)
    assert "联系方式" in found.answer and "公安" not in found.answer


def test_the_case_as_the_question_states_it_over_its_negation():
    text = "第十七条 部门收到材料后进行审核。符合条件的，准予登记，当场发放登记证；不符合条件的，不予登记，说明理由。"
    granted, refused = scored("符合条件的，准予登记，当场发放登记证；", text), scored("不符合条件的，不予登记，说明理由。", text)
    refused.score, granted.score = 0.51, 0.5
    assert emphasise("材料交上去以后，符合条件的会怎么办理？", [refused, granted])[0] is granted
    granted.score, refused.score = 0.51, 0.5  # (emphasise re-scores in place)
    assert emphasise("材料交上去以后，不符合条件的会怎么办理？", [granted, refused])[0] is refused


def test_what_a_body_the_sentence_opens_with_is_charged_with():
    said = "人民检察院应当对涉及儿童权益的民事诉讼活动进行监督，必要时可以支持起诉维护合法权益。"
    best = scored(said, said)
    found = extractive.extract("人民检察院在某某儿童保障工作中承担什么职责？", "descriptive", [best], lambda _: said)
    assert found.answer == "对涉及儿童权益的民事诉讼活动进行监督，必要时可以支持起诉维护合法权益"


def test_a_rule_the_question_credits_the_text_with_about_a_thing_it_never_names():
    text = "第三条 用人单位应当按照约定的工资支付周期和具体支付日期足额支付工资。"
    assert false_premise("条例规定欠薪企业每天按欠薪额万分之五加收滞纳金，这笔滞纳金交给谁？", text)
    assert not false_premise("条例规定用人单位应当按什么周期支付工资？", text)
    assert not false_premise("条例里说的滞纳金是什么意思？", text)  # a thing it mentions, asked about


def test_answers_of_the_wrong_shape():
    assert not fits("养犬登记证每年几月份进行年检？", "收到养犬登记申办材料后")
    assert fits("养犬登记证每年几月份进行年检？", "每年3月")
    assert not fits("收容场所的联系电话是多少？", "十五日内")
    assert fits("收容场所的联系电话是多少？", "0578-2123456")
    assert not fits("举报价格欺诈应该拨打哪个投诉电话？", "规定所称") and fits("应该拨打哪个投诉电话？", "12315")
    assert not fits("登记公示系统的网址是什么？", "证明") and fits("公示系统的网址是什么？", "www.zhongdengwang.org.cn")
    assert not fits("热线每天几点到几点有人接听？", "第三十六条") and fits("热线几点开始接听？", "每天8:30")
    assert fits("网吧每天几点到几点可以营业，超过这个时间还开着，会怎么罚？", "警告")  # the last clause asks
    assert not fits("劳动保障监察条例在哪一年修订过？", "为了贯彻实施劳动保障法律") and fits("哪一年修订过？", "2017年")
    assert not fits("临时救助金一般通过哪家银行打到账上？", "申请人") and fits("开在哪家银行？", "指定的银行")
    terminated = "第十九条 长护险待遇享受人员出现下列情形之一的，定点服务机构应及时办理待遇终止手续："
    assert not fits("申请长护险失能评估要带哪些材料？", "死亡、自理能力好转", terminated)
    assert fits("申请长护险失能评估要带哪些材料？", "身份证、病历", "申请失能评估应当提交下列材料：")
    deferred = "烈性犬、大型犬的品种目录和标准，由市综合行政执法部门会同市公安等部门确定，并向社会公布。"
    assert not fits("本市的烈性犬具体包括哪些犬种？", "烈性犬、大型犬的品种目录、标准", deferred)
    assert fits("烈性犬要符合哪些标准？", "烈性犬、大型犬的品种目录、标准", deferred)  # the catalogue is asked
