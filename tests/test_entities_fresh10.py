"""Organisations of fresh10 (issue 13: AIT press releases, letters and speeches outside the gold): each test
is a general rule shaped like one of its misses or false rows, and fails without the rule."""

from __future__ import annotations

from bitext.entities.coordinated_bodies import coordinated_members
from bitext.entities.dictionary import composed_match
from bitext.segment import segment
from test_entities_institutions import english, rows


def _members(text: str) -> list[str]:
    from bitext.entities.candidates import english_sentence_words

    doc = segment(text, "en", presegmented=True)
    words = english_sentence_words(doc)[0]
    return [f"{doc.text[start:end]} = {key}" for start, end, key in coordinated_members(doc.text, words)]


def test_bodies_named_under_one_plural_designator_are_each_a_body() -> None:
    found = rows(
        "美國商務部、農業部和國務院經常收到關於台灣的詢問。",
        "The Departments of Commerce, Agriculture, and State regularly receive inquiries about Taiwan.",
    )
    assert ("商務部", "Departments of Commerce") in found
    assert ("農業部", "Agriculture") in found
    assert ("國務院", "State") in found
    found = rows(
        "財政部和經濟部發表聯合聲明。", "The Ministries of Finance and Economic Affairs issued a joint statement."
    )
    assert ("財政部", "Ministries of Finance") in found
    assert ("經濟部", "Economic Affairs") in found


def test_a_coordination_needs_a_capitalised_plural_designator_and_a_closing_and() -> None:
    assert _members("The Departments of Commerce, Agriculture, and State wrote.") == [
        "Departments of Commerce = Department of Commerce",
        "Agriculture = Department of Agriculture",
        "State = Department of State",
    ]
    assert _members("The departments of Commerce and State wrote.") == []  # no name's designator
    assert _members("The Departments of Commerce, Agriculture wrote.") == []  # no "and": not a closed list
    assert _members("The Department of Commerce and Apple wrote.") == []  # singular: one body
    # bodies of places: each place is a name of its own, not a body's
    assert _members("Members elected by the local Councils of Mongolia and Tibet.") == []


def test_a_department_is_no_government() -> None:
    # 美國州政府 "U.S. state governments": 政府 stood for Department and 州 for State
    assert composed_match("美国州政府", "Department of State") is None
    assert composed_match("国务院", "Department of State") is not None  # 院: the State Department's ending
    assert composed_match("农业部", "Department of Agriculture") is not None
    assert composed_match("卫生署", "Department of Health") is not None


def test_a_name_an_acronym_spells_starts_on_no_preposition() -> None:
    # 由 "from" spelled the F of FSE: 由|學術|交流 "from + scholarly + exchange"
    found = rows(
        "傅爾布萊特計劃由學術交流基金會執行。",
        "The Fulbright program is administered by the Foundation for Scholarly Exchange (FSE).",
    )
    assert ("學術交流基金會", "Foundation for Scholarly Exchange") in found
    assert not [zh for zh, _ in found if zh.startswith("由")]


def test_a_headline_running_past_a_seated_body_keeps_the_body_with_its_place() -> None:
    found = english(
        "Remarks by Douglas H. Paal, Director, American Institute in Taiwan Signing of New Office Building Lease"
    )
    assert "American Institute in Taiwan" in found
    found = english("The Taipei Economic and Cultural Office in New York Opens New Hall")
    assert "Taipei Economic and Cultural Office in New York" in found
    # no place after "in": nothing is cut ("Office in Charge Of Records" names no seat)
    assert not [c for c in english("The Office in Charge Of Records Moves") if c.endswith(" in Charge")]


def test_a_surname_before_an_office_title_is_the_person_the_english_spells() -> None:
    assert ("蔡", "Tsai") in rows("蔡總統今天出席典禮。", "President Tsai attended the ceremony today.")
    found = rows("陳部長,歐陽次長,各位女士、先生:", "Minister Chen, Vice Minister Ouyang, Ladies and Gentlemen:")
    assert ("陳", "Chen") in found
    # a surname the English does not spell is nobody's; a lone surname without a title is no candidate
    assert not [
        zh for zh, en in rows("蔡總統今天出席典禮。", "President Lin attended the ceremony today.") if zh == "蔡"
    ]
    assert not [zh for zh, _ in rows("蔡今天出席典禮。", "Tsai attended the ceremony today.") if zh == "蔡"]


def test_a_short_name_in_corner_quotes_is_a_candidate() -> None:
    found = rows(
        "台灣旅客能透過「免簽證計畫」赴美旅遊。",
        "Visitors from Taiwan are eligible for visa-free travel to the United States through the Visa Waiver Program.",
    )
    assert ("免簽證計畫", "Visa Waiver Program") in found
    # quoted speech is no name: nothing pairs it
    found = rows("他說:「我們希望透過台中線上分處擴大服務」。", "He said the office would expand its services.")
    assert not [zh for zh, _ in found if zh.startswith("我們")]
