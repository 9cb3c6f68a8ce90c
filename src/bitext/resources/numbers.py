"""Numbers in Chinese and English text, normalised to comparable values (alignment anchors, QA checks).

``47億`` and ``4.7 billion`` both become 4.7e9; ``百分之四十五點六`` and ``45.6%`` both become the
percentage 45.6; ``兩成`` is 20 %; ``2024年`` is 2024; ``HK$139 billion`` is 1.39e11. cn2an was tried
first but drops signs and mis-parses ``百分之…點…``, so Chinese numerals are parsed here (a small,
exact grammar: digits, 十/百/千 inside a section, 萬/億/兆 between sections, 點 for decimals).

:func:`chinese_numbers` and :func:`english_numbers` are the grammar (what the aligner anchors on);
:func:`read_numbers` is what a reviewer reads in a sentence: the grammar's numbers, each marked
whether the other side must carry it, plus readings only to look up (months, ordinals, clock times,
Roman numerals, single Chinese numerals), so QA can ask whether a number has an equal across.
"""

from __future__ import annotations

import math
import re
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
_ZEROS = frozenset("零〇○")
_UNITS_ABOVE_TEN = {ch: value for ch, value in {**_SMALL_UNITS, **_BIG_UNITS}.items() if value > 10}
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
# Currency codes written against the amount (RMB983 billion, USD1, HKD0.82399, NT$5): the amount is a number.
_CURRENCY_CODES = "RMB|CNY|USD|HKD|EUR|GBP|JPY|AUD|NZD|SGD|CHF|CAD|TWD|MOP|KRW|INR|NTD|NT|HK|US"
_EN_NUMBER = regex.compile(
    r"(?:(?<![\p{Latin}\d.])|(?<=(?<![\p{Latin}])(?:" + _CURRENCY_CODES + r")))([-−]?\d+(?:,\d{3})*(?:\.\d+)?)"
    r"(?:(?:\s*|-)(thousand|million|billion|trillion|mn|bn|tn)\b|(?<=\d)(bn|mn|tn|m|b|k)\b)?"
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
    previous = ""
    for ch in text:
        if ch in _DIGITS:
            if previous in _DIGITS and previous not in _ZEROS:
                return None  # 十三五 (the 13th Five-Year Plan), 三四十 (thirty or forty): no one number
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
        previous = ch
    if digit and len(text) >= 2 and text[-2] in _UNITS_ABOVE_TEN:
        # 一百二 is 120, 三千五 3,500, 一萬五 15,000: a last digit right after a unit counts in the next unit down
        return total + section + digit * _UNITS_ABOVE_TEN[text[-2]] // 10
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


# 6000多萬 (over 60 million), 三十餘億: the "more than" word stands between the number and its big unit. It is
# moved after the unit (6000萬多), which keeps every character's offset: the number's span is the written one.
_APPROXIMATE_BEFORE_UNIT = regex.compile(r"(?<=[\d" + "".join(_DIGITS) + r"十拾百佰千仟])([多餘余幾几])([萬万億亿])")


def chinese_numbers(text: str) -> list[Number]:
    """Numbers in Chinese text: Arabic (47億, 45.6%, 2024年), Chinese numerals and percentages (百分之…, 兩成)."""
    folded = _APPROXIMATE_BEFORE_UNIT.sub(r"\2\1", text.translate(_FULL_WIDTH))
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
        share = parse_chinese_numeral(words)
        if share is None or (match.group(2) and match.group(2) in _NOT_NUMBERS):
            continue
        _claim(found, taken, Number(share if match.group(1) else share * 10, "percent", match.start(), match.end()))
    for match in _ZH_NUMERAL_RUN.finditer(folded):
        if any(taken[match.start() : match.end()]):
            continue
        number = _chinese_run(match.group(), match.start(), folded)
        if number is not None:
            _claim(found, taken, number)
    return sorted((_with_moved_unit(number, text) for number in found), key=lambda n: n.start)


def _with_moved_unit(number: Number, text: str) -> Number:
    """The number's span over the text as written: 6000多萬 was read as 6000萬多, so its unit is one further on."""
    end = number.end
    if end < len(text) and text[end] in _BIG_UNITS and _APPROXIMATE_BEFORE_UNIT.match(text, end - 1):
        return Number(number.value, number.kind, number.start, end + 1)
    return number


def _chinese_run(run: str, start: int, text: str) -> Number | None:
    """A run of numeral characters, if it reads as a number rather than as part of a word."""
    run = run.rstrip("點点")
    # A lone numeral (一, 十, 萬 …) is nearly always part of a word (一起, 十分); only longer runs count,
    # and a run cannot start with a unit (萬一, 千萬 are words) unless it is 十 (十二 = 12).
    if len(run) < 2 or run in _NOT_NUMBERS or (run[0] not in _DIGITS and run[0] not in "十拾"):
        return None
    value = parse_chinese_numeral(run)
    if value is None and len(run) > 2 and run[-1] in _DIGITS and run[-2] in _DIGITS and run[-3] not in _DIGITS:
        return _chinese_run(run[:-1], start, text)  # 十三五: 十三, then a lone 五 (only looked up)
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


# ---------------------------------------------------------------------------------------------------------
# Readings for comparison: every number a reviewer sees in a sentence, and whether the translation must carry it

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
# Single words a translator may write for the other side's number (first, twice, a thousand years).
_COUNT_WORDS: dict[str, float] = {
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
    r"\b(" + "|".join(_TENS) + r")-(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)\b", re.IGNORECASE
)
_ROMAN = re.compile(r"\b(?=[MDCLXVI]{2,8}\b)M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})\b")
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}
_RAW_NUMBER = re.compile(r"[0-9]+(?:\.[0-9]+)?")
_CLOCK = re.compile(r"(?<![0-9])([0-9]{1,2})[:.：]([0-9]{2})(?![0-9])")
_MILITARY_TIME = re.compile(r"(?<![0-9])([0-9]{2})([0-9]{2})\s*(?:GMT|UTC|hours|hrs)\b")
_SUFFIXED = re.compile(r"^[0-9][0-9,.]*\s?[A-Za-z]+$")
_ENGLISH_WORD = re.compile(r"[A-Za-z]+")
_LOOKED_UP_WORDS = {*_MONTHS, *_COUNT_WORDS}
_ZH_NUMERAL = re.compile("[" + "".join(CHINESE_NUMERAL_VALUES) + "]")
_URL = re.compile(r"(?:https?://|www\.)\S+")
# "a day", "an hour": the article is the number a Chinese 1 天, 1 小時 is translated by.
_A_UNIT = re.compile(
    r"\b(?:a|an)\s+(?:day|night|week|month|year|hour|minute|second|decade|century|millennium)\b", re.IGNORECASE
)
# 8 點半 (half past eight) = 8:30; 十八世紀 (the 18th century) = the 1700s, and back.
_ZH_HALF_PAST = regex.compile(r"(\d{1,2}|[" + "".join(_DIGITS) + r"十]{1,3})\s*[點点]\s*半")
# A fraction: 二分之一 (one half), 三分之二, 4分之1; read as its share and as a percentage (二分之一 = 50%).
_ZH_SMALL_AMOUNT = r"(\d{1,3}|[" + _ZH_NUMERAL_CHARS + r"]{1,4})"
_ZH_FRACTION = regex.compile(_ZH_SMALL_AMOUNT + r"\s*分之\s*" + _ZH_SMALL_AMOUNT)
_ZH_CENTURY = regex.compile(r"(\d{1,2}|[" + "".join(_DIGITS) + r"十]{1,3})\s*(?:世紀|世纪)")
_EN_HUNDREDS = re.compile(r"(?<![0-9])([0-9]{1,2})00(?:s|'s|’s)")
# Writings the grammar reads piece by piece, rewritten whole first: 1 萬 7000 (17,000), 6 千 (6,000),
# 420 至 390 萬 (both in 萬), 4.2-3.9 million (both in millions), 二 ○四七 (a numeral broken by a space).
_ZH_WAN_THEN_DIGITS = re.compile(r"([0-9]+)\s*[萬万]\s*([0-9]{4})(?![0-9.])")
# (not 千米 kilometre, 千克 kilogram, 千瓦 kilowatt, 千卡, 千焦, 千帕: 千 as a unit's prefix)
_ZH_ARABIC_THOUSANDS = re.compile(r"([0-9]+(?:\.[0-9]+)?)\s*千(?![萬万億亿米克瓦卡焦帕])")
_ZH_RANGE = re.compile(r"([0-9]+(?:\.[0-9]+)?)(\s*(?:至|到|-|–|~|～)\s*)([0-9]+(?:\.[0-9]+)?)\s*([萬万億亿])")
# The same with numerals: 三到十萬 (30,000 to 100,000), 五至八億; 三到五千 (3,000 to 5,000) with single digits only
# (二十到五千 is 20 to 5,000).
_SMALL_NUMERAL = r"([一二兩两三四五六七八九十]{1,3})"
_ZH_NUMERAL_RANGE = re.compile(
    r"(?<![" + _ZH_NUMERAL_CHARS + r"])" + _SMALL_NUMERAL + r"(\s*(?:至|到)\s*)" + _SMALL_NUMERAL + r"([千萬万億亿])"
)
# 上世紀50年代, 五十年代: a decade written by its two digits; the translation gives the 1950s (or 2020s).
# 50年代 (the 1950s); 80後, 80、90後 (born in the 1980s, and the 1990s)
_ZH_DECADE_AFTER = re.compile(r"(?:\s*[、和与與及至到-]\s*[0-9]0)?\s*(?:年代|後|后)")
_ZH_CENTURY_DECADE = re.compile(
    r"([0-9]{1,2}|[一二三四五六七八九十]{1,3})\s*(?:世紀|世纪)\s*([0-9]{2}|[一二三四五六七八九十]{1,2})\s*年代"
)
# fiscal year 17, FY17: a year by its last two digits (2017財年).
_EN_TWO_DIGIT_YEAR = re.compile(r"(?:\bfiscal(?:\s+year)?\s*|\bFY\s*)'?([0-9]{2})\b", re.IGNORECASE)
_ZH_SPACED_DIGITS = re.compile(r"(?<=[〇○零一二三四五六七八九])[ \u3000](?=[〇○零一二三四五六七八九])")
# A numeral a wrapped line breaks (a PDF's 第五 | 十三條, 二 | 十人, 一 | 千五百萬元) is one number: in Chinese a
# line end is no word break.
_ZH_WRAPPED_NUMERAL = re.compile(
    "(?<=[" + _ZH_NUMERAL_CHARS + r"])[ \t\u3000]*\r?\n[ \t\u3000]*(?=[" + _ZH_NUMERAL_CHARS + r"])"
)
_EN_RANGE = re.compile(
    r"([0-9]+(?:\.[0-9]+)?)(\s*(?:-|–|to)\s*)([0-9]+(?:\.[0-9]+)?)\s+(thousand|million|billion|trillion)\b"
)
_HAS_DIGIT = re.compile(r"\d")
_ZH_UNITS = re.compile(r"[十拾百佰千仟萬万億亿兆〇○零]")
# A number that is part of a word, not a quantity: 16 進位 is "hexadecimal", 十進制 "decimal".
_ZH_WORD_AFTER = re.compile(r"\s*(?:進位|进位|進制|进制)")
# Taiwan dates by the Republic of China era (民國九十六年 = 2007): a year written after 民國 in the same text
# also reads as its Western year, N + 1911. A statute names the era once and then writes bare years.
_ROC_ERA = re.compile(r"民國|民国")
_ROC_YEAR_AFTER = re.compile(r"\s*年")
ROC_OFFSET = 1911  # 中華民國九十年 is 1911 + 90 = 2001
# A number a capitalised word holds by a hyphen is part of a name, not a quantity: COVID-19 (新冠肺炎 has no
# 19), F-35, G-20. Time words are not names (Mid-2019 opening a sentence is still the year).
_NAME_BEFORE_HYPHEN = regex.compile(r"(?<![\p{L}\p{N}])(\p{L}*\p{Lu}\p{L}*)-\Z")
_TIME_PREFIXES = frozenset({"mid", "pre", "post", "late", "early", "end", "start", "circa", "ca"})


@dataclass(frozen=True, slots=True)
class Reading:
    """A number as a reviewer reads it in one sentence."""

    value: float
    text: str  # as written, for messages
    required: bool  # written so explicitly (digits, 四十七億) that the translation must carry it
    alternatives: tuple[float, ...] = ()  # other readings (100m: 100 metres, not only 100 million)

    @property
    def values(self) -> tuple[float, ...]:
        return (self.value, *self.alternatives)


def read_numbers(text: str, lang: str) -> list[Reading]:
    """Every number in ``text`` (``lang`` ``"zh"`` or ``"en"``): the grammar's, each marked required or not,
    then the readings that are only looked up (see :func:`_looked_up`); numbers inside URLs are not read."""
    text = _URL.sub(lambda m: " " * len(m.group()), text)  # %E5%AE… in a link is no quantity
    text = _rewrite_whole_numbers(text, lang)
    found = []
    for number in chinese_numbers(text) if lang == "zh" else english_numbers(text):
        written = text[number.start : number.end].strip()
        required = _is_explicit(written, number.value, lang) and number.value != 0
        if lang == "zh" and _ZH_WORD_AFTER.match(text, number.end):
            required = False
        if _is_part_of_a_name(text, number.start) or _in_digit_fraction(text, number.start, number.end):
            required = False
        if lang == "en" and number.value == 1 and _FIRST.match(text, number.start):
            required = False  # "for the 1st time": Chinese says 首次 (the first time), with no numeral
        alternatives: tuple[float, ...] = ()
        if lang == "en" and _SUFFIXED.match(written):  # 100m, 802.11b: a unit or a version, perhaps no scale
            alternatives = (float(re.sub(r"[^0-9.]", "", written.replace(",", "")) or "nan"),)
        if lang == "zh" and _is_roc_year(text, number.start, number.end, number.value):
            alternatives = (number.value + ROC_OFFSET,)
        elif lang == "zh" and _is_decade(text, number.end, number.value):
            # 20年代 may be the 1920s or the 2020s; 50年代, written today, the 1950s
            alternatives = (1900 + number.value, 2000 + number.value) if number.value <= 20 else (1900 + number.value,)
        elif lang == "en" and _is_two_digit_year(text, number.start):
            alternatives = (2000 + number.value, 1900 + number.value)
        found.append(Reading(number.value, written, required, alternatives))
    found += [Reading(value, written, False) for value, written in _looked_up(text, lang)]
    return found


# 2/3, 1 / 4: a fraction a translator may write in words (two-thirds); not a date (2018/1/18) or a path
_DIGIT_FRACTION = re.compile(r"(?<![0-9/.])([0-9]{1,2})\s*/\s*([0-9]{1,2})(?![0-9/.])")


_FIRST = re.compile(r"1st\b", re.IGNORECASE)


def _in_digit_fraction(text: str, start: int, end: int) -> bool:
    return any(
        m.start() <= start and end <= m.end() for m in _DIGIT_FRACTION.finditer(text, max(0, start - 4), end + 4)
    )


def _is_part_of_a_name(text: str, start: int) -> bool:
    before = _NAME_BEFORE_HYPHEN.search(text, max(0, start - 24), start)
    return before is not None and before.group(1).lower() not in _TIME_PREFIXES


def _is_roc_year(text: str, start: int, end: int, value: float) -> bool:
    return (
        1 <= value < 200
        and value == int(value)
        and _ROC_YEAR_AFTER.match(text, end) is not None
        and _ROC_ERA.search(text, 0, start) is not None
    )


def _is_decade(text: str, end: int, value: float) -> bool:
    return value in _DECADES and _ZH_DECADE_AFTER.match(text, end) is not None


_DECADES = frozenset(float(tens) for tens in range(10, 100, 10))


def _is_two_digit_year(text: str, start: int) -> bool:
    found = _EN_TWO_DIGIT_YEAR.search(text, max(0, start - 16), start + 2)
    return found is not None and found.start(1) == start


def _rewrite_whole_numbers(text: str, lang: str) -> str:
    if lang == "zh":
        text = _ZH_WRAPPED_NUMERAL.sub("", _ZH_SPACED_DIGITS.sub("", text))
        text = _ZH_WAN_THEN_DIGITS.sub(lambda m: str(int(m.group(1)) * 10000 + int(m.group(2))), text)
        text = _ZH_ARABIC_THOUSANDS.sub(lambda m: plain_number(float(m.group(1)) * 1000).replace(",", ""), text)
        text = _ZH_NUMERAL_RANGE.sub(_numeral_range_in_one_unit, text)
        text = _ZH_CENTURY_DECADE.sub(_decade_as_year, text)
        return _ZH_RANGE.sub(lambda m: f"{m.group(1)}{m.group(4)}{m.group(2)}{m.group(3)}{m.group(4)}", text)
    return _EN_RANGE.sub(lambda m: f"{m.group(1)} {m.group(4)}{m.group(2)}{m.group(3)} {m.group(4)}", text)


def _decade_as_year(m: re.Match[str]) -> str:
    """二十世紀五十年代 → 1950年代: the century and its decade are one year, as the translation's "1950s"."""
    century, decade = _small_number(m.group(1)), _small_number(m.group(2))
    if not century or decade is None or decade not in _DECADES:
        return m.group()
    return f"{int((century - 1) * 100 + decade)}年代"


def _numeral_range_in_one_unit(m: re.Match[str]) -> str:
    """三到十萬 → 三萬到十萬: the unit after a range's second numeral is the first one's too."""
    low, joint, high, unit = m.groups()
    if unit == "千" and ("十" in low or "十" in high or len(low) > 1 or len(high) > 1):
        return m.group()
    return f"{low}{unit}{joint}{high}{unit}"


def plain_number(value: float) -> str:
    """``value`` as a person writes it: 4,700,000,000; 0.35; 1.39e+11 only beyond 10^16."""
    nearest = round(value)
    if abs(value - nearest) <= 1e-9 * max(1.0, abs(value)) and abs(value) < 1e16:
        return f"{nearest:,}"
    return f"{value:,.6g}"


def may_have_required(text: str, lang: str) -> bool:
    """False when no number :func:`read_numbers` finds in ``text`` can be required: there is no digit (nor, in
    Chinese, a unit or zero numeral) anywhere in it, so none in any number as written (:func:`_is_explicit`;
    rewriting whole numbers only rewrites digits). A cheap test that lets QA skip reading most sentences."""
    return _HAS_DIGIT.search(text) is not None or (lang == "zh" and _ZH_UNITS.search(text) is not None)


def _is_explicit(written: str, value: float, lang: str) -> bool:
    """Digits always count; in Chinese, numerals with a unit or a zero (四十七億, 二〇二四) count too.

    Bare runs like 三四 (three or four) and English words (three, twenty) are only looked up, never required,
    because translators freely write them either way.
    """
    if _HAS_DIGIT.search(written):
        return True
    return lang == "zh" and value >= 10 and bool(_ZH_UNITS.search(written))


def _looked_up(text: str, lang: str) -> list[tuple[float, str]]:
    """Numbers only looked up, never required: how a translator may write the other side's number.

    Any digit run (p109, 7's), clock times both ways (12:00 = 1200 GMT), and in English month names,
    ordinals (sixteenth, twenty-fourth), scale words (a thousand years), an article before a unit of
    time (a day = 1 天), a century by its years (the 1700s = 18) and Roman numerals (Louis XVI); in
    Chinese single numerals (第五, 八倍, 二戰, 一號), half past (8 點半 = 8:30), a century's years
    (十八世紀 = the 1700s) and fractions (二分之一 = 0.5 = 50%).
    """
    found = [(float(m.group()), m.group()) for m in _RAW_NUMBER.finditer(text)]
    for m in _DIGIT_FRACTION.finditer(text):
        numerator, denominator = float(m.group(1)), float(m.group(2))
        if denominator:
            found += [(numerator / denominator, m.group()), (100 * numerator / denominator, m.group())]
    for m in _CLOCK.finditer(text):
        found.append((float(m.group(1) + m.group(2)), m.group()))
    for m in _MILITARY_TIME.finditer(text):
        found += [(float(m.group(1)), m.group()), (float(m.group(2)), m.group())]
    if lang == "zh":
        for m in _ZH_HALF_PAST.finditer(text):
            hour = _small_number(m.group(1))
            if hour is not None:
                found += [(hour * 100 + 30, m.group()), (30.0, m.group())]
        for m in _ZH_FRACTION.finditer(text):
            whole, part = _small_number(m.group(1)), _small_number(m.group(2))
            if whole and part is not None:
                found += [(part / whole, m.group()), (100 * part / whole, m.group())]
        for m in _ZH_CENTURY.finditer(text):
            century = _small_number(m.group(1))
            if century:
                found.append(((century - 1) * 100, m.group()))
        return found + [(float(CHINESE_NUMERAL_VALUES[m.group()]), m.group()) for m in _ZH_NUMERAL.finditer(text)]
    found += [(1.0, m.group()) for m in _A_UNIT.finditer(text)]
    for m in _EN_TWO_DIGIT_YEAR.finditer(text):  # FY17: the grammar reads no digits after letters
        found += [(2000.0 + int(m.group(1)), m.group()), (1900.0 + int(m.group(1)), m.group())]
    found += [(float(int(m.group(1)) + 1), m.group()) for m in _EN_HUNDREDS.finditer(text)]
    for word in _ENGLISH_WORD.findall(text):
        lower = word.lower()
        if lower not in _LOOKED_UP_WORDS:
            continue
        value = _MONTHS.get(lower) or _COUNT_WORDS.get(lower)
        if value is not None and (lower not in ("may", "mar", "a", "an") or word[0].isupper()):
            found.append((float(value), word))
    for m in _COMPOUND_ORDINAL.finditer(text):
        found.append((float(_TENS[m.group(1).lower()] + _COUNT_WORDS[m.group(2).lower()]), m.group()))
    for m in _ROMAN.finditer(text):
        if m.group():  # the pattern can match nothing before letters that only look Roman (DD)
            found.append((float(_roman_value(m.group())), m.group()))
    return found


def ordinal_value(word: str) -> int | None:
    """One ordinal word's value, any case: first → 1, Nineteenth → 19, Twenty-First → 21; None for any other
    word (twenty, twice, firsts)."""
    lower = word.lower()
    compound = _COMPOUND_ORDINAL.fullmatch(lower)
    if compound:
        return _TENS[compound.group(1)] + int(_COUNT_WORDS[compound.group(2)])
    if lower in ("first", "second", "third") or (lower.endswith("th") and lower in _COUNT_WORDS):
        return int(_COUNT_WORDS[lower])
    return None


def _small_number(written: str) -> float | None:
    """Digits or a Chinese numeral of up to three characters (8, 八, 十八)."""
    return float(written) if written.isdigit() else parse_chinese_numeral(written)


def _roman_value(numeral: str) -> int:
    total = 0
    for ch, following in zip(numeral, [*numeral[1:], ""], strict=True):
        value = _ROMAN_VALUES[ch]
        total += -value if following and _ROMAN_VALUES[following] > value else value
    return total
