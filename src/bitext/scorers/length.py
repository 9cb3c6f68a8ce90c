"""Length: the Gale–Church idea, with the ratio and spread estimated from the documents being aligned.

Chinese length is counted in characters (not bytes, not whitespace tokens), English in non-space
characters. The log of the ratio English/Chinese of a true bead is close to normal around the
document's own log-ratio; its spread is re-estimated from a first alignment of the same documents.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np

from bitext.scorers.base import BeadType, Block, ScorerInput, prefix_sums, window_totals

SMOOTHING = 4.0  # characters added to both sides so very short sentences do not dominate


def char_length(text: str) -> int:
    """Characters that carry content: everything but whitespace (one Chinese character counts one)."""
    return len("".join(text.split()))  # str.split() cuts at exactly the characters str.isspace() names


class LengthFeatures:
    names = ("length", "skipped_size")

    def __init__(self, zh_lengths: np.ndarray, en_lengths: np.ndarray, spread: float = 0.4):
        self.zh_lengths = zh_lengths
        self.en_lengths = en_lengths
        self.zh_prefix = prefix_sums(zh_lengths)
        self.en_prefix = prefix_sums(en_lengths)
        self.log_ratio = math.log((en_lengths.sum() + 1) / (zh_lengths.sum() + 1))
        self.spread = spread
        # A side whose sentences all measure 0 (punctuation or symbols only) has no scale: 1, not a 0/0.
        self.mean_zh = float(zh_lengths.mean()) if len(zh_lengths) and zh_lengths.any() else 1.0
        self.mean_en = float(en_lengths.mean()) if len(en_lengths) and en_lengths.any() else 1.0

    def block(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        out = np.zeros((len(types), len(self.names), len(block.i)))
        # Each side's window lengths once per size (several bead types share a size).
        zh_lengths = {di: window_totals(self.zh_prefix, block.i, di) for di in {di for di, _dj in types}}
        en_lengths = {dj: window_totals(self.en_prefix, block.j, dj) for dj in {dj for _di, dj in types}}
        for t, (di, dj) in enumerate(types):
            zh, en = zh_lengths[di], en_lengths[dj]
            if di and dj:
                out[t, 0] = -0.5 * np.minimum(self._z(zh, en) ** 2, 50.0)
            else:
                # A long sentence is rarely left untranslated; a short one (a heading, a "Yes.") often is.
                size = zh / self.mean_zh if di else en / self.mean_en
                out[t, 1] = -np.log1p(size)
        return out

    def _z(self, zh: np.ndarray, en: np.ndarray) -> np.ndarray:
        expected = math.exp(self.log_ratio)
        return (np.log((en + SMOOTHING * expected) / (zh * expected + SMOOTHING * expected))) / self.spread

    def refit(self, beads: Sequence[tuple[int, int, int, int]]) -> None:
        """Re-estimate ratio and spread from the aligned beads of a first pass (as Gale–Church did)."""
        pairs = [
            (self.zh_prefix[i1] - self.zh_prefix[i0], self.en_prefix[j1] - self.en_prefix[j0])
            for i0, i1, j0, j1 in beads
            if i1 > i0 and j1 > j0
        ]
        if len(pairs) < 8:
            return
        zh, en = np.array(pairs).T
        self.log_ratio = math.log((en.sum() + 1) / (zh.sum() + 1))
        deviations = self._z(zh, en) * self.spread
        # A robust spread (median absolute deviation) so the first pass's mistakes do not inflate it.
        mad = float(np.median(np.abs(deviations - np.median(deviations))))
        self.spread = float(np.clip(1.4826 * mad, 0.1, 1.0))

    def sentence_vectors(self) -> None:
        return None


class LengthScorer:
    name = "length"
    features: ClassVar[tuple[str, ...]] = LengthFeatures.names

    def prepare(self, pair: ScorerInput) -> LengthFeatures:
        zh = np.array([char_length(t) for t in pair.zh_texts], dtype=np.float64)
        en = np.array([char_length(t) for t in pair.en_texts], dtype=np.float64)
        return LengthFeatures(zh, en)

    def settings(self) -> dict[str, Any]:
        return {"length": "log-ratio normal, ratio and spread from the documents"}
