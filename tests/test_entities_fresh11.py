"""Rules from fresh11 (issue 13: Chinese news of the WMT test sets, outside the gold): each test is a general
rule shaped like one of its misses or false rows, and fails without the rule."""

from __future__ import annotations

from bitext.entities.numbered_meetings import chinese_number
from test_entities_institutions import english, rows


def test_a_congress_abbreviated_by_its_number_pairs_with_the_same_ordinal() -> None:
    found = rows(
        "代表們認真學習黨的二十大精神。", "The delegates studied the spirit of the 20th CPC National Congress."
    )
    assert ("二十大", "20th CPC National Congress") in found
    found = rows(
        "會議回顧了中國民主同盟第十二次全國代表大會以來的工作。",
        "The meeting reviewed the work since the 12th National Congress of the China Democratic League.",
    )
    assert ("第十二次全國代表大會", "12th National Congress of the China Democratic League") in found


def test_a_congress_needs_the_same_number_on_both_sides() -> None:
    found = rows("黨的十九大以來，改革不斷深化。", "Since the 18th CPC National Congress, reform has deepened.")
    assert not [zh for zh, _ in found if zh.endswith("大")]
    # 十大 "top ten" where the English numbers no congress is no candidate
    found = rows("大會評選出十大品牌。", "The National Congress picked the ten best brands.")
    assert not [zh for zh, _ in found if "十大" in zh]


def test_chinese_ordinals() -> None:
    assert [chinese_number(n) for n in ("一", "九", "十", "十九", "二十", "二十一", "九十九")] == [
        1,
        9,
        10,
        19,
        20,
        21,
        99,
    ]
    assert chinese_number("〇") is None
    assert chinese_number("十十") is None
    assert chinese_number("一二") is None


def test_a_pinyin_name_beside_a_body_in_one_run_is_a_candidate_of_its_own() -> None:
    found = rows("國務院副總理韓正出席了會議。", "Vice Premier Han Zheng of the State Council attended the meeting.")
    assert ("韓正", "Han Zheng") in found
    assert ("國務院", "State Council") in found
    found = rows("中央政治局委員王滬寧、蔡奇出席。", "Members of the Political Bureau Wang Huning, Cai Qi attended.")
    assert ("王滬寧", "Wang Huning") in found


def test_only_a_pinyin_name_is_cut_from_a_body() -> None:
    assert "Wang Huning" in english("The Political Bureau Wang Huning spoke.")
    assert "Meeting Room" not in english("The Central Committee Meeting Room opened.")
    assert "Central Committee" not in english("The Central Committee Meeting Room opened.")
