"""Spelling fragments of Chinese characters in foreign names, learned from Wikidata name pairs.

A foreign name in Chinese spells it one character per syllable, and each character has a few usual
English spellings: 斯 → s, ss, z; 德 → de, d, th; 布 → b, bu, br. The table (``data/name_sounds.tsv``)
gives, per simplified character, the letter chunks (1 to MAX_CHUNK letters) seen for it and how
often, as fitted by ``benchmarks/build_name_sounds.py`` on 60,829 name-token pairs from Wikidata
(CC0), as collected by github.com/steveash/NETransliteration-COLING2018. Only the derived counts
are shipped. The file is 2,000 short lines: parsed in a few milliseconds, so it is not disk-cached.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

MAX_CHUNK = 4
# is_name_syllable: written at least this often in the list's foreign names
NAME_SYLLABLE_COUNT = 50


@dataclass(frozen=True)
class SoundTable:
    """``ratios[ch][chunk]``: how often ``chunk`` spells ``ch`` beside its commonest spelling (1.0)."""

    ratios: dict[str, dict[str, float]]
    # how many name tokens of the fitting list spell each character at all
    totals: dict[str, int] = field(default_factory=dict)

    @classmethod
    def from_counts(cls, counts: dict[str, dict[str, int]]) -> SoundTable:
        ratios = {}
        for ch, chunks in counts.items():
            top = max(chunks.values())
            ratios[ch] = {chunk: count / top for chunk, count in chunks.items()}
        return cls(ratios, {ch: sum(chunks.values()) for ch, chunks in counts.items()})

    def is_name_syllable(self, ch: str) -> bool:
        """A character foreign names are often written with (安 723 times as "an", 登 198 as "den"), unlike
        是 or 說, which the list never uses: a one-character "verb" jieba cuts off may then be a syllable."""
        return self.totals.get(ch, 0) >= NAME_SYLLABLE_COUNT

    def __contains__(self, ch: str) -> bool:
        return ch in self.ratios


def parse(text: str) -> dict[str, dict[str, int]]:
    counts: dict[str, dict[str, int]] = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        ch, _, rest = line.partition("\t")
        chunks = {}
        for item in rest.split():
            chunk, _, count = item.rpartition(":")
            chunks[chunk] = int(count)
        counts[ch] = chunks
    return counts


@lru_cache(maxsize=1)
def load_sounds() -> SoundTable:
    text = resources.files("bitext").joinpath("data/name_sounds.tsv").read_text(encoding="utf-8")
    return SoundTable.from_counts(parse(text))
