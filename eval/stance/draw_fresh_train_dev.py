"""Draw a fresh stance set from PolNeAR train and dev (eval/stance/fresh-train-dev.jsonl), labelled under the
positive-form convention (see README.md) and drawn before any rule was written from it.

Usage: python eval/stance/draw_fresh_train_dev.py ../shared/polnear --seed 4127 > fresh-train-dev.jsonl
       python eval/stance/draw_fresh_train_dev.py ../shared/polnear --seed 9403 --random 120 --denial 120 \
           --also-exclude fresh-train-dev.jsonl > fresh-train-dev-second.jsonl

Only the train and dev splits are read (never test).
Pool: draw_heldout_dev_stratified.pool over `<polnear>/train` and `<polnear>/dev` (all annotators' .ann files,
an attribution annotated twice kept once, transcript turns and contents over 400 characters left out), minus
every attribution whose content overlaps (draw_heldout_dev_stratified.overlaps) an item of any labelled set
(SETS: every set there was when this was drawn) in the same article. Articles are not left out: the articles
holding no labelled item hold 248 such attributions (49 articles) and not one of the denial-rich cells (the
earlier denial draws took them all), so an item may share its article with items of other sets; it never
shares its content.
One order: the pool (train, then dev, each sorted by article) shuffled with random.Random(seed); then, an item
taken once at most:
- fresh-random: the first 150 items (a uniform draw, the natural mix of news attributions);
- fresh-denial-cue / fresh-denial-keyword: the first 150 remaining items of natural_mix.cell_of's two
  denial-rich cells (the cue holds a denial / rebuttal verb; otherwise content or cue holds a negation, denial
  or rejection keyword), each tagged with its cell, so that figures can be re-weighted with natural_mix.py.
The sha256 of the sets excluded are printed on stderr. Labels are written by hand, by labellers who never ran
the analyzer on these items.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from natural_mix import cell_of  # noqa: E402
from draw_heldout_dev_stratified import pool  # noqa: E402

SETS = ("dev-stratified.jsonl", "heldout-dev-stratified.jsonl", "heldout-dev-train-denial.jsonl",
        "heldout-train-stratified.jsonl", "heldout-train-unseen-articles.jsonl",
        "train-denial-cells-single-label.jsonl", "train-denial-cells.jsonl", "train-dev-relabel-audit.jsonl",
        "train-dev-stratified.jsonl", "train-stratified-single-label.jsonl")  # the sets there were when this was drawn
DENIAL_CELLS = ("denial-cue", "denial-keyword")


def labelled_items(names) -> dict[str, dict[str, list[list]]]:
    """split -> article -> content spans of every item of the sets ``names`` (files beside this script)."""
    here = Path(__file__).resolve().parent
    out: dict[str, dict[str, list[list]]] = {"train": {}, "dev": {}}
    for name in names:
        data = (here / name).read_bytes()
        print(f"sha256 {name}: {hashlib.sha256(data).hexdigest()}", file=sys.stderr)
        for line in data.decode("utf-8").splitlines():
            if line.strip():
                x = json.loads(line)
                out[x["split"]].setdefault(x["file"], []).append(x["content"])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--seed", type=int, default=4127)
    ap.add_argument("--random", type=int, default=150)
    ap.add_argument("--denial", type=int, default=150)
    ap.add_argument("--also-exclude", nargs="*", default=[], metavar="SET",
                    help="further sets beside this script whose items are left out (for a later fresh draw)")
    a = ap.parse_args()
    labelled = labelled_items(SETS + tuple(a.also_exclude))
    items = []
    for split in ("train", "dev"):
        xs, stats = pool(a.polnear / split, labelled[split])
        print(f"{split}: {len(xs)} unlabelled attributions in {len({x['file'] for x in xs})} articles ({stats})",
              file=sys.stderr)
        items += [{**x, "split": split} for x in xs]
    random.Random(a.seed).shuffle(items)
    picked = [{**x, "sample": "fresh-random"} for x in items[:a.random]]
    denial = []
    for x in items[a.random:]:
        content, _, cue = x["_text"].rpartition(" || ")
        cell = cell_of(content, cue)
        if cell in DENIAL_CELLS:
            denial.append({**x, "sample": f"fresh-{cell}"})
    print(f"{len(denial)} of the rest in the denial-rich cells, the first {a.denial} taken", file=sys.stderr)
    if len(denial) < a.denial:
        print(f"warning: only {len(denial)} of {a.denial} denial-rich items available", file=sys.stderr)
    picked += denial[:a.denial]
    for x in picked:
        x.pop("_text")
        sys.stdout.write(json.dumps({"split": x.pop("split"), **x}, ensure_ascii=False) + "\n")
    print(f"drawn {len(picked)}", file=sys.stderr)


if __name__ == "__main__":
    main()
