"""Bodies at the head of a numbered list item (issue 13, organisation acts): 一、X署：… ↔ 1. X Agency: …
pairs the two heads by the item number, before a generic phrase later in the item that glosses the
English name better. Examples shaped like a Taiwan organisation act's list of subordinate agencies.
Also the other cause of the fresh8 / constitution ORG misses: 中央 ↔ Central Government."""

from __future__ import annotations

import bitext
from bitext.entities.list_headings import chinese_heading, english_heading, headings
from test_entities_institutions import rows


def test_the_heads_of_one_item_pair_before_a_generic_phrase_of_the_item() -> None:
    found = rows(
        "一、關務署：全國關務行政事務之規劃及執行；全國海關機關之統一指揮及監督。",
        "1. Customs Administration: Plan and execute national customs administrative affairs; "
        "command and supervise national customs organizations.",
    )
    assert ("關務署", "Customs Administration") in found
    assert not [zh for zh, en in found if en == "Customs Administration" and zh != "關務署"]


def test_a_heading_is_read_with_its_item_number() -> None:
    zh = "前言\n十二、文化資產局：文化資產之保存。"
    found = chinese_heading(zh, zh.index("十二"), len(zh), 1)
    assert found is not None
    assert found[0] == 12
    assert found[1].text == "文化資產局"
    en = "Preamble\n(12) Bureau of Cultural Heritage: Preservation of cultural heritage."
    found_en = english_heading(en, en.index("(12)"), len(en), 1)
    assert found_en is not None
    assert (found_en[0], found_en[1].text) == (12, "Bureau of Cultural Heritage")


def test_a_description_or_a_generic_head_is_no_heading() -> None:
    en = "1. Planning, formulation and promotion of investment policies: as follows."
    assert english_heading(en, 0, len(en), 0) is None
    zh = "一、投資政策之規劃：如下。"
    assert chinese_heading(zh, 0, len(zh), 0) is None  # no body's ending
    zh = "一、本部：掌理下列事項。"
    assert chinese_heading(zh, 0, len(zh), 0) is None  # 本部 is the act's own body, not a name


def test_heads_of_different_item_numbers_are_not_proposed() -> None:
    zh = "一、能源署：能源政策之規劃。"
    en = "2. Energy Administration: Planning of energy policies."
    found_zh, found_en = headings(zh, [(0, (0, len(zh)))], en, [(0, (0, len(en)))])
    assert found_zh == [] and found_en == []
    en = "1. Energy Administration: Planning of energy policies."
    found_zh, found_en = headings(zh, [(0, (0, len(zh)))], en, [(0, (0, len(en)))])
    assert [c.text for c in found_zh] == ["能源署"] and [c.text for c in found_en] == ["Energy Administration"]


def test_the_centre_of_a_state_pairs_with_a_capitalised_central_government() -> None:
    # CC-CEDICT glosses 中央 "central authorities (of a state)"; a statute's English capitalises the body
    found = rows(
        "中央與地方之權限，依法律定之。",
        "The powers of the Central Government and of local governments shall be prescribed by law.",
    )
    assert ("中央", "Central Government") in found
    # not a generic "central" alone: no row without the capitalised body
    assert not [
        zh
        for zh, _ in rows("中央山脈橫貫全島。", "The central mountain range crosses the whole island.")
        if zh == "中央"
    ]


def test_an_english_item_number_on_a_line_of_its_own_heads_the_next_line() -> None:
    # the database's other English layout (fresh9, 國防部組織法): "Subparagraph (4)" then the item's text
    en = "Article 6\nSubparagraph (4)\nMedical Affairs Bureau: Planning and implementing the medical affairs."
    start = en.index("Medical")
    found = english_heading(en, start, len(en), 2)
    assert found is not None
    assert (found[0], found[1].text) == (4, "Medical Affairs Bureau")
    # a name before a colon with no number line above it heads nothing
    bare = "Article 6\nMedical Affairs Bureau: Planning and implementing the medical affairs."
    assert english_heading(bare, bare.index("Medical"), len(bare), 1) is None
    zh = "第 6 條\n本部之次級軍事機關如下：\n四、軍醫局：國軍醫務及衛生勤務事項之規劃、核議及執行。"
    en = (
        "Article 6\nThe subsidiary organizations of the Ministry are as follows:\nSubparagraph (4)\n"
        "Medical Affairs Bureau: Planning, examining, discussing and implementing the medical affairs and "
        "sanitary services."
    )
    found_rows = {(p.zh, p.en) for p in bitext.align_entities(bitext.align(zh, en))}
    assert ("軍醫局", "Medical Affairs Bureau") in found_rows
