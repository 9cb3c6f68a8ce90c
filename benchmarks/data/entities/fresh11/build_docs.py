"""Rebuild fresh11's documents from a local copy of the WMT zh->en news test CSVs.

The texts are not committed (licence unclear); this script writes them under ``docs/`` beside it from the
three CSV files of ``philexohf/Practical_AI_with_PyTorch`` (commit 6fb89a22f78aebc9ca628834fe69bbefa7dc7f25,
folder ``datasets/WMT-Chinese-to-English-Machine-Translation-newstest``), passed as a folder:

    PYTHONPATH=src python benchmarks/data/entities/fresh11/build_docs.py CSV_FOLDER

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
    "wmt18-0259": ("wmt18", 259, 271),
    "wmt18-0447": ("wmt18", 447, 459),
    "wmt18-0647": ("wmt18", 647, 659),
    "wmt18-2629": ("wmt18", 2629, 2641),
    "wmt18-2972": ("wmt18", 2972, 2984),
    "wmt18-3320": ("wmt18", 3320, 3332),
    "wmt18-3802": ("wmt18", 3802, 3814),
    "wmt19-0272": ("wmt19", 272, 284),
    "wmt19-0491": ("wmt19", 491, 503),
    "wmt19-1188": ("wmt19", 1188, 1200),
    "wmt19-1342": ("wmt19", 1342, 1354),
    "wmt19-1484": ("wmt19", 1484, 1496),
}


if __name__ == "__main__":
    build(DOCUMENTS, Path(sys.argv[1]), Path(__file__).resolve().parent / "docs")
