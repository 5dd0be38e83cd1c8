"""`policyqa eval` / `policyqa calibrate` end to end, with the fake embedder passed in."""
from __future__ import annotations

import io
import json

import pytest

from index.settings import load_settings
from qa.cli import _parser, main
from qa.evaluation.command import gold_paths, run_calibrate, run_eval
from qa.evaluation.tables import COLUMNS

from conftest import ARTICLE, GOLD

SUBSET = ["q001", "q002", "q024", "q027", "q041", "q060", "q081", "q102", "q109", "q122", "q145"]


@pytest.fixture
def subset(tmp_path):
    """Eleven questions of the project gold set, every kind, both splits (q145 is the unanswerable one)."""
    rows = [line for line in GOLD.read_text(encoding="utf-8").splitlines() if json.loads(line)["id"] in SUBSET]
    path = tmp_path / "subset.qa.jsonl"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path


def run(command: str, argv: list[str], settings, embeddings) -> str:
    args = _parser().parse_args([command, *argv])
    out = io.StringIO()
    function = run_eval if command == "eval" else run_calibrate
    assert function(args, settings, embeddings=embeddings, out=out) == 0
    return out.getvalue()


def test_json_on_a_temporary_index_leaves_the_users_index_alone(settings, fake_embeddings, subset):
    printed = run("eval", ["--gold", str(subset), "--docs", str(ARTICLE), "--json"], settings, fake_embeddings)
    summary = json.loads(printed)
    assert summary["n"] == 11 and summary["n_unanswerable"] == 1
    assert {"hit@1", "hit@3", "hit@5", "mrr", "latency_ms", "answer_len_median", "by_type", "config"} <= set(summary)
    assert summary["config"]["docs"] == [str(ARTICLE)] and summary["config"]["embedder"] == "fake-bigram-256"
    assert not settings.home.exists()  # nothing was written to the user's index


def test_text_table_on_the_users_index(settings, fake_embeddings, subset):
    printed = run("eval", ["--gold", str(subset)], settings, fake_embeddings)
    assert (settings.home / "manifest.json").is_file()  # built from the corpus on first use
    lines = printed.splitlines()
    assert lines[0].startswith("policyqa eval: 11 questions · name hybrid")
    header = next(line for line in lines if "accuracy [95% CI]" in line)
    for column in COLUMNS[1:]:
        assert column in header
    labels = {line.split("  ")[0].strip() for line in lines}
    assert {"all", "split dev", "split test", "type unanswerable", "paraphrase true", "paraphrase false"} <= labels
    assert any(line.startswith(("✓ hit@3", "✗ hit@3")) for line in lines)


def test_compare_prints_every_configuration(settings, fake_embeddings, subset, tmp_path):
    printed = run("eval", ["--gold", str(subset), "--docs", str(ARTICLE), "--compare", "bm25", "hybrid",
                           "langchain-baseline", "--report", str(tmp_path / "cmp")], settings, fake_embeddings)
    lines = printed.splitlines()
    header = lines[2].split()
    assert header == ["bm25", "hybrid", "langchain-baseline"]
    rows = {line.split("  ")[0].strip(): line for line in lines[4:4 + len(COLUMNS) - 1]}
    assert list(rows) == COLUMNS[1:]
    assert rows["n"].split()[1:] == ["11", "11", "11"]
    assert rows["refused unans."].split()[-1] == "0.000"  # the baseline never refuses
    assert int(float(rows["median len"].split()[-1])) > 100  # ... and answers with a whole chunk
    assert (tmp_path / "cmp" / "compare.md").is_file()
    for name in ("bm25", "hybrid", "langchain-baseline"):
        assert (tmp_path / "cmp" / name / "report.md").is_file()
    assert not settings.home.exists()


def test_compare_json(settings, fake_embeddings, subset):
    printed = run("eval", ["--gold", str(subset), "--docs", str(ARTICLE), "--compare", "dense", "langchain-baseline",
                           "--json"], settings, fake_embeddings)
    payload = json.loads(printed)
    assert payload["compare"] == ["dense", "langchain-baseline"]
    assert payload["results"]["langchain-baseline"]["config"]["chunk_size"] == 1000
    assert payload["results"]["dense"]["config"]["retrieval"] == "dense"


def test_unknown_configuration_is_a_user_error(capsys, subset):
    with pytest.raises(SystemExit) as exited:  # argparse names the valid choices
        main(["eval", "--gold", str(subset), "--compare", "hybrid", "bm42"])
    assert exited.value.code == 2
    err = capsys.readouterr().err
    assert "invalid choice: 'bm42'" in err and "langchain-baseline" in err


def test_default_gold_files_are_the_corpus_ones(settings):
    assert gold_paths(None, settings) == sorted(GOLD.parent.glob("*.qa.jsonl"))
    assert GOLD in gold_paths(None, settings)


def test_calibrate_stores_the_threshold_that_load_settings_reads(settings, fake_embeddings, subset, monkeypatch):
    monkeypatch.delenv("POLICYQA_REFUSAL_THRESHOLD", raising=False)
    printed = run("calibrate", ["--gold", str(subset), "--split", "all", "--docs", str(ARTICLE)],
                  settings, fake_embeddings)
    stored = json.loads((settings.home / "calibration.json").read_text(encoding="utf-8"))
    assert {"refusal_threshold", "gold", "split", "n", "score"} <= set(stored)
    assert stored["n"] == 11 and stored["split"] == "all" and stored["gold"] == [str(subset)]
    assert 0.0 <= stored["score"] <= 1.0
    assert load_settings(home=settings.home).refusal_threshold == stored["refusal_threshold"]
    assert (settings.home / "calibration.png").read_bytes()[:4] == b"\x89PNG"
    assert "→ " in printed and f"Refusal threshold {stored['refusal_threshold']:.4f}" in printed
