"""Helpers shared by the subcommands: opening output, reading inputs."""

from __future__ import annotations

import contextlib
import os
import sys
import tempfile
from collections.abc import Iterator
from pathlib import Path
from typing import TextIO

from bitext.errors import BitextError


@contextlib.contextmanager
def open_output(path: str | None) -> Iterator[TextIO]:
    """Standard output for ``None`` or ``-``; else a temporary file renamed into place on success,
    so an interrupted run never leaves a half-written file under the final name."""
    if path in (None, "-"):
        yield sys.stdout
        sys.stdout.flush()
        return
    target = Path(path)
    if target.is_dir():
        raise BitextError(f"{target}: is a directory; give a file name with -o")
    if not target.parent.exists():
        raise BitextError(f"{target.parent}: no such directory")
    handle, temporary = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    try:
        with os.fdopen(handle, "w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(temporary, target)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise
