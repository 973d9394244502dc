"""Read, analyze, store: the one place where the readers, the analyzer and the ledger meet.

    from counterclaim.ledger import Ledger
    from counterclaim.service import ingest, ingest_paths

    with Ledger("news.db") as led:
        ingest_paths(led, ["news/", "dump.jsonl"])        # files and folders, any format the readers know
        ingest(led, articles, progress=True)              # Article records (counterclaim.model)

The readers (``ingest/``) know nothing of the analyzer or the ledger, the ledger nothing of the
analyzer: this module runs the analyzer for the ledger. ``analyze_text`` is the on-the-fly analysis
of the web's paste box and ``POST /api/analyze``.
"""
from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from .analyze import analyze, analyze_articles
from .ingest import read_paths
from .ingest.base import NoteSink
from .ingest.folders import DEFAULT_MAX_TEXT_BYTES
from .errors import CounterclaimError
from .ingest.ids import derived_id, unique
from .ledger import IngestReport, Ledger, LedgerError, WriteRefused, content_hash, stop_message
from .ledger.matching import embed_ahead
from .ledger.store import article_exists
from .limits import BATCH_SIZE, MAX_CHARS
from .model import Analysis, Article, Skipped
from .progress import IngestProgress

LedgerOrPath = Union[Ledger, str, Path]

__all__ = ["ingest", "ingest_paths", "read_inputs", "analyze_text", "preload_model", "AnalyzerBusy",
           "TextTooLarge"]


def read_inputs(ledger: Ledger, paths, *, note_sink: NoteSink = None,
                max_bytes: int = DEFAULT_MAX_TEXT_BYTES) -> Iterator[Union[Article, Skipped]]:
    """Every article in files and folders (``ingest.read_paths``), passing over the ledger's own files."""
    own = [Path(str(ledger.path) + sfx) for sfx in ("", "-wal", "-shm", "-journal")]
    return read_paths(paths, note_sink=note_sink, max_bytes=max_bytes, exclude=own)


def ingest_paths(ledger: LedgerOrPath, paths, *, note_sink: NoteSink = None,
                 max_bytes: int = DEFAULT_MAX_TEXT_BYTES, progress: bool = False, batch_size: Optional[int] = None,
                 nlp=None, max_chars: Optional[int] = None) -> IngestReport:
    """Read files and folders, analyze the new articles and store them (see ``ingest``)."""
    if not isinstance(ledger, Ledger):
        with Ledger(ledger) as led:
            return ingest_paths(led, paths, note_sink=note_sink, max_bytes=max_bytes, progress=progress,
                                batch_size=batch_size, nlp=nlp, max_chars=max_chars)
    return ingest(ledger, read_inputs(ledger, paths, note_sink=note_sink, max_bytes=max_bytes),
                  progress=progress, batch_size=batch_size, nlp=nlp, max_chars=max_chars)


def ingest(ledger: LedgerOrPath, articles: Iterable[Union[Article, Skipped]], *, progress: bool = False,
           batch_size: Optional[int] = None, nlp=None, max_chars: Optional[int] = None) -> IngestReport:
    """Analyze and store articles in ``ledger`` (an open Ledger, or the path of one: opened and closed
    here). Articles already stored (same text, or same URL) are counted as unchanged before any
    analysis; the rest go through ``analyze_articles`` (``nlp.pipe`` batches) and each analysis is
    committed in its own transaction as soon as it is ready. The ledger handle is held for the whole run.
    ``max_chars``: longer texts are skipped (default ``limits.MAX_CHARS``).

    When SQLite refuses a write (the disk is full, an I/O error), the run stops there and returns
    its report with ``stopped`` (why, in one line) and ``not_stored`` (the articles analyzed
    but not stored); every article stored before is complete, and the same run again finishes
    the job."""
    if not isinstance(ledger, Ledger):
        with Ledger(ledger) as led:
            return ingest(led, articles, progress=progress, batch_size=batch_size, nlp=nlp, max_chars=max_chars)
    if batch_size is None:
        batch_size = BATCH_SIZE
    opts = {"max_chars": MAX_CHARS if max_chars is None else max_chars}
    with ledger.writer():
        t0 = time.perf_counter()
        report = IngestReport()
        prog = IngestProgress(progress)
        seen_hash: set[str] = set()
        seen_url: set[str] = set()
        seen_id: set[str] = set()
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
                        found = ledger.find_existing(item, h)
                        if (found and found[0] == "id" or item.id in seen_id) and \
                                item.id == derived_id(item.url, item.origin):
                            # a readable id made from a file name or URL that another article has:
                            # this one takes the next free suffix (an article's own id is never changed)
                            item.id = unique(item.id, lambda i: i in seen_id or article_exists(ledger.conn, i))
                            found = ledger.find_existing(item, h)
                        if found and found[0] == "id":
                            report.skip(Skipped(item.origin or item.id,
                                                f"article id {item.id!r} is already stored with a different text"))
                        elif found:
                            report.unchanged += 1
                        else:
                            seen_hash.add(h)
                            seen_id.add(item.id)
                            if item.url:
                                seen_url.add(item.url)
                            chunk.append(item)
                            if len(chunk) >= batch_size:
                                _analyze_chunk(ledger, chunk, report, batch_size, nlp, prog, opts)
                                chunk = []
                else:
                    report.skip(Skipped(repr(item)[:80], f"not an Article: {type(item).__name__}"))
                prog.update(report)
            if chunk:
                _analyze_chunk(ledger, chunk, report, batch_size, nlp, prog, opts)
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


def _analyze_chunk(ledger: Ledger, chunk: list[Article], report: IngestReport, batch_size: int, nlp,
                   prog: IngestProgress, opts: dict) -> None:
    """Analyze a batch of articles, then store them in order: the claims of the whole batch are
    embedded in one pass (``matching.embed_ahead``) before the first is matched."""
    results: list[Union[Analysis, Skipped]] = []
    failed = False
    try:
        for res in analyze_articles(chunk, nlp=nlp, batch_size=batch_size, **opts):
            results.append(res)
    except (KeyboardInterrupt, sqlite3.OperationalError, LedgerError, MemoryError):
        raise
    except Exception:  # noqa: BLE001 - the articles after the one that failed are redone below
        failed = True
    embed_ahead([r for r in results if isinstance(r, Analysis)])
    done = 0
    try:
        for res in results:
            ledger.store_result(res, report)
            done += 1
            prog.update(report)
    except WriteRefused as e:
        e.pending = [a.origin or a.id for a in chunk[done + 1:]]
        raise
    if not failed:
        return
    # A bug in the analyzer on one text must not cost the others: redo the rest one by one.
    for art in chunk[len(results):]:
        try:
            res = next(iter(analyze_articles([art], nlp=nlp, batch_size=1, **opts)))
        except Exception as e:  # noqa: BLE001 - reported as a skip with the reason
            report.skip(Skipped(art.origin or art.id, f"analysis failed: {type(e).__name__}: {e}"))
            continue
        ledger.store_result(res, report)
        prog.update(report)


# On-the-fly analysis (POST /api/analyze and the paste box) has limits of its own, tighter than the
# request body's: the analyzer takes seconds per 10,000 characters and runs one call at a time.
ANALYZE_MAX_CHARS = 100_000      # characters of text per request
ANALYZE_WAIT_SECONDS = 10.0      # how long a request waits for the analyzer before a 503
ANALYZE_MAX_WAITING = 4          # requests waiting at once; more get a 503 at once (threads stay free)
ANALYZE_SECONDS = 60.0           # a request answers 503 after this long

_analyze_lock = threading.Lock()
_waiting = threading.BoundedSemaphore(ANALYZE_MAX_WAITING)


class AnalyzerBusy(CounterclaimError, RuntimeError):
    """The analyzer is taken by other requests: try again later (HTTP 503)."""


class TextTooLarge(CounterclaimError, ValueError):
    """More text than on-the-fly analysis takes (HTTP 413)."""


def analyze_text(text: str, outlet: Optional[str] = None, published: Optional[str] = None,
                 title: Optional[str] = None, wait: Optional[float] = None) -> Analysis:
    """``counterclaim.analyze`` with the process's one pipeline, one call at a time (for servers:
    requests come from a thread pool). Raises ValueError when the text cannot be analyzed.

    TextTooLarge over ANALYZE_MAX_CHARS; AnalyzerBusy when ANALYZE_MAX_WAITING requests already
    wait, or after ``wait`` seconds (ANALYZE_WAIT_SECONDS) without the analyzer."""
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


def preload_model() -> None:
    """Load the language model now, so that a server's first analysis does not wait for it."""
    from .nlp.pipeline import get_nlp

    get_nlp()
