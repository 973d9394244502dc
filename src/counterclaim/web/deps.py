"""Per-thread read-only Ledger handles and the cache of the ledger-wide aggregate queries.

FastAPI runs plain ``def`` endpoints in a thread pool; each worker thread gets its own read-only
Ledger (SQLite connections are cheap to keep, and WAL lets them read while an ``ingest`` writes).
Writes (only with ``--allow-ingest``) go through one writable Ledger under a lock.
"""
from __future__ import annotations

import threading
from pathlib import Path


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
        if led is None or led.conn is None:  # none yet, or closed with the app's last lifespan
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


def cached(app, name: str, **kw):
    """``Ledger.<name>(**kw)`` for a ledger-wide aggregate, through the app's AggregateCache."""
    key = (name,) + tuple(sorted(kw.items()))
    return app.state.cache.get(key, lambda: getattr(app.state.ledgers.get(), name)(**kw))
