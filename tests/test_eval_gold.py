"""Gold files: loading, validation with line numbers, and `policyqa eval --check`."""
from __future__ import annotations

import json
import subprocess
import sys

import pytest

from index.errors import GoldFileError
from qa.cli import main
from qa.evaluation.gold import check_gold, load_gold, parse_gold

from conftest import ARTICLE, GOLD, ROOT

DOC = ARTICLE.name
GOOD = {"id": "g1", "question": "深圳计划到2022年数字经济产业增加值突破多少？", "answers": ["2400亿元"],
        "type": "number", "evidence": ["全市数字经济产业增加值突破2400亿元"], "doc": DOC, "split": "dev"}


def write(path, rows) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    lines = [r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


@pytest.fixture
def broken(tmp_path):
    """Next to a copy of the article, as corpus/gold/ is next to corpus/."""
    (tmp_path / DOC).write_text(ARTICLE.read_text(encoding="utf-8"), encoding="utf-8")
    path = tmp_path / "gold" / "broken.qa.jsonl"
    write(path, [
        GOOD,
        {**GOOD, "question": "重复的编号？"},                                   # line 2: duplicate id
        {**GOOD, "id": "g3", "evidence": ["这句话不在文章里"]},                  # line 3: bad evidence
        {"id": "g4", "type": "entity", "answers": ["北京市人民政府办公厅"]},      # line 4: no question
        "",                                                                     # line 5: blank
        {**GOOD, "id": "g6"},                                                   # line 6: fine
    ])
    return path


def test_problems_are_reported_with_their_line_numbers(broken):
    questions, problems = check_gold(broken)
    found = {(p.line, p.message.split(" ")[0]) for p in problems}
    assert found == {(2, "duplicate"), (3, "evidence"), (4, "missing")}
    assert "first on line 1" in next(p.message for p in problems if p.line == 2)
    assert "'question'" in next(p.message for p in problems if p.line == 4)
    assert str(next(p for p in problems if p.line == 3)).startswith(f"{broken}:3: ")
    assert [q.id for q in questions] == ["g1", "g3", "g6"]  # schema-valid ones still parse


def test_schema_problems_stop_loading(broken):
    with pytest.raises(GoldFileError) as raised:
        load_gold([broken])
    message = str(raised.value)
    assert f"{broken}:2: duplicate id 'g1'" in message
    assert f"{broken}:4: missing 'question'" in message


@pytest.mark.parametrize("row, problem", [
    ({"id": "x", "question": "？", "type": "numbers", "answers": ["1"]}, "unknown type 'numbers'"),
    ({"id": "x", "question": "？", "type": "number"}, "needs 'answers' or 'all_of'"),
    ({"id": "x", "question": "？", "type": "unanswerable", "answers": ["1"]}, "must have empty 'answers'"),
    ({"id": "x", "question": "？", "type": "number", "answers": "1"}, "'answers' must be a list"),
    ({"id": "x", "question": "？", "type": "number", "answers": ["1"], "split": "train"}, "'split' must be one of"),
    ({"id": "x", "question": "？", "type": "number", "answers": ["1"], "paraphrase": "yes"}, "'paraphrase' must be"),
    ({"id": "x", "question": "？", "type": "list", "all_of": ["北京", "、"]}, "is empty once punctuation"),
    ("{not json", "not valid JSON"),
    ("[1, 2]", "not a JSON object"),
])
def test_schema_problems(tmp_path, row, problem):
    path = tmp_path / "x.qa.jsonl"
    write(path, [{"id": "ok", "question": "？", "type": "date", "answers": ["2022年"]}, row])
    _, problems = parse_gold(path)
    assert [(p.line, problem in p.message) for p in problems] == [(2, True)]


def test_a_minimal_file_loads_with_defaults(tmp_path):
    path = tmp_path / "theirs.qa.jsonl"
    write(path, [{"id": "a", "question": "北京提出几大重点任务？", "type": "number", "answers": ["4大"]},
                 {"id": "b", "question": "比特币的发明者是谁？", "type": "unanswerable", "answers": []}])
    questions = load_gold([path])
    assert [(q.id, q.split, q.paraphrase, q.history, q.evidence, q.answerable) for q in questions] == [
        ("a", None, False, [], [], True), ("b", None, False, [], [], False)]
    assert questions[0].source == "theirs.qa.jsonl" and questions[1].line == 2


def test_numeric_ids_are_accepted_and_compared_as_text(tmp_path):
    path = tmp_path / "numbers.qa.jsonl"
    write(path, [{"id": 1, "question": "？", "type": "number", "answers": ["1"]},
                 {"id": "1", "question": "？", "type": "number", "answers": ["1"]},
                 {"id": True, "question": "？", "type": "number", "answers": ["1"]}])
    questions, problems = parse_gold(path)
    assert [q.id for q in questions] == ["1"]
    assert [(p.line, p.message) for p in problems] == [
        (2, "duplicate id '1' (first on line 1)"), (3, "'id' must be a non-empty string or a number")]


def test_a_question_without_split_is_in_all_only(tmp_path):
    path = tmp_path / "x.qa.jsonl"
    write(path, [{"id": "a", "question": "？", "type": "number", "answers": ["1"]},
                 {"id": "b", "question": "？", "type": "number", "answers": ["1"], "split": "test"}])
    assert [q.id for q in load_gold([path], "all")] == ["a", "b"]
    assert [q.id for q in load_gold([path], "test")] == ["b"]
    with pytest.raises(GoldFileError, match="no questions of split 'dev'"):
        load_gold([path], "dev")


def test_line_numbers_count_only_newlines(tmp_path):
    path = tmp_path / "x.qa.jsonl"
    row = {"id": "a", "question": "第一行\u2028仍是第一行？", "type": "number", "answers": ["1"]}
    path.write_text(json.dumps(row, ensure_ascii=False) + "\n" + json.dumps(row, ensure_ascii=False) + "\n",
                    encoding="utf-8")
    assert [p.line for p in parse_gold(path)[1]] == [2]


def test_non_utf8_is_reported_with_its_line(tmp_path):
    path = tmp_path / "gbk.qa.jsonl"
    good = json.dumps({"id": "a", "question": "？", "type": "number", "answers": ["1"]}).encode()
    path.write_bytes(good + b"\n" + '{"id": "b", "question": "深圳"}'.encode("gbk") + b"\n")
    with pytest.raises(GoldFileError, match=r"gbk\.qa\.jsonl:2: not UTF-8"):
        parse_gold(path)


def test_missing_file(tmp_path):
    with pytest.raises(GoldFileError, match="no such gold file"):
        load_gold([tmp_path / "nope.qa.jsonl"])


def test_documents_are_found_among_docs(tmp_path):
    path = tmp_path / "elsewhere" / "x.qa.jsonl"
    write(path, [GOOD])
    _, problems = check_gold(path)
    assert len(problems) == 1 and "not found" in problems[0].message and problems[0].line == 1
    assert check_gold(path, docs=[ARTICLE])[1] == []
    assert check_gold(path, docs=[ARTICLE.parent])[1] == []


def test_the_project_gold_file_is_valid():
    questions, problems = check_gold(GOLD)
    assert problems == []
    assert len(questions) == 150
    assert sum(q.split == "dev" for q in questions) == 91


# --- the command -------------------------------------------------------------------------------------
def test_check_command_accepts_the_project_gold_file(capsys):
    assert main(["eval", "--check", str(GOLD)]) == 0
    assert "OK, 150 questions (dev 91, test 59, 26 unanswerable)" in capsys.readouterr().out


def test_check_command_fails_on_a_broken_file(broken, capsys):
    assert main(["eval", "--check", str(broken)]) == 1
    err = capsys.readouterr().err
    assert err.startswith("policyqa: 3 problem(s) in ")
    assert f"{broken}:3: evidence not found verbatim in {DOC}" in err


def test_check_command_exits_1_without_a_traceback(broken):
    run = subprocess.run([sys.executable, "-m", "qa.cli", "eval", "--check", str(broken)], cwd=ROOT,
                         capture_output=True, text=True, encoding="utf-8", timeout=120)
    assert run.returncode == 1
    assert f"{broken}:2: duplicate id 'g1'" in run.stderr
    assert "Traceback" not in run.stderr


@pytest.mark.parametrize("gold", sorted((ROOT / "benchmarks" / "other_docs").glob("*.qa.jsonl")), ids=lambda p: p.name)
def test_other_documents_gold_files_are_valid(gold):
    # Every evidence quote is in its document and the schema holds: these sets are the cross-document figures.
    document = gold.with_name(gold.name.removesuffix(".qa.jsonl") + ".txt")
    questions, problems = check_gold(gold, [document])
    assert not problems, problems
    assert len(questions) >= 50
