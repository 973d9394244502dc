"""Verdicts: a fact-checker's review of a ledger proposition (true, false, misleading, unproven).

Every review is kept (table ``reviews``, schema version 6); the latest one is the proposition's
current verdict. Reviews keep the proposition's key and gist, so that after ``rematch`` (which
rebuilds the propositions) ``relink`` points each one at the proposition with the same key.
"""
from __future__ import annotations

import datetime as dt
import sqlite3
from typing import Iterable, Optional

from ..errors import CounterclaimError

VERDICTS = ("true", "false", "misleading", "unproven")
VERDICT_LABEL = {"true": "True", "false": "False", "misleading": "Misleading", "unproven": "Unproven"}
# schema.org Rating for a ClaimReview: 1 (worst) .. 4 (best); "unproven" sits between the two ends.
RATING_VALUE = {"false": 1, "misleading": 2, "unproven": 3, "true": 4}
BEST_RATING, WORST_RATING = 4, 1
MAX_NOTE, MAX_REVIEWER = 4000, 200

_COLS = "id, proposition_id, verdict, note, reviewer, at, gist"


class ReviewError(CounterclaimError, ValueError):
    """A review that cannot be stored, with the reason."""


def now_utc() -> str:
    return dt.datetime.now(dt.timezone.utc).replace(microsecond=0).strftime("%Y-%m-%dT%H:%M:%SZ")


def _row(r) -> dict:
    rid, pid, verdict, note, reviewer, at, gist = r
    return {"id": rid, "proposition_id": pid, "verdict": verdict, "label": VERDICT_LABEL.get(verdict, verdict),
            "note": note, "reviewer": reviewer, "at": at, "gist": gist}


def checked(verdict: str, note: Optional[str] = None, reviewer: Optional[str] = None) -> tuple[str, Optional[str], Optional[str]]:
    """(verdict, note, reviewer) cleaned, or ReviewError with the reason."""
    v = (verdict or "").strip().lower()
    if v not in VERDICTS:
        raise ReviewError(f"verdict must be one of {', '.join(VERDICTS)} (not {verdict!r})")
    note = (note or "").strip() or None
    reviewer = " ".join((reviewer or "").split()) or None
    if note and len(note) > MAX_NOTE:
        raise ReviewError(f"note too long ({len(note)} characters; at most {MAX_NOTE})")
    if reviewer and len(reviewer) > MAX_REVIEWER:
        raise ReviewError(f"reviewer name too long (at most {MAX_REVIEWER} characters)")
    return v, note, reviewer


def add(conn: sqlite3.Connection, proposition_id: int, verdict: str, *, note: Optional[str] = None,
        reviewer: Optional[str] = None, at: Optional[str] = None) -> dict:
    """Store a review of proposition ``proposition_id`` and return it; ReviewError when the
    verdict is not one of VERDICTS or the proposition does not exist."""
    v, note, reviewer = checked(verdict, note, reviewer)
    row = conn.execute("SELECT id, key, gist FROM propositions WHERE id = ?", (int(proposition_id),)).fetchone()
    if row is None:
        raise ReviewError(f"no proposition {proposition_id} in this ledger")
    cur = conn.execute("INSERT INTO reviews(proposition_id, proposition_key, gist, verdict, note, reviewer, at) "
                       "VALUES (?, ?, ?, ?, ?, ?, ?)", (row[0], row[1], row[2], v, note, reviewer, at or now_utc()))
    return _row(conn.execute(f"SELECT {_COLS} FROM reviews WHERE id = ?", (cur.lastrowid,)).fetchone())


def history(conn: sqlite3.Connection, proposition_id: int) -> list[dict]:
    """Every review of a proposition, latest first."""
    return [_row(r) for r in conn.execute(
        f"SELECT {_COLS} FROM reviews WHERE proposition_id = ? ORDER BY at DESC, id DESC", (int(proposition_id),))]


def current(conn: sqlite3.Connection, proposition_ids: Optional[Iterable[int]] = None) -> dict[int, dict]:
    """The latest review of each proposition (of ``proposition_ids``, or of all reviewed ones)."""
    sql = (f"SELECT {_COLS} FROM reviews r WHERE r.id = (SELECT r2.id FROM reviews r2 "
           "WHERE r2.proposition_id = r.proposition_id ORDER BY r2.at DESC, r2.id DESC LIMIT 1)")
    params: list = []
    if proposition_ids is not None:
        ids = [int(i) for i in proposition_ids]
        if not ids:
            return {}
        sql += f" AND r.proposition_id IN ({','.join('?' * len(ids))})"
        params = ids
    return {r[1]: _row(r) for r in conn.execute(sql, params)}


def with_verdict(conn: sqlite3.Connection, verdict: str) -> set[int]:
    """The propositions whose current verdict is ``verdict``."""
    return {pid for pid, r in current(conn).items() if r["verdict"] == verdict}


def relink(conn: sqlite3.Connection) -> int:
    """After ``rematch``: point each review at the proposition with its key (the lowest id when
    several share it); returns how many reviews moved. Reviews whose key is gone stay as they are."""
    moved = conn.execute(
        "UPDATE reviews SET proposition_id = (SELECT min(p.id) FROM propositions p WHERE p.key = reviews.proposition_key) "
        "WHERE proposition_key IS NOT NULL AND EXISTS (SELECT 1 FROM propositions p WHERE p.key = reviews.proposition_key) "
        "AND proposition_id != (SELECT min(p.id) FROM propositions p WHERE p.key = reviews.proposition_key)").rowcount
    return moved
