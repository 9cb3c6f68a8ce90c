"""Output formats: one module per format against the small :class:`Writer` protocol.

``tsv`` (data teams), ``jsonl`` (NLP pipelines, everything incl. spans and entity pairs), ``tmx`` (CAT tools),
``parquet`` (optional extra ``bitext[parquet]``), ``html`` (the translator's review page), ``xlsx`` (a workbook for
review in Excel or LibreOffice, optional extra ``bitext[xlsx]``) and ``align`` (Vecalign's bead format, for
``bitext eval``). :func:`save` writes any of them to a path or standard output.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from bitext.align.beads import Alignment
from bitext.errors import BitextError
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

    A file is written under a temporary name and renamed into place on success, so an interrupted run never
    leaves a half-written file. A TSV file gets its ``.meta.json`` sidecar (settings, versions, figures).
    """
    export = as_export(export)
    writer = get_writer(format)
    with _open(path, binary=writer.binary) as out:
        writer.write(export, out)
    if format == "tsv" and path not in (None, "-"):
        meta = TsvWriter.metadata(export)
        with _open(sidecar_path(path), binary=False) as out:
            out.write(json.dumps(meta, ensure_ascii=False, indent=2) + "\n")


@contextlib.contextmanager
def _open(path: str | Path | None, *, binary: bool) -> Iterator[IO[Any]]:
    if path in (None, "-"):
        stream: IO[Any] = sys.stdout.buffer if binary else sys.stdout
        yield stream
        stream.flush()
        return
    target = Path(path)  # type: ignore[arg-type]
    if target.is_dir():
        raise BitextError(f"{target}: is a directory; give a file name with -o")
    if not target.parent.exists():
        raise BitextError(f"{target.parent}: no such directory")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        if binary:
            with os.fdopen(handle, "wb") as out:
                yield out
        else:
            with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
                yield out
        os.chmod(temporary, 0o666 & ~_umask())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask
