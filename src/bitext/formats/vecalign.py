"""Vecalign's alignment format: one bead per line, ``[zh ids]:[en ids]`` with 0-based ids."""

from __future__ import annotations

from pathlib import Path
from typing import IO, Any

from bitext.align.beads import Alignment
from bitext.errors import InputError
from bitext.formats.base import Export, as_export, ids_text


class VecalignWriter:
    name = "align"
    suffix = ".align"
    binary = False
    carries_review = False  # bead ids only: no entity pairs or QA flags to compute for it

    def write(self, alignment: Export | Alignment, out: IO[Any]) -> None:
        for _number, bead in as_export(alignment).beads():
            out.write(f"{ids_text(bead.zh)}:{ids_text(bead.en)}\n")


def parse_ids(text: str) -> list[int]:
    text = text.strip()
    if not (text.startswith("[") and text.endswith("]")):
        raise ValueError(f"expected [ids], got {text!r}")
    inner = text[1:-1].strip()
    return [int(part) for part in inner.split(",")] if inner else []


def parse_alignment(text: str, name: str = "<alignment>") -> list[tuple[list[int], list[int]]]:
    """Parse Vecalign-format text into (zh ids, en ids) pairs; blank lines are skipped."""
    beads = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        zh, separator, en = line.partition(":")
        try:
            if not separator:
                raise ValueError("no ':' between the two sides")
            beads.append((parse_ids(zh), parse_ids(en)))
        except ValueError as error:
            raise InputError(f"{name}: line {number} is not a bead like [0,1]:[2] ({error})") from None
    return beads


def read_alignment(path: str | Path) -> list[tuple[list[int], list[int]]]:
    from bitext.reading import read_text

    return parse_alignment(read_text(path).text, str(path))
