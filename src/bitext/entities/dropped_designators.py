"""A party or a team whose Chinese name carries its designator and whose English name does not (保守黨 ↔
Conservative in "the Conservative party", 全黑隊 ↔ All Blacks).

composed_match needs four Chinese characters or an English designator to answer the Chinese one, so these
three-character names were never paired (issue 13, FLORES). Here the name before 黨 / 隊 must be answered
word for word: every English word (function words too: 全 "all") covered by a gloss of a piece of it, and
every character of it inside such a piece. Not for places: 南非隊 ↔ South Africa is the country's team, which
the gold's guideline types as the country (LOC), and 南非 ↔ South Africa pairs inside it anyway.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from functools import lru_cache

from bitext.entities.candidates import Candidate, han_characters
from bitext.entities.dictionary import (
    covers,
    direct_match,
    gloss_heads,
    gloss_words,
    is_acronym,
    normalise_english,
    stem,
)
from bitext.entities.lexicon import EN_DESIGNATORS
from bitext.resources.places import load_places
from bitext.segment.words import Token

# Less sure than a composed name (0.8): the designator is answered by nothing.
DROPPED = 0.7
_ENDINGS = frozenset("党队")
MAX_CORE_CHARS = 4
MAX_PIECE_CHARS = 4


@lru_cache(maxsize=65536)
def dropped_designator_match(zh: str, en: str) -> str | None:
    """The evidence ("designator-dropped:保守+党") when ``zh`` (simplified) is a name answered word for word
    by ``en`` plus 黨 or 隊, which ``en`` leaves out; else None."""
    if len(zh) < 3 or zh[-1] not in _ENDINGS or is_acronym(en):
        return None
    core = zh[:-1]
    if len(core) > MAX_CORE_CHARS:
        return None
    words = normalise_english(en).split()
    if not words or len(words) > 3 or any(w in EN_DESIGNATORS for w in en.lower().split()):
        return None
    if load_places().is_place(en):
        return None  # 南非隊 ↔ South Africa: the country's team is the country (LOC) in the gold's guideline
    covered: set[int] = set()
    pieces: list[str] = []
    for word in words:
        word_stem = stem(word)
        best: tuple[int, int] | None = None
        for start in range(len(core)):
            for end in range(min(len(core), start + MAX_PIECE_CHARS), start, -1):
                if covers(gloss_words(core[start:end]), word_stem) and (
                    best is None or end - start > best[1] - best[0]
                ):
                    best = (start, end)
        if best is None:
            return None
        covered.update(range(*best))
        pieces.append(core[best[0] : best[1]])
    if covered != set(range(len(core))):
        return None
    return "designator-dropped:" + "+".join(dict.fromkeys(pieces)) + "+" + zh[-1]


def chinese_spans(tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int) -> list[Candidate]:
    """The Chinese spans, a name and 黨 / 隊 after it, that an English name of the bead answers word for word."""
    names = [en for en in english if " " not in en.key or en.key.count(" ") <= 2]
    if not names:
        return []
    chars = han_characters(tokens, text)
    ends = [i for i, (_, ch) in enumerate(chars) if ch in _ENDINGS and i >= 2]
    found = []
    for last, en in itertools.product(ends, names):
        for first in range(max(0, last - MAX_CORE_CHARS), last - 1):
            run = chars[first : last + 1]
            if any(text[a[0] + 1 : b[0]].strip() for a, b in itertools.pairwise(run)):
                continue
            key = "".join(c for _, c in run)
            if dropped_designator_match(key, en.key) is not None:
                start, end = run[0][0], run[-1][0] + 1
                found.append(Candidate(start, end, text[start:end], key, sentence, "glossed", "ORG"))
                break  # the longest name before this ending
    return found


# A country's body named without the country in English (美國國會 ↔ Congress, 美國空軍 ↔ Air Force): less sure
# than the dictionary's own entry for the body (0.95), as sure as a dropped 黨 / 隊.
COUNTRY_DROPPED = 0.7
_ORG_LAST_CHARACTERS = frozenset("会党军厅处局署部队院")


@lru_cache(maxsize=65536)
def country_dropped_match(zh: str, en: str) -> str | None:
    """The evidence ("country-dropped:美国+国会") when ``zh`` (simplified) is a country's name and then a
    body's name that CC-CEDICT gives for ``en`` (国会 "Congress"), the English leaving the country out, as
    English does for a country's own bodies in its news; else None. Only bodies (the last character a body's
    designator: 会, 院, 部, 军 …): 美國總統 ↔ President is an office, not a row."""
    if is_acronym(en) or zh[-1] not in _ORG_LAST_CHARACTERS:
        return None
    places = load_places()
    folded = normalise_english(en)
    for size in (2, 3):
        country, body = zh[:size], zh[size:]
        if len(body) < 2:
            break
        names = [g for g in gloss_heads(country) if places.is_region(g)]
        if not names or any(name in folded for name in names):
            continue
        if direct_match(body, en) is not None:
            return f"country-dropped:{country}+{body}"
    return None
