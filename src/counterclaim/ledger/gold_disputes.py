"""Measuring a ledger's disputes against a list of every dispute a reader found (gold).

A gold file (format ``counterclaim-dispute-gold/1``, eval/disputes/GUIDE.md) lists claims, each with
every statement that takes a stance on it: the article's file stem, the content offsets, the source
as named and the stance (asserts / denies / no_knowledge).

A listed dispute (``queries.disputes``, the same function and threshold as `counterclaim disputes`)
**confirms** a gold dispute when it holds a statement overlapping a gold asserting statement of that
claim and a statement overlapping a gold denying statement of it, the two on opposite sides of the
listed dispute (either way round: the ledger's proposition may read as the gold claim's negation).
Statements are the same when they come from the same article file and their content ranges overlap.

* recall: gold disputes confirmed by some listed dispute;
* precision: listed disputes that confirm some gold dispute;
* cross-article: gold disputes spanning articles that some listed dispute confirms with statements
  from two articles or more.

A gold file may name every article its reader read (``articles``: file stems). A listed dispute none
of whose statements comes from one of them (another corpus in the same ledger, such as the seed
article beside PolNeAR dev) is outside what the gold can judge: it is counted as ``outside``, not in
precision.
"""
from __future__ import annotations

import json
import sqlite3
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path, PurePath
from typing import Collection, Optional

from . import queries
from .judgements import read_format_file
from ..errors import CounterclaimError

FORMAT = "counterclaim-dispute-gold/1"
SIDES = (("asserted_by", "asserts"), ("denied_by", "denies"))


class GoldError(CounterclaimError, ValueError):
    pass


@dataclass
class GoldStatement:
    article: str          # the article file's stem
    start: int
    end: int
    stance: str
    source: str = ""


@dataclass
class GoldClaim:
    id: str
    claim: str
    statements: list[GoldStatement] = field(default_factory=list)
    cross_article: bool = False
    self_contradiction: bool = False


def is_gold(path: Path) -> bool:
    """Is this file a dispute gold file (rather than judgements)?"""
    try:
        return json.loads(Path(path).read_text(encoding="utf-8")).get("format") == FORMAT
    except (OSError, ValueError, AttributeError):
        return False


def load_gold(path: Path) -> list[GoldClaim]:
    d = read_format_file(path, FORMAT, GoldError, "gold")
    out = []
    for i, c in enumerate(d.get("claims") or []):
        try:
            sts = [GoldStatement(s["article"], int(s["start"]), int(s["end"]), s["stance"], s.get("source") or "")
                   for s in c["statements"]]
            out.append(GoldClaim(c["id"], c.get("claim", ""), sts, bool(c.get("cross_article")),
                                 bool(c.get("self"))))
        except (KeyError, TypeError, ValueError):
            raise GoldError(f"{path}: claim {i} lacks id/statements (article/start/end/stance)") from None
    return out


def load_gold_articles(path: Path) -> Optional[frozenset[str]]:
    """The file stems of every article the gold's reader read (None: the file does not say)."""
    arts = read_format_file(path, FORMAT, GoldError, "gold").get("articles")
    return frozenset(arts) if arts else None


def article_stem(origin: str | None, article_id: str) -> str:
    """The file stem an article was read from (its id when it has no file)."""
    if origin:
        return PurePath(origin.split("#", 1)[0]).stem
    return article_id


def _ranges(conn: sqlite3.Connection, ids: list[int]) -> dict[int, tuple[str, list[tuple[int, int]]]]:
    """statement id -> (article file stem, its content ranges)."""
    out = {}
    for i in range(0, len(ids), 500):
        chunk = ids[i:i + 500]
        for sid, aid, origin, s, e, spans in conn.execute(
                "SELECT s.id, s.article_id, ar.origin, s.content_start, s.content_end, s.content_spans "
                "FROM statements s JOIN articles ar ON ar.id = s.article_id "
                f"WHERE s.id IN ({','.join('?' * len(chunk))})", chunk):
            try:
                rs = [(int(x["start"]), int(x["end"])) for x in json.loads(spans or "[]")]
            except (ValueError, KeyError, TypeError):
                rs = []
            out[sid] = (article_stem(origin, aid), rs or [(s, e)])
    return out


def _overlaps(ranges: list[tuple[int, int]], g: GoldStatement) -> bool:
    return any(s < g.end and g.start < e for s, e in ranges)


def evaluate_gold(conn: sqlite3.Connection, gold: list[GoldClaim], *,
                  min_confidence: float = queries.MIN_CONFIDENCE, limit: int = 1000,
                  articles: Optional[Collection[str]] = None) -> dict:
    """Recall, precision and cross-article disputes found, as the module docstring defines them.
    ``articles``: the file stems the gold covers (``load_gold_articles``; None: every article)."""
    ds = queries.disputes(conn, limit=limit, min_confidence=min_confidence)
    ids = [r["statement_id"] for d in ds for key, _ in SIDES for r in d[key]]
    where = _ranges(conn, ids)
    by_article: dict[str, list[tuple[GoldClaim, GoldStatement]]] = defaultdict(list)
    for g in gold:
        for s in g.statements:
            if s.stance in ("asserts", "denies"):
                by_article[s.article].append((g, s))
    found: dict[str, list[int]] = defaultdict(list)
    cross_found: set[str] = set()
    per = []
    for d in ds:
        # gold claim id -> {(listed side, gold stance): articles of the statements}
        hits: dict[str, dict[tuple[str, str], set]] = defaultdict(lambda: defaultdict(set))
        inside = articles is None
        for key, side in SIDES:
            for r in d[key]:
                art, ranges = where[r["statement_id"]]
                inside = inside or art in articles
                for g, s in by_article.get(art, ()):
                    if _overlaps(ranges, s):
                        hits[g.id][(side, s.stance)].add(art)
        confirms = []
        for gid, h in hits.items():
            for a, b in ((("asserts", "asserts"), ("denies", "denies")), (("asserts", "denies"), ("denies", "asserts"))):
                if h.get(a) and h.get(b):
                    confirms.append(gid)
                    found[gid].append(d["proposition"]["id"])
                    if len(h[a] | h[b]) > 1:
                        cross_found.add(gid)
                    break
        per.append({"id": d["proposition"]["id"], "gist": d["proposition"]["gist"], "confirms": sorted(set(confirms)),
                    "n_statements": sum(len(d[k]) for k, _ in SIDES), "outside": not inside})
    n_gold = len(gold)
    n_cross = sum(g.cross_article for g in gold)
    recall = len(found) / n_gold if n_gold else None
    confirming = sum(bool(p["confirms"]) for p in per)
    judged = sum(not p["outside"] for p in per)
    precision = confirming / judged if judged else None
    return {
        "min_confidence": min_confidence, "gold_disputes": n_gold, "listed": len(ds), "outside": len(ds) - judged,
        "found": len(found), "recall": round(recall, 4) if recall is not None else None,
        "confirming": confirming, "precision": round(precision, 4) if precision is not None else None,
        "gold_cross_article": n_cross,
        "cross_article_found": sum(1 for g in gold if g.cross_article and g.id in cross_found),
        "per_gold": [{"id": g.id, "claim": g.claim, "cross_article": g.cross_article,
                      "found_by": found.get(g.id, [])} for g in gold],
        "per_dispute": per,
    }
