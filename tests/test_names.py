"""Romanisations of Chinese names: pinyin with surname heteronyms, Wade–Giles, Hong Kong Cantonese."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from bitext.resources.names import MAX_READINGS, SYSTEMS, ascii_syllable, name_spellings, readings


@pytest.mark.parametrize(
    ("name", "system", "spelling"),
    [
        ("曾", "pinyin", "zeng"),  # the surname
        ("曾", "pinyin", "ceng"),  # the adverb
        ("曾", "cantonese", "tsang"),  # 曾蔭權 Donald Tsang
        ("曾", "wade-giles", "tseng"),
        ("單", "pinyin", "shan"),
        ("區", "pinyin", "ou"),
        ("李嘉誠", "cantonese", "li ka shing"),
        ("蔡英文", "wade-giles", "tsai ying wen"),
        ("徐立", "pinyin", "xu li"),
        ("湯曉鷗", "pinyin", "tang xiao ou"),
        ("呂", "pinyin", "lu"),  # ü folded to u
    ],
)
def test_known_spellings(name: str, system: str, spelling: str) -> None:
    assert spelling in name_spellings(name)[system]


def test_simplified_and_traditional_read_alike() -> None:
    assert name_spellings("李嘉誠")["cantonese"] == name_spellings("李嘉诚")["cantonese"]


def test_ascii_syllable_drops_marks_and_apostrophes() -> None:
    assert ascii_syllable("ts'ai") == "tsai"
    assert ascii_syllable("lǚ") == "lu"
    assert ascii_syllable("lv") == "lu"
    assert ascii_syllable("Ch'eng") == "cheng"


def test_unknown_system_is_an_error() -> None:
    with pytest.raises(ValueError, match="unknown romanisation"):
        readings("李", "yale")


def test_latin_and_punctuation_have_no_reading() -> None:
    assert readings("OpenAI", "pinyin") == []
    assert readings("·", "cantonese") == []


han = st.text(alphabet=st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5), min_size=1, max_size=6)


@given(han, st.sampled_from(SYSTEMS))
def test_readings_are_bounded_ascii_one_syllable_per_character(text: str, system: str) -> None:
    found = readings(text, system)
    assert len(found) <= MAX_READINGS
    for reading in found:
        assert all(syllable.isascii() and syllable.isalpha() and syllable.islower() for syllable in reading)
        # characters without a reading in this system are skipped, never invented
        assert len(reading) <= len(text)


@given(han)
def test_every_surname_reading_survives_trimming(text: str) -> None:
    """However long the name, all readings of its first character (the surname) are kept."""
    first = {r[0] for r in readings(text[0], "pinyin")}
    if first:
        assert first <= {r[0] for r in readings(text, "pinyin")}


def test_cantonese_table_is_cantoromans_own() -> None:
    """Only the character table is loaded (not cantoroman's six): the same readings as ``getRoman``."""
    from cantoroman import Cantonese

    from bitext.resources.names import _cantonese_table

    package = Cantonese()
    table = _cantonese_table()
    assert table == package.charToRoman
    for ch in "李嘉誠曾蔭權诚a":
        assert table.get(ch, []) == package.getRoman(ch)[0]
