"""The Dask engine: the same per-article analysis on many worker processes, merged by one writer.

    client (this process)                       workers (processes, 1 thread each)
    read articles ──▶ partitions of N ──submit──▶ analyze_partition: get_nlp() once per process,
       (bounded window of in-flight partitions)     analyze_articles (nlp.pipe) ──▶ part-NNNNN.parquet
    ◀── partitions handed back IN INPUT ORDER ◀──┘
    one writer: Ledger.add_analyses(rows of part 0, part 1, ...)  (cross-article matching on add)

Partition ``k`` holds input items ``[k*N, (k+1)*N)``; partitions are merged in ``k`` order as soon as
they and all before them are written, so the ledger receives the analyses in exactly the input
order, whatever the number of workers or the order in which they finish: the same input gives
the same ledger as the local engine. Memory on the client is bounded by the window, not the corpus.

With no scheduler address a ``LocalCluster(n_workers=N, threads_per_worker=1, processes=True)`` is
started. With an address, workers either write the parts to ``staging`` (a path or URI every
worker and the client can reach: NFS, s3://...) or, without one, send their rows back to the
client, which writes the parts to a local staging folder.
"""
from __future__ import annotations

import contextlib
import itertools
import logging
import os
import shutil
import tempfile
import time
import uuid
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Union

from ..model import Article, Skipped
from . import dataset as ds
from . import worker as wk

PARTITION_SIZE = 32
# Keep the native libraries of each worker process to one thread: one process per core.
WORKER_ENV = {"OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1",
              "BLIS_NUM_THREADS": "1", "TOKENIZERS_PARALLELISM": "false"}

log = logging.getLogger(__name__)

Input = Union[str, Path, Article, Skipped]


@dataclass
class AnalyzeReport:
    read: int = 0
    analyzed: int = 0
    skipped: list[Skipped] = field(default_factory=list)
    partitions: int = 0
    n_tokens: int = 0
    out: Optional[str] = None
    workers: int = 0
    seconds: float = 0.0

    def to_dict(self) -> dict:
        return {"read": self.read, "analyzed": self.analyzed, "partitions": self.partitions,
                "n_tokens": self.n_tokens, "out": self.out, "workers": self.workers,
                "seconds": round(self.seconds, 3),
                "skipped": [{"origin": s.origin, "reason": s.reason} for s in self.skipped]}


def default_workers() -> int:
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # not Linux
        return max(1, os.cpu_count() or 1)


@contextlib.contextmanager
def dask_client(scheduler: Optional[str] = None, workers: Optional[int] = None, *, warm: bool = True):
    """A distributed Client: on the cluster at ``scheduler``, or on a new LocalCluster of processes."""
    from distributed import Client, LocalCluster

    if scheduler:
        client = Client(scheduler)
        cluster = None
    else:
        n = workers or default_workers()
        if n < 1:
            raise ValueError(f"--workers must be at least 1, not {n}")
        cluster = LocalCluster(n_workers=n, threads_per_worker=1, processes=True, host="127.0.0.1",
                               dashboard_address="127.0.0.1:0",
                               silence_logs=logging.ERROR, env=dict(WORKER_ENV))
        client = Client(cluster)
    try:
        if warm:
            warm_workers(client)
        yield client
    finally:
        client.close()
        if cluster is not None:
            cluster.close()


def warm_workers(client) -> dict:
    """Load the pipeline on every worker now, so that timed work starts with a warm model."""
    return client.run(wk.warm)


def n_threads(client) -> int:
    return max(1, sum(client.nthreads().values()))


def read_inputs(paths_or_articles: Iterable[Input]) -> Iterator[Union[Article, Skipped]]:
    """Articles (or reader skips) from Article records and/or paths (files or folders, any format
    the ingest readers know: .txt, .html, .jsonl, .warc)."""
    from ..ingest import read_paths

    for item in paths_or_articles:
        if isinstance(item, (Article, Skipped)):
            yield item
        else:
            yield from read_paths([Path(item)])


def _chunks(items: Iterable, size: int) -> Iterator[list]:
    it = iter(items)
    while True:
        chunk = list(itertools.islice(it, size))
        if not chunk:
            return
        yield chunk


def run_partitions(client, items: Iterable[Union[Article, Skipped]], staging: str, *, fmt: str = "parquet",
                   partition_size: int = PARTITION_SIZE, with_text: bool = True, workers_write: bool = True,
                   window: Optional[int] = None, options: Optional[dict] = None) -> Iterator[dict]:
    """Analyze ``items`` on the cluster; yield each partition's summary in input (partition) order.

    At most ``window`` partitions are in flight, so the client holds a bounded amount of text.
    With ``workers_write`` the workers write the parts to ``staging``; else they return their rows
    and this process writes them.
    """
    from distributed import as_completed

    if partition_size < 1:
        raise ValueError("partition size must be at least 1")
    ds.ensure_dir(staging)
    window = window or 2 * n_threads(client) + 1
    run = uuid.uuid4().hex[:8]
    seq = itertools.count()
    parts = enumerate(_chunks(([next(seq), a] for a in items), partition_size))
    ac = as_completed()

    def submit_next() -> bool:
        nxt = next(parts, None)
        if nxt is None:
            return False
        k, chunk = nxt
        recs = [ds.article_record(s, a) for s, a in chunk]
        fut = client.submit(wk.analyze_partition, k, recs, staging if workers_write else None, fmt, with_text, options,
                            key=f"counterclaim-part-{run}-{k:05d}", pure=False)
        ac.add(fut)
        return True

    for _ in range(window):
        if not submit_next():
            break
    done: dict[int, dict] = {}
    next_k = 0
    for fut in ac:
        info = fut.result()  # a worker's exception is raised here, with its traceback
        fut.release()
        if "data" in info:
            info["path"] = ds.join(staging, ds.part_name(info["part"], fmt))
            ds.write_rows(info.pop("data"), info["path"], fmt)
        done[info["part"]] = info
        submit_next()
        while next_k in done:
            yield done.pop(next_k)
            next_k += 1
    while next_k in done:  # nothing left in flight
        yield done.pop(next_k)
        next_k += 1


def analyze_dask(paths_or_articles: Iterable[Input], out: Union[str, Path], *, fmt: str = "parquet",
                 scheduler: Optional[str] = None, workers: Optional[int] = None,
                 partition_size: int = PARTITION_SIZE, with_text: bool = True, client=None,
                 progress: Optional[Callable[[dict], None]] = None, **options) -> AnalyzeReport:
    """Analyze articles on Dask into a dataset folder ``out`` (Parquet or JSON Lines partitions).

    ``options`` go to ``analyze_articles`` on the workers (``max_chars=...``)."""
    if fmt not in ds.FORMATS:
        raise ValueError(f"unknown dataset format {fmt!r}: use parquet or jsonl")
    out = str(out)
    if not ds._is_uri(out) and Path(out).is_dir():
        stale = ds.list_parts(out)
        if stale:
            raise FileExistsError(f"{out} already holds a dataset ({len(stale)} parts): choose an empty folder")
    rep = AnalyzeReport(out=out)
    t0 = time.perf_counter()
    with contextlib.ExitStack() as stack:
        if client is None:
            client = stack.enter_context(dask_client(scheduler, workers))
        rep.workers = n_threads(client)
        for info in run_partitions(client, read_inputs(paths_or_articles), out, fmt=fmt,
                                   partition_size=partition_size, with_text=with_text,
                                   workers_write=_workers_share_fs(client, out), options=options):
            rep.partitions += 1
            rep.read += info["rows"]
            rep.analyzed += info["rows"] - info["skipped"]
            rep.n_tokens += info["n_tokens"]
            if info["skipped"]:
                for row in ds.read_rows(info["path"], fmt):
                    if row["skipped"] is not None:
                        rep.skipped.append(Skipped(row["origin"] or row["id"] or "", row["skipped"]))
            if progress:
                progress(info)
    rep.seconds = time.perf_counter() - t0
    ds.write_manifest(out, {"format": fmt, **{k: v for k, v in rep.to_dict().items() if k != "skipped"},
                            "n_skipped": len(rep.skipped), "partition_size": partition_size,
                            "columns": list(ds.COLUMNS)})
    return rep


def _workers_share_fs(client, path: str) -> bool:
    """Whether the workers can write where this process will read: URIs, or a local cluster."""
    if ds._is_uri(path):
        return True
    import socket

    here = socket.gethostname()
    try:
        hosts = set(client.run(socket.gethostname).values())
    except Exception:  # pragma: no cover - a cluster that refuses client.run
        return False
    return hosts == {here}


def ingest_dask(paths_or_articles: Iterable[Input], db, scheduler: Optional[str] = None,
                workers: Optional[int] = None, *, partition_size: int = PARTITION_SIZE,
                staging: Optional[Union[str, Path]] = None, keep_staging: bool = False, client=None,
                progress: Optional[Callable[[dict], None]] = None, **options):
    """Ingest articles into the ledger ``db`` (a path or an open Ledger), analyzing them on Dask.

    The parts are written to ``staging`` (default: a temporary folder, removed afterwards unless
    ``keep_staging``) and merged into the ledger by this process alone, in input order, while the
    workers go on with the next partitions. Returns the Ledger's IngestReport.
    """
    from ..ledger import IngestReport, Ledger

    tmp = None
    if staging is None:
        tmp = tempfile.mkdtemp(prefix="counterclaim-dask-")
        staging = tmp
    staging = str(staging)
    try:
        with contextlib.ExitStack() as stack:
            ledger = db if isinstance(db, Ledger) else stack.enter_context(Ledger(db))
            if client is None:
                client = stack.enter_context(dask_client(scheduler, workers))
            share = _workers_share_fs(client, staging)
            known = IngestReport()
            items = _new_only(read_inputs(paths_or_articles), ledger, known)

            def results():
                for info in run_partitions(client, items, staging, partition_size=partition_size,
                                           workers_write=share, options=options):
                    if progress:
                        progress(info)
                    for row in ds.read_rows(info["path"], "parquet"):
                        yield ds.row_result(row)

            report = ledger.add_analyses(results())
            report.read += known.read
            report.unchanged += known.unchanged
            report.skipped = known.skipped + report.skipped
            return report
    finally:
        if tmp and not keep_staging:
            shutil.rmtree(tmp, ignore_errors=True)



def _new_only(items: Iterator[Union[Article, Skipped]], ledger, known) -> Iterator[Union[Article, Skipped]]:
    """The items worth analyzing, as ``service.ingest`` decides BEFORE analysis: an article whose text or
    URL the ledger (or this run) already has is counted 'unchanged' in ``known`` and not sent to the
    workers; an id already stored with another text is skipped with the reason."""
    from ..ledger import store

    seen_hash: set[str] = set()
    seen_url: set[str] = set()
    for item in items:
        if not isinstance(item, Article):
            yield item  # a reader's Skipped: goes through, stored as a skipped row, reported by the merge
            continue
        h = store.content_hash(item.text)
        if h in seen_hash or (item.url and item.url in seen_url):
            known.read += 1
            known.unchanged += 1
            continue
        found = store.find_existing(ledger.conn, item.id, h, item.url)
        if found:
            known.read += 1
            if found[0] == "id":
                known.skipped.append(Skipped(item.origin or item.id,
                                             f"article id {item.id!r} is already stored with a different text"))
            else:
                known.unchanged += 1
            continue
        seen_hash.add(h)
        if item.url:
            seen_url.add(item.url)
        yield item
