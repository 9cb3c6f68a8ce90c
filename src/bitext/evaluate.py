"""Strict and lax precision/recall/F1 over beads, as Vecalign and Bertalign define them.

Strict: a predicted bead counts only if the same bead is in the gold. Lax: a predicted bead counts if
it overlaps a gold bead on both sides. Precision is over all predicted beads (insertions and deletions
included); recall over gold beads with both sides, exactly as Vecalign's ``score.py`` counts.

Both sides are checked first (:func:`validate_beads`): a duplicate, overlapping, negative or empty bead
would silently skew the figures (a duplicate counts twice, an overlap scores one sentence twice), so it
is an :class:`~bitext.errors.InputError` instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from bitext.align.beads import Alignment, Bead
from bitext.errors import InputError

BeadPair = tuple[Sequence[int], Sequence[int]]
# What either side of an evaluation may be: an Alignment, its beads, or (zh ids, en ids) pairs such as
# Alignment.pairs() and bitext.read_alignment() give.
Beads = Alignment | Iterable[Bead] | Iterable[BeadPair]


@dataclass(frozen=True)
class Scores:
    precision: float
    recall: float
    f1: float

    def __str__(self) -> str:
        return f"P={self.precision:.4f} R={self.recall:.4f} F1={self.f1:.4f}"


@dataclass(frozen=True)
class Evaluation:
    strict: Scores
    lax: Scores
    gold_beads: int
    predicted_beads: int


def _f1(precision: float, recall: float) -> float:
    return 2 * precision * recall / (precision + recall) if precision + recall else 0.0


def _as_set(beads: Iterable[BeadPair], keep_unaligned: bool) -> set[tuple[tuple[int, ...], tuple[int, ...]]]:
    return {
        (tuple(zh), tuple(en)) for zh, en in beads if (len(zh) and len(en)) or (keep_unaligned and (len(zh) or len(en)))
    }


def _counts(
    reference: set[tuple[tuple[int, ...], tuple[int, ...]]],
    candidates: set[tuple[tuple[int, ...], tuple[int, ...]]],
) -> tuple[int, int, int]:
    """(candidates, strict hits, lax hits) of ``candidates`` checked against ``reference``.

    A lax hit shares at least one Chinese sentence with a reference bead whose English side
    shares at least one sentence with the candidate's English side.
    """
    en_of_zh: dict[int, set[int]] = {}
    for zh, en in reference:
        for z in zh:
            en_of_zh.setdefault(z, set()).update(en)
    strict = lax = 0
    for zh, en in candidates:
        if (zh, en) in reference:
            strict += 1
            lax += 1
        elif any(en_of_zh.get(z, set()).intersection(en) for z in zh):
            lax += 1
    return len(candidates), strict, lax


def _ratio(hits: int, total: int) -> float:
    return hits / total if total else 0.0


def validate_beads(beads: Iterable[BeadPair], name: str = "alignment") -> list[BeadPair]:
    """``beads`` as a list, or :class:`InputError` naming ``name`` and the first bad bead (1-based):
    a bead with no sentence on either side, a negative or non-integer id, or a sentence id that is in
    another bead already (on the same side: duplicates and overlaps alike)."""
    checked = list(beads)
    seen: tuple[dict[int, int], dict[int, int]] = ({}, {})
    for number, bead in enumerate(checked, start=1):
        try:
            zh, en = bead
            sides = (list(zh), list(en))
        except (TypeError, ValueError):
            raise InputError(f"{name}: bead {number} is not a pair of id lists: {bead!r}") from None
        if not sides[0] and not sides[1]:
            raise InputError(f"{name}: bead {number} is empty (no sentence on either side)")
        for side, ids, owners in zip(("zh", "en"), sides, seen, strict=True):
            for sentence in ids:
                if isinstance(sentence, bool) or not isinstance(sentence, int) or sentence < 0:
                    raise InputError(f"{name}: bead {number} has {side} id {sentence!r}; ids are integers from 0")
                if sentence in owners:
                    where = "twice in it" if owners[sentence] == number else f"in bead {owners[sentence]} too"
                    raise InputError(f"{name}: bead {number} has {side} sentence {sentence}, {where}")
                owners[sentence] = number
    return checked


def as_pairs(beads: Beads) -> list[BeadPair]:
    """(zh ids, en ids) pairs of an :class:`Alignment`, of :class:`Bead` objects, or of pairs as given."""
    if isinstance(beads, Alignment):
        return [(bead.zh_ids, bead.en_ids) for bead in beads.beads]
    return [(item.zh_ids, item.en_ids) if isinstance(item, Bead) else item for item in beads]


def evaluate(gold: Beads, predicted: Beads) -> Evaluation:
    """Score ``predicted`` beads against ``gold`` beads. Each is an :class:`Alignment`, a sequence of
    :class:`Bead`, or (zh ids, en ids) pairs (``bitext.read_alignment(path)`` reads a gold file).

    As in Vecalign's ``score.py``: precision is over every predicted bead (a correctly predicted
    deletion is a hit), recall over the gold beads that have both sides.
    """
    return evaluate_many([(gold, predicted)])


def evaluate_many(pairs: Iterable[tuple[Beads, Beads]]) -> Evaluation:
    """Scores pooled over several documents (counts summed before dividing, as Vecalign does); each
    document is a (gold, predicted) pair, either side taking what :func:`evaluate` takes.

    Raises :class:`InputError` for an invalid bead on either side (see :func:`validate_beads`)."""
    p_total = p_strict = p_lax = r_total = r_strict = r_lax = 0
    for number, (gold_beads, predicted_beads) in enumerate(pairs, start=1):
        gold = validate_beads(as_pairs(gold_beads), f"gold alignment {number}")
        predicted = validate_beads(as_pairs(predicted_beads), f"predicted alignment {number}")
        total, strict, lax = _counts(_as_set(gold, True), _as_set(predicted, True))
        p_total, p_strict, p_lax = p_total + total, p_strict + strict, p_lax + lax
        total, strict, lax = _counts(_as_set(predicted, False), _as_set(gold, False))
        r_total, r_strict, r_lax = r_total + total, r_strict + strict, r_lax + lax
    strict_p, strict_r = _ratio(p_strict, p_total), _ratio(r_strict, r_total)
    lax_p, lax_r = _ratio(p_lax, p_total), _ratio(r_lax, r_total)
    return Evaluation(
        strict=Scores(strict_p, strict_r, _f1(strict_p, strict_r)),
        lax=Scores(lax_p, lax_r, _f1(lax_p, lax_r)),
        gold_beads=r_total,
        predicted_beads=p_total,
    )
