"""A disk cache for tables that are slow to build and never change for a given set of package versions.

Parsing CC-CEDICT's glosses, counting its English capitalisation, reading USE's tokenizer model: each
costs a fraction of a second to a few seconds, in every process, for the same result. The result is
pickled under the user's cache directory, named by what it is and keyed by the versions that shape
it, so a new version never reads an old table. A damaged or unwritable cache only costs the rebuild;
it is never an error.
"""

from __future__ import annotations

import contextlib
import gc
import os
import pickle
from collections.abc import Callable, Iterator, Sequence
from importlib import metadata
from pathlib import Path
from typing import BinaryIO, TypeVar

from bitext.atomic import atomic_open
from bitext.log import logger

T = TypeVar("T")


def cache_dir() -> Path:
    """``$BITEXT_CACHE_DIR``, else ``$XDG_CACHE_HOME/bitext``, else ``~/.cache/bitext``."""
    if os.environ.get("BITEXT_CACHE_DIR"):
        return Path(os.environ["BITEXT_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "bitext"


def cache_key(packages: Sequence[str], format_version: int) -> str:
    parts = [f"f{format_version}"]
    for package in ("bitext", *packages):
        try:
            parts.append(f"{package}-{metadata.version(package)}")
        except metadata.PackageNotFoundError:
            parts.append(f"{package}-unknown")
    return "_".join(parts)


def load_or_build(name: str, key: str, build: Callable[[], T], expected: type | tuple[type, ...]) -> T:
    """The cached ``name`` for ``key`` when it is there, readable and of the ``expected`` type; else
    ``build()``, cached for the next process when the cache directory is writable."""
    path = cache_dir() / f"{name}-{key}.pickle"
    try:
        with path.open("rb") as handle:
            cached = unpickle(handle)
        if isinstance(cached, expected):
            return cached  # type: ignore[return-value]
        logger.warning("cache file %s holds a %s, not the table expected; rebuilding it", path, type(cached).__name__)
    except (FileNotFoundError, NotADirectoryError):
        pass  # not cached yet (or no cache directory): built, and written if it can be, below
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, IndexError, ValueError) as error:
        logger.warning("cache file %s cannot be read (%s); rebuilding it", path, error)
    value = build()
    write_atomically(path, value)
    return value


def unpickle(handle: BinaryIO) -> object:
    """pickle.load with the cyclic garbage collector paused: a table of a hundred thousand strings
    otherwise sets off collections that scan it again and again while it loads (measured: CC-CEDICT's
    index loads in a third of the time); the tables hold no reference cycles to collect."""
    with collection_paused():
        return pickle.load(handle)


@contextlib.contextmanager
def collection_paused() -> Iterator[None]:
    """The cyclic garbage collector paused for a step that makes many lasting objects and (almost) no
    reference cycles: loading a table, pairing names and checking beads, whose caches and tables would
    otherwise be scanned again by every full collection while they grow (docs/design.md, "Cost"). Reference
    counting still frees everything else at once; cycles made meanwhile wait for the next collection.
    Nested uses keep it paused until the outermost one ends; a collector already off stays off."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@contextlib.contextmanager
def loaded_objects_frozen() -> Iterator[None]:
    """Every object alive now (the loaded tables above all) moved out of the cyclic collector's generations
    for a run of many documents (``gc.freeze``), and back at the end (``gc.unfreeze``). Without it, each full
    collection a run sets off walks the hundreds of thousands of tuples of CC-CEDICT's and pypinyin's tables
    again, and finds nothing to free. Left alone where something in the process has frozen objects already
    (the unfreeze at the end would undo that too)."""
    if gc.get_freeze_count():
        yield
        return
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def write_atomically(path: Path, value: object) -> None:
    # A read-only home or a full disk only costs the next process the rebuild; it is not an error.
    # Not fsync'd: a cache lost to a power cut is rebuilt, and a truncated one reads as damaged.
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_open(path, binary=True, durable=False) as handle:
            pickle.dump(value, handle, protocol=pickle.HIGHEST_PROTOCOL)
    except OSError as error:  # atomic_open has removed its temporary file
        logger.warning("cannot write cache file %s (%s); every process rebuilds the table until it can", path, error)
