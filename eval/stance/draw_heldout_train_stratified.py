"""Draw PolNeAR TRAIN attributions for the held-out stratified train stance set (eval/stance/heldout-train-stratified.jsonl).

Usage: python eval/stance/draw_heldout_train_stratified.py ../shared/polnear --seed 6263 > draft.jsonl

Purpose: a held-out measure of stance. The dev split has almost no unlabelled attributions left outside the
strata of the other sets, so this draw reads the TRAIN split only (never test). The stance rules were written from train *items* of train-dev-stratified.jsonl; the
attributions drawn here are other attributions of train articles, never labelled before.

Pool: draw_heldout_dev_stratified.pool over `<polnear>/train` (all annotators' .ann files of each article, duplicates across
annotators dropped, transcript turns and contents over 400 characters left out), minus any attribution whose
content overlaps (draw_heldout_dev_stratified.overlaps) a train item of train-dev-stratified.jsonl or heldout-dev-train-denial.jsonl of
the same article. One shuffle with random.Random(seed), then the strata in this order, an item taken once at most:
- blind4-random: any attribution (120), the natural mix of news attributions;
- blind4-denial-cue: a cue holding a denial / rebuttal verb (40);
- blind4-denial-keyword: content or cue holding a negation / denial / rejection keyword (40).
The regexes are draw_heldout_dev_stratified.py's fixed copies. The sha256 of the files the draw depends on are printed on stderr.
Labels are written by hand, by a labeller who never ran the analyzer on these items.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from draw_heldout_dev_stratified import DENIAL, DENIAL_CUE, pool  # noqa: E402
from draw_heldout_dev_train_denial import _rows, take  # noqa: E402

EXISTING = ("train-dev-stratified.jsonl", "heldout-dev-train-denial.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear")
    ap.add_argument("--seed", type=int, default=6263)
    ap.add_argument("--random", type=int, default=120)
    ap.add_argument("--denial-cue", type=int, default=40)
    ap.add_argument("--denial", type=int, default=40)
    a = ap.parse_args()
    existing = existing_train_rows(EXISTING)
    items, stats = pool(Path(a.polnear) / "train", existing)
    print(f"train pool {len(items)} attributions in {len({x['file'] for x in items})} articles ({stats})",
          file=sys.stderr)
    random.Random(a.seed).shuffle(items)
    seen: set = set()
    picked = take(items, seen, a.random, lambda t: True, "blind4-random")
    picked += take(items, seen, a.denial_cue, denial_cue, "blind4-denial-cue")
    picked += take(items, seen, a.denial, DENIAL.search, "blind4-denial-keyword")
    write_train_rows(picked)


def existing_train_rows(names) -> dict[str, list[list]]:
    """The train items of the labelled sets ``names`` (files beside this script), article -> content spans,
    with each file's sha256 on stderr so that a draw can be checked against the sets it excluded."""
    here = Path(__file__).resolve().parent
    existing: dict[str, list[list]] = {}
    for name in names:
        print(f"sha256 {name}: {hashlib.sha256((here / name).read_bytes()).hexdigest()}", file=sys.stderr)
        for f, cs in _rows(here / name, "train").items():
            existing.setdefault(f, []).extend(cs)
    return existing


def denial_cue(text: str) -> bool:
    """The cue part of an item's "content || cue" text holds a denial / rebuttal verb."""
    return bool(DENIAL_CUE.search(text.rpartition(" || ")[2]))


def write_train_rows(picked: list[dict]) -> None:
    """The drawn train items as JSON lines on stdout (without the matching text)."""
    print(f"drawn {len(picked)}", file=sys.stderr)
    for x in picked:
        x.pop("_text")
        x["split"] = "train"  # draw_heldout_dev_stratified.pool writes "dev": it was written for the dev split
        sys.stdout.write(json.dumps(x, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
