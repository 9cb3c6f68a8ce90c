"""Where a bitext command spends its CPU time, sampled: a stack every millisecond of CPU (or every timer
tick of the kernel, if coarser), no tracing.

    python benchmarks/cpu_profile.py -- align zh.txt en.txt --scorer lexical -q -o out.tsv
    python benchmarks/cpu_profile.py --top 40 --match entities,qa -- align zh.txt en.txt -o out.tsv

cProfile slows small Python functions several times more than C calls, so its shares mislead on code like
the entity step; a SIGPROF sampler costs the same per sample wherever the program is. Prints the CPU time
of the command (after the imports) and, per function (``file:function``), the CPU time estimated from the
share of samples that had it on the stack (inclusive) and on top (self). Unix only (``setitimer``).
"""

from __future__ import annotations

import argparse
import collections
import os
import signal
import sys
import time
from types import FrameType


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--top", type=int, default=30, help="functions listed (default 30)")
    parser.add_argument("--match", default="", help="list only functions whose file:name holds one of these")
    parser.add_argument("--interval", type=float, default=0.001, help="CPU seconds between samples")
    parser.add_argument("command", nargs=argparse.REMAINDER, help="bitext's arguments, after --")
    args = parser.parse_args()
    command = args.command[1:] if args.command[:1] == ["--"] else args.command
    inclusive: collections.Counter[str] = collections.Counter()
    own: collections.Counter[str] = collections.Counter()
    samples = 0

    def sample(signum: int, frame: FrameType | None) -> None:
        nonlocal samples
        samples += 1
        seen = set()
        top = True
        while frame is not None:
            key = f"{os.path.basename(frame.f_code.co_filename)}:{frame.f_code.co_name}"
            if top:
                own[key] += 1
                top = False
            if key not in seen:
                inclusive[key] += 1
                seen.add(key)
            frame = frame.f_back

    from bitext.cli.main import main as bitext_main

    signal.signal(signal.SIGPROF, sample)
    signal.setitimer(signal.ITIMER_PROF, args.interval, args.interval)
    start = time.process_time()
    status = bitext_main(command)
    total = time.process_time() - start
    signal.setitimer(signal.ITIMER_PROF, 0, 0)
    wanted = [part for part in args.match.split(",") if part]
    print(f"bitext {' '.join(command)}: exit {status}, CPU {total:.2f} s after imports, {samples} samples")
    for title, counts in (("inclusive", inclusive), ("self", own)):
        print(title)
        listed = [(key, n) for key, n in counts.most_common() if not wanted or any(w in key for w in wanted)]
        for key, n in listed[: args.top]:
            print(f"  {n / max(1, samples) * total:7.2f} s  {key}")
    sys.exit(0)


if __name__ == "__main__":
    main()
