"""Surnames that are also common English words at a sentence start (Fluke, Grant), and a full English
name whose Chinese gives the surname alone with a last syllable jieba tags as a verb (艾爾多安 ↔ Recep
Tayyip Erdoğan: 艾|爾多|安); issue 13, FLORES."""

from __future__ import annotations

from bitext.resources.sounds import load_sounds
from test_entities_signals import pairs


def test_a_common_word_at_a_sentence_start_pairs_with_a_chinese_name_by_sound() -> None:
    found = pairs("格蘭特表示他會參選。", "Grant said he would run.")
    assert ("格蘭特", "Grant") in found, found


def test_a_common_word_at_a_sentence_start_pairs_by_sound_only() -> None:
    # 秋天 glosses "fall", but a gloss of a common word names nobody
    assert not pairs("秋天來了，樹葉變黃。", "Fall came and the leaves turned yellow.")


def test_the_surname_of_a_titled_full_name_grows_over_a_verb_tagged_syllable() -> None:
    found = pairs(
        "德國總理與艾爾多安通過電話。",
        "The German chancellor spoke by phone with Turkish President Recep Tayyip Erdoğan.",
    )
    assert [key for key in found if key[0] == "艾爾多安" and key[1].endswith("Erdoğan")], found


def test_only_characters_foreign_names_use_are_syllables() -> None:
    sounds = load_sounds()
    assert sounds.is_name_syllable("安") and sounds.is_name_syllable("登")
    assert not sounds.is_name_syllable("是") and not sounds.is_name_syllable("說")
