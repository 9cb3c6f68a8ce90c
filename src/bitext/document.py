"""The data model every other module points into: a Document owns its text once; spans are offsets.

Whatever conversion or normalisation later steps apply for matching (OpenCC t2s, lower-casing,
number normalisation), the offsets stored here always index the *original* text, so a bead, an
entity or a QA flag can always be shown to a person exactly as it was written.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

import regex

Lang = Literal["zh", "en"]
# How bitext.inputs names the text of a file it extracted rather than decoded (Document.encoding).
_EXTRACTED_FORMATS = ("docx", "pdf", "html", "markdown")
# A line break (with any spaces around it) between two characters of Chinese script or punctuation.
_WRAPPED_CHINESE_BREAK = regex.compile(r"(?<=[^\x00-\x7f])[ \t]*\n\s*(?=[^\x00-\x7f])")
# A bare line break between a Chinese character and a Latin letter or digit (一臺 | QC280, 的 | Oxford): nothing
# either, as Chinese writes them; any other break inside a Chinese sentence reads as the space beside it.
_WRAPPED_CHINESE_LATIN_BREAK = regex.compile(r"(?<=[^\x00-\x7f])\n(?=[\x00-\x7f])|(?<=[\x00-\x7f])\n(?=[^\x00-\x7f])")
_OTHER_BREAK = regex.compile(r"[ \t]*\n[ \t]*")
_CUT_WORD = regex.compile(r"([A-Za-z0-9]+)\n([A-Za-z0-9]+)")


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of a document's original text."""

    start: int
    end: int
    doc: Document = field(compare=False, repr=False, hash=False)

    @property
    def text(self) -> str:
        """The span's original text; page furniture inside it (a sentence running across a page break
        holds the page number, running head and footnote between its two halves) is left out."""
        return self.doc.text_without_furniture(self.start, self.end)

    def __len__(self) -> int:
        return self.end - self.start

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        text = self.text
        shown = text if len(text) <= 40 else text[:39] + "…"
        return f"Span({self.start}, {self.end}, {shown!r})"


def _unwrapped_chinese(text: str) -> str:
    """A hard-wrapped Chinese sentence as the aligner reads it: no break between two Chinese characters, nor
    between a Chinese character and a Latin letter or digit, nor inside a number (11 | 30) or a known English word
    cut anywhere by a wrap every N characters (Intelli | gence); another break is a space (Hong | Kong, Oxford |
    Intelligence). Read thus, a sentence is as long wrapped as on one line, and its beads do not move (issue 13:
    the breaks of one long sentence, read as spaces, moved a 1-5 bead of a news document by two sentences)."""
    text = _WRAPPED_CHINESE_LATIN_BREAK.sub("", _WRAPPED_CHINESE_BREAK.sub("", text))
    if "\n" not in text:
        return text
    text = _CUT_WORD.sub(_joined_if_known, text)
    return _OTHER_BREAK.sub(" ", text) if "\n" in text else text


def _joined_if_known(match: regex.Match[str]) -> str:
    left, right = match.group(1), match.group(2)
    if left[-1].isdigit() and right[0].isdigit():
        return left + right
    from bitext.segment.hyphens import known_word

    return left + right if known_word(left + right) else f"{left} {right}"


def _check_offsets(text: str, offsets: Sequence[tuple[int, int]], what: str) -> None:
    """Offsets must be ordered, non-overlapping, non-empty and inside the text."""
    previous_end = 0
    for start, end in offsets:
        if not (previous_end <= start < end <= len(text)):
            raise ValueError(f"{what} offsets ({start}, {end}) are out of order or outside the text")
        previous_end = end


@dataclass(eq=False)
class Document:
    """One side of a parallel text: the original text plus sentence, paragraph and furniture offsets.

    ``sentence_offsets`` and ``paragraph_offsets`` are ordered, non-overlapping ``(start, end)``
    pairs into ``text``. ``furniture_offsets`` (same form) mark page furniture: page numbers, running
    heads and feet, footnote blocks; it is kept and exported but never aligned. A furniture span lies
    between sentences or wholly inside one (a sentence running across a page break), and is then no
    part of that sentence's text. Every non-whitespace character is in exactly one sentence's text or
    one furniture span (checked on construction), so nothing a user wrote can be silently dropped.

    ``encoding`` and ``layout`` say how the text was read (``"utf-16-le"``, ``"wrapped"``; empty when
    the text was given, not read), and go into every export's settings.
    """

    text: str
    lang: Lang
    sentence_offsets: tuple[tuple[int, int], ...]
    paragraph_offsets: tuple[tuple[int, int], ...] = ()
    name: str = ""
    furniture_offsets: tuple[tuple[int, int], ...] = ()
    encoding: str = ""
    layout: str = ""
    _sentences: tuple[Span, ...] = field(init=False, repr=False)
    _paragraphs: tuple[Span, ...] = field(init=False, repr=False)
    _sentence_paragraph: tuple[int, ...] = field(init=False, repr=False)
    _furniture_ends: list[int] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.sentence_offsets = tuple((int(s), int(e)) for s, e in self.sentence_offsets)
        if not self.paragraph_offsets and self.sentence_offsets:
            self.paragraph_offsets = ((self.sentence_offsets[0][0], self.sentence_offsets[-1][1]),)
        self.paragraph_offsets = tuple((int(s), int(e)) for s, e in self.paragraph_offsets)
        _check_offsets(self.text, self.sentence_offsets, "sentence")
        self.furniture_offsets = tuple((int(s), int(e)) for s, e in self.furniture_offsets)
        _check_offsets(self.text, self.paragraph_offsets, "paragraph")
        _check_offsets(self.text, self.furniture_offsets, "furniture")
        self._furniture_ends = [end for _start, end in self.furniture_offsets]
        self._check_nothing_dropped()
        self._sentences = tuple(Span(s, e, self) for s, e in self.sentence_offsets)
        self._paragraphs = tuple(Span(s, e, self) for s, e in self.paragraph_offsets)
        self._sentence_paragraph = self._assign_paragraphs()

    def _check_nothing_dropped(self) -> None:
        """Furniture lies between sentences or wholly inside one; only whitespace lies outside both."""
        sentences = self.sentence_offsets
        cursor = 0
        index = 0
        for start, end in self.furniture_offsets:
            while index < len(sentences) and sentences[index][1] <= start:
                cursor = self._check_gap(cursor, sentences[index][0], sentences[index][1])
                index += 1
            if index < len(sentences) and sentences[index][0] < end:
                s_start, s_end = sentences[index]
                if not (s_start < start and end < s_end):
                    raise ValueError(f"furniture ({start}, {end}) overlaps sentence ({s_start}, {s_end})")
                continue  # inside the sentence
            cursor = self._check_gap(cursor, start, end)
        for s_start, s_end in sentences[index:]:
            cursor = self._check_gap(cursor, s_start, s_end)
        if self.text[cursor:].strip():
            raise ValueError(f"text after offset {cursor} is in no sentence")

    def _check_gap(self, cursor: int, start: int, end: int) -> int:
        if self.text[cursor:start].strip():
            raise ValueError(f"text between offsets {cursor} and {start} is in no sentence")
        return end

    def _assign_paragraphs(self) -> tuple[int, ...]:
        result: list[int] = []
        paragraph = 0
        for start, _end in self.sentence_offsets:
            while paragraph + 1 < len(self.paragraph_offsets) and self.paragraph_offsets[paragraph][1] <= start:
                paragraph += 1
            result.append(paragraph)
        return tuple(result)

    @property
    def sentences(self) -> tuple[Span, ...]:
        return self._sentences

    @property
    def paragraphs(self) -> tuple[Span, ...]:
        return self._paragraphs

    def paragraph_of(self, sentence_index: int) -> int:
        """Index of the paragraph holding sentence ``sentence_index``."""
        return self._sentence_paragraph[sentence_index]

    @property
    def furniture(self) -> tuple[Span, ...]:
        """Page numbers, running heads and feet, footnote blocks: kept, listed in exports, not aligned."""
        return tuple(Span(s, e, self) for s, e in self.furniture_offsets)

    def text_without_furniture(self, start: int, end: int) -> str:
        """``text[start:end]`` with any furniture inside it left out (a bead whose sentences a page
        break separates shows the sentences, not the page number between them)."""
        furniture = self.furniture_offsets
        if not furniture:
            return self.text[start:end]
        first = bisect_left(self._furniture_ends, start + 1)
        pieces = []
        cursor = start
        for f_start, f_end in furniture[first:]:
            if f_start >= end:
                break
            if f_start <= start and end <= f_end:
                return self.text[start:end]  # a span of furniture itself
            pieces.append(self.text[cursor:f_start])
            cursor = max(cursor, f_end)
        pieces.append(self.text[cursor:end])
        return "".join(pieces)

    def reading_settings(self) -> dict[str, str | int]:
        """How the text was read (encoding, layout, how many furniture spans), for an alignment's settings."""
        settings: dict[str, str | int] = {
            key: value for key, value in (("encoding", self.encoding), ("layout", self.layout)) if value
        }
        if self.furniture_offsets:
            settings["furniture"] = len(self.furniture_offsets)
        return settings

    @property
    def extracted(self) -> bool:
        """Whether the text was extracted from a DOCX, PDF, HTML or Markdown file (not read as it is)."""
        return self.encoding.startswith(_EXTRACTED_FORMATS)

    def export_fields(self) -> dict[str, object]:
        """What an export lists about this side beyond its beads: the furniture (never aligned, never
        dropped) and, for an extracted document, the text every span indexes."""
        fields: dict[str, object] = {}
        if self.furniture_offsets:
            fields["furniture"] = [{"start": s, "end": e, "text": self.text[s:e]} for s, e in self.furniture_offsets]
        if self.extracted:
            fields["text"] = self.text
        return fields

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self)

    def sentence_texts(self) -> list[str]:
        """The sentences as the aligner reads them: their text (furniture left out), and in Chinese without
        the line breaks of a hard-wrapped paragraph between two Chinese characters, which would cut the
        words (a name split over two lines) that English keeps whole by its spaces. In English a word
        hyphenated at a line end is read whole (``inter-\nnational`` → ``international``, where the joined
        word is known; else ``well-known``: see :mod:`bitext.segment.hyphens`)."""
        texts = [s.text for s in self._sentences]
        if self.lang == "zh":
            return [_unwrapped_chinese(text) if "\n" in text else text for text in texts]
        if any("\n" in text for text in texts):
            from bitext.segment.hyphens import dehyphenate

            return [dehyphenate(text) for text in texts]
        return texts

    def __len__(self) -> int:
        return len(self._sentences)

    def __iter__(self) -> Iterator[Span]:
        return iter(self._sentences)

    def __repr__(self) -> str:
        preview = self.text[:30].replace("\n", " ")
        return f"Document(lang={self.lang!r}, sentences={len(self)}, name={self.name!r}, text={preview!r}…)"
