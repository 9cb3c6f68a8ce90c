"""The reading caches of the sound scorers change no result: each is checked against the plain
computation it replaces (pypinyin called directly; every reading of every system compared)."""

from __future__ import annotations

from pathlib import Path

import pytest
from cantoroman import Cantonese
from hypothesis import given
from hypothesis import strategies as st
from pypinyin import Style, pinyin
from rapidfuzz.distance import Levenshtein

from bitext.entities import transliteration as tr
from bitext.resources import names

CORPUS = Path(__file__).resolve().parent.parent / "corpus" / "sensetime-genai"
# Characters of real text (names, heteronyms, punctuation, Latin) and a few with no reading.
_ZH = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8")
_CHARS = sorted(set(_ZH) - {"\n"}) + list("曾單區覃仇解查樂長重行朝藏ǎ〇㐀·．x1 ")
_WORDS = sorted({w.strip(".,;:()\"'") for w in (CORPUS / "en.txt").read_text(encoding="utf-8").split()} - {""})
_NAMES = ["Xu Li", "Tsai Ing-wen", "Li Ka-shing", "Halifax", "Danius", "Brzezinski", "SenseTime", "Shanghai"]
_NAME_HAN = ["徐立", "蔡英文", "李嘉誠", "哈利法克斯", "戴紐斯", "布里辛斯基", "商湯", "上海", "曾蔭權", "單仁平"]

chinese = st.one_of(st.sampled_from(_NAME_HAN), st.text(st.sampled_from(_CHARS), min_size=1, max_size=9))
english = st.one_of(
    st.sampled_from(_NAMES),
    st.lists(st.sampled_from(_WORDS), min_size=1, max_size=3).map(" ".join),
    st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyz -"), min_size=1, max_size=14),
)


def _blank(chars: str) -> list[list[str]]:
    return [[""] for _ in chars]


@given(chinese, st.sampled_from([Style.NORMAL, Style.WADEGILES]))
def test_contextual_pinyin_is_pypinyins_reading_in_context(text: str, style: Style) -> None:
    expected = [
        names.ascii_syllable(options[0]) if options else ""
        for options in pinyin(text, style=style, heteronym=False, errors=_blank)  # type: ignore[arg-type]
    ]
    assert names._contextual_pinyin(text, style) == expected


def _reference_best_reading(han: str, key: str) -> tr.Transliteration | None:
    """Every reading of every system compared, then both approximations (the code before the caches)."""
    best: tr.Transliteration | None = None
    for system in ("pinyin", "wade-giles", "cantonese"):
        for reading in names.readings(han, system):
            # surname first, and given name first for a two- or three-character name
            for order in (reading, reading[1:] + reading[:1]) if len(reading) in (2, 3) else (reading,):
                score = Levenshtein.normalized_similarity("".join(order), key)
                if best is None or score > best.score:
                    best = tr.Transliteration(score, system, " ".join(order))
    for approximate in (_reference_skeleton_match(han, key), tr.learned_sound(han, key)):
        if approximate is not None and (best is None or approximate.score > best.score):
            best = approximate
    return best


def _reference_skeleton_match(han: str, key: str) -> tr.Transliteration | None:
    best: tr.Transliteration | None = None
    for target in dict.fromkeys((tr.english_skeleton(key), tr.english_skeleton(key, rhotic=False))):
        if len(target) < tr.MIN_SKELETON:
            continue
        for reading in names.readings(han, "pinyin", limit=16):
            source = tr.pinyin_skeleton("".join(reading))
            if len(source) < tr.MIN_SKELETON:
                continue
            weight = 0.9 if min(len(source), len(target)) > tr.MIN_SKELETON else 0.75
            score = weight * Levenshtein.normalized_similarity(source, target)
            if best is None or score > best.score:
                best = tr.Transliteration(round(score, 4), "skeleton", " ".join(reading))
    return best


@given(chinese, english)
def test_best_reading_is_the_best_of_every_reading_and_approximation(zh: str, en: str) -> None:
    han, key = tr.han_only(zh), tr.english_key(en)
    if not han or len(key) < 2:
        return
    assert tr._skeleton_match(han, key) == _reference_skeleton_match(han, key)
    assert tr._best_reading(han, key) == _reference_best_reading(han, key)


def test_known_names_and_a_tie_broken_by_rounding() -> None:
    # exact spellings win in their own system (and end the search: no approximation can beat 0.9)
    assert tr._best_reading("徐立", "xuli") == tr.Transliteration(1.0, "pinyin", "xu li")
    assert tr._best_reading("李嘉誠", "likashing") == tr.Transliteration(1.0, "cantonese", "li ka shing")
    tsai = tr._best_reading("蔡英文", "tsaiingwen")
    assert tsai is not None and (tsai.system, tsai.spelling) == ("wade-giles", "tsai ying wen")
    # four readings share the skeleton dndbndb; the best is stored rounded (0.3857), so a later
    # reading's unrounded 0.38571… replaces it: the last of them is kept, as before the caches
    key = tr.english_key("was a treatment")
    assert _reference_skeleton_match("定多半都必", key) == tr.Transliteration(0.3857, "skeleton", "ding duo pan du bi")
    assert tr._best_reading("定多半都必", key) == _reference_best_reading("定多半都必", key)


@given(st.text(max_size=20))
def test_key_letters_and_han_characters_are_read_as_character_by_character(text: str) -> None:
    import regex

    han = regex.compile(r"\p{Han}")
    assert tr.english_key(text) == "".join(ch for ch in text.lower() if "a" <= ch <= "z")
    assert tr.han_only(text) == "".join(ch for ch in text if han.match(ch))


def test_only_the_listed_characters_have_a_phrase_reading_outside_their_own_readings() -> None:
    """spelling_bounds reads a character's own readings only: exact because pypinyin's phrase dictionary
    (which gives the contextual reading) gives no other character a reading outside them."""
    from pypinyin.constants import PHRASES_DICT

    outside = set()
    for style in (Style.NORMAL, Style.WADEGILES):
        for phrase in PHRASES_DICT:
            for ch, options in zip(phrase, names._word_pinyin(phrase, style), strict=True):
                first = names.ascii_syllable(options[0]) if options else ""
                if first and first not in names._pinyin_char(ch, style):
                    outside.add(ch)
    assert outside == names.PHRASE_ONLY_READINGS
    # 干 in a phrase read qian: four letters, longer than any of its own (gan, an)
    assert max(map(len, names._pinyin_char("干", Style.NORMAL))) == 3
    assert names.spelling_bounds("干部") is None


def _consonant_letters(spelling: str) -> int:
    return sum(ch not in "aeiouyhw" for ch in spelling)


@given(chinese)
def test_spelling_bounds_hold_every_reading_and_skeleton(text: str) -> None:
    bounds = names.spelling_bounds(text)
    if bounds is None:
        assert not names.PHRASE_ONLY_READINGS.isdisjoint(text)
        return
    shortest, longest, consonants = bounds
    lengths = [len("".join(r)) for system in names.SYSTEMS for r in names.readings(text, system)]
    if not lengths:
        assert longest == 0
    for length in lengths:
        assert shortest <= length <= longest
    for reading in names.readings(text, "pinyin", limit=16):
        assert len(tr.pinyin_skeleton("".join(reading))) <= _consonant_letters("".join(reading)) <= consonants


def test_a_piece_whose_spellings_are_too_short_is_not_read() -> None:
    for cache in (names._syllable_options, names._readings, tr._spellings, tr._pinyin_skeletons, tr.sounds_at_least):
        cache.cache_clear()
    # 大學 (da xue, tai hsueh, daai hok: at most 9 letters) cannot spell a 16-letter word at 0.8,
    # nor its skeleton (at most 3 consonant letters against dbldnllsn); only the learned search is tried
    assert tr.sounds_at_least("大學", "constitutionally", 0.8) is False
    assert names._syllable_options.cache_info().misses == 0
    assert tr.sounds_at_least("徐立", "xuli", 0.8) is True
    assert names._syllable_options.cache_info().misses > 0


def test_a_characters_own_syllables_are_its_syllable_options_alone() -> None:
    """Alone, a character's contextual reading is one of its own: char_syllables needs no context. (Checked
    once on all 41,923 characters of pypinyin's dictionary; here every seventh, the corpus's and the
    characters with phrase-only readings, to keep the test short.)"""
    from pypinyin.constants import PINYIN_DICT

    chars = [chr(code) for code in sorted(PINYIN_DICT)][::7] + _CHARS + sorted(names.PHRASE_ONLY_READINGS)
    for ch in chars:
        for system in names.SYSTEMS:
            options = names._syllable_options(ch, system)
            assert set(names.char_syllables(ch, system)) == set(options[0] if options else ()), (ch, system)


_CANTOROMAN = Cantonese()


def _cantonese_by_conversion(ch: str) -> list[str] | None:
    """cantoroman's own readings of ``ch``, its Hong Kong form or its traditional form: the table lookup the
    cached table replaces, written out with cantoroman's ``getRoman`` and bitext's OpenCC conversion."""
    from bitext.script import convert

    for form in dict.fromkeys((ch, convert(ch, "s2hk"), convert(ch, "s2t"))):
        if len(form) == 1 and _CANTOROMAN.getRoman(form)[0]:
            found: list[str] = _CANTOROMAN.getRoman(form)[0]
            return found
    return None


def test_the_cached_cantonese_table_reads_what_the_conversions_read() -> None:
    """Every 97th character of the table's domain, the corpus's characters and simplified ones missing from
    cantoroman's table (诚, 乌, 陈): the cached answer is the one the conversions give."""
    points = [p for low, high in names._CANTONESE_DOMAIN for p in range(low, high + 1, 97)]
    sample = {chr(p) for p in points} | set(_CHARS) | set("诚乌陈鸡伦㐀𠀀")
    table = names._cantonese_by_char()
    assert len(table) > 15_000  # traditional and simplified characters
    for ch in sorted(sample):
        assert table.get(ch) == _cantonese_by_conversion(ch), ch


def test_a_character_outside_the_cached_domain_is_converted_as_before() -> None:
    """A character of the Supplementary Multilingual Plane (not in the cached table) and a two-letter string
    take the conversions' path: the same answer, not a miss of the table."""
    for text in ("\U0001f600", "\U0001d400", "ab"):
        assert not names._in_cantonese_domain(text)
    assert names._cantonese_found("\U0001f600") is None
    assert names._cantonese_found("ab") is None
    assert {"shing", "seng"} <= set(names._cantonese_char("誠"))  # Li Ka-shing (Hong Kong), Ho Iat Seng (Macao)
    assert names._cantonese_char("诚") == names._cantonese_char("誠")


def test_the_cantonese_table_is_built_once_then_read_from_the_cache(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Built in a process without the cache file (written under BITEXT_CACHE_DIR, keyed by cantoroman's and
    OpenCC's versions), read back equal by the next; a damaged file is rebuilt."""
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    names._cantonese_by_char.cache_clear()
    try:
        built = names._cantonese_by_char()
        (path,) = tmp_path.glob("cantonese-by-char-*.pickle")
        assert "cantonese-romanisation-" in path.name and "opencc-" in path.name
        names._cantonese_by_char.cache_clear()
        monkeypatch.setattr(names, "_build_cantonese_by_char", lambda: pytest.fail("rebuilt"))
        assert names._cantonese_by_char() == built
    finally:
        names._cantonese_by_char.cache_clear()


def test_wade_giles_spelt_syllable_by_syllable_is_pypinyins_wade_giles_style() -> None:
    """_word_pinyin and _pinyin_char spell the plain readings in Wade–Giles syllable by syllable: the same as
    pypinyin's Wade–Giles style (checked on all of pypinyin's dictionaries once; here every seventh phrase and
    character, and the article's characters)."""
    from pypinyin.constants import PHRASES_DICT, PINYIN_DICT

    converter = names._pinyin_converter()
    characters = [chr(point) for point in sorted(PINYIN_DICT)][::7] + _CHARS
    words = sorted(PHRASES_DICT)[::7] + characters
    for word in words:
        expected = converter.convert(word, Style.WADEGILES, False, _blank, strict=True)
        assert names._word_pinyin(word, Style.WADEGILES) == tuple(map(tuple, expected)), word
    for ch in characters:
        readings = pinyin(ch, style=Style.WADEGILES, heteronym=True, errors="ignore")
        expected = names._unique([names.ascii_syllable(r) for r in readings[0]]) if readings else []
        assert names._pinyin_char(ch, Style.WADEGILES) == tuple(expected), ch
    assert names._pinyin_char("蔡", Style.WADEGILES)[0] == "tsai"  # Wade–Giles ts'ai, letters only
    assert "lu" in names._pinyin_char("綠", Style.WADEGILES)  # lü
    assert names._wade_giles("") == ""  # a character with no reading (pypinyin's blank) stays blank


@given(chinese, english, st.sampled_from([0.5, 0.6, 0.7, 0.75, 0.8, 0.9]))
def test_a_skeleton_reaches_a_floor_exactly_when_the_skeleton_match_scores_it(zh: str, en: str, floor: float) -> None:
    han, key = tr.han_only(zh), tr.english_key(en)
    match = tr._skeleton_match(han, key)
    # the match's own score is the sharpest floor: reached at it, not a hundredth of a percent above it
    floors = [floor] + ([match.score, match.score + 0.0001] if match is not None else [])
    for at in floors:
        assert tr._skeleton_reaches(han, key, at) == (match is not None and match.score >= at)


def test_known_skeleton_matches_reach_their_floor() -> None:
    # 喬丹 ↔ Jordan by its consonants (j-d against the r-less "jdn"), not 新疆 ↔ Washington at 0.7
    assert tr._skeleton_reaches("乔丹", "jordan", 0.6)
    assert not tr._skeleton_reaches("新疆", "washington", 0.7)


@st.composite
def _near_spellings(draw: st.DrawFn) -> tuple[str, str]:
    """A Chinese string and a key: one of its spellings (any system, either name order) with up to three
    random edits, or an unrelated key."""
    han = tr.han_only(draw(chinese))
    spellings = [s for s in tr._spellings(han)[0] if s] if han else []
    if not spellings or (draw(st.booleans()) and draw(st.booleans())):  # a quarter unrelated
        return han, tr.english_key(draw(english))
    key = list(draw(st.sampled_from(spellings)))
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(key)))
        letter = draw(st.sampled_from("aeioungshk"))
        edit = draw(st.sampled_from(["insert", "delete", "replace"]))
        if edit == "insert":
            key.insert(at, letter)
        elif key and at < len(key):
            key[at : at + 1] = [] if edit == "delete" else [letter]
    return han, "".join(key)


@given(_near_spellings(), st.sampled_from([0.8, 0.9, 1.0]))
def test_a_spelling_reaching_a_high_floor_is_never_ruled_out_by_its_first_and_last_syllables(
    pair: tuple[str, str], floor: float
) -> None:
    han, key = pair
    if not han or len(key) < 2:
        return
    best = tr._best_spelling(han, key)
    if best is not None and best.score >= floor:
        assert tr._may_spell_closely(han, key, floor)


def test_a_key_sharing_no_end_syllable_with_a_short_name_is_ruled_out() -> None:
    assert tr._may_spell_closely("徐立", "xuli", 1.0) and tr._may_spell_closely("徐立", "lixu", 1.0)
    # 0.8 of the longest spelling (Cantonese chui laap, eight letters) leaves one edit, 0.9 none
    assert tr._may_spell_closely("徐立", "xuly", 0.8)  # one edit, in the last syllable
    assert not tr._may_spell_closely("徐立", "zhang", 0.8)
    assert not tr._may_spell_closely("徐立", "xuly", 0.9)
    assert tr._may_spell_closely("徐立", "xyzbcdefghijklmnopqrst", 0.9)  # 22 letters: two edits, no bound
    # 蔡英文 (Wade–Giles tsai ying wen, 11 letters) at 0.8 leaves two edits: one in each end syllable leaves
    # ying whole after the first one; the spelling scores 0.8, the bound must let it through
    assert tr._best_spelling("蔡英文", "xaiyingwem").score >= 0.8  # type: ignore[union-attr]
    assert tr._may_spell_closely("蔡英文", "xaiyingwem", 0.8)
    assert not tr._may_spell_closely("蔡英文", "xaiyungwem", 0.8)  # all three syllables touched
