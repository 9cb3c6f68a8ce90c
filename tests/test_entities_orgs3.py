"""Rules from orgs3 (issue 13: organisation recall on Chinese news, learned from the ORG misses of the dev part and
fresh11–15): each test is a general rule shaped like a class of misses, on other names, and fails with its
switch off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bitext.entities import candidates, pairing, single_words
from test_entities_institutions import rows


@pytest.fixture
def body_rule_off() -> Iterator[None]:
    saved = candidates.DESIGNATED_BODY_BEFORE_TITLE, single_words.BODY_BEFORE_TITLE
    candidates.DESIGNATED_BODY_BEFORE_TITLE = single_words.BODY_BEFORE_TITLE = False
    yield
    candidates.DESIGNATED_BODY_BEFORE_TITLE, single_words.BODY_BEFORE_TITLE = saved


@pytest.fixture
def sound_rule_off() -> Iterator[None]:
    saved = pairing.APPROXIMATE_SOUNDS_LAST
    pairing.APPROXIMATE_SOUNDS_LAST = False
    yield
    pairing.APPROXIMATE_SOUNDS_LAST = saved


LEGISLATURE = (
    "參議院少數黨領袖舒默週二表示，投票將如期舉行。",
    "Senate Minority Leader Chuck Schumer said on Tuesday that the vote would be held as planned.",
)
COURT = (
    "憲法法院法官金泰浩表示，裁決將於下月公佈。",
    "Constitutional Court Justice Kim Tae-ho said the ruling would be announced next month.",
)
ACRONYM = (
    "北約副祕書長傑瓦納出席了會議。",
    "NATO Deputy Secretary-General Mircea Geoana attended the meeting.",
)


def test_a_legislature_before_its_officers_title_pairs() -> None:
    # "Senate" opens the sentence (capitalised nowhere else) and runs into the title: still the body
    assert ("參議院", "Senate") in rows(*LEGISLATURE)


def test_a_designated_body_before_a_qualifying_title_pairs() -> None:
    # Justice qualifies other nouns (Justice Department), yet here a name follows it: the court is a name
    assert ("憲法法院", "Constitutional Court") in rows(*COURT)


def test_an_acronym_before_a_title_pairs() -> None:
    assert ("北約", "NATO") in rows(*ACRONYM)


def test_no_body_without_a_name_after_the_title() -> None:
    # "Senate Leader" with no name after it is an office's words only
    found = rows("少數黨領袖表示，投票將如期舉行。", "Senate Leader said the vote would be held as planned.")
    assert ("參議院", "Senate") not in found


@pytest.mark.usefixtures("body_rule_off")
def test_without_the_rule_the_bodies_are_missed() -> None:
    assert ("參議院", "Senate") not in rows(*LEGISLATURE)
    assert ("憲法法院", "Constitutional Court") not in rows(*COURT)
    assert ("北約", "NATO") not in rows(*ACRONYM)


SOUNDED = ("他呼籲政協在社會中發揮作用。", "He called on the CPPCC to play its role in Chinese society.")


def test_a_dictionary_acronym_beats_a_longer_name_that_only_sounds_alike() -> None:
    # 政協 "zheng xie" has the consonant skeleton of "Chinese" (0.9); CC-CEDICT glosses it CPPCC
    assert ("政協", "CPPCC") in rows(*SOUNDED)


@pytest.mark.usefixtures("sound_rule_off")
def test_without_the_ranking_the_longer_sound_wins() -> None:
    assert ("政協", "CPPCC") not in rows(*SOUNDED)


def test_an_exact_romanisation_still_ranks_first() -> None:
    assert not pairing._only_inexact_romanisation(("pinyin:xu li=1.00",))
    assert pairing._only_inexact_romanisation(("skeleton:zheng xie=0.90",))
    assert not pairing._only_inexact_romanisation(("skeleton:zheng xie=0.90", "cedict:cppcc"))
