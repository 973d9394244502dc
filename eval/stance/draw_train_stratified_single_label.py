"""Draw PolNeAR TRAIN attributions for the single-label stratified stance training set (eval/stance/train-stratified-single-label.jsonl).

Usage: python eval/stance/draw_train_stratified_single_label.py ../shared/polnear --seed 8807 > draft.jsonl

Purpose: training data for stance rules and learned stance stages. Never test, never dev.
Pool: draw_heldout_dev_stratified.pool over `<polnear>/train` (all annotators' .ann files, duplicates across annotators dropped,
transcript turns and contents over 400 characters left out), minus any attribution whose content overlaps a train
item of train-dev-stratified.jsonl, and minus EVERY attribution of an article that holds an item of the held-out sets
heldout-dev-train-denial.jsonl (train part) or heldout-train-stratified.jsonl, so that no held-out article is trained on.
One shuffle with random.Random(seed), then the strata in this order, an item taken once at most:
- train5-random: any attribution (1200);
- train5-denial-cue: a cue holding a denial / rebuttal verb (150);
- train5-denial-keyword: content or cue holding a negation / denial / rejection keyword (150);
- train5-noknow-keyword: content or cue holding a no-knowledge / no-comment wording (100).
The regexes are draw_heldout_dev_stratified.py's fixed copies. Labels are written by hand (one labeller per item).
"""
from __future__ import annotations

import argparse
import hashlib
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from draw_heldout_dev_stratified import DENIAL, NOKNOW, pool  # noqa: E402
from draw_heldout_dev_train_denial import _rows, take  # noqa: E402
from draw_heldout_train_stratified import denial_cue, write_train_rows  # noqa: E402

LABELLED = "train-dev-stratified.jsonl"
HELD_OUT = ("heldout-dev-train-denial.jsonl", "heldout-train-stratified.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear")
    ap.add_argument("--seed", type=int, default=8807)
    ap.add_argument("--random", type=int, default=1200)
    ap.add_argument("--denial-cue", type=int, default=150)
    ap.add_argument("--denial", type=int, default=150)
    ap.add_argument("--noknow", type=int, default=100)
    a = ap.parse_args()
    here = Path(__file__).resolve().parent
    for name in (LABELLED, *HELD_OUT):
        print(f"sha256 {name}: {hashlib.sha256((here / name).read_bytes()).hexdigest()}", file=sys.stderr)
    existing = _rows(here / LABELLED, "train")
    held_articles = {f for name in HELD_OUT for f in _rows(here / name, "train")}
    items, stats = pool(Path(a.polnear) / "train", existing)
    before = len(items)
    items = [x for x in items if x["file"] not in held_articles]
    print(f"train pool {before} attributions ({stats}); {before - len(items)} dropped from {len(held_articles)} "
          f"held-out articles; {len(items)} left in {len({x['file'] for x in items})} articles", file=sys.stderr)
    random.Random(a.seed).shuffle(items)
    seen: set = set()
    picked = take(items, seen, a.random, lambda t: True, "train5-random")
    picked += take(items, seen, a.denial_cue, denial_cue, "train5-denial-cue")
    picked += take(items, seen, a.denial, DENIAL.search, "train5-denial-keyword")
    picked += take(items, seen, a.noknow, NOKNOW.search, "train5-noknow-keyword")
    write_train_rows(picked)


if __name__ == "__main__":
    main()
