"""``bitext align SOURCE TRANSLATION``: align and write the parallel corpus."""

from __future__ import annotations

import argparse
import sys
import warnings

from bitext.align import ALIGNERS, DEFAULT_ALIGNER, DEFAULT_SCORER, SCORER_PRESETS, SCORERS, align
from bitext.cli.io import add_pair_encoding_options, read_documents
from bitext.cli.output import add_format_option, add_output_options, write_output
from bitext.corrections import CorrectionsWarning, read_corrections
from bitext.formats import WRITERS


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "align",
        help="align a Chinese document with its English translation",
        description="Align SOURCE (Chinese) with TRANSLATION (English) and write one row per bead.",
    )
    parser.add_argument("source", help="the Chinese document (traditional or simplified)")
    parser.add_argument("translation", help="its English translation")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    add_format_option(parser, sorted(WRITERS))
    parser.add_argument(
        "--presegmented", action="store_true", help="inputs hold one sentence per line; do not re-split"
    )
    parser.add_argument(
        "--method",
        choices=sorted(ALIGNERS),
        default=DEFAULT_ALIGNER,
        help=f"sentence aligner (default: {DEFAULT_ALIGNER}; gale-church is the length-only baseline)",
    )
    parser.add_argument(
        "--scorer",
        default=DEFAULT_SCORER,
        metavar="SCORERS",
        help=f"scorers of the bitext aligner: a preset ({', '.join(SCORER_PRESETS)}) or a comma-separated list of "
        f"{', '.join(SCORERS)} (default: {DEFAULT_SCORER}, the most accurate; 'lexical' needs no neural model "
        "and is several times faster)",
    )
    parser.add_argument(
        "--corrections",
        metavar="FILE",
        help="corrections saved from the review page: their edited and confirmed beads are kept exactly, "
        "the rest is aligned between them",
    )
    add_pair_encoding_options(parser)
    add_output_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    corrections = read_corrections(args.corrections) if args.corrections else None
    zh, en = read_documents(args)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always", CorrectionsWarning)
        alignment = align(
            zh, en, method=args.method, scorer=args.scorer, presegmented=args.presegmented, corrections=corrections
        )
    for warning in caught:  # beads that no longer fit the documents: said, not silently dropped
        print(f"bitext: {warning.message}", file=sys.stderr)
    return write_output(alignment, args)
