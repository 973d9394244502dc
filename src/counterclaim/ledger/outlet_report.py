"""One outlet's report: its articles and statements, and how it framed what sources said, month by
month (the reporter's cue: neutral, distancing, endorsing; scare quotes and hedges)."""
from __future__ import annotations

import sqlite3
from typing import Optional

FRAMINGS = ("neutral", "distancing", "endorsing")


def _block() -> dict:
    return {"statements": 0, "neutral": 0, "distancing": 0, "endorsing": 0, "no_cue": 0, "scare_quotes": 0,
            "hedges": 0}


def outlet_report(conn: sqlite3.Connection, name: str) -> Optional[dict]:
    """The outlet named ``name`` (any case): ``outlet`` (its stored name), ``articles``, ``statements``,
    ``months`` (one block per YYYY-MM of publication, oldest first, then ``undated``); None when no
    article has that outlet."""
    row = conn.execute("SELECT outlet, count(*) FROM articles WHERE outlet = ? COLLATE NOCASE "
                       "GROUP BY outlet ORDER BY count(*) DESC LIMIT 1", (name,)).fetchone()
    if row is None:
        return None
    outlet, n_articles = row
    months: dict[str, dict] = {}
    total = _block()
    for month, framing, n, sq, hd in conn.execute(
            "SELECT substr(ar.published, 1, 7), s.framing, count(*), SUM(s.n_scare_quotes), SUM(s.n_hedges) "
            "FROM statements s JOIN articles ar ON ar.id = s.article_id WHERE ar.outlet = ? "
            "GROUP BY substr(ar.published, 1, 7), s.framing", (outlet,)):
        key = month if month and len(month) == 7 else ""
        for b in (months.setdefault(key, _block()), total):
            b["statements"] += n
            b[framing if framing in FRAMINGS else "no_cue"] += n
            b["scare_quotes"] += sq or 0
            b["hedges"] += hd or 0
    out_months = [{"month": m, **months[m]} for m in sorted(k for k in months if k)]
    if "" in months:
        out_months.append({"month": None, **months[""]})
    for b in out_months + [total]:
        framed = sum(b[k] for k in FRAMINGS)
        b["share_distancing"] = round(b["distancing"] / framed, 4) if framed else None
    return {"outlet": outlet, "articles": n_articles, **total, "months": out_months}
