"""bitext.dask on a real two-worker LocalCluster: the same per-document function, the same bytes."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from batch_support import corpus, tree
from bitext.batch import BatchOptions, DocumentPair, ManifestFile, align_document, mark_duplicates, run_batch

distributed = pytest.importorskip("distributed")
bitext_dask = pytest.importorskip("bitext.dask")

# The batch machinery is under test, not the aligner: the length-only baseline keeps the test quick.
FAST = BatchOptions(align={"method": "gale-church"}, entities=False)


@pytest.fixture(scope="module")
def client() -> Iterator[object]:
    cluster = distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    try:
        with distributed.Client(cluster) as connected:
            yield connected
    finally:
        cluster.close()


def test_align_bag_gives_what_the_per_document_function_gives_locally(client: object, tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[0, 1], [2, 3, 4], [5], [6, 7], [1, 2], [3]])
    with manifest.open("a", encoding="utf-8") as more:
        more.write("d1\tzh/d0.txt\ten/d0.txt\n")  # a duplicate doc_id: reported, as by bitext batch
        more.write("gone\tzh/d0.txt\ten/absent.txt\n")
    bag = bitext_dask.align_bag(ManifestFile(manifest), FAST, npartitions=3)
    assert bag.npartitions == 3
    outputs = bag.compute()
    expected = [align_document(pair, FAST) for pair in mark_duplicates(ManifestFile(manifest))]
    assert outputs == expected
    assert [o.report.status for o in outputs] == ["ok"] * 6 + ["error", "error"]
    assert len({output.report.doc_id for output in outputs}) == 7


def test_run_batch_on_dask_writes_what_a_local_run_writes(client: object, tmp_path: Path) -> None:
    manifest = corpus(tmp_path, [[i % 8, (i + 2) % 8] for i in range(10)])
    run_batch(ManifestFile(manifest), tmp_path / "local", FAST, jobs=0)
    summary = bitext_dask.run_batch_on_dask(ManifestFile(manifest), tmp_path / "dask", client, FAST)
    assert (summary.ok, summary.failed) == (10, 0)
    assert tree(tmp_path / "dask") == tree(tmp_path / "local")
    # and it resumes like a local run: nothing left to do.
    assert bitext_dask.run_batch_on_dask(ManifestFile(manifest), tmp_path / "dask", client, FAST).resumed == 10


def test_align_bag_takes_a_bag_of_pairs_as_given(client: object, tmp_path: Path) -> None:
    import dask.bag

    manifest = corpus(tmp_path, [[0], [1, 2]])
    pairs = dask.bag.from_sequence(list(ManifestFile(manifest)), npartitions=2)
    outputs = bitext_dask.align_bag(pairs, FAST).compute()
    assert [o.report.doc_id for o in outputs] == ["d0", "d1"] and all(o.ok for o in outputs)


def test_unknown_options_are_refused_before_the_cluster_runs_anything() -> None:
    from bitext.errors import BitextError

    with pytest.raises(BitextError, match="unknown alignment option"):
        bitext_dask.align_bag([DocumentPair("a", None, None)], BatchOptions(align={"nonsense": 1}))


def test_a_cli_run_resumes_on_dask_and_the_settings_are_the_same(client: object, tmp_path: Path) -> None:
    from bitext.cli.main import main

    manifest = corpus(tmp_path, [[0, 1], [2], [3, 4]])
    out = tmp_path / "out"
    cli = ["batch", str(manifest), "-o", str(out), "--format", "parquet", "--method", "gale-church"]
    assert main([*cli, "--no-entities", "-q", "-j", "0"]) == 0
    recorded = (out / "batch.json").read_text(encoding="utf-8")
    before = (out / "corpus.parquet").read_bytes()
    options = BatchOptions(format="parquet", align={"method": "gale-church"}, entities=False)
    summary = bitext_dask.run_batch_on_dask(ManifestFile(manifest), out, client, options)
    assert summary.resumed == 3 and summary.failed == 0  # the same settings: nothing to redo
    assert (out / "batch.json").read_text(encoding="utf-8") == recorded
    assert (out / "corpus.parquet").read_bytes() == before


def test_the_docstring_pipeline_writes_one_json_record_a_line(client: object, tmp_path: Path) -> None:
    import json

    manifest = corpus(tmp_path, [[0, 1], [2], [3, 4]])
    outputs = bitext_dask.align_bag(
        ManifestFile(manifest), BatchOptions(format="jsonl", align={"method": "gale-church"})
    )
    # as in bitext.dask's docstring
    lines = outputs.filter(lambda o: o.ok).map(lambda o: o.data.rstrip("\n"))
    lines.to_textfiles(str(tmp_path / "corpus-*.jsonl"), last_endline=True)
    records = [
        json.loads(line)
        for path in sorted(tmp_path.glob("corpus-*.jsonl"))
        for line in path.read_text(encoding="utf-8").split("\n")[:-1]
    ]
    assert [r["record"] for r in records].count("header") == 3
    assert {r["doc_id"] for r in records} == {"d0", "d1", "d2"}
