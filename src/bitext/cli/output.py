"""Output options shared by the subcommands that write an alignment (``align``, ``check --export``).

One place builds the :class:`~bitext.formats.Export` every format writes: entity pairs and QA flags
(:func:`bitext.qa.review`, shared with the batch worker), the bead selection (``--min-score``,
``--drop-unaligned``), the document id and whether segments keep their line breaks (``--keep-line-breaks``).
"""

from __future__ import annotations

import argparse
import gc
import sys
from collections.abc import Sequence
from pathlib import PurePath
from typing import Any

from bitext import progress
from bitext.align.beads import Alignment
from bitext.errors import BitextError
from bitext.formats import WRITERS, Export, save
from bitext.qa import CODES, QASettings, parse_codes, review

OUTPUT_EXAMPLES = """examples:
  bitext align zh-Hant.txt en.txt -o corpus.tsv                     TSV + corpus.tsv.meta.json (settings, versions)
  bitext align zh-Hant.txt en.txt --format html -o review.html      the review page, one self-contained file
  bitext align zh-Hant.txt en.txt --format tmx --min-score 0.5 -o memory.tmx
  bitext align zh-Hant.txt en.txt --ignore entity-missing -o corpus.tsv   QA flags without that code
  bitext align zh-Hant.txt en.txt --format jsonl --drop-unaligned > beads.jsonl
  bitext align zh-Hant.txt en.txt --format parquet -o corpus.parquet   (pip install 'bitext[parquet]')

formats: tsv, jsonl, tmx, parquet, html, xlsx (all with QA flags), align (Vecalign's [zh]:[en] ids only)
exit status: 0 ok, 2 user error (one line on stderr)"""


# Suffixes that name a format other than by the format's own name.
_SUFFIX_ALIASES = {"htm": "html", "json": "jsonl", "ndjson": "jsonl"}


def format_for_output(chosen: str | None, output: str | None, formats: Sequence[str], default: str = "tsv") -> str:
    """The format to write: ``--format`` when given, else the one ``-o``'s suffix names (``-o memory.tmx``
    writes TMX, not TSV under a TMX name), else ``default``. A ``--format`` that contradicts a suffix naming
    another format is kept, with a warning on standard error."""
    suffix = PurePath(output).suffix.lstrip(".").lower() if output and output != "-" else ""
    named = _SUFFIX_ALIASES.get(suffix, suffix)
    by_suffix = named if named in formats else None
    if chosen is None:
        return by_suffix or default
    if by_suffix is not None and by_suffix != chosen:
        print(
            f"bitext: warning: writing {chosen} (--format) to {output}, whose suffix names {by_suffix}", file=sys.stderr
        )
    return chosen


def add_output_options(parser: argparse.ArgumentParser, *, with_format: bool = False) -> None:
    """``--min-score``, ``--drop-unaligned``, ``--doc-id``, ``--quiet`` (and ``-o``/``--format`` on request)."""
    if parser.epilog is None:
        parser.epilog = OUTPUT_EXAMPLES
        parser.formatter_class = argparse.RawDescriptionHelpFormatter
    if with_format:
        parser.add_argument("-o", "--output", help="output file (default: standard output)")
        add_format_option(parser, sorted(WRITERS))
    parser.add_argument(
        "--min-score", type=score_option, metavar="S", help="write only beads whose confidence is at least S (0 to 1)"
    )
    parser.add_argument(
        "--drop-unaligned", action="store_true", help="leave out 1-0 and 0-1 beads (sentences with no counterpart)"
    )
    add_line_breaks_option(parser)
    parser.add_argument("--doc-id", help="document id column/field (default: the Chinese file's path)")
    add_ignore_option(parser)
    add_quiet_option(parser)


def add_line_breaks_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--keep-line-breaks",
        action="store_true",
        help="write each segment's line breaks as the input has them (default: a hard-wrapped sentence is "
        "written on one line; spans still index the original)",
    )


def add_format_option(parser: argparse.ArgumentParser, formats: Sequence[str]) -> None:
    parser.add_argument(
        "--format", choices=formats, help="output format (default: the one -o's suffix names, else tsv)"
    )


def add_quiet_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress display on the terminal")


def add_ignore_option(parser: argparse.ArgumentParser) -> None:
    """``--ignore CODE[,CODE]``: QA flags never to report (shared by ``check`` and ``align``)."""
    parser.add_argument(
        "--ignore",
        type=ignore_option,
        default=frozenset(),
        metavar="CODES",
        help=f"leave out flags with these codes, comma-separated ({', '.join(CODES)})",
    )


def ignore_option(text: str) -> frozenset[str]:
    """argparse type for ``--ignore``: known QA codes, comma-separated."""
    try:
        return parse_codes(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def score_option(text: str) -> float:
    """argparse type for a confidence threshold: a number from 0 to 1."""
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text} is outside 0..1")
    return value


def build_export(alignment: Alignment, args: argparse.Namespace, **kwargs: Any) -> Export:
    carries_review = getattr(WRITERS.get(getattr(args, "format", "tsv")), "carries_review", True)
    settings = QASettings(ignore=getattr(args, "ignore", frozenset()))
    table, report = review(alignment, settings=settings) if carries_review else (None, None)
    return Export(
        alignment,
        entities=table,
        qa=report,
        doc_id=getattr(args, "doc_id", None),
        min_score=getattr(args, "min_score", None),
        drop_unaligned=getattr(args, "drop_unaligned", False),
        keep_line_breaks=getattr(args, "keep_line_breaks", False),
        **kwargs,
    )


def write_output(alignment: Alignment, args: argparse.Namespace) -> int:
    """Write ``alignment`` as ``args.format`` (or the format ``-o``'s suffix names) to ``args.output``; the
    exit status (0)."""
    args.format = format_for_output(args.format, args.output, sorted(WRITERS))
    if args.format == "parquet" and args.output in (None, "-") and sys.stdout is not None and sys.stdout.isatty():
        raise BitextError("parquet is a binary format: give a file name with -o (or redirect the output)")
    from bitext.resources.cache import collection_paused

    with collection_paused():
        export = build_export(alignment, args)
        with progress.stage(f"writing {args.format}"):
            save(export, args.output, args.format)
        # The command ends with this export, and what it made (the alignment, the name tables and caches)
        # stays until the process exits: frozen out of the collector's reach, it is not scanned once more
        # when the collector resumes (0.65 s after the names of a 10,000-sentence document) nor at exit.
        gc.freeze()
    return 0
