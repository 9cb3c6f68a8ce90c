"""Entity alignment quality and speed: the bundled corpus against its gold, FLORES-200 by hand check.

    python benchmarks/entity_quality.py bundled [--show]
    python benchmarks/entity_quality.py flores [--data ../shared/data] [--sample 120 --seed 4 --write PATH]
    python benchmarks/entity_quality.py check benchmarks/flores_entity_sample.tsv
    python benchmarks/entity_quality.py speed [--repeat 5]
    python benchmarks/entity_quality.py cost [--sentences 10000]
    python benchmarks/entity_quality.py cli-cost [--sentences 10000] [--long-line 300000]
    python benchmarks/entity_quality.py run-on
    python benchmarks/entity_quality.py anchors

Matching rule (bundled corpus, corpus/sensetime-genai/entities.tsv, one row per gold pair):

* strict: a gold row (zh, en) is found when some predicted pair has ``en`` equal to the gold en and
  the gold zh equal to the pair's ``zh`` or one of its ``variants`` (every Chinese surface linked).
  A predicted pair is correct when it finds at least one gold row. Recall = found rows / gold rows;
  precision = correct pairs / predicted pairs.
* lenient: the same with both sides folded first: Chinese converted to simplified, English lower
  case with everything but letters and digits removed ("U.S." = "US", "SenseTime's" = "SenseTime").

Both are reported with the default sentence aligner (what a user gets) and with the gold sentence
alignment (the entity step alone, without the sentence aligner's mistakes).

FLORES-200 devtest (zho_Hant/eng_Latn, 281 documents, 1-1 lines as beads): every document's table
is computed with co-occurrence pooled over the whole set; the figure is pairs per 1,000 sentences
(mentions linked, and distinct pairs per document). Precision comes from a hand-checked random
sample written by ``--write`` and judged by a person in the ``verdict`` column (``ok`` / ``wrong``,
with a note); ``check`` re-reads it, reports the precision, and says how many of the sampled pairs
the current code still proposes (so a later change cannot silently reuse stale verdicts).
"""

from __future__ import annotations

import argparse
import csv
import random
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import regex

import bitext
from bitext.align import Alignment, Bead
from bitext.entities import EntityPair, align_entities, align_entities_corpus
from bitext.formats.vecalign import parse_alignment
from bitext.script import to_simplified
from bitext.segment import segment

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "sensetime-genai"
DEFAULT_DATA = ROOT.parent / "shared" / "data"
SAMPLE_COLUMNS = ("id", "doc", "zh", "en", "type", "score", "evidence", "zh_sentence", "en_sentence", "verdict", "note")


# ---------------------------------------------------------------- bundled corpus


def read_gold(path: Path = CORPUS / "entities.tsv") -> list[tuple[str, str, str]]:
    with path.open(encoding="utf-8") as handle:
        return [(row["zh"], row["en"], row["type"]) for row in csv.DictReader(handle, delimiter="\t")]


def fold_zh(text: str) -> str:
    return to_simplified(text)


def fold_en(text: str) -> str:
    text = regex.sub(r"['’]s$", "", text)
    return regex.sub(r"[^\p{L}\p{N}]", "", text).lower()


def score_against_gold(pairs: list[EntityPair], gold: list[tuple[str, str, str]], lenient: bool) -> dict[str, object]:
    zh_fold = fold_zh if lenient else (lambda t: t)
    en_fold = fold_en if lenient else (lambda t: t)

    def matches(pair: EntityPair, row: tuple[str, str, str]) -> bool:
        zh_forms = {zh_fold(pair.zh), *(zh_fold(v) for v in pair.variants)}
        return en_fold(pair.en) == en_fold(row[1]) and zh_fold(row[0]) in zh_forms

    found = [row for row in gold if any(matches(p, row) for p in pairs)]
    correct = [p for p in pairs if any(matches(p, row) for row in gold)]
    typed = [p for p in correct if any(matches(p, row) and p.type == row[2] for row in gold)]
    return {
        "precision": len(correct) / len(pairs) if pairs else 0.0,
        "recall": len(found) / len(gold),
        "predicted": len(pairs),
        "correct": len(correct),
        "found": len(found),
        "gold": len(gold),
        "type_accuracy": len(typed) / len(correct) if correct else 0.0,
        "missed": [row for row in gold if row not in found],
        "extra": [p for p in pairs if p not in correct],
    }


def gold_alignment() -> Alignment:
    zh = segment((CORPUS / "zh-Hant.sentences.txt").read_text(encoding="utf-8"), "zh", presegmented=True)
    en = segment((CORPUS / "en.sentences.txt").read_text(encoding="utf-8"), "en", presegmented=True)
    beads = [Bead(tuple(z), tuple(e)) for z, e in parse_alignment((CORPUS / "gold.align").read_text())]
    return Alignment(zh, en, tuple(beads), {"aligner": "gold"})


def default_alignment() -> Alignment:
    zh = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8")
    en = (CORPUS / "en.txt").read_text(encoding="utf-8")
    return bitext.align(zh, en)


def run_bundled(show: bool) -> None:
    gold = read_gold()
    for name, alignment in (("default aligner", default_alignment()), ("gold alignment", gold_alignment())):
        pairs = list(align_entities(alignment))
        strict = score_against_gold(pairs, gold, lenient=False)
        lenient = score_against_gold(pairs, gold, lenient=True)
        print(
            f"bundled, {name} ({alignment.settings.get('aligner')}): "
            f"strict P {strict['precision']:.3f} R {strict['recall']:.3f} "
            f"({strict['correct']}/{strict['predicted']} pairs, {strict['found']}/{strict['gold']} gold rows); "
            f"lenient P {lenient['precision']:.3f} R {lenient['recall']:.3f}; "
            f"type accuracy {strict['type_accuracy']:.3f}"
        )
        for row in strict["missed"]:  # type: ignore[union-attr]
            print(f"    missed  {row[0]} ↔ {row[1]} ({row[2]})")
        for pair in strict["extra"]:  # type: ignore[union-attr]
            print(f"    extra   {pair.zh} ↔ {pair.en} ({pair.type}; {', '.join(pair.evidence)})")
        if show:
            for pair in pairs:
                print(
                    f"    {pair.zh} ↔ {pair.en}  {pair.type} ×{pair.count} {pair.score:.2f}  "
                    f"{'; '.join(pair.evidence)}  variants={','.join(pair.variants)}"
                )


# ---------------------------------------------------------------- FLORES-200


def flores_documents(data: Path) -> list[tuple[str, list[str], list[str]]]:
    """(doc id, Chinese lines, English lines) per FLORES document, in file order."""
    path = data / "flores200-devtest" / "devtest_docs.tsv"
    docs: dict[str, tuple[list[str], list[str]]] = {}
    with path.open(encoding="utf-8") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            zh, en = docs.setdefault(row["doc_idx"], ([], []))
            zh.append(row["zho_Hant"].strip())
            en.append(row["eng_Latn"].strip())
    return [(doc, zh, en) for doc, (zh, en) in docs.items()]


def one_to_one(zh_lines: list[str], en_lines: list[str]) -> Alignment:
    zh = segment("\n".join(zh_lines), "zh", presegmented=True)
    en = segment("\n".join(en_lines), "en", presegmented=True)
    beads = tuple(Bead((i,), (i,)) for i in range(len(zh_lines)))
    return Alignment(zh, en, beads, {"aligner": "gold-1-1"})


def flores_tables(data: Path) -> tuple[list[str], list[Alignment], list[list[EntityPair]]]:
    documents = flores_documents(data)
    alignments = [one_to_one(zh, en) for _, zh, en in documents]
    tables = align_entities_corpus(alignments)
    return [doc for doc, _, _ in documents], alignments, [list(t) for t in tables]


def sample_rows(ids: list[str], alignments: list[Alignment], tables: list[list[EntityPair]]) -> list[dict[str, str]]:
    rows = []
    for doc, alignment, pairs in zip(ids, alignments, tables, strict=True):
        for pair in pairs:
            bead = alignment.beads[pair.beads[0]]
            rows.append(
                {
                    "doc": doc,
                    "zh": pair.zh,
                    "en": pair.en,
                    "type": pair.type,
                    "score": f"{pair.score:.2f}",
                    "evidence": "; ".join(pair.evidence),
                    "zh_sentence": alignment.zh_text(bead),
                    "en_sentence": alignment.en_text(bead),
                    "verdict": "",
                    "note": "",
                }
            )
    return rows


def run_flores(data: Path, sample: int, seed: int, write: Path | None) -> None:
    start = time.perf_counter()
    ids, alignments, tables = flores_tables(data)
    elapsed = time.perf_counter() - start
    sentences = sum(len(a.zh) for a in alignments)
    mentions = sum(p.count for pairs in tables for p in pairs)
    distinct = sum(len(pairs) for pairs in tables)
    print(
        f"FLORES-200 devtest zho_Hant/eng_Latn: {len(alignments)} documents, {sentences} sentence pairs, "
        f"{elapsed:.1f} s including resource loading"
    )
    print(
        f"  {mentions} linked mentions = {1000 * mentions / sentences:.0f} per 1,000 sentences; "
        f"{distinct} distinct pairs per document = {1000 * distinct / sentences:.0f} per 1,000 sentences"
    )
    if write is not None:
        rows = sample_rows(ids, alignments, tables)
        chosen = random.Random(seed).sample(rows, min(sample, len(rows)))
        chosen.sort(key=lambda r: (int(r["doc"]), r["zh"]))
        with write.open("w", encoding="utf-8", newline="") as out:
            writer = csv.DictWriter(out, SAMPLE_COLUMNS, delimiter="\t", lineterminator="\n")
            writer.writeheader()
            for number, row in enumerate(chosen, 1):
                writer.writerow({"id": str(number), **row})
        print(f"  wrote a sample of {len(chosen)} pairs (seed {seed}) to {write}; fill in the verdict column")


def run_check(path: Path, data: Path) -> None:
    with path.open(encoding="utf-8") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t"))
    judged = [r for r in rows if r["verdict"] in ("ok", "wrong")]
    ok = [r for r in judged if r["verdict"] == "ok"]
    print(
        f"{path.name}: {len(judged)} pairs judged, {len(ok)} ok -> precision {len(ok) / len(judged):.3f}"
        if judged
        else f"{path.name}: no verdicts yet"
    )
    ids, _, tables = flores_tables(data)
    current = {(doc, p.zh, p.en) for doc, pairs in zip(ids, tables, strict=True) for p in pairs}
    still = sum(1 for r in rows if (r["doc"], r["zh"], r["en"]) in current)
    print(f"  {still}/{len(rows)} sampled pairs are still proposed by the current code")


# ---------------------------------------------------------------- speed


def run_speed(repeat: int) -> None:
    """Entity alignment of the bundled article, resources loaded first, against sentence alignment."""
    from bitext.entities.lexicon import english_word_case
    from bitext.resources.cedict import load_cedict

    load_cedict()
    english_word_case()
    warm = one_to_one(["蔡英文與李嘉誠在香港會面。"], ["Tsai Ing-wen met Li Ka-shing in Hong Kong."])
    align_entities(warm)  # loads pypinyin, the Cantonese tables and rjieba's dictionary
    zh = (CORPUS / "zh-Hant.txt").read_text(encoding="utf-8")
    en = (CORPUS / "en.txt").read_text(encoding="utf-8")
    sentence_times, entity_times = [], []
    first_entity = None
    for _ in range(repeat):
        start = time.perf_counter()
        alignment = bitext.align(zh, en)
        sentence_times.append(time.perf_counter() - start)
        start = time.perf_counter()
        align_entities(alignment)
        entity_times.append(time.perf_counter() - start)
        first_entity = entity_times[0] if first_entity is None else first_entity
    print(f"bundled article ({len(alignment.zh)} zh / {len(alignment.en)} en sentences), resources loaded:")
    print(
        f"  entity alignment: first call {first_entity * 1000:.0f} ms (name caches cold), "
        f"best of {repeat} {min(entity_times) * 1000:.0f} ms"
    )
    print(
        f"  sentence alignment (bitext.align, same run): best {min(sentence_times) * 1000:.0f} ms; "
        f"ratio entities/sentences (first call) {first_entity / min(sentence_times):.2f}"
    )


def run_cost(sentences: int, data: Path) -> None:
    """Entity alignment of one long news document (FLORES documents concatenated until ``sentences``
    sentence pairs), timed beside its sentence alignment (``scorer="lexical"``) in the same run, and
    the same at a quarter and half the length: a ratio that stays flat as the document grows means
    the entity step grows like the alignment (linearly in mentions), not as beads × pairs. Times are
    CPU time of this process (time.process_time), so other jobs on a shared machine do not count.
    FLORES has 1,012 sentence pairs: past that the text repeats, and the name caches are warm."""
    from bitext.entities.lexicon import english_word_case
    from bitext.resources.cedict import load_cedict

    load_cedict()
    english_word_case()
    align_entities(one_to_one(["蔡英文與李嘉誠在香港會面。"], ["Tsai Ing-wen met Li Ka-shing in Hong Kong."]))
    lines: list[tuple[str, str]] = []
    documents = flores_documents(data)
    while len(lines) < sentences:
        for _, zh, en in documents:
            lines.extend(zip(zh, en, strict=True))
    for size in (sentences // 4, sentences // 2, sentences):
        zh = "\n\n".join(z for z, _ in lines[:size])
        en = "\n\n".join(e for _, e in lines[:size])
        start = time.process_time()
        alignment = bitext.align(zh, en, scorer="lexical")
        aligned = time.process_time() - start
        start = time.process_time()
        table = align_entities(alignment)
        named = time.process_time() - start
        print(
            f"{size:>6} sentence pairs ({len(alignment.beads)} beads): sentence alignment (lexical) {aligned:.1f} s, "
            f"entities {named:.1f} s ({len(table)} entities, {sum(p.count for p in table)} mentions); "
            f"ratio entities/alignment {named / aligned:.2f}"
        )


def run_cli_cost(sentences: int, data: Path, long_line: int) -> None:
    """The whole command, as a user runs it: ``bitext align ZH EN --scorer lexical -o out.tsv`` (sentence
    alignment, entities, QA, export) against ``--format align`` (sentence alignment only) on the same
    long document, in the same run; CPU time of each child process (user + system), wall clock
    beside it, and the machine's load average (the machine is shared). With ``long_line``, the same
    for one paragraph of about that many characters a side (FLORES sentences run together): the
    entity and QA steps must not grow with the square of the mentions in one bead."""
    import os
    import resource
    import subprocess
    import tempfile

    lines: list[tuple[str, str]] = []
    documents = flores_documents(data)
    while len(lines) < sentences:
        for _, zh, en in documents:
            lines.extend(zip(zh, en, strict=True))
    cases = [
        (
            f"{sentences} sentence pairs",
            "\n\n".join(z for z, _ in lines[:sentences]),
            "\n\n".join(e for _, e in lines[:sentences]),
        )
    ]
    if long_line:
        zh_parts: list[str] = []
        en_parts: list[str] = []
        for z, e in lines:
            if sum(map(len, en_parts)) >= long_line:
                break
            zh_parts.append(z)
            en_parts.append(e)
        cases.append(
            (
                f"one line of {sum(map(len, en_parts)):,} / {sum(map(len, zh_parts)):,} characters (en / zh)",
                "".join(zh_parts),
                " ".join(en_parts),
            )
        )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    with tempfile.TemporaryDirectory() as tmp:
        for label, zh, en in cases:
            zh_path, en_path = Path(tmp, "zh.txt"), Path(tmp, "en.txt")
            zh_path.write_text(zh, encoding="utf-8")
            en_path.write_text(en, encoding="utf-8")
            times = {}
            for name, extra in (
                ("--format align", ["--format", "align", "-o", str(Path(tmp, "out.align"))]),
                ("-o out.tsv", ["-o", str(Path(tmp, "out.tsv"))]),
            ):
                command = [
                    sys.executable,
                    "-m",
                    "bitext",
                    "align",
                    str(zh_path),
                    str(en_path),
                    "--scorer",
                    "lexical",
                    "-q",
                    *extra,
                ]
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                wall = time.perf_counter()
                subprocess.run(command, check=True, env=env)
                wall = time.perf_counter() - wall
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                times[name] = cpu
                load = os.getloadavg()[0]
                print(f"{label}: bitext align {name}: CPU {cpu:.1f} s, wall {wall:.1f} s, load average {load:.1f}")
            print(f"{label}: ratio full TSV / --format align (CPU) {times['-o out.tsv'] / times['--format align']:.2f}")


def run_run_on(data: Path) -> None:
    """Entity alignment of one bead made of FLORES sentences joined by commas (a paragraph the
    splitter cannot cut), at 2,000 to 16,000 English characters: CPU time of align_entities alone.
    Each size takes new sentences, so the name caches are not warm from the previous size."""
    lines: list[tuple[str, str]] = []
    for _, zh, en in flores_documents(data):
        lines.extend(zip(zh, en, strict=True))
    align_entities(one_to_one(["蔡英文與李嘉誠在香港會面。"], ["Tsai Ing-wen met Li Ka-shing in Hong Kong."]))
    offset = 0
    for size in (2000, 4000, 8000, 16000):
        zh_parts: list[str] = []
        en_parts: list[str] = []
        while sum(map(len, en_parts)) < size:
            z, e = lines[offset]
            offset += 1
            zh_parts.append(z.rstrip("。"))
            en_parts.append(e.rstrip("."))
        alignment = one_to_one(["，".join(zh_parts) + "。"], [", ".join(en_parts) + "."])
        start = time.process_time()
        table = align_entities(alignment)
        named = time.process_time() - start
        en_chars, zh_chars = sum(map(len, en_parts)), sum(map(len, zh_parts))
        print(
            f"one bead of {en_chars:,} en / {zh_chars:,} zh characters: entities {named:.1f} s CPU, {len(table)} rows"
        )


def run_anchors() -> None:
    """Sentence anchors from entity pairs (bitext.entities.anchors) against the bundled gold beads:
    would they help a second sentence-alignment pass? An anchor is consistent when the gold puts its
    two sentences in one bead; 'missed' anchors are consistent ones the alignment does not honour."""
    from bitext.entities.anchors import sentence_anchors

    gold = gold_alignment()
    gold_links = {(i, j) for bead in gold.beads for i in bead.zh for j in bead.en}
    for method in ("gale-church", "bitext"):
        alignment = bitext.align(gold.zh, gold.en, method=method)
        anchors = sentence_anchors(gold.zh, gold.en, align_entities(alignment))
        links = {(i, j) for bead in alignment.beads for i in bead.zh for j in bead.en}
        consistent = [a for a in anchors if (a.zh_sentence, a.en_sentence) in gold_links]
        missed = [a for a in consistent if (a.zh_sentence, a.en_sentence) not in links]
        weighted = sum(a.weight for a in consistent) / sum(a.weight for a in anchors) if anchors else 0.0
        print(
            f"{method}: {len(anchors)} anchors, {len(consistent)} consistent with the gold beads "
            f"({weighted:.3f} by weight); consistent anchors the alignment misses: {len(missed)}"
        )


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument(
        "what", choices=("bundled", "flores", "check", "speed", "cost", "cli-cost", "run-on", "anchors")
    )
    parser.add_argument("sample_file", nargs="?", type=Path, help="for check: the judged sample")
    parser.add_argument("--data", type=Path, default=DEFAULT_DATA)
    parser.add_argument("--sample", type=int, default=120)
    parser.add_argument("--seed", type=int, default=4)
    parser.add_argument("--write", type=Path)
    parser.add_argument("--show", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--sentences", type=int, default=10000, help="for cost: sentence pairs in the long document")
    parser.add_argument("--long-line", type=int, default=0, help="for cli-cost: also one line of this many characters")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.what == "bundled":
        run_bundled(args.show)
    elif args.what == "flores":
        run_flores(args.data, args.sample, args.seed, args.write)
    elif args.what == "check":
        run_check(args.sample_file, args.data)
    elif args.what == "anchors":
        run_anchors()
    elif args.what == "cost":
        run_cost(args.sentences, args.data)
    elif args.what == "run-on":
        run_run_on(args.data)
    elif args.what == "cli-cost":
        run_cli_cost(args.sentences, args.data, args.long_line)
    else:
        run_speed(args.repeat)
    return 0


if __name__ == "__main__":
    sys.exit(main())
