"""Files written whole or not at all, and output errors as one line.

Every file bitext writes (an export, its sidecar, a batch's per-document files, report and corpus, the
resource cache) goes through :func:`atomic_open`: a hidden temporary file in the target's own folder (so
the rename never crosses file systems), flushed and fsync'd, then renamed over the target. Any failure
(an exception in the caller's block, a full disk, a kill) leaves the target as it was and removes the
temporary file; a kill -9 leaves at most a ``.NAME.*.tmp`` file, which the batch runner clears.

The file mode is the one a plain ``open()`` would give: the temporary file is created with ``0o666``
and the kernel applies the process umask (and a folder's default ACL) itself. Reading the umask is
never needed, so it is never changed: ``os.umask`` can only be read by setting it, which races with
any other thread creating a file at that moment.

:func:`open_output` is what the commands use: standard output for ``None`` or ``-``, else an atomic
file, with every ``OSError`` (parent is a file, no permission, read-only or pseudo file system, full
disk, standard output closed) turned into an :class:`OutputError` naming the target. A device or named
pipe (``-o /dev/null``) is written in place: renaming over it would replace it with a plain file.
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import IO, Any

from bitext.errors import BitextError

TEMPORARY_SUFFIX = ".tmp"


class OutputError(BitextError):
    """An output cannot be written: its folder is missing or not writable, the disk is full, ..."""


def temporary_path(target: Path) -> Path:
    """A hidden name beside ``target``, unique to this attempt (``.NAME.<random>.tmp``)."""
    return target.with_name(f".{target.name}.{secrets.token_hex(6)}{TEMPORARY_SUFFIX}")


def _create_temporary(target: Path) -> tuple[int, Path]:
    for _ in range(100):
        temporary = temporary_path(target)
        try:
            # 0o666: the kernel applies the umask, as for open(target, "w"); O_EXCL: never another's file.
            flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
            return os.open(temporary, flags, 0o666), temporary
        except FileExistsError:
            continue
    raise FileExistsError(f"{target}: no free temporary name beside it")


@contextlib.contextmanager
def atomic_open(path: str | Path, *, binary: bool = False, durable: bool = True) -> Iterator[IO[Any]]:
    """A file object for writing ``path``; on success it replaces ``path`` whole, on any exception
    ``path`` is untouched and no temporary file remains. Text is UTF-8 with ``\\n`` line ends.

    ``durable``: fsync the file before the rename (and the folder after, where the platform allows),
    so a power loss leaves the old or the new file, not an empty one. OS errors propagate unchanged;
    :func:`open_output` turns them into one-line errors.
    """
    target = Path(path)
    handle, temporary = _create_temporary(target)
    try:
        with os.fdopen(handle, "wb") if binary else os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            yield out
            out.flush()
            if durable:
                os.fsync(out.fileno())
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(temporary)
        raise
    if durable:
        _sync_folder(target.parent)


def write_atomically(path: str | Path, data: str | bytes, *, durable: bool = True) -> None:
    """Write ``data`` (text as UTF-8) to ``path`` whole or not at all."""
    with atomic_open(path, binary=isinstance(data, bytes), durable=durable) as out:
        out.write(data)


def _sync_folder(folder: Path) -> None:
    # Makes the rename itself durable on POSIX; Windows cannot open a folder, and some file systems
    # refuse fsync on one: the file's own fsync already happened, so this is best effort.
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(folder, os.O_RDONLY | getattr(os, "O_DIRECTORY", 0))
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


@contextlib.contextmanager
def open_output(path: str | Path | None, *, binary: bool = False) -> Iterator[IO[Any]]:
    """Standard output for ``None`` or ``-`` (UTF-8 whatever the locale), else :func:`atomic_open`.

    Every ``OSError`` while opening, writing or renaming becomes an :class:`OutputError` naming the
    output, except ``BrokenPipeError`` on standard output: the reader left, which the CLI's caller
    decides about (see ``bitext.cli.main``).
    """
    if path in (None, "-"):
        with _standard_output(binary) as stream:
            yield stream
        return
    target = Path(path)
    _check_target(target)
    try:
        with _special_file(target, binary) if _is_special(target) else atomic_open(target, binary=binary) as out:
            yield out
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(f"{target}: cannot be written ({describe(error)})") from None


def _is_special(target: Path) -> bool:
    """A device, FIFO or socket (``-o /dev/null``, a named pipe): written in place, never renamed over."""
    try:
        return not stat.S_ISREG(target.stat().st_mode)
    except OSError:
        return False  # absent (or unreadable: opening it will say why)


@contextlib.contextmanager
def _special_file(target: Path, binary: bool) -> Iterator[IO[Any]]:
    # Renaming a temporary file over /dev/null would replace the device with a plain file (as root).
    with open(target, "wb") if binary else open(target, "w", encoding="utf-8", newline="\n") as out:
        yield out


@contextlib.contextmanager
def _standard_output(binary: bool) -> Iterator[IO[Any]]:
    if sys.stdout is None:  # started with standard output closed (`>&-`)
        raise OutputError("standard output is closed; give a file name with -o")
    text = sys.stdout
    if not binary:
        _make_utf8(text)
    stream: IO[Any] = text.buffer if binary else text
    try:
        yield stream
        stream.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        discard_standard_output()
        raise OutputError(f"standard output: cannot be written ({describe(error)})") from None


def discard_standard_output() -> None:
    """Point file descriptor 1 at the null device, so the interpreter's final flush of what is still
    buffered cannot fail again (and print a second, unrelated error) after the one-line message."""
    with contextlib.suppress(OSError, ValueError, AttributeError):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, sys.stdout.fileno())
        os.close(null)


def _check_target(target: Path) -> None:
    """The mistakes a user makes most, said plainly before any work is written."""
    if target.is_dir():
        raise OutputError(f"{target}: is a directory; give a file name with -o")
    parent = target.parent
    for ancestor in (parent, *parent.parents):  # the nearest one there: a file on the way is said plainly
        if ancestor.exists():
            if not ancestor.is_dir():
                raise OutputError(f"{target}: {ancestor} is not a directory")
            break
    if not parent.exists():
        raise OutputError(f"{parent}: no such directory")


def describe(error: OSError) -> str:
    return error.strerror or str(error) or type(error).__name__


def _make_utf8(stream: Any) -> None:
    encoding = (getattr(stream, "encoding", None) or "").replace("_", "-").lower()
    if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")
