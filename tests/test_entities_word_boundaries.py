"""A name found by its sound starts and ends where words do (a user trial on WMT news): 提名|加蘭德 (Merrick
Garland) is no 名加蘭德, 和|嘉遜 no 和嘉遜, 克林頓|夫婦 ("the Clintons") no 克林頓夫, 土耳其|農產品 no 土耳其農."""

from __future__ import annotations

import pytest

import bitext
from bitext.entities.candidates import sentence_tokens
from bitext.entities.spans import common_word_offsets, function_word_starts
from test_entities_signals import table


def pairs(zh: str, en: str) -> set[tuple[str, str]]:
    return {(p.zh, p.en) for p in table(zh, en)}


@pytest.mark.parametrize(
    ("zh", "en", "expected", "wrong"),
    [
        (
            "她將提名加蘭德 (Merrick Garland) 法官進入最高法院。",
            "She will nominate Judge Merrick Garland to the Supreme Court.",
            ("加蘭德", "Merrick Garland"),
            "名加蘭德",
        ),
        (
            "冠軍騎師包括魏德禮 (Pat Eddery) 和嘉遜 (Willie Carson)。",
            "Champion jockeys include Pat Eddery and Willie Carson.",
            ("嘉遜", "Willie Carson"),
            "和嘉遜",
        ),
    ],
)
def test_a_name_before_its_bracketed_original_starts_after_the_word_before_it(
    zh: str, en: str, expected: tuple[str, str], wrong: str
) -> None:
    found = pairs(zh, en)
    assert expected in found, found
    assert wrong not in {z for z, _ in found}


@pytest.mark.parametrize(
    ("zh", "en", "wrong"),
    [
        ("2015年，克林頓夫婦的捐款為100萬美元。", "In 2015, the Clintons gave $1 million.", "克林頓夫"),
        (
            "一旦土耳其農產品進口重新放開，價格將下降。",
            "Once Turkish agricultural imports resume, prices will fall.",
            "土耳其農",
        ),
        (
            "古代巴比倫人為他們的每一個神建造了一座神廟。",
            "The ancient Babylonians built each of their gods a temple.",
            "巴比倫人為",
        ),
    ],
)
def test_a_name_grown_by_its_sound_cuts_no_common_word(zh: str, en: str, wrong: str) -> None:
    assert wrong not in {z for z, _ in pairs(zh, en)}


def test_common_word_offsets_are_those_of_common_words_only() -> None:
    text = "他說利雲斯頓和克林頓夫婦提名了他。"
    tokens = sentence_tokens(bitext.segment(text, "zh"), 0)
    words = {t.simplified: t for t in tokens}
    common = common_word_offsets(tokens)
    assert {words["夫妇"].start, words["提名"].start + 1} <= common
    # a word jieba made up of unknown characters (說利) and a name it tagged may lend characters
    assert not any(words["说利"].start <= p < words["说利"].end for p in common)
    assert not any(words["克林顿"].start <= p < words["克林顿"].end for p in common)
    assert words["和"].start in function_word_starts(tokens)


def test_a_name_spelt_exactly_wins_over_the_longer_word_jieba_glued_it_into() -> None:
    """jieba tags 蘭越峯訴 ("Lan Yuefeng sues") as one name: its pinyin spells Lan Yuefeng with a syllable left over
    (0.83); the three characters inside it spell the name exactly, and they are the row."""
    found = pairs(
        "原標題：“走廊醫生”蘭越峯訴央視主持人王志安名譽侵權一審敗訴",
        "Original title: Suit by Lan Yuefeng against CCTV host Wang Zhi'an fails in first instance",
    )
    assert ("蘭越峯", "Lan Yuefeng") in found
    assert ("蘭越峯訴", "Lan Yuefeng") not in found


def test_a_contraction_opening_a_quoted_question_is_no_part_of_the_name() -> None:
    # MAC-Dev (Wang Xiaobo): "The team leader said, Who's Wang Er?" gave the row 王二 ↔ "Who's Wang Er"
    found = pairs("隊長說，王二是誰？", "The team leader said, Who's Wang Er?")
    assert ("王二", "Wang Er") in found
    assert not [en for _, en in found if en.startswith("Who")]
