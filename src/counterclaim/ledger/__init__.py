"""The ledger: a SQLite file of articles, statements, stances and cross-article propositions.

    from counterclaim.ledger import Ledger
    from counterclaim.service import ingest_paths
    with Ledger("news.db") as led:
        ingest_paths(led, ["corpus/"])           # read, analyze, store: counterclaim.service
        for d in led.disputes(limit=10): ...

The ledger stores analyses made elsewhere and answers queries; it never runs the analyzer.

``store.py`` opens, migrates and writes (one transaction per article); ``claims.py`` matches an
article's propositions to ledger propositions; ``queries.py`` reads. Every query returns plain
JSON-ready dicts and lists.
"""
from __future__ import annotations

import functools
import sqlite3
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..errors import CounterclaimError
from ..model import Analysis, Article, Skipped
from . import queries, store
from .store import LedgerError, content_hash, resolve_path

__all__ = ["Ledger", "IngestReport", "LedgerError", "WriteRefused", "content_hash", "resolve_path", "stop_message"]


# A report lists at most this many skipped inputs and counts the rest: a file of ten million bad
# lines must not hold ten million reasons in memory.
MAX_LISTED = 10_000


@dataclass
class IngestReport:
    read: int = 0
    added: int = 0
    unchanged: int = 0
    skipped: list[Skipped] = field(default_factory=list)  # the first MAX_LISTED skipped inputs
    statements: int = 0          # statements stored by this run
    seconds: float = 0.0
    stopped: Optional[str] = None  # why the run stopped before the end of its input (the ledger refused a write)
    not_stored: list[str] = field(default_factory=list)  # articles read (and analyzed) but not stored then
    unlisted: int = 0              # skipped inputs past MAX_LISTED, counted only

    def skip(self, s: Skipped) -> None:
        if len(self.skipped) < MAX_LISTED:
            self.skipped.append(s)
        else:
            self.unlisted += 1

    @property
    def n_skipped(self) -> int:
        return len(self.skipped) + self.unlisted

    def to_dict(self) -> dict:
        d = {"read": self.read, "added": self.added, "unchanged": self.unchanged,
             "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped],
             "statements": self.statements, "seconds": round(self.seconds, 3)}
        if self.unlisted:
            d["skipped_unlisted"] = self.unlisted
        if self.stopped:
            d["stopped"] = self.stopped
            d["not_stored"] = list(self.not_stored)
        return d

    def merge(self, other: "IngestReport") -> "IngestReport":
        self.read += other.read
        self.added += other.added
        self.unchanged += other.unchanged
        for sk in other.skipped:
            self.skip(sk)
        self.unlisted += other.unlisted
        self.statements += other.statements
        self.seconds += other.seconds
        self.stopped = self.stopped or other.stopped
        self.not_stored.extend(other.not_stored)
        return self


class WriteRefused(CounterclaimError):
    """SQLite refused a write (disk full, I/O error, read-only file): the ingest stops there."""

    def __init__(self, reason: str) -> None:
        super().__init__(reason)
        self.reason = reason
        self.pending: list[str] = []   # articles analyzed in the same batch and not stored


def stop_message(reason: str, report: IngestReport) -> str:
    """The one line a stopped ingest ends with."""
    return (f"the ledger refused a write ({reason}): stopped after storing {report.added} new article(s); "
            f"{len(report.not_stored)} read but not stored, the rest of the input not read. Every stored article "
            f"is complete: free space (or fix the file) and run the same command again to finish")


def _locked(fn):
    @functools.wraps(fn)
    def wrapper(self, *a, **kw):
        with self._lock:
            if self.conn is None:
                raise LedgerError("the ledger is closed")
            return fn(self, *a, **kw)
    return wrapper


class Ledger:
    """A ledger file. Opening it writable creates and migrates it; ``readonly=True`` never writes."""

    def __init__(self, path: Union[str, Path, None] = None, *, readonly: bool = False):
        self.path: Path = resolve_path(path)
        self.readonly = readonly
        self._lock = threading.RLock()
        self.conn: Optional[sqlite3.Connection] = store.connect(self.path, readonly=readonly)

    # ------------------------------------------------------------ lifecycle
    def close(self) -> None:
        with self._lock:
            if self.conn is not None:
                self.conn.close()
                self.conn = None

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"Ledger({str(self.path)!r}{', readonly=True' if self.readonly else ''})"

    @property
    def schema_version(self) -> int:
        from .migrations import current_version
        with self._lock:
            return current_version(self.conn)

    # ------------------------------------------------------------ writing
    def _writable(self) -> None:
        if self.readonly:
            raise LedgerError(f"{self.path} is open read-only")

    @_locked
    def add_analysis(self, analysis: Analysis) -> str:
        """Store one analysis in one transaction: 'added', or 'unchanged' when it is already there.

        Raises LedgerError when another article with the same id but a different text is stored."""
        self._writable()
        what, detail = store.add_analysis(self.conn, analysis)
        if what == "conflict":
            raise LedgerError(detail)
        return what

    @contextmanager
    def writer(self) -> Iterator["Ledger"]:
        """Hold this handle for a run of writes (``service.ingest``): other threads wait until it ends.
        Raises LedgerError when the ledger is closed or read-only."""
        with self._lock:
            if self.conn is None:
                raise LedgerError("the ledger is closed")
            self._writable()
            yield self

    @_locked
    def find_existing(self, article: Article, chash: Optional[str] = None) -> Optional[tuple[str, str]]:
        """(how, stored id) when ``article`` is already in the ledger: 'text' or 'url' for the same text
        or URL, 'id' for its id stored with another text; None when it is new. ``chash``: its
        ``content_hash`` when already computed."""
        return store.find_existing(self.conn, article.id, chash or content_hash(article.text), article.url)

    @_locked
    def store_result(self, res: Union[Analysis, Skipped], report: IngestReport) -> None:
        """Store one analysis (or record one skip) and count it in ``report``; an analysis the
        database refuses is recorded as a skip with the reason. Raises WriteRefused when SQLite refuses
        the write itself (disk full, I/O error), the article counted in ``report.not_stored``."""
        self._writable()
        if isinstance(res, Skipped):
            report.skip(res)
            return
        try:
            what, detail = store.add_analysis(self.conn, res)
        except sqlite3.OperationalError as e:  # disk full, I/O error, locked past the timeout
            report.not_stored.append(res.article.origin or res.article.id)
            raise WriteRefused(str(e)) from None
        except (sqlite3.IntegrityError, ValueError, TypeError, KeyError) as e:
            report.skip(Skipped(res.article.origin or res.article.id,
                                f"could not store the analysis: {type(e).__name__}: {e}"))
            return
        if what == "added":
            report.added += 1
            report.statements += len(res.statements)
        elif what == "unchanged":
            report.unchanged += 1
        else:
            report.skip(Skipped(res.article.origin or res.article.id, detail))

    @_locked
    def add_analyses(self, analyses: Iterable[Union[Analysis, Skipped]]) -> IngestReport:
        """Store analyses made elsewhere (the Dask engine's merge), each in its own transaction."""
        self._writable()
        t0 = time.perf_counter()
        report = IngestReport()
        try:
            for res in analyses:
                report.read += 1
                self.store_result(res, report)
        except WriteRefused as e:
            report.stopped = stop_message(e.reason, report)
        report.seconds = time.perf_counter() - t0
        return report

    @_locked
    def rematch(self) -> None:
        """Recompute cross-article matching from the stored analyses (after the matcher changes).
        One transaction: when SQLite refuses it (a full disk), LedgerError and the ledger unchanged."""
        self._writable()
        try:
            store.rematch(self.conn)
        except sqlite3.OperationalError as e:
            raise LedgerError(f"rematch not done, the ledger is unchanged: {e}") from None

    # ------------------------------------------------------------ reading
    @_locked
    def stats(self, *, min_confidence: float = queries.MIN_CONFIDENCE) -> dict:
        return queries.stats(self.conn, min_confidence=min_confidence)

    @_locked
    def disputes(self, *, limit: int = 50, offset: int = 0, outlet: Optional[str] = None,
                 since: Optional[str] = None, until: Optional[str] = None, actor: Optional[str] = None,
                 min_confidence: float = queries.MIN_CONFIDENCE) -> list[dict]:
        """Contested propositions; only statement links at least ``min_confidence`` sure count,
        the weaker ones are listed under ``weak``."""
        return queries.disputes(self.conn, limit=limit, offset=offset, outlet=outlet, since=since, until=until,
                                actor=actor, min_confidence=min_confidence)

    @_locked
    def judge_disputes(self, judged, *, min_confidence: float = queries.MIN_CONFIDENCE) -> dict:
        """Link and dispute precision of this ledger's disputes against human judgements
        (a ``judgements.Judgements``)."""
        from .judgements import evaluate
        return evaluate(self.conn, judged, min_confidence=min_confidence)

    @_locked
    def score_disputes(self, gold, *, min_confidence: float = queries.MIN_CONFIDENCE, limit: int = 1000,
                       articles=None) -> dict:
        """Recall and precision of this ledger's disputes against every dispute a reader found
        (a list of ``gold_disputes.GoldClaim``; ``articles``: the file stems the gold covers)."""
        from .gold_disputes import evaluate_gold
        return evaluate_gold(self.conn, gold, min_confidence=min_confidence, limit=limit, articles=articles)

    @_locked
    def proposition(self, id: int) -> Optional[dict]:
        try:
            pid = int(id)
        except (TypeError, ValueError):
            return None
        if not -(1 << 63) <= pid < (1 << 63):  # past SQLite's integer range: no such row
            return None
        return queries.proposition(self.conn, pid)

    @_locked
    def propositions(self, *, limit: int = 50, offset: int = 0) -> list[dict]:
        return queries.propositions(self.conn, limit=limit, offset=offset)

    @_locked
    def article(self, id: str) -> Optional[dict]:
        return queries.article(self.conn, str(id))

    @_locked
    def articles(self, *, limit: int = 50, offset: int = 0, outlet: Optional[str] = None) -> list[dict]:
        return queries.articles(self.conn, limit=limit, offset=offset, outlet=outlet)

    @_locked
    def claims(self, about: str, *, limit: int = 20) -> list[dict]:
        return queries.claims(self.conn, about, limit=limit)

    @_locked
    def actor(self, name_or_id: str) -> Optional[dict]:
        return queries.actor(self.conn, name_or_id)

    @_locked
    def actors(self, *, limit: int = 100) -> list[dict]:
        return queries.actors(self.conn, limit=limit)

    @_locked
    def outlets(self) -> list[dict]:
        return queries.outlets(self.conn)

    @_locked
    def search(self, q: str, *, limit: int = 50) -> list[dict]:
        return queries.search(self.conn, q, limit=limit)

    # ------------------------------------------------------------ tables (ledger/tables.py)
    def table(self, name: str, **filters):
        from .tables import table
        with self._lock:
            return table(self, name, **filters)

    def statements(self, **filters):
        return self.table("statements", **filters)
