"""``bitext segment FILE --lang zh|en``: print sentences (one per line, or JSONL with offsets)."""

from __future__ import annotations

import argparse
import json

from bitext.cli.io import open_output
from bitext.reading import read_text
from bitext.segment import segment


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("segment", help="split a document into sentences")
    parser.add_argument("file")
    parser.add_argument("--lang", choices=("zh", "en"), required=True)
    parser.add_argument("--format", choices=("lines", "jsonl"), default="lines")
    parser.add_argument("-o", "--output")
    parser.add_argument("--encoding")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    doc = segment(read_text(args.file, args.encoding).text, args.lang, name=str(args.file))
    with open_output(args.output) as out:
        for number, sentence in enumerate(doc.sentences):
            if args.format == "lines":
                # A sentence never holds a line break in this format: one sentence, one line.
                out.write(" ".join(sentence.text.split("\n")) + "\n")
            else:
                record = {
                    "id": number,
                    "start": sentence.start,
                    "end": sentence.end,
                    "paragraph": doc.paragraph_of(number),
                    "text": sentence.text,
                }
                out.write(json.dumps(record, ensure_ascii=False) + "\n")
    return 0
