"""Fitting the aligner's few weights on documents with gold alignments, and calibrating its confidence.

Features are computed once per document (the expensive part); a weight vector is then scored by running
the second-pass search on every document and pooling Vecalign's strict F1. Coordinate ascent over the
feature weights and bead-type biases maximises that figure directly: a handful of parameters, many
documents, so there is little to overfit, and held-out figures (leave one chapter out) say how little.

Confidence: the forward–backward posterior of each predicted bead, with a temperature, is mapped to
the probability that the bead is correct by a logistic regression fitted on held-out predictions.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

import numpy as np

from bitext.align.aligner import FeatureLattice, Model, SentenceAligner, bead_posteriors, decode, skip_log_rates
from bitext.align.search import viterbi
from bitext.document import Document
from bitext.evaluate import evaluate_many

GoldBeads = list[tuple[list[int], list[int]]]


@dataclass
class TrainingDoc:
    name: str
    group: str  # documents are pooled per group and groups averaged (MAC-Dev, FLORES, corpus …)
    lattice: FeatureLattice
    gold: GoldBeads


def training_doc(
    aligner: SentenceAligner, name: str, group: str, zh: Document, en: Document, gold: GoldBeads
) -> TrainingDoc:
    prepared = aligner.prepare(zh, en)
    return TrainingDoc(name, group, aligner.feature_lattice(prepared), gold)


def predict(model: Model, doc: TrainingDoc) -> GoldBeads:
    _lattice, path = decode(doc.lattice.lattice(model), model)
    return [(list(range(i0, i1)), list(range(j0, j1))) for i0, i1, j0, j1 in path]


def objective(model: Model, docs: Sequence[TrainingDoc], group_weights: Mapping[str, float] | None = None) -> float:
    """Weighted mean over groups of the pooled strict F1 (every group weighs 1 unless told otherwise)."""
    by_group: dict[str, list[tuple[GoldBeads, GoldBeads]]] = {}
    for doc in docs:
        by_group.setdefault(doc.group, []).append((doc.gold, predict(model, doc)))
    weights = [(group_weights or {}).get(group, 1.0) for group in by_group]
    scores = [evaluate_many(pairs).strict.f1 for pairs in by_group.values()]
    return float(np.average(scores, weights=weights))


def _with(model: Model, parameter: str, value: float) -> Model:
    if parameter == "skip_prior":
        return replace(model, skip_prior=value)
    if parameter.startswith("bias:"):
        di, dj = (int(x) for x in parameter[5:].split("-"))
        return replace(model, bias={**model.bias, (di, dj): value})
    return replace(model, weights={**model.weights, parameter: value})


def _get(model: Model, parameter: str) -> float:
    if parameter == "skip_prior":
        return model.skip_prior
    if parameter.startswith("bias:"):
        di, dj = (int(x) for x in parameter[5:].split("-"))
        return model.bias[(di, dj)]
    return model.weights.get(parameter, 0.0)


def coordinate_ascent(
    model: Model,
    docs: Sequence[TrainingDoc],
    parameters: Sequence[str],
    rounds: int = 3,
    log: Callable[[str], None] | None = None,
    group_weights: Mapping[str, float] | None = None,
    min_gain: float = 1e-6,
) -> tuple[Model, float]:
    """Improve one parameter at a time, trying steps that shrink each round; keep what raises the objective
    by more than ``min_gain`` (above 1e-6, a step must win more than a bead or two of noise)."""
    best = objective(model, docs, group_weights)
    for round_number in range(rounds):
        scale = 0.5 / (round_number + 1)
        for parameter in parameters:
            current = _get(model, parameter)
            step = max(abs(current), 1.0) * scale
            for candidate in (current - step, current + step, current - 2 * step, current + 2 * step):
                trial = _with(model, parameter, round(candidate, 4))
                value = objective(trial, docs, group_weights)
                if value > best + min_gain:
                    model, best = trial, value
                    current = candidate
        if log:
            log(f"round {round_number + 1}: objective {best:.4f}")
    return model, best


# The skip biases: a higher value leaves more sentences without a counterpart.
SKIP_BIASES = ("bias:0-1", "bias:1-0")


def least_skipping(
    model: Model,
    docs: Sequence[TrainingDoc],
    parameters: Sequence[str],
    step: float = 0.05,
    group_weights: Mapping[str, float] | None = None,
    most_steps: int = 40,
) -> tuple[Model, float]:
    """Move each skip bias among ``parameters`` down (fewer sentences left unaligned) for as long as the
    objective does not fall: of a flat stretch the ascent stops in, the end that skips least. A sentence should
    be left unaligned only on evidence that it has no counterpart; where the training documents cannot tell two
    values apart, nothing speaks for the one that skips more. (Measured: the default's 0-1 bias is exactly flat
    on the training objective from -1.8 to -1.5, and where the ascent stopped inside it decided Legge's
    Analects, a document in no fit: 2% or 15% of its English left out.) At most ``most_steps`` steps each, so
    documents that never skip cannot send a bias off without end."""
    best = objective(model, docs, group_weights)
    for parameter in (p for p in parameters if p in SKIP_BIASES):
        for _ in range(most_steps):
            trial = _with(model, parameter, round(_get(model, parameter) - step, 4))
            value = objective(trial, docs, group_weights)
            if value < best:
                break
            model, best = trial, value
    return model, best


def parameters_of(model: Model) -> list[str]:
    """Every weight, and every bias but 1-1's (the reference level)."""
    names = sorted(model.weights)
    names += [f"bias:{di}-{dj}" for (di, dj) in model.bias if (di, dj) != (1, 1)]
    return [*names, "skip_prior"]


def skip_reference(model: Model, docs: Iterable[TrainingDoc]) -> tuple[float, float]:
    """Mean log skip rates of the model's first decoding on training documents: the "usual" document."""
    rates = np.array([skip_log_rates(viterbi(doc.lattice.lattice(model))) for doc in docs])
    return float(rates[:, 0].mean()), float(rates[:, 1].mean())


def bead_outcomes(model: Model, docs: Iterable[TrainingDoc]) -> tuple[np.ndarray, np.ndarray]:
    """(posterior, correct) of every predicted bead: material for calibrating the confidence."""
    posteriors: list[float] = []
    correct: list[bool] = []
    for doc in docs:
        lattice, path = decode(doc.lattice.lattice(model), model)
        gold = {(tuple(z), tuple(e)) for z, e in doc.gold}
        for (i0, i1, j0, j1), p in zip(path, bead_posteriors(lattice, path, model.temperature), strict=True):
            posteriors.append(p)
            correct.append((tuple(range(i0, i1)), tuple(range(j0, j1))) in gold)
    return np.array(posteriors), np.array(correct)


def fit_calibration(posteriors: np.ndarray, correct: np.ndarray) -> tuple[float, float]:
    """Logistic regression of correctness on the posterior's log-odds (Platt scaling), by Newton steps,
    each halved until it lowers the log loss (plain Newton steps ran off to a slope of 2e8 on the
    ``length`` ablation's nearly all saturated posteriors)."""
    p = np.clip(posteriors, 1e-6, 1 - 1e-6)
    x = np.log(p / (1 - p))
    y = correct.astype(np.float64)

    def loss(slope: float, intercept: float) -> float:
        z = slope * x + intercept
        return float(np.sum(np.logaddexp(0.0, z) - y * z))

    slope, intercept = 1.0, 0.0
    current = loss(slope, intercept)
    for _ in range(50):
        q = 1 / (1 + np.exp(-np.clip(slope * x + intercept, -500, 500)))
        gradient = np.array([np.sum((q - y) * x), np.sum(q - y)])
        w = q * (1 - q) + 1e-9
        hessian = np.array([[np.sum(w * x * x), np.sum(w * x)], [np.sum(w * x), np.sum(w)]]) + 1e-6 * np.eye(2)
        step = np.linalg.solve(hessian, gradient)
        scale = 1.0
        while scale > 1e-10 and loss(slope - scale * step[0], intercept - scale * step[1]) > current:
            scale /= 2
        if scale <= 1e-10:
            break
        slope, intercept = slope - scale * step[0], intercept - scale * step[1]
        current = loss(slope, intercept)
        if np.abs(scale * step).max() < 1e-8:
            break
    return float(slope), float(intercept)


def reliability(
    confidences: np.ndarray, correct: np.ndarray, edges: Sequence[float] = (0.0, 0.5, 0.7, 0.8, 0.9, 0.95, 1.0001)
) -> list[tuple[str, int, float]]:
    """Rows (confidence range, beads, share correct) of a reliability table."""
    rows = []
    for low, high in pairwise(edges):
        inside = (confidences >= low) & (confidences < high)
        if inside.any():
            rows.append((f"{low:.2f}-{min(high, 1.0):.2f}", int(inside.sum()), float(correct[inside].mean())))
    return rows


def log_loss(confidences: np.ndarray, correct: np.ndarray) -> float:
    c = np.clip(confidences, 1e-6, 1 - 1e-6)
    return float(-np.mean(np.where(correct, np.log(c), np.log(1 - c))))


def expected_calibration_error(confidences: np.ndarray, correct: np.ndarray, bins: int = 10) -> float:
    total, error = len(confidences), 0.0
    for k in range(bins):
        inside = (confidences >= k / bins) & (confidences < (k + 1) / bins + (k == bins - 1))
        if inside.any():
            error += inside.sum() / total * abs(confidences[inside].mean() - correct[inside].mean())
    return float(error) if not math.isnan(error) else 0.0
