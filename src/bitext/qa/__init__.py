"""QA flags a translator wants to see, per bead: what to look at before trusting a bead.

Each :class:`Flag` has a level (``error``, ``warning``, ``info``), a stable code and a message in plain words.
Errors are what a reviewer must fix (a number that differs, a source sentence with no translation);
warnings are worth a look (low confidence, a name with no counterpart, a length ratio far outside this
document's own spread); info is for the record (numbers that match only after rounding).

Codes (stable; exports and ``bitext check`` use them; ``QASettings(ignore=…)`` and ``--ignore`` drop some):

=====================  =========  ==============================================================
code                   level      meaning
=====================  =========  ==============================================================
number-mismatch        error      a number on one side has no equal on the other (47億 vs 4.5 billion)
number-rounded         info       numbers agree only within 1 % (47.3億 vs 4.7 billion)
omission               error      a Chinese sentence with no English (a 1-0 bead)
addition               warning    an English sentence with no Chinese (a 0-1 bead)
low-confidence         warning    the aligner's confidence is below the threshold (0.5)
length-ratio           warning    English/Chinese length far outside the document's own distribution
entity-missing         warning    a strongly paired name on one side, absent from the other under every form
untranslated           warning    long Latin text in the Chinese, Han text in the English, or both sides equal
repeated-translation   warning    the same English sentence as an earlier bead, for different Chinese
swapped-languages      error      the Chinese side reads as English and the English as Chinese (on bead 0)
moved                  warning    an unaligned sentence whose translation stands out of order in another bead
=====================  =========  ==============================================================

One module per family of checks: :mod:`~bitext.qa.bead_checks` (shape and text of a bead),
:mod:`~bitext.qa.number_check`, :mod:`~bitext.qa.entity_check`, :mod:`~bitext.qa.moved_check`. Everything here reads an
:class:`~bitext.align.Alignment` (and optionally an entity table) and never changes it, so the same flags
appear in every export and in ``bitext check``.
"""

from __future__ import annotations

from contextlib import AbstractContextManager
from typing import Any

from threadpoolctl import threadpool_limits

from bitext.align.aligner import BLAS_THREADS
from bitext.align.beads import Alignment
from bitext.entities.model import EntityTable
from bitext.qa.bead_checks import (
    length_ratio_flags,
    low_confidence_flags,
    repeated_english_flags,
    unaligned_flags,
    untranslated_flags,
)
from bitext.qa.entity_check import entity_flags
from bitext.qa.flags import CODES, LEVEL_RANK, LEVELS, Flag, Level, QAReport, QASettings, parse_codes, worst_level
from bitext.qa.language_check import swapped_languages_flags
from bitext.qa.moved_check import moved_flags
from bitext.qa.number_check import number_flags


def one_blas_thread() -> AbstractContextManager[Any]:
    """BLAS held to one thread, as the aligner holds it: the moved check's cosine matrices (a few hundred
    sentences a side) and the entity step's products are small, and with OpenBLAS's default of a thread per
    core each such product woke a second thread that then spun waiting for more work, about 0.1 s of CPU a
    document (2 s of the 24-chapter align-only batch's 5 s, measured with per-thread CPU on a 2-core
    machine; docs/design.md, "Speed of the model-free mode", eighth pass). OpenBLAS's threads share out a
    product's rows and columns, not its sums: the same values either way (the outputs were compared)."""
    return threadpool_limits(BLAS_THREADS, user_api="blas")


def check(alignment: Alignment, entities: EntityTable | None = None, settings: QASettings | None = None) -> QAReport:
    """Run every QA check on ``alignment``; entity checks run only when ``entities`` is given."""
    with one_blas_thread():
        return _check(alignment, entities, settings or QASettings())


def _check(alignment: Alignment, entities: EntityTable | None, settings: QASettings) -> QAReport:
    flags: list[Flag] = []
    flags += unaligned_flags(alignment)
    flags += low_confidence_flags(alignment, settings)
    swapped = swapped_languages_flags(alignment)
    checks = ["unaligned", "low-confidence", "numbers", "length-ratio", "untranslated", "repeated", "languages"]
    if not swapped and "moved" not in settings.ignore:
        moved, explained = moved_flags(alignment, settings)
        # Text found elsewhere is not missing: its bead says "moved" instead of omission or addition.
        flags = [flag for flag in flags if not (flag.bead in explained and flag.code in ("omission", "addition"))]
        flags += moved
        checks.append("moved")
    if swapped:
        # Every check that reads a side in its language (Chinese numerals in English text, a Chinese length,
        # Chinese in the "English") would flag nearly every bead: hundreds of errors that all mean "swapped".
        checks = ["unaligned", "low-confidence", "languages"]
    else:
        flags += number_flags(alignment, settings)
        flags += length_ratio_flags(alignment, settings)
        flags += untranslated_flags(alignment, settings)
        flags += repeated_english_flags(alignment, settings)
    flags += swapped
    if entities is not None and not swapped:
        flags += entity_flags(alignment, entities)
        checks.append("entities")
    flags = [flag for flag in flags if flag.code not in settings.ignore]
    flags.sort(key=lambda f: (f.bead, LEVEL_RANK[f.level], f.code))
    return QAReport(tuple(flags), len(alignment.beads), tuple(checks), tuple(sorted(settings.ignore)))


def review(
    alignment: Alignment, *, entities: bool = True, settings: QASettings | None = None
) -> tuple[EntityTable | None, QAReport]:
    """Entity pairs (unless ``entities`` is false) and every QA check: what every export carries.

    The one place the CLI (``align``, ``check``) and the batch worker get their review from, so a
    document's flags are the same whichever way it was aligned."""
    from bitext import progress
    from bitext.resources.cache import collection_paused

    table = None
    # Both steps make many lasting objects (name caches, tables, flags) and almost no reference cycles: with
    # the cyclic collector running, its full collections scanned them again and again (docs/design.md, "Cost").
    with collection_paused():
        if entities:
            from bitext.entities import align_entities  # imported here, when asked for: entity tables are heavy

            with progress.stage("pairing names"), one_blas_thread():
                table = align_entities(alignment)
        with progress.stage("checking beads"):
            report = check(alignment, table, settings)
    return table, report


__all__ = [
    "CODES",
    "LEVELS",
    "Flag",
    "Level",
    "QAReport",
    "QASettings",
    "check",
    "parse_codes",
    "review",
    "worst_level",
]
