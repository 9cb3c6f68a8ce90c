"""The learned spelling table of characters in foreign names (resources/sounds.py) and its scorer."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bitext.entities.transliteration import LEARNED_CAP, learned_sound, transliteration
from bitext.resources.sounds import MAX_CHUNK, SoundTable, load_sounds, parse

TABLE = load_sounds()
KNOWN = sorted(TABLE.ratios)


def test_table_is_the_shipped_file() -> None:
    assert len(TABLE.ratios) > 1000
    # every character's commonest spelling has ratio 1 and every chunk fits the scorer's length limit
    for ratios in TABLE.ratios.values():
        assert max(ratios.values()) == 1.0
        assert all(1 <= len(chunk) <= MAX_CHUNK for chunk in ratios)


def test_parse_reads_counts_and_skips_comments() -> None:
    counts = parse("# comment\n斯\ts:10 ss:2\n")
    assert counts == {"斯": {"s": 10, "ss": 2}}
    assert SoundTable.from_counts(counts).ratios["斯"] == {"s": 1.0, "ss": 0.2}


def test_taiwanese_transliterations_the_rules_miss() -> None:
    match = transliteration("布里辛斯基", "Brzezinski")
    assert match is not None and match.system == "learned" and match.score >= 0.7
    assert learned_sound("布里辛斯基", "brzezinski").spelling.replace("|", "") == "brzezinski"


def test_unrelated_names_score_low() -> None:
    for zh, en in (("布里辛斯基", "washington"), ("華盛頓", "brzezinski"), ("季辛吉", "anderson")):
        match = learned_sound(zh, en)
        assert match is None or match.score < 0.6, (zh, en, match)


def test_small_table_scores_the_best_cut() -> None:
    table = SoundTable.from_counts({"安": {"an": 10, "ahn": 5}, "德": {"de": 10, "d": 5}})
    best = learned_sound("安德", "ande", table)
    assert best is not None and best.spelling == "an|de" and best.score == LEARNED_CAP
    weaker = learned_sound("安德", "ahnd", table)
    assert weaker is not None and weaker.spelling == "ahn|d" and weaker.score < best.score
    # a character outside the table, or letters that cannot be cut one chunk per character: no score
    assert learned_sound("安X", "ande", table) is None
    assert learned_sound("安德", "abcdefghijk", table) is None


@settings(max_examples=60, deadline=None)
@given(
    st.lists(st.sampled_from(KNOWN), min_size=2, max_size=5),
    st.text("abcdefghijklmnopqrstuvwxyz", min_size=2, max_size=16),
)
def test_cut_is_one_chunk_per_character_in_order(chars: list[str], key: str) -> None:
    han = "".join(chars)
    match = learned_sound(han, key)
    if match is None:
        assert not len(han) <= len(key) <= MAX_CHUNK * len(han)
        return
    chunks = match.spelling.split("|")
    assert len(chunks) == len(han) and "".join(chunks) == key
    assert all(1 <= len(c) <= MAX_CHUNK for c in chunks)
    assert 0.0 <= match.score <= LEARNED_CAP
