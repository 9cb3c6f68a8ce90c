"""Entity pairs against the hand-made gold in benchmarks/data/entities/ (issue 13's measurement).

    python benchmarks/entity_gold.py [--part dev|test|all] [--source flores,mac,corpus,legal]
                                     [--scorer lexical] [--gold-dir DIR] [--data DIR] [--errors FILE]

Gold: ``<source>.tsv`` files (``doc_id  zh  en  type``, one row per entity per document; see the
README beside them). Each document is resolved to its two texts (:func:`document_texts`), aligned
with ``bitext.align`` (the default aligner; ``--scorer`` picks the sentence scorers) and passed to
``bitext.align_entities``; every ``EntityPair`` is one predicted row (zh, en, type). Nothing is
cached: the figures always come from the code on ``PYTHONPATH``.

Matching (issue 13): a predicted row matches a gold row of the same document when both sides match.
A side matches when the two strings are equal after case folding and white-space folding (runs of
white space become one space, none at the ends), or when one contains the other and the shorter is
at least 2 characters (Chinese) / 4 characters (English). Equality outranks containment. Each gold
row and each predicted row is used at most once: all matching (predicted, gold) couples of a
document are taken greedily, best first (two equal sides, then one equal side, then containment
only; ties in file order), so a second predicted row for an entity already matched costs precision.

Two figures: **canonical** (the headline: only ``EntityPair.zh`` / ``EntityPair.en``) and **with
variants** (a side also matches through ``variants`` / ``en_variants`` when the pair has them).

The split into DEV and TEST is fixed by the document id alone (:func:`part_of`), so nobody chooses
it after seeing results; ``--errors`` (false positives and misses per document) is for DEV only.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import sys
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BENCHMARKS = Path(__file__).resolve().parent
GOLD_DIR = BENCHMARKS / "data" / "entities"
if str(BENCHMARKS) not in sys.path:  # entity_quality holds the FLORES loader; importable from tests too
    sys.path.insert(0, str(BENCHMARKS))
CORPUS = ROOT / "corpus" / "sensetime-genai"
SOURCES = ("flores", "mac", "corpus", "legal")
TYPES = ("PER", "ORG", "LOC", "MISC")
NONE_TYPE = "NONE"  # a document read in full that names nothing on both sides: zh and en empty
COLUMNS = ("doc_id", "zh", "en", "type")
MIN_CONTAINED = {"zh": 2, "en": 4}


class GoldError(ValueError):
    """A gold file or document id that cannot be used (message names the file and line)."""


@dataclass(frozen=True)
class GoldRow:
    doc_id: str
    zh: str
    en: str
    type: str
    line: int = 0


@dataclass(frozen=True)
class Predicted:
    zh: str
    en: str
    type: str
    zh_variants: tuple[str, ...] = ()
    en_variants: tuple[str, ...] = ()


# ---------------------------------------------------------------- split and documents


def part_of(doc_id: str) -> str:
    """``test`` for about 30% of documents, ``dev`` for the rest; depends on the id alone."""
    return "test" if int(hashlib.sha1(doc_id.encode("utf-8")).hexdigest(), 16) % 10 < 3 else "dev"


def find_data() -> Path | None:
    """The shared evaluation data: ``shared/data`` beside the project or beside one of its parents."""
    for folder in ROOT.parents:
        candidate = folder / "shared" / "data"
        if candidate.is_dir():
            return candidate
    return None


class Resolver:
    """Turns a doc id into its (Chinese, English) texts; loads each source once."""

    def __init__(self, data: Path | None, gold_dir: Path = GOLD_DIR) -> None:
        self.data = data
        self.gold_dir = gold_dir
        self._flores: dict[str, tuple[str, str]] | None = None

    def _need_data(self, doc_id: str) -> Path:
        if self.data is None or not self.data.is_dir():
            raise GoldError(f"{doc_id}: the shared data folder is not found (pass --data)")
        return self.data

    def texts(self, doc_id: str) -> tuple[str, str]:
        source, _, name = doc_id.partition(":")
        if not name:
            raise GoldError(f"{doc_id!r}: a doc id is <source>:<name>")
        if source == "flores":
            if self._flores is None:
                from entity_quality import flores_documents

                self._flores = {
                    doc: ("\n".join(zh), "\n".join(en)) for doc, zh, en in flores_documents(self._need_data(doc_id))
                }
            if name not in self._flores:
                raise GoldError(f"{doc_id}: no FLORES devtest document {name!r} (0-{len(self._flores) - 1})")
            return self._flores[name]
        if source == "mac":
            from bitext.script import convert

            zh_file = self._need_data(doc_id) / "mac-dev" / "zh" / name
            en_file = self._need_data(doc_id) / "mac-dev" / "en" / name
            if not zh_file.is_file() or not en_file.is_file():
                raise GoldError(f"{doc_id}: no MAC-Dev chapter {name!r}")
            zh = "\n".join(convert(line, "s2t") for line in zh_file.read_text(encoding="utf-8").splitlines())
            return zh, "\n".join(en_file.read_text(encoding="utf-8").splitlines())
        if source == "corpus":
            folder = ROOT / "corpus" / name
            if not (folder / "zh-Hant.txt").is_file():
                raise GoldError(f"{doc_id}: no bundled corpus {name!r}")
            return (folder / "zh-Hant.txt").read_text(encoding="utf-8"), (folder / "en.txt").read_text(encoding="utf-8")
        if source == "legal":
            zh_file = self.gold_dir / "docs" / f"{name}.zh.txt"
            en_file = self.gold_dir / "docs" / f"{name}.en.txt"
            if not zh_file.is_file() or not en_file.is_file():
                raise GoldError(f"{doc_id}: {zh_file.name} and {en_file.name} are not both in {zh_file.parent}")
            return zh_file.read_text(encoding="utf-8"), en_file.read_text(encoding="utf-8")
        raise GoldError(f"{doc_id}: unknown source {source!r}; one of {', '.join(SOURCES)}")


# ---------------------------------------------------------------- gold files


def read_gold(path: Path) -> list[GoldRow]:
    """The rows of one gold file, checked for shape: header, types, no duplicates, NONE rows alone."""
    rows: list[GoldRow] = []
    with path.open(encoding="utf-8", newline="") as handle:
        reader = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header = next(reader, None)
        if header is None or tuple(header) != COLUMNS:
            raise GoldError(f"{path.name}: the header must be {' '.join(COLUMNS)} (tab-separated), not {header}")
        for line, fields in enumerate(reader, start=2):
            if not fields or fields == [""]:
                continue
            if len(fields) != len(COLUMNS):
                raise GoldError(f"{path.name}:{line}: {len(fields)} columns, expected {len(COLUMNS)}")
            doc_id, zh, en, kind = fields
            if kind == NONE_TYPE:
                if zh or en:
                    raise GoldError(f"{path.name}:{line}: a {NONE_TYPE} row has empty zh and en")
            elif kind not in TYPES:
                raise GoldError(f"{path.name}:{line}: type {kind!r} is not one of {', '.join(TYPES)}")
            elif not zh.strip() or not en.strip() or zh != zh.strip() or en != en.strip():
                raise GoldError(f"{path.name}:{line}: zh and en must be non-empty with no outer white space")
            rows.append(GoldRow(doc_id, zh, en, kind, line))
    seen: dict[tuple[str, str, str], int] = {}
    kinds: dict[str, set[str]] = {}
    for row in rows:
        key = (row.doc_id, row.zh, row.en)
        if key in seen:
            raise GoldError(f"{path.name}:{row.line}: duplicate of line {seen[key]}")
        seen[key] = row.line
        kinds.setdefault(row.doc_id, set()).add(row.type)
    for doc_id, doc_kinds in kinds.items():
        if NONE_TYPE in doc_kinds and len(doc_kinds) > 1:
            raise GoldError(f"{path.name}: {doc_id} has a {NONE_TYPE} row beside entity rows")
    return rows


def load_gold(gold_dir: Path, sources: Sequence[str], part: str) -> dict[str, list[GoldRow]]:
    """Gold rows per document (in file order) for the chosen sources and part; NONE rows give []."""
    documents: dict[str, list[GoldRow]] = {}
    for source in sources:
        path = gold_dir / f"{source}.tsv"
        if not path.is_file():
            continue
        for row in read_gold(path):
            if not row.doc_id.startswith(f"{source}:"):
                raise GoldError(f"{path.name}:{row.line}: doc id {row.doc_id!r} does not start with {source}:")
            if part != "all" and part_of(row.doc_id) != part:
                continue
            rows = documents.setdefault(row.doc_id, [])
            if row.type != NONE_TYPE:
                rows.append(row)
    return documents


# ---------------------------------------------------------------- matching


def fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def side_match(predicted: str, gold: str, language: str) -> int:
    """2 when equal after folding, 1 when one contains the other (shorter long enough), else 0."""
    a, b = fold(predicted), fold(gold)
    if not a or not b:
        return 0
    if a == b:
        return 2
    shorter, longer = (a, b) if len(a) <= len(b) else (b, a)
    return 1 if len(shorter) >= MIN_CONTAINED[language] and shorter in longer else 0


def pair_match(predicted: Predicted, gold: GoldRow, variants: bool) -> int:
    """0 when no match, else a rank: 4 both sides equal, 3 one equal, 2 containment on both."""
    zh_forms = (predicted.zh, *predicted.zh_variants) if variants else (predicted.zh,)
    en_forms = (predicted.en, *predicted.en_variants) if variants else (predicted.en,)
    zh = max(side_match(form, gold.zh, "zh") for form in zh_forms)
    en = max(side_match(form, gold.en, "en") for form in en_forms)
    return zh + en if zh and en else 0


def match(predicted: Sequence[Predicted], gold: Sequence[GoldRow], variants: bool = False) -> list[tuple[int, int]]:
    """(predicted index, gold index) couples, each index used once, greedily best first."""
    candidates = []
    for i, pair in enumerate(predicted):
        for j, row in enumerate(gold):
            rank = pair_match(pair, row, variants)
            if rank:
                candidates.append((-rank, i, j))
    candidates.sort()
    used_predicted: set[int] = set()
    used_gold: set[int] = set()
    couples = []
    for _, i, j in candidates:
        if i not in used_predicted and j not in used_gold:
            used_predicted.add(i)
            used_gold.add(j)
            couples.append((i, j))
    return sorted(couples)


@dataclass
class Score:
    predicted: int = 0
    gold: int = 0
    matched: int = 0
    type_correct: int = 0
    gold_by_type: Counter[str] = field(default_factory=Counter)
    found_by_type: Counter[str] = field(default_factory=Counter)
    predicted_by_type: Counter[str] = field(default_factory=Counter)
    correct_by_type: Counter[str] = field(default_factory=Counter)

    def add(self, predicted: Sequence[Predicted], gold: Sequence[GoldRow], couples: Sequence[tuple[int, int]]) -> None:
        self.predicted += len(predicted)
        self.gold += len(gold)
        self.matched += len(couples)
        self.gold_by_type.update(row.type for row in gold)
        self.predicted_by_type.update(pair.type for pair in predicted)
        for i, j in couples:
            self.found_by_type[gold[j].type] += 1
            self.correct_by_type[predicted[i].type] += 1
            self.type_correct += predicted[i].type == gold[j].type

    @property
    def precision(self) -> float:
        return self.matched / self.predicted if self.predicted else 0.0

    @property
    def recall(self) -> float:
        return self.matched / self.gold if self.gold else 0.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0

    @property
    def type_accuracy(self) -> float:
        return self.type_correct / self.matched if self.matched else 0.0


# ---------------------------------------------------------------- prediction and report


def predict(zh: str, en: str, scorer: str | None) -> list[Predicted]:
    import bitext

    alignment = bitext.align(zh, en) if scorer is None else bitext.align(zh, en, scorer=scorer)
    return [
        Predicted(
            pair.zh,
            pair.en,
            pair.type,
            tuple(getattr(pair, "variants", ()) or ()),
            tuple(getattr(pair, "en_variants", ()) or ()),
        )
        for pair in bitext.align_entities(alignment)
    ]


def _ratio(found: int, total: int) -> str:
    return f"{found / total:.3f} ({found}/{total})" if total else "- (0/0)"


def report(name: str, score: Score) -> list[str]:
    lines = [
        f"{name}: P {score.precision:.3f} R {score.recall:.3f} F1 {score.f1:.3f}  "
        f"({score.matched} matched, {score.predicted} predicted, {score.gold} gold); "
        f"type accuracy {_ratio(score.type_correct, score.matched)}",
        "  recall by gold type:        "
        + "  ".join(f"{t} {_ratio(score.found_by_type[t], score.gold_by_type[t])}" for t in TYPES),
        "  precision by predicted type: "
        + "  ".join(f"{t} {_ratio(score.correct_by_type[t], score.predicted_by_type[t])}" for t in TYPES),
    ]
    return lines


def _miss_note(row: GoldRow, predicted: Sequence[Predicted]) -> str:
    """Whether the missed entity was proposed with a wrong counterpart (one side matching) or not at all."""
    notes = [f"zh paired with {pair.en}" for pair in predicted if side_match(pair.zh, row.zh, "zh")]
    notes += [f"en paired with {pair.zh}" for pair in predicted if side_match(pair.en, row.en, "en")]
    return "; ".join(notes) or "not proposed"


def write_errors(path: Path, errors: list[tuple[str, list[Predicted], list[GoldRow], list[tuple[int, int]]]]) -> None:
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, delimiter="\t", quoting=csv.QUOTE_NONE, escapechar="\\", lineterminator="\n")
        writer.writerow(("doc_id", "error", "zh", "en", "type", "note"))
        for doc_id, predicted, gold, couples in errors:
            matched_predicted = {i for i, _ in couples}
            matched_gold = {j for _, j in couples}
            for j, row in enumerate(gold):
                if j not in matched_gold:
                    writer.writerow((doc_id, "miss", row.zh, row.en, row.type, _miss_note(row, predicted)))
            for i, pair in enumerate(predicted):
                if i not in matched_predicted:
                    writer.writerow((doc_id, "false", pair.zh, pair.en, pair.type, "|".join(pair.zh_variants)))
            for i, j in couples:
                if predicted[i].type != gold[j].type:
                    writer.writerow(
                        (doc_id, "type", predicted[i].zh, predicted[i].en, predicted[i].type, f"gold {gold[j].type}")
                    )


def main(argv: Iterable[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--part", choices=("dev", "test", "all"), default="dev")
    parser.add_argument("--source", default=",".join(SOURCES), help="comma-separated: flores,mac,corpus,legal")
    parser.add_argument("--gold-dir", type=Path, default=GOLD_DIR)
    parser.add_argument("--data", type=Path, default=None, help="the shared data folder (found beside the project)")
    parser.add_argument("--scorer", default=None, help="sentence scorers for bitext.align (default: its default)")
    parser.add_argument(
        "--errors",
        type=Path,
        help="write false positives and misses per document (DEV; or --part all of another --gold-dir)",
    )
    parser.add_argument("--per-source", action="store_true", help="also report each source alone")
    args = parser.parse_args(list(argv) if argv is not None else None)
    sources = [s.strip() for s in args.source.split(",") if s.strip()]
    unknown = [s for s in sources if s not in SOURCES]
    if unknown or not sources:
        parser.error(f"unknown source {', '.join(unknown) or '(none)'}; choose from {', '.join(SOURCES)}")
    fresh_all = args.part == "all" and args.gold_dir.resolve() != GOLD_DIR.resolve()
    if args.errors and args.part != "dev" and not fresh_all:
        # the gold's TEST part is looked at only to report; a fresh set in a folder of its own
        # (--gold-dir fresh6/ --part all) has no test part, so its errors may be read
        parser.error("--errors is for the DEV part only (the TEST part is looked at only to report)")
    try:
        documents = load_gold(args.gold_dir, sources, args.part)
        resolver = Resolver(args.data or find_data(), args.gold_dir)
        texts = {doc_id: resolver.texts(doc_id) for doc_id in documents}
    except GoldError as error:
        print(f"entity_gold: {error}", file=sys.stderr)
        return 2
    if not documents:
        print(
            f"entity_gold: no gold documents for {','.join(sources)} ({args.part}) in {args.gold_dir}", file=sys.stderr
        )
        return 2

    start = time.perf_counter()
    canonical, with_variants = Score(), Score()
    by_source: dict[str, Score] = {}
    errors = []
    for doc_id, gold in documents.items():
        predicted = predict(*texts[doc_id], args.scorer)
        couples = match(predicted, gold)
        canonical.add(predicted, gold, couples)
        by_source.setdefault(doc_id.partition(":")[0], Score()).add(predicted, gold, couples)
        with_variants.add(predicted, gold, match(predicted, gold, variants=True))
        errors.append((doc_id, predicted, gold, couples))
    seconds = time.perf_counter() - start

    label = f"{','.join(sources)} {args.part}, {len(documents)} documents, scorer {args.scorer or 'default'}"
    print(f"entity gold ({label}), {seconds:.1f} s")
    print("\n".join(report("canonical (headline)", canonical)))
    print("\n".join(report("with variants", with_variants)))
    if args.per_source:
        for source, score in sorted(by_source.items()):
            print("\n".join(f"  {line}" for line in report(source, score)))
    if args.errors:
        write_errors(args.errors, errors)
        print(f"errors written to {args.errors}")
    print(
        f"SUMMARY {args.part} {','.join(sources)}: P {canonical.precision:.3f} R {canonical.recall:.3f} "
        f"F1 {canonical.f1:.3f} type {canonical.type_accuracy:.3f} "
        f"(variants F1 {with_variants.f1:.3f}; {canonical.gold} gold, {len(documents)} docs)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
