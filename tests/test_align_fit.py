"""Fitting the aligner's weights and calibration (src/bitext/align/fit.py) on small synthetic lattices."""

from __future__ import annotations

from dataclasses import replace

import numpy as np
import pytest

from align_support import GOLD, doc_with_a_gold_feature
from bitext.align.aligner import BEAD_TYPES, Model
from bitext.align.fit import (
    coordinate_ascent,
    fit_calibration,
    objective,
    parameters_of,
    predict,
)


def flat_model(signal: float) -> Model:
    return Model(weights={"signal": signal}, bias={t: 0.0 for t in BEAD_TYPES})


def test_a_good_weight_recovers_the_gold_path() -> None:
    doc = doc_with_a_gold_feature(GOLD, "g")
    assert predict(flat_model(5.0), doc) == GOLD
    assert objective(flat_model(5.0), [doc]) == 1.0


def test_coordinate_ascent_finds_the_weight_that_the_gold_path_needs() -> None:
    doc = doc_with_a_gold_feature(GOLD, "g")
    start = flat_model(-1.0)  # a wrong sign: the search must climb out of it
    assert objective(start, [doc]) < 1.0
    fitted, best = coordinate_ascent(start, [doc], ["signal"], rounds=3)
    assert best == 1.0
    assert fitted.weights["signal"] > 0


def test_coordinate_ascent_keeps_the_start_when_no_step_gains_enough() -> None:
    doc = doc_with_a_gold_feature(GOLD, "g")
    start = flat_model(-1.0)
    gain = 1.0 - objective(start, [doc])  # the most any step can bring here
    kept, best = coordinate_ascent(start, [doc], ["signal"], rounds=3, min_gain=gain)
    assert kept == start and best == objective(start, [doc])
    moved, _ = coordinate_ascent(start, [doc], ["signal"], rounds=3)  # the default takes any real gain
    assert moved.weights["signal"] > 0


def test_group_weights_weigh_the_groups_f1() -> None:
    good = doc_with_a_gold_feature(GOLD, "good")
    bad = doc_with_a_gold_feature(GOLD, "bad")
    bad.lattice.features[:, 0] *= -1  # its feature points away from the gold path
    model = flat_model(5.0)
    f1_bad = objective(model, [bad])
    assert f1_bad < 1.0
    assert objective(model, [good, bad]) == pytest.approx((1.0 + f1_bad) / 2)
    assert objective(model, [good, bad], {"good": 3.0}) == pytest.approx((3.0 + f1_bad) / 4)


def test_parameters_are_every_weight_every_bias_but_one_to_one_and_the_skip_prior() -> None:
    names = parameters_of(flat_model(1.0))
    assert names[0] == "signal" and names[-1] == "skip_prior"
    assert "bias:1-1" not in names and "bias:1-0" in names and len(names) == 1 + len(BEAD_TYPES) - 1 + 1


def test_calibration_recovers_a_known_logistic() -> None:
    rng = np.random.default_rng(3)
    posteriors = rng.uniform(0.01, 0.99, size=20_000)
    log_odds = np.log(posteriors / (1 - posteriors))
    truth = 1 / (1 + np.exp(-(0.7 * log_odds + 0.4)))
    correct = rng.uniform(size=posteriors.size) < truth
    slope, intercept = fit_calibration(posteriors, correct)
    assert slope == pytest.approx(0.7, abs=0.05)
    assert intercept == pytest.approx(0.4, abs=0.05)


def test_calibration_stays_finite_on_saturated_posteriors() -> None:
    # Most beads at one middling posterior, a few at ~1 (the length ablation's held-out beads): plain
    # Newton steps from slope 1 overshot here to a slope of about 1e7.
    rng = np.random.default_rng(0)
    posteriors = np.concatenate([np.full(1202, 0.2) + rng.uniform(0, 5e-4, 1202), np.full(212, 1 - 1e-7)])
    correct = np.concatenate([rng.uniform(size=1202) < 0.48, rng.uniform(size=212) < 0.87])
    slope, intercept = fit_calibration(posteriors, correct)
    assert abs(slope) < 10 and abs(intercept) < 10
    p = np.clip(posteriors, 1e-6, 1 - 1e-6)
    confidence = 1 / (1 + np.exp(-(slope * np.log(p / (1 - p)) + intercept)))
    # At the logistic's optimum each group's mean confidence is its share correct (two distinct inputs).
    assert confidence[:1202].mean() == pytest.approx(correct[:1202].mean(), abs=0.02)
    assert confidence[1202:].mean() == pytest.approx(correct[1202:].mean(), abs=0.02)


def test_shipped_weights_are_the_recorded_fit_results() -> None:
    # weights.py is generated from benchmarks/results/align_models.json by align_fit.py --write: a hand edit
    # to either, or a refit whose results were not regenerated into the package, shows here.
    import json
    from pathlib import Path

    from bitext.align.weights import MODELS

    records = json.loads(
        (Path(__file__).resolve().parents[1] / "benchmarks" / "results" / "align_models.json").read_text("utf-8")
    )
    assert set(records) == set(MODELS)
    for key, record in records.items():
        model = MODELS[key]
        assert dict(model.weights) == record["weights"], key
        assert {f"{a}-{b}": v for (a, b), v in model.bias.items()} == record["bias"], key
        assert (model.temperature, list(model.calibration)) == (record["temperature"], record["calibration"]), key
        assert (model.skip_prior, list(model.skip_reference)) == (record["skip_prior"], record["skip_reference"]), key
        assert model.name == record["name"], key


def test_weights_py_is_the_text_align_fit_generates_from_the_results_file() -> None:
    # Byte for byte, so a hand edit or a file generated in another order (the preset fitted last used to
    # keep its own bias order) shows; the test above compares the values.
    import json
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parents[1]
    sys.path.insert(0, str(root / "benchmarks"))
    try:
        from align_fit import MODELS_FILE, WEIGHTS_FILE, weights_source
    finally:
        sys.path.remove(str(root / "benchmarks"))
    records = json.loads(MODELS_FILE.read_text("utf-8"))
    assert WEIGHTS_FILE.read_text("utf-8") == weights_source(records)
    shuffled = {key: {**r, "bias": dict(reversed(list(r["bias"].items())))} for key, r in reversed(records.items())}
    assert weights_source(shuffled) == weights_source(records)


def test_least_skipping_takes_the_end_of_a_flat_stretch_that_skips_least() -> None:
    from bitext.align.fit import least_skipping

    doc = doc_with_a_gold_feature(GOLD, "g")
    start = replace(flat_model(5.0), bias={**flat_model(5.0).bias, (0, 1): -1.0, (1, 0): -1.0})
    assert objective(start, [doc]) == 1.0
    # The gold path has no skip: lowering the skip biases never costs here, so they go down by the
    # most steps allowed; a bias not asked for stays.
    moved, best = least_skipping(start, [doc], ["bias:0-1", "signal"], step=0.25, most_steps=4)
    assert best == 1.0
    assert moved.bias[(0, 1)] == pytest.approx(-2.0) and moved.bias[(1, 0)] == -1.0
    assert moved.weights == start.weights


def test_least_skipping_stops_where_the_objective_would_fall() -> None:
    from bitext.align.fit import least_skipping

    doc = doc_with_a_gold_feature(GOLD, "g")  # GOLD holds one 1-0 bead: a bias low enough loses it
    start = flat_model(5.0)
    moved, best = least_skipping(start, [doc], ["bias:1-0"], step=1.0, most_steps=40)
    assert best == objective(start, [doc]) == 1.0
    assert -40.0 < moved.bias[(1, 0)] < 0.0  # it moved, and stopped before the cap
    one_more = replace(moved, bias={**moved.bias, (1, 0): moved.bias[(1, 0)] - 1.0})
    assert objective(one_more, [doc]) < best
