"""The Scorer protocol: one signal (length, dictionary, anchors, embeddings) measured on candidate beads.

A scorer is prepared once per document pair (estimating whatever it needs from the two documents: a
length ratio, idf weights, embeddings) and then asked for its features on blocks of candidate beads.
Every feature is "higher means more likely a translation"; the aligner combines them with fitted
weights. Window helpers here let a scorer work on sums of consecutive sentences without loops.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, ClassVar, Protocol, runtime_checkable

import numpy as np

from bitext.document import Document
from bitext.script import to_simplified

BeadType = tuple[int, int]  # (Chinese sentences, English sentences), e.g. (1, 2)

# The bead types the aligner searches. They live here, beside BeadType, because every scorer must cover
# them: its windows (sentences summed or embedded together) are sized from the largest bead on each side.
BEAD_TYPES: tuple[BeadType, ...] = (
    (1, 1),
    (1, 0),
    (0, 1),
    (1, 2),
    (2, 1),
    (2, 2),
    (1, 3),
    (3, 1),
    (1, 4),
    (4, 1),
    (2, 3),
    (3, 2),
    (1, 5),
    (2, 4),
)
MAX_ZH_BEAD = max(di for di, _dj in BEAD_TYPES)
MAX_EN_BEAD = max(dj for _di, dj in BEAD_TYPES)

# A clause ends after a separator: Chinese commas (both), the enumeration comma, semicolons and colons;
# English , ; : (counted by the punctuation scorer, cut at by the embedding scorer's clause pieces).
ZH_CLAUSE_SEPARATORS = "，,、；;：:"
EN_CLAUSE_SEPARATORS = ",;:"


@dataclass(frozen=True)
class Block:
    """Candidate beads ending in rows ``r0..r1-1``: one entry per band cell, flat."""

    r0: int
    r1: int
    i: np.ndarray  # end row of each cell
    j: np.ndarray  # end column of each cell
    offsets: np.ndarray  # cells of row r0 + k are [offsets[k], offsets[k + 1])


@dataclass
class ScorerInput:
    """What every :meth:`Scorer.prepare` takes: the two documents being aligned, with the copies scorers
    match on (made once, shared)."""

    zh: Document
    en: Document
    cache: dict[str, Any] = field(default_factory=dict)

    @cached_property
    def zh_texts(self) -> list[str]:
        return self.zh.sentence_texts()

    @cached_property
    def en_texts(self) -> list[str]:
        return self.en.sentence_texts()

    @cached_property
    def zh_simplified(self) -> list[str]:
        """Length-preserving t2s copies: the dictionary, jieba and the encoder all work best on these."""
        return [to_simplified(text) for text in self.zh_texts]


@runtime_checkable
class Features(Protocol):
    """A scorer's view of one document pair; ``names`` are its scorer's ``features``, in that order.

    A view may also implement :class:`RefitsOnFirstPath` (optional, so not a member here).
    """

    @property
    def names(self) -> tuple[str, ...]: ...

    def block(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        """Feature values, shape (len(types), len(names), cells); 0 for beads with an empty side."""
        ...

    def sentence_vectors(self) -> tuple[Vectors, Vectors] | None:
        """Vectors per sentence (zh, en) whose cosine says "translation" (for the first pass), or None."""
        ...


@runtime_checkable
class RefitsOnFirstPath(Protocol):
    """Optional hook of a :class:`Features` view: re-estimate per-document parameters from the first pass's
    path (beads as ``(i0, i1, j0, j1)``) before the second pass scores with them. The length scorer
    re-estimates its ratio and spread this way: the path's aligned beads measure them better than the
    document totals."""

    def refit(self, path: Sequence[tuple[int, int, int, int]]) -> None: ...


@runtime_checkable
class Scorer(Protocol):
    """One signal. ``prepare`` does the per-document work; ``settings`` goes into the export signature.

    ``features`` names the features its views return, declared on the class, so the aligner can check the
    chosen model has a weight for each before aligning anything.
    """

    name: str
    features: ClassVar[tuple[str, ...]]

    def prepare(self, pair: ScorerInput) -> Features: ...

    def settings(self) -> dict[str, Any]: ...


# Rows made dense at a time when a whole sparse matrix is walked through (norms, projections): bounded memory.
DENSE_CHUNK = 4096


@dataclass(frozen=True)
class SparseRows:
    """Sentence vectors that are nearly all zeros (hashed words, anchors), stored as compressed rows.

    A sentence of a few words touches a few of the thousands of hashed dimensions, so a dense matrix
    costs memory in proportion to sentences × dimensions (8 KB a sentence for the dictionary's 2,048
    float32); these three arrays cost it in proportion to the words. Consumers take dense blocks of
    consecutive rows (:meth:`dense`), equal element for element to the rows of the dense matrix, so
    every product computed from them is the same to the bit.
    """

    indptr: np.ndarray  # row r's entries are [indptr[r], indptr[r + 1])
    indices: np.ndarray  # dimension of each entry, ascending within a row
    values: np.ndarray  # float32
    dimensions: int

    @classmethod
    def accumulate(
        cls,
        rows: Sequence[int] | np.ndarray,
        slots: Sequence[int] | np.ndarray,
        weights: Sequence[float] | np.ndarray,
        count: int,
        dimensions: int,
    ) -> SparseRows:
        """Row ``rows[k]``, dimension ``slots[k]`` += ``weights[k]``, in float32 and in the order given."""
        keys = np.asarray(rows, dtype=np.int64) * dimensions + np.asarray(slots, dtype=np.int64)
        unique, inverse = np.unique(keys, return_inverse=True)
        values = np.zeros(len(unique), dtype=np.float32)
        # add.at adds unbuffered in input order, as the dense ``vector[row, slot] += weight`` did.
        np.add.at(values, inverse, np.asarray(weights, dtype=np.float32))
        indptr = np.searchsorted(unique, np.arange(count + 1, dtype=np.int64) * dimensions)
        return cls(indptr, (unique % dimensions).astype(np.int32), values, dimensions)

    @property
    def shape(self) -> tuple[int, int]:
        return len(self.indptr) - 1, self.dimensions

    def __len__(self) -> int:
        return len(self.indptr) - 1

    def dense(self, start: int = 0, stop: int | None = None) -> np.ndarray:
        """Rows ``start..stop-1`` as a dense float32 matrix."""
        stop = len(self) if stop is None else min(stop, len(self))
        start = min(max(start, 0), stop)
        out = np.zeros((stop - start, self.dimensions), dtype=np.float32)
        first, last = self.indptr[start], self.indptr[stop]
        row_of_entry = np.repeat(np.arange(stop - start), np.diff(self.indptr[start : stop + 1]))
        out[row_of_entry, self.indices[first:last]] = self.values[first:last]
        return out

    def take(self, rows: np.ndarray) -> np.ndarray:
        """Rows ``rows`` (any order, repeats allowed) as a dense float32 matrix: ``dense()[rows]``."""
        rows = np.asarray(rows, dtype=np.int64)
        counts = np.diff(self.indptr)[rows]
        out = np.zeros((len(rows), self.dimensions), dtype=np.float32)
        within = np.arange(counts.sum()) - np.repeat(np.cumsum(counts) - counts, counts)
        entries = np.repeat(self.indptr[rows], counts) + within
        out[np.repeat(np.arange(len(rows)), counts), self.indices[entries]] = self.values[entries]
        return out

    def scaled_rows(self, factors: np.ndarray) -> SparseRows:
        """Every row divided by its factor (float32, as ``dense() / factors[:, None]`` gives)."""
        rows = np.repeat(np.arange(len(self)), np.diff(self.indptr))
        return SparseRows(self.indptr, self.indices, (self.values / factors[rows]).astype(np.float32), self.dimensions)

    def used_dimensions(self, start: int, stop: int) -> np.ndarray:
        """Dimensions (ascending) where some row of ``start..stop-1`` is not 0: ``dense(start, stop).any(axis=0)``'s."""
        return np.flatnonzero(self.used_mask(start, stop))

    def used_mask(self, start: int, stop: int) -> np.ndarray:
        """``dense(start, stop).any(axis=0)``: a mark per dimension (cheaper than sorting the entries)."""
        stop = min(stop, len(self))
        start = min(max(start, 0), stop)
        first, last = self.indptr[start], self.indptr[stop]
        mask = np.zeros(self.dimensions, dtype=bool)
        mask[self.indices[first:last][self.values[first:last] != 0]] = True
        return mask

    def dense_columns(self, start: int, stop: int, dimensions: np.ndarray) -> np.ndarray:
        """``dense(start, stop)[:, dimensions]`` for ascending ``dimensions``, in the same memory order
        (numpy's indexing gives that column-major), without making the whole rows dense."""
        stop = min(stop, len(self))
        start = min(max(start, 0), stop)
        out = np.zeros((len(dimensions), stop - start), dtype=np.float32)
        first, last = self.indptr[start], self.indptr[stop]
        row_of_entry = np.repeat(np.arange(stop - start), np.diff(self.indptr[start : stop + 1]))
        indices = self.indices[first:last]
        at = np.minimum(np.searchsorted(dimensions, indices), max(len(dimensions) - 1, 0))
        kept = (dimensions[at] == indices) if len(dimensions) else np.zeros(len(indices), dtype=bool)
        out[at[kept], row_of_entry[kept]] = self.values[first:last][kept]
        return out.T


def number_new(slots: dict[Any, int], items: Sequence[Any]) -> None:
    """``slots.setdefault(item, len(slots))`` for every item in order: numbers in order of first appearance."""
    new = [item for item in dict.fromkeys(items) if item not in slots]
    slots.update(zip(new, range(len(slots), len(slots) + len(new)), strict=True))


def slot_columns(slots: dict[Any, int], items: Sequence[Any], dimensions: int) -> np.ndarray:
    """Each item's slot (numbered by :func:`number_new` first) folded into ``dimensions`` columns."""
    number_new(slots, items)
    return np.fromiter(map(slots.__getitem__, items), dtype=np.int64, count=len(items)) % dimensions


Vectors = np.ndarray | SparseRows  # sentence vectors, one row per sentence


def dense_rows(vectors: Vectors, start: int, stop: int) -> np.ndarray:
    """Rows ``start..stop-1`` of dense or sparse sentence vectors, as a dense matrix."""
    return vectors.dense(start, stop) if isinstance(vectors, SparseRows) else vectors[start:stop]


def chunked_rows(vectors: Vectors, function: Callable[[np.ndarray], np.ndarray]) -> np.ndarray:
    """``function`` of the whole matrix, row-wise, computed on dense chunks of sparse rows."""
    if not isinstance(vectors, SparseRows):
        return function(vectors)
    parts = [function(vectors.dense(s, s + DENSE_CHUNK)) for s in range(0, len(vectors), DENSE_CHUNK)]
    return np.concatenate(parts) if parts else function(vectors.dense(0, 0))


def prefix_sums(values: np.ndarray) -> np.ndarray:
    """Row k holds the sum of the first k rows of ``values`` (works for vectors and matrices)."""
    values = np.asarray(values, dtype=np.float64)
    return np.concatenate([np.zeros((1, *values.shape[1:])), np.cumsum(values, axis=0)])


def window_totals(prefix: np.ndarray, end: np.ndarray, size: int) -> np.ndarray:
    """Sum over the ``size`` sentences ending before index ``end`` (clipped at 0)."""
    return prefix[end] - prefix[np.maximum(end - size, 0)]


def window_matrix(vectors: np.ndarray, size: int) -> np.ndarray:
    """Row i is the sum of sentence vectors i-size..i-1 (rows before ``size`` are partial sums)."""
    prefix = np.concatenate([np.zeros((1, vectors.shape[1]), dtype=np.float32), np.cumsum(vectors, axis=0)])
    out = prefix.copy()
    out[size:] -= prefix[:-size]
    return out


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-9)).astype(np.float32)


def window_pair_dots(zh: Vectors, en: Vectors, block: Block, types: Sequence[BeadType]) -> dict[BeadType, np.ndarray]:
    """For each bead type, (sum of its zh sentence vectors) · (sum of its en sentence vectors), per cell.

    The dot product of two sums is the sum of the sentence-pair dot products, so one matrix product of
    the block's sentences and a 2-D running sum give every window size at once (instead of one
    product per bead type).
    """
    sizes = [t for t in types if t[0] and t[1]]
    if not sizes or not len(block.i):
        return {t: np.zeros(len(block.i)) for t in sizes}
    max_zh, max_en = max(di for di, _ in sizes), max(dj for _, dj in sizes)
    r_lo, r_hi = max(0, block.r0 - max_zh), max(block.r0, block.r1 - 1)
    c_lo, c_hi = max(0, int(block.j.min()) - max_en), int(block.j.max())
    # Dictionary and anchor vectors are sparse: only dimensions used on both sides can contribute.
    if isinstance(zh, SparseRows) and isinstance(en, SparseRows):
        # The same columns and the same product as the dense branch, read from the sparse entries.
        shared = np.flatnonzero(zh.used_mask(r_lo, r_hi) & en.used_mask(c_lo, c_hi))
        if not len(shared):  # nothing in common: every dot is 0 (as the product of empty matrices gives)
            return {t: np.zeros(len(block.i)) for t in sizes}
        if len(shared) < 0.5 * zh.shape[1]:
            zh_rows, en_rows = zh.dense_columns(r_lo, r_hi, shared), en.dense_columns(c_lo, c_hi, shared)
        else:
            zh_rows, en_rows = zh.dense(r_lo, r_hi), en.dense(c_lo, c_hi)
    else:
        zh_rows, en_rows = dense_rows(zh, r_lo, r_hi), dense_rows(en, c_lo, c_hi)
        shared = np.flatnonzero(zh_rows.any(axis=0) & en_rows.any(axis=0))
        if len(shared) < 0.5 * zh.shape[1]:
            zh_rows, en_rows = zh_rows[:, shared], en_rows[:, shared]
    pair_dots = zh_rows.astype(np.float32) @ en_rows.T.astype(np.float32)
    running = np.zeros((pair_dots.shape[0] + 1, pair_dots.shape[1] + 1), dtype=np.float64)
    running[1:, 1:] = pair_dots.cumsum(axis=0).cumsum(axis=1)
    # Each window's sum from four corners of the running sum; the corners shared by several bead types
    # (the cell's own, the one di rows up, the one dj columns left) are gathered once.
    flat, width = running.ravel(), running.shape[1]
    rows, cols = block.i - r_lo, block.j - c_lo
    here = flat[rows * width + cols]
    tops = {di: np.maximum(rows - di, 0) * width for di in {di for di, _dj in sizes}}
    lefts = {dj: np.maximum(cols - dj, 0) for dj in {dj for _di, dj in sizes}}
    above = {di: flat[top + cols] for di, top in tops.items()}
    beside = {dj: flat[rows * width + left] for dj, left in lefts.items()}
    return {(di, dj): here - above[di] - beside[dj] + flat[tops[di] + lefts[dj]] for di, dj in sizes}


def window_norms(vectors: Vectors, max_size: int) -> dict[int, np.ndarray]:
    """Row i of result[d]: length of the sum of sentence vectors i-d..i-1 (row 0 and short rows: partial).

    |v_a + … + v_b|² is the sum of all dot products between the window's sentences, so it needs only
    the products of each sentence with its next few neighbours, not the window sums themselves.
    """
    n = len(vectors)
    lag_prefix = []
    lagged = _lag_products(vectors, max_size)
    for lag in range(max_size):
        products: np.ndarray = lagged[lag].astype(np.float64) if lag < n else np.zeros(0)
        lag_prefix.append(np.concatenate([[0.0], np.cumsum(products)]))
    ends = np.arange(n + 1)
    result = {}
    for d in range(1, max_size + 1):
        starts = np.maximum(ends - d, 0)
        squared = np.zeros(n + 1)
        for lag in range(d):
            # pairs (a, a + lag) with start <= a and a + lag < end
            last = np.clip(ends - lag, 0, len(lag_prefix[lag]) - 1)
            first = np.minimum(starts, last)
            squared += (1 if lag == 0 else 2) * (lag_prefix[lag][last] - lag_prefix[lag][first])
        result[d] = np.sqrt(np.maximum(squared, 0.0))
    return result


def _lag_products(vectors: Vectors, lags: int) -> list[np.ndarray]:
    """For each lag below ``lags`` (and below n), the dot product of each sentence vector with the one ``lag``
    rows later (n - lag values). Sparse rows are made dense a chunk at a time, once for all the lags (each
    row's product is the same einsum over the same values as with a chunk made dense per lag)."""
    n = len(vectors)
    if not isinstance(vectors, SparseRows):
        return [np.einsum("ij,ij->i", vectors[: n - lag], vectors[lag:]) for lag in range(min(lags, n))]
    parts: list[list[np.ndarray]] = [[] for _ in range(lags)]
    for start in range(0, n, DENSE_CHUNK):
        stop = min(n, start + DENSE_CHUNK)
        rows = vectors.dense(start, stop + lags - 1)
        for lag in range(lags):
            count = min(n - lag, stop) - start  # rows of this chunk that have a row ``lag`` later
            if count > 0:
                parts[lag].append(np.einsum("ij,ij->i", rows[:count], rows[lag : lag + count]))
    return [np.concatenate(found) for found in parts[: min(lags, n)]]
