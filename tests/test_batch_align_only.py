"""An align-only batch (``--no-entities --format align``): its outputs are those of the full path for what
they share, QA still counts the report's flags, and nothing of the name pairing is loaded or run."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from batch_support import read_tsv_rows
from bitext.formats.vecalign import parse_alignment

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "sensetime-genai"
# Modules only name pairing (and the QA entity check) needs: a run that pairs no names never imports them.
ENTITY_ONLY = ("bitext.entities.pairing", "bitext.entities.candidates", "bitext.resources.names")


def _folders(tmp_path: Path) -> tuple[Path, Path]:
    zh, en = tmp_path / "zh", tmp_path / "en"
    zh.mkdir()
    en.mkdir()
    shutil.copy(CORPUS / "zh-Hant.txt", zh / "sensetime.txt")
    shutil.copy(CORPUS / "en.txt", en / "sensetime.txt")
    return zh, en


def _batch(zh: Path, en: Path, out: Path, *options: str) -> list[str]:
    """Runs ``bitext batch`` in a fresh interpreter; returns the entity-only modules it imported."""
    script = (
        "import sys\n"
        "from bitext.cli.main import main\n"
        f"status = main({['batch', str(zh), str(en), '-o', str(out), '--jobs', '0', '-q', *options]!r})\n"
        f"print(' '.join(m for m in {ENTITY_ONLY!r} if m in sys.modules))\n"
        "sys.exit(status)\n"
    )
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=False)
    assert done.returncode == 0, done.stderr
    return done.stdout.split()


def test_align_only_batch_shares_the_full_paths_beads_and_report(tmp_path: Path) -> None:
    zh, en = _folders(tmp_path)
    common = ("--scorer", "lexical", "--no-entities")
    loaded = _batch(zh, en, tmp_path / "align", *common, "--format", "align")
    assert loaded == []  # no name pairing imported, let alone run
    _batch(zh, en, tmp_path / "tsv", *common, "--format", "tsv")
    # The report (flag counts included: QA ran for it) is the same whichever format the beads are written in.
    report_align = (tmp_path / "align" / "report.tsv").read_text(encoding="utf-8")
    assert report_align == (tmp_path / "tsv" / "report.tsv").read_text(encoding="utf-8")
    row = read_tsv_rows(tmp_path / "align" / "report.tsv")[0]
    rows = read_tsv_rows(tmp_path / "tsv" / "documents" / "sensetime.tsv")
    assert int(row["flags"]) == sum(len([f for f in r["flags"].split(",") if f]) for r in rows) > 0
    # The same beads, sentence numbers and all.
    beads = parse_alignment((tmp_path / "align" / "documents" / "sensetime.align").read_text(encoding="utf-8"))
    ids = [(tuple(json.loads(r["zh_ids"])), tuple(json.loads(r["en_ids"]))) for r in rows]
    assert [(tuple(zh_ids), tuple(en_ids)) for zh_ids, en_ids in beads] == ids


def test_a_batch_that_pairs_names_loads_the_pairing(tmp_path: Path) -> None:
    zh, en = _folders(tmp_path)
    assert "bitext.entities.pairing" in _batch(zh, en, tmp_path / "out", "--scorer", "lexical", "--format", "align")


def test_importing_bitext_loads_no_dictionary_or_name_table() -> None:
    heavy = ("pypinyin", "rjieba", *ENTITY_ONLY)
    script = f"import sys, bitext; print(' '.join(m for m in {heavy!r} if m in sys.modules)); bitext.align"
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, check=True)
    assert done.stdout.split() == []
