"""Cited law titles as whole names (entities/law_titles.py): a law ending grows left to the whole
title, even where jieba's word runs past it, and pairs with the English title by its glossed words.
Sentences are shaped like statutes' citations; the names are not the gold's or the fresh statutes'."""

from __future__ import annotations

from bitext.entities import EntityTable, align_entities
from bitext.entities.law_titles import is_law_title, title_match
from test_entities import one_to_one


def table(zh: str, en: str) -> EntityTable:
    return align_entities(one_to_one([zh], [en]))


def rows(zh: str, en: str) -> set[tuple[str, str]]:
    return {(p.zh, p.en) for p in table(zh, en)}


def test_english_law_titles() -> None:
    assert is_law_title("Act of Ships")
    assert is_law_title("Fisheries Act")
    assert is_law_title("Regulations Governing the Inspection of Fishing Vessels")
    assert not is_law_title("Act Governing")  # nothing it governs
    assert not is_law_title("Executive Yuan")
    assert not is_law_title("Regulations")


def test_a_short_law_whose_ending_jieba_glues_to_the_next_word() -> None:
    # jieba cuts 船舶|法定: the title ends inside a word
    found = rows("本規則依船舶法定之。", "These Rules are enacted pursuant to the Act of Ships.")
    assert ("船舶法", "Act of Ships") in found


def test_a_long_title_with_a_conjunction_inside_is_one_row() -> None:
    zh = "漁船進出港口，應依臺灣地區與大陸地區漁船檢查條例辦理。"
    en = (
        "Fishing vessels entering or leaving a port shall comply with the Act Governing the Inspection of "
        "Fishing Vessels of the Taiwan Area and the Mainland Area."
    )
    found = rows(zh, en)
    assert (
        "臺灣地區與大陸地區漁船檢查條例",
        "Act Governing the Inspection of Fishing Vessels of the Taiwan Area and the Mainland Area",
    ) in found
    # no piece of the title is a row of its own
    assert not [r for r in found if r[0] != "臺灣地區與大陸地區漁船檢查條例" and r[0].endswith("條例")]


def test_growth_stops_at_the_citing_words_and_an_article_number() -> None:
    zh = "依第五條及漁業法規定辦理。"
    en = "It shall be handled in accordance with Article 5 and the Fisheries Act."
    found = rows(zh, en)
    assert ("漁業法", "Fisheries Act") in found
    assert not [r for r in found if "第五條" in r[0] or "依" in r[0]]


def test_an_english_title_runs_over_lower_case_connectors() -> None:
    zh = "申請人應依公務員進入大陸地區許可辦法申請許可。"
    en = (
        "The applicant shall apply for a permit under the Permit Regulations for Government Employees "
        "to Enter the Mainland Area."
    )
    found = rows(zh, en)
    assert (
        "公務員進入大陸地區許可辦法",
        "Permit Regulations for Government Employees to Enter the Mainland Area",
    ) in found


def test_a_title_needs_its_words_answered() -> None:
    # 法人 "legal person" is no law: 臺灣地區|法人 pairs with no title
    assert title_match("臺灣地區法", "Income Tax Act") is None
    assert title_match("船舶法", "Act of Ships") is not None
    assert title_match("船舶法", "Income Tax Act") is None
    found = rows(
        "臺灣地區法人應依所得稅法申報。", "Juristic persons of the Taiwan Area shall report under the Income Tax Act."
    )
    assert not [r for r in found if r[0].startswith("臺灣地區法")]


def test_one_title_spelt_with_and_without_a_plural_is_one_row() -> None:
    zh = "依大陸地區人民關係條例辦理。依大陸地區人民關係條例處罰。"
    ens = [
        "It shall be handled under the Act Governing Relations With People of the Mainland Area.",
        "It shall be punished under the Act Governing Relations With Peoples of the Mainland Area.",
    ]
    zhs = ["依大陸地區人民關係條例辦理。", "依大陸地區人民關係條例處罰。"]
    assert zh == "".join(zhs)
    found = [p for p in align_entities(one_to_one(zhs, ens)) if p.zh.endswith("條例")]
    assert len(found) == 1


def test_treaties_pacts_and_articles_are_law_titles() -> None:
    assert is_law_title("North Atlantic Treaty")
    assert is_law_title("German-Soviet Non-Aggression Treaty")
    assert is_law_title("Articles of Federation")
    assert not is_law_title("Article 5")  # a heading
    assert title_match("德苏互不侵犯条约", "German-Soviet Non-Aggression Treaty") is not None
    assert title_match("北大西洋公约", "North Atlantic Treaty") is not None
    assert title_match("联邦条例", "Articles of Federation") is not None


def test_a_law_title_does_not_grow_over_a_body_acting_on_the_law() -> None:
    # Organizational Act of the Executive Yuan, art. 2: 行政院|行使|憲法 (jieba tags 行使 a noun; CC-CEDICT
    # glosses it "to exercise"): the title is 憲法, which the English calls the Constitutional Law
    from bitext.entities import align_entities
    from test_entities import one_to_one

    zh = "行政院行使憲法所賦予之職權。"
    en = "The Executive Yuan shall exercise the powers granted by the Constitutional Law."
    rows = {(p.zh, p.en) for p in align_entities(one_to_one([zh], [en]))}
    assert ("憲法", "Constitutional Law") in rows
    assert ("行政院", "Executive Yuan") in rows
