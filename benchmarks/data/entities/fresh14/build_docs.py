"""Rebuild fresh14's documents from a local copy of the WMT zh->en news test CSVs.

The texts are not committed (licence unclear); this script writes them under ``docs/`` beside it from the
three CSV files of ``philexohf/Practical_AI_with_PyTorch`` (commit 6fb89a22f78aebc9ca628834fe69bbefa7dc7f25,
folder ``datasets/WMT-Chinese-to-English-Machine-Translation-newstest``), passed as a folder:

    PYTHONPATH=src python benchmarks/data/entities/fresh14/build_docs.py CSV_FOLDER

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
    "wmt18-0983": ("wmt18", 983, 995),
    "wmt18-1178": ("wmt18", 1178, 1190),
    "wmt18-2734": ("wmt18", 2734, 2746),
    "wmt18-2774": ("wmt18", 2774, 2786),
    "wmt18-3270": ("wmt18", 3270, 3282),
    "wmt18-3289": ("wmt18", 3289, 3301),
    "wmt19-0288": ("wmt19", 288, 300),
    "wmt19-1556": ("wmt19", 1556, 1568),
    "wmt19-1669": ("wmt19", 1669, 1681),
    "wmt19-1792": ("wmt19", 1792, 1804),
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
