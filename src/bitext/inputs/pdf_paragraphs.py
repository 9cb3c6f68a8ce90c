"""Where a PDF's paragraphs end, from where its lines stand on the page.

A PDF's text layer has lines, not paragraphs. The layout reader (``segment/layout.py``) finds paragraph
ends in the text alone, cautiously: a line counts as ending its paragraph only when it is well short of
the text's width in characters (below 80% of it), because in plain text the width is a guess. A PDF
says more: where each line starts and how wide its text is set. A paragraph ends after a line

- followed by a wider vertical gap than the text's line spacing (space after a paragraph), or
- that stops short of the column's right edge by more than the next line's first word would have
  taken (the typesetter would have put it there), with a margin for the estimate below.

The reader marks such an end with a blank line in the extracted text (which is the document's text:
spans index it, as they index the rest of it).

Widths are estimated, not read from the fonts (a predefined CJK CMap gives no character widths, and
the standard fonts none at all): a wide (CJK) character takes one em, a space 0.3, any other character
half an em, with a margin growing with the square root of a line's other characters. Chinese lines are
mostly wide characters, so the estimate is close; Latin letters run from a fifth of an em to a whole one,
so the second test is left out on lines that are more than a quarter not CJK (the layout reader's own
rules, which do well on English, decide there).
"""

from __future__ import annotations

from dataclasses import dataclass
from itertools import pairwise
from statistics import median

import regex

_WIDE = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]")
_AMBIGUOUS = regex.compile(r"\p{East_Asian_Width=Ambiguous}")
_SPACE = regex.compile(r"[^\S\u3000]")  # the ideographic space is as wide as a character
_WIDE_EM = 1.0
_SPACE_EM = 0.3
_NARROW_EM = 0.5
_SLACK_EM = 1.0  # a line may stop up to one character short (a CJK line break rule moves one down)
_NARROW_SPREAD_EM = 0.25  # per square root of a line's narrow characters: how far the estimate may be out
_GAP_LEADINGS = 1.4  # a step this many times the line spacing is space between paragraphs
_MAX_STEP_LEADINGS = 4  # a longer step is to another column, a figure or a table: no evidence
_SIZE_TOLERANCE = 0.05  # two lines of the same text have the same size within this share
_WIDTH_PERCENTILE = 0.75  # the column's width: most lines of a page of text are full
_MIN_LINES = 4  # fewer lines say nothing about the column
_MAX_INDENT_EM = 4  # a line starting further right of the page's left edge is centred or in another column
_MAX_NARROW_SHARE = 0.25  # a line's width is estimated well enough when at most this share is not CJK


@dataclass(frozen=True)
class Run:
    """A piece of a page's extracted text as the PDF library reported it, with where it starts (in points)
    and its font size on the page."""

    text: str
    x: float
    y: float
    size: float


@dataclass(frozen=True)
class _Line:
    end: int  # offset of the line's closing newline in the page text
    left: float
    right: float
    y: float
    size: float
    narrow: int
    text: str


def paragraph_ends(texts: list[str], runs: list[list[Run]]) -> list[list[int]]:
    """For each page (its extracted text and the runs it was made of), the offsets in its text of the
    newlines that end a paragraph (see the module's docstring). A page whose runs do not add up to its
    text gets none: the geometry would be misplaced."""
    pages = [_lines(text, page_runs) for text, page_runs in zip(texts, runs, strict=True)]
    body_size = _body_size([line for page in pages if page for line in page])
    if body_size is None or body_size <= 0:
        return [[] for _ in pages]
    body = [[line for line in page if _same_size(line.size, body_size)] for page in pages if page]
    widths = sorted(
        line.right - _left_edge(page) for page in body for line in page if _measurable(line, _left_edge(page))
    )
    steps = sorted(a.y - b.y for page in body for a, b in pairwise(page) if a.y > b.y)
    if not steps:
        return [[] for _ in pages]
    # Without enough lines of CJK text the column's width is unknown: only the gaps between lines count.
    width = widths[int(_WIDTH_PERCENTILE * (len(widths) - 1))] if len(widths) >= _MIN_LINES else None
    leading = median(steps)
    return [_page_ends(page, body_size, width, leading) if page else [] for page in pages]


def _lines(text: str, runs: list[Run]) -> list[_Line] | None:
    if "".join(run.text for run in runs) != text:
        return None
    lines: list[_Line] = []
    cursor = 0
    current: list[Run] = []
    for run in runs:
        if "\n" in run.text[:-1]:
            return None
        current.append(run)
        cursor += len(run.text)
        if run.text.endswith("\n"):
            line = _line(current, cursor - 1)
            if line is not None:
                lines.append(line)
            current = []
    return lines


def _line(runs: list[Run], end: int) -> _Line | None:
    shown = [run for run in runs if run.text.strip()]
    if not shown:
        return None
    text = "".join(run.text for run in runs).strip()
    right = max(run.x + run.size * _ems(run.text.rstrip()) for run in shown)
    narrow = len(text) - len(_WIDE.findall(text)) - len(_SPACE.findall(text))
    return _Line(end, min(run.x for run in shown), right, shown[0].y, shown[0].size, narrow, text)


def _measurable(line: _Line, left: float) -> bool:
    """A line whose width the estimate gets close: mostly CJK characters, one em each (Latin letters vary
    from a fifth of an em to a whole one: "Who's" at the end of a line of Times-Roman, which "Wang" did
    not fit, was estimated to leave room for it); and starting at the page's left edge or indented from
    it (a line further right is centred or in a second column, whose width is another)."""
    return (
        line.narrow <= _MAX_NARROW_SHARE * len(line.text.replace(" ", ""))
        and line.left - left <= _MAX_INDENT_EM * line.size
    )


def _wide(ch: str) -> bool:
    return _WIDE.match(ch) is not None


def _ems(text: str) -> float:
    wide = len(_WIDE.findall(text))
    # Quotation marks, dashes and ellipses have an ambiguous width: a CJK font sets them one em wide.
    ambiguous = len(_AMBIGUOUS.findall(text)) if wide else 0
    spaces = len(_SPACE.findall(text))
    return _WIDE_EM * (wide + ambiguous) + _SPACE_EM * spaces + _NARROW_EM * (len(text) - wide - ambiguous - spaces)


def _body_size(lines: list[_Line]) -> float | None:
    """The font size most of the text is set in (by characters)."""
    weight: dict[float, int] = {}
    for line in lines:
        weight[round(line.size, 1)] = weight.get(round(line.size, 1), 0) + len(line.text)
    return max(weight, key=lambda size: weight[size]) if weight else None


def _same_size(a: float, b: float) -> bool:
    return abs(a - b) <= _SIZE_TOLERANCE * max(a, b)


def _left_edge(lines: list[_Line]) -> float:
    return min((line.left for line in lines), default=0.0)


def _page_ends(lines: list[_Line], body_size: float, width: float | None, leading: float) -> list[int]:
    body = [line for line in lines if _same_size(line.size, body_size)]
    left = _left_edge(body)
    ends = []
    for line, following in pairwise(lines):
        if not (_same_size(line.size, body_size) and _same_size(following.size, body_size)):
            continue  # a heading, a footnote, a page number: the layout reader's rules decide
        step = line.y - following.y
        if step <= 0 or step > _MAX_STEP_LEADINGS * leading:
            continue  # the next line is not below this one in the same column
        if step > _GAP_LEADINGS * leading:
            ends.append(line.end)
            continue
        first_word = following.text[:1] if _wide(following.text[0]) else following.text.split(None, 1)[0]
        needed = _ems(first_word) + (0 if _wide(first_word[0]) else _SPACE_EM)
        margin = _SLACK_EM + _NARROW_SPREAD_EM * line.narrow**0.5
        short = width is not None and width - (line.right - left) >= (needed + margin) * line.size
        if short and _measurable(line, left):
            ends.append(line.end)
    return ends
