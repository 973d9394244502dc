"""``--engine dask`` for ``counterclaim analyze`` and ``counterclaim ingest``: clear errors for bad
options, one progress line per part."""
from __future__ import annotations

from contextlib import contextmanager
from pathlib import Path
from typing import Iterable, Iterator, Optional

import typer

from ..model import Skipped
from .output import err as _err


def killed_worker_message(e: BaseException) -> str:
    """One line for a task whose workers kept dying (distributed's KilledWorker)."""
    first = (str(e).strip().splitlines() or [""])[0][:200]
    return (f"dask: a worker died on the same task too many times ({type(e).__name__}: {first}); "
            f"a worker killed by the OS is most often out of memory: use fewer --workers, smaller "
            f"partitions or more memory. Whatever was stored is complete: run the same command again to finish")


def _is_killed_worker(e: BaseException) -> bool:
    return type(e).__name__ == "KilledWorker"


@contextmanager
def _dask_errors() -> Iterator[None]:
    """A scheduler that does not answer, or workers that kept dying: one line and exit 1."""
    try:
        yield
    except FileExistsError:
        raise
    except OSError as e:  # e.g. a scheduler address that does not answer
        _err(f"dask: {e}")
        raise typer.Exit(1)
    except Exception as e:
        if not _is_killed_worker(e):
            raise
        _err(killed_worker_message(e))
        raise typer.Exit(1)


def _progress(info: dict) -> None:
    typer.echo(f"  part {info['part']:>5}: {info['rows']} article(s), {info['n_tokens']} tokens, "
               f"{info['seconds']:.1f}s on worker pid {info['pid']}", err=True)


def analyze_dask_cmd(articles: Iterable, out: Optional[Path], skipped: list[Skipped], *, fmt: str = "parquet",
                     scheduler: Optional[str] = None, workers: Optional[int] = None,
                     partition_size: Optional[int] = None, verbose: bool = False, **options) -> None:
    """Run ``analyze_dask`` for the CLI: clear errors for bad options, a one-line summary at the end."""
    from ..scale.dask_engine import PARTITION_SIZE, analyze_dask

    if out is None:
        _err("--engine dask writes a dataset: give its folder with --out DIR")
        raise typer.Exit(2)
    if fmt not in ("parquet", "jsonl"):
        _err(f"unknown --dataset-format {fmt!r}: use parquet or jsonl")
        raise typer.Exit(2)
    if workers is not None and workers < 1:
        _err("--workers must be at least 1")
        raise typer.Exit(2)
    try:
        with _dask_errors():
            rep = analyze_dask(articles, out, fmt=fmt, scheduler=scheduler, workers=workers,
                               partition_size=partition_size or PARTITION_SIZE,
                               progress=_progress if verbose else None, **options)
    except FileExistsError as e:
        _err(str(e))
        raise typer.Exit(2)
    for s in rep.skipped:
        _err(f"{s.origin}: skipped: {s.reason}")
    n_skip = len(rep.skipped) + len(skipped)
    typer.echo(f"analyzed {rep.analyzed} article(s) on {rep.workers} worker(s) into {out} "
               f"({rep.partitions} {fmt} part(s), {rep.n_tokens:,} tokens, {rep.seconds:.1f}s)"
               + (f", skipped {n_skip}" if n_skip else ""), err=True)
    if rep.analyzed == 0 and n_skip:
        raise typer.Exit(1)


def ingest_dask_cmd(articles: Iterable, db, *, scheduler: Optional[str] = None, workers: Optional[int] = None,
                    partition_size: Optional[int] = None, staging: Optional[str] = None, verbose: bool = False,
                    **options):
    """Run ``ingest_dask`` for the CLI and return its IngestReport (the ingest command prints it)."""
    from ..scale.dask_engine import PARTITION_SIZE, ingest_dask

    if workers is not None and workers < 1:
        _err("--workers must be at least 1")
        raise typer.Exit(2)
    with _dask_errors():
        return ingest_dask(articles, db, scheduler=scheduler, workers=workers,
                           partition_size=partition_size or PARTITION_SIZE, staging=staging,
                           progress=_progress if verbose else None, **options)
