"""Many document pairs: a manifest (or two folders) → one combined corpus plus a per-document report.

The unit of work is :func:`align_document`: one pair in, that document's output and report row out,
exactly what ``bitext align`` computes for it. The same function runs in this process, in a process
pool (:func:`run_batch`) and on a Dask cluster (:mod:`bitext.dask`), so all three give the same bytes.

A run keeps its state in the output folder::

    OUTDIR/batch.json                settings of the run; a resumed run must use the same ones
    OUTDIR/documents/<doc_id>.<fmt>  one document's output, as `bitext align` writes it (doc_id filled in)
    OUTDIR/status/<doc_id>.json      its report row, written after its output: the "done" marker
    OUTDIR/corpus.<fmt>              every aligned document, in manifest order (tsv, jsonl, parquet)
    OUTDIR/report.tsv                one row per manifest entry: ok/error, beads, mean score, flags, error

Every file is written under a temporary name and renamed, so a run killed at any moment leaves only
whole files; re-running the same command skips each document whose status says ok and whose input
files are unchanged. The corpus and the report are rebuilt from the per-document files, in manifest
order, at the end of every run: the output does not depend on which worker finished first, and a
resumed run's output is byte for byte a fresh run's.
"""

from bitext.batch.combine import COMBINED_FORMATS, REPORT_COLUMNS
from bitext.batch.inputs import DocumentPair, FolderPairs, ManifestFile, mark_duplicates, open_pairs
from bitext.batch.per_document import (
    BatchOptions,
    DocumentOutput,
    DocumentReport,
    align_document,
    align_pair,
    check_options,
    render,
    warm_up,
)
from bitext.batch.runner import BatchSummary, Meter, ProgressBar, default_jobs, run_batch
from bitext.batch.store import OutputFolder, file_stem
from bitext.batch.worker import run_document

__all__ = [
    "COMBINED_FORMATS",
    "REPORT_COLUMNS",
    "BatchOptions",
    "BatchSummary",
    "DocumentOutput",
    "DocumentPair",
    "DocumentReport",
    "FolderPairs",
    "ManifestFile",
    "Meter",
    "OutputFolder",
    "ProgressBar",
    "align_document",
    "align_pair",
    "check_options",
    "default_jobs",
    "file_stem",
    "mark_duplicates",
    "open_pairs",
    "render",
    "run_batch",
    "run_document",
    "warm_up",
]
