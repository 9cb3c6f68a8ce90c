"""Fit the aligner's weights and confidence calibration; report held-out figures honestly.

Training material: MAC-Dev chapters (real literary gold), synthetic FLORES documents built from the
*fit* half of the FLORES articles with a training seed (align_quality.py evaluates on the other half,
so no evaluation sentence is ever trained on), and the bundled corpus (so its figure is in-sample).
MAC-Dev is used leave-one-chapter-out: for each chapter, weights are fitted on the other five plus the
rest and the chapter is aligned with them; the pooled held-out F1 is the development figure (every
variant was chosen on it). The final weights (fitted on everything) and the calibration (fitted on the
held-out beads) are recorded in results/align_models.json, from which src/bitext/align/weights.py is generated
(tests/test_align_fit.py checks that the two agree).

    python benchmarks/align_fit.py --write              # every preset, each leave-one-chapter-out
    python benchmarks/align_fit.py --presets lexical    # one preset, nothing written
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic as synthetic
from align_quality import print_by_type
from bitext.align import DEFAULT_SCORER, SCORER_PRESETS, build_scorers, scorer_names
from bitext.align.aligner import Model, SentenceAligner
from bitext.align.fit import (
    TrainingDoc,
    bead_outcomes,
    coordinate_ascent,
    expected_calibration_error,
    fit_calibration,
    least_skipping,
    objective,
    parameters_of,
    predict,
    reliability,
    skip_reference,
    training_doc,
)
from bitext.align.likelihood import fit_likelihood
from bitext.evaluate import evaluate_many

TRAIN_SEED = 101
WEIGHTS_FILE = Path(__file__).resolve().parents[1] / "src" / "bitext" / "align" / "weights.py"
RESULTS = Path(__file__).resolve().parent / "results"
MODELS_FILE = RESULTS / "align_models.json"
# Every scorer set the project ships or measures: the two presets, each scorer alone (the ablation) and
# embedding + length. A scorer set with no fitted model falls back to the default's weights.
PRESETS = ("all", "lexical", "embedding", "length", "anchors", "lexical,", "embedding,length")
TEMPERATURES = (1.0, 1.5, 2.0, 3.0, 4.0, 6.0)
# Every fit starts from the same hand-set point, so runs are reproducible and comparable.
HAND_SET = Model(
    weights={
        "embedding": 8.0,
        "embedding_sized": 0.0,
        "embedding_edges": 0.0,
        "embedding_cross": 0.0,
        "length": 0.5,
        "skipped_size": 0.5,
        "lexical": 3.0,
        "anchor_match": 1.0,
        "number_mismatch": 0.5,
        "name_match": 0.5,
        "paragraph": 0.5,
        "dialogue": 0.5,
        "quote_end": 0.5,
        "clauses": 0.0,
    },
    bias={
        (1, 1): 0.0,
        (1, 0): -2.0,
        (0, 1): -2.0,
        (1, 2): -1.0,
        (2, 1): -1.0,
        (2, 2): -2.0,
        (1, 3): -2.0,
        (3, 1): -2.5,
        (1, 4): -3.0,
        (4, 1): -3.5,
        (2, 3): -3.0,
        (3, 2): -3.0,
        (1, 5): -4.0,
        (2, 4): -4.0,
    },
    name="hand-set",
)


def documents(aligner: SentenceAligner, quick: bool) -> list[TrainingDoc]:
    docs = []
    for case in synthetic.mac_dev():
        docs.append(_doc(aligner, case, "mac-dev"))
    for perturbation in synthetic.FIT_PERTURBATIONS:
        cases = synthetic.synthetic(perturbation, seed=TRAIN_SEED, part="fit")
        for case in cases[: 2 if perturbation == "long" else (3 if quick else 8)]:
            docs.append(_doc(aligner, case, "flores"))
    docs.append(_doc(aligner, synthetic.corpus_case(), "corpus"))
    return docs


def _doc(aligner: SentenceAligner, case: synthetic.Case, group: str) -> TrainingDoc:
    zh, en = case.documents()
    return training_doc(aligner, case.name, group, zh, en, case.gold)


# How each preset's shipped weights were fitted (docs/benchmarks.md has the comparison): the likelihood fit
# for the default (MAC-Dev held out 0.905 vs 0.882 by ascent when it was chosen; 0.917 now), coordinate
# ascent for the rest (for --scorer lexical: 0.847 vs 0.850 held out, but better on FLORES delete/insert).
METHOD_OF_PRESET = {"all": "likelihood"}


@dataclass(frozen=True)
class FitOptions:
    method: str = "likelihood"  # or "ascent"
    rounds: int = 3
    skip_prior: float | None = None  # fixed instead of fitted
    group_weights: Mapping[str, float] = field(default_factory=dict)
    # Tuned on strict F1 by coordinate ascent after the likelihood fit: the skip prior acts between two
    # decodings, so the likelihood cannot fit it, and the likelihood sets the skip biases by MAC-Dev's
    # chapters, which almost never skip (tuning them: FLORES delete 0.969 -> 0.978, MAC-Dev 0.921 -> 0.917).
    after_likelihood: tuple[str, ...] = ("skip_prior", "bias:1-0", "bias:0-1")
    min_gain: float = 1e-6  # the least rise of the objective a coordinate-ascent step must bring


def fit(start: Model, docs: list[TrainingDoc], options: FitOptions) -> Model:
    """``likelihood``: weights and biases of maximum likelihood (likelihood.py), then the parameters of
    ``options.after_likelihood`` on strict F1; ``ascent``: coordinate ascent on strict F1 over every
    parameter (fit.py)."""
    names = set(docs[0].lattice.names)
    model = replace(start, weights={k: v for k, v in start.weights.items() if k in names})
    if options.method == "likelihood":
        model = fit_likelihood(model, docs, group_weights=options.group_weights)
        parameters = list(options.after_likelihood)
    else:
        parameters = parameters_of(model)
    model = replace(model, skip_reference=skip_reference(model, docs))
    if options.skip_prior is not None:
        model = replace(model, skip_prior=options.skip_prior)
        parameters = [p for p in parameters if p != "skip_prior"]
    model, _ = coordinate_ascent(
        model, docs, parameters, rounds=options.rounds, group_weights=options.group_weights, min_gain=options.min_gain
    )
    model, _ = least_skipping(model, docs, parameters, group_weights=options.group_weights)
    return model


def held_out_mac(
    start: Model, docs: list[TrainingDoc], options: FitOptions
) -> tuple[float, list[tuple[TrainingDoc, Model]]]:
    """Leave one MAC-Dev chapter out: F1 pooled over the six held-out chapters (and their per-type table)."""
    chapters = [d for d in docs if d.group == "mac-dev"]
    pairs, held = [], []
    for chapter in chapters:
        model = fit(start, [d for d in docs if d is not chapter], options)
        pairs.append((chapter.gold, predict(model, chapter)))
        held.append((chapter, model))
        print(f"  held out {chapter.name}: strict F1 {evaluate_many([pairs[-1]]).strict.f1:.4f}", flush=True)
    print_by_type("MAC-Dev leave-one-chapter-out, per bead type", pairs)
    return evaluate_many(pairs).strict.f1, held


def calibrate(model: Model, held: list[tuple[TrainingDoc, Model]]) -> tuple[Model, dict]:
    """Choose the temperature and logistic that best predict held-out beads' correctness."""
    best: tuple[float, float, tuple[float, float]] | None = None
    for temperature in TEMPERATURES:
        posteriors, correct = _outcomes(held, temperature)
        slope, intercept = fit_calibration(posteriors, correct)
        confidences = _apply(posteriors, slope, intercept)
        loss = float(-np.mean(np.where(correct, np.log(confidences), np.log(1 - confidences))))
        if best is None or loss < best[0]:
            best = (loss, temperature, (slope, intercept))
    assert best is not None
    loss, temperature, calibration = best
    posteriors, correct = _outcomes(held, temperature)
    confidences = _apply(posteriors, *calibration)
    report = {
        "temperature": temperature,
        "calibration": calibration,
        "log_loss": loss,
        "ece": expected_calibration_error(confidences, correct),
        "reliability": reliability(confidences, correct),
        "beads": len(correct),
    }
    return replace(model, temperature=temperature, calibration=calibration), report


def _outcomes(held: list[tuple[TrainingDoc, Model]], temperature: float) -> tuple[np.ndarray, np.ndarray]:
    posteriors, correct = [], []
    for doc, model in held:
        p, c = bead_outcomes(replace(model, temperature=temperature), [doc])
        posteriors.append(p)
        correct.append(c)
    return np.concatenate(posteriors), np.concatenate(correct)


def _apply(posteriors: np.ndarray, slope: float, intercept: float) -> np.ndarray:
    p = np.clip(posteriors, 1e-6, 1 - 1e-6)
    return np.clip(1 / (1 + np.exp(-(slope * np.log(p / (1 - p)) + intercept))), 1e-6, 1 - 1e-6)


def model_record(model: Model) -> dict:
    """A model as plain JSON: everything weights.py is generated from."""
    return {
        "weights": dict(sorted(model.weights.items())),
        "bias": {f"{a}-{b}": v for (a, b), v in model.bias.items()},
        "temperature": model.temperature,
        "calibration": list(model.calibration),
        "skip_prior": model.skip_prior,
        "skip_reference": list(model.skip_reference),
        "name": model.name,
    }


def record_model(key: str, model: Model) -> dict[str, dict]:
    """Add (or replace) one scorer set's model in results/align_models.json; returns every model there.

    Read and merged at write time, so fits of other presets running at the same time keep theirs."""
    records = json.loads(MODELS_FILE.read_text(encoding="utf-8")) if MODELS_FILE.exists() else {}
    records[key] = model_record(model)
    MODELS_FILE.write_text(json.dumps(records, indent=1, sort_keys=True) + "\n", encoding="utf-8")
    return records


def write_weights(records: dict[str, dict]) -> None:
    """Generate src/bitext/align/weights.py from the recorded models (and nothing else)."""
    WEIGHTS_FILE.write_text(weights_source(records), encoding="utf-8")


def weights_source(records: dict[str, dict]) -> str:
    """The text of weights.py for these records: the same records give the same file, byte for byte."""
    lines = [
        '"""Fitted weights of the aligner\'s features, one model per scorer set.',
        "",
        "Generated from benchmarks/results/align_models.json by benchmarks/align_fit.py --write; do not edit",
        'by hand. How they were fitted, and the held-out figures: docs/benchmarks.md."""',
        "",
        "from __future__ import annotations",
        "",
        "from bitext.align.aligner import Model",
        "",
        "MODELS: dict[str, Model] = {",
    ]
    for key, record in sorted(records.items()):
        lines += [f'    "{key}": Model(', "        weights={"]
        lines += [f'            "{k}": {v!r},' for k, v in sorted(record["weights"].items())]
        lines += ["        },", "        bias={"]
        for name, value in sorted(record["bias"].items()):  # as in the JSON file, whichever preset came last
            a, b = name.split("-")
            lines.append(f"            ({a}, {b}): {value!r},")
        lines += [
            "        },",
            f"        temperature={record['temperature']!r},",
            f"        calibration=({record['calibration'][0]!r}, {record['calibration'][1]!r}),",
            f"        skip_prior={record['skip_prior']!r},",
            f"        skip_reference=({record['skip_reference'][0]!r}, {record['skip_reference'][1]!r}),",
            f'        name="{record["name"]}",',
            "    ),",
        ]
    default_key = "+".join(SCORER_PRESETS[DEFAULT_SCORER])
    lines += ["}", f'DEFAULT = MODELS["{default_key}"]', ""]
    return "\n".join(lines)


def report_name(preset: str) -> str:
    """results/ file stem of a preset's report: the preset's name, or its scorer set for a list."""
    return preset if preset in SCORER_PRESETS else "scorers_" + "+".join(scorer_names(preset))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presets", nargs="*", default=list(PRESETS))
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--no-loco", action="store_true", help="skip leave-one-chapter-out (faster)")
    parser.add_argument("--quick", action="store_true", help="fewer FLORES documents")
    parser.add_argument(
        "--write",
        action="store_true",
        help="record each fitted model in results/align_models.json and regenerate src/bitext/align/weights.py",
    )
    parser.add_argument(
        "--method",
        choices=("likelihood", "ascent"),
        help="maximum likelihood then the skip prior, or coordinate ascent on strict F1 (default: "
        "the method the preset's shipped weights were fitted with)",
    )
    parser.add_argument(
        "--after-likelihood",
        default="skip_prior,bias:1-0,bias:0-1",
        help="comma-separated parameters tuned on strict F1 after the likelihood fit "
        "(e.g. skip_prior,bias:1-0,bias:0-1)",
    )
    parser.add_argument("--skip-prior", type=float, help="fix the skip prior instead of fitting it")
    parser.add_argument(
        "--mac-weight",
        type=float,
        default=1.0,
        help="weight of MAC-Dev's F1 in the objective, against 1 for FLORES and for the corpus",
    )
    parser.add_argument(
        "--min-gain",
        type=float,
        default=1e-6,
        help="the least rise of the F1 objective a coordinate-ascent step must bring to be kept",
    )
    parser.add_argument(
        "--train-without-mac",
        action="store_true",
        help="fit on FLORES and the corpus only, so every MAC-Dev figure is held out",
    )
    args = parser.parse_args()
    RESULTS.mkdir(exist_ok=True)
    for preset in args.presets:
        options = FitOptions(
            args.method or METHOD_OF_PRESET.get(preset, "ascent"),
            args.rounds,
            args.skip_prior,
            {"mac-dev": args.mac_weight},
            tuple(args.after_likelihood.split(",")),
            args.min_gain,
        )
        names = scorer_names(preset)
        key = "+".join(names)
        start = HAND_SET
        started = time.perf_counter()
        aligner = SentenceAligner(build_scorers(names), start)
        docs = documents(aligner, args.quick)
        print(f"[{preset}] {len(docs)} documents prepared in {time.perf_counter() - started:.1f}s", flush=True)
        result: dict = {"preset": preset, "scorers": key, "method": options.method}
        held: list[tuple[TrainingDoc, Model]] = []
        if not args.no_loco:
            result["mac_dev_held_out_f1"], held = held_out_mac(start, docs, options)
            print(f"[{preset}] MAC-Dev leave-one-chapter-out strict F1: {result['mac_dev_held_out_f1']:.4f}")
        training = [d for d in docs if d.group != "mac-dev"] if args.train_without_mac else docs
        model = replace(fit(start, training, options), name=f"fitted:{key}")
        result["objective"] = objective(model, docs)
        if held:
            model, result["calibration"] = calibrate(model, held)
            print(f"[{preset}] calibration: {json.dumps(result['calibration'])}")
        result["model"] = model_record(model)
        (RESULTS / f"align_fit_{report_name(preset)}.json").write_text(json.dumps(result, indent=1), encoding="utf-8")
        print(f"[{preset}] done in {time.perf_counter() - started:.0f}s: {model}", flush=True)
        if args.write:
            write_weights(record_model(key, model))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
