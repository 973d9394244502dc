#!/usr/bin/env python3
"""Draw candidate pairs of attributed statements from the PolNeAR train split.

Reads (and nothing else):
  <root>/attributions/*.ann   brat standoff files named <article>_<annotator>.ann
  <root>/text/<article>.txt   the article text (used to read the span text)
with <root> = ../shared/polnear/train by default (--root; run from the repository root).

Per article, only ONE annotation file is used: the first in sorted filename
order.  From it every attribution event (E line) that has a Content role is
read; its Cue (if any) and all Content / Content2 / ... spans are looked up.
A content's offsets are the first start and the last end over all of its
fragments.  An attribution is kept when
  * (last end - first start) <= 400 characters, and
  * its cue text is not ':' (transcript turns are dropped).
Contents of one article with identical offsets are kept once.

Article date = the YYYY-MM-DD in the article name (outlet_YYYY-MM-DD_slug).

Words: tokens [A-Za-z0-9]+(?:'[A-Za-z]+)? of the content text (the text at
first start..last end), lowercased; "content words" are those of length >= 2
that are not in the STOPWORDS list below and not pure digits.
"Capitalised names" of a content: content words whose token starts with an
upper-case letter somewhere in the content other than as the content's first
token or right after sentence punctuation (. ! ? : or an opening quote).
A name is shared by two contents when it is a name in both.

Strata (pairs are unordered; a pair is drawn at most once over all strata;
two contents of one article whose offsets overlap are never paired):
  same-article-overlap  (120) two contents of one article sharing >= 2
                        content words.
  cross-article-overlap (160) contents of two different articles whose dates
                        are <= 10 days apart, sharing >= 3 content words of
                        which >= 1 is a shared capitalised name.
  cross-article-name    (80)  contents of two articles <= 10 days apart that
                        share >= 1 capitalised name and at most 1 other
                        content word (shared content words minus one name
                        <= 1).
  same-article-random   (40)  any two contents of one article, not already
                        drawn in another stratum.
Drawing: for each stratum the full pool of qualifying pairs is enumerated,
sorted by (article, start, end) of both sides, and a simple random sample
without replacement of the quota is taken with random.Random(seed + k),
k = stratum index 0..3, in the order above; pairs already drawn in an
earlier stratum are removed from later pools.  Within a pair, side "a" is the
one that sorts first.  Output order: strata in the order above, each in the
order drawn.

Output (stdout or --out): one JSON line per pair
  {"a": {"article", "start", "end"}, "b": {...}, "stratum"}
No article text is written.  Stdlib only; deterministic for a given --seed.
"""
import argparse
import datetime
import json
import os
import random
import re
import sys

STOPWORDS = set("""
a about above after again against all also am an and any are aren't as at be
because been before being below between both but by can can't cannot could
couldn't did didn't do does doesn't doing don't down during each few for from
further had hadn't has hasn't have haven't having he he'd he'll he's her here
here's hers herself him himself his how how's i i'd i'll i'm i've if in into
is isn't it it's its itself let's me more most mustn't my myself no nor not of
off on once only or other ought our ours ourselves out over own same shan't she
she'd she'll she's should shouldn't so some such than that that's the their
theirs them themselves then there there's these they they'd they'll they're
they've this those through to too under until up very was wasn't we we'd we'll
we're we've were weren't what what's when when's where where's which while who
who's whom why why's with won't would wouldn't you you'd you'll you're you've
your yours yourself yourselves will just said says say saying told tell
one two would also get got going go like make made many much may might must
new now well even still back us mr mrs ms dr s t re ve ll d m
""".split())

TOKEN = re.compile(r"[A-Za-z0-9]+(?:['\u2019][A-Za-z]+)?")
# A denial word in the cue or content (the positive-rich draw anchors one stratum on it).
DENIAL = re.compile(r"\b(?:deny|denied|denies|reject|dismiss|refute|false|untrue|"
                    r"not\s+true|lie|hoax|never|did\s+not|didn['\u2019]t)\b",
                    re.IGNORECASE)
QUOTAS = [("same-article-overlap", 120), ("cross-article-overlap", 160),
          ("cross-article-name", 80), ("same-article-random", 40)]


def parse_ann(path):
    tbs, events = {}, []
    with open(path, encoding="utf-8") as fh:
        for line in fh:
            line = line.rstrip("\n")
            if line.startswith("T"):
                parts = line.split("\t")
                if len(parts) < 2:
                    continue
                typ, _, spans = parts[1].partition(" ")
                frags = []
                for sp in spans.split(";"):
                    s, e = sp.split()
                    frags.append((int(s), int(e)))
                tbs[parts[0]] = (typ, frags)
            elif line.startswith("E"):
                parts = line.split("\t")
                roles = {}
                for arg in parts[1].split() if len(parts) > 1 else []:
                    role, _, tid = arg.partition(":")
                    roles.setdefault(re.sub(r"\d+$", "", role), []).append(tid)
                events.append(roles)
    return tbs, events


def norm_tokens(text):
    out = []
    for m in TOKEN.finditer(text):
        tok = m.group(0).replace("\u2019", "'")
        out.append((m.start(), tok))
    return out


def analyse(text):
    toks = norm_tokens(text)
    words, names = set(), set()
    for i, (pos, tok) in enumerate(toks):
        low = tok.lower()
        if low.endswith("'s"):
            low = low[:-2]
        if len(low) < 2 or low in STOPWORDS or low.isdigit():
            continue
        words.add(low)
        if tok[0].isupper() and i > 0:
            before = text[:pos].rstrip()
            if before and before[-1] not in ".!?:\"\u201c\u2018'(":
                names.add(low)
    return words, names


def load(root):
    ann_dir = os.path.join(root, "attributions")
    first = {}
    for fn in sorted(os.listdir(ann_dir)):
        if not fn.endswith(".ann"):
            continue
        art = fn[:-4].rsplit("_", 1)[0]
        first.setdefault(art, fn)
    contents = []  # dicts: article, start, end, date, words, names, denial
    for art in sorted(first):
        with open(os.path.join(root, "text", art + ".txt"), encoding="utf-8") as fh:
            text = fh.read()
        date = datetime.date.fromisoformat(art.split("_")[1])
        tbs, events = parse_ann(os.path.join(ann_dir, first[art]))
        seen = set()
        for roles in events:
            cids = [t for r, ts in roles.items() if r == "Content" for t in ts]
            if not cids:
                continue
            cue = "".join(text[s:e] for t in roles.get("Cue", [])
                          if t in tbs for s, e in tbs[t][1]).strip()
            if cue == ":":
                continue
            frags = [f for t in cids if t in tbs for f in tbs[t][1]]
            if not frags:
                continue
            start = min(s for s, _ in frags)
            end = max(e for _, e in frags)
            if end - start > 400 or (start, end) in seen:
                continue
            seen.add((start, end))
            words, names = analyse(text[start:end])
            denial = bool(DENIAL.search(cue) or DENIAL.search(text[start:end]))
            contents.append(dict(article=art, start=start, end=end, date=date,
                                 words=words, names=names, denial=denial))
    contents.sort(key=lambda c: (c["article"], c["start"], c["end"]))
    return contents


def key(c):
    return (c["article"], c["start"], c["end"])


def near_articles(cs, by_art, days=10):
    """Pairs of articles (in sorted order) published at most ``days`` apart."""
    arts = sorted(by_art)
    for ai in range(len(arts)):
        da = cs[by_art[arts[ai]][0]]["date"]
        for bj in range(ai + 1, len(arts)):
            if abs((cs[by_art[arts[bj]][0]]["date"] - da).days) <= days:
                yield arts[ai], arts[bj]


def draw(pools, quotas, cs, seed, keep=None):
    """Each stratum's quota drawn from its pool (pairs of indices into ``cs``), a pair once at most;
    ``keep`` (a pair -> bool) leaves pairs out of every pool."""
    drawn, out = set(), []
    for k, (name, quota) in enumerate(quotas):
        pool = sorted(p for p in pools[name] if p not in drawn and (keep is None or keep(p)))
        sys.stderr.write("%s: pool %d\n" % (name, len(pool)))
        rng = random.Random(seed + k)
        for p in rng.sample(pool, min(quota, len(pool))):
            drawn.add(p)
            a, b = cs[p[0]], cs[p[1]]
            out.append({"a": {"article": a["article"], "start": a["start"], "end": a["end"]},
                        "b": {"article": b["article"], "start": b["start"], "end": b["end"]},
                        "stratum": name})
    return out


def write(out, path):
    fh = sys.stdout if path == "-" else open(path, "w", encoding="utf-8")
    for rec in out:
        fh.write(json.dumps(rec) + "\n")
    if fh is not sys.stdout:
        fh.close()


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--root", default="../shared/polnear/train")
    ap.add_argument("--seed", type=int, default=13)
    ap.add_argument("--out", default="-")
    args = ap.parse_args()
    cs = load(args.root)
    by_art = {}
    for i, c in enumerate(cs):
        by_art.setdefault(c["article"], []).append(i)
    arts = sorted(by_art)

    pools = {name: [] for name, _ in QUOTAS}
    # same-article pools
    for art in arts:
        idx = by_art[art]
        for x in range(len(idx)):
            for y in range(x + 1, len(idx)):
                a, b = cs[idx[x]], cs[idx[y]]
                if a["start"] < b["end"] and b["start"] < a["end"]:
                    continue
                pair = (idx[x], idx[y])
                pools["same-article-random"].append(pair)
                if len(a["words"] & b["words"]) >= 2:
                    pools["same-article-overlap"].append(pair)
    # cross-article pools (article pairs <= 10 days apart)
    for A, B in near_articles(cs, by_art):
        for x in by_art[A]:
            ca = cs[x]
            if not ca["names"]:
                continue
            for y in by_art[B]:
                cb = cs[y]
                shared_names = ca["names"] & cb["names"]
                if not shared_names:
                    continue
                n = len(ca["words"] & cb["words"])
                if n >= 3:
                    pools["cross-article-overlap"].append((x, y))
                elif n - 1 <= 1:
                    pools["cross-article-name"].append((x, y))
    write(draw(pools, QUOTAS, cs, args.seed), args.out)

if __name__ == "__main__":
    main()
