"""Sentence segmentation quality and speed on real data, per dataset, language and splitter.

    python benchmarks/segment_quality.py [--data ../shared/data] [--repeat 3] [--errors 10]
                                        [--only flores/eng_Latn] [--splitter rules]

Each dataset is one sentence per line, as split by its authors. The lines are re-joined into
paragraphs (FLORES-200: each document = the consecutive lines sharing a doc_idx in devtest_docs.tsv;
MAC-Dev: each chapter), English with a space and Chinese with nothing, one paragraph per line of a
text; bitext re-splits that text and every sentence end inside a paragraph is compared with the
original line ends. Paragraph ends are given, so they are not counted. FLORES lines are translation
units and some hold two or three sentences, so FLORES is also scored against a "sentences" reference:
the line ends plus the sentence ends inside lines judged by hand in
``benchmarks/data/flores_internal_boundaries.tsv``. ``--errors`` prints the errors against the best
reference. Speed is the number of gold lines segmented per second (best of ``--repeat`` runs), and,
because the machine is shared and noisy, also as a ratio to the language's default splitter measured
in the same run.
"""

from __future__ import annotations

import argparse
import csv
import math
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from bitext.segment import default_splitter_name, segment, splitter_names

ROOT = Path(__file__).resolve().parents[1]
DEFAULT_DATA = ROOT.parent / "shared" / "data"
JOINERS = {"en": " ", "zh": ""}
MIN_TIMING = 0.25  # seconds
JUDGED = Path(__file__).resolve().parent / "data" / "flores_internal_boundaries.tsv"


@dataclass
class Dataset:
    name: str
    lang: str
    paragraphs: list[list[str]]  # each paragraph is its gold lines
    # Hand-judged sentence ends inside lines (offsets into each line), where the lines are not sentences.
    inner_ends: list[list[list[int]]] | None = None


@dataclass
class Score:
    precision: float
    recall: float
    f1: float
    errors: list[tuple[str, int, str]]  # (kind, offset, context)


def flores(data: Path) -> Iterator[Dataset]:
    table = data / "flores200-devtest" / "devtest_docs.tsv"
    with table.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    judged = _judged_inner_ends()
    for column, lang in (("eng_Latn", "en"), ("zho_Hant", "zh"), ("zho_Hans", "zh")):
        documents: dict[str, list[str]] = {}
        inner: dict[str, list[list[int]]] = {}
        for row in rows:
            documents.setdefault(row["doc_idx"], []).append(row[column].strip())
            inner.setdefault(row["doc_idx"], []).append(judged.get((column, row["sent_idx"]), []))
        yield Dataset(f"flores/{column}", lang, list(documents.values()), list(inner.values()))


def _judged_inner_ends() -> dict[tuple[str, str], list[int]]:
    """(column, sent_idx) -> offsets where a sentence ends inside that FLORES line, judged by hand."""
    ends: dict[tuple[str, str], list[int]] = {}
    lines = (line for line in JUDGED.read_text(encoding="utf-8").splitlines() if not line.startswith("#"))
    for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE):
        if row["boundary"] == "yes":
            ends.setdefault((row["column"], row["sent_idx"]), []).append(int(row["offset"]))
    return ends


def mac_dev(data: Path) -> Iterator[Dataset]:
    for side, lang in (("en", "en"), ("zh", "zh")):
        chapters = sorted((data / "mac-dev" / side).iterdir())
        paragraphs = [
            [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
            for path in chapters
        ]
        yield Dataset(f"mac-dev/{side}", lang, paragraphs)


def build_text(dataset: Dataset) -> tuple[str, set[int], set[int] | None]:
    """The re-joined text, the offsets where a gold line ends inside a paragraph, and (where lines
    were judged) those plus the sentence ends inside lines."""
    joiner = JOINERS[dataset.lang]
    paragraphs: list[str] = []
    line_ends: set[int] = set()
    inner_ends: set[int] = set()
    offset = 0
    for number, lines in enumerate(dataset.paragraphs):
        judged = dataset.inner_ends[number] if dataset.inner_ends else [[] for _ in lines]
        for index, (line, ends) in enumerate(zip(lines, judged, strict=True)):
            inner_ends.update(offset + end for end in ends)
            offset += len(line)
            if index < len(lines) - 1:
                line_ends.add(offset)
                offset += len(joiner)
        offset += 1  # the newline closing the paragraph
        paragraphs.append(joiner.join(lines))
    sentence_ends = line_ends | inner_ends if dataset.inner_ends else None
    return "\n".join(paragraphs) + "\n", line_ends, sentence_ends


def predicted_boundaries(text: str, lang: str, splitter: str) -> tuple[set[int], float]:
    started = time.perf_counter()
    document = segment(text, lang, splitter=splitter)  # type: ignore[arg-type]
    elapsed = time.perf_counter() - started
    paragraph_ends = {end for _start, end in document.paragraph_offsets}
    return {end for _start, end in document.sentence_offsets if end not in paragraph_ends}, elapsed


def score(text: str, gold: set[int], predicted: set[int]) -> Score:
    hits = len(gold & predicted)
    precision = hits / len(predicted) if predicted else 1.0
    recall = hits / len(gold) if gold else 1.0
    f1 = 2 * precision * recall / (precision + recall) if precision + recall else 0.0
    errors = [("missed", at, _context(text, at)) for at in sorted(gold - predicted)]
    errors += [("extra", at, _context(text, at)) for at in sorted(predicted - gold)]
    return Score(precision, recall, f1, errors)


def _context(text: str, at: int, width: int = 60) -> str:
    return (text[max(0, at - width) : at] + " ‖ " + text[at : at + width]).replace("\n", " ¶ ")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--repeat", type=int, default=3, help="timing runs per splitter (best is reported)")
    parser.add_argument("--errors", type=int, default=0, help="print up to N boundary errors per row")
    parser.add_argument("--only", help="run only this dataset, e.g. flores/zho_Hant")
    parser.add_argument("--splitter", help="run only this splitter name")
    args = parser.parse_args(argv)
    if not args.data.is_dir():
        print(f"no data at {args.data}", file=sys.stderr)
        return 2

    print("| dataset | splitter | reference | boundaries | P | R | F1 | lines/s | speed vs default |")
    print("|---|---|---|---:|---:|---:|---:|---:|---:|")
    for dataset in [*flores(args.data), *mac_dev(args.data)]:
        if not args.only or dataset.name == args.only:
            report(dataset, args.splitter, args.repeat, args.errors)
    return 0


def report(dataset: Dataset, only_splitter: str | None, repeat: int, errors: int) -> None:
    text, line_ends, sentence_ends = build_text(dataset)
    references = {"lines": line_ends, "sentences (judged)": sentence_ends}
    lang = dataset.lang
    default = default_splitter_name(lang)  # type: ignore[arg-type]
    names = [n for n in splitter_names(lang) if n in (only_splitter, default) or not only_splitter]  # type: ignore[arg-type]
    predicted, seconds = time_splitters(text, lang, names, repeat)
    lines_per_second = {name: sum(len(p) for p in dataset.paragraphs) / seconds[name] for name in names}
    for name in names:
        ratio = lines_per_second[name] / lines_per_second[default]
        for reference, gold in references.items():
            if gold is None:
                continue
            result = score(text, gold, predicted[name])
            print(
                f"| {dataset.name} | {name} | {reference} | {len(gold)} | {result.precision:.3f} | "
                f"{result.recall:.3f} | {result.f1:.3f} | {lines_per_second[name]:,.0f} | {ratio:.2f}x |"
            )
            if gold is sentence_ends or sentence_ends is None:  # errors against the best reference only
                for kind, _at, context in result.errors[:errors]:
                    print(f"    {kind:6} {context}", file=sys.stderr)


def time_splitters(text: str, lang: str, names: list[str], repeat: int) -> tuple[dict[str, set[int]], dict[str, float]]:
    """Each splitter's boundaries and its best time per pass over ``text``.

    A timing repeats the pass until it lasts at least ``MIN_TIMING`` seconds (a single pass of the
    fast splitters is a few milliseconds, below the scheduling noise of a shared machine), and the
    splitters take turns, so a burst of load from other processes hits all of them alike.
    """
    predicted: dict[str, set[int]] = {}
    passes: dict[str, int] = {}
    for name in names:
        segment("Warm up. 預熱。", lang, splitter=name)  # type: ignore[arg-type]  # imports and models
        predicted[name], elapsed = predicted_boundaries(text, lang, name)
        passes[name] = max(1, math.ceil(MIN_TIMING / max(elapsed, 1e-6)))
    seconds = dict.fromkeys(names, float("inf"))
    for _ in range(max(1, repeat)):
        for name in names:
            started = time.perf_counter()
            for _ in range(passes[name]):
                segment(text, lang, splitter=name)  # type: ignore[arg-type]
            seconds[name] = min(seconds[name], (time.perf_counter() - started) / passes[name])
    return predicted, seconds


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
