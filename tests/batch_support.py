"""Helpers for the batch tests: small corpora on disk, an independent TSV reader, and tasks that
misbehave on purpose. Tasks are module-level functions so that worker processes can import them."""

from __future__ import annotations

import gc
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path

from bitext.batch import BatchOptions, DocumentPair, DocumentReport, run_document

# Sentence pairs documents are built from (each document: a list of indices into this).
SENTENCES = [
    ("商湯集團宣布完成重組。", "SenseTime announced it has completed its restructuring."),
    ("公司將專注生成式人工智能。", "The company will focus on generative AI."),
    ("徐立表示，重組已經完成。", "Xu Li said the reorganisation was complete."),
    ("收入增長百分之十，達到三十四億元。", "Revenue grew by ten per cent to 3.4 billion yuan."),
    ("股價今日上升。", "The share price rose today."),
    ("董事會批准了新計劃，並將於明年實施。", "The board approved the new plan, which takes effect next year."),
    ("香港中文大學教授湯曉鷗創立了公司。", "Tang Xiao'ou, a Chinese University of Hong Kong professor, founded it."),
    ("分析師認為前景樂觀。", "Analysts are optimistic about the outlook."),
]


def write_documents(folder: Path, documents: Sequence[Sequence[int]]) -> list[tuple[str, Path, Path]]:
    """Write each document's two sides under ``folder/zh`` and ``folder/en``; returns (doc_id, zh, en)."""
    (folder / "zh").mkdir(parents=True, exist_ok=True)
    (folder / "en").mkdir(parents=True, exist_ok=True)
    written = []
    for number, sentences in enumerate(documents):
        doc_id = f"d{number}"
        zh, en = folder / "zh" / f"{doc_id}.txt", folder / "en" / f"{doc_id}.txt"
        # Two sentences a paragraph, so documents have paragraph breaks too.
        zh.write_text(_paragraphs([SENTENCES[i][0] for i in sentences], ""), encoding="utf-8")
        en.write_text(_paragraphs([SENTENCES[i][1] for i in sentences], " "), encoding="utf-8")
        written.append((doc_id, zh, en))
    return written


def _paragraphs(sentences: list[str], joiner: str) -> str:
    return "".join(joiner.join(sentences[i : i + 2]) + "\n\n" for i in range(0, len(sentences), 2))


def write_manifest(folder: Path, rows: Sequence[tuple[str, str, str]], header: bool = False) -> Path:
    manifest = folder / "manifest.tsv"
    lines = ["doc_id\tsource\ttranslation"] if header else []
    lines += ["\t".join(row) for row in rows]
    manifest.write_text("".join(line + "\n" for line in lines), encoding="utf-8")
    return manifest


def corpus(folder: Path, documents: Sequence[Sequence[int]]) -> Path:
    """Documents plus a manifest with paths relative to it."""
    written = write_documents(folder, documents)
    return write_manifest(folder, [(doc_id, f"zh/{zh.name}", f"en/{en.name}") for doc_id, zh, en in written])


_UNESCAPE = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}


def read_tsv_rows(path: Path) -> list[dict[str, str]]:
    """A deliberately independent TSV reader: header row, tab-separated cells, four backslash escapes."""
    lines = path.read_text(encoding="utf-8").split("\n")
    assert lines[-1] == "", "a TSV ends with a newline"
    header = lines[0].split("\t")
    rows = []
    for line in lines[1:-1]:
        cells = line.split("\t")
        assert len(cells) == len(header), line
        rows.append({key: _unescape(cell) for key, cell in zip(header, cells, strict=True)})
    return rows


def _unescape(cell: str) -> str:
    out, i = [], 0
    while i < len(cell):
        pair = cell[i : i + 2]
        if pair in _UNESCAPE:
            out.append(_UNESCAPE[pair])
            i += 2
        else:
            out.append(cell[i])
            i += 1
    return "".join(out)


def tree(folder: Path) -> dict[str, bytes]:
    """Every file under ``folder`` (relative path → bytes), without the lock and settings files."""
    return {
        str(path.relative_to(folder)): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name not in {".lock"}
    }


# --- tasks that misbehave on purpose ---------------------------------------------------------------


def slow_task(pair: DocumentPair, options: BatchOptions, root: str) -> DocumentReport:
    time.sleep(0.08)
    return run_document(pair, options, root)


def dying_task(pair: DocumentPair, options: BatchOptions, root: str) -> DocumentReport:
    """Kills its worker process on the document called ``d3``, as a crash in native code would."""
    if pair.doc_id == "d3":
        os._exit(3)
    return run_document(pair, options, root)


def resource_misses() -> int:
    """Misses of every small lru_cache in bitext: the load-once resources (dictionary, encoder, tables)."""
    total = 0
    for name, module in list(sys.modules.items()):
        if not name.startswith("bitext") or module is None:
            continue
        for value in list(vars(module).values()):
            info = getattr(value, "cache_info", None)
            if callable(info) and getattr(value, "__module__", None) == name:
                stats = info()
                if stats.maxsize is not None and stats.maxsize <= 16:
                    total += stats.misses
    return total


def probe_task(pair: DocumentPair, options: BatchOptions, root: str) -> DocumentReport:
    """Runs the document and records which process ran it and how many resources it had to load."""
    before = resource_misses()
    report = run_document(pair, options, root)
    record = {"pid": os.getpid(), "loaded": resource_misses() - before}
    probes = Path(root) / "probes"
    probes.mkdir(exist_ok=True)
    (probes / f"{pair.doc_id}.json").write_text(json.dumps(record))
    return report


def fork_probe_task(pair: DocumentPair, options: BatchOptions, root: str) -> DocumentReport:
    """Records where its worker came from: its parent process (and that one's thread count, Linux), whether
    the resources were preloaded for these options before the fork, and the worker's environment."""
    from bitext.batch import preload

    parent = os.getppid()
    status = Path(f"/proc/{parent}/status").read_text().splitlines()
    threads = [line.split()[1] for line in status if line.startswith("Threads:")]
    record = {
        "pid": os.getpid(),
        "parent": parent,
        "parent_threads": int(threads[0]),
        "preloaded": preload.preloaded == options,
        "warm_for": preload.warm_for(options),  # so it skipped its own warm-up and the options check
        "preload_variable": os.environ.get(preload.VARIABLE),
        "blas_threads": os.environ.get("OPENBLAS_NUM_THREADS"),
        "collecting": gc.isenabled(),  # between documents: the collector runs
        "frozen": gc.get_freeze_count(),  # what the server and the warm-up loaded, out of its generations
    }
    probes = Path(root) / "probes"
    probes.mkdir(exist_ok=True)
    (probes / f"{pair.doc_id}.json").write_text(json.dumps(record))
    return run_document(pair, options, root)


def logging_task(pair: DocumentPair, options: BatchOptions, root: str) -> DocumentReport:
    """Logs a warning on the ``bitext`` logger in its worker, as a recovered failure would."""
    from bitext.log import logger

    logger.warning("worker aligned %s", pair.doc_id)
    return run_document(pair, options, root)
