"""What the checks return: flags with a level and a stable code, the settings, and the report of one alignment."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import Literal

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
LEVEL_RANK: dict[str, int] = {"error": 0, "warning": 1, "info": 2}

# Every code a check can give, with its level (the table in the package docstring says what each means).
CODES: dict[str, Level] = {
    "number-mismatch": "error",
    "number-rounded": "info",
    "omission": "error",
    "addition": "warning",
    "low-confidence": "warning",
    "length-ratio": "warning",
    "entity-missing": "warning",
    "untranslated": "warning",
    "repeated-translation": "warning",
    "swapped-languages": "error",
    "moved": "warning",
}


@dataclass(frozen=True, slots=True)
class Flag:
    """One thing a reviewer should look at in bead number ``bead``."""

    bead: int
    level: Level
    code: str
    message: str

    def __str__(self) -> str:
        return f"{self.level} {self.code}: {self.message}"


@dataclass(frozen=True)
class QASettings:
    """Thresholds; the defaults suit news and literary text. ``ignore`` holds codes never to report."""

    low_confidence: float = 0.5
    length_z: float = 3.5  # robust z-score (median/MAD of log length ratios) beyond which a bead is odd
    min_length_beads: int = 8  # fewer aligned beads than this: use a prior instead of the document's spread
    number_tolerance: float = 0.01  # relative difference still counted as the same number (rounding)
    latin_words: int = 4  # this many consecutive Latin words inside the Chinese count as untranslated
    repeated_min_chars: int = 15  # shorter repeated English sentences ("Yes.") are normal
    moved_confidence: float = 0.8  # beads below this are searched for a moved sentence's translation
    ignore: frozenset[str] = frozenset()

    def __post_init__(self) -> None:
        unknown = sorted(set(self.ignore) - set(CODES))
        if unknown:
            raise ValueError(f"unknown QA code {', '.join(unknown)}; known codes: {', '.join(CODES)}")


def parse_codes(text: str) -> frozenset[str]:
    """``"entity-missing,length-ratio"`` → the set of codes; ValueError naming the known codes otherwise."""
    codes = frozenset(code.strip() for code in text.split(",") if code.strip())
    unknown = sorted(codes - set(CODES))
    if unknown or not codes:
        shown = ", ".join(unknown) if unknown else repr(text)
        raise ValueError(f"unknown QA code {shown}; known codes: {', '.join(CODES)}")
    return codes


@dataclass(frozen=True)
class QAReport:
    """All flags for one alignment, bead by bead, with the figures ``bitext check`` summarises."""

    flags: tuple[Flag, ...]
    bead_count: int
    checks: tuple[str, ...] = ()  # which checks ran (entity checks need an entity table)
    ignored: tuple[str, ...] = ()  # codes left out on request (QASettings.ignore)
    _by_bead: dict[int, list[Flag]] = field(default_factory=dict, repr=False, compare=False)

    def __post_init__(self) -> None:
        for flag in self.flags:
            self._by_bead.setdefault(flag.bead, []).append(flag)

    def for_bead(self, bead: int) -> list[Flag]:
        return list(self._by_bead.get(bead, ()))

    @property
    def flagged_beads(self) -> list[int]:
        return sorted(self._by_bead)

    def count(self, level: Level) -> int:
        return sum(1 for flag in self.flags if flag.level == level)

    def by_code(self) -> Counter[str]:
        return Counter(flag.code for flag in self.flags)

    @property
    def has_errors(self) -> bool:
        return self.count("error") > 0

    def at_least(self, level: Level) -> list[Flag]:
        """Flags of ``level`` or more serious."""
        return [flag for flag in self.flags if LEVEL_RANK[flag.level] <= LEVEL_RANK[level]]


def worst_level(flags: Iterable[Flag]) -> Level | None:
    levels = [flag.level for flag in flags]
    if not levels:
        return None
    return min(levels, key=LEVEL_RANK.__getitem__)
