"""`--scorer lexical` on 24 chapters in one process, a call per chapter: CPU seconds (issue 17's batch case).

    python benchmarks/lexical_chapters.py

The six MAC-Dev chapters four times over (13,656 sentences, both sides), each aligned by its own
``align(..., scorer="lexical")`` call after one warm-up call; process CPU time (``time.process_time``), so
the figure is comparable on a shared machine. Compare trees by running it under each one's source.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

clock = time.process_time
started = clock()

import _synthetic as synthetic  # noqa: E402
from bitext.align import align  # noqa: E402
from bitext.segment import segment  # noqa: E402


def main() -> int:
    cases = synthetic.mac_dev() * 4
    docs = [
        (segment("\n".join(k.zh), "zh", presegmented=True), segment("\n".join(k.en), "en", presegmented=True))
        for k in cases
    ]
    total = sum(len(zh) + len(en) for zh, en in docs)
    align(*docs[0], scorer="lexical")  # loads the gloss index and jieba: start-up
    warm = clock()
    for zh, en in docs:
        align(zh, en, scorer="lexical")
    done = clock()
    print(
        f"{len(docs)} documents, {total:,} sentences: start-up {warm - started:.2f} s, aligning {done - warm:.2f} s "
        f"CPU ({1000 * (done - warm) / total:.3f} s per 1,000 sentences)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
