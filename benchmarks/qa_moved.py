"""The ``moved`` QA check: does it find text a translator moved, and is it quiet on faithful translations?

    python benchmarks/qa_moved.py [--scorer all|lexical] [--trials 3] [--articles 10]
    python benchmarks/qa_moved.py --chapters [--scorer all|lexical]

Documents: FLORES-200 devtest zho_Hant ↔ eng_Latn articles (every article, both halves: the check is not
fitted), ``--articles`` consecutive articles a document, one sentence a line, a blank line between articles.

* **clean**: each document as it is; every ``moved`` flag is a false alarm (FLORES is translated sentence
  by sentence, in order). Also the six MAC-Dev chapters (literary, free translation) and the bundled corpus.
* **sentence**: one English sentence (not an article's first) taken out and put back at least 5 sentences
  away, ``--trials`` times a document with different random choices.
* **paragraph**: the English of two articles of the document swapped (their Chinese left in place).

A moved English sentence is *found* when a ``moved`` pair links it to its own Chinese sentence; a pair is
*right* when it links a Chinese sentence to its own English (FLORES is 1-1). ``--chapters``: three consecutive
MAC-Dev chapters as one document, as translated and with the English of the last two swapped (a free literary
translation, where single best matches say little and whole runs are re-aligned). The script prints, per set,
the moved sentences found, the pairs reported and how many were right, and the omission/addition errors
that the moved pairs replaced.
"""

from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _synthetic as synthetic
import bitext
from bitext.align.beads import Alignment
from bitext.qa import QASettings, check
from bitext.qa.moved_check import moved_pairs

MIN_DISTANCE = 5


def flores_documents(articles_per_doc: int) -> list[list[list[tuple[str, str]]]]:
    articles = synthetic.flores_articles()
    return [articles[k : k + articles_per_doc] for k in range(0, len(articles), articles_per_doc)]


def _text(paragraphs: list[list[str]]) -> str:
    return "\n\n".join("\n".join(lines) for lines in paragraphs) + "\n"


def _align(zh: list[list[str]], en: list[list[str]], scorer: str) -> Alignment:
    return bitext.align(_text(zh), _text(en), scorer=scorer, presegmented=True)


def moved_sentence(
    doc: list[list[tuple[str, str]]], rng: random.Random
) -> tuple[list[list[str]], dict[int, int], set[int]] | None:
    """English paragraphs with one sentence moved; each sentence's new English index; the moved one."""
    flat = [(a, s) for a, article in enumerate(doc) for s in range(len(article))]
    choices = [k for k, (_a, s) in enumerate(flat) if s > 0]
    if len(flat) < 2 * MIN_DISTANCE + 2 or not choices:
        return None
    source = rng.choice(choices)
    target = rng.choice([k for k in range(len(flat)) if abs(k - source) >= MIN_DISTANCE])
    order = [k for k in range(len(flat)) if k != source]
    order.insert(target if target < source else target - 1, source)
    english = [[en for _zh, en in article] for article in doc]
    # Articles stay paragraphs: the moved sentence joins the paragraph of the sentence it now precedes.
    paragraphs: list[list[str]] = [[] for _ in doc]
    for position, k in enumerate(order):
        a = flat[order[position + 1]][0] if k == source and position + 1 < len(order) else flat[k][0]
        paragraphs[a].append(english[flat[k][0]][flat[k][1]])
    kept = [p for p in paragraphs if p]
    return kept, {k: position for position, k in enumerate(order)}, {source}


def swapped_paragraphs(
    doc: list[list[tuple[str, str]]], rng: random.Random
) -> tuple[list[list[str]], dict[int, int], set[int]]:
    """English with two articles swapped; each sentence's new English index; the swapped articles' sentences
    (those between them only shift, keeping their order with the Chinese)."""
    english = [[en for _zh, en in article] for article in doc]
    first, second = sorted(rng.sample(range(len(doc)), 2))
    order = list(range(len(doc)))
    order[first], order[second] = order[second], order[first]
    starts = [sum(len(article) for article in doc[:k]) for k in range(len(doc))]
    new_position: dict[int, int] = {}
    cursor = 0
    for k in order:
        for s in range(len(doc[k])):
            new_position[starts[k] + s] = cursor
            cursor += 1
    swapped = {starts[k] + s for k in (first, second) for s in range(len(doc[k]))}
    return [english[k] for k in order], new_position, swapped


def score(alignment: Alignment, truth: dict[int, int], moved: set[int]) -> tuple[int, int, int]:
    """(moved sentences found, pairs reported, pairs right): ``truth`` maps each Chinese sentence to the index
    of its English now; ``moved`` holds the Chinese sentences whose English was moved."""
    pairs = moved_pairs(alignment, QASettings())
    right = sum(1 for pair in pairs if all(truth[i] in pair.en for i in pair.zh))
    found = len({i for pair in pairs for i in pair.zh if i in moved and truth[i] in pair.en})
    return found, len(pairs), right


def replaced_errors(alignment: Alignment) -> tuple[int, int]:
    """Omission/addition flags without and with the moved check."""
    without = check(alignment, settings=QASettings(ignore=frozenset({"moved"}))).by_code()
    with_moved = check(alignment).by_code()
    return without["omission"] + without["addition"], with_moved["omission"] + with_moved["addition"]


def run(args: argparse.Namespace) -> None:
    docs = flores_documents(args.articles)
    rng = random.Random(7)
    clean_pairs = clean_beads = 0
    for doc in docs:
        alignment = _align([[zh for zh, _en in a] for a in doc], [[en for _zh, en in a] for a in doc], args.scorer)
        clean_pairs += len(moved_pairs(alignment, QASettings()))
        clean_beads += len(alignment.beads)
    print(
        f"FLORES clean, {len(docs)} documents of {args.articles} articles, {clean_beads} beads: "
        f"{clean_pairs} moved pairs (false alarms), {50 * clean_pairs / clean_beads:.2f} per 50 beads"
    )
    for case in [*synthetic.mac_dev("s2t"), synthetic.corpus_case()]:
        zh, en = case.documents()
        alignment = bitext.align(zh, en, scorer=args.scorer)
        print(f"{case.name}: {len(alignment.beads)} beads, {len(moved_pairs(alignment, QASettings()))} moved pairs")
    totals = [0, 0, 0, 0, 0, 0, 0]
    for doc in docs:
        zh = [[z for z, _e in a] for a in doc]
        for _trial in range(args.trials):
            made = moved_sentence(doc, rng)
            if made is None:
                continue
            english, truth, moved = made
            alignment = _align(zh, english, args.scorer)
            found, reported, right = score(alignment, truth, moved)
            old, new = replaced_errors(alignment)
            for k, value in enumerate((1, found, reported, right, old, new)):
                totals[k] += value
    print(
        f"one sentence moved ≥ {MIN_DISTANCE} away, {totals[0]} cases: found {totals[1]} "
        f"({totals[1] / max(totals[0], 1):.2f}), pairs reported {totals[2]}, right {totals[3]}; "
        f"omission+addition flags {totals[4]} → {totals[5]}"
    )
    moved_total = found_total = reported_total = right_total = old_total = new_total = 0
    for doc in docs:
        if len(doc) < 2:
            continue
        zh = [[z for z, _e in a] for a in doc]
        english, truth, moved = swapped_paragraphs(doc, rng)
        alignment = _align(zh, english, args.scorer)
        found, reported, right = score(alignment, truth, moved)
        old, new = replaced_errors(alignment)
        moved_total += len(moved)
        found_total += found
        reported_total += reported
        right_total += right
        old_total += old
        new_total += new
    print(
        f"two articles' English swapped, {len(docs)} documents, {moved_total} sentences moved: found {found_total} "
        f"({found_total / max(moved_total, 1):.2f}), pairs reported {reported_total}, right {right_total}; "
        f"omission+addition flags {old_total} → {new_total}"
    )


def chapters(args: argparse.Namespace) -> None:
    """Three consecutive MAC-Dev chapters (s2t) as one document, as translated and with the English of the last
    two swapped; truth from the chapters' gold beads."""
    mac = synthetic.mac_dev("s2t")
    for first in range(len(mac) - 2):
        parts = mac[first : first + 3]
        zh = [case.zh for case in parts]
        for name, order in (("in order", [0, 1, 2]), ("last two swapped", [0, 2, 1])):
            en = [parts[k].en for k in order]
            en_start = {k: sum(len(parts[o].en) for o in order[: order.index(k)]) for k in range(3)}
            truth: dict[int, set[int]] = {}
            zh_start = 0
            for k, case in enumerate(parts):
                for zh_ids, en_ids in case.gold:
                    for i in zh_ids:
                        truth[zh_start + i] = {en_start[k] + j for j in en_ids}
                zh_start += len(case.zh)
            alignment = _align(zh, en, args.scorer)
            pairs = moved_pairs(alignment, QASettings())
            moved = {i for i in truth if order != [0, 1, 2] and i >= len(parts[0].zh)}
            # The aligner, monotone, aligns one of the swapped chapters in place: what is out of order for it
            # is what its beads do not pair with their own English.
            bead_en = {i: set(bead.en_ids) for bead in alignment.beads for i in bead.zh_ids}
            out_of_place = {i for i in moved if not truth[i] & bead_en[i]}
            found = {i for pair in pairs for i in pair.zh if i in moved and truth[i] & set(pair.en)}
            right = sum(1 for pair in pairs if all(truth[i] & set(pair.en) for i in pair.zh))
            old, new = replaced_errors(alignment)
            print(
                f"MAC-Dev {parts[0].name[-3:]}-{parts[-1].name[-3:]} {name}: {len(pairs)} moved pairs ({right} right), "
                f"Chinese sentences found {len(found)} of {len(moved)} moved, {len(out_of_place)} of them not aligned "
                f"with their English; omission+addition flags {old} → {new}"
            )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scorer", default="all")
    parser.add_argument("--trials", type=int, default=3)
    parser.add_argument("--articles", type=int, default=10)
    parser.add_argument("--chapters", action="store_true", help="only the MAC-Dev chapters, in order and swapped")
    args = parser.parse_args()
    if args.chapters:
        chapters(args)
    else:
        run(args)


if __name__ == "__main__":
    main()
