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
