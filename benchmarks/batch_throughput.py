"""Batch throughput: documents per second and peak memory of ``bitext batch`` on many small pairs.

    python benchmarks/batch_throughput.py            # 1,000 pairs, every configuration, 2 repeats
    python benchmarks/batch_throughput.py --quick    # 120 pairs, 1 repeat (a couple of minutes)
    python benchmarks/batch_throughput.py --scorer lexical --only jobs1,jobs2

The pairs are built from ../shared/data/flores200-devtest: a FLORES document is the zho_Hant and
eng_Latn lines sharing a doc_idx in devtest_docs.tsv (281 documents, 3.6 sentences each). Pair k is
document k mod 281 in one of four variants, so that 1,000 pairs are not 1,000 repeats: as it is; followed
by the next document; with one English sentence left out (a 1-0 bead to find); with the Chinese as one
paragraph and the English one sentence a line. Chinese sentences are joined with nothing, English with a
space, as in real files.

Every configuration runs in a fresh process (clean caches, its own peak memory) on the same files:

* ``align-loop``: ``bitext.align`` over the texts already in memory, one call per document: the aligner alone.
* ``review-loop``: the same plus entity pairs and QA flags, i.e. all the work batch does per document
  except reading and writing files.
* ``one-call``: all documents concatenated into one Chinese and one English text, one ``bitext.align`` call.
* ``jobs0``: ``bitext batch --jobs 0`` (aligns in its own process), ``jobs1``/``jobs2``: one or two
  worker processes; end to end, with the workers' start-up and warm-up and the final combine.
* ``dask``: ``bitext.dask.run_batch_on_dask`` on ``LocalCluster(n_workers=2, threads_per_worker=1)``
  (cluster start-up timed separately).
* ``jobs2-quarter``: ``--jobs 2`` on the first quarter of the pairs: the parent's peak memory should not
  grow with the number of documents.
* ``cli1``/``cli2``: the command itself, ``python -m bitext batch MANIFEST -o OUT --jobs 1|2 -q``, timed from
  before its interpreter starts to after it exits (its imports included): wall time only.

``--bytecode`` runs every configuration with Python's bytecode cache on (in a folder of the scratch
directory, filled by an untimed run first), as an installed package runs; without it the configurations
inherit the environment's setting (``PYTHONDONTWRITEBYTECODE=1`` makes every process compile bitext's
modules from source, about 0.1-0.15 s of a batch's serial start-up). The header says which.

The loops and ``jobs0`` run with the numerical libraries limited to one thread (as batch's workers and
Dask's are), so that the comparison is between ways of running the same single-threaded work;
``align-loop-threads`` repeats the aligner loop with the libraries' default threading, to show what
that choice is worth on this machine.

Peak memory is the largest resident set of the process (``parent``) and of any one worker. ``load``
is the machine's 1-minute load average when the configuration ended (other jobs share the 2 cores).
The machine has 2 cores shared with other jobs, so each figure is also given as a ratio to another
measured in the same repeat.
"""

from __future__ import annotations

import argparse
import csv
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path
from typing import Any

from bitext.batch.runner import SINGLE_THREADED  # the same one-thread environment the batch's workers get

ROOT = Path(__file__).resolve().parents[1]
FLORES = ROOT.parent / "shared" / "data" / "flores200-devtest" / "devtest_docs.tsv"
# jobs1 and jobs2 run back to back, so that their ratio sees the same machine load.
CONFIGS = (
    "jobs1",
    "jobs2",
    "dask",
    "jobs0",
    "review-loop",
    "align-loop",
    "one-call",
    "jobs2-quarter",
    "align-loop-threads",
    "cli1",
    "cli2",
)
QUICK_CONFIGS = ("jobs1", "jobs2", "dask", "jobs0", "review-loop", "align-loop", "one-call")


# --- the synthetic pairs ------------------------------------------------------------------------


def flores_documents() -> list[tuple[list[str], list[str]]]:
    """FLORES-200 devtest documents as (zho_Hant sentences, eng_Latn sentences), in doc_idx order."""
    documents: dict[str, tuple[list[str], list[str]]] = defaultdict(lambda: ([], []))
    with FLORES.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE):
            zh, en = documents[row["doc_idx"]]
            zh.append(row["zho_Hant"])
            en.append(row["eng_Latn"])
    return list(documents.values())


def synthetic_pair(documents: list[tuple[list[str], list[str]]], k: int) -> tuple[str, str]:
    zh, en = (list(side) for side in documents[k % len(documents)])
    variant = (k // len(documents)) % 4
    if variant == 1:
        next_zh, next_en = documents[(k + 1) % len(documents)]
        zh, en = zh + next_zh, en + next_en
    elif variant == 2 and len(en) > 1:
        del en[k % len(en)]
    if variant == 3:
        return "".join(zh) + "\n", "\n".join(en) + "\n"
    # Two sentences a paragraph.
    zh_text = "\n\n".join("".join(zh[i : i + 2]) for i in range(0, len(zh), 2))
    en_text = "\n\n".join(" ".join(en[i : i + 2]) for i in range(0, len(en), 2))
    return zh_text + "\n", en_text + "\n"


def write_pairs(folder: Path, count: int) -> tuple[Path, Path, int]:
    """The pairs as files, a manifest of all of them and one of the first quarter; sentence count."""
    documents = flores_documents()
    (folder / "zh").mkdir()
    (folder / "en").mkdir()
    lines, sentences = [], 0
    for k in range(count):
        zh, en = synthetic_pair(documents, k)
        (folder / "zh" / f"{k:05d}.txt").write_text(zh, encoding="utf-8")
        (folder / "en" / f"{k:05d}.txt").write_text(en, encoding="utf-8")
        lines.append(f"doc{k:05d}\tzh/{k:05d}.txt\ten/{k:05d}.txt\n")
        sentences += en.count(". ") + en.count(".\n")
    (folder / "manifest.tsv").write_text("".join(lines), encoding="utf-8")
    (folder / "quarter.tsv").write_text("".join(lines[: max(1, count // 4)]), encoding="utf-8")
    return folder / "manifest.tsv", folder / "quarter.tsv", sentences


# --- one configuration, in its own process ----------------------------------------------------------


def peak_mib(who: int = resource.RUSAGE_SELF) -> float:
    return resource.getrusage(who).ru_maxrss / 1024  # kilobytes on Linux


def cpu_seconds(who: int = resource.RUSAGE_SELF) -> float:
    usage = resource.getrusage(who)
    return usage.ru_utime + usage.ru_stime


def run_config(config: str, manifest: Path, quarter: Path, align_options: dict[str, Any], out: Path) -> dict[str, Any]:
    import bitext
    from bitext.align import align
    from bitext.batch import BatchOptions, ManifestFile, run_batch
    from bitext.batch.per_document import review
    from bitext.batch.worker import run_document

    options = BatchOptions(align=align_options)
    result: dict[str, Any] = {"config": config}
    if config in ("align-loop", "align-loop-threads", "review-loop", "one-call"):
        pairs = list(ManifestFile(manifest))
        texts = [(bitext.read_text(p.source).text, bitext.read_text(p.translation).text) for p in pairs]
        alignment = align(*texts[0], **align_options)  # loads the aligner's resources, untimed
        review(alignment, options)
        started, cpu = time.perf_counter(), cpu_seconds()
        if config == "one-call":
            align("\n\n".join(zh for zh, _ in texts), "\n\n".join(en for _, en in texts), **align_options)
        else:
            for zh, en in texts:
                alignment = align(zh, en, **align_options)
                if config == "review-loop":
                    review(alignment, options)
        result.update(seconds=time.perf_counter() - started, documents=len(texts), parent_cpu=cpu_seconds() - cpu)
    elif config.startswith("jobs"):
        jobs = int(config[4])
        source = quarter if config.endswith("quarter") else manifest
        probes = out.parent / f"probes-{out.name}"
        probes.mkdir()
        os.environ[PROBES] = str(probes)  # for timed_task in the workers
        clock, cpu = Clock(), cpu_seconds()
        task = timed_task if jobs else run_document
        summary = run_batch(ManifestFile(source), out, options, jobs=jobs, progress=clock.meter, task=task)
        result.update(clock.figures(), documents=summary.ok, failed=summary.failed, jobs=jobs)
        parent_cpu = cpu_seconds() - cpu
        # Workers forked by the fork server are its children: their CPU time reaches this process's
        # RUSAGE_CHILDREN once the server is stopped and reaped. Its own CPU time is the preload.
        preload_cpu = stop_fork_server()
        # The pool has shut down, so its workers' CPU time (start-up and warm-up included) is counted here.
        result.update(
            parent_cpu=parent_cpu,
            worker_cpu=cpu_seconds(resource.RUSAGE_CHILDREN) - preload_cpu,
            preload_cpu=preload_cpu,
        )
        result["worker_mib"] = peak_mib(resource.RUSAGE_CHILDREN) if jobs else None
        if jobs:
            records = [json.loads(path.read_text()) for path in probes.glob("*.json")]
            result["worker_start_cpu"] = statistics.mean(r["start"] for r in records)
            documents = sum(r["documents"] for r in records)
            result["worker_doc_cpu"] = sum(r["end"] - r["start"] for r in records) / documents
    elif config == "dask":
        result.update(run_dask(manifest, options, out))
    result["parent_mib"] = peak_mib()
    return result


PROBES = "BITEXT_BENCH_PROBES"
_probe: dict[str, float] = {}


def timed_task(pair: Any, options: Any, root: str) -> Any:
    """``run_document``, noting this worker's CPU time before its first document (its start-up: fork or
    spawn, imports, warm-up, the options check) and after each document, in a file per worker."""
    from bitext.batch.worker import run_document

    if not _probe:
        _probe.update(start=time.process_time(), documents=0)
    report = run_document(pair, options, root)
    _probe.update(end=time.process_time(), documents=_probe["documents"] + 1)
    Path(os.environ[PROBES], f"{os.getpid()}.json").write_text(json.dumps(_probe))
    return report


def stop_fork_server() -> float:
    """Stop multiprocessing's fork server if one runs (private API: a benchmark's need) and return its own
    CPU seconds (the batch's preload), read from /proc before it stops; 0 without one."""
    from multiprocessing import forkserver

    server = getattr(forkserver, "_forkserver", None)
    pid = getattr(server, "_forkserver_pid", None)
    if pid is None:
        return 0.0
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    own = (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    server._stop()
    return own


def run_dask(manifest: Path, options: Any, out: Path) -> dict[str, Any]:
    from distributed import Client, LocalCluster

    from bitext.batch import ManifestFile
    from bitext.dask import run_batch_on_dask

    clock = Clock()
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
        ) as cluster,
        Client(cluster) as client,
    ):
        client.wait_for_workers(2)
        cluster_start = time.perf_counter() - clock.started
        worker_cpu_before = sum(client.run(cpu_seconds).values())
        clock, cpu = Clock(), cpu_seconds()
        summary = run_batch_on_dask(ManifestFile(manifest), out, client, options, progress=clock.meter)
        figures = clock.figures()
        parent_cpu = cpu_seconds() - cpu
        worker_cpu = sum(client.run(cpu_seconds).values()) - worker_cpu_before
        workers = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    return {
        **figures,
        "documents": summary.ok,
        "failed": summary.failed,
        "cluster_start": cluster_start,
        "worker_mib": max(workers.values()),
        "parent_cpu": parent_cpu,
        "worker_cpu": worker_cpu,
        "jobs": 2,
    }


class Clock:
    """Times a batch through its progress hook: start-up (until the first document is done), the steady
    rate after that, and the total (including the final combine)."""

    def __init__(self) -> None:
        self.started = time.perf_counter()
        self.done: list[float] = []

    def meter(self, total: int) -> Clock:
        return self

    def advance(self, ok: bool) -> None:
        self.done.append(time.perf_counter())

    def close(self) -> None:
        pass

    def figures(self) -> dict[str, float]:
        ended = time.perf_counter()
        steady = (len(self.done) - 1) / (self.done[-1] - self.done[0]) if len(self.done) > 1 else float("nan")
        return {"seconds": ended - self.started, "start_up": self.done[0] - self.started, "steady_rate": steady}


def child(args: argparse.Namespace) -> None:
    align_options = json.loads(args.align_options)
    result = run_config(args.child, Path(args.manifest), Path(args.quarter), align_options, Path(args.out))
    print(json.dumps(result))


def measure(config: str, manifest: Path, quarter: Path, align_options: dict[str, Any], out: Path) -> dict[str, Any]:
    environment = dict(os.environ)
    if config in ("align-loop", "review-loop", "one-call", "jobs0"):
        environment.update(SINGLE_THREADED)
    if config.startswith("cli"):
        return measure_cli(int(config[3:]), manifest, align_options, out, environment)
    command = [
        sys.executable,
        __file__,
        "--child",
        config,
        "--manifest",
        str(manifest),
        "--quarter",
        str(quarter),
        "--out",
        str(out),
        "--align-options",
        json.dumps(align_options),
    ]
    finished = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    if finished.returncode != 0:
        raise SystemExit(f"{config} failed:\n{finished.stderr[-3000:]}")
    return json.loads(finished.stdout.strip().splitlines()[-1])


def measure_cli(
    jobs: int, manifest: Path, align_options: dict[str, Any], out: Path, environment: dict[str, str]
) -> dict[str, Any]:
    """``bitext batch`` as a user runs it, end to end: wall time from before its interpreter starts to its exit."""
    options = [part for name, value in align_options.items() for part in (f"--{name}", str(value))]
    command = [
        sys.executable,
        "-m",
        "bitext",
        "batch",
        str(manifest),
        "-o",
        str(out),
        "--jobs",
        str(jobs),
        "-q",
        *options,
    ]
    started = time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, env=environment, check=False)
    seconds = time.perf_counter() - started
    if finished.returncode != 0:
        raise SystemExit(f"cli{jobs} failed:\n{finished.stderr[-3000:]}")
    with (out / "report.tsv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE))
    ok = sum(row["status"] == "ok" for row in rows)
    return {"config": f"cli{jobs}", "seconds": seconds, "documents": ok, "failed": len(rows) - ok, "jobs": jobs}


def bytecode_environment(scratch: Path, manifest: Path, align_options: dict[str, Any]) -> None:
    """Turn Python's bytecode cache on for the configurations (``os.environ``, which they inherit), in a
    folder of the scratch directory, filled by an untimed batch of two documents (through a pool, and
    through the command) that imports what the configurations import."""
    os.environ.pop("PYTHONDONTWRITEBYTECODE", None)
    os.environ["PYTHONPYCACHEPREFIX"] = str(scratch / "pycache")
    tiny = scratch / "tiny.tsv"
    tiny.write_text("".join(manifest.read_text(encoding="utf-8").splitlines(keepends=True)[:2]), encoding="utf-8")
    for config in ("jobs2", "cli2"):
        measure(config, tiny, tiny, align_options, scratch / f"warm-{config}")


# --- the report -------------------------------------------------------------------------------


HEADER = (
    f"{'configuration':<20} {'seconds':>8} {'docs/s':>8} {'ms/doc':>8} {'start-up s':>10} {'steady/s':>9} "
    f"{'CPU ms/doc':>10} {'parent MiB':>11} {'worker MiB':>11} {'load':>5}"
)


def show(results: list[dict[str, Any]]) -> None:
    for r in results:
        worker = r.get("worker_mib")
        extra = f"  (+{r['cluster_start']:.1f} s to start the cluster)" if "cluster_start" in r else ""
        failed = f"  {r['failed']} FAILED" if r.get("failed") else ""
        start_up = f"{r['start_up']:.1f}" if "start_up" in r else ""
        steady = f"{r['steady_rate']:.2f}" if "steady_rate" in r else ""
        timed = "parent_cpu" in r
        cpu = (
            f"{1000 * (r.get('parent_cpu', 0) + r.get('worker_cpu', 0)) / r['documents']:10.1f}" if timed else " " * 10
        )
        parent = f"{r['parent_mib']:11.0f}" if "parent_mib" in r else " " * 11
        print(
            f"{r['config']:<20} {r['seconds']:8.1f} {r['documents'] / r['seconds']:8.2f} "
            f"{1000 * r['seconds'] / r['documents']:8.1f} {start_up:>10} {steady:>9} {cpu} "
            f"{parent} "
            f"{'' if worker is None else f'{worker:.0f}':>11} {r.get('load', 0):5.1f}{extra}{failed}",
            flush=True,
        )
        if "worker_start_cpu" in r:
            print(
                f"{'':<20} CPU: preload (fork server) {r.get('preload_cpu', 0):.2f} s, each worker before its first "
                f"document {r['worker_start_cpu']:.2f} s, a document {1000 * r['worker_doc_cpu']:.1f} ms",
                flush=True,
            )


def ratios(results: list[dict[str, Any]]) -> dict[str, float]:
    by = {r["config"]: r for r in results}
    rate = {name: r["documents"] / r["seconds"] for name, r in by.items()}
    steady = {name: r["steady_rate"] for name, r in by.items() if "steady_rate" in r}
    per_doc = {name: 1000 * r["seconds"] / r["documents"] for name, r in by.items()}
    found: dict[str, float] = {}
    for faster, slower in (
        ("jobs2", "jobs1"),
        ("jobs2", "jobs0"),
        ("dask", "jobs1"),
        ("jobs1", "jobs0"),
        ("cli2", "cli1"),
    ):
        if {faster, slower} <= rate.keys():
            found[f"{faster} / {slower}, end to end (docs/s)"] = rate[faster] / rate[slower]
        if {faster, slower} <= steady.keys():
            found[f"{faster} / {slower}, steady (docs/s)"] = steady[faster] / steady[slower]
    for faster, slower in (("jobs2", "jobs1"), ("dask", "jobs1")):
        if {faster, slower} <= by.keys():
            found[f"{faster} / {slower}, projected on 2 idle cores from CPU time"] = idle_seconds(
                by[slower]
            ) / idle_seconds(by[faster])
    # Overheads from CPU time, which the other sessions' load does not inflate the way it inflates wall time.
    cpu = {name: 1000 * (r.get("parent_cpu", 0) + r.get("worker_cpu", 0)) / r["documents"] for name, r in by.items()}
    if {"jobs0", "review-loop"} <= cpu.keys():
        found["batch overhead, CPU ms/doc (jobs0 - review-loop; jobs0 includes its warm-up)"] = (
            cpu["jobs0"] - cpu["review-loop"]
        )
    if {"align-loop", "one-call"} <= cpu.keys():
        found["per-call overhead, CPU ms/doc (align-loop - one-call)"] = cpu["align-loop"] - cpu["one-call"]
        found["align-loop / one-call (CPU)"] = cpu["align-loop"] / cpu["one-call"]
    if {"align-loop", "review-loop"} <= cpu.keys():
        found["entity pairs + QA, CPU ms/doc (review-loop - align-loop)"] = cpu["review-loop"] - cpu["align-loop"]
    if {"jobs2", "jobs2-quarter"} <= by.keys():
        memory = by["jobs2"]["parent_mib"] / by["jobs2-quarter"]["parent_mib"]
        found["parent peak MiB, all / quarter of the pairs"] = memory
    if {"align-loop", "align-loop-threads"} <= per_doc.keys():
        found["align-loop default threads / one thread (time)"] = per_doc["align-loop-threads"] / per_doc["align-loop"]
    return found


def idle_seconds(result: dict[str, Any], cores: int = 2) -> float:
    """How long a pool run would take on otherwise idle cores, from its CPU time: the workers' CPU spread
    over the workers, unless the total CPU (workers and parent) does not fit on the cores in that time.

    Needed because this machine is shared: Linux's autogroup scheduler gives each login session an
    equal share of the cores, so a second worker adds little while another session is busy, and wall
    times measured minutes apart differ by 2x with the other sessions' load."""
    workers = max(1, min(result["jobs"], cores))
    total = result["worker_cpu"] + result["parent_cpu"]
    # A fork server's preload runs before any worker starts: it adds, whatever the number of workers.
    return result.get("preload_cpu", 0.0) + max(result["worker_cpu"] / workers, total / cores)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true", help="120 pairs, the main configurations, 1 repeat")
    parser.add_argument("--documents", type=int, help="number of pairs (default 1000; 120 with --quick)")
    parser.add_argument("--repeat", type=int, help="repeats (default 2; 1 with --quick)")
    parser.add_argument("--only", help="comma-separated configurations: " + ",".join(CONFIGS))
    parser.add_argument("--method", help="aligner (default: bitext's default)")
    parser.add_argument("--scorer", help="scorer preset of the bitext aligner (default: its default)")
    parser.add_argument("--bytecode", action="store_true", help="Python's bytecode cache on, as an installed package")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--manifest", help=argparse.SUPPRESS)
    parser.add_argument("--quarter", help=argparse.SUPPRESS)
    parser.add_argument("--out", help=argparse.SUPPRESS)
    parser.add_argument("--align-options", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(args)
        return
    count = args.documents or (120 if args.quick else 1000)
    repeats = args.repeat or (1 if args.quick else 2)
    configs = args.only.split(",") if args.only else list(QUICK_CONFIGS if args.quick else CONFIGS)
    align_options = {k: v for k, v in (("method", args.method), ("scorer", args.scorer)) if v}
    with tempfile.TemporaryDirectory(prefix="bitext-batch-bench-") as scratch:
        folder = Path(scratch)
        manifest, quarter, sentences = write_pairs(folder, count)
        if args.bytecode:
            bytecode_environment(folder, manifest, align_options)
        bytecode = "off" if os.environ.get("PYTHONDONTWRITEBYTECODE") else "on"
        print(
            f"{count} FLORES-200 pairs (zho_Hant/eng_Latn, about {sentences / count:.1f} English sentences each), "
            f"aligner options {align_options or 'default'}, {os.cpu_count()} cores, bytecode cache {bytecode}, "
            f"load average {os.getloadavg()[0]:.1f} at start"
        )
        summary: dict[str, list[float]] = defaultdict(list)
        every: list[dict[str, Any]] = []
        for repeat in range(1, repeats + 1):
            print(f"\nrepeat {repeat}\n{HEADER}", flush=True)
            results = []
            for config in configs:
                out = folder / f"out-{config}-{repeat}"
                results.append(measure(config, manifest, quarter, align_options, out))
                results[-1]["load"] = os.getloadavg()[0]  # the 1-minute load average as it ended
                show(results[-1:])
            every += results
            for name, value in ratios(results).items():
                print(f"  {name}: {value:.2f}")
                summary[name].append(value)
            _check_same_output(folder, configs, repeat)
        if repeats > 1:
            print("\nmedian over repeats")
            for name, values in summary.items():
                print(f"  {name}: {statistics.median(values):.2f}  ({', '.join(f'{v:.2f}' for v in values)})")
            best = {c: min(r["seconds"] for r in every if r["config"] == c) for c in configs}
            for one, two in (("jobs1", "jobs2"), ("cli1", "cli2")):
                if {one, two} <= best.keys():
                    print(f"  {two} / {one}, best of {repeats} wall times: {best[one] / best[two]:.2f}")
        print(f"\nload average {os.getloadavg()[0]:.1f} at the end")


def _check_same_output(folder: Path, configs: list[str], repeat: int) -> None:
    """Every batch configuration must have written the same corpus (a benchmark of wrong output is no use)."""
    batch = [c for c in configs if c in ("jobs0", "jobs1", "jobs2", "dask", "cli1", "cli2")]
    corpora = {c: folder / f"out-{c}-{repeat}" / "corpus.tsv" for c in batch}
    contents = {c: p.read_bytes() for c, p in corpora.items() if p.exists()}
    if len(set(contents.values())) > 1:
        raise SystemExit(f"the batch configurations wrote different corpora: {sorted(contents)}")
    if contents:
        print(f"  same corpus.tsv from {', '.join(contents)}")


if __name__ == "__main__":
    main()
