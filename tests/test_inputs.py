"""Input formats (issue 14): DOCX, PDF, HTML and Markdown, each built here with the library that
writes it, read back to text with exact spans, aligned end to end; bad files are one-line errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bitext.cli.main import main
from bitext.errors import InputError
from bitext.inputs import format_of, read_document

ZH = [
    "第一條",
    "本條例旨在保障個人資料的私隱。",
    "資料使用者必須採取合理步驟保障資料。",
    "第二條",
    "本條例自公佈日起施行。",
]
EN = [
    "Article 1",
    "This Ordinance protects the privacy of personal data.",
    "A data user must take reasonable steps to protect the data.",
    "Article 2",
    "This Ordinance comes into operation on the day it is published.",
]


def make_docx(paragraphs: list[str], *, numbered: list[str] = (), footnote: str = "") -> bytes:
    import docx
    from docx.opc.constants import RELATIONSHIP_TYPE
    from docx.opc.packuri import PackURI
    from docx.opc.part import Part
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    document = docx.Document()
    document.add_heading(paragraphs[0], level=1)
    for text in paragraphs[1:]:
        document.add_paragraph(text)
    for text in numbered:
        document.add_paragraph(text, style="List Number")
    if footnote:
        namespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
        xml = (
            f'<w:footnotes xmlns:w="{namespace}">'
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>'
            f'<w:footnote w:id="1"><w:p><w:r><w:t>{footnote}</w:t></w:r></w:p></w:footnote></w:footnotes>'
        ).encode()
        content_type = "application/vnd.openxmlformats-officedocument.wordprocessingml.footnotes+xml"
        part = Part(PackURI("/word/footnotes.xml"), content_type, xml, document.part.package)
        document.part.relate_to(part, RELATIONSHIP_TYPE.FOOTNOTES)
        reference = OxmlElement("w:footnoteReference")
        reference.set(qn("w:id"), "1")
        document.paragraphs[1].runs[-1]._r.append(reference)
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def make_pdf(paragraphs: list[str], *, chinese: bool) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = "Helvetica"
    if chinese:
        pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))  # a standard CID font: nothing embedded
        font = "MSung-Light"
    style = ParagraphStyle("body", fontName=font, fontSize=11, leading=15, wordWrap="CJK" if chinese else None)
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([Paragraph(text, style) for text in paragraphs])
    return out.getvalue()


def test_formats_are_told_by_suffix_or_first_bytes() -> None:
    assert format_of("a.DOCX", b"") == "docx"
    assert format_of("a.md", b"") == "markdown"
    assert format_of("a.htm", b"") == "html"
    assert format_of("noext", b"%PDF-1.4 ...") == "pdf"
    assert format_of("a.txt", b"plain") == "text"


def test_docx_paragraphs_headings_numbered_lists_and_footnotes(tmp_path: Path) -> None:
    path = tmp_path / "zh.docx"
    path.write_bytes(make_docx(ZH, numbered=["資料使用者", "資料當事人"], footnote="見附表一。"))
    document = read_document(path, "zh")
    lines = document.text.splitlines()
    assert lines[:2] == ["第一條", "本條例旨在保障個人資料的私隱。[1]"]
    assert "1. 資料使用者" in lines and "2. 資料當事人" in lines  # the numbers Word shows
    assert lines[-1] == "[1] 見附表一。"
    assert document.encoding == "docx"
    assert document.sentence_texts()[0] == "第一條"
    assert all(document.text[s.start : s.end] == s.text for s in document.sentences)


def test_pdf_text_layer_in_chinese_and_english(tmp_path: Path) -> None:
    long_english = " ".join(EN[1:3] * 6)  # wraps over several lines on the page
    (tmp_path / "en.pdf").write_bytes(make_pdf([EN[0], long_english], chinese=False))
    (tmp_path / "zh.pdf").write_bytes(make_pdf(ZH, chinese=True))
    english = read_document(tmp_path / "en.pdf", "en")
    chinese = read_document(tmp_path / "zh.pdf", "zh")
    assert english.encoding.startswith("pdf")
    assert english.sentence_texts()[0] == "Article 1"
    # The page wraps the long paragraph; its sentences are still whole.
    assert [" ".join(s.split()) for s in english.sentence_texts()[1:3]] == EN[1:3]
    assert [s.replace("\n", "") for s in chinese.sentence_texts()] == ZH


def test_pdf_kangxi_radicals_read_as_the_ideographs_they_look_like(tmp_path: Path) -> None:
    # Fonts such as Noto CJK (what Chrome and LibreOffice embed) map some glyphs to the Kangxi radical code
    # points: the text layer says ⾏ (U+2F8F) and ⽤ (U+2F64) where the page shows 行 and 用. Left so, no
    # dictionary knows the words and the Chinese matches nothing.
    (tmp_path / "zh.pdf").write_bytes(
        make_pdf(["\u2f8f政執\u2f8f法，適\u2f64其他法律。院\u2ed1推廣全\u2ea0意識。"], chinese=True)
    )
    document = read_document(tmp_path / "zh.pdf", "zh")
    assert document.sentence_texts() == ["行政執行法，適用其他法律。", "院長推廣全民意識。"]


def test_html_main_text_without_navigation(tmp_path: Path) -> None:
    page = (
        "<html><head><title>Site</title><style>p{}</style></head><body>"
        "<nav><a href='/'>Home</a> <a href='/en'>English</a></nav>"
        "<main><h1>Article 1</h1><p>This Ordinance protects the <b>privacy</b>\n of personal data.</p>"
        "<ol><li>data users</li><li>data subjects</li></ol></main>"
        "<footer>© 2024 Government</footer><script>var x = 1;</script></body></html>"
    )
    path = tmp_path / "en.html"
    path.write_text(page, encoding="utf-8")
    document = read_document(path, "en")
    assert document.text.splitlines() == [
        "Article 1",
        "This Ordinance protects the privacy of personal data.",
        "1. data users",
        "2. data subjects",
    ]
    assert document.encoding == "html utf-8"


def test_markdown_without_its_markup(tmp_path: Path) -> None:
    source = (
        "# 第一條\n\n本條例旨在保障**個人資料**的\n私隱。\n\n1. 資料使用者\n2. 資料當事人\n\n"
        "```\ncode is left out\n```\n\n見[附表](annex.html)。\n"
    )
    path = tmp_path / "zh.md"
    path.write_text(source, encoding="utf-8")
    document = read_document(path, "zh")
    assert document.text.splitlines() == [
        "第一條",
        "本條例旨在保障個人資料的私隱。",
        "1. 資料使用者",
        "2. 資料當事人",
        "見附表。",
    ]


def test_align_a_docx_with_a_pdf_from_the_command_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    import json

    (tmp_path / "zh.docx").write_bytes(make_docx(ZH))
    (tmp_path / "en.pdf").write_bytes(make_pdf(EN, chinese=False))
    status = main(["align", str(tmp_path / "zh.docx"), str(tmp_path / "en.pdf"), "--scorer", "lexical",
                   "--format", "jsonl", "--quiet"])  # fmt: skip
    assert status == 0
    records = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    header, beads = records[0], [r for r in records if r.get("record") == "bead"]
    assert header["settings"]["zh_encoding"] == "docx"
    assert header["settings"]["en_encoding"].startswith("pdf")
    assert header["zh"]["text"].splitlines() == ZH  # spans index the extracted text, written out
    assert [(bead["zh"], " ".join(bead["en"].split())) for bead in beads] == list(zip(ZH, EN, strict=True))


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("bad.docx", b"PK\x03\x04 not really a zip", "not a readable DOCX"),
        ("locked.docx", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(512), "encrypted DOCX"),
        ("bad.pdf", b"%PDF-1.4\nnothing else", "not a readable PDF"),
    ],
)
def test_bad_files_are_one_line_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = tmp_path / name
    path.write_bytes(data)
    with pytest.raises(InputError, match=message):
        read_document(path, "en")


def test_encrypted_and_scanned_pdfs_are_refused_with_a_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    import pypdf
    from reportlab.pdfgen import canvas

    out = io.BytesIO()
    page = canvas.Canvas(out)
    page.rect(100, 100, 300, 400, fill=1)  # an image-only page: no text layer
    page.showPage()
    page.save()
    (tmp_path / "scan.pdf").write_bytes(out.getvalue())
    with pytest.raises(InputError, match=r"no text layer.*OCR"):
        read_document(tmp_path / "scan.pdf", "en")

    writer = pypdf.PdfWriter(clone_from=io.BytesIO(make_pdf(EN, chinese=False)))
    writer.encrypt("secret", algorithm="RC4-128")
    locked = io.BytesIO()
    writer.write(locked)
    (tmp_path / "locked.pdf").write_bytes(locked.getvalue())
    assert main(["segment", str(tmp_path / "locked.pdf"), "--lang", "en"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "encrypted" in error


def test_a_missing_library_is_one_line_naming_the_extra(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import bitext.inputs

    def missing(name: str) -> None:
        raise ModuleNotFoundError(f"No module named {name!r}", name="docx")

    monkeypatch.setattr(bitext.inputs, "import_module", missing)
    path = tmp_path / "zh.docx"
    path.write_bytes(b"PK\x03\x04")
    with pytest.raises(InputError, match=r"needs the package 'docx': pip install 'bitext\[documents\]'"):
        read_document(path, "zh")


SRT_ZH = """1
00:00:01,000 --> 00:00:03,500
商湯完成策略性重組

2
00:00:04,000 --> 00:00:06,000
<i>以生成式人工智能</i>
作為主要增長動力

"""
SRT_EN = "1\r\n00:00:01,000 --> 00:00:03,500\r\nSenseTime has completed a strategic\r\n{\\an8}reorganisation.\r\n\r\n"


def test_subtitles_are_read_as_their_cues_text(tmp_path: Path) -> None:
    # A user trial: .srt files were read as text, and the cue numbers "2", "4" … became beads of their own (2 ↔ 2).
    (tmp_path / "zh.srt").write_text(SRT_ZH, encoding="utf-8")
    (tmp_path / "en.srt").write_bytes(SRT_EN.encode("utf-16"))
    zh = read_document(tmp_path / "zh.srt", "zh")
    assert zh.sentence_texts() == ["商湯完成策略性重組", "以生成式人工智能作為主要增長動力"]
    assert read_document(tmp_path / "en.srt", "en").sentence_texts() == [
        "SenseTime has completed a strategic reorganisation."
    ]
    vtt = "WEBVTT\n\nNOTE made by hand\n\nintro\n00:01.000 --> 00:03.500 align:start\nI was going to tell you\n"
    (tmp_path / "en.vtt").write_text(vtt + "\n00:00:04.000 --> 00:00:05.000\nabout the party.\n", encoding="utf-8")
    assert read_document(tmp_path / "en.vtt", "en").sentence_texts() == ["I was going to tell you", "about the party."]
    assert format_of("film.SRT", b"") == "subtitles"


UNMAPPED_PDF = Path(__file__).resolve().parent / "data" / "pdf" / "unmapped-chinese.pdf"


def test_a_pdf_whose_chinese_has_no_unicode_mapping_is_refused_not_aligned_as_its_latin_remnants(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(InputError, match=r"no Unicode mapping.*pdftotext"):
        read_document(UNMAPPED_PDF, "zh")
    assert main(["segment", str(UNMAPPED_PDF), "--lang", "zh"]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1 and "no Unicode mapping" in error


def test_a_few_unmapped_glyphs_are_read_as_spaces() -> None:
    from bitext.inputs.pdf import _refuse_unmapped

    english = "SenseTime has completed a strategic reorganization to focus on generative AI. " * 5
    _refuse_unmapped([english + "\x00" * 3], "a.pdf")  # three bullets in a page of text: read
    with pytest.raises(InputError, match="30 of the PDF's"):
        _refuse_unmapped(["0020.HK" + "\x00" * 30], "a.pdf")


BROWSER_PDF = Path(__file__).resolve().parent / "data" / "pdf" / "browser-two-pages-en.pdf"


def test_a_page_s_last_and_first_body_lines_are_not_taken_for_running_feet_and_heads() -> None:
    document = read_document(BROWSER_PDF, "en")
    assert document.furniture == ()
    sentences = [" ".join(s.text.split()) for s in document.sentences]
    # the lines at the foot of page 1 and the head of page 2 are in their sentences
    assert any(
        s.startswith("Oxford Intelligence, which originated from the University of Oxford, listed") for s in sentences
    )
    assert any(
        s.startswith("SenseTime was founded in 2014 by the late Chinese University of Hong Kong") for s in sentences
    )
