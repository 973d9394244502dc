"""The ledger: a SQLite file of articles, statements, stances and cross-article propositions.

    from counterclaim.ledger import Ledger
    with Ledger("news.db") as led:
        led.ingest(read_paths(["corpus/"]))
        for d in led.disputes(limit=10): ...

``store.py`` opens, migrates and writes (one transaction per article); ``claims.py`` matches an
article's propositions to ledger propositions; ``queries.py`` reads. Every query returns plain
JSON-ready dicts and lists.
"""
from __future__ import annotations

import functools
import sqlite3
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional, Union

from ..model import Analysis, Article, Skipped
from . import queries, store
from .store import LedgerError, content_hash, resolve_path

__all__ = ["Ledger", "IngestReport", "LedgerError", "resolve_path"]


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


class WriteRefused(Exception):
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


class _Progress:
    """A rich progress line on stderr: articles read, added, skipped, articles/s."""

    def __init__(self, enabled: bool):
        self.p = None
        if not enabled:
            return
        from rich.console import Console
        from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

        self.p = Progress(SpinnerColumn(), TextColumn("[bold]ingest[/]"),
                          TextColumn("{task.completed:,} read · {task.fields[added]:,} added · "
                                     "{task.fields[unchanged]:,} unchanged · {task.fields[skipped]:,} skipped"),
                          TextColumn("· {task.fields[rate]} articles/s"), TimeElapsedColumn(),
                          console=Console(stderr=True), transient=False)
        self.t0 = time.perf_counter()
        self.task = self.p.add_task("ingest", total=None, added=0, unchanged=0, skipped=0, rate="–")
        self.p.start()

    def update(self, r: IngestReport) -> None:
        if self.p is not None:
            dt = time.perf_counter() - self.t0
            done = r.added + r.unchanged + r.n_skipped
            self.p.update(self.task, completed=r.read, added=r.added, unchanged=r.unchanged,
                          skipped=r.n_skipped, rate=f"{done / dt:,.1f}" if dt > 0 else "–")

    def close(self) -> None:
        if self.p is not None:
            self.p.stop()


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

    def _store_result(self, res: Union[Analysis, Skipped], report: IngestReport) -> None:
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
                self._store_result(res, report)
        except WriteRefused as e:
            report.stopped = stop_message(e.reason, report)
        report.seconds = time.perf_counter() - t0
        return report

    @_locked
    def ingest(self, articles: Iterable[Union[Article, Skipped]], *, progress: bool = False,
               batch_size: Optional[int] = None, nlp=None, max_chars: Optional[int] = None) -> IngestReport:
        """Analyze and store articles. Articles already stored (same text, or same URL) are counted as
        unchanged before any analysis; the rest go through ``analyze_articles`` (``nlp.pipe`` batches)
        and each analysis is committed in its own transaction as soon as it is ready. ``max_chars``:
        longer texts are skipped (default ``analyze.MAX_CHARS``).

        When SQLite refuses a write (the disk is full, an I/O error), the run stops there and returns
        its report with ``stopped`` (why, in one line) and ``not_stored`` (the articles analyzed
        but not stored); every article stored before is complete, and the same run again finishes
        the job."""
        from ..analyze import BATCH_SIZE, MAX_CHARS

        if batch_size is None:
            batch_size = BATCH_SIZE
        opts = {"max_chars": MAX_CHARS if max_chars is None else max_chars}
        self._writable()
        t0 = time.perf_counter()
        report = IngestReport()
        prog = _Progress(progress)
        seen_hash: set[str] = set()
        seen_url: set[str] = set()
        chunk: list[Article] = []
        try:
            for item in articles:
                report.read += 1
                if isinstance(item, Skipped):
                    report.skip(item)
                elif isinstance(item, Article):
                    h = content_hash(item.text)
                    if h in seen_hash or (item.url and item.url in seen_url):
                        report.unchanged += 1
                    else:
                        found = store.find_existing(self.conn, item.id, h, item.url)
                        if found and found[0] == "id":
                            report.skip(Skipped(item.origin or item.id,
                                                          f"article id {item.id!r} is already stored with a different text"))
                        elif found:
                            report.unchanged += 1
                        else:
                            seen_hash.add(h)
                            if item.url:
                                seen_url.add(item.url)
                            chunk.append(item)
                            if len(chunk) >= batch_size:
                                self._analyze_chunk(chunk, report, batch_size, nlp, prog, opts)
                                chunk = []
                else:
                    report.skip(Skipped(repr(item)[:80], f"not an Article: {type(item).__name__}"))
                prog.update(report)
            if chunk:
                self._analyze_chunk(chunk, report, batch_size, nlp, prog, opts)
        except WriteRefused as e:
            report.not_stored.extend(e.pending)
            report.stopped = stop_message(e.reason, report)
        except sqlite3.OperationalError as e:  # a read of the ledger failed (I/O error)
            report.stopped = stop_message(str(e), report)
        finally:
            report.seconds = time.perf_counter() - t0
            prog.update(report)
            prog.close()
        return report

    def _analyze_chunk(self, chunk: list[Article], report: IngestReport, batch_size: int, nlp, prog,
                       opts: dict) -> None:
        from ..analyze import analyze_articles

        done = 0
        try:
            for res in analyze_articles(chunk, nlp=nlp, batch_size=batch_size, **opts):
                self._store_result(res, report)
                done += 1
                prog.update(report)
        except WriteRefused as e:
            e.pending = [a.origin or a.id for a in chunk[done + 1:]]
            raise
        except (KeyboardInterrupt, sqlite3.OperationalError, LedgerError, MemoryError):
            raise
        except Exception:
            # A bug in the analyzer on one text must not cost the others: redo the rest one by one.
            for art in chunk[done:]:
                try:
                    res = next(iter(analyze_articles([art], nlp=nlp, batch_size=1, **opts)))
                except Exception as e:  # noqa: BLE001 - reported as a skip with the reason
                    report.skip(Skipped(art.origin or art.id, f"analysis failed: {type(e).__name__}: {e}"))
                    continue
                self._store_result(res, report)
                prog.update(report)

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

    # ------------------------------------------------------------ tables (EXPORT's ledger/tables.py)
    def table(self, name: str, **filters):
        from .tables import table
        with self._lock:
            return table(self, name, **filters)

    def statements(self, **filters):
        return self.table("statements", **filters)
