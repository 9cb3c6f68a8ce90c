"""Detection accuracy on real data: legacy encoding (Big5-HKSCS vs GB18030) and script (traditional vs
simplified), each against the heuristic it replaced, plus what OpenCC round trips really restore.

    python benchmarks/script_detection.py            # all parts
    python benchmarks/script_detection.py encoding   # or: script, roundtrip, variant

Data: ../shared/data/flores200-devtest/devtest_docs.tsv (281 documents, zho_Hant in Taiwan usage and
zho_Hans) and ../shared/data/mac-dev/zh/* (6 simplified literary chapters). Figures go to
docs/design.md ("Reading input", "Script conversion and detection").
"""

from __future__ import annotations

import argparse
import collections
import contextlib
import csv
import sys
import time
from collections.abc import Callable, Iterable
from pathlib import Path

import rjieba

from bitext import script
from bitext.errors import InputError
from bitext.reading import decode_bytes
from bitext.script import convert, detect_script

DATA = Path(__file__).resolve().parents[1].parent / "shared" / "data"
PREFIX_LENGTHS = (2, 4, 8, 16, 32, None)  # None: the whole sentence
CODECS = ("big5hkscs", "gb18030")


# --- Data -------------------------------------------------------------------------------------------


def flores_documents() -> dict[str, list[list[str]]]:
    """{"zho_Hant": [[sentence, ...] per document], "zho_Hans": [...]}, in document order."""
    documents: dict[str, dict[str, list[str]]] = {"zho_Hant": {}, "zho_Hans": {}}
    path = DATA / "flores200-devtest" / "devtest_docs.tsv"
    with open(path, encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            for column, docs in documents.items():
                docs.setdefault(row["doc_idx"], []).append(row[column])
    return {column: list(docs.values()) for column, docs in documents.items()}


def macdev_chapters() -> list[list[str]]:
    chapters = []
    for path in sorted((DATA / "mac-dev" / "zh").iterdir()):
        chapters.append([line for line in path.read_text(encoding="utf-8").splitlines() if line.strip()])
    return chapters


def joined(sentences: list[str]) -> str:
    return "\n".join(sentences) + "\n"


# --- Part 1: encodings ------------------------------------------------------------------------------


def old_detect(data: bytes) -> str:
    """The heuristic before this change: UTF-8, else whichever of Big5-HKSCS (first on ties) and GB18030
    has the larger share of Han characters inside jieba words (with jieba's HMM)."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    candidates = []
    for codec in CODECS:
        try:
            candidates.append(data.decode(codec))
        except UnicodeDecodeError:
            continue
    if not candidates:
        raise InputError("undecodable")
    return max(candidates, key=_old_words_share)


def _old_words_share(text: str) -> float:
    han_total = han_in_words = 0
    for word in rjieba.cut(script.to_simplified(text[:4000])):
        han = sum(1 for ch in word if "\u4e00" <= ch <= "\u9fff")
        han_total += han
        if len(word) >= 2 and han == len(word):
            han_in_words += han
    return han_in_words / han_total if han_total else 0.0


def new_detect(data: bytes) -> str:
    return decode_bytes(data).text


def encoding_cases(texts: Iterable[str]) -> Iterable[tuple[str, bytes, str]]:
    """(codec, bytes, text) for every text representable in each codec."""
    for text in texts:
        for codec in CODECS:
            try:
                yield codec, text.encode(codec), text
            except UnicodeEncodeError:
                continue


def exact_rate(detector: Callable[[bytes], str], cases: list[tuple[str, bytes, str]]) -> tuple[int, int]:
    right = 0
    for _codec, data, text in cases:
        with contextlib.suppress(InputError):
            right += detector(data) == text
    return right, len(cases)


def part_encoding() -> None:
    print("== Encoding detection: text decoded exactly (right / tried), old heuristic vs current")
    flores = flores_documents()
    chapters = macdev_chapters()
    collections_of_documents = {
        "FLORES zho_Hant documents": [joined(doc) for doc in flores["zho_Hant"]],
        "FLORES zho_Hans documents": [joined(doc) for doc in flores["zho_Hans"]],
        "MAC-Dev chapters": [joined(chapter) for chapter in chapters],
        "MAC-Dev chapters, s2hk": [convert(joined(chapter), "s2hk") for chapter in chapters],
    }
    print(f"{'data':34}{'codec':>11}{'old':>20}{'current':>20}")
    for name, texts in collections_of_documents.items():
        cases = list(encoding_cases(texts))
        for codec in CODECS:
            subset = [case for case in cases if case[0] == codec]
            if subset:
                print(f"{name:34}{codec:>11}{_rate(old_detect, subset):>20}{_rate(new_detect, subset):>20}")
    print("\n-- by length: the first N characters of every sentence (FLORES Hant + Hans, MAC-Dev)")
    sentences = {
        "FLORES zho_Hant": [s for doc in flores["zho_Hant"] for s in doc],
        "FLORES zho_Hans": [s for doc in flores["zho_Hans"] for s in doc],
        "MAC-Dev": [s for chapter in chapters for s in chapter],
    }
    print(f"{'data':18}{'codec':>11}{'chars':>7}{'old':>20}{'current':>20}")
    for name, texts in sentences.items():
        for length in PREFIX_LENGTHS:
            prefixes = [text[:length] if length else text for text in texts]
            cases = [case for case in encoding_cases(prefixes) if not case[1].isascii()]
            for codec in CODECS:
                subset = [case for case in cases if case[0] == codec]
                label = str(length) if length else "all"
                print(f"{name:18}{codec:>11}{label:>7}{_rate(old_detect, subset):>20}{_rate(new_detect, subset):>20}")


def _rate(detector: Callable[[bytes], str], cases: list[tuple[str, bytes, str]]) -> str:
    right, total = exact_rate(detector, cases)
    return f"{right}/{total} {right / total:.4f}" if total else "-"


# --- Part 2: script detection -----------------------------------------------------------------------


def _char(ch: str, config: str) -> str:
    converted = convert(ch, config)
    return converted if len(converted) == 1 else ch


def rule_s2t_only(text: str) -> str:
    """Before: simplified evidence = s2t changes it and t2s does not (峰, 群, 里, 后 all count)."""
    return _verdict(text, lambda ch: float(_char(ch, "s2t") != ch and _char(ch, "t2s") == ch), min_evidence=0.0)


def rule_regional(text: str) -> str:
    """s2t, s2tw and s2hk all change it (峰, 群, 温 no longer count; 里, 后 still do, fully)."""
    return _verdict(
        text,
        lambda ch: float(_char(ch, "t2s") == ch and all(_char(ch, c) != ch for c in ("s2t", "s2tw", "s2hk"))),
        min_evidence=0.0,
    )


def _verdict(text: str, simplified_weight: Callable[[str], float], min_evidence: float) -> str:
    han = [ch for ch in text if script._is_han(ch)]
    traditional = sum(1 for ch in han if _char(ch, "t2s") != ch)
    simplified = sum(simplified_weight(ch) for ch in han)
    if traditional + simplified <= min_evidence:
        return "none"
    share = traditional / (traditional + simplified)
    return "traditional" if share >= 0.8 else "simplified" if share <= 0.2 else "mixed"


def rule_current(text: str) -> str:
    return detect_script(text).script


def rule_with_weight(weight: float) -> Callable[[str], str]:
    def detect(text: str) -> str:
        saved = script._SHARED_FORM_WEIGHT
        script._SHARED_FORM_WEIGHT = weight
        script._simplified_weight.cache_clear()
        try:
            return detect_script(text).script
        finally:
            script._SHARED_FORM_WEIGHT = saved
            script._simplified_weight.cache_clear()

    return detect


def part_script() -> None:
    print("== Script detection: share called right (wrong = the other script or mixed; none = no evidence)")
    flores = flores_documents()
    chapters = macdev_chapters()
    mac_sentences = [s for chapter in chapters for s in chapter]
    sets: dict[str, tuple[list[str], str]] = {
        "FLORES zho_Hant, per document": ([joined(d) for d in flores["zho_Hant"]], "traditional"),
        "FLORES zho_Hans, per document": ([joined(d) for d in flores["zho_Hans"]], "simplified"),
        "FLORES zho_Hant, per sentence": ([s for d in flores["zho_Hant"] for s in d], "traditional"),
        "FLORES zho_Hans, per sentence": ([s for d in flores["zho_Hans"] for s in d], "simplified"),
        "MAC-Dev, per chapter": ([joined(c) for c in chapters], "simplified"),
        "MAC-Dev, per sentence": (mac_sentences, "simplified"),
        "MAC-Dev s2t, per sentence": ([convert(s, "s2t") for s in mac_sentences], "traditional"),
        "MAC-Dev s2hk, per sentence": ([convert(s, "s2hk") for s in mac_sentences], "traditional"),
        "MAC-Dev s2tw, per sentence": ([convert(s, "s2tw") for s in mac_sentences], "traditional"),
    }
    rules: dict[str, Callable[[str], str]] = {
        "s2t only (before)": rule_s2t_only,
        "+s2tw/s2hk": rule_regional,
        "current (weight .25)": rule_current,
        "weight .5": rule_with_weight(0.5),
        "weight 1": rule_with_weight(1.0),
    }
    print(f"{'data':32}" + "".join(f"{name:>26}" for name in rules))
    for name, (texts, gold) in sets.items():
        cells = []
        for rule in rules.values():
            verdicts = collections.Counter(rule(text) for text in texts)
            wrong = len(texts) - verdicts[gold] - verdicts["none"]
            cells.append(f"{verdicts[gold] / len(texts):.4f} w{wrong} n{verdicts['none']}")
        print(f"{name:32}" + "".join(f"{cell:>26}" for cell in cells))
    started = time.perf_counter()
    characters = sum(len(s) for s in mac_sentences)
    for sentence in mac_sentences:
        detect_script(convert(sentence, "s2hk"))
    elapsed = time.perf_counter() - started
    print(f"\nspeed (conversion included, caches warm): {characters / elapsed / 1e6:.2f} M characters/s")


# --- Part 3: round trips ----------------------------------------------------------------------------


def part_roundtrip() -> None:
    print("== Round trips on real data: sentences (and characters) restored exactly")
    flores = flores_documents()
    simplified = [s for d in flores["zho_Hans"] for s in d] + [s for c in macdev_chapters() for s in c]
    traditional = [s for d in flores["zho_Hant"] for s in d]
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "sensetime-genai" / "zh-Hant.txt"
    hong_kong = [line for line in corpus.read_text(encoding="utf-8").splitlines() if line.strip()]
    checks = [
        ("t2s(s2t(x)), x simplified (FLORES Hans + MAC-Dev)", simplified, ("s2t", "t2s")),
        ("tw2s(s2tw(x)), x simplified", simplified, ("s2tw", "tw2s")),
        ("hk2s(s2hk(x)), x simplified", simplified, ("s2hk", "hk2s")),
        ("tw2sp(s2twp(x)), x simplified", simplified, ("s2twp", "tw2sp")),
        ("s2t(t2s(x)), x FLORES Hant (Taiwan)", traditional, ("t2s", "s2t")),
        ("s2tw(tw2s(x)), x FLORES Hant (Taiwan)", traditional, ("tw2s", "s2tw")),
        ("s2hk(hk2s(x)), x corpus (Hong Kong)", hong_kong, ("hk2s", "s2hk")),
        ("s2t(t2s(x)), x corpus (Hong Kong)", hong_kong, ("t2s", "s2t")),
        ("t2s(x) == x, x simplified", simplified, ("t2s",)),
    ]
    for label, texts, configs in checks:
        outputs = texts
        for config in configs:
            outputs = [convert(text, config) for text in outputs]
        same = sum(a == b for a, b in zip(texts, outputs, strict=True))
        chars = sum(len(t) for t in texts)
        char_same = sum(
            x == y for a, b in zip(texts, outputs, strict=True) if len(a) == len(b) for x, y in zip(a, b, strict=True)
        )
        print(f"{label:52} {same}/{len(texts)} = {same / len(texts):.4f}   characters {char_same / chars:.5f}")
    lengths = sum(len(convert(t, "t2s")) == len(t) for t in traditional + hong_kong + simplified)
    print(f"{'t2s keeps the length of every sentence':52} {lengths}/{len(traditional + hong_kong + simplified)}")


# --- Part 4: Hong Kong vs Taiwan variant ----------------------------------------------------------


def part_variant() -> None:
    print("== Could the variant (HK vs TW) be told? Characters t2tw / t2hk would change, per document")
    flores = flores_documents()
    chapters = macdev_chapters()
    corpus = Path(__file__).resolve().parents[1] / "corpus" / "sensetime-genai" / "zh-Hant.txt"
    sets = {
        "FLORES zho_Hant (Taiwan, real)": [joined(d) for d in flores["zho_Hant"]],
        "corpus zh-Hant (Hong Kong usage)": [corpus.read_text(encoding="utf-8")],
        "MAC-Dev s2hk (synthetic)": [convert(joined(c), "s2hk") for c in chapters],
        "MAC-Dev s2tw (synthetic)": [convert(joined(c), "s2tw") for c in chapters],
        "MAC-Dev s2t (OpenCC standard)": [convert(joined(c), "s2t") for c in chapters],
    }
    for name, texts in sets.items():
        verdicts: collections.Counter[str] = collections.Counter()
        for text in texts:
            han = [ch for ch in text if script._is_han(ch)]
            not_taiwan = sum(_char(ch, "t2tw") != ch for ch in han)
            not_hong_kong = sum(_char(ch, "t2hk") != ch for ch in han)
            if not_taiwan == not_hong_kong:
                verdicts["tie"] += 1
            else:
                verdicts["leans HK" if not_taiwan > not_hong_kong else "leans TW"] += 1
        print(f"{name:36} {dict(verdicts)}")


PARTS = {"encoding": part_encoding, "script": part_script, "roundtrip": part_roundtrip, "variant": part_variant}


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("parts", nargs="*", metavar="PART", help=f"any of {', '.join(PARTS)} (default: all)")
    args = parser.parse_args()
    unknown = set(args.parts) - set(PARTS)
    if unknown:
        parser.error(f"unknown part(s): {', '.join(sorted(unknown))}")
    if not DATA.is_dir():
        print(f"{DATA} is not present", file=sys.stderr)
        return 1
    for part in args.parts or PARTS:
        PARTS[part]()
        print()
    return 0


if __name__ == "__main__":
    sys.exit(main())
