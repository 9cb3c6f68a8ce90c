"""Text → Document: paragraphs, then sentences, with exact offsets into the original text."""

from __future__ import annotations

from collections.abc import Callable, Sequence

import regex

from bitext.document import Document, Lang
from bitext.segment.base import SentenceSplitter, cut_at, strip_span
from bitext.segment.labels import inline_item_starts
from bitext.segment.layout import LAYOUTS, Layout, analyse, raw_lines
from bitext.segment.registry import SPLITTERS, default_splitter_name, get_splitter, splitter_names
from bitext.text_arguments import checked_text

__all__ = [
    "LAYOUTS",
    "SPLITTERS",
    "Layout",
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
    layout: str = "auto",
    furniture: Sequence[tuple[int, int]] = (),
) -> Document:
    """Split ``text`` into paragraphs and sentences, setting page furniture aside.

    With ``presegmented`` every non-blank line is one sentence (and blank lines separate paragraphs),
    the form of Vecalign's and Bertalign's input files. ``splitter`` picks a sentence splitter by
    name (see :func:`splitter_names`) or is one; the language's default otherwise. ``layout`` says
    which line breaks are inside a paragraph (``auto``, ``lines``, ``paragraphs``, ``wrapped``; see
    :mod:`bitext.segment.layout`); page numbers, running heads and footnote blocks become the
    document's furniture, listed but not aligned; ``furniture`` adds spans known to be furniture (the
    lines a PDF sets in its margins), each extended to its whole line.
    """
    text = checked_text(text, name or "text")
    chosen = get_splitter(lang, splitter) if isinstance(splitter, str) else splitter
    if presegmented:
        sentences = _lines(text)
        paragraphs = _blank_line_paragraphs(text) or sentences
        return Document(text, lang, tuple(sentences), tuple(paragraphs), name=name)
    found = analyse(text, lang, layout, _sentence_end_test(text, chosen), known_furniture=furniture)
    masked = _mask(text, found.furniture)
    # Split with the furniture blanked out: a sentence running across a page break stays one sentence,
    # the page number and running head inside it are furniture, not part of its text.
    sentences = [
        sentence for start, end in found.paragraphs for sentence in split_paragraph(masked, start, end, chosen)
    ]
    return Document(
        text,
        lang,
        tuple(sentences),
        found.paragraphs,
        name=name,
        furniture_offsets=found.furniture,
        layout=found.description,
    )


def _sentence_end_test(text: str, splitter: SentenceSplitter) -> Callable[[int, int, int], bool]:
    def ends_sentence(start: int, end: int, cut: int) -> bool:
        return any(piece_end == cut for _, piece_end in splitter.split(text, start, end))

    return ends_sentence


def _mask(text: str, furniture: Sequence[tuple[int, int]]) -> str:
    """``text`` with furniture blanked to spaces (same length): sentences run across a page break."""
    if not furniture:
        return text
    pieces = []
    cursor = 0
    for start, end in furniture:
        pieces.append(text[cursor:start])
        pieces.append(regex.sub(r"[^\n]", " ", text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def split_paragraph(text: str, start: int, end: int, splitter: SentenceSplitter) -> list[tuple[int, int]]:
    """The splitter's sentences of one paragraph, also cut before each item of an inline list."""
    pieces = splitter.split(text, start, end)
    items = inline_item_starts(text, start, end)
    if not items:
        return pieces
    return cut_at(text, start, end, sorted({piece_end for _, piece_end in pieces} | set(items)))


def paragraph_offsets(text: str, layout: str = "auto") -> list[tuple[int, int]]:
    """Paragraphs: each line, unless the text is hard-wrapped (see :mod:`bitext.segment.layout`)."""
    return list(analyse(text, "", layout).paragraphs)


def _lines(text: str) -> list[tuple[int, int]]:
    """Every non-blank line, stripped."""
    spans = [strip_span(text, start, end) for start, end in raw_lines(text)]
    return [span for span in spans if span is not None]


def _blank_line_paragraphs(text: str) -> list[tuple[int, int]]:
    """Blocks of consecutive non-blank lines, stripped."""
    blocks: list[tuple[int, int]] = []
    block: list[tuple[int, int]] = []
    for start, end in [*raw_lines(text), (len(text), len(text))]:
        if text[start:end].strip():
            block.append((start, end))
            continue
        span = strip_span(text, block[0][0], block[-1][1]) if block else None
        if span is not None:
            blocks.append(span)
        block = []
    return blocks
