"""End to end with the real embedder: questions of every kind about the article, their expected short
answers, citations that point exactly into the document, refusals, follow-ups, and a golden file.

Regenerate the golden file after an intended change of answers (then review the diff):
    POLICYQA_UPDATE_GOLDEN=1 pytest tests/test_answers.py -m integration
"""
from __future__ import annotations

import json
import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from qa.types import REFUSAL

pytestmark = pytest.mark.integration

GOLDEN = Path(__file__).parent / "golden" / "answers.json"
SHENZHEN = "深圳计划到2022年数字经济产业增加值突破多少？"


@dataclass(frozen=True)
class Case:
    id: str
    question: str
    contains: tuple[str, ...] = ()        # every one must be in the answer
    cited: tuple[str, ...] = ()           # every one must be in the first citation's text
    history: tuple[str, ...] = ()
    rewritten: tuple[str, ...] = ()       # every one must be in the rewritten question
    refused: bool = False
    exactly_one_of: tuple[str, ...] = field(default=())  # the answer (without a final 。) is one of these
    note: bool | None = None              # a heading/body conflict note is required (True) / wrong (False)


NOTE = "（注："


CASES = [
    # numbers
    Case("number-value-added", SHENZHEN, ("2400亿元",), cited=("2400亿元",)),
    Case("number-it-revenue", "深圳信息传输、软件和信息技术服务业营业收入到2022年要突破多少？", ("8000亿元",),
         cited=("8000亿元",)),
    Case("number-growth-rate", "深圳数字经济产业增加值的年均增速目标是多少？", ("15%",), cited=("15%",)),
    Case("number-car-parts", "传统的汽车有多少个零部件？", ("30000个",), cited=("30000个",)),
    Case("number-ev-parts", "电动汽车只需要多少个零部件？", ("3000多个",), cited=("3000多个",)),
    Case("number-provinces", "今年上半年有多少个省市出台了区块链相关政策？", ("10多个",), cited=("10多个省市",)),
    Case("number-tasks", "北京的四大重点任务具体分为多少项具体任务？", ("20项",), cited=("20项",)),
    Case("number-fields-stated", "深圳有多少个重点扶持领域？", ("12",), cited=("12大重点扶持领域",)),
    Case("number-industries-heading", "深圳拟重点扶持多少大数字经济产业？", ("12",), note=False),
    # dates
    Case("date-hainan-base", "海南国家区块链技术和产业创新发展基地要在哪年前建成？", ("2025",),
         cited=("2025年前建设海南国家区块链技术和产业创新发展基地",), note=True),  # heading: 2015年前
    Case("date-hainan-rules", "海南要在哪一年前建立数据确权、数据交易、数据安全和区块链金融的标准和规则？", ("2035",),
         cited=("2035年前建立数据确权",), note=False),  # the heading's 2015 is about the base
    Case("date-hainan-system", "海南自由贸易港政策制度体系要在哪一年初步建立？", ("2025",), cited=("到2025年",),
         note=False),
    Case("date-beijing-goal", "北京计划到哪一年建成区块链科技创新高地？", ("2022",), cited=("到2022年",)),
    Case("date-day", "《海南自由贸易港建设总体方案》是哪天印发的？", ("6月1日",), cited=("6月1日",)),
    # entities
    Case("entity-beijing-issuer", "《北京市区块链创新发展行动计划(2020-2022年)》是哪个部门发布的？",
         ("北京市人民政府办公厅",), cited=("北京市人民政府办公厅",)),
    Case("entity-shenzhen-issuer", "《深圳市数字经济产业创新发展实施方案(征求意见稿)》是哪个部门发布的？",
         ("深圳市工业和信息化局",), cited=("深圳市工业和信息化局",)),
    Case("entity-hainan-issuer", "《海南自由贸易港建设总体方案》是由谁印发的？", ("中共中央", "国务院"),
         cited=("中共中央、国务院印发",)),
    Case("entity-person", "万向区块链董事长兼总经理是谁？", exactly_one_of=("肖风", "肖风博士")),
    Case("entity-company", "肖风是哪家公司的董事长？", ("万向区块链",)),
    Case("entity-fund", "北京计划设立什么基金？", ("区块链产业投资基金",)),
    Case("entity-principle", "北京的监管原则是什么？", ("包容审慎",)),
    Case("entity-named-before-it", "在肖风看来，哪个项目完全属于一种创新？", exactly_one_of=("以太坊",)),
    Case("entity-named-company", "肖风拿哪家企业当作重构汽车的例子？", exactly_one_of=("特斯拉",)),
    Case("date-period", "北京的区块链行动计划管的是哪几年？", ("2020-2022",)),
    Case("list-announced-sections", "肖风认为区块链走向应用有哪两条道路？", ("重构或者创新", "延续或者改良")),
    Case("entity-most-valuable", "电动汽车最有价值的是什么？", ("软件",), cited=("最有价值的是软件",)),
    # lists
    Case("list-beijing-tasks", "北京提出的四大重点任务是什么？", ("创新引领", "需求带动", "集聚发展", "要素保障")),
    Case("list-beijing-tasks-which", "北京提出了哪四大重点任务？", ("创新引领", "需求带动", "集聚发展", "要素保障")),
    Case("list-pioneers", "哪些地方成为区块链产业发展的“先行部队”？", ("北京", "深圳", "海南"), cited=("先行部队",)),
    # yes / no and descriptive
    Case("yes-no-fund", "北京的行动计划是否提出设立区块链产业投资基金？", ("是",), cited=("设立区块链产业投资基金",)),
    Case("descriptive-tesla", "特斯拉重构了什么？", ("汽车",), cited=("特斯拉",)),
    # follow-ups
    Case("follow-up-software", "那软件业务收入呢？", ("10000亿元",), cited=("软件业务收入突破10000亿元",),
         history=(SHENZHEN,), rewritten=("软件业务收入",)),
    Case("follow-up-issuer", "它的发布部门是哪个？", ("北京市人民政府办公厅",),
         history=("《北京市区块链创新发展行动计划(2020-2022年)》提出了哪些重点任务？",),
         rewritten=("北京市区块链创新发展行动计划",)),
    Case("follow-up-who", "是由谁印发的？", ("国务院",), history=("《海南自由贸易港建设总体方案》是哪天印发的？",),
         rewritten=("海南自由贸易港建设总体方案",)),
    Case("follow-up-person-is-the-answer", "他觉得区块链要真正用起来，可以走哪两条路？", ("重构", "改良"),
         history=("万向区块链的董事长是谁？",), rewritten=("肖风",)),
    # refusals: not in the document
    Case("refuse-bank", "北京区块链基金由哪家银行托管？", refused=True),
    Case("refuse-bitcoin", "比特币的发明者是谁？", refused=True),
    Case("refuse-weather", "今天北京天气怎么样？", refused=True),
    Case("refuse-shanghai-target", "上海的区块链产业规模目标是多少？", refused=True),
    Case("refuse-other-year", "深圳计划到2030年数字经济产业增加值突破多少？", refused=True),
    Case("refuse-guangzhou", "广州的区块链产业增加值目标是多少？", refused=True),
]


def _ask(assistant, case: Case):
    return assistant.ask(case.question, list(case.history))


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_answer(real_assistant, case):
    answer = _ask(real_assistant, case)
    for phrase in case.rewritten:
        assert phrase in answer.rewritten_question, answer.rewritten_question
    if case.refused:
        assert answer.refused, f"answered {answer.answer!r} from {answer.evidence}"
        assert answer.answer == REFUSAL
        assert answer.citations == [] and answer.evidence == []
        return
    assert not answer.refused, f"refused (confidence {answer.confidence:.3f})"
    # The short answer proper, without the note on a disagreeing heading (which quotes other numbers).
    text, evidence = answer.answer.split(NOTE)[0], answer.evidence
    assert text != REFUSAL
    for phrase in case.contains:
        assert phrase in text, f"{phrase!r} not in the answer {text!r} (evidence {evidence})"
    if case.exactly_one_of:
        assert text.rstrip("。") in case.exactly_one_of, text
    if case.note is not None:
        assert (NOTE in answer.answer) == case.note, answer.answer
    assert answer.citations, "an answer without a citation"
    cited = answer.citations[0].text
    for phrase in case.cited:
        assert phrase in cited, f"{phrase!r} not in the citation {cited!r}"


@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_citations_point_exactly_into_the_document(real_assistant, case):
    answer = _ask(real_assistant, case)
    assert answer.evidence == [c.text for c in answer.citations]
    documents = real_assistant.documents()
    for citation in answer.citations + answer.retrieved:
        assert citation.doc in documents
        text = real_assistant.document_text(citation.doc)
        assert text[citation.start:citation.end] == citation.text
        assert citation.chunk_id in documents[citation.doc].chunk_ids
    for citation in answer.citations:
        chunk = next(r for r in answer.retrieved if r.chunk_id == citation.chunk_id)
        assert chunk.start <= citation.start < citation.end <= chunk.end  # a sentence of a retrieved chunk
        assert citation.section == chunk.section


def test_json_form_of_an_answer(real_assistant):
    result = real_assistant.ask(SHENZHEN).to_json()
    assert set(result) == {"answer", "refused", "rewritten_question", "evidence", "citations", "timings_ms"}
    json.dumps(result, ensure_ascii=False)
    citation = result["citations"][0]
    assert set(citation) == {"doc", "section", "chunk_id", "start", "end", "text", "score"}
    assert citation["section"].startswith("深圳拟重点扶持")


def test_answers_are_deterministic(real_assistant):
    first = real_assistant.ask(SHENZHEN)
    again = real_assistant.ask(SHENZHEN)
    assert (first.answer, first.evidence, first.citations) == (again.answer, again.evidence, again.citations)


# --- golden file ---------------------------------------------------------------------------------
def _record(assistant, case: Case) -> dict:
    answer = _ask(assistant, case)
    return {"question": case.question, "history": list(case.history), "answer": answer.answer,
            "refused": answer.refused, "rewritten_question": answer.rewritten_question,
            "evidence": answer.evidence}


def test_golden_answers(real_assistant):
    current = {case.id: _record(real_assistant, case) for case in CASES}
    if os.environ.get("POLICYQA_UPDATE_GOLDEN") == "1":
        GOLDEN.parent.mkdir(parents=True, exist_ok=True)
        GOLDEN.write_text(json.dumps(current, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        pytest.skip(f"rewrote {GOLDEN}; review the diff")
    assert GOLDEN.is_file(), f"no golden file: run POLICYQA_UPDATE_GOLDEN=1 pytest {__file__}"
    expected = json.loads(GOLDEN.read_text(encoding="utf-8"))
    changed = {key: {"was": expected.get(key), "now": value} for key, value in current.items()
               if expected.get(key) != value}
    missing = sorted(set(expected) - set(current))
    assert not changed and not missing, (
        "answers differ from tests/golden/answers.json (if intended, rerun with POLICYQA_UPDATE_GOLDEN=1):\n"
        + json.dumps({"changed": changed, "missing": missing}, ensure_ascii=False, indent=1))
