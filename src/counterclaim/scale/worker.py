"""What runs on a Dask worker: analyze one partition of articles and write it as a dataset part.

Workers are processes with one thread each; ``get_nlp()`` is a per-process singleton, so the spaCy
pipeline is loaded once per worker (``warm`` loads it before any timed work) and each partition
goes through ``analyze_articles`` (``nlp.pipe`` batching). Nothing here touches the ledger.
"""
from __future__ import annotations

import os
import time
from typing import Optional

from ..model import Article
from . import dataset as ds


def warm() -> dict:
    """Load the pipeline in this process (idempotent) and run it once on a short text."""
    from ..nlp.pipeline import get_nlp

    t = time.perf_counter()
    nlp = get_nlp()
    list(nlp.pipe(["The minister said on Monday that the talks would resume."]))
    return {"pid": os.getpid(), "pipes": list(nlp.pipe_names), "seconds": round(time.perf_counter() - t, 3)}


def analyze_records(records: list[dict], with_text: bool = True, options: Optional[dict] = None) -> list[dict]:
    """Dataset rows for a partition's input records (each an article or a reader's skip), in order.

    ``options`` are keyword arguments of ``analyze_articles`` (``max_chars``, ``batch_size``...).
    """
    from ..analyze import analyze_articles

    options = options or {}
    items = [ds.record_article(r) for r in records]
    arts = [a for a in items if isinstance(a, Article)]
    try:
        results = iter(list(analyze_articles(arts, **options)))
    except Exception:  # one bad article must not sink its partition: redo one by one, skip the culprit
        results = iter([_analyze_one(a, options) for a in arts])
    rows = []
    for rec, item in zip(records, items):
        if isinstance(item, Article):
            rows.append(ds.result_row(rec["seq"], next(results), item, with_text))
        else:
            rows.append(ds.result_row(rec["seq"], item, None, with_text))
    return rows


def _analyze_one(art: Article, options: dict):
    from ..analyze import analyze_articles
    from ..model import Skipped

    try:
        return next(analyze_articles([art], **options))
    except Exception as e:  # an analyzer bug on this text: reported, not fatal
        return Skipped(art.origin or art.id, f"analysis failed: {type(e).__name__}: {e}")


def analyze_partition(part_no: int, records: list[dict], out_dir: Optional[str], fmt: str = "parquet",
                      with_text: bool = True, options: Optional[dict] = None) -> dict:
    """Analyze a partition; write it to ``out_dir`` (shared storage) or, with no out_dir, return its rows.

    Returns a small summary: ``{"part", "path", "rows", "n_tokens", "seconds", "pid"[, "data"]}``.
    """
    t = time.perf_counter()
    rows = analyze_records(records, with_text=with_text, options=options)
    info = {"part": part_no, "rows": len(rows), "n_tokens": sum(r["n_tokens"] or 0 for r in rows),
            "skipped": sum(1 for r in rows if r["skipped"] is not None), "pid": os.getpid(), "path": None}
    if out_dir is None:
        info["data"] = rows
    else:
        path = ds.join(out_dir, ds.part_name(part_no, fmt))
        ds.write_rows(rows, path, fmt)
        info["path"] = path
    info["seconds"] = round(time.perf_counter() - t, 4)
    return info
