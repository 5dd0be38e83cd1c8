"""Chinese-aware splitting into sentences, clauses and section-titled chunks, all with source offsets.

Invariant: for every Chunk c of a text, text[c.start:c.end] == c.text, and the same holds for
each (start, end) in c.sentences.
"""
from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CLOSERS = "”’」』）)】》\"'"
# Sentence ends: Chinese terminators (runs of them, e.g. ……, ！？), or ASCII ; ? ! used between
# Chinese characters, which this corpus does in place of the full-width forms.
_SENTENCE_END = re.compile(rf"(?:[。！？；]+|…+|(?<=[{CJK}{_CLOSERS}%\d])[;?!]+(?=\s*[{CJK}“]))[{_CLOSERS}]*")
# Clause ends, for answer extraction: Chinese comma/colon/enumeration comma, and ASCII , : between CJK.
_CLAUSE_END = re.compile(rf"[，：]|(?<=[{CJK}%”）)])[,:](?=\s*[{CJK}“(（\d])|(?<=\d)[,:](?=\s*[{CJK}“(（])")
_FINAL_PUNCT = set("。！？；:：，,;.!?…、")
_NUM = "一二三四五六七八九十百零〇两\\d"
_HEADING_PATTERNS = [  # (level, pattern): lower level = larger section
    (1, re.compile(rf"^第[{_NUM}]+[编章]")),
    (2, re.compile(rf"^第[{_NUM}]+节")),
    (2, re.compile(rf"^[{_NUM}]+、")),
    (3, re.compile(rf"^[（(][{_NUM}]+[）)]")),
]
_ARTICLE = re.compile(rf"^第[{_NUM}]+条")
_PLACE_COLON = re.compile(rf"^[{CJK}]{{2,8}}[:：]\S")
_MAX_HEADING = 40
# Raised whenever chunk boundaries or sections change, so that the next ingest re-chunks documents an
# earlier version indexed (2: date and signature lines are body text, not headings; 3: so are dates spelled
# out, 二〇二三年三月三十一日).
CHUNKING_VERSION = 3
# Dates and bracketed notes on lines of their own ("（2021年5月20日）", "（此件公开发布）") belong to the
# text above them; taking them for headings would file the body that follows under a date.
# (a signature's date may be spelled out: "二〇二三年三月三十一日")
_DATE = r"(?:\d{4}|[〇零一二三四五六七八九]{4})年[\d一二三四五六七八九十]{1,3}月[\d一二三四五六七八九十]{1,3}日"
DATE_LINE = re.compile(rf"^[（(]?{_DATE}[）)]?$")
_NOTE = re.compile(rf"^(?:[（(][^（()）]+[）)]|{_DATE})$")


@dataclass(frozen=True)
class Chunk:
    id: str
    doc: str
    section: str
    start: int
    end: int
    text: str
    sentences: list[tuple[int, int]] = field(default_factory=list)


def split_sentences(text: str, start: int = 0, end: int | None = None) -> list[tuple[int, int]]:
    """Sentence spans of text[start:end]: at terminators and line breaks, whitespace trimmed."""
    end = len(text) if end is None else end
    spans = []
    for line_start, line_end in _lines(text, start, end):
        pos = line_start
        for match in _SENTENCE_END.finditer(text, line_start, line_end):
            spans.append((pos, match.end()))
            pos = match.end()
        spans.append((pos, line_end))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s]


def split_clauses(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Clause spans inside one sentence, delimiters dropped."""
    spans, pos = [], start
    for match in _CLAUSE_END.finditer(text, start, end):
        spans.append((pos, match.start()))
        pos = match.end()
    spans.append((pos, end))
    return [s for s in (_trim(text, a, b) for a, b in spans) if s]


def heading_level(line: str) -> int | None:
    """Level of a section heading line, or None for body text."""
    line = line.strip()
    if not line or len(line) > _MAX_HEADING or _NOTE.match(line):
        return None
    if line.startswith("#"):
        return min(line.count("#", 0, 6), 4)
    for level, pattern in _HEADING_PATTERNS:
        if pattern.match(line) and line[-1] not in _FINAL_PUNCT and "。" not in line:
            return level
    if _PLACE_COLON.match(line) and not _SENTENCE_END.search(line):
        return 1  # "北京：2022年初建成…" style news sub-headings
    if line[-1] not in _FINAL_PUNCT and not _SENTENCE_END.search(line) and re.search(f"[{CJK}A-Za-z]", line):
        return 1
    return None


def chunk_text(text: str, doc: str, chunk_size: int = 260) -> list[Chunk]:
    """Chunks that never cross a section and cut between sentences (or clauses, for very long ones)."""
    chunks: list[Chunk] = []
    chain: dict[int, str] = {}
    pending: list[tuple[int, int]] = []
    section = ""

    def flush() -> None:
        if pending:
            a, b = pending[0][0], pending[-1][1]
            chunks.append(Chunk(_chunk_id(doc, a, b, text[a:b]), doc, section, a, b, text[a:b], list(pending)))
            pending.clear()

    lines = list(_lines(text, 0, len(text)))
    for i, (line_start, line_end) in enumerate(lines):
        line = text[line_start:line_end]
        following = text[slice(*lines[i + 1])].strip() if i + 1 < len(lines) else ""
        # The issuer's name above the date that signs a notice is no section title.
        level = None if DATE_LINE.match(following) else heading_level(line)
        article = _ARTICLE.match(line.strip())
        if level is not None or article:
            flush()
            level = level if level is not None else 4
            chain = {k: v for k, v in chain.items() if k < level}
            chain[level] = line.strip().lstrip("#").strip() if not article else article.group(0)
            section = " > ".join(chain[k] for k in sorted(chain))
        for sentence in _fit(text, split_sentences(text, line_start, line_end), chunk_size):
            if pending and sentence[1] - pending[0][0] > chunk_size:
                flush()
            pending.append(sentence)
    flush()
    return chunks


def _fit(text: str, sentences: list[tuple[int, int]], size: int) -> list[tuple[int, int]]:
    """Split sentences longer than `size` at clause ends, and hard-cut only when a clause is too long."""
    out = []
    for a, b in sentences:
        if b - a <= size:
            out.append((a, b))
            continue
        piece_start = a
        for _, clause_end in split_clauses(text, a, b):
            clause_end = _include_delimiter(text, clause_end, b)
            while clause_end - piece_start > size:
                cut = piece_start + size
                out.append((piece_start, cut))
                piece_start = cut
            if clause_end - piece_start > size // 2 or clause_end == b:
                out.append((piece_start, clause_end))
                piece_start = clause_end
        if piece_start < b:
            out.append((piece_start, b))
    return [s for s in (_trim(text, x, y) for x, y in out) if s]


def _include_delimiter(text: str, pos: int, limit: int) -> int:
    return pos + 1 if pos < limit and (text[pos] in "，：,:") else pos


def _lines(text: str, start: int, end: int):
    pos = start
    while pos < end:
        newline = text.find("\n", pos, end)
        line_end = end if newline == -1 else newline
        yield pos, line_end
        pos = line_end + 1


def _trim(text: str, a: int, b: int) -> tuple[int, int] | None:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return (a, b) if a < b else None


def _chunk_id(doc: str, start: int, end: int, text: str) -> str:
    # The text is part of the id: an edit that keeps every length must still change the chunk set.
    return hashlib.sha1(f"{doc}\x00{start}\x00{end}\x00{text}".encode("utf-8")).hexdigest()[:20]
