"""Figures from the one-reader judgement of the entity table on five unseen documents.

    PYTHONPATH=src python benchmarks/entity_fresh.py [--docs benchmarks/data/entities/fresh2] [--score]

``--docs DIR`` (default ``benchmarks/data/entities/fresh``) names the folder of the documents
(``<doc>.zh.txt``, ``<doc>.en.txt``) and of their ``judged.tsv`` / ``judged-later.tsv``; ``fresh2`` holds
four Macao university and government press releases, ``fresh5`` eight bilingual news pieces on awards, works
and sport (both described in ``benchmarks/data/entities/README.md``).

``benchmarks/data/entities/fresh/judged.tsv`` holds every row `bitext entities` printed for the documents in
``benchmarks/data/entities/fresh/`` (judged ``correct``, ``wrong-counterpart``, ``boundary``,
``not-entity`` or ``duplicate``) and the entities named on both sides that have no correct row
(``miss``). Precision = correct / rows; estimated recall = correct / (correct + misses), by the
judged type. The script reruns the CLI on each document and reports rows it prints now that were
not judged (and judged rows it no longer prints), so stale judgements cannot pass silently.

``--score`` scores the table the current code prints instead: a row is correct when the judged table
lists it as correct or as a miss (the misses are the right answers), wrong with its verdict when the
table judged it so, and otherwise it is looked up in ``judged-later.tsv`` (rows judged after the
first round, same columns); rows in neither are listed as unjudged and left out of precision.
Recall: the correct entities printed / every correct entity either file knows (per type). Once a
rule is tuned on these documents they are in-sample too.
"""

from __future__ import annotations

import argparse
import csv
import subprocess
import sys
from collections import Counter
from pathlib import Path

HERE = Path(__file__).resolve().parent
DOCS = HERE / "data" / "entities" / "fresh"
TYPES = ("PER", "ORG", "LOC", "MISC")


def current_rows(doc: str, docs: Path = DOCS) -> set[tuple[str, str]]:
    out = subprocess.run(
        [sys.executable, "-m", "bitext", "entities", str(docs / f"{doc}.zh.txt"), str(docs / f"{doc}.en.txt")],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return {(f[0], f[1]) for f in (line.split("\t") for line in out.splitlines()[1:]) if len(f) > 1}


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--docs", type=Path, default=DOCS, help="folder of the documents and their judgements")
    ap.add_argument("--judged", type=Path, help="default: DOCS/judged.tsv")
    ap.add_argument("--later", type=Path, help="default: DOCS/judged-later.tsv")
    ap.add_argument("--score", action="store_true", help="score the current table (see module)")
    args = ap.parse_args()
    docs: Path = args.docs
    judged_path: Path = args.judged or docs / "judged.tsv"
    later_path: Path = args.later or docs / "judged-later.tsv"
    if args.score:
        score(judged_path, later_path, docs)
        return
    with judged_path.open(encoding="utf-8") as fh:
        judged = list(csv.DictReader(fh, delimiter="\t"))
    rows = [r for r in judged if r["judgement"] != "miss"]
    misses = [r for r in judged if r["judgement"] == "miss"]
    verdicts = Counter(r["judgement"] for r in rows)
    correct = verdicts["correct"]
    print(f"documents {len({r['doc'] for r in judged})}, rows {len(rows)}, misses {len(misses)}")
    print(f"precision {correct}/{len(rows)} = {correct / len(rows):.3f}")
    print(f"estimated recall {correct}/{correct + len(misses)} = {correct / (correct + len(misses)):.3f}")
    untitled = [r for r in misses if not r["note"].startswith("law title")]
    n = correct + len(untitled)
    print(f"  without the documents' own titles: {correct}/{n} = {correct / n:.3f}")
    print("rows by judgement: " + ", ".join(f"{k} {v}" for k, v in verdicts.most_common()))
    for t in TYPES:
        c = sum(1 for r in rows if r["judgement"] == "correct" and r["type"] == t)
        m = sum(1 for r in misses if r["type"] == t)
        print(f"  {t:4} correct {c:3} misses {m:3} recall " + (f"{c / (c + m):.3f}" if c + m else "-"))
    stale = 0
    for doc in sorted({r["doc"] for r in judged}):
        now = current_rows(doc, docs)
        was = {(r["zh"], r["en"]) for r in rows if r["doc"] == doc}
        for zh, en in sorted(now - was):
            print(f"  {doc}: not judged (new row): {zh} | {en}")
        for zh, en in sorted(was - now):
            print(f"  {doc}: judged row no longer printed: {zh} | {en}")
        stale += len(now ^ was)
    print(f"rows differing from the judged table: {stale}")


def _read(path: Path) -> list[dict[str, str]]:
    if not path.exists():
        return []
    with path.open(encoding="utf-8") as fh:
        return list(csv.DictReader(fh, delimiter="\t"))


def score(judged_path: Path, later_path: Path, folder: Path = DOCS) -> None:
    verdicts: dict[tuple[str, str, str], tuple[str, str]] = {}
    for r in _read(judged_path) + _read(later_path):
        verdict = "correct" if r["judgement"] in ("correct", "miss") else r["judgement"]
        verdicts.setdefault((r["doc"], r["zh"], r["en"]), (verdict, r["type"]))
    entities = {k: t for k, (v, t) in verdicts.items() if v == "correct"}
    docs = sorted({k[0] for k in verdicts})
    counts: Counter[str] = Counter()
    found: set[tuple[str, str, str]] = set()
    unjudged = []
    for doc in docs:
        for zh, en in sorted(current_rows(doc, folder)):
            verdict = verdicts.get((doc, zh, en))
            if verdict is None:
                unjudged.append((doc, zh, en))
                continue
            counts[verdict[0]] += 1
            if verdict[0] == "correct":
                found.add((doc, zh, en))
    judged = sum(counts.values())
    print(f"current table: {judged + len(unjudged)} rows, {judged} judged, {len(unjudged)} unjudged")
    print(f"precision {counts['correct']}/{judged} = {counts['correct'] / judged:.3f}")
    print(f"recall {len(found)}/{len(entities)} = {len(found) / len(entities):.3f}")
    print("rows by judgement: " + ", ".join(f"{k} {v}" for k, v in counts.most_common()))
    for t in TYPES:
        total = [k for k, kind in entities.items() if kind == t]
        hit = [k for k in total if k in found]
        share = f" recall {len(hit) / len(total):.3f}" if total else ""
        print(f"  {t:4} found {len(hit):3} of {len(total):3}{share}")
    for doc, zh, en in unjudged:
        print(f"  {doc}: unjudged: {zh} | {en}")


if __name__ == "__main__":
    main()
