"""Bead and Alignment: the result of sentence alignment, pointing into both documents."""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Any, Literal

from bitext.document import Document, Span

BeadStatus = Literal["automatic", "edited", "confirmed"]
BEAD_STATUSES: tuple[BeadStatus, ...] = ("automatic", "edited", "confirmed")


@dataclass(frozen=True, slots=True)
class Bead:
    """A group of consecutive Chinese sentences aligned to consecutive English sentences.

    ``zh`` and ``en`` are sentence indices (either may be empty: an unaligned sentence). ``score``
    is a confidence in [0, 1]; ``scores`` keeps each scorer's own figure for inspection. ``status`` says who
    decided the bead: the aligner (``automatic``), or a person who ``edited`` or ``confirmed`` it in the
    review page (a corrections file, see :mod:`bitext.corrections`). Neither ``scores`` nor ``status`` is part of
    a bead's equality: the same sentences make the same bead, whoever decided it.
    """

    zh: tuple[int, ...]
    en: tuple[int, ...]
    score: float = 1.0
    scores: Mapping[str, float] = field(default_factory=dict, compare=False)
    status: BeadStatus = field(default="automatic", compare=False)

    @property
    def type(self) -> str:
        """Bead type as ``"<zh count>-<en count>"``, e.g. ``"1-2"`` or ``"0-1"``."""
        return f"{len(self.zh)}-{len(self.en)}"

    @property
    def is_aligned(self) -> bool:
        return bool(self.zh) and bool(self.en)


def _join(doc: Document, indices: Sequence[int]) -> str:
    """The original text covering the given (consecutive) sentences, whitespace between them kept
    (page furniture between them left out)."""
    if not indices:
        return ""
    return doc.text_without_furniture(doc.sentences[indices[0]].start, doc.sentences[indices[-1]].end)


@dataclass(eq=False)
class Alignment:
    """All beads for one document pair, plus a signature of the settings that produced them."""

    zh: Document
    en: Document
    beads: tuple[Bead, ...]
    settings: Mapping[str, Any] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.beads = tuple(self.beads)
        self.settings = MappingProxyType(dict(self.settings))
        check_beads(self.beads, len(self.zh), len(self.en))

    def __iter__(self) -> Iterator[Bead]:
        return iter(self.beads)

    def __len__(self) -> int:
        return len(self.beads)

    def zh_text(self, bead: Bead) -> str:
        return _join(self.zh, bead.zh)

    def en_text(self, bead: Bead) -> str:
        return _join(self.en, bead.en)

    def zh_spans(self, bead: Bead) -> list[Span]:
        return [self.zh.sentences[i] for i in bead.zh]

    def en_spans(self, bead: Bead) -> list[Span]:
        return [self.en.sentences[i] for i in bead.en]

    @property
    def signature(self) -> str:
        """Settings and versions as one line, e.g. ``bitext:0.1.0|aligner:…|scorer:…``."""
        return "|".join(f"{key}:{value}" for key, value in self.settings.items())

    def pairs(self) -> list[tuple[list[int], list[int]]]:
        """Beads as (zh ids, en ids) lists, Vecalign's shape."""
        return [(list(b.zh), list(b.en)) for b in self.beads]


def check_beads(beads: Sequence[Bead], zh_count: int, en_count: int) -> None:
    """Beads must be contiguous and monotone and use every sentence of both sides exactly once."""
    next_zh = next_en = 0
    for number, bead in enumerate(beads):
        if not bead.zh and not bead.en:
            raise ValueError(f"bead {number} is empty")
        if bead.zh and bead.zh != tuple(range(next_zh, next_zh + len(bead.zh))):
            raise ValueError(f"bead {number} has zh {bead.zh}, expected to start at {next_zh}")
        if bead.en and bead.en != tuple(range(next_en, next_en + len(bead.en))):
            raise ValueError(f"bead {number} has en {bead.en}, expected to start at {next_en}")
        next_zh += len(bead.zh)
        next_en += len(bead.en)
    if next_zh != zh_count or next_en != en_count:
        raise ValueError(f"beads cover {next_zh}/{zh_count} zh and {next_en}/{en_count} en sentences")
