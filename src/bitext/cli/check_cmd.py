"""``bitext check SOURCE TRANSLATION``: align, run the QA checks, print a summary and the flagged beads.

Exit status 1 when a flag at ``--fail-on`` level (default: error) or worse is found, so translation teams can
use it in CI; 0 when the translation passes; 2 for a user error (unreadable file, bad option). The status
is the same when the reader of standard output leaves early (``| head``): a closed pipe is not a finding.
"""

from __future__ import annotations

import argparse
import gc
import json
from pathlib import Path
from typing import IO

from bitext import progress
from bitext.align import ALIGNERS, DEFAULT_ALIGNER, DEFAULT_SCORER, SCORER_PRESETS, SCORERS, align
from bitext.align.beads import Alignment
from bitext.atomic import discard_standard_output, open_output
from bitext.cli.io import add_pair_encoding_options, read_documents
from bitext.cli.output import add_ignore_option, add_line_breaks_option, add_quiet_option
from bitext.errors import BitextError
from bitext.formats import WRITERS, Export, save
from bitext.formats.base import bead_types, mean_score
from bitext.qa import LEVELS, Flag, QAReport, QASettings, review

EXAMPLES = """examples:
  bitext check zh-Hant.txt en.txt                      summary and every error or warning
  bitext check zh-Hant.txt en.txt --show error         only the errors
  bitext check zh-Hant.txt en.txt --export review.html and write the review page too
  bitext check zh-Hant.txt en.txt --format jsonl       one JSON object per flag, for scripts
  bitext check zh-Hant.txt en.txt --ignore entity-missing,length-ratio   leave these checks out

exit status: 0 nothing at --fail-on level (default error), 1 something is, 2 user error; the same when the
reader of the output leaves early (bitext check ... | head)"""

_RANK: dict[str, int] = {level: rank for rank, level in enumerate(LEVELS)}


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser(
        "check",
        help="QA a translation: numbers, omissions, names, lengths; exit 1 on errors",
        description="Align SOURCE (Chinese) with TRANSLATION (English) and report beads a reviewer should look at: "
        "numbers that differ, sentences with no counterpart, names with no counterpart, odd length ratios, "
        "low confidence, untranslated text, repeated English sentences, text moved out of order.",
        epilog=EXAMPLES,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("source", help="the Chinese document (traditional or simplified)")
    parser.add_argument("translation", help="its English translation")
    parser.add_argument("--presegmented", action="store_true", help="inputs hold one sentence per line")
    parser.add_argument("--method", choices=sorted(ALIGNERS), default=DEFAULT_ALIGNER, help="sentence aligner")
    parser.add_argument(
        "--scorer",
        default=DEFAULT_SCORER,
        metavar="SCORERS",
        help=f"scorers of the bitext aligner, as for bitext align: a preset ({', '.join(SCORER_PRESETS)}) or a "
        f"comma-separated list of {', '.join(SCORERS)} (default: {DEFAULT_SCORER}; 'lexical' needs no neural model)",
    )
    add_pair_encoding_options(parser)
    parser.add_argument(
        "--show", choices=LEVELS, default="warning", help="list flags of this level or worse (default: warning)"
    )
    parser.add_argument(
        "--fail-on",
        choices=(*LEVELS, "never"),
        default="error",
        help="exit 1 when a flag of this level or worse is found (default: error)",
    )
    parser.add_argument(
        "--low-confidence",
        type=float,
        default=QASettings.low_confidence,
        metavar="S",
        help=f"flag beads whose confidence is below S (default: {QASettings.low_confidence})",
    )
    add_ignore_option(parser)
    parser.add_argument(
        "--format",
        choices=("text", "jsonl"),
        default="text",
        help="text for people (default) or one JSON object per flag",
    )
    parser.add_argument(
        "--export",
        metavar="FILE",
        help="also write the alignment with its flags; format from the suffix "
        f"({', '.join('.' + name for name in sorted(WRITERS))})",
    )
    add_line_breaks_option(parser)
    add_quiet_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    export_format = _export_format(args.export) if args.export else None
    zh, en = read_documents(args)
    with progress.stage(f"aligning {len(zh):,} × {len(en):,} sentences"):
        alignment = align(zh, en, method=args.method, scorer=args.scorer, presegmented=args.presegmented)
    from bitext.resources.cache import collection_paused

    with collection_paused():
        entities, report = review(
            alignment, settings=QASettings(low_confidence=args.low_confidence, ignore=args.ignore)
        )
        gc.freeze()  # what the review made stays until exit: not scanned again (see cli.output.write_output)
    printer = print_jsonl if args.format == "jsonl" else print_report
    try:
        with open_output(None) as out:
            printer(alignment, report, args.show, out)
    except BrokenPipeError:
        # The reader left early (`bitext check … | head`): the findings still decide the exit status, so
        # the command stays a CI gate under `set -o pipefail` (1 on errors; not 0, and not SIGPIPE's 141).
        discard_standard_output()
    if args.export:
        export = Export(alignment, entities=entities, qa=report, keep_line_breaks=args.keep_line_breaks)
        save(export, args.export, export_format or "tsv")
    return exit_status(report, args.fail_on)


def exit_status(report: QAReport, fail_on: str) -> int:
    if fail_on == "never":
        return 0
    return 1 if report.at_least(fail_on) else 0  # type: ignore[arg-type]


def _export_format(path: str) -> str:
    suffix = Path(path).suffix.lstrip(".").lower()
    if suffix not in WRITERS:
        raise BitextError(
            f"--export {path}: cannot tell the format from the suffix; use one of "
            f"{', '.join('.' + name for name in sorted(WRITERS))}"
        )
    return suffix


def print_report(alignment: Alignment, report: QAReport, show: str, out: IO[str]) -> None:
    """The summary, then each bead with a flag of level ``show`` or worse, with its two sides."""
    beads = alignment.beads
    mean = mean_score(beads)
    types = ", ".join(f"{count} × {kind}" for kind, count in bead_types(beads).items())
    names = f"{alignment.zh.name or 'Chinese'} ↔ {alignment.en.name or 'English'}"
    out.write(f"{names}: {len(beads)} beads ({types}), mean confidence {mean if mean is not None else 0:.2f}\n")
    counts = ", ".join(
        f"{report.count(level)} {level}{'s' if report.count(level) != 1 and level != 'info' else ''}"
        for level in LEVELS
    )
    out.write(f"flags: {counts} in {len(report.flagged_beads)} beads\n")
    levels = {flag.code: flag.level for flag in report.flags}
    for code, count in sorted(report.by_code().items(), key=lambda item: (_RANK[levels[item[0]]], -item[1])):
        out.write(f"  {code:<22}{count:>5}  {levels[code]}\n")
    for note in uncovered_ends(alignment):
        out.write(f"  ({note})\n")
    if "numbers" not in report.checks:  # QA leaves out the checks that read each side in its language
        out.write("  (numbers, lengths, untranslated text and names not checked: the sides look swapped)\n")
    elif "entities" not in report.checks:
        out.write("  (names not checked: entity alignment is not available in this build)\n")
    if report.ignored:
        out.write(f"  (left out: {', '.join(report.ignored)})\n")
    shown = [flag for flag in report.flags if _RANK[flag.level] <= _RANK[show]]
    by_bead: dict[int, list[Flag]] = {}
    for flag in shown:
        by_bead.setdefault(flag.bead, []).append(flag)
    for number, flags in by_bead.items():
        bead = beads[number]
        out.write(
            f"\nbead {number}  {bead.type}  confidence {bead.score:.2f}  zh {_ids(bead.zh)}  en {_ids(bead.en)}\n"
        )
        for flag in flags:
            out.write(f"  {flag.level:<7} {flag.code}: {flag.message}\n")
        out.write(f"  zh: {_one_line(alignment.zh_text(bead))}\n  en: {_one_line(alignment.en_text(bead))}\n")


# A run of unaligned sentences at a document's start or end this long (and this share of its side) is
# named once in the summary: a partial translation shows as hundreds of omissions, one bead at a time.
_UNCOVERED_MIN_SENTENCES = 10
_UNCOVERED_MIN_SHARE = 0.2


def uncovered_ends(alignment: Alignment) -> list[str]:
    """One line for each end of the document where one side runs on with nothing on the other."""
    notes = []
    beads = alignment.beads
    for side, other, sentences in (
        ("Chinese", "English", len(alignment.zh)),
        ("English", "Chinese", len(alignment.en)),
    ):
        if not sentences:
            continue
        for where, ordered in (("first", beads), ("last", beads[::-1])):
            run = 0
            for bead in ordered:
                mine, theirs = (bead.zh, bead.en) if side == "Chinese" else (bead.en, bead.zh)
                if theirs:
                    break
                run += len(mine)
            if run >= _UNCOVERED_MIN_SENTENCES and run >= _UNCOVERED_MIN_SHARE * sentences:
                notes.append(
                    f"the {where} {run} of {sentences} {side} sentences have no {other} counterpart: "
                    f"is the {'translation' if side == 'Chinese' else 'source'} partial?"
                )
    return notes


def print_jsonl(alignment: Alignment, report: QAReport, show: str, out: IO[str]) -> None:
    for flag in report.flags:
        if _RANK[flag.level] > _RANK[show]:
            continue
        bead = alignment.beads[flag.bead]
        record = {
            "bead": flag.bead,
            "level": flag.level,
            "code": flag.code,
            "message": flag.message,
            "type": bead.type,
            "score": bead.score,
            "zh_ids": list(bead.zh),
            "en_ids": list(bead.en),
            "zh": alignment.zh_text(bead),
            "en": alignment.en_text(bead),
        }
        out.write(json.dumps(record, ensure_ascii=False) + "\n")


def _ids(ids: tuple[int, ...]) -> str:
    if not ids:
        return "—"
    return str(ids[0]) if len(ids) == 1 else f"{ids[0]}–{ids[-1]}"


def _one_line(text: str, limit: int = 300) -> str:
    if not text:
        return "(none)"
    flat = " ⏎ ".join(line.strip() for line in text.splitlines() if line.strip())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"
