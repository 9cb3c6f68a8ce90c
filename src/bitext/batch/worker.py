"""What runs in a worker process: the per-document task (align one pair, save its files) and the pool's
initializer. The same task runs in this process when the batch has one job."""

from __future__ import annotations

import gc
import signal
from collections.abc import Callable

from bitext.batch import preload
from bitext.batch.inputs import DocumentPair
from bitext.batch.per_document import BatchOptions, DocumentReport, align_document, check_options, warm_up
from bitext.batch.store import OutputFolder
from bitext.log import report_to_stderr
from bitext.resources.cache import collection_paused

Task = Callable[[DocumentPair, BatchOptions, str], DocumentReport]
"""A per-document task: (pair, options, output folder) -> the document's report row."""

# The options this worker's own warm-up (its initializer) went through for, if it ran one: the options check
# then has nothing left to find (see check_worker_options).
_warmed_for: BatchOptions | None = None


def run_document(pair: DocumentPair, options: BatchOptions, root: str) -> DocumentReport:
    """A worker's task: align one pair and save its files into the output folder ``root``."""
    with collection_paused():  # many lasting objects and no reference cycles (resources.cache)
        output = align_document(pair, options)
    OutputFolder.for_format(root, options.format).save(pair, output)
    return output.report


def run_chunk(task: Task, pairs: list[DocumentPair], options: BatchOptions, root: str) -> list[DocumentReport]:
    """One task of a worker: the per-document task on each of a few pairs (fewer round trips on a cluster)."""
    return [task(pair, options, root) for pair in pairs]


def check_worker_options(options: BatchOptions) -> None:
    """:func:`check_options` in a pool worker, before any document: nothing to do in a worker whose warm-up
    for these options went through, the fork server's (a worker forked warm) or its own initializer's (a
    spawned worker, or one forked from a server warm for other options): that warm-up made the same call of
    :func:`bitext.align` and found the format's writer. Elsewhere (a warm-up that failed) the check itself,
    which raises the error the warm-up swallowed."""
    if not (preload.warm_for(options) or _warmed_for == options):
        check_options(options)


def start_worker(options: BatchOptions, log_level: int | None = None) -> None:
    """A pool worker's initializer: leave Ctrl-C to the parent (which lets the documents in flight finish
    and stops the pool; already ignored when the worker was started from the main thread), report the
    ``bitext`` logger's records on standard error when the parent reports them (``log_level``, e.g. the
    CLI's ``-v``), and load the aligner's resources before the first document (already loaded, and then
    quick, in a worker forked from the batch's warm fork server: see :mod:`bitext.batch.preload`)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if log_level is not None:
        report_to_stderr(log_level)
    if preload.warm_for(options):  # forked from the server warm for these options, its objects frozen there
        return
    # This process is the pool's: what the warm-up loads stays for its life, frozen out of the cyclic
    # collector's generations before the collector runs again, so that no collection walks the tables (as
    # the batch does with --jobs 0).
    global _warmed_for
    with collection_paused():
        passed = warm_up(options)
        gc.freeze()
    _warmed_for = options if passed else None
