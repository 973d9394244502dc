"""The ledger file: connection, pragmas, migrations, and storing one analysis per transaction.

Every write is one ``BEGIN IMMEDIATE`` ... ``COMMIT`` per article: a process killed at any moment
leaves the file with whole articles only (SQLite's WAL rolls an unfinished transaction back on the
next open), and a rerun stores the missing ones. ``synchronous=NORMAL`` in WAL mode makes a
commit a write to the log without an fsync, so a commit per article stays cheap; an OS crash or
power loss can lose the last commits but never corrupts the file.
"""
from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import urllib.parse
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional, Union

from ..errors import CounterclaimError
from ..model import Analysis, Proposition, opposite
from . import matching, reviews
from .contrary import FRAGMENT_LINK
from .migrations import LATEST, SchemaError, current_version, migrate

DEFAULT_NAME = "counterclaim.db"
ENV_VAR = "COUNTERCLAIM_DB"


class LedgerError(CounterclaimError, RuntimeError):
    """A ledger file that cannot be opened or used, with a reason a person can act on."""


def resolve_path(path: Union[str, Path, None] = None) -> Path:
    """``path``, else ``$COUNTERCLAIM_DB``, else ``./counterclaim.db``."""
    if path is None or str(path) == "":
        path = os.environ.get(ENV_VAR) or DEFAULT_NAME
    return Path(path).expanduser()


def content_hash(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).hexdigest()


def connect(path: Path, readonly: bool = False) -> sqlite3.Connection:
    if readonly:
        if not path.exists():
            raise LedgerError(f"no ledger at {path} (run `counterclaim ingest` first, or pass --db)")
        uri = "file:" + urllib.parse.quote(str(path.resolve())) + "?mode=ro"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False, timeout=30)
    else:
        if path.is_dir():
            raise LedgerError(f"{path} is a directory, not a ledger file")
        if path.parent and not path.parent.exists():
            raise LedgerError(f"cannot create a ledger at {path}: folder {path.parent} does not exist")
        try:
            conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False, timeout=30)
        except sqlite3.Error as e:
            raise LedgerError(f"cannot open {path}: {e}") from None
    try:
        conn.execute("PRAGMA busy_timeout = 30000")
        if not readonly:
            mode = conn.execute("PRAGMA journal_mode = WAL").fetchone()[0]
            if str(mode).lower() != "wal":
                raise LedgerError(f"{path}: cannot switch to WAL mode (journal_mode={mode})")
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute("PRAGMA foreign_keys = ON")
        conn.execute("PRAGMA temp_store = MEMORY")
        conn.execute("PRAGMA cache_size = -32000")
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except sqlite3.DatabaseError as e:
        conn.close()
        if "not a database" in str(e) or "malformed" in str(e) or "encrypted" in str(e):
            raise LedgerError(f"{path} is not a Counterclaim ledger (not a SQLite database: {e})") from None
        raise LedgerError(f"cannot open {path}: {e}") from None
    try:
        if readonly:
            v = current_version(conn)
            if v == 0:
                raise LedgerError(f"{path} is not a Counterclaim ledger (no ledger tables)")
            if v < LATEST:
                raise LedgerError(f"{path} has ledger schema version {v}; open it once without --readonly "
                                  f"(any ingest) to migrate it to version {LATEST}")
            if v > LATEST:
                raise LedgerError(f"{path} has ledger schema version {v}, newer than this Counterclaim ({LATEST})")
        else:
            if not conn.execute("SELECT 1 FROM sqlite_master WHERE name='meta'").fetchone() and \
                    conn.execute("SELECT count(*) FROM sqlite_master").fetchone()[0] > 0 and \
                    not conn.execute("SELECT 1 FROM sqlite_master WHERE name='articles'").fetchone():
                raise LedgerError(f"{path} is a SQLite database but not a Counterclaim ledger")
            migrate(conn)
    except SchemaError as e:
        conn.close()
        raise LedgerError(f"{path}: {e}") from None
    except LedgerError:
        conn.close()
        raise
    except sqlite3.Error as e:  # the schema could not be written: a full disk, an I/O error
        conn.close()
        raise LedgerError(f"cannot set up the ledger tables in {path}: {e}") from None
    return conn


# ---------------------------------------------------------------- idempotence

def find_existing(conn: sqlite3.Connection, article_id: str, chash: str, url: Optional[str]) -> Optional[tuple[str, str]]:
    """(how, stored id) when an article is already in the ledger: same text, same URL or same id."""
    row = conn.execute("SELECT id FROM articles WHERE content_hash = ?", (chash,)).fetchone()
    if row:
        return "text", row[0]
    if url:
        row = conn.execute("SELECT id FROM articles WHERE url = ?", (url,)).fetchone()
        if row:
            return "url", row[0]
    row = conn.execute("SELECT id FROM articles WHERE id = ?", (article_id,)).fetchone()
    if row:
        return "id", row[0]
    return None


def article_exists(conn: sqlite3.Connection, article_id: str) -> bool:
    return conn.execute("SELECT 1 FROM articles WHERE id = ?", (article_id,)).fetchone() is not None


# ---------------------------------------------------------------- writing

_ACTOR_UPSERT = """
INSERT INTO actors(id, name, type, country, role, org, party) VALUES (?, ?, ?, ?, ?, ?, ?)
ON CONFLICT(id) DO UPDATE SET
  type    = CASE WHEN actors.type IS NULL OR actors.type = 'unknown' THEN excluded.type ELSE actors.type END,
  country = COALESCE(actors.country, excluded.country),
  role    = COALESCE(actors.role, excluded.role),
  org     = COALESCE(actors.org, excluded.org),
  party   = COALESCE(actors.party, excluded.party)
"""

_ARTICLE_INSERT = """
INSERT INTO articles(id, content_hash, url, title, outlet, published, origin, language, text, n_tokens, analysis)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

_STATEMENT_INSERT = """
INSERT INTO statements(id, article_id, local_id, kind, actor_id, source_text, source_start, source_end,
  cue_text, cue_lemma, cue_start, cue_end, framing, content_text, content_start, content_end, content_spans,
  said_on, said_on_expr, via, marks, n_scare_quotes, n_hedges, source_ref, confidence)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
"""

_QUANTITY_INSERT = """
INSERT INTO quantities(article_id, statement_id, proposition_id, text, start, "end", value, unit, kind)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
"""


def _dumps(x) -> str:
    return json.dumps(x, ensure_ascii=False, separators=(",", ":"))


@dataclass
class Links:
    """Where an article's propositions went in the ledger: the ledger id of each local proposition,
    the match's confidence, and whether the two gists read opposite ways (one says "not", "no",
    "never"... and the other does not)."""
    pid: dict[str, int] = field(default_factory=dict)
    confidence: dict[str, float] = field(default_factory=dict)
    flipped: dict[str, bool] = field(default_factory=dict)
    fragment: dict[str, bool] = field(default_factory=dict)


def _match_and_link(conn: sqlite3.Connection, article_id: str, props: list[Proposition]) -> Links:
    """Map each of an article's propositions to a ledger proposition (creating it when new)."""
    out = Links()
    links = []
    vecs = matching.embed_claims(props)
    for p, vec in zip(props, vecs):
        m = matching.match_claim(conn, p, vec, set(out.pid.values()))
        if m.proposition_id is None:
            lid = matching.store_claim(conn, p, vec)
        else:
            lid = m.proposition_id
            if p.when:
                conn.execute('UPDATE propositions SET "when" = ? WHERE id = ? AND "when" IS NULL', (p.when, lid))
        # "Trump did not pay taxes" matched (by key) to "Donald Trump paid taxes": the gists read
        # opposite ways, so a side taken on the one is the other side on the other
        out.flipped[p.id] = m.flipped
        out.fragment[p.id] = matching.proposition_fragment(p)
        out.pid[p.id] = lid
        out.confidence[p.id] = m.confidence
        links.append((article_id, p.id, lid, m.confidence, p.gist, p.when, m.method))
    conn.executemany(
        'INSERT OR REPLACE INTO article_propositions(article_id, local_id, proposition_id, confidence, gist, "when", method) '
        "VALUES (?, ?, ?, ?, ?, ?, ?)", links)
    return out


def _stance_rows(analysis: Analysis, sid_map: dict[str, int], links: Links) -> list[tuple]:
    """(statement, ledger proposition, stance, confidence, basis, negated). The stance is the side the
    source takes on the ledger proposition as its gist reads (``Stance.side``, flipped again when the
    article's gist and the ledger's read opposite ways); ``negated`` says it differs from the
    analysis' label. The link's confidence is the weaker of the analyzer's (statement -> its
    proposition) and the cross-article match's, and at most ``contrary.FRAGMENT_LINK`` for a clause
    fragment."""
    best: dict[tuple, tuple] = {}
    for st in analysis.statements:
        if st.id not in sid_map:
            continue
        for s in st.stances:
            if s.proposition not in links.pid:
                continue
            side = s.side
            if links.flipped.get(s.proposition):
                side = opposite(side)
            conf = min(s.confidence, links.confidence.get(s.proposition, 1.0))
            if links.fragment.get(s.proposition):  # a clause fragment takes no side in a dispute
                conf = min(conf, FRAGMENT_LINK)
            conf = round(conf, 3)
            k = (sid_map[st.id], links.pid[s.proposition], side)
            if k not in best or conf > best[k][3]:  # two local propositions matched to one ledger one
                best[k] = (*k, conf, s.basis, int(side != s.stance))
    return list(best.values())


_STANCE_INSERT = ("INSERT OR IGNORE INTO stances(statement_id, proposition_id, stance, confidence, basis, negated) "
                  "VALUES (?, ?, ?, ?, ?, ?)")


def write_analysis(conn: sqlite3.Connection, a: Analysis, chash: Optional[str] = None) -> int:
    """Insert one analysis (inside the caller's transaction). Returns the number of statements."""
    art = a.article
    chash = chash or content_hash(art.text)
    conn.execute(_ARTICLE_INSERT, (art.id, chash, art.url or None, art.title, art.outlet, art.published,
                                   art.origin, art.language, art.text, a.n_tokens, _dumps(a.to_dict())))
    actors = {}
    for x in a.actors:
        actors.setdefault(x.id, x)
    for st in a.statements:
        if st.source and st.source.entity:
            actors.setdefault(st.source.entity.id, st.source.entity)
    if actors:
        conn.executemany(_ACTOR_UPSERT, [(x.id, x.name or x.id, x.type, x.country, x.role, x.org, x.party)
                                         for x in actors.values()])
    links = _match_and_link(conn, art.id, a.propositions)
    pid_map = links.pid
    base = conn.execute("SELECT COALESCE(MAX(id), 0) FROM statements").fetchone()[0]
    sid_map = {st.id: base + i + 1 for i, st in enumerate(a.statements)}
    by_local = {st.id: st for st in a.statements}
    rows = []
    for st in a.statements:
        src = st.source
        actor_id = src.entity.id if src and src.entity else None
        source_text = src.span.text if src else None
        if src is None and st.source_ref in by_local:  # a quote continuing an earlier statement's source
            ref = by_local[st.source_ref]
            seen = {st.id}
            while ref.source is None and ref.source_ref in by_local and ref.id not in seen:
                seen.add(ref.id)
                ref = by_local[ref.source_ref]
            if ref.source:
                actor_id = ref.source.entity.id if ref.source.entity else None
                source_text = ref.source.span.text
        cue = st.cue
        marks = [m.to_dict() for m in st.marks]
        rows.append((
            sid_map[st.id], art.id, st.id, st.kind, actor_id, source_text,
            src.span.start if src else None, src.span.end if src else None,
            cue.span.text if cue else None, cue.lemma if cue else None,
            cue.span.start if cue else None, cue.span.end if cue else None, cue.framing if cue else None,
            st.content_text, st.start, st.end, _dumps([c.to_dict() for c in st.content]),
            st.said_on.value if st.said_on else None, st.said_on.text if st.said_on else None, st.via,
            _dumps(marks), sum(m.type == "scare_quotes" for m in st.marks), sum(m.type == "hedge" for m in st.marks),
            st.source_ref, st.confidence))
    conn.executemany(_STATEMENT_INSERT, rows)
    conn.executemany(_STANCE_INSERT, _stance_rows(a, sid_map, links))
    if a.quantities:
        conn.executemany(_QUANTITY_INSERT, [
            (art.id, sid_map.get(q.statement) if q.statement else None,
             pid_map.get(q.proposition) if q.proposition else None,
             q.text, q.start, q.end, q.value, q.unit, q.kind) for q in a.quantities])
    return len(rows)


def add_analysis(conn: sqlite3.Connection, a: Analysis) -> tuple[str, Optional[str]]:
    """Store one analysis in its own transaction: ('added'|'unchanged'|'conflict', detail)."""
    art = a.article
    chash = content_hash(art.text)
    conn.execute("BEGIN IMMEDIATE")
    try:
        found = find_existing(conn, art.id, chash, art.url)
        if found:
            conn.execute("COMMIT")
            how, sid = found
            if how == "id":
                return "conflict", f"article id {art.id!r} is already stored with a different text"
            return "unchanged", sid
        write_analysis(conn, a, chash)
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return "added", art.id


def rematch(conn: sqlite3.Connection) -> int:
    """Recompute cross-article matching from the stored analyses, in ingest order. One transaction."""
    conn.execute("BEGIN IMMEDIATE")
    try:
        conn.execute("DELETE FROM stances")
        conn.execute("UPDATE quantities SET proposition_id = NULL")
        conn.execute("DELETE FROM article_propositions")
        conn.execute("DELETE FROM claim_terms")
        conn.execute("DELETE FROM propositions")
        n = 0
        for art_id, js in conn.execute("SELECT id, analysis FROM articles ORDER BY rowid").fetchall():
            if not js:
                continue
            a = Analysis.from_dict(json.loads(js), text="")
            links = _match_and_link(conn, art_id, a.propositions)
            sid_map = dict((lid, sid) for sid, lid in conn.execute(
                "SELECT id, local_id FROM statements WHERE article_id = ?", (art_id,)))
            conn.executemany(_STANCE_INSERT, _stance_rows(a, sid_map, links))
            for q in a.quantities:
                if q.proposition in links.pid:
                    conn.execute('UPDATE quantities SET proposition_id = ? WHERE article_id = ? AND start = ? AND "end" = ?',
                                 (links.pid[q.proposition], art_id, q.start, q.end))
            n += 1
        reviews.relink(conn)  # verdicts follow their claims to the rebuilt propositions
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    return n
