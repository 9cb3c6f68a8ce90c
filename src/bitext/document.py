"""The data model every other module points into: a Document owns its text once; spans are offsets.

Whatever conversion or normalisation later steps apply for matching (OpenCC t2s, lower-casing,
number normalisation), the offsets stored here always index the *original* text, so a bead, an
entity or a QA flag can always be shown to a person exactly as it was written.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass, field
from typing import Literal

Lang = Literal["zh", "en"]


@dataclass(frozen=True, slots=True)
class Span:
    """A half-open character range ``[start, end)`` of a document's original text."""

    start: int
    end: int
    doc: Document = field(compare=False, repr=False, hash=False)

    @property
    def text(self) -> str:
        return self.doc.text[self.start : self.end]

    def __len__(self) -> int:
        return self.end - self.start

    def __str__(self) -> str:
        return self.text

    def __repr__(self) -> str:
        text = self.text
        shown = text if len(text) <= 40 else text[:39] + "…"
        return f"Span({self.start}, {self.end}, {shown!r})"


def _check_offsets(text: str, offsets: Sequence[tuple[int, int]], what: str) -> None:
    """Offsets must be ordered, non-overlapping, non-empty and inside the text."""
    previous_end = 0
    for start, end in offsets:
        if not (previous_end <= start < end <= len(text)):
            raise ValueError(f"{what} offsets ({start}, {end}) are out of order or outside the text")
        previous_end = end


@dataclass(eq=False)
class Document:
    """One side of a parallel text: the original text plus sentence and paragraph offsets.

    ``sentence_offsets`` and ``paragraph_offsets`` are ordered, non-overlapping ``(start, end)``
    pairs into ``text``. Only whitespace may lie outside every sentence (checked on construction),
    so nothing a user wrote can be silently dropped by segmentation.
    """

    text: str
    lang: Lang
    sentence_offsets: tuple[tuple[int, int], ...]
    paragraph_offsets: tuple[tuple[int, int], ...] = ()
    name: str = ""
    _sentences: tuple[Span, ...] = field(init=False, repr=False)
    _paragraphs: tuple[Span, ...] = field(init=False, repr=False)
    _sentence_paragraph: tuple[int, ...] = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.sentence_offsets = tuple((int(s), int(e)) for s, e in self.sentence_offsets)
        if not self.paragraph_offsets and self.sentence_offsets:
            self.paragraph_offsets = ((self.sentence_offsets[0][0], self.sentence_offsets[-1][1]),)
        self.paragraph_offsets = tuple((int(s), int(e)) for s, e in self.paragraph_offsets)
        _check_offsets(self.text, self.sentence_offsets, "sentence")
        _check_offsets(self.text, self.paragraph_offsets, "paragraph")
        self._check_nothing_dropped()
        self._sentences = tuple(Span(s, e, self) for s, e in self.sentence_offsets)
        self._paragraphs = tuple(Span(s, e, self) for s, e in self.paragraph_offsets)
        self._sentence_paragraph = self._assign_paragraphs()

    def _check_nothing_dropped(self) -> None:
        cursor = 0
        for start, end in self.sentence_offsets:
            if self.text[cursor:start].strip():
                raise ValueError(f"text between offsets {cursor} and {start} is in no sentence")
            cursor = end
        if self.text[cursor:].strip():
            raise ValueError(f"text after offset {cursor} is in no sentence")

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

    def span(self, start: int, end: int) -> Span:
        return Span(start, end, self)

    def sentence_texts(self) -> list[str]:
        return [s.text for s in self._sentences]

    def __len__(self) -> int:
        return len(self._sentences)

    def __iter__(self) -> Iterator[Span]:
        return iter(self._sentences)

    def __repr__(self) -> str:
        preview = self.text[:30].replace("\n", " ")
        return f"Document(lang={self.lang!r}, sentences={len(self)}, name={self.name!r}, text={preview!r}…)"
