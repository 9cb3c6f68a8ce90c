"""The ``bitext`` logger, for failures bitext recovers from on purpose (a cache it cannot write, an encoder
whose fast path is unavailable): the output is still right, but a user chasing a slow run wants to know.

Silent by default, as a library should be (a ``NullHandler``, so Python's last-resort handler never prints
them); an application shows them by configuring logging, the CLI with ``-v``/``--verbose``.
"""

from __future__ import annotations

import logging

logger = logging.getLogger("bitext")
logger.addHandler(logging.NullHandler())


class OneLineFormatter(logging.Formatter):
    """``bitext: warning: …``, the shape of the CLI's error lines."""

    def format(self, record: logging.LogRecord) -> str:
        return f"bitext: {record.levelname.lower()}: {record.getMessage()}"


def reporting_level() -> int | None:
    """The level at which this process's ``bitext`` records reach a handler (the CLI's ``-v``, or an
    application's logging set-up), or None when nothing but the library's NullHandler listens. A batch's
    worker processes report at this level too (:func:`report_to_stderr`)."""
    current: logging.Logger | None = logger
    while current is not None:
        if any(not isinstance(handler, logging.NullHandler) for handler in current.handlers):
            return logger.getEffectiveLevel()
        current = current.parent if current.propagate else None
    return None


def report_to_stderr(level: int) -> None:
    """Send this process's ``bitext`` records from ``level`` up to standard error, one line each (a batch
    worker, whose parent reports them)."""
    handler = logging.StreamHandler()
    handler.setFormatter(OneLineFormatter())
    logger.addHandler(handler)
    logger.setLevel(level)
