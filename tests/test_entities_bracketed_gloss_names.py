"""A person a CC-CEDICT gloss names in brackets is a gloss of the word: 國父 "Father of the Republic (Sun Yat-sen)"."""

from __future__ import annotations

from bitext.entities.dictionary import gloss_heads
from test_entities_signals import pairs


def test_a_bracketed_name_in_a_gloss_is_a_head() -> None:
    assert "sun yat sen" in gloss_heads("国父")
    # usage notes in brackets name nobody: one capitalised word ("(Tw)", "(Cantonese)") or lower case
    assert not [h for h in gloss_heads("台") if h in ("tw", "cantonese")]


def test_the_epithet_pairs_with_the_name() -> None:
    zh = "文化部為辦理國父紀念文物史料之蒐集、研究，特設國立國父紀念館。"
    en = (
        "The Ministry of Culture established the National Dr. Sun Yat-sen Memorial Hall to administer the "
        "collection and research of Dr. Sun Yat-sen's memorial relics and records."
    )
    found = pairs(zh, en)
    assert [zh for zh, en in found if "Sun Yat-sen" in en and zh.startswith("國父")], found
