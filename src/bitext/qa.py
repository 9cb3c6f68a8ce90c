"""QA flags a translator wants to see, per bead: what to look at before trusting a bead.

Each :class:`Flag` has a level (``error``, ``warning``, ``info``), a stable code and a message in plain words.
Errors are what a reviewer must fix (a number that differs, a source sentence with no translation);
warnings are worth a look (low confidence, a name with no counterpart, a length ratio far outside this
document's own spread); info is for the record (numbers that match only after rounding).

Codes (stable; exports and ``bitext check`` use them):

=====================  =========  ==============================================================
code                   level      meaning
=====================  =========  ==============================================================
number-mismatch        error      a number on one side has no equal on the other (47億 vs 4.5 billion)
number-rounded         info       numbers agree only within 1 % (47.3億 vs 4.7 billion)
omission               error      a Chinese sentence with no English (a 1-0 bead)
addition               warning    an English sentence with no Chinese (a 0-1 bead)
low-confidence         warning    the aligner's confidence is below the threshold (0.5)
length-ratio           warning    English/Chinese length far outside the document's own distribution
entity-missing         warning    a known name on one side, its counterpart absent on the other
untranslated           warning    long Latin text in the Chinese, Han text in the English, or both sides equal
repeated-translation   warning    the same English sentence as an earlier bead, for a different Chinese one
swapped-languages      error      the Chinese side reads as English and the English as Chinese (on bead 0)
=====================  =========  ==============================================================

Everything here reads an :class:`~bitext.align.Alignment` (and optionally an entity table) and never
changes it, so the same flags appear in every export and in ``bitext check``.
"""

from __future__ import annotations

import math
import re
import statistics
import unicodedata
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Literal

from bitext.align.beads import Alignment
from bitext.entities.model import EntityTable
from bitext.resources.numbers import CHINESE_NUMERAL_VALUES, chinese_numbers, english_numbers

Level = Literal["error", "warning", "info"]
LEVELS: tuple[Level, ...] = ("error", "warning", "info")
_LEVEL_RANK = {"error": 0, "warning": 1, "info": 2}


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
    """Thresholds; the defaults suit news and literary text."""

    low_confidence: float = 0.5
    length_z: float = 3.5  # robust z-score (median/MAD of log length ratios) beyond which a bead is odd
    min_length_beads: int = 8  # fewer aligned beads than this: use a prior instead of the document's spread
    number_tolerance: float = 0.01  # relative difference still counted as the same number (rounding)
    latin_words: int = 4  # this many consecutive Latin words inside the Chinese count as untranslated
    repeated_min_chars: int = 15  # shorter repeated English sentences ("Yes.") are normal


@dataclass(frozen=True)
class QAReport:
    """All flags for one alignment, bead by bead, with the figures ``bitext check`` summarises."""

    flags: tuple[Flag, ...]
    bead_count: int
    checks: tuple[str, ...] = ()  # which checks ran (entity checks need an entity table)
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
        return [flag for flag in self.flags if _LEVEL_RANK[flag.level] <= _LEVEL_RANK[level]]


def worst_level(flags: Iterable[Flag]) -> Level | None:
    levels = [flag.level for flag in flags]
    return min(levels, key=_LEVEL_RANK.__getitem__) if levels else None


def check(alignment: Alignment, entities: EntityTable | None = None, settings: QASettings | None = None) -> QAReport:
    """Run every QA check on ``alignment``; entity checks run only when ``entities`` is given."""
    settings = settings or QASettings()
    flags: list[Flag] = []
    flags += _unaligned(alignment)
    flags += _low_confidence(alignment, settings)
    flags += _numbers(alignment, settings)
    flags += _length_ratio(alignment, settings)
    flags += _untranslated(alignment, settings)
    flags += _repeated_english(alignment, settings)
    flags += _swapped_languages(alignment)
    checks = ["unaligned", "low-confidence", "numbers", "length-ratio", "untranslated", "repeated", "languages"]
    if entities is not None:
        flags += _entities(alignment, entities)
        checks.append("entities")
    flags.sort(key=lambda f: (f.bead, _LEVEL_RANK[f.level], f.code))
    return QAReport(tuple(flags), len(alignment.beads), tuple(checks))


def review(alignment: Alignment, *, entities: bool = True) -> tuple[EntityTable | None, QAReport]:
    """Entity pairs (unless ``entities`` is false) and every QA check: what every export carries.

    The one place the CLI (``align``, ``check``) and the batch worker get their review from, so a
    document's flags are the same whichever way it was aligned."""
    from bitext import progress
    from bitext.entities import align_entities  # imported here: entity tables are heavy to load

    table = None
    if entities:
        with progress.stage("pairing names"):
            table = align_entities(alignment)
    with progress.stage("checking beads"):
        report = check(alignment, table)
    return table, report


# ---------------------------------------------------------------------------------------------------------
# Swapped sides: one document-level finding, on the first bead (see bitext.language_sides for the figures)


def _swapped_languages(alignment: Alignment) -> list[Flag]:
    from bitext.language_sides import SWAPPED_MESSAGE, looks_swapped

    if not alignment.beads or not looks_swapped(alignment.zh.text, alignment.en.text):
        return []
    return [Flag(0, "error", "swapped-languages", SWAPPED_MESSAGE)]


# ---------------------------------------------------------------------------------------------------------
# Unaligned and low-confidence beads


def _unaligned(alignment: Alignment) -> list[Flag]:
    flags = []
    for number, bead in enumerate(alignment.beads):
        if not bead.en:
            flags.append(Flag(number, "error", "omission", "Chinese text with no English translation"))
        elif not bead.zh:
            flags.append(Flag(number, "warning", "addition", "English text with no Chinese source"))
    return flags


def _low_confidence(alignment: Alignment, settings: QASettings) -> list[Flag]:
    return [
        Flag(number, "warning", "low-confidence", f"confidence {bead.score:.2f} is below {settings.low_confidence}")
        for number, bead in enumerate(alignment.beads)
        if bead.is_aligned and bead.score < settings.low_confidence
    ]


# ---------------------------------------------------------------------------------------------------------
# Numbers: every number written with digits (or a Chinese numeral with units) must have an equal on the other
# side. The other side may spell it in words (three, August, 兩成), so the pool it is looked up in is larger.

_MONTHS = {
    name: number
    for number, names in enumerate(
        (
            ("january", "jan"),
            ("february", "feb"),
            ("march", "mar"),
            ("april", "apr"),
            ("may",),
            ("june", "jun"),
            ("july", "jul"),
            ("august", "aug"),
            ("september", "sep", "sept"),
            ("october", "oct"),
            ("november", "nov"),
            ("december", "dec"),
        ),
        start=1,
    )
    for name in names
}
_ORDINALS = {
    "one": 1,
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "thirtieth": 30,
    "fortieth": 40,
    "fiftieth": 50,
    "sixtieth": 60,
    "seventieth": 70,
    "eightieth": 80,
    "ninetieth": 90,
    "hundredth": 100,
    "thousandth": 1000,
    "once": 1,
    "twice": 2,
    "double": 2,
    "doubled": 2,
    "triple": 3,
    "tripled": 3,
    "single": 1,
    "a": 1,
    "an": 1,
    "hundred": 100,
    "hundreds": 100,
    "thousand": 1000,
    "thousands": 1000,
    "million": 1e6,
    "millions": 1e6,
    "billion": 1e9,
    "billions": 1e9,
    "dozen": 12,
    "zero": 0,
    "nil": 0,
}
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_COMPOUND_ORDINAL = re.compile(
    r"\b(" + "|".join(_TENS) + r")-(first|second|third|fourth|fifth|sixth|seventh|eighth|"
    r"ninth)\b",
    re.IGNORECASE,
)
_ROMAN = re.compile(r"\b(?=[MDCLXVI]{2,8}\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_RAW_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_CLOCK = re.compile(r"(?<![0-9])([0-9]{1,2})[:.：]([0-9]{2})(?![0-9])")
_MILITARY_TIME = re.compile(r"(?<![0-9])([0-9]{2})([0-9]{2})\s*(?:GMT|UTC|hours|hrs)\b")
_SUFFIXED = re.compile(r"^[0-9][0-9,.]*\s?[A-Za-z]+$")
# Writings the shared grammar reads piece by piece, rewritten whole first: 1 萬 7000 (17,000), 6 千 (6,000),
# 420 至 390 萬 (both in 萬), 4.2-3.9 million (both in millions).
_ZH_WAN_THEN_DIGITS = re.compile(r"([0-9]+)\s*[萬万]\s*([0-9]{4})(?![0-9.])")
_ZH_ARABIC_THOUSANDS = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*千(?![萬万億亿])")
_ZH_RANGE = re.compile(r"([0-9]+(?:\.[0-9]+)?)(\s*(?:至|到|-|–|~|～)\s*)([0-9]+(?:\.[0-9]+)?)\s*([萬万億亿])")
_EN_RANGE = re.compile(
    r"([0-9]+(?:\.[0-9]+)?)(\s*(?:-|–|to)\s*)([0-9]+(?:\.[0-9]+)?)\s+(thousand|million|billion|trillion)\b"
)
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")


@dataclass(frozen=True, slots=True)
class _Found:
    value: float
    text: str  # as written, for the message
    required: bool  # written so explicitly (digits, 四十七億) that the other side must carry it
    alternatives: tuple[float, ...] = ()  # other readings (100m: 100 metres, not only 100 million)

    @property
    def values(self) -> tuple[float, ...]:
        return (self.value, *self.alternatives)


def _numbers(alignment: Alignment, settings: QASettings) -> list[Flag]:
    flags = []
    for number, bead in enumerate(alignment.beads):
        if not bead.is_aligned:
            continue
        zh = _numbers_in(alignment.zh_text(bead), "zh")
        en = _numbers_in(alignment.en_text(bead), "en")
        zh_missing, zh_rounded = _unmatched(zh, en, settings)
        en_missing, _ = _unmatched(en, zh, settings)
        if zh_missing or en_missing:
            flags.append(Flag(number, "error", "number-mismatch", _mismatch_message(zh_missing, en_missing)))
        for found, close in zh_rounded:  # reported from the Chinese side only, so once per pair
            message = f"{_describe(found)} in the Chinese matches {_plain(close)} only after rounding"
            flags.append(Flag(number, "info", "number-rounded", message))
    return flags


def _unmatched(
    ours: list[_Found], theirs: list[_Found], settings: QASettings
) -> tuple[list[_Found], list[tuple[_Found, float]]]:
    """Required numbers of ``ours`` with no equal in ``theirs``, and those equal only after rounding."""
    missing, rounded = [], []
    values = [value for found in theirs for value in found.values]
    for found in ours:
        if not found.required or any(
            math.isclose(mine, v, rel_tol=1e-9, abs_tol=1e-9) for mine in found.values for v in values
        ):
            continue
        close = [v for v in values if math.isclose(found.value, v, rel_tol=settings.number_tolerance)]
        if close:
            rounded.append((found, close[0]))
        elif found.text not in {m.text for m in missing}:
            missing.append(found)
    return missing, rounded


def _mismatch_message(zh_missing: list[_Found], en_missing: list[_Found]) -> str:
    zh = ", ".join(_describe(found) for found in zh_missing)
    en = ", ".join(_describe(found) for found in en_missing)
    if zh and en:
        return f"numbers differ: {zh} in the Chinese, {en} in the English"
    if zh:
        return f"{zh} in the Chinese {'is' if len(zh_missing) == 1 else 'are'} missing from the English"
    return f"{en} in the English {'is' if len(en_missing) == 1 else 'are'} missing from the Chinese"


_PLAIN_NUMBER = re.compile(r"[\d,.]+\s*%?")


def _describe(found: _Found) -> str:
    """The number as written, with its value when the writing alone does not show it (47億 = 4,700,000,000)."""
    if _PLAIN_NUMBER.fullmatch(found.text):
        return found.text
    return f"{found.text} (= {_plain(found.value)})"


def _plain(value: float) -> str:
    nearest = round(value)
    if abs(value - nearest) <= 1e-9 * max(1.0, abs(value)) and abs(value) < 1e16:
        return f"{nearest:,}"
    return f"{value:,.6g}"


_URL = re.compile(r"(?:https?://|www\.)\S+")


def _numbers_in(text: str, lang: str) -> list[_Found]:
    text = _URL.sub(lambda m: " " * len(m.group()), text)  # %E5%AE… in a link is no quantity
    text = _rewrite_whole_numbers(text, lang)
    found = []
    for value, written, required in number_extractor(text, lang):
        alternatives = ()
        if lang == "en" and _SUFFIXED.match(written):  # 100m, 802.11b: a unit or a version, perhaps no scale
            alternatives = (float(re.sub(r"[^0-9.]", "", written.replace(",", "")) or "nan"),)
        found.append(_Found(value, written, required and value != 0, alternatives))
    found += [_Found(value, written, False) for value, written in _lookup_only(text, lang)]
    return found


def _rewrite_whole_numbers(text: str, lang: str) -> str:
    if lang == "zh":
        text = _ZH_WAN_THEN_DIGITS.sub(lambda m: str(int(m.group(1)) * 10000 + int(m.group(2))), text)
        text = _ZH_ARABIC_THOUSANDS.sub(lambda m: _plain(float(m.group(1)) * 1000).replace(",", ""), text)
        return _ZH_RANGE.sub(lambda m: f"{m.group(1)}{m.group(4)}{m.group(2)}{m.group(3)}{m.group(4)}", text)
    return _EN_RANGE.sub(lambda m: f"{m.group(1)} {m.group(4)}{m.group(2)}{m.group(3)} {m.group(4)}", text)


def _lookup_only(text: str, lang: str) -> list[tuple[float, str]]:
    """Numbers only looked up, never required: how a translator may write the other side's number.

    Any digit run (p109, 7's), clock times both ways (12:00 = 1200 GMT), and in English month names,
    ordinals (sixteenth, twenty-fourth), scale words (a thousand years) and Roman numerals (Louis XVI);
    in Chinese single numerals (第五, 八倍, 二戰, 一號).
    """
    found = [(float(m.group()), m.group()) for m in _RAW_NUMBER.finditer(text)]
    for m in _CLOCK.finditer(text):
        found.append((float(m.group(1) + m.group(2)), m.group()))
    for m in _MILITARY_TIME.finditer(text):
        found += [(float(m.group(1)), m.group()), (float(m.group(2)), m.group())]
    if lang == "zh":
        return found + [(float(CHINESE_NUMERAL_VALUES[ch]), ch) for ch in text if ch in CHINESE_NUMERAL_VALUES]
    for word in _ENGLISH_WORD.finditer(text):
        lower = word.group().lower()
        value = _MONTHS.get(lower) or _ORDINALS.get(lower)
        if value is not None and (lower not in ("may", "mar", "a", "an") or word.group()[0].isupper()):
            found.append((float(value), word.group()))
    for m in _COMPOUND_ORDINAL.finditer(text):
        found.append((float(_TENS[m.group(1).lower()] + _ORDINALS[m.group(2).lower()]), m.group()))
    for m in _ROMAN.finditer(text):
        if m.group():  # the pattern can match nothing before letters that only look Roman (DD)
            found.append((float(_roman_value(m.group())), m.group()))
    return found


def _roman_value(numeral: str) -> int:
    total = 0
    for ch, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[ch]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total


def number_extractor(text: str, lang: str) -> list[tuple[float, str, bool]]:
    """(value, text as written, required) for each number in ``text``, read by the shared number grammar of
    :mod:`bitext.resources.numbers` (47億 → 4.7e9, 兩成 → 20 %)."""
    numbers = chinese_numbers(text) if lang == "zh" else english_numbers(text)
    result = []
    for found in numbers:
        written = text[found.start : found.end].strip()
        result.append((found.value, written, _is_explicit(written, found.value, lang)))
    return result


_HAS_DIGIT = re.compile(r"\d")
_ZH_UNITS = re.compile(r"[十拾百佰千仟萬万億亿兆〇零]")


def _is_explicit(written: str, value: float, lang: str) -> bool:
    """Digits always count; in Chinese, numerals with a unit or a zero (四十七億, 二〇二四) count too.

    Bare runs like 三四 (three or four) and English words (three, twenty) are only looked up, never required,
    because translators freely write them either way.
    """
    if _HAS_DIGIT.search(written):
        return True
    return lang == "zh" and value >= 10 and bool(_ZH_UNITS.search(written))


# ---------------------------------------------------------------------------------------------------------
# Length ratio against the document's own distribution (robust: median and MAD of log ratios)

# A prior for short documents: English runs about 3 characters per Chinese character in news text, and the
# log ratio spreads by about 0.35 (measured on the bundled corpus's gold beads).
_PRIOR_LOG_RATIO = math.log(3.0)
_PRIOR_SPREAD = 0.35
_MIN_SPREAD = 0.15  # a very regular document must not turn every small wobble into a flag
_MIN_CHARS = 12  # ratios of very short beads (headings, names) say little


def _visible_length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _length_ratio(alignment: Alignment, settings: QASettings) -> list[Flag]:
    ratios: dict[int, float] = {}
    for number, bead in enumerate(alignment.beads):
        if not bead.is_aligned:
            continue
        zh_len = _visible_length(alignment.zh_text(bead))
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


def _untranslated(alignment: Alignment, settings: QASettings) -> list[Flag]:
    flags = []
    for number, bead in enumerate(alignment.beads):
        zh = alignment.zh_text(bead)
        en = alignment.en_text(bead)
        if bead.is_aligned and _normalise(zh) and _normalise(zh) == _normalise(en):
            flags.append(Flag(number, "warning", "untranslated", "both sides are the same text"))
            continue
        for run in _LATIN_RUN.finditer(zh):
            if len(_ENGLISH_WORD.findall(run.group())) >= settings.latin_words:
                message = f"Latin text in the Chinese: {_clip(run.group())}"
                flags.append(Flag(number, "warning", "untranslated", message))
                break
        han = _HAN_RUN.search(en)
        if han:
            flags.append(Flag(number, "warning", "untranslated", f"Chinese text in the English: {_clip(han.group())}"))
    return flags


def _repeated_english(alignment: Alignment, settings: QASettings) -> list[Flag]:
    """The same English sentence translating different Chinese sentences is usually a copy-paste slip."""
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
            elif first_seen[key][1] != zh:
                message = f"same English as bead {first_seen[key][0]}, for different Chinese: {_clip(span.text)}"
                flags.append(Flag(number, "warning", "repeated-translation", message))
    return flags


def _normalise(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).casefold()
    return " ".join("".join(ch for ch in text if ch.isalnum() or ch.isspace()).split())


def _clip(text: str, limit: int = 60) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1] + "…"


# ---------------------------------------------------------------------------------------------------------
# Entities with no counterpart


def _entities(alignment: Alignment, entities: EntityTable) -> list[Flag]:
    """A known pair's Chinese form in a bead whose English lacks its English form, or the other way round."""
    forms = [(_zh_forms(pair.zh, pair.variants), _en_forms(pair.en, pair.variants), pair) for pair in entities]
    flags = []
    for number, bead in enumerate(alignment.beads):
        if not bead.is_aligned:
            continue
        zh, en = alignment.zh_text(bead), alignment.en_text(bead).casefold()
        for zh_forms, en_forms, pair in forms:
            in_zh = any(form in zh for form in zh_forms)
            in_en = any(form.casefold() in en for form in en_forms)
            if in_zh and not in_en:
                message = f"{pair.zh} is in the Chinese but {pair.en} is not in the English"
                flags.append(Flag(number, "warning", "entity-missing", message))
            elif in_en and not in_zh:
                message = f"{pair.en} is in the English but {pair.zh} is not in the Chinese"
                flags.append(Flag(number, "warning", "entity-missing", message))
    return flags


def _has_han(text: str) -> bool:
    return bool(_HAN_RUN.search(text)) or any("\u4e00" <= ch <= "\u9fff" for ch in text)


def _zh_forms(canonical: str, variants: Sequence[str]) -> list[str]:
    return [canonical] + [v for v in variants if _has_han(v)]


def _en_forms(canonical: str, variants: Sequence[str]) -> list[str]:
    return [canonical] + [v for v in variants if v and not _has_han(v)]


__all__ = ["LEVELS", "Flag", "Level", "QAReport", "QASettings", "check", "number_extractor", "worst_level"]
