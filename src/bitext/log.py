"""The ``bitext`` logger, for failures bitext recovers from on purpose (a cache it cannot write, an encoder
whose fast path is unavailable): the output is still right, but a user chasing a slow run wants to know.

Silent by default, as a library should be (a ``NullHandler``, so Python's last-resort handler never prints
them); an application shows them by configuring logging, the CLI with ``-v``/``--verbose``.
"""

from __future__ import annotations

import logging

logger = logging.getLogger("bitext")
logger.addHandler(logging.NullHandler())
