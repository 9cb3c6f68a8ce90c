"""The Embedder protocol, and what the embedding scorer asks of any encoder: windows and clause pieces.

An encoder maps sentences to unit vectors in a space shared by Chinese and English. The scorer needs two
kinds of text embedded besides single sentences:

- windows: runs of up to K consecutive sentences (a bead's side), and
- clause pieces: each sentence's clause prefixes and suffixes (its first k clauses, its last k), so a
  bead whose English splits one Chinese sentence in two can check that the first English sentence
  matches the head of the Chinese sentence and the second its tail.

Here both are made the plain way, by embedding the joined texts (any encoder). USE makes them from one
pass over the tokens instead (``use_encoder``).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from typing import Protocol, runtime_checkable

import numpy as np
import regex

from bitext.errors import AlignmentError


@runtime_checkable
class Embedder(Protocol):
    """Anything that maps sentences to unit-length float32 vectors in a shared cross-lingual space."""

    @property
    def name(self) -> str: ...

    def encode(self, texts: list[str]) -> np.ndarray: ...


@dataclass
class ClausePieces:
    """Every sentence's clause prefixes and suffixes, embedded, flat: piece k of sentence s is row
    ``offsets[s] + k``. Prefix k holds the sentence's first k + 1 clauses, suffix k its last k + 1; the
    last piece of each sentence is the whole sentence. Lengths are in characters, increasing within a
    sentence, so the piece nearest a wanted length is found by binary search."""

    prefixes: np.ndarray
    suffixes: np.ndarray
    prefix_lengths: np.ndarray
    suffix_lengths: np.ndarray
    offsets: np.ndarray
    sentence_lengths: np.ndarray

    def nearest_prefix(self, sentences: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        """Row of the prefix of each sentence whose length is nearest the wanted one."""
        return self._nearest(self.prefix_lengths, self._prefix_keys, sentences, lengths)

    def nearest_suffix(self, sentences: np.ndarray, lengths: np.ndarray) -> np.ndarray:
        return self._nearest(self.suffix_lengths, self._suffix_keys, sentences, lengths)

    # Lengths increase within a sentence; shifting each sentence's lengths past the previous sentence's
    # makes the whole array sorted, so one searchsorted serves every cell.
    @cached_property
    def _stride(self) -> float:
        return float(max(self.prefix_lengths.max(initial=0.0), self.suffix_lengths.max(initial=0.0))) + 1.0

    @cached_property
    def _owner(self) -> np.ndarray:
        return np.repeat(np.arange(len(self.offsets) - 1), np.diff(self.offsets))

    @cached_property
    def _prefix_keys(self) -> np.ndarray:
        return self._owner * self._stride + self.prefix_lengths

    @cached_property
    def _suffix_keys(self) -> np.ndarray:
        return self._owner * self._stride + self.suffix_lengths

    def _nearest(self, lengths: np.ndarray, keys: np.ndarray, sentences: np.ndarray, wanted: np.ndarray) -> np.ndarray:
        first, last = self.offsets[sentences], self.offsets[sentences + 1] - 1
        wanted = np.clip(wanted, 0.0, self._stride - 1.0)
        above = np.clip(np.searchsorted(keys, sentences * self._stride + wanted), first, last)
        below = np.maximum(above - 1, first)
        closer_below = np.abs(lengths[below] - wanted) <= np.abs(lengths[above] - wanted)
        return np.where(closer_below, below, above)


def split_clauses(text: str, separators: str) -> list[str]:
    """A sentence cut after each clause separator; the parts re-join to the sentence."""
    return [part for part in _clause_end(separators).split(text) if part] or [text]


@lru_cache(maxsize=8)
def _clause_end(separators: str) -> regex.Pattern[str]:
    return regex.compile(f"(?<=[{regex.escape(separators)}])")


def concatenated_windows(embedder: Embedder, texts: list[str], max_window: int, joiner: str) -> dict[int, np.ndarray]:
    """Row i of result[d] embeds sentences i-d..i-1, by embedding each window's joined text."""
    dim = None
    result: dict[int, np.ndarray] = {}
    for d in range(1, max_window + 1):
        joined = [joiner.join(texts[max(0, i - d) : i]) for i in range(1, len(texts) + 1)]
        vectors = embedder.encode(joined) if joined else np.zeros((0, dim or 1), dtype=np.float32)
        dim = vectors.shape[1]
        result[d] = np.vstack([np.zeros((1, dim), dtype=np.float32), vectors])
    return result


def encoded_clause_pieces(embedder: Embedder, texts: list[str], separators: str) -> ClausePieces:
    """Clause pieces by embedding each prefix's and suffix's text."""
    split = [split_clauses(text, separators) for text in texts]
    prefixes = ["".join(parts[: k + 1]) for parts in split for k in range(len(parts))]
    suffixes = ["".join(parts[len(parts) - 1 - k :]) for parts in split for k in range(len(parts))]
    return ClausePieces(
        prefixes=_encode(embedder, prefixes),
        suffixes=_encode(embedder, suffixes),
        prefix_lengths=np.array([len(text) for text in prefixes], dtype=np.float64),
        suffix_lengths=np.array([len(text) for text in suffixes], dtype=np.float64),
        offsets=np.concatenate([[0], np.cumsum([len(parts) for parts in split])]).astype(np.int64),
        sentence_lengths=np.array([len(text) for text in texts], dtype=np.float64),
    )


def _encode(embedder: Embedder, texts: list[str]) -> np.ndarray:
    return embedder.encode(texts).astype(np.float16) if texts else np.zeros((0, 1), dtype=np.float16)


class CheckedEmbedder:
    """A user's embedder with its output checked: a clear error for a wrong shape, a changing width or a
    value that is not finite, instead of an ``IndexError`` deep in the search or a silently wrong alignment.
    Vectors that are not of unit length are scaled to it (the scorer's similarities are cosines) and the
    name says so: ``"<name> (normalised)"`` lands in the alignment's signature. An all-zero vector (a text
    the encoder has nothing for) is kept: it is similar to nothing."""

    UNIT_TOLERANCE = 1e-3

    def __init__(self, embedder: Embedder) -> None:
        if not callable(getattr(embedder, "encode", None)):
            raise AlignmentError(f"embedder {embedder!r} has no encode(texts) method")
        self.embedder = embedder
        self.base_name = str(getattr(embedder, "name", type(embedder).__name__))
        self.width: int | None = None
        self.normalised = False

    @property
    def name(self) -> str:
        return f"{self.base_name} (normalised)" if self.normalised else self.base_name

    def encode(self, texts: list[str]) -> np.ndarray:
        try:
            vectors = np.asarray(self.embedder.encode(texts), dtype=np.float32)
        except (TypeError, ValueError) as error:
            raise AlignmentError(f"embedder {self.base_name!r}: encode() did not return numbers ({error})") from None
        if vectors.ndim != 2 or vectors.shape[0] != len(texts) or vectors.shape[1] == 0:
            raise AlignmentError(
                f"embedder {self.base_name!r}: encode() of {len(texts)} texts returned shape {vectors.shape}, "
                f"expected ({len(texts)}, dimensions)"
            )
        if self.width is not None and vectors.shape[1] != self.width:
            raise AlignmentError(
                f"embedder {self.base_name!r}: vectors of {vectors.shape[1]} dimensions after {self.width}"
            )
        self.width = vectors.shape[1]
        if not np.isfinite(vectors).all():
            raise AlignmentError(f"embedder {self.base_name!r}: encode() returned NaN or infinite values")
        norms = np.linalg.norm(vectors, axis=1)
        scaled = (norms > 0) & (np.abs(norms - 1.0) > self.UNIT_TOLERANCE)
        if scaled.any():
            self.normalised = True
            vectors[scaled] /= norms[scaled, None]
        return vectors


class SentenceTransformerEmbedder:
    """Any sentence-transformers model (e.g. ``sentence-transformers/LaBSE``, which Bertalign uses).

    sentence-transformers is not a dependency of bitext; install it yourself, with the model already in
    its cache if you must stay offline.
    """

    def __init__(self, model_name: str, device: str | None = None):
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

        self.name = model_name
        self._model = SentenceTransformer(model_name, device=device)

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(list(texts), convert_to_numpy=True, normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32)
