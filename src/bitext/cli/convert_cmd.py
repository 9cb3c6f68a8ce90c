"""``bitext convert FILE --config t2s``: OpenCC script conversion; ``--detect`` reports the script."""

from __future__ import annotations

import argparse

from bitext.cli.io import open_output, read_input
from bitext.script import CONFIGS, convert, detect_script


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="convert between traditional and simplified Chinese",
        description="Convert FILE with an OpenCC configuration, or with --detect print its script "
        "(traditional, simplified, mixed or none), a confidence and the evidence counts. "
        "Line ends are written as \\n; the output is UTF-8.",
    )
    parser.add_argument("file", help="input file, or - for standard input")
    parser.add_argument(
        "--config",
        choices=CONFIGS,
        default="t2s",
        metavar="CONFIG",
        help=f"OpenCC configuration (default t2s): {', '.join(CONFIGS)}",
    )
    parser.add_argument(
        "--detect",
        action="store_true",
        help="print 'script<TAB>confidence<TAB>traditional chars<TAB>simplified chars' instead of converting",
    )
    parser.add_argument("-o", "--output", help="output file (default: standard output)")
    parser.add_argument("--encoding", help="input encoding (default: detected)")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    text = read_input(args.file, args.encoding)
    with open_output(args.output) as out:
        if args.detect:
            guess = detect_script(text)
            out.write(f"{guess.script}\t{guess.confidence:.3f}\t{guess.traditional_chars}\t{guess.simplified_chars}\n")
        else:
            out.write(convert(text, args.config))
    return 0
