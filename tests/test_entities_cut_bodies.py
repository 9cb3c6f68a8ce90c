"""Bodies jieba cuts across their designator (蒙藏委员|会置: the name ends inside a word), and two
one-character abbreviations coordinated (湘鄂 = Hunan and Hubei) composed against "X and Y".
The names are made up for the test (no gold or fresh-statute document names them)."""

from __future__ import annotations

from bitext.entities import align_entities
from bitext.entities.candidates import Candidate
from bitext.entities.dictionary import composed_match
from bitext.entities.spans import _designators_recut, abbreviations_covered, dictionary_spans
from bitext.segment.words import Token
from test_entities import one_to_one


def rows(zh: str, en: str) -> set[tuple[str, str]]:
    return {(p.zh, p.en) for p in align_entities(one_to_one([zh], [en]))}


def test_a_designator_across_two_words_becomes_a_word() -> None:
    # jieba's dictionary has 蒙藏委员, so it cuts 蒙藏委员|会置; the same shape with other words
    tokens = [Token(10, 14, "湘鄂委员", "n"), Token(14, 16, "会置", "n"), Token(16, 18, "秘书", "n")]
    recut = _designators_recut(tokens)
    assert [t.simplified for t in recut] == ["湘鄂", "委员会", "置", "秘书"]
    assert [(t.start, t.end) for t in recut] == [(10, 12), (12, 15), (15, 16), (16, 18)]
    # a designator inside one word is left alone
    whole = [Token(0, 5, "湘鄂委员会", "nt"), Token(5, 6, "置", "v")]
    assert _designators_recut(whole) == whole


def test_two_abbreviations_answer_x_and_y() -> None:
    stems = ["hunan", "hubei", "commission"]
    assert abbreviations_covered("湘鄂", stems) == {0, 1}
    # a word the dictionary knows is judged by its own glosses, not character by character
    assert abbreviations_covered("滇藏", ["yunnan", "tibet"]) == set()
    # both characters must each answer a different word
    assert abbreviations_covered("湘鄂", ["hunan", "commission"]) == set()


def test_a_coordinated_commission_cut_across_its_designator_is_proposed() -> None:
    # the words jieba gives for 蒙藏委員會置秘書 (蒙藏委员|会置), with another pair of abbreviations
    text = "湘鄂委員會置秘書"
    tokens = [Token(0, 4, "湘鄂委员", "n"), Token(4, 6, "会置", "n"), Token(6, 8, "秘书", "n")]
    name = "Hunan and Hubei Affairs Commission"
    english = Candidate(4, 4 + len(name), name, name, 0, "capitalised", "ORG")
    found = {c.text for c in dictionary_spans(tokens, text, [english], 0)}
    assert "湘鄂委員會" in found
    assert composed_match("湘鄂委员会", name) is not None


def test_a_coordinated_commission_pairs() -> None:
    zh = "湘鄂委員會置委員五人，由行政院派任之。"
    en = "The Hunan and Hubei Affairs Commission shall have five members appointed by the Executive Yuan."
    assert ("湘鄂委員會", "Hunan and Hubei Affairs Commission") in rows(zh, en)


def test_affairs_without_a_designator_is_a_field_not_a_body() -> None:
    # "Tibetan Affairs" cut from the Bureau of Tibetan Affairs; 西藏事務 is the generic phrase
    assert composed_match("西藏事务", "Tibetan Affairs") is None
    assert composed_match("西藏事务委员会", "Tibetan Affairs Commission") is not None
    assert composed_match("大陆委员会", "Mainland Affairs Council") is not None
