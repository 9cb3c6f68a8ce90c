"""Text → Document: paragraphs, then sentences, with exact offsets into the original text."""

from __future__ import annotations

from itertools import pairwise

import regex

from bitext.document import Document, Lang
from bitext.segment.base import SentenceSplitter, strip_span
from bitext.segment.registry import SPLITTERS, default_splitter_name, get_splitter, splitter_names
from bitext.text_arguments import checked_text

__all__ = [
    "SPLITTERS",
    "SentenceSplitter",
    "default_splitter_name",
    "get_splitter",
    "paragraph_offsets",
    "segment",
    "splitter_names",
]


def segment(
    text: str,
    lang: Lang,
    *,
    presegmented: bool = False,
    name: str = "",
    splitter: str | SentenceSplitter = "",
) -> Document:
    """Split ``text`` into paragraphs and sentences.

    With ``presegmented`` every non-blank line is one sentence (and blank lines separate paragraphs),
    the form of Vecalign's and Bertalign's input files. ``splitter`` picks a sentence splitter by
    name (see :func:`splitter_names`) or is one; the language's default otherwise.
    """
    text = checked_text(text, name or "text")
    chosen = get_splitter(lang, splitter) if isinstance(splitter, str) else splitter
    if presegmented:
        sentences = _lines(text)
        paragraphs = _blank_line_paragraphs(text) or sentences
    else:
        paragraphs = paragraph_offsets(text)
        sentences = [piece for start, end in paragraphs for piece in chosen.split(text, start, end)]
    return Document(text, lang, tuple(sentences), tuple(paragraphs), name=name)


def paragraph_offsets(text: str) -> list[tuple[int, int]]:
    """Paragraphs: each line, unless the text is hard-wrapped.

    Most documents put one paragraph on a line. A hard-wrapped text (e-mail, plain-text books, text
    pulled out of a PDF) breaks lines at a fixed width instead, mid-sentence; its paragraphs end at a
    blank line, before an indented line or after a line that stops well short of the width.
    """
    lines = _raw_lines(text)
    width = _wrap_width(text, lines)
    if width is None:
        return _lines(text)
    return _wrapped_paragraphs(text, lines, width)


def _lines(text: str) -> list[tuple[int, int]]:
    """Every non-blank line, stripped."""
    spans = [strip_span(text, start, end) for start, end in _raw_lines(text)]
    return [span for span in spans if span is not None]


def _raw_lines(text: str) -> list[tuple[int, int]]:
    spans = []
    cursor = 0
    for line in text.split("\n"):
        spans.append((cursor, cursor + len(line)))
        cursor += len(line) + 1
    return spans


def _blank_line_paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks of consecutive non-blank lines, stripped."""
    blocks: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []
    for start, end in [*_raw_lines(text), (len(text), len(text))]:
        if text[start:end].strip():
            block.append((start, end))
            continue
        span = strip_span(text, block[0][0], block[-1][1]) if block else None
        if span is not None:
            blocks.append(span)
        block = []
    return blocks


# Characters a line ends with when its last sentence is complete.
_FINAL_MARKS = tuple("。！？；…!?.:：」』”\"')）")
_MIN_WRAP_COLUMNS = 50  # hard wraps are at 60-80 columns; subtitles and lists are narrower
_MIN_WRAPPED_LINES = 3  # fewer lines are no evidence of wrapping (a title over a sentence is not)
_NEAR_WIDTH = 0.8  # a wrapped line fills at least this share of the width (words are short)


def _wrap_width(text: str, lines: list[tuple[int, int]]) -> int | None:
    """The width (in display columns) a hard-wrapped text is wrapped at, or ``None`` if it is not.

    The width is the 90th percentile of line widths. Among the lines that reach close to it and are
    followed by another line of the same block, most end mid-sentence when the text is wrapped; when
    each line is a paragraph they end with a full stop. Subtitles and lists are too narrow to count.
    """
    if len(lines) <= _MIN_WRAPPED_LINES:
        return None
    contents = [text[start:end].strip() for start, end in lines]
    widths = sorted(_columns(content) for content in contents if content)
    if not widths:
        return None
    width = widths[min(len(widths) - 1, int(0.9 * len(widths)))]
    if width < _MIN_WRAP_COLUMNS:
        return None
    long_inner = [
        content
        for content, following in pairwise(contents)
        if content and following and _columns(content) >= _NEAR_WIDTH * width
    ]
    wrapped = [content for content in long_inner if not content.endswith(_FINAL_MARKS)]
    if len(wrapped) < _MIN_WRAPPED_LINES or 2 * len(wrapped) <= len(long_inner):
        return None
    return width


_WIDE_RUN = regex.compile(r"[\p{East_Asian_Width=Wide}\p{East_Asian_Width=Fullwidth}]+")


def _columns(line: str) -> int:
    """Display width: CJK characters take two columns, as in the editor that wrapped the text."""
    return len(line) + sum(map(len, _WIDE_RUN.findall(line)))


def _wrapped_paragraphs(text: str, lines: list[tuple[int, int]], width: int) -> list[tuple[int, int]]:
    indents = [_indent(text, start, end) for start, end in lines if text[start:end].strip()]
    base_indent = min(indents)
    paragraphs: list[tuple[int, int]] = []
    current: list[tuple[int, int]] = []

    def close() -> None:
        span = strip_span(text, current[0][0], current[-1][1]) if current else None
        if span is not None:
            paragraphs.append(span)
        current.clear()

    for start, end in lines:
        content = text[start:end].strip()
        if not content:
            close()
            continue
        if current and _indent(text, start, end) > base_indent:
            close()  # an indented first line starts a paragraph
        current.append((start, end))
        if _columns(content) < _NEAR_WIDTH * width:
            close()  # a line that stops short of the width ends its paragraph
    close()
    return paragraphs


def _indent(text: str, start: int, end: int) -> int:
    line = text[start:end]
    return len(line) - len(line.lstrip())
