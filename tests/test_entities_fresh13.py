"""Rules from fresh11 + fresh12 + fresh13 (issue 13: organisations in Chinese news of the WMT test sets): each test
is a general rule shaped like one of their misses or false rows, and fails without the rule."""

from __future__ import annotations

from bitext.entities.abbreviation_reading import abbreviation_reading
from test_entities_institutions import rows


def test_a_securities_house_left_over_pairs_by_its_designator() -> None:
    found = rows(
        "分析師表示，相比中信證券等券商，該公司顯得先天不足。",
        "An analyst said the firm has inherent problems compared with CITIC Securities and other brokers.",
    )
    assert ("中信證券", "CITIC Securities") in found


def test_a_channel_and_a_federation_pair_by_their_designators() -> None:
    found = rows(
        "紀錄片已於本月在動物星球頻道上播放。", "The documentary was shown this month on the Animal Planet Channel."
    )
    assert ("動物星球頻道", "Animal Planet Channel") in found
    found = rows(
        "由香港潮屬社團總會主辦的文化節在公園舉辦。",
        "Organized by the Federation of Hong Kong Chiu Chow Community Organizations, the festival was held in a park.",
    )
    assert [en for zh, en in found if zh == "香港潮屬社團總會"] == [
        "Federation of Hong Kong Chiu Chow Community Organizations"
    ]


def test_a_designator_glued_to_a_name_no_search_cuts_still_counts() -> None:
    # 元|璟|資本: the body search cannot cut the name, but the bead has two Capitals on the Chinese side,
    # so the one it can cut is not the only one for "Vision Capital"
    found = rows(
        "此前，該公司曾於2015年3月，獲得IDG、線性資本、Mfund、元璟資本500萬美元天使輪投資。",
        "The company earlier received US$5 million in angel investment from IDG, Linear Venture, Mfund and Vision "
        "Capital in March 2015.",
    )
    assert ("線性資本", "Vision Capital") not in found
    assert ("IDG", "IDG") in found


def test_an_abbreviated_institution_pairs_with_its_full_name() -> None:
    found = rows(
        "該公司去年在深交所上市，發改委隨後批准了它的計劃。",
        "The company listed on the Shenzhen Stock Exchange last year; the National Development and Reform "
        "Commission then approved its plan.",
    )
    assert ("深交所", "Shenzhen Stock Exchange") in found
    assert ("發改委", "National Development and Reform Commission") in found


def test_an_abbreviation_reads_each_character_as_a_word_of_the_name() -> None:
    assert abbreviation_reading("省纪委", "Provincial Commission for Discipline Inspection")
    assert abbreviation_reading("深交所", "Shenzhen Stock Exchange")
    # another body's name: the characters read other words
    assert abbreviation_reading("深交所", "China Securities Regulatory Commission") is None
    assert abbreviation_reading("发改委", "Shenzhen Stock Exchange") is None
    # a name without a designator is no institution's
    assert abbreviation_reading("深交所", "Shenzhen Stock") is None


def test_a_company_before_its_officer_s_title_is_a_name_of_its_own() -> None:
    found = rows(
        "思科首席執行官羅卓克、阿里巴巴首席執行官張勇出席了會議。",
        "Cisco CEO Chuck Robbins and Alibaba CEO Daniel Zhang attended the meeting.",
    )
    assert ("思科", "Cisco") in found
    assert ("阿里巴巴", "Alibaba") in found
