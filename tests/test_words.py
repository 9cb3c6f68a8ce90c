"""Chinese words: rjieba gives jieba's tokens; tags and offsets point into the original traditional text."""

from __future__ import annotations

import csv
import difflib
import logging
from functools import cache
from pathlib import Path

import pytest
import rjieba

from bitext.script import to_simplified
from bitext.segment.words import cut_words, tokenize

ROOT = Path(__file__).resolve().parents[1]
CORPUS_ZH = ROOT / "corpus" / "sensetime-genai" / "zh-Hant.txt"
FLORES = ROOT.parent / "shared" / "data" / "flores200-devtest" / "devtest_docs.tsv"
ASCII_RUN = set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789.-_")


@cache
def _jieba():  # jieba is untyped
    jieba = pytest.importorskip("jieba")
    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def _differences(ours: list[str], theirs: list[str]) -> list[tuple[str, str]]:
    matcher = difflib.SequenceMatcher(a=ours, b=theirs, autojunk=False)
    return [
        ("".join(ours[i1:i2]), "".join(theirs[j1:j2])) for op, i1, i2, j1, j2 in matcher.get_opcodes() if op != "equal"
    ]


def _assert_same_tokens_as_jieba(simplified: str) -> None:
    """Equal to jieba's tokens, except that rjieba keeps "0020.HK", "802.11n", "XDR-TB" whole."""
    ours, theirs = cut_words(simplified), list(_jieba().cut(simplified))
    assert "".join(ours) == simplified
    for our_part, their_part in _differences(ours, theirs):
        assert our_part == their_part and set(our_part) <= ASCII_RUN, (our_part, their_part)


def test_rjieba_cuts_the_bundled_corpus_like_jieba() -> None:
    for line in CORPUS_ZH.read_text(encoding="utf-8").splitlines():
        _assert_same_tokens_as_jieba(to_simplified(line))


def _flores_sample(column: str, every: int = 7) -> list[str]:
    if not FLORES.exists():
        pytest.skip("../shared/data/flores200-devtest is not present")
    with FLORES.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [row[column] for row in rows[::every]]


@pytest.mark.parametrize("column", ["zho_Hant", "zho_Hans"])
def test_rjieba_cuts_a_flores_sample_like_jieba(column: str) -> None:
    for line in _flores_sample(column):
        _assert_same_tokens_as_jieba(to_simplified(line))


def test_the_one_known_difference_is_kept_latin_runs() -> None:
    simplified = "股份代号0020.HK。"
    assert "0020.HK" in cut_words(simplified)
    assert "0020.HK" not in list(_jieba().cut(simplified))


def test_tagging_cuts_the_same_words_as_cutting() -> None:
    text = to_simplified(CORPUS_ZH.read_text(encoding="utf-8"))
    assert [word for word, _tag in rjieba.tag(text)] == cut_words(text)


def test_tokens_index_the_traditional_original() -> None:
    text = "商湯集團在香港交易所公布業績，虧損57.8億元。徐立表示滿意。"
    tokens = tokenize(text)
    assert [text[t.start : t.end] for t in tokens][:6] == ["商湯", "集團", "在", "香港", "交易所", "公布"]
    by_text = {text[t.start : t.end]: t for t in tokens}
    assert by_text["商湯"].simplified == "商汤"
    assert by_text["集團"].simplified == "集团"
    assert by_text["57.8"].tag == "m"


def test_tags_mark_names_places_and_organisations() -> None:
    text = "徐立在香港交易所上市。"
    tags = {text[t.start : t.end]: t.tag for t in tokenize(text)}
    assert tags["徐立"] == "nr"
    assert tags["香港"] == "ns"
    assert tags["交易所"] == "nt"


def test_tokenize_a_range_and_skip_whitespace() -> None:
    text = "前言。 商湯 科技\n上市。"
    start = text.index("商")
    tokens = tokenize(text, start, len(text))
    assert tokens[0].start == start
    assert all(not text[t.start : t.end].isspace() for t in tokens)
    covered = "".join(text[t.start : t.end] for t in tokens)
    assert covered == "".join(text[start:].split())
