"""CSV: one ``TABLE.csv`` per table (RFC 4180, UTF-8, header row); nested columns as JSON text."""
from __future__ import annotations

import csv
from pathlib import Path
from typing import Union

from ..ledger.tables import table
from ._files import FLAT_TABLES, atomic_path


def write(conn, out: Union[str, Path], *, tables=FLAT_TABLES, with_text: bool = False, **filters) -> dict:
    """Write each table to ``out/TABLE.csv``; returns {table: {"path", "rows"}}."""
    out = Path(out)
    report = {}
    for name in tables:
        t = table(conn, name, with_text=with_text and name == "articles", **filters)
        path = out / f"{name}.csv"
        n = 0
        with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="") as f:
            w = csv.DictWriter(f, fieldnames=t.columns, lineterminator="\r\n")
            w.writeheader()
            for row in t.flat_rows():
                w.writerow(row)
                n += 1
        report[name] = {"path": str(path), "rows": n}
    return report
