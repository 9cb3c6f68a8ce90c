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
    """:func:`check_options` in a pool worker, before any document: nothing to do in a worker forked from
    the fork server warm for these options (the server's warm-up made the same call of :func:`bitext.align`
    and it passed); elsewhere the check itself (quick once the worker has warmed up)."""
    if not preload.warm_for(options):
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
    with collection_paused():
        warm_up(options)
        gc.freeze()
