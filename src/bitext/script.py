"""Script conversion (OpenCC) and script detection (traditional / simplified / mixed / none)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import opencc

from bitext.errors import BitextError

# Every configuration the OpenCC project ships (the official binding has all of them).
CONFIGS: tuple[str, ...] = (
    "s2t", "t2s", "s2tw", "tw2s", "s2hk", "hk2s", "s2twp", "tw2sp", "t2tw", "hk2t", "t2hk", "t2jp", "jp2t",
    "tw2t",
)
Script = Literal["traditional", "simplified", "mixed", "none"]


@cache
def _converter(config: str) -> opencc.OpenCC:
    if config.endswith(".json"):
        config = config[: -len(".json")]
    if config not in CONFIGS:
        raise BitextError(f"unknown OpenCC config {config!r}; choose one of: {', '.join(CONFIGS)}")
    return opencc.OpenCC(config)


def convert(text: str, config: str = "t2s") -> str:
    """Convert ``text`` with the OpenCC configuration ``config`` (e.g. ``t2s``, ``s2hk``, ``s2twp``)."""
    return _converter(config).convert(text)


def to_simplified(text: str) -> str:
    """A simplified copy of ``text`` with exactly the same length, for matching with offsets kept.

    OpenCC's t2s maps characters one to one, so offsets into the copy are offsets into the
    original. Should a dictionary ever change the length, fall back to converting character by
    character (still one to one) rather than return offsets that point at the wrong place.
    """
    converted = convert(text, "t2s")
    if len(converted) == len(text):
        return converted
    return "".join(_simplify_char(ch) for ch in text)


@lru_cache(maxsize=65536)
def _simplify_char(ch: str) -> str:
    converted = convert(ch, "t2s")
    return converted if len(converted) == 1 else ch


@dataclass(frozen=True)
class ScriptGuess:
    script: Script
    confidence: float
    traditional_chars: int
    simplified_chars: int
    han_chars: int


def detect_script(text: str) -> ScriptGuess:
    """Guess whether ``text`` is written in traditional or simplified Chinese.

    Only characters that differ between the scripts carry evidence: a character that t2s changes is
    traditional-only, one that s2t changes is simplified-only. Most Han characters are the same in
    both, so counting just the distinctive ones separates a Hong Kong source from a mainland one even
    on short texts. ``mixed`` means both kinds are frequent; ``none`` means no distinctive character.
    """
    han = [ch for ch in text if _is_han(ch)]
    traditional = sum(1 for ch in han if _simplify_char(ch) != ch)
    simplified = sum(1 for ch in han if _traditionalise_char(ch) != ch and _simplify_char(ch) == ch)
    distinctive = traditional + simplified
    if distinctive == 0:
        return ScriptGuess("none", 1.0 if not han else 0.5, 0, 0, len(han))
    share = traditional / distinctive
    if share >= 0.8:
        script: Script = "traditional"
        confidence = share
    elif share <= 0.2:
        script = "simplified"
        confidence = 1 - share
    else:
        script = "mixed"
        confidence = 1 - abs(share - 0.5) * 2
    # Few distinctive characters are weak evidence: pull the confidence towards a coin flip.
    weight = distinctive / (distinctive + 2)
    return ScriptGuess(script, round(0.5 + (confidence - 0.5) * weight, 4), traditional, simplified, len(han))


@lru_cache(maxsize=65536)
def _traditionalise_char(ch: str) -> str:
    converted = convert(ch, "s2t")
    return converted if len(converted) == 1 else ch


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3134F
