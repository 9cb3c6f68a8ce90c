"""CC-CEDICT writes names with diacritics (本州 "Honshū"), texts often without (Honshu): the gloss and the
English are compared with their diacritics folded (issue 13, FLORES)."""

from __future__ import annotations

from bitext.entities.dictionary import normalise_english
from test_entities_signals import pairs


def test_diacritics_are_folded_before_comparing() -> None:
    assert normalise_english("Honshū") == "honshu"
    assert normalise_english("İzmir") == "izmir"
    assert normalise_english("Erdoğan") == "erdogan"


def test_a_gloss_with_a_macron_names_the_plain_spelling() -> None:
    found = pairs("北海道在本州以北。", "Hokkaido lies north of Honshu.")
    assert ("本州", "Honshu") in found, found
