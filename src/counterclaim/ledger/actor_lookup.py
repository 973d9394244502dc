"""Finding an actor by what a person types: an id, a name, an alias from the gazetteer ("DPRK",
"Pyongyang") or a part of a name, ranked, so that a page can show the one actor meant or ask
which one; never a silent pick among several."""
from __future__ import annotations

import sqlite3
from functools import lru_cache
from typing import Optional

from ..lexicons import tsv_rows

# how a candidate matched, best first
MATCH_RANK = {"id": 0, "name": 1, "alias": 2, "quoted as": 3, "part": 4}


@lru_cache(maxsize=1)
def gazetteer_aliases() -> dict[str, set[str]]:
    """Every name and alias of the gazetteer (case-folded) -> the actor ids it names."""
    out: dict[str, set[str]] = {}
    for r in tsv_rows("actors.tsv"):
        aid = r.get("id")
        if not aid:
            continue
        for name in [r.get("name") or ""] + (r.get("aliases") or "").split("|"):
            name = " ".join(name.split()).casefold()
            if name:
                out.setdefault(name, set()).add(aid)
    return out


def aliases_of(actor_id: str) -> list[str]:
    """The gazetteer's other names for an actor."""
    for r in tsv_rows("actors.tsv"):
        if r.get("id") == actor_id:
            return [a for a in (r.get("aliases") or "").split("|") if a.strip()]
    return []


def _like(text: str) -> str:
    return "%" + text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


_ACTOR_ROW = ("SELECT a.id, a.name, a.type, a.country, a.role, count(s.id) FROM actors a "
              "JOIN statements s ON s.actor_id = a.id ")


def candidates(conn: sqlite3.Connection, text: str, *, limit: int = 30) -> list[dict]:
    """The actors ``text`` may mean, best first: by how they match (MATCH_RANK), then by how often
    they are quoted. Only actors with statements in the ledger are listed."""
    text = " ".join((text or "").split())
    if not text:
        return []
    found: dict[str, dict] = {}

    def add(rows, how: str) -> None:
        for aid, name, typ, country, role, n in rows:
            if aid and aid not in found:
                found[aid] = {"id": aid, "name": name or aid, "type": typ, "country": country, "role": role,
                              "statements": n, "match": how}

    add(conn.execute(_ACTOR_ROW + "WHERE a.id = ? GROUP BY a.id", (text,)), "id")
    add(conn.execute(_ACTOR_ROW + "WHERE a.name = ? COLLATE NOCASE GROUP BY a.id", (text,)), "name")
    ids = sorted(gazetteer_aliases().get(text.casefold(), ()))
    if ids:
        add(conn.execute(_ACTOR_ROW + f"WHERE a.id IN ({','.join('?' * len(ids))}) GROUP BY a.id", ids), "alias")
    add(conn.execute(_ACTOR_ROW + "WHERE s.source_text = ? COLLATE NOCASE GROUP BY a.id", (text,)), "quoted as")
    like = _like(text)
    add(conn.execute(_ACTOR_ROW + "WHERE a.name LIKE ? ESCAPE '\\' OR a.id LIKE ? ESCAPE '\\' GROUP BY a.id "
                     "ORDER BY count(s.id) DESC, a.id LIMIT ?", (like, like, limit)), "part")
    out = sorted(found.values(), key=lambda c: (MATCH_RANK[c["match"]], -c["statements"], c["id"]))
    return out[:limit]


def the_one(cands: list[dict]) -> Optional[dict]:
    """The actor meant when there is no doubt: an id, or the only match of the best kind found
    (a name, an alias or a "quoted as" that names one actor); None when a person must choose."""
    if not cands:
        return None
    best = cands[0]
    if best["match"] == "id":
        return best
    same = [c for c in cands if c["match"] == best["match"]]
    return best if best["match"] != "part" and len(same) == 1 else None


def quoted_as(conn: sqlite3.Connection, actor_id: str, limit: int = 20) -> list[tuple[str, int]]:
    """The words articles used for an actor's statements ("Pyongyang", "the foreign ministry"), most used first."""
    return [(t, n) for t, n in conn.execute(
        "SELECT source_text, count(*) FROM statements WHERE actor_id = ? AND source_text IS NOT NULL "
        "GROUP BY lower(source_text) ORDER BY count(*) DESC, source_text LIMIT ?", (actor_id, limit))]


def _person_names(conn: sqlite3.Connection) -> list[tuple[str, str]]:
    return [(aid, name) for aid, name in conn.execute(
        "SELECT DISTINCT a.id, a.name FROM actors a JOIN statements s ON s.actor_id = a.id "
        "WHERE a.type = 'person' AND a.id LIKE 'person:%'")]


def same_person(conn: sqlite3.Connection, actor_id: str) -> tuple[str, list[str]]:
    """(the actor's full-name id, every id quoted for the same person): a person quoted by surname
    alone ("Obama", person:obama) is the one person in the ledger with that surname and a full name
    (person:barack-obama); with no such person, or several, the id stands alone."""
    if not actor_id.startswith("person:"):
        return actor_id, [actor_id]
    people = _person_names(conn)
    slug = actor_id.split(":", 1)[1]
    if "-" not in slug:  # a surname alone: its full-name person, when there is exactly one
        full = [aid for aid, _ in people if aid != actor_id and aid.endswith("-" + slug)]
        if len(full) != 1:
            return actor_id, [actor_id]
        actor_id = full[0]
        slug = actor_id.split(":", 1)[1]
    last = slug.rsplit("-", 1)[-1]
    shared = [aid for aid, _ in people if aid.endswith("-" + last)]
    short = "person:" + last
    if len(shared) == 1 and any(aid == short for aid, _ in people):
        return actor_id, [actor_id, short]
    return actor_id, [actor_id]
