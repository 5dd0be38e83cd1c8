"""Loaders: text in every common Chinese encoding, PDF, DOCX, HTML, and a named error for the rest."""
from __future__ import annotations

import codecs
import hashlib
import random
from pathlib import Path

import pytest

from index.errors import DocumentError, PathNotFound, UnreadableFile, UnsupportedFile
from index.loaders import find_documents, load_document

from conftest import ARTICLE

ARTICLE_TEXT = ARTICLE.read_text(encoding="utf-8")
SHORT = "深圳计划到2022年，全市数字经济产业增加值突破2400亿元。"
# Characters outside GB2312 (a common misdetection) but inside GBK/GB18030.
RARE = "镕基、喆、堃、珺、昇、彧为常见人名用字。" + SHORT


# --- text files --------------------------------------------------------------------------------
ENCODINGS = {
    "utf-8": lambda t: t.encode("utf-8"),
    "utf-8-bom": lambda t: codecs.BOM_UTF8 + t.encode("utf-8"),
    "gbk": lambda t: t.encode("gbk"),
    "gb18030": lambda t: t.encode("gb18030"),
    "utf-16-le-bom": lambda t: codecs.BOM_UTF16_LE + t.encode("utf-16-le"),
    "utf-16-be-bom": lambda t: codecs.BOM_UTF16_BE + t.encode("utf-16-be"),
}


@pytest.mark.parametrize("encoding", ENCODINGS)
@pytest.mark.parametrize("text", [ARTICLE_TEXT, SHORT, RARE], ids=["article", "one-sentence", "rare-characters"])
def test_text_files_decode_identically(tmp_path, encoding, text):
    data = ENCODINGS[encoding](text)
    path = tmp_path / "policy.txt"
    path.write_bytes(data)
    loaded = load_document(path)
    assert loaded.text == text
    assert loaded.name == "policy.txt"
    assert loaded.sha256 == hashlib.sha256(data).hexdigest()


def test_windows_line_endings_become_newlines(tmp_path):
    path = tmp_path / "crlf.txt"
    path.write_bytes("第一行。\r\n第二行。\r第三行。".encode("gbk"))
    assert load_document(path).text == "第一行。\n第二行。\n第三行。"


def test_markdown_is_read_as_text(tmp_path):
    path = tmp_path / "notes.md"
    path.write_text("# 深圳\n\n" + SHORT, encoding="utf-8")
    assert load_document(path).text == "# 深圳\n\n" + SHORT


def test_a_binary_file_named_txt_is_unreadable(tmp_path):
    data = bytearray(random.Random(7).randbytes(4096))
    data[100:104] = b"\x00\x00\x00\x00"
    path = tmp_path / "photo.txt"
    path.write_bytes(bytes(data))
    with pytest.raises(UnreadableFile) as raised:
        load_document(path)
    assert "photo.txt" in str(raised.value)
    assert raised.value.path == str(path)


def test_a_zip_named_txt_is_unreadable(tmp_path):
    import docx

    docx_path = tmp_path / "real.docx"
    document = docx.Document()
    document.add_paragraph("深圳计划到2022年数字经济产业增加值突破2400亿元。")
    document.save(str(docx_path))
    path = tmp_path / "report.txt"
    path.write_bytes(docx_path.read_bytes())
    with pytest.raises(UnreadableFile, match="report.txt"):
        load_document(path)


@pytest.mark.parametrize("content", [b"", b"   \n\r\n\t", codecs.BOM_UTF8, "　\n".encode("utf-8")],
                         ids=["empty", "whitespace", "bom-only", "ideographic-space"])
def test_an_empty_file_is_unreadable(tmp_path, content):
    path = tmp_path / "empty.txt"
    path.write_bytes(content)
    with pytest.raises(UnreadableFile, match="empty.txt"):
        load_document(path)


def test_an_unsupported_suffix(tmp_path):
    path = tmp_path / "budget.xlsx"
    path.write_bytes(b"PK\x03\x04 whatever")
    with pytest.raises(UnsupportedFile) as raised:
        load_document(path)
    assert "budget.xlsx" in str(raised.value) and ".docx" in str(raised.value)


def test_a_missing_path(tmp_path):
    path = tmp_path / "nowhere" / "policy.txt"
    with pytest.raises(PathNotFound) as raised:
        load_document(path)
    assert str(path) in str(raised.value)


def test_errors_are_document_errors():
    assert issubclass(UnreadableFile, DocumentError)
    assert issubclass(UnsupportedFile, DocumentError)
    assert issubclass(PathNotFound, DocumentError)


# --- PDF ---------------------------------------------------------------------------------------
def _pdf(objects: list[bytes]) -> bytes:
    """A minimal PDF file around the given objects (object 1 is the catalog), with a correct xref."""
    out = bytearray(b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for number, body in enumerate(objects, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    for offset in offsets:
        out += b"%010d 00000 n \n" % offset
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    return bytes(out)


def _stream(data: bytes) -> bytes:
    return b"<< /Length %d >>\nstream\n" % len(data) + data + b"\nendstream"


_PAGE_OBJECTS = [
    b"<< /Type /Catalog /Pages 2 0 R >>",
    b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
    b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>",
]


def ascii_pdf(lines: list[str]) -> bytes:
    content = b"BT /F1 12 Tf 72 720 Td 14 TL " + b" ".join(b"(%s) '" % line.encode("ascii") for line in lines) + b" ET"
    return _pdf(_PAGE_OBJECTS + [b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>", _stream(content)])


def chinese_pdf(lines: list[str]) -> bytes:
    """Chinese text in a CID font (not embedded) whose ToUnicode map gives the characters back,
    as PDFs written by office software do."""
    chars = sorted({ch for line in lines for ch in line})
    cid = {ch: i + 1 for i, ch in enumerate(chars)}
    content = b"BT /F1 12 Tf 72 720 Td 16 TL "
    for line in lines:
        content += b"<" + "".join("%04X" % cid[ch] for ch in line).encode("ascii") + b"> ' "
    content += b"ET"
    to_unicode = (
        "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
        "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
        "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
        "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n"
        f"{len(chars)} beginbfchar\n" + "".join("<%04X> <%04X>\n" % (cid[ch], ord(ch)) for ch in chars)
        + "endbfchar\nendcmap\nCMapName currentdict /CMap defineresource pop\nend\nend"
    ).encode("ascii")
    return _pdf(_PAGE_OBJECTS + [
        b"<< /Type /Font /Subtype /Type0 /BaseFont /STSong-Light /Encoding /Identity-H "
        b"/DescendantFonts [6 0 R] /ToUnicode 7 0 R >>",
        _stream(content),
        b"<< /Type /Font /Subtype /CIDFontType0 /BaseFont /STSong-Light "
        b"/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> /DW 1000 >>",
        _stream(to_unicode),
    ])


def test_pdf_ascii_text(tmp_path):
    path = tmp_path / "plan.pdf"
    path.write_bytes(ascii_pdf(["Blockchain action plan 2020-2022", "Shenzhen target: 240 billion yuan"]))
    loaded = load_document(path)
    assert loaded.text == "Blockchain action plan 2020-2022\nShenzhen target: 240 billion yuan"
    assert loaded.encoding == "pdf"


def test_pdf_chinese_text(tmp_path):
    lines = ["深圳计划到2022年数字经济产业增加值突破2400亿元。", "北京提出四大重点任务。"]
    path = tmp_path / "方案.pdf"
    path.write_bytes(chinese_pdf(lines))
    assert load_document(path).text == "\n".join(lines)


def test_pdf_without_a_text_layer_is_unreadable(tmp_path):
    path = tmp_path / "scan.pdf"
    path.write_bytes(_pdf(_PAGE_OBJECTS[:2] + [
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R >>",
        _stream(b"0 0 1 rg 72 72 200 200 re f"),  # a drawn rectangle, no text
    ]))
    with pytest.raises(UnreadableFile, match="scan.pdf"):
        load_document(path)


def test_a_corrupt_pdf_is_unreadable(tmp_path):
    path = tmp_path / "broken.pdf"
    path.write_bytes(b"%PDF-1.4\n" + random.Random(3).randbytes(2000))
    with pytest.raises(UnreadableFile, match="broken.pdf"):
        load_document(path)


# --- DOCX --------------------------------------------------------------------------------------
def _docx(path: Path, paragraphs: list[str], table: list[list[str]] | None = None) -> None:
    import docx

    document = docx.Document()
    document.add_heading(paragraphs[0], level=1)
    for paragraph in paragraphs[1:]:
        document.add_paragraph(paragraph)
    if table:
        grid = document.add_table(rows=len(table), cols=len(table[0]))
        for r, row in enumerate(table):
            for c, value in enumerate(row):
                grid.cell(r, c).text = value
    document.save(str(path))


def test_docx_chinese_paragraphs(tmp_path):
    paragraphs = ["北京市区块链创新发展行动计划",
                  "到2022年，把北京初步建设成为具有影响力的区块链科技创新高地。",
                  "北京提出四大重点任务，具体为20项具体任务。"]
    path = tmp_path / "计划.docx"
    _docx(path, paragraphs)
    loaded = load_document(path)
    assert loaded.text == "\n".join(paragraphs)
    assert loaded.name == "计划.docx" and loaded.encoding == "docx"


def test_docx_table_text_is_extracted(tmp_path):
    """Policy documents put task lists in tables (任务分工表); their text must not be dropped."""
    path = tmp_path / "分工.docx"
    _docx(path, ["任务分工", "各单位按下表分工落实。"],
          table=[["任务", "牵头单位"], ["设立区块链产业投资基金", "市金融监管局"]])
    text = load_document(path).text
    assert "各单位按下表分工落实。" in text
    assert "设立区块链产业投资基金" in text and "市金融监管局" in text


def test_a_corrupt_docx_is_unreadable(tmp_path):
    path = tmp_path / "broken.docx"
    path.write_bytes(b"PK\x03\x04" + random.Random(5).randbytes(2000))
    with pytest.raises(UnreadableFile, match="broken.docx"):
        load_document(path)


# --- HTML --------------------------------------------------------------------------------------
NEWS_PAGE = """<!DOCTYPE html>
<html><head><meta charset="{charset}"><title>深圳数字经济</title>
<script>var tracking = "脚本里的统计代码"; console.log(tracking);</script>
<style>body {{ color: red; }}</style></head>
<body>
<nav><ul><li><a href="/">首页</a></li><li><a href="/news">新闻中心</a></li><li><a href="/about">关于我们</a></li></ul></nav>
<div class="menu">网站导航 | 登录 | 注册</div>
<main><article><h1>深圳拟重点扶持区块链等12大数字经济产业</h1>
<p>近日，深圳市工业和信息化局发布的关于公开征求《深圳市数字经济产业创新发展实施方案（征求意见稿）》意见通知表示，将努力建成全国领先、全球一流的数字经济产业创新发展引领城市。</p>
<p>为此，深圳计划到2022年，全市数字经济产业增加值突破2400亿元，年均增速15%左右；软件业务收入突破10000亿元，年均增速15%左右。</p>
<p>在推进区块链产业方面，《实施方案》提出，制定出台深圳市区块链产业发展行动计划，加强区块链基础研究和关键技术攻关，加快推进区块链技术应用及产业发展。</p>
</article></main>
<footer><p>版权所有 2020 某某网站 京ICP备12345678号</p><a href="/contact">联系我们</a></footer>
</body></html>"""


@pytest.mark.parametrize("charset", ["utf-8", "gbk"])
def test_html_main_text_without_navigation_or_scripts(tmp_path, charset):
    path = tmp_path / "news.html"
    path.write_bytes(NEWS_PAGE.format(charset=charset).encode(charset))
    text = load_document(path).text
    assert "全市数字经济产业增加值突破2400亿元" in text
    assert "软件业务收入突破10000亿元" in text
    assert "加强区块链基础研究和关键技术攻关" in text
    for noise in ("脚本里的统计代码", "console.log", "color: red", "新闻中心", "关于我们", "网站导航"):
        assert noise not in text
    assert load_document(path).encoding == "html"


# --- finding documents -------------------------------------------------------------------------
def test_find_documents_in_folders_and_files(tmp_path):
    folder = tmp_path / "docs"
    (folder / "sub").mkdir(parents=True)
    (folder / ".hidden").mkdir()
    for name in ("a.txt", "sub/b.md", "sub/c.PDF", "notes.xlsx", ".secret.txt", ".hidden/d.txt"):
        (folder / name).write_text("x", encoding="utf-8")
    single = tmp_path / "single.docx"
    single.write_bytes(b"x")
    unsupported = tmp_path / "sheet.csv"
    unsupported.write_text("a,b", encoding="utf-8")
    missing = tmp_path / "missing"

    found, problems = find_documents([folder, single, unsupported, missing])

    assert [name for _, name in found] == ["a.txt", "sub/b.md", "sub/c.PDF", "single.docx"]
    assert [path for path, _ in found][0] == folder / "a.txt"
    assert [type(p) for p in problems] == [UnsupportedFile, PathNotFound]
    assert "sheet.csv" in str(problems[0]) and str(missing) in str(problems[1])
