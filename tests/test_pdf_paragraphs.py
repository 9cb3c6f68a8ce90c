"""Paragraph ends from a PDF's line geometry (issue 14): a last line short of the column, a wider gap.

The PDFs are built here with reportlab (the library of the other PDF fixtures) so that the text rules
alone would run the paragraphs together: each paragraph's last line is over 80% of the width."""

from __future__ import annotations

import io
from pathlib import Path

import pytest

from bitext.inputs import read_document
from bitext.inputs.pdf_paragraphs import Run, paragraph_ends

pytest.importorskip("reportlab")
pytest.importorskip("pypdf")

FRAME = 439.0  # A4 less reportlab's default margins (an inch) and frame padding (6 points), in points


def make_pdf(paragraphs: list[str], *, chinese: bool, space_after: float = 0) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.cidfonts import UnicodeCIDFont
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    font = "Helvetica"
    if chinese:
        pdfmetrics.registerFont(UnicodeCIDFont("MSung-Light"))
        font = "MSung-Light"
    style = ParagraphStyle(
        "body", fontName=font, fontSize=11, leading=15, spaceAfter=space_after, wordWrap="CJK" if chinese else None
    )
    out = io.BytesIO()
    SimpleDocTemplate(out, pagesize=A4).build([Paragraph(text, style) for text in paragraphs])
    return out.getvalue()


def last_line_fill(text: str) -> float:
    """The share of the column reportlab's last line of an English paragraph fills."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    paragraph = Paragraph(text, ParagraphStyle("body", fontName="Helvetica", fontSize=11, leading=15))
    paragraph.wrap(FRAME, 800)
    return 1 - paragraph.blPara.lines[-1][0] / FRAME


# 39 characters fill a line of 11-point MSung in the frame; each paragraph is 39 + 35: its last line is
# four characters short of the column (90% of the width: the text rules take it for a full line).
ZH_PARAGRAPHS = [
    "資料使用者必須採取合理步驟保障資料。" * 3 + "本條例自公佈之日起施行並適用於全港各區。",
    "本條例旨在保障個人資料的私隱權利。" * 3 + "任何違者均須負上法律責任並可予罰款及監禁兩年。",
    "任何人不得在未經同意下收集資料。" * 3 + "違者一經定罪須負上法律責任並予罰款或監禁或兩者兼施。",
]


def paragraphs_of(document) -> list[str]:
    return ["".join(p.text.split()) for p in document.paragraphs]


def test_a_chinese_last_line_short_of_the_column_ends_its_paragraph(tmp_path: Path) -> None:
    assert all(len(p) == 74 for p in ZH_PARAGRAPHS)
    path = tmp_path / "zh.pdf"
    path.write_bytes(make_pdf(ZH_PARAGRAPHS, chinese=True))
    document = read_document(path, "zh")
    assert paragraphs_of(document) == ZH_PARAGRAPHS
    # The end is marked in the extracted text, which the spans index.
    assert document.text.count("\n\n") >= 2
    assert all(document.text[s.start : s.end] == s.text for s in document.sentences)


def test_a_full_chinese_line_does_not_end_a_paragraph(tmp_path: Path) -> None:
    # One paragraph over three lines, the first two filled: the geometry sees no end inside it.
    paragraph = "資料使用者必須採取合理步驟保障資料。" * 6 + "本條例施行。"
    path = tmp_path / "zh.pdf"
    path.write_bytes(make_pdf([paragraph, ZH_PARAGRAPHS[1]], chinese=True))
    document = read_document(path, "zh")
    assert paragraphs_of(document) == [paragraph, ZH_PARAGRAPHS[1]]


def english_paragraphs() -> list[str]:
    """Three English paragraphs whose last line fills 85-97% of the column."""
    words = (
        "A data user must take all practicable steps to ensure that personal data held are accurate "
        "having regard to the purpose for which they are used and that the data are not kept longer "
        "than is necessary for the fulfilment of that purpose including any directly related purpose"
    ).split()
    found = []
    for start in range(len(words)):
        for count in range(20, len(words) - start):
            text = " ".join(words[start : start + count]).capitalize() + "."
            if 0.85 <= last_line_fill(text) <= 0.97:
                found.append(text)
                break
        if len(found) == 3:
            return found
    raise AssertionError("no paragraph with a nearly full last line")


def test_space_after_an_english_paragraph_ends_it(tmp_path: Path) -> None:
    paragraphs = english_paragraphs()
    path = tmp_path / "en.pdf"
    path.write_bytes(make_pdf(paragraphs, chinese=False, space_after=8))
    spaced = read_document(path, "en")
    assert [" ".join(p.text.split()) for p in spaced.paragraphs] == paragraphs
    # Without the space only the text is left, and the nearly full last lines read as wrapped ones; the
    # line widths of English are not estimated closely enough to tell (see pdf_paragraphs).
    path.write_bytes(make_pdf(paragraphs, chinese=False))
    unspaced = read_document(path, "en")
    assert len(unspaced.paragraphs) < len(paragraphs)
    assert [" ".join(s.split()) for s in unspaced.sentence_texts()] == [
        " ".join(s.split()) for s in spaced.sentence_texts()
    ]


# --- paragraph_ends on runs made up here --------------------------------------------------------------


def chinese_runs(lines: list[str], *, step: float = 15.0, size: float = 11.0) -> tuple[str, list[Run]]:
    runs = [Run(line + "\n", 72.0, 800.0 - k * step, size) for k, line in enumerate(lines)]
    return "".join(run.text for run in runs), runs


def test_paragraph_ends_need_room_for_the_next_character_and_one_more() -> None:
    full = "資" * 41
    lines = [full, "料" * 38, full, "料" * 39 + "。", full, "資" * 10]
    text, runs = chinese_runs(lines)
    ends = paragraph_ends([text], [runs])[0]
    ended = [text[: end + 1].count("\n") - 1 for end in ends]
    # Three characters short: an end; two short (one of them a full stop): a line break rule may do that.
    assert ended == [1]


def test_a_wider_gap_ends_a_paragraph_and_runs_that_do_not_make_the_text_give_nothing() -> None:
    runs = [
        Run("Some English text set in a proportional font\n", 72.0, 800.0, 11.0),
        Run("continues on this line of the paragraph.\n", 72.0, 785.0, 11.0),
        Run("The next paragraph starts after a gap\n", 72.0, 762.0, 11.0),
        Run("and goes on here.\n", 72.0, 747.0, 11.0),
        Run("A last line.\n", 72.0, 732.0, 11.0),
    ]
    text = "".join(run.text for run in runs)
    assert paragraph_ends([text], [runs]) == [[text.index("paragraph.") + len("paragraph.")]]
    assert paragraph_ends([text + "more"], [runs]) == [[]]


def test_a_second_column_is_not_measured_against_the_first() -> None:
    # Two columns of 18 characters, each with a paragraph ending on its third line: lines of the right
    # column, measured from the page's left edge, would make every left-column line look short.
    left = ["資" * 18, "料" * 18, "使" * 9 + "。", "用" * 18, "者" * 18]
    right = ["必" * 18, "須" * 18, "採" * 9 + "。", "取" * 18, "合" * 18]
    runs = [Run(line + "\n", 72.0, 800.0 - k * 15, 11.0) for k, line in enumerate(left)]
    runs += [Run(line + "\n", 300.0, 800.0 - k * 15, 11.0) for k, line in enumerate(right)]
    text = "".join(run.text for run in runs)
    ends = paragraph_ends([text], [runs])[0]
    assert [text[: end + 1].count("\n") - 1 for end in ends] == [2]
