"""JSON Lines: one article per line, ``{"text": ..., "id", "url", "title", "outlet", "published", "language"}``.

``text`` is required (a non-empty string); every other field is optional. A malformed line or a
record without usable text is skipped with its line number and the reason; a wrong-typed optional
field or an impossible date is dropped with a note and the record kept. ``.jsonl.gz`` is read too.

Memory stays bounded whatever the file holds: lines are read at most ``MAX_LINE_BYTES`` at a time,
and a longer line is skipped by reading through it in chunks without keeping it. A ``.gz`` file
that decompresses to more than ``files.MAX_GZIP_RATIO`` times the compressed bytes read so far
(past ``files.GZIP_RATIO_FLOOR`` of output) is taken for a decompression bomb: its reading stops
there, with the records before it kept.
"""
from __future__ import annotations

import gzip
import json
import zlib
from pathlib import Path
from typing import Iterator, Optional, Union

from ..model import Article, Skipped
from .base import NoteSink, clean_date, emit, finish
from . import files
from .files import open_regular

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
MAX_LINE_BYTES = 64 * 1024 * 1024
CHUNK_BYTES = 1024 * 1024
_STR_FIELDS = ("id", "url", "title", "outlet", "language")


def record_to_article(rec: object, origin: str, note_sink: NoteSink = None) -> Union[Article, Skipped]:
    if not isinstance(rec, dict):
        return Skipped(origin, f"a JSON Lines record must be an object, not {type(rec).__name__}")
    if "text" not in rec:
        return Skipped(origin, "no 'text' field")
    text = rec["text"]
    if not isinstance(text, str):
        return Skipped(origin, f"'text' must be a string, not {type(text).__name__}")
    if not text.strip():
        return Skipped(origin, "empty text")
    fields: dict = {}
    for k in _STR_FIELDS:
        v = rec.get(k)
        if v is None or v == "":
            continue
        if k == "id" and isinstance(v, int) and not isinstance(v, bool):
            v = str(v)
        if not isinstance(v, str):
            emit(note_sink, origin, f"'{k}' must be a string, not {type(v).__name__}; field dropped")
            continue
        fields[k] = v.strip()
    lang = fields.pop("language", None)
    if lang and lang.lower().split("-")[0] not in ("en", "eng", "english"):
        return Skipped(origin, f"not English (language field says {lang!r})")
    if "published" in rec and rec["published"] not in (None, ""):
        fields["published"] = clean_date(rec["published"], origin, note_sink)
    return finish(Article(text=text, origin=origin, language="en" if lang else None, **fields))


class GzipBomb(ValueError):
    """A .gz input that decompresses to far more than any text corpus would."""


class Lines:
    """The lines of a JSON Lines file, each at most ``max_line`` bytes: ``next_line()`` returns
    (line, length) with ``line`` None for an over-long line (read through, not kept), or None at the
    end. For a .gz file, GzipBomb when the output outgrows ``max_ratio`` x the compressed input."""

    def __init__(self, path: Path, max_line: int = MAX_LINE_BYTES, max_ratio: Optional[float] = None,
                 ratio_floor: Optional[int] = None) -> None:
        self.max_line = max_line
        self.max_ratio = files.MAX_GZIP_RATIO if max_ratio is None else max_ratio
        self.ratio_floor = files.GZIP_RATIO_FLOOR if ratio_floor is None else ratio_floor
        raw = open_regular(path)
        self.raw = None  # the compressed file under a .gz, whose position is the bytes consumed
        if path.name.endswith(".gz"):
            self.raw = raw
            self.fh = gzip.GzipFile(fileobj=raw, mode="rb")
        else:
            self.fh = raw
        self.out = 0  # bytes read out of the (decompressed) file

    def close(self) -> None:
        self.fh.close()
        if self.raw is not None:
            self.raw.close()

    def __enter__(self) -> "Lines":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def _check(self, n: int) -> None:
        self.out += n
        if self.raw is not None and self.out > self.ratio_floor:
            packed = max(self.raw.tell(), 1)
            if self.out > self.max_ratio * packed:
                raise GzipBomb(f"decompresses to over {self.max_ratio:g} times its compressed size "
                               f"({self.out:,} bytes from {packed:,}): not a text corpus (a decompression bomb?)")

    def next_line(self) -> Optional[tuple[Optional[bytes], int]]:
        raw = self.fh.readline(self.max_line + 1)
        if not raw:
            return None
        self._check(len(raw))
        if len(raw) <= self.max_line or raw.endswith(b"\n"):
            return raw, len(raw)
        size = len(raw)
        del raw
        while True:  # an over-long line: read through it in chunks, keep nothing
            more = self.fh.readline(CHUNK_BYTES)
            if not more:
                break
            self._check(len(more))
            size += len(more)
            if more.endswith(b"\n"):
                break
        return None, size


def read_jsonl_file(path: Union[str, Path], note_sink: NoteSink = None, max_line: int = MAX_LINE_BYTES,
                    ) -> Iterator[Union[Article, Skipped]]:
    p = Path(path)
    try:
        fh = Lines(p, max_line=max_line)
    except OSError as e:
        yield Skipped(str(p), e.strerror or str(e))
        return
    n_records = 0
    with fh:
        lineno = 0
        try:
            while True:
                got = fh.next_line()
                if got is None:
                    break
                raw, size = got
                lineno += 1
                origin = f"{p}:{lineno}"
                if raw is None:
                    n_records += 1
                    yield Skipped(origin, f"line too long ({size:,} bytes, limit {max_line:,}); "
                                          f"read through, not kept")
                    continue
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                n_records += 1
                try:
                    line = raw.decode("utf-8")
                except UnicodeDecodeError as e:
                    yield Skipped(origin, f"not valid UTF-8 (byte 0x{raw[e.start]:02x} at column {e.start + 1})")
                    continue
                try:
                    rec = json.loads(line)
                except json.JSONDecodeError as e:
                    yield Skipped(origin, f"invalid JSON ({e.msg}, column {e.colno})")
                    continue
                except RecursionError:
                    yield Skipped(origin, "invalid JSON (nested too deeply)")
                    continue
                yield record_to_article(rec, origin, note_sink)
        except GzipBomb as e:
            yield Skipped(f"{p}:{lineno + 1}", f"{e}; reading stopped, the {lineno} line(s) before were read")
            return
        except (OSError, EOFError, gzip.BadGzipFile, zlib.error) as e:
            yield Skipped(f"{p}:{lineno + 1}", f"file could not be read past line {lineno}: {type(e).__name__}: {e}")
    if n_records == 0:
        yield Skipped(str(p), "empty file (no JSON Lines records)")
