"""QA flags on real human translations: how often each check fires, whether it catches planted errors, and its cost.

    python benchmarks/qa_flags.py [numbers] [--data ../shared/data/flores200-devtest] [--show]
    python benchmarks/qa_flags.py entities [--data …] [--show]
    python benchmarks/qa_flags.py cost [--data …] [--sentences 10000]

``numbers`` (the default), FLORES-200 devtest, zho_Hant ↔ eng_Latn (281 Wikinews/Wikivoyage/Wikibooks documents,
1,012 sentences, gold 1-1):

1. Clean: every document aligned by its gold 1-1 beads, QA run on it. Flags here are either real divergences
   in the human translation or false alarms; the ``number-mismatch`` ones are printed for hand-checking.
2. Planted number errors: in every bead whose English has a number written with digits, one digit of one number
   is changed (4.7 → 4.8, 2014 → 2015); the share of those beads that get a ``number-mismatch`` error is the
   recall of that check. Planted year removals (``in 2014`` deleted) likewise.

``entities``: ``entity-missing`` warnings per 50 beads on faithful translations, with the entity table each
document gets from ``bitext align`` (one table per document): the bundled corpus (its gold beads, and the default
aligner's beads) and FLORES documents by their gold 1-1 beads, the first 100 documents (looked at while writing the
rule) and the other 181 (not looked at); the entity gold's statutes and government texts (``--legal``, aligned with
``--scorer lexical``) when present. ``--show`` prints every warning with its bead.

``cost``: one long document made by joining FLORES documents (their sentences cycled until ``--sentences``),
aligned with ``--scorer lexical``; prints the alignment time, the entity pairing time and the QA time, and QA's
time as a ratio to the alignment's, all from the same run.
"""

from __future__ import annotations

import argparse
import random
import re
import time
from collections import Counter
from pathlib import Path

import bitext
from bitext.align.beads import Alignment, Bead
from bitext.entities import align_entities
from bitext.formats.vecalign import parse_alignment
from bitext.qa import check
from bitext.segment import segment

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "sensetime-genai"
DIGIT_NUMBER = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?")
YEAR_PHRASE = re.compile(r",? (?:in|since|by|of) (?:1[89]|20)\d\d\b")
LOOKED_AT = 100  # FLORES documents read while writing the entity-missing rule; the rest are out of sample


def documents(data: Path) -> list[tuple[list[str], list[str]]]:
    rows = [line.split("\t") for line in (data / "devtest_docs.tsv").read_text(encoding="utf-8").splitlines()[1:]]
    grouped: dict[str, tuple[list[str], list[str]]] = {}
    for row in rows:
        zh, en = grouped.setdefault(row[1], ([], []))
        zh.append(row[6])
        en.append(row[5])
    return list(grouped.values())


def gold_alignment(zh_lines: list[str], en_lines: list[str]) -> Alignment:
    zh = segment("\n".join(zh_lines), "zh", presegmented=True)
    en = segment("\n".join(en_lines), "en", presegmented=True)
    return Alignment(zh, en, tuple(Bead((k,), (k,), 1.0) for k in range(len(zh_lines))))


def change_a_digit(text: str, rng: random.Random) -> str | None:
    numbers = list(DIGIT_NUMBER.finditer(text))
    if not numbers:
        return None
    number = rng.choice(numbers)
    positions = [k for k in range(number.start(), number.end()) if text[k].isdigit()]
    k = rng.choice(positions)
    new_digit = str((int(text[k]) + rng.randint(1, 8)) % 10)
    if k == number.start() and new_digit == "0" and number.end() - number.start() > 1:
        new_digit = "9"  # a leading zero would read as the same number
    return text[:k] + new_digit + text[k + 1 :]


# ---------------------------------------------------------------- numbers (and every check's rate)


def run_numbers(data: Path, show: bool) -> None:
    docs = documents(data)
    rng = random.Random(0)
    counts: Counter[str] = Counter()
    beads = planted = caught = years = years_caught = 0
    started = time.perf_counter()
    for zh_lines, en_lines in docs:
        alignment = gold_alignment(zh_lines, en_lines)
        report = check(alignment)
        beads += len(alignment.beads)
        counts.update(flag.code for flag in report.flags)
        for flag in report.flags:
            if show and flag.code == "number-mismatch":
                print(f"{flag.message}\n  zh: {zh_lines[flag.bead]}\n  en: {en_lines[flag.bead]}\n")
        clean = {flag.bead for flag in report.flags if flag.code == "number-mismatch"}
        for k in range(len(en_lines)):
            if k in clean:
                continue  # only beads the check passes when clean can show whether it catches a planted error
            for planted_text, is_year in (
                (change_a_digit(en_lines[k], rng), False),
                (YEAR_PHRASE.sub("", en_lines[k], count=1), True),
            ):
                if planted_text is None or planted_text == en_lines[k]:
                    continue
                changed = [*en_lines[:k], planted_text, *en_lines[k + 1 :]]
                hit = any(
                    f.code == "number-mismatch" and f.bead == k for f in check(gold_alignment(zh_lines, changed)).flags
                )
                if is_year:
                    years, years_caught = years + 1, years_caught + hit
                else:
                    planted, caught = planted + 1, caught + hit
    elapsed = time.perf_counter() - started
    print(f"FLORES-200 devtest zho_Hant-eng_Latn: {len(docs)} documents, {beads} gold 1-1 beads")
    print("flags per 1,000 clean beads:")
    for code, count in counts.most_common():
        print(f"  {code:<22}{1000 * count / beads:8.1f}   ({count})")
    print(f"planted digit changes caught: {caught}/{planted} = {caught / max(planted, 1):.3f}")
    print(f"planted year removals caught: {years_caught}/{years} = {years_caught / max(years, 1):.3f}")
    print(f"time: {elapsed:.1f} s for {beads + planted + years} bead checks in context")


# ---------------------------------------------------------------- entity-missing on faithful translations


def corpus_gold() -> Alignment:
    zh = segment((CORPUS / "zh-Hant.sentences.txt").read_text(encoding="utf-8"), "zh", presegmented=True)
    en = segment((CORPUS / "en.sentences.txt").read_text(encoding="utf-8"), "en", presegmented=True)
    beads = [Bead(tuple(z), tuple(e), 1.0) for z, e in parse_alignment((CORPUS / "gold.align").read_text())]
    return Alignment(zh, en, tuple(beads))


def corpus_aligned() -> Alignment:
    return bitext.align((CORPUS / "zh-Hant.txt").read_text(encoding="utf-8"), (CORPUS / "en.txt").read_text("utf-8"))


def entity_warnings(name: str, alignments: list[Alignment], show: bool) -> None:
    beads = warnings = 0
    for alignment in alignments:
        report = check(alignment, align_entities(alignment))
        beads += len(alignment.beads)
        for flag in report.flags:
            if flag.code != "entity-missing":
                continue
            warnings += 1
            if show:
                bead = alignment.beads[flag.bead]
                print(f"  {flag.message}\n    zh: {alignment.zh_text(bead)}\n    en: {alignment.en_text(bead)}")
    rate = 50 * warnings / beads if beads else 0.0
    print(f"{name}: {len(alignments)} documents, {beads} beads, {warnings} entity-missing = {rate:.2f} per 50 beads")


def planted_removals(name: str, alignments: list[Alignment]) -> None:
    """Delete one mention of a paired name from one side of a bead (each in its own copy of the document, whose
    entity table is then computed afresh, as a user would): the share of those beads that get an
    ``entity-missing`` warning. Only names the clean table pairs in that bead, with score at least 0.8."""
    planted = caught = 0
    for alignment in alignments:
        table = align_entities(alignment)
        for number, bead in enumerate(alignment.beads):
            if not bead.is_aligned:
                continue
            for pair in table:
                if pair.score < 0.8 or number not in pair.beads:
                    continue
                for side, form in (("zh", pair.zh), ("en", pair.en)):
                    changed = _remove(alignment, number, side, form)
                    if changed is None:
                        continue
                    planted += 1
                    flags = check(changed, align_entities(changed)).flags
                    caught += any(f.code == "entity-missing" and f.bead == number for f in flags)
    print(f"{name}: planted name removals caught: {caught}/{planted} = {caught / max(planted, 1):.3f}")


def _remove(alignment: Alignment, number: int, side: str, form: str) -> Alignment | None:
    """``alignment`` with ``form`` deleted from side ``side`` of bead ``number``, or None."""
    bead = alignment.beads[number]
    doc = alignment.zh if side == "zh" else alignment.en
    ids = bead.zh if side == "zh" else bead.en
    lines = doc.sentence_texts()
    for k in ids:
        pattern = re.escape(form) if side == "zh" else r"(?<![\w])" + re.escape(form) + r"(?![\w])"
        if re.search(pattern, lines[k]):
            lines[k] = re.sub(r"\s{2,}", " ", re.sub(pattern, "", lines[k])).strip() or "—"
            changed = segment("\n".join(lines), side, presegmented=True)
            zh, en = (changed, alignment.en) if side == "zh" else (alignment.zh, changed)
            return Alignment(zh, en, alignment.beads)
    return None


def legal_documents(folder: Path) -> dict[str, list[tuple[Path, Path]]]:
    """The entity gold's legal and government texts (NAME.zh.txt / NAME.en.txt), grouped by the name's prefix."""
    groups: dict[str, list[tuple[Path, Path]]] = {}
    for zh in sorted(folder.glob("*.zh.txt")) if folder.is_dir() else []:
        groups.setdefault(zh.name.rsplit("-", 1)[0], []).append((zh, zh.with_name(zh.name.replace(".zh.", ".en."))))
    return groups


def run_entities(data: Path, legal: Path, show: bool) -> None:
    corpus = corpus_gold()
    entity_warnings("bundled corpus, gold beads", [corpus], show)
    entity_warnings("bundled corpus, default aligner", [corpus_aligned()], show)
    docs = [gold_alignment(zh, en) for zh, en in documents(data)]
    entity_warnings(f"FLORES devtest documents 0-{LOOKED_AT - 1}, gold beads", docs[:LOOKED_AT], show)
    entity_warnings(f"FLORES devtest documents {LOOKED_AT}-{len(docs) - 1}, gold beads", docs[LOOKED_AT:], show)
    for group, pairs in legal_documents(legal).items():
        aligned = [bitext.align(zh.read_text("utf-8"), en.read_text("utf-8"), scorer="lexical") for zh, en in pairs]
        entity_warnings(f"{group} (legal), aligned --scorer lexical", aligned, show)
    planted_removals("bundled corpus, gold beads", [corpus])
    planted_removals("FLORES devtest, all documents, gold beads", docs)


# ---------------------------------------------------------------- cost on one long document


def run_cost(data: Path, sentences: int) -> None:
    zh_lines: list[str] = []
    en_lines: list[str] = []
    docs = documents(data)
    while len(zh_lines) < sentences:
        for zh, en in docs:
            zh_lines += zh
            en_lines += en
            if len(zh_lines) >= sentences:
                break
    zh_text, en_text = "\n".join(zh_lines) + "\n", "\n".join(en_lines) + "\n"
    started = time.perf_counter()
    alignment = bitext.align(zh_text, en_text, scorer="lexical", presegmented=True)
    aligned = time.perf_counter()
    table = align_entities(alignment)
    paired = time.perf_counter()
    report = check(alignment, table)
    checked = time.perf_counter()
    check(alignment)
    plain = time.perf_counter() - checked
    align_s, qa_s = aligned - started, checked - paired
    print(
        f"{len(zh_lines):,} × {len(en_lines):,} sentences (FLORES documents joined), {len(alignment.beads):,} beads, "
        f"{len(table):,} entity pairs, {len(report.flags):,} flags"
    )
    print(f"  align --scorer lexical  {align_s:7.2f} s")
    print(f"  entity pairs            {paired - aligned:7.2f} s")
    print(f"  QA, every check         {qa_s:7.2f} s   = {qa_s / align_s:.3f} × alignment")
    print(f"  QA without entities     {plain:7.2f} s   = {plain / align_s:.3f} × alignment")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", nargs="?", choices=("numbers", "entities", "cost"), default="numbers")
    parser.add_argument("--data", type=Path, default=ROOT.parent / "shared" / "data" / "flores200-devtest")
    parser.add_argument("--legal", type=Path, default=ROOT / "benchmarks" / "data" / "entities" / "docs")
    parser.add_argument("--show", action="store_true", help="print every flag the mode counts, with its bead")
    parser.add_argument("--sentences", type=int, default=10_000, help="length of the cost document")
    args = parser.parse_args()
    if args.mode == "numbers":
        run_numbers(args.data, args.show)
    elif args.mode == "entities":
        run_entities(args.data, args.legal, args.show)
    else:
        run_cost(args.data, args.sentences)


if __name__ == "__main__":
    main()
