"""Blocks of the English in the wrong order: does the skip prior keep the part in place aligned?

    python benchmarks/swapped_blocks.py            # the default preset, with its skip prior and with none

1. Three MAC-Dev chapters (s2t) joined, a blank line between chapters, the English of chapters 2 and 3 in
   order and swapped (a translator's reordering, or two files joined in the wrong order).
2. Each MAC-Dev chapter's first 120 / 180 / 240 gold beads cut into three blocks of 40 / 60 / 80, the English
   of two blocks swapped (blocks 2 and 3; for 60 also blocks 1 and 2): 24 documents, simplified Chinese, no
   blank lines.

The best monotone alignment keeps the blocks in place and one of the swapped two and leaves the other's
sentences unaligned on both sides. Printed: 1-0, 0-1 and two-sided beads, and the gold beads (with two
sides) found exactly, per block (1) or summed over the documents (2). Figures: docs/benchmarks.md,
"Swapped blocks".
"""

from __future__ import annotations

import dataclasses
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic as synthetic
from bitext.align import build_scorers, model_for, scorer_names
from bitext.align.aligner import Model, SentenceAligner
from bitext.segment import segment

Beads = list[tuple[list[int], list[int]]]
Block = tuple[list[str], list[str], Beads]  # Chinese lines, English lines, gold beads numbered from 0


def slice_blocks(case: synthetic.Case, size: int) -> list[Block]:
    blocks = []
    for start in range(0, 3 * size, size):
        gold = case.gold[start : start + size]
        zh = sorted(z for zs, _ in gold for z in zs)
        en = sorted(e for _, es in gold for e in es)
        renumbered = [([z - zh[0] for z in zs], [e - en[0] for e in es]) for zs, es in gold]
        blocks.append(([case.zh[z] for z in zh], [case.en[e] for e in en], renumbered))
    return blocks


def run(blocks: list[Block], order: list[int], model: Model, between: str = "\n") -> tuple[Counter[str], list[int]]:
    """Bead counts and, per block, the gold beads found, with the English of the blocks in ``order``; ``between``
    the blocks: a line break, or a blank line (a paragraph break)."""
    zh = between.join("\n".join(block[0]) for block in blocks) + "\n"
    en = between.join("\n".join(blocks[k][1]) for k in order) + "\n"
    names = scorer_names("all")
    beads = SentenceAligner(build_scorers(names), model).align(
        segment(zh, "zh", presegmented=True), segment(en, "en", presegmented=True)
    )
    found = {(tuple(b.zh_ids), tuple(b.en_ids)) for b in beads}
    counts: Counter[str] = Counter()
    for b in beads:
        counts["1-0" if not b.en_ids else "0-1" if not b.zh_ids else "two-sided"] += 1
    zh_at = [sum(len(block[0]) for block in blocks[:k]) for k in range(len(blocks))]
    en_at, at = {}, 0
    for k in order:
        en_at[k], at = at, at + len(blocks[k][1])
    per_block = []
    for k, block in enumerate(blocks):
        gold = [(tuple(z + zh_at[k] for z in zs), tuple(e + en_at[k] for e in es)) for zs, es in block[2] if zs and es]
        per_block.append(sum(bead in found for bead in gold))
    return counts, per_block


def main() -> int:
    default = model_for(scorer_names("all"))
    models = {
        f"skip prior {default.skip_prior:g}": default,
        "skip prior 0": dataclasses.replace(default, skip_prior=0.0),
    }
    chapters = synthetic.mac_dev("s2t")[:3]
    blocks = [(c.zh, c.en, c.gold) for c in chapters]
    totals = [sum(1 for zs, es in c.gold if zs and es) for c in chapters]
    print("| document | model | 1-0 | 0-1 | two-sided | gold found per chapter |")
    print("|---|---|---|---|---|---|")
    for name, order in (("chapters 1-3, English in order", [0, 1, 2]), ("chapters 1-3, English 1, 3, 2", [0, 2, 1])):
        for label, model in models.items():
            counts, found = run(blocks, order, model, "\n\n")
            shares = " · ".join(f"{f}/{t}" for f, t in zip(found, totals, strict=True))
            print(
                f"| {name} | {label} | {counts['1-0']} | {counts['0-1']} | {counts['two-sided']} | {shares} |",
                flush=True,
            )
    print()
    print(
        "| 24 chapter slices, two blocks swapped | 1-0 | 0-1 | two-sided | block in place found | "
        "in place + better swapped block |"
    )
    print("|---|---|---|---|---|---|")
    mac = synthetic.mac_dev()
    for label, model in models.items():
        counts, in_place, total, best = Counter[str](), 0, 0, 0
        for case in mac:
            for size, order in ((40, [0, 2, 1]), (60, [0, 2, 1]), (60, [1, 0, 2]), (80, [0, 2, 1])):
                parts = slice_blocks(case, size)
                document_counts, found = run(parts, order, model)
                counts.update(document_counts)
                (kept,) = [k for k in range(3) if order[k] == k]
                in_place += found[kept]
                total += sum(1 for zs, es in parts[kept][2] if zs and es)
                best += found[kept] + max(f for k, f in enumerate(found) if k != kept)
        print(
            f"| {label} | {counts['1-0']} | {counts['0-1']} | {counts['two-sided']} | {in_place}/{total} = "
            f"{in_place / total:.3f} | {best} |",
            flush=True,
        )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
