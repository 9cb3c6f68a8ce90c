"""Text → Document: paragraphs, then sentences, with exact offsets into the original text."""

from __future__ import annotations

from bitext.document import Document, Lang
from bitext.segment.base import SentenceSplitter, strip_span
from bitext.segment.registry import SPLITTERS, default_splitter_name, get_splitter, splitter_names

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
    chosen = get_splitter(lang, splitter) if isinstance(splitter, str) else splitter
    if presegmented:
        sentences = _lines(text)
        paragraphs = _blank_line_paragraphs(text) or sentences
    else:
        paragraphs = paragraph_offsets(text)
        sentences = [piece for start, end in paragraphs for piece in chosen.split(text, start, end)]
    return Document(text, lang, tuple(sentences), tuple(paragraphs), name=name)


def paragraph_offsets(text: str) -> list[tuple[int, int]]:
    """Paragraphs: each line, unless the text is hard-wrapped (then blank-line separated blocks).

    A text is taken as hard-wrapped when it has blank lines and most of its lines end without
    sentence-final punctuation, i.e. line breaks fall mid-sentence.
    """
    lines = _lines(text)
    blocks = _blank_line_paragraphs(text)
    if len(blocks) < len(lines) and _mostly_mid_sentence(text, lines, blocks):
        return blocks
    return lines


def _lines(text: str) -> list[tuple[int, int]]:
    spans = []
    cursor = 0
    for line in text.split("\n"):
        piece = strip_span(text, cursor, cursor + len(line))
        if piece is not None:
            spans.append(piece)
        cursor += len(line) + 1
    return spans


def _blank_line_paragraphs(text: str) -> list[tuple[int, int]]:
    spans = []
    cursor = 0
    for block in _split_keep_length(text):
        piece = strip_span(text, cursor, cursor + len(block))
        if piece is not None:
            spans.append(piece)
        cursor += len(block)
    return spans


def _split_keep_length(text: str) -> list[str]:
    """Split into blocks at blank lines, keeping every character (separators stay with a block)."""
    import regex

    return [block for block in regex.split(r"(?<=\n[ \t\u3000]*\n)", text) if block]


_FINAL_MARKS = tuple("。！？；…!?.:：」』”\"')）")


def _mostly_mid_sentence(text: str, lines: list[tuple[int, int]], blocks: list[tuple[int, int]]) -> bool:
    block_ends = {end for _start, end in blocks}
    inner = [(s, e) for s, e in lines if e not in block_ends]
    if not inner:
        return False
    open_lines = sum(1 for _s, e in inner if not text[e - 1].endswith(_FINAL_MARKS))
    return open_lines > 0.6 * len(inner)
