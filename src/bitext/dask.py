"""Dask: the batch's per-document function on a cluster, for when one machine is not enough.

Needs the optional extra: ``pip install 'bitext[dask]'``. Two ways in, both running
:func:`bitext.batch.align_document`, the function ``bitext batch`` runs in its process pool, so every
path gives the same bytes for the same document:

- :func:`align_bag`: a ``dask.bag`` of :class:`~bitext.batch.DocumentOutput` (report row + the
  document's rendered rows), for pipelines that carry on in Dask (filter on ``output.report``, write
  ``output.data`` where you like). Nothing is written by bitext; the workers need to read the inputs.

      from distributed import Client
      from bitext.batch import BatchOptions, ManifestFile
      from bitext.dask import align_bag

      client = Client("scheduler:8786")
      outputs = align_bag(ManifestFile("manifest.tsv"), BatchOptions(format="jsonl", align={"scorer": "lexical"}))
      # a document's data ends with a newline and to_textfiles puts one between elements: strip it, and
      # ask for the last line's, so that every line of every file is one JSON record
      lines = outputs.filter(lambda o: o.ok).map(lambda o: o.data.rstrip("\n"))
      lines.to_textfiles("corpus-*.jsonl", last_endline=True)

- :func:`run_batch_on_dask`: ``bitext batch`` itself with the cluster as its executor: same output
  folder, report, resumability and manifest order. The workers must see the inputs *and* the output
  folder at the same absolute paths as the client (a shared file system). ``BatchOptions`` record the
  same settings as ``bitext batch`` with the same options, so either can resume the other's run.

A worker that dies mid-task loses nothing already written: Dask re-runs its tasks on other workers. With
:func:`run_batch_on_dask`, a chunk whose task kills workers again and again (Dask gives up with
``KilledWorker``) is retried one document a task, and the document that still kills its worker is reported
as failed while the others are aligned as usual; :func:`align_bag`'s ``compute()`` raises ``KilledWorker``.

Each Dask worker process keeps what the aligner loads (dictionary, encoder) in its per-process
caches across tasks, so they are loaded once per worker; :func:`warm_up_workers` loads them up front.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from bitext.batch import (
    BatchOptions,
    BatchSummary,
    DocumentPair,
    align_document,
    mark_duplicates,
    run_batch,
    warm_up,
)
from bitext.batch.per_document import check_option_names

try:
    import dask.bag
except ImportError as error:  # pragma: no cover - depends on the installation
    raise ImportError("bitext.dask needs the optional extra: pip install 'bitext[dask]'") from error

__all__ = ["CHUNK_SIZE", "align_bag", "run_batch_on_dask", "warm_up_workers"]

# Documents a Dask task: each task costs a few milliseconds of scheduling and messaging (measured: 3 ms of
# CPU in the client and 3 in the worker for a one-document task), as much as aligning a short document.
CHUNK_SIZE = 8


def align_bag(
    pairs: Iterable[DocumentPair] | dask.bag.Bag,
    options: BatchOptions | None = None,
    *,
    npartitions: int | None = None,
) -> dask.bag.Bag:
    """A lazy bag of :class:`~bitext.batch.DocumentOutput`, one per pair, in the pairs' order.

    ``pairs`` is an iterable of :class:`~bitext.batch.DocumentPair` (a :class:`~bitext.batch.ManifestFile`,
    :class:`~bitext.batch.FolderPairs`, a list; duplicate doc_ids are marked failed as in ``bitext batch``)
    or a bag of them (taken as given). ``options`` are ``bitext batch``'s (format, aligner options, …).
    """
    options = options or BatchOptions()
    check_option_names(options)
    if isinstance(pairs, dask.bag.Bag):
        bag = pairs
    else:
        items = list(mark_duplicates(pairs))
        bag = dask.bag.from_sequence(items, npartitions=npartitions or _partitions(len(items)))
    return bag.map(align_document, options)


def _partitions(count: int) -> int:
    # Around 100 documents a partition: few enough tasks for the scheduler, enough to spread the load.
    return max(1, min(count, (count + 99) // 100))


def run_batch_on_dask(
    pairs: Iterable[DocumentPair],
    outdir: str | Path,
    client: Any,
    options: BatchOptions | None = None,
    *,
    restart: bool = False,
    progress: Callable[[int], Any] | None = None,
    chunk_size: int = CHUNK_SIZE,
) -> BatchSummary:
    """``bitext batch`` on a ``distributed.Client``: same files in ``outdir`` as a local run.

    ``progress`` is :func:`bitext.batch.run_batch`'s (a factory of a meter with ``advance``/``close``);
    ``chunk_size`` documents make one Dask task."""
    options = options or BatchOptions()
    warm_up_workers(client, options)
    executor = client.get_executor(pure=False)
    workers = _worker_count(client)
    outdir = Path(outdir).absolute()  # the workers may run in other working folders
    return run_batch(
        pairs,
        outdir,
        options,
        executor=executor,
        jobs=workers,
        restart=restart,
        progress=progress,
        chunk_size=chunk_size,
    )


def warm_up_workers(client: Any, options: BatchOptions | None = None) -> None:
    """Load the aligner's resources in every worker now rather than on its first document."""
    client.run(warm_up, options or BatchOptions())


def _worker_count(client: Any) -> int:
    workers = client.scheduler_info().get("workers", {})
    return max(1, sum(int(w.get("nthreads", 1)) for w in workers.values()))
