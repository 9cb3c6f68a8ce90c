"""Helpers shared by the subcommands: reading inputs (``-`` is standard input); output opens through
:func:`bitext.atomic.open_output` (standard output, or a file written whole, errors as one line)."""

from __future__ import annotations

import argparse
import sys

from bitext import progress
from bitext.atomic import open_output
from bitext.document import Document, Lang
from bitext.errors import BitextError
from bitext.inputs import read_document
from bitext.language_sides import SWAPPED_MESSAGE, looks_swapped
from bitext.reading import decode_bytes, read_text
from bitext.segment import LAYOUTS

STDIN = "-"

__all__ = ["STDIN", "add_pair_encoding_options", "open_output", "pair_encodings", "read_documents", "read_input"]


def read_input(path: str, encoding: str | None = None) -> str:
    """The decoded, normalised text of ``path`` (or of standard input for ``-``); errors name the input."""
    if path == STDIN:
        return decode_bytes(sys.stdin.buffer.read(), name="<stdin>", encoding=encoding).text
    return read_text(path, encoding).text


def add_pair_encoding_options(parser: argparse.ArgumentParser) -> None:
    """``--encoding`` for both inputs, and one per side: a Big5 source with a UTF-8 translation is common;
    and ``--layout``, how the inputs' lines are laid out."""
    add_layout_option(parser)
    parser.add_argument("--encoding", help="encoding of both inputs (default: detected per file)")
    parser.add_argument("--source-encoding", metavar="ENCODING", help="encoding of SOURCE alone (overrides --encoding)")
    parser.add_argument(
        "--translation-encoding", metavar="ENCODING", help="encoding of TRANSLATION alone (overrides --encoding)"
    )


def add_layout_option(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--layout",
        choices=LAYOUTS,
        default="auto",
        help="how lines make paragraphs: auto (default: hard-wrapped text is detected), lines (one paragraph a "
        "line), paragraphs (blank lines separate them), wrapped; page numbers, running heads and footnotes "
        "are set aside as furniture either way",
    )


def read_one_document(
    path: str, lang: Lang, args: argparse.Namespace, encoding: str | None, splitter: str = ""
) -> Document:
    """``path`` (``-``: standard input) in any format bitext reads (text, DOCX, PDF, HTML, Markdown), segmented."""
    data, name = (sys.stdin.buffer.read(), "<stdin>") if path == STDIN else (None, None)
    return read_document(
        path,
        lang,
        encoding=encoding,
        layout=getattr(args, "layout", "auto"),
        presegmented=getattr(args, "presegmented", False),
        data=data,
        name=name,
        splitter=splitter,
    )


def pair_encodings(args: argparse.Namespace) -> tuple[str | None, str | None]:
    """(source, translation) encodings from the options of :func:`add_pair_encoding_options`."""
    return (args.source_encoding or args.encoding, args.translation_encoding or args.encoding)


def read_documents(args: argparse.Namespace) -> tuple[Document, Document]:
    """``args.source`` and ``args.translation`` (either may be ``-``) read, each with its encoding and format,
    and split into sentences (``args.presegmented``: one a line; ``args.layout``): what every command that
    aligns a pair starts with."""
    source_encoding, translation_encoding = pair_encodings(args)
    if args.source == STDIN and args.translation == STDIN:
        raise BitextError("only one of SOURCE and TRANSLATION can be standard input (-)")
    with progress.stage("reading and splitting sentences"):
        zh = read_one_document(args.source, "zh", args, source_encoding)
        en = read_one_document(args.translation, "en", args, translation_encoding)
    if looks_swapped(zh.text, en.text):
        print(f"bitext: warning: {SWAPPED_MESSAGE}", file=sys.stderr)
    return zh, en
