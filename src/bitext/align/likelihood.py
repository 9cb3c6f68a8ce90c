"""Fitting the aligner's weights by maximum conditional likelihood: the lattice read as a linear-chain CRF.

The lattice already defines a distribution over alignments, P(path) ∝ exp(Σ bead scores), with bead
score ``bias[type] + Σ weight_f · feature_f``. The log-probability of the reference path is concave in
the weights and biases, so it has one maximum, which L-BFGS finds from its gradient: the reference path's
features minus their expectation under the model (forward–backward posteriors of every bead of the band).

Why not only coordinate ascent on strict F1 (fit.py)? F1 is a step function of the weights: the ascent
stops wherever no single step helps, and where it stops depends on where it started; leave-one-chapter-out
MAC-Dev moved by about a point between fits that should have been equivalent. The likelihood is smooth
and has no such local optima, and every bead of every path informs it, not only the ones Viterbi picks.

The reference path is the "oracle": the path through the lattice that matches the most gold beads (gold
beads the bead set cannot express, such as 1-6, or that fall outside the band, are replaced by what the
lattice can do nearest to them). Documents are weighted by their number of beads, so a long document
does not outweigh a group of short ones; groups (MAC-Dev, FLORES, corpus) weigh the same by default.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace

import numpy as np

from bitext.align.aligner import Model
from bitext.align.fit import TrainingDoc
from bitext.align.search import Lattice, cell_posteriors, viterbi
from bitext.scorers.base import BEAD_TYPES, BeadType

L2 = 1e-4  # ridge on the parameters, so weights stay finite (the value's measurement: docs/design.md)
FREE_BIASES: tuple[BeadType, ...] = tuple(t for t in BEAD_TYPES if t != (1, 1))  # 1-1 is the reference level


@dataclass
class LikelihoodDoc:
    """One training document's features with its oracle path's feature sums."""

    group: str
    scored_lattice: Callable[[np.ndarray], Lattice]  # scores (types, cells of the band) → Lattice
    features: np.ndarray  # (types, features, cells)
    impossible: np.ndarray  # (types, cells)
    observed: np.ndarray  # oracle path: Σ features, then count per free bead type
    beads: int


def oracle_path(lattice: Lattice, gold_steps: set[tuple[int, int, int, int]]) -> list[tuple[int, int, int, int]]:
    """The path through ``lattice`` (whose finite cells say which beads exist) with the most gold beads."""
    band, types = lattice.band, lattice.types
    # Every bead scores -0.001 (among equally good paths, the one with fewer beads), a gold bead 1 more.
    scores = np.where(np.isfinite(lattice.flat), -1e-3, -np.inf)
    for i0, i1, j0, j1 in gold_steps:
        column = j1 - int(band.lo[i1])
        bead_type = (i1 - i0, j1 - j0)
        if bead_type in types and 0 <= column <= band.hi[i1] - band.lo[i1]:
            scores[types.index(bead_type), band.offsets[i1] + column] += 1.0
    return viterbi(Lattice(band, types, scores))


def likelihood_doc(doc: TrainingDoc) -> LikelihoodDoc:
    feature_lattice = doc.lattice
    band = feature_lattice.band
    offsets = band.offsets
    scored_lattice = feature_lattice.with_scores
    features = feature_lattice.features.astype(np.float64)
    impossible = feature_lattice.impossible
    shape = np.where(impossible, -np.inf, 0.0)
    gold_steps, i, j = set(), 0, 0
    for zh, en in doc.gold:
        gold_steps.add((i, i + len(zh), j, j + len(en)))
        i, j = i + len(zh), j + len(en)
    path = oracle_path(scored_lattice(shape), gold_steps)
    observed = np.zeros(features.shape[1] + len(FREE_BIASES))
    for i0, i1, j0, j1 in path:
        bead_type = (i1 - i0, j1 - j0)
        cell = offsets[i1] + (j1 - band.lo[i1])
        observed[: features.shape[1]] += features[BEAD_TYPES.index(bead_type), :, cell]
        if bead_type in FREE_BIASES:
            observed[features.shape[1] + FREE_BIASES.index(bead_type)] += 1
    return LikelihoodDoc(doc.group, scored_lattice, features, impossible, observed, len(path))


def _bias_vector(theta: np.ndarray, n_features: int) -> np.ndarray:
    bias = np.zeros(len(BEAD_TYPES))
    for k, bead_type in enumerate(FREE_BIASES):
        bias[BEAD_TYPES.index(bead_type)] = theta[n_features + k]
    return bias


def doc_log_likelihood(theta: np.ndarray, doc: LikelihoodDoc) -> tuple[float, np.ndarray]:
    """log P(oracle path) under ``theta`` (weights, then free biases) and its gradient."""
    n_features = doc.features.shape[1]
    scores = np.einsum("tfc,f->tc", doc.features, theta[:n_features]) + _bias_vector(theta, n_features)[:, None]
    scores[doc.impossible] = -np.inf
    posteriors, log_z = cell_posteriors(doc.scored_lattice(scores))
    expected_features = np.einsum("tc,tfc->f", posteriors, doc.features)
    type_counts = posteriors.sum(axis=1)
    expected = np.concatenate([expected_features, [type_counts[BEAD_TYPES.index(t)] for t in FREE_BIASES]])
    return float(doc.observed @ theta) - log_z, doc.observed - expected


def objective(
    theta: np.ndarray, docs: Sequence[LikelihoodDoc], l2: float = L2, group_weights: Mapping[str, float] | None = None
) -> tuple[float, np.ndarray]:
    """Mean per-bead log-likelihood, groups weighted alike (or by ``group_weights``), minus a ridge."""
    groups: dict[str, list[LikelihoodDoc]] = {}
    for doc in docs:
        groups.setdefault(doc.group, []).append(doc)
    weights = {group: (group_weights or {}).get(group, 1.0) for group in groups}
    total_weight = sum(weights.values())
    value, gradient = 0.0, np.zeros_like(theta)
    for group, members in groups.items():
        scale = weights[group] / total_weight / sum(doc.beads for doc in members)
        for doc in members:
            doc_value, doc_gradient = doc_log_likelihood(theta, doc)
            value += scale * doc_value
            gradient += scale * doc_gradient
    return value - l2 * float(theta @ theta), gradient - 2 * l2 * theta


def maximise(
    function: Callable[[np.ndarray], tuple[float, np.ndarray]],
    start: np.ndarray,
    iterations: int = 100,
    memory: int = 8,
    tolerance: float = 1e-7,
) -> np.ndarray:
    """L-BFGS ascent with a backtracking (Armijo) line search."""
    x = start.astype(np.float64)
    value, gradient = function(x)
    steps: list[tuple[np.ndarray, np.ndarray]] = []  # (s, y) of the recent iterations, for -function
    for _ in range(iterations):
        direction = _lbfgs_direction(gradient, steps)
        rate = 1.0
        while True:
            candidate = x + rate * direction
            new_value, new_gradient = function(candidate)
            if new_value >= value + 1e-4 * rate * float(gradient @ direction) or rate < 1e-8:
                break
            rate /= 2
        s, y = candidate - x, gradient - new_gradient
        if float(s @ y) > 1e-12:
            steps = [*steps[-(memory - 1) :], (s, y)]
        improved = new_value - value
        x, value, gradient = candidate, new_value, new_gradient
        if abs(improved) < tolerance:
            break
    return x


def _lbfgs_direction(gradient: np.ndarray, steps: list[tuple[np.ndarray, np.ndarray]]) -> np.ndarray:
    """The two-loop recursion: an ascent direction approximating inverse-Hessian × gradient."""
    q = gradient.copy()
    coefficients = []
    for s, y in reversed(steps):
        rho = 1.0 / float(y @ s)
        a = rho * float(s @ q)
        coefficients.append((rho, a, s, y))
        q -= a * y
    if steps:
        s, y = steps[-1]
        q *= float(s @ y) / float(y @ y)
    else:
        q /= max(1e-8, float(np.abs(gradient).max()))
    for rho, a, s, y in reversed(coefficients):
        q += s * (a - rho * float(y @ q))
    return q


def fit_likelihood(
    start: Model, docs: Sequence[TrainingDoc], l2: float = L2, group_weights: Mapping[str, float] | None = None
) -> Model:
    """Weights and biases of maximum likelihood on ``docs``, from ``start``; the skip prior
    and calibration of ``start`` are kept (they are fitted afterwards)."""
    names = docs[0].lattice.names
    prepared = [likelihood_doc(doc) for doc in docs]
    theta = np.array([start.weights.get(name, 0.0) for name in names] + [start.bias.get(t, 0.0) for t in FREE_BIASES])
    theta = maximise(lambda x: objective(x, prepared, l2, group_weights), theta)
    weights = {name: round(float(theta[k]), 4) for k, name in enumerate(names)}
    bias = {(1, 1): 0.0} | {t: round(float(theta[len(names) + k]), 4) for k, t in enumerate(FREE_BIASES)}
    return replace(start, weights=weights, bias={t: bias[t] for t in BEAD_TYPES})
