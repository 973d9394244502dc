"""Read queries over the ledger: plain JSON-ready dicts and lists, no text parsing.

The shape of each result is the Ledger API contract (docs/ledger.md); WEB, EXPORT and the CLI
render these and nothing else.
"""
from __future__ import annotations

import datetime as dt
import json
import re
import sqlite3
from collections import defaultdict
from typing import Iterable, Optional

from .counts import dispute_counts

STANCES = ("asserts", "denies", "no_knowledge")

# A dispute counts only statement -> proposition links at least this sure (stances.confidence: the
# weaker of the analyzer's link confidence and the cross-article match's; docs/ledger.md). 0.5 keeps
# a statement's own clause or claim, a fitting anaphor ("the transfer") and a rejection or
# no-knowledge formula about the claim just before it; it drops clause fragments, anaphors to
# gists, far-back anaphors and bare "this is ..." / "it's ..." evaluations.
MIN_CONFIDENCE = 0.5
_CONF = "COALESCE(st.confidence, 1.0)"

# Who a statement's source is, for counting sides: the actor when resolved, else the source's
# own words. A statement with neither (a cue whose source was not found: "…, he has learned that…"
# with no subject) takes no side: nobody known says it, so it can make no dispute; it is listed
# with the weak links.
_SOURCE_KEY = "COALESCE(s.actor_id, 'src:' || lower(s.source_text))"
_KNOWN_SOURCE = "(s.actor_id IS NOT NULL OR s.source_text IS NOT NULL)"
_DATE = "COALESCE(s.said_on, ar.published)"

_REF_SELECT = f"""
SELECT s.id, s.actor_id, a.name, a.type, a.country, a.party, s.source_text, ar.outlet, ar.id, ar.title, ar.url,
       {_DATE}, s.cue_text, s.framing, s.kind, s.content_text, s.marks, s.via, s.said_on, ar.published
FROM statements s
JOIN articles ar ON ar.id = s.article_id
LEFT JOIN actors a ON a.id = s.actor_id
"""

_PROP_COLS = 'p.id, p.gist, p.agent, p.relation, p.recipient, p."when", p.key, p.theme'

_WORD = re.compile(r"[^\W_]+", re.UNICODE)


def _ref(row) -> dict:
    (sid, actor_id, name, atype, country, party, source_text, outlet, art_id, title, url, date, cue, framing,
     kind, text, marks, via, said_on, published) = row[:20]
    actor = None
    if actor_id:
        actor = {"id": actor_id, "name": name or actor_id, "type": atype, "country": country}
        if party:
            actor["party"] = party
    return {
        "statement_id": sid, "actor": actor, "source_text": source_text, "outlet": outlet,
        "article_id": art_id, "article_title": title, "url": url, "date": date, "said_on": said_on,
        "published": published, "cue": cue, "framing": framing, "kind": kind, "text": text,
        "marks": json.loads(marks) if marks else [], "via": via,
    }


def _prop(row) -> dict:
    pid, gist, agent, relation, recipient, when, key, theme = row[:8]
    return {"id": pid, "gist": gist, "agent": agent, "relation": relation, "recipient": recipient,
            "when": when, "key": key, "theme": theme}


def _ref_sort_key(r: dict):
    return (r["date"] is None, r["date"] or "", r["statement_id"])


def _as_date(value: Optional[str]) -> Optional[dt.date]:
    if not value:
        return None
    parts = value.split("-")
    try:
        y = int(parts[0])
        m = int(parts[1]) if len(parts) > 1 else 1
        d = int(parts[2][:2]) if len(parts) > 2 else 1
        return dt.date(y, m, d)
    except (ValueError, IndexError):
        return None


def fts_query(text: str, op: str = "AND") -> Optional[str]:
    """A safe FTS5 query for any user string: its words, each quoted, joined by AND (or OR)."""
    words = _WORD.findall(text or "")
    if not words:
        return None
    return f" {op} ".join('"' + w.replace('"', '""') + '"' for w in words[:32])


# ---------------------------------------------------------------- counts

def stats(conn: sqlite3.Connection, *, min_confidence: float = MIN_CONFIDENCE) -> dict:
    one = lambda sql: conn.execute(sql).fetchone()[0]  # noqa: E731
    return {
        "articles": one("SELECT count(*) FROM articles"),
        "statements": one("SELECT count(*) FROM statements"),
        "propositions": one("SELECT count(*) FROM propositions"),
        "disputes": len(_dispute_rows(conn, min_confidence=min_confidence)),
        "actors": one("SELECT count(DISTINCT actor_id) FROM statements WHERE actor_id IS NOT NULL"),
        "outlets": one("SELECT count(DISTINCT outlet) FROM articles WHERE outlet IS NOT NULL"),
        "stances": one("SELECT count(*) FROM stances"),
    }


# ---------------------------------------------------------------- disputes

def resolve_actor(conn: sqlite3.Connection, name_or_id: str) -> Optional[str]:
    """An actor id from an id, an exact name (any case), or a part of a name (the most quoted wins)."""
    if not name_or_id:
        return None
    row = conn.execute("SELECT id FROM actors WHERE id = ?", (name_or_id,)).fetchone()
    if row:
        return row[0]
    row = conn.execute(
        "SELECT a.id FROM actors a LEFT JOIN statements s ON s.actor_id = a.id WHERE a.name = ? COLLATE NOCASE "
        "GROUP BY a.id ORDER BY count(s.id) DESC, a.id LIMIT 1", (name_or_id,)).fetchone()
    if row:
        return row[0]
    like = "%" + name_or_id.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    row = conn.execute(
        "SELECT a.id FROM actors a LEFT JOIN statements s ON s.actor_id = a.id "
        "WHERE a.name LIKE ? ESCAPE '\\' OR a.id LIKE ? ESCAPE '\\' "
        "GROUP BY a.id ORDER BY count(s.id) DESC, a.id LIMIT 1", (like, like)).fetchone()
    return row[0] if row else None


def _dispute_rows(conn: sqlite3.Connection, *, outlet=None, since=None, until=None, actor_id=None,
                  actor_given=False, min_confidence: float = MIN_CONFIDENCE) -> list[tuple]:
    # one source asserts and *another* denies (a source on both sides alone is no dispute)
    where, having, params = [f"{_CONF} >= :minc", _KNOWN_SOURCE], ["na > 0", "nd > 0", "nad > 1"], {"minc": min_confidence}
    if since:
        where.append(f"{_DATE} >= :since")
        params["since"] = since
    if until:
        where.append(f"substr({_DATE}, 1, length(:until)) <= :until")
        params["until"] = until
    if outlet:
        having.append("SUM(ar.outlet = :outlet COLLATE NOCASE) > 0")
        params["outlet"] = outlet
    if actor_given:
        having.append("SUM(s.actor_id = :actor) > 0")
        params["actor"] = actor_id
    sql = f"""
    SELECT st.proposition_id,
      COUNT(DISTINCT CASE WHEN st.stance = 'asserts' THEN {_SOURCE_KEY} END) AS na,
      COUNT(DISTINCT CASE WHEN st.stance = 'denies' THEN {_SOURCE_KEY} END) AS nd,
      COUNT(DISTINCT CASE WHEN st.stance = 'no_knowledge' THEN {_SOURCE_KEY} END) AS nk,
      COUNT(DISTINCT s.article_id), COUNT(DISTINCT ar.outlet), MAX({_DATE}),
      COUNT(DISTINCT CASE WHEN st.stance IN ('asserts', 'denies') THEN {_SOURCE_KEY} END) AS nad,
      AVG({_CONF})
    FROM stances st JOIN statements s ON s.id = st.statement_id JOIN articles ar ON ar.id = s.article_id
    {"WHERE " + " AND ".join(where) if where else ""}
    GROUP BY st.proposition_id
    HAVING {" AND ".join(having)}
    """
    return conn.execute(sql, params).fetchall()


def dispute_score(na: int, nd: int, nk: int, n_articles: int, n_outlets: int,
                  latest: Optional[str], newest: Optional[str], confidence: float = 1.0) -> float:
    """How contested and how recent: both sides' weight, breadth of coverage, halved per year of age,
    weighted by how sure its links are.

    contest = min(asserting, denying) + 0.25 x every side + 0.25 x each outlet beyond the first
              + 0.1 x each article beyond the first; recency = 0.5 ** (years between this dispute's latest
              statement and the newest date in the result set); undated disputes count as a year old;
              sureness = 0.5 + 0.5 x the mean confidence of the links counted.
    """
    contest = min(na, nd) + 0.25 * (na + nd + nk) + 0.25 * max(n_outlets - 1, 0) + 0.1 * max(n_articles - 1, 0)
    d_latest, d_newest = _as_date(latest), _as_date(newest)
    if d_latest and d_newest:
        age = max((d_newest - d_latest).days, 0) / 365.25
    else:
        age = 1.0
    return round(contest * 0.5 ** age * (0.5 + 0.5 * min(max(confidence, 0.0), 1.0)), 4)


def _refs_for(conn: sqlite3.Connection, prop_ids: list[int], since=None, until=None,
              min_confidence: float = 0.0) -> dict[int, dict[str, list]]:
    """Each proposition's statements by stance; links below ``min_confidence`` go to ``weak``
    (each with its ``stance``)."""
    out: dict[int, dict[str, list]] = {pid: {s: [] for s in (*STANCES, "weak")} for pid in prop_ids}
    if not prop_ids:
        return out
    where = [f"st.proposition_id IN ({','.join('?' * len(prop_ids))})"]
    params: list = list(prop_ids)
    if since:
        where.append(f"{_DATE} >= ?")
        params.append(since)
    if until:
        where.append(f"substr({_DATE}, 1, length(?)) <= ?")
        params += [until, until]
    sql = _REF_SELECT.replace("SELECT s.id,", f"SELECT st.proposition_id, st.stance, {_CONF}, st.basis, st.negated, s.id,", 1) + \
        " JOIN stances st ON st.statement_id = s.id WHERE " + " AND ".join(where)
    for row in conn.execute(sql, params):
        ref = _ref(row[5:])
        ref["confidence"], ref["basis"] = round(row[2], 3), row[3]
        if row[4]:
            ref["negated"] = True  # the statement words the proposition the other way ("may not have paid")
        if row[2] >= min_confidence and (ref["actor"] is not None or ref["source_text"] is not None):
            out[row[0]][row[1]].append(ref)
        else:
            ref["stance"] = row[1]
            out[row[0]]["weak"].append(ref)
    for by in out.values():
        for lst in by.values():
            lst.sort(key=_ref_sort_key)
    return out


def _props_by_id(conn: sqlite3.Connection, ids: Iterable[int]) -> dict[int, dict]:
    ids = list(ids)
    if not ids:
        return {}
    rows = conn.execute(f"SELECT {_PROP_COLS} FROM propositions p WHERE p.id IN ({','.join('?' * len(ids))})", ids)
    return {r[0]: _prop(r) for r in rows}


def disputes(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0, outlet: Optional[str] = None,
             since: Optional[str] = None, until: Optional[str] = None, actor: Optional[str] = None,
             min_confidence: float = MIN_CONFIDENCE) -> list[dict]:
    """Propositions asserted by one source and denied by another, counting only links at least
    ``min_confidence`` sure; the weaker links of each are listed apart (``weak``). A source found on
    both sides is one party contradicting itself (``self_contradicting``), never the two parties a
    dispute needs. Ranked by ``dispute_score``: sources on each side, outlets, articles, link
    confidence and recency."""
    actor_id = resolve_actor(conn, actor) if actor else None
    rows = _dispute_rows(conn, outlet=outlet, since=since, until=until, actor_id=actor_id, actor_given=bool(actor),
                         min_confidence=min_confidence)
    newest = max((r[6] for r in rows if r[6]), default=None)
    scored = sorted(((dispute_score(r[1], r[2], r[3], r[4], r[5], r[6], newest, r[8]), r) for r in rows),
                    key=lambda x: (-x[0], -(_as_date(x[1][6]) or dt.date.min).toordinal(), x[1][0]))
    page = scored[max(offset, 0): max(offset, 0) + max(limit, 0)]
    ids = [r[0] for _, r in page]
    props = _props_by_id(conn, ids)
    refs = _refs_for(conn, ids, since, until, min_confidence)
    outlets: dict[int, list[str]] = defaultdict(list)
    if ids:
        for pid, o in conn.execute(
                "SELECT DISTINCT st.proposition_id, ar.outlet FROM stances st JOIN statements s ON s.id = st.statement_id "
                f"JOIN articles ar ON ar.id = s.article_id WHERE ar.outlet IS NOT NULL AND {_CONF} >= ? AND {_KNOWN_SOURCE} "
                f"AND st.proposition_id IN ({','.join('?' * len(ids))}) ORDER BY ar.outlet", [min_confidence, *ids]):
            outlets[pid].append(o)
    out = []
    for score, r in page:
        pid = r[0]
        both = self_contradicting(refs[pid]["asserts"], refs[pid]["denies"])
        out.append({
            "proposition": props[pid], "score": score, "latest": r[6], "n_articles": r[4],
            "n_asserting": r[1], "n_denying": r[2], "n_no_knowledge": r[3],
            "outlets": outlets.get(pid, []),
            "asserted_by": refs[pid]["asserts"], "denied_by": refs[pid]["denies"],
            "no_knowledge": refs[pid]["no_knowledge"], "weak": refs[pid]["weak"],
            "self_contradicting": both,
        })
        out[-1]["counts"] = dispute_counts(out[-1])
    return out


def source_key(ref: dict) -> str:
    """Who a listed statement's source is, as sides are counted: the actor, else the source's words."""
    a = ref.get("actor")
    return a["id"] if a else "src:" + (ref.get("source_text") or "").lower()


def self_contradicting(asserting: list[dict], denying: list[dict]) -> list[dict]:
    """The sources found on both sides of one claim: each contradicts itself (one party, not two),
    with the statements on each side."""
    by_a: dict[str, list[dict]] = defaultdict(list)
    by_d: dict[str, list[dict]] = defaultdict(list)
    for r in asserting:
        by_a[source_key(r)].append(r)
    for r in denying:
        by_d[source_key(r)].append(r)
    out = []
    for k in sorted(set(by_a) & set(by_d)):
        first = by_a[k][0]
        out.append({"source": (first.get("actor") or {}).get("name") or first.get("source_text"), "key": k,
                    "asserts": [r["statement_id"] for r in by_a[k]], "denies": [r["statement_id"] for r in by_d[k]]})
    return out


# ---------------------------------------------------------------- propositions

def _stance_counts(conn: sqlite3.Connection, ids: list[int]) -> dict[int, dict]:
    if not ids:
        return {}
    out = {pid: {"asserts": 0, "denies": 0, "no_knowledge": 0, "n_statements": 0, "n_articles": 0} for pid in ids}
    for pid, stance, n in conn.execute(
            f"SELECT proposition_id, stance, count(*) FROM stances WHERE proposition_id IN ({','.join('?' * len(ids))}) "
            "GROUP BY proposition_id, stance", ids):
        out[pid][stance] = n
    for pid, ns, na in conn.execute(
            "SELECT st.proposition_id, count(DISTINCT st.statement_id), count(DISTINCT s.article_id) FROM stances st "
            f"JOIN statements s ON s.id = st.statement_id WHERE st.proposition_id IN ({','.join('?' * len(ids))}) "
            "GROUP BY st.proposition_id", ids):
        out[pid]["n_statements"], out[pid]["n_articles"] = ns, na
    return out


def proposition(conn: sqlite3.Connection, pid: int) -> Optional[dict]:
    props = _props_by_id(conn, [int(pid)])
    if not props:
        return None
    refs = _refs_for(conn, [int(pid)])[int(pid)]
    timeline = sorted(({**r, "stance": s} for s in STANCES for r in refs[s]), key=_ref_sort_key)
    matched = [{"article_id": a, "local_id": lid, "confidence": c, "method": m, "gist": g}
               for a, lid, c, m, g in conn.execute(
                   "SELECT article_id, local_id, confidence, method, gist FROM article_propositions "
                   "WHERE proposition_id = ? ORDER BY rowid", (int(pid),))]
    out = {"proposition": props[int(pid)], "asserts": refs["asserts"], "denies": refs["denies"],
           "no_knowledge": refs["no_knowledge"], "timeline": timeline, "matched": matched}
    out["counts"] = dispute_counts(out, MIN_CONFIDENCE)
    return out


def propositions(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0) -> list[dict]:
    rows = conn.execute(
        f"SELECT {_PROP_COLS}, (SELECT count(*) FROM stances st WHERE st.proposition_id = p.id) AS n "
        "FROM propositions p ORDER BY n DESC, p.id LIMIT ? OFFSET ?", (max(limit, 0), max(offset, 0))).fetchall()
    counts = _stance_counts(conn, [r[0] for r in rows])
    return [{**_prop(r), **counts[r[0]]} for r in rows]


def claims(conn: sqlite3.Connection, about: str, *, limit: int = 20) -> list[dict]:
    """Propositions whose gist, or whose statements' text, match the words of ``about``."""
    found: dict[int, tuple[int, float]] = {}
    for op in ("AND", "OR"):
        q = fts_query(about, op)
        if not q:
            return []
        for pid, rank in conn.execute(
                "SELECT rowid, rank FROM propositions_fts WHERE propositions_fts MATCH ? ORDER BY rank LIMIT ?",
                (q, limit * 2)):
            found.setdefault(pid, (0, rank))
        for pid, rank in conn.execute(
                "SELECT st.proposition_id, min(f.rank) FROM statements_fts f JOIN stances st ON st.statement_id = f.rowid "
                "WHERE statements_fts MATCH ? GROUP BY st.proposition_id ORDER BY min(f.rank) LIMIT ?", (q, limit * 2)):
            found.setdefault(pid, (1, rank))
        if found:
            break
    order = sorted(found, key=lambda pid: (found[pid], pid))[:limit]
    props = _props_by_id(conn, order)
    counts = _stance_counts(conn, order)
    words = wordings(conn, order)
    return [{**props[pid], **counts[pid], "matched": "gist" if found[pid][0] == 0 else "statements",
             "wordings": words.get(pid, [])}
            for pid in order if pid in props]


def wordings(conn: sqlite3.Connection, ids: list[int], per: int = 5) -> dict[int, list[str]]:
    """The distinct wordings the articles gave each claim (the gists matched to it), first seen first."""
    out: dict[int, list[str]] = defaultdict(list)
    if not ids:
        return out
    for pid, gist in conn.execute(
            "SELECT proposition_id, gist FROM article_propositions "
            f"WHERE proposition_id IN ({','.join('?' * len(ids))}) AND gist IS NOT NULL ORDER BY rowid", ids):
        if gist not in out[pid] and len(out[pid]) < per:
            out[pid].append(gist)
    return out


# ---------------------------------------------------------------- articles

def article(conn: sqlite3.Connection, aid: str) -> Optional[dict]:
    row = conn.execute("SELECT id, title, outlet, published, url, text, origin, language, n_tokens, ingested_at "
                       "FROM articles WHERE id = ?", (aid,)).fetchone()
    if not row:
        return None
    out = dict(zip(("id", "title", "outlet", "published", "url", "text", "origin", "language", "n_tokens",
                    "ingested_at"), row))
    stances: dict[int, list] = defaultdict(list)
    for sid, pid, gist, stance in conn.execute(
            "SELECT st.statement_id, st.proposition_id, p.gist, st.stance FROM stances st "
            "JOIN statements s ON s.id = st.statement_id JOIN propositions p ON p.id = st.proposition_id "
            "WHERE s.article_id = ? ORDER BY st.statement_id, st.proposition_id", (aid,)):
        stances[sid].append({"proposition_id": pid, "gist": gist, "stance": stance})
    sts = []
    for r in conn.execute(
            "SELECT s.id, s.local_id, s.kind, s.source_start, s.source_end, s.source_text, s.actor_id, a.name, a.type, "
            "a.country, s.cue_start, s.cue_end, s.cue_text, s.framing, s.content_spans, s.said_on, s.via, s.marks, "
            "s.source_ref, s.confidence, a.party, s.cue_lemma "
            "FROM statements s LEFT JOIN actors a ON a.id = s.actor_id WHERE s.article_id = ? ORDER BY s.content_start, s.id",
            (aid,)):
        (sid, lid, kind, ss, se, stext, actor_id, name, atype, country, cs, ce, ctext, framing, spans, said_on, via,
         marks, source_ref, conf, party, lemma) = r
        actor = {"id": actor_id, "name": name or actor_id, "type": atype, "country": country} if actor_id else None
        if actor and party:
            actor["party"] = party
        sts.append({
            "id": sid, "local_id": lid, "kind": kind,
            "source": {"start": ss, "end": se, "text": stext} if ss is not None else None,
            "actor": actor,
            "cue": {"start": cs, "end": ce, "text": ctext, "framing": framing, "lemma": lemma} if cs is not None else None,
            "content": json.loads(spans), "stances": stances.get(sid, []), "said_on": said_on, "via": via,
            "marks": json.loads(marks) if marks else [], "source_ref": source_ref, "confidence": conf,
        })
    out["statements"] = sts
    return out


def articles(conn: sqlite3.Connection, *, limit: int = 50, offset: int = 0, outlet: Optional[str] = None) -> list[dict]:
    where, params = "", []
    if outlet:
        where, params = "WHERE ar.outlet = ? COLLATE NOCASE", [outlet]
    rows = conn.execute(
        "SELECT ar.id, ar.title, ar.outlet, ar.published, ar.url, ar.origin, ar.ingested_at, "
        "(SELECT count(*) FROM statements s WHERE s.article_id = ar.id) "
        f"FROM articles ar {where} ORDER BY ar.published IS NULL, ar.published DESC, ar.rowid LIMIT ? OFFSET ?",
        params + [max(limit, 0), max(offset, 0)])
    return [dict(zip(("id", "title", "outlet", "published", "url", "origin", "ingested_at", "n_statements"), r))
            for r in rows]


# ---------------------------------------------------------------- actors

def _actor_dict(row) -> dict:
    return dict(zip(("id", "name", "type", "country", "role", "org", "party"), row))


def actor(conn: sqlite3.Connection, name_or_id: str) -> Optional[dict]:
    aid = resolve_actor(conn, name_or_id)
    if not aid:
        return None
    a = _actor_dict(conn.execute("SELECT id, name, type, country, role, org, party FROM actors WHERE id = ?",
                                 (aid,)).fetchone())
    sql = _REF_SELECT.replace("SELECT s.id,", "SELECT st.stance, st.proposition_id, p.gist, s.id,", 1) + \
        " LEFT JOIN stances st ON st.statement_id = s.id LEFT JOIN propositions p ON p.id = st.proposition_id " \
        "WHERE s.actor_id = ?"
    items, counts = [], {s: 0 for s in STANCES}
    for row in conn.execute(sql, (aid,)):
        ref = _ref(row[3:])
        ref["stance"] = row[0]
        ref["proposition"] = {"id": row[1], "gist": row[2]} if row[1] is not None else None
        if row[0] in counts:
            counts[row[0]] += 1
        items.append(ref)
    items.sort(key=_ref_sort_key)
    return {"actor": a, "statements": items, "counts": counts}


def actors(conn: sqlite3.Connection, *, limit: int = 100) -> list[dict]:
    rows = conn.execute(
        "SELECT a.id, a.name, a.type, a.country, a.role, a.org, a.party, count(DISTINCT s.id), "
        "count(DISTINCT s.article_id), "
        "count(CASE WHEN st.stance = 'asserts' THEN 1 END), count(CASE WHEN st.stance = 'denies' THEN 1 END), "
        "count(CASE WHEN st.stance = 'no_knowledge' THEN 1 END) "
        "FROM actors a JOIN statements s ON s.actor_id = a.id LEFT JOIN stances st ON st.statement_id = s.id "
        "GROUP BY a.id ORDER BY count(DISTINCT s.id) DESC, a.id LIMIT ?", (max(limit, 0),))
    return [{**_actor_dict(r[:7]), "statements": r[7], "articles": r[8], "asserts": r[9], "denies": r[10],
             "no_knowledge": r[11]} for r in rows]


# ---------------------------------------------------------------- outlets

def _framing_block() -> dict:
    return {"statements": 0, "neutral": 0, "distancing": 0, "endorsing": 0, "no_cue": 0,
            "scare_quotes": 0, "hedges": 0, "share_distancing": None}


def _finish(b: dict) -> dict:
    framed = b["neutral"] + b["distancing"] + b["endorsing"]
    b["share_distancing"] = round(b["distancing"] / framed, 4) if framed else None
    b["share_endorsing"] = round(b["endorsing"] / framed, 4) if framed else None
    return b


def outlets(conn: sqlite3.Connection) -> list[dict]:
    """Framing per outlet: the reporter's cue choice (neutral / distancing / endorsing), scare quotes and
    hedges, overall and split by the source's country (and party, where the actor has one)."""
    per: dict = {}
    for outlet, country, party, framing, n, sq, hd in conn.execute(
            "SELECT ar.outlet, a.country, a.party, s.framing, count(*), SUM(s.n_scare_quotes), SUM(s.n_hedges) "
            "FROM statements s JOIN articles ar ON ar.id = s.article_id LEFT JOIN actors a ON a.id = s.actor_id "
            "GROUP BY ar.outlet, a.country, a.party, s.framing"):
        o = per.setdefault(outlet, {"outlet": outlet, **_framing_block(), "by_source_country": {},
                                    "by_source_party": {}})
        blocks = [o, o["by_source_country"].setdefault(country or "unknown", _framing_block())]
        if party:
            blocks.append(o["by_source_party"].setdefault(party, _framing_block()))
        for b in blocks:
            b["statements"] += n
            b[framing if framing in ("neutral", "distancing", "endorsing") else "no_cue"] += n
            b["scare_quotes"] += sq or 0
            b["hedges"] += hd or 0
    arts = dict(conn.execute("SELECT outlet, count(*) FROM articles GROUP BY outlet").fetchall())
    out = []
    for o in per.values():
        _finish(o)
        for b in o["by_source_country"].values():
            _finish(b)
        for b in o["by_source_party"].values():
            _finish(b)
        o["articles"] = arts.get(o["outlet"], 0)
        out.append(o)
    out.sort(key=lambda o: (-o["statements"], o["outlet"] or ""))
    return out


# ---------------------------------------------------------------- search

def search(conn: sqlite3.Connection, q: str, *, limit: int = 50) -> list[dict]:
    """Full-text search over statements (content, source and cue); any user string is safe."""
    fq = fts_query(q)
    if not fq:
        return []
    sql = _REF_SELECT.replace("SELECT s.id,", "SELECT f.rank, s.id,", 1).replace(
        "FROM statements s", "FROM statements_fts f JOIN statements s ON s.id = f.rowid", 1) + \
        " WHERE statements_fts MATCH ? ORDER BY f.rank, s.id LIMIT ?"
    out = []
    for row in conn.execute(sql, (fq, max(limit, 0))):
        r = _ref(row[1:])
        r["rank"] = round(row[0], 4)
        out.append(r)
    return out
