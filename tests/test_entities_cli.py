"""``bitext entities SOURCE TRANSLATION``: TSV and JSONL tables, errors as one line."""

from __future__ import annotations

import csv
import json
from pathlib import Path

import pytest

from bitext.cli.main import main
from conftest import CORPUS

ZH = str(CORPUS / "zh-Hant.sentences.txt")
EN = str(CORPUS / "en.sentences.txt")
FAST = ["--presegmented", "--method", "gale-church"]


def test_tsv_table(tmp_path: Path) -> None:
    out = tmp_path / "entities.tsv"
    assert main(["entities", ZH, EN, *FAST, "-o", str(out)]) == 0
    with out.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    assert list(rows[0]) == ["zh", "en", "type", "count", "score", "evidence", "beads", "variants", "en_variants"]
    sensetime = next(r for r in rows if r["en"] == "SenseTime")
    assert sensetime["zh"] == "商湯" and sensetime["type"] == "ORG"
    assert "商湯科技" in sensetime["variants"].split("|")
    assert int(sensetime["count"]) == len(sensetime["beads"].split(",")) or int(sensetime["count"]) >= 10
    assert {("徐立", "Xu Li"), ("新疆", "Xinjiang")} <= {(r["zh"], r["en"]) for r in rows}


def test_jsonl_mentions_point_into_the_inputs(tmp_path: Path) -> None:
    out = tmp_path / "entities.jsonl"
    assert main(["entities", ZH, EN, *FAST, "--format", "jsonl", "-o", str(out)]) == 0
    records = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    zh_text = Path(ZH).read_text(encoding="utf-8")
    en_text = Path(EN).read_text(encoding="utf-8")
    xu = next(r for r in records if r["en"] == "Xu Li")
    assert xu["evidence"] and xu["mentions"]
    for mention in xu["mentions"]:
        assert zh_text[slice(*mention["zh_span"])] == "徐立"
        assert en_text[slice(*mention["en_span"])] == "Xu Li"


def test_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", ZH, EN, *FAST]) == 0
    assert "SenseTime" in capsys.readouterr().out


def test_missing_input_is_a_one_line_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["entities", str(tmp_path / "nope.txt"), EN, *FAST]) == 2
    error = capsys.readouterr().err
    assert error.startswith("bitext: error:") and error.count("\n") == 1
