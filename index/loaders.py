"""Read .txt .md .html .pdf .docx files into plain text, detecting the encoding of text files."""
from __future__ import annotations

import codecs
import hashlib
from dataclasses import dataclass
from pathlib import Path

from .errors import PathNotFound, UnreadableFile, UnsupportedFile

TEXT_SUFFIXES = {".txt", ".md"}
SUFFIXES = TEXT_SUFFIXES | {".html", ".htm", ".pdf", ".docx"}

# Checked before any guessing: a BOM is authoritative.
_BOMS = [
    (codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"), (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"),
]


@dataclass(frozen=True)
class LoadedDocument:
    name: str      # how citations name it: path relative to the folder it was found in
    path: Path
    text: str      # offsets of chunks and citations index into this text
    sha256: str    # of the file's bytes, for incremental sync
    encoding: str


def find_documents(paths: list[Path]) -> tuple[list[tuple[Path, str]], list[UnsupportedFile | PathNotFound]]:
    """Expand files and folders into (file, display name) pairs; report what cannot be used."""
    found, problems = [], []
    for path in paths:
        if not path.exists():
            problems.append(PathNotFound(path))
        elif path.is_dir():
            for file in sorted(p for p in path.rglob("*") if p.is_file() and not _hidden(p, path)):
                if file.suffix.lower() in SUFFIXES:
                    found.append((file, file.relative_to(path).as_posix()))
        elif path.suffix.lower() in SUFFIXES:
            found.append((path, path.name))
        else:
            problems.append(UnsupportedFile(path, SUFFIXES))
    return found, problems


def _hidden(file: Path, root: Path) -> bool:
    return any(part.startswith(".") for part in file.relative_to(root).parts)


def load_document(path: Path, name: str | None = None) -> LoadedDocument:
    if not path.is_file():
        raise PathNotFound(path)
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        raise UnsupportedFile(path, SUFFIXES)
    data = path.read_bytes()
    if suffix in TEXT_SUFFIXES:
        text, encoding = decode_text(data, path)
    elif suffix in {".html", ".htm"}:
        text, encoding = _html_text(decode_text(data, path)[0], path), "html"
    elif suffix == ".pdf":
        text, encoding = _pdf_text(path), "pdf"
    else:
        text, encoding = _docx_text(path), "docx"
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _looks_binary(text):
        raise UnreadableFile(path, "looks binary, not text (control characters in the decoded text)")
    if not text.strip():
        raise UnreadableFile(path, "no text could be extracted (empty, or a scanned PDF without a text layer)")
    return LoadedDocument(name or path.name, path, text, hashlib.sha256(data).hexdigest(), encoding)


def decode_text(data: bytes, path: Path) -> tuple[str, str]:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return data.decode(encoding), encoding
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        pass
    if b"\x00" in data[:4096] and not _looks_utf16(data):
        raise UnreadableFile(path, "looks binary, not text")
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise UnreadableFile(path, "the text encoding could not be detected (tried UTF-8/16, GBK/GB18030 and others)")
    # charset-normalizer may name a GBK subset (gb2312) that fails on rarer characters: widen to gb18030.
    encoding = "gb18030" if best.encoding.replace("_", "").lower() in {"gb2312", "gbk", "gb18030"} else best.encoding
    return data.decode(encoding, errors="strict"), encoding


def _looks_binary(text: str) -> bool:
    """Bytes that happen to be valid UTF-8 can still be no text: NULs and control characters say so."""
    controls = sum(1 for c in text[:8192] if ord(c) < 32 and c not in "\n\t\f\v")
    return "\x00" in text or controls > max(2, len(text[:8192]) // 100)


def _looks_utf16(data: bytes) -> bool:
    sample = data[:4096]
    return sample[1::2].count(0) > len(sample) // 4 or sample[0::2].count(0) > len(sample) // 4


def _html_text(html: str, path: Path) -> str:
    import trafilatura

    text = trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True)
    if not text:
        raise UnreadableFile(path, "no readable text in this HTML page")
    return text


def _pdf_text(path: Path) -> str:
    from pypdf import PdfReader
    from pypdf.errors import PdfReadError

    try:
        reader = PdfReader(path)
        return "\n".join((page.extract_text() or "").strip() for page in reader.pages)
    except (PdfReadError, ValueError, OSError) as error:
        raise UnreadableFile(path, f"not a readable PDF ({error})") from error


def _docx_text(path: Path) -> str:
    import docx
    from docx.opc.exceptions import PackageNotFoundError

    try:
        document = docx.Document(str(path))
    except (PackageNotFoundError, ValueError, KeyError, OSError) as error:
        raise UnreadableFile(path, f"not a readable DOCX ({error})") from error
    lines = []
    for block in document.iter_inner_content():  # paragraphs and tables, in document order
        if hasattr(block, "rows"):
            # Merged cells repeat their text in every cell they span: keep each text once per row.
            lines += ["\t".join(dict.fromkeys(cell.text for cell in row.cells)) for row in block.rows]
        else:
            lines.append(block.text)
    return "\n".join(lines)
