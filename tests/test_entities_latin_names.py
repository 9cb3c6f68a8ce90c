"""Names left in Latin letters inside the Chinese: two authors cited together are two people
(neither is lost to the "and" between them), and a surname with a capital inside it (McCord) is
written like a person's name."""

from __future__ import annotations

from bitext.entities import align_entities
from bitext.entities.kinds import surnames_in
from test_entities import one_to_one


def test_the_second_author_of_a_citation_is_a_surname() -> None:
    found = surnames_in("This was shown before (Holt and DeWitt, 2004).")
    assert {"Holt", "DeWitt"} <= found
    assert "DeWitt" in surnames_in("as Holt & DeWitt (2004) showed")


def test_two_latin_authors_in_chinese_are_two_rows() -> None:
    zh = "Holt and DeWitt (2004) 的研究指出，受眾的參與是新的動機。"
    en = "The study by Holt and DeWitt (2004) found audience involvement to be a new motivation."
    rows = {(p.zh, p.en): p.type for p in align_entities(one_to_one([zh], [en]))}
    assert rows.get(("DeWitt", "DeWitt")) == "PER"
    assert rows.get(("Holt", "Holt")) == "PER"
    assert not [pair for pair in rows if pair[0].startswith("and")]


def test_one_separated_name_is_not_two_coordinated_people() -> None:
    zh = "被告為巴布·辛格、布塔·辛格、藍普·辛格、迦札·辛格和維斯努·辛格。"
    en = "The accused are named as Babu Singh, Bhuta Singh, Rampu Singh, Gaza Singh and Vishnu Singh."
    rows = {(p.zh, p.en) for p in align_entities(one_to_one([zh], [en]))}
    assert not [r for r in rows if " and " in r[1]]
    assert {("迦札·辛格", "Gaza Singh"), ("維斯努·辛格", "Vishnu Singh")} <= rows


def test_a_latin_name_with_accented_letters_inside_chinese_is_one_name() -> None:
    # jieba cuts Latin words at each accented letter (Lu|í|s, Jos|é): the pieces are one word again
    alignment = one_to_one(["校長Luís Ferreira與José Alves會面。"], ["Rector Luís Ferreira met José Alves."])
    table = align_entities(alignment)
    found = {(p.zh, p.en) for p in table}
    assert ("Luís Ferreira", "Luís Ferreira") in found
    assert ("José Alves", "José Alves") in found
