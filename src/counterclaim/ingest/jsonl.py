"""JSON Lines: one article per line, ``{"text": ..., "id", "url", "title", "outlet", "published", "language"}``.

``text`` is required (a non-empty string); every other field is optional. A malformed line or a
record without usable text is skipped with its line number and the reason; a wrong-typed optional
field or an impossible date is dropped with a note and the record kept. ``.jsonl.gz`` is read too.
"""
from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Iterator, Union

from ..model import Article, Skipped
from .base import NoteSink, clean_date, emit, finish

JSONL_SUFFIXES = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")
MAX_LINE_BYTES = 64 * 1024 * 1024
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


def _open(path: Path):
    if path.name.endswith(".gz"):
        return gzip.open(path, "rb")
    return path.open("rb")


def read_jsonl_file(path: Union[str, Path], note_sink: NoteSink = None) -> Iterator[Union[Article, Skipped]]:
    p = Path(path)
    try:
        fh = _open(p)
    except OSError as e:
        yield Skipped(str(p), e.strerror or str(e))
        return
    n_records = 0
    with fh:
        lineno = 0
        try:
            for raw in fh:
                lineno += 1
                origin = f"{p}:{lineno}"
                if lineno == 1 and raw.startswith(b"\xef\xbb\xbf"):
                    raw = raw[3:]
                if not raw.strip():
                    continue
                n_records += 1
                if len(raw) > MAX_LINE_BYTES:
                    yield Skipped(origin, f"line too long ({len(raw):,} bytes, limit {MAX_LINE_BYTES:,})")
                    continue
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
        except (OSError, EOFError, gzip.BadGzipFile) as e:
            yield Skipped(f"{p}:{lineno + 1}", f"file could not be read past line {lineno}: {type(e).__name__}: {e}")
    if n_records == 0:
        yield Skipped(str(p), "empty file (no JSON Lines records)")
