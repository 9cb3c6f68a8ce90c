"""Romanisations of Chinese names: Hanyu Pinyin, Wade–Giles and Hong Kong (and Macao) Cantonese.

One Chinese name reaches English in several spellings: 徐立 → Xu Li (mainland pinyin), 蔡英文 →
Tsai Ing-wen (Taiwan, Wade–Giles without tone marks or apostrophes), 李嘉誠 → Li Ka-shing (Hong
Kong government Cantonese). Surnames have their own readings (曾 is Zeng as a surname, not the
adverb ceng; 單 is Shan, 區 is Ou), so every reading of the first character is kept, while the
other characters take pypinyin's context reading plus their heteronyms.

Readings are returned as tuples of plain ASCII syllables (no tones, apostrophes or diacritics,
ü → u), ready for fuzzy matching against English spellings.
"""

from __future__ import annotations

import itertools
import unicodedata
from functools import lru_cache
from typing import Any

from pypinyin import Style, pinyin

SYSTEMS = ("pinyin", "wade-giles", "cantonese")

# Past this many combinations per system, heteronyms of non-initial characters are dropped: the
# first reading (pypinyin's contextual choice, the commonest Cantonese spelling) is kept.
MAX_READINGS = 64


@lru_cache(maxsize=65536)
def ascii_syllable(syllable: str) -> str:
    """``"ts'ai"`` → ``"tsai"``, ``"lü"`` → ``"lu"``, ``"lv"`` → ``"lu"``: letters only, lower case."""
    decomposed = unicodedata.normalize("NFKD", syllable.lower())
    letters = "".join(ch for ch in decomposed if "a" <= ch <= "z")
    return letters.replace("v", "u")


def _unique(items: list[str]) -> list[str]:
    return list(dict.fromkeys(item for item in items if item))


@lru_cache(maxsize=65536)
def _pinyin_char(ch: str, style: Style) -> tuple[str, ...]:
    if style == Style.WADEGILES:  # the plain readings, each spelt in Wade–Giles (see _wade_giles)
        return tuple(_unique([ascii_syllable(_wade_giles(r)) for r in _plain_pinyin_char(ch)]))
    readings = pinyin(ch, style=style, heteronym=True, errors="ignore")
    return tuple(_unique([ascii_syllable(r) for r in readings[0]])) if readings else ()


@lru_cache(maxsize=65536)
def _plain_pinyin_char(ch: str) -> tuple[str, ...]:
    """pypinyin's plain readings of ``ch`` (heteronyms, before ``ascii_syllable``: ü still written v)."""
    readings = pinyin(ch, style=Style.NORMAL, heteronym=True, errors="ignore")
    return tuple(readings[0]) if readings else ()


@lru_cache(maxsize=4096)
def _wade_giles(plain: str) -> str:
    """pypinyin's Wade–Giles spelling of a syllable given in its plain style (``lv`` → ``lv``, ``cai`` →
    ``ts'ai``), "" for "". pypinyin's Wade–Giles style is a function of the toneless syllable (its
    ``to_wade_glides`` strips the tone first), so a word's Wade–Giles reading is its plain reading spelt
    syllable by syllable: one phrase lookup per new word instead of two, and each syllable's spelling (a
    walk of pypinyin's tables) made once. Checked against pypinyin's own Wade–Giles style on every
    character and phrase of its dictionaries (tests/test_names_cost.py reads a sample each run)."""
    from pypinyin.style.wadegiles import to_wade_glides

    return str(to_wade_glides(plain)) if plain else plain


@lru_cache(maxsize=1)
def _cantonese_table() -> dict[str, list[str]]:
    """cantoroman's character → Hong Kong romanisations table, the one of its six that
    ``Cantonese().getRoman`` reads: loaded alone (``Cantonese()`` parses all six JSON tables, 0.02 s of
    every process that pairs names, where this one is a fifth of it)."""
    import json
    import pkgutil

    data = pkgutil.get_data("cantoroman.canto", "data/charToRoman.json")
    if data is None:  # a loader that cannot read package data: the package's own way
        from cantoroman import Cantonese

        return dict(Cantonese().charToRoman)
    table: dict[str, list[str]] = json.loads(data)
    return table


@lru_cache(maxsize=65536)
def _cantonese_char(ch: str) -> tuple[str, ...]:
    """The table is keyed by traditional characters (诚 is missing, 誠 is there): try both scripts."""
    found = _cantonese_found(ch)
    if not found:
        return ()
    spellings = [ascii_syllable(r) for r in found]
    return tuple(_unique(spellings + [macao_spelling(r) for r in spellings]))


def _cantonese_found(ch: str) -> list[str] | None:
    """cantoroman's romanisations of ``ch`` (as in its table, not yet spelled), read through the script
    forms: ``ch``, its Hong Kong and its traditional OpenCC form. For a character of ``_CANTONESE_DOMAIN``
    the answer is read from a table made once and cached on disk (``_cantonese_by_char``): two OpenCC
    converters and cantoroman's JSON cost about 0.1 s of every process that pairs names."""
    if _in_cantonese_domain(ch):
        return _cantonese_by_char().get(ch)
    return _cantonese_found_by_conversion(ch)


def _cantonese_found_by_conversion(ch: str) -> list[str] | None:
    from bitext.script import convert

    for form in dict.fromkeys((ch, convert(ch, "s2hk"), convert(ch, "s2t"))):
        if len(form) != 1:  # (bitext.script's table of one-character conversions keeps no such form)
            continue
        found = _cantonese_table().get(form)  # what Cantonese().getRoman(form)[0] gives for one character
        if found:
            return found
    return None


# The characters whose answer the cached table holds: the Basic Multilingual Plane without surrogates
# (which OpenCC refuses) and the planes of the CJK extensions B to H. Building it converts each of them
# twice (about 0.5 s, once per set of package versions); any other character is converted when asked.
_CANTONESE_DOMAIN = ((0x0000, 0xD7FF), (0xE000, 0xFFFF), (0x20000, 0x3134F))


def _in_cantonese_domain(ch: str) -> bool:
    point = ord(ch) if len(ch) == 1 else -1
    return any(low <= point <= high for low, high in _CANTONESE_DOMAIN)


@lru_cache(maxsize=1)
def _cantonese_by_char() -> dict[str, list[str]]:
    """Every character of ``_CANTONESE_DOMAIN`` that ``_cantonese_found_by_conversion`` reads, with what it
    reads; keyed by the versions of cantoroman (the table) and OpenCC (the conversions)."""
    from bitext.resources.cache import cache_key, load_or_build

    key = cache_key(("cantonese-romanisation", "opencc"), 1)
    return load_or_build("cantonese-by-char", key, _build_cantonese_by_char, dict)


def _build_cantonese_by_char() -> dict[str, list[str]]:
    table: dict[str, list[str]] = {}
    for low, high in _CANTONESE_DOMAIN:
        for point in range(low, high + 1):
            found = _cantonese_found_by_conversion(chr(point))
            if found:
                table[chr(point)] = found
    return table


def _blank(chars: str) -> list[list[str]]:
    """pypinyin's ``errors=`` handler: one empty reading per character that has none."""
    return [[""] for _ in chars]


# Macao's government romanisation of Cantonese spells with Portuguese letters where Hong Kong's uses
# English ones (賀一誠 Ho Iat Seng, 歐陽瑜 Ao Ieong U, 嚴肇基 Im Sio Kei, 張 Cheong, 劉 Lao, 宋 Song):
# the Hong Kong spelling's sounds rewritten, final first, then a leading y. Ordered: longest first.
_MACAO_FINALS = (
    ("eung", "eong"),
    ("ing", "eng"),
    ("ung", "ong"),
    ("iu", "io"),
    ("uk", "ok"),
    ("au", "ao"),
    ("ee", "i"),
)
_MACAO_Y = (("yu", "u"), ("yi", "i"), ("y", "i"))


@lru_cache(maxsize=4096)
def macao_spelling(syllable: str) -> str:
    """The Macao spelling of a Hong Kong Cantonese syllable: ``yeung`` → ``ieong``, ``siu`` → ``sio``."""
    for hong_kong, macao in _MACAO_FINALS:
        if syllable.endswith(hong_kong):
            syllable = syllable[: -len(hong_kong)] + macao
            break
    for hong_kong, macao in _MACAO_Y:
        if syllable.startswith(hong_kong):
            return macao + syllable[len(hong_kong) :]
    return syllable


def _contextual_pinyin(text: str, style: Style) -> list[str]:
    """pypinyin's reading of each character in context (its phrase dictionary picks heteronyms).

    The same as ``pinyin(text, style=style, heteronym=False, errors=_blank)``, done as pypinyin does it
    (cut the text with its segmenter, convert each word) with both steps cached: a new name is read in
    two styles (the cut is made once) and is made of words already read (tests/test_entities_cost.py
    compares the two on random strings)."""
    readings = [options for word in _pinyin_words(text) for options in _word_pinyin(word, style)]
    return [ascii_syllable(options[0]) if options else "" for options in readings]


@lru_cache(maxsize=4096)
def _pinyin_words(text: str) -> tuple[str, ...]:
    """pypinyin's cut of ``text`` (what ``pinyin()`` converts word by word)."""
    from pypinyin.seg.simpleseg import seg

    return tuple(seg(text))


@lru_cache(maxsize=65536)
def _word_pinyin(word: str, style: Style) -> tuple[tuple[str, ...], ...]:
    """pypinyin's readings of one word of its cut, per character (``pinyin()``'s converter)."""
    if style == Style.WADEGILES:  # the plain reading spelt in Wade–Giles (see _wade_giles)
        return tuple(tuple(_wade_giles(r) for r in options) for options in _word_pinyin(word, Style.NORMAL))
    # errors=_blank: one empty reading per character with none (pypinyin takes a list of lists there)
    converted = _pinyin_converter().convert(word, style, False, _blank, strict=True)
    return tuple(tuple(options) for options in converted)


@lru_cache(maxsize=1)
def _pinyin_converter() -> Any:  # pypinyin.converter.UltimateConverter, as pypinyin.pinyin() makes it
    from pypinyin.converter import UltimateConverter

    return UltimateConverter(v_to_u=False, neutral_tone_with_five=False)


@lru_cache(maxsize=65536)
def char_syllables(ch: str, system: str) -> tuple[str, ...]:
    """Every syllable ``syllable_options(ch, system)`` gives the one character ``ch`` (the same set, maybe
    in another order), without reading it in context: alone, a character's contextual reading is one of
    its own readings (checked on every character of pypinyin's dictionary, tests/test_names_cost.py)."""
    if system == "cantonese":
        return _cantonese_char(ch)
    return _pinyin_char(ch, Style.NORMAL if system == "pinyin" else Style.WADEGILES)


def syllable_options(text: str, system: str) -> list[tuple[str, ...]]:
    """Per character, the candidate syllables in ``system``, most likely first.

    The first character gets every reading (surname readings included); the others get the
    contextual reading first, then their heteronyms. Characters with no reading (Latin, punctuation)
    get an empty tuple.
    """
    return list(_syllable_options(text, system))


@lru_cache(maxsize=65536)
def _syllable_options(text: str, system: str) -> tuple[tuple[str, ...], ...]:
    """Cached: a name's pinyin options are asked for twice (all its readings, and the first few for
    sound skeletons), and pypinyin's phrase lookup is the costly part of a name never seen before."""
    if system == "cantonese":
        return tuple(_cantonese_char(ch) for ch in text)
    style = Style.NORMAL if system == "pinyin" else Style.WADEGILES
    contextual = _contextual_pinyin(text, style)
    options = []
    for ch, first in zip(text, contextual, strict=False):
        heteronyms = _pinyin_char(ch, style)
        options.append(tuple(_unique([first, *heteronyms])) if heteronyms else ((first,) if first else ()))
    return tuple(options)


def readings(text: str, system: str, limit: int = MAX_READINGS) -> list[tuple[str, ...]]:
    """Syllable sequences for ``text`` in ``system`` (``pinyin``, ``wade-giles``, ``cantonese``).

    ``readings("曾", "pinyin")`` includes ``("zeng",)`` and ``("ceng",)``;
    ``readings("李嘉誠", "cantonese")`` includes ``("li", "ka", "shing")``.
    """
    if system not in SYSTEMS:
        raise ValueError(f"unknown romanisation {system!r}; choose one of: {', '.join(SYSTEMS)}")
    return list(_readings(text, system, limit))


@lru_cache(maxsize=65536)
def _readings(text: str, system: str, limit: int) -> tuple[tuple[str, ...], ...]:
    """Cached: a name is compared with every English candidate of its beads (pypinyin's phrase
    lookup was most of the entity step's time before)."""
    options = [o for o in syllable_options(text, system) if o]
    if not options:
        return ()
    options = _trim(options, limit)
    return tuple(tuple(combo) for combo in itertools.islice(itertools.product(*options), limit))


def _trim(options: list[tuple[str, ...]], limit: int) -> list[tuple[str, ...]]:
    """Keep all surname readings; drop later characters' heteronyms until the product fits."""
    trimmed = list(options)
    position = len(trimmed) - 1
    while _product(trimmed) > limit and position >= 1:
        trimmed[position] = trimmed[position][:1]
        position -= 1
    return trimmed


def _product(options: list[tuple[str, ...]]) -> int:
    total = 1
    for option in options:
        total *= len(option)
    return total


def name_spellings(text: str) -> dict[str, list[str]]:
    """English-style spellings of a Chinese name per system, surname first, e.g. for 李嘉誠:
    ``{"pinyin": ["li jia cheng", …], "wade-giles": ["li chia cheng", …], "cantonese": ["li ka shing", …]}``.

    The given name's syllables are written with spaces; matching code compares them with spaces
    and hyphens removed, so "Ka-shing", "Kashing" and "Ka Shing" all fit.
    """
    return {system: _unique([" ".join(r) for r in readings(text, system)]) for system in SYSTEMS}


# Characters whose reading in some phrase of pypinyin's phrase dictionary is not among the character's
# own readings (乐 lao, 着 zhu, 干 qian, 燵 ta): a text holding one may be read outside the bounds below.
# Every other character's contextual reading is one of its own (tests/test_names_cost.py checks this
# against the installed pypinyin's whole phrase dictionary).
PHRASE_ONLY_READINGS = frozenset("乐着干燵")
_SKELETON_VOWELS = frozenset("aeiouyhw")


_Bounds = tuple[int, int] | None


@lru_cache(maxsize=65536)
def _char_bounds(ch: str) -> tuple[tuple[_Bounds, _Bounds, _Bounds], int]:
    """Per system (pinyin, Wade–Giles, Cantonese) the shortest and longest spelling of ``ch``'s own
    readings (None: no reading), and the most consonant letters (not a, e, i, o, u, y, h, w) of a pinyin one."""
    pinyin_options = _pinyin_char(ch, Style.NORMAL)
    per_system = [
        (min(map(len, options)), max(map(len, options))) if options else None
        for options in (pinyin_options, _pinyin_char(ch, Style.WADEGILES), _cantonese_char(ch))
    ]
    consonants = max((sum(c not in _SKELETON_VOWELS for c in option) for option in pinyin_options), default=0)
    return (per_system[0], per_system[1], per_system[2]), consonants


@lru_cache(maxsize=65536)
def spelling_bounds(text: str) -> tuple[int, int, int] | None:
    """Without reading ``text`` in context (pypinyin's cut and phrase lookup, the costly part of a new
    string): the shortest and the longest letter count of any reading ``readings(text, system)`` gives
    in any system, joined without spaces, and the most consonant letters a pinyin reading of it can
    have (the bound of its sound skeleton). ``(0, 0, 0)`` when no system reads it; None when ``text``
    holds a character of ``PHRASE_ONLY_READINGS`` (no bound is known). A reading takes one syllable per
    character the system reads (one of its own readings, or its contextual one, which is among them),
    and ``readings`` keeps a subset of their combinations."""
    if not PHRASE_ONLY_READINGS.isdisjoint(text):
        return None
    per_char = [_char_bounds(ch) for ch in text]
    shortest, longest = -1, 0
    for system in range(3):
        found = [bounds for systems, _ in per_char if (bounds := systems[system]) is not None]
        if found:
            low = sum(low for low, _ in found)
            shortest = low if shortest < 0 else min(shortest, low)
            longest = max(longest, sum(high for _, high in found))
    return max(shortest, 0), longest, sum(consonants for _, consonants in per_char)
