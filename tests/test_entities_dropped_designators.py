"""A party or team named with its designator in Chinese and without it in English (issue 13, FLORES: 保守黨 ↔
Conservative in "the Conservative party", 全黑隊 ↔ All Blacks)."""

from __future__ import annotations

from bitext.entities.dropped_designators import dropped_designator_match
from test_entities_signals import pairs


def test_the_name_before_the_designator_is_answered_word_for_word() -> None:
    assert dropped_designator_match("保守党", "Conservative") is not None
    assert dropped_designator_match("全黑队", "All Blacks") is not None  # 全 answers "all", a function word
    assert dropped_designator_match("全黑队", "Blacks") is None  # 全 left unanswered
    assert dropped_designator_match("保守党", "Conservative Party") is None  # composed_match's business


def test_a_countrys_team_is_not_paired_as_a_body() -> None:
    assert dropped_designator_match("南非队", "South Africa") is None


def test_a_party_named_without_its_designator_pairs() -> None:
    # "the Republican party's budget": the party in lower case (the adjective alone, "the Republican budget", is
    # no row since fresh12: test_entities_fresh12.py)
    found = pairs("他批評了共和黨的預算案。", "He criticised the Republican party's budget.")
    assert ("共和黨", "Republican") in found, found
    found = pairs("紅白隊贏得了比賽。", "The Red Whites won the match.")
    assert ("紅白隊", "Red Whites") in found, found
