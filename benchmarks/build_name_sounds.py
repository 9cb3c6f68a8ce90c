"""Learn the spelling fragments of Chinese characters in foreign names, and check them on held-apart pairs.

    python benchmarks/build_name_sounds.py SOURCE --check             # fit on 90%, score the other 10%
    python benchmarks/build_name_sounds.py SOURCE --write src/bitext/data/name_sounds.tsv

SOURCE is ``data/wd_chinese.normalized.aligned.tokens`` of github.com/steveash/NETransliteration-COLING2018
(name tokens from Wikidata, CC0: "anders<TAB>安 德 斯<TAB>41"). Every pair's English letters are cut into
one chunk of 1-4 letters per Chinese character, in order; expectation maximisation over all such cuts
(forward-backward, five rounds, from equal weights) gives P(chunk | character). The table written
keeps, per simplified character, the chunks with an expected count of at least 1 and a probability of
at least 0.005 (as rounded counts): the raw list is not shipped. ``--check`` fits on the pairs whose
English hashes outside one tenth and reports, for the held-apart tenth, how many true pairs and how
many mismatched pairs (each Chinese name against another held-apart English name) reach each score.
"""

from __future__ import annotations

import argparse
import random
import sys
import unicodedata
import zlib
from collections import defaultdict
from pathlib import Path

import bitext.entities.transliteration as sound_module
from bitext.entities.transliteration import learned_sound
from bitext.resources.sounds import MAX_CHUNK, SoundTable
from bitext.script import to_simplified

ROUNDS = 5
MIN_COUNT = 1.0
MIN_PROBABILITY = 0.005


def ascii_key(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in text if "a" <= c <= "z")


def read_pairs(path: Path) -> list[tuple[str, str]]:
    pairs = []
    for line in path.read_text(encoding="utf-8").splitlines():
        en, zh, _ = line.split("\t")
        key = ascii_key(en)
        chars = to_simplified(zh.replace(" ", ""))
        if not chars or not all("\u4e00" <= c <= "\u9fff" for c in chars):
            continue
        if len(chars) <= len(key) <= MAX_CHUNK * len(chars):
            pairs.append((key, chars))
    return pairs


def held_apart(key: str) -> bool:
    return zlib.crc32(key.encode()) % 10 == 0


def fit(pairs: list[tuple[str, str]]) -> dict[str, dict[str, float]]:
    """Expected counts of each (character, chunk) after ROUNDS rounds of EM."""
    prob: dict[str, dict[str, float]] | None = None
    counts: dict[str, dict[str, float]] = {}
    for _ in range(ROUNDS):
        counts = defaultdict(lambda: defaultdict(float))
        for key, chars in pairs:
            _expect(key, chars, prob, counts)
        prob = {}
        for ch, chunks in counts.items():
            total = sum(chunks.values())
            prob[ch] = {chunk: value / total for chunk, value in chunks.items() if value / total >= 1e-4}
    return counts


def _expect(
    key: str, chars: str, prob: dict[str, dict[str, float]] | None, counts: dict[str, dict[str, float]]
) -> None:
    n, m = len(key), len(chars)

    def p(ch: str, chunk: str) -> float:
        return 1.0 if prob is None else prob.get(ch, {}).get(chunk, 1e-6)

    alpha = [[0.0] * (n + 1) for _ in range(m + 1)]
    alpha[0][0] = 1.0
    for i in range(1, m + 1):
        for j in range(i, n + 1):
            alpha[i][j] = sum(
                alpha[i - 1][j - k] * p(chars[i - 1], key[j - k : j]) for k in range(1, MAX_CHUNK + 1) if j - k >= i - 1
            )
    total = alpha[m][n]
    if total <= 0:
        return
    beta = [[0.0] * (n + 1) for _ in range(m + 1)]
    beta[m][n] = 1.0
    for i in range(m - 1, -1, -1):
        for j in range(n - 1, -1, -1):
            beta[i][j] = sum(
                p(chars[i], key[j : j + k]) * beta[i + 1][j + k] for k in range(1, MAX_CHUNK + 1) if j + k <= n
            )
    for i in range(1, m + 1):
        ch = chars[i - 1]
        for j in range(i, n + 1):
            if not beta[i][j]:
                continue
            for k in range(1, MAX_CHUNK + 1):
                if j - k >= i - 1 and alpha[i - 1][j - k]:
                    chunk = key[j - k : j]
                    counts[ch][chunk] += alpha[i - 1][j - k] * p(ch, chunk) * beta[i][j] / total


def compact(counts: dict[str, dict[str, float]]) -> dict[str, dict[str, int]]:
    table = {}
    for ch, chunks in sorted(counts.items()):
        total = sum(chunks.values())
        kept = {c: round(v) for c, v in chunks.items() if v >= MIN_COUNT and v / total >= MIN_PROBABILITY}
        kept = {c: max(v, 1) for c, v in kept.items()}
        if kept:
            table[ch] = dict(sorted(kept.items(), key=lambda item: (-item[1], item[0])))
    return table


def write(table: dict[str, dict[str, int]], path: Path) -> None:
    lines = [
        "# Spelling fragments of Chinese characters in foreign names: character, then chunk:count pairs.",
        "# Derived by benchmarks/build_name_sounds.py from Wikidata name pairs (CC0) as collected in",
        "# github.com/steveash/NETransliteration-COLING2018 (data/wd_chinese.normalized.aligned.tokens).",
    ]
    lines += [ch + "\t" + " ".join(f"{c}:{v}" for c, v in chunks.items()) for ch, chunks in table.items()]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def check(pairs: list[tuple[str, str]]) -> None:
    train = [p for p in pairs if not held_apart(p[0])]
    test = [p for p in pairs if held_apart(p[0])]
    table = SoundTable.from_counts(compact(fit(train)))
    rng = random.Random(1)
    wrong = [(rng.choice([k for k, _ in test if k != key] or [key]), chars) for key, chars in test]
    print(f"fit on {len(train)} pairs, checked on {len(test)} held-apart pairs and {len(wrong)} mismatched ones")

    def rules(chars: str, key: str) -> float:
        # the rule-based systems alone: the learned one switched off for this comparison
        saved, sound_module.learned_sound = sound_module.learned_sound, lambda *_: None
        try:
            match = sound_module.transliteration.__wrapped__(chars, key)
        finally:
            sound_module.learned_sound = saved
        return match.score if match is not None else 0.0

    def learned(chars: str, key: str) -> float:
        match = learned_sound(chars, key, table)
        return match.score if match is not None else 0.0

    for name, scorer in (("rules (readings, skeleton)", rules), ("learned", learned)):
        for floor in (0.6, 0.7, 0.8):
            hit = sum(scorer(c, k) >= floor for k, c in test) / len(test)
            chance = sum(scorer(c, k) >= floor for k, c in wrong) / len(wrong)
            print(f"  {name:<28} score >= {floor}: true pairs {hit:.3f}, mismatched pairs {chance:.4f}")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("source", type=Path)
    parser.add_argument("--check", action="store_true")
    parser.add_argument("--write", type=Path)
    args = parser.parse_args()
    pairs = read_pairs(args.source)
    if args.write:
        table = compact(fit(pairs))
        write(table, args.write)
        print(f"{len(table)} characters, {sum(len(v) for v in table.values())} chunks from {len(pairs)} pairs")
    if args.check:
        check(pairs)
    return 0


if __name__ == "__main__":
    sys.exit(main())
