"""Rebuild fresh13's documents from a local copy of the WMT zh->en news test CSVs.

The texts are not committed (licence unclear); this script writes them under ``docs/`` beside it from the
three CSV files of ``philexohf/Practical_AI_with_PyTorch`` (commit 6fb89a22f78aebc9ca628834fe69bbefa7dc7f25,
folder ``datasets/WMT-Chinese-to-English-Machine-Translation-newstest``), passed as a folder:

    PYTHONPATH=src python benchmarks/data/entities/fresh13/build_docs.py CSV_FOLDER

Each document is a range of consecutive lines of one CSV (line numbers of the file, its header being line 1;
every row is one line), the Chinese converted with OpenCC ``s2t`` line by line, one sentence pair a line.
"""

from __future__ import annotations

import csv
import sys
from pathlib import Path

from bitext.script import convert

CSV_NAME = "damo_mt_testsets_zh2en_news_{}.csv"

# doc name: (test set, first line, last line), both inclusive, line numbers of the CSV file
DOCUMENTS = {
    "wmt18-1119": ("wmt18", 1119, 1131),
    "wmt18-1423": ("wmt18", 1423, 1435),
    "wmt18-1895": ("wmt18", 1895, 1907),
    "wmt18-2583": ("wmt18", 2583, 2595),
    "wmt18-3731": ("wmt18", 3731, 3743),
    "wmt18-3830": ("wmt18", 3830, 3842),
    "wmt19-0033": ("wmt19", 33, 45),
    "wmt19-0256": ("wmt19", 256, 268),
    "wmt19-0580": ("wmt19", 580, 592),
    "wmt19-1244": ("wmt19", 1244, 1256),
    "wmt19-1595": ("wmt19", 1595, 1607),
}


def read_lines(path: Path) -> list[tuple[str, str]]:
    """The CSV's rows by file line number (index 0 is the header, line 1)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return [(row[0], row[1]) for row in rows]


def build(csv_folder: Path, out: Path) -> None:
    out.mkdir(exist_ok=True)
    tables = {name: read_lines(csv_folder / CSV_NAME.format(name)) for name in {v[0] for v in DOCUMENTS.values()}}
    for doc, (test_set, first, last) in DOCUMENTS.items():
        rows = tables[test_set][first - 1 : last]
        zh = "\n".join(convert(" ".join(zh.split()), "s2t") for zh, _ in rows) + "\n"
        en = "\n".join(" ".join(en.split()) for _, en in rows) + "\n"
        (out / f"{doc}.zh.txt").write_text(zh, encoding="utf-8")
        (out / f"{doc}.en.txt").write_text(en, encoding="utf-8")


if __name__ == "__main__":
    build(Path(sys.argv[1]), Path(__file__).resolve().parent / "docs")
