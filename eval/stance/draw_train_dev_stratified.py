"""Draw PolNeAR TRAIN attributions to hand-label for the stratified stance set (eval/stance/train-dev-stratified.jsonl).

Usage: python eval/stance/draw_train_dev_stratified.py ../shared/polnear --seed 2611 --random 110 --denial 60 --noknow 40 > draft.jsonl
       (also drawn with --seed 3303 --random 60 --denial 50 --noknow 40 --round 3)

Strata (fixed seed, one annotation file per article, items already in the set left out):
- random: any attribution;
- denial: content or cue holding a negation / denial / rejection keyword;
- noknow: content or cue holding a no-knowledge / no-comment wording.
Transcript turns (cue ":") and contents over 400 characters are left out.
Only the train split is read (never dev for new items, never test). Labels are written by hand.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

DENIAL = re.compile(r"\b(?:not|n't|never|no|deny|denied|denies|denial|reject\w*|dismiss\w*|refut\w*|false|lie|lies|"
                    r"lied|untrue|hoax|baseless|ridiculous|absurd|fake|nonsense|wrong|rebut\w*|dispute\w*)\b", re.I)
NOKNOW = re.compile(r"\b(?:comment|unclear|unknown|aware|confirm|declin\w+|respond\w*|not say|wouldn't say|"
                    r"would not say|no information|not know|don't know|doesn't know|unsure|not sure)\b", re.I)


def attributions(ann: Path, text: str):
    spans, out = {}, []
    for line in ann.read_text(encoding="utf-8").splitlines():
        p = line.split("\t")
        if len(p) < 2:
            continue
        if p[0].startswith("T"):
            label, _, offs = p[1].partition(" ")
            spans[p[0]] = [[int(x) for x in piece.split()] for piece in offs.split(";")]
        elif p[0].startswith("E"):
            r = dict(a.split(":", 1) for a in p[1].split() if ":" in a)
            if r.get("Content") in spans:
                out.append((spans[r["Content"]], spans.get(r.get("Cue")) or []))
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear")
    ap.add_argument("--seed", type=int, default=2611)
    ap.add_argument("--random", type=int, default=110)
    ap.add_argument("--denial", type=int, default=60)
    ap.add_argument("--noknow", type=int, default=40)
    ap.add_argument("--round", default="2", help="suffix of the sample tags (noknow-keyword-ROUND, ...)")
    ap.add_argument("--existing", default=str(Path(__file__).with_name("train-dev-stratified.jsonl")))
    a = ap.parse_args()
    root = Path(a.polnear) / "train"
    have = set()
    for line in Path(a.existing).read_text(encoding="utf-8").splitlines():
        x = json.loads(line)
        have.add((x["file"], tuple(map(tuple, x["content"]))))
    anns = {}
    for fn in sorted(os.listdir(root / "attributions")):
        if fn.endswith(".ann"):
            anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", fn), fn)
    pool = []
    for name, fn in sorted(anns.items()):
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        for content, cue in attributions(root / "attributions" / fn, text):
            ctext = " ".join(text[s:e] for s, e in content)
            cuetext = " ".join(text[s:e] for s, e in cue)
            if cuetext.strip() == ":" or len(ctext) > 400 or (name, tuple(map(tuple, content))) in have:
                continue
            pool.append({"split": "train", "file": name, "ann": fn, "content": content, "cue": cue,
                         "_text": ctext + " || " + cuetext})
    rng = random.Random(a.seed)
    rng.shuffle(pool)
    picked, seen = [], set()

    def take(n, pred, tag):
        k = 0
        for x in pool:
            if k >= n:
                break
            key = (x["file"], tuple(map(tuple, x["content"])))
            if key in seen or not pred(x["_text"]):
                continue
            seen.add(key)
            picked.append({**x, "sample": tag})
            k += 1

    take(a.noknow, NOKNOW.search, f"noknow-keyword-{a.round}")
    take(a.denial, DENIAL.search, f"denial-keyword-{a.round}")
    take(a.random, lambda t: True, f"random-{a.round}")
    for x in picked:
        x.pop("_text")
        sys.stdout.write(json.dumps(x, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
