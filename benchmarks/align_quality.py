"""Sentence-alignment quality: strict/lax P/R/F1 on MAC-Dev, synthetic FLORES documents and the corpus.

    python benchmarks/align_quality.py                 # default aligner and the Gale–Church baseline
    python benchmarks/align_quality.py --ablation      # each scorer alone and combined, with speed
    python benchmarks/align_quality.py --quick         # a small subset, in seconds (CI smoke test)
    python benchmarks/align_quality.py --calibration   # reliability of Bead.score on the FLORES sets and the corpus
    python benchmarks/align_quality.py --by-type       # precision/recall per bead type (1-0, 2-2, ...) per set

MAC-Dev is aligned as given (simplified) and after OpenCC s2t, since users bring traditional Chinese.
The FLORES documents are built from the evaluation half of the articles with the evaluation seed
(align_fit.py trains on the other half). The corpus is in the training data: its figure is in-sample.
Every document is aligned presegmented, as Vecalign and Bertalign evaluate.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections import Counter, defaultdict
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic as synthetic
from bitext.align import align
from bitext.evaluate import Evaluation, evaluate_many
from bitext.segment import segment

Beads = list[tuple[list[int], list[int]]]

CONFIGS = {
    "gale-church": {"method": "gale-church"},
    "bitext (all)": {"scorer": "all"},
    "bitext --scorer lexical": {"scorer": "lexical"},
}
ABLATION = {
    "gale-church (baseline)": {"method": "gale-church"},
    "length alone": {"scorer": "length"},
    "anchors alone": {"scorer": "anchors"},
    "lexical alone": {"scorer": "lexical-only"},
    "embedding alone": {"scorer": "embedding"},
    "embedding + length": {"scorer": "embedding,length"},
    "--scorer lexical (length+lexical+anchors+paragraphs+punctuation)": {"scorer": "lexical"},
    "--scorer all (default: embedding+length+lexical+anchors+paragraphs+punctuation)": {"scorer": "all"},
}


def evaluation_sets(quick: bool) -> dict[str, list[synthetic.Case]]:
    sets: dict[str, list[synthetic.Case]] = {}
    mac = synthetic.mac_dev()
    sets["MAC-Dev (simplified)"] = mac[:1] if quick else mac
    sets["MAC-Dev (s2t, traditional)"] = synthetic.mac_dev("s2t")[:1] if quick else synthetic.mac_dev("s2t")
    for perturbation in synthetic.EVALUATION_PERTURBATIONS:
        cases = synthetic.synthetic(perturbation, part="eval")
        sets[f"FLORES {perturbation}"] = cases[:2] if quick else cases
    sets["corpus (sensetime-genai, in-sample)"] = [synthetic.corpus_case()]
    return sets


def run(cases: list[synthetic.Case], options: dict) -> tuple[Evaluation, float, int]:
    options = dict(options)
    if options.get("scorer") == "lexical-only":
        options["scorer"] = "lexical,"  # the comma makes it a list of one scorer, not the preset
    pairs, seconds, sentences = [], 0.0, 0
    for case in cases:
        zh, en = case.documents()
        started = time.perf_counter()
        alignment = align(zh, en, **options)
        seconds += time.perf_counter() - started
        sentences += len(case.zh) + len(case.en)
        pairs.append((case.gold, alignment.pairs()))
    return evaluate_many(pairs), seconds, sentences


def warm_up(options: dict) -> None:
    """Load the encoder and the dictionary once, so per-document times measure alignment alone."""
    case = synthetic.corpus_case()
    align(
        segment("\n".join(case.zh), "zh", presegmented=True),
        segment("\n".join(case.en), "en", presegmented=True),
        **{k: v for k, v in options.items() if v != "lexical-only"},
    )


def quality_table(sets: dict[str, list[synthetic.Case]], configs: dict[str, dict]) -> None:
    print("| set | aligner | strict P | strict R | strict F1 | lax F1 | s / 1,000 sentences |")
    print("|---|---|---|---|---|---|---|")
    for set_name, cases in sets.items():
        for config_name, options in configs.items():
            result, seconds, sentences = run(cases, options)
            print(
                f"| {set_name} | {config_name} | {result.strict.precision:.3f} | {result.strict.recall:.3f} | "
                f"**{result.strict.f1:.3f}** | {result.lax.f1:.3f} | {1000 * seconds / sentences:.2f} |",
                flush=True,
            )


def ablation_table(sets: dict[str, list[synthetic.Case]]) -> None:
    names = [name for name in sets if "s2t" not in name]
    print("| scorers | " + " | ".join(names) + " | s / 1,000 sentences |")
    print("|---|" + "---|" * (len(names) + 1))
    for config_name, options in ABLATION.items():
        cells, seconds, sentences = [], 0.0, 0
        for set_name in names:
            result, spent, count = run(sets[set_name], options)
            cells.append(f"{result.strict.f1:.3f}")
            seconds, sentences = seconds + spent, sentences + count
        print(f"| {config_name} | " + " | ".join(cells) + f" | {1000 * seconds / sentences:.2f} |", flush=True)


def bead_type(bead: tuple[Sequence[int], Sequence[int]]) -> str:
    return f"{len(bead[0])}-{len(bead[1])}"


def by_type_counts(pairs: list[tuple[Beads, Beads]]) -> dict[str, Counter]:
    """Per bead type: gold beads, predicted beads, and predicted beads that are exactly a gold bead."""
    counts: dict[str, Counter] = defaultdict(Counter)
    for gold, predicted in pairs:
        gold_set = {(tuple(z), tuple(e)) for z, e in gold}
        for bead in gold:
            counts[bead_type(bead)]["gold"] += 1
        for z, e in predicted:
            kind = bead_type((z, e))
            counts[kind]["predicted"] += 1
            counts[kind]["correct"] += (tuple(z), tuple(e)) in gold_set
    return counts


def by_type_table(sets: dict[str, list[synthetic.Case]], options: dict) -> None:
    """Where the aligner errs, by bead type: gold / predicted / precision / recall (strict, exact beads)."""
    for set_name, cases in sets.items():
        pairs = []
        for case in cases:
            zh, en = case.documents()
            pairs.append((case.gold, align(zh, en, **options).pairs()))
        print_by_type(set_name, pairs)


def print_by_type(title: str, pairs: list[tuple[Beads, Beads]]) -> None:
    """The per-type table of (gold, predicted) document pairs, pooled, as Markdown under ``title``."""
    print(f"\n{title}\n\n| type | gold | predicted | P | R |\n|---|---|---|---|---|")
    counts = by_type_counts(pairs)
    for kind in sorted(counts, key=lambda k: (-counts[k]["gold"], k)):
        c = counts[kind]
        precision = f"{c['correct'] / c['predicted']:.2f}" if c["predicted"] else "–"
        recall = f"{c['correct'] / c['gold']:.2f}" if c["gold"] else "–"
        print(f"| {kind} | {c['gold']} | {c['predicted']} | {precision} | {recall} |", flush=True)


def calibration_table(sets: dict[str, list[synthetic.Case]]) -> None:
    """Reliability of the default aligner's confidence where the calibration is fully held out (MAC-Dev
    chapters are skipped: align_fit.py calibrates on them and reports their held-out table)."""
    import numpy as np

    from bitext.align.fit import expected_calibration_error, reliability

    scores, correct = [], []
    for set_name, cases in sets.items():
        if set_name.startswith("MAC-Dev"):
            continue
        for case in cases:
            zh, en = case.documents()
            gold = {(tuple(z), tuple(e)) for z, e in case.gold}
            for bead in align(zh, en).beads:
                scores.append(bead.score)
                correct.append((bead.zh, bead.en) in gold)
    confidence, right = np.array(scores), np.array(correct)
    high = confidence >= 0.9
    print(
        f"{len(right)} beads, expected calibration error {expected_calibration_error(confidence, right):.3f}; "
        f"beads >= 0.9: {high.sum()} ({right[high].mean():.1%} correct); "
        f"share of errors below 0.8: {(~right & (confidence < 0.8)).sum() / max(1, (~right).sum()):.1%}"
    )
    print("| confidence | beads | correct (strict) |")
    print("|---|---|---|")
    for label, count, share in reliability(confidence, right):
        print(f"| {label} | {count} | {share:.1%} |")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="one chapter and two documents a set")
    parser.add_argument("--ablation", action="store_true", help="each scorer alone and combined")
    parser.add_argument("--calibration", action="store_true", help="reliability of the default's confidence")
    parser.add_argument("--by-type", action="store_true", help="precision/recall per bead type, default aligner")
    parser.add_argument("--configs", nargs="*", choices=list(CONFIGS), default=list(CONFIGS))
    args = parser.parse_args()
    configs = {name: CONFIGS[name] for name in args.configs}
    for options in configs.values():
        if "scorer" in options:
            warm_up(options)
    sets = evaluation_sets(args.quick)
    if args.calibration:
        calibration_table(sets)
    elif args.by_type:
        by_type_table(sets, {"scorer": "all"})
    elif args.ablation:
        ablation_table(sets)
    else:
        quality_table(sets, configs)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
