"""bitext batch: output equals the single-document alignments, resumable, kill-safe, bad documents reported.

Process pools are slow to start (≈0.3 s), so most tests run in-process (jobs=0) and a few check that the
pool gives the same bytes; the hypothesis tests use few, small examples.
"""

from __future__ import annotations

import functools
import gc
import inspect
import json
import multiprocessing
import os
import signal
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bitext
from batch_support import (
    SENTENCES,
    corpus,
    dying_task,
    probe_task,
    read_tsv_rows,
    tree,
    write_documents,
    write_manifest,
)
from bitext.align import align
from bitext.batch import (
    BatchOptions,
    DocumentPair,
    FolderPairs,
    ManifestFile,
    file_stem,
    open_pairs,
    run_batch,
    run_document,
    warm_up,
)
from bitext.batch.runner import SINGLE_THREADED, WORKER_DIED
from bitext.cli.main import main
from bitext.errors import BitextError

TESTS = Path(__file__).resolve().parent
# The batch machinery is under test here, not the aligner: the length-only baseline keeps the tests fast.
METHOD = {"method": "gale-church"}
FAST = BatchOptions(align=METHOD, entities=False)
FAST_CLI = ["--method", "gale-church", "--no-entities", "-q"]
a_document = st.lists(st.integers(0, len(SENTENCES) - 1), min_size=1, max_size=5)
documents_strategy = st.lists(a_document, min_size=1, max_size=6)


def aligned_rows(doc_id: str, source: Path, translation: Path) -> list[tuple]:
    """One document aligned on its own with align(): (doc_id, zh, en, score, type) per bead."""
    alignment = align(bitext.read_text(source).text, bitext.read_text(translation).text, **METHOD)
    return [(doc_id, alignment.zh_text(b), alignment.en_text(b), f"{b.score:.4f}", b.type) for b in alignment]


def expected_rows(manifest: Path, doc_ids: list[str]) -> list[tuple]:
    """Each listed document aligned on its own, concatenated in manifest order."""
    rows = []
    for line in manifest.read_text(encoding="utf-8").splitlines():
        doc_id, source, translation = line.split("\t")
        if doc_id in doc_ids:
            rows += aligned_rows(doc_id, manifest.parent / source, manifest.parent / translation)
    return rows


def corpus_rows(path: Path) -> list[tuple]:
    return [(r["doc_id"], r["zh"], r["en"], r["score"], r["type"]) for r in read_tsv_rows(path)]


def report_rows(outdir: Path) -> dict[str, dict[str, str]]:
    return {row["doc_id"]: row for row in read_tsv_rows(outdir / "report.tsv")}


# --- the output is the single-document outputs, concatenated in manifest order ---------------------


@settings(max_examples=8, deadline=None)
@given(documents=documents_strategy)
def test_corpus_equals_concatenated_single_document_alignments(documents: list[list[int]]) -> None:
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        manifest = corpus(folder, documents)
        summary = run_batch(ManifestFile(manifest), folder / "out", FAST, jobs=0)
        doc_ids = [f"d{i}" for i in range(len(documents))]
        count = len(documents)
        assert (summary.total, summary.ok, summary.failed, summary.exit_status) == (count, count, 0, 0)
        assert corpus_rows(folder / "out" / "corpus.tsv") == expected_rows(manifest, doc_ids)
        # Every row of the corpus is its document's own file, rows in order, header once.
        parts = [(folder / "out" / "documents" / f"{d}.tsv").read_text(encoding="utf-8") for d in doc_ids]
        header = parts[0].split("\n", 1)[0] + "\n"
        assert (folder / "out" / "corpus.tsv").read_text(encoding="utf-8") == header + "".join(
            part.split("\n", 1)[1] for part in parts
        )


def test_process_pool_gives_the_same_bytes_as_one_process(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0, 1], [2], [3, 4, 5], [6, 7], [1, 3], [0], [5, 6, 7], [2, 4]])
    run_batch(ManifestFile(manifest), tmp_path / "one", FAST, jobs=0)
    summary = run_batch(ManifestFile(manifest), tmp_path / "two", FAST, jobs=2)
    assert summary.ok == 8
    assert tree(tmp_path / "two") == tree(tmp_path / "one")
    # Several documents a task (as on a cluster) change nothing either.
    assert run_batch(ManifestFile(manifest), tmp_path / "chunks", FAST, jobs=2, chunk_size=3).ok == 8
    assert tree(tmp_path / "chunks") == tree(tmp_path / "one")


def test_report_rows_describe_each_document(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0, 1, 2], [3]])
    run_batch(ManifestFile(manifest), tmp_path / "out", FAST, jobs=0)
    rows = report_rows(tmp_path / "out")
    zh = bitext.read_text(tmp_path / "zh" / "d0.txt").text
    en = bitext.read_text(tmp_path / "en" / "d0.txt").text
    alignment = align(zh, en, **METHOD)
    scores = [bead.score for bead in alignment]
    row = rows["d0"]
    assert row["status"] == "ok" and row["error"] == ""
    assert int(row["beads"]) == len(alignment)
    assert int(row["zh_sentences"]) == 3 and int(row["en_sentences"]) == 3
    assert float(row["mean_score"]) == pytest.approx(sum(scores) / len(scores), abs=1e-4)
    types = dict(item.split(":") for item in row["types"].split())
    assert sum(int(count) for count in types.values()) == len(alignment)


def test_jsonl_corpus_carries_doc_ids_in_manifest_order(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0, 1], [2, 3, 4], [5]])
    options = BatchOptions(format="jsonl", align=METHOD, entities=False)
    run_batch(ManifestFile(manifest), tmp_path / "out", options, jobs=0)
    lines = (tmp_path / "out" / "corpus.jsonl").read_text(encoding="utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    beads = [(r["doc_id"], r["zh"], r["en"], f"{r['score']:.4f}", r["type"]) for r in records if "zh_ids" in r]
    assert beads == expected_rows(manifest, ["d0", "d1", "d2"])


def test_two_folders_are_matched_by_file_name(tmp_path: Path) -> None:
    write_documents(tmp_path, [[0, 1], [2], [3]])
    (tmp_path / "en" / "d2.txt").unlink()
    (tmp_path / "zh" / ".hidden").write_text("x")
    pairs = list(FolderPairs(tmp_path / "zh", tmp_path / "en"))
    assert [p.doc_id for p in pairs] == ["d0", "d1", "d2"]  # the file name without .txt
    assert [bool(p.problem) for p in pairs] == [False, False, True]
    assert "one side missing" in pairs[2].problem
    out = str(tmp_path / "out")
    assert main(["batch", str(tmp_path / "zh"), str(tmp_path / "en"), "-o", out, "-j", "0", *FAST_CLI]) == 1
    rows = report_rows(tmp_path / "out")
    assert rows["d0"]["status"] == "ok" and rows["d2"]["status"] == "error"


# --- the manifest ---------------------------------------------------------------------------------


def test_manifest_paths_are_relative_to_it_and_header_and_comments_are_skipped(tmp_path: Path) -> None:
    write_documents(tmp_path / "data", [[0], [1]])
    manifest = tmp_path / "data" / "list.tsv"
    manifest.write_text(
        "doc_id\tsource\ttranslation\n# a comment\n\na\tzh/d0.txt\ten/d0.txt\nb\tzh/d1.txt\ten/d1.txt\n"
    )
    pairs = list(ManifestFile(manifest))
    assert [(p.doc_id, p.source, p.translation) for p in pairs] == [
        ("a", tmp_path / "data" / "zh" / "d0.txt", tmp_path / "data" / "en" / "d0.txt"),
        ("b", tmp_path / "data" / "zh" / "d1.txt", tmp_path / "data" / "en" / "d1.txt"),
    ]
    assert len(ManifestFile(manifest)) == 2


@pytest.mark.parametrize(
    ("content", "message"),
    [
        ("a\tzh.txt\n", "line 1: expected 3 tab-separated fields"),
        ("a\tzh.txt\ten.txt\nb\tc\td\te\n", "line 2: expected 3"),
        ("\tzh.txt\ten.txt\n", "line 1: the doc_id is empty"),
        ("# only a comment\n", "lists no document pairs"),
    ],
)
def test_a_malformed_manifest_is_a_user_error_naming_the_line(tmp_path: Path, content: str, message: str) -> None:
    manifest = tmp_path / "m.tsv"
    manifest.write_text(content)
    with pytest.raises(BitextError, match=message):
        ManifestFile(manifest)


def test_bad_manifest_exits_2_with_one_line_and_no_traceback(tmp_path: Path) -> None:
    manifest = tmp_path / "m.tsv"
    manifest.write_text("a\tonly-two-fields\n")
    result = subprocess.run(
        [sys.executable, "-m", "bitext", "batch", str(manifest), "-o", str(tmp_path / "out")],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 2
    assert result.stderr.count("\n") == 1 and "line 1" in result.stderr and "Traceback" not in result.stderr


def test_inputs_must_be_one_manifest_or_two_folders(tmp_path: Path) -> None:
    with pytest.raises(BitextError, match="is a folder"):
        open_pairs([tmp_path])
    with pytest.raises(BitextError, match="no such folder"):
        open_pairs([tmp_path, tmp_path / "absent"])
    with pytest.raises(BitextError, match="got 3 inputs"):
        open_pairs([tmp_path, tmp_path, tmp_path])


# --- bad documents are reported and skipped; the others are not affected ------------------------


def test_bad_documents_are_reported_and_skipped(tmp_path: Path) -> None:
    write_documents(tmp_path, [[0, 1], [2, 3], [4]])
    (tmp_path / "zh" / "binary.txt").write_bytes(b"\x00\x01\x02\xff\xfe" * 40)
    (tmp_path / "zh" / "empty.txt").write_bytes(b"")
    (tmp_path / "zh" / "gb.txt").write_bytes("商湯集團宣布完成重組。".encode("gb18030") + b"\xff\xff")
    rows = [
        ("good0", "zh/d0.txt", "en/d0.txt"),
        ("binary", "zh/binary.txt", "en/d0.txt"),
        ("empty", "zh/empty.txt", "en/d0.txt"),
        ("undecodable", "zh/gb.txt", "en/d0.txt"),
        ("missing-file", "zh/d1.txt", "en/nowhere.txt"),
        ("no-translation", "zh/d1.txt", ""),
        ("good1", "zh/d1.txt", "en/d1.txt"),
        ("good0", "zh/d2.txt", "en/d2.txt"),  # duplicate doc_id
        ("good2", "zh/d2.txt", "en/d2.txt"),
    ]
    manifest = write_manifest(tmp_path, rows)
    out = tmp_path / "out"
    assert main(["batch", str(manifest), "-o", str(out), "-j", "0", *FAST_CLI]) == 1
    report = read_tsv_rows(out / "report.tsv")
    assert [row["doc_id"] for row in report] == [row[0] for row in rows]
    status = {(row["doc_id"], row["status"]) for row in report}
    assert {("good0", "ok"), ("good1", "ok"), ("good2", "ok")} < status
    errors = {row["doc_id"]: row["error"] for row in report if row["status"] == "error"}
    assert set(errors) == {"binary", "empty", "undecodable", "missing-file", "no-translation", "good0"}
    assert "empty" in errors["empty"] and "no such file" in errors["missing-file"]
    assert "one side missing" in errors["no-translation"] and "duplicate doc_id" in errors["good0"]
    assert "line 1" in errors["good0"]
    assert all("\n" not in error and error for error in errors.values())
    # The corpus holds exactly the good documents (the first "good0", not the duplicate), in manifest order.
    rows_out = corpus_rows(out / "corpus.tsv")
    assert list(dict.fromkeys(r[0] for r in rows_out)) == ["good0", "good1", "good2"]
    for doc_id, name in {"good0": "d0", "good1": "d1", "good2": "d2"}.items():
        expected = aligned_rows(doc_id, tmp_path / "zh" / f"{name}.txt", tmp_path / "en" / f"{name}.txt")
        assert [r for r in rows_out if r[0] == doc_id] == expected


def test_a_bug_hit_by_one_document_is_reported_and_the_batch_goes_on(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    import bitext.batch.per_document as document

    manifest = corpus(tmp_path, [[0], [1], [2]])
    real_align = document.align

    def align(zh, en, **options):  # type: ignore[no-untyped-def]
        if "徐立" in getattr(zh, "text", zh):
            raise ZeroDivisionError("simulated bug")
        return real_align(zh, en, **options)

    monkeypatch.setattr(document, "align", align)
    summary = run_batch(ManifestFile(manifest), tmp_path / "out", FAST, jobs=0)
    assert (summary.ok, summary.failed) == (2, 1)
    rows = report_rows(tmp_path / "out")
    assert rows["d2"]["status"] == "error" and "unexpected ZeroDivisionError: simulated bug" in rows["d2"]["error"]


@pytest.mark.parametrize("chunk_size", [1, 3])
def test_a_worker_that_dies_costs_only_its_own_document(tmp_path: Path, chunk_size: int) -> None:
    manifest = corpus(tmp_path, [[i % 8, (i + 1) % 8] for i in range(8)])
    run_batch(ManifestFile(manifest), tmp_path / "fresh", FAST, jobs=0)
    summary = run_batch(ManifestFile(manifest), tmp_path / "out", FAST, jobs=2, task=dying_task, chunk_size=chunk_size)
    assert (summary.ok, summary.failed, summary.exit_status) == (7, 1, 1)
    rows = report_rows(tmp_path / "out")
    assert rows["d3"]["status"] == "error" and rows["d3"]["error"] == WORKER_DIED
    fresh_rows = [r for r in corpus_rows(tmp_path / "fresh" / "corpus.tsv") if r[0] != "d3"]
    assert corpus_rows(tmp_path / "out" / "corpus.tsv") == fresh_rows
    # The failed document is retried by the next run, and then the output is a fresh run's.
    assert run_batch(ManifestFile(manifest), tmp_path / "out", FAST, jobs=0).exit_status == 0
    assert tree(tmp_path / "out") == tree(tmp_path / "fresh")


# --- resumable: a resumed run's output is a fresh run's; killing loses nothing written -------------


class Interrupt:
    """An in-process task that is interrupted (Ctrl-C) when it reaches its ``stop``-th document."""

    def __init__(self, stop: int) -> None:
        self.stop, self.seen = stop, 0

    def __call__(self, pair: DocumentPair, options: BatchOptions, root: str):  # type: ignore[no-untyped-def]
        self.seen += 1
        if self.seen == self.stop:
            raise KeyboardInterrupt
        return run_document(pair, options, root)


@settings(max_examples=6, deadline=None)
@given(documents=documents_strategy, data=st.data())
def test_a_resumed_run_equals_a_fresh_run(documents: list[list[int]], data: st.DataObject) -> None:
    stop = data.draw(st.integers(1, len(documents)), label="interrupted at document")
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch)
        manifest = corpus(folder, documents)
        run_batch(ManifestFile(manifest), folder / "fresh", FAST, jobs=0)
        with pytest.raises(KeyboardInterrupt):
            run_batch(ManifestFile(manifest), folder / "resumed", FAST, jobs=0, task=Interrupt(stop))
        done = len(list((folder / "resumed" / "status").glob("*.json")))
        assert done == stop - 1
        summary = run_batch(ManifestFile(manifest), folder / "resumed", FAST, jobs=0)
        assert summary.resumed == stop - 1
        assert tree(folder / "resumed") == tree(folder / "fresh")


def test_killing_a_run_part_way_loses_nothing_already_written(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[i % 8, (i + 3) % 8, (i + 5) % 8] for i in range(24)])
    run_batch(ManifestFile(manifest), tmp_path / "fresh", FAST, jobs=0)
    fresh = tree(tmp_path / "fresh")
    out = tmp_path / "killed"
    script = (
        "import sys; sys.path.insert(0, sys.argv[1]);"
        "from batch_support import slow_task; from bitext.batch import BatchOptions, ManifestFile, run_batch;"
        "options = BatchOptions(align={'method': 'gale-church'}, entities=False);"
        "run_batch(ManifestFile(sys.argv[2]), sys.argv[3], options, jobs=2, task=slow_task)"
    )
    # Its own session, so that the whole job (the run and its workers) is killed at once, mid-write.
    command = [sys.executable, "-c", script, str(TESTS), str(manifest), str(out)]
    process = subprocess.Popen(command, start_new_session=True)
    try:
        deadline = time.monotonic() + 60
        while len(list((out / "status").glob("*.json"))) < 4 and time.monotonic() < deadline:
            assert process.poll() is None, "the run ended before it could be killed"
            time.sleep(0.01)
    finally:
        os.killpg(process.pid, signal.SIGKILL)
        process.wait()
    killed = tree(out)
    done = [name for name in killed if name.startswith("status/")]
    assert 4 <= len(done) < 24, "killed part-way"
    # Every file under a final name is whole: exactly the fresh run's file of the same name.
    for name, content in killed.items():
        if not Path(name).name.startswith(".") and name != "batch.json":
            assert content == fresh[name], name
    for name in done:  # and each document marked done has its output
        assert f"documents/{Path(name).stem}.tsv" in killed
    summary = run_batch(ManifestFile(manifest), out, FAST, jobs=2)
    assert summary.resumed >= 4 and summary.ok == 24
    assert tree(out) == fresh


def test_changed_input_is_aligned_again_on_resume(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0, 1], [2, 3]])
    run_batch(ManifestFile(manifest), tmp_path / "out", FAST, jobs=0)
    (tmp_path / "en" / "d1.txt").write_text(SENTENCES[2][1] + " " + SENTENCES[3][1] + " Extra sentence here.\n")
    summary = run_batch(ManifestFile(manifest), tmp_path / "out", FAST, jobs=0)
    assert summary.resumed == 1
    assert [r for r in corpus_rows(tmp_path / "out" / "corpus.tsv") if r[0] == "d1"] == expected_rows(manifest, ["d1"])


def test_resuming_with_other_settings_is_refused_unless_restarted(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    manifest = corpus(tmp_path, [[0, 1]])
    out = str(tmp_path / "out")
    assert main(["batch", str(manifest), "-o", out, "-j", "0", *FAST_CLI]) == 0
    assert main(["batch", str(manifest), "-o", out, "-j", "0", *FAST_CLI, "--format", "jsonl"]) == 2
    error = capsys.readouterr().err
    assert "other settings" in error and "format" in error and error.count("\n") == 1
    # A user trial: another --scorer was reported as the whole option set, {'corrections': None, 'embedder': …}.
    assert main(["batch", str(manifest), "-o", out, "-j", "0", "--method", "bitext", "--scorer", "length"]) == 2
    error = capsys.readouterr().err
    assert "other settings (" in error and "{" not in error and "scorer: " in error and "'length'" in error
    assert main(["batch", str(manifest), "-o", out, "-j", "0", *FAST_CLI, "--format", "jsonl", "--restart"]) == 0
    outputs = sorted(p.name for p in Path(out).iterdir() if p.suffix in {".tsv", ".jsonl"})
    assert outputs == ["corpus.jsonl", "report.tsv"]


def test_unknown_alignment_option_is_a_user_error(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0]])
    with pytest.raises(BitextError, match="unknown alignment option"):
        run_batch(ManifestFile(manifest), tmp_path / "out", BatchOptions(align={"no_such_option": 1}), jobs=0)


# --- workers load resources once ----------------------------------------------------------------


def test_each_worker_loads_resources_before_its_first_document(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[i % 8, (i + 1) % 8] for i in range(6)])
    out = tmp_path / "out"
    # A real aligner with dictionaries to load (the neural encoder would only make the test slower).
    loading = {"scorer": "lexical"} if "scorer" in inspect.signature(align).parameters else {}
    assert run_batch(ManifestFile(manifest), out, BatchOptions(align=loading), jobs=2, task=probe_task).ok == 6
    probes = [json.loads(path.read_text()) for path in (out / "probes").glob("*.json")]
    assert len(probes) == 6
    assert all(probe["loaded"] == 0 for probe in probes), probes
    assert os.getpid() not in {probe["pid"] for probe in probes}


FORK_SERVER = "forkserver" in multiprocessing.get_all_start_methods() and Path("/proc/self/status").exists()


@pytest.mark.skipif(not FORK_SERVER, reason="needs multiprocessing's fork server and /proc (Linux)")
def test_workers_are_forked_warm_from_a_one_thread_server(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[i % 8, (i + 1) % 8] for i in range(6)])
    script = (
        "import json, os, sys; sys.path.insert(0, sys.argv[1]);"
        "from batch_support import fork_probe_task; from bitext.batch import BatchOptions, ManifestFile, run_batch;"
        "options = BatchOptions(align={'method': 'gale-church'}, entities=False);"
        "summary = run_batch(ManifestFile(sys.argv[2]), sys.argv[3], options, jobs=2, task=fork_probe_task);"
        "print(json.dumps({'ok': summary.ok, 'pid': os.getpid(), 'left': os.environ.get('BITEXT_BATCH_PRELOAD')}))"
    )
    environment = {k: v for k, v in os.environ.items() if k not in SINGLE_THREADED}  # none set by the user
    command = [sys.executable, "-c", script, str(TESTS), str(manifest), str(tmp_path / "out")]
    finished = subprocess.run(command, capture_output=True, text=True, env=environment, timeout=300, check=True)
    parent = json.loads(finished.stdout.strip().splitlines()[-1])
    assert parent == {"ok": 6, "pid": parent["pid"], "left": None}
    probes = [json.loads(path.read_text()) for path in (tmp_path / "out" / "probes").glob("*.json")]
    assert len(probes) == 6
    for probe in probes:
        assert probe["parent"] != parent["pid"]  # forked by the server, not by the caller
        assert probe["parent_threads"] == 1  # and the server holds no thread that a fork could break
        assert probe["preloaded"] is True  # its resources loaded before the fork, for these options
        assert probe["warm_for"] is True  # and the server's warm-up went through: no second one in the worker
        assert probe["preload_variable"] is None
        assert probe["blas_threads"] == "1"
        assert probe["collecting"] is True and probe["frozen"] > 10_000  # the loaded modules and tables
    assert len({probe["parent"] for probe in probes}) == 1
    assert finished.stderr == ""


def test_the_warm_up_says_whether_it_went_through() -> None:
    assert warm_up(BatchOptions(align={"method": "gale-church"}, entities=False)) is True
    assert warm_up(BatchOptions(align={"no_such_option": 1})) is False
    assert warm_up(BatchOptions(format="no-such-format", align={"method": "gale-church"})) is False


@pytest.mark.parametrize(
    ("options", "problem"),
    [
        (BatchOptions(align={"method": "gale-church"}, entities=False), None),
        (BatchOptions(align={"no_such_option": 1}), "unknown alignment option"),
        (BatchOptions(align={"method": "no-such-method"}), "no-such-method"),
        (BatchOptions(format="no-such-format", align={"method": "gale-church"}), "no-such-format"),
    ],
)
def test_a_worker_that_warmed_up_itself_aligns_the_warm_up_pair_once(
    monkeypatch: pytest.MonkeyPatch, options: BatchOptions, problem: str | None
) -> None:
    """A worker that was not forked warm (spawned, or forked from a server warm for other options) warms up in
    its initializer; its options check then aligns nothing more when that warm-up went through, and still
    refuses options it could not warm up for, with the error the warm-up swallowed."""
    from bitext.batch import per_document, worker

    calls: list[str] = []

    @functools.wraps(align)  # the same signature for the options check's bind
    def counted(*args: object, **kwargs: object) -> object:
        calls.append("align")
        return align(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(per_document, "align", counted)
    monkeypatch.setattr(worker, "_warmed_for", None)
    monkeypatch.setattr(worker.preload, "checked", False)  # not forked warm
    previous = signal.getsignal(signal.SIGINT)
    try:
        worker.start_worker(options)
    finally:
        signal.signal(signal.SIGINT, previous)  # the initializer leaves Ctrl-C to a worker's parent
        gc.unfreeze()
    warmed_up = len(calls)
    if problem is None:
        worker.check_worker_options(options)
        assert warmed_up == 1 and calls == ["align"]  # the warm-up's call, and no second one for the check
    else:
        with pytest.raises(BitextError, match=problem):
            worker.check_worker_options(options)


@pytest.mark.skipif(not FORK_SERVER, reason="needs multiprocessing's fork server and /proc (Linux)")
@pytest.mark.parametrize("options", ["align={'no_such_option': 1}", "format='no-such-format'"])
def test_options_the_fork_server_could_not_warm_up_for_are_a_user_error(tmp_path: Path, options: str) -> None:
    # A fresh process, so that its fork server preloads for these options (one server per process).
    manifest = corpus(tmp_path, [[0], [1]])
    script = (
        "import sys; from bitext.batch import BatchOptions, ManifestFile, run_batch\n"
        "from bitext.errors import BitextError\n"
        "try:\n"
        f"    run_batch(ManifestFile(sys.argv[1]), sys.argv[2], BatchOptions({options}), jobs=2)\n"
        "except BitextError as error:\n"
        "    print('user error:', error)\n"
    )
    command = [sys.executable, "-c", script, str(manifest), str(tmp_path / "out")]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    assert finished.stdout.startswith("user error: ")
    assert ("unknown alignment option" if "align" in options else "no-such-format") in finished.stdout
    assert not list((tmp_path / "out" / "status").glob("*.json"))  # refused before any document


@pytest.mark.parametrize("verbose", [True, False])
def test_verbose_reaches_the_workers(tmp_path: Path, verbose: bool) -> None:
    manifest = corpus(tmp_path, [[i % 8, (i + 1) % 8] for i in range(3)])
    script = (
        "import sys; sys.path.insert(0, sys.argv[1])\n"
        "from batch_support import logging_task; from bitext.batch import BatchOptions, ManifestFile, run_batch\n"
        "from bitext.cli.main import log_to_stderr\n"
        "options = BatchOptions(align={'method': 'gale-church'}, entities=False)\n"
        "with log_to_stderr(sys.argv[4] == 'yes'):  # what bitext batch -v does\n"
        "    run_batch(ManifestFile(sys.argv[2]), sys.argv[3], options, jobs=2, task=logging_task)\n"
    )
    flag = "yes" if verbose else "no"
    command = [sys.executable, "-c", script, str(TESTS), str(manifest), str(tmp_path / "out"), flag]
    finished = subprocess.run(command, capture_output=True, text=True, timeout=300, check=True)
    lines = sorted(line for line in finished.stderr.splitlines() if "worker aligned" in line)
    expected = [f"bitext: warning: worker aligned {doc_id}" for doc_id in ("d0", "d1", "d2")]
    assert lines == (expected if verbose else [])


# --- file names -------------------------------------------------------------------------------------


@given(st.lists(st.text(min_size=1, max_size=300), min_size=2, max_size=5, unique=True))
def test_distinct_doc_ids_get_distinct_safe_file_names(doc_ids: list[str]) -> None:
    stems = [file_stem(doc_id) for doc_id in doc_ids]
    assert len(set(stems)) == len(stems)
    assert len({stem.casefold() for stem in stems}) == len(stems)  # distinct on case-insensitive file systems too
    for stem in stems:
        assert "/" not in stem and "\x00" not in stem and not stem.startswith(".")
        assert len(stem.encode("utf-8")) <= 200


@pytest.mark.parametrize("doc_ids", [("Report", "report", "REPORT"), ("Ab%", "aB%"), ("文件A", "文件a")])
def test_doc_ids_differing_in_case_get_file_names_differing_beyond_case(doc_ids: tuple[str, ...]) -> None:
    stems = [file_stem(doc_id) for doc_id in doc_ids]
    assert len({stem.casefold() for stem in stems}) == len(doc_ids)
    assert file_stem("report") == "report"  # lower-case ids keep their plain, readable names


def test_the_per_document_task_writes_output_then_status(tmp_path: Path) -> None:
    write_documents(tmp_path, [[0, 1]])
    pair = DocumentPair("x/y", tmp_path / "zh" / "d0.txt", tmp_path / "en" / "d0.txt")
    (tmp_path / "out" / "documents").mkdir(parents=True)
    (tmp_path / "out" / "status").mkdir()
    report = run_document(pair, FAST, str(tmp_path / "out"))
    assert report.status == "ok"
    assert (tmp_path / "out" / "documents" / "x%2Fy.tsv").exists()
    assert json.loads((tmp_path / "out" / "status" / "x%2Fy.json").read_text())["report"]["status"] == "ok"


def _feed_when_read(pipe: Path, text: bytes, process: subprocess.Popen[str]) -> None:
    """Write ``text`` into the named pipe once a reader has it open (an open for writing that does not wait fails
    until then), or give up when the process has ended."""
    while process.poll() is None:
        try:
            descriptor = os.open(pipe, os.O_WRONLY | os.O_NONBLOCK)
        except OSError:  # no reader yet
            time.sleep(0.02)
            continue
        os.set_blocking(descriptor, True)
        with os.fdopen(descriptor, "wb") as writer:
            writer.write(text)
        return


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="a named pipe holds a document back (POSIX only)")
def test_ctrl_c_stops_cleanly_and_the_same_command_resumes(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[i % 8, (i + 1) % 8, (i + 4) % 8] for i in range(150)])
    # One document's source is a named pipe nobody writes to: its worker waits on it, so the run cannot finish
    # before the interrupt however fast the other documents go (on a busy machine they all went before it did).
    held_back = tmp_path / "zh" / sorted(p.name for p in (tmp_path / "zh").iterdir())[5]
    text = held_back.read_bytes()
    held_back.unlink()
    os.mkfifo(held_back)
    command = [
        sys.executable,
        "-m",
        "bitext",
        "batch",
        str(manifest),
        "-o",
        str(tmp_path / "out"),
        "-j",
        "2",
        *FAST_CLI,
    ]
    process = subprocess.Popen(command, start_new_session=True, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 60
        while len(list((tmp_path / "out" / "status").glob("*.json"))) < 3 and time.monotonic() < deadline:
            assert process.poll() is None, "the run ended before it could be interrupted"
            time.sleep(0.01)
        os.killpg(process.pid, signal.SIGINT)  # what Ctrl-C on a terminal does: the whole process group
        # the documents in flight are let finish: the held-back one gets its text now
        feeder = threading.Thread(target=_feed_when_read, args=(held_back, text, process), daemon=True)
        feeder.start()
        _, error = process.communicate(timeout=60)
        feeder.join(timeout=5)
    finally:
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
    assert process.returncode == 130, error
    assert "Traceback" not in error and "run the same command again to resume" in error, error
    assert error.strip().count("\n") == 0, error
    held_back.unlink()
    held_back.write_bytes(text)
    assert main(["batch", str(manifest), "-o", str(tmp_path / "out"), "-j", "0", *FAST_CLI]) == 0
    rows = read_tsv_rows(tmp_path / "out" / "report.tsv")
    assert len(rows) == 150 and all(row["status"] == "ok" for row in rows)


def test_parquet_corpus_is_the_per_document_tables_in_manifest_order(tmp_path: Path) -> None:
    pq = pytest.importorskip("pyarrow.parquet")
    manifest = corpus(tmp_path, [[0, 1], [2], [3, 4, 5]])
    options = BatchOptions(format="parquet", align=METHOD, entities=False)
    assert run_batch(ManifestFile(manifest), tmp_path / "out", options, jobs=0).ok == 3
    table = pq.read_table(tmp_path / "out" / "corpus.parquet")
    rows = [(r["doc_id"], r["zh"], r["en"], f"{r['score']:.4f}", r["type"]) for r in table.to_pylist()]
    assert rows == expected_rows(manifest, ["d0", "d1", "d2"])
    parts = [pq.read_table(tmp_path / "out" / "documents" / f"d{i}.parquet") for i in range(3)]
    assert table.schema.remove_metadata() == parts[0].schema.remove_metadata()
    assert json.loads(table.schema.metadata[b"bitext"])["format"] == "bitext-batch"


def test_formats_that_do_not_concatenate_keep_one_file_per_document(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0, 1], [2, 3]])
    options = BatchOptions(format="align", align=METHOD, entities=False)
    summary = run_batch(ManifestFile(manifest), tmp_path / "out", options, jobs=0)
    assert summary.corpus is None and summary.ok == 2
    assert not list((tmp_path / "out").glob("corpus.*"))
    for doc_id in ("d0", "d1"):
        zh = bitext.read_text(tmp_path / "zh" / f"{doc_id}.txt").text
        en = bitext.read_text(tmp_path / "en" / f"{doc_id}.txt").text
        beads = align(zh, en, **METHOD).pairs()
        written = (tmp_path / "out" / "documents" / f"{doc_id}.align").read_text().splitlines()
        assert written == [f"[{','.join(map(str, z))}]:[{','.join(map(str, e))}]" for z, e in beads]


def test_tsv_corpus_has_a_sidecar_with_the_batch_settings(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0], [1]])
    run_batch(ManifestFile(manifest), tmp_path / "out", FAST, jobs=0)
    meta = json.loads((tmp_path / "out" / "corpus.tsv.meta.json").read_text(encoding="utf-8"))
    assert meta["format"] == "bitext-batch" and meta["documents"] == 2 and meta["settings"] == FAST.settings()
    assert meta["settings"]["align"]["method"] == "gale-church"
    header = (tmp_path / "out" / "corpus.tsv").read_text(encoding="utf-8").split("\n", 1)[0]
    assert meta["columns"] == header.split("\t")


def test_tsv_corpus_sidecar_carries_the_signature_bitext_align_records(tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0, 1], [2]])
    run_batch(ManifestFile(manifest), tmp_path / "out", FAST, jobs=0)
    meta = json.loads((tmp_path / "out" / "corpus.tsv.meta.json").read_text(encoding="utf-8"))
    zh = tmp_path / "zh" / "d0.txt"
    en = tmp_path / "en" / "d0.txt"
    assert main(["align", str(zh), str(en), "--method", "gale-church", "-q", "-o", str(tmp_path / "d0.tsv")]) == 0
    single = json.loads((tmp_path / "d0.tsv.meta.json").read_text(encoding="utf-8"))
    assert meta["signature"] == single["signature"] and "aligner:gale-church" in meta["signature"]


def test_presegmented_documents_are_not_re_split(tmp_path: Path) -> None:
    (tmp_path / "zh").mkdir()
    (tmp_path / "en").mkdir()
    # One sentence a line, the way Vecalign's inputs are: the second Chinese line holds two sentences.
    zh, en = zip(*SENTENCES[:3], strict=True)
    (tmp_path / "zh" / "a.txt").write_text(f"{zh[0]}\n{zh[1]}{zh[2]}\n", encoding="utf-8")
    (tmp_path / "en" / "a.txt").write_text(f"{en[0]}\n{en[1]} {en[2]}\n", encoding="utf-8")
    out = tmp_path / "out"
    assert (
        main(
            [
                "batch",
                str(tmp_path / "zh"),
                str(tmp_path / "en"),
                "-o",
                str(out),
                "-j",
                "0",
                "--presegmented",
                *FAST_CLI,
            ]
        )
        == 0
    )
    rows = read_tsv_rows(out / "corpus.tsv")
    assert [(row["zh_ids"], row["en_ids"]) for row in rows] == [("[0]", "[0]"), ("[1]", "[1]")]
    assert report_rows(out)["a"]["zh_sentences"] == "2"


def _records_without_doc_id(path: Path) -> list[dict[str, object]]:
    records = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    return [{key: value for key, value in record.items() if key != "doc_id"} for record in records]


def test_documents_are_read_as_bitext_align_reads_them_docx_and_big5(tmp_path: Path) -> None:
    docx = pytest.importorskip("docx", reason="python-docx is in the test extra")
    zh_sentences, en_sentences = zip(*SENTENCES[:4], strict=True)
    for name, sentences in (("zh.docx", zh_sentences), ("en.docx", en_sentences)):
        document = docx.Document()
        for sentence in sentences:
            document.add_paragraph(sentence)
        document.save(str(tmp_path / name))
    # A Big5 file: read as text it is not UTF-8; the reader detects the encoding, as `bitext align` does.
    (tmp_path / "zh-big5.txt").write_bytes("\n\n".join(zh_sentences).encode("big5"))
    (tmp_path / "en.txt").write_text("\n\n".join(en_sentences), encoding="utf-8")
    manifest = write_manifest(tmp_path, [("word", "zh.docx", "en.docx"), ("big5", "zh-big5.txt", "en.txt")])
    out = tmp_path / "out"
    cli = ["--method", "gale-church", "--format", "jsonl", "-q"]
    assert main(["batch", str(manifest), "-o", str(out), "-j", "0", *cli]) == 0
    assert {doc_id: row["status"] for doc_id, row in report_rows(out).items()} == {"word": "ok", "big5": "ok"}
    for doc_id, zh, en, zh_read_as in (
        ("word", "zh.docx", "en.docx", "docx"),
        ("big5", "zh-big5.txt", "en.txt", "big5"),
    ):
        batch_records = _records_without_doc_id(out / "documents" / f"{doc_id}.jsonl")
        header, beads = batch_records[0], batch_records[1:]
        settings = header["settings"]
        assert isinstance(settings, dict) and str(settings["zh_encoding"]).startswith(zh_read_as), settings
        # The sentences written, in order: the text came out of the file, not its raw bytes.
        assert "".join(str(bead["zh"]) for bead in beads) == "".join(zh_sentences)
        assert " ".join(str(bead["en"]) for bead in beads if bead["en"]) == " ".join(en_sentences)
        # And it is what `bitext align` writes for the same files (doc_id aside).
        single = tmp_path / f"{doc_id}-align.jsonl"
        assert main(["align", str(tmp_path / zh), str(tmp_path / en), "-o", str(single), *cli]) == 0
        assert batch_records == _records_without_doc_id(single)


def test_a_swapped_pair_is_an_error_in_the_report_not_an_ok_document(tmp_path: Path) -> None:
    # The user trial's batch: a pair given English first was "ok" in report.tsv (its error flags counted,
    # nothing saying swapped) and went into the corpus as nonsense beads.
    write_documents(tmp_path, [[0, 1, 2, 3], [4, 5, 6, 7]])
    rows = [("right", "zh/d0.txt", "en/d0.txt"), ("swapped", "en/d1.txt", "zh/d1.txt")]
    out = tmp_path / "out"
    assert main(["batch", str(write_manifest(tmp_path, rows)), "-o", str(out), "-j", "0", *FAST_CLI]) == 1
    report = {row["doc_id"]: row for row in read_tsv_rows(out / "report.tsv")}
    assert report["right"]["status"] == "ok" and report["right"]["error"] == ""
    assert report["swapped"]["status"] == "error"
    assert report["swapped"]["error"].startswith("swapped-languages: ")
    assert "SOURCE and TRANSLATION swapped" in report["swapped"]["error"]
    assert int(report["swapped"]["beads"]) > 0  # it was aligned; the row says what came of it
    assert list(dict.fromkeys(r[0] for r in corpus_rows(out / "corpus.tsv"))) == ["right"]
