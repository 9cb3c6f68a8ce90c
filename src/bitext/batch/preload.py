"""Imported by the batch's fork server as it starts: the aligner's resources loaded once, before any worker.

On Linux the batch's pool starts its workers with multiprocessing's "forkserver" method and this module
in the server's preload list. The server is a fresh interpreter
started by the batch (so it holds no thread of the caller's), with the numerical libraries limited to
one thread each; importing this module loads the encoder, CC-CEDICT and the entity tables for the
batch's options (passed in :data:`VARIABLE`, which the server removes from its environment), and every
worker is then forked from it warm, sharing those pages copy-on-write. A failure here only costs the
warm start: each worker's initializer warms up again (quickly when this worked).
"""

from __future__ import annotations

import base64
import contextlib
import gc
import os
import pickle

VARIABLE = "BITEXT_BATCH_PRELOAD"
# The fork server, starting: its imports as well as the warm-up run with the collector paused, and all of it
# is frozen below (the imports' modules, functions and tables need no collection either).
_STARTING_SERVER = bool(os.environ.get(VARIABLE)) and gc.isenabled()
if _STARTING_SERVER:
    gc.disable()

from bitext.batch.per_document import BatchOptions, warm_up  # noqa: E402
from bitext.resources.cache import collection_paused  # noqa: E402

preloaded: BatchOptions | None = None  # the options this process warmed up for here (inherited by forks)
checked = False  # and the warm-up went through without an error: check_options passes for ``preloaded``
LARGEST = 64 * 1024  # bytes; options larger than this (an embedder object with weights) are not preloaded


def encode(options: BatchOptions) -> str | None:
    """The options as an environment variable's value, or None if they cannot be (or are too large)."""
    try:
        encoded = base64.b64encode(pickle.dumps(options)).decode("ascii")
    except Exception:  # an option that does not pickle fails with a clear error later, when sent to a worker
        return None
    return encoded if len(encoded) <= LARGEST else None


def _warm_up_from_environment() -> None:
    global preloaded, checked
    encoded = os.environ.pop(VARIABLE, None)
    if not encoded:
        return
    try:
        with contextlib.suppress(Exception):
            options = pickle.loads(base64.b64decode(encoded))
            # What the warm-up loads is moved out of the cyclic collector's generations before the collector
            # runs again and before any fork (Python's advice for a process that forks workers): a collection
            # in a worker then neither walks the tables nor writes to their pages, which stay shared.
            with collection_paused():
                passed = warm_up(options)
                gc.freeze()
            preloaded, checked = options, passed
    finally:
        if _STARTING_SERVER:
            gc.enable()


def warm_for(options: BatchOptions) -> bool:
    """Whether this process was forked from a server that warmed up for ``options`` without an error: a
    worker then needs neither its own warm-up nor the options check (the server ran both calls)."""
    return checked and preloaded == options


_warm_up_from_environment()
