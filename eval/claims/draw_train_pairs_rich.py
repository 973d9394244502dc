#!/usr/bin/env python3
"""Draw 'rich' candidate pairs of attributed statements (likely to share a
claim) from the PolNeAR train split.

Reads (and nothing else):
  <root>/attributions/*.ann   brat standoff files named <article>_<annotator>.ann
  <root>/text/<article>.txt   the article text (used to read cue/content text)
  <exclude>                   JSONL of pairs already drawn, default
                              eval/claims/pairs-train-labelled.jsonl (the pairs
                              of draw_train_pairs.py);
                              only its "a"/"b" (article, start, end) are used.
with <root> = ../shared/polnear/train by default (--root; run from the repository root).

Reading code as in draw_train_pairs.py (standalone):
per article only ONE annotation file is used, the first in sorted filename
order.  Every attribution event (E line) with a Content role is read; its Cue
(if any) and all Content / Content2 / ... spans are looked up.  A content's
offsets are the first start and the last end over all of its fragments.  An
attribution is kept when (last end - first start) <= 400 characters and its
cue text is not ':' (transcript turns dropped).  Contents of one article with
identical offsets are kept once.  Article date = the YYYY-MM-DD in the article
name (outlet_YYYY-MM-DD_slug).

Words: tokens [A-Za-z0-9]+(?:'[A-Za-z]+)? of the content text, lowercased,
trailing 's removed; "content words" = length >= 2, not in STOPWORDS, not
pure digits.  "Capitalised names": content words whose token starts with an
upper-case letter other than as the content's first token or right after
. ! ? : or an opening quote/parenthesis.  A name is shared when it is a name
in both contents.  Jaccard = |W_a & W_b| / |W_a | W_b| over content words
(0 when both are empty).

Denial content: its cue text or content text matches (case-insensitive, word
boundaries) one of: deny, denied, denies, reject, dismiss, refute, false,
untrue, not true, lie, hoax, never, did not, didn't.

Strata (pairs unordered; a pair is drawn at most once over all strata; two
contents of one article whose offsets overlap are never paired; pairs in the
exclude file are never drawn):
  cross-article-high-overlap (150) contents of two different articles whose
        dates are <= 10 days apart, sharing >= 4 content words of which >= 1
        is a shared capitalised name, OR with Jaccard >= 0.35 and >= 2
        shared content words (MIN_SHARED_J).
  same-article-high-overlap  (80)  two contents of one article with
        >= 4 shared content words OR (Jaccard >= 0.3 and >= 2 shared
        content words).
  (The ">= 2 shared" guard on the Jaccard branches keeps one-word contents
  such as "Trump" / "Trump" out; it is an addition to the brief's rule.)
  denial-anchor              (120) a denial content paired with a content of
        the same article or of another article <= 10 days apart, sharing
        >= 3 content words of which >= 1 is a shared capitalised name.
Drawing: for each stratum the full pool of qualifying pairs is enumerated,
pairs drawn in an earlier stratum (or excluded) are removed, the pool is
sorted by (article, start, end) of both sides, and a simple random sample
without replacement of the quota is taken with random.Random(seed + k),
k = stratum index 0..2 in the order above.  Within a pair, side "a" is the
one that sorts first by (article, start, end) (for denial-anchor, either side
may be the denial content).  Output order: strata in the order above, each in
the order drawn.

Output (stdout or --out): one JSON line per pair
  {"a": {"article", "start", "end"}, "b": {...}, "stratum"}
No article text is written.  Stdlib only; deterministic for a given --seed.
"""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from draw_train_pairs import draw, key, load, near_articles, write  # noqa: E402  (the same reading of the train attributions)

QUOTAS = [("cross-article-high-overlap", 150), ("same-article-high-overlap", 80),
          ("denial-anchor", 120)]
# The Jaccard branches need at least this many shared content words, so that
# one-word contents ("Trump" / "Trump", Jaccard 1.0) do not flood the pools.
MIN_SHARED_J = 2


def jaccard(a, b):
    u = a | b
    return len(a & b) / len(u) if u else 0.0


def overlap(a, b):
    return a["start"] < b["end"] and b["start"] < a["end"]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default="../shared/polnear/train")
    ap.add_argument("--exclude", default=os.path.join(os.path.dirname(os.path.abspath(__file__)), "pairs-train-labelled.jsonl"))
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    cs = load(args.root)
    excluded = set()
    if args.exclude and os.path.exists(args.exclude):
        with open(args.exclude, encoding="utf-8") as fh:
            for line in fh:
                if not line.strip():
                    continue
                r = json.loads(line)
                ka = (r["a"]["article"], r["a"]["start"], r["a"]["end"])
                kb = (r["b"]["article"], r["b"]["start"], r["b"]["end"])
                excluded.add(frozenset((ka, kb)))
    by_art = {}
    for i, c in enumerate(cs):
        by_art.setdefault(c["article"], []).append(i)
    arts = sorted(by_art)

    pools = {name: [] for name, _ in QUOTAS}

    def denial_ok(ca, cb):
        if not (ca["denial"] or cb["denial"]):
            return False
        return len(ca["words"] & cb["words"]) >= 3 and bool(ca["names"] & cb["names"])

    for art in arts:
        idx = by_art[art]
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                a, b = cs[idx[x]], cs[idx[y]]
                if overlap(a, b):
                    continue
                pair = (idx[x], idx[y])
                n = len(a["words"] & b["words"])
                if n >= 4 or (n >= MIN_SHARED_J
                              and jaccard(a["words"], b["words"]) >= 0.3):
                    pools["same-article-high-overlap"].append(pair)
                if denial_ok(a, b):
                    pools["denial-anchor"].append(pair)
    for A, B in near_articles(cs, by_art):
        for x in by_art[A]:
            ca = cs[x]
            for y in by_art[B]:
                cb = cs[y]
                n = len(ca["words"] & cb["words"])
                if n == 0:
                    continue
                shared_name = bool(ca["names"] & cb["names"])
                if ((n >= 4 and shared_name)
                        or (n >= MIN_SHARED_J
                            and jaccard(ca["words"], cb["words"]) >= 0.35)):
                    pools["cross-article-high-overlap"].append((x, y))
                if denial_ok(ca, cb):
                    pools["denial-anchor"].append((x, y))
    pools = {name: set(pairs) for name, pairs in pools.items()}
    write(draw(pools, QUOTAS, cs, args.seed,
               keep=lambda p: frozenset((key(cs[p[0]]), key(cs[p[1]]))) not in excluded), args.out)

if __name__ == "__main__":
    main()
