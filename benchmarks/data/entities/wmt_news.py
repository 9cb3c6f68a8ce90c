"""Build entity fresh sets' documents from a local copy of the WMT zh->en news test CSVs (fresh11 to fresh14).

The texts are not committed (licence unclear); each set's ``documents.tsv`` lists its documents (``doc``,
``test_set``, ``first_line``, ``last_line``), and this script writes them under the set's ``docs/`` from a folder
holding the CSV files of ``philexohf/Practical_AI_with_PyTorch`` (commit 6fb89a22f78aebc9ca628834fe69bbefa7dc7f25,
folder ``datasets/WMT-Chinese-to-English-Machine-Translation-newstest``)::

    PYTHONPATH=src python benchmarks/data/entities/wmt_news.py fresh11 CSV_FOLDER

Each document is a range of consecutive lines of one CSV (line numbers of the file, its header being line 1;
every row is one line), the Chinese converted with OpenCC ``s2t`` line by line, one sentence pair a line.
"""

from __future__ import annotations

import csv
import sys
from collections.abc import Mapping
from pathlib import Path

from bitext.script import convert

CSV_NAME = "damo_mt_testsets_zh2en_news_{}.csv"


def read_lines(path: Path) -> list[tuple[str, str]]:
    """The CSV's rows by file line number (index 0 is the header, line 1)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    return [(row[0], row[1]) for row in rows]


def build(documents: Mapping[str, tuple[str, int, int]], csv_folder: Path, out: Path) -> None:
    """Write ``<doc>.zh.txt`` and ``<doc>.en.txt`` under ``out`` for each ``doc: (test set, first, last line)``."""
    out.mkdir(exist_ok=True)
    tables = {name: read_lines(csv_folder / CSV_NAME.format(name)) for name in {v[0] for v in documents.values()}}
    for doc, (test_set, first, last) in documents.items():
        rows = tables[test_set][first - 1 : last]
        zh = "\n".join(convert(" ".join(zh.split()), "s2t") for zh, _ in rows) + "\n"
        en = "\n".join(" ".join(en.split()) for _, en in rows) + "\n"
        (out / f"{doc}.zh.txt").write_text(zh, encoding="utf-8")
        (out / f"{doc}.en.txt").write_text(en, encoding="utf-8")


def documents_of(set_folder: Path) -> dict[str, tuple[str, int, int]]:
    """A set's ``documents.tsv``: doc name → (test set, first line, last line), both lines inclusive."""
    with (set_folder / "documents.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    return {row["doc"]: (row["test_set"], int(row["first_line"]), int(row["last_line"])) for row in rows}


if __name__ == "__main__":
    folder = Path(__file__).resolve().parent / sys.argv[1]
    build(documents_of(folder), Path(sys.argv[2]), folder / "docs")
