"""WARC / WARC.gz web archives (warcio): each HTTP 200 response (or resource record) whose content
type is HTML becomes an article, read like an HTML page with the record's target URI as its URL.

Other records (requests, metadata, images, scripts, redirects, errors) are not articles and are
passed over silently. A truncated or corrupt record ends the file with a skip that says where; the
records before it are kept. A .warc.gz whose records declare more than ``files.MAX_GZIP_RATIO``
times the compressed bytes read so far is stopped as a decompression bomb before the record is
decompressed.
"""
from __future__ import annotations

import gzip
from pathlib import Path
from typing import Iterator, Union

from ..model import Article, Skipped
from . import files
from .base import NoteSink
from .files import open_regular
from .html import MAX_HTML_BYTES, read_html_bytes

WARC_SUFFIXES = (".warc", ".warc.gz")
_HTML_TYPES = ("text/html", "application/xhtml+xml")


def _is_html(content_type: str | None) -> bool:
    return bool(content_type) and content_type.split(";")[0].strip().lower() in _HTML_TYPES


def _head(p: Path) -> bytes:
    with open_regular(p) as fh:
        head = fh.read(64)
    if head.startswith(b"\x1f\x8b"):
        try:
            with gzip.open(p, "rb") as gz:
                return gz.read(16)
        except (OSError, EOFError):
            return b""
    return head[:16]


def _length(rec) -> int:
    try:
        return max(int(rec.rec_headers.get_header("Content-Length") or 0), 0)
    except ValueError:
        return 0


def read_warc_file(path: Union[str, Path], note_sink: NoteSink = None) -> Iterator[Union[Article, Skipped]]:
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    p = Path(path)
    try:
        size = p.stat().st_size
        head = _head(p) if size else b""
        fh = open_regular(p)
    except OSError as e:
        yield Skipped(str(p), e.strerror or str(e))
        return
    if size == 0:
        fh.close()
        yield Skipped(str(p), "empty file")
        return
    if not head.startswith(b"WARC/"):
        fh.close()
        yield Skipped(str(p), f"not a WARC file (it starts with {head[:12]!r}, not 'WARC/')")
        return
    n = declared = 0
    with fh:
        it = ArchiveIterator(fh)
        try:
            for rec in it:
                n += 1
                uri = rec.rec_headers.get_header("WARC-Target-URI")
                origin = f"{p}#{n}" + (f" {uri}" if uri else "")
                declared += _length(rec)
                if declared > files.GZIP_RATIO_FLOOR and declared > files.MAX_GZIP_RATIO * max(fh.tell(), 1):
                    yield Skipped(origin, f"its records declare over {files.MAX_GZIP_RATIO} times the file's "
                                  f"compressed size ({declared:,} bytes from {fh.tell():,}): not a web archive "
                                  f"(a decompression bomb?); reading stopped, the {n - 1} record(s) before were read")
                    return
                if rec.rec_type == "response":
                    if rec.http_headers is None:
                        continue
                    status = rec.http_headers.get_statuscode()
                    if status != "200" or not _is_html(rec.http_headers.get_header("Content-Type")):
                        continue
                elif rec.rec_type == "resource":
                    if not _is_html(rec.rec_headers.get_header("Content-Type")):
                        continue
                else:
                    continue
                body = rec.content_stream().read(MAX_HTML_BYTES + 1)
                if len(body) > MAX_HTML_BYTES:
                    yield Skipped(origin, f"HTML too large (over {MAX_HTML_BYTES:,} bytes)")
                    continue
                missing = getattr(rec.raw_stream, "limit", 0) or 0
                if missing > 0:  # the file ended before the record's Content-Length
                    yield Skipped(origin, f"truncated WARC record: {missing:,} byte(s) of it are missing; "
                                  f"the {n - 1} record(s) before it were read")
                    return
                yield read_html_bytes(body, origin, url=uri, note_sink=note_sink)
        except ArchiveLoadFailed as e:
            msg = str(e).strip().splitlines()[0] if str(e).strip() else "unknown format"
            yield Skipped(f"{p}#{n + 1}", f"corrupt WARC record ({msg}); the {n} record(s) before it were read")
            return
        except Exception as e:  # noqa: BLE001 - EOFError, zlib.error... from a damaged gzip member or record
            yield Skipped(f"{p}#{n}", f"truncated or corrupt WARC record ({type(e).__name__}: {e}); "
                          f"the {max(n - 1, 0)} record(s) before it were read")
            return
        # warcio ends the iteration quietly when the file stops inside a record: compare where the
        # last whole record ended with the size of the file.
        end = getattr(it, "offset", size)
        if end < size:
            yield Skipped(f"{p}#{n + 1}", f"truncated WARC record: the file ends inside it (byte {end:,} of "
                          f"{size:,}); the {n} whole record(s) before it were read")
            return
    if n == 0:
        yield Skipped(str(p), "no WARC records in the file")
