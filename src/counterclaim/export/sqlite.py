"""SQLite: the ledger as one plain SQLite file (SQLite's online backup API), ready for Datasette.

The copy is a consistent snapshot even while the ledger is being written, in rollback-journal mode
(one file, no -wal beside it), with the human-named views ``disputes`` and ``statements_by_actor``
and the full-text index. With filters, rows outside the selection are deleted from the copy
(articles, statements, their stances and quantities, then propositions and actors nothing refers
to) and the file is vacuumed. A ``NAME.metadata.json`` beside it gives Datasette a title and a
description of every table and column (from ``ledger/schema.sql``; see docs/schema.md).
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Union

from ..ledger.tables import Filters, article_where, selected_cte, check_ledger
from ._files import atomic_path
from .schema_doc import datasette_metadata, schema_sql

HUMAN_VIEWS = ("disputes", "statements_by_actor")


def _missing_views(conn: sqlite3.Connection) -> list[str]:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type = 'view'")}
    return [v for v in HUMAN_VIEWS if v not in have]


def _create_views(conn: sqlite3.Connection) -> None:
    """Create the human-named views a ledger made by an older schema lacks, from schema.sql."""
    for stmt in _statements(schema_sql()):
        if stmt.lstrip().upper().startswith("CREATE VIEW"):
            conn.execute(stmt)


def _statements(sql: str) -> list[str]:
    out, buf = [], ""
    for line in sql.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    return out


def _narrow(dst: sqlite3.Connection, f: Filters) -> dict:
    """Delete what the filters leave out; returns the rows deleted per table."""
    before = {t: dst.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
              for t in ("articles", "statements", "propositions", "actors")}
    params: dict = {}
    dst.execute("CREATE TEMP TABLE keep_s AS " + selected_cte(f, params) + "SELECT id FROM sel", params)
    params = {}
    where = article_where(f, params).replace("SELECT id FROM sel", "SELECT id FROM keep_s")
    dst.execute(f"CREATE TEMP TABLE keep_a AS SELECT ar.id FROM articles ar WHERE {where}", params)
    dst.execute("PRAGMA foreign_keys = ON")
    dst.execute("DELETE FROM articles WHERE id NOT IN (SELECT id FROM keep_a)")
    dst.execute("DELETE FROM stances WHERE statement_id NOT IN (SELECT id FROM keep_s)")
    dst.execute("DELETE FROM quantities WHERE statement_id IS NOT NULL AND statement_id NOT IN (SELECT id FROM keep_s)")
    dst.execute("DELETE FROM statements WHERE id NOT IN (SELECT id FROM keep_s)")
    dst.execute("""DELETE FROM propositions WHERE id NOT IN (SELECT proposition_id FROM stances)
                   AND id NOT IN (SELECT proposition_id FROM article_propositions)
                   AND id NOT IN (SELECT proposition_id FROM quantities WHERE proposition_id IS NOT NULL)""")
    dst.execute("DELETE FROM actors WHERE id NOT IN (SELECT actor_id FROM statements WHERE actor_id IS NOT NULL)")
    if dst.execute("SELECT 1 FROM sqlite_master WHERE name = 'statements_fts'").fetchone():
        dst.execute("INSERT INTO statements_fts(statements_fts) VALUES ('rebuild')")
    dst.execute("DROP TABLE keep_s")
    dst.execute("DROP TABLE keep_a")
    return {t: n - dst.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t, n in before.items()}


def write(conn: sqlite3.Connection, out: Union[str, Path], *, source_path: Union[str, Path, None] = None,
          **filters) -> dict:
    """Copy the ledger to ``out`` (a file, or ``out/counterclaim.db`` when ``out`` is a folder)."""
    f = Filters.of(**filters)
    out = Path(out)
    if out.is_dir():
        out = out / "counterclaim.db"
    if source_path and out.resolve() == Path(source_path).resolve():
        raise ValueError(f"--out {out} is the ledger itself: give another file")
    check_ledger(conn)
    with atomic_path(out) as tmp:
        dst = sqlite3.connect(tmp)
        try:
            conn.backup(dst)
            dst.execute("PRAGMA journal_mode = DELETE")
            deleted = {}
            with dst:
                if _missing_views(dst):
                    _create_views(dst)
                if any(f.to_dict().values()):
                    deleted = _narrow(dst, f)
                dst.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('export.at', ?), ('export.filters', ?)",
                            (dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
                             json.dumps(f.to_dict())))
            if deleted:
                dst.execute("VACUUM")
            counts = {t: dst.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0]
                      for t in ("articles", "statements", "propositions", "stances", "actors")}
            counts["disputes"] = dst.execute("SELECT COUNT(*) FROM disputes").fetchone()[0]
        finally:
            dst.close()
    meta_path = out.with_suffix(".metadata.json")
    with atomic_path(meta_path) as tmp:
        tmp.write_text(json.dumps(datasette_metadata(out.stem), indent=1) + "\n", encoding="utf-8")
    return {"sqlite": {"path": str(out), "rows": counts, "datasette_metadata": str(meta_path)}}
