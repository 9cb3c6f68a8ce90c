"""``bitext entities SOURCE TRANSLATION``: the table of names both sides share, with evidence."""

from __future__ import annotations

import argparse
import json
from typing import IO

from bitext.align import ALIGNERS, DEFAULT_ALIGNER, align
from bitext.cli.io import add_pair_encoding_options, open_output, read_documents
from bitext.cli.output import add_format_option, format_for_output
from bitext.entities import EntityPair, EntityTable, align_entities
from bitext.formats.tsv import escape

TSV_COLUMNS = ("zh", "en", "type", "count", "score", "evidence", "beads", "variants", "en_variants")


_FORMATS = ("tsv", "jsonl")


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "entities",
        help="list the named entities both sides share (商湯 ↔ SenseTime), with evidence",
        description="Align SOURCE (Chinese) with TRANSLATION (English), then pair the names inside each bead "
        "and write one row per entity pair: zh, en, type, count, score, evidence, bead ids.",
    )
    parser.add_argument("source", help="the Chinese document (traditional or simplified; - for standard input)")
    parser.add_argument("translation", help="its English translation")
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    add_format_option(parser, _FORMATS)
    parser.add_argument(
        "--presegmented", action="store_true", help="inputs hold one sentence per line; do not re-split"
    )
    parser.add_argument(
        "--method",
        choices=sorted(ALIGNERS),
        default=DEFAULT_ALIGNER,
        help=f"sentence aligner (default: {DEFAULT_ALIGNER})",
    )
    add_pair_encoding_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    zh, en = read_documents(args)
    table = align_entities(align(zh, en, method=args.method, presegmented=args.presegmented))
    with open_output(args.output) as out:
        (write_tsv if format_for_output(args.format, args.output, _FORMATS) == "tsv" else write_jsonl)(table, out)
    return 0


def write_tsv(table: EntityTable, out: IO[str]) -> None:
    """One pair per row; lists inside a cell are joined with ``; `` (evidence) or ``|`` (variants)."""
    out.write("\t".join(TSV_COLUMNS) + "\n")
    for pair in table:
        cells = (
            pair.zh,
            pair.en,
            pair.type,
            str(pair.count),
            f"{pair.score:.4f}",
            "; ".join(pair.evidence),
            ",".join(map(str, pair.beads)),
            "|".join(pair.variants),
            "|".join(pair.en_variants),
        )
        out.write("\t".join(escape(cell) for cell in cells) + "\n")


def pair_record(pair: EntityPair) -> dict[str, object]:
    return {
        "zh": pair.zh,
        "en": pair.en,
        "type": pair.type,
        "count": pair.count,
        "score": pair.score,
        "evidence": list(pair.evidence),
        "beads": list(pair.beads),
        "variants": list(pair.variants),
        "en_variants": list(pair.en_variants),
        "mentions": [
            {"bead": m.bead, "zh_span": [m.zh_start, m.zh_end], "en_span": [m.en_start, m.en_end]}
            for m in pair.mentions
        ],
    }


def write_jsonl(table: EntityTable, out: IO[str]) -> None:
    """One JSON object per pair, mentions with their character spans into the original texts."""
    for pair in table:
        out.write(json.dumps(pair_record(pair), ensure_ascii=False) + "\n")
