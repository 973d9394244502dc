"""Whole lists on the pages: sorting by a column, the "x–y of N" window, and the CSV / JSON of
a view (every row its filters select, not only the page shown)."""
from __future__ import annotations

import csv
import io
import json
from typing import Any, Callable, Iterable, Optional

from fastapi.responses import Response

FORMATS = ("csv", "json")


def _num_desc(key: str) -> Callable[[dict], Any]:
    return lambda r: (-(r.get(key) or 0),)


def _text_asc(key: str) -> Callable[[dict], Any]:
    return lambda r: ((r.get(key) or "") == "", str(r.get(key) or "").casefold())


def sorter(numeric: Iterable[str] = (), text: Iterable[str] = ()) -> dict[str, Callable[[dict], Any]]:
    """Sort keys by column name: numeric columns largest first, text columns A to Z (blanks last)."""
    out = {k: _num_desc(k) for k in numeric}
    out.update({k: _text_asc(k) for k in text})
    return out


def sort_rows(rows: list[dict], sort: Optional[str], keys: dict[str, Callable[[dict], Any]],
              default: str) -> tuple[list[dict], str]:
    """(rows sorted by ``sort`` when it is one of ``keys``, else by ``default``; the key used).
    Python's sort is stable, so ties keep the ledger's own order."""
    by = sort if sort in keys else default
    return sorted(rows, key=keys[by]), by


def window(offset: int, page: int, total: int) -> dict:
    """What a list page needs to say which rows it shows and link to its neighbours."""
    shown = max(min(page, total - offset), 0)
    return {"offset": offset, "page": page, "total": total, "shown": shown, "more": offset + page < total}


def _cell(v: Any) -> Any:
    if isinstance(v, (dict, list)):
        v = json.dumps(v, ensure_ascii=False)
    if isinstance(v, str) and v[:1] in ("=", "+", "-", "@", "\t", "\r"):
        return "'" + v  # a text a spreadsheet would run as a formula stays text
    return "" if v is None else v


def data_response(rows: list[dict], fmt: str, columns: list[str], name: str) -> Response:
    """The rows as a CSV file (``columns``, nested values as JSON) or as JSON (whole dicts)."""
    if fmt == "json":
        return Response(json.dumps(rows, ensure_ascii=False), media_type="application/json")
    buf = io.StringIO()
    w = csv.writer(buf)
    w.writerow(columns)
    for r in rows:
        w.writerow([_cell(r.get(c)) for c in columns])
    return Response(buf.getvalue(), media_type="text/csv; charset=utf-8",
                    headers={"content-disposition": f'attachment; filename="{name}.csv"'})
