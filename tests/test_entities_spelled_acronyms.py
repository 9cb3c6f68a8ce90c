"""An English acronym spelled by the glosses of the Chinese name's words (issue 13, FLORES: 新民主黨 ↔ NDP,
總理辦公室 ↔ PMO), when CC-CEDICT has no entry giving the acronym itself."""

from __future__ import annotations

from bitext.entities.acronyms import spelled_by_glosses
from test_entities_signals import pairs


def test_the_words_glosses_spell_the_acronym_a_body_last() -> None:
    assert spelled_by_glosses("新民主党", "NDP") == "N+DP"  # new + Democratic Party
    assert spelled_by_glosses("总理办公室", "PMO") == "PM+O"  # prime minister + office
    assert spelled_by_glosses("民主党", "NDP") is None  # a letter left over
    assert spelled_by_glosses("与新民主党", "NDP") is None  # 與 "and" is no letter of it
    assert spelled_by_glosses("新民主", "ND") is None  # too short to tell from chance, and no body


def test_the_name_not_a_body_is_not_spelled() -> None:
    # 新 + 民主 spell ND, but 民主 "democracy" names no body: no acronym of a body
    assert spelled_by_glosses("新民主", "NDM") is None


def test_a_party_named_only_by_its_acronym_pairs() -> None:
    found = pairs("他會見了綠色自由黨領袖。", "He met the leader of the GLP.")
    assert found.get(("綠色自由黨", "GLP"), ("",))[0].startswith("spelled:"), found
    found = pairs("記者在總理辦公室外等候。", "Reporters waited outside the PMO.")
    assert ("總理辦公室", "PMO") in found, found
