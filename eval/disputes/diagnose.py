"""Where the gold disputes of a split are lost: no statement, stance, contrary wording, or matching.

    PYTHONPATH=src python eval/disputes/diagnose.py eval/disputes/polnear-dev-disputes.json --db LEDGER [--show]

For each gold dispute (``counterclaim-dispute-gold/1``) and each of its asserting and denying
statements: the analysed statements overlapping it (same article file, overlapping content), the
source the ledger gives them, and their surest link (the analyzer's stance, its confidence and the
local claim it is about). Then an ORACLE matcher that groups the gold statements as the gold does
(every analysed statement of a gold claim on one claim) and keeps the analyzer's stances: it finds
the dispute when one known source asserts and another denies among the links that count (at least
``queries.MIN_CONFIDENCE`` sure). Each dispute the ledger does not find is put in the first bucket
that explains it:

* ``no statement``: one gold side has no analysed statement that counts (none overlaps; or its link is
  weak, or its source unknown);
* ``contrary wording``: the oracle fails and a gold denial is read by the analyzer as the assertion of a
  positive claim of its own (no negation in it): the two sides assert claims that cannot both be true
  ("she was awake all night" against "she was asleep");
* ``stance``: the oracle fails otherwise (a stance label that disagrees with the gold one on the same
  claim, a no_knowledge, a negated claim left asserted, one source on both sides);
* ``matching``: the oracle finds it and the ledger does not (the claims were not matched into one).
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from collections import Counter, defaultdict
from pathlib import Path

from counterclaim.ledger import gold_disputes, matching, queries
from counterclaim.ledger.claims import features
from counterclaim.ledger.contrary import FRAGMENT_LINK
from counterclaim.model import Analysis

BUCKETS = ("found", "no statement", "contrary wording", "stance", "matching")


def analysed(conn: sqlite3.Connection) -> dict[str, list[dict]]:
    """article file stem -> its analysed statements: ranges, source key, surest link and all links."""
    src = {}
    for aid, lid, actor, text in conn.execute("SELECT article_id, local_id, actor_id, source_text FROM statements"):
        src[(aid, lid)] = actor or (("src:" + text.lower()) if text is not None else None)
    out: dict[str, list[dict]] = defaultdict(list)
    for aid, origin, js in conn.execute("SELECT id, origin, analysis FROM articles"):
        a = Analysis.from_dict(json.loads(js), text="")
        props = {p.id: p for p in a.propositions}
        for st in a.statements:
            links = [(s.confidence, s.stance, props[s.proposition]) for s in st.stances if s.proposition in props]
            links.sort(key=lambda x: -x[0])
            out[gold_disputes.article_stem(origin, aid)].append({
                "article": aid, "id": st.id, "ranges": [(c.start, c.end) for c in st.content],
                "content": " … ".join(c.text for c in st.content), "source": src.get((aid, st.id)),
                "links": links})
    return out


def overlapping(index: dict, g) -> list[dict]:
    return [s for s in index.get(g.article, ()) if any(a < g.end and g.start < b for a, b in s["ranges"])]


def counting_link(s: dict, minc: float):
    """The statement's surest link when it counts in a dispute (sure enough, known source), else None.
    A link to a clause fragment counts at most ``contrary.FRAGMENT_LINK``, as in the ledger."""
    if not s["links"] or s["source"] is None:
        return None
    conf, stance, prop = s["links"][0]
    if matching.proposition_fragment(prop):
        conf = min(conf, FRAGMENT_LINK)
    return s["links"][0] if conf >= minc else None


def diagnose(conn: sqlite3.Connection, gold_path: Path, minc: float = queries.MIN_CONFIDENCE) -> list[dict]:
    gold = gold_disputes.load_gold(gold_path)
    found = {g["id"] for g in gold_disputes.evaluate_gold(conn, gold, min_confidence=minc)["per_gold"]
             if g["found_by"]}
    index = analysed(conn)
    rows = []
    for g in gold:
        stmts = []
        sides: dict[str, set] = defaultdict(set)     # analyzer stance -> sources (oracle grouping)
        has_side = {"asserts": False, "denies": False}
        contrary = False
        for gs in g.statements:
            if gs.stance not in ("asserts", "denies"):
                continue
            hits = overlapping(index, gs)
            info = {"gold": gs.stance, "source": gs.source, "article": gs.article, "start": gs.start,
                    "analysed": []}
            for s in hits:
                link = counting_link(s, minc)
                best = s["links"][0] if s["links"] else None
                info["analysed"].append({
                    "source": s["source"], "content": s["content"][:160],
                    "stance": best[1] if best else None, "confidence": round(best[0], 2) if best else None,
                    "claim": best[2].claim if best else None, "counts": link is not None})
                if link is None:
                    continue
                has_side[gs.stance] = True
                sides[link[1]].add(s["source"])
                if gs.stance == "denies" and link[1] == "asserts" and not features(link[2].claim).negated:
                    contrary = True
            stmts.append(info)
        oracle = any(a != d for a in sides.get("asserts", ()) for d in sides.get("denies", ()))
        if g.id in found:
            bucket = "found"
        elif not (has_side["asserts"] and has_side["denies"]):
            bucket = "no statement"
        elif oracle:
            bucket = "matching"
        elif contrary:
            bucket = "contrary wording"
        else:
            bucket = "stance"
        rows.append({"id": g.id, "claim": g.claim, "cross_article": g.cross_article, "bucket": bucket,
                     "oracle": oracle, "statements": stmts})
    return rows


def main(argv=None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("gold", type=Path)
    ap.add_argument("--db", type=Path, required=True)
    ap.add_argument("--min-confidence", type=float, default=queries.MIN_CONFIDENCE)
    ap.add_argument("--show", action="store_true", help="Print every dispute's statements and links.")
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args(argv)
    conn = sqlite3.connect(f"file:{args.db}?mode=ro", uri=True)
    rows = diagnose(conn, args.gold, args.min_confidence)
    if args.json:
        json.dump(rows, sys.stdout, indent=1, ensure_ascii=False)
        print()
        return
    if args.show:
        for r in rows:
            print(f"\n[{r['bucket']}] {r['id']}: {r['claim']}" + ("  (cross-article)" if r["cross_article"] else ""))
            for s in r["statements"]:
                print(f"  gold {s['gold']:8} {s['source'][:30]:30} {s['article'][:30]}:{s['start']}")
                if not s["analysed"]:
                    print("      (no analysed statement)")
                for x in s["analysed"]:
                    print(f"      {'*' if x['counts'] else ' '} {x['stance']} {x['confidence']} src={x['source']} "
                          f"claim={x['claim']!r}")
    c = Counter(r["bucket"] for r in rows)
    n = len(rows)
    print(f"gold disputes: {n}; oracle matcher with the analyzer's stances finds {sum(r['oracle'] for r in rows)}")
    for b in BUCKETS:
        print(f"  {b:17} {c[b]}")
    nst = sum(len(r["statements"]) for r in rows)
    nan = sum(bool(s["analysed"]) for r in rows for s in r["statements"])
    ncount = sum(any(x["counts"] for x in s["analysed"]) for r in rows for s in r["statements"])
    agree = sum(any(x["counts"] and x["stance"] == s["gold"] for x in s["analysed"]) for r in rows for s in r["statements"])
    print(f"asserting/denying gold statements: {nst}; with an analysed statement {nan}; with a link that counts "
          f"{ncount}; whose link's stance is the gold one {agree}")


if __name__ == "__main__":
    main()
