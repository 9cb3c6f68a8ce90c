r"""Tab-separated values: one bead per row under a header row; what data teams load first.

Columns: ``zh en score type zh_ids en_ids doc_id bead flags entities status``.

* Text cells escape four characters so that one bead is always one line and a tab is always a column break:
  backslash → ``\\``, tab → ``\t``, newline → ``\n``, carriage return → ``\r``. Nothing else is escaped and
  nothing is quoted: a ``"`` is an ordinary character (read with quoting off, see below).
* ``score`` has four decimals; ``zh_ids``/``en_ids`` are Vecalign-style ``[3,4]``; ``flags`` is a comma-separated
  list of ``level:code`` (``error:number-mismatch,warning:low-confidence``); ``entities`` is a JSON array of
  ``[zh, en, type]`` triples (``[]`` when none), escaped like any other cell; ``status`` is ``automatic``,
  ``edited`` or ``confirmed`` (beads a person fixed in the review page, ``--corrections``).
* The settings and versions that produced the file go to a sidecar ``<file>.meta.json`` (the header row must stay
  the first line for csv and pandas readers).

Reading it back: ``bitext.read_tsv(path)`` gives exact texts. With pandas::

    df = pd.read_csv(path, sep="\t", quoting=csv.QUOTE_NONE, dtype=str, keep_default_na=False)
    df["zh"] = df["zh"].map(bitext.formats.tsv.unescape)

``quoting=csv.QUOTE_NONE`` keeps a cell that starts with ``"`` intact; ``keep_default_na=False`` keeps an empty
cell (the missing side of a 0-1 bead) and a sentence such as "NA" as strings instead of NaN.
"""

from __future__ import annotations

import json
import re
from dataclasses import replace
from pathlib import Path
from typing import IO, Any, TextIO

from bitext.align.beads import Alignment
from bitext.errors import InputError
from bitext.formats.base import BeadRecord, Export, ExportData, as_export, ids_text, parse_ids_text

COLUMNS = ("zh", "en", "score", "type", "zh_ids", "en_ids", "doc_id", "bead", "flags", "entities", "status")
META_SUFFIX = ".meta.json"
_ESCAPES = {"\\": "\\\\", "\t": "\\t", "\n": "\\n", "\r": "\\r"}
_UNESCAPES = {"\\": "\\", "t": "\t", "n": "\n", "r": "\r"}
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_NEEDS_ESCAPE = re.compile(r"[\\\t\n\r]")


def escape(text: str) -> str:
    """One cell: backslash, tab, newline and carriage return become ``\\\\ \\t \\n \\r``."""
    return _NEEDS_ESCAPE.sub(lambda m: _ESCAPES[m.group()], text)


def unescape(text: str) -> str:
    """Inverse of :func:`escape`; a backslash before any other character is kept as written."""
    return _ESCAPED.sub(lambda m: _UNESCAPES.get(m.group(1), m.group()), text)


class TsvWriter:
    name = "tsv"
    suffix = ".tsv"
    binary = False

    def __init__(self, doc_id: str = "") -> None:
        self.doc_id = doc_id

    def write(self, export: Export | Alignment, out: IO[Any]) -> None:
        export = as_export(export)
        if self.doc_id and export.doc_id is None:
            export = replace(export, doc_id=self.doc_id)
        out.write("\t".join(COLUMNS) + "\n")
        for record in export.records():
            out.write("\t".join(_cells(record)) + "\n")

    @staticmethod
    def metadata(export: Export) -> dict[str, Any]:
        """What goes into the sidecar: the export's metadata plus how to read the columns."""
        return {**export.metadata(), "columns": list(COLUMNS), "escaping": "backslash: \\\\ \\t \\n \\r"}


def _cells(record: BeadRecord) -> list[str]:
    return [
        escape(record.zh),
        escape(record.en),
        f"{record.score:.4f}",
        record.type,
        ids_text(record.zh_ids),
        ids_text(record.en_ids),
        escape(record.doc_id),
        str(record.bead),
        ",".join(record.flags),
        escape(json.dumps([list(e) for e in record.entities], ensure_ascii=False)),
        record.status,
    ]


def sidecar_path(path: str | Path) -> Path:
    return Path(str(path) + META_SUFFIX)


def read_tsv(source: str | Path | TextIO) -> ExportData:
    """Read a TSV written by bitext: exact texts back, plus the sidecar metadata when it is there."""
    if isinstance(source, str | Path):
        name = str(source)
        with open(source, encoding="utf-8", newline="") as handle:
            text = handle.read()
        sidecar = sidecar_path(source)
        metadata = json.loads(sidecar.read_text(encoding="utf-8")) if sidecar.exists() else {}
    else:
        name, text, metadata = getattr(source, "name", "<tsv>"), source.read(), {}
    lines = text.split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    if not lines:
        raise InputError(f"{name}: empty TSV, expected a header row")
    header = lines[0].split("\t")
    missing = [column for column in ("zh", "en", "score", "type", "zh_ids", "en_ids") if column not in header]
    if missing:
        raise InputError(f"{name}: not a bitext TSV, header lacks {', '.join(missing)}")
    records = [
        _record(dict(zip(header, _split(line, len(header), name, number), strict=True)))
        for number, line in enumerate(lines[1:], start=2)
    ]
    return ExportData(metadata, records)


def _split(line: str, width: int, name: str, number: int) -> list[str]:
    cells = line.split("\t")
    if len(cells) != width:
        raise InputError(f"{name}: line {number} has {len(cells)} cells, the header has {width}")
    return cells


def _record(row: dict[str, str]) -> BeadRecord:
    flags = tuple(row["flags"].split(",")) if row.get("flags") else ()
    entities = tuple(tuple(e) for e in json.loads(unescape(row["entities"]))) if row.get("entities") else ()
    return BeadRecord(
        zh=unescape(row["zh"]),
        en=unescape(row["en"]),
        score=float(row["score"]),
        type=row["type"],
        zh_ids=parse_ids_text(row["zh_ids"]),
        en_ids=parse_ids_text(row["en_ids"]),
        doc_id=unescape(row.get("doc_id", "")),
        bead=int(row["bead"]) if row.get("bead") else -1,
        flags=flags,
        entities=entities,
        status=row.get("status") or "automatic",
    )
