"""A free, complete Victorian translation of a Chinese classic (issue 16): Legge's Analects.

Data: ``benchmarks/data/classic/`` (README there: source, licence, how it is cut, how the gold was
made). Each row of a ``.tsv`` file is one of Legge's numbered sections (book.chapter.section) with its
Chinese and English; documents are built from them in two layouts:

- ``chapter``: one paragraph per chapter on both sides;
- ``source``: as Legge prints it, one Chinese paragraph per chapter and one English paragraph per
  numbered section.

Gold: each section is a bead unless ``gold_splits.tsv`` splits it (sentence-level beads judged by
reading both sides). Prints, per aligner: the share of unaligned beads (0-1 and 1-0), strict F1
against the gold, and the ``bitext check`` addition/omission warnings.

    python benchmarks/classic_expansion.py [--layout chapter|source|both] [--scorer all,lexical]
"""

from __future__ import annotations

import argparse
import time
from dataclasses import dataclass
from pathlib import Path

from bitext import align, segment
from bitext.evaluate import evaluate_many

DATA = Path(__file__).resolve().parent / "data" / "classic"


@dataclass
class Section:
    key: str
    zh: str
    en: str

    @property
    def chapter(self) -> str:
        return self.key.rsplit(".", 1)[0]


def read_sections(path: Path) -> list[Section]:
    rows = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, zh, en = line.split("\t")
        rows.append(Section(key, zh.strip(), en.strip()))
    return rows


def read_splits(path: Path, layout: str) -> dict[str, list[tuple[int, int]]]:
    """``key<TAB>zh counts<TAB>en counts[<TAB>layout]``: a section's beads as numbers of sentences per
    bead, e.g. ``2.9.1  1,1  1,2`` (two beads: 1-1 then 1-2); a row naming a layout holds only there."""
    splits: dict[str, list[tuple[int, int]]] = {}
    if not path.exists():
        return splits
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        key, zh, en, *only = line.split("\t")
        if only and only[0] != layout:
            continue
        splits[key] = list(zip((int(x) for x in zh.split(",")), (int(x) for x in en.split(",")), strict=True))
    return splits


def build(sections: list[Section], layout: str) -> tuple[str, str, list[tuple[int, int, int, int]]]:
    """The two texts and each section's character range on both sides."""
    zh_parts: list[str] = []
    en_parts: list[str] = []
    ranges = []
    zh_len = en_len = 0
    previous = None
    for section in sections:
        new_chapter = previous is not None and section.chapter != previous
        zh_sep = "\n\n" if new_chapter else ""
        if layout == "source":
            en_sep = "\n\n" if previous is not None else ""
        else:
            en_sep = "\n\n" if new_chapter else (" " if previous is not None else "")
        zh_parts.append(zh_sep)
        en_parts.append(en_sep)
        zh_len += len(zh_sep)
        en_len += len(en_sep)
        ranges.append((zh_len, zh_len + len(section.zh), en_len, en_len + len(section.en)))
        zh_parts.append(section.zh)
        en_parts.append(section.en)
        zh_len += len(section.zh)
        en_len += len(section.en)
        previous = section.chapter
    return "".join(zh_parts), "".join(en_parts), ranges


def ids_in(offsets: tuple[tuple[int, int], ...], start: int, end: int) -> list[int]:
    return [i for i, (s, e) in enumerate(offsets) if s < end and e > start]


def gold_beads(
    sections: list[Section], ranges: list[tuple[int, int, int, int]], zh_doc, en_doc, splits
) -> list[tuple[list[int], list[int]]]:
    """Each section's sentences (sections that a sentence runs across are one unit, named by its last
    section), cut into beads by ``splits`` where it names the unit."""
    units: list[tuple[str, list[int], list[int]]] = []
    for section, (zs, ze, es, ee) in zip(sections, ranges, strict=True):
        zh_ids = ids_in(zh_doc.sentence_offsets, zs, ze)
        en_ids = ids_in(en_doc.sentence_offsets, es, ee)
        if units and (set(zh_ids) & set(units[-1][1]) or set(en_ids) & set(units[-1][2])):
            # a sentence the segmenter runs across two sections: they are one unit
            _key, last_zh, last_en = units.pop()
            zh_ids, en_ids = sorted(set(last_zh) | set(zh_ids)), sorted(set(last_en) | set(en_ids))
        units.append((section.key, zh_ids, en_ids))
    beads: list[tuple[list[int], list[int]]] = []
    for key, zh_ids, en_ids in units:
        counts = splits.get(key)
        if counts is None:
            beads.append((zh_ids, en_ids))
            continue
        if sum(c[0] for c in counts) != len(zh_ids) or sum(c[1] for c in counts) != len(en_ids):
            raise SystemExit(f"split of {key} does not match its sentences ({len(zh_ids)}, {len(en_ids)})")
        z = e = 0
        for nz, ne in counts:
            beads.append((zh_ids[z : z + nz], en_ids[e : e + ne]))
            z += nz
            e += ne
    return beads


def documents(layout: str):
    out = []
    splits = read_splits(DATA / "gold_splits.tsv", layout)
    for path in sorted(DATA.glob("*.tsv")):
        if path.name == "gold_splits.tsv":
            continue
        sections = read_sections(path)
        zh, en, ranges = build(sections, layout)
        zh_doc, en_doc = segment(zh, "zh"), segment(en, "en")
        out.append((path.stem, zh_doc, en_doc, gold_beads(sections, ranges, zh_doc, en_doc, splits)))
    return out


def check_counts(result) -> tuple[int, int]:
    """The addition and omission flags ``bitext check`` reports for this alignment."""
    from bitext.qa import check

    codes = [flag.code for flag in check(result).flags]
    return codes.count("addition"), codes.count("omission")


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--layout", default="both", choices=["chapter", "source", "both"])
    parser.add_argument("--scorer", default="all,lexical")
    parser.add_argument("--show", action="store_true", help="print each document's wrong beads")
    args = parser.parse_args()
    layouts = ["chapter", "source"] if args.layout == "both" else [args.layout]
    print("| layout | scorer | beads | 0-1 | 1-0 | unaligned share | strict F1 | additions | omissions | CPU s |")
    print("|---|---|---|---|---|---|---|---|---|---|")
    for layout in layouts:
        docs = documents(layout)
        for scorer in args.scorer.split(","):
            started = time.process_time()
            pairs = []
            results = []
            beads = ins = dels = 0
            for _name, zh_doc, en_doc, gold in docs:
                result = align(zh_doc, en_doc, scorer=scorer)
                results.append(result)
                predicted = result.pairs()
                pairs.append((gold, predicted))
                beads += len(predicted)
                ins += sum(1 for z, e in predicted if not z)
                dels += sum(1 for z, e in predicted if not e)
                if args.show:
                    gold_set = {(tuple(z), tuple(e)) for z, e in gold}
                    for z, e in predicted:
                        if (tuple(z), tuple(e)) not in gold_set:
                            zt = "".join(zh_doc.sentences[i].text for i in z)
                            et = " ".join(en_doc.sentences[i].text for i in e)
                            print(f"  {len(z)}-{len(e)} {zt[:40]} || {et[:120]}")
            seconds = time.process_time() - started
            adds = oms = 0
            for result in results:
                a, o = check_counts(result)
                adds += a
                oms += o
            f1 = evaluate_many(pairs).strict.f1
            print(
                f"| {layout} | {scorer} | {beads} | {ins} | {dels} | {(ins + dels) / beads:.3f} | {f1:.3f} "
                f"| {adds} | {oms} | {seconds:.1f} |",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
