"""Many document pairs: a manifest (or two folders) → one combined corpus plus a per-document report.

The unit of work is :func:`align_document`: one pair in, one document's rendered output and report row
out. It is the same function whether it runs in this process, in a process pool (:func:`run_batch`) or
on a Dask cluster (:mod:`bitext.dask`), so the three give the same bytes.

A run keeps its state in the output folder, one pair of small files per document::

    OUTDIR/batch.json               settings of the run; a resumed run must use the same ones
    OUTDIR/documents/<name>.<fmt>   one document's output, exactly what `bitext align` writes for it
    OUTDIR/status/<name>.json       its report row, written *after* its output: the "done" marker
    OUTDIR/corpus.<fmt>             every document's output in manifest order (tsv, jsonl)
    OUTDIR/report.tsv               one row per manifest entry: ok/error, beads, mean score, error

Each file is written to a temporary name and renamed, so a run killed at any point leaves only
complete files under final names, and re-running the same command skips every document whose status
says ``ok`` and whose input files have not changed since. The combined corpus is rebuilt from the
per-document files at the end of every run, in manifest order, so a resumed run's output is byte for
byte a fresh run's, whatever order the workers finished in.
"""

from __future__ import annotations

import contextlib
import hashlib
import inspect
import io
import json
import multiprocessing
import os
import shutil
import sys
import time
from collections import Counter, deque
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from concurrent.futures import FIRST_COMPLETED, Executor, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any, Literal, TextIO
from urllib.parse import quote

from bitext.align import Alignment, align
from bitext.errors import BitextError
from bitext.formats import get_writer
from bitext.reading import read_text
from bitext.segment import segment
from bitext.versions import versions

__all__ = [
    "BatchOptions",
    "BatchSummary",
    "DocumentOutput",
    "DocumentPair",
    "DocumentReport",
    "FolderPairs",
    "ManifestFile",
    "align_document",
    "open_pairs",
    "run_batch",
    "run_document",
]

Status = Literal["ok", "error"]

# Formats whose per-document outputs concatenate into one corpus file with a doc_id per row. Other
# formats (align, and whatever else is registered) keep one file per document in OUTDIR/documents/.
COMBINED_FORMATS = ("tsv", "jsonl")
REPORT_COLUMNS = ("doc_id", "status", "zh_sentences", "en_sentences", "beads", "mean_score", "types", "flags", "error")
MANIFEST_HEADER = ("doc_id", "source", "translation")
# A tiny pair aligned once in every worker before its first document, so that whatever the aligner
# loads lazily (dictionary, encoder; each cached per process by the module that owns it) is loaded
# once per worker and not timed against, or repeated for, any document.
WARM_UP_PAIR = (
    "商湯今日公布業績。收入增長百分之十。",
    "SenseTime reported results today. Revenue grew by ten per cent.",
)


# --------------------------------------------------------------------------------------------------
# Inputs: document pairs from a manifest or from two folders


@dataclass(frozen=True, slots=True)
class DocumentPair:
    """One unit of work. ``problem`` is set when the pair is known to be bad before reading it."""

    doc_id: str
    source: Path | None
    translation: Path | None
    problem: str = ""


class ManifestFile:
    """A TSV of ``doc_id<TAB>source<TAB>translation``; paths are relative to the manifest's folder.

    Blank lines and lines starting with ``#`` are skipped, and so is a first line that reads
    ``doc_id source translation``. The file is checked in full when opened (a malformed line is a
    :class:`BitextError` naming the line) and re-read when iterated, so a manifest of millions of
    pairs is never held in memory.
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.folder = self.path.parent
        self._count = sum(1 for _ in self._entries())
        if not self._count:
            raise BitextError(f"{self.path}: the manifest lists no document pairs")

    def __len__(self) -> int:
        return self._count

    def __iter__(self) -> Iterator[DocumentPair]:
        for _line, pair in self._entries():
            yield pair

    def _entries(self) -> Iterator[tuple[int, DocumentPair]]:
        try:
            handle = open(self.path, encoding="utf-8-sig", newline="")  # noqa: SIM115 (closed below)
        except FileNotFoundError:
            raise BitextError(f"{self.path}: no such manifest") from None
        except OSError as error:
            raise BitextError(f"{self.path}: cannot be read ({error.strerror or error})") from None
        with handle:
            try:
                for number, raw in enumerate(handle, start=1):
                    line = raw.rstrip("\r\n")
                    if not line.strip() or line.startswith("#"):
                        continue
                    fields = line.split("\t")
                    if number == 1 and tuple(f.strip().lower() for f in fields) == MANIFEST_HEADER:
                        continue
                    yield number, self._pair(number, fields)
            except UnicodeDecodeError:
                raise BitextError(f"{self.path}: the manifest is not UTF-8 text") from None

    def _pair(self, number: int, fields: list[str]) -> DocumentPair:
        where = f"{self.path}, line {number}"
        if len(fields) != 3:
            raise BitextError(
                f"{where}: expected 3 tab-separated fields (doc_id, source, translation), found {len(fields)}"
            )
        doc_id, source, translation = (f.strip() for f in fields)
        if not doc_id:
            raise BitextError(f"{where}: the doc_id is empty")
        missing = [side for side, path in (("source", source), ("translation", translation)) if not path]
        return DocumentPair(
            doc_id,
            self.folder / source if source else None,
            self.folder / translation if translation else None,
            f"no {' or '.join(missing)} file given in the manifest" if missing else "",
        )


class FolderPairs:
    """Pairs from two folders, matched by file name: ``ZH_DIR/x.txt`` with ``EN_DIR/x.txt`` is doc ``x.txt``.

    A name found in one folder only is a pair with one side missing (reported, not fatal). Hidden
    files are ignored; sub-folders are not searched.
    """

    def __init__(self, zh_dir: str | Path, en_dir: str | Path) -> None:
        self.zh_dir, self.en_dir = Path(zh_dir), Path(en_dir)
        zh_names, en_names = _file_names(self.zh_dir), _file_names(self.en_dir)
        self._names = sorted(zh_names | en_names)
        self._zh, self._en = zh_names, en_names
        if not self._names:
            raise BitextError(f"{self.zh_dir} and {self.en_dir}: no files to align")

    def __len__(self) -> int:
        return len(self._names)

    def __iter__(self) -> Iterator[DocumentPair]:
        for name in self._names:
            problem = ""
            if name not in self._zh:
                problem = f"one side missing: no {self.zh_dir / name}"
            elif name not in self._en:
                problem = f"one side missing: no {self.en_dir / name}"
            yield DocumentPair(name, self.zh_dir / name, self.en_dir / name, problem)


def _file_names(folder: Path) -> set[str]:
    if not folder.is_dir():
        raise BitextError(f"{folder}: no such folder")
    return {entry.name for entry in os.scandir(folder) if entry.is_file() and not entry.name.startswith(".")}


def open_pairs(inputs: Sequence[str | Path]) -> ManifestFile | FolderPairs:
    """The CLI's inputs: one manifest file, or two folders (Chinese, English) matched by file name."""
    paths = [Path(p) for p in inputs]
    if len(paths) == 1:
        if paths[0].is_dir():
            raise BitextError(f"{paths[0]}: is a folder; give a manifest file, or two folders (Chinese, English)")
        return ManifestFile(paths[0])
    if len(paths) == 2:
        return FolderPairs(*paths)
    raise BitextError("give one manifest file, or two folders (Chinese, then English)")


def mark_duplicates(pairs: Iterable[DocumentPair]) -> Iterator[DocumentPair]:
    """Later pairs reusing a doc_id get a problem; the first one is processed as usual."""
    first_seen: dict[str, int] = {}
    for number, pair in enumerate(pairs, start=1):
        if pair.doc_id in first_seen:
            yield replace(pair, problem=f"duplicate doc_id (first used by entry {first_seen[pair.doc_id]})")
        else:
            first_seen[pair.doc_id] = number
            yield pair


# --------------------------------------------------------------------------------------------------
# The per-document function


@dataclass(frozen=True)
class BatchOptions:
    """What every document is aligned and written with; ``align`` holds keyword options for
    :func:`bitext.align` (``method``, ``scorer``, …) passed through unchanged."""

    format: str = "tsv"
    presegmented: bool = False
    encoding: str | None = None
    align: Mapping[str, Any] = field(default_factory=dict)

    def settings(self) -> dict[str, Any]:
        """Everything that shapes a document's output, as JSON: a resumed run must match it."""
        return {
            "format": self.format,
            "presegmented": self.presegmented,
            "encoding": self.encoding,
            "align": {key: _jsonable(value) for key, value in sorted(self.align.items())},
            "versions": versions(),
        }


def _jsonable(value: Any) -> Any:
    return value if isinstance(value, (str, int, float, bool, type(None))) else repr(value)


@dataclass(frozen=True)
class DocumentReport:
    """One row of the report. ``flags`` is None when no QA checker is installed."""

    doc_id: str
    status: Status
    zh_sentences: int = 0
    en_sentences: int = 0
    beads: int = 0
    mean_score: float | None = None
    types: Mapping[str, int] = field(default_factory=dict)
    flags: int | None = None
    error: str = ""

    @classmethod
    def failed(cls, doc_id: str, error: str) -> DocumentReport:
        return cls(doc_id, "error", error=error)

    @classmethod
    def of(cls, doc_id: str, alignment: Alignment) -> DocumentReport:
        scores = [bead.score for bead in alignment.beads]
        return cls(
            doc_id,
            "ok",
            zh_sentences=len(alignment.zh),
            en_sentences=len(alignment.en),
            beads=len(scores),
            mean_score=round(sum(scores) / len(scores), 4) if scores else None,
            types=dict(sorted(Counter(bead.type for bead in alignment.beads).items())),
            flags=count_flags(alignment),
        )

    def to_json(self) -> dict[str, Any]:
        return asdict(self)

    @classmethod
    def from_json(cls, record: Mapping[str, Any]) -> DocumentReport:
        return cls(**record)


@dataclass(frozen=True)
class DocumentOutput:
    """What :func:`align_document` returns: the report row and the document's rendered output."""

    report: DocumentReport
    text: str = ""

    @property
    def ok(self) -> bool:
        return self.report.status == "ok"


def count_flags(alignment: Alignment) -> int | None:
    """Number of QA-flagged beads, when the QA checker is present (bitext.qa); None otherwise."""
    try:
        from bitext import qa  # type: ignore[attr-defined]
    except ImportError:
        return None
    check = getattr(qa, "flag_alignment", None) or getattr(qa, "check_alignment", None)
    if check is None:
        return None
    flagged = check(alignment)
    return len(flagged) if hasattr(flagged, "__len__") else None


def align_document(pair: DocumentPair, options: BatchOptions) -> DocumentOutput:
    """Read, segment, align and render one pair. Never raises for a bad document: it is reported."""
    if pair.problem:
        return DocumentOutput(DocumentReport.failed(pair.doc_id, pair.problem))
    try:
        alignment = align_pair(pair, options)
        text = render(alignment, pair.doc_id, options.format)
    except BitextError as error:
        return DocumentOutput(DocumentReport.failed(pair.doc_id, str(error)))
    except Exception as error:  # a bug hit by one document must not stop the others; it is reported
        message = f"unexpected {type(error).__name__}: {error} (a bug in bitext; please report it)"
        return DocumentOutput(DocumentReport.failed(pair.doc_id, message))
    return DocumentOutput(DocumentReport.of(pair.doc_id, alignment), text)


def align_pair(pair: DocumentPair, options: BatchOptions) -> Alignment:
    """The alignment `bitext align SOURCE TRANSLATION` computes for this pair, with the same options."""
    assert pair.source is not None and pair.translation is not None
    zh_text = read_text(pair.source, options.encoding).text
    en_text = read_text(pair.translation, options.encoding).text
    zh = segment(zh_text, "zh", presegmented=options.presegmented, name=str(pair.source))
    en = segment(en_text, "en", presegmented=options.presegmented, name=str(pair.translation))
    return align(zh, en, presegmented=options.presegmented, **options.align)


def render(alignment: Alignment, doc_id: str, format_name: str) -> str:
    """One document's output in ``format_name``, carrying ``doc_id`` where the format has a place for it."""
    writer = get_writer(format_name)
    if hasattr(writer, "doc_id"):
        writer.doc_id = doc_id
    buffer = io.StringIO()
    writer.write(alignment, buffer)
    text = buffer.getvalue()
    return stamp_jsonl(text, doc_id) if format_name == "jsonl" else text


def stamp_jsonl(text: str, doc_id: str) -> str:
    """Put ``doc_id`` first in every JSON record, replacing one the writer may have set."""
    lines = []
    for line in text.splitlines():
        record = json.loads(line)
        record.pop("doc_id", None)
        lines.append(json.dumps({"doc_id": doc_id, **record}, ensure_ascii=False))
    return "".join(line + "\n" for line in lines)


def warm_up(options: BatchOptions) -> None:
    """Load what the aligner loads lazily, once in this process (a pool's initializer)."""
    with contextlib.suppress(Exception):  # a real problem is reported by check_options / each document
        align(*WARM_UP_PAIR, **options.align)


def check_options(options: BatchOptions) -> None:
    """Refuse unusable options before any document is aligned (a user error, not 1,000 failed documents)."""
    get_writer(options.format)
    try:
        inspect.signature(align).bind(*WARM_UP_PAIR, presegmented=options.presegmented, **options.align)
    except TypeError as error:
        raise BitextError(f"unknown alignment option: {error}") from None
    align(*WARM_UP_PAIR, **options.align)


# --------------------------------------------------------------------------------------------------
# The output folder: per-document files written atomically


def file_stem(doc_id: str) -> str:
    """A file name for ``doc_id``: percent-encoded (so distinct ids never collide), never hidden, never
    too long for a file system (long ids are cut and completed with a hash)."""
    stem = quote(doc_id, safe="-_.,+=@~()[]")
    if stem.startswith("."):
        stem = "%2E" + stem[1:]
    if len(stem) > 180:
        stem = stem[:150] + "~" + hashlib.sha1(doc_id.encode("utf-8")).hexdigest()[:20]
    return stem


def write_atomically(path: Path, text: str) -> None:
    """Write to a hidden temporary file beside ``path``, then rename: ``path`` is whole or absent."""
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    with open(temporary, "w", encoding="utf-8", newline="\n") as out:
        out.write(text)
    os.replace(temporary, path)


@dataclass(frozen=True)
class OutputFolder:
    """Where a run keeps its per-document files; see the module docstring for the layout."""

    root: Path
    suffix: str

    @property
    def documents(self) -> Path:
        return self.root / "documents"

    @property
    def status(self) -> Path:
        return self.root / "status"

    def output_path(self, doc_id: str) -> Path:
        return self.documents / f"{file_stem(doc_id)}{self.suffix}"

    def status_path(self, doc_id: str) -> Path:
        return self.status / f"{file_stem(doc_id)}.json"

    def save(self, pair: DocumentPair, output: DocumentOutput) -> None:
        """The output first, then the status that marks it done: a kill in between means "redo"."""
        if output.ok:
            write_atomically(self.output_path(pair.doc_id), output.text)
        record = {"report": output.report.to_json(), "inputs": fingerprint(pair)}
        write_atomically(self.status_path(pair.doc_id), json.dumps(record, ensure_ascii=False) + "\n")

    def load_report(self, doc_id: str) -> tuple[DocumentReport, list[Any]] | None:
        try:
            record = json.loads(self.status_path(doc_id).read_text(encoding="utf-8"))
        except (FileNotFoundError, ValueError):
            return None
        return DocumentReport.from_json(record["report"]), record["inputs"]

    def is_done(self, pair: DocumentPair) -> bool:
        """Done when its status says ok, its output is there and its input files are unchanged."""
        loaded = self.load_report(pair.doc_id)
        return (
            loaded is not None
            and loaded[0].status == "ok"
            and loaded[1] == fingerprint(pair)
            and self.output_path(pair.doc_id).exists()
        )


def fingerprint(pair: DocumentPair) -> list[Any]:
    """Size and modification time of both input files: a changed input is aligned again on resume."""
    marks: list[Any] = []
    for path in (pair.source, pair.translation):
        try:
            stat = os.stat(path) if path is not None else None
        except OSError:
            stat = None
        marks.append([str(path), stat.st_size, stat.st_mtime_ns] if stat else [str(path), None, None])
    return marks


def run_document(pair: DocumentPair, options: BatchOptions, root: str) -> DocumentReport:
    """The task a worker runs: align one pair and save its files into the output folder ``root``."""
    folder = OutputFolder(Path(root), _suffix(options.format))
    output = align_document(pair, options)
    folder.save(pair, output)
    return output.report


def _suffix(format_name: str) -> str:
    return getattr(get_writer(format_name), "suffix", f".{format_name}")


# --------------------------------------------------------------------------------------------------
# Running a batch


@dataclass
class BatchSummary:
    total: int = 0
    ok: int = 0
    failed: int = 0
    resumed: int = 0  # skipped because an earlier run had done them
    seconds: float = 0.0
    corpus: Path | None = None
    report: Path | None = None

    @property
    def exit_status(self) -> int:
        return 1 if self.failed else 0


class Progress:
    """The smallest useful progress line: on a terminal only, at most five updates a second."""

    def __init__(self, total: int, stream: TextIO | None = None) -> None:
        self.total, self.done, self.failed = total, 0, 0
        self.stream = stream if stream is not None else sys.stderr
        self.enabled = self.stream.isatty()
        self.started = self.shown = time.monotonic()

    def advance(self, ok: bool) -> None:
        self.done += 1
        self.failed += not ok
        now = time.monotonic()
        if self.enabled and (now - self.shown > 0.2 or self.done == self.total):
            self.shown = now
            rate = self.done / max(now - self.started, 1e-9)
            left = (self.total - self.done) / rate if rate else 0.0
            self.stream.write(
                f"\rbatch {self.done}/{self.total} documents, {self.failed} failed, "
                f"{rate:.1f}/s, {left:.0f} s left "
            )
            self.stream.flush()

    def close(self) -> None:
        if self.enabled and self.done:
            self.stream.write("\n")
            self.stream.flush()


def default_jobs() -> int:
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
    progress: Callable[[int], Progress] | None = None,
    task: Callable[[DocumentPair, BatchOptions, str], DocumentReport] = run_document,
) -> BatchSummary:
    """Align every pair into ``outdir``; resumable; returns counts (``exit_status`` 1 if any failed).

    ``jobs`` worker processes (default: one per core; 1 aligns in this process), or any
    :class:`concurrent.futures.Executor` whose workers see ``outdir`` (e.g. a Dask client's
    ``get_executor()``). ``pairs`` is iterated twice (work, then the combined output), so pass a
    re-iterable such as :class:`ManifestFile`, :class:`FolderPairs` or a list.
    """
    options = options or BatchOptions()
    if iter(pairs) is pairs:  # a one-shot iterator: keep it, since it is read twice
        pairs = list(pairs)
    folder = OutputFolder(Path(outdir), _suffix(options.format))
    summary = BatchSummary()
    started = time.monotonic()
    with _locked(folder.root):
        _prepare(folder, options, restart)
        total = sum(1 for _ in pairs)
        meter = progress(total) if progress else None
        todo = _pending(pairs, folder, summary, meter)
        try:
            for report in _execute(todo, options, folder, jobs, executor, task):
                if meter:
                    meter.advance(report.status == "ok")
        finally:
            if meter:
                meter.close()
        _combine(pairs, folder, options.format, summary)
    summary.seconds = time.monotonic() - started
    return summary


def _pending(
    pairs: Iterable[DocumentPair], folder: OutputFolder, summary: BatchSummary, meter: Progress | None
) -> Iterator[DocumentPair]:
    """Pairs still to align, lazily: done ones (from an earlier run) and duplicates are skipped."""
    for pair in mark_duplicates(pairs):
        if pair.problem.startswith("duplicate doc_id"):
            pass  # reported in the combined report; it has no files of its own (its id is taken)
        elif folder.is_done(pair):
            summary.resumed += 1
        else:
            yield pair
            continue
        if meter:
            meter.advance(True)


def _execute(
    todo: Iterator[DocumentPair],
    options: BatchOptions,
    folder: OutputFolder,
    jobs: int | None,
    executor: Executor | None,
    task: Callable[[DocumentPair, BatchOptions, str], DocumentReport],
) -> Iterator[DocumentReport]:
    jobs = jobs or default_jobs()
    if executor is None and jobs == 1:
        check_options(options)
        for pair in todo:
            yield task(pair, options, str(folder.root))
        return
    runner = _ParallelRunner(options, folder, jobs, executor, task)
    try:
        yield from runner.run(todo)
    finally:
        runner.close()


class _ParallelRunner:
    """Keeps at most ``2 × jobs`` documents in flight (memory stays flat however long the manifest),
    and survives a worker process dying: the documents it was holding are re-run one at a time, so the
    one that kills its worker is found, reported as failed and skipped, and no other is lost."""

    def __init__(
        self,
        options: BatchOptions,
        folder: OutputFolder,
        jobs: int,
        executor: Executor | None,
        task: Callable[[DocumentPair, BatchOptions, str], DocumentReport],
    ) -> None:
        self.options, self.folder, self.jobs, self.task = options, folder, jobs, task
        self.own_pool = executor is None
        self.window = 2 * jobs
        self.suspects: deque[DocumentPair] = deque()
        self.executor = executor or self._new_pool()
        self.executor.submit(check_options, options).result()

    def _new_pool(self) -> Executor:
        method = "forkserver" if "forkserver" in multiprocessing.get_all_start_methods() else "spawn"
        return ProcessPoolExecutor(
            max_workers=self.jobs,
            mp_context=multiprocessing.get_context(method),
            initializer=warm_up,
            initargs=(self.options,),
        )

    def close(self) -> None:
        if self.own_pool:
            self.executor.shutdown(wait=True, cancel_futures=True)

    def run(self, todo: Iterator[DocumentPair]) -> Iterator[DocumentReport]:
        in_flight: dict[Future, DocumentPair] = {}
        while True:
            alone = self._fill(in_flight, todo)
            if not in_flight:
                if not self.suspects:
                    return
                self._restart()  # the pool broke before anything could be submitted
                continue
            finished, _ = wait(in_flight, return_when=FIRST_COMPLETED)
            broken = False
            for future in finished:
                pair = in_flight.pop(future)
                try:
                    yield future.result()
                except BrokenProcessPool:
                    broken = True
                    if alone:
                        yield self._record_death(pair)
                    else:
                        self.suspects.append(pair)
                except Exception as error:
                    if not _is_worker_death(error):
                        raise
                    yield self._record_death(pair)  # the cluster has already retried it on other workers
            if broken:
                self.suspects.extend(in_flight.values())
                in_flight.clear()
                self._restart()

    def _fill(self, in_flight: dict[Future, DocumentPair], todo: Iterator[DocumentPair]) -> bool:
        """Submit work up to the window; returns whether what is in flight is one suspect on its own."""
        if self.suspects:
            if not in_flight:
                self._try_submit(self.suspects.popleft(), in_flight)
            return True
        while len(in_flight) < self.window:
            pair = next(todo, None)
            if pair is None or not self._try_submit(pair, in_flight):
                break
        return False

    def _try_submit(self, pair: DocumentPair, in_flight: dict[Future, DocumentPair]) -> bool:
        try:
            future = self.executor.submit(self.task, pair, self.options, str(self.folder.root))
        except BrokenProcessPool:  # a worker died since the last look; its futures fail next
            self.suspects.appendleft(pair)
            return False
        in_flight[future] = pair
        return True

    def _restart(self) -> None:
        if not self.own_pool:
            raise BitextError("the executor's workers died; the documents done so far are kept, re-run to resume")
        self.executor.shutdown(wait=True, cancel_futures=True)
        self.executor = self._new_pool()

    def _record_death(self, pair: DocumentPair) -> DocumentReport:
        output = DocumentOutput(
            DocumentReport.failed(pair.doc_id, "the worker process died while aligning this document")
        )
        self.folder.save(pair, output)
        return output.report


def _is_worker_death(error: BaseException) -> bool:
    # Dask's distributed raises KilledWorker once a task has killed several workers; no import needed.
    return type(error).__name__ == "KilledWorker"


@contextlib.contextmanager
def _locked(root: Path) -> Iterator[None]:
    """One run per output folder at a time: two would interleave their files."""
    root.mkdir(parents=True, exist_ok=True)
    try:
        import fcntl
    except ImportError:  # Windows: no advisory locks here; documented
        yield
        return
    with open(root / ".lock", "w") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise BitextError(f"{root}: another bitext batch is writing into this folder") from None
        yield


def _prepare(folder: OutputFolder, options: BatchOptions, restart: bool) -> None:
    """Check a resumed run uses the same settings, clear leftovers of a killed run, make the folders."""
    settings_path = folder.root / "batch.json"
    wanted = options.settings()
    if restart:
        for sub in (folder.documents, folder.status):
            shutil.rmtree(sub, ignore_errors=True)
    elif settings_path.exists():
        try:
            found = json.loads(settings_path.read_text(encoding="utf-8"))
        except ValueError:
            found = None
        if found != wanted:
            raise BitextError(
                f"{folder.root}: holds a run made with other settings ({_difference(found, wanted)}); "
                "use another output folder, or --restart to discard it"
            )
    for sub in (folder.documents, folder.status):
        sub.mkdir(parents=True, exist_ok=True)
        for leftover in sub.glob(".*.tmp"):
            leftover.unlink()
    write_atomically(settings_path, json.dumps(wanted, ensure_ascii=False, indent=1) + "\n")


def _difference(found: Any, wanted: Mapping[str, Any]) -> str:
    if not isinstance(found, dict):
        return "unreadable batch.json"
    changed = [f"{key} {found.get(key)!r} → {value!r}" for key, value in wanted.items() if found.get(key) != value]
    return "; ".join(changed) or "unknown"


# --------------------------------------------------------------------------------------------------
# The combined corpus and the report, rebuilt in manifest order at the end of every run


def _combine(pairs: Iterable[DocumentPair], folder: OutputFolder, format_name: str, summary: BatchSummary) -> None:
    combined = format_name in COMBINED_FORMATS
    corpus_path = folder.root / f"corpus{folder.suffix}"
    report_path = folder.root / "report.tsv"
    with _atomic_file(report_path) as report, _atomic_file(corpus_path if combined else None) as corpus:
        report.write("\t".join(REPORT_COLUMNS) + "\n")
        header_written = False
        for pair in mark_duplicates(pairs):
            row = _final_report(pair, folder)
            summary.total += 1
            summary.ok += row.status == "ok"
            summary.failed += row.status != "ok"
            report.write(_report_line(row))
            if corpus is not None and row.status == "ok":
                header_written = _append_document(corpus, folder.output_path(pair.doc_id), format_name, header_written)
    summary.corpus = corpus_path if combined else None
    summary.report = report_path


def _final_report(pair: DocumentPair, folder: OutputFolder) -> DocumentReport:
    if pair.problem.startswith("duplicate doc_id"):
        return DocumentReport.failed(pair.doc_id, pair.problem)
    loaded = folder.load_report(pair.doc_id)
    if loaded is None:
        return DocumentReport.failed(pair.doc_id, "not aligned (the run stopped before this document)")
    return loaded[0]


def _append_document(corpus: TextIO, part: Path, format_name: str, header_written: bool) -> bool:
    """Copy one document's output into the corpus; a TSV header only once, at the top."""
    with open(part, encoding="utf-8", newline="") as source:
        if format_name == "tsv":
            header = source.readline()
            if not header_written:
                corpus.write(header)
            header_written = True
        shutil.copyfileobj(source, corpus)
    return header_written


def _report_line(row: DocumentReport) -> str:
    from bitext.formats.tsv import escape

    cells = (
        escape(row.doc_id),
        row.status,
        str(row.zh_sentences),
        str(row.en_sentences),
        str(row.beads),
        "" if row.mean_score is None else f"{row.mean_score:.4f}",
        " ".join(f"{kind}:{count}" for kind, count in row.types.items()),
        "" if row.flags is None else str(row.flags),
        escape(row.error),
    )
    return "\t".join(cells) + "\n"


@contextlib.contextmanager
def _atomic_file(path: Path | None) -> Iterator[TextIO | None]:
    if path is None:
        yield None
        return
    temporary = path.with_name(f".{path.name}.{os.getpid()}.tmp")
    try:
        with open(temporary, "w", encoding="utf-8", newline="\n") as out:
            yield out
        os.replace(temporary, path)
    except BaseException:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(temporary)
        raise

