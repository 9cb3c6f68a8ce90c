"""Digests of the aligner's output, to show that a speed or memory change left it exactly as it was.

    PYTHONPATH=src python benchmarks/output_digest.py > after.txt
    PYTHONPATH=/path/to/old/src python benchmarks/output_digest.py > before.txt
    diff before.txt after.txt                       # no output: identical to the bit

For each document set and scorer preset, one line: the SHA-256 of every bead score of the band (the
lattice, float32 bytes), of the first pass's path, and of the beads themselves (sentences, confidence,
score, posterior). Sets: the bundled corpus, the six MAC-Dev chapters, FLORES devtest as one 1,012-sentence
document (long enough for the first pass's projection and coarse-to-fine halving), FLORES's synthetic
``long`` and ``delete`` documents, and 10,000 tiny lines a side (several of the sparse vectors' dense chunks).
"""

from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import numpy as np

import _synthetic as synthetic
from bitext.align import build_scorers, model_for, scorer_names
from bitext.align.aligner import SentenceAligner
from bitext.document import Document
from bitext.segment import segment


def tiny_case(count: int) -> tuple[Document, Document]:
    """Lines of 2-5 Han characters against lines of 1-3 words, as benchmarks/extremes.py's tiny-N."""
    rng = random.Random(5)
    hanzi = [ch for line in synthetic.flores_articles() for zh, _en in line for ch in zh if "\u4e00" <= ch <= "\u9fff"]
    words = [w for line in synthetic.flores_articles() for _zh, en in line for w in en.split() if w.isalpha()]
    zh = "\n".join("".join(rng.choice(hanzi) for _ in range(rng.randint(2, 5))) + "。" for _ in range(count))
    en = "\n".join(" ".join(rng.choice(words) for _ in range(rng.randint(1, 3))) + "." for _ in range(count))
    return segment(zh, "zh", presegmented=True), segment(en, "en", presegmented=True)


def document_sets(tiny: int) -> dict[str, list[tuple[Document, Document]]]:
    flores = [pair for article in synthetic.flores_articles() for pair in article]
    whole = synthetic.Case("flores/all", [zh for zh, _ in flores], [en for _, en in flores], [])
    return {
        "corpus": [synthetic.corpus_case().documents()],
        "mac-dev": [case.documents() for case in synthetic.mac_dev()],
        "flores-all": [whole.documents()],
        "flores-long": [case.documents() for case in synthetic.synthetic("long")],
        "flores-delete": [case.documents() for case in synthetic.synthetic("delete")],
        f"tiny-{tiny}": [tiny_case(tiny)],
    }


def digest(aligner: SentenceAligner, zh: Document, en: Document) -> tuple[str, str, str]:
    prepared = aligner.prepare(zh, en)
    lattice = aligner.score_lattice(prepared)
    beads = aligner.align(zh, en)
    rows = [(b.zh_ids, b.en_ids, b.score, b.scores.get("score"), b.scores.get("posterior")) for b in beads]
    return (
        np.ascontiguousarray(lattice.flat, dtype=np.float32).tobytes().hex(),
        repr(prepared.first_path),
        repr(rows),
    )


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scorers", nargs="*", default=["lexical", "all"])
    parser.add_argument("--sets", nargs="*", help="only these document sets")
    parser.add_argument("--tiny", type=int, default=10_000, help="tiny lines a side (default 10,000)")
    args = parser.parse_args()
    for scorer in args.scorers:
        names = scorer_names(scorer)
        aligner = SentenceAligner(build_scorers(names, None), model_for(names))
        for name, pairs in document_sets(args.tiny).items():
            if args.sets and name not in args.sets:
                continue
            hashes = [hashlib.sha256() for _ in range(3)]
            for zh, en in pairs:
                for h, part in zip(hashes, digest(aligner, zh, en), strict=True):
                    h.update(part.encode())
            print(scorer, name, *(h.hexdigest()[:16] for h in hashes), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
