"""Sentence-alignment speed and peak memory on long documents, against the Gale–Church baseline.

    python benchmarks/align_speed.py                          # 1k, 5k, 20k, 50k Chinese sentences
    python benchmarks/align_speed.py --sizes 1000 5000 --configs lexical gale-church
    python benchmarks/align_speed.py --chapters               # MAC-Dev as 11.5k sentences, end to end

Documents are built by concatenating the MAC-Dev chapters and FLORES articles (repeated as often as
needed, so long documents contain repeated passages: harder for the search, not easier). Each
measurement runs in a fresh process, so peak RSS (ru_maxrss) is that configuration's own and
start-up (imports, loading the encoder and dictionary) is reported separately from alignment.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic as synthetic

CONFIGS = {
    "gale-church": ["--method", "gale-church"],
    "lexical": ["--scorer", "lexical"],
    "all (default)": ["--scorer", "all"],
}
MAX_GALE_CHURCH = 5_000  # its pure-Python DP takes many minutes beyond this; the ratio is clear by then

_CHILD = r"""
import json, resource, sys, time
started = time.perf_counter()
from bitext.align import align
from bitext.segment import segment
zh_path, en_path, *options = sys.argv[1:]
kwargs = dict(zip(options[0::2], options[1::2]))
zh = segment(open(zh_path, encoding="utf-8").read(), "zh", presegmented=True)
en = segment(open(en_path, encoding="utf-8").read(), "en", presegmented=True)
ready = time.perf_counter()
warm = segment("一。\n二。", "zh", presegmented=True), segment("One.\nTwo.", "en", presegmented=True)
align(*warm, **kwargs)  # loads the encoder and dictionary: start-up, timed apart
loaded = time.perf_counter()
cpu = time.process_time()
alignment = align(zh, en, **kwargs)
done = time.perf_counter()
print(json.dumps({"startup": loaded - started - (ready - started), "read": ready - started,
                  "align": done - loaded, "align_cpu": time.process_time() - cpu, "beads": len(alignment),
                  "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


def build_pair(zh_sentences: int, folder: Path) -> tuple[Path, Path, int]:
    """Files with about ``zh_sentences`` Chinese sentences (and their English), by repetition."""
    pieces = synthetic.mac_dev() + synthetic.synthetic("clean")
    zh: list[str] = []
    en: list[str] = []
    while len(zh) < zh_sentences:
        for case in pieces:
            zh.extend(case.zh)
            en.extend(case.en)
            if len(zh) >= zh_sentences:
                break
    zh_path, en_path = folder / f"zh-{zh_sentences}.txt", folder / f"en-{zh_sentences}.txt"
    zh_path.write_text("\n".join(zh) + "\n", encoding="utf-8")
    en_path.write_text("\n".join(en) + "\n", encoding="utf-8")
    return zh_path, en_path, len(zh) + len(en)


def measure(zh_path: Path, en_path: Path, options: list[str]) -> dict:
    kwargs = []
    for flag, value in zip(options[0::2], options[1::2], strict=True):
        kwargs += [flag.lstrip("-"), value]
    completed = subprocess.run(
        [sys.executable, "-c", _CHILD, str(zh_path), str(en_path), *kwargs], capture_output=True, text=True, check=True
    )
    return json.loads(completed.stdout.strip().splitlines()[-1])


def end_to_end(zh_path: Path, en_path: Path, options: list[str]) -> float:
    """Wall time of the `bitext align` command, start-up included."""
    started = time.perf_counter()
    subprocess.run(
        [
            sys.executable,
            "-m",
            "bitext",
            "align",
            str(zh_path),
            str(en_path),
            "--presegmented",
            "--format",
            "align",
            "-o",
            str(zh_path.with_suffix(".align")),
            *options,
        ],
        check=True,
    )
    return time.perf_counter() - started


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 5000, 20000, 50000])
    parser.add_argument("--configs", nargs="*", default=list(CONFIGS))
    parser.add_argument("--chapters", action="store_true", help="11.5k MAC-Dev sentences through the CLI")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        if args.chapters:
            zh_path, en_path, total = build_pair(4_900, folder)
            print("| configuration | sentences (both sides) | wall time, start-up included |\n|---|---|---|")
            for name in args.configs:
                seconds = end_to_end(zh_path, en_path, CONFIGS[name])
                print(f"| {name} | {total:,} | {seconds:.1f} s |", flush=True)
            return 0
        print(
            "| zh sentences | sentences (both sides) | configuration | start-up | align | per 1,000 sentences | "
            "CPU per 1,000 sentences | peak RSS | time vs Gale–Church |"
        )
        print("|---|---|---|---|---|---|---|---|---|")
        for size in args.sizes:
            zh_path, en_path, total = build_pair(size, folder)
            baseline = None
            for name in args.configs:
                if name == "gale-church" and size > MAX_GALE_CHURCH:
                    print(f"| {size:,} | {total:,} | {name} | – | not run (> {MAX_GALE_CHURCH:,}) | | | | |")
                    continue
                result = measure(zh_path, en_path, CONFIGS[name])
                if name == "gale-church":
                    baseline = result["align"]
                ratio = f"{result['align'] / baseline:.2f}×" if baseline else "–"
                print(
                    f"| {size:,} | {total:,} | {name} | {result['startup']:.1f} s | {result['align']:.1f} s | "
                    f"{1000 * result['align'] / total:.2f} s | {1000 * result['align_cpu'] / total:.2f} s | "
                    f"{result['peak_mb']:.0f} MB | {ratio} |",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
