"""Hard-wrapping a whole document (English lines of ~70 characters, Chinese of ~35, no blank lines inside a
paragraph, a blank line between paragraphs) leaves its entity table's (zh, en) rows unchanged, at the
document level: segmentation with the wrapped layout, bitext.align, then align_entities. Real documents:
Taiwan statutes from the entity gold (benchmarks/data/entities/docs/), one paragraph a line."""

from __future__ import annotations

import textwrap
from functools import cache
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

import bitext
from bitext.entities import align_entities

DOCS = Path(__file__).resolve().parents[1] / "benchmarks" / "data" / "entities" / "docs"
NAMES = ("roc-constitution-09", "cross-strait-08", "roc-constitution-06")


def wrap_english(text: str, width: int) -> str:
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return "\n\n".join(textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False) for p in paragraphs)


def wrap_chinese(text: str, width: int) -> str:
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return "\n\n".join("\n".join(p[i : i + width] for i in range(0, len(p), width)) for p in paragraphs)


def rows(zh: str, en: str, layout: str) -> set[tuple[str, str]]:
    alignment = bitext.align(bitext.segment(zh, "zh", layout=layout), bitext.segment(en, "en", layout=layout))
    return {(pair.zh, pair.en) for pair in align_entities(alignment)}


@cache
def document(name: str) -> tuple[str, str, frozenset[tuple[str, str]]]:
    zh = (DOCS / f"{name}.zh.txt").read_text(encoding="utf-8")
    en = (DOCS / f"{name}.en.txt").read_text(encoding="utf-8")
    return zh, en, frozenset(rows(zh, en, "lines"))


def test_the_documents_have_entities() -> None:
    for name in NAMES:
        assert len(document(name)[2]) >= 3, name


@settings(deadline=None, max_examples=4)
@given(st.sampled_from(NAMES), st.integers(50, 80), st.integers(20, 40))
def test_hard_wrapping_a_statute_leaves_its_entity_rows_unchanged(name: str, en_width: int, zh_width: int) -> None:
    zh, en, unwrapped = document(name)
    wrapped_zh, wrapped_en = wrap_chinese(zh, zh_width), wrap_english(en, en_width)
    assert wrapped_zh != zh and wrapped_en != en  # the documents have lines longer than the widths
    assert rows(wrapped_zh, wrapped_en, "wrapped") == unwrapped


def test_no_heading_word_is_paired_on_the_statutes() -> None:
    """Issue 13: on a statute the commonest place name was paired with a heading word (香港 ↔ Article)."""
    headings = {"article", "chapter", "section", "schedule", "part", "paragraph", "subparagraph", "item"}
    for name in NAMES:
        for _, en in document(name)[2]:
            assert en.lower() not in headings, (name, en)
