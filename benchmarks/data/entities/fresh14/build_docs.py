"""Rebuild fresh14's documents from a local copy of the WMT zh->en news test CSVs.

The texts are not committed (licence unclear); this script writes them under ``docs/`` beside it from the
three CSV files of ``philexohf/Practical_AI_with_PyTorch`` (commit 6fb89a22f78aebc9ca628834fe69bbefa7dc7f25,
folder ``datasets/WMT-Chinese-to-English-Machine-Translation-newstest``), passed as a folder:

    PYTHONPATH=src python benchmarks/data/entities/fresh14/build_docs.py CSV_FOLDER

Each document is a range of consecutive lines of one CSV (line numbers of the file, its header being line 1;
every row is one line), the Chinese converted with OpenCC ``s2t`` line by line, one sentence pair a line.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from wmt_news import build

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


if __name__ == "__main__":
    build(DOCUMENTS, Path(sys.argv[1]), Path(__file__).resolve().parent / "docs")
