"""What every output format shares: the :class:`Export` bundle, the :class:`Writer` protocol, one record shape.

An :class:`Export` is one alignment plus what travels with it into every format: the entity pairs (optional),
the QA report (optional), the document id, which beads to write (``min_score``, ``drop_unaligned``), and whether
a segment's line breaks are kept (``keep_line_breaks``; by default a hard-wrapped sentence is written on one
line, its spans still indexing the original text: :mod:`bitext.segment.line_breaks`).
Bead numbers always refer to the full alignment, so a filtered export still points at the right bead.

Every export records the settings and versions that produced it (``Alignment.signature``), each in the way
its format allows: a header record (JSONL), header ``<prop>`` elements (TMX), schema metadata (Parquet),
a sidecar ``.meta.json`` file (TSV, whose first line must stay the column header), a ``<meta>`` tag (HTML).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import IO, Any, Protocol

from bitext.align.beads import Alignment, Bead
from bitext.entities.model import EntityPair, EntityTable
from bitext.qa import Flag, QAReport
from bitext.script import detect_script
from bitext.segment.line_breaks import join_line_breaks

EXPORT_FORMAT_VERSION = 1


class Writer(Protocol):
    """Writes one alignment (or a richer :class:`Export`) to a stream: text, or bytes when ``binary``."""

    name: str
    suffix: str
    binary: bool

    def write(self, export: Export | Alignment, out: IO[Any]) -> None: ...


@dataclass(frozen=True)
class BeadRecord:
    """One bead as the flat formats (TSV, Parquet) carry it, and as ``read_tsv``/``read_jsonl`` return it.

    ``flags`` are ``"level:code"`` strings; ``entities`` are ``(zh, en, type)`` triples; ``status`` is
    ``automatic``, ``edited`` or ``confirmed`` (see :class:`~bitext.align.beads.Bead`).
    """

    zh: str
    en: str
    score: float
    type: str
    zh_ids: tuple[int, ...]
    en_ids: tuple[int, ...]
    doc_id: str
    bead: int
    flags: tuple[str, ...] = ()
    entities: tuple[tuple[str, str, str], ...] = ()
    status: str = "automatic"


@dataclass(frozen=True)
class ExportData:
    """What a reader gives back: the export's metadata (empty if none was found) and its bead records.

    A file of several documents (a batch's ``corpus.jsonl``) has a header per document: ``metadata`` is the
    first, ``headers`` all of them in file order (``header_for(doc_id)`` finds one)."""

    metadata: dict[str, Any]
    records: list[BeadRecord]
    headers: list[dict[str, Any]] = field(default_factory=list)

    def header_for(self, doc_id: str) -> dict[str, Any] | None:
        """The header of document ``doc_id`` (the first, if several share it), or None."""
        return next((header for header in self.headers if header.get("doc_id") == doc_id), None)


@dataclass(frozen=True)
class Export:
    """An alignment with its entity pairs, QA flags and bead selection, ready for any writer."""

    alignment: Alignment
    entities: EntityTable | None = None
    qa: QAReport | None = None
    doc_id: str | None = None
    min_score: float | None = None
    drop_unaligned: bool = False
    keep_line_breaks: bool = False
    _selected: list[tuple[int, Bead]] = field(default_factory=list, init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        self._selected.extend(
            (number, bead)
            for number, bead in enumerate(self.alignment.beads)
            if (self.min_score is None or bead.score >= self.min_score) and (bead.is_aligned or not self.drop_unaligned)
        )

    @property
    def document_id(self) -> str:
        return self.doc_id if self.doc_id is not None else self.alignment.zh.name

    def beads(self) -> list[tuple[int, Bead]]:
        """The selected beads with their numbers in the full alignment."""
        return list(self._selected)

    def flags_for(self, number: int) -> list[Flag]:
        return self.qa.for_bead(number) if self.qa is not None else []

    def entities_for(self, number: int) -> list[EntityPair]:
        return self.entities.for_bead(number) if self.entities is not None else []

    def zh_text(self, bead: Bead) -> str:
        """The bead's Chinese as exported: on one line unless ``keep_line_breaks``."""
        text = self.alignment.zh_text(bead)
        return text if self.keep_line_breaks else join_line_breaks(text)

    def en_text(self, bead: Bead) -> str:
        """The bead's English as exported: on one line unless ``keep_line_breaks``."""
        text = self.alignment.en_text(bead)
        return text if self.keep_line_breaks else join_line_breaks(text)

    def record(self, number: int, bead: Bead) -> BeadRecord:
        return BeadRecord(
            zh=self.zh_text(bead),
            en=self.en_text(bead),
            score=bead.score,
            type=bead.type,
            zh_ids=bead.zh,
            en_ids=bead.en,
            doc_id=self.document_id,
            bead=number,
            flags=tuple(f"{flag.level}:{flag.code}" for flag in self.flags_for(number)),
            entities=tuple((pair.zh, pair.en, pair.type) for pair in self.entities_for(number)),
            status=bead.status,
        )

    def records(self) -> list[BeadRecord]:
        return [self.record(number, bead) for number, bead in self._selected]

    def metadata(self) -> dict[str, Any]:
        """Provenance and document-level figures, the same in every format that has room for them."""
        alignment = self.alignment
        written = [bead for _, bead in self._selected]
        return {
            "format": "bitext-export",
            "format_version": EXPORT_FORMAT_VERSION,
            "doc_id": self.document_id,
            "signature": alignment.signature,
            "settings": {key: _jsonable(value) for key, value in alignment.settings.items()},
            "zh": {
                "name": alignment.zh.name,
                "script": zh_language_tag(alignment),
                "sentences": len(alignment.zh),
                **alignment.zh.export_fields(),
            },
            "en": {"name": alignment.en.name, "sentences": len(alignment.en), **alignment.en.export_fields()},
            "beads": len(alignment.beads),
            "beads_written": len(written),
            "beads_by_type": bead_types(alignment.beads),
            "mean_score": mean_score(alignment.beads),
            "selection": {"min_score": self.min_score, "drop_unaligned": self.drop_unaligned},
            "line_breaks": "kept" if self.keep_line_breaks else "joined",
            "qa": _qa_summary(self.qa),
            "entity_pairs": len(self.entities) if self.entities is not None else None,
        }


def as_export(value: Export | Alignment) -> Export:
    return value if isinstance(value, Export) else Export(value)


def bead_types(beads: Sequence[Bead]) -> dict[str, int]:
    """Counts by bead type, most common first (ties by type name)."""
    counts = Counter(bead.type for bead in beads)
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def mean_score(beads: Sequence[Bead]) -> float | None:
    return statistics.fmean(bead.score for bead in beads) if beads else None


def zh_language_tag(alignment: Alignment) -> str:
    """BCP 47 tag of the Chinese side: ``zh-Hant`` or ``zh-Hans`` from the detected script, else ``zh``."""
    script = detect_script(alignment.zh.text).script
    return {"traditional": "zh-Hant", "simplified": "zh-Hans"}.get(script, "zh")


def _qa_summary(report: QAReport | None) -> dict[str, Any] | None:
    if report is None:
        return None
    return {
        "checks": list(report.checks),
        "error": report.count("error"),
        "warning": report.count("warning"),
        "info": report.count("info"),
        "flagged_beads": len(report.flagged_beads),
        "by_code": dict(sorted(report.by_code().items())),
        **({"ignored": list(report.ignored)} if report.ignored else {}),  # codes left out on request
    }


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, str | int | float | bool) or value is None else str(value)


def ids_text(ids: tuple[int, ...]) -> str:
    """Sentence ids as Vecalign writes them: ``[3,4]`` (no spaces), ``[]`` for none."""
    return "[" + ",".join(str(i) for i in ids) + "]"


def parse_ids_text(text: str) -> tuple[int, ...]:
    """Inverse of :func:`ids_text`."""
    inner = text.strip()[1:-1].strip()
    return tuple(int(part) for part in inner.split(",")) if inner else ()
