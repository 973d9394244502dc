"""Plain-text files: UTF-8 (with or without BOM), UTF-16 with a BOM; anything else is skipped with a reason."""
from __future__ import annotations

import codecs
import os
from pathlib import Path
from typing import Union

from ..model import Article, Skipped
from .files import open_regular

MAX_BYTES = 64 * 1024 * 1024


def decode_bytes(data: bytes) -> str:
    """Decode article bytes or raise ValueError with a reason a person can act on."""
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8):].decode("utf-8")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16")
    if b"\x00" in data[:8192]:
        raise ValueError("binary file (NUL bytes), not text")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as e:
        raise ValueError(f"not valid UTF-8 (byte 0x{data[e.start]:02x} at offset {e.start})") from None


def read_limited(path: Union[str, Path], max_bytes: int, what: str = "file") -> Union[bytes, Skipped]:
    """A file's bytes, or a Skipped saying it is too large or cannot be read."""
    p = Path(path)
    try:
        with open_regular(p) as fh:
            size = os.fstat(fh.fileno()).st_size
            if size > max_bytes:
                return Skipped(str(p), f"{what} too large ({size:,} bytes, limit {max_bytes:,})")
            data = fh.read(max_bytes + 1)
    except OSError as e:
        return Skipped(str(p), e.strerror or str(e))
    if len(data) > max_bytes:  # grew since it was measured
        return Skipped(str(p), f"{what} too large (over {max_bytes:,} bytes)")
    return data


def read_text_file(path: Union[str, Path], max_bytes: int = MAX_BYTES) -> Union[Article, Skipped]:
    p = Path(path)
    data = read_limited(p, max_bytes)
    if isinstance(data, Skipped):
        return data
    try:
        text = decode_bytes(data)
    except ValueError as e:
        return Skipped(str(p), str(e))
    if not text.strip():
        return Skipped(str(p), "empty file")
    return Article(text=text, origin=str(p))
