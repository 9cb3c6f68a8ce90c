"""A user script over the public API is clean under ``mypy --strict`` (and runs); a misuse is caught."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SCRIPTS = Path(__file__).resolve().parent / "typed_scripts"


def mypy(tmp_path: Path, *scripts: Path) -> subprocess.CompletedProcess[str]:
    # bitext is followed but its own messages silenced, as for an installed typed package: the user's
    # script is what is checked. MYPYPATH puts this checkout's bitext first.
    command = [sys.executable, "-m", "mypy", "--strict", "--follow-imports=silent", "--no-error-summary"]
    command += ["--cache-dir", str(tmp_path / "mypy-cache"), *map(str, scripts)]
    env = {**os.environ, "MYPYPATH": str(ROOT / "src")}
    return subprocess.run(command, capture_output=True, text=True, env=env, cwd=ROOT, timeout=600)


def test_a_user_script_is_clean_under_mypy_strict_and_a_misuse_is_not(tmp_path: Path) -> None:
    pytest.importorskip("mypy", reason="mypy is not installed (it is in the test extra)")
    result = mypy(tmp_path, SCRIPTS / "user_script.py", SCRIPTS / "wrong_script.py")
    errors = [line for line in result.stdout.splitlines() if ": error:" in line]
    assert not [line for line in errors if "user_script.py" in line], result.stdout
    wrong_lines = {int(m.group(1)) for line in errors for m in [re.search(r"wrong_script\.py:(\d+):", line)] if m}
    assert wrong_lines == {8, 9, 10}, result.stdout + result.stderr


def test_the_user_script_runs(tmp_path: Path) -> None:
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    result = subprocess.run(
        [sys.executable, str(SCRIPTS / "user_script.py"), str(tmp_path)], capture_output=True, text=True, env=env
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert (tmp_path / "out" / "corpus.parquet").exists()
