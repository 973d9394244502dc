"""Readable article ids for articles that bring none of their own: from the URL's last path segment
(``rt-569123-north-korea-rejects``) or the file name (``seed-rt-dprk-2022-12-23``; a JSON Lines
record adds its line number). An article with no URL and no file keeps its content id
(``sha1:…``); the ledger finds copies by the text's hash whatever the id."""
from __future__ import annotations

import re
import unicodedata
import urllib.parse
from pathlib import PurePath
from typing import Optional

MAX_LEN = 80
_NON_WORD = re.compile(r"[^a-z0-9]+")
_SUFFIXES = (".warc.gz", ".jsonl.gz", ".ndjson.gz", ".meta.json", ".warc", ".jsonl", ".ndjson", ".html", ".htm",
             ".xhtml", ".txt", ".text")


def slug(text: str) -> str:
    """Lower-case ASCII words joined by hyphens, at most MAX_LEN characters (cut at a hyphen)."""
    s = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    s = _NON_WORD.sub("-", s).strip("-")
    if len(s) > MAX_LEN:
        s = s[:MAX_LEN].rsplit("-", 1)[0] if "-" in s[:MAX_LEN] else s[:MAX_LEN]
    return s


def _strip_suffix(name: str) -> str:
    low = name.lower()
    for suf in _SUFFIXES:
        if low.endswith(suf) and len(name) > len(suf):
            return name[: -len(suf)]
    return name


def from_url(url: str) -> Optional[str]:
    try:
        parts = urllib.parse.urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").lower()
    if host.startswith("www."):
        host = host[4:]
    site = host.split(".")[0] if host else ""
    segs = [s for s in parts.path.split("/") if s]
    last = _strip_suffix(urllib.parse.unquote(segs[-1])) if segs else ""
    s = slug(f"{site} {last}")
    return s or None


def from_origin(origin: str) -> Optional[str]:
    path = origin.split("#", 1)[0].strip()
    line = ""
    m = re.match(r"^(.*):(\d+)$", path)
    if m and _strip_suffix(PurePath(m.group(1)).name) != PurePath(m.group(1)).name:
        path, line = m.group(1), m.group(2)
    s = slug(_strip_suffix(PurePath(path).name) + (f" {line}" if line else ""))
    return s or None


def derived_id(url: Optional[str], origin: Optional[str]) -> Optional[str]:
    """The readable id an article with this URL or origin gets (the URL first), or None."""
    return (from_url(url) if url else None) or (from_origin(origin) if origin else None)


def unique(article_id: str, taken) -> str:
    """``article_id``, or ``article_id-2``, ``-3``… the first that ``taken(id)`` says is free."""
    if not taken(article_id):
        return article_id
    n = 2
    while taken(f"{article_id}-{n}"):
        n += 1
    return f"{article_id}-{n}"
