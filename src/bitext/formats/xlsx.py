"""Excel workbook (.xlsx) for translators who review in Excel or LibreOffice (optional extra ``bitext[xlsx]``).

Sheet ``beads``: one row per bead, the TSV columns (:data:`bitext.formats.tsv.COLUMNS`) under a frozen header row,
with an autofilter; a row is coloured red when its confidence is below 0.5, amber when it has an error or warning
flag (red wins), and the ``status`` cell green when a person edited or confirmed the bead. Sheet ``signature``:
the settings and versions that produced the file and the document figures (:meth:`Export.metadata`).

Every text cell is written as a string, never a formula (a sentence starting with ``=`` stays a sentence), and
the control characters a workbook cannot hold are shown as their visible pictures (␁ …), as the review page does.
Written with openpyxl (MIT).
"""

from __future__ import annotations

import json
import re
from typing import IO, Any

from bitext.align.beads import Alignment
from bitext.errors import BitextError
from bitext.formats.base import BeadRecord, Export, as_export, ids_text
from bitext.formats.html import LOW_CONFIDENCE
from bitext.formats.tsv import COLUMNS

LOW_FILL = "FBE6E4"
FLAGGED_FILL = "FDF3D9"
DECIDED_FILL = "E8F5EC"
WIDTHS = {"zh": 60, "en": 70, "flags": 30, "entities": 30, "doc_id": 20}
_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f]")


def _openpyxl() -> Any:
    try:
        import openpyxl
    except ImportError:
        raise BitextError("the xlsx format needs openpyxl: pip install 'bitext[xlsx]'") from None
    return openpyxl


def cell_text(text: str) -> str:
    """``text`` with the control characters a workbook cannot hold turned into their visible pictures."""
    return _ILLEGAL.sub(lambda m: chr(0x2400 + ord(m.group())), text)


def _values(record: BeadRecord) -> list[Any]:
    return [
        record.zh,
        record.en,
        round(record.score, 4),
        record.type,
        ids_text(record.zh_ids),
        ids_text(record.en_ids),
        record.doc_id,
        record.bead,
        ",".join(record.flags),
        json.dumps([list(e) for e in record.entities], ensure_ascii=False),
        record.status,
    ]


class XlsxWriter:
    name = "xlsx"
    suffix = ".xlsx"
    binary = True

    def write(self, export: Export | Alignment, out: IO[Any]) -> None:
        openpyxl = _openpyxl()
        from openpyxl.styles import Alignment as CellAlignment
        from openpyxl.styles import Font, PatternFill

        export = as_export(export)
        book = openpyxl.Workbook()
        sheet = book.active
        sheet.title = "beads"
        fills = {colour: PatternFill("solid", start_color=colour) for colour in (LOW_FILL, FLAGGED_FILL, DECIDED_FILL)}
        for column, name in enumerate(COLUMNS, start=1):
            cell = sheet.cell(1, column, name)
            cell.font = Font(bold=True)
            sheet.column_dimensions[cell.column_letter].width = WIDTHS.get(name, 10)
        wrap = CellAlignment(wrap_text=True, vertical="top")
        for row, record in enumerate(export.records(), start=2):
            fill = None
            if record.score < LOW_CONFIDENCE:
                fill = fills[LOW_FILL]
            elif any(flag.split(":")[0] in ("error", "warning") for flag in record.flags):
                fill = fills[FLAGGED_FILL]
            for column, value in enumerate(_values(record), start=1):
                cell = sheet.cell(row, column)
                cell.value = cell_text(value) if isinstance(value, str) else value
                if isinstance(value, str):
                    cell.data_type = "s"  # a text starting with "=" is a sentence, not a formula
                cell.alignment = wrap
                if fill is not None:
                    cell.fill = fill
            if record.status != "automatic":
                sheet.cell(row, len(COLUMNS)).fill = fills[DECIDED_FILL]
        sheet.freeze_panes = "A2"
        sheet.auto_filter.ref = sheet.dimensions
        about = book.create_sheet("signature")
        about.append(["key", "value"])
        about["A1"].font = about["B1"].font = Font(bold=True)
        for row, (key, value) in enumerate(_flat(export.metadata()), start=2):
            about.cell(row, 1, key)
            cell = about.cell(row, 2)
            cell.value = cell_text(value) if isinstance(value, str) else value
            if isinstance(value, str):
                cell.data_type = "s"
        about.column_dimensions["A"].width = 28
        about.column_dimensions["B"].width = 100
        book.save(out)


def _flat(metadata: dict[str, Any], prefix: str = "") -> list[tuple[str, Any]]:
    """Nested metadata as ``a.b`` keys; lists as JSON text."""
    rows: list[tuple[str, Any]] = []
    for key, value in metadata.items():
        name = f"{prefix}{key}"
        if isinstance(value, dict):
            rows += _flat(value, f"{name}.")
        elif isinstance(value, list):
            rows.append((name, json.dumps(value, ensure_ascii=False)))
        else:
            rows.append((name, "" if value is None else value))
    return rows
