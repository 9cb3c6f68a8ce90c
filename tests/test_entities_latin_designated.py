"""A name left in Latin letters with a body's designator after it on both sides is one body (issue 13,
FLORES: ADT 公司 ↔ ADT Corporation; the acronym alone, ADT ↔ ADT, was a row typed MISC)."""

from __future__ import annotations

from test_entities_signals import pairs


def test_a_latin_name_and_its_designator_pair_as_one_body() -> None:
    found = pairs("該公司與競爭對手 XYZ 公司達成和解。", "The company settled with its rival, the XYZ Corporation.")
    assert ("XYZ 公司", "XYZ Corporation") in found, found
    assert ("XYZ", "XYZ") not in found, found


def test_another_designator_on_the_english_side_is_no_match() -> None:
    # the English names the founder's foundation, not the company
    found = pairs("Acme 公司捐了款。", "The Acme Foundation donated.")
    assert ("Acme 公司", "Acme Foundation") not in found, found
