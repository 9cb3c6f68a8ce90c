"""Beads a person fixed (edited or confirmed in the review page): the gaps between them, and the stitching.

A fixed bead is kept exactly; only the sentences between two fixed beads (a *gap*, a rectangle of the
sentence grid) are aligned again, each gap on its own, and the pieces are put back in order. Every aligner
takes the same route: it is given a function that aligns one gap (see :func:`stitch`).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bitext.align.beads import Bead, BeadStatus


@dataclass(frozen=True)
class FixedBead:
    """A bead placed on the grid from node (zh_start, en_start) to (zh_end, en_end).

    Its position is kept even when a side is empty (a 1-0 bead sits between two English sentences), which a
    :class:`Bead`'s empty id tuple cannot say."""

    zh_start: int
    zh_end: int
    en_start: int
    en_end: int
    status: BeadStatus = "edited"

    def bead(self) -> Bead:
        return Bead(
            tuple(range(self.zh_start, self.zh_end)), tuple(range(self.en_start, self.en_end)), 1.0, {}, self.status
        )


@dataclass(frozen=True)
class Gap:
    """The sentences between two fixed beads: zh [zh_start, zh_end) and en [en_start, en_end)."""

    zh_start: int
    zh_end: int
    en_start: int
    en_end: int


GapAligner = Callable[[Gap], list[Bead]]


def check_fixed(fixed: Sequence[FixedBead], zh_count: int, en_count: int) -> None:
    """Fixed beads must be non-empty, inside the documents, in order and without overlap."""
    zh_at = en_at = 0
    for number, bead in enumerate(fixed):
        if bead.zh_end - bead.zh_start + bead.en_end - bead.en_start <= 0:
            raise ValueError(f"fixed bead {number} is empty")
        if bead.zh_start < zh_at or bead.en_start < en_at or bead.zh_end < bead.zh_start or bead.en_end < bead.en_start:
            raise ValueError(f"fixed bead {number} overlaps the one before it or runs backwards")
        zh_at, en_at = bead.zh_end, bead.en_end
    if zh_at > zh_count or en_at > en_count:
        raise ValueError(f"fixed beads reach sentence {zh_at}/{en_at}, the documents have {zh_count}/{en_count}")


def gaps(fixed: Sequence[FixedBead], zh_count: int, en_count: int) -> list[Gap]:
    """The rectangles before, between and after the fixed beads (possibly empty), one more than beads."""
    check_fixed(fixed, zh_count, en_count)
    corners = [(0, 0)] + [(b.zh_start, b.en_start, b.zh_end, b.en_end) for b in fixed] + [(zh_count, en_count)]
    result, zh_at, en_at = [], 0, 0
    for corner in corners[1:]:
        result.append(Gap(zh_at, corner[0], en_at, corner[1]))
        if len(corner) == 4:
            zh_at, en_at = corner[2], corner[3]
    return result


def stitch(fixed: Sequence[FixedBead], zh_count: int, en_count: int, align_gap: GapAligner) -> list[Bead]:
    """Fixed beads kept as they are, each gap aligned by ``align_gap`` (a gap with an empty side needs no
    aligner: its sentences are unaligned), in document order."""
    beads: list[Bead] = []
    for number, gap in enumerate(gaps(fixed, zh_count, en_count)):
        if gap.zh_end > gap.zh_start and gap.en_end > gap.en_start:
            beads += align_gap(gap)
        else:
            beads += [Bead((i,), (), 0.0) for i in range(gap.zh_start, gap.zh_end)]
            beads += [Bead((), (j,), 0.0) for j in range(gap.en_start, gap.en_end)]
        if number < len(fixed):
            beads.append(fixed[number].bead())
    return beads


def shifted(beads: Sequence[Bead], gap: Gap) -> list[Bead]:
    """Beads aligned on a gap's sentences alone (ids from 0), moved to the gap's place in the documents."""
    return [
        Bead(
            tuple(i + gap.zh_start for i in b.zh),
            tuple(j + gap.en_start for j in b.en),
            b.score,
            b.scores,
            b.status,
        )
        for b in beads
    ]
