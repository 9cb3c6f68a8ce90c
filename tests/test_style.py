"""The code base stays ruff clean: CI fails on a lint error rather than letting it pile up."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def test_ruff_reports_nothing() -> None:
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it is part of the test extra)")
    result = subprocess.run(
        [ruff, "check", "src", "tests", "benchmarks", "corpus"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_ruff_format_leaves_every_file_as_it_is() -> None:
    # One formatter for the whole tree: a diff that only re-indents never hides in a real change.
    ruff = shutil.which("ruff") or str(Path(sys.executable).with_name("ruff"))
    if not Path(ruff).exists():
        pytest.skip("ruff is not installed (it is part of the test extra)")
    result = subprocess.run(
        [ruff, "format", "--check", "src", "tests", "benchmarks", "corpus"], cwd=ROOT, capture_output=True, text=True
    )
    assert result.returncode == 0, result.stdout + result.stderr


def test_mypy_passes_on_the_package() -> None:
    # py.typed promises users types: the configuration (strict, exceptions stated) is [tool.mypy] in pyproject.toml.
    pytest.importorskip("mypy", reason="mypy is not installed (it is part of the test extra)")
    result = subprocess.run(
        [sys.executable, "-m", "mypy", "--no-error-summary"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        env={**os.environ, "MYPYPATH": str(ROOT / "src")},
        timeout=600,
    )
    assert result.returncode == 0, result.stdout + result.stderr
