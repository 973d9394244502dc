"""Schema migrations: ``meta.schema_version`` says which of these a ledger file has.

Version 1 is ``ledger/schema.sql``; each later version is a file ``NNN_name.sql`` in this folder.
Changes are additive (new tables, columns, indexes, triggers), so that code written against an
older version still reads a newer file. Migrations run in one IMMEDIATE transaction: two processes
opening a fresh file at once serialize, and a crash mid-migration leaves the previous version.
"""
from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from pathlib import Path

from ...errors import CounterclaimError

HERE = Path(__file__).resolve().parent
SCHEMA_V1 = HERE.parent / "schema.sql"
_NAME = re.compile(r"^(\d{3})_[\w-]+\.sql$")


class SchemaError(CounterclaimError, RuntimeError):
    pass


@lru_cache(maxsize=1)
def migrations() -> tuple[tuple[int, str, str], ...]:
    """(version, name, sql) in order, version 1 being schema.sql."""
    out = [(1, "schema.sql", SCHEMA_V1.read_text(encoding="utf-8"))]
    for p in sorted(HERE.glob("*.sql")):
        m = _NAME.match(p.name)
        if m:
            out.append((int(m.group(1)), p.name, p.read_text(encoding="utf-8")))
    versions = [v for v, _, _ in out]
    if versions != list(range(1, len(out) + 1)):
        raise SchemaError(f"migration files are not numbered 1..N: {versions}")
    return tuple(out)


LATEST = len(migrations())


def current_version(conn: sqlite3.Connection) -> int:
    has_meta = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='meta'").fetchone()
    if not has_meta:
        has_any = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='articles'").fetchone()
        return 1 if has_any else 0
    row = conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()
    if row is None:
        has_any = conn.execute("SELECT 1 FROM sqlite_master WHERE type='table' AND name='articles'").fetchone()
        return 1 if has_any else 0
    return int(row[0])


def _statements(sql: str) -> list[str]:
    """Split a migration file into complete statements (triggers contain inner semicolons)."""
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        if not buf and line.strip().startswith("--"):
            continue
        buf += line
        if sqlite3.complete_statement(buf):
            if buf.strip():
                out.append(buf.strip())
            buf = ""
    if buf.strip() and not all(ln.strip().startswith("--") or not ln.strip() for ln in buf.splitlines()):
        raise SchemaError("migration ends with an incomplete statement")
    return out


def migrate(conn: sqlite3.Connection) -> int:
    """Bring the file to the latest schema version; return the version it had before."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        before = current_version(conn)
        if before > LATEST:
            raise SchemaError(f"this ledger has schema version {before}, newer than this Counterclaim "
                              f"understands ({LATEST}); upgrade Counterclaim")
        for version, name, sql in migrations():
            if version <= before:
                continue
            for stmt in _statements(sql):
                conn.execute(stmt)
        if before < LATEST:
            conn.execute("INSERT INTO meta(key, value) VALUES ('schema_version', ?) "
                         "ON CONFLICT(key) DO UPDATE SET value = excluded.value", (str(LATEST),))
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:  # SQLite has already rolled back after a full disk or an I/O error
            conn.execute("ROLLBACK")
        raise
    return before
