"""schema.org ClaimReview drafts, one per disputed proposition, for fact-checkers to complete.

A proposition is disputed when some actor asserts it and another denies it (the ledger's
``disputes`` view). Each draft carries ``claimReviewed`` (the proposition's gist), ``itemReviewed``
as a ``Claim`` whose ``author`` is the asserting actors, whose ``datePublished`` is the earliest
assertion, and whose ``appearance`` lists the articles that report the claim (``NewsArticle`` with
url, headline, publisher and date; ``firstAppearance`` the earliest); ``datePublished`` (the date of the
draft) and a ``description`` naming who asserts and who denies it.

A claim with a verdict in the ledger (``counterclaim review``, ``ledger/reviews.py``) gets its
current verdict as ``reviewRating``: a schema.org ``Rating`` with ``ratingValue`` on a scale from
``worstRating`` 1 (false) to ``bestRating`` 4 (true) and the verdict's name as ``alternateName``;
the reviewer as ``author``, the note as ``reviewBody`` and the review's date as ``datePublished``.
Without one, ``reviewRating``, ``author`` and ``url`` are left ``null`` for the fact-checker: null
values vanish in JSON-LD, so a draft never claims a verdict it does not have.

Every draft is checked by JSON-LD expansion with pyld, offline (export/jsonld.py), before it is written.
"""
from __future__ import annotations

import datetime as dt
import json
import sqlite3
from collections import defaultdict
from pathlib import Path
from typing import Optional, Union

from ..errors import CounterclaimError
from ..ledger import reviews
from ..ledger.tables import connection_of, table
from ._files import atomic_path
from .jsonld import claimreview_problems

ACTOR_TYPES = {
    "person": "Person",
    "state": "GovernmentOrganization",
    "government": "GovernmentOrganization",
    "media": "NewsMediaOrganization",
    "organization": "Organization",
    "igo": "Organization",
    "armed_group": "Organization",
    "party": "Organization",
}


class InvalidDraft(CounterclaimError, ValueError):
    pass


def _author(row: dict, actors: dict) -> Optional[dict]:
    """A schema.org Person/Organization for a statement's speaker; a bare named node when unresolved."""
    aid = row.get("actor_id")
    if aid:
        a = actors.get(aid, {})
        node = {"name": row.get("actor_name") or a.get("name") or aid, "identifier": aid}
        typ = ACTOR_TYPES.get(row.get("actor_type") or a.get("type") or "")
        if typ:
            node = {"@type": typ, **node}
        if typ == "Person":
            if a.get("role"):
                node["jobTitle"] = a["role"]
            if a.get("org"):
                node["affiliation"] = {"@type": "Organization", "name": a["org"]}
        country = row.get("actor_country") or a.get("country")
        if country and typ == "Person":
            node["nationality"] = {"@type": "Country", "identifier": country}
        return node
    if row.get("source_text"):
        return {"name": " ".join(row["source_text"].split())}
    return None


def _appearance(art: dict) -> dict:
    node: dict = {"@type": "NewsArticle"}
    if art.get("url"):
        node["url"] = art["url"]
    if art.get("title"):
        node["headline"] = art["title"]
    if art.get("published"):
        node["datePublished"] = art["published"]
    if art.get("outlet"):
        node["publisher"] = {"@type": "NewsMediaOrganization", "name": art["outlet"]}
    node["identifier"] = art["id"]
    return node


def _names(nodes: list[dict]) -> str:
    return "; ".join(n["name"] for n in nodes) or "unnamed sources"


def verdicts(source, ids: list[int]) -> dict[int, dict]:
    """The current verdict of each of these propositions ({} on a ledger without reviews)."""
    conn, owned = connection_of(source)
    try:
        return reviews.current(conn, ids)
    except sqlite3.OperationalError:  # a ledger from before verdicts, opened read-only
        return {}
    finally:
        if owned:
            conn.close()


def rating(review: dict) -> dict:
    """A verdict as a schema.org Rating (1 = false .. 4 = true)."""
    return {"@type": "Rating", "ratingValue": reviews.RATING_VALUE[review["verdict"]],
            "bestRating": reviews.BEST_RATING, "worstRating": reviews.WORST_RATING,
            "alternateName": review["label"]}


def drafts(conn, *, date_published: Optional[str] = None, **filters) -> list[dict]:
    """The ClaimReview drafts (JSON-LD dicts with their own @context) for the disputed propositions
    the filters select, most contested first."""
    filters = {**filters, "disputed_only": True}
    date_published = date_published or dt.date.today().isoformat()
    props = table(conn, "propositions", **filters).rows
    if not props:
        return []
    actors = {a["id"]: a for a in table(conn, "actors", **filters).iter_rows()}
    arts = {a["id"]: a for a in table(conn, "articles", **filters).iter_rows()}
    by_prop: dict[int, dict[str, list[dict]]] = defaultdict(lambda: defaultdict(list))
    for s in table(conn, "statements", **filters).iter_rows():
        for st in s.get("stances") or []:
            by_prop[st["proposition_id"]][st["stance"]].append(s)

    current = verdicts(conn, [p["id"] for p in props])
    out = []
    for p in sorted(props, key=lambda p: (-(min(p["n_asserts"] or 0, p["n_denies"] or 0)),
                                          -(p["n_statements"] or 0), p["id"])):
        stances = by_prop.get(p["id"], {})
        asserting, denying = stances.get("asserts", []), stances.get("denies", [])

        def people(rows):
            seen, nodes = set(), []
            for r in rows:
                node = _author(r, actors)
                if node is None:
                    continue
                key = node.get("identifier") or node["name"].lower()
                if key not in seen:
                    seen.add(key)
                    nodes.append(node)
            return nodes

        authors, deniers = people(asserting), people(denying)
        claim_dates = sorted(d for d in ((r.get("said_on") or r.get("published")) for r in asserting) if d)
        art_ids = sorted({r["article_id"] for rows in stances.values() for r in rows},
                         key=lambda i: (arts.get(i, {}).get("published") or "9999", i))
        apps = [_appearance(arts[i]) for i in art_ids if i in arts]
        claim: dict = {"@type": "Claim", "author": authors or [{"name": "unnamed sources"}], "appearance": apps}
        if claim_dates:
            claim["datePublished"] = claim_dates[0]
        if apps:
            claim["firstAppearance"] = apps[0]
        parts = [f"Draft from the Counterclaim ledger (proposition {p['id']})."]
        parts.append(f"Asserted by {_names(authors)} ({len(asserting)} statement(s)); "
                     f"denied by {_names(deniers)} ({len(denying)} statement(s)); "
                     f"reported in {len(apps)} article(s).")
        if p.get("when"):
            parts.append(f"The claim concerns {p['when']}.")
        out.append({
            "@context": "https://schema.org",
            "@type": "ClaimReview",
            "identifier": f"counterclaim:proposition:{p['id']}",
            "claimReviewed": p["gist"],
            "itemReviewed": claim,
            "datePublished": date_published,
            "description": " ".join(parts),
            "creativeWorkStatus": "Draft",
            "reviewRating": None,
            "author": None,
            "url": None,
        })
        v = current.get(p["id"])
        if v:
            out[-1].update({"reviewRating": rating(v), "creativeWorkStatus": "Reviewed",
                            "datePublished": v["at"][:10]})
            if v.get("reviewer"):
                out[-1]["author"] = {"@type": "Person", "name": v["reviewer"]}
            if v.get("note"):
                out[-1]["reviewBody"] = v["note"]
    return out


def write(conn, out: Union[str, Path], *, date_published: Optional[str] = None, validate: bool = True,
          **filters) -> dict:
    """Write ``out/claimreview-<id>.jsonld`` per disputed proposition and ``out/claimreviews.jsonld``
    (all drafts in one ``@graph``). Raises InvalidDraft, writing nothing, if a draft fails the check."""
    out = Path(out)
    docs = drafts(conn, date_published=date_published, **filters)
    graph = {"@context": "https://schema.org", "@graph": [{k: v for k, v in d.items() if k != "@context"} for d in docs]}
    if validate and docs:  # one expansion of the whole graph: half the cost of one per draft
        problems = claimreview_problems(graph)
        if problems:
            raise InvalidDraft("; ".join(problems[:20]))
    out.mkdir(parents=True, exist_ok=True)
    files = []
    for d in docs:
        pid = d["identifier"].rsplit(":", 1)[-1]
        path = out / f"claimreview-{pid}.jsonld"
        with atomic_path(path) as tmp:
            tmp.write_text(json.dumps(d, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
        files.append(str(path))
    path = out / "claimreviews.jsonld"
    with atomic_path(path) as tmp:
        tmp.write_text(json.dumps(graph, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return {"claimreviews": {"path": str(path), "rows": len(docs), "files": len(files)}}
