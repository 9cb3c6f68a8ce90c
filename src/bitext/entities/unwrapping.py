"""The entity step reads a hard-wrapped document as its paragraphs would read on one line each.

Issue 13's property: hard-wrapping a document's lines leaves its entity table unchanged. Reading the
wrapped text itself, every rule that looks at the text around a mention had to know a line's break:
a bracketed acronym after "intelligence\\n(GenAI)", a Latin name cut anywhere by a Chinese wrap every N
characters (源自牛津大學的Oxf | ord Intelligence), a bracketed original "(Glo\\nria Estefan)", a dotted name
"亞倫·伊瓦 | 拉". Instead, each line break inside a sentence is read away before the names are searched,
as the text reads unwrapped, and the mentions' offsets are moved back onto the text as written:

- Chinese: a break between two Chinese characters (or Chinese punctuation) is nothing; a break with a
  space beside it is that space (a cut every N characters keeps the text's own space at a line's edge:
  "Oxford" | " Intelligence"); a break between two digits is nothing (2 | 022年); a bare break between two
  Latin letters or digits is nothing when the English side writes the joined run as one word (Oxf | ord:
  Oxford), else the space a word-wrapping tool replaced (Hong | Kong); any other bare break (的 | Oxford)
  is nothing.
- English: a break is one space; after a line-end hyphen it is what :func:`bitext.segment.hyphens.dehyphenate`
  reads (inter- | national → international, well- | known → well-known).

A document with no line break inside a sentence is read as it is (no copy). Breaks that touch page
furniture stay as they are.
"""

from __future__ import annotations

import bisect
from collections.abc import Sequence
from dataclasses import dataclass, replace

import regex

from bitext.align.beads import Alignment
from bitext.document import Document
from bitext.entities.model import EntityTable, Mention

_BREAK = regex.compile(r"[ \t]*\r?\n[ \t]*")
_LATIN_OR_DIGIT = regex.compile(r"[\p{Latin}\d]")
_RUN_BEFORE = regex.compile(r"(?r)[\p{Latin}\d]+")
_RUN_AFTER = regex.compile(r"[\p{Latin}\d]+")
_LATIN_RUN = regex.compile(r"[\p{Latin}\d]+")
_HYPHENS = "-\u00ad"


@dataclass(frozen=True)
class _Reading:
    """A document's text as the entity step reads it, and for each of its characters (and its end) the
    offset in the text as written."""

    document: Document
    original: tuple[int, ...]

    def back(self, start: int, end: int) -> tuple[int, int]:
        """A span of the reading as a span of the text as written."""
        return self.original[start], self.original[end - 1] + 1 if end > start else self.original[start]


def read_unwrapped(alignments: Sequence[Alignment]) -> tuple[list[Alignment], list[tuple[_Reading, _Reading] | None]]:
    """Each alignment with its documents read unwrapped (the same object where neither has a break inside a
    sentence), and per alignment the two readings to move offsets back with (None where nothing changed)."""
    read: list[Alignment] = []
    readings: list[tuple[_Reading, _Reading] | None] = []
    for alignment in alignments:
        zh, en = alignment.zh, alignment.en
        if not (_breaks_inside_sentences(zh) or _breaks_inside_sentences(en)):
            read.append(alignment)
            readings.append(None)
            continue
        english_words = frozenset(word.casefold() for word in _LATIN_RUN.findall(en.text))
        pair = (_reading(zh, english_words), _reading(en, english_words))
        read.append(Alignment(pair[0].document, pair[1].document, alignment.beads, alignment.settings))
        readings.append(pair)
    return read, readings


def moved_back(table: EntityTable, readings: tuple[_Reading, _Reading] | None) -> EntityTable:
    """``table`` with its mentions' offsets on the texts as written."""
    if readings is None:
        return table
    zh, en = readings

    def back(mention: Mention) -> Mention:
        zh_start, zh_end = zh.back(mention.zh_start, mention.zh_end)
        en_start, en_end = en.back(mention.en_start, mention.en_end)
        return Mention(mention.bead, zh_start, zh_end, en_start, en_end)

    pairs = tuple(replace(pair, mentions=tuple(map(back, pair.mentions))) for pair in table.pairs)
    return EntityTable(pairs, dict(table.settings))


def _breaks_inside_sentences(doc: Document) -> bool:
    return any("\n" in doc.text[start:end] for start, end in doc.sentence_offsets)


def _reading(doc: Document, english_words: frozenset[str]) -> _Reading:
    text = doc.text
    furniture = sorted(doc.furniture_offsets)
    # (start, end, replacement) for every break read away, in text order
    edits: list[tuple[int, int, str]] = []
    for start, end in doc.sentence_offsets:
        for match in _BREAK.finditer(text, start, end):
            if match.start() == start or match.end() == end or _touches(furniture, match.start(), match.end()):
                continue
            edit = _chinese_break(text, match, english_words) if doc.lang == "zh" else _english_break(text, match)
            if edit is not None:
                edits.append(edit)
    pieces: list[str] = []
    original: list[int] = []
    cursor = 0
    for start, end, replacement in edits:
        pieces.append(text[cursor:start])
        original.extend(range(cursor, start))
        pieces.append(replacement)
        original.extend([start] * len(replacement))  # a space stands where the break began
        cursor = end
    pieces.append(text[cursor:])
    original.extend(range(cursor, len(text) + 1))  # and the end of the text
    new_text = "".join(pieces)
    moved = _Mover(original)

    def spans(offsets: Sequence[tuple[int, int]]) -> tuple[tuple[int, int], ...]:
        return tuple((moved(start), moved(end)) for start, end in offsets)

    document = Document(
        new_text,
        doc.lang,
        spans(doc.sentence_offsets),
        spans(doc.paragraph_offsets),
        doc.name,
        spans(doc.furniture_offsets),
        doc.encoding,
        doc.layout,
    )
    return _Reading(document, tuple(original))


@dataclass(frozen=True)
class _Mover:
    """An offset of the text as written as one of the reading: the first character kept at or after it."""

    original: list[int]

    def __call__(self, offset: int) -> int:
        return bisect.bisect_left(self.original, offset)


def _touches(furniture: Sequence[tuple[int, int]], start: int, end: int) -> bool:
    index = bisect.bisect_left(furniture, (end + 1,))
    return any(f_start <= end and start <= f_end for f_start, f_end in furniture[max(0, index - 2) : index])


def _chinese_break(text: str, match: regex.Match[str], english_words: frozenset[str]) -> tuple[int, int, str]:
    start, end = match.span()
    before, after = text[start - 1], text[end]
    if not before.isascii() and not after.isascii():
        return start, end, ""  # 全國人民 | 代表大會
    if match.group() != "\n" and match.group() != "\r\n":
        return start, end, " "  # "Oxford" | " Intelligence": the text's own space
    if before.isdigit() and after.isdigit():
        return start, end, ""  # 2 | 022年
    if _LATIN_OR_DIGIT.match(before) and _LATIN_OR_DIGIT.match(after):
        left = _RUN_BEFORE.match(text, 0, start)
        right = _RUN_AFTER.match(text, end)
        joined = (left.group() if left else "") + (right.group() if right else "")
        return start, end, "" if joined.casefold() in english_words else " "  # Oxf | ord; Hong | Kong
    return start, end, ""  # 的 | Oxford


def _english_break(text: str, match: regex.Match[str]) -> tuple[int, int, str] | None:
    start, end = match.span()
    if text[start - 1] in _HYPHENS and start >= 2 and text[start - 2].isalpha() and text[end].isalnum():
        from bitext.segment.hyphens import known_word

        hyphen = start - 1
        left = _RUN_BEFORE.match(text, 0, hyphen)
        right = _RUN_AFTER.match(text, end)
        joined = (left.group() if left else "") + (right.group() if right else "")
        if text[hyphen] == "\u00ad" or (text[end].islower() and known_word(joined)):
            return hyphen, end, ""  # inter- | national: international
        return start, end, ""  # well- | known: well-known
    return start, end, " "
