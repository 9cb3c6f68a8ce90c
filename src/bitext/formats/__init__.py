"""Output formats: one module per format against the small :class:`Writer` protocol.

``tsv`` (data teams), ``jsonl`` (NLP pipelines, everything incl. spans and entity pairs), ``tmx`` (CAT tools),
``parquet`` (optional extra ``bitext[parquet]``), ``html`` (the translator's review page), ``xlsx`` (a workbook for
review in Excel or LibreOffice, optional extra ``bitext[xlsx]``) and ``align`` (Vecalign's bead format, for
``bitext eval``). :func:`save` writes any of them to a path or standard output.
"""

from __future__ import annotations

import json
from pathlib import Path

from bitext.align.beads import Alignment
from bitext.atomic import open_output
from bitext.formats.base import BeadRecord, Export, ExportData, Writer, as_export
from bitext.formats.html import HtmlWriter
from bitext.formats.jsonl import JsonlWriter, read_jsonl
from bitext.formats.parquet import ParquetWriter, read_parquet
from bitext.formats.tmx import TmxWriter
from bitext.formats.tsv import TsvWriter, read_tsv, sidecar_path
from bitext.formats.vecalign import VecalignWriter, parse_alignment, read_alignment
from bitext.formats.xlsx import XlsxWriter
from bitext.registry import Registry

WRITERS: Registry[type[Writer]] = Registry(
    "format",
    {
        "tsv": TsvWriter,
        "jsonl": JsonlWriter,
        "tmx": TmxWriter,
        "html": HtmlWriter,
        "parquet": ParquetWriter,
        "align": VecalignWriter,
        "xlsx": XlsxWriter,
    },
)

__all__ = [
    "WRITERS",
    "BeadRecord",
    "Export",
    "ExportData",
    "Writer",
    "get_writer",
    "parse_alignment",
    "read_alignment",
    "read_jsonl",
    "read_parquet",
    "read_tsv",
    "save",
]


def get_writer(name: str) -> Writer:
    return WRITERS.get(name)()


def save(export: Export | Alignment, path: str | Path | None, format: str = "tsv") -> None:
    """Write ``export`` as ``format`` to ``path`` (standard output for ``None`` or ``"-"``).

    A file is written under a temporary name and renamed into place on success (:mod:`bitext.atomic`), so an
    interrupted run or a full disk never leaves a half-written file; an output that cannot be written raises
    :class:`~bitext.atomic.OutputError` and leaves the old file as it was. A TSV file gets its ``.meta.json``
    sidecar (settings, versions, figures).
    """
    export = as_export(export)
    writer = get_writer(format)
    with open_output(path, binary=writer.binary) as out:
        writer.write(export, out)
    if format == "tsv" and path not in (None, "-"):
        meta = TsvWriter.metadata(export)
        with open_output(sidecar_path(path)) as out:
            out.write(json.dumps(meta, ensure_ascii=False, indent=2) + "\n")
