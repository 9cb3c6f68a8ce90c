"""Rebuild fresh13's documents from a local copy of the WMT zh->en news test CSVs.

The texts are not committed (licence unclear); this script writes them under ``docs/`` beside it from the
three CSV files of ``philexohf/Practical_AI_with_PyTorch`` (commit 6fb89a22f78aebc9ca628834fe69bbefa7dc7f25,
folder ``datasets/WMT-Chinese-to-English-Machine-Translation-newstest``), passed as a folder:

    PYTHONPATH=src python benchmarks/data/entities/fresh13/build_docs.py CSV_FOLDER

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


if __name__ == "__main__":
    build(DOCUMENTS, Path(sys.argv[1]), Path(__file__).resolve().parent / "docs")
