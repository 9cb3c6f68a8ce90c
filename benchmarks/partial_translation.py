"""One side much longer than the other: a partial translation (the Chinese of ~200 sentences with the
English of only its first 20, 30 or 40), from the FLORES evaluation half (``_synthetic.partial``).

Reports strict F1 over all beads and the accuracy of the aligned part (the share of the kept sentences'
gold 1-1 beads found exactly), for the default scorer and ``--scorer lexical``.

    python benchmarks/partial_translation.py
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic as synthetic
from bitext.align import align
from bitext.evaluate import evaluate_many

CONFIGS = {"default (all)": {}, "--scorer lexical": {"scorer": "lexical"}}


def main() -> int:
    print("| set (kept English) | documents | aligner | strict F1 | aligned part exact | CPU s |")
    print("|---|---|---|---|---|---|")
    sets = [(f"FLORES {kept}", synthetic.partial(kept)) for kept in (20, 30, 40)]
    sets += [(f"MAC-Dev {kept} beads", synthetic.partial_mac(kept)) for kept in (20, 30, 40)]
    for kept, cases in sets:
        for name, options in CONFIGS.items():
            pairs, found, total = [], 0, 0
            started = time.process_time()
            for case in cases:
                zh, en = case.documents()
                predicted = align(zh, en, **options).pairs()
                pairs.append((case.gold, predicted))
                keys = {(tuple(z), tuple(e)) for z, e in predicted}
                aligned = [(tuple(z), tuple(e)) for z, e in case.gold if z and e]
                found += sum(bead in keys for bead in aligned)
                total += len(aligned)
            seconds = time.process_time() - started
            result = evaluate_many(pairs)
            print(
                f"| {kept} | {len(cases)} | {name} | {result.strict.f1:.3f} | {found}/{total} = {found / total:.3f} "
                f"| {seconds:.1f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
