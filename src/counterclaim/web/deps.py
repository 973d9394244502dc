"""Per-thread read-only Ledger handles and the serialized on-the-fly analyzer.

FastAPI runs plain ``def`` endpoints in a thread pool; each worker thread gets its own read-only
Ledger (SQLite connections are cheap to keep, and WAL lets them read while an ``ingest`` writes).
Writes (only with ``--allow-ingest``) go through one writable Ledger under a lock.
"""
from __future__ import annotations

import threading
from pathlib import Path
from typing import Optional


class LedgerPool:
    def __init__(self, path: Path) -> None:
        self.path = Path(path)
        self._local = threading.local()
        self._lock = threading.Lock()
        self._opened: list = []
        self._writer = None
        self._write_lock = threading.Lock()

    def get(self):
        """This thread's read-only Ledger."""
        led = getattr(self._local, "ledger", None)
        if led is None:
            from ..ledger import Ledger

            led = Ledger(self.path, readonly=True)
            self._local.ledger = led
            with self._lock:
                self._opened.append(led)
        return led

    def write(self, fn):
        """Run ``fn(ledger)`` with the one writable Ledger, one writer at a time."""
        with self._write_lock:
            if self._writer is None:
                from ..ledger import Ledger

                self._writer = Ledger(self.path)
            return fn(self._writer)

    def close(self) -> None:
        with self._lock:
            opened, self._opened = self._opened, []
        for led in opened:
            try:
                led.close()
            except Exception:  # a connection owned by a finished thread: nothing left to do
                pass
        if self._writer is not None:
            try:
                self._writer.close()
            except Exception:
                pass
            self._writer = None


# On-the-fly analysis (POST /api/analyze and the paste box) has limits of its own, tighter than the
# request body's: the analyzer takes seconds per 10,000 characters and runs one call at a time.
ANALYZE_MAX_CHARS = 100_000      # characters of text per request
ANALYZE_WAIT_SECONDS = 10.0      # how long a request waits for the analyzer before a 503
ANALYZE_MAX_WAITING = 4          # requests waiting at once; more get a 503 at once (threads stay free)
ANALYZE_SECONDS = 60.0           # a request answers 503 after this long

_analyze_lock = threading.Lock()
_waiting = threading.BoundedSemaphore(ANALYZE_MAX_WAITING)


class AnalyzerBusy(RuntimeError):
    """The analyzer is taken by other requests: try again later (HTTP 503)."""


class TextTooLarge(ValueError):
    """More text than on-the-fly analysis takes (HTTP 413)."""


def analyze_text(text: str, outlet: Optional[str] = None, published: Optional[str] = None,
                 title: Optional[str] = None, wait: Optional[float] = None):
    """``counterclaim.analyze`` with the process's one pipeline, one call at a time.

    TextTooLarge over ANALYZE_MAX_CHARS; AnalyzerBusy when ANALYZE_MAX_WAITING requests already
    wait, or after ``wait`` seconds (ANALYZE_WAIT_SECONDS) without the analyzer."""
    from .. import analyze

    if len(text) > ANALYZE_MAX_CHARS:
        raise TextTooLarge(f"text too large for on-the-fly analysis ({len(text):,} characters, limit "
                           f"{ANALYZE_MAX_CHARS:,}); store long texts with `counterclaim ingest`")
    if not _waiting.acquire(blocking=False):
        raise AnalyzerBusy("the analyzer is busy with other requests: try again in a moment")
    try:
        got = _analyze_lock.acquire(timeout=ANALYZE_WAIT_SECONDS if wait is None else wait)
    finally:
        _waiting.release()
    if not got:
        raise AnalyzerBusy("the analyzer is busy with other requests: try again in a moment")
    try:
        return analyze(text, outlet=outlet, published=published, title=title)
    finally:
        _analyze_lock.release()


class AggregateCache:
    """Results of the ledger-wide aggregate queries (stats, disputes, outlets, actor and proposition
    lists), whose cost grows with the ledger, kept until the ledger file changes.

    The ledger's change counter is checked on every lookup: SQLite's ``PRAGMA data_version`` on a
    connection of the cache's own (it changes whenever another connection commits, exactly), plus
    the size and mtime of the database and its WAL. A concurrent ``counterclaim ingest`` is thus
    seen at its next commit; ``ttl`` bounds the age of an entry anyway. Per-id lookups (an
    article, a proposition) are indexed and not cached.
    """

    def __init__(self, path: Path, ttl: float = 300.0, max_entries: int = 256) -> None:
        self.path = Path(path)
        self.wal = Path(str(path) + "-wal")
        self.ttl = ttl
        self.max_entries = max_entries
        self._lock = threading.Lock()
        self._data: dict = {}
        self._sig = None
        self._conn = None

    def _data_version(self):
        import sqlite3
        import urllib.parse

        try:
            if self._conn is None:
                uri = "file:" + urllib.parse.quote(str(self.path.resolve())) + "?mode=ro"
                self._conn = sqlite3.connect(uri, uri=True, check_same_thread=False, timeout=5)
            return self._conn.execute("PRAGMA data_version").fetchone()[0]
        except sqlite3.Error:
            self._conn = None
            return None

    def signature(self) -> tuple:
        with self._lock:
            out = [self._data_version()]
        for p in (self.path, self.wal):
            try:
                st = p.stat()
                out.append((st.st_size, st.st_mtime_ns))
            except OSError:
                out.append(None)
        return tuple(out)

    def close(self) -> None:
        with self._lock:
            if self._conn is not None:
                self._conn.close()
                self._conn = None

    def get(self, key: tuple, compute):
        import time

        now = time.monotonic()
        sig = self.signature()
        with self._lock:
            if sig != self._sig:
                self._data.clear()
                self._sig = sig
            hit = self._data.get(key)
            if hit is not None and now - hit[0] < self.ttl:
                return hit[1]
        value = compute()
        with self._lock:
            if len(self._data) >= self.max_entries:
                self._data.pop(next(iter(self._data)))
            if self._sig == sig:
                self._data[key] = (now, value)
        return value

    def clear(self) -> None:
        with self._lock:
            self._data.clear()
