"""The ledger as flat tables: rows of plain values for exports, pandas and Arrow.

``table(source, name, **filters)`` reads one of TABLES from a ledger (a ``Ledger``, an open
``sqlite3.Connection`` or the path of a ledger file) and returns a ``Table``. It only reads:
nothing here writes to the database or parses article text.

Filters select a set of statements, and every table follows from that set:

- ``outlet``       the article's outlet (case-insensitive)
- ``since/until``  the article's publication date, ISO ``YYYY-MM-DD``, both ends included
- ``actor``        the speaker, by actor id (``PRK``, ``person:john-kirby``) or name
- ``article``      one article, by id
- ``disputed_only``only statements taking a stance on a disputed proposition (one that some
                   actor asserts and another denies: the ledger's ``disputes`` view)

``statements`` and ``stances`` are the selected statements and their stances; ``articles`` the
articles matching the article filters (and, with ``actor`` or ``disputed_only``, holding a selected
statement); ``propositions`` the propositions the selected statements take a stance on (with ``disputed_only``,
the disputed ones), with stance counts over the selection and ``disputed`` over the whole ledger;
``actors`` the selected speakers.
"""
from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Iterator, Optional, Union

from ..dates import parse_published
from ..errors import CounterclaimError

# column name -> type: str | int | float | bool | json (a list or dict, serialized as JSON text in flat formats)
ColumnTypes = dict[str, str]

ARTICLE_COLUMNS: ColumnTypes = {
    "id": "str", "title": "str", "outlet": "str", "published": "str", "url": "str", "origin": "str",
    "language": "str", "n_tokens": "int", "n_statements": "int", "content_hash": "str", "ingested_at": "str",
}
STATEMENT_COLUMNS: ColumnTypes = {
    "id": "int", "article_id": "str", "local_id": "str", "outlet": "str", "published": "str", "kind": "str",
    "actor_id": "str", "actor_name": "str", "actor_type": "str", "actor_country": "str",
    "source_text": "str", "source_start": "int", "source_end": "int",
    "cue_text": "str", "cue_lemma": "str", "cue_start": "int", "cue_end": "int", "framing": "str",
    "content_text": "str", "content_start": "int", "content_end": "int", "content_spans": "json",
    "said_on": "str", "said_on_expr": "str", "via": "str", "marks": "json", "n_scare_quotes": "int",
    "n_hedges": "int", "source_ref": "str", "confidence": "float", "stances": "json",
}
PROPOSITION_COLUMNS: ColumnTypes = {
    "id": "int", "key": "str", "gist": "str", "agent": "str", "relation": "str", "recipient": "str",
    "theme": "str", "when": "str", "n_statements": "int", "n_asserts": "int", "n_denies": "int",
    "n_no_knowledge": "int", "n_articles": "int", "n_outlets": "int", "latest": "str", "disputed": "bool",
}
STANCE_COLUMNS: ColumnTypes = {
    "statement_id": "int", "proposition_id": "int", "stance": "str", "negated": "bool", "gist": "str",
    "article_id": "str", "outlet": "str", "actor_id": "str", "actor_name": "str", "date": "str",
}
ACTOR_COLUMNS: ColumnTypes = {
    "id": "str", "name": "str", "type": "str", "country": "str", "role": "str", "org": "str", "party": "str",
    "n_statements": "int",
}

TABLES: dict[str, ColumnTypes] = {
    "articles": ARTICLE_COLUMNS,
    "statements": STATEMENT_COLUMNS,
    "propositions": PROPOSITION_COLUMNS,
    "stances": STANCE_COLUMNS,
    "actors": ACTOR_COLUMNS,
}

REQUIRED_TABLES = ("articles", "statements", "propositions", "stances", "actors")


class NotALedger(CounterclaimError, ValueError):
    """The file is not a Counterclaim ledger (missing tables), or cannot be opened."""


@dataclass(frozen=True)
class Filters:
    outlet: Optional[str] = None
    since: Optional[str] = None
    until: Optional[str] = None
    actor: Optional[str] = None
    disputed_only: bool = False
    article: Optional[str] = None

    @classmethod
    def of(cls, outlet=None, since=None, until=None, actor=None, disputed_only=False, article=None) -> "Filters":
        """Validated filters; a bad date raises ValueError (``BadDate``) with a one-line message."""
        since = parse_published(since) if since else None
        until = parse_published(until) if until else None
        if since and until and since > until:
            raise ValueError(f"--since {since} is after --until {until}")
        return cls(outlet=outlet or None, since=since, until=until, actor=actor or None,
                   disputed_only=bool(disputed_only), article=article or None)

    @property
    def on_statements(self) -> bool:
        """True when the filters narrow statements beyond their articles."""
        return bool(self.actor or self.disputed_only)

    def to_dict(self) -> dict:
        return {k: v for k, v in self.__dict__.items() if v}


@dataclass
class Table:
    """One table of the ledger. Rows are dicts keyed by ``columns``; json columns hold lists/dicts."""
    name: str
    types: ColumnTypes
    _rows: Any = field(repr=False, default=None)  # a list, or a callable(decode_json=True) yielding rows

    @property
    def columns(self) -> list[str]:
        return list(self.types)

    def iter_rows(self) -> Iterator[dict]:
        """Stream the rows (from SQLite when not yet read) without holding them all."""
        if isinstance(self._rows, list):
            yield from self._rows
        else:
            yield from self._rows()

    @property
    def rows(self) -> list[dict]:
        if not isinstance(self._rows, list):
            self._rows = list(self._rows())
        return self._rows

    def __len__(self) -> int:
        return len(self.rows)

    def __iter__(self) -> Iterator[dict]:
        return self.iter_rows()

    def flat_rows(self) -> Iterator[dict]:
        """Rows with json columns as JSON text (for CSV and Parquet); streamed from SQLite as stored."""
        if not isinstance(self._rows, list):
            yield from self._rows(decode_json=False)
            return
        nested = [c for c, t in self.types.items() if t == "json"]
        for r in self._rows:
            if nested:
                r = dict(r)
                for c in nested:
                    if r[c] is not None:
                        r[c] = json.dumps(r[c], ensure_ascii=False)
            yield r

    def to_pandas(self):
        """A pandas DataFrame, one column per ``columns`` (json columns hold Python lists/dicts)."""
        import pandas as pd

        df = pd.DataFrame.from_records(self.rows, columns=self.columns)
        for c, t in self.types.items():
            if t == "int":
                df[c] = df[c].astype("Int64")
            elif t == "bool":
                df[c] = df[c].astype("boolean")
        return df

    def arrow_schema(self):
        import pyarrow as pa

        kinds = {"str": pa.string(), "int": pa.int64(), "float": pa.float64(), "bool": pa.bool_(),
                 "json": pa.string()}
        return pa.schema([(c, kinds[t]) for c, t in self.types.items()])

    def arrow_batches(self, batch_rows: int = 10_000):
        """Arrow record batches of at most ``batch_rows`` rows, json columns as JSON text."""
        import pyarrow as pa

        schema = self.arrow_schema()
        buf: list[dict] = []
        for r in self.flat_rows():
            buf.append(r)
            if len(buf) >= batch_rows:
                yield pa.RecordBatch.from_pylist(buf, schema=schema)
                buf = []
        if buf:
            yield pa.RecordBatch.from_pylist(buf, schema=schema)

    def to_arrow(self):
        """A pyarrow Table with a fixed schema (json columns as JSON text)."""
        import pyarrow as pa

        return pa.Table.from_batches(list(self.arrow_batches()), schema=self.arrow_schema())


# ---------------------------------------------------------------- connections

def connect_readonly(path: Union[str, Path]) -> sqlite3.Connection:
    """Open an existing ledger file read-only; NotALedger when it is missing or not a ledger."""
    p = Path(path)
    if not p.is_file():
        raise NotALedger(f"no ledger at {p} (create one with `counterclaim ingest`)")
    try:
        conn = sqlite3.connect(f"{p.resolve().as_uri()}?mode=ro", uri=True, check_same_thread=False)
        check_ledger(conn, p)
    except sqlite3.DatabaseError as e:
        raise NotALedger(f"{p} is not a SQLite ledger: {e}") from None
    return conn


def check_ledger(conn: sqlite3.Connection, where: object = "database") -> None:
    have = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type IN ('table','view')")}
    missing = [t for t in REQUIRED_TABLES if t not in have]
    if missing:
        raise NotALedger(f"{where} is not a Counterclaim ledger (no table {', '.join(missing)})")


def connection_of(source) -> tuple[sqlite3.Connection, bool]:
    """(connection, owned) for a Ledger, a sqlite3.Connection or a path; owned ones are the caller's to close."""
    if isinstance(source, sqlite3.Connection):
        return source, False
    for attr in ("conn", "_conn", "connection"):
        c = getattr(source, attr, None)
        if isinstance(c, sqlite3.Connection):
            return c, False
    path = getattr(source, "path", source)
    if isinstance(path, (str, Path)):
        return connect_readonly(path), True
    raise TypeError(f"cannot read tables from {type(source).__name__}: give a Ledger, a sqlite3.Connection or a path")


# ---------------------------------------------------------------- SQL

def _statement_where(f: Filters, params: dict) -> str:
    """A condition over statements s / articles ar / actors a selecting the filtered statements.

    Every subquery in it is uncorrelated (SQLite evaluates it once), so a query stays linear."""
    conds = _article_conds(f, params)
    if f.actor:
        conds.append("(s.actor_id = :actor OR a.name = :actor COLLATE NOCASE)")
        params["actor"] = f.actor
    if f.disputed_only:
        conds.append("s.id IN (SELECT st.statement_id FROM stances st "
                     "WHERE st.proposition_id IN (SELECT proposition_id FROM disputes))")
    return " AND ".join(conds)


# the joins every statement-level query uses, so that _statement_where applies
_S_JOINS = "JOIN articles ar ON ar.id = s.article_id LEFT JOIN actors a ON a.id = s.actor_id"


def selected_cte(f: Filters, params: dict) -> str:
    """``WITH sel AS (...)``: the ids of the selected statements (used by the sqlite writer)."""
    return f"WITH sel AS (SELECT s.id FROM statements s {_S_JOINS} WHERE {_statement_where(f, params)}) "


def _article_conds(f: Filters, params: dict) -> list[str]:
    conds = ["1"]
    if f.article:
        conds.append("ar.id = :article")
        params["article"] = f.article
    if f.outlet:
        conds.append("ar.outlet = :outlet COLLATE NOCASE")
        params["outlet"] = f.outlet
    if f.since:
        conds.append("ar.published >= :since")
        params["since"] = f.since
    if f.until:
        conds.append("ar.published <= :until")
        params["until"] = f.until
    return conds


def article_where(f: Filters, params: dict) -> str:
    """Articles matching the filters (the ``sel`` ids of selected_cte must be in scope when
    the filters narrow statements)."""
    conds = _article_conds(f, params)
    if f.on_statements:
        conds.append("ar.id IN (SELECT s.article_id FROM statements s WHERE s.id IN (SELECT id FROM sel))")
    return " AND ".join(conds)


def _disputed(col: str, f: Filters, word: str = "WHERE") -> str:
    """With disputed_only, propositions and stances are those of disputed propositions only."""
    return f"\n{word} {col} IN (SELECT proposition_id FROM disputes)" if f.disputed_only else ""


def _sql(name: str, f: Filters, with_text: bool) -> tuple[str, dict]:
    params: dict = {}
    where = _statement_where(f, params)
    if name == "statements":
        sql = f"""
SELECT s.id, s.article_id, s.local_id, ar.outlet, ar.published, s.kind, s.actor_id, a.name AS actor_name,
       a.type AS actor_type, a.country AS actor_country, s.source_text, s.source_start, s.source_end,
       s.cue_text, s.cue_lemma, s.cue_start, s.cue_end, s.framing, s.content_text, s.content_start,
       s.content_end, s.content_spans, s.said_on, s.said_on_expr, s.via, s.marks, s.n_scare_quotes,
       s.n_hedges, s.source_ref, s.confidence,
       (SELECT json_group_array(json_object('proposition_id', x.proposition_id, 'stance', x.stance))
          FROM (SELECT proposition_id, stance FROM stances WHERE statement_id = s.id
                ORDER BY proposition_id, stance) x) AS stances
FROM statements s {_S_JOINS}
WHERE {where}
ORDER BY s.id"""
    elif name == "articles":
        text = ", ar.text" if with_text else ""
        art_where = " AND ".join(_article_conds(f, params))
        keep = " AND c.n > 0" if f.on_statements else ""
        sql = f"""
SELECT ar.id, ar.title, ar.outlet, ar.published, ar.url, ar.origin, ar.language, ar.n_tokens,
       COALESCE(c.n, 0) AS n_statements, ar.content_hash, ar.ingested_at{text}
FROM articles ar
LEFT JOIN (SELECT s.article_id, COUNT(*) AS n FROM statements s {_S_JOINS} WHERE {where}
           GROUP BY s.article_id) c ON c.article_id = ar.id
WHERE {art_where}{keep}
ORDER BY ar.published IS NULL, ar.published, ar.id"""
    elif name == "propositions":
        sql = f"""
WITH agg AS (
  SELECT st.proposition_id AS pid, COUNT(DISTINCT s.id) AS n_statements,
         SUM(st.stance = 'asserts') AS n_asserts, SUM(st.stance = 'denies') AS n_denies,
         SUM(st.stance = 'no_knowledge') AS n_no_knowledge, COUNT(DISTINCT s.article_id) AS n_articles,
         COUNT(DISTINCT ar.outlet) AS n_outlets, MAX(COALESCE(s.said_on, ar.published)) AS latest
  FROM stances st JOIN statements s ON s.id = st.statement_id {_S_JOINS}
  WHERE {where}
  GROUP BY st.proposition_id)
SELECT p.id, p.key, p.gist, p.agent, p.relation, p.recipient, p.theme, p."when", agg.n_statements,
       agg.n_asserts, agg.n_denies, agg.n_no_knowledge, agg.n_articles, agg.n_outlets, agg.latest,
       p.id IN (SELECT proposition_id FROM disputes) AS disputed
FROM propositions p JOIN agg ON agg.pid = p.id""" + _disputed("p.id", f) + """
ORDER BY p.id"""
    elif name == "stances":
        sql = f"""
SELECT st.statement_id, st.proposition_id, st.stance, st.negated, p.gist, s.article_id, ar.outlet, s.actor_id,
       a.name AS actor_name, COALESCE(s.said_on, ar.published) AS date
FROM stances st JOIN statements s ON s.id = st.statement_id {_S_JOINS}
LEFT JOIN propositions p ON p.id = st.proposition_id
WHERE {where}""" + _disputed("st.proposition_id", f, "AND") + """
ORDER BY st.statement_id, st.proposition_id, st.stance"""
    elif name == "actors":
        sql = f"""
SELECT a.id, a.name, a.type, a.country, a.role, a.org, a.party, COUNT(s.id) AS n_statements
FROM statements s JOIN articles ar ON ar.id = s.article_id JOIN actors a ON a.id = s.actor_id
WHERE {where}
GROUP BY a.id
ORDER BY n_statements DESC, a.id"""
    else:
        raise ValueError(f"unknown table {name!r}: use one of {', '.join(TABLES)}")
    return sql, params


def _decoder(types: ColumnTypes, cols: list[str], decode_json: bool):
    """A function raw tuple -> row dict: json columns parsed (or left as JSON text), bools as bools."""
    json_idx = [i for i, c in enumerate(cols) if types.get(c) == "json"] if decode_json else []
    bool_idx = [i for i, c in enumerate(cols) if types.get(c) == "bool"]
    if not json_idx and not bool_idx:
        return lambda raw: dict(zip(cols, raw))

    def decode(raw: tuple) -> dict:
        vals = list(raw)
        for i in json_idx:
            v = vals[i]
            if isinstance(v, str):
                try:
                    vals[i] = json.loads(v)
                except ValueError:
                    pass  # kept as stored rather than lost
        for i in bool_idx:
            if vals[i] is not None:
                vals[i] = bool(vals[i])
        return dict(zip(cols, vals))
    return decode


def table(source, name: str, *, with_text: bool = False, outlet: Optional[str] = None,
          since: Optional[str] = None, until: Optional[str] = None, actor: Optional[str] = None,
          disputed_only: bool = False, article: Optional[str] = None, limit: Optional[int] = None,
          offset: int = 0) -> Table:
    """One table of the ledger (``articles``, ``statements``, ``propositions``, ``stances`` or ``actors``).

    ``source`` is a Ledger, an open sqlite3.Connection or the path of a ledger file. The rows are read
    when first used; ``with_text`` adds the article text to ``articles``. A bad date raises ValueError.
    ``limit`` / ``offset`` page the rows in SQL (in the table's order): a page costs its own rows,
    whatever its offset, never a walk over the ones before it in Python.
    """
    if name not in TABLES:
        raise ValueError(f"unknown table {name!r}: use one of {', '.join(TABLES)}")
    f = Filters.of(outlet=outlet, since=since, until=until, actor=actor, disputed_only=disputed_only,
                   article=article)
    conn, owned = connection_of(source)
    if not owned:
        check_ledger(conn)
    types = dict(TABLES[name])
    if name == "articles" and with_text:
        types["text"] = "str"
    sql, params = _sql(name, f, with_text)
    if limit is not None or offset:
        sql += "\nLIMIT :page_limit OFFSET :page_offset"
        params["page_limit"] = -1 if limit is None else max(int(limit), 0)
        params["page_offset"] = max(int(offset), 0)

    def rows(decode_json: bool = True) -> Iterator[dict]:
        cur = conn.execute(sql, params)
        cols = [d[0] for d in cur.description]
        decode = _decoder(types, cols, decode_json)
        try:
            for raw in cur:
                yield decode(raw)
        finally:
            cur.close()

    if owned:  # a connection we opened is read now and closed, not left to the garbage collector
        try:
            got = list(rows())
        finally:
            conn.close()
        return Table(name, types, got)
    if not isinstance(source, sqlite3.Connection):
        # a Ledger's connection is shared (and locked by the Ledger while this runs): read it now
        return Table(name, types, list(rows()))
    return Table(name, types, rows)


def tables(source, names=("articles", "statements", "propositions", "stances", "actors"), **filters) -> dict[str, Table]:
    return {n: table(source, n, **filters) for n in names}
