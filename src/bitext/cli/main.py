"""``bitext`` command line: a thin layer over the typed API. Each subcommand is its own module.

Exit status: 0 success; 1 the command ran and found a problem it reports (e.g. ``check`` flags);
2 a user error (bad file, bad option), printed as one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import atexit
import contextlib
import gc
import logging
import sys
from collections.abc import Iterator, Sequence
from typing import NoReturn

from bitext import progress
from bitext.atomic import describe, discard_standard_output
from bitext.cli import align_cmd, batch_cmd, check_cmd, convert_cmd, entities_cmd, eval_cmd, segment_cmd
from bitext.cli.output import add_quiet_option
from bitext.errors import BitextError
from bitext.log import OneLineFormatter, logger
from bitext.versions import versions

COMMANDS = (align_cmd, check_cmd, entities_cmd, segment_cmd, convert_cmd, eval_cmd, batch_cmd)

EPILOG = """examples:
  bitext align corpus/sensetime-genai/zh-Hant.txt corpus/sensetime-genai/en.txt -o corpus.tsv
  bitext segment corpus/sensetime-genai/zh-Hant.txt --lang zh
  bitext convert corpus/sensetime-genai/zh-Hant.txt --config t2s
  bitext eval --gold gold.align --pred pred.align
  bitext check corpus/sensetime-genai/zh-Hant.txt corpus/sensetime-genai/en.txt
  bitext entities corpus/sensetime-genai/zh-Hant.txt corpus/sensetime-genai/en.txt --format jsonl
  bitext align corpus/sensetime-genai/zh-Hant.txt corpus/sensetime-genai/en.txt --format html -o review.html

exit status: 0 ok, 1 problems found and reported, 2 user error (one line on stderr)"""


class OneLineErrorParser(argparse.ArgumentParser):
    """argparse prints the whole usage block before a mistake; a user error here is one line."""

    def error(self, message: str) -> NoReturn:
        self.exit(2, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    # Subcommand parsers inherit the class, so every command's option errors are one line too.
    parser = OneLineErrorParser(
        prog="bitext",
        description="Align a traditional-Chinese document with its English translation.",
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--version", action="version", version=f"bitext {versions()['bitext']}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    subparsers.required = True
    for command in COMMANDS:
        command.register(subparsers)
    for subparser in subparsers.choices.values():
        add_shared_options(subparser)
    return parser


def add_shared_options(parser: argparse.ArgumentParser) -> None:
    """``-q``/``--quiet`` and ``-v``/``--verbose`` on every subcommand (a command may define its own ``-q``)."""
    with contextlib.suppress(argparse.ArgumentError):  # batch's -q also drops its summary line
        add_quiet_option(parser)
    parser.add_argument(
        "-v",
        "--verbose",
        action="store_true",
        help="report on standard error the failures bitext recovers from (e.g. a cache it cannot write)",
    )


@contextlib.contextmanager
def log_to_stderr(verbose: bool) -> Iterator[None]:
    """With ``verbose``, the ``bitext`` logger's records go to standard error while the command runs."""
    if not verbose:
        yield
        return
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLineFormatter())
    previous = logger.level
    logger.addHandler(handler)
    logger.setLevel(logging.DEBUG)
    try:
        yield
    finally:
        logger.removeHandler(handler)
        logger.setLevel(previous)


_EXIT_FREEZE: list[bool] = []


def _freeze_at_exit() -> None:
    """At exit the interpreter's last collections scan every object still alive: after pairing the names of
    a 10,000-sentence document (its caches and tables) that was 0.9 s of CPU, about 6% of the command
    (docs/benchmarks.md). Registered once per process: at exit everything is moved out of the collector's
    reach (gc.freeze) first. The outputs are closed files and the standard streams are flushed apart, so
    no object of ours needs a collection to finish its work."""
    if not _EXIT_FREEZE:
        atexit.register(gc.freeze)
        _EXIT_FREEZE.append(True)


def main(argv: Sequence[str] | None = None) -> int:
    _freeze_at_exit()
    # What an earlier command of this process froze (cli.output.write_output) may be collected again: a
    # process running several commands (the tests) keeps no garbage frozen for longer than one command.
    gc.unfreeze()
    parser = build_parser()
    args = parser.parse_args(argv)
    progress.set_quiet(getattr(args, "quiet", False))  # before any work: reading shows progress too
    try:
        with log_to_stderr(args.verbose):
            return int(args.run(args) or 0)
    except BitextError as error:
        print(f"bitext: error: {error}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        # The reader (e.g. `head`) went away: not an error of ours or the user's. (`check` catches it
        # itself and keeps the status of its findings.)
        discard_standard_output()
        return 0
    except OSError as error:
        # Reading errors are InputErrors and file outputs OutputErrors already; what reaches here is the
        # environment (standard output on a full disk, a closed descriptor), never a bug of the input.
        discard_standard_output()
        print(f"bitext: error: {describe(error)}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("bitext: interrupted", file=sys.stderr)
        return 130


if __name__ == "__main__":
    sys.exit(main())
