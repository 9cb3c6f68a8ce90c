"""``bitext segment FILE --lang zh|en``: print sentences (one per line, or JSONL with offsets)."""

from __future__ import annotations

import argparse
import json

from bitext.cli.io import add_layout_option, open_output, read_one_document
from bitext.segment.line_breaks import join_line_breaks


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("segment", help="split a document into sentences")
    parser.add_argument("file")
    parser.add_argument("--lang", choices=("zh", "en"), required=True)
    parser.add_argument("--format", choices=("lines", "jsonl"), default="lines")
    parser.add_argument("-o", "--output")
    parser.add_argument("--encoding")
    parser.add_argument(
        "--splitter",
        default="",
        help="sentence splitter by name (en: rules, nupunkt, pysbd; zh: rules, rules-semicolon, pysbd); "
        "default: rules, the most accurate on FLORES and MAC-Dev (docs/benchmarks.md)",
    )
    add_layout_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    doc = read_one_document(args.file, args.lang, args, args.encoding, splitter=args.splitter)
    with open_output(args.output) as out:
        for number, sentence in enumerate(doc.sentences):
            if args.format == "lines":
                # A sentence never holds a line break in this format: one sentence, one line, joined as the
                # exports join a segment (nothing between two Chinese characters, a space elsewhere).
                out.write(join_line_breaks(sentence.text) + "\n")
            else:
                record = {
                    "id": number,
                    "start": sentence.start,
                    "end": sentence.end,
                    "paragraph": doc.paragraph_of(number),
                    "text": sentence.text,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
        if args.format == "jsonl":
            # Page furniture is listed, never dropped: it is in no sentence.
            for furniture in doc.furniture:
                item = {"kind": "furniture", "start": furniture.start, "end": furniture.end, "text": furniture.text}
                out.write(json.dumps(item, ensure_ascii=False) + "\n")
    return 0
