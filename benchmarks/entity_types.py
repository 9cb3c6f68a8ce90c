"""Type confusion of the entity table against the hand-made gold: every matched pair whose type is wrong,
with the signals that voted for each of its rows (issue 13: "type correct for ≥ 85% of matched pairs");
``--all`` lists the right ones too.

    PYTHONPATH=src python benchmarks/entity_types.py [--part dev|all] [--gold-dir DIR] [--data DIR]

Prints one block per wrong type: ``gold → predicted  zh ↔ en``, then each row of the entity's cluster
with its type, count and ballots (``pairing.type_ballots``: type, weight, signal), and a confusion
table (gold type × predicted type) at the end. Like ``entity_gold.py --errors``, it reads DEV only, or
``--part all`` of a fresh set in a folder of its own (never the gold's TEST part).
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

import entity_gold
from bitext.entities import pairing

Trace = list[tuple[str, str, str, int, list[pairing.Ballot]]]


class _Recorder:
    """Wraps pairing._pair and pairing._entity to keep each output pair's rows and their ballots."""

    def __init__(self) -> None:
        self.rows: dict[int, tuple[str, str, str, int, list[pairing.Ballot]]] = {}
        self.by_pair: dict[tuple[str, str], Trace] = {}
        self._pair = pairing._pair
        self._entity = pairing._entity

    def install(self) -> None:
        def traced_pair(key: tuple[str, str], links: Sequence[Any], document: Any = None) -> Any:
            row = self._pair(key, links, document)
            _, ballots = pairing.type_ballots(key[0], links, document)
            self.rows[id(row)] = (row.zh, row.en, row.type, row.count, ballots)
            return row

        def traced_entity(cluster: Sequence[Any], document: Any = None) -> Any:
            self.rows.clear()
            entity = self._entity(cluster, document)
            self.by_pair[entity.zh, entity.en] = list(self.rows.values())
            return entity

        pairing._pair = traced_pair  # type: ignore[assignment]
        pairing._entity = traced_entity  # type: ignore[assignment]


def _ballot_text(ballots: Iterable[pairing.Ballot]) -> str:
    summed: Counter[tuple[str, str]] = Counter()
    for kind, weight, signal in ballots:
        summed[kind, signal] += weight
    return ", ".join(f"{kind}+{weight} {signal}" for (kind, signal), weight in summed.most_common())


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "all"), default="dev")
    parser.add_argument("--gold-dir", type=Path, default=entity_gold.GOLD_DIR)
    parser.add_argument("--data", type=Path, default=None)
    parser.add_argument("--all", action="store_true", help="also list the matched pairs whose type is right")
    args = parser.parse_args(list(argv) if argv is not None else None)
    if args.part == "all" and args.gold_dir.resolve() == entity_gold.GOLD_DIR.resolve():
        parser.error("--part all is for a fresh set's folder (the gold's TEST part is looked at only to report)")
    documents = entity_gold.load_gold(args.gold_dir, list(entity_gold.SOURCES), args.part)
    resolver = entity_gold.Resolver(args.data or entity_gold.find_data(), args.gold_dir)
    recorder = _Recorder()
    recorder.install()
    confusion: Counter[tuple[str, str]] = Counter()
    for doc_id, gold in documents.items():
        recorder.by_pair.clear()
        predicted = entity_gold.predict(*resolver.texts(doc_id), None)
        for i, j in entity_gold.match(predicted, gold):
            confusion[gold[j].type, predicted[i].type] += 1
            right = predicted[i].type == gold[j].type
            if right and not args.all:
                continue
            mark = "ok " if right else "BAD"
            print(f"{mark} {doc_id}\t{gold[j].type} → {predicted[i].type}\t{predicted[i].zh} ↔ {predicted[i].en}")
            for zh, en, kind, count, ballots in recorder.by_pair.get((predicted[i].zh, predicted[i].en), []):
                print(f"    {kind} ×{count} {zh} ↔ {en}: {_ballot_text(ballots)}")
    types = entity_gold.TYPES
    print("gold \\ predicted\t" + "\t".join(types))
    for gold_type in types:
        print(f"{gold_type}\t\t" + "\t".join(str(confusion[gold_type, t]) for t in types))
    correct = sum(confusion[t, t] for t in types)
    print(f"type accuracy {correct}/{sum(confusion.values())}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
