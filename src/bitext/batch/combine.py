"""The combined corpus and the report, rebuilt in manifest order from the per-document files.

Rebuilding both at the end of every run (rather than appending as documents finish) is what makes the
output independent of which worker finished first, and a resumed run's output byte-for-byte a fresh
run's. It streams: one document's file at a time is open, whatever the number of documents.
"""

from __future__ import annotations

import contextlib
import json
import shutil
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from bitext.atomic import atomic_open
from bitext.batch.inputs import DocumentPair, is_duplicate, mark_duplicates
from bitext.batch.per_document import BatchOptions, DocumentReport
from bitext.batch.store import OutputFolder

# Formats whose per-document outputs concatenate into one corpus with a doc_id on every row. Other
# formats (align, tmx, html, …) keep one file per document in OUTDIR/documents/.
COMBINED_FORMATS = ("tsv", "jsonl", "parquet")
REPORT_COLUMNS = (
    "doc_id",
    "status",
    "zh_sentences",
    "en_sentences",
    "beads",
    "mean_score",
    "types",
    "flags",
    "flag_errors",
    "error",
)
NOT_RUN = "not aligned: the run stopped before this document"
# Rows per row group of a combined Parquet corpus: Parquet's readers work a row group at a time, and 64k
# short rows (a bead is a few hundred bytes) make groups of a few MB, the size they are efficient at.
ROW_GROUP_ROWS = 65_536


@dataclass
class Counts:
    total: int = 0
    ok: int = 0
    failed: int = 0


def combine(pairs: Iterable[DocumentPair], folder: OutputFolder, options: BatchOptions) -> tuple[Path | None, Counts]:
    """Write ``report.tsv`` and, for a combinable format, ``corpus.<suffix>``; return the corpus path."""
    corpus_path = folder.root / f"corpus{folder.suffix}" if options.format in COMBINED_FORMATS else None
    counts = Counts()
    signature = ""  # the first written document's, as the combined Parquet corpus records it
    with atomic_open(folder.root / "report.tsv") as report, _corpus_writer(corpus_path, options) as corpus:
        report.write("\t".join(REPORT_COLUMNS) + "\n")
        for pair in mark_duplicates(pairs):
            row = final_report(pair, folder)
            counts.total += 1
            counts.ok += row.status == "ok"
            counts.failed += row.status != "ok"
            report.write(report_line(row))
            if corpus is not None and row.status == "ok":
                corpus.append(folder.output_path(pair.doc_id))
                signature = signature or row.signature
    if options.format == "tsv" and corpus_path is not None:
        _write_sidecar(corpus_path, options, counts, signature)
    return corpus_path, counts


def _write_sidecar(corpus_path: Path, options: BatchOptions, counts: Counts, signature: str) -> None:
    """``corpus.tsv.meta.json``, as ``bitext align`` writes beside a TSV (``bitext.read_tsv`` reads it):
    the aligner's signature (settings and versions; the first document's, as in a combined Parquet corpus),
    the batch's settings, and how many documents the corpus holds."""
    from bitext.formats.tsv import COLUMNS, sidecar_path

    metadata = {
        "format": "bitext-batch",
        "signature": signature,
        "settings": options.settings(),
        "documents": counts.ok,
        "failed_documents": counts.failed,
        "columns": list(COLUMNS),
        "escaping": "backslash: \\\\ \\t \\n \\r",
    }
    path = sidecar_path(corpus_path)
    with atomic_open(path) as out:
        out.write(json.dumps(metadata, ensure_ascii=False, indent=2) + "\n")


def final_report(pair: DocumentPair, folder: OutputFolder) -> DocumentReport:
    if is_duplicate(pair):
        return DocumentReport.failed(pair.doc_id, pair.problem)  # it has no files: its id belongs to another
    saved = folder.load(pair.doc_id)
    return saved[0] if saved is not None else DocumentReport.failed(pair.doc_id, NOT_RUN)


def report_line(row: DocumentReport) -> str:
    from bitext.formats.tsv import escape

    def number(value: int | None) -> str:
        return "" if value is None else str(value)

    cells = (
        escape(row.doc_id),
        row.status,
        str(row.zh_sentences),
        str(row.en_sentences),
        str(row.beads),
        "" if row.mean_score is None else f"{row.mean_score:.4f}",
        " ".join(f"{kind}:{count}" for kind, count in row.types.items()),
        number(row.flags),
        number(row.flag_errors),
        escape(row.error),
    )
    return "\t".join(cells) + "\n"


class _NothingToWrite(Exception):
    """Raised inside :func:`atomic_open` to discard the file it was writing."""


class _TextCorpus:
    """Concatenates text outputs; a TSV's header row is written once, at the top."""

    def __init__(self, out: IO[str], has_header: bool) -> None:
        self.out, self.has_header, self.header_written = out, has_header, False

    def append(self, part: Path) -> None:
        with open(part, encoding="utf-8", newline="") as source:
            if self.has_header:
                header = source.readline()
                if not self.header_written:
                    self.out.write(header)
                    self.header_written = True
            shutil.copyfileobj(source, self.out)


class _ParquetCorpus:
    """Appends each document's rows to one Parquet file, in row groups of ``ROW_GROUP_ROWS`` rows across
    documents (the last one shorter): one group per document would make a corpus of a million short
    documents a million tiny groups, each with its own column headers and statistics, slow for every reader.

    The schema metadata (key ``bitext``) holds what every Parquet bitext writes: the ``signature`` (the
    aligner's settings and versions, the same for every document of a run) and the ``settings``, here the
    batch's canonical settings record. At most one group's rows (plus one document) are held in memory.
    """

    def __init__(self, out: IO[bytes], options: BatchOptions) -> None:
        import pyarrow
        import pyarrow.parquet as pq

        self.pa, self.pq, self.out, self.options = pyarrow, pq, out, options
        self.writer: Any = None
        self.pending: list[Any] = []
        self.pending_rows = 0

    def append(self, part: Path) -> None:
        table = self.pq.read_table(part)
        if self.writer is None:
            self.writer = self.pq.ParquetWriter(
                self.out, table.schema.with_metadata(self._metadata(table)), compression="zstd"
            )
        self.pending.append(table.replace_schema_metadata(self.writer.schema.metadata))
        self.pending_rows += table.num_rows
        while self.pending_rows >= ROW_GROUP_ROWS:
            self._write_group(ROW_GROUP_ROWS)

    def _metadata(self, first: Any) -> dict[bytes, bytes]:
        document = json.loads((first.schema.metadata or {}).get(b"bitext", b"{}"))
        record = {
            "format": "bitext-batch",
            "signature": document.get("signature", ""),
            "settings": self.options.settings(),
        }
        return {b"bitext": json.dumps(record, ensure_ascii=False).encode("utf-8")}

    def _write_group(self, rows: int) -> None:
        pending = self.pa.concat_tables(self.pending)
        self.writer.write_table(pending.slice(0, rows), row_group_size=rows)
        rest = pending.slice(rows)
        self.pending, self.pending_rows = ([rest] if rest.num_rows else []), rest.num_rows

    def close(self) -> None:
        if self.writer is not None:
            if self.pending_rows:
                self._write_group(self.pending_rows)
            self.writer.close()


@contextlib.contextmanager
def _corpus_writer(path: Path | None, options: BatchOptions) -> Iterator[_TextCorpus | _ParquetCorpus | None]:
    if path is None:
        yield None
        return
    if options.format == "parquet":
        try:
            with atomic_open(path, binary=True) as out:
                corpus = _ParquetCorpus(out, options)
                yield corpus
                corpus.close()
                if corpus.writer is None:
                    raise _NothingToWrite
        except _NothingToWrite:  # no document aligned: no Parquet schema to write, and no stale corpus left behind
            path.unlink(missing_ok=True)
        return
    with atomic_open(path) as out:
        yield _TextCorpus(out, has_header=options.format == "tsv")
