"""Where the entity step loses each missed gold row (issue 13's ORG misses; any type with ``--type``).

    PYTHONPATH=src python benchmarks/org_misses.py --gold-dir benchmarks/data/entities/fresh11 --part all
    PYTHONPATH=src python benchmarks/org_misses.py --part dev [--type ORG] [--verbose]

For every gold row of the chosen type that ``entity_gold.py`` reports missed, the document is run again
step by step (``bitext.align``, then the stages of ``pairing.align_corpus``) and the row gets the first
stage that loses it:

* ``no zh candidate``: no Chinese candidate of any bead matches the gold's Chinese side (the matching of
  ``entity_gold.side_match``: equal, or one containing the other);
* ``no en candidate``: the same for the English side;
* ``not in one bead``: candidates on both sides, never in the same bead;
* ``no signal``: in one bead, no signal of the second linking pass for any matching pair;
* ``below threshold``: signals, but no matching pair reaches ``pairing.ACCEPT``;
* ``lost in linking``: a matching pair reached the threshold, but competitive linking gave its spans
  to other pairs (listed);
* ``lost in the table``: a matching pair was linked, but the document's table has no row matching both
  sides (a veto, a merge, a type or canonical form chosen otherwise).

Signals are the pair scorer's (``PairScorer.signals``), not the extras ``link_bead`` adds beside
them (tickers, bracketed originals, list headings, defined acronyms); rows lost to those read as
``no signal`` or ``below threshold``. Never run on the gold's TEST part (``--part test`` is refused).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from entity_gold import (
    GOLD_DIR,
    SOURCES,
    GoldRow,
    Resolver,
    _miss_note,
    find_data,
    load_gold,
    match,
    predict,
    side_match,
)

STAGES = (
    "no zh candidate",
    "no en candidate",
    "not in one bead",
    "no signal",
    "below threshold",
    "lost in linking",
    "lost in the table",
)


def _matching(candidates: Iterable[object], gold: str, language: str) -> list[object]:
    return [c for c in candidates if side_match(c.text, gold, language)]  # type: ignore[attr-defined]


def diagnose(zh_text: str, en_text: str, rows: Sequence[GoldRow]) -> list[tuple[GoldRow, str, str]]:
    """(row, stage, detail) for each of ``rows`` (gold rows of one document)."""
    import bitext
    from bitext.entities import pairing
    from bitext.entities.unwrapping import read_unwrapped

    alignment = bitext.align(zh_text, en_text)
    read, _ = read_unwrapped([alignment])
    beads = pairing.collect_candidates(read)
    stats = pairing.cooccurrence(beads)
    text_of = {i: (a.zh.text, a.en.text) for i, a in enumerate(read)}
    first = pairing.PairScorer(stats)
    first_links = pairing._link_beads(beads, first, text_of)
    learned = pairing.learn(link for found in first_links for link in found)
    second = pairing.PairScorer(stats, learned, earlier=first)
    links = [link for found in pairing._link_beads(beads, second, text_of, first_links) for link in found]
    placed = [bead.placed() for bead in beads]

    found = []
    for row in rows:
        zh_by_bead = [_matching(zh + bodies, row.zh, "zh") for zh, _, bodies in placed]
        en_by_bead = [_matching(en, row.en, "en") for _, en, _ in placed]
        if not any(zh_by_bead):
            found.append((row, STAGES[0], ""))
            continue
        if not any(en_by_bead):
            zh_keys = sorted({c.text for cs in zh_by_bead for c in cs})  # type: ignore[attr-defined]
            found.append((row, STAGES[1], "zh: " + " / ".join(zh_keys)))
            continue
        shared = [k for k, (z, e) in enumerate(zip(zh_by_bead, en_by_bead, strict=True)) if z and e]
        if not shared:
            found.append((row, STAGES[2], ""))
            continue
        best = (0.0, "", "", ())
        for k in shared:
            for zh in zh_by_bead[k]:
                for en in en_by_bead[k]:
                    signals = second.signals(zh, en)  # type: ignore[arg-type]
                    score = pairing.combine(s for _, s in signals)
                    if signals and score >= best[0]:
                        best = (score, zh.text, en.text, tuple(label for label, _ in signals))  # type: ignore[attr-defined]
        if not best[3]:
            zh_seen = sorted({f"{c.text}<{c.source}>" for k in shared for c in zh_by_bead[k]})  # type: ignore[attr-defined]
            en_seen = sorted({f"{c.text}<{c.source}>" for k in shared for c in en_by_bead[k]})  # type: ignore[attr-defined]
            found.append((row, STAGES[3], f"zh: {' / '.join(zh_seen)}; en: {' / '.join(en_seen)}"))
            continue
        detail = f"{best[1]} ↔ {best[2]} {best[0]:.2f} [{', '.join(best[3])}]"
        if best[0] < pairing.ACCEPT:
            found.append((row, STAGES[4], detail))
            continue
        both = [k for k in links if side_match(k.zh.text, row.zh, "zh") and side_match(k.en.text, row.en, "en")]
        if both:
            found.append((row, STAGES[6], detail))
            continue
        rivals = {
            f"{k.zh.text} ↔ {k.en.text}"
            for k in links
            if k.bead in {beads[b].bead for b in shared}
            and (side_match(k.zh.text, row.zh, "zh") or side_match(k.en.text, row.en, "en"))
        }
        found.append((row, STAGES[5], detail + "; taken by " + " / ".join(sorted(rivals))))
    return found


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "all"), default="dev")
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument("--type", default="ORG", help="gold type to diagnose (ORG, LOC, PER, MISC, or ALL)")
    parser.add_argument("--data", type=Path, default=None)
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.part == "all" and args.gold_dir.resolve() == GOLD_DIR.resolve():
        parser.error("--part all only for a fresh set's own --gold-dir (the gold's TEST part is not read)")
    documents = load_gold(args.gold_dir, list(SOURCES), args.part)
    resolver = Resolver(args.data or find_data(), args.gold_dir)
    stages: Counter[str] = Counter()
    for doc_id, gold in documents.items():
        zh_text, en_text = resolver.texts(doc_id)
        predicted = predict(zh_text, en_text, None)
        matched = {j for _, j in match(predicted, gold)}
        missed = [row for j, row in enumerate(gold) if j not in matched and args.type in (row.type, "ALL") and row.zh]
        if not missed:
            continue
        for row, stage, detail in diagnose(zh_text, en_text, missed):
            stages[stage] += 1
            if stage == STAGES[6]:
                detail += "; rows: " + _miss_note(row, predicted)
            print(f"{doc_id}\t{row.zh}\t{row.en}\t{row.type}\t{stage}\t{detail}")
    print("# " + ", ".join(f"{stage}: {stages[stage]}" for stage in STAGES if stages[stage]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
