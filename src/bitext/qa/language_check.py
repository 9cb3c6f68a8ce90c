"""Swapped sides: the Chinese document reads as English and the English one as Chinese.

One document-level finding, put on the first bead (bitext.language_sides has the rule and its figures).
"""

from __future__ import annotations

from bitext.align.beads import Alignment
from bitext.language_sides import SWAPPED_MESSAGE, looks_swapped
from bitext.qa.flags import Flag


def swapped_languages_flags(alignment: Alignment) -> list[Flag]:
    if not alignment.beads or not looks_swapped(alignment.zh.text, alignment.en.text):
        return []
    return [Flag(0, "error", "swapped-languages", SWAPPED_MESSAGE)]
