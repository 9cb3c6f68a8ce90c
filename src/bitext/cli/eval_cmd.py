"""``bitext eval --gold G... --pred P...``: strict and lax P/R/F1 in Vecalign's definition."""

from __future__ import annotations

import argparse

from bitext.errors import BitextError
from bitext.evaluate import evaluate_many, validate_beads
from bitext.formats.vecalign import read_alignment


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    parser = subparsers.add_parser("eval", help="score predicted alignments against gold ones")
    parser.add_argument("--gold", nargs="+", required=True, help="gold .align files")
    parser.add_argument("--pred", nargs="+", required=True, help="predicted .align files, same order")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if len(args.gold) != len(args.pred):
        raise BitextError(f"{len(args.gold)} gold files but {len(args.pred)} predicted files")
    pairs = [
        (validate_beads(read_alignment(gold), gold), validate_beads(read_alignment(pred), pred))
        for gold, pred in zip(args.gold, args.pred, strict=True)
    ]
    result = evaluate_many(pairs)
    print(f"{'':10}{'precision':>10}{'recall':>10}{'F1':>10}")
    for name, scores in (("strict", result.strict), ("lax", result.lax)):
        print(f"{name:10}{scores.precision:10.4f}{scores.recall:10.4f}{scores.f1:10.4f}")
    print(f"gold beads (both sides): {result.gold_beads}, predicted beads: {result.predicted_beads}")
    return 0
