"""Helpers shared by the subcommands: reading inputs (``-`` is standard input), opening output."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bitext.errors import BitextError
from bitext.reading import decode_bytes, read_text

STDIN = "-"


def read_input(path: str, encoding: str | None = None) -> str:
    """The decoded, normalised text of ``path`` (or of standard input for ``-``); errors name the input."""
    if path == STDIN:
        return decode_bytes(sys.stdin.buffer.read(), name="<stdin>", encoding=encoding).text
    return read_text(path, encoding).text


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """Standard output for ``None`` or ``-``; else a temporary file renamed into place on success,
    so an interrupted run never leaves a half-written file under the final name. Output is UTF-8
    either way, whatever the terminal's locale says, since the text is Chinese."""
    if path in (None, STDIN):
        _make_utf8(sys.stdout)
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise BitextError(f"{target}: is a directory; give a file name with -o")
    if not target.parent.exists():
        raise BitextError(f"{target.parent}: no such directory")
    if not target.parent.is_dir():
        raise BitextError(f"{target.parent}: is not a directory")
    try:
        handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as error:
        raise BitextError(f"{target}: cannot be written ({error.strerror or error})") from None
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise


def _make_utf8(stream: TextIO) -> None:
    encoding = (getattr(stream, "encoding", None) or "").replace("_", "-").lower()
    if encoding not in ("utf-8", "utf8") and hasattr(stream, "reconfigure"):
        stream.reconfigure(encoding="utf-8")

