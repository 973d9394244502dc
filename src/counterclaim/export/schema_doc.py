"""The ledger's schema, documented from ``ledger/schema.sql`` itself: its tables, views and columns
with the comments written beside them. Feeds docs/schema.md and Datasette's metadata.json.

    python -m counterclaim.export.schema_doc > docs/schema.md
"""
from __future__ import annotations

import json
import re
import sqlite3
import sys
from functools import lru_cache
from pathlib import Path
from typing import Optional

SCHEMA_FILE = Path(__file__).resolve().parents[1] / "ledger" / "schema.sql"
NOTES_FILE = Path(__file__).resolve().parents[1] / "data" / "schema-notes.json"

_CREATE = re.compile(r"^\s*CREATE\s+(?:VIRTUAL\s+)?(TABLE|VIEW)\s+(?:IF\s+NOT\s+EXISTS\s+)?\"?(\w+)\"?", re.I)
_COLUMN = re.compile(r"^\s*\"?(\w+)\"?\s+[A-Z]+[^-]*?(?:--\s*(.*))?$")
_COMMENT = re.compile(r"^\s*--\s?(.*)$")

INTRO = """# The ledger's schema

The ledger is one plain SQLite file (`counterclaim.db`, or `$COUNTERCLAIM_DB`): open it with `sqlite3`,
DuckDB, pandas or [Datasette](https://datasette.io) (`datasette counterclaim.db`, with
`--metadata counterclaim.metadata.json` from `counterclaim export --format sqlite` for these descriptions).
Offsets are Unicode code-point offsets into `articles.text`. The views `disputes` and
`statements_by_actor` are the tables to start from. `counterclaim export --format sqlite --out FILE`
writes a standalone copy (optionally filtered). This page is generated from
`src/counterclaim/ledger/schema.sql` by `python -m counterclaim.export.schema_doc > docs/schema.md`.
"""


_ALTER = re.compile(r"^\s*ALTER\s+TABLE\s+\"?(\w+)\"?\s+ADD\s+(?:COLUMN\s+)?\"?(\w+)\"?[^-]*(?:--\s*(.*))?$", re.I)


def schema_sql() -> str:
    """Version 1 of the schema (ledger/schema.sql)."""
    return SCHEMA_FILE.read_text(encoding="utf-8")


def all_sql() -> list[str]:
    """schema.sql and every later migration, in order."""
    from ..ledger.migrations import migrations

    return [sql for _, _, sql in migrations()]


@lru_cache(maxsize=1)
def parse_comments() -> dict[str, dict]:
    """{name: {"kind": table|view, "description": str, "columns": {column: comment}}} from schema.sql
    and the migrations (``ALTER TABLE ... ADD COLUMN ... -- comment`` lines included)."""
    out: dict[str, dict] = {}
    pending: list[str] = []
    current: Optional[str] = None
    lines = [line for sql in all_sql() for line in sql.splitlines() + [""]]
    for line in lines:
        alt = _ALTER.match(line)
        if alt:
            entry = out.setdefault(alt.group(1), {"kind": "table", "description": "", "columns": {}})
            entry["columns"][alt.group(2)] = (alt.group(3) or "").strip()
            pending = []
            continue
        m = _CREATE.match(line)
        if m:
            current = m.group(2)
            if current in out:  # a migration re-creating it keeps the first description
                pending = []
                continue
            out[current] = {"kind": m.group(1).lower(), "description": " ".join(pending), "columns": {}}
            pending = []
            if line.rstrip().endswith(";"):
                current = None
            continue
        c = _COMMENT.match(line)
        if c:
            if current is None:
                pending.append(c.group(1).strip())
            continue
        if not line.strip():
            pending = []
            continue
        if current and out[current]["kind"] == "table":
            col = _COLUMN.match(line)
            if col and col.group(1).upper() not in ("PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "CONSTRAINT"):
                out[current]["columns"][col.group(1)] = (col.group(2) or "").strip()
        if line.rstrip().endswith(";"):
            current = None
    return out


@lru_cache(maxsize=1)
def notes() -> dict:
    return json.loads(NOTES_FILE.read_text(encoding="utf-8"))


def describe(name: str) -> tuple[str, dict[str, str]]:
    """(description of a table or view, {column: meaning}). Column meanings: schema.sql's comments first,
    then the notes file; descriptions: the notes file first (schema.sql's comments group several tables)."""
    d = parse_comments().get(name, {})
    n = notes()
    desc = n["tables"].get(name) or d.get("description", "")
    cols = dict(n["columns"].get("*", {}))
    cols.update(n["columns"].get(name, {}))
    cols.update({c: v for c, v in d.get("columns", {}).items() if v})
    return desc, cols


def live_schema(conn: Optional[sqlite3.Connection] = None) -> dict[str, dict]:
    """{name: {"kind", "columns": [(name, type)]}} of a ledger (or of a fresh one, migrated in memory)."""
    own = conn is None
    if own:
        from ..ledger.migrations import migrate

        conn = sqlite3.connect(":memory:", isolation_level=None)
        migrate(conn)
    try:
        out = {}
        for name, kind in conn.execute(
                "SELECT name, type FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' "
                "AND name NOT LIKE '%\\_fts\\_%' ESCAPE '\\' ORDER BY type, name"):
            cols = [(r[1], r[2]) for r in conn.execute(f'PRAGMA table_info("{name}")')]
            out[name] = {"kind": kind, "columns": cols}
        return out
    finally:
        if own:
            conn.close()


def markdown(conn: Optional[sqlite3.Connection] = None) -> str:
    live = live_schema(conn)
    lines = [INTRO]
    for kind, title in (("view", "Views"), ("table", "Tables")):
        lines.append(f"## {title}\n")
        for name in sorted(n for n, v in live.items() if v["kind"] == kind):
            desc, cols = describe(name)
            lines.append(f"### `{name}`\n")
            if desc:
                lines.append(desc + "\n")
            lines.append("| column | type | meaning |")
            lines.append("|---|---|---|")
            for col, typ in live[name]["columns"]:
                meaning = cols.get(col, "").replace("|", "\\|")
                lines.append(f"| `{col}` | {typ or '—'} | {meaning} |")
            lines.append("")
    return "\n".join(lines)


def datasette_metadata(db_name: str) -> dict:
    """Datasette's metadata.json: a title and the description of every table and column."""
    tables = {}
    for name, info in live_schema().items():
        desc, meanings = describe(name)
        entry: dict = {}
        if desc:
            entry["description"] = desc
        cols = {c: meanings[c] for c, _ in info["columns"] if meanings.get(c)}
        if cols:
            entry["columns"] = cols
        if entry:
            tables[name] = entry
    return {"title": "Counterclaim ledger",
            "description": "Who claims what, who denies it, and how each outlet reports it.",
            "source": "Counterclaim", "databases": {db_name: {"tables": tables}}}


if __name__ == "__main__":
    sys.stdout.write(markdown())
