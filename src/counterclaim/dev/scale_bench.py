"""Scale-out benchmark: throughput of the Dask engine with 1, 2, ... workers on the same corpus.

Every cluster is started and its workers' pipelines warmed BEFORE any timing; the clusters stay
up for the whole run and the rounds alternate between them, so that a burst of load from
another process hits every worker count alike. The timed part is ``analyze_dask`` over the
corpus into a fresh Parquet dataset (submission, analysis on the workers, writing the parts,
handing them back in order). The merge into the ledger (one writer) is timed separately when asked.
"""
from __future__ import annotations

import contextlib
import shutil
import statistics
import tempfile
import time
from pathlib import Path
from typing import Callable, Optional, Union

from ..scale.dask_engine import analyze_dask, dask_client


def run_scale(corpus: Optional[Union[str, Path]] = None, *, workers: tuple[int, ...] = (1, 2),
              limit: Optional[int] = None, rounds: int = 1, partition_size: int = 8,
              merge: bool = False, log: Optional[Callable[[str], None]] = None) -> dict:
    from .bench import load_corpus

    arts = load_corpus(corpus, limit)
    workers = tuple(sorted(set(workers)))
    if not workers or workers[0] < 1:
        raise ValueError("worker counts must be at least 1")
    tmp = Path(tempfile.mkdtemp(prefix="counterclaim-scale-"))
    times: dict[int, list[float]] = {n: [] for n in workers}
    n_tokens = 0
    merge_s = None
    try:
        with contextlib.ExitStack() as stack:
            clients = {}
            for n in workers:
                t = time.perf_counter()
                clients[n] = stack.enter_context(dask_client(workers=n))
                if log:
                    log(f"cluster of {n} worker(s) up and warm in {time.perf_counter() - t:.1f}s (not timed)")
            for r in range(rounds):
                order = workers if r % 2 == 0 else tuple(reversed(workers))
                for n in order:
                    out = tmp / f"r{r}-w{n}"
                    t = time.perf_counter()
                    rep = analyze_dask(arts, out, client=clients[n], partition_size=partition_size)
                    dt = time.perf_counter() - t
                    times[n].append(dt)
                    n_tokens = rep.n_tokens
                    if log:
                        log(f"round {r + 1}/{rounds}: {n} worker(s) {dt:7.2f}s  {rep.analyzed / dt:6.2f} articles/s")
            if merge:
                from ..ledger import Ledger
                from ..scale.dataset import merge_into_ledger

                t = time.perf_counter()
                with Ledger(tmp / "merge.db") as ledger:
                    merge_into_ledger(tmp / f"r0-w{workers[-1]}", ledger)
                merge_s = time.perf_counter() - t
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    res: dict = {"n_articles": len(arts), "n_tokens": n_tokens, "partition_size": partition_size,
                 "rounds": rounds, "workers": {}}
    for n in workers:
        med = statistics.median(times[n])
        res["workers"][str(n)] = {"seconds": round(med, 3), "seconds_all": [round(x, 3) for x in times[n]],
                                  "articles_per_s": round(len(arts) / med, 3),
                                  "tokens_per_s": round(n_tokens / med, 1)}
    base = res["workers"][str(workers[0])]["articles_per_s"]
    res["ratios"] = {f"{n}/{workers[0]}": round(res["workers"][str(n)]["articles_per_s"] / base, 3)
                     for n in workers[1:]}
    if merge_s is not None:
        res["merge_seconds"] = round(merge_s, 3)
        res["merge_articles_per_s"] = round(len(arts) / merge_s, 2)
    return res


def format_scale(res: dict) -> str:
    lines = [f"{res['n_articles']} articles, {res['n_tokens']:,} tokens, partitions of {res['partition_size']}, "
             f"median of {res['rounds']} round(s)"]
    for n, r in res["workers"].items():
        lines.append(f"  {n:>3} worker(s): {r['articles_per_s']:8.2f} articles/s {r['tokens_per_s']:10.0f} tokens/s "
                     f"({r['seconds']:.1f}s)")
    for k, v in res["ratios"].items():
        lines.append(f"  ratio {k}: {v:.3f}")
    if "merge_seconds" in res:
        lines.append(f"  merge into the ledger (one writer): {res['merge_seconds']:.1f}s "
                     f"({res['merge_articles_per_s']:.1f} articles/s)")
    return "\n".join(lines)
