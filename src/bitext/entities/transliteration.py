"""Transliteration signal: does an English name sound like the Chinese one?

Two kinds of names meet here. Chinese names written in English follow a romanisation exactly or
nearly (徐立 → Xu Li, 蔡英文 → Tsai Ing-wen, 李嘉誠 → Li Ka-shing): compared letter for letter with
each reading. Foreign names written in Chinese are approximated syllable by syllable (哈利法克斯 ha li
fa ke si → Halifax, 戴紐斯 dai niu si → Danius): compared on a consonant skeleton in which sounds
Chinese transcription merges (b/p, d/t, g/k, l/r, s/z/x…) share one letter and vowels are dropped.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import lru_cache

import regex
from rapidfuzz import process
from rapidfuzz.distance import Levenshtein

from bitext.resources.names import SYSTEMS, char_syllables, readings, spelling_bounds
from bitext.resources.sounds import MAX_CHUNK, SoundTable, load_sounds

# Name separators inside Chinese renderings of foreign names: 埃胡德·烏爾, 莎拉．戴紐斯.
NAME_SEPARATORS = "·．・•‧"
_HAN = regex.compile(r"\p{Han}")
_PINYIN_DIGRAPHS = (("zh", "j"), ("ch", "j"), ("sh", "s"), ("ng", "n"))
_PINYIN_LETTERS = str.maketrans({"q": "j", "x": "s", "c": "s", "z": "s", "r": "l", "p": "b", "t": "d", "g": "k"})
_ENGLISH_DIGRAPHS = (
    ("sch", "s"),
    ("ch", "j"),
    ("sh", "s"),
    ("ph", "f"),
    ("th", "d"),
    ("ck", "k"),
    ("gh", ""),
    ("ng", "n"),
    ("x", "ks"),
    ("qu", "k"),
    ("ce", "se"),
    ("ci", "si"),
    ("cy", "sy"),
    ("ge", "je"),
    ("gi", "ji"),
)
_ENGLISH_LETTERS = str.maketrans(
    {
        "c": "k",
        "q": "k",
        "z": "s",
        "r": "l",
        "p": "b",
        "t": "d",
        "g": "k",
        "v": "f",
        "j": "j",
    }
)
_VOWELS = str.maketrans("", "", "aeiouyhw")

# A full-spelling match this good is a romanised Chinese name (small slips: Ing-wen for Ying-wen).
ROMANISATION_FLOOR = 0.8
# Learned spellings (resources/sounds.py): a chunk never seen for its character counts as this
# fraction of the character's commonest spelling, and the geometric mean of the fractions maps to a
# score by SOUND_SCALE so that 0.1 (true held-apart Wikidata pairs: 76% reach it; mismatched pairs:
# under 1%) scores TRANSLITERATION_FLOOR, 0.7; capped like the skeleton, below exact romanisations.
UNSEEN_CHUNK = 0.01
SOUND_SCALE = 10.4
LEARNED_CAP = 0.9
# Systems that approximate a foreign name rather than spell a Chinese one.
APPROXIMATE = frozenset({"skeleton", "learned"})
# Skeletons shorter than this match too easily (one consonant fits half the names in a text); two-
# consonant skeletons count, but for less than longer ones.
MIN_SKELETON = 2


@dataclass(frozen=True, slots=True)
class Transliteration:
    score: float
    system: str
    spelling: str
    given: bool = False  # an English given name came first and was left out of the comparison

    @property
    def evidence(self) -> str:
        extra = "+given name" if self.given else ""
        return f"{self.system}:{self.spelling}{extra}={self.score:.2f}"


_NOT_KEY_LETTER = regex.compile(r"[^a-z]+")


def english_key(text: str) -> str:
    """``"Ka-shing"`` → ``"kashing"``: lower-case ASCII letters only."""
    return _NOT_KEY_LETTER.sub("", text.lower())


def pinyin_skeleton(spelling: str) -> str:
    for digraph, letter in _PINYIN_DIGRAPHS:
        spelling = spelling.replace(digraph, letter)
    return _squeeze(spelling.translate(_PINYIN_LETTERS).translate(_VOWELS))


_POST_VOCALIC_R = regex.compile(r"(?<=[aeiou])r(?![aeiouy])")
_FINAL_TH = regex.compile(r"th$")


@lru_cache(maxsize=65536)
def english_skeleton(key: str, rhotic: bool = True) -> str:
    """Consonant skeleton of an English spelling. Chinese transcription writes a final "th" as s
    (Smith 史密斯, Spieth 史畢斯) and sometimes drops an r after a vowel (Jordan 喬丹, Carter 卡特,
    but Kanjar 康戛爾): ``rhotic=False`` drops it."""
    if not rhotic:
        key = _POST_VOCALIC_R.sub("", key)
    key = _FINAL_TH.sub("s", key)
    for digraph, letters in _ENGLISH_DIGRAPHS:
        key = key.replace(digraph, letters)
    return _squeeze(key.translate(_ENGLISH_LETTERS).translate(_VOWELS))


def _squeeze(text: str) -> str:
    """Doubled consonants are one sound (Danniel, Hall): keep one."""
    return "".join(ch for i, ch in enumerate(text) if i == 0 or ch != text[i - 1])


def han_only(text: str) -> str:
    return "".join(_HAN.findall(text))


@lru_cache(maxsize=65536)
def transliteration(zh: str, en: str) -> Transliteration | None:
    """The best-matching reading of ``zh`` for ``en``, or ``None`` when nothing is comparable.

    Scores are in [0, 1]: 1 for an exact romanisation (徐立 ↔ Xu Li); skeleton matches of foreign
    names are capped below exact spellings so a real romanisation always ranks first.
    """
    han = han_only(zh)
    key = english_key(en)
    if not han or len(key) < 2:
        return None
    words = en.split()
    if len(words) >= 3 and len(han) <= 4 and not _common_word(words[0]):
        # An English first name before the Chinese one: STEVEN POON KWOK-LIM for 潘國濂 (a common word
        # is no given name: "Regulations Regarding Hong Kong" is not 香港).
        shorter = transliteration(zh, " ".join(words[1:]))
        full = _best_reading(han, key)
        exact = shorter is not None and (
            shorter.system not in APPROXIMATE or _HONG_KONG_FORM.fullmatch(" ".join(words[1:]))
        )
        if shorter is not None and exact and (full is None or shorter.score > full.score):
            return Transliteration(shorter.score, shorter.system, shorter.spelling, given=True)
        return full
    return _best_reading(han, key)


# A Chinese name written the Hong Kong way, surname in capitals and a hyphenated given name (CHAN Mo-po):
# a spelling outside the official romanisations still names a Chinese person after an English given name.
_HONG_KONG_FORM = regex.compile(r"\p{Lu}{2,} \p{Lu}[\p{Ll}\p{Lu}]*-[\p{Ll}\p{Lu}]+")


def _common_word(word: str) -> bool:
    from bitext.entities.lexicon import is_common_english_word

    return is_common_english_word(word.strip(".,"))


def _best_reading(han: str, key: str) -> Transliteration | None:
    best = _best_spelling(han, key)
    best_score = -1.0 if best is None else best.score
    if best_score >= APPROXIMATE_CAP:
        return best  # neither approximation can score above its cap, and a tie keeps the first
    for approximate in (_skeleton_match(han, key), learned_sound(han, key)):
        if approximate is not None and (best is None or approximate.score > best.score):
            best = approximate
    return best


def _best_spelling(han: str, key: str) -> Transliteration | None:
    """The reading of ``han`` in a romanisation (pinyin, Wade–Giles, Cantonese) that spells ``key`` best:
    ``_best_reading`` before the approximations."""
    spellings, sources = _spellings(han)
    if not spellings:
        return None
    # the first of the best-scoring spellings, as a loop keeping a strictly better one would find it
    # (rapidfuzz's extractOne, in C: tests/test_names_cost.py compares the two)
    _, score, index = process.extractOne(key, spellings, scorer=Levenshtein.normalized_similarity)
    system, reading = sources[index]
    return Transliteration(score, system, " ".join(reading))


def romanisation(zh: str, key: str, floor: float) -> Transliteration | None:
    """``transliteration(zh, key)`` for a one-word ``key`` (letters only) when it is a romanisation
    (not an approximation) scoring at least ``floor``, else None; the approximations are
    computed only where they could win: when the best spelling scores under ``floor``, whatever wins
    is either an approximation or under ``floor``, None both ways."""
    han = han_only(zh)
    if not han or len(key) < 2 or not _spelling_may_reach(han, len(key), floor):
        return None
    if not _may_spell_closely(han, key, floor):
        return None
    best = _best_spelling(han, key)
    if best is None or best.score < floor:
        return None
    if best.score < APPROXIMATE_CAP:
        best = transliteration(zh, key)  # an approximation may score higher (then it is None here)
    return best if best is not None and best.system not in APPROXIMATE else None


# The most either approximation scores: the skeleton's weight times a similarity, the learned cap
# times at most 1 (both rounded to four places).
APPROXIMATE_CAP = max(0.9, LEARNED_CAP)


@lru_cache(maxsize=65536)
def _spellings(han: str) -> tuple[tuple[str, ...], tuple[tuple[str, tuple[str, ...]], ...]]:
    """The spelling of every reading of ``han``, systems in order (pinyin, Wade–Giles, Cantonese), each
    spelling once (a later reading spelt the same scores the same and would not replace the first:
    ``_best_reading`` keeps the first best), and beside them the (system, reading) each came from. Made
    once per name: a name meets every English candidate of its beads. (The readings are the tuples
    names.readings caches.)"""
    seen: dict[str, tuple[str, tuple[str, ...]]] = {}
    for system in ("pinyin", "wade-giles", "cantonese"):
        for reading in readings(han, system):
            for order in _name_orders(reading):
                spelling = "".join(order)
                if spelling not in seen:
                    seen[spelling] = (system, order)
    return tuple(seen), tuple(seen.values())


def _name_orders(reading: tuple[str, ...]) -> tuple[tuple[str, ...], ...]:
    """The name as written in China (surname first) and, for a two- or three-character name, in Western
    order, given name first (宋永華 ↔ Yonghua Song): the surname moved to the end."""
    return (reading, reading[1:] + reading[:1]) if len(reading) in (2, 3) else (reading,)


def learned_sound(han: str, key: str, table: SoundTable | None = None) -> Transliteration | None:
    """The best cut of ``key`` into one letter chunk per character, in order, scored by how usual
    each chunk is for its character (布里辛斯基 ↔ bu|r|zin|s|ki for Brzezinski). ``None`` when a
    character is not in the table or the lengths cannot fit."""
    table = load_sounds() if table is None else table
    n, m = len(key), len(han)
    if m < 2 or not m <= n <= MAX_CHUNK * m or any(ch not in table for ch in han):
        return None
    floor = math.log(UNSEEN_CHUNK)
    # best[j]: the best log score of the first i characters spelling key[:j], with its cut.
    best: dict[int, tuple[float, tuple[str, ...]]] = {0: (0.0, ())}
    for i, ch in enumerate(han):
        ratios = table.ratios[ch]
        following: dict[int, tuple[float, tuple[str, ...]]] = {}
        for j, (score, cut) in best.items():
            for k in range(1, MAX_CHUNK + 1):
                end = j + k
                if end > n or n - end < m - i - 1 or n - end > MAX_CHUNK * (m - i - 1):
                    continue
                chunk = key[j:end]
                ratio = ratios.get(chunk)
                value = score + (math.log(ratio) if ratio else floor)
                if end not in following or value > following[end][0]:
                    following[end] = (value, (*cut, chunk))
        best = following
    if n not in best:
        return None
    total, cut = best[n]
    score = LEARNED_CAP * max(0.0, 1.0 + total / m / SOUND_SCALE)
    return Transliteration(round(score, 4), "learned", "|".join(cut))


@lru_cache(maxsize=65536)
def sounds_at_least(zh: str, en: str, floor: float) -> bool:
    """Whether ``transliteration(zh, en)`` scores at least ``floor``, computing only what can decide it.

    For ``en`` of one or two words the score is the best spelling's, or the higher of the two
    approximations where they beat it (ties keep the first): at least ``floor`` when any of the three
    is. They are tried cheapest first, and the learned spellings' search drops cuts that can no longer
    reach ``floor``. (An English given name first, three words or more: the full comparison.)"""
    if len(en.split()) >= 3:
        match = transliteration(zh, en)
        return match is not None and match.score >= floor
    han, key = han_only(zh), english_key(en)
    if not han or len(key) < 2:
        return False
    # each of the three is tried only where the lengths of ``han``'s readings let it reach the floor
    # (reading a new string in context is the costly part; the learned search does not need it)
    if _spelling_may_reach(han, len(key), floor) and _may_spell_closely(han, key, floor):
        spelt = _best_spelling(han, key)
        if spelt is not None and spelt.score >= floor:
            return True
    if _skeleton_may_reach(han, key, floor) and _skeleton_reaches(han, key, floor):
        return True
    return _learned_at_least(han, key, floor)


# Under the floor by more than this, a bound says no (the skeleton's score is rounded to four places).
_BOUND_MARGIN = 0.001


def _similarity_bound(shortest: int, longest: int, length: int) -> float:
    """The most ``Levenshtein.normalized_similarity`` of a string of ``length`` letters can be with one of
    ``shortest`` to ``longest`` letters: the distance is at least the difference in length."""
    if length < shortest:
        return length / shortest
    if length > longest:
        return longest / length if longest else 0.0
    return 1.0


def _spelling_may_reach(han: str, length: int, floor: float) -> bool:
    """Whether a spelling of ``han`` (``_best_spelling``) may score ``floor`` against a key of ``length``
    letters, told from the lengths of its characters' readings without reading ``han`` in context."""
    bounds = spelling_bounds(han)
    return bounds is None or _similarity_bound(bounds[0], bounds[1], length) >= floor - _BOUND_MARGIN


def _may_spell_closely(han: str, key: str, floor: float) -> bool:
    """Whether a spelling of ``han`` may score ``floor`` against ``key`` where the floor leaves at most two
    edits (romanisation's floors, 0.8 to 1.0, on names of up to 14 letters), told from its characters' own
    syllables without reading ``han`` in context. A spelling is one syllable per character a system reads,
    in order (or, for two or three, the first moved to the end), each among the character's own syllables
    (``char_syllables``; the bound is skipped where ``spelling_bounds`` knows none). The edits fall in at
    most as many syllables (an insertion before the first letter counts in the first syllable, one between
    two syllables in the second); a syllable with none stands whole in the key: the first at its start,
    the last at its end, and, when both ends have one of two edits, the second right after the first, one
    letter earlier or later at most."""
    bounds = spelling_bounds(han)
    if bounds is None:
        return True
    # the most edits a score of ``floor`` allows against the longest spelling (a margin for the float)
    edits = math.floor((1.0 - floor + _BOUND_MARGIN) * max(bounds[1], len(key)))
    if edits > 2:
        return True
    for count, orders in _syllable_ends(han):
        if count <= edits:
            return True  # every syllable may hold an edit
        for firsts, lasts, seconds, second_starts in orders:
            first, last = key.startswith(firsts), key.endswith(lasts)
            if (first and last) if edits == 0 else (first or last):
                return True
            if edits == 2 and any(key.startswith(seconds, at) for at in second_starts):
                return True
    return False


_Ends = tuple[tuple[str, ...], tuple[str, ...], tuple[str, ...], tuple[int, ...]]


@lru_cache(maxsize=65536)
def _syllable_ends(han: str) -> tuple[tuple[int, tuple[_Ends, ...]], ...]:
    """Per system that reads ``han``: how many of its characters it reads, and for each order of a spelling
    (as written, and for two or three syllables the first moved to the end) the first syllable's options,
    the last's, the second's and where the second may start (after a first changed by one edit)."""
    found = []
    for system in SYSTEMS:
        syllables = [options for ch in han if (options := char_syllables(ch, system))]
        if not syllables:
            continue
        orders = (syllables, syllables[1:] + syllables[:1]) if len(syllables) in (2, 3) else (syllables,)
        ends = tuple(
            (
                order[0],
                order[-1],
                order[1] if len(order) > 1 else (),
                tuple(sorted({len(first) + shift for first in order[0] for shift in (-1, 0, 1)})),
            )
            for order in orders
        )
        found.append((len(syllables), ends))
    return tuple(found)


def _skeleton_may_reach(han: str, key: str, floor: float) -> bool:
    """Whether ``_skeleton_match(han, key)`` may score ``floor``: a pinyin skeleton has at most as many
    letters as the reading has consonant letters, and scores at most 0.9 times its similarity."""
    bounds = spelling_bounds(han)
    if bounds is None:
        return True
    if bounds[2] < MIN_SKELETON:
        return False  # every pinyin skeleton is too short to compare (_pinyin_skeletons drops it)
    for target in (english_skeleton(key), english_skeleton(key, rhotic=False)):
        if len(target) >= MIN_SKELETON and 0.9 * _similarity_bound(0, bounds[2], len(target)) >= floor - _BOUND_MARGIN:
            return True
    return False


def _learned_at_least(han: str, key: str, floor: float, table: SoundTable | None = None) -> bool:
    """``learned_sound(han, key)`` scores at least ``floor``. Each chunk's log ratio is at most 0 (a ratio
    is a fraction of the commonest spelling), so a cut's running total only falls: one already under
    the total ``floor`` needs (less a margin for the score's rounding) is dropped."""
    table = load_sounds() if table is None else table
    n, m = len(key), len(han)
    if m < 2 or not m <= n <= MAX_CHUNK * m or any(ch not in table for ch in han):
        return False
    unseen = math.log(UNSEEN_CHUNK)
    # score = LEARNED_CAP * (1 + total / m / SOUND_SCALE), rounded to four places
    needed = ((floor - 0.0001) / LEARNED_CAP - 1.0) * m * SOUND_SCALE
    best: dict[int, float] = {0: 0.0}
    for i, ch in enumerate(han):
        ratios = table.ratios[ch]
        following: dict[int, float] = {}
        for j, score in best.items():
            for k in range(1, MAX_CHUNK + 1):
                end = j + k
                if end > n or n - end < m - i - 1 or n - end > MAX_CHUNK * (m - i - 1):
                    continue
                ratio = ratios.get(key[j:end])
                value = score + (math.log(ratio) if ratio else unseen)
                if value >= needed and (end not in following or value > following[end]):
                    following[end] = value
        if not following:
            return False
        best = following
    if n not in best:
        return False
    return round(LEARNED_CAP * max(0.0, 1.0 + best[n] / m / SOUND_SCALE), 4) >= floor


@lru_cache(maxsize=65536)
def _pinyin_skeletons(han: str) -> tuple[tuple[tuple[str, ...], str], ...]:
    """Each pinyin reading of ``han`` with its skeleton, where the skeleton is long enough to compare
    (computed once per name: a name meets every English candidate of its beads)."""
    pairs = ((reading, pinyin_skeleton("".join(reading))) for reading in readings(han, "pinyin", limit=16))
    return tuple((reading, source) for reading, source in pairs if len(source) >= MIN_SKELETON)


@lru_cache(maxsize=65536)
def _skeleton_sources(han: str) -> tuple[str, ...]:
    """The distinct skeletons of ``_pinyin_skeletons(han)``, in order."""
    return tuple(dict.fromkeys(source for _, source in _pinyin_skeletons(han)))


def _skeleton_reaches(han: str, key: str, floor: float) -> bool:
    """Whether ``_skeleton_match(han, key)`` scores at least ``floor``, without making its result: that
    score is the best of its comparisons rounded to four places (it keeps a reading when one scores above
    the rounded best so far, and rounding keeps order), so each distinct skeleton is compared once and
    the search stops at the first that reaches ``floor``."""
    for target in dict.fromkeys((english_skeleton(key), english_skeleton(key, rhotic=False))):
        if len(target) < MIN_SKELETON:
            continue
        for source in _skeleton_sources(han):
            weight = 0.9 if min(len(source), len(target)) > MIN_SKELETON else 0.75
            if round(weight * Levenshtein.normalized_similarity(source, target), 4) >= floor:
                return True
    return False


def _skeleton_match(han: str, key: str) -> Transliteration | None:
    best: Transliteration | None = None
    for target in dict.fromkeys((english_skeleton(key), english_skeleton(key, rhotic=False))):
        if len(target) < MIN_SKELETON:
            continue
        # readings often share a skeleton (ban/pan, du/dou): each is compared once; every reading is
        # still visited in order, as the rounded best decides which of equal scores is kept
        scored: dict[str, float] = {}
        for reading, source in _pinyin_skeletons(han):
            score = scored.get(source)
            if score is None:
                weight = 0.9 if min(len(source), len(target)) > MIN_SKELETON else 0.75
                score = scored[source] = weight * Levenshtein.normalized_similarity(source, target)
            if best is None or score > best.score:
                best = Transliteration(round(score, 4), "skeleton", " ".join(reading))
    return best
