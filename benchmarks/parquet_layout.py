"""Parquet layout of a batch corpus: row groups, file size and read time, against the other layouts.

    python benchmarks/parquet_layout.py                 # 1,000 FLORES pairs, 9 timed reads of each file
    python benchmarks/parquet_layout.py --pairs 200 --reads 3

The pairs are batch_throughput.py's: FLORES-200 devtest has 281 documents, so pair k is document k mod 281
as it is, followed by the next one, with an English sentence left out, or with the Chinese as one paragraph
(four variants, each with its own doc_id: 1,000 pairs are not 1,000 copies of one document, but they do
repeat the FLORES sentences). They go through ``bitext batch --format parquet --scorer lexical --jobs 2``,
and its ``corpus.parquet`` is compared with the same rows written two other ways:

* ``per-document``: one row group per document, how ``bitext batch`` wrote the corpus before (each document's
  table appended as it came);
* ``batch``: what ``bitext batch`` writes now, row groups of 65,536 rows across documents;
* ``one-group``: the whole table written as one row group.

Read time is the median of ``--reads`` reads of the whole table (``pyarrow.parquet.read_table``) and of one
column (``score``), each file read once before timing so that all are in the page cache alike, the reads
taking the files in turn.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

import pyarrow.parquet as pq

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "benchmarks"))

from batch_throughput import write_pairs  # noqa: E402 (the benchmarks folder is put on the path just above)


def run_batch(manifest: Path, out: Path, jobs: int) -> float:
    command = [sys.executable, "-m", "bitext", "batch", str(manifest), "-o", str(out), "--format", "parquet"]
    command += ["--scorer", "lexical", "--jobs", str(jobs), "-q"]
    env = {**os.environ, "PYTHONPATH": f"{ROOT / 'src'}{os.pathsep}{os.environ.get('PYTHONPATH', '')}"}
    started = time.monotonic()
    subprocess.run(command, check=True, env=env)
    return time.monotonic() - started


def per_document_layout(out: Path, manifest: Path, target: Path) -> None:
    """One row group per document, in manifest order (the corpus as bitext batch used to write it)."""
    from bitext.batch import file_stem

    writer: Any = None
    for line in manifest.read_text(encoding="utf-8").splitlines():
        doc_id = line.split("\t")[0]
        table = pq.read_table(out / "documents" / f"{file_stem(doc_id)}.parquet")
        if writer is None:
            writer = pq.ParquetWriter(target, table.schema, compression="zstd")
        writer.write_table(table.replace_schema_metadata(writer.schema.metadata))
    writer.close()


def one_group_layout(source: Path, target: Path) -> None:
    table = pq.read_table(source)
    pq.write_table(table, target, row_group_size=max(1, table.num_rows), compression="zstd")


def seconds(action: Any) -> float:
    gc.collect()  # the garbage of the previous read (the per-document file's is large) is not this one's cost
    started = time.perf_counter()
    action()
    return time.perf_counter() - started


def describe(layouts: dict[str, Path], reads: int) -> dict[str, dict[str, Any]]:
    """Size, row groups and median read times of each file; the reads go round the files in turn, so that
    a busy moment of the (shared) machine falls on all layouts alike."""
    figures: dict[str, dict[str, Any]] = {}
    for name, path in layouts.items():
        metadata = pq.ParquetFile(path).metadata
        figures[name] = {"rows": metadata.num_rows, "row_groups": metadata.num_row_groups}
        figures[name]["kib"] = path.stat().st_size / 1024
        pq.read_table(path)  # into the page cache
    timings: dict[str, dict[str, list[float]]] = {name: {"read": [], "score": []} for name in layouts}
    for _ in range(reads):
        for name, path in layouts.items():
            timings[name]["read"].append(seconds(lambda path=path: pq.read_table(path)))
            timings[name]["score"].append(seconds(lambda path=path: pq.read_table(path, columns=["score"])))
    for name in layouts:
        figures[name]["read_ms"] = 1000 * statistics.median(timings[name]["read"])
        figures[name]["score_ms"] = 1000 * statistics.median(timings[name]["score"])
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--pairs", type=int, default=1000)
    parser.add_argument("--reads", type=int, default=9)
    parser.add_argument("--jobs", type=int, default=2)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="bitext-parquet-") as scratch:
        folder = Path(scratch)
        manifest, _, _ = write_pairs(folder, args.pairs)
        out = folder / "out"
        seconds = run_batch(manifest, out, args.jobs)
        batch = out / "corpus.parquet"
        signature = json.loads(pq.read_schema(batch).metadata[b"bitext"])["signature"]
        per_document, one_group = folder / "per-document.parquet", folder / "one-group.parquet"
        per_document_layout(out, manifest, per_document)
        one_group_layout(batch, one_group)
        # the slow per-document file is read last in each round, so that no read follows it directly but its own
        layouts = {"batch": batch, "one-group": one_group, "per-document": per_document}
        figures = describe(layouts, args.reads)
        identical = batch.read_bytes() == one_group.read_bytes()
    print(f"{args.pairs} pairs, bitext batch --format parquet --scorer lexical --jobs {args.jobs}: {seconds:.1f} s")
    print(f"corpus signature recorded: {bool(signature)}; batch file byte-identical to one-group: {identical}")
    print(f"{'layout':<14}{'rows':>8}{'row groups':>12}{'KiB':>10}{'read ms':>10}{'score ms':>10}")
    for name, row in figures.items():
        print(
            f"{name:<14}{row['rows']:>8}{row['row_groups']:>12}{row['kib']:>10.1f}"
            f"{row['read_ms']:>10.2f}{row['score_ms']:>10.2f}"
        )
    base = figures["per-document"]
    for name in ("batch", "one-group"):
        row = figures[name]
        print(
            f"{name} / per-document: size {row['kib'] / base['kib']:.3f}, read {row['read_ms'] / base['read_ms']:.2f}, "
            f"score column {row['score_ms'] / base['score_ms']:.2f}"
        )


if __name__ == "__main__":
    main()
