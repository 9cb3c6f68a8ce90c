"""Award and event names: designators, pieces past the name, a country's adjective."""

from __future__ import annotations

from bitext.entities.dictionary import composed_match
from test_entities_signals import pairs


def test_a_three_character_award_composes_with_a_plural_designator() -> None:
    # 金 gold + 馬 horse + 獎 award ↔ Golden Horse Awards (Awards a designator like Award)
    assert composed_match("金马奖", "Golden Horse Awards") is not None
    found = pairs(
        "今年共有七部香港電影入圍金馬獎。", "Seven Hong Kong films were nominated for the Golden Horse Awards."
    )
    assert ("金馬獎", "Golden Horse Awards") in found


def test_a_last_piece_repeating_what_the_name_answers_is_no_part_of_it() -> None:
    # 頒獎 "to award" answers Awards again: the ceremony after the award's name is not the name
    assert composed_match("金马奖颁奖典礼", "Golden Horse Awards") is None
    # two characters of one dictionary word, each glossed alike, are one piece (籌備處)
    assert composed_match("国立中央博物院筹备处", "Preparatory Office of the National Central Museum") is not None
    # a last piece that closes the name is its designator-like end, not a word past it (法網|公開賽)
    assert composed_match("法网公开赛", "French Open") is not None
    # a character inside a word that is a piece itself (空 of 航空) repeats nothing
    assert composed_match("美国国家航空暨太空总署", "National Aeronautics and Space Administration") is not None


def test_a_headline_running_past_the_designator_is_no_name() -> None:
    assert composed_match("金曲奖得主", "Golden Melody Awards Unveils Winners") is None
    # a designator opening the name may leave a word after it (the statutes' Act Governing …)
    assert composed_match("海关缉私条例", "Act Governing the Customs' Investigation of Smuggling") is not None


def test_a_four_letter_country_glosses_its_adjective() -> None:
    # 伊朗 "Iran" answers Iranian as 瑞典 "Sweden" answers Swedish (five letters or more before)
    assert composed_match("伊朗革命", "Iranian Revolution") is not None
    found = pairs("伊朗革命之後，該國政局改變。", "After the Iranian Revolution, the country's politics changed.")
    assert ("伊朗革命", "Iranian Revolution") in found
    assert composed_match("伊朗革命", "Irish Revolution") is None  # no shared stem
