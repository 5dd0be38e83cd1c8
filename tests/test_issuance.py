"""Unit tests of qa/issuance.py: who issued a document and when, from its title and signature lines."""
from __future__ import annotations

import pytest

from qa.document_facts import parts
from qa.issuance import answer, asked, read

NOTICE = ("安顺市人民政府关于印发安顺市市级储备粮管理办法的通知\n各县、自治县、区人民政府（管委会）：\n"
          "现将《安顺市市级储备粮管理办法》印发给你们，请认真抓好贯彻落实。\n安顺市人民政府\n2023年9月5日\n"
          "（此件公开发布）\n安顺市市级储备粮管理办法\n第一条  为加强市级储备粮管理，制定本办法。\n")
OPINION = "中共中央 国务院关于支持浙江高质量发展建设共同富裕示范区的意见\n（2021年5月20日）\n共同富裕是社会主义的本质要求。\n"
CIRCULAR = ("国务院办公厅关于印发文化体制改革中两个规定的通知\n国办发〔2018〕124号\n各省、自治区、直辖市人民政府：\n"
            "现将两个规定印发给你们。\n国务院办公厅\n2018年12月18日\n（此件公开发布）\n")
NEWS = "区块链产业正开启“赛马”模式\n6月1日,中共中央、国务院印发《海南自由贸易港建设总体方案》。\n"


def test_read_the_signature_of_a_notice():
    facts = read(NOTICE)
    assert (facts.issuer, facts.issuer_line, facts.date) == ("安顺市人民政府", "安顺市人民政府", "2023年9月5日")


def test_read_the_date_under_a_title_and_the_issuer_from_the_title():
    facts = read(OPINION)
    assert (facts.issuer, facts.date) == ("中共中央 国务院", "2021年5月20日")


def test_a_news_article_has_no_signature():
    facts = read(NEWS)
    assert facts.date is None and facts.issuer is None


@pytest.mark.parametrize("question, what", [
    ("这份办法是哪一天印发的？", "when"),
    ("安顺市政府是哪天发出这份储备粮管理办法的通知的？", "when"),
    ("《安顺市市级储备粮管理办法》是什么时候发布的？", "when"),
    ("这份市级储备粮管理办法是哪个机关印发的？", "who"),
    ("储备粮管理办法是谁制定的？", "who"),          # names the title without 这份
    ("本办法由谁负责解释？", None),                 # not about issuing
    ("《粮食流通管理条例》是什么时候发布的？", None),  # another document the text cites
    ("市级储备粮多久轮换一次？", None),
])
def test_asked(question, what):
    assert asked(question, NOTICE.split("\n", 1)[0]) == what


def test_answer_gives_the_line_to_cite():
    assert answer("这份办法是哪一天印发的？", NOTICE) == ("2023年9月5日", "2023年9月5日")
    assert answer("这份意见是谁印发的？", OPINION) == ("中共中央 国务院", OPINION.split("\n", 1)[0])
    assert answer("这份文件是哪天发布的？", NEWS) is None


def test_document_number_and_date_of_writing():
    assert read(CIRCULAR).number == "国办发〔2018〕124号"
    assert answer("这份通知的文号是什么？", CIRCULAR) == ("国办发〔2018〕124号", "国办发〔2018〕124号")
    assert answer("这份通知的成文日期是哪一天？", CIRCULAR) == ("2018年12月18日", "2018年12月18日")
    assert answer("这份通知是国办发2018年第几号文件？", CIRCULAR)[0] == "国办发〔2018〕124号"
    assert read(NOTICE).number is None


REGULATION = NOTICE + "".join(f"第{n}条  承储企业应当按照规定做好第{n}项储备粮管理工作，确保数量真实、质量良好。\n"
                              for n in "二三四五六七八九十")


def test_the_signing_chunk_is_fetched_when_retrieval_missed_it_and_the_date_line_is_cited(settings, tmp_path):
    from qa.assistant import Assistant
    from qa.retriever import as_document

    from conftest import FakeEmbeddings

    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "grain.txt").write_text(REGULATION, encoding="utf-8")
    assistant = Assistant(settings, embeddings=FakeEmbeddings())
    assistant.ingest([tmp_path / "docs"])
    chunks = assistant.store.all_chunks()
    body = [as_document(c) for c in chunks if "第九条" in c.text]
    added = assistant.answerer._with_signature("这份办法是哪一天印发的？", body)
    assert [d.page_content for d in added[len(body):]] == [c.text for c in chunks if "2023年9月5日" in c.text]
    assert assistant.answerer._with_signature("第九条讲的是什么？", body) == body  # nothing asked of the document

    # The fake embedder's scores are not calibrated: the threshold is not what this checks.
    answer = assistant.with_threshold(0.0).ask("这份办法是哪一天印发的？", top_k=1)
    assert answer.answer == "2023年9月5日" and answer.citations[0].text == "2023年9月5日"
    assert REGULATION[answer.citations[0].start:answer.citations[0].end] == "2023年9月5日"


def test_from_when_the_document_applies():
    rules = "保险销售行为管理办法\n第一章 总则\n第一条 为规范保险销售行为，制定本办法。\n第五十条 本办法自2024年3月1日起施行。"
    assert answer("这个保险销售新规从哪天开始生效？", rules) == ("2024年3月1日", "第五十条 本办法自2024年3月1日起施行")
    # "自印发之日起" says when; "印发之日" alone reads as the day of issuing
    assert answer("本办法什么时候开始施行？", "…\n本办法自印发之日起施行。") == ("自印发之日起", "本办法自印发之日起施行")
    assert asked("这个新规的生效条件是什么？", "保险销售行为管理办法") is None  # not when


CAR_RULES = ("家用汽车产品修理更换退货责任规定\n2021年7月22日 国家市场监督管理总局令第43号公布\n2022年1月1日 施行\n"
             "第一章 总 则\n第一条 为了明确家用汽车产品修理、更换、退货责任，制定本规定。\n")


def test_a_regulations_dated_line_says_from_when_it_applies_and_under_which_order():
    assert answer("这个汽车三包新规定从哪天开始实行？", CAR_RULES) == ("2022年1月1日", "2022年1月1日 施行")
    assert answer("本规定是以哪一号令公布的？", CAR_RULES)[0] == "国家市场监督管理总局令第43号"
    # 实行 of a principle is no date of the document's
    assert asked("住房公积金的管理实行什么原则？", "住房公积金管理条例") is None


def test_how_the_document_is_divided():
    rules = "办法\n第一章 总 则\n第一条 为了规范。\n第二条 适用范围。\n第二章 附 则\n第三条 本办法自印发之日起施行。"
    assert parts("这个办法一共分成几章？", rules) == ("2章", "第二章 附 则")
    assert parts("《办法》共有多少条？", rules) == ("3条", "第三条 本办法自印发之日起施行。")
    assert parts("这个办法一共有几条措施？", rules) is None   # items of it, not its articles
    assert parts("办法第一章有几条？", rules) is None
    assert parts("办法规定了哪几条义务？", rules) is None


def test_the_issuers_line_above_the_title():
    opinion = "中共柳河县委 柳河县人民政府\n关于支持重点产业加快发展的实施意见\n(2023年2月8日)\n为抢抓机遇，制定如下实施意见。"
    assert answer("《关于支持重点产业加快发展的实施意见》由哪些机关发布？", opinion) == ("中共柳河县委 柳河县人民政府",) * 2
    assert answer("《关于支持重点产业加快发展的实施意见》的日期是哪一天？", opinion) == ("2023年2月8日",) * 2


def test_the_number_in_a_sites_information_table():
    page = "成都市人民政府办公厅印发关于加快推进养老服务发展若干措施的通知\n文　　号：成办发〔2022〕28号\n签发时间：2022-05-19\n各区（市）县政府："
    assert answer("这份通知的文号是什么？", page) == ("成办发〔2022〕28号", "成办发〔2022〕28号")


def test_a_regulations_promulgation_line_gives_its_date_and_issuer():
    text = ("旅行社条例\n2009年2月20日 中华人民共和国国务院令第550号公布\n"
            "2020年11月29日 《国务院关于修改和废止部分行政法规的决定》第三次修订\n第一章　总则\n"
            "第一条 为了加强对旅行社的管理，制定本条例。\n第六十八条 本条例自2009年5月1日起施行。1996年10月15日国务院发布的《旅行社管理条例》同时废止。")
    facts = read(text)
    assert (facts.date, facts.issuer) == ("2009年2月20日", "中华人民共和国国务院")
    assert answer("这个旅行社条例最早是哪一天公布的？", text)[0] == "2009年2月20日"  # not the repealed one's 1996年


REVISED = ("旅行社条例\n2009年2月20日 中华人民共和国国务院令第550号公布\n"
              "2016年2月6日 《国务院关于修改部分行政法规的决定》第一次修订\n"
              "2020年11月29日 《国务院关于修改和废止部分行政法规的决定》第二次修订\n第一章　总则\n"
              "第一条 为了加强对旅行社的管理，制定本条例。\n")
ADOPTED = "居住证暂行条例\n2015年10月21日 国务院第109次常务会议通过\n2015年11月26日 中华人民共和国国务院令第663号公布\n"
# a ministry's rule approved by the State Council, issued by the ministry
APPROVED = ("价格违法行为行政处罚规定\n1999年7月10日 国务院批准\n1999年8月1日 国家发展计划委员会发布\n"
            "2006年2月21日 《国务院关于修改〈价格违法行为行政处罚规定〉的决定》第一次修订\n"
            "2010年12月4日 《国务院关于修改〈价格违法行为行政处罚规定〉的决定》第二次修订\n第一条 为了依法惩处价格违法行为，制定本规定。\n")


@pytest.mark.parametrize("question, text, expected", [
    ("旅行社条例第一次修订是哪天？", REVISED, "2016年2月6日"),
    ("旅行社条例第二回修改是什么时候的事？", REVISED, "2020年11月29日"),
    ("这个条例最近一次修改是哪年哪天？", REVISED, "2020年11月29日"),
    ("这个条例什么时候修订的？", REVISED, "2020年11月29日"),          # the revision in force
    ("旅行社条例一共修订过几次？", REVISED, "2次"),
    ("这个条例最近一次改是哪年哪天？", REVISED, "2020年11月29日"),  # a citizen's 改
    ("旅行社条例改过几次？", REVISED, "2次"),
    ("这个条例最近一次改革是什么？", REVISED, None),                # 改革 is no revision
    ("这个条例第三次修订是哪天？", REVISED, None),                  # there is none
    ("这个条例是什么时候公布的？", REVISED, "2009年2月20日"),
    ("《旅行社条例》是以国务院令第几号公布的？", REVISED, "中华人民共和国国务院令第550号"),
    ("这个居住证条例是哪天在国务院常务会议上通过的？", ADOPTED, "2015年10月21日"),
    ("居住证条例是什么时候公布的？", ADOPTED, "2015年11月26日"),        # 居住证条例 shortens the title
    ("这个条例通过什么方式管理旅行社？", REVISED, None),            # 通过 as "by means of"
    ("这个居住证条例由哪个机关通过？", ADOPTED, "国务院"),            # the body, not its session
    ("本条例由哪个机关通过？", "北京市单用途预付卡管理条例\n2021年11月26日 北京市第十五届人民代表大会常务委员会第三十五次会议通过\n",
     "北京市第十五届人民代表大会常务委员会"),
    ("本规定是哪一天经国务院批准的？", APPROVED, "1999年7月10日"),
    ("这个规定是谁批准的？", APPROVED, "国务院"),
    ("本规定由哪个机构发布？", APPROVED, "国家发展计划委员会"),
    ("这个规定是什么时候发布的？", APPROVED, "1999年8月1日"),
    ("这部规定头一回修订是什么时候？", APPROVED, "2006年2月21日"),
])
def test_a_regulation_s_history_lines(question, text, expected):
    found = answer(question, text)
    assert (found[0] if found else None) == expected



def test_a_document_fact_is_answered_before_the_names_of_the_question_are_looked_for():
    from types import SimpleNamespace

    from qa import extractive
    from qa.extractive import Scored

    text = REVISED + "第二条 旅行社的实施细则由旅游行政主管部门公布。\n"
    line = "2009年2月20日 中华人民共和国国务院令第550号公布"

    def sentence(words: str, section: str, score: float) -> Scored:
        start = text.find(words)
        chunk = SimpleNamespace(page_content=words, metadata={
            "doc": "d", "section": section, "start": start, "end": start + len(words), "chunk_id": section,
            "sentences": [(start, start + len(words))]})
        return Scored(words, start, start + len(words), chunk, 0.9, 0.5, score)

    # The best sentence, in a chapter of the body, names no 中华人民共和国国务院: the promulgation line answers.
    ranked = [sentence("第二条 旅行社的实施细则由旅游行政主管部门公布。", "第一章　总则 > 第二条", 0.8),
              sentence(line, line, 0.5)]
    found = extractive.extract("《旅行社条例》是以中华人民共和国国务院令第几号公布的？", "number", ranked, lambda _: text)
    assert found.answer == "中华人民共和国国务院令第550号" and found.evidence[0].text == line


def test_approval_asked_of_a_regulation_adopted_in_session_is_no_fact_of_the_document():
    # "由哪个机构批准" in a regulation adopted by the State Council asks about a permit in its body
    assert answer("本条例规定的校车使用许可由哪个机构批准？", ADOPTED) is None


def test_a_revision_the_history_does_not_record_is_a_false_premise():
    from qa.premises import false_premise

    assert false_premise("听说旅行社条例2021年又第三次修订了，这次改了哪些地方？", REVISED)
    assert false_premise("这个条例2018年修订后有什么变化？", REVISED)
    assert not false_premise("这个条例2020年修订后有什么变化？", REVISED)       # it was
    assert not false_premise("第二次修订改了什么？", REVISED)
    assert not false_premise("这个居住证条例2021年修订过吗？", ADOPTED)          # no history to judge by
    assert not false_premise("《导游人员管理条例》2017年修订了什么？", REVISED)   # another document


def test_a_law_named_by_its_short_name_or_as_本法():
    text = "中华人民共和国反电信网络诈骗法\n第一条 为了预防电信网络诈骗活动，制定本法。\n第五十条 本法自2022年12月1日起施行。\n"
    assert answer("反诈法从什么时候开始施行？", text)[0] == "2022年12月1日"
    assert answer("本法什么时候施行？", text)[0] == "2022年12月1日"
    assert answer("劳动法从什么时候开始施行？", text) is None  # another law
