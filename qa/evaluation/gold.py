"""Gold question files (.qa.jsonl): loading, and checking them against their documents.

One JSON object per line; only `id`, `question` and `type` are required, so files written by
other people with just those (plus `answers`/`all_of`/`history`) load too.
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from pathlib import Path

from index.errors import DocumentError, GoldFileError

TYPES = ("number", "date", "entity", "list", "descriptive", "yes_no", "multi_turn", "conflict", "unanswerable")
SPLITS = ("dev", "test")
_LISTS = ("answers", "all_of", "history", "evidence")


@dataclass(frozen=True)
class GoldQuestion:
    id: str
    question: str
    type: str
    answers: list[str] = field(default_factory=list)
    all_of: list[str] = field(default_factory=list)
    history: list[str] = field(default_factory=list)
    evidence: list[str] = field(default_factory=list)
    doc: str | None = None
    paraphrase: bool = False
    split: str | None = None  # None: the question belongs to the split "all" only
    source: str = ""  # file name, for reports that mix several gold files
    line: int = 0

    @property
    def answerable(self) -> bool:
        return self.type != "unanswerable"

    def in_split(self, split: str) -> bool:
        return split == "all" or self.split == split


@dataclass(frozen=True)
class Problem:
    path: Path
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.message}"


def parse_gold(path: Path) -> tuple[list[GoldQuestion], list[Problem]]:
    """Every question that parses, and every schema problem with its line number."""
    path = Path(path)
    if not path.is_file():
        raise GoldFileError(f"{path}: no such gold file")
    data = path.read_bytes()
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data[:error.start].count(b"\n") + 1
        raise GoldFileError(f"{path}:{line}: not UTF-8 text (byte {error.start}); save the file as UTF-8") from None
    text = text.removeprefix("\ufeff")  # editors on Windows add a BOM that json.loads rejects
    questions, problems, first_line = [], [], {}
    # split("\n"), not splitlines(): U+2028 inside a JSON string must not shift the line numbers
    for number, raw in enumerate(text.split("\n"), 1):
        if not raw.strip():
            continue
        try:
            row = json.loads(raw)
        except json.JSONDecodeError as error:
            problems.append(Problem(path, number, f"not valid JSON ({error.msg} at column {error.colno})"))
            continue
        if not isinstance(row, dict):
            problems.append(Problem(path, number, "not a JSON object"))
            continue
        found = [Problem(path, number, message) for message in _schema_problems(row)]
        qid = _id(row.get("id"))
        if qid:
            if qid in first_line:
                found.append(Problem(path, number, f"duplicate id '{qid}' (first on line {first_line[qid]})"))
            else:
                first_line[qid] = number
        problems.extend(found)
        if not found:
            questions.append(_question(row, path, number))
    if not questions and not problems:
        problems.append(Problem(path, 1, "no questions in the file"))
    return questions, problems


def _schema_problems(row: dict) -> list[str]:
    out = []
    for key in ("id", "question", "type"):
        if key not in row:
            out.append(f"missing '{key}'")
        elif key == "id" and _id(row["id"]) is None:
            out.append("'id' must be a non-empty string or a number")
        elif key != "id" and (not isinstance(row[key], str) or not row[key].strip()):
            out.append(f"'{key}' must be a non-empty string")
    if isinstance(row.get("type"), str) and row["type"].strip() and row["type"] not in TYPES:
        out.append(f"unknown type '{row['type']}' (one of: {', '.join(TYPES)})")
    for key in _LISTS:
        value = row.get(key, [])
        if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
            out.append(f"'{key}' must be a list of non-empty strings")
    if "split" in row and row["split"] not in SPLITS:
        out.append(f"'split' must be one of {', '.join(SPLITS)} (or left out)")
    if "paraphrase" in row and not isinstance(row["paraphrase"], bool):
        out.append("'paraphrase' must be true or false")
    if "doc" in row and (not isinstance(row["doc"], str) or not row["doc"].strip()):
        out.append("'doc' must be a document name")
    if out or "type" not in row:
        return out
    from .scoring import normalise

    for key in ("answers", "all_of"):
        out += [f"'{key}' item '{item}' is empty once punctuation is removed: it would match any answer"
                for item in row.get(key, []) if not normalise(item)]
    has_answer = bool(row.get("answers") or row.get("all_of"))
    if row["type"] == "unanswerable" and has_answer:
        out.append("an unanswerable question must have empty 'answers' and 'all_of'")
    elif row["type"] != "unanswerable" and not has_answer:
        out.append("an answerable question needs 'answers' or 'all_of' (or type 'unanswerable')")
    return out


def _question(row: dict, path: Path, line: int) -> GoldQuestion:
    return GoldQuestion(
        id=_id(row["id"]), question=row["question"].strip(), type=row["type"],
        **{key: list(row.get(key, [])) for key in _LISTS},
        doc=row.get("doc"), paraphrase=row.get("paraphrase", False), split=row.get("split"),
        source=path.name, line=line,
    )


def _id(value) -> str | None:
    """Ids are strings; whole numbers (other people's files) are accepted as their decimal form."""
    if isinstance(value, str) and value.strip():
        return value.strip()
    if isinstance(value, int) and not isinstance(value, bool):
        return str(value)
    return None


def load_gold(paths: list[Path], split: str = "all") -> list[GoldQuestion]:
    """The questions of `split` from all files; any schema problem is a GoldFileError listing all of them."""
    questions, problems = [], []
    for path in paths:
        parsed, found = parse_gold(Path(path))
        questions.extend(parsed)
        problems.extend(found)
    if problems:
        raise GoldFileError(_listing(problems, "run `policyqa eval --check FILE` after fixing"))
    selected = [q for q in questions if q.in_split(split)]
    if not selected:
        names = ", ".join(str(p) for p in paths)
        raise GoldFileError(f"no questions of split '{split}' in {names} (a question without 'split' is in 'all' only)")
    return selected


def check_gold(path: Path, docs: list[Path] | None = None) -> tuple[list[GoldQuestion], list[Problem]]:
    """Schema problems, duplicate ids, and evidence that is not an exact substring of its document.

    A question's `doc` is looked up in the gold file's folder's parent (corpus/ for corpus/gold/x.jsonl),
    then among `docs` (files by name, folders by relative path or file name).
    """
    path = Path(path)
    questions, problems = parse_gold(path)
    texts: dict[str, str | None] = {}
    for q in questions:
        if not q.evidence:
            continue
        if not q.doc:
            problems.append(Problem(path, q.line, "has 'evidence' but no 'doc' to check it against"))
            continue
        if q.doc not in texts:
            texts[q.doc] = _document_text(q.doc, path, docs or [])
        text = texts[q.doc]
        if text is None:
            problems.append(Problem(path, q.line, f"document '{q.doc}' not found in {path.parent.parent}"
                                    + (" nor among --docs" if docs else " (pass --docs PATH)")))
            continue
        for quote in q.evidence:
            if quote not in text:
                problems.append(Problem(path, q.line, f"evidence not found verbatim in {q.doc}: '{_clip(quote)}'"))
    return questions, sorted(problems, key=lambda p: p.line)


def _document_text(name: str, gold_path: Path, docs: list[Path]) -> str | None:
    from index.loaders import (
        load_document,  # the same text (and offsets) the index is built from
    )

    candidates = [gold_path.parent.parent / name]
    for doc in map(Path, docs):
        if doc.is_dir():
            candidates += [doc / name, *sorted(doc.rglob(Path(name).name))]
        elif doc.name == Path(name).name:
            candidates.append(doc)
    for candidate in candidates:
        if candidate.is_file():
            try:
                return load_document(candidate, name).text
            except DocumentError as error:
                raise GoldFileError(f"{gold_path}: cannot read document '{name}': {error}") from None
    return None


def _clip(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[:limit] + "…"


def _listing(problems: list[Problem], hint: str) -> str:
    shown = [str(p) for p in problems[:30]]
    more = [f"… and {len(problems) - 30} more"] if len(problems) > 30 else []
    return "\n".join([f"{len(problems)} problem(s) in the gold file(s):", *shown, *more, hint])
