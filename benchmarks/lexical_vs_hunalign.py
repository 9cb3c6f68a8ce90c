"""`bitext batch --scorer lexical` against hunalign on 24 literary chapters, each in one batch process.

    python benchmarks/lexical_vs_hunalign.py --hunalign PATH/TO/hunalign
    python benchmarks/lexical_vs_hunalign.py --hunalign PATH/TO/hunalign --trees OLD/src src --repeat 3

Issue 17's case: 24 chapters aligned by one process, hunalign against the model-free mode. The chapters
are the six MAC-Dev chapters four times over (13,656 sentences, both sides), one sentence a line.
hunalign (its own ``-batch`` mode, an empty dictionary: length only, as hunalign is usually run without
a dictionary for this language pair) reads them as they are; bitext runs
``bitext batch ZH_DIR EN_DIR --presegmented --scorer lexical --jobs 0`` twice: aligning only
(``--no-entities --format align``) and with the batch's default outputs (TSV, entity pairs, QA flags).
Every run is a fresh process; wall time and CPU time (the child's user + system) are printed, with the
ratio of each to hunalign's of the same repeat. ``--trees`` runs bitext from each source folder in turn
(before/after in one run). hunalign is not a dependency of bitext: build it from its source
(github.com/danielvarga/hunalign, ``make -C src/hunalign``) and pass the binary's path.

``--bytecode`` runs bitext with Python's bytecode cache on (in a folder of the scratch directory, filled by an
untimed run of each tree first), as an installed package runs; without it the runs inherit the environment's
setting (``PYTHONDONTWRITEBYTECODE=1`` makes every run compile bitext's modules from source, about 0.05-0.1 s
of CPU here). The first line says which.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic as synthetic

COPIES = 4
BITEXT_CONFIGS = {
    "align only": ["--no-entities", "--format", "align"],
    "batch defaults (TSV, entities, QA)": [],
}


def write_chapters(folder: Path) -> tuple[Path, Path, int]:
    zh_dir, en_dir = folder / "zh", folder / "en"
    zh_dir.mkdir()
    en_dir.mkdir()
    total = 0
    for copy in range(COPIES):
        for case in synthetic.mac_dev():
            name = f"{copy}-{Path(case.name).name}.txt"
            (zh_dir / name).write_text("\n".join(case.zh) + "\n", encoding="utf-8")
            (en_dir / name).write_text("\n".join(case.en) + "\n", encoding="utf-8")
            total += len(case.zh) + len(case.en)
    return zh_dir, en_dir, total


def timed(command: list[str], env: dict[str, str] | None, folder: Path) -> tuple[float, float]:
    """(wall seconds, CPU seconds of the child) of one command, run in ``folder`` (hunalign writes a
    translate.txt into its working folder)."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    started = time.perf_counter()
    subprocess.run(command, check=True, env=env, cwd=folder, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    wall = time.perf_counter() - started
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--hunalign", required=True, help="path of a hunalign binary")
    parser.add_argument("--trees", nargs="*", help="bitext source folders to compare (default: the installed one)")
    parser.add_argument("--repeat", type=int, default=2)
    parser.add_argument("--bytecode", action="store_true", help="Python's bytecode cache on, as an installed package")
    args = parser.parse_args()
    trees = args.trees or [None]
    results: dict[str, list[tuple[float, float]]] = {}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        zh_dir, en_dir, total = write_chapters(folder)
        dictionary = folder / "null.dic"
        dictionary.write_text("", encoding="utf-8")
        batch = folder / "hunalign.batch"
        (folder / "ladders").mkdir()
        batch.write_text(
            "".join(f"{z}\t{en_dir / z.name}\t{folder / 'ladders' / z.name}\n" for z in sorted(zh_dir.iterdir())),
            encoding="utf-8",
        )
        if args.bytecode:
            os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
            os.environ["PYTHONPYCACHEPREFIX"] = str(folder / "pycache")  # one per tree: the paths differ
        bytecode = "off" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on"
        print(
            f"{COPIES * 6} chapters, {total:,} sentences (both sides); bytecode cache {bytecode}; "
            f"load average {os.getloadavg()[0]:.1f}"
        )
        for repeat in range(-1 if args.bytecode else 0, args.repeat):  # -1: the untimed run filling the cache
            runs = [("hunalign", [str(Path(args.hunalign).resolve()), "-batch", str(dictionary), str(batch)], None)]
            for tree in trees:
                env = dict(os.environ)
                if tree:
                    env["PYTHONPATH"] = str(Path(tree).resolve())
                for name, options in BITEXT_CONFIGS.items():
                    out = folder / f"out-{repeat}-{len(runs)}"
                    command = [sys.executable, "-m", "bitext", "batch", str(zh_dir), str(en_dir), "-o", str(out)]
                    command += ["--presegmented", "--scorer", "lexical", "--jobs", "0", "-q", *options]
                    runs.append((f"{tree or 'bitext'}: {name}", command, env))
            for label, command, env in runs:
                measured = timed(command, env, folder)
                if repeat >= 0:
                    results.setdefault(label, []).append(measured)
        print(f"load average after: {os.getloadavg()[0]:.1f}\n")
        print("| run | wall time (each repeat) | CPU time (each repeat) | wall / hunalign | CPU / hunalign |")
        print("|---|---|---|---:|---:|")
        base = results["hunalign"]
        for label, measured in results.items():
            walls = ", ".join(f"{w:.2f} s" for w, _c in measured)
            cpus = ", ".join(f"{c:.2f} s" for _w, c in measured)
            wall_ratio = statistics.median(w / b[0] for (w, _c), b in zip(measured, base, strict=True))
            cpu_ratio = statistics.median(c / max(b[1], 1e-3) for (_w, c), b in zip(measured, base, strict=True))
            print(f"| {label} | {walls} | {cpus} | {wall_ratio:.1f}× | {cpu_ratio:.1f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
