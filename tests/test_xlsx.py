"""The xlsx export: one row per bead with the TSV columns, coloured rows, the signature in a second sheet."""

from __future__ import annotations

import builtins
import io
from pathlib import Path
from typing import Any

import pytest

from bitext.align.beads import Alignment, Bead
from bitext.cli.main import main
from bitext.errors import BitextError
from bitext.formats import Export, get_writer, read_tsv, save
from bitext.formats.tsv import COLUMNS
from bitext.qa import check
from test_formats import make_document

openpyxl = pytest.importorskip("openpyxl")


def export() -> Export:
    zh = make_document(["第一句，收入5億元。", "=SUM(A1:A9)\x01 第二句。", "第三句。", "多出來的一句。"], "zh", [""])
    en = make_document(["Revenue was 7 billion yuan.", "The second, =1+1.", "The third."], "en", [" "])
    beads = (
        Bead((0,), (0,), 0.95),
        Bead((1,), (1,), 0.3, {}, "edited"),
        Bead((2,), (2,), 0.9, {}, "confirmed"),
        Bead((3,), (), 0.0),
    )
    alignment = Alignment(zh, en, beads, {"bitext": "test", "aligner": "unit"})
    return Export(alignment, qa=check(alignment))


def workbook(data: Export) -> Any:
    out = io.BytesIO()
    get_writer("xlsx").write(data, out)
    out.seek(0)
    return openpyxl.load_workbook(out)


def test_one_row_per_bead_with_the_tsv_columns_and_the_texts_as_written(tmp_path: Path) -> None:
    data = export()
    book = workbook(data)
    rows = list(book["beads"].iter_rows(values_only=True))
    assert rows[0] == COLUMNS
    save(data, tmp_path / "same.tsv", "tsv")
    tsv = read_tsv(tmp_path / "same.tsv").records
    assert len(rows) == 1 + len(tsv) == 5
    for row, record in zip(rows[1:], tsv, strict=True):
        cells = dict(zip(COLUMNS, row, strict=True))
        assert cells["zh"] == record.zh.replace("\x01", "\u2401")  # a control character is shown, not dropped
        assert cells["en"] == record.en or (cells["en"] is None and record.en == "")
        assert cells["score"] == pytest.approx(record.score, abs=1e-4)
        assert (cells["type"], cells["status"], cells["bead"]) == (record.type, record.status, record.bead)
        assert cells["flags"] == (",".join(record.flags) or None)
    second = book["beads"]["A3"]
    assert second.data_type == "s" and str(second.value).startswith("=SUM")  # text, never a formula


def test_low_confidence_and_flagged_rows_are_coloured() -> None:
    data = export()
    sheet = workbook(data)["beads"]
    colour = {row: sheet.cell(row, 1).fill.start_color.rgb for row in range(2, 6)}
    flagged = {n for n, _ in data.beads() if any(f.level in ("error", "warning") for f in data.flags_for(n))}
    assert 0 in flagged  # 5億 against 7 billion: a number mismatch on a confident bead
    assert colour[2].endswith("FDF3D9")  # flagged, confident: amber
    assert colour[3].endswith("FBE6E4") and colour[5].endswith("FBE6E4")  # below 0.5: red
    assert colour[4] in ("00000000", None)  # confident and clean: no colour
    status = len(COLUMNS)
    assert sheet.cell(4, status).fill.start_color.rgb.endswith("E8F5EC")  # confirmed by a person


def test_the_signature_sheet_holds_the_settings() -> None:
    book = workbook(export())
    values = dict(book["signature"].iter_rows(min_row=2, values_only=True))
    assert values["signature"] == "bitext:test|aligner:unit"
    assert values["settings.aligner"] == "unit"
    assert values["beads"] == 4


def test_cli_writes_xlsx(tmp_path: Path) -> None:
    (tmp_path / "zh.txt").write_text("第一句。\n第二句。\n", encoding="utf-8")
    (tmp_path / "en.txt").write_text("The first.\nThe second.\n", encoding="utf-8")
    out = tmp_path / "out.xlsx"
    argv = ["align", str(tmp_path / "zh.txt"), str(tmp_path / "en.txt"), "--presegmented", "--method", "gale-church"]
    assert main([*argv, "-q", "--format", "xlsx", "-o", str(out)]) == 0
    rows = list(openpyxl.load_workbook(out)["beads"].iter_rows(values_only=True))
    assert [row[:2] for row in rows[1:]] == [("第一句。", "The first."), ("第二句。", "The second.")]


def test_without_openpyxl_one_line_names_the_extra(monkeypatch: pytest.MonkeyPatch) -> None:
    real_import = builtins.__import__

    def no_openpyxl(name: str, *args: Any, **kwargs: Any) -> Any:
        if name.startswith("openpyxl"):
            raise ImportError(name)
        return real_import(name, *args, **kwargs)

    monkeypatch.setattr(builtins, "__import__", no_openpyxl)
    with pytest.raises(BitextError, match=r"pip install 'bitext\[xlsx\]'"):
        get_writer("xlsx").write(export(), io.BytesIO())
