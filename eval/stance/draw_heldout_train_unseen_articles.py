"""Draw PolNeAR TRAIN attributions for the held-out stance set of unseen train articles (eval/stance/heldout-train-unseen-articles.jsonl).

Usage: python eval/stance/draw_heldout_train_unseen_articles.py ../shared/polnear --seed 9151 > draft.jsonl

Purpose: a held-out measure of stance on articles no rule was written from. Never test, never dev.
Pool: draw_heldout_dev_stratified.pool over `<polnear>/train` (all annotators' .ann files, duplicates across annotators dropped,
transcript turns and contents over 400 characters left out), minus any attribution whose content overlaps a train
item of any labelled set, and minus EVERY attribution of an article that holds an item the rules were written from
(train-dev-stratified.jsonl, train-stratified-single-label.jsonl): the articles left are those that only held-out sets drew
from. One shuffle with random.Random(seed), then the strata in this order, an item taken once at most:
- blind5-random: any attribution (120), the natural mix of news attributions;
- blind5-denial-cue: a cue holding a denial / rebuttal verb (40);
- blind5-denial-keyword: content or cue holding a negation / denial / rejection keyword (40).
The regexes are draw_heldout_dev_stratified.py's fixed copies. Labels are written by hand, by labellers who never ran the
analyzer on these items; two labellers each, disagreements adjudicated blind to who gave which label.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from draw_heldout_dev_stratified import DENIAL, pool  # noqa: E402
from draw_heldout_dev_train_denial import _rows, take  # noqa: E402
from draw_heldout_train_stratified import denial_cue, existing_train_rows, write_train_rows  # noqa: E402

RULE_SOURCES = ("train-dev-stratified.jsonl", "train-stratified-single-label.jsonl")
HELD_OUT = ("heldout-dev-train-denial.jsonl", "heldout-train-stratified.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear")
    ap.add_argument("--seed", type=int, default=9151)
    ap.add_argument("--random", type=int, default=120)
    ap.add_argument("--denial-cue", type=int, default=40)
    ap.add_argument("--denial", type=int, default=40)
    a = ap.parse_args()
    here = Path(__file__).resolve().parent
    existing = existing_train_rows((*RULE_SOURCES, *HELD_OUT))
    rule_articles = {f for name in RULE_SOURCES for f in _rows(here / name, "train")}
    items, stats = pool(Path(a.polnear) / "train", existing)
    before = len(items)
    items = [x for x in items if x["file"] not in rule_articles]
    print(f"train pool {before} attributions ({stats}); {before - len(items)} dropped from {len(rule_articles)} "
          f"articles the rules were written from; {len(items)} left in {len({x['file'] for x in items})} articles",
          file=sys.stderr)
    random.Random(a.seed).shuffle(items)
    seen: set = set()
    picked = take(items, seen, a.random, lambda t: True, "blind5-random")
    picked += take(items, seen, a.denial_cue, denial_cue, "blind5-denial-cue")
    picked += take(items, seen, a.denial, DENIAL.search, "blind5-denial-keyword")
    write_train_rows(picked)


if __name__ == "__main__":
    main()
