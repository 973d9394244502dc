"""Folders and file dispatch: walk folders (sorted, recursively) and read each file by its kind.

Kinds by name: ``.txt``/``.text`` plain text (with an optional ``NAME.meta.json`` sidecar giving
``title``, ``outlet``, ``published``, ``url``, ``id``), ``.html``/``.htm``/``.xhtml`` HTML,
``.jsonl``/``.ndjson`` (optionally ``.gz``) JSON Lines, ``.warc``/``.warc.gz`` WARC. A file with no
suffix is sniffed (HTML, WARC, JSON Lines or text). Hidden files and folders are passed over;
sidecars are read with their text; any other file is skipped with the reason.

Nothing met in a folder stops the walk: a symlink loop, a dangling symlink, a FIFO, a socket or a
device file is skipped with what it is (never opened, so never waited on); a folder that cannot be
listed is skipped with the reason; an unexpected error inside one file's reader skips the rest of
that file only. Origins (file names) are made printable (``files.printable``), so a file name with
bytes that are not UTF-8 is stored and reported like any other.
"""
from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Iterator, Optional, Union

from ..model import Article, Skipped
from .base import Note, NoteSink, clean_date, emit, finish
from .files import open_regular, printable, problem
from .html import HTML_SUFFIXES, read_html_file
from .jsonl import JSONL_SUFFIXES, read_jsonl_file
from .text import read_text_file
from .warc import WARC_SUFFIXES, read_warc_file

TEXT_SUFFIXES = (".txt", ".text")
SIDECAR = ".meta.json"
DEFAULT_MAX_TEXT_BYTES = 10 * 1024 * 1024
MAX_SIDECAR_BYTES = 1024 * 1024


def kind_of(p: Path) -> str | None:
    name = p.name.lower()
    if name.endswith(SIDECAR):
        return "sidecar"
    for kind, sufs in (("warc", WARC_SUFFIXES), ("jsonl", JSONL_SUFFIXES), ("html", HTML_SUFFIXES),
                       ("text", TEXT_SUFFIXES)):
        if name.endswith(sufs):
            return kind
    if not p.suffix:
        return _sniff(p)
    return None


def _sniff(p: Path) -> str | None:
    try:
        with open_regular(p) as fh:
            head = fh.read(2048)
    except OSError:
        return "text"  # the text reader reports the error
    low = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if low.startswith(b"warc/"):
        return "warc"
    if low.startswith((b"<!doctype html", b"<html", b"<?xml")) or b"<body" in low:
        return "html"
    if low.startswith(b"{"):
        return "jsonl"
    return "text"


def _sidecar(p: Path, art: Article, note_sink: NoteSink) -> None:
    side = p.with_name(p.name.rsplit(".", 1)[0] + SIDECAR)
    if not side.is_file():
        return
    origin = str(side)
    try:
        with open_regular(side) as fh:
            raw = fh.read(MAX_SIDECAR_BYTES + 1)
        if len(raw) > MAX_SIDECAR_BYTES:
            raise ValueError(f"over {MAX_SIDECAR_BYTES:,} bytes")
        meta = json.loads(raw.decode("utf-8"))
    except (OSError, ValueError, RecursionError) as e:
        emit(note_sink, origin, f"sidecar metadata ignored: {e}")
        return
    if not isinstance(meta, dict):
        emit(note_sink, origin, "sidecar metadata ignored: not a JSON object")
        return
    for k in ("title", "outlet", "url", "id"):
        v = meta.get(k)
        if isinstance(v, str) and v.strip():
            setattr(art, k, v.strip())
        elif v not in (None, ""):
            emit(note_sink, origin, f"'{k}' must be a string, not {type(v).__name__}; field dropped")
    if meta.get("published") not in (None, ""):
        art.published = clean_date(meta["published"], origin, note_sink)


def read_text_article(p: Path, note_sink: NoteSink = None, max_bytes: int = DEFAULT_MAX_TEXT_BYTES,
                      ) -> Union[Article, Skipped]:
    got = read_text_file(p, max_bytes=max_bytes)
    if isinstance(got, Skipped):
        if got.reason.startswith("file too large"):
            got.reason += " (an article is far smaller; raise the limit with --max-bytes)"
        return got
    _sidecar(p, got, note_sink)
    if got.id == "" or got.id.startswith("sha1:"):
        got.id = ""  # recomputed from the text below
        got.__post_init__()
    return finish(got)


def read_file(p: Path, note_sink: NoteSink = None, max_bytes: int = DEFAULT_MAX_TEXT_BYTES,
              explicit: bool = True) -> Iterator[Union[Article, Skipped]]:
    kind = kind_of(p)
    if kind == "sidecar":
        if explicit:
            yield Skipped(str(p), "a metadata sidecar, read with its .txt file")
        return
    if kind == "text":
        yield read_text_article(p, note_sink, max_bytes)
    elif kind == "html":
        yield read_html_file(p, note_sink)
    elif kind == "jsonl":
        yield from read_jsonl_file(p, note_sink)
    elif kind == "warc":
        yield from read_warc_file(p, note_sink)
    else:
        yield Skipped(str(p), f"unsupported file type {p.suffix!r} (txt, html, jsonl, warc are read)")


def walk(folder: Path) -> Iterator[Union[Path, Skipped]]:
    """Files under a folder, sorted, hidden ones left out, symlinked folders not followed; a
    folder that cannot be listed is a Skipped with the reason, in its place in the order.

    The order is ``os.walk``'s (a folder's files, then its subfolders one by one), walked with a
    list of folders to do rather than recursion, so that no depth of nesting can overflow the stack."""
    todo: list[Path] = [Path(folder)]
    while todo:
        here = todo.pop()
        files: list[str] = []
        dirs: list[str] = []
        try:
            with os.scandir(here) as it:
                for entry in it:
                    if entry.name.startswith("."):
                        continue
                    try:
                        is_dir = entry.is_dir()
                        followed = is_dir and entry.is_symlink()
                    except OSError:
                        is_dir = followed = False
                    if followed:
                        continue  # a symlinked folder is not followed
                    (dirs if is_dir else files).append(entry.name)
        except OSError as e:
            if e.filename is None:
                e.filename = str(here)
            yield _unlisted(e)
            continue
        for f in sorted(files):
            yield here / f
        todo.extend(here / d for d in sorted(dirs, reverse=True))


def _unlisted(e: OSError) -> Skipped:
    return Skipped(str(e.filename or "?"), f"folder could not be read: {e.strerror or e}; its files were not read")


def _resolved(p: Union[str, Path]) -> Optional[Path]:
    try:
        return Path(p).resolve()
    except (OSError, RuntimeError, ValueError):  # a symlink loop, a NUL in the name
        return None


def safe_read(f: Path, note_sink: NoteSink, max_bytes: int, explicit: bool) -> Iterator[Union[Article, Skipped]]:
    """``read_file`` for one file met in a folder, never raising: a path that is not a regular
    file is skipped unopened, and an error inside a reader skips the rest of that file."""
    why = problem(f)
    if why:
        yield Skipped(str(f), why)
        return
    it = read_file(f, note_sink, max_bytes, explicit=explicit)
    n = 0
    while True:
        try:
            got = next(it)
        except StopIteration:
            return
        except Exception as e:  # noqa: BLE001 - one file must not stop the corpus
            where = f"{f}" if n == 0 else f"{f} (after {n} record(s))"
            yield Skipped(where, f"could not be read: {type(e).__name__}: {e}")
            return
        n += 1
        yield got


def _clean(item: Union[Article, Skipped]) -> Union[Article, Skipped]:
    """Origins and string fields with undecodable bytes or lone surrogates made printable."""
    if isinstance(item, Skipped):
        item.origin = printable(item.origin)
        item.reason = printable(item.reason)
    elif isinstance(item, Article):
        for k in ("origin", "title", "outlet", "url", "published", "id"):
            v = getattr(item, k, None)
            if isinstance(v, str):
                setattr(item, k, printable(v))
    return item


def read_paths(paths, *, note_sink: NoteSink = None, max_bytes: int = DEFAULT_MAX_TEXT_BYTES,
               exclude=(),) -> Iterator[Union[Article, Skipped]]:
    """Every article in files and folders, in order: an Article, or a Skipped with the reason.

    ``exclude``: files passed over silently when met in a folder (the ledger file itself)."""
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    skip = {r for r in (_resolved(e) for e in exclude) if r is not None}
    if note_sink is not None:
        outer = note_sink

        def note_sink(n: Note) -> None:  # noqa: F811 - the same sink, origins made printable
            outer(Note(printable(n.origin), printable(n.message)))
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            n = 0
            for f in walk(p):
                if isinstance(f, Skipped):
                    n += 1
                    yield _clean(f)
                    continue
                if skip and _resolved(f) in skip:
                    continue
                for got in safe_read(f, note_sink, max_bytes, explicit=False):
                    n += 1
                    yield _clean(got)
            if n == 0:
                yield _clean(Skipped(str(p), "no readable files in the folder"))
        elif p.is_file():
            for got in safe_read(p, note_sink, max_bytes, explicit=True):
                yield _clean(got)
        elif os.path.lexists(p):
            yield _clean(Skipped(str(p), problem(p) or "not a regular file or folder"))
        else:
            yield _clean(Skipped(str(p), "no such file or folder"))
