"""Is the Chinese side Chinese and the English side English? Swapped arguments (``bitext align en.txt
zh.txt``) align without complaint into nonsense, so the CLI warns and QA flags ``swapped-languages``.

The test is the share of Han characters among Han characters and Latin letters. Real sources run far from
the thresholds (measured): the bundled SenseTime text 0.97 Han (with GenAI, SenseNova and other English
names in it), its English 0.006; FLORES devtest zho_Hant 0.97, and none of its 1,012 sentences alone below
0.40; MAC-Dev's Chinese at least 0.98 per document, every English side 0.00. Only a source below
:data:`SOURCE_MAX_HAN` while the translation is above :data:`TRANSLATION_MIN_HAN` counts, and each side
needs :data:`MIN_LETTERS` letters to be judged.
"""

from __future__ import annotations

import regex

SOURCE_MAX_HAN = 0.2
TRANSLATION_MIN_HAN = 0.5
MIN_LETTERS = 20
SAMPLE = 200_000  # characters from the start of each side: plenty to judge, bounded for huge inputs

# Runs, not single characters: the summed lengths of the runs are the counts, found with a match per
# word rather than per character (about 5× faster on a literary chapter).
_HAN = regex.compile(r"\p{Han}+")
_LATIN = regex.compile(r"\p{Latin}+")


def han_share(text: str) -> float | None:
    """Han characters / (Han + Latin letters) in the first :data:`SAMPLE` characters; None when fewer
    than :data:`MIN_LETTERS` letters of either script are there."""
    sample = text[:SAMPLE]
    han = sum(map(len, _HAN.findall(sample)))
    latin = sum(map(len, _LATIN.findall(sample)))
    if han + latin < MIN_LETTERS:
        return None
    return han / (han + latin)


def looks_swapped(source: str, translation: str) -> bool:
    """True when the Chinese ``source`` reads as English and the English ``translation`` as Chinese."""
    # The source first: a Chinese source (nearly always) settles it without reading the translation.
    source_share = han_share(source)
    if source_share is None or source_share >= SOURCE_MAX_HAN:
        return False
    translation_share = han_share(translation)
    return translation_share is not None and translation_share > TRANSLATION_MIN_HAN


SWAPPED_MESSAGE = (
    "the Chinese side reads as English and the English side as Chinese: are SOURCE and TRANSLATION swapped? "
    "(the Chinese document comes first)"
)
