"""Rebuild fresh12's documents from a local copy of the WMT zh->en news test CSVs.

The texts are not committed (licence unclear); this script writes them under ``docs/`` beside it from the
three CSV files of ``philexohf/Practical_AI_with_PyTorch`` (commit 6fb89a22f78aebc9ca628834fe69bbefa7dc7f25,
folder ``datasets/WMT-Chinese-to-English-Machine-Translation-newstest``), passed as a folder:

    PYTHONPATH=src python benchmarks/data/entities/fresh12/build_docs.py CSV_FOLDER

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
    "wmt18-2153": ("wmt18", 2153, 2165),
    "wmt18-2372": ("wmt18", 2372, 2384),
    "wmt18-2755": ("wmt18", 2755, 2767),
    "wmt18-2905": ("wmt18", 2905, 2917),
    "wmt18-3383": ("wmt18", 3383, 3395),
    "wmt18-3459": ("wmt18", 3459, 3471),
    "wmt18-3776": ("wmt18", 3776, 3788),
    "wmt19-0218": ("wmt19", 218, 230),
    "wmt19-1019": ("wmt19", 1019, 1031),
    "wmt19-1442": ("wmt19", 1442, 1454),
    "wmt19-1464": ("wmt19", 1464, 1476),
    "wmt19-1633": ("wmt19", 1633, 1645),
}


if __name__ == "__main__":
    build(DOCUMENTS, Path(sys.argv[1]), Path(__file__).resolve().parent / "docs")
