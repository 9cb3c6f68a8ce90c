"""The small protocol every sentence splitter implements, and the offset helpers they share."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol


class SentenceSplitter(Protocol):
    """Splits one paragraph into sentences.

    ``split(text, start, end)`` returns ordered ``(start, end)`` offsets into ``text`` that lie inside
    ``[start, end)``, are stripped of surrounding whitespace, and together cover every non-space
    character of the paragraph (nothing dropped).
    """

    name: str

    def split(self, text: str, start: int, end: int) -> list[tuple[int, int]]: ...


def strip_span(text: str, start: int, end: int) -> tuple[int, int] | None:
    """Shrink ``[start, end)`` to exclude surrounding whitespace; ``None`` if nothing remains."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end) if start < end else None


def cut_at(text: str, start: int, end: int, boundaries: Iterable[int]) -> list[tuple[int, int]]:
    """Cut ``[start, end)`` at each boundary offset and strip the pieces.

    Boundaries outside the range or out of order are ignored, so a careless splitter can move a
    boundary but never drop or repeat text.
    """
    pieces: list[tuple[int, int]] = []
    cursor = start
    for boundary in [*boundaries, end]:
        if boundary <= cursor or boundary > end:
            continue
        piece = strip_span(text, cursor, boundary)
        if piece is not None:
            pieces.append(piece)
        cursor = boundary
    return pieces


def boundaries_of_pieces(text: str, start: int, end: int, pieces: Iterable[str]) -> list[int]:
    """Offsets in ``text`` where each of ``pieces`` ends, for libraries that return strings.

    The pieces must spell the paragraph ``text[start:end]`` in order, up to whitespace (libraries
    strip or collapse it). Matching non-space characters one by one keeps offsets exact whatever
    the library did with spaces; at the first character that does not match, the remaining text is
    left as one piece rather than guessing, so a misbehaving library can merge sentences but never
    misplace text.
    """
    boundaries: list[int] = []
    cursor = start
    for piece in pieces:
        for char in piece:
            if char.isspace():
                continue
            while cursor < end and text[cursor].isspace():
                cursor += 1
            if cursor >= end or text[cursor] != char:
                return boundaries
            cursor += 1
        boundaries.append(cursor)
    return boundaries
