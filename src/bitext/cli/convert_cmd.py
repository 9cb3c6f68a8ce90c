"""``bitext convert FILE --config t2s``: OpenCC script conversion; ``--detect`` reports the script."""

from __future__ import annotations

import argparse
import sys

from bitext.cli.io import STDIN, open_output
from bitext.inputs import extract_text, format_of
from bitext.reading import decode_bytes, read_bytes
from bitext.script import CONFIGS, convert, detect_script


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "convert",
        help="convert between traditional and simplified Chinese",
        description="Convert FILE with an OpenCC configuration, or with --detect print its script "
        "(traditional, simplified, mixed or none), a confidence and the evidence counts. "
        "A DOCX or PDF is read as bitext align reads it (its text); with --detect, so is HTML or Markdown. "
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
    text = _read(args.file, args.encoding, args.detect)
    with open_output(args.output) as out:
        if args.detect:
            guess = detect_script(text)
            out.write(f"{guess.script}\t{guess.confidence:.3f}\t{guess.traditional_chars}\t{guess.simplified_chars}\n")
        else:
            out.write(convert(text, args.config))
    return 0


def _read(path: str, encoding: str | None, detect: bool) -> str:
    """The text to convert or detect: a DOCX's or PDF's text (as ``align`` reads them; a user trial on a DOCX got
    "not plain text"); for ``--detect`` also an HTML page's or Markdown file's text, whose markup is not the
    document's script. Converting HTML or Markdown keeps the markup (OpenCC changes Han characters only)."""
    data, name = (sys.stdin.buffer.read(), "<stdin>") if path == STDIN else (read_bytes(path), path)
    fmt = format_of(name, data)
    if fmt in ("docx", "pdf") or (detect and fmt != "text"):
        return extract_text(data, name, "zh", encoding).text
    return decode_bytes(data, name=name, encoding=encoding).text
