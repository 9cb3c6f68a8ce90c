"""Titles of works are paired by their marks: 《》 in the Chinese, quotation marks in the English."""

from __future__ import annotations

import pytest

from bitext.entities import pairing
from bitext.entities.work_titles import chinese_titles, english_titles
from test_entities_signals import pairs, table

# titles translated by their meaning: no gloss or reading pairs them
ZH = "香港導演羅卓瑤以《花果飄零》贏得最佳導演，周冠威拍攝的紀錄片《時代革命》則獲得最佳紀錄片。"
EN = (
    "Hong Kong director Clara Law won Best Director for her film “Drifting Petals,” while Kiwi Chow’s "
    "work “Revolution of Our Times” was awarded Best Documentary."
)


def test_titles_in_marks_pair_in_their_order() -> None:
    found = pairs(ZH, EN)
    assert ("花果飄零", "Drifting Petals") in found
    assert ("時代革命", "Revolution of Our Times") in found
    rows = {p.zh: p for p in table(ZH, EN)}
    assert rows["花果飄零"].type == "MISC"


def test_without_the_rule_the_translated_title_is_missed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(pairing, "WORK_TITLES", False)
    assert ("花果飄零", "Drifting Petals") not in pairs(ZH, EN)


def test_a_title_cut_short_by_a_signal_is_widened_to_its_marks() -> None:
    zh = "《臺灣漫遊錄》英文版榮獲美國國家圖書獎。"
    en = "The English version of the novel “Taiwan Travelogue” won the U.S. National Book Award."
    found = pairs(zh, en)
    assert ("臺灣漫遊錄", "Taiwan Travelogue") in found
    assert ("臺灣漫遊", "Taiwan Travelogue") not in found


def test_unequal_numbers_of_titles_pair_nothing_by_order() -> None:
    zh = "其他入圍作品包括《濁水漂流》、《少年》與《鬼同你住》。"
    en = "Other nominees include “Drifting” and “Coffin Homes.”"  # one title left out: order says nothing
    assert not [z for z, _ in pairs(zh, en) if z in ("濁水漂流", "少年", "鬼同你住")]


def test_only_quoted_spans_written_like_titles_count() -> None:
    text = "“I did it for my father,” he said; the novel “The Remains of the Day”; ‘Taiwan Travelogue’ isn’t it."
    keys = [c.key for c in english_titles(text, 0, len(text), 0)]
    assert keys == ["The Remains of the Day", "Taiwan Travelogue"]
    zh = "撰寫《長日將盡》的小說家；〈感謝〉；《 》"
    assert [c.text for c in chinese_titles(zh, 0, len(zh), 0)] == ["長日將盡", "感謝"]


def test_unquoted_english_titles_pair_with_the_chinese_titles_in_order() -> None:
    # issue 13, FLORES: English writes show titles unquoted ("shows such as Taxi, Cheers, and …")
    found = pairs("他寫過《警察》、《夏日》兩部劇。", "He wrote for shows such as Police and Summer Days.")
    assert ("警察", "Police") in found and ("夏日", "Summer Days") in found, found


def test_unquoted_titles_pair_only_when_as_many_as_the_chinese_titles() -> None:
    found = pairs("他寫過《警察》這部劇。", "He wrote for the show Police with Anna Berg.")
    assert not [key for key in found if key[0] == "警察"], found
