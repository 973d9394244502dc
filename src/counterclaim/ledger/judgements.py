"""Measuring disputes against human judgements (``eval/disputes/*.json``): link and dispute precision.

A judgement file (format ``counterclaim-dispute-judgements/1``) holds

* ``claims``: label -> what the claim is, in the judge's words ("Donald Trump paid no federal income
  taxes for years");
* ``links``: one per (statement, stance) a ledger put in a dispute, the statement named by its article
  id and content offsets (``start``, ``end``) so that the judgement outlives any ledger file, with
  ``about``: the labels of the claims on which that statement really takes that stance (empty when it
  takes it on none: the link was wrong), plus the text and source the judge read;
* ``disputes``: the judge's verdict on each dispute seen (``claim``, ``gist`` as shown, ``real``), for
  the record.

Scoring a ledger: each dispute (as ``queries.disputes`` lists it, with the same confidence threshold)
is about the claim label most of its links are judged to be about. A link is **right** when the
judge says its statement takes its stance on that claim. A dispute is **real** when a right asserting
link and a right denying link come from different sources. Links never judged are counted apart
(``unjudged``) and can be written out as a template (``todo``) for the judge to fill in; precision is
over judged links and over disputes whose verdict the judged links settle.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from . import queries
from ..errors import CounterclaimError

FORMAT = "counterclaim-dispute-judgements/1"
SIDES = (("asserted_by", "asserts"), ("denied_by", "denies"), ("no_knowledge", "no_knowledge"))


class JudgementError(CounterclaimError, ValueError):
    pass


def link_key(article_id: str, start: int, end: int, stance: str) -> tuple:
    return (article_id, int(start), int(end), stance)


def read_format_file(path: Path, fmt: str, error: type[Exception], what: str) -> dict:
    """The JSON object in ``path``, whose ``format`` must be ``fmt``; ``error`` with one line otherwise."""
    try:
        d = json.loads(Path(path).read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise error(f"no {what} file at {path}") from None
    except json.JSONDecodeError as e:
        raise error(f"{path} is not JSON: {e}") from None
    if not isinstance(d, dict) or d.get("format") != fmt:
        raise error(f"{path}: not a {fmt} file")
    return d


@dataclass
class Judgements:
    claims: dict[str, str] = field(default_factory=dict)
    links: dict[tuple, dict] = field(default_factory=dict)
    disputes: list[dict] = field(default_factory=list)

    @classmethod
    def load(cls, path: Path) -> "Judgements":
        d = read_format_file(path, FORMAT, JudgementError, "judgement")
        j = cls(claims=dict(d.get("claims") or {}), disputes=list(d.get("disputes") or []))
        for i, x in enumerate(d.get("links") or []):
            try:
                k = link_key(x["article_id"], x["start"], x["end"], x["stance"])
            except (KeyError, TypeError, ValueError):
                raise JudgementError(f"{path}: link {i} lacks article_id/start/end/stance") from None
            about = x.get("about")
            if not isinstance(about, list):
                raise JudgementError(f"{path}: link {i} has no 'about' list (use [] for a wrong link)")
            unknown = [a for a in about if a not in j.claims]
            if unknown:
                raise JudgementError(f"{path}: link {i} is about unknown claim(s) {unknown}")
            j.links[k] = x
        return j


def _offsets(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple]:
    out = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for row in conn.execute(
                f"SELECT id, article_id, content_start, content_end FROM statements WHERE id IN ({','.join('?' * len(chunk))})",
                chunk):
            out[row[0]] = row[1:]
    return out


def _source_key(ref: dict) -> str:
    a = ref.get("actor")
    return a["id"] if a else "src:" + (ref.get("source_text") or f"stmt:{ref['statement_id']}").lower()


def evaluate(conn: sqlite3.Connection, judged: Judgements, *, min_confidence: float = queries.MIN_CONFIDENCE,
             limit: int = 10_000) -> dict:
    """Link and dispute precision of a ledger's disputes against the judgements."""
    ds = queries.disputes(conn, limit=limit, min_confidence=min_confidence)
    ids = [r["statement_id"] for d in ds for key, _ in SIDES for r in d[key]]
    where = _offsets(conn, ids)
    n_links = n_right = n_judged = 0
    n_real = n_not = n_open = 0
    per = []
    todo = []
    for d in ds:
        links = []
        for key, stance in SIDES:
            for r in d[key]:
                art, s, e = where[r["statement_id"]]
                j = judged.links.get(link_key(art, s, e, stance))
                links.append((stance, r, art, s, e, j))
        votes = Counter(a for *_, j in links if j for a in j["about"])
        claim = min(votes, key=lambda a: (-votes[a], a)) if votes else None
        right_sources: dict[str, set] = {"asserts": set(), "denies": set()}
        unjudged = []
        judged_here = right_here = 0
        for stance, r, art, s, e, j in links:
            n_links += 1
            if j is None:
                unjudged.append((stance, r, art, s, e))
                continue
            judged_here += 1
            ok = claim is not None and claim in j["about"]
            right_here += ok
            if ok and stance in right_sources:
                right_sources[stance].add(_source_key(r))
        n_judged += judged_here
        n_right += right_here
        a_src, d_src = right_sources["asserts"], right_sources["denies"]
        real = bool(a_src and d_src and (len(a_src | d_src) > 1))
        if real:
            verdict = "real"
            n_real += 1
        elif not unjudged:
            verdict = "not"
            n_not += 1
        else:
            verdict = "open"
            n_open += 1
        p = d["proposition"]
        per.append({"id": p["id"], "gist": p["gist"], "claim": claim, "verdict": verdict,
                    "links": len(links), "judged": judged_here, "right": right_here})
        for stance, r, art, s, e in unjudged:
            todo.append({"article_id": art, "start": s, "end": e, "stance": stance, "about": None,
                         "dispute_gist": p["gist"],
                         "source": (r.get("actor") or {}).get("name") or r.get("source_text"), "cue": r.get("cue"), "text": r.get("text"),
                         "confidence": r.get("confidence"), "basis": r.get("basis")})
    settled = n_real + n_not
    return {
        "min_confidence": min_confidence,
        "disputes": len(ds), "real": n_real, "not_real": n_not, "open": n_open,
        "dispute_precision": round(n_real / settled, 4) if settled else None,
        "links": n_links, "judged_links": n_judged, "right_links": n_right, "unjudged_links": n_links - n_judged,
        "link_precision": round(n_right / n_judged, 4) if n_judged else None,
        "per_dispute": per, "todo": todo,
    }
