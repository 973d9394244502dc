"""HTML pages: the article's text and metadata (title, date, site name, URL) via trafilatura.

Scripts, styles, navigation and boilerplate are dropped by trafilatura; broken markup is parsed
leniently by lxml. A page with no article text is skipped with the reason.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from ..model import Article, Skipped
from .base import NoteSink, clean_date, finish
from .text import read_limited

MAX_HTML_BYTES = 20 * 1024 * 1024
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
MIN_WORDS = 8  # fewer words of extracted text is navigation or an error page, not an article


def read_html_bytes(data: bytes, origin: str, url: Optional[str] = None, note_sink: NoteSink = None,
                    ) -> Union[Article, Skipped]:
    import trafilatura

    if not data or not data.strip():
        return Skipped(origin, "empty HTML")
    if len(data) > MAX_HTML_BYTES:
        return Skipped(origin, f"HTML too large ({len(data):,} bytes, limit {MAX_HTML_BYTES:,})")
    if b"\x00" in data[:8192] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return Skipped(origin, "binary file (NUL bytes), not HTML")
    try:
        doc = trafilatura.bare_extraction(data, url=url, with_metadata=True, include_comments=False,
                                          include_tables=False, deduplicate=False)
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
