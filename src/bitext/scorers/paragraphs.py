"""Paragraphs: where both documents have paragraph breaks, beads should start and end with them.

A soft hint, not a wall: a bead whose first sentence opens a paragraph on one side but not on the other,
or that spans a paragraph break on one side only, loses a little. Documents where every sentence is its
own paragraph (one sentence per line without blank lines) or with one paragraph carry no such hint, and
the feature is 0 everywhere.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, ClassVar

import numpy as np

from bitext.document import Document
from bitext.scorers.base import BeadType, Block, ScorerInput, prefix_sums, window_totals


def paragraph_starts(doc: Document) -> np.ndarray:
    """1.0 for each sentence that opens a paragraph, else 0.0."""
    starts = np.zeros(len(doc))
    previous = -1
    for k in range(len(doc)):
        paragraph = doc.paragraph_of(k)
        starts[k] = paragraph != previous
        previous = paragraph
    return starts


def has_paragraphs(starts: np.ndarray) -> bool:
    return 1 < starts.sum() < len(starts)


class ParagraphFeatures:
    names = ("paragraph",)

    def __init__(self, zh_starts: np.ndarray, en_starts: np.ndarray):
        self.active = has_paragraphs(zh_starts) and has_paragraphs(en_starts)
        self.zh_starts = np.append(zh_starts, 1.0)  # the end of the document closes a paragraph
        self.en_starts = np.append(en_starts, 1.0)
        self.zh_prefix = prefix_sums(zh_starts)
        self.en_prefix = prefix_sums(en_starts)

    def block(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        out = np.zeros((len(types), 1, len(block.i)))
        if not self.active:
            return out
        for t, (di, dj) in enumerate(types):
            if not (di and dj):
                continue
            zh_first, en_first = np.maximum(block.i - di, 0), np.maximum(block.j - dj, 0)
            opens = self.zh_starts[zh_first] != self.en_starts[en_first]
            # breaks strictly inside the window: starts of its 2nd..last sentences
            zh_inside = window_totals(self.zh_prefix, block.i, di) - self.zh_starts[zh_first] > 0
            en_inside = window_totals(self.en_prefix, block.j, dj) - self.en_starts[en_first] > 0
            out[t, 0] = -(opens.astype(float) + (zh_inside != en_inside))
        return out

    def sentence_vectors(self) -> None:
        return None


class ParagraphScorer:
    """Paragraph breaks shared by both documents as soft bead boundaries."""

    name = "paragraphs"
    features: ClassVar[tuple[str, ...]] = ParagraphFeatures.names

    def prepare(self, pair: ScorerInput) -> ParagraphFeatures:
        return ParagraphFeatures(paragraph_starts(pair.zh), paragraph_starts(pair.en))

    def settings(self) -> dict[str, Any]:
        return {"paragraphs": "soft hint where both sides have paragraph breaks"}
