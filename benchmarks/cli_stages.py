"""The whole command's CPU time by stage, for one or more source trees in the same run (issue 13 item 5).

    python benchmarks/cli_stages.py --sentences 10000 --repeat 3 [--tree OLD_SRC --tree NEW_SRC]
    python benchmarks/cli_stages.py --sentences 10000 --repeat 1 --scorer default   # the CLI's own scorer

The document is ``entity_quality.py cli-cost``'s: FLORES devtest documents joined and cycled to
``--sentences`` sentence pairs, one sentence a paragraph (the text repeats every 1,012 pairs, so name
caches are warm after the first pass); ``--sentences 1012`` is FLORES once, every sentence new. For each
tree (a ``src`` folder; default this checkout's) and each repeat, in turn (tree A, tree B, tree A, ...),
two child processes: ``bitext align ZH EN --scorer lexical --format align -o out.align`` and
``bitext align ZH EN --scorer lexical -o out.tsv`` (entities, QA, TSV). Each child's CPU time (user +
system, from the kernel) gives the ratio; inside the ``-o out.tsv`` child, ``bitext.progress.stage`` is
wrapped to read the process's CPU clock at each stage's start and end, which splits it into start-up
(interpreter, imports, arguments), reading, alignment (between reading and the review), entities ("pairing
names"), QA ("checking beads"), export (from the end of the QA to the end of "writing tsv"), what follows
it until ``main`` returns, and the exit (the rest of the kernel's figure: the interpreter's last collections
and clean-up). The load average is printed with each repeat: the machine is shared, so compare trees within a
run, not across runs.
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

CHILD = r"""
import contextlib, json, sys, time
clock = time.process_time
marks = {"start": clock()}
import bitext.progress as progress
original = progress.stage
@contextlib.contextmanager
def stage(label, **kwargs):
    begin = clock()
    with original(label, **kwargs):
        yield
    marks.setdefault("stages", []).append((label, begin, clock()))
progress.stage = stage
from bitext.cli.main import main
status = main(sys.argv[2:])
marks["end"] = clock()
with open(sys.argv[1], "w") as handle:
    json.dump(marks, handle)
sys.exit(status)
"""


def document(sentences: int, data: Path) -> tuple[str, str]:
    from entity_quality import flores_documents

    lines: list[tuple[str, str]] = []
    for _, zh, en in flores_documents(data):
        lines.extend(zip(zh, en, strict=True))
    lines = (lines * (sentences // len(lines) + 1))[:sentences]
    return "\n\n".join(z for z, _ in lines), "\n\n".join(e for _, e in lines)


def child_cpu(command: list[str], env: dict[str, str]) -> float:
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    subprocess.run(command, env=env, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def split(marks: dict[str, object], whole: float) -> dict[str, float]:
    """Stage CPU seconds from the child's marks (its own CPU clock, which starts with the process);
    ``whole`` is the child's CPU time from the kernel, so what follows the last mark is the exit."""
    stages = {label: (begin, end) for label, begin, end in marks["stages"]}  # type: ignore[union-attr]
    read = stages["reading and splitting sentences"]
    names = stages.get("pairing names", stages["checking beads"])
    return {
        "start-up": read[0],
        "reading": read[1] - read[0],
        "alignment": names[0] - read[1],
        "entities": stages["pairing names"][1] - stages["pairing names"][0] if "pairing names" in stages else 0.0,
        "QA": stages["checking beads"][1] - stages["checking beads"][0],
        # from the end of the QA: building the export, any collection between the two, and writing it
        "export": stages["writing tsv"][1] - stages["checking beads"][1],
        "after the export": float(marks["end"]) - stages["writing tsv"][1],  # type: ignore[arg-type]
        "exit": whole - float(marks["end"]),  # type: ignore[arg-type]
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sentences", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--tree", action="append", type=Path, help="a src folder (repeatable; default: this one)")
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--scorer", default="lexical", help="the scorer (default lexical; 'default': the CLI's own)")
    args = parser.parse_args()
    from entity_gold import find_data

    data = args.data or find_data()
    if data is None:
        raise SystemExit("the shared data folder is not found (pass --data)")
    trees = args.tree or [ROOT / "src"]
    zh, en = document(args.sentences, data)
    print(f"{args.sentences} sentence pairs; trees: {', '.join(map(str, trees))}")
    with tempfile.TemporaryDirectory() as tmp:
        zh_path, en_path, marks_path = Path(tmp, "zh.txt"), Path(tmp, "en.txt"), Path(tmp, "marks.json")
        zh_path.write_text(zh, encoding="utf-8")
        en_path.write_text(en, encoding="utf-8")
        scorer = [] if args.scorer == "default" else ["--scorer", args.scorer]
        base = [str(zh_path), str(en_path), *scorer, "-q"]
        for repeat in range(args.repeat):
            for tree in trees:
                env = dict(os.environ, PYTHONPATH=str(tree))
                load = os.getloadavg()[0]
                plain_command = [sys.executable, "-m", "bitext", "align", *base, "--format", "align"]
                plain = child_cpu([*plain_command, "-o", str(Path(tmp, "out.align"))], env)
                whole = child_cpu(
                    [sys.executable, "-c", CHILD, str(marks_path), "align", *base, "-o", str(Path(tmp, "out.tsv"))], env
                )
                stages = split(json.loads(marks_path.read_text()), whole)
                parts = " ".join(f"{name} {value:.2f}" for name, value in stages.items())
                print(
                    f"repeat {repeat + 1} {tree}: --format align {plain:.2f} s, -o out.tsv {whole:.2f} s, "
                    f"ratio {whole / plain:.2f} | {parts} | load {load:.1f}-{os.getloadavg()[0]:.1f}",
                    flush=True,
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
