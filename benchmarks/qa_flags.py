"""QA flags on real human translations: how often each check fires, and whether it catches planted errors.

FLORES-200 devtest, zho_Hant ↔ eng_Latn (281 Wikinews/Wikivoyage/Wikibooks documents, 1,012 sentences, gold 1-1):

1. Clean: every document aligned by its gold 1-1 beads, QA run on it. Flags here are either real divergences
   in the human translation or false alarms; the ``number-mismatch`` ones are printed for hand-checking.
2. Planted number errors: in every bead whose English has a number written with digits, one digit of one number
   is changed (4.7 → 4.8, 2014 → 2015); the share of those beads that get a ``number-mismatch`` error is the
   recall of that check. Planted year removals (``in 2014`` deleted) likewise.

    python benchmarks/qa_flags.py [../shared/data/flores200-devtest] [--show]
"""

from __future__ import annotations

import random
import re
import sys
import time
from collections import Counter
from pathlib import Path

from bitext.align.beads import Alignment, Bead
from bitext.qa import check
from bitext.segment import segment

ROOT = Path(__file__).resolve().parents[1]
DIGIT_NUMBER = re.compile(r"(?<![\w.])\d+(?:,\d{3})*(?:\.\d+)?")
YEAR_PHRASE = re.compile(r",? (?:in|since|by|of) (?:1[89]|20)\d\d\b")


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


def main() -> None:
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    data = Path(args[0]) if args else ROOT.parent / "shared" / "data" / "flores200-devtest"
    show = "--show" in sys.argv
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


if __name__ == "__main__":
    main()
