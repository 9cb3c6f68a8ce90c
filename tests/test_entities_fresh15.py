"""Rules from fresh15 (issue 13: organisations in Chinese news of the WMT test sets, picked by their English
designators): each test is a general rule shaped like one of the set's misses, on other names, and fails with the
rule's switch off."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bitext.entities import designator_pairs
from test_entities_institutions import rows


@pytest.fixture
def rules_off() -> Iterator[None]:
    saved = designator_pairs.HEAD_BEFORE_CONNECTOR, designator_pairs.ABBREVIATED_DESIGNATORS
    designator_pairs.HEAD_BEFORE_CONNECTOR = designator_pairs.ABBREVIATED_DESIGNATORS = False
    yield
    designator_pairs.HEAD_BEFORE_CONNECTOR, designator_pairs.ABBREVIATED_DESIGNATORS = saved


CENTRAL = (
    "民建中央主席郝明金出席會議。",
    "Hao Mingjin, Chairman of the Central Committee of the China Democratic National Construction Association, "
    "attended the meeting.",
)
UNION = ("歐足聯週一宣佈了處罰決定。", "The Union of European Football Associations announced the penalty on Monday.")


def test_a_party_abbreviated_to_its_central_committee_pairs_with_it() -> None:
    # 民建|中央: 中央 "central" stands for the Central Committee the English heads its name with
    assert (
        "民建中央",
        "Central Committee of the China Democratic National Construction Association",
    ) in rows(*CENTRAL)


def test_central_stands_for_a_central_committee_only() -> None:
    zh, en = CENTRAL
    found = rows(zh, en.replace("Central Committee", "Standing Committee"))
    assert not [row for row in found if row[0] == "民建中央"]


def test_a_designator_cut_to_its_first_character_pairs() -> None:
    # 歐足|聯 for …聯合會: the Union of … heads the English name
    assert ("歐足聯", "Union of European Football Associations") in rows(*UNION)


@pytest.mark.usefixtures("rules_off")
def test_without_the_rules_neither_pairs() -> None:
    assert not [row for row in rows(*CENTRAL) if row[0] == "民建中央"]
    assert not [row for row in rows(*UNION) if row[0] == "歐足聯"]


def test_the_head_is_the_designator_before_the_connector() -> None:
    # "Central Committee of the … Association" is a committee, not an association; "… of Industry" inside
    # "… of Industry and Commerce" is the same body (one head word), not a second candidate for it
    head = designator_pairs._head_before_connector
    assert head("Central Committee of the China Democratic National Construction Association".split()) == 1
    assert head("General Office of the CPC Central Committee".split()) == 1
    assert head("Standing Committee of the 12th National People's Congress".split()) == 1
    # two names run together: no head before the connector
    assert head("Democratic Party and the All-China Federation of Industry and Commerce".split()) is None
    assert head("China Iron and Steel Association".split()) is None
