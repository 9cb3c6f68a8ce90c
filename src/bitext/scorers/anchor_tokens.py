"""Anchors: things written the same way on both sides, or that normalise to the same value.

Three kinds, each a strong hint when it matches and (for numbers) a warning when it does not:
numbers (47億 ↔ 4.7 billion, 百分之四十五點六 ↔ 45.6%, 2024年 ↔ 2024; see resources/numbers.py), Latin
tokens inside the Chinese (OpenAI, ChatGPT, 0020.HK, AI) found among the English words, and names
read in pinyin (韋小寶 → weixiaobao ↔ "Wei Xiaobao"), a weak signal for words CC-CEDICT does not know.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import lru_cache
from itertools import chain, pairwise
from typing import Any, ClassVar

import numpy as np
import regex

from bitext.resources.cache import collection_paused
from bitext.resources.glosses import gloss_index
from bitext.resources.numbers import chinese_numbers, english_numbers
from bitext.scorers.base import (
    MAX_EN_BEAD,
    MAX_ZH_BEAD,
    BeadType,
    Block,
    ScorerInput,
    SparseRows,
    prefix_sums,
    slot_columns,
    window_pair_dots,
    window_totals,
)
from bitext.scorers.lexical import document_words

DIMENSIONS = 128
MAX_WINDOW = max(MAX_ZH_BEAD, MAX_EN_BEAD)  # one window size serves both sides
_LATIN_IN_CHINESE = regex.compile(
    r"[\p{Latin}][\p{Latin}\d.&'’+-]*[\p{Latin}\d+]|[\p{Latin}]{1}(?=\d)[\p{Latin}\d]*|"
    r"\d+\.[\p{Latin}]+"
)
_ENGLISH_TOKEN = regex.compile(r"[\p{Latin}\d][\p{Latin}\d.&'’+-]*[\p{Latin}\d+]|[\p{Latin}\d]")
_CAPITALISED = regex.compile(r"\b\p{Lu}[\p{Ll}]+(?:-[\p{Ll}]+)?\b")


def latin_tokens_in_chinese(text: str) -> list[str]:
    return [token.lower() for token in _LATIN_IN_CHINESE.findall(text) if len(token) > 1]


def english_tokens(text: str) -> set[str]:
    return {token.lower().rstrip(".") for token in _ENGLISH_TOKEN.findall(text)}


def chinese_name_keys(words: list[str], known: dict[str, tuple[str, ...]]) -> list[str]:
    """Pinyin of words (:func:`chinese_words`) the dictionary does not know (mostly names), whole and
    without the surname."""
    keys: list[str] = []
    for word in words:
        if 2 <= len(word) <= 4 and word not in known:
            keys.extend(_name_keys(word))
    return keys


@lru_cache(maxsize=65536)
def _name_keys(word: str) -> tuple[str, ...]:
    syllables = _lazy_pinyin()(word)
    if len(word) == 3:
        return "".join(syllables), "".join(syllables[1:])
    return ("".join(syllables),)


@lru_cache(maxsize=1)
def _lazy_pinyin() -> Callable[[str], list[str]]:
    """pypinyin's ``lazy_pinyin``, imported on first use (its phrase table costs about 0.15 s to load), with
    the cyclic collector paused: the JSON table's half a million new lists set off two full collections
    while it loads (about 0.05-0.1 s), and it holds no reference cycles."""
    with collection_paused():
        from pypinyin import lazy_pinyin

    return lazy_pinyin


def english_name_keys(text: str) -> set[str]:
    words = [word.lower().replace("-", "") for word in _CAPITALISED.findall(text)]
    return set(words) | {a + b for a, b in pairwise(words)}


class AnchorFeatures:
    names = ("anchor_match", "number_mismatch", "name_match")

    def __init__(
        self,
        vectors: dict[str, tuple[SparseRows, SparseRows]],
        zh_numbers: np.ndarray,
        en_numbers: np.ndarray,
        max_window: int,
    ):
        self.vectors = vectors
        self.zh_number_prefix = prefix_sums(zh_numbers)
        self.en_number_prefix = prefix_sums(en_numbers)

    def block(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        out = np.zeros((len(types), len(self.names), len(block.i)))
        dots = {kind: window_pair_dots(zh, en, block, types) for kind, (zh, en) in self.vectors.items()}
        # The numbers in each window size of each side, once (several bead types share a size).
        zh_totals = {di: window_totals(self.zh_number_prefix, block.i, di) for di in {di for di, _dj in types if di}}
        en_totals = {dj: window_totals(self.en_number_prefix, block.j, dj) for dj in {dj for _di, dj in types if dj}}
        for t, (di, dj) in enumerate(types):
            if not (di and dj):
                continue
            numbers, latin, names = (dots[kind][(di, dj)] for kind in ("numbers", "latin", "names"))
            total = zh_totals[di] + en_totals[dj]
            out[t, 0] = np.log1p(numbers + latin)
            out[t, 1] = -np.log1p(np.maximum(total - 2 * numbers, 0))
            out[t, 2] = np.log1p(names)
        return out

    def sentence_vectors(self) -> None:
        return None


class AnchorScorer:
    """Numbers, shared Latin tokens and pinyin names."""

    name = "anchors"
    features: ClassVar[tuple[str, ...]] = AnchorFeatures.names

    def __init__(self, dimensions: int = DIMENSIONS, max_window: int = MAX_WINDOW):
        self.dimensions = dimensions
        self.max_window = max_window

    def prepare(self, pair: ScorerInput) -> AnchorFeatures:
        zh_numbers = [[n.key for n in chinese_numbers(t)] for t in pair.zh_texts]
        en_numbers = [[n.key for n in english_numbers(t)] for t in pair.en_texts]
        zh_latin = [latin_tokens_in_chinese(t) for t in pair.zh_texts]
        wanted = {token for tokens in zh_latin for token in tokens}
        # The English side is only searched for what the Chinese side has (often no Latin token at all).
        en_latin = [[tok for tok in english_tokens(t) if tok in wanted] if wanted else [] for t in pair.en_texts]
        known = gloss_index()
        words = document_words(pair)
        # chinese_name_keys of each sentence, each distinct word read in pinyin once a document (its test
        # written out here: a call and a list per distinct word cost more than the test).
        keys_of = {
            word: _name_keys(word) if 2 <= len(word) <= 4 and word not in known else ()
            for word in dict.fromkeys(chain.from_iterable(words))
        }
        zh_names = [[key for word in sentence for key in keys_of[word]] for sentence in words]
        wanted_names = {key for keys in zh_names for key in keys}
        en_names = [
            [key for key in english_name_keys(t) if key in wanted_names] if wanted_names else [] for t in pair.en_texts
        ]
        vectors = {
            "numbers": self._count_vectors(zh_numbers, en_numbers),
            "latin": self._count_vectors(zh_latin, en_latin),
            "names": self._count_vectors(zh_names, en_names),
        }
        return AnchorFeatures(
            vectors,
            np.array([len(k) for k in zh_numbers], dtype=np.float64),
            np.array([len(k) for k in en_numbers], dtype=np.float64),
            self.max_window,
        )

    def _count_vectors(self, zh: list[list[str]], en: list[list[str]]) -> tuple[SparseRows, SparseRows]:
        slots: dict[str, int] = {}
        out = []
        for side in (zh, en):
            keys = list(chain.from_iterable(side))
            rows = np.repeat(np.arange(len(side)), [len(row_keys) for row_keys in side])
            columns = slot_columns(slots, keys, self.dimensions)
            out.append(SparseRows.accumulate(rows, columns, np.ones(len(keys)), len(side), self.dimensions))
        return out[0], out[1]

    def settings(self) -> dict[str, Any]:
        return {"anchors": "numbers, latin tokens, pinyin names"}
