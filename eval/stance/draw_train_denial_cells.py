"""Draw a development set for the denial rules (eval/stance/train-denial-cells.jsonl and
train-denial-cells-single-label.jsonl).

Usage: python eval/stance/draw_train_denial_cells.py ../shared/polnear --seed 6607 > draft.jsonl

What for: judging denial rules on denials worded with a negation or denial word and no denial cue
(natural_mix.py's ``denial-keyword`` cell) without reading the held-out rows. The set is drawn from the PolNeAR
train articles that hold no item of a held-out set (heldout-*.jsonl), so that work done on it cannot leak an
article's quotes or story into a held-out item, and no attribution overlapping an item of any labelled set. Most
of its articles hold other items the rules were written from, so it is a milder test of transfer than a held-out
set. It is NOT held out: rules may be judged on it.

Pool: draw_heldout_dev_stratified.pool over `<polnear>/train` (transcript turns and contents over 400 characters
left out, an attribution annotated twice kept once, none overlapping a labelled item), restricted to those
articles. Taken: every attribution of the ``denial-cue`` and ``denial-keyword`` cells (natural_mix.cell_of), in one
order shuffled with random.Random(seed), the first n of it (300): train-denial-cells.jsonl, labelled twice and
adjudicated. The rest of that order (639 items, `--n 939`, items 301-939) is train-denial-cells-single-label.jsonl,
labelled once each (a training and development set for a learned rebuttal step). Labels are written by hand, by
labellers who never ran the analyzer on these items.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from natural_mix import cell_of  # noqa: E402
from draw_heldout_dev_stratified import pool  # noqa: E402
from draw_heldout_train_stratified import existing_train_rows, write_train_rows  # noqa: E402


LABELLED = ("train-dev-relabel-audit.jsonl", "dev-stratified.jsonl", "heldout-dev-stratified.jsonl",
            "heldout-dev-train-denial.jsonl", "heldout-train-stratified.jsonl", "heldout-train-unseen-articles.jsonl",
            "train-stratified-single-label.jsonl", "train-dev-stratified.jsonl")  # the sets there were when this was drawn
HELD_OUT = ("heldout-dev-stratified.jsonl", "heldout-dev-train-denial.jsonl", "heldout-train-stratified.jsonl",
            "heldout-train-unseen-articles.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--seed", type=int, default=6607)
    ap.add_argument("--n", type=int, default=300)
    a = ap.parse_args()
    held = set(existing_train_rows(HELD_OUT))  # the train articles that hold a held-out item
    items, stats = pool(a.polnear / "train", existing_train_rows(LABELLED))
    items = [x for x in items if x["file"] not in held]
    print(f"{len(items)} unlabelled attributions in {len({x['file'] for x in items})} train articles with no "
          f"held-out item ({stats})", file=sys.stderr)
    picked = []
    for x in items:
        content, _, cue = x["_text"].rpartition(" || ")
        cell = cell_of(content, cue)
        if cell in ("denial-cue", "denial-keyword"):
            x["sample"] = f"dev6-{cell}"
            picked.append(x)
    random.Random(a.seed).shuffle(picked)
    print(f"{len(picked)} in the two cells, the first {a.n} taken", file=sys.stderr)
    write_train_rows(picked[:a.n])


if __name__ == "__main__":
    main()
