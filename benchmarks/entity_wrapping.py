"""Issue 13's property measured: hard-wrapping a document leaves its entity table's (zh, en) rows unchanged.

    python benchmarks/entity_wrapping.py [--gold-dir DIR] [--source legal] [--part dev|all]
                                         [--widths 20/50,28/60,35/70,40/80] [--layouts wrapped,auto]
    python benchmarks/entity_wrapping.py --article [--widths …]

Each document of the gold (resolved as benchmarks/entity_gold.py does; only the DEV part of the main gold,
never its test part) is read one line a paragraph (``layout="lines"``) and hard-wrapped at each Chinese/English
width pair: the Chinese cut every N characters, the English filled at M columns (textwrap, no word broken),
a blank line between paragraphs, as tests/test_entities_wrapped_documents.py does. A run differs when its
(zh, en) rows are not the unwrapped ones; each such run is printed with the rows gained and lost and whether
the sentence alignment (the beads' sentence numbers) changed. ``--article`` measures the bundled article.
"""

from __future__ import annotations

import argparse
import sys
import textwrap
import time
from collections.abc import Iterable, Sequence
from pathlib import Path

BENCHMARKS = Path(__file__).resolve().parent
if str(BENCHMARKS) not in sys.path:
    sys.path.insert(0, str(BENCHMARKS))

import entity_gold  # noqa: E402

ARTICLE = BENCHMARKS.parent / "corpus" / "sensetime-genai"


def wrap_english(text: str, width: int) -> str:
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return "\n\n".join(textwrap.fill(p, width, break_long_words=False, break_on_hyphens=False) for p in paragraphs)


def wrap_chinese(text: str, width: int) -> str:
    paragraphs = [p for p in text.splitlines() if p.strip()]
    return "\n\n".join("\n".join(p[i : i + width] for i in range(0, len(p), width)) for p in paragraphs)


def read(zh: str, en: str, layout: str) -> tuple[set[tuple[str, str]], list[tuple[tuple[int, ...], tuple[int, ...]]]]:
    import bitext

    alignment = bitext.align(bitext.segment(zh, "zh", layout=layout), bitext.segment(en, "en", layout=layout))
    beads = [(bead.zh_ids, bead.en_ids) for bead in alignment.beads]
    return {(pair.zh, pair.en) for pair in bitext.align_entities(alignment)}, beads


def documents(args: argparse.Namespace) -> list[tuple[str, str, str]]:
    if args.article:
        zh = (ARTICLE / "zh-Hant.txt").read_text(encoding="utf-8")
        return [("corpus:sensetime-genai", zh, (ARTICLE / "en.txt").read_text(encoding="utf-8"))]
    gold_dir = Path(args.gold_dir)
    if gold_dir.resolve() == entity_gold.GOLD_DIR.resolve() and args.part != "dev":
        raise SystemExit("the main gold's test part is held out: --part dev")
    resolver = entity_gold.Resolver(entity_gold.find_data(), gold_dir)
    found = entity_gold.load_gold(gold_dir, args.source.split(","), args.part)
    return [(doc_id, *resolver.texts(doc_id)) for doc_id in found]


def measure(docs: Sequence[tuple[str, str, str]], widths: Iterable[tuple[int, int]], layouts: Sequence[str]) -> str:
    runs = differ = moved = 0
    start = time.perf_counter()
    for doc_id, zh, en in docs:
        unwrapped, beads = read(zh, en, "lines")
        for zh_width, en_width in widths:
            wrapped_zh, wrapped_en = wrap_chinese(zh, zh_width), wrap_english(en, en_width)
            for layout in layouts:
                found, found_beads = read(wrapped_zh, wrapped_en, layout)
                runs += 1
                if found != unwrapped:
                    differ += 1
                    moved += found_beads != beads
                    print(
                        f"{doc_id} {zh_width}/{en_width} {layout}: beads {'moved' if found_beads != beads else 'same'}"
                        f", gained {sorted(found - unwrapped)}, lost {sorted(unwrapped - found)}",
                        flush=True,
                    )
    seconds = time.perf_counter() - start
    return f"{differ} of {runs} wrapped runs differ ({moved} with moved beads); {len(docs)} documents, {seconds:.0f} s"


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--article", action="store_true", help="the bundled article instead of a gold")
    parser.add_argument("--gold-dir", default=str(entity_gold.GOLD_DIR))
    parser.add_argument("--source", default="flores,mac,corpus,legal")
    parser.add_argument("--part", choices=("dev", "all"), default="dev")
    parser.add_argument("--widths", default="20/50,28/60,35/70,40/80", help="Chinese/English widths")
    parser.add_argument("--layouts", default="wrapped,auto")
    args = parser.parse_args(list(argv) if argv is not None else None)
    widths = [(int(zh), int(en)) for zh, en in (pair.split("/") for pair in args.widths.split(","))]
    print(measure(documents(args), widths, args.layouts.split(",")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
