"""The ``bitext`` logger: failures recovered from on purpose are silent by default and shown with ``-v``;
every subcommand takes ``-q`` and ``-v``."""

from __future__ import annotations

import argparse
import logging
import os
import subprocess
import sys
from pathlib import Path

import pytest

import bitext.cli.convert_cmd as convert_cmd
from bitext.cli.main import build_parser, main
from bitext.resources.cache import load_or_build

SRC = Path(__file__).resolve().parents[1] / "src"


def unwritable_cache(tmp_path: Path) -> Path:
    """A cache directory that cannot be created: its parent is a file."""
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    return blocker / "cache"


def subcommands() -> list[str]:
    (action,) = [a for a in build_parser()._actions if isinstance(a, argparse._SubParsersAction)]
    return list(action.choices)


@pytest.mark.parametrize("command", subcommands())
def test_every_subcommand_takes_quiet_and_verbose(command: str, capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit):
        main([command, "--help"])
    usage = capsys.readouterr().out
    assert "-q, --quiet" in usage and "-v, --verbose" in usage


def test_an_unwritable_cache_is_logged_as_a_warning_and_still_returns_the_table(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(unwritable_cache(tmp_path)))
    with caplog.at_level(logging.WARNING, logger="bitext"):
        assert load_or_build("probe", "k1", lambda: {"a": 1}, dict) == {"a": 1}
    (record,) = caplog.records
    assert record.name == "bitext" and record.levelno == logging.WARNING
    assert "cannot write cache file" in record.getMessage() and "probe-k1.pickle" in record.getMessage()


def test_a_damaged_cache_file_is_logged_and_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    (tmp_path / "probe-k2.pickle").write_bytes(b"not a pickle")
    with caplog.at_level(logging.WARNING, logger="bitext"):
        assert load_or_build("probe", "k2", lambda: [1, 2], list) == [1, 2]
    assert any("cannot be read" in r.getMessage() for r in caplog.records)
    caplog.clear()
    with caplog.at_level(logging.DEBUG, logger="bitext"):
        assert load_or_build("probe", "k2", lambda: [3], list) == [1, 2]  # rewritten: read back, not rebuilt
    assert caplog.records == []


def test_a_first_use_of_the_cache_logs_nothing(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    with caplog.at_level(logging.DEBUG, logger="bitext"):
        load_or_build("probe", "k3", lambda: 7, int)
    assert caplog.records == []


def test_the_library_is_silent_by_default(tmp_path: Path) -> None:
    # In a fresh interpreter with no logging configured: Python's last-resort handler would print the
    # warning on stderr if the bitext logger had no handler of its own.
    code = "from bitext.resources.cache import load_or_build; print(load_or_build('probe', 'k4', lambda: 5, int))"
    env = {**os.environ, "PYTHONPATH": str(SRC), "BITEXT_CACHE_DIR": str(unwritable_cache(tmp_path))}
    done = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert done.stdout == "5\n" and done.stderr == ""


@pytest.mark.parametrize("verbose", [False, True])
def test_the_cli_shows_recovered_failures_only_with_verbose(
    verbose: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(unwritable_cache(tmp_path)))
    real_convert = convert_cmd.convert

    def convert_using_the_cache(text: str, config: str = "t2s") -> str:
        load_or_build("probe", "k5", lambda: 0, int)
        return real_convert(text, config)

    monkeypatch.setattr(convert_cmd, "convert", convert_using_the_cache)
    source = tmp_path / "zh.txt"
    source.write_text("漢字\n", encoding="utf-8")
    assert main(["convert", str(source), *(["-v"] if verbose else [])]) == 0
    out, err = capsys.readouterr()
    assert out == "汉字\n"
    if verbose:
        assert err.startswith("bitext: warning: cannot write cache file ") and err.count("\n") == 1
    else:
        assert err == ""
    assert not logging.getLogger("bitext").handlers[1:]  # the CLI's handler is removed after the command
