"""Numbers in Chinese and English text, normalised to comparable values (anchors for alignment).

``47億`` and ``4.7 billion`` both become 4.7e9; ``百分之四十五點六`` and ``45.6%`` both become the
percentage 45.6; ``兩成`` is 20 %; ``2024年`` is 2024; ``HK$139 billion`` is 1.39e11. cn2an was tried
first but drops signs and mis-parses ``百分之…點…``, so Chinese numerals are parsed here (a small,
exact grammar: digits, 十/百/千 inside a section, 萬/億/兆 between sections, 點 for decimals).
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Literal

import regex

Kind = Literal["number", "percent"]

_DIGITS = {
    "零": 0,
    "〇": 0,
    "○": 0,
    "一": 1,
    "二": 2,
    "兩": 2,
    "两": 2,
    "三": 3,
    "四": 4,
    "五": 5,
    "六": 6,
    "七": 7,
    "八": 8,
    "九": 9,
    "壹": 1,
    "貳": 2,
    "贰": 2,
    "參": 3,
    "叁": 3,
    "肆": 4,
    "伍": 5,
    "陸": 6,
    "陆": 6,
    "柒": 7,
    "捌": 8,
    "玖": 9,
}
_SMALL_UNITS = {"十": 10, "拾": 10, "百": 100, "佰": 100, "千": 1000, "仟": 1000}
_BIG_UNITS = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8, "兆": 10**12}
_ZH_NUMERAL_CHARS = "".join(_DIGITS) + "".join(_SMALL_UNITS) + "".join(_BIG_UNITS) + "點点"
# Each Chinese numeral character's own value (二 2, 百 100, 萬 10,000), for looking numbers up one character at a time.
CHINESE_NUMERAL_VALUES: dict[str, int] = {**_DIGITS, **_SMALL_UNITS, **_BIG_UNITS}
_EN_SCALES = {
    "thousand": 1e3,
    "million": 1e6,
    "mn": 1e6,
    "m": 1e6,
    "billion": 1e9,
    "bn": 1e9,
    "b": 1e9,
    "trillion": 1e12,
    "tn": 1e12,
    "k": 1e3,
}
_EN_WORDS = {
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "thousand": 1000,
    "million": 1e6,
    "billion": 1e9,
    "dozen": 12,
    "half": 0.5,
}

# Arabic numbers (full-width digits folded first), optionally followed by a Chinese big unit or 成 / %.
_FULL_WIDTH = str.maketrans("０１２３４５６７８９．，％", "0123456789.,%")
_ZH_ARABIC = regex.compile(r"(?<![\p{Latin}\d.])([-−]?\d+(?:,\d{3})*(?:\.\d+)?)\s*([萬万億亿兆]*)\s*(%|成)?")
_ZH_PERCENT_WORDS = regex.compile(
    r"百分之([" + _ZH_NUMERAL_CHARS + r"]+)|([" + _ZH_NUMERAL_CHARS + r"]+)成(?![員员功為为就立])"
)
_ZH_NUMERAL_RUN = regex.compile(r"[" + _ZH_NUMERAL_CHARS + r"]+")
_EN_NUMBER = regex.compile(
    r"(?<![\p{Latin}\d.])([-−]?\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:\s*(thousand|million|billion|trillion|mn|bn|tn)\b|(?<=\d)(bn|mn|tn|m|b|k)\b)?"
    r"(?:\s*(%|per\s*cent|percent))?",
    regex.IGNORECASE,
)
_EN_WORD_NUMBER = regex.compile(r"\b(" + "|".join(sorted(_EN_WORDS, key=len, reverse=True)) + r")\b", regex.I)
# Runs that are words, not numbers: 萬一 (in case), 一一 (one by one), 千萬 (by all means) and their kin.
_NOT_NUMBERS = {"萬一", "万一", "一一", "千萬", "千万", "十分", "一二", "萬萬", "万万", "百萬", "百万"}


@dataclass(frozen=True, slots=True)
class Number:
    """A number found in text: its value, whether it is a percentage, and where it was written."""

    value: float
    kind: Kind
    start: int
    end: int

    @property
    def key(self) -> str:
        """A comparable form: the same quantity written in either language gives the same key."""
        return f"{'%' if self.kind == 'percent' else '#'}{_canonical(self.value)}"


def _canonical(value: float) -> str:
    rounded = float(f"{value:.6g}")
    return str(int(rounded)) if rounded == int(rounded) else repr(rounded)


def parse_chinese_numeral(text: str) -> float | None:
    """Value of a Chinese numeral such as 一百三十九億, 四十五點六, 兩萬零五百, 二〇二四; None if not one.

    A run of bare digits without units (二〇二四) is read digit by digit, as years are written.
    """
    if not text:
        return None
    integer_part, _, decimal_part = text.replace("点", "點").partition("點")
    if any(ch not in _DIGITS for ch in decimal_part):
        return None
    value = _parse_integer(integer_part)
    if value is None:
        return None
    try:
        fraction = float("0." + "".join(str(_DIGITS[ch]) for ch in decimal_part)) if decimal_part else 0.0
        return float(value) + fraction
    except OverflowError:  # a run of hundreds of numerals (一一一…) is no quantity a translation repeats
        return None


def _parse_integer(text: str) -> int | None:
    if not text:
        return None
    if all(ch in _DIGITS for ch in text):
        return int("".join(str(_DIGITS[ch]) for ch in text))
    total = section = digit = 0
    for ch in text:
        if ch in _DIGITS:
            digit = _DIGITS[ch]
        elif ch in _SMALL_UNITS:
            section += (digit or 1) * _SMALL_UNITS[ch]
            digit = 0
        elif ch in _BIG_UNITS:
            unit = _BIG_UNITS[ch]
            # 一萬億 = 10^12: a big unit multiplies everything smaller than itself written before it.
            low = total % unit
            total = (total - low) + (low + section + digit) * unit
            section = digit = 0
        else:
            return None
    return total + section + digit


def _arabic(text: str) -> float | None:
    """Value of a digit run; None when a digit is one Python's float() cannot read (``regex``'s ``\\d`` knows
    newer Unicode digits, such as U+116D0, than this Python's character database): not a comparable number."""
    try:
        return float(text.replace(",", "").replace("−", "-"))
    except ValueError:
        return None


def _big_units(units: str) -> float:
    factor = 1.0
    for ch in units:
        factor *= _BIG_UNITS[ch]
    return factor


def chinese_numbers(text: str) -> list[Number]:
    """Numbers in Chinese text: Arabic (47億, 45.6%, 2024年), Chinese numerals and percentages (百分之…, 兩成)."""
    folded = text.translate(_FULL_WIDTH)
    found: list[Number] = []
    taken = [False] * len(text)
    for match in _ZH_ARABIC.finditer(folded):
        digits = _arabic(match.group(1))
        if digits is None:
            continue
        value = digits * _big_units(match.group(2))
        kind: Kind = "number"
        if match.group(3) == "%":
            kind = "percent"
        elif match.group(3) == "成":
            value, kind = value * 10, "percent"
        _claim(found, taken, Number(value, kind, match.start(), match.end()))
    for match in _ZH_PERCENT_WORDS.finditer(folded):
        if any(taken[match.start() : match.end()]):
            continue
        words = match.group(1) or match.group(2)
        value = parse_chinese_numeral(words)
        if value is None or (match.group(2) and match.group(2) in _NOT_NUMBERS):
            continue
        _claim(found, taken, Number(value if match.group(1) else value * 10, "percent", match.start(), match.end()))
    for match in _ZH_NUMERAL_RUN.finditer(folded):
        if any(taken[match.start() : match.end()]):
            continue
        number = _chinese_run(match.group(), match.start(), folded)
        if number is not None:
            _claim(found, taken, number)
    return sorted(found, key=lambda n: n.start)


def _chinese_run(run: str, start: int, text: str) -> Number | None:
    """A run of numeral characters, if it reads as a number rather than as part of a word."""
    run = run.rstrip("點点")
    # A lone numeral (一, 十, 萬 …) is nearly always part of a word (一起, 十分); only longer runs count,
    # and a run cannot start with a unit (萬一, 千萬 are words) unless it is 十 (十二 = 12).
    if len(run) < 2 or run in _NOT_NUMBERS or (run[0] not in _DIGITS and run[0] not in "十拾"):
        return None
    value = parse_chinese_numeral(run)
    if value is None:
        return None
    return Number(value, "number", start, start + len(run))


def _claim(found: list[Number], taken: list[bool], number: Number) -> None:
    if not math.isfinite(number.value):  # 1e400 written out, or 億 repeated: not a comparable anchor
        return
    found.append(number)
    for k in range(number.start, number.end):
        taken[k] = True


def english_numbers(text: str) -> list[Number]:
    """Numbers in English text: 6,114, 4.7 billion, HK$139bn, 45.6%, 45.6 per cent, twenty, 2024."""
    found: list[Number] = []
    taken = [False] * len(text)
    for match in _EN_NUMBER.finditer(text):
        scale = match.group(2) or match.group(3)
        digits = _arabic(match.group(1))
        if digits is None:
            continue
        value = digits * (_EN_SCALES[scale.lower()] if scale else 1.0)
        kind: Kind = "percent" if match.group(4) else "number"
        end = match.end() if (scale or match.group(4)) else match.end(1)
        _claim(found, taken, Number(value, kind, match.start(), end))
    found.extend(_english_word_numbers(text, taken))
    return sorted(found, key=lambda n: n.start)


def _english_word_numbers(text: str, taken: list[bool]) -> list[Number]:
    """Spelled-out numbers (twenty-five, three hundred, 4 million is handled above)."""
    numbers: list[Number] = []
    words = [m for m in _EN_WORD_NUMBER.finditer(text) if not any(taken[m.start() : m.end()])]
    group: list[regex.Match[str]] = []
    for match in [*words, None]:
        if match is not None and group and text[group[-1].end() : match.start()].strip(" -").lower() in ("", "and"):
            group.append(match)
            continue
        if group:
            value = _word_group_value([g.group().lower() for g in group])
            if value is not None and math.isfinite(value):
                numbers.append(Number(value, "number", group[0].start(), group[-1].end()))
        group = [match] if match is not None else []
    return numbers


def _word_group_value(words: list[str]) -> float | None:
    if words == ["half"] or words == ["hundred"] or words == ["thousand"]:
        return None  # "half" and a bare "hundred(s)" are too vague to anchor anything
    total = current = 0.0
    for word in words:
        value = _EN_WORDS[word]
        if value >= 100:
            current = (current or 1) * value
            if value >= 1000:
                total, current = total + current, 0.0
        else:
            current += value
    return total + current
