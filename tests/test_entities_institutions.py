"""Institutions, laws and events (ORG / MISC): candidates with the right boundaries and the signals
that pair them. Each example is a small sentence pair shaped like the gold's documents (statutes,
news)."""

from __future__ import annotations

from bitext.entities import EntityTable, align_entities
from bitext.entities.candidates import english_candidates, english_document_context
from bitext.segment import segment
from test_entities import one_to_one


def english(text: str) -> list[str]:
    doc = segment(text, "en", presegmented=True)
    capitalised, terms = english_document_context(doc)
    return [c.text for i in range(len(doc)) for c in english_candidates(doc, i, capitalised, terms)]


def table(zh: str, en: str) -> EntityTable:
    return align_entities(one_to_one([zh], [en]))


def rows(zh: str, en: str) -> set[tuple[str, str]]:
    return {(p.zh, p.en) for p in table(zh, en)}


# ---------------------------------------------------------------- English boundaries


def test_a_statute_item_number_does_not_keep_the_opener_in_the_name() -> None:
    found = english("2. If the Legislative Yuan does not concur, it may request a review.")
    assert "Legislative Yuan" in found
    assert not [c for c in found if c.startswith("If")]
    found = english("(2) Should the Executive Yuan deem a bill difficult to execute, it may ask again.")
    assert "Executive Yuan" in found
    assert not [c for c in found if c.startswith("Should")]


def test_time_zones_are_not_names() -> None:
    assert english("The quake struck at 10:30 GMT on the island.") == []
    assert rows("地震發生於格林威治標準時間10時30分。", "The quake struck at 10:30 GMT.") == set()


def test_the_bare_name_drops_a_connector_left_at_its_end() -> None:
    found = english("It shall be drafted by the National Science and Technology Council in consultation.")
    assert "National Science and Technology Council" in found
    assert "National Science and" not in found
