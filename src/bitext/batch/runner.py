"""Running a batch: skip what an earlier run did, align the rest in parallel, then combine in order."""

from __future__ import annotations

import contextlib
import json
import multiprocessing
import multiprocessing.context
import os
import shutil
import signal
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Mapping
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass
from itertools import islice
from multiprocessing import forkserver
from pathlib import Path
from typing import Any, Protocol

from bitext.atomic import write_atomically
from bitext.batch import preload
from bitext.batch.combine import combine
from bitext.batch.inputs import DocumentPair, is_duplicate, mark_duplicates
from bitext.batch.per_document import BatchOptions, DocumentOutput, DocumentReport, check_options
from bitext.batch.store import OutputFolder
from bitext.batch.worker import Task, check_worker_options, run_chunk, run_document, start_worker
from bitext.errors import BitextError
from bitext.log import reporting_level
from bitext.resources.cache import collection_paused, loaded_objects_frozen

SINGLE_THREADED = {
    name: "1"
    for name in (
        "OMP_NUM_THREADS",
        "OPENBLAS_NUM_THREADS",
        "MKL_NUM_THREADS",
        "BLIS_NUM_THREADS",
        "VECLIB_MAXIMUM_THREADS",
        "NUMEXPR_NUM_THREADS",
    )
}
WORKER_DIED = "the worker process died while aligning this document"


class SettingsMismatch(BitextError):
    """The output folder holds a run made with other settings (the command line words it with --restart)."""


@dataclass
class BatchSummary:
    total: int = 0
    ok: int = 0
    failed: int = 0
    resumed: int = 0  # ok documents an earlier run had done, skipped by this one
    seconds: float = 0.0
    corpus: Path | None = None  # None for formats written one file per document
    report: Path | None = None

    @property
    def exit_status(self) -> int:
        """0 when every document was aligned, 1 when some failed (they are in the report)."""
        return 1 if self.failed else 0


class Meter(Protocol):
    """What ``run_batch(progress=…)`` makes per run and tells about each document (done or skipped)."""

    def advance(self, ok: bool) -> None: ...

    def close(self) -> None: ...


class ProgressBar:
    """``bitext.progress``'s bar (on a terminal only) as a :class:`Meter`: ``run_batch(progress=ProgressBar)``."""

    def __init__(self, total: int) -> None:
        from bitext.progress import Progress

        self.bar = Progress(total, "documents")

    def advance(self, ok: bool) -> None:
        self.bar.update()

    def close(self) -> None:
        self.bar.close()


def default_jobs() -> int:
    """The cores this process may use (the CPU affinity mask where there is one)."""
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:  # not on Linux
        return os.cpu_count() or 1


def run_batch(
    pairs: Iterable[DocumentPair],
    outdir: str | Path,
    options: BatchOptions | None = None,
    *,
    jobs: int | None = None,
    executor: Executor | None = None,
    restart: bool = False,
    progress: Callable[[int], Meter] | None = None,
    task: Task = run_document,
    chunk_size: int = 1,
) -> BatchSummary:
    """Align every pair into ``outdir`` (see :mod:`bitext.batch` for the layout); resumable.

    ``jobs`` worker processes (default: one per core; ``0`` aligns in this process, no workers), or any
    :class:`concurrent.futures.Executor` whose workers see ``outdir`` (e.g. a Dask client's
    ``get_executor()``, see :func:`bitext.dask.run_batch_on_dask`). ``pairs`` is read twice (the work,
    then the combined output in its order), so give a re-iterable: :class:`ManifestFile`,
    :class:`FolderPairs`, a list. ``task`` is the per-document task (tests replace it to simulate
    crashes); it must be a module-level function, since it is sent to worker processes. ``chunk_size``
    documents go to a worker at a time (1 for a local pool, whose round trips cost little; more on a
    cluster, where each task costs milliseconds of scheduling).
    """
    options = options or BatchOptions()
    if iter(pairs) is pairs:  # a one-shot iterator: kept, since it is read twice
        pairs = list(pairs)
    folder = OutputFolder.for_format(outdir, options.format)
    summary = BatchSummary()
    started = time.monotonic()
    with _locked(folder.root):
        _prepare(folder, options, restart)
        total = sum(1 for _ in pairs)
        meter = progress(total) if progress else None
        try:
            todo = _pending(pairs, folder, summary, meter)
            workers = min(default_jobs() if jobs is None else jobs, total)
            for report in _execute(todo, options, folder, workers, executor, task, chunk_size):
                if meter:
                    meter.advance(report.status == "ok")
        finally:
            if meter:
                meter.close()
        corpus, counts = combine(pairs, folder, options)
    summary.total, summary.ok, summary.failed = counts.total, counts.ok, counts.failed
    summary.corpus = corpus if corpus is not None and corpus.exists() else None
    summary.report = folder.root / "report.tsv"
    summary.seconds = time.monotonic() - started
    return summary


def _pending(
    pairs: Iterable[DocumentPair], folder: OutputFolder, summary: BatchSummary, meter: Meter | None
) -> Iterator[DocumentPair]:
    """Pairs still to align, lazily: ones an earlier run finished, and duplicates, are skipped."""
    for pair in mark_duplicates(pairs):
        if is_duplicate(pair):
            skipped_ok = False  # reported by combine(); it has no files, its id belongs to another pair
        elif folder.is_done(pair):
            summary.resumed += 1
            skipped_ok = True
        else:
            yield pair
            continue
        if meter:
            meter.advance(skipped_ok)


def _execute(
    todo: Iterator[DocumentPair],
    options: BatchOptions,
    folder: OutputFolder,
    jobs: int,
    executor: Executor | None,
    task: Task,
    chunk_size: int,
) -> Iterator[DocumentReport]:
    if executor is None and jobs <= 0:
        with contextlib.ExitStack() as frozen:
            # The warm-up's tables, frozen before the collector runs again: not scanned by any collection.
            with collection_paused():
                check_options(options)
                frozen.enter_context(loaded_objects_frozen())
            for pair in todo:
                yield task(pair, options, str(folder.root))
        return
    runner = _ParallelRunner(options, folder, jobs, executor, task, chunk_size)
    try:
        yield from runner.run(todo)
    finally:
        runner.close()


class _ParallelRunner:
    """Runs the task on a process pool (or a given executor), ``chunk_size`` documents a task, with at
    most ``2 × jobs`` tasks in flight, so memory stays flat however long the manifest is.

    A worker process that dies (a crash in a native library, the out-of-memory killer) breaks a
    process pool and fails every task in flight. Their documents are re-run one at a time on a fresh
    pool: the one that kills its worker again, alone, is reported as failed and skipped; the others
    are aligned as usual. A cluster (Dask) retries a task on other workers itself and gives up with
    ``KilledWorker``: a chunk's documents are then retried one a task, and a single one is reported.
    Nothing already written is touched.
    """

    def __init__(
        self,
        options: BatchOptions,
        folder: OutputFolder,
        jobs: int,
        executor: Executor | None,
        task: Task,
        chunk_size: int = 1,
    ) -> None:
        self.options, self.folder, self.jobs, self.task = options, folder, max(1, jobs), task
        self.own_pool = executor is None
        self.window = 2 * self.jobs
        self.chunk_size = max(1, chunk_size)
        self.suspects: deque[DocumentPair] = deque()  # to re-run alone on a fresh pool
        self.singles: deque[DocumentPair] = deque()  # to re-run one a task on the cluster
        if executor is None:
            self.executor = self._new_pool()
        else:
            self.executor = executor
            executor.submit(check_options, options).result()

    def _new_pool(self) -> Executor:
        """A pool whose workers have all started, warmed up and checked the options.

        On Linux, workers are forked from multiprocessing's fork server, which the pool
        starts with :mod:`bitext.batch.preload` in its preload list: a fresh interpreter that imports
        bitext and loads the aligner's resources once, then forks each worker warm (copy-on-write).
        Never "fork" of this process: whoever calls :func:`run_batch` may hold threads, and forking a
        process that holds threads can deadlock. The server, and the workers it forks, hold one thread:
        it starts with the numerical libraries limited to one thread each (no OpenBLAS or OpenMP pool is
        created), and nothing it loads starts a thread of its own (OpenCC, rjieba and the encoder run in
        the calling thread). Elsewhere (macOS, Windows) workers are started with "spawn" and each loads the
        resources itself. A variable of ``SINGLE_THREADED`` the user has set is left as it is: the pool
        is the parallelism, and per-document matrices are small (docs/design.md, Batch, has the
        measurements).
        """
        context = _pool_context()
        pool = ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=context,
            initializer=start_worker,
            initargs=(self.options, reporting_level()),
        )
        # Whatever starts a process here (the fork server, or each spawned worker) does it with this
        # environment and with Ctrl-C ignored from its first instruction (an ignored signal stays ignored
        # across exec, and forked workers inherit the server's): Ctrl-C reaches the whole process group,
        # and a process still importing would otherwise die with a traceback.
        forked = context.get_start_method() == "forkserver"
        preloaded = preload.encode(self.options) if forked else None
        variables = {**SINGLE_THREADED, **({preload.VARIABLE: preloaded} if preloaded else {})}
        checks: list[Future[None]] = []
        with _environment(variables), _sigint_ignored():
            if forked:
                forkserver.ensure_running()  # returns at once: the server preloads meanwhile
            else:
                checks = [pool.submit(check_worker_options, self.options) for _ in range(self.jobs)]
        if not checks:  # forked workers, outside the Ctrl-C-ignoring window: each waits for the preload
            checks = [pool.submit(check_worker_options, self.options) for _ in range(self.jobs)]
        try:
            for check in checks:
                check.result()
        except BaseException:
            pool.shutdown(wait=True, cancel_futures=True)
            raise
        return pool

    def close(self) -> None:
        if self.own_pool:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def run(self, todo: Iterator[DocumentPair]) -> Iterator[DocumentReport]:
        in_flight: dict[Future[list[DocumentReport]], list[DocumentPair]] = {}
        while True:
            alone = self._fill(in_flight, todo)
            if not in_flight:
                if not self.suspects:
                    return
                self._restart()  # the pool broke before anything could be submitted to it
                continue
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                chunk = in_flight.pop(future)
                try:
                    yield from future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        yield self._record_death(chunk[0])
                    else:
                        self.suspects.extend(chunk)
                except Exception as error:
                    if not _is_worker_death(error):
                        raise
                    if len(chunk) == 1:
                        yield self._record_death(chunk[0])
                    else:
                        self.singles.extend(chunk)
            if broken:
                for chunk in in_flight.values():
                    self.suspects.extend(chunk)
                in_flight.clear()
                self._restart()

    def _fill(
        self, in_flight: dict[Future[list[DocumentReport]], list[DocumentPair]], todo: Iterator[DocumentPair]
    ) -> bool:
        """Submit work up to the window; returns whether what is in flight is one suspect on its own."""
        if self.suspects:
            if not in_flight:
                self._try_submit([self.suspects.popleft()], in_flight)
            return True
        while len(in_flight) < self.window:
            chunk = [self.singles.popleft()] if self.singles else list(islice(todo, self.chunk_size))
            if not chunk or not self._try_submit(chunk, in_flight):
                break
        return False

    def _try_submit(
        self, chunk: list[DocumentPair], in_flight: dict[Future[list[DocumentReport]], list[DocumentPair]]
    ) -> bool:
        try:
            future = self.executor.submit(run_chunk, self.task, chunk, self.options, str(self.folder.root))
        except BrokenProcessPool:  # a worker died since the last look; the futures in flight fail next
            self.suspects.extendleft(reversed(chunk))
            return False
        in_flight[future] = chunk
        return True

    def _restart(self) -> None:
        if not self.own_pool:
            raise BitextError("the executor's workers died; documents finished so far are kept: re-run to resume")
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new_pool()

    def _record_death(self, pair: DocumentPair) -> DocumentReport:
        output = DocumentOutput(DocumentReport.failed(pair.doc_id, WORKER_DIED))
        self.folder.save(pair, output)
        return output.report


def _pool_context() -> multiprocessing.context.BaseContext:
    """The fork server, warmed by :mod:`bitext.batch.preload`, on Linux; else "spawn".

    Linux only: there the server's single thread is checked (tests read /proc); on macOS system libraries
    may start threads of their own in a process that has loaded them (why Python spawns there by
    default), so a process that imported numpy is not forked. The preload list is multiprocessing's (one
    server per process): a server already running (an earlier batch in this process) is reused as it is,
    and its workers warm up for these options in their initializer."""
    if not sys.platform.startswith("linux") or "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([preload.__name__])
    return context


def _is_worker_death(error: BaseException) -> bool:
    # Dask's distributed raises KilledWorker once a task has killed several workers (it retries first).
    return type(error).__name__ == "KilledWorker"


@contextlib.contextmanager
def _environment(variables: Mapping[str, str]) -> Iterator[None]:
    """Set the variables the user has not set, for the duration (child processes inherit them)."""
    added = [name for name in variables if name not in os.environ]
    os.environ.update({name: variables[name] for name in added})
    try:
        yield
    finally:
        for name in added:
            os.environ.pop(name, None)


@contextlib.contextmanager
def _sigint_ignored() -> Iterator[None]:
    """Ignore Ctrl-C for the duration (a few milliseconds), where signals can be set: the main thread."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        yield
    finally:
        signal.signal(signal.SIGINT, previous)


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """One run per output folder at a time: two would interleave their files."""
    try:
        root.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise BitextError(f"{root}: cannot create the output folder ({error.strerror or error})") from None
    if not root.is_dir():
        raise BitextError(f"{root}: is not a folder")
    try:
        import fcntl
    except ImportError:  # Windows: no advisory lock; two runs into one folder are the user's to avoid
        yield
        return
    with open(root / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BitextError(f"{root}: another bitext batch is writing into this folder") from None
        yield


def _prepare(folder: OutputFolder, options: BatchOptions, restart: bool) -> None:
    """Check that a resumed run uses the same settings, clear a killed run's temporary files, make the folders."""
    settings_path = folder.root / "batch.json"
    wanted = options.settings()
    if restart:
        for sub in (folder.documents, folder.status):
            shutil.rmtree(sub, ignore_errors=True)
        for old in [*folder.root.glob("corpus.*"), folder.root / "report.tsv"]:
            old.unlink(missing_ok=True)
    elif settings_path.exists():
        try:
            found = json.loads(settings_path.read_text(encoding="utf-8"))
        except ValueError:
            found = None
        if found != wanted:
            raise SettingsMismatch(
                f"{folder.root} holds a run made with other settings ({_difference(found, wanted)}); "
                "use another output folder, or run_batch(..., restart=True) to discard it"
            )
    for sub in (folder.root, folder.documents, folder.status):
        sub.mkdir(parents=True, exist_ok=True)
        for leftover in sub.glob(".*.tmp"):
            leftover.unlink(missing_ok=True)
    write_atomically(settings_path, json.dumps(wanted, ensure_ascii=False, indent=1) + "\n")


def _difference(found: Any, wanted: Mapping[str, Any]) -> str:
    if not isinstance(found, dict):
        return "unreadable batch.json"
    changed = []
    for key, value in wanted.items():
        before = found.get(key)
        if before == value:
            continue
        if isinstance(before, dict) and isinstance(value, dict):
            # the alignment options: name the ones that changed (--scorer: 'lexical' → 'all'), not the whole set
            changed += [
                f"{inner}: {before.get(inner)!r} → {value.get(inner)!r}"
                for inner in sorted({*before, *value})
                if before.get(inner) != value.get(inner)
            ]
        else:
            changed.append(f"{key}: {before!r} → {value!r}")
    return "; ".join(changed) or "unknown"
