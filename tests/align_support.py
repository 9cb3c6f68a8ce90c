"""Synthetic training documents for the fitting tests: lattices whose one feature marks the gold beads."""

from __future__ import annotations

import numpy as np

from bitext.align.aligner import BEAD_TYPES, FeatureLattice
from bitext.align.fit import TrainingDoc
from bitext.align.search import Band


def doc_with_a_gold_feature(
    gold: list[tuple[list[int], list[int]]], group: str, noise: float = 0.0, seed: int = 0
) -> TrainingDoc:
    """A document whose one feature is 1 on its gold beads (plus optional noise elsewhere)."""
    n = max(max(z, default=-1) for z, _ in gold) + 1
    m = max(max(e, default=-1) for _, e in gold) + 1
    band = Band.full(n, m)
    gold_steps = set()
    i = j = 0
    for z, e in gold:
        gold_steps.add((i, i + len(z), j, j + len(e)))
        i, j = i + len(z), j + len(e)
    rng = np.random.default_rng(seed)
    cells = [(row, column) for row in range(n + 1) for column in range(m + 1)]
    features = np.zeros((len(BEAD_TYPES), 1, len(cells)))
    for t, (di, dj) in enumerate(BEAD_TYPES):
        for c, (row, column) in enumerate(cells):
            is_gold = (row - di, row, column - dj, column) in gold_steps
            features[t, 0, c] = float(is_gold) + noise * rng.normal()
    return TrainingDoc(group, group, FeatureLattice.from_rows(band, BEAD_TYPES, ("signal",), features), gold)


GOLD = [([0], [0]), ([1], [1, 2]), ([2, 3], [3]), ([4], []), ([5], [4])]
