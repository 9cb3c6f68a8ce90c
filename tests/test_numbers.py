"""Numbers normalised across Chinese and English: each case checked against a value known by hand."""

from __future__ import annotations

import math

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bitext.resources.numbers import (
    chinese_numbers,
    english_numbers,
    may_have_required,
    parse_chinese_numeral,
    read_numbers,
)


def values(numbers):
    return [(n.value, n.kind) for n in numbers]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("47億", [(4.7e9, "number")]),
        ("一百三十九億", [(1.39e10, "number")]),  # 139 × 10^8: 13.9 billion (1390億 is 139 billion)
        ("1390億港元", [(1.39e11, "number")]),
        ("2024年", [(2024, "number")]),
        ("二〇二四年", [(2024, "number")]),
        ("共6,114名員工", [(6114, "number")]),
        ("45.6%", [(45.6, "percent")]),
        ("４５．６％", [(45.6, "percent")]),
        ("百分之四十五點六", [(45.6, "percent")]),
        ("百分之三十", [(30, "percent")]),
        ("兩成", [(20, "percent")]),
        ("四萬五千", [(45000, "number")]),
        ("三千五百萬", [(3.5e7, "number")]),
        ("兩萬零五百", [(20500, "number")]),
        ("一萬億", [(1e12, "number")]),
        ("跌了-3.5%", [(-3.5, "percent")]),
        ("十二", [(12, "number")]),
        ("6000多萬人", [(6e7, "number")]),
        ("三十餘億", [(3e9, "number")]),
        ("一百二", [(120, "number")]),  # a last digit right after a unit counts in the next unit down
        ("三千五", [(3500, "number")]),
        ("一萬五", [(15000, "number")]),
        ("一百零二", [(102, "number")]),
        ("十三五", [(13, "number")]),  # the 13th Five-Year Plan: 十三, and a lone 五
    ],
)
def test_chinese_numbers(text, expected):
    found = values(chinese_numbers(text))
    assert [k for _v, k in found] == [k for _v, k in expected]
    assert [v for v, _k in found] == pytest.approx([v for v, _k in expected])


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("4.7 billion", [(4.7e9, "number")]),
        ("139 billion", [(1.39e11, "number")]),
        ("HK$139 billion", [(1.39e11, "number")]),
        ("HK$5.78bn", [(5.78e9, "number")]),
        ("6,114 staff", [(6114, "number")]),
        ("45.6%", [(45.6, "percent")]),
        ("45.6 per cent", [(45.6, "percent")]),
        ("In 2024, it", [(2024, "number")]),
        ("twenty-five", [(25, "number")]),
        ("three hundred", [(300, "number")]),
        ("US$1.2 trillion", [(1.2e12, "number")]),
        ("RMB983 billion", [(9.83e11, "number")]),
        ("USD1 to HKD7.8", [(1, "number"), (7.8, "number")]),
        ("MP3 and ABC123", []),  # letters before digits that are no currency code
        ("a 110-million-year-old fossil", [(1.1e8, "number")]),
        ("-3.5%", [(-3.5, "percent")]),
    ],
)
def test_english_numbers(text, expected):
    found = values(english_numbers(text))
    assert [k for _v, k in found] == [k for _v, k in expected]
    assert [v for v, _k in found] == pytest.approx([v for v, _k in expected])


@pytest.mark.parametrize(
    ("zh", "en"),
    [
        ("47億", "4.7 billion"),
        ("一百三十九億", "13.9 billion"),
        ("1390億港元", "HK$139 billion"),
        ("百分之四十五點六", "45.6%"),
        ("兩成", "20 per cent"),
        ("2024年", "in 2024"),
    ],
)
def test_same_quantity_same_key(zh, en):
    assert [n.key for n in chinese_numbers(zh)] == [n.key for n in english_numbers(en)]


def test_a_number_with_more_than_before_its_unit_spans_what_is_written():
    [number] = chinese_numbers("全國６０００多萬人受災")
    assert (number.start, number.end) == (2, 8)


@pytest.mark.parametrize("text", ["萬一他來了", "十分好", "千萬不要", "一一道來", "他一個人", "統一"])
def test_words_made_of_numerals_are_not_numbers(text):
    assert chinese_numbers(text) == []


def test_bare_words_are_not_numbers():
    assert english_numbers("one of them, half the time") == []


_DIGIT_NAMES = "零一二三四五六七八九"


def _spell(value: int) -> str:
    """Standard Chinese reading of 1..99,999,999 (a second, independent spelling to test the parser)."""

    def section(n: int) -> str:
        out, zero = "", False
        for unit_value, unit in ((1000, "千"), (100, "百"), (10, "十"), (1, "")):
            digit = n // unit_value % 10
            if digit:
                if zero and out:
                    out += "零"
                out += _DIGIT_NAMES[digit] + unit
                zero = False
            else:
                zero = True
        return out

    high, low = divmod(value, 10000)
    if not high:
        return section(low)
    text = section(high) + "萬"
    if low:
        text += ("零" if low < 1000 else "") + section(low)
    return text


@given(st.integers(min_value=1, max_value=99_999_999))
def test_spelled_chinese_numerals_parse_back(value):
    assert parse_chinese_numeral(_spell(value)) == value


# U+116D0 is a decimal digit to the ``regex`` module's newer Unicode tables but not to this Python's float().
UNREADABLE_DIGIT = "\U000116d0"


@pytest.mark.parametrize("read", [chinese_numbers, english_numbers])
def test_a_digit_python_cannot_read_is_skipped_not_a_crash(read):
    found = read(f"{UNREADABLE_DIGIT}5 and 47")
    assert [n.value for n in found] == [47]


@given(st.text(alphabet=st.characters(whitelist_categories=("Nd", "No", "Lo", "Zs", "Po")), max_size=30))
def test_any_digits_and_letters_read_without_crashing(text):
    for read in (chinese_numbers, english_numbers):
        for number in read(text):
            assert 0 <= number.start < number.end <= len(text)


@pytest.mark.parametrize(
    "read, text",
    [
        (chinese_numbers, "一" * 400),
        (chinese_numbers, "1" * 400),
        (chinese_numbers, "5" + "億" * 40),
        (english_numbers, "9" * 400),
    ],
)
def test_numbers_too_large_for_a_float_are_no_anchor_and_no_crash(read, text):
    assert read(text) == []
    assert [n.value for n in read(f"47 {text}")] == [47]


def test_spelled_scales_piled_up_stay_finite():
    assert all(math.isfinite(n.value) for n in english_numbers("five" + " billion" * 40))


def test_an_overlong_numeral_run_is_not_a_numeral():
    assert parse_chinese_numeral("一" * 400) is None
    assert parse_chinese_numeral("一" * 5) == 11111.0


@pytest.mark.parametrize(
    ("text", "lang", "required"),
    [
        ("二〇二四年", "zh", [2024]),
        ("二 ○四七年", "zh", [2047]),  # a numeral broken by a space is one number
        ("三四個月", "zh", []),  # three or four: only looked up
        ("以 16 進位表示", "zh", []),  # part of the word for hexadecimal
        ("以十六進位表示", "zh", []),
        ("16 個數", "zh", [16]),
        ("It rose 4.7 billion in the first week of May", "en", [4.7e9]),
        ("See https://example.com/2024/05 for 3 items", "en", [3]),
        ("After the COVID-19 outbreak, 3 teams met", "en", [3]),  # a number a name holds by a hyphen
        ("the F-35 and G-20", "en", []),
        ("新冠肺炎(COVID-19)疫情", "zh", []),
        ("Mid-2019 and pre-2008 prices, 3-4 days", "en", [2019, 2008, 3, 4]),  # time words are no names
        ("temperatures of -19 degrees", "en", [-19]),
    ],
)
def test_read_numbers_marks_what_the_other_side_must_carry(text, lang, required):
    assert [reading.value for reading in read_numbers(text, lang) if reading.required] == required


# Numerals, units, digits (ASCII, full-width, Arabic-Indic), letters, English number words and separators:
# text where readings are found, some required and some not.
_NUMBER_TEXT = st.lists(
    st.sampled_from(
        [
            *"一二三四五六七八九十百千萬億兩〇○零點半年月日世紀第個進位",
            *"0123456789",
            "４",
            "٣",
            *".,%:-~ 　至到",
            *"abcmxvi",
            " three ",
            " twenty-first ",
            " May ",
            " a day ",
            " million ",
            " 1700s ",
            "https://x.io/2024 ",
        ]
    ),
    max_size=24,
).map("".join)


_NUMERAL_TEXT = st.text(alphabet="一二三四五六七八九十百千萬億兩〇○零點半年第個 ", max_size=12)  # no digit at all


@given(st.one_of(_NUMBER_TEXT, _NUMERAL_TEXT), st.sampled_from(["zh", "en"]))
def test_text_that_may_have_no_required_number_has_none(text, lang):
    """QA skips reading a bead on which may_have_required is false on both sides: that must never hide a
    required number."""
    if not may_have_required(text, lang):
        assert not [reading for reading in read_numbers(text, lang) if reading.required]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("三四個月", "zh", False),
        ("十六", "zh", True),
        ("16 個", "zh", True),
        ("sixteen", "en", False),
        ("16", "en", True),
    ],
)
def test_may_have_required_follows_digits_and_units(text, lang, expected):
    assert may_have_required(text, lang) is expected


def test_read_numbers_looks_up_words_a_translator_may_write():
    looked_up = {reading.value for reading in read_numbers("On the first of August, Louis XVI came twice.", "en")}
    assert {1, 8, 16, 2} <= looked_up
    assert all(not reading.required for reading in read_numbers("On the first of August", "en"))


def test_ordinal_value_reads_ordinal_words_only() -> None:
    from bitext.resources.numbers import ordinal_value

    assert [ordinal_value(w) for w in ("first", "Third", "nineteenth", "Twenty-First", "ninety-ninth")] == [
        1,
        3,
        19,
        21,
        99,
    ]
    assert [ordinal_value(w) for w in ("twenty", "twice", "once", "a", "Firsts", "thirty-one")] == [None] * 6
