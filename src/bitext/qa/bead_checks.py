"""Checks of one bead's shape and text: unaligned sentences, low confidence, length ratio, untranslated text, and
English repeated for different Chinese."""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from functools import lru_cache

import regex

from bitext.align.beads import Alignment
from bitext.qa.flags import Flag, QASettings

# ---------------------------------------------------------------------------------------------------------
# Unaligned and low-confidence beads


def unaligned_flags(alignment: Alignment) -> list[Flag]:
    flags = []
    for number, bead in enumerate(alignment.beads):
        if not bead.en:
            flags.append(Flag(number, "error", "omission", "Chinese text with no English translation"))
        elif not bead.zh:
            flags.append(Flag(number, "warning", "addition", "English text with no Chinese source"))
    return flags


def low_confidence_flags(alignment: Alignment, settings: QASettings) -> list[Flag]:
    return [
        Flag(number, "warning", "low-confidence", f"confidence {bead.score:.2f} is below {settings.low_confidence}")
        for number, bead in enumerate(alignment.beads)
        if bead.is_aligned and bead.score < settings.low_confidence
    ]


# ---------------------------------------------------------------------------------------------------------
# Length ratio against the document's own distribution (robust: median and MAD of log ratios)

# A prior for short documents: English runs about 3 characters per Chinese character in news text, and the
# log ratio spreads by about 0.35 (measured on the bundled corpus's gold beads).
_PRIOR_LOG_RATIO = math.log(3.0)
_PRIOR_SPREAD = 0.35
_MIN_SPREAD = 0.15  # a very regular document must not turn every small wobble into a flag
_MIN_CHARS = 12  # ratios of very short beads (headings, names) say little


_SPACE = re.compile(r"\s")
# Latin text a Chinese sentence keeps from the original: in brackets beside its transliteration (漢彌爾頓
# (Hamilton)), a second copy of what the English says once; or standing alone (Berliner, a.m.), one letter
# for one English letter, where a Chinese character stands for about three.
_BRACKETED_LATIN = regex.compile(r"[(（][^()（）\p{Han}]*\p{Latin}[^()（）\p{Han}]*[)）]")
_LATIN_LETTER = regex.compile(r"\p{Latin}")
_LATIN_IN_CHINESE_WEIGHT = 1 / 3


def _visible_length(text: str) -> int:
    return len(text) - len(_SPACE.findall(text))


def _chinese_length(text: str) -> float:
    """Visible length of a Chinese text, bracketed Latin left out and other Latin letters at a third."""
    text = _BRACKETED_LATIN.sub("", text)
    latin = len(_LATIN_LETTER.findall(text))
    return _visible_length(text) - latin * (1 - _LATIN_IN_CHINESE_WEIGHT)


def length_ratio_flags(alignment: Alignment, settings: QASettings) -> list[Flag]:
    ratios: dict[int, float] = {}
    for number, bead in enumerate(alignment.beads):
        if not bead.is_aligned:
            continue
        zh_len = _chinese_length(alignment.zh_text(bead))
        en_len = _visible_length(alignment.en_text(bead))
        if max(zh_len, en_len) >= _MIN_CHARS:
            ratios[number] = math.log((en_len + 1) / (zh_len + 1))
    if len(ratios) >= settings.min_length_beads:
        centre = statistics.median(ratios.values())
        spread = max(1.4826 * statistics.median(abs(r - centre) for r in ratios.values()), _MIN_SPREAD)
    else:
        centre, spread = _PRIOR_LOG_RATIO, _PRIOR_SPREAD
    flags = []
    for number, ratio in ratios.items():
        if abs(ratio - centre) / spread > settings.length_z:
            longer = "English" if ratio > centre else "Chinese"
            message = (
                f"the {longer} is unusually long: {math.exp(ratio):.1f} English characters per Chinese one, "
                f"{math.exp(centre):.1f} is typical in this document"
            )
            flags.append(Flag(number, "warning", "length-ratio", message))
    return flags


# ---------------------------------------------------------------------------------------------------------
# Untranslated text and repeated English

_LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’\-]*(?:[\s,;:.]+[A-Za-z][A-Za-z'’\-]*)+")
_HAN_RUN = re.compile(r"[\u3400-\u4dbf\u4e00-\u9fff\U00020000-\U0003134f]{2,}")
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")
# Lower-case words a name's run may hold between its capitalised words (Council on Foreign Relations).
_NAME_CONNECTORS = frozenset({"of", "and", "on", "for", "the", "in", "at", "to", "de", "du", "la", "von", "van"})


def _is_name_copied_into_english(run: str, english: str) -> bool:
    """A name kept in Latin letters inside the Chinese (a Hong Kong press release's "Canada-Hong Kong
    Parliamentary Friendship Group") and written the same in the English of its bead is carried over, not
    left untranslated: every word capitalised or a connector, and the run found in the English."""
    words = _ENGLISH_WORD.findall(run)
    if not all(word[0].isupper() or word.lower() in _NAME_CONNECTORS for word in words):
        return False
    folded_run = " ".join(run.split()).casefold()
    return folded_run in " ".join(english.split()).casefold()


def untranslated_flags(alignment: Alignment, settings: QASettings) -> list[Flag]:
    flags = []
    for number, bead in enumerate(alignment.beads):
        zh = alignment.zh_text(bead)
        en = alignment.en_text(bead)
        zh_key = _normalise(zh)
        if bead.is_aligned and zh_key and zh_key == _normalise(en):
            flags.append(Flag(number, "warning", "untranslated", "both sides are the same text"))
            continue
        for run in _LATIN_RUN.finditer(zh):
            if len(_ENGLISH_WORD.findall(run.group())) >= settings.latin_words and not _is_name_copied_into_english(
                run.group(), en
            ):
                message = f"Latin text in the Chinese: {_clip(run.group())}"
                flags.append(Flag(number, "warning", "untranslated", message))
                break
        han = _HAN_RUN.search(en)
        if han:
            flags.append(Flag(number, "warning", "untranslated", f"Chinese text in the English: {_clip(han.group())}"))
    return flags


# Two beads whose Chinese share at least this share of the shorter one's character pairs hold the same source
# text (a statute's "(已廢除)" under two article numbers), so the same English for both is right.
_SAME_SOURCE = 0.5


def repeated_english_flags(alignment: Alignment, settings: QASettings) -> list[Flag]:
    """The same English sentence translating different Chinese sentences is usually a copy-paste slip; the same
    English for the same Chinese (boilerplate, a statute's repeated clauses) is not."""
    first_seen: dict[str, tuple[int, str]] = {}
    flags = []
    for number, bead in enumerate(alignment.beads):
        if not bead.is_aligned:
            continue
        zh = _normalise(alignment.zh_text(bead))
        for span in alignment.en_spans(bead):
            key = _normalise(span.text)
            if len(key) < settings.repeated_min_chars:
                continue
            if key not in first_seen:
                first_seen[key] = (number, zh)
            elif not _same_source(first_seen[key][1], zh):
                message = f"same English as bead {first_seen[key][0]}, for different Chinese: {_clip(span.text)}"
                flags.append(Flag(number, "warning", "repeated-translation", message))
    return flags


def _same_source(zh: str, other: str) -> bool:
    """Equal, or one holds most of the other's character pairs (labels and article numbers aside)."""
    if zh == other:
        return True
    ours, theirs = _bigrams(zh), _bigrams(other)
    if not ours or not theirs:
        return False
    return len(ours & theirs) >= _SAME_SOURCE * min(len(ours), len(theirs))


def _bigrams(text: str) -> set[str]:
    text = text.replace(" ", "")
    return {text[k : k + 2] for k in range(len(text) - 1)}


_NOT_WORD = regex.compile(r"[^\p{L}\p{N}\s]+")


@lru_cache(maxsize=8192)
def _normalise(text: str) -> str:
    """Case-folded letters and digits, single-spaced: what two writings of one sentence share. Cached:
    the untranslated and repeated-translation checks both normalise every bead's text."""
    return " ".join(_NOT_WORD.sub("", unicodedata.normalize("NFKC", text).casefold()).split())


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"
