"""``bitext batch MANIFEST -o OUTDIR`` (or ``bitext batch ZH_DIR EN_DIR -o OUTDIR``): many pairs at once."""

from __future__ import annotations

import argparse
import inspect
import sys

from bitext.align import align
from bitext.batch import BatchOptions, BatchSummary, ProgressBar, default_jobs, open_pairs, run_batch
from bitext.batch.runner import SettingsMismatch
from bitext.cli import align_cmd
from bitext.cli.io import add_layout_option
from bitext.cli.output import add_line_breaks_option, score_option
from bitext.errors import BitextError
from bitext.formats import WRITERS

EXAMPLES = """examples:
  bitext batch manifest.tsv -o out/              # manifest lines: doc_id<TAB>source<TAB>translation
  bitext batch zh/ en/ -o out/ --jobs 4          # two folders, files matched by name
  bitext batch manifest.tsv -o out/ --format jsonl --presegmented

output: out/corpus.tsv (or .jsonl, .parquet: every document, manifest order, doc_id column),
out/report.tsv (one row per document: ok/error, beads, mean score, bead types, error), out/documents/
(one file per document). In folder mode a file's doc_id is its name without .txt.
Re-running the same command resumes: documents already done are skipped.

exit status: 0 all documents aligned, 1 some failed (see report.tsv), 2 user error (e.g. a bad manifest)"""

# Options of `bitext align` handled here rather than mirrored: inputs, output and the batch's own ones.
_NOT_MIRRORED = {"source", "translation", "output", "format", "presegmented", "encoding", "layout", "help"}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "batch",
        help="align many document pairs (a manifest or two folders) in parallel, resumably",
        description="Align many Chinese–English document pairs into one corpus plus a per-document report.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="a TSV manifest (doc_id, source, translation; paths relative to it), or two folders: ZH_DIR EN_DIR",
    )
    parser.add_argument("-o", "--output", required=True, metavar="OUTDIR", help="output folder (created if absent)")
    parser.add_argument(
        "--format",
        choices=sorted(WRITERS),
        default="tsv",
        help="tsv, jsonl or parquet: one combined corpus file (and one per document); other formats: one file per "
        "document (default: tsv)",
    )
    parser.add_argument(
        "--presegmented", action="store_true", help="inputs hold one sentence per line; do not re-split"
    )
    for action in alignment_actions():
        parser._add_action(action)
    parser.add_argument("--encoding", help="input encoding (default: detected per file)")
    add_layout_option(parser)
    parser.add_argument(
        "--min-score", type=score_option, metavar="S", help="write only beads whose confidence is at least S"
    )
    parser.add_argument("--drop-unaligned", action="store_true", help="leave out 1-0 and 0-1 beads")
    add_line_breaks_option(parser)
    parser.add_argument(
        "--no-entities",
        dest="entities",
        action="store_false",
        help="do not pair names across the two sides (faster; QA then has no entity checks)",
    )
    parser.add_argument(
        "-j",
        "--jobs",
        type=_count,
        default=None,
        help=f"worker processes (default: one per core, here {default_jobs()}; 0: align in this process)",
    )
    parser.add_argument("--restart", action="store_true", help="discard an earlier run in OUTDIR instead of resuming")
    parser.add_argument("-q", "--quiet", action="store_true", help="no progress bar and no summary line")
    parser.set_defaults(run=run)


def alignment_actions() -> list[argparse.Action]:
    """`bitext align`'s own aligner options (``--method``, ``--scorer``, …), so both commands always
    offer the same ones: every option of `align` whose name is a keyword of :func:`bitext.align`."""
    scratch = argparse.ArgumentParser(add_help=False).add_subparsers()
    align_cmd.register(scratch)
    accepted = inspect.signature(align).parameters
    return [
        action
        for action in scratch.choices["align"]._actions
        if action.option_strings and action.dest in accepted and action.dest not in _NOT_MIRRORED
    ]


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if value < 0:
        raise argparse.ArgumentTypeError("must be 0 or more")
    return value


def batch_options(args: argparse.Namespace) -> BatchOptions:
    """The command line's options as the :class:`BatchOptions` a Python or Dask caller would pass."""
    align_options = {action.dest: getattr(args, action.dest) for action in alignment_actions()}
    return BatchOptions(
        args.format,
        args.presegmented,
        args.encoding,
        align_options,
        args.min_score,
        args.drop_unaligned,
        args.entities,
        args.layout,
        args.keep_line_breaks,
    )


def run(args: argparse.Namespace) -> int:
    pairs = open_pairs(args.inputs)
    options = batch_options(args)
    progress = None if args.quiet else ProgressBar
    try:
        summary = run_batch(pairs, args.output, options, jobs=args.jobs, restart=args.restart, progress=progress)
    except SettingsMismatch as error:
        raise BitextError(str(error).replace("run_batch(..., restart=True)", "--restart")) from None
    except KeyboardInterrupt:
        print(
            f"bitext batch: interrupted; documents finished so far are kept in {args.output}; "
            "run the same command again to resume",
            file=sys.stderr,
        )
        return 130
    except OSError as error:  # e.g. the output disk is full: nothing more can be written
        raise BitextError(f"{args.output}: {error.strerror or error}") from None
    if not args.quiet:
        print(describe(summary), file=sys.stderr)
    return summary.exit_status


def describe(summary: BatchSummary) -> str:
    parts = [f"bitext batch: {summary.ok} of {summary.total} documents aligned"]
    if summary.failed:
        parts.append(f"{summary.failed} failed (see {summary.report})")
    if summary.resumed:
        parts.append(f"{summary.resumed} done by an earlier run")
    where = summary.corpus or (summary.report.parent / "documents" if summary.report else "")
    parts.append(f"output in {where} ({summary.seconds:.1f} s)")
    return ", ".join(parts)
