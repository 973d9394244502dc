"""HTML pages: the article's text and metadata (title, date, site name, URL) via trafilatura.

Scripts, styles, navigation and boilerplate are dropped by trafilatura; broken markup is parsed
leniently by lxml. A page with no article text is skipped with the reason.

lxml (libxml2) stops reading markup nested deeper than 256 elements, so the text of a page built
of 100,000 nested ``<div>``s would be lost: when a page yields no text and is nested that deep, the
elements below ``MAX_DEPTH`` are flattened (their tags dropped, their text kept) and the page is
read again.
"""
from __future__ import annotations

import re
from pathlib import Path
from typing import Optional, Union

from ..model import Article, Skipped
from .base import NoteSink, clean_date, finish
from .text import read_limited

MAX_HTML_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
MIN_WORDS = 8  # fewer words of extracted text is navigation or an error page, not an article
MAX_DEPTH = 200  # element nesting kept when a page is flattened (libxml2 reads up to 256)
# a start or end tag: a name, then attributes (quoted values may hold '>') up to '>'. Every part is
# possessive and no part crosses a '<', so a match attempt never backtracks and stops at the next '<':
# linear on any input.
_TAG = re.compile(rb"<(/?)([A-Za-z][A-Za-z0-9:-]{0,63})(?![A-Za-z0-9:-])(?:[^<>\"']++|\"[^\"<]*+\"|'[^'<]*+')*+>")
_VOID = {b"area", b"base", b"br", b"col", b"embed", b"hr", b"img", b"input", b"link", b"meta", b"param",
         b"source", b"track", b"wbr"}


def _keep(out: list[bytes], between: bytes) -> None:
    """The text between two dropped tags, and one space for the tags (one for a run of them)."""
    if between.strip():
        out.append(between)
        out.append(b" ")
    elif not out or not out[-1].endswith(b" "):
        out.append(b" ")


def flatten_deep(data: bytes, max_depth: int = MAX_DEPTH) -> Optional[bytes]:
    """The page with the tags of elements nested deeper than ``max_depth`` dropped (their text
    kept), or None when nothing is nested that deep."""
    depth = dropped = 0
    out: list[bytes] = []
    last = 0
    for m in _TAG.finditer(data):
        closing, name = m.group(1), m.group(2).lower()
        if name in _VOID or m.group().endswith(b"/>"):
            continue
        if not closing:
            if depth >= max_depth:
                _keep(out, data[last:m.start()])
                last = m.end()
                dropped += 1
            else:
                depth += 1
        elif dropped:
            _keep(out, data[last:m.start()])
            last = m.end()
            dropped -= 1
        else:
            depth = max(depth - 1, 0)
    if not out:
        return None
    out.append(data[last:])
    return b"".join(out)


def _extract(data: bytes, url: Optional[str]):
    import trafilatura

    return trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                       include_tables=False, deduplicate=False)


def read_html_bytes(data: bytes, origin: str, url: Optional[str] = None, note_sink: NoteSink = None,
                    ) -> Union[Article, Skipped]:
    if not data or not data.strip():
        return Skipped(origin, "empty HTML")
    if len(data) > MAX_HTML_BYTES:
        return Skipped(origin, f"HTML too large ({len(data):,} bytes, limit {MAX_HTML_BYTES:,})")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Skipped(origin, "binary file (NUL bytes), not HTML")
    try:
        doc = _extract(data, url)
        if doc is None or not (doc.text or "").strip():
            flat = flatten_deep(data)
            if flat is not None:  # nested past what lxml reads: read it again flattened
                doc = _extract(flat, url)
    except Exception as e:  # noqa: BLE001 - lxml/trafilatura errors on hostile markup become a skip
        return Skipped(origin, f"HTML could not be parsed: {type(e).__name__}: {e}")
    if doc is None or not (doc.text or "").strip():
        return Skipped(origin, "no article text found in the HTML")
    n_words = len(doc.text.split())
    if n_words < MIN_WORDS:
        return Skipped(origin, f"no article text found in the HTML (only {n_words} word(s) of page text)")
    published = clean_date(doc.date, origin, note_sink) if doc.date else None
    outlet = doc.sitename or doc.hostname or None
    art = Article(text=doc.text, title=(doc.title or None), outlet=outlet, published=published,
                  url=(url or doc.url or None), origin=origin)
    return finish(art)


def read_html_file(path: Union[str, Path], note_sink: NoteSink = None) -> Union[Article, Skipped]:
    data = read_limited(path, MAX_HTML_BYTES, "HTML")
    if isinstance(data, Skipped):
        return data
    return read_html_bytes(data, str(Path(path)), note_sink=note_sink)
