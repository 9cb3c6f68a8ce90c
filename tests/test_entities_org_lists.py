"""Organisations outside the statutes (issue 13, the Macao press releases): names that run over a
comma-separated list of places, long government names, a sub-unit glued to its parent. Each example
is a small sentence pair shaped like a press release."""

from __future__ import annotations

from test_entities_institutions import english, rows


def test_a_list_of_places_before_a_designator_is_one_name() -> None:
    found = english("Director of the Hong Kong, Macao and Taiwan Affairs Office, Yao Zhizhong, attended.")
    assert "Hong Kong, Macao and Taiwan Affairs Office" in found


def test_a_comma_list_of_names_is_not_joined() -> None:
    found = english("Delegates came from France, Germany and the European Union.")
    assert not [c for c in found if "," in c]
    found = english("They visited Paris, London and Berlin.")
    assert not [c for c in found if "," in c]


def test_the_office_of_a_list_of_places_pairs_with_its_chinese_body() -> None:
    found = rows(
        "港澳台辦公室主任姚枝仲出席儀式。",
        "Director of the Hong Kong, Macao and Taiwan Affairs Office, Yao Zhizhong, attended the ceremony.",
    )
    assert ("港澳台辦公室", "Hong Kong, Macao and Taiwan Affairs Office") in found
    assert not [zh for zh, _ in found if zh.endswith("主任")]
