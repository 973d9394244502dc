"""JSON Lines: one ``TABLE.jsonl`` per table, one JSON object per row (nested columns stay nested)."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Union

from ..ledger.tables import table
from ._files import FLAT_TABLES, atomic_path


def write(conn, out: Union[str, Path], *, tables=FLAT_TABLES, with_text: bool = False, **filters) -> dict:
    """Write each table to ``out/TABLE.jsonl``; returns {table: {"path", "rows"}}."""
    out = Path(out)
    report = {}
    for name in tables:
        t = table(conn, name, with_text=with_text and name == "articles", **filters)
        path = out / f"{name}.jsonl"
        n = 0
        with atomic_path(path) as tmp, open(tmp, "w", encoding="utf-8", newline="\n") as f:
            for row in t.iter_rows():
                f.write(json.dumps(row, ensure_ascii=False))
                f.write("\n")
                n += 1
        report[name] = {"path": str(path), "rows": n}
    return report
