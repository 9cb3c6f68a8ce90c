"""Progress display: drawn on a terminal only, silent in pipes and with --quiet."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import pytest

from bitext import progress

CORPUS = Path(__file__).resolve().parents[1] / "corpus" / "sensetime-genai"


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.fixture(autouse=True)
def not_quiet():  # type: ignore[no-untyped-def]
    progress.set_quiet(False)
    yield
    progress.set_quiet(False)


def test_render_shows_share_bar_and_counts() -> None:
    line = progress.render("documents", 500, 2000, 3.14)
    assert line.startswith("documents") and "25%" in line and "500/2,000" in line and "3.1s" in line
    assert line.count("█") == 6 and line.count("·") == 18
    assert progress.render("beads", 7, None, 0.5) == "beads 7  0.5s"


def test_nothing_is_written_to_a_pipe_or_file() -> None:
    stream = io.StringIO()
    assert list(progress.progress(range(5), label="x", stream=stream)) == [0, 1, 2, 3, 4]
    with progress.stage("aligning", stream=stream):
        pass
    assert stream.getvalue() == ""


def test_a_terminal_gets_a_bar_that_is_cleared_at_the_end() -> None:
    terminal = FakeTerminal()
    assert list(progress.progress(range(3), label="docs", stream=terminal)) == [0, 1, 2]
    drawn = terminal.getvalue()
    assert "docs" in drawn and "3/3" in drawn
    assert drawn.endswith("\r\x1b[K")  # results, not a stale bar, stay on screen


def test_quiet_silences_even_a_terminal() -> None:
    progress.set_quiet(True)
    terminal = FakeTerminal()
    list(progress.progress(range(3), label="docs", stream=terminal))
    with progress.stage("aligning", stream=terminal):
        pass
    assert terminal.getvalue() == ""


def test_align_in_a_pipe_writes_nothing_but_the_output(tmp_path: Path) -> None:
    out = tmp_path / "x.tsv"
    result = subprocess.run(
        [
            sys.executable,
            "-m",
            "bitext",
            "align",
            str(CORPUS / "zh-Hant.sentences.txt"),
            str(CORPUS / "en.sentences.txt"),
            "--presegmented",
            "--method",
            "gale-church",
            "-o",
            str(out),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0
    assert result.stderr == "" and result.stdout == ""
    assert out.read_text(encoding="utf-8").startswith("zh\ten\t")


@pytest.mark.parametrize("quiet", [False, True])
def test_align_on_a_terminal_shows_every_stage_unless_quiet(
    quiet: bool, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from bitext.cli.main import main

    terminal = FakeTerminal()
    monkeypatch.setattr(sys, "stderr", terminal)
    argv = [
        "align",
        str(CORPUS / "zh-Hant.sentences.txt"),
        str(CORPUS / "en.sentences.txt"),
        "--presegmented",
        "--method",
        "gale-church",
        "-o",
        str(tmp_path / "x.tsv"),
    ]
    assert main([*argv, "--quiet"] if quiet else argv) == 0
    drawn = terminal.getvalue()
    if quiet:
        assert drawn == ""  # not even the reading that happens before the output options are looked at
    else:
        assert "reading" in drawn and "splitting sentences" in drawn and "writing tsv" in drawn
