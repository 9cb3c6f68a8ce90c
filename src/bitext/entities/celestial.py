"""Astronomical bodies: common nouns in Chinese, names in English (地球 ↔ Earth, 月球 ↔ Moon).

CC-CEDICT lists 地球, 月球 and 太陽 as common words and jieba tags them as nouns, so no candidate
source proposes them; English capitalises them when it means the body itself ("on Earth", "the
Moon"), which the entity gold's guideline counts as a place. The few bodies are listed here; a
pair needs the Chinese word and the capitalised English name in one bead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from bitext.entities.candidates import Candidate
from bitext.segment.words import Token

# Simplified Chinese → English name. (The planets are proper nouns in CC-CEDICT already.)
BODIES = {"地球": "Earth", "月球": "Moon", "月亮": "Moon", "太阳": "Sun", "银河系": "Milky Way", "银河": "Milky Way"}
SCORE = 0.9


def body_match(zh: str, en: str) -> tuple[str, float] | None:
    """(evidence, score) when the simplified ``zh`` is the body the English ``en`` names."""
    name = BODIES.get(zh)
    return (f"celestial:{name.casefold()}", SCORE) if name is not None and en == name else None


def chinese_spans(tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int) -> list[Candidate]:
    """The Chinese words of the bodies the English of the bead names with a capital."""
    wanted = {c.key for c in english}
    return [
        Candidate(t.start, t.end, text[t.start : t.end], t.simplified, sentence, "celestial", "LOC")
        for t in tokens
        if BODIES.get(t.simplified) in wanted
    ]
