"""Separated foreign names (亞當‧庫爾登) whose English sits inside a longer capitalised run, or whose last
syllable jieba tags as a verb (issue 13, FLORES: "Commons Administrator Adam Cuerden", 阿曼．維薩切)."""

from __future__ import annotations

from bitext.entities.foreign_names import parts_match
from test_entities_signals import pairs


def test_a_name_after_words_no_title_list_knows() -> None:
    found = pairs("網站管理師約翰‧卡特萊特昨日表示。", "Site Administrator John Cartwright said yesterday.")
    assert ("約翰‧卡特萊特", "John Cartwright") in found, found


def test_a_last_syllable_tagged_as_a_verb_is_part_of_the_name() -> None:
    # jieba: 彼得 ． 维萨 切 — the 切 is the "ce" of Versace
    found = pairs("「我們跑了。」彼得．維薩切 (Peter Versace) 說。", '"We ran," Peter Versace said.')
    assert ("彼得．維薩切", "Peter Versace") in found, found


def test_words_before_a_name_are_no_middle_names() -> None:
    assert parts_match("亚当‧库尔登", "Adam Cuerden") is not None
    assert parts_match("亚当‧库尔登", "Adam Eric Cuerden") is not None  # one middle name
    # two words more than parts: a description before the name, not two middle names
    assert parts_match("理师亚当‧库尔登", "Commons Administrator Adam Cuerden") is None


def test_the_names_on_both_sides_of_a_possessive_are_candidates() -> None:
    from test_entities_candidates import english

    found = english("It was one of the stops of Henry Louis Gates' PBS special.")
    assert "Henry Louis Gates" in found and "PBS" in found, found
    found = english("He wrote for Maria Lopez's Channel Nine show.")
    assert "Maria Lopez" in found and "Channel Nine" in found, found
    # the possessive of a body's name stays inside it: no "National Astronomical Center" alone
    found = english("He joined the Chinese Academy of Sciences' National Astronomical Center.")
    assert "National Astronomical Center" not in found, found
