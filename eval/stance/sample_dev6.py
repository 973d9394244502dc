"""Draw a fresh development set for the denial rules (eval/stance/polnear-stances-dev6.jsonl), session 7.

Usage: python eval/stance/sample_dev6.py ../shared/polnear --seed 6607 > draft.jsonl

Why: on the held-out sets the analyzer finds none of the denials worded with a negation or denial word and no
denial cue (natural_mix.py's ``denial-keyword`` cell), while it finds half of them on the sets its rules were
written from, whose labels a blind relabel confirmed (polnear-stances-audit7.jsonl). To see which denial rules
carry over to unseen articles without reading the held-out rows, this set is drawn from the PolNeAR train
articles that hold no item of a held-out set (blind2-5), so that work done on it cannot leak an article's quotes
or story into a held-out item, and no attribution overlapping an item of any labelled set. Most of its articles
are ones the rules were written from (other items of them), so it is a milder test of transfer than a held-out
set. It is NOT held out: rules may be judged on it.

Pool: sample_blind2.pool over `<polnear>/train` (transcript turns and contents over 400 characters left out, an
attribution annotated twice kept once, none overlapping a labelled item), restricted to those articles. Taken: every attribution of the
``denial-cue`` and ``denial-keyword`` cells (natural_mix.cell_of), in one order shuffled with
random.Random(seed), the first n of it (300). The rest of that order (639 items, `--n 939`, items 301-939)
is eval/stance/polnear-stances-dev6b.jsonl, labelled once each by one of seven helpers (a training and
development set for a learned rebuttal step, not adjudicated). Labels are written by hand, by helpers who never ran the analyzer on these items.
"""
from __future__ import annotations

import argparse
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from natural_mix import cell_of  # noqa: E402
from sample_blind2 import pool  # noqa: E402
from sample_blind4 import existing_train_rows, write_train_rows  # noqa: E402


LABELLED = ("polnear-stances-audit7.jsonl", "polnear-stances-blind.jsonl", "polnear-stances-blind2.jsonl",
            "polnear-stances-blind3.jsonl", "polnear-stances-blind4.jsonl", "polnear-stances-blind5.jsonl",
            "polnear-stances-train5.jsonl", "polnear-stances.jsonl")  # the sets there were when this was drawn
HELD_OUT = ("polnear-stances-blind2.jsonl", "polnear-stances-blind3.jsonl", "polnear-stances-blind4.jsonl",
            "polnear-stances-blind5.jsonl")


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
