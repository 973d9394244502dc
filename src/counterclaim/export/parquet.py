"""Parquet: one ``TABLE.parquet`` per table (pyarrow, zstd), with a fixed typed schema per table."""
from __future__ import annotations

from pathlib import Path
from typing import Union

from ..ledger.tables import table
from ._files import FLAT_TABLES, atomic_path


def write(conn, out: Union[str, Path], *, tables=FLAT_TABLES, with_text: bool = False,
          batch_rows: int = 10_000, **filters) -> dict:
    """Write each table to ``out/TABLE.parquet`` in row groups of ``batch_rows``; returns {table: {"path", "rows"}}."""
    import pyarrow.parquet as pq

    out = Path(out)
    report = {}
    for name in tables:
        t = table(conn, name, with_text=with_text and name == "articles", **filters)
        path = out / f"{name}.parquet"
        n = 0
        with atomic_path(path) as tmp:
            with pq.ParquetWriter(tmp, t.arrow_schema(), compression="zstd") as w:
                for batch in t.arrow_batches(batch_rows):
                    w.write_batch(batch)
                    n += batch.num_rows
        report[name] = {"path": str(path), "rows": n}
    return report
