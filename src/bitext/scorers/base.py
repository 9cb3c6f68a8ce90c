"""The Scorer protocol: one signal (length, dictionary, anchors, embeddings) measured on candidate beads.

A scorer is prepared once per document pair (estimating whatever it needs from the two documents: a
length ratio, idf weights, embeddings) and then asked for its features on blocks of candidate beads.
Every feature is "higher means more likely a translation"; the aligner combines them with fitted
weights. Window helpers here let a scorer work on sums of consecutive sentences without loops.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any, Protocol, runtime_checkable

import numpy as np

from bitext.document import Document
from bitext.script import to_simplified

BeadType = tuple[int, int]  # (Chinese sentences, English sentences), e.g. (1, 2)


@dataclass(frozen=True)
class Block:
    """Candidate beads ending in rows ``r0..r1-1``: one entry per band cell, flat."""

    r0: int
    r1: int
    i: np.ndarray  # end row of each cell
    j: np.ndarray  # end column of each cell
    offsets: np.ndarray  # cells of row r0 + k are [offsets[k], offsets[k + 1])


@dataclass
class DocumentPair:
    """The two documents being aligned, with the copies scorers match on (made once, shared)."""

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
    """A scorer's view of one document pair."""

    names: tuple[str, ...]

    def block(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        """Feature values, shape (len(types), len(names), cells); 0 for beads with an empty side."""
        ...

    def sentence_vectors(self) -> tuple[np.ndarray, np.ndarray] | None:
        """Unit vectors per sentence (zh, en) whose dot product says "translation", or None."""
        ...


@runtime_checkable
class Scorer(Protocol):
    """One signal. ``prepare`` does the per-document work; ``settings`` goes into the export signature."""

    name: str

    def prepare(self, pair: DocumentPair) -> Features: ...

    def settings(self) -> dict[str, Any]: ...


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


def block_dots(zh_windows: np.ndarray, en_windows: np.ndarray, block: Block) -> np.ndarray:
    """zh_windows[i] · en_windows[j] for every cell of the block, via one small matrix product.

    A block of scattered cells (the beads of one path, say) is computed cell by cell instead.
    """
    if not len(block.i):
        return np.zeros(0)
    c0, c1 = int(block.j.min()), int(block.j.max()) + 1
    if (block.r1 - block.r0) * (c1 - c0) > 4 * len(block.i) + 4096:
        return np.einsum("ij,ij->i", zh_windows[block.i], en_windows[block.j])
    products = zh_windows[block.r0 : block.r1] @ en_windows[c0:c1].T
    return products[block.i - block.r0, block.j - c0]


def normalise_rows(vectors: np.ndarray) -> np.ndarray:
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    return (vectors / np.maximum(norms, 1e-9)).astype(np.float32)
