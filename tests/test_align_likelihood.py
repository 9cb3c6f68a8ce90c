"""Maximum-likelihood fitting of the aligner (src/bitext/align/likelihood.py) on small synthetic lattices."""

from __future__ import annotations

import numpy as np
import pytest

from align_support import GOLD, doc_with_a_gold_feature
from bitext.align.aligner import BEAD_TYPES, Model
from bitext.align.fit import predict
from bitext.align.likelihood import FREE_BIASES, doc_log_likelihood, fit_likelihood, likelihood_doc, objective


def test_the_oracle_path_is_the_gold_path_when_the_lattice_can_express_it() -> None:
    doc = doc_with_a_gold_feature(GOLD, "g")
    prepared = likelihood_doc(doc)
    assert prepared.beads == len(GOLD)
    # the one feature is 1 on every gold bead: the oracle's feature sum counts them
    assert prepared.observed[0] == pytest.approx(len(GOLD))
    assert prepared.observed[1 + FREE_BIASES.index((1, 2))] == 1  # one 1-2 bead, one 2-1, one 1-0
    assert prepared.observed[1 + FREE_BIASES.index((2, 1))] == 1
    assert prepared.observed[1 + FREE_BIASES.index((1, 0))] == 1


def test_a_bead_the_lattice_cannot_express_is_replaced_by_the_nearest_it_can() -> None:
    gold = [([0], [0]), ([1], [1, 2, 3, 4, 5, 6]), ([2], [7])]  # 1-6 is not a bead type
    doc = doc_with_a_gold_feature(gold, "g")
    prepared = likelihood_doc(doc)
    assert prepared.observed[0] == pytest.approx(2)  # the two 1-1 beads are kept


@pytest.mark.parametrize("seed", [0, 1, 2])
def test_the_gradient_matches_finite_differences(seed: int) -> None:
    doc = likelihood_doc(doc_with_a_gold_feature(GOLD, "g", noise=0.5, seed=seed))
    rng = np.random.default_rng(seed)
    theta = rng.normal(size=1 + len(FREE_BIASES))
    _value, gradient = doc_log_likelihood(theta, doc)
    for k in range(len(theta)):
        step = np.zeros_like(theta)
        step[k] = 1e-5
        numeric = (doc_log_likelihood(theta + step, doc)[0] - doc_log_likelihood(theta - step, doc)[0]) / 2e-5
        assert gradient[k] == pytest.approx(numeric, rel=1e-3, abs=1e-5)


def test_the_log_likelihood_is_a_log_probability() -> None:
    doc = likelihood_doc(doc_with_a_gold_feature(GOLD, "g", noise=0.3))
    value, _ = objective(np.zeros(1 + len(FREE_BIASES)), [doc], l2=0.0)
    assert value < 0  # every path equally likely: the oracle has probability 1 / (number of paths)


def test_fitting_learns_to_follow_the_gold_feature() -> None:
    docs = [doc_with_a_gold_feature(GOLD, "a", noise=0.2, seed=1), doc_with_a_gold_feature(GOLD, "b", noise=0.2)]
    start = Model(weights={"signal": 0.0}, bias={t: 0.0 for t in BEAD_TYPES})
    fitted = fit_likelihood(start, docs)
    assert fitted.weights["signal"] > 1.0
    assert fitted.bias[(1, 1)] == 0.0
    assert all(predict(fitted, doc) == GOLD for doc in docs)
    before, _ = objective(np.zeros(1 + len(FREE_BIASES)), [likelihood_doc(d) for d in docs])
    theta = np.array([fitted.weights["signal"]] + [fitted.bias[t] for t in FREE_BIASES])
    after, _ = objective(theta, [likelihood_doc(d) for d in docs])
    assert after > before
