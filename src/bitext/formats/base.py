"""The small protocol every output format implements, and the registry of formats."""

from __future__ import annotations

from typing import Protocol, TextIO

from bitext.align.beads import Alignment


class Writer(Protocol):
    """Writes one alignment to a text stream."""

    name: str
    suffix: str

    def write(self, alignment: Alignment, out: TextIO) -> None: ...


def ids_text(ids: tuple[int, ...]) -> str:
    """Sentence ids as Vecalign writes them: ``[3,4]`` (no spaces), ``[]`` for none."""
    return "[" + ",".join(str(i) for i in ids) + "]"
