"""The entity table's data model: pairs of Chinese and English names with counts, scores, evidence.

Kept apart from how pairs are found so that exports (formats/) depend only on this small model.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from bitext.align.beads import Bead

EntityType = Literal["PER", "ORG", "LOC", "MISC"]


@dataclass(frozen=True, slots=True)
class Mention:
    """One occurrence of a pair inside one bead: character offsets into each original text."""

    bead: int
    zh_start: int
    zh_end: int
    en_start: int
    en_end: int


@dataclass(frozen=True)
class EntityPair:
    """A Chinese name and its English counterpart, e.g. 商湯 ↔ SenseTime.

    ``zh`` and ``en`` are canonical forms; ``variants`` lists every Chinese surface form seen (商湯科技,
    商湯集團 …) and ``en_variants`` every English one (SenseTime’s, SenseTime's before the possessive
    is stripped are not variants; Hong Kong / HK would be). ``evidence`` names the signals that
    support the pair (e.g. ``"cedict:sensetime"``, ``"pinyin:xu li=1.00"``,
    ``"cooccurrence:dice=0.93,n=24"``, ``"identical"``). ``score`` is in [0, 1].
    """

    zh: str
    en: str
    type: EntityType
    count: int
    score: float
    evidence: tuple[str, ...]
    beads: tuple[int, ...]
    mentions: tuple[Mention, ...] = ()
    variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()


@dataclass(frozen=True)
class EntityTable:
    pairs: tuple[EntityPair, ...] = ()
    settings: dict[str, str] = field(default_factory=dict)
    # bead number -> the pairs with a mention there, built on first use: exports and QA ask for every
    # bead, and scanning all pairs for each was beads × pairs (2.4 s of a 10,000-sentence document)
    _by_bead: dict[int, list[EntityPair]] = field(default_factory=dict, init=False, repr=False, compare=False)

    def __iter__(self) -> Iterator[EntityPair]:
        return iter(self.pairs)

    def __len__(self) -> int:
        return len(self.pairs)

    def for_bead(self, bead: int | Bead) -> list[EntityPair]:
        """Pairs with at least one mention in ``bead``: a bead number, or a :class:`Bead` of the alignment."""
        if not isinstance(bead, int):
            if bead.index is None:
                raise ValueError("this Bead belongs to no Alignment (its index is None): pass its number instead")
            bead = bead.index
        if self.pairs and not self._by_bead:
            for pair in self.pairs:
                for number in dict.fromkeys(pair.beads):
                    self._by_bead.setdefault(number, []).append(pair)
        return list(self._by_bead.get(bead, ()))
