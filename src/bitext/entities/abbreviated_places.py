"""Countries written as one character inside a Chinese compound: 中俄 ↔ China … Russia, 中方 ↔ China.

Chinese news names two countries' relations, talks or leaders with a compound of their one-character
abbreviations (中俄兩國 "China and Russia", 中哈雙方, 中歐關係 "China-EU relations") and a country's side in
talks with the abbreviation and 方 "side" (中方 "China", 俄方). jieba (中方) or CC-CEDICT (中|俄 → 中俄) keeps
such a compound as one word, so it was one candidate: 中俄 paired with "China" and lost Russia, 中方 ↔ China
was a row whose Chinese is no name (the guideline's row is 中 ↔ China: a one-character abbreviation counts as
a mention when it is the only form on that side). Found in fresh11 (中俄) and fresh12 (中方, 中歐, 中哈, 中俄
in three documents).

A two-character word is read as abbreviations when CC-CEDICT glosses each character (or the first, before 方)
with a country or continent (中 "China", 俄 "Russia", 哈 "Kazakhstan", 歐 "Europe"; GeoNames' country and
continent names decide what a place is) and the word is no common word (美德 "virtue" is also "USA and
Germany"), and, when CC-CEDICT has the word, a gloss of it names those countries (中俄 "China Russia",
中方 "Chinese side"; not 波斯 "Persia", though 波 is "Poland" and 斯 "Slovakia"). Each such character is a LOC
candidate of its own, in place of the compound, and pairs only with an English name its gloss spells (中 ↔
China, not "Chinese": a demonym is no row). Characters CC-CEDICT does not gloss with their country (華, 京,
蒙, 美 "USA" is no GeoNames name) are left as they were.
"""

from __future__ import annotations

from functools import lru_cache

from bitext.entities.dictionary import gloss_heads, normalise_english
from bitext.resources.cedict import load_cedict
from bitext.resources.places import load_places

SOURCE = "abbreviated-place"
# As strong as a dictionary gloss of the character: it is the country's own abbreviation.
ABBREVIATION = 0.95
_SIDE = "方"


@lru_cache(maxsize=4096)
def countries_of(character: str) -> frozenset[str]:
    """The countries and continents (normalised English) CC-CEDICT glosses ``character`` with (simplified)."""
    places = load_places()
    return frozenset(head for head in gloss_heads(character) if places.is_region(head))


@lru_cache(maxsize=16384)
def abbreviated_offsets(word: str) -> tuple[int, ...]:
    """Offsets of the characters of ``word`` (simplified) that stand for countries, when the word is a compound
    of such abbreviations (中俄 → (0, 1)) or an abbreviation and 方 (中方 → (0,)); else ()."""
    if len(word) != 2:
        return ()
    entries = load_cedict().lookup(word)
    if any(not entry.is_proper_noun for entry in entries):
        return ()  # 美德 "virtue", 中外 "home and abroad": a common word
    first = countries_of(word[0])
    if not first:
        return ()  # (each answer below needs a first country: the second and the word's glosses go unread)
    second = countries_of(word[1]) if word[1] != _SIDE else frozenset()
    if entries and not _glossed_as_countries(gloss_heads(word), first | second):
        return ()  # 波斯 "Persia", not 波 "Poland" and 斯 "Slovakia"
    if first and word[1] == _SIDE:
        return (0,)
    if first and second:
        return (0, 1)
    return ()


def _glossed_as_countries(heads: tuple[str, ...], countries: frozenset[str]) -> bool:
    """Whether a gloss of the compound names its characters' countries: 中俄 "China Russia", 中方 "Chinese side",
    中歐 "Sino-European" (a word beginning as a country's name does, or "sino")."""
    stems = {word[:4] for country in countries for word in country.split()} | {"sino"}
    return any(word[:4] in stems for head in heads for word in head.split())


def abbreviation_match(character: str, en_key: str) -> tuple[str, float] | None:
    """(evidence, score) when the English name ``en_key`` is a country the one ``character`` abbreviates."""
    english = normalise_english(en_key)
    if english in countries_of(character):
        return f"{SOURCE}:{character}={english}", ABBREVIATION
    return None
