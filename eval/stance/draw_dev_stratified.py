"""Draw PolNeAR DEV attributions for the stratified dev stance set (eval/stance/dev-stratified.jsonl).

Usage: python eval/stance/draw_dev_stratified.py ../shared/polnear --seed 3307 > draft.jsonl

Only the dev split is read (never train, never test). Attributions already in eval/stance/train-dev-stratified.jsonl
(same file and same content offsets) are left out, so the two sets share no item.
One annotation file per article (the first in sorted order, as draw_train_dev_stratified.py).
Strata, drawn in this order from one shuffled pool (fixed seed), an item taken once at most:
- blind-noknow-keyword: content or cue holding a no-knowledge / no-comment wording;
- blind-denial-keyword: content or cue holding a negation / denial / rejection keyword;
- blind-random: any remaining attribution;
- blind-denial-cue (drawn last, so the three strata above do not depend on it): a cue holding a denial / rebuttal
  verb (deny, reject, dismiss, refute, dispute, rebut, contradict, counter, insist, push back). The three strata
  above hold few denials; the dev pool has only 8 such items, all taken.
Transcript turns (cue ":") and contents over 400 characters are left out, as in draw_train_dev_stratified.py.
The keyword regexes are fixed copies of draw_train_dev_stratified.py's at rev 3d48070, so that a change to that
script does not change this draw; the brat reader is imported from it. Labels are written by hand.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from draw_train_dev_stratified import attributions  # noqa: E402  (brat .ann reader: [(content spans, cue spans)])

DENIAL = re.compile(r"\b(?:not|n't|never|no|deny|denied|denies|denial|reject\w*|dismiss\w*|refut\w*|false|lie|lies|"
                    r"lied|untrue|hoax|baseless|ridiculous|absurd|fake|nonsense|wrong|rebut\w*|dispute\w*)\b", re.I)
NOKNOW = re.compile(r"\b(?:comment|unclear|unknown|aware|confirm|declin\w+|respond\w*|not say|wouldn't say|"
                    r"would not say|no information|not know|don't know|doesn't know|unsure|not sure)\b", re.I)
DENIAL_CUE = re.compile(r"\b(?:den(?:y|ied|ies|ial)|reject\w*|dismiss\w*|refut\w*|disput\w*|rebut\w*|contradict\w*|"
                        r"counter\w*|insist\w*|push\w* back)\b", re.I)


def pool(root: Path, have: set) -> list[dict]:
    anns: dict[str, str] = {}
    for fn in sorted(os.listdir(root / "attributions")):
        if fn.endswith(".ann"):
            anns.setdefault(re.sub(r"_[0-9a-f]{4}\.ann$", "", fn), fn)
    out = []
    for name, fn in sorted(anns.items()):
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        for content, cue in attributions(root / "attributions" / fn, text):
            ctext = " ".join(text[s:e] for s, e in content)
            cuetext = " ".join(text[s:e] for s, e in cue)
            if cuetext.strip() == ":" or len(ctext) > 400 or (name, tuple(map(tuple, content))) in have:
                continue
            out.append({"split": "dev", "file": name, "ann": fn, "content": content, "cue": cue,
                        "_text": ctext + " || " + cuetext})
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear")
    ap.add_argument("--seed", type=int, default=3307)
    ap.add_argument("--random", type=int, default=110)
    ap.add_argument("--denial", type=int, default=45)
    ap.add_argument("--noknow", type=int, default=35)
    ap.add_argument("--denial-cue", type=int, default=10)
    ap.add_argument("--existing", default=str(Path(__file__).with_name("train-dev-stratified.jsonl")))
    a = ap.parse_args()
    root = Path(a.polnear) / "dev"
    have = set()
    for line in Path(a.existing).read_text(encoding="utf-8").splitlines():
        if line.strip():
            x = json.loads(line)
            have.add((x["file"], tuple(map(tuple, x["content"]))))
    items = pool(root, have)
    rng = random.Random(a.seed)
    rng.shuffle(items)
    picked, seen = [], set()

    def take(n, pred, tag):
        k = 0
        for x in items:
            if k >= n:
                break
            key = (x["file"], tuple(map(tuple, x["content"])))
            if key in seen or not pred(x["_text"]):
                continue
            seen.add(key)
            picked.append({**x, "sample": tag})
            k += 1
        if k < n:
            print(f"warning: stratum {tag}: only {k} of {n} items available", file=sys.stderr)

    take(a.noknow, NOKNOW.search, "blind-noknow-keyword")
    take(a.denial, DENIAL.search, "blind-denial-keyword")
    take(a.random, lambda t: True, "blind-random")
    take(a.denial_cue, lambda t: bool(DENIAL_CUE.search(t.rpartition(" || ")[2])), "blind-denial-cue")
    print(f"pool {len(items)} attributions, drawn {len(picked)}", file=sys.stderr)
    for x in picked:
        x.pop("_text")
        sys.stdout.write(json.dumps(x, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
