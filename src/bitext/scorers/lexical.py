"""Lexical: how much of each side the other side translates, through CC-CEDICT.

Each Chinese word (jieba's cut of the simplified copy) is looked up in CC-CEDICT and stands for the
stems of its glosses; each English word for its Snowball stem. Both sides become tf-idf vectors over
English stems, weighted so that rare words count more than common ones (Champollion's insight: "said"
proves little, "pneumonia" a lot), with idf measured on the two documents being aligned. A window of
sentences is the sum of its sentences' vectors; a bead's feature is the cosine of its two windows.
Vectors are hashed into a fixed number of dimensions, with slots given in order of first appearance
(deterministic; no salted ``hash()``), and stored sparse: a sentence touches a few of them.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from itertools import chain
from typing import Any, ClassVar

import numpy as np

from bitext.resources.glosses import WORD, english_words, gloss_index, stem_words
from bitext.scorers.base import (
    MAX_EN_BEAD,
    MAX_ZH_BEAD,
    BeadType,
    Block,
    ScorerInput,
    SparseRows,
    slot_columns,
    window_norms,
    window_pair_dots,
)

DIMENSIONS = 2048
MAX_WINDOW = max(MAX_ZH_BEAD, MAX_EN_BEAD)  # one window size serves both sides
_CONTENT_CHARACTER = re.compile("[\u3400-\u9fff]")  # a word with one of these is kept


def chinese_words(simplified: str) -> list[str]:
    """Content-bearing words of a simplified Chinese sentence (punctuation and spaces dropped)."""
    import rjieba  # on first use: its dictionary costs about 0.1 s to load, which commands that align nothing skip

    # filter with the pattern's search: the same words as any("\u3400" <= ch <= "\u9fff" for ch in w), 2x faster
    return list(filter(_CONTENT_CHARACTER.search, rjieba.cut(simplified)))


def document_words(pair: ScorerInput) -> list[list[str]]:
    """:func:`chinese_words` of every Chinese sentence of the pair, cut once and shared between scorers."""
    words = pair.cache.get("zh_words")
    if words is None:
        words = pair.cache["zh_words"] = [chinese_words(text) for text in pair.zh_simplified]
    return words


def chinese_stems(words: list[str], index: dict[str, tuple[str, ...]]) -> list[tuple[str, ...]]:
    """For each word, the English stems it may be translated by (a word CC-CEDICT lacks is cut into the
    longest pieces it has, so 黄金时代 still says gold + age)."""
    result = []
    for word in words:
        stems = index.get(word)
        if stems is None:
            stems = _pieces_stems(word, index)
        result.append(stems)
    return result


class _PiecesMemo:
    """Stems of the words an index lacks, per word: such a word (a name, a rare compound) recurs across a batch's
    documents, and its pieces are worked out once a process. Held with the index it was made from (tests swap
    it) and replaced, never cleared, when the index changes or the memo outgrows its bound: a thread still
    reading the old pair keeps a consistent one."""

    bound = 200_000
    held: ClassVar[tuple[dict[str, tuple[str, ...]] | None, dict[str, tuple[str, ...]]]] = (None, {})


def _pieces_stems(word: str, index: dict[str, tuple[str, ...]]) -> tuple[str, ...]:
    """The sorted stems of the longest pieces of ``word`` that ``index`` has."""
    held_index, memo = _PiecesMemo.held
    if held_index is not index or len(memo) > _PiecesMemo.bound:
        memo = {}
        _PiecesMemo.held = (index, memo)
    stems = memo.get(word)
    if stems is None:
        pieces = _longest_pieces(word, index)
        stems = memo[word] = tuple(sorted({s for piece in pieces for s in index.get(piece, ())}))
    return stems


def _longest_pieces(word: str, index: dict[str, tuple[str, ...]]) -> list[str]:
    pieces, start = [], 0
    while start < len(word):
        for end in range(min(len(word), start + 4), start, -1):
            if word[start:end] in index or end == start + 1:
                pieces.append(word[start:end])
                start = end
                break
    return pieces


class LexicalFeatures:
    names = ("lexical",)

    def __init__(self, zh_vectors: SparseRows, en_vectors: SparseRows, max_zh: int, max_en: int):
        self.zh_vectors = zh_vectors
        self.en_vectors = en_vectors
        self.zh_norms = {d: np.maximum(v, 1e-9) for d, v in window_norms(zh_vectors, max_zh).items()}
        self.en_norms = {d: np.maximum(v, 1e-9) for d, v in window_norms(en_vectors, max_en).items()}

    def block(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        out = np.zeros((len(types), 1, len(block.i)))
        dots = window_pair_dots(self.zh_vectors, self.en_vectors, block, types)
        zh_norms = {di: self.zh_norms[di][block.i] for di in {di for di, _dj in types if di}}
        en_norms = {dj: self.en_norms[dj][block.j] for dj in {dj for _di, dj in types if dj}}
        for t, (di, dj) in enumerate(types):
            if di and dj:
                out[t, 0] = dots[(di, dj)] / (zh_norms[di] * en_norms[dj])
        return out

    def sentence_vectors(self) -> tuple[SparseRows, SparseRows]:
        """Raw tf-idf vectors: the first pass projects them and only then makes them unit length."""
        return self.zh_vectors, self.en_vectors


class LexicalScorer:
    """CC-CEDICT translation overlap, tf-idf weighted, English stemmed."""

    name = "lexical"
    features: ClassVar[tuple[str, ...]] = LexicalFeatures.names

    def __init__(self, dimensions: int = DIMENSIONS, max_window: int = MAX_WINDOW):
        self.dimensions = dimensions
        self.max_window = max_window

    def prepare(self, pair: ScorerInput) -> LexicalFeatures:
        index = gloss_index()
        words = document_words(pair)
        # A text repeats its words: each distinct word is looked up (and cut into pieces) once, and each
        # distinct tuple of stems is numbered in order of first appearance (-1: a word with no stems).
        distinct = list(dict.fromkeys(word for sentence in words for word in sentence))
        numbers: dict[tuple[str, ...], int] = {}
        number_of_word = {
            word: numbers.setdefault(stems, len(numbers)) if stems else -1
            for word, stems in zip(distinct, chinese_stems(distinct, index), strict=True)
        }
        zh_keys = [[number_of_word[word] for word in sentence] for sentence in words]
        en_bags = _english_stems(pair.en_texts)
        slots: dict[str, int] = {}
        zh_vectors = self._zh_vectors(zh_keys, list(numbers), slots)
        en_vectors = self._en_vectors(en_bags, slots)
        return LexicalFeatures(zh_vectors, en_vectors, self.max_window, self.max_window)

    def _zh_vectors(self, sentences: list[list[int]], keys: list[tuple[str, ...]], slots: dict[str, int]) -> SparseRows:
        """Vectors of sentences given as numbers of their words' stem tuples (``keys``), -1 for none.

        Each tuple's slots and weight are worked out once, in order of first appearance (so slots still go
        to stems in that order); every occurrence's entries are then spread with numpy, in text order."""
        lengths = np.array([len(sentence) for sentence in sentences], dtype=np.int64)
        found = np.fromiter(chain.from_iterable(sentences), dtype=np.int64, count=int(lengths.sum()))
        kept = found >= 0
        occurrences = found[kept]
        occurrence_rows = np.repeat(np.arange(len(sentences)), lengths)[kept]
        # idf: a tuple's weight falls with the number of sentences it occurs in.
        in_sentences = np.zeros(len(keys), dtype=np.int64)
        if len(keys):
            pairs = _distinct(occurrence_rows * len(keys) + occurrences)
            in_sentences = np.bincount(pairs % len(keys), minlength=len(keys))
        key_slots = slot_columns(slots, [stem for stems in keys for stem in stems], self.dimensions)
        key_sizes = np.array([len(stems) for stems in keys], dtype=np.int64)
        # A word with many senses spreads its weight: it is weaker evidence for any one of them.
        # (idf from a table of each possible count, and a correctly rounded sqrt and division: the same
        # float64 values as math.log and math.sqrt per key)
        key_weights = _idf_table(int(in_sentences.max(initial=0)), len(sentences))[in_sentences] / np.sqrt(key_sizes)
        sizes = key_sizes[occurrences]
        starts = np.cumsum(key_sizes) - key_sizes
        within = np.arange(sizes.sum()) - np.repeat(np.cumsum(sizes) - sizes, sizes)
        columns = key_slots[np.repeat(starts[occurrences], sizes) + within]
        rows = np.repeat(occurrence_rows, sizes)
        weights = np.repeat(key_weights[occurrences], sizes)
        return SparseRows.accumulate(rows, columns, weights, len(sentences), self.dimensions)

    def _en_vectors(self, bags: list[list[str]], slots: dict[str, int]) -> SparseRows:
        idf = _idf([set(bag) for bag in bags])
        stems = [stem for bag in bags for stem in bag]
        rows = np.repeat(np.arange(len(bags)), [len(bag) for bag in bags])
        columns = slot_columns(slots, stems, self.dimensions)
        weights = list(map(idf.__getitem__, stems))
        return SparseRows.accumulate(rows, columns, weights, len(bags), self.dimensions)

    def settings(self) -> dict[str, Any]:
        return {"lexical": f"cc-cedict tf-idf cosine, snowball stems, {self.dimensions} dims"}


def _english_stems(texts: list[str]) -> list[list[str]]:
    """:func:`english_stems` of each text: each distinct token's stem (or its absence: a stop word) worked out
    once a process (:func:`english_words` then :func:`stem_words`, both per token), then looked up."""
    stem_of = _TOKEN_STEMS[0]
    if len(stem_of) > _TOKEN_STEMS_BOUND:  # replaced, never cleared: another thread may be reading it
        stem_of = _TOKEN_STEMS[0] = {}
    tokens = [WORD.findall(text) for text in texts]
    new = [token for token in dict.fromkeys(chain.from_iterable(tokens)) if token not in stem_of]
    if new:
        words = [english_words(token) for token in new]  # a token is one word, or none (a stop word)
        stems = iter(stem_words([word for found in words for word in found]))
        stem_of.update((token, next(stems) if found else None) for token, found in zip(new, words, strict=True))
    lookup = stem_of.__getitem__
    return [[stem for stem in map(lookup, found) if stem is not None] for found in tokens]


_TOKEN_STEMS: list[dict[str, str | None]] = [{}]  # English token as written -> its stem, None for a stop word
_TOKEN_STEMS_BOUND = 500_000


def _idf(sets: list[set[Any]]) -> dict[Any, float]:
    counts: Counter[Any] = Counter()
    for items in sets:
        counts.update(items)
    total = len(sets)
    return {item: _idf_of(count, total) for item, count in counts.items()}


def _distinct(values: np.ndarray) -> np.ndarray:
    """np.unique of a 1-D integer array (the same sorted values) without its check for masked arrays, which
    imports numpy.ma (12 ms, the lexical mode's only use of it)."""
    ordered = np.sort(values)
    return ordered[np.concatenate([[True], ordered[1:] != ordered[:-1]])] if len(ordered) else ordered


def _idf_table(largest: int, total: int) -> np.ndarray:
    """``_idf_of(count, total)`` for every count from 0 to ``largest``."""
    return np.array([_idf_of(count, total) for count in range(largest + 1)], dtype=np.float64)


def _idf_of(count: int, total: int) -> float:
    """Inverse document frequency of an item found in ``count`` of ``total`` sentences."""
    return math.log((total + 1) / (count + 0.5))
