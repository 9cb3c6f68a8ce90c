"""Progress on long jobs: a bar on standard error when it is a terminal, nothing at all otherwise.

Pipes, files, CI logs and ``--quiet`` get no progress output, so ``bitext align … > out.tsv 2> log`` stays clean.
Redraws are throttled (10 a second), so a tight loop pays almost nothing for its bar.

    from bitext.progress import progress, stage
    with stage("aligning 4,210 × 5,003 sentences"):
        ...
    for pair in progress(pairs, total=len(pairs), label="documents"):
        ...
"""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterable, Iterator
from typing import TextIO, TypeVar

T = TypeVar("T")
_quiet = False
_BAR_WIDTH = 24
_MIN_INTERVAL = 0.1


def set_quiet(quiet: bool = True) -> None:
    """Silence every progress display of this process (the CLI's ``--quiet``)."""
    global _quiet
    _quiet = quiet


def enabled(stream: TextIO | None = None) -> bool:
    """Whether progress should be drawn on ``stream`` (standard error by default)."""
    stream = stream if stream is not None else sys.stderr
    if _quiet or os.environ.get("TERM") == "dumb":
        return False
    try:
        return stream.isatty()
    except (AttributeError, ValueError):  # closed or not a real stream
        return False


class Progress:
    """A single-line progress bar; silent unless :func:`enabled`."""

    def __init__(
        self, total: int | None, label: str = "", *, stream: TextIO | None = None, show: bool | None = None
    ) -> None:
        self.total = total
        self.label = label
        self.done = 0
        self.stream = stream if stream is not None else sys.stderr
        self.show = enabled(self.stream) if show is None else show
        self.started = time.monotonic()
        self._last_draw = 0.0

    def update(self, count: int = 1) -> None:
        self.done += count
        if self.show and (time.monotonic() - self._last_draw >= _MIN_INTERVAL or self.done == self.total):
            self._draw()

    def _draw(self) -> None:
        self._last_draw = time.monotonic()
        elapsed = self._last_draw - self.started
        self.stream.write("\r\x1b[K" + render(self.label, self.done, self.total, elapsed))
        self.stream.flush()

    def close(self) -> None:
        if self.show:
            self.stream.write("\r\x1b[K")  # leave the terminal as it was: results, not bars, stay on screen
            self.stream.flush()

    def __enter__(self) -> Progress:
        return self

    def __exit__(self, *_: object) -> None:
        self.close()


def render(label: str, done: int, total: int | None, elapsed: float) -> str:
    """One line of progress, e.g. ``documents  42% [██████████··············] 840/2000  3.1s``."""
    if not total:
        return f"{label} {done:,}  {elapsed:.1f}s"
    share = min(done / total, 1.0)
    filled = round(share * _BAR_WIDTH)
    bar = "█" * filled + "·" * (_BAR_WIDTH - filled)
    return f"{label} {share:4.0%} [{bar}] {done:,}/{total:,}  {elapsed:.1f}s"


def progress(
    items: Iterable[T], total: int | None = None, label: str = "", *, stream: TextIO | None = None
) -> Iterator[T]:
    """Yield ``items`` while drawing a bar (only on a terminal)."""
    if total is None and hasattr(items, "__len__"):
        total = len(items)  # type: ignore[arg-type]
    with Progress(total, label, stream=stream) as bar:
        for item in items:
            yield item
            bar.update()


@contextlib.contextmanager
def stage(label: str, *, stream: TextIO | None = None) -> Iterator[None]:
    """Show ``label…`` while a step runs (only on a terminal); cleared when it ends."""
    stream = stream if stream is not None else sys.stderr
    show = enabled(stream)
    if show:
        stream.write(f"\r\x1b[K{label}…")
        stream.flush()
    try:
        yield
    finally:
        if show:
            stream.write("\r\x1b[K")
            stream.flush()
