"""Draw the label audit (eval/stance/train-dev-relabel-audit.jsonl): not-held-out items to label again.

Usage: PYTHONPATH=src python eval/stance/draw_train_dev_relabel_audit.py ../shared/polnear --seed 77 > draft.jsonl

Question: are the labels the rules were written from (train-dev-stratified.jsonl, dev-stratified.jsonl and
train-stratified-single-label.jsonl) sound where the held-out sets fail, the ``denial-keyword`` cell of
natural_mix.py (a negation or denial word, no denial cue)? Every item of those three sets in that cell whose label
is ``denies`` or that the analyzer (with the corpus' attributions, the code of the commit that adds this script)
labels ``denies``, plus 70 other items of the cell drawn with random.Random(seed), in one shuffled order.
``label`` is the item's label in its own set (``from``); two labellers who never ran the analyzer and never saw
those labels labelled every item again (``label_first``, ``label_second``), halves of the items each, by the
guideline in docs/meaning.md. The draw depends on the analyzer's output, so it reproduces on that commit only.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from natural_mix import item_key, scored_rows  # noqa: E402

SETS = ("train-dev-stratified.jsonl", "dev-stratified.jsonl", "train-stratified-single-label.jsonl")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--seed", type=int, default=77)
    ap.add_argument("--others", type=int, default=70)
    a = ap.parse_args()
    here = Path(__file__).resolve().parent
    sets = [here / name for name in SETS]
    items = {}
    for p in sets:
        for line in p.read_text(encoding="utf-8").splitlines():
            if line.strip():
                x = json.loads(line)
                items[item_key(x)] = (p.name, x)
    rows = [(item_key(r), r["gold"], r["pred"]) for cell, r in scored_rows(a.polnear, sets, gold_spans=True)
            if cell == "denial-keyword"]
    rng = random.Random(a.seed)
    denial = [t for t in rows if "denies" in (t[1], t[2])]
    picked = denial + rng.sample([t for t in rows if "denies" not in (t[1], t[2])], a.others)
    rng.shuffle(picked)
    print(f"{len(denial)} items labelled or predicted denies, {len(picked)} in all", file=sys.stderr)
    for k, gold, _ in picked:
        name, x = items[k]
        sys.stdout.write(json.dumps({"split": x["split"], "file": x["file"], "ann": x["ann"], "content": x["content"],
                                     "cue": x.get("cue") or [], "label": gold, "from": name,
                                     "sample": "audit7-keyword-cell"}) + "\n")


if __name__ == "__main__":
    main()
