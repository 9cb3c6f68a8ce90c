"""Script conversion (OpenCC) and script detection (traditional / simplified / mixed / none)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

import opencc

from bitext.errors import BitextError
from bitext.text_arguments import checked_text

# Every configuration the official OpenCC binding ships (its package data holds one JSON file for
# each; a test checks this list against the installed package so an upgrade that adds or drops one
# is noticed). s = simplified, t = OpenCC's standard traditional, tw/hk = Taiwan/Hong Kong standard
# characters, twp/hkp = also regional phrases (e.g. 软件 → 軟體), jp = Japanese shinjitai.
CONFIGS: tuple[str, ...] = (
    "s2t",
    "t2s",
    "s2tw",
    "tw2s",
    "s2hk",
    "hk2s",
    "s2twp",
    "tw2sp",
    "s2hkp",
    "hk2sp",
    "t2tw",
    "tw2t",
    "t2hk",
    "hk2t",
    "t2jp",
    "jp2t",
)
Script = Literal["traditional", "simplified", "mixed", "none"]

# to_simplified converts until nothing changes: t2s is not idempotent on every character (薴 → 苧 → 苎),
# and chains measured over all of Unicode's Han characters are at most two steps long.
_MAX_SIMPLIFY_ROUNDS = 4
# A simplified form that is also a (rarer) traditional character, e.g. 后 (皇后), 里 (公里), 干 (干擾):
# weak evidence for simplified script. Measured in docs/design.md ("Script conversion and detection").
_SHARED_FORM_WEIGHT = 0.25
# Shares of traditional evidence at or beyond which a text is called traditional / simplified.
_TRADITIONAL_SHARE = 0.8
_SIMPLIFIED_SHARE = 0.2


@cache
def _converter(config: str) -> opencc.OpenCC:
    if config.endswith(".json"):
        config = config[: -len(".json")]
    if config not in CONFIGS:
        raise BitextError(f"unknown OpenCC config {config!r}; choose one of: {', '.join(CONFIGS)}")
    return opencc.OpenCC(config)


def convert(text: str, config: str = "t2s") -> str:
    """Convert ``text`` with the OpenCC configuration ``config`` (e.g. ``t2s``, ``s2hk``, ``s2twp``).

    Text OpenCC cannot take (a lone surrogate) or the CLI refuses (NUL, control characters) raises
    :class:`~bitext.errors.InputError`; a non-``str`` a :class:`TypeError`."""
    return _converter(config).convert(checked_text(text, "text"))


def to_simplified(text: str) -> str:
    """A simplified copy of ``text`` with exactly the same length, for matching with offsets kept.

    OpenCC's t2s maps characters one to one (also inside its phrase dictionary), so offset ``i`` of
    the copy is offset ``i`` of the original. Should a dictionary ever change the length, the round
    falls back to converting character by character (still one to one) rather than return offsets
    that point at the wrong place. Converting repeats until nothing changes, so the result is
    idempotent: ``to_simplified(to_simplified(t)) == to_simplified(t)``.
    """
    current = text
    for _ in range(_MAX_SIMPLIFY_ROUNDS):
        converted = _simplify_once(current)
        if converted == current:
            break
        current = converted
    return current


# Hong Kong standard forms OpenCC's t2s leaves as they are (hk2s converts them): 衞 of 衞生署 and
# 世界衞生組織, 敍, 枱, 衹 … (the nine of all Han characters that t2s keeps and hk2s or tw2s change to
# one character, less 么 and 著, which are simplified characters themselves: 什么, 著名).
_HK_VARIANTS = str.maketrans("敍枱痺睪簷粧糭衞衹", "叙台痹睾檐妆粽卫只")


def _simplify_once(text: str) -> str:
    converted = convert(text, "t2s")
    if len(converted) == len(text):
        return converted.translate(_HK_VARIANTS)
    return "".join(simplify_char(ch) for ch in text)


@lru_cache(maxsize=65536)
def simplify_char(ch: str) -> str:
    """The simplified form of one character on its own (``ch`` itself if t2s would change the length)."""
    return _convert_char(ch, "t2s").translate(_HK_VARIANTS)


@lru_cache(maxsize=262144)
def _convert_char(ch: str, config: str) -> str:
    if config in TABULATED_CONFIGS and in_char_domain(ch):
        return single_char_conversions()[config].get(ch, ch)
    return _convert_char_now(ch, config)


def _convert_char_now(ch: str, config: str) -> str:
    converted = convert(ch, config)
    return converted if len(converted) == 1 else ch


# Configurations whose one-character conversions are read from a table cached on disk instead of from an
# OpenCC converter: script detection (s2t, s2tw, s2hk, for a text's characters that t2s leaves) and the
# Cantonese readings (s2hk, s2t). Making a converter costs 0.03-0.05 s of CPU in every process that asks.
TABULATED_CONFIGS = ("s2t", "s2tw", "s2hk")
# The characters the table answers for: the Basic Multilingual Plane without surrogates (which OpenCC
# refuses) and the planes of the CJK extensions B to H; building it converts each once per configuration
# (about 0.8 s, once per OpenCC version). Any other character is converted when asked.
CHAR_DOMAIN = ((0x0000, 0xD7FF), (0xE000, 0xFFFF), (0x20000, 0x3134F))


def in_char_domain(ch: str) -> bool:
    point = ord(ch) if len(ch) == 1 else -1
    return any(low <= point <= high for low, high in CHAR_DOMAIN)


@cache
def single_char_conversions() -> dict[str, dict[str, str]]:
    """Per configuration of ``TABULATED_CONFIGS``, each character of ``CHAR_DOMAIN`` that its conversion
    alone changes into one other character, with that character (``_convert_char_now``'s answer; a
    character absent is its own answer); keyed by OpenCC's version."""
    from bitext.resources.cache import cache_key, load_or_build

    return load_or_build("opencc-single-chars", cache_key(("opencc",), 1), _build_single_char_conversions, dict)


def _build_single_char_conversions() -> dict[str, dict[str, str]]:
    tables: dict[str, dict[str, str]] = {config: {} for config in TABULATED_CONFIGS}
    for low, high in CHAR_DOMAIN:
        for point in range(low, high + 1):
            ch = chr(point)
            for config, table in tables.items():
                converted = _convert_char_now(ch, config)
                if converted != ch:
                    table[ch] = converted
    return tables


@dataclass(frozen=True)
class ScriptGuess:
    """The detected script, a confidence in [0.5, 1], and the evidence behind it.

    ``traditional_chars`` counts characters only traditional Chinese uses; ``simplified_chars``
    counts characters that are evidence for simplified script (weighted: see :func:`detect_script`).
    """

    script: Script
    confidence: float
    traditional_chars: int
    simplified_chars: int
    han_chars: int


def detect_script(text: str) -> ScriptGuess:
    """Guess whether ``text`` is written in traditional or simplified Chinese.

    Only characters that differ between the scripts carry evidence; most Han characters are the same
    in both, so counting just the distinctive ones tells a Hong Kong source from a mainland one even
    on short texts. ``mixed`` means both kinds are frequent; ``none`` means no distinctive character.
    Weak evidence alone gives a verdict with a confidence near 0.5 (公里 alone: simplified, 0.56).

    - Traditional evidence: a character that t2s changes (說, 們, 後).
    - Simplified evidence: a character that s2t changes, *and* that s2tw and s2hk change too, so no
      traditional standard keeps it (峰 is not evidence: s2t gives 峯, but Taiwan and Hong Kong write 峰;
      温 is not: Hong Kong writes it). It counts fully if it is not a traditional character at all
      (not in Big5: 们, 说), and a quarter if it is also a rarer traditional character (后 in 皇后,
      里 in 公里, 干 in 干擾), since such a character on its own proves little.
    """
    han = [ch for ch in text if _is_han(ch)]
    traditional = sum(1 for ch in han if _traditional_only(ch))
    simplified_weights = [weight for weight in map(_simplified_weight, han) if weight]
    simplified = sum(simplified_weights)
    distinctive = traditional + simplified
    if distinctive == 0:
        return ScriptGuess("none", 1.0 if not han else 0.5, traditional, len(simplified_weights), len(han))
    share = traditional / distinctive
    if share >= _TRADITIONAL_SHARE:
        script: Script = "traditional"
        confidence = share
    elif share <= _SIMPLIFIED_SHARE:
        script = "simplified"
        confidence = 1 - share
    else:
        script = "mixed"
        confidence = 1 - abs(share - 0.5) * 2
    # Little distinctive evidence is weak evidence: pull the confidence towards a coin flip.
    weight = distinctive / (distinctive + 2)
    confidence = round(0.5 + (confidence - 0.5) * weight, 4)
    return ScriptGuess(script, confidence, traditional, len(simplified_weights), len(han))


@lru_cache(maxsize=65536)
def _traditional_only(ch: str) -> bool:
    return simplify_char(ch) != ch


@lru_cache(maxsize=65536)
def _simplified_weight(ch: str) -> float:
    if _traditional_only(ch):
        return 0.0
    if any(_convert_char(ch, config) == ch for config in ("s2t", "s2tw", "s2hk")):
        return 0.0  # not a simplified form, or one that a traditional standard writes too
    return _SHARED_FORM_WEIGHT if _in_big5(ch) else 1.0


def _in_big5(ch: str) -> bool:
    try:
        ch.encode("big5")
    except UnicodeEncodeError:
        return False
    return True


def _is_han(ch: str) -> bool:
    code = ord(ch)
    return 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0x20000 <= code <= 0x3134F
