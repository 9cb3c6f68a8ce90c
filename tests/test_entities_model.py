"""The entity model: one row per entity, its surface forms on each side as variants."""

from __future__ import annotations

from bitext.entities import align_entities
from bitext.entities.pairing import _same_entity
from test_entities import one_to_one


def test_a_surname_mention_joins_the_full_name() -> None:
    alignment = one_to_one(
        ["加里·霍爾特今天說。", "霍爾特宣布了計劃。", "霍爾特與徐立在香港。"],
        ["Gary Holt said today.", "Holt announced a plan.", "Holt met Xu Li in Hong Kong."],
    )
    rows = [pair for pair in align_entities(alignment) if "Holt" in pair.en]
    assert len(rows) == 1
    holt = rows[0]
    assert (holt.zh, holt.en) == ("加里·霍爾特", "Gary Holt")
    assert set(holt.en_variants) == {"Gary Holt", "Holt"}
    assert set(holt.variants) == {"加里·霍爾特", "霍爾特"}
    assert holt.count == 3 == len(holt.mentions)


def test_same_entity_rules() -> None:
    assert _same_entity(("霍尔特", "Holt"), ("加里·霍尔特", "Gary Holt"))
    assert _same_entity(("Gary Holt", "Gary Holt"), ("Holt", "Holt"))
    assert _same_entity(("裴洛西", "Pelosi"), ("Nancy Pelosi", "Nancy Pelosi"))
    assert _same_entity(("香港", "HONG KONG"), ("香港", "Hong Kong"))
    assert _same_entity(("中国", "China"), ("中国", "Chinese"))
    # a designator makes another entity, and unrelated names never join
    assert not _same_entity(("牛津", "Oxford"), ("牛津大学", "University of Oxford"))
    assert not _same_entity(("香港", "Hong Kong"), ("香港特别行政区", "Hong Kong Special Administrative Region"))
    assert not _same_entity(("香港", "Hong Kong"), ("香港", "Kowloon"))
    assert not _same_entity(("伦敦", "London"), ("伦敦大学", "London University"))
