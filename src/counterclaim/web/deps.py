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


_analyze_lock = threading.Lock()


def analyze_text(text: str, outlet: Optional[str] = None, published: Optional[str] = None,
                 title: Optional[str] = None):
    """``counterclaim.analyze`` with the process's one pipeline, one call at a time."""
    from .. import analyze

    with _analyze_lock:
        return analyze(text, outlet=outlet, published=published, title=title)
