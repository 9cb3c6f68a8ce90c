"""``bitext convert FILE --config t2s``: OpenCC script conversion; ``--detect`` reports the script."""

from __future__ import annotations

import argparse

from bitext.cli.io import open_output
from bitext.reading import read_text
from bitext.script import CONFIGS, convert, detect_script


def register(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("convert", help="convert between traditional and simplified Chinese")
    parser.add_argument("file")
    parser.add_argument("--config", choices=CONFIGS, default="t2s", help="OpenCC configuration (default t2s)")
    parser.add_argument("--detect", action="store_true", help="only print the detected script")
    parser.add_argument("-o", "--output")
    parser.add_argument("--encoding")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    text = read_text(args.file, args.encoding).text
    with open_output(args.output) as out:
        if args.detect:
            guess = detect_script(text)
            out.write(f"{guess.script}\t{guess.confidence:.3f}\n")
        else:
            out.write(convert(text, args.config))
    return 0
