"""The small protocol every sentence splitter implements."""

from __future__ import annotations

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


def cut_at(text: str, start: int, end: int, boundaries: list[int]) -> list[tuple[int, int]]:
    """Cut ``[start, end)`` at each boundary offset and strip the pieces."""
    pieces: list[tuple[int, int]] = []
    cursor = start
    for boundary in [*boundaries, end]:
        piece = strip_span(text, cursor, boundary)
        if piece is not None:
            pieces.append(piece)
        cursor = boundary
    return pieces
