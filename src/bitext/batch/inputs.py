"""Document pairs to align: from a manifest file, from two folders, or any iterable of :class:`DocumentPair`."""

from __future__ import annotations

import os
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from bitext.errors import BitextError

MANIFEST_HEADER = ("doc_id", "source", "translation")
DUPLICATE = "duplicate doc_id"


@dataclass(frozen=True, slots=True)
class DocumentPair:
    """One unit of work. ``problem`` is set when the pair is known to be bad before reading it."""

    doc_id: str
    source: Path | None
    translation: Path | None
    problem: str = ""
    line: int = 0  # its line in a manifest file, for messages (0: not from a file)


class ManifestFile:
    """A TSV of ``doc_id<TAB>source<TAB>translation``; paths are relative to the manifest's folder (and
    come out absolute).

    Blank lines and lines starting with ``#`` are skipped, and so is a first line reading
    ``doc_id source translation``. The whole file is checked when opened (a malformed line is a
    :class:`BitextError` naming the line: a user error, before any work) and re-read when iterated, so
    a manifest of millions of pairs is never held in memory.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self._count = sum(1 for _ in self)
        if not self._count:
            raise BitextError(f"{self.path}: the manifest lists no document pairs")

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[DocumentPair]:
        try:
            handle = open(self.path, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed below)
        except FileNotFoundError:
            raise BitextError(f"{self.path}: no such manifest") from None
        except OSError as error:
            raise BitextError(f"{self.path}: cannot be read ({error.strerror or error})") from None
        with handle:
            try:
                for number, raw in enumerate(handle, start=1):
                    line = raw.rstrip("\r\n")
                    if not line.strip() or line.startswith("#"):
                        continue
                    fields = line.split("\t")
                    if number == 1 and tuple(f.strip().lower() for f in fields) == MANIFEST_HEADER:
                        continue
                    yield self._pair(number, fields)
            except UnicodeDecodeError:
                raise BitextError(f"{self.path}: the manifest is not UTF-8 text") from None

    def _pair(self, number: int, fields: list[str]) -> DocumentPair:
        where = f"{self.path}, line {number}"
        if len(fields) != 3:
            raise BitextError(
                f"{where}: expected 3 tab-separated fields (doc_id, source, translation), found {len(fields)}"
            )
        doc_id, source, translation = (f.strip() for f in fields)
        if not doc_id:
            raise BitextError(f"{where}: the doc_id is empty")
        missing = [side for side, path in (("source", source), ("translation", translation)) if not path]
        folder = self.path.absolute().parent  # absolute: workers elsewhere (Dask) have other working folders
        return DocumentPair(
            doc_id,
            folder / source if source else None,
            folder / translation if translation else None,
            f"one side missing: no {' or '.join(missing)} file given in the manifest" if missing else "",
            number,
        )


class FolderPairs:
    """Two folders matched by file name: ``ZH_DIR/x.txt`` with ``EN_DIR/x.txt`` is the pair ``x`` (a doc_id
    is the file name without ``.txt``; other names are kept whole: ``x.md`` is ``x.md``).

    A name found in one folder only is a pair with one side missing (reported, not fatal). Hidden
    files are ignored; sub-folders are not searched. Pairs come in file-name order.
    """

    def __init__(self, zh_dir: str | Path, en_dir: str | Path) -> None:
        self.zh_dir, self.en_dir = Path(zh_dir).absolute(), Path(en_dir).absolute()
        self._zh, self._en = _file_names(self.zh_dir), _file_names(self.en_dir)
        self._names = sorted(self._zh | self._en)
        if not self._names:
            raise BitextError(f"{self.zh_dir} and {self.en_dir}: no files to align")

    def __len__(self) -> int:
        return len(self._names)

    def __iter__(self) -> Iterator[DocumentPair]:
        for name in self._names:
            problem = ""
            if name not in self._zh:
                problem = f"one side missing: no {self.zh_dir / name}"
            elif name not in self._en:
                problem = f"one side missing: no {self.en_dir / name}"
            yield DocumentPair(doc_id_of(name), self.zh_dir / name, self.en_dir / name, problem)


def doc_id_of(file_name: str) -> str:
    """A folder-mode doc_id: the file name without a ``.txt`` ending (``x.txt`` and ``x`` then share an id,
    and the second is reported as a duplicate, never silently merged)."""
    stem = file_name[:-4] if file_name.lower().endswith(".txt") else file_name
    return stem or file_name


def _file_names(folder: Path) -> set[str]:
    if not folder.is_dir():
        raise BitextError(f"{folder}: no such folder")
    return {entry.name for entry in os.scandir(folder) if entry.is_file() and not entry.name.startswith(".")}


def open_pairs(inputs: Sequence[str | Path]) -> ManifestFile | FolderPairs:
    """The command line's inputs: one manifest file, or two folders (Chinese, then English)."""
    paths = [Path(p) for p in inputs]
    if len(paths) == 1:
        if paths[0].is_dir():
            raise BitextError(f"{paths[0]}: is a folder; give a manifest file, or two folders (Chinese, English)")
        return ManifestFile(paths[0])
    if len(paths) == 2:
        return FolderPairs(*paths)
    raise BitextError(f"got {len(paths)} inputs; give one manifest file, or two folders (Chinese, then English)")


def mark_duplicates(pairs: Iterable[DocumentPair]) -> Iterator[DocumentPair]:
    """Later pairs reusing a doc_id get a problem (and are reported, not aligned); the first is kept.

    Only the doc_ids seen so far are remembered, never the pairs.
    """
    first_seen: dict[str, str] = {}
    for number, pair in enumerate(pairs, start=1):
        if pair.doc_id in first_seen:
            yield replace(pair, problem=f"{DUPLICATE} (first used {first_seen[pair.doc_id]})")
        else:
            first_seen[pair.doc_id] = f"on line {pair.line} of the manifest" if pair.line else f"by pair {number}"
            yield pair


def is_duplicate(pair: DocumentPair) -> bool:
    return pair.problem.startswith(DUPLICATE)
