"""The Gale–Church (1993) length-based aligner: the baseline every other method is measured against.

Length is counted in non-space characters on both sides. The expected ratio of English to Chinese
characters ``c`` and its variance ``s2`` are estimated from the documents being aligned, not taken
from 1993's French–English constants: first pass with ``c`` from the totals, then ``c`` and ``s2``
re-estimated from the 1-1 beads of that pass, then a second pass.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from bitext.align.beads import Bead
from bitext.align.dp import banded_dp

# Prior probabilities of bead types (Gale & Church's, with 1-2/2-1 more likely for zh→en).
PRIORS: dict[tuple[int, int], float] = {
    (1, 1): 0.86,
    (1, 0): 0.005,
    (0, 1): 0.005,
    (2, 1): 0.03,
    (1, 2): 0.07,
    (2, 2): 0.01,
    (1, 3): 0.015,
    (3, 1): 0.005,
}
_LOG_PRIOR = {bead_type: -math.log(p) for bead_type, p in PRIORS.items()}


def text_length(text: str) -> int:
    return sum(1 for ch in text if not ch.isspace())


def _normal_tail_cost(delta: float) -> float:
    """-log of the two-sided tail probability 2(1 - Φ(|δ|)), floored to stay finite."""
    tail = math.erfc(abs(delta) / math.sqrt(2))
    return -math.log(max(tail, 1e-300))


class LengthModel:
    """Cost of a bead from its character lengths under a normal model of the length ratio."""

    def __init__(self, ratio: float, variance: float):
        self.ratio = ratio
        self.variance = max(variance, 1e-6)

    def cost(self, zh_length: int, en_length: int) -> float:
        if zh_length == 0 and en_length == 0:
            return 0.0
        mean = (zh_length + en_length / self.ratio) / 2
        delta = (en_length - zh_length * self.ratio) / math.sqrt(max(mean, 1.0) * self.variance)
        return _normal_tail_cost(delta)


def gale_church(zh_sentences: Sequence[str], en_sentences: Sequence[str]) -> list[Bead]:
    """Align two lists of sentences by length alone; returns beads with a confidence each."""
    zh_lengths = [text_length(s) for s in zh_sentences]
    en_lengths = [text_length(s) for s in en_sentences]
    ratio = (sum(en_lengths) or 1) / (sum(zh_lengths) or 1)
    model = LengthModel(ratio, variance=6.8 * ratio)
    beads = _align_lengths(zh_lengths, en_lengths, model)
    refined = _reestimate(beads, zh_lengths, en_lengths, model)
    if refined is not None:
        beads = _align_lengths(zh_lengths, en_lengths, refined)
    return beads


def _align_lengths(zh_lengths: list[int], en_lengths: list[int], model: LengthModel) -> list[Bead]:
    zh_prefix = _prefix(zh_lengths)
    en_prefix = _prefix(en_lengths)

    def cost(i0: int, i1: int, j0: int, j1: int) -> float:
        bead_type = (i1 - i0, j1 - j0)
        return _LOG_PRIOR[bead_type] + model.cost(zh_prefix[i1] - zh_prefix[i0], en_prefix[j1] - en_prefix[j0])

    path = banded_dp(len(zh_lengths), len(en_lengths), tuple(PRIORS), cost)
    beads = []
    for i0, i1, j0, j1, bead_cost in path:
        # exp(-cost) of the length term alone, relative to a perfect match: 1 for a perfect ratio.
        length_cost = bead_cost - _LOG_PRIOR[(i1 - i0, j1 - j0)]
        confidence = math.exp(-length_cost / 4) if i1 > i0 and j1 > j0 else 0.0
        beads.append(
            Bead(tuple(range(i0, i1)), tuple(range(j0, j1)), round(confidence, 4), {"length": round(length_cost, 4)})
        )
    return beads


def _reestimate(
    beads: list[Bead], zh_lengths: list[int], en_lengths: list[int], model: LengthModel
) -> LengthModel | None:
    pairs = [
        (zh_lengths[b.zh[0]], en_lengths[b.en[0]])
        for b in beads
        if len(b.zh) == 1 and len(b.en) == 1 and zh_lengths[b.zh[0]] > 0
    ]
    if len(pairs) < 10:
        return None
    ratio = sum(e for _z, e in pairs) / sum(z for z, _e in pairs)
    variance = sum((e - z * ratio) ** 2 / max(z, 1) for z, e in pairs) / len(pairs)
    return LengthModel(ratio, variance)


def _prefix(values: list[int]) -> list[int]:
    prefix = [0]
    for value in values:
        prefix.append(prefix[-1] + value)
    return prefix
