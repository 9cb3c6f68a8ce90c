"""PDF → text with pypdf (BSD-3-Clause): the text layer, page by page, pages separated by a form feed.

pypdf is pure Python (no system library, no AGPL: PyMuPDF is AGPL and pdfminer.six, MIT, was not
needed): it reads the text layer of ordinary PDFs, including Chinese set in the standard CID fonts
(MSung, STSong) with their Unicode maps. Lines come out as the page sets them, hard-wrapped, with page
numbers and running heads where the page has them: the layout reader (``segment/layout.py``) joins
the wrapped lines and sets the furniture aside, helped by the form feed after every page (as
``pdftotext`` writes it) and by the lines this reader finds in the top and bottom margins, which it
passes on as furniture (a one-page PDF's running head is told from a title only by where it stands).
Where the lines stand also shows where paragraphs end (a last line short of the column, a wider gap:
``pdf_paragraphs``); the reader marks those ends with a blank line in the text.
A PDF whose pages have no text (a scan) is refused with a hint to run OCR.
"""

from __future__ import annotations

import io
import logging
import math
import unicodedata
from dataclasses import dataclass
from itertools import pairwise
from typing import Any

from bitext.document import Lang
from bitext.errors import InputError
from bitext.inputs.base import CONTROL as _CONTROL
from bitext.inputs.base import Extracted
from bitext.inputs.pdf_paragraphs import Run, paragraph_ends
from bitext.reading import normalise_text

_MIN_PIECES = 20  # fewer pieces of text are too few to tell the body's extent
_MARGIN_LINES = 1.5  # text this many lines beyond the body's extent is in the margin
_MAX_MARGIN_CHARS = 100
_MARGIN_GAP = 2.5  # with little text: a top or bottom line this many line heights from the next
# Refused when at least this many characters, and this share of them, have no Unicode mapping.
_MIN_UNMAPPED = 10
_MAX_UNMAPPED_SHARE = 0.02


def extract(data: bytes, name: str, lang: Lang, encoding: str | None = None) -> Extracted:
    import pypdf
    from pypdf.errors import DependencyError, FileNotDecryptedError, PdfReadError

    logging.getLogger("pypdf").setLevel(logging.ERROR)  # warnings about odd but readable files are noise
    try:
        reader = pypdf.PdfReader(io.BytesIO(data))
        if reader.is_encrypted and not reader.decrypt(""):
            raise InputError(f"{name}: the PDF is encrypted with a password; decrypt it first")
        pages, margins = _pages_and_margins(reader, name)
    except InputError:
        raise
    except (FileNotDecryptedError, DependencyError):
        raise InputError(f"{name}: the PDF is encrypted with a password; decrypt it first") from None
    except (PdfReadError, ValueError, KeyError, TypeError, OSError) as error:
        raise InputError(f"{name}: not a readable PDF file ({error})") from None
    if not any(page.strip() for page in pages):
        raise InputError(f"{name}: the PDF has no text layer ({len(pages)} page(s) of images, a scan?); run OCR first")
    # A form feed after every page, the last one too: page breaks are certain, and a one-page PDF's
    # margins are as clear as a long one's.
    text = "".join(page.rstrip("\n") + "\n\f\n" for page in pages)
    return Extracted(text, f"pdf (pypdf {pypdf.__version__})", _margin_lines(text, margins))


# Fonts such as Noto CJK (embedded by Chrome, LibreOffice) give glyphs shared with a radical the radical's
# code point in the text layer: ⾏ (U+2F8F, KANGXI RADICAL WALK) where the page shows 行. Running text never
# means the radical, so each reads as the ideograph it is compatible with (one character for one).
_RADICALS = {
    code: unified
    for code in range(0x2E80, 0x2FE0)
    if len(unified := unicodedata.normalize("NFKC", chr(code))) == 1 and unified != chr(code)
} | {
    # Radicals with no NFKC form but a unified twin (Unicode's EquivalentUnifiedIdeograph.txt), those the
    # fonts above use: ⺠ CIVILIAN in 全⺠, ⻑ LONG ONE in 院⻑.
    0x2EA0: "民",
    0x2EC4: "西",
    0x2ED1: "長",
    0x2ED8: "青",
    0x2EDD: "食",
    0x2EE3: "骨",
    0x2EE4: "鬼",
    0x2EE9: "黄",
}


@dataclass
class _Piece:
    page: int
    y: float
    text: str


def _refuse_unmapped(raw_pages: list[str], name: str) -> None:
    """Refuse a PDF whose text layer is mostly glyphs without a Unicode mapping. pypdf gives such a glyph as
    a control character, NUL mostly (a font subset without a ToUnicode map: Chinese that Chromium printed
    with no Chinese font installed, measured on the bundled article: 1,902 of 2,084 characters), or as
    U+FFFD. Read as spaces, the
    Chinese would vanish and the alignment would pair the English with the digits and Latin words that
    are left, a silent loss. A few (a bullet, a dingbat) are read as spaces, as before."""
    text = "".join(raw_pages)
    unmapped = len(_CONTROL.findall(text)) + text.count("\ufffd")
    readable = sum(1 for char in text if not char.isspace()) - unmapped
    if unmapped >= _MIN_UNMAPPED and unmapped >= _MAX_UNMAPPED_SHARE * (unmapped + readable):
        raise InputError(
            f"{name}: {unmapped:,} of the PDF's {unmapped + readable:,} characters have no Unicode mapping "
            "(a font without a ToUnicode map), so its text cannot be read; extract the text with another tool "
            "(e.g. pdftotext) or run OCR, and align the text file"
        )


def _pages_and_margins(reader: Any, name: str) -> tuple[list[str], list[set[str]]]:
    """Each page's text, and the lines set in its top or bottom margin (running heads, page numbers):
    text standing more than one and a half lines above the highest or below the lowest line the body
    text reaches, or, with little text, a lone top or bottom line far from the rest. A text layer whose
    characters largely lack a Unicode mapping is refused (:func:`_refuse_unmapped`)."""
    pieces: list[_Piece] = []
    raw_pages: list[str] = []
    runs: list[list[Run]] = []
    for number, page in enumerate(reader.pages):
        runs.append([])

        def visit(text: str, cm: list[float], tm: list[float], _font: Any, size: Any, number: int = number) -> None:
            y = tm[4] * cm[1] + tm[5] * cm[3] + cm[5]
            if text.strip():
                pieces.append(_Piece(number, y, text.strip().translate(_RADICALS)))
            # Where the run starts on the page and its font size there, for the paragraph ends.
            scale = math.hypot(tm[0] * cm[0] + tm[1] * cm[2], tm[0] * cm[1] + tm[1] * cm[3])
            runs[number].append(Run(text, tm[4] * cm[0] + tm[5] * cm[2] + cm[4], y, _number(size) * scale))

        raw_pages.append(page.extract_text(visitor_text=visit) or "")
    _refuse_unmapped(raw_pages, name)
    pages = []
    for raw, ends in zip(raw_pages, paragraph_ends(raw_pages, runs), strict=True):
        # A blank line after each line the page's geometry shows to end a paragraph.
        for end in sorted(ends, reverse=True):
            raw = raw[: end + 1] + "\n" + raw[end + 1 :]
        text = normalise_text(raw).translate(_RADICALS)
        pages.append(_CONTROL.sub(" ", text))
    margins: list[set[str]] = [set() for _ in pages]
    heights = sorted(piece.y for piece in pieces)
    # The leading from each page's own lines: pages whose lines stand on different grids (text flowed
    # across pages, as a browser prints it) would interleave into steps of half a line if pooled.
    steps = sorted(
        b - a
        for number in range(len(pages))
        for a, b in pairwise(sorted({round(p.y, 1) for p in pieces if p.page == number}))
        if b - a > 1
    )
    if not steps:
        return pages, margins
    leading = steps[len(steps) // 2]
    # The body's extent: the heights left when 3% of the pieces (one at least: a one-page PDF's page
    # number) are set aside at each end. Margin lines repeated on several pages the layout reader finds
    # by their text as well.
    skip = max(1, int(0.03 * len(heights)))
    if len(heights) >= _MIN_PIECES:
        low, high = heights[skip], heights[len(heights) - 1 - skip]
        beyond = [p for p in pieces if p.y > high + _MARGIN_LINES * leading or p.y < low - _MARGIN_LINES * leading]
        # A running head or foot stands apart from its page's body; a page's first or last body line is one
        # leading from the next (a two-page PDF's full first page reaches below the trimmed extent).
        outside = [p for p in beyond if _set_apart(p, pieces, low, _MARGIN_LINES * leading)]
    else:
        # Too little text to know the body's extent: a lone top or bottom line set apart by a wide gap.
        outside = []
        for number in range(len(pages)):
            ys = sorted((p for p in pieces if p.page == number), key=lambda p: p.y)
            if len(ys) >= 3 and ys[1].y - ys[0].y > _MARGIN_GAP * leading:
                outside.append(ys[0])
            if len(ys) >= 3 and ys[-1].y - ys[-2].y > _MARGIN_GAP * leading:
                outside.append(ys[-1])
    for piece in outside:
        if len(piece.text) <= _MAX_MARGIN_CHARS:
            margins[piece.page].update(line.strip() for line in piece.text.splitlines() if line.strip())
    return pages, margins


def _set_apart(piece: _Piece, pieces: list[_Piece], low: float, gap: float) -> bool:
    """Whether ``piece`` is more than ``gap`` from the nearest text of its page on the body's side."""
    same_page = [p.y for p in pieces if p.page == piece.page and abs(p.y - piece.y) > 0.5]
    if piece.y < low:
        toward_body = [y for y in same_page if y > piece.y]
        return not toward_body or min(toward_body) - piece.y > gap
    toward_body = [y for y in same_page if y < piece.y]
    return not toward_body or piece.y - max(toward_body) > gap


def _number(value: Any) -> float:
    return float(value) if isinstance(value, int | float) else 0.0


def _margin_lines(text: str, margins: list[set[str]]) -> tuple[tuple[int, int], ...]:
    """Offsets of the lines of ``text`` (pages split at form feeds) that are their page's margin text."""
    found = []
    page = cursor = 0
    for line in text.split("\n"):
        if "\f" in line:
            page += 1
        elif page < len(margins) and line.strip() in margins[page]:
            start = cursor + line.index(line.strip())
            found.append((start, start + len(line.strip())))
        cursor += len(line) + 1
    return tuple(found)
