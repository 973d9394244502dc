"""Draw PolNeAR attributions for the held-out denial set (eval/stance/heldout-dev-train-denial.jsonl).

Usage: python eval/stance/draw_heldout_dev_train_denial.py ../shared/polnear --seed 7741 > draft.jsonl

Purpose: more held-out denials and no-knowledge items, for denial precision and recall.
Two parts, never the test split:

(a) DEV, "blind3-dev-denial-keyword": ALL the denial-keyword attributions of the pool of
    draw_heldout_dev_stratified.py that its draw did not take. That pool and draw (seed 5519, its default strata
    and --existing files) are rebuilt here with its own pool function and regexes and the same take order, so
    these items are exactly "pool minus what heldout-dev-stratified drew" (every attribution whose content or cue
    matches the DENIAL regex). They keep the order of that shuffle; --seed plays no part in (a).
(b) TRAIN (`<polnear>/train`): attributions of the first .ann file per article (sorted order, as
    draw_train_dev_stratified.py), minus transcript turns (cue ":") and contents over 400 characters, minus any
    attribution whose content overlaps a train item of eval/stance/train-dev-stratified.jsonl of the same article
    (the two contents share >= 50% of the non-space characters of either one, draw_heldout_dev_stratified.overlaps).
    One shuffle with random.Random(seed), then the strata in this order, an item taken once at most:
    - blind3-train-denial-cue: a cue holding a denial / rebuttal verb (40);
    - blind3-train-noknow-keyword: content or cue holding a no-knowledge / no-comment wording (30);
    - blind3-train-denial-keyword: content or cue holding a negation / denial / rejection keyword (30).
    A stratum that runs short takes what exists and says so on stderr.

The regexes are draw_heldout_dev_stratified.py's fixed copies. The draw depends on the contents of
eval/stance/train-dev-stratified.jsonl and dev-stratified.jsonl; their sha256 are printed on stderr.
Labels are written by hand.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from draw_train_dev_stratified import attributions  # noqa: E402  (brat .ann reader)
from draw_heldout_dev_stratified import DENIAL, DENIAL_CUE, NOKNOW, chars, overlaps  # noqa: E402
from draw_heldout_dev_stratified import pool as heldout_dev_pool  # noqa: E402

HELDOUT_DEV_SEED = 5519
# draw_heldout_dev_stratified.py's default strata, in its order: (tag, size, predicate on "content || cue")
HELDOUT_DEV_STRATA = [
    ("blind2-noknow-keyword", 40, NOKNOW.search),
    ("blind2-denial-keyword", 60, DENIAL.search),
    ("blind2-denial-cue", 20, lambda t: bool(DENIAL_CUE.search(t.rpartition(" || ")[2]))),
    ("blind2-random", 120, lambda t: True),
]


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _rows(path: Path, split: str) -> dict[str, list[list]]:
    out: dict[str, list[list]] = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            x = json.loads(line)
            if x.get("split") == split:
                out.setdefault(x["file"], []).append(x["content"])
    return out


def _key(x: dict) -> tuple:
    return (x["ann"], tuple(map(tuple, x["content"])))


def take(items: list[dict], seen: set, n: int | None, pred, tag: str) -> list[dict]:
    """The first n unseen items (all when n is None) whose "_text" matches pred, in list order."""
    out = []
    for x in items:
        if n is not None and len(out) >= n:
            break
        if _key(x) in seen or not pred(x["_text"]):
            continue
        seen.add(_key(x))
        out.append({**x, "sample": tag})
    if n is not None and len(out) < n:
        print(f"warning: stratum {tag}: only {len(out)} of {n} items available", file=sys.stderr)
    else:
        print(f"stratum {tag}: {len(out)}", file=sys.stderr)
    return out


def dev_part(root: Path, here: Path) -> list[dict]:
    existing: dict[str, list[list]] = {}
    for name in ("train-dev-stratified.jsonl", "dev-stratified.jsonl"):
        print(f"sha256 {name}: {_sha(here / name)}", file=sys.stderr)
        for f, cs in _rows(here / name, "dev").items():
            existing.setdefault(f, []).extend(cs)
    items, stats = heldout_dev_pool(root, existing)
    random.Random(HELDOUT_DEV_SEED).shuffle(items)
    seen: set = set()
    drawn = 0
    for tag, n, pred in HELDOUT_DEV_STRATA:  # replay the heldout-dev-stratified draw (quietly) to know what it took
        before = len(seen)
        for x in items:
            if len(seen) - before >= n:
                break
            if _key(x) not in seen and pred(x["_text"]):
                seen.add(_key(x))
        drawn += len(seen) - before
    print(f"dev: heldout-dev-stratified pool {len(items)} attributions in {len({x['file'] for x in items})} articles "
          f"({stats}); that draw took {drawn}; denial-keyword in pool "
          f"{sum(1 for x in items if DENIAL.search(x['_text']))}", file=sys.stderr)
    return take(items, seen, None, DENIAL.search, "blind3-dev-denial-keyword")


def train_part(root: Path, here: Path, seed: int, n_cue: int, n_noknow: int, n_denial: int) -> list[dict]:
    name = "train-dev-stratified.jsonl"
    existing = _rows(here / name, "train")
    anns: dict[str, str] = {}
    for fn in sorted(os.listdir(root / "attributions")):
        if fn.endswith(".ann"):
            anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", fn), fn)
    items, stats = [], {"read": 0, "transcript_or_long": 0, "overlaps_existing": 0}
    for art, fn in sorted(anns.items()):
        text = (root / "text" / f"{art}.txt").read_text(encoding="utf-8")
        have = [chars(text, c) for c in existing.get(art, [])]
        for content, cue in attributions(root / "attributions" / fn, text):
            stats["read"] += 1
            ctext = " ".join(text[s:e] for s, e in content)
            cuetext = " ".join(text[s:e] for s, e in cue)
            if cuetext.strip() == ":" or len(ctext) > 400:
                stats["transcript_or_long"] += 1
                continue
            c = chars(text, content)
            if any(overlaps(c, h) for h in have):
                stats["overlaps_existing"] += 1
                continue
            items.append({"split": "train", "file": art, "ann": fn, "content": content, "cue": cue,
                          "_text": ctext + " || " + cuetext})
    print(f"train: {stats}; pool {len(items)} attributions in {len({x['file'] for x in items})} articles; "
          f"denial-cue {sum(1 for x in items if DENIAL_CUE.search(x['_text'].rpartition(' || ')[2]))}, "
          f"noknow-keyword {sum(1 for x in items if NOKNOW.search(x['_text']))}, "
          f"denial-keyword {sum(1 for x in items if DENIAL.search(x['_text']))}", file=sys.stderr)
    random.Random(seed).shuffle(items)
    seen: set = set()
    out = take(items, seen, n_cue, lambda t: bool(DENIAL_CUE.search(t.rpartition(" || ")[2])),
               "blind3-train-denial-cue")
    out += take(items, seen, n_noknow, NOKNOW.search, "blind3-train-noknow-keyword")
    out += take(items, seen, n_denial, DENIAL.search, "blind3-train-denial-keyword")
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear")
    ap.add_argument("--seed", type=int, default=7741)
    ap.add_argument("--denial-cue", type=int, default=40)
    ap.add_argument("--noknow", type=int, default=30)
    ap.add_argument("--denial", type=int, default=30)
    a = ap.parse_args()
    here = Path(__file__).resolve().parent
    picked = dev_part(Path(a.polnear) / "dev", here)
    picked += train_part(Path(a.polnear) / "train", here, a.seed, a.denial_cue, a.noknow, a.denial)
    print(f"drawn {len(picked)}", file=sys.stderr)
    for x in picked:
        x.pop("_text")
        sys.stdout.write(json.dumps(x, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
