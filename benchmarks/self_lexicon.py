"""The self-trained lexicon's second pass (_self_lexicon.py): strict F1 by weight, per set and preset.

    python benchmarks/self_lexicon.py                       # both presets, FLORES fit + eval halves, MAC-Dev
    python benchmarks/self_lexicon.py --presets lexical --batch --method model1
    python benchmarks/self_lexicon.py --presets lexical --augment

Each document is scored and decoded once as the aligner does (weights of align/weights.py); the learned
lexicon's cosine is then added with every weight of the grid and the lattice decoded again, so every
weight sees the same first pass. The weight is chosen on the FLORES *fit* half (training seed) and
reported on the evaluation half (evaluation seed); on MAC-Dev it is chosen leave-one-chapter-out (on
the other five chapters), the rest of the model being the shipped one (fitted on all six: in-sample).

``--batch``: one lexicon from the confident beads of every document of a set, not one per document.
``--novel``: only the learned pairs CC-CEDICT lacks. ``--augment``: instead of a cosine of its own, the
learned stems join CC-CEDICT's for each word and the term added is the rise of the dictionary feature
(so a weight equal to the dictionary feature's own scores with the joined dictionary).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import ChainMap, defaultdict
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np
from threadpoolctl import threadpool_limits

import _synthetic as synthetic
import bitext.scorers.lexical as lexical_module
from _self_lexicon import Lexicon, SelfLexicon, english_stem_lists, lexicon_cosines
from bitext.align import build_scorers, model_for, scorer_names
from bitext.align.aligner import PreparedPair, SentenceAligner, bead_posteriors, calibrated, decode
from bitext.align.search import Lattice, blocks
from bitext.evaluate import evaluate_many
from bitext.resources.glosses import gloss_index
from bitext.scorers.lexical import LexicalFeatures, LexicalScorer, document_words

TRAIN_SEED = 101  # align_fit.py's training seed
WEIGHTS = (0.0, 1.0, 2.0, 4.0, 6.0, 8.0, 12.0)

Path_ = list[tuple[int, int, int, int]]


def pairs_of(path: Path_) -> list[tuple[list[int], list[int]]]:
    return [(list(range(i0, i1)), list(range(j0, j1))) for i0, i1, j0, j1 in path]


@dataclass
class FirstPass:
    """One document decoded as the aligner does, with what the second pass needs."""

    case: synthetic.Case
    prepared: PreparedPair
    base: Lattice
    path: Path_
    beads: list[tuple[range, range, float]]
    seconds: float


def first_pass(aligner: SentenceAligner, case: synthetic.Case) -> FirstPass:
    zh, en = case.documents()
    started = time.process_time()
    prepared = aligner.prepare(zh, en)
    base = aligner.score_lattice(prepared)
    lattice, path = decode(base, aligner.model)
    posteriors = bead_posteriors(lattice, path, aligner.model.temperature)
    beads = [
        (range(i0, i1), range(j0, j1), calibrated(p, aligner.model.calibration))
        for (i0, i1, j0, j1), p in zip(path, posteriors, strict=True)
    ]
    return FirstPass(case, prepared, base, path, beads, time.process_time() - started)


NOVEL_ONLY = False
AUGMENT = False


def augmented_gain(lexicon: Lexicon, prepared: PreparedPair, base: Lattice) -> np.ndarray:
    """How much the dictionary feature rises when CC-CEDICT's stems of each word are joined by the learned
    ones (``w`` at the dictionary feature's own weight then scores with the joined dictionary)."""
    index = gloss_index()
    joined = {word: tuple(sorted({*index.get(word, ()), *stems})) for word, stems in lexicon.items()}
    # The dictionary scorer's own code, with the joined dictionary where it asks for CC-CEDICT's.
    with mock.patch.object(lexical_module, "gloss_index", lambda: ChainMap(joined, index)):
        after = LexicalScorer().prepare(prepared.pair)
    before = next(f for f in prepared.features if isinstance(f, LexicalFeatures))
    parts = [
        (after.block(block, base.types) - before.block(block, base.types))[:, 0, :].astype(np.float32)
        for block in blocks(base.band)
    ]
    return np.concatenate(parts, axis=1)


def novel(lexicon: Lexicon) -> Lexicon:
    """The pairs CC-CEDICT does not have (the dictionary scorer already sees the others)."""
    index = gloss_index()
    kept = {word: {s: v for s, v in stems.items() if s not in index.get(word, ())} for word, stems in lexicon.items()}
    return {word: stems for word, stems in kept.items() if stems}


def batch_lexicon(runs: list[FirstPass], settings: SelfLexicon) -> Lexicon:
    """One lexicon from the confident beads of every document of the batch."""
    zh_words: list[list[str]] = []
    en_stems: list[list[str]] = []
    beads = []
    for run in runs:
        zh_at, en_at = len(zh_words), len(en_stems)
        zh_words.extend(document_words(run.prepared.pair))
        en_stems.extend(english_stem_lists(run.prepared.pair))
        beads.extend(
            ([i + zh_at for i in zh], [j + en_at for j in en])
            for zh, en, confidence in run.beads
            if zh and en and confidence >= settings.min_confidence
        )
    lexicon = settings.learn(zh_words, en_stems, beads)
    return novel(lexicon) if NOVEL_ONLY else lexicon


def second_pass(
    aligner: SentenceAligner, run: FirstPass, settings: SelfLexicon, lexicon: Lexicon | None
) -> tuple[dict, float, int]:
    """Predicted beads per weight, the second pass's CPU time, learned words."""
    started = time.process_time()
    if lexicon is None:
        lexicon = settings.learned(run.prepared.pair, run.beads)
        if NOVEL_ONLY:
            lexicon = novel(lexicon)
    base = run.base
    if not lexicon:
        cosines = None
    elif AUGMENT:
        cosines = augmented_gain(lexicon, run.prepared, base)
    else:
        cosines = lexicon_cosines(lexicon, run.prepared.pair, base.band, base.types)
    if cosines is not None:
        second = decode(Lattice(base.band, base.types, base.flat + cosines), aligner.model)[1]
        bead_posteriors(base, second, aligner.model.temperature)
    seconds = time.process_time() - started
    predicted = {}
    for weight in WEIGHTS:
        if cosines is None or not weight:
            predicted[weight] = pairs_of(run.path)
        else:
            scored = Lattice(base.band, base.types, base.flat + weight * cosines)
            predicted[weight] = pairs_of(decode(scored, aligner.model)[1])
    return predicted, seconds, len(lexicon)


def f1_by_weight(results: list[tuple[synthetic.Case, dict]]) -> dict[float, float]:
    return {w: evaluate_many([(case.gold, predicted[w]) for case, predicted in results]).strict.f1 for w in WEIGHTS}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--presets", nargs="*", default=["all", "lexical"])
    parser.add_argument("--sets", nargs="*", default=["fit", "eval", "mac"])
    parser.add_argument("--perturbations", nargs="*", default=list(synthetic.EVALUATION_PERTURBATIONS))
    parser.add_argument("--min-confidence", type=float, default=0.9)
    parser.add_argument("--min-beads", type=int, default=2)
    parser.add_argument("--min-dice", type=float, default=0.3)
    parser.add_argument("--method", choices=("dice", "model1"), default="dice")
    parser.add_argument("--min-probability", type=float, default=0.2)
    parser.add_argument("--novel", action="store_true", help="keep only pairs CC-CEDICT lacks")
    parser.add_argument("--augment", action="store_true", help="join learned pairs to CC-CEDICT's (see above)")
    parser.add_argument("--batch", action="store_true", help="one lexicon from every document of a set")
    parser.add_argument("--limit", type=int, default=0, help="documents a FLORES set (0: all)")
    args = parser.parse_args()
    global NOVEL_ONLY, AUGMENT
    NOVEL_ONLY, AUGMENT = args.novel, args.augment
    settings = SelfLexicon(1.0, args.min_confidence, args.min_beads, args.min_dice, args.method, args.min_probability)
    print(
        f"# {settings.describe()}; weights {WEIGHTS}; batch lexicon: {args.batch}; "
        f"novel pairs only: {args.novel}; joined to CC-CEDICT: {args.augment}",
        flush=True,
    )
    for preset in args.presets:
        names = scorer_names(preset)
        aligner = SentenceAligner(build_scorers(names), model_for(names))
        sets: dict[str, list[synthetic.Case]] = {}
        for part, seed in (("fit", TRAIN_SEED), ("eval", 13)):
            if part in args.sets:
                for perturbation in args.perturbations:
                    if part == "fit" and perturbation == "expand":
                        continue
                    cases = synthetic.synthetic(perturbation, seed=seed, part=part)
                    sets[f"FLORES {part} {perturbation}"] = cases[: args.limit] if args.limit else cases
        if "mac" in args.sets:
            sets["MAC-Dev"] = synthetic.mac_dev()
        print(f"\n## preset {preset}\n\n| set | learned words | " + " | ".join(f"w={w:g}" for w in WEIGHTS))
        print("|---|---|" + "---|" * len(WEIGHTS), flush=True)
        pooled: dict[str, list] = defaultdict(list)
        base_time = extra_time = 0.0
        sentences = 0
        for set_name, cases in sets.items():
            results, learned = [], 0
            with threadpool_limits(1, user_api="blas"):
                runs = [first_pass(aligner, case) for case in cases]
                shared = batch_lexicon(runs, settings) if args.batch else None
                for run in runs:
                    predicted, seconds, words = second_pass(aligner, run, settings, shared)
                    results.append((run.case, predicted))
                    base_time, extra_time, learned = base_time + run.seconds, extra_time + seconds, learned + words
                    sentences += len(run.case.zh) + len(run.case.en)
            pooled[set_name.split(" ")[1] if set_name.startswith("FLORES") else "mac"].extend(results)
            scores = f1_by_weight(results)
            print(
                f"| {set_name} | {learned / len(cases):.0f} | " + " | ".join(f"{scores[w]:.4f}" for w in WEIGHTS),
                flush=True,
            )
            if set_name == "MAC-Dev":
                held_out = []
                for k in range(len(results)):
                    others = f1_by_weight(results[:k] + results[k + 1 :])
                    chosen = max(WEIGHTS, key=lambda w: (others[w], -w))
                    held_out.append((results[k][0].gold, results[k][1][chosen]))
                    print(f"MAC-Dev chapter {k + 1}: weight chosen on the others {chosen:g}", flush=True)
                print(f"MAC-Dev weight chosen leave-one-chapter-out: strict F1 {evaluate_many(held_out).strict.f1:.4f}")
        pooled_scores = {part: f1_by_weight(pooled[part]) for part in ("fit", "eval") if pooled[part]}
        for part, scores in pooled_scores.items():
            print(f"| FLORES {part}, all sets pooled | | " + " | ".join(f"{scores[w]:.4f}" for w in WEIGHTS))
        if len(pooled_scores) == 2:
            fit, held = pooled_scores["fit"], pooled_scores["eval"]
            chosen = max(WEIGHTS, key=lambda w: (fit[w], -w))  # ties: the smaller weight
            print(
                f"\nWeight chosen on the fit half: {chosen:g}; eval half pooled {held[0.0]:.4f} -> {held[chosen]:.4f}"
            )
        print(
            f"\nCPU per 1,000 sentences: aligning {1000 * base_time / sentences:.3f} s, "
            f"second pass {1000 * extra_time / sentences:.3f} s ({(base_time + extra_time) / base_time:.2f}x)",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
