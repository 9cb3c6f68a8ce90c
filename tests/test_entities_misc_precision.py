"""MISC rows that name nothing: an owner's thing described, a people, an award's category."""

from __future__ import annotations

import bitext
from bitext.entities.demonyms import is_people_group
from bitext.entities.events import event_phrases
from bitext.entities.pairing import _STUDY_BEFORE, _award_category, _same_entity
from test_entities_signals import pairs, table


def _events(text: str) -> list[str]:
    doc = bitext.segment(text, "en")
    return [c.key for i in range(len(doc.sentences)) for c in event_phrases(doc, i)]


def test_an_owners_thing_is_no_named_event() -> None:
    assert _events("Films related to the Mau movement were shown.") == ["Mau movement"]
    assert _events("Films related to Hong Kong’s social movement were shown.") == []
    found = pairs(
        "今年有幾部與香港社運相關的作品獲得肯定。", "Films related to Hong Kong’s social movement received recognition."
    )
    assert not [en for _, en in found if "movement" in en]


def test_a_people_the_dictionary_glosses_as_one_is_no_entity() -> None:
    # CC-CEDICT: 排灣族 "Paiwan, one of the indigenous peoples of Taiwan"
    assert is_people_group("排湾族", "Paiwan")
    assert is_people_group("泰雅族", "Atayal")  # "Atayal or Tayal, one of the indigenous ethnic groups …"
    assert not is_people_group("台湾", "Taiwan")
    found = pairs("這位原住民排灣族歌手出道。", "The Aboriginal singer of the Paiwan people debuted.")
    assert not [zh for zh, _ in found if zh == "排灣族"]


def test_an_award_category_is_no_name() -> None:
    assert _award_category("獲得最佳紀錄片", "Best Documentary")
    assert _award_category("最佳導演", "Best Director")
    assert not _award_category("百思買", "Best Buy")  # a company whose Chinese says no "best"
    assert not _award_category("金馬獎", "Golden Horse Awards")


def test_a_place_in_antiquity_is_the_place_not_a_work() -> None:
    assert _same_entity(("中國", "China"), ("中國古代", "Ancient China"))
    assert _same_entity(("古代中國", "Ancient China"), ("中國古代", "Ancient China"))  # the other word order
    assert not _same_entity(("印度", "India"), ("北印度", "Northern India"))  # a region, not an age
    zh = "中國古代有許多朝代。古代中國的都城在西安。中國後來統一。"
    en = "Ancient China had many dynasties. Ancient China had its capital at Xi'an. China was unified later."
    rows = [p for p in table(zh, en) if "China" in p.en]
    assert len(rows) == 1
    assert rows[0].type == "LOC"
    # the row is the place itself, the place in another age among its variants
    assert (rows[0].zh, rows[0].en) == ("中國", "China")
    assert "Ancient China" in rows[0].en_variants


def test_a_field_of_study_is_no_name() -> None:
    zh = "澳門大學的土木工程學士學位課程獲香港工程師學會認證。"
    en = (
        "The University of Macau's Bachelor of Science in Civil Engineering programme was accredited by the "
        "Hong Kong Institution of Engineers."
    )
    found = pairs(zh, en)
    assert ("土木工程", "Civil Engineering") not in found
    assert ("澳門大學", "University of Macau") in found
    # a name after "in" that is no degree stays (the Palace Museum in Taipei)
    assert not _STUDY_BEFORE.search("The exhibition opened in ")
    assert _STUDY_BEFORE.search("She is majoring in ")
