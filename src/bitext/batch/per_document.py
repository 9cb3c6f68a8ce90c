"""The per-document function: one pair in, its rendered output and its report row out.

:func:`align_document` is what every batch path runs (this process, the process pool, Dask), so they
all give the same bytes for the same document; it computes exactly what ``bitext align SOURCE
TRANSLATION`` computes, with the pair's doc_id in the doc_id column.
"""

from __future__ import annotations

import dataclasses
import inspect
import io
from collections import Counter
from collections.abc import Mapping
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Any, Literal

from bitext.align import Alignment, align, splitter_for, splitter_setting
from bitext.batch.inputs import DocumentPair
from bitext.document import Document, Lang
from bitext.entities import EntityTable
from bitext.errors import BitextError
from bitext.formats import Export, get_writer
from bitext.inputs import read_document
from bitext.language_sides import SWAPPED_MESSAGE, looks_swapped
from bitext.qa import QAReport, review
from bitext.versions import versions

Status = Literal["ok", "error"]

# A tiny pair aligned once in every worker before its first document, so that whatever the aligner
# loads lazily (dictionary, encoder: each cached per process by the module that owns it) is loaded
# once per worker, not once per document.
WARM_UP_PAIR = (
    "商湯今日公布業績。收入增長百分之十。",
    "SenseTime reported results today. Revenue grew by ten per cent.",
)


@dataclass(frozen=True)
class BatchOptions:
    """What every document is aligned and written with, as ``bitext align`` takes them. ``align`` holds
    keyword options for :func:`bitext.align` (``method``, ``scorer``, …), passed through unchanged;
    ``min_score`` and ``drop_unaligned`` select the beads written (the report counts them all);
    ``entities`` pairs names when the entity aligner is installed; ``layout`` is ``bitext align --layout``
    (how lines make paragraphs: ``auto``, ``lines``, ``paragraphs``, ``wrapped``); ``keep_line_breaks`` writes
    each segment's line breaks as the input has them (``bitext align --keep-line-breaks``)."""

    format: str = "tsv"
    presegmented: bool = False
    encoding: str | None = None
    align: Mapping[str, Any] = field(default_factory=dict)
    min_score: float | None = None
    drop_unaligned: bool = False
    entities: bool = True
    layout: str = "auto"
    keep_line_breaks: bool = False

    def settings(self) -> dict[str, Any]:
        """Everything that shapes a document's output, as JSON: a resumed run must match it.

        The one canonical record: every option of :func:`bitext.align` not given takes its default here,
        so ``bitext batch``, ``BatchOptions()`` and :mod:`bitext.dask` given the same options record the
        same settings (and can resume each other's runs, and write the same bytes)."""
        return {
            "format": self.format,
            "presegmented": self.presegmented,
            "encoding": self.encoding,
            "align": canonical_align_options(self.align),
            "min_score": self.min_score,
            "drop_unaligned": self.drop_unaligned,
            "entities": self.entities,
            "layout": self.layout,
            "keep_line_breaks": self.keep_line_breaks,
            "versions": versions(),
        }


def canonical_align_options(given: Mapping[str, Any]) -> dict[str, Any]:
    """``given`` keyword options of :func:`bitext.align` with every other one at its default, sorted, as JSON."""
    defaults = {
        name: parameter.default
        for name, parameter in inspect.signature(align).parameters.items()
        if parameter.kind is inspect.Parameter.KEYWORD_ONLY and name != "presegmented"  # a BatchOptions field
    }
    return {key: _jsonable(value) for key, value in sorted({**defaults, **given}.items())}


def _jsonable(value: Any) -> Any:
    """A JSON value that names ``value`` the same way in every run (an object by its name, not its address)."""
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, Mapping):
        return {str(key): _jsonable(item) for key, item in sorted(value.items())}
    if isinstance(value, list | tuple):
        return [_jsonable(item) for item in value]
    name = getattr(value, "name", None)
    kind = f"{type(value).__module__}.{type(value).__qualname__}"
    return f"{kind}:{name}" if isinstance(name, str) else kind


@dataclass(frozen=True)
class DocumentReport:
    """One row of the batch report: sentence and bead counts, mean confidence, beads by type, the number
    of QA flags (all levels) and of error-level ones, and the error of a failed document. ``signature``
    (the aligner's settings and versions, :attr:`Alignment.signature`) is kept for the combined corpus's
    metadata, not written to ``report.tsv``."""

    doc_id: str
    status: Status
    zh_sentences: int = 0
    en_sentences: int = 0
    beads: int = 0
    mean_score: float | None = None
    types: Mapping[str, int] = field(default_factory=dict)
    flags: int | None = None
    flag_errors: int | None = None
    error: str = ""
    signature: str = ""

    @classmethod
    def failed(cls, doc_id: str, error: str) -> DocumentReport:
        return cls(doc_id, "error", error=error)

    @classmethod
    def of(cls, doc_id: str, alignment: Alignment, qa: QAReport | None = None) -> DocumentReport:
        """The row of an aligned document: ``ok``, unless its sides look swapped (the Chinese reads as English
        and the English as Chinese). ``bitext align`` warns of that; a batch runs unattended, so the pair is
        an error, its beads counted but kept out of the corpus, as ``bitext check`` flags it
        (``swapped-languages``), whether or not QA ran."""
        scores = [bead.score for bead in alignment.beads]
        swapped = looks_swapped(alignment.zh.text, alignment.en.text)
        return cls(
            doc_id,
            "error" if swapped else "ok",
            zh_sentences=len(alignment.zh),
            en_sentences=len(alignment.en),
            beads=len(scores),
            mean_score=round(sum(scores) / len(scores), 4) if scores else None,
            types=dict(sorted(Counter(bead.type for bead in alignment.beads).items())),
            flags=len(qa.flags) if qa is not None else None,
            flag_errors=qa.count("error") if qa is not None else None,
            error=f"swapped-languages: {SWAPPED_MESSAGE}" if swapped else "",
            signature=alignment.signature,
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, record: Mapping[str, Any]) -> DocumentReport:
        return cls(**record)


@dataclass(frozen=True)
class DocumentOutput:
    """The report row and the document's output (text, or bytes for a binary format such as Parquet)."""

    report: DocumentReport
    data: str | bytes = ""

    @property
    def ok(self) -> bool:
        return self.report.status == "ok"


def align_document(pair: DocumentPair, options: BatchOptions) -> DocumentOutput:
    """Read, segment, align, check and render one pair. A bad document is reported, never raised."""
    if pair.problem:
        return DocumentOutput(DocumentReport.failed(pair.doc_id, pair.problem))
    try:
        alignment = align_pair(pair, options)
        entities, qa = review(alignment, entities=options.entities)
        data = render(alignment, pair.doc_id, options, entities, qa)
    except BitextError as error:
        return DocumentOutput(DocumentReport.failed(pair.doc_id, str(error)))
    except Exception as error:  # a bug hit by one document must not stop the others: it is reported
        message = f"unexpected {type(error).__name__}: {error} (a bug in bitext; please report it)"
        return DocumentOutput(DocumentReport.failed(pair.doc_id, message))
    return DocumentOutput(DocumentReport.of(pair.doc_id, alignment, qa), data)


def align_pair(pair: DocumentPair, options: BatchOptions) -> Alignment:
    """The alignment ``bitext align SOURCE TRANSLATION`` computes for this pair, with the same options."""
    if pair.source is None or pair.translation is None:
        raise BitextError("one side missing")
    # The CLI's reader: any format bitext reads (text, DOCX, PDF, HTML, Markdown), the encoding detected per
    # file and the layout; each Document records how it was read, and the alignment's settings with it.
    align_options = dict(options.align)
    splitter = align_options.pop("splitter", None)  # applied here: align() takes none with Documents
    if splitter is not None and options.presegmented:
        raise BitextError("splitter= and presegmented=True cannot apply together: presegmented text is not split")

    def read(path: str | Path, lang: Lang) -> Document:
        return read_document(
            path,
            lang,
            encoding=options.encoding,
            layout=options.layout,
            presegmented=options.presegmented,
            splitter=splitter_for(splitter, lang),
        )

    zh, en = read(pair.source, "zh"), read(pair.translation, "en")
    alignment = align(zh, en, presegmented=options.presegmented, **align_options)
    if splitter is not None:
        alignment = dataclasses.replace(
            alignment, settings={**alignment.settings, "splitter": splitter_setting(splitter)}
        )
    return alignment


def render(
    alignment: Alignment,
    doc_id: str,
    options: BatchOptions,
    entities: EntityTable | None = None,
    qa: QAReport | None = None,
) -> str | bytes:
    """One document's output in ``options.format``, with ``doc_id`` in its doc_id column or field."""
    writer = get_writer(options.format)
    export = Export(
        alignment,
        entities=entities,
        qa=qa,
        doc_id=doc_id,
        min_score=options.min_score,
        drop_unaligned=options.drop_unaligned,
        keep_line_breaks=options.keep_line_breaks,
    )
    buffer: io.StringIO | io.BytesIO = io.BytesIO() if writer.binary else io.StringIO()
    writer.write(export, buffer)
    return buffer.getvalue()


def warm_up(options: BatchOptions) -> bool:
    """Load what the aligner loads lazily, once in this process (a pool's initializer). True when the warm-up
    pair went through every step without an error: :func:`check_options` then passes for these options too
    (it runs the same call of :func:`bitext.align`, and the warm-up also found the format's writer)."""
    try:
        alignment = align(*WARM_UP_PAIR, presegmented=options.presegmented, **options.align)
        render(alignment, "warm-up", options, *review(alignment, entities=options.entities))
    except Exception:  # a real problem is reported by check_options, or per document
        return False
    return True


def check_option_names(options: BatchOptions) -> None:
    """The format exists and :func:`bitext.align` takes every aligner option (cheap: nothing is loaded)."""
    get_writer(options.format)
    try:
        inspect.signature(align).bind(*WARM_UP_PAIR, presegmented=options.presegmented, **options.align)
    except TypeError as error:
        raise BitextError(f"unknown alignment option: {error}") from None


def check_options(options: BatchOptions) -> None:
    """Refuse unusable options before any document is aligned: one user error, not 1,000 failed documents."""
    check_option_names(options)
    align(*WARM_UP_PAIR, presegmented=options.presegmented, **options.align)
