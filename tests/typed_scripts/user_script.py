"""A user's script over bitext's public API: ``tests/test_typing.py`` type-checks it with ``mypy --strict``
and runs it."""

from __future__ import annotations

from pathlib import Path

import bitext
from bitext import Alignment, Bead, Document, EntityTable, Evaluation, Method, QAReport, ScriptGuess, Span
from bitext.batch import BatchOptions, BatchSummary, ManifestFile, run_batch
from bitext.formats import Export, ExportData, read_jsonl, save
from bitext.qa import review

ZH = "商湯今日公布業績。收入增長百分之十。"
EN = "SenseTime reported results today. Revenue grew by ten per cent."


def confident_pairs(alignment: Alignment, threshold: float) -> list[tuple[str, str]]:
    return [(zh, en) for zh, en, _bead in alignment.text_pairs(min_score=threshold, drop_unaligned=True)]


def main(folder: Path) -> None:
    zh: Document = bitext.segment(ZH, "zh")
    en: Document = bitext.segment(EN, "en")
    alignment: Alignment = bitext.align(zh, en, scorer="lexical")
    first: Bead = alignment.beads[0]
    ids: tuple[int, ...] = first.zh_ids + first.en_ids
    number: int | None = first.index
    sentence: Span = alignment.zh_spans(first)[0]
    text: str = str(sentence)
    records: list[dict[str, object]] = list(alignment.to_records(min_score=0.0))
    table: EntityTable = bitext.align_entities(alignment)
    pairs_in_bead = table.for_bead(first)
    scores: Evaluation = bitext.evaluate(alignment, alignment.pairs())
    f1: float = scores.strict.f1
    save(Export(alignment, entities=table, doc_id="d1"), folder / "d1.jsonl", "jsonl")
    data: ExportData = read_jsonl(folder / "d1.jsonl")
    header = data.header_for("d1")
    guess: ScriptGuess = bitext.detect_script(ZH)
    method: Method = "gale-church"
    baseline: Alignment = bitext.align(ZH, EN, method=method)
    report: QAReport = review(alignment)[1]
    flags: list[bitext.Flag] = list(report.flags)
    decoded: bitext.DecodedText = bitext.read_text(Path(__file__))
    print(guess.script, len(baseline.beads), len(flags), len(decoded.text))
    print(ids, number, text, len(records), len(pairs_in_bead), f1, header is not None, confident_pairs(alignment, 0.5))
    (folder / "zh.txt").write_text(ZH, encoding="utf-8")
    (folder / "en.txt").write_text(EN, encoding="utf-8")
    (folder / "manifest.tsv").write_text("d1\tzh.txt\ten.txt\n", encoding="utf-8")
    options = BatchOptions(format="parquet", align={"scorer": "lexical"}, entities=False)
    summary: BatchSummary = run_batch(ManifestFile(folder / "manifest.tsv"), folder / "out", options, jobs=0)
    print(summary.ok, summary.corpus)


if __name__ == "__main__":
    import sys

    main(Path(sys.argv[1]))
