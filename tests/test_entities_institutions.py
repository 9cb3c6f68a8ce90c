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


def test_a_common_opener_before_of_leaves_the_name_after_it() -> None:
    found = english("Goods of the Mainland Area may not be imported.")
    assert "Mainland Area" in found
    assert "of the Mainland Area" not in found


# ---------------------------------------------------------------- composed institutional names


def test_affairs_needs_no_chinese_counterpart() -> None:
    found = table("本辦法由大陸委員會擬訂。", "These rules shall be drafted by the Mainland Affairs Council.")
    row = next(p for p in found if p.en == "Mainland Affairs Council")
    assert row.zh == "大陸委員會"
    assert any(label.startswith("composed:") for label in row.evidence), row.evidence


def test_a_name_ends_at_its_designator_not_at_the_verb_after_it() -> None:
    found = rows(
        "前項辦法，由行政院勞工委員會會同財政部擬訂。",
        "The rules shall be drafted by the Council of Labor Affairs in conjunction with the Ministry of Finance.",
    )
    assert ("勞工委員會", "Council of Labor Affairs") in found
    assert ("財政部", "Ministry of Finance") in found
    assert not [zh for zh, _ in found if "會同" in zh]


def test_and_inside_one_institution_name() -> None:
    found = rows(
        "其辦法由國家科學及技術委員會定之。",
        "The rules shall be drafted by the National Science and Technology Council.",
    )
    assert ("國家科學及技術委員會", "National Science and Technology Council") in found
    found = rows("海地正義與民主組織發表報告。", "The Haitian Institute for Justice and Democracy published a report.")
    assert ("海地正義與民主組織", "Haitian Institute for Justice and Democracy") in found
    # two names coordinated stay two rows
    found = rows("美國和加拿大簽署協議。", "The United States and Canada signed an agreement.")
    assert ("美國和加拿大", "United States and Canada") not in found


# ---------------------------------------------------------------- what is no name


def test_an_office_is_no_name_but_the_body_after_of_is() -> None:
    found = english("The President of the Executive Yuan shall report to the Members of the Legislative Yuan.")
    assert {"Executive Yuan", "Legislative Yuan"} <= set(found)
    assert not [c for c in found if c.startswith(("President", "Members"))]
    assert ("商務大臣", "Business Minister") not in rows("商務大臣發表談話。", "The Business Minister spoke.")


def test_currencies_are_no_names() -> None:
    assert english("A fine of not more than Ten Million New Taiwan Dollars shall be imposed.") == []


def test_a_designator_alone_is_not_the_end_of_a_glossed_name() -> None:
    found = rows("奧運會明年舉行。", "The Games will be held next year.")
    assert ("奧運會", "Games") not in found
