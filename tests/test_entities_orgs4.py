"""Rules from orgs4 (issue 13: organisation recall on Chinese news, learned from the ORG misses of the dev part
and fresh11–15): the name at the head of a longer English run (leading_names.py), on other names than the sets',
each test failing with the switch off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bitext.entities import leading_names
from bitext.entities.candidates import _spelled_in_pinyin, _Word
from bitext.entities.lexicon import CONNECTORS, EN_DESIGNATORS, is_common_english_word
from test_entities_institutions import rows


@pytest.fixture
def rule_off() -> Iterator[None]:
    saved = leading_names.LEADING_NAMES
    leading_names.LEADING_NAMES = False
    yield
    leading_names.LEADING_NAMES = saved


CLUB = (
    "上海申花在主場以二比一擊敗對手。",
    "Shanghai Shenhua Football Club beat their opponents 2-1 at home.",
)
PAPER = (
    "據光明日報報道，該項目已經完工。",
    "According to Guangming Daily Weekend Edition, the project has been completed.",
)
POSSESSIVE = (
    "讀者文摘發表了一篇文章。",
    "Reader's Digest Asia Edition published an article.",
)


def _words(text: str) -> list[_Word]:
    found, at = [], 0
    for word in text.split():
        at = text.index(word, at)
        found.append(_Word(at, at + len(word), word))
        at += len(word)
    return found


def _lead(text: str) -> int:
    return leading_names.before_common_words(
        _words(text), is_common_english_word, frozenset(EN_DESIGNATORS), frozenset(CONNECTORS), _spelled_in_pinyin
    )


def test_a_club_named_without_its_kind_pairs() -> None:
    assert ("上海申花", "Shanghai Shenhua") in rows(*CLUB)


def test_a_paper_named_without_its_edition_pairs() -> None:
    assert ("光明日報", "Guangming Daily") in rows(*PAPER)


def test_a_possessive_name_before_more_words_pairs() -> None:
    assert ("讀者文摘", "Reader's Digest") in rows(*POSSESSIVE)


@pytest.mark.usefixtures("rule_off")
def test_without_the_rule_the_club_is_not_paired() -> None:
    assert ("上海申花", "Shanghai Shenhua") not in rows(*CLUB)


@pytest.mark.usefixtures("rule_off")
def test_without_the_rule_the_possessive_name_is_not_paired() -> None:
    assert ("讀者文摘", "Reader's Digest") not in rows(*POSSESSIVE)


def test_the_head_is_cut_before_trailing_common_words_only() -> None:
    assert _lead("Shanghai Shenhua Football Club") == 2
    assert _lead("Shanghai Shenhua") == 0  # nothing trails
    assert _lead("National Trust") == 0  # no word of the head transcribes a Chinese name: a translated name
    assert _lead("Bank of Shanghai Group") == 0  # a connector in the head: a name of its own shape
    assert _lead("Shanghai Party for Public Affairs") == 0  # a connector in the tail: a designated body's name
