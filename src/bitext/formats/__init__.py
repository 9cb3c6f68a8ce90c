"""Output formats: one module per format against the small :class:`Writer` protocol."""

from __future__ import annotations

from bitext.errors import BitextError
from bitext.formats.base import Writer
from bitext.formats.jsonl import JsonlWriter
from bitext.formats.tsv import TsvWriter
from bitext.formats.vecalign import VecalignWriter, parse_alignment, read_alignment

WRITERS: dict[str, type[Writer]] = {"tsv": TsvWriter, "jsonl": JsonlWriter, "align": VecalignWriter}

__all__ = ["WRITERS", "Writer", "get_writer", "parse_alignment", "read_alignment"]


def get_writer(name: str) -> Writer:
    if name not in WRITERS:
        raise BitextError(f"unknown format {name!r}; choose one of: {', '.join(WRITERS)}")
    return WRITERS[name]()
