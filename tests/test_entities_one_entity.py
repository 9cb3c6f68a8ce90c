"""One entity, one row (and two entities, two rows): an acronym the text defines with its connector's
letter (MOTC of Ministry of Transportation and Communications) joins its long form; a territory stays
apart from the island or peninsula named after it; an acronym is no transliteration. Names here are
not the gold's or the fresh statutes' unless said."""

from __future__ import annotations

from bitext.entities import align_entities
from bitext.entities.candidates import Candidate
from bitext.entities.cooccurrence import count
from bitext.entities.designated_places import same_feature
from bitext.entities.pairing import PairScorer, _initials_with_connectors, _same_entity
from bitext.entities.transliteration import transliteration
from test_entities import one_to_one


def test_acronym_with_a_connectors_letter() -> None:
    assert _initials_with_connectors("MOST", "Ministry of Science and Technology")
    assert _initials_with_connectors("MST", "Ministry of Science and Technology")
    assert _initials_with_connectors("NPM", "National Palace Museum")
    assert not _initials_with_connectors("MOT", "Ministry of Science and Technology")  # a word left out
    assert not _initials_with_connectors("MOSTA", "Ministry of Science and Technology")
    assert _same_entity(("科技部", "MOST"), ("科技部", "Ministry of Science and Technology"))


def test_a_defined_acronym_is_no_row_of_its_own() -> None:
    zhs = ["科技部應於三十日內公告。", "科技部得委託其他機關辦理。"]
    ens = [
        "The Ministry of Science and Technology (MOST) shall announce it within thirty days.",
        "The MOST may commission other agencies to handle it.",
    ]
    table = align_entities(one_to_one(zhs, ens))
    rows = [p for p in table if p.zh == "科技部"]
    assert len(rows) == 1
    assert rows[0].en == "Ministry of Science and Technology"


def test_a_territory_is_not_the_island_named_after_it() -> None:
    assert not same_feature(("香港", "Hong Kong"), ("香港岛", "Hong Kong Island"))
    assert not same_feature(("约旦", "Jordan"), ("约旦河", "Jordan River"))
    # a natural feature with and without its designator is still one
    assert same_feature(("亚马逊", "Amazon"), ("亚马逊河", "Amazon River"))


def test_an_acronym_is_not_matched_by_sound() -> None:
    # the learned spellings give a two-character word a chance fit with three capitals
    match = transliteration("二人", "NPM")
    assert match is not None and match.score >= 0.7
    scorer = PairScorer(count([]))
    zh = Candidate(0, 2, "二人", "二人", 0, "pos:m")
    en = Candidate(0, 3, "NPM", "NPM", 0, "capitalised")
    assert not [label for label, _ in scorer.signals(zh, en) if label.split(":")[0] in ("learned", "skeleton")]


def test_groups_of_people_are_no_rows() -> None:
    from bitext.entities.demonyms import is_people_group

    assert is_people_group("东京居民", "Tokyo Residents")
    assert is_people_group("华侨", "Chinese")  # "overseas Chinese": a group of that people
    assert not is_people_group("中国", "Chinese")
    assert not is_people_group("三民主义", "Three Principles of the People")  # a doctrine
    assert not is_people_group("东京", "Tokyo")
    zh = "東京居民進入本市者，應申請許可。"
    en = "Tokyo Residents entering the city shall apply for a permit."
    assert not [p for p in align_entities(one_to_one([zh], [en])) if p.en.endswith("Residents")]


def test_a_common_word_is_no_given_name_before_a_romanised_one() -> None:
    # STEVEN POON KWOK-LIM for 潘國濂: an English given name, then the Cantonese spelling
    found = transliteration("潘國濂", "STEVEN POON KWOK-LIM")
    assert found is not None and found.given and found.score == 1.0
    # "Ordinance Concerning Hong Kong" is a title around a place, not a person called Hong Kong
    found = transliteration("香港", "Ordinance Concerning Hong Kong")
    assert found is None or found.score < 0.7
