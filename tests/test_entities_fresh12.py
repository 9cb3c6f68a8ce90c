"""Rules from fresh11 + fresh12 (issue 13: Chinese news of the WMT test sets, outside the gold): each test is a
general rule shaped like one of their misses or false rows, and fails without the rule."""

from __future__ import annotations

from bitext.entities.abbreviated_places import abbreviated_offsets
from bitext.entities.numbered_meetings import english_ordinal
from test_entities_institutions import english, rows


def test_a_compound_of_country_abbreviations_gives_each_country() -> None:
    found = rows("中俄兩國林業部門達成多項共識。", "The forestry departments of China and Russia reached consensus.")
    assert ("中", "China") in found
    assert ("俄", "Russia") in found
    assert ("中俄", "China") not in found


def test_a_side_in_talks_is_its_country_abbreviation() -> None:
    found = rows(
        "李克強表示，希望中哈雙方繼續共同努力，中方願深化互信。",
        "Li Keqiang said he hopes both China and Kazakhstan will work together; China will deepen trust.",
    )
    assert ("中", "China") in found
    assert ("哈", "Kazakhstan") in found
    assert not [zh for zh, _ in found if zh in ("中方", "中哈")]


def test_an_abbreviation_pairs_with_the_country_not_its_demonym() -> None:
    found = rows("中方主席張高麗作了工作彙報。", "Chinese Vice Premier Zhang Gaoli presented the work report.")
    assert not [zh for zh, _ in found if zh in ("中", "中方")]


def test_words_that_only_look_like_abbreviations_stay_whole() -> None:
    assert abbreviated_offsets("中俄") == (0, 1)
    assert abbreviated_offsets("中方") == (0,)
    assert abbreviated_offsets("波斯") == ()  # Persia, not Poland + Slovakia
    assert abbreviated_offsets("美德") == ()  # virtue
    assert abbreviated_offsets("中國") == ()


def test_a_district_of_a_city_is_two_places() -> None:
    found = rows("在北京市大興區等三十三個試點縣。", "In 33 pilot counties including Daxing District of Beijing.")
    assert ("北京市", "Beijing") in found
    assert ("大興區", "Daxing District") in found
    found = rows("被告人來到南陽市臥龍區某賓館。", "The defendant came to a hotel of Nanyang City Wolong District.")
    assert ("南陽市", "Nanyang City") in found
    assert ("臥龍區", "Wolong District") in found


def test_a_province_and_its_city_written_as_one_chinese_word_are_two_places() -> None:
    found = rows("座談會在浙江嘉興召開。", "The symposium was held in Jiaxing, Zhejiang Province.")
    assert ("嘉興", "Jiaxing") in found
    assert not [zh for zh, _ in found if zh == "浙江嘉興"]


def test_where_a_county_lies_is_no_word_of_its_name() -> None:
    found = rows(
        "和河南蘭考縣，全國已有二十八個貧困縣脫貧。",
        "And Lankao County of Henan Province, 28 counties escaped poverty.",
    )
    assert ("蘭考縣", "Lankao County") in found
    assert ("蘭考縣", "Henan Province") not in found


def test_a_city_of_a_name_is_no_chain() -> None:
    assert "University of London" in english("He studied at the University of London.")
    assert "City of London Corporation" in english("The City of London Corporation met.")


def test_a_party_s_adjective_or_members_are_no_row() -> None:
    found = rows(
        "批評特朗普的人，包括共和黨總統候選人米特·羅姆尼和其他共和黨人。",
        "Trump's critics include Republican presidential candidate Mitt Romney and other fellow Republicans.",
    )
    assert not [zh for zh, _ in found if zh.startswith("共和黨")]
    assert ("米特·羅姆尼", "Mitt Romney") in found


def test_a_party_named_alone_stays_a_row() -> None:
    assert ("共和黨", "Republican Party") in rows("共和黨贏得了選舉。", "The Republican Party won the election.")


def test_a_party_s_adjective_before_a_common_noun_is_no_row() -> None:
    found = rows("他批評了共和黨的預算案。", "He criticised the Republican budget.")
    assert ("共和黨", "Republican") not in found


def test_a_currency_code_glued_to_an_amount_is_no_name() -> None:
    found = english("Central parity rates: USD1 to RMB6.4401, RMB1 to PLN0.53093, RMB1 to TRY0.59303.")
    assert not [c for c in found if c.startswith(("USD", "RMB", "PLN", "TRY"))]
    found = rows(
        "人民幣對波蘭茲羅提、沙特里亞爾的匯率中間價：人民幣1元對0.53093波蘭茲羅提。",
        "Central parity rates: RMB1 to PLN0.53093, RMB1 to SAR0.58233.",
    )
    assert not [en for _, en in found if en[:3] in ("PLN", "SAR", "RMB")]


def test_a_code_with_a_number_that_is_no_currency_stays_a_name() -> None:
    assert "MH370" in english("The search for MH370 resumed.")


def test_a_congress_with_its_ordinal_spelled_out_pairs_with_the_abbreviation() -> None:
    found = rows(
        "要深入學習貫徹黨的十九大精神。", "To study the spirit of the Nineteenth National Congress of CPC as required."
    )
    assert ("十九大", "Nineteenth National Congress of CPC") in found
    found = rows("黨的十九大召開。", "The Eighteenth National Congress of the CPC opened.")
    assert not [zh for zh, _ in found if zh.endswith("大")]


def test_spelled_ordinals() -> None:
    assert [english_ordinal(w) for w in ("First", "Nineteenth", "Twentieth", "Twenty-First", "Twenty-first")] == [
        1,
        19,
        20,
        21,
        21,
    ]
    assert english_ordinal("Twenty") is None
    assert english_ordinal("Firsts") is None


def test_where_a_city_lies_is_no_word_of_its_name_also_with_two_spellings() -> None:
    """烏魯木齊 is glossed "Ürümqi or Urumqi, prefecture-level city … in west China": "west" is where it lies, so
    烏魯木齊市 is no "West Park" (a WMT news trial; the translation left Urumqi out)."""
    found = rows(
        "此前烏魯木齊市旅遊執法部門已對西公園、紅山等地方進行了檢查。",
        "The Tourism Law Enforcement Department has investigated places including West Park and Hongshan.",
    )
    assert ("烏魯木齊市", "West Park") not in found
    assert ("紅山", "Hongshan") in found
