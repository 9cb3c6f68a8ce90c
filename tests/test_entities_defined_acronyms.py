"""Names both sides define by the same acronym in brackets pair as one body (issue 13, FLORES: 美國地理調查協會
(USGS) ↔ United States Geological Survey (USGS), which no dictionary composes)."""

from __future__ import annotations

from bitext.entities.defined_acronyms import english_long_forms
from bitext.segment import segment
from test_entities_signals import pairs


def _long_forms(en: str) -> list[str]:
    doc = segment(en, "en", presegmented=True)
    return [c.text for c in english_long_forms(doc, range(len(doc.sentences)))]


def test_the_english_long_form_is_what_the_acronym_spells() -> None:
    assert _long_forms("Japan's Ministry of Economy, Trade and Industry (METI) said so.") == [
        "Ministry of Economy, Trade and Industry"
    ]
    assert _long_forms("A man of the Royal Flying Doctor Service (RFDS) came.") == ["Royal Flying Doctor Service"]
    assert _long_forms("It was the first (AB) case.") == []  # lower-case words spell nothing


def test_a_freely_translated_body_pairs_through_its_acronym() -> None:
    found = pairs(
        "皇家空中醫療協會 (RFDS) 的醫生趕到。",
        "A doctor of the Royal Flying Doctor Service (RFDS) arrived.",
    )
    assert ("皇家空中醫療協會", "Royal Flying Doctor Service") in found, found
    # the acronym is a form of that row, not a row of its own
    assert not [key for key in found if key[1] == "RFDS"], found


def test_a_person_before_the_body_is_not_the_bodys_name() -> None:
    found = pairs(
        "美國地理調查協會 (USGS) 的葛倫‧庫欣表示。",
        "Glen Cushing of the United States Geological Survey (USGS) said so.",
    )
    assert ("美國地理調查協會", "United States Geological Survey") in found, found
    assert not [key for key in found if key[1].startswith("Glen Cushing of")], found


def test_a_defined_term_that_names_no_body_is_not_paired_by_its_acronym() -> None:
    found = pairs("多發性硬化症 (MS) 是一種疾病。", "Multiple Sclerosis (MS) is a disease.")
    assert not [key for key in found if key[1] == "Multiple Sclerosis"], found


def test_the_long_form_leaves_a_possessive_out() -> None:
    assert _long_forms("the University of Macau’s (UM) Faculty") == ["University of Macau"]
