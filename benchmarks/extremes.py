"""Extreme inputs: time and peak memory of ``bitext align`` end to end, one fresh process per run.

    python benchmarks/extremes.py                      # every case, --format align and the full TSV export
    python benchmarks/extremes.py --only line-100k,line-300k --formats align
    python benchmarks/extremes.py --quick              # line-100k and tiny-20k only

Cases (built from ../shared/data/flores200-devtest, written to a temporary folder):

* ``line-100k``, ``line-300k``, ``line-1m``: one Chinese line of that many characters with no punctuation
  and no space (FLORES zho_Hant's Han characters run together, repeated: a PDF dump or a table), against
  FLORES eng_Latn devtest as it is (1,012 sentences). The whole line is one sentence of the output.
* ``tiny-200k``: 200,000 tiny lines a side (two to five Han characters and a full stop; one to three words
  and a full stop), ``--presegmented``; ``tiny-20k`` is the same at a tenth.
* ``news-10k``: a 10,000-sentence news document: FLORES devtest's 281 documents (zho_Hant and eng_Latn)
  concatenated in a shuffled order, ten rounds (10,120 sentences a side).

Each case runs ``python -m bitext align ZH EN -o OUT`` with ``--format align`` (the aligner alone) and
``--format tsv`` (the full export: entity pairs and QA flags too), in a child process measured with
``os.wait4``: wall time, CPU time (user + system) and peak resident memory (``ru_maxrss``). The TSV run
is also given as a ratio to the align run of the same case. The machine's 2 cores are shared with other
jobs, so wall time can be several times the CPU time: the 1-minute load average is printed with each run.
A run over ``--timeout`` seconds is stopped and reported as such.
"""

from __future__ import annotations

import argparse
import csv
import os
import random
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

import regex

ROOT = Path(__file__).resolve().parents[1]
FLORES = ROOT.parent / "shared" / "data" / "flores200-devtest"
CASES = ("line-100k", "line-300k", "line-1m", "tiny-200k", "news-10k")
QUICK = ("line-100k", "tiny-20k")
FORMATS = ("align", "tsv")


def flores_documents() -> list[tuple[list[str], list[str]]]:
    """FLORES devtest's documents as (zho_Hant lines, eng_Latn lines), in file order."""
    zh = (FLORES / "zho_Hant.devtest").read_text(encoding="utf-8").splitlines()
    en = (FLORES / "eng_Latn.devtest").read_text(encoding="utf-8").splitlines()
    with open(FLORES / "devtest_docs.tsv", encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    documents: dict[str, list[int]] = {}
    for number, row in enumerate(rows):
        documents.setdefault(row.get("doc_idx") or row.get("doc_id") or str(number), []).append(number)
    return [([zh[i] for i in lines], [en[i] for i in lines]) for lines in documents.values()]


def long_line(characters: int) -> tuple[str, str]:
    han = "".join(regex.findall(r"\p{Han}", (FLORES / "zho_Hant.devtest").read_text(encoding="utf-8")))
    line = (han * (characters // len(han) + 1))[:characters]
    return line + "\n", (FLORES / "eng_Latn.devtest").read_text(encoding="utf-8")


def tiny_lines(count: int) -> tuple[str, str]:
    rng = random.Random(17)
    han = "".join(regex.findall(r"\p{Han}", (FLORES / "zho_Hant.devtest").read_text(encoding="utf-8")))
    words = regex.findall(r"[A-Za-z]+", (FLORES / "eng_Latn.devtest").read_text(encoding="utf-8"))
    zh_lines, en_lines = [], []
    for _ in range(count):
        start = rng.randrange(len(han) - 5)
        zh_lines.append(han[start : start + rng.randint(2, 5)] + "。")
        en_lines.append(" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))).capitalize() + ".")
    return "\n".join(zh_lines) + "\n", "\n".join(en_lines) + "\n"


def news(rounds: int = 10) -> tuple[str, str]:
    documents = flores_documents()
    rng = random.Random(29)
    zh_paragraphs, en_paragraphs = [], []
    for _ in range(rounds):
        order = list(range(len(documents)))
        rng.shuffle(order)
        for k in order:
            zh_paragraphs.append("".join(documents[k][0]))
            en_paragraphs.append(" ".join(documents[k][1]))
    return "\n".join(zh_paragraphs) + "\n", "\n".join(en_paragraphs) + "\n"


BUILDERS: dict[str, tuple[Callable[[], tuple[str, str]], list[str]]] = {
    "line-100k": (lambda: long_line(100_000), []),
    "line-300k": (lambda: long_line(300_000), []),
    "line-1m": (lambda: long_line(1_000_000), []),
    "tiny-200k": (lambda: tiny_lines(200_000), ["--presegmented"]),
    "tiny-20k": (lambda: tiny_lines(20_000), ["--presegmented"]),
    "news-10k": (lambda: news(10), []),
}


def measure(argv: list[str], timeout: float) -> dict[str, object]:
    """Wall seconds, CPU seconds and peak RSS (MB) of one child process, or its failure."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    start = time.perf_counter()
    child = subprocess.Popen(argv, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    timer = threading.Timer(timeout, lambda: child.send_signal(signal.SIGKILL))
    timer.start()
    try:
        _pid, status, usage = os.wait4(child.pid, 0)
    finally:
        timer.cancel()
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    stderr = child.stderr.read().decode(errors="replace") if child.stderr else ""
    outcome = "ok" if child.returncode == 0 else ("timeout" if wall >= timeout else f"exit {child.returncode}")
    return {
        "outcome": outcome,
        "wall": wall,
        "cpu": usage.ru_utime + usage.ru_stime,
        "rss_mb": usage.ru_maxrss / 1024,  # kilobytes on Linux
        "error": stderr.strip().splitlines()[-1] if outcome != "ok" and stderr.strip() else "",
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--only", help=f"comma-separated cases (default: {','.join(CASES)})")
    parser.add_argument("--quick", action="store_true", help=f"only {', '.join(QUICK)}")
    parser.add_argument("--formats", default=",".join(FORMATS), help="comma-separated: align, tsv")
    parser.add_argument("--scorer", default="all", help="bitext align --scorer (default: all)")
    parser.add_argument("--timeout", type=float, default=900, help="seconds before a run is stopped")
    args = parser.parse_args()
    cases = QUICK if args.quick else tuple(args.only.split(",")) if args.only else CASES
    formats = [name for name in args.formats.split(",") if name]
    print(f"scorer {args.scorer}; wall and CPU seconds, peak RSS in MB; tsv/align ratios per case")
    header = ("case", "format", "outcome", "wall s", "cpu s", "RSS MB", "cpu ×", "RSS ×", "load")
    widths = (-11, -7, -9, 8, 8, 9, 7, 7, 6)
    print("".join(f"{text:<{-w}}" if w < 0 else f"{text:>{w}}" for text, w in zip(header, widths, strict=True)))
    with tempfile.TemporaryDirectory(prefix="bitext-extremes-") as folder:
        for case in cases:
            build, options = BUILDERS[case]
            zh, en = build()
            zh_path, en_path = Path(folder) / f"{case}.zh.txt", Path(folder) / f"{case}.en.txt"
            zh_path.write_text(zh, encoding="utf-8")
            en_path.write_text(en, encoding="utf-8")
            baseline = None
            for name in formats:
                out = Path(folder) / f"{case}.{name}"
                argv = [sys.executable, "-m", "bitext", "align", str(zh_path), str(en_path), "-q"]
                argv += ["--format", name, "-o", str(out), "--scorer", args.scorer, *options]
                figures = measure(argv, args.timeout)
                if name == "align" and figures["outcome"] == "ok":
                    baseline = figures
                ratios = ("", "")
                if baseline is not None and name != "align" and figures["outcome"] == "ok":
                    ratios = (
                        f"{figures['cpu'] / baseline['cpu']:.2f}",  # type: ignore[operator]
                        f"{figures['rss_mb'] / baseline['rss_mb']:.2f}",  # type: ignore[operator]
                    )
                print(
                    f"{case:<11}{name:<7}{figures['outcome']:<9}{figures['wall']:>8.1f}{figures['cpu']:>8.1f}"
                    f"{figures['rss_mb']:>9.0f}{ratios[0]:>7}{ratios[1]:>7}{os.getloadavg()[0]:>6.1f}"
                    + (f"  {figures['error']}" if figures["error"] else ""),
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
