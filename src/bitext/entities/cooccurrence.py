"""Co-occurrence signal: names that keep turning up in the same beads translate each other.

This is how brand names with no phonetic or dictionary link are found (商湯 ↔ SenseTime share
almost every bead). Counts are over aligned beads (a bead counts a name once however often it
repeats); the association is Dice's coefficient, and Dunning's log-likelihood ratio is kept for
inspection. A single shared bead proves nothing (every pair of names in a one-bead document has
Dice 1), and two are still often chance in short documents (a sentence and its follow-up repeat
every name in them: 德文 in 德文波特 ↔ Devonport), so the signal needs ``MIN_JOINT`` shared beads;
competitive linking in
:mod:`bitext.entities.pairing` then stops a frequent name from pairing with everything near it.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

MIN_JOINT = 3


@dataclass(frozen=True)
class Cooccurrence:
    """Bead counts: per Chinese key, per English key, per pair, and the number of aligned beads."""

    zh: Counter[str]
    en: Counter[str]
    joint: Counter[tuple[str, str]]
    beads: int

    def dice(self, zh: str, en: str) -> float:
        total = self.zh[zh] + self.en[en]
        return 2 * self.joint[zh, en] / total if total else 0.0

    def log_likelihood(self, zh: str, en: str) -> float:
        """Dunning's G² for the 2×2 table of beads with/without each name."""
        k11 = self.joint[zh, en]
        k12 = self.zh[zh] - k11
        k21 = self.en[en] - k11
        k22 = self.beads - k11 - k12 - k21
        return 2 * (_h(k11, k12, k21, k22) - _h(k11 + k12, k21 + k22) - _h(k11 + k21, k12 + k22))

    def strength(self, zh: str, en: str) -> float:
        """Dice discounted for small counts (n/(n+1)): 3 shared beads give at most 0.75, 24 give 0.96."""
        shared = self.joint[zh, en]
        if shared < MIN_JOINT:
            return 0.0
        return self.dice(zh, en) * shared / (shared + 1)


def _h(*counts: int) -> float:
    """Σ k·log(k/N), the entropy term of G²."""
    total = sum(counts)
    return sum(k * math.log(k / total) for k in counts if k > 0)


def count(beads: Iterable[tuple[Iterable[str], Iterable[str]]]) -> Cooccurrence:
    """Count names over beads given as (Chinese keys, English keys); sides may repeat keys."""
    zh: Counter[str] = Counter()
    en: Counter[str] = Counter()
    joint: Counter[tuple[str, str]] = Counter()
    total = 0
    for zh_keys, en_keys in beads:
        zh_set, en_set = set(zh_keys), set(en_keys)
        total += 1
        zh.update(zh_set)
        en.update(en_set)
        joint.update((z, e) for z in zh_set for e in en_set)
    return Cooccurrence(zh, en, joint, total)
