"""Benchmarks run in CI only as quick smoke runs: they must keep working, their figures are for docs/."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SMOKE_RUNS = {
    "align_quality": ["benchmarks/align_quality.py", "--quick", "--configs", "bitext --scorer lexical"],
    "segment_quality": ["benchmarks/segment_quality.py", "--repeat", "1", "--only", "flores/zho_Hant"],
    "entity_quality": ["benchmarks/entity_quality.py", "bundled"],
    "layout": ["benchmarks/layout.py", "--only", "corpus", "--layouts", "paragraphs,furniture,pdf"],
    "parquet_layout": ["benchmarks/parquet_layout.py", "--pairs", "12", "--reads", "1", "--jobs", "0"],
}


@pytest.mark.parametrize("name", sorted(SMOKE_RUNS))
def test_benchmark_runs_and_reports_figures(name: str, shared_data: Path) -> None:
    result = subprocess.run([sys.executable, *SMOKE_RUNS[name]], cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    figures = [float(x) for x in re.findall(r"\b[01]\.\d{3}\b", result.stdout)]
    assert figures, result.stdout[-2000:]
    assert all(0.0 <= figure <= 1.0 for figure in figures)


def test_quick_alignment_benchmark_reaches_a_floor_on_clean_flores(shared_data: Path) -> None:
    # A smoke run that printed only zeros would pass the test above; clean FLORES is 1-1 text that even the
    # model-free preset aligns almost perfectly, so a broken aligner or evaluation shows here.
    result = subprocess.run(
        [sys.executable, *SMOKE_RUNS["align_quality"]], cwd=ROOT, capture_output=True, text=True, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    rows = [line for line in result.stdout.splitlines() if line.startswith("| FLORES clean |")]
    assert len(rows) == 1, result.stdout[-2000:]
    strict_f1 = float(rows[0].split("|")[5].strip(" *"))
    assert strict_f1 >= 0.95, rows[0]
