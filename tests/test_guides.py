"""The user guides' copy-paste examples run, as written, and succeed.

Every fenced block tagged ``bash`` or ``python`` in ``docs/guide-*.md`` is executed in order, each in a fresh
process, in a scratch folder laid out like the top of the bitext folder. Blocks tagged ``text`` (sample output) or
``bash no-test`` (installing packages) are shown, not run.

To keep the suite fast the scratch folder's ``corpus/sensetime-genai/`` holds an excerpt of the bundled article
(its first paragraphs, the matching sentence files and gold beads): the commands and code are exactly the
guide's; only the input is shorter.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "sensetime-genai"
GUIDES = sorted((ROOT / "docs").glob("guide-*.md"))
FENCE = re.compile(r"^```([^\n`]*)\n(.*?)^```\s*$", re.MULTILINE | re.DOTALL)
RUN = {"bash", "python"}
SHOWN = {"text", "bash no-test"}
PARAGRAPHS = 10  # of each side of the article
GOLD_BEADS = 12


def blocks(guide: Path) -> list[tuple[str, str, int]]:
    """(info string, code, line number) of each fenced block."""
    text = guide.read_text(encoding="utf-8")
    return [(m.group(1).strip(), m.group(2), text.count("\n", 0, m.start()) + 1) for m in FENCE.finditer(text)]


def excerpt_corpus(target: Path) -> None:
    target.mkdir(parents=True)
    for name in ("zh-Hant.txt", "en.txt"):
        paragraphs = (CORPUS / name).read_text(encoding="utf-8").split("\n\n")
        (target / name).write_text("\n\n".join(paragraphs[:PARAGRAPHS]), encoding="utf-8")
    gold = (CORPUS / "gold.align").read_text(encoding="utf-8").splitlines()[:GOLD_BEADS]
    (target / "gold.align").write_text("\n".join(gold) + "\n", encoding="utf-8")
    last = gold[-1].split(":")
    zh_lines, en_lines = int(last[0].strip("[]").split(",")[-1]) + 1, int(last[1].strip("[]").split(",")[-1]) + 1
    for name, count in (("zh-Hant.sentences.txt", zh_lines), ("en.sentences.txt", en_lines)):
        lines = (CORPUS / name).read_text(encoding="utf-8").splitlines()[:count]
        (target / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
    (target / "entities.tsv").write_text((CORPUS / "entities.tsv").read_text(encoding="utf-8"), encoding="utf-8")


def test_every_guide_exists_and_has_runnable_examples() -> None:
    names = {guide.name for guide in GUIDES}
    assert {"guide-nlp-engineer.md", "guide-translator.md", "guide-data-team.md"} <= names
    for guide in GUIDES:
        infos = [info for info, _, _ in blocks(guide)]
        assert sum(info in RUN for info in infos) >= 3, f"{guide.name} has too few tested examples"
        untested = [info for info in infos if info not in RUN | SHOWN]
        assert not untested, f"{guide.name}: blocks tagged {untested} are neither run nor marked as shown"


def without_dask_shutdown_noise(stderr: str) -> str:
    """Standard error less distributed's own log of a heartbeat cut off by the cluster closing.

    On a loaded machine a worker's last heartbeat can race the scheduler's shutdown and distributed logs the
    closed stream with its traceback, after the guide's code has finished and its assertions have passed.
    Only that log record is dropped; any other traceback still fails the test.
    """
    records = re.split(r"(?m)^(?=\d{4}-\d\d-\d\d )", stderr)  # a log record starts with its time stamp
    return "".join(r for r in records if not ("distributed" in r and "Stream is closed" in r))


def run_guide(guide: Path, folder: Path) -> list[str]:
    """Run the guide's blocks in order in ``folder``; a description of each failure."""
    excerpt_corpus(folder / "corpus" / "sensetime-genai")
    env = {**os.environ, "PATH": f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}"}
    for info, code, line in blocks(guide):
        if info not in RUN:
            continue
        command = [sys.executable, "-c", code] if info == "python" else ["bash", "-euo", "pipefail", "-c", code]
        result = subprocess.run(command, cwd=folder, env=env, capture_output=True, text=True, timeout=600)
        if result.returncode != 0 or "Traceback" in without_dask_shutdown_noise(result.stderr):
            return [f"{guide.name}, block at line {line} (exit {result.returncode}):\n{code}\n{result.stderr[-2000:]}"]
    return []


def test_guide_examples_run(tmp_path: Path) -> None:
    # The guides are independent: run them side by side (each block's bitext call is mostly loading resources).
    with ThreadPoolExecutor(max_workers=len(GUIDES)) as pool:
        failures = [f for found in pool.map(lambda g: run_guide(g, tmp_path / g.stem), GUIDES) for f in found]
    assert not failures, "\n\n".join(failures)


def test_only_distributeds_closed_stream_log_is_ignored() -> None:
    noise = (
        "2026-12-07 05:40:01,123 - distributed.worker - ERROR - Failed to communicate with scheduler.\n"
        "Traceback (most recent call last):\n  File 'worker.py'\n"
        "distributed.comm.core.CommClosedError: in <TCP (closed)>: Stream is closed\n"
    )
    failure = "Traceback (most recent call last):\n  File '<string>', line 3\nAssertionError\n"
    assert "Traceback" not in without_dask_shutdown_noise(noise)
    assert "Traceback" in without_dask_shutdown_noise(failure + noise)
    assert "Traceback" in without_dask_shutdown_noise(noise.replace("Stream is closed", "Connection refused"))
