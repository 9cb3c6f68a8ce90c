"""Regenerate a corpus's sentence files with bitext's segmenter and validate its gold alignment.

    python corpus/make_sentences.py [corpus/sensetime-genai ...]

Writes ``zh-Hant.sentences.txt`` and ``en.sentences.txt`` (one ``Sentence.text`` per line) from
``zh-Hant.txt`` and ``en.txt``, then checks that ``gold.align`` parses, is monotone and covers every
line of both sentence files exactly once. ``gold.align`` itself is written by hand.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

from bitext.segment import segment

HERE = Path(__file__).resolve().parent
BEAD = re.compile(r"^\[([0-9, ]*)\]:\[([0-9, ]*)\]$")


def write_sentences(directory: Path) -> tuple[list[str], list[str]]:
    sides = []
    for stem, lang in (("zh-Hant", "zh"), ("en", "en")):
        text = (directory / f"{stem}.txt").read_text(encoding="utf-8")
        sentences = [s.text for s in segment(text, lang).sentences]
        (directory / f"{stem}.sentences.txt").write_text("\n".join(sentences) + "\n", encoding="utf-8")
        sides.append(sentences)
    return sides[0], sides[1]


def read_gold(path: Path) -> list[tuple[list[int], list[int]]]:
    beads = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        found = BEAD.match(line.strip())
        if not found:
            raise ValueError(f"{path}:{number}: not a bead: {line!r}")
        src, tgt = ([int(x) for x in part.split(",") if x.strip()] for part in found.groups())
        beads.append((src, tgt))
    return beads


def check_gold(beads: list[tuple[list[int], list[int]]], n_src: int, n_tgt: int) -> list[str]:
    problems = []
    next_src = next_tgt = 0
    for number, (src, tgt) in enumerate(beads, 1):
        if not src and not tgt:
            problems.append(f"bead {number} is empty")
        if src and src != list(range(next_src, next_src + len(src))):
            problems.append(f"bead {number}: zh ids {src} do not continue from {next_src}")
        if tgt and tgt != list(range(next_tgt, next_tgt + len(tgt))):
            problems.append(f"bead {number}: en ids {tgt} do not continue from {next_tgt}")
        next_src += len(src)
        next_tgt += len(tgt)
    if next_src != n_src:
        problems.append(f"gold covers {next_src} zh sentences, file has {n_src}")
    if next_tgt != n_tgt:
        problems.append(f"gold covers {next_tgt} en sentences, file has {n_tgt}")
    return problems


def main(argv: list[str]) -> int:
    directories = [Path(a) for a in argv] or [HERE / "sensetime-genai"]
    status = 0
    for directory in directories:
        zh, en = write_sentences(directory)
        print(f"{directory.name}: {len(zh)} zh sentences, {len(en)} en sentences")
        gold = directory / "gold.align"
        if not gold.exists():
            print("  no gold.align yet")
            continue
        beads = read_gold(gold)
        problems = check_gold(beads, len(zh), len(en))
        kinds: dict[str, int] = {}
        for src, tgt in beads:
            kinds[f"{len(src)}-{len(tgt)}"] = kinds.get(f"{len(src)}-{len(tgt)}", 0) + 1
        print(f"  {len(beads)} beads: " + ", ".join(f"{k}: {v}" for k, v in sorted(kinds.items())))
        for problem in problems:
            print("  PROBLEM:", problem)
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
