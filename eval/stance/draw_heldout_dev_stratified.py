"""Draw PolNeAR DEV attributions for the held-out stratified dev stance set (eval/stance/heldout-dev-stratified.jsonl).

Usage: python eval/stance/draw_heldout_dev_stratified.py ../shared/polnear --seed 5519 > draft.jsonl

Only the dev split is read (never train, never test). Unlike draw_train_dev_stratified.py and draw_dev_stratified.py, the attributions of ALL
annotation files of each article are used (PolNeAR has several annotators' .ann files for some articles); "ann" in
each row names the file the attribution came from.

Exclusions:
- transcript turns (cue ":") and contents over 400 characters, as in draw_train_dev_stratified.py;
- any attribution whose content overlaps an item of the same article (dev rows) already in
  eval/stance/train-dev-stratified.jsonl or eval/stance/dev-stratified.jsonl, where "overlaps" means the two
  contents share at least 50% of the non-space characters of either one (either way);
- duplicates across annotators: the annotation files of an article are read in sorted order, and an attribution
  whose content overlaps (same test) one already kept from another annotation file of that article is dropped.

Strata, drawn in this order from one shuffled pool (fixed seed), an item taken once at most:
- blind2-noknow-keyword: content or cue holding a no-knowledge / no-comment wording (40);
- blind2-denial-keyword: content or cue holding a negation / denial / rejection keyword (60);
- blind2-denial-cue: a cue holding a denial / rebuttal verb (20);
- blind2-random: any remaining attribution (120).
A stratum that runs short takes what exists and says so on stderr.
The keyword regexes are fixed copies of draw_dev_stratified.py's (draw_train_dev_stratified.py's at rev 3d48070), so
that edits to those scripts cannot change this draw. Labels are written by hand.
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
ANN_SUFFIX = re.compile(r"_[0-9a-f]{4}\.ann$")


def chars(text: str, spans) -> frozenset:
    """Offsets of the non-space characters covered by the spans."""
    return frozenset(i for s, e in spans for i in range(s, e) if not text[i].isspace())


def overlaps(a: frozenset, b: frozenset) -> bool:
    """True when a and b share >= 50% of the non-space characters of either one."""
    if not a or not b:
        return False
    n = len(a & b)
    return 2 * n >= len(a) or 2 * n >= len(b)


def pool(root: Path, existing: dict[str, list[list]]) -> tuple[list[dict], dict[str, int]]:
    anns: dict[str, list[str]] = {}
    for fn in sorted(os.listdir(root / "attributions")):
        if fn.endswith(".ann"):
            anns.setdefault(ANN_SUFFIX.sub("", fn), []).append(fn)
    out, stats = [], {"read": 0, "transcript_or_long": 0, "overlaps_existing": 0, "duplicate_across_annotators": 0}
    for name, fns in sorted(anns.items()):
        text = (root / "text" / f"{name}.txt").read_text(encoding="utf-8")
        have = [chars(text, c) for c in existing.get(name, [])]
        kept: list[tuple[str, frozenset]] = []
        for fn in fns:
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
                if any(f != fn and overlaps(c, k) for f, k in kept):
                    stats["duplicate_across_annotators"] += 1
                    continue
                kept.append((fn, c))
                out.append({"split": "dev", "file": name, "ann": fn, "content": content, "cue": cue,
                            "_text": ctext + " || " + cuetext})
    return out, stats


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear")
    ap.add_argument("--seed", type=int, default=5519)
    ap.add_argument("--noknow", type=int, default=40)
    ap.add_argument("--denial", type=int, default=60)
    ap.add_argument("--denial-cue", type=int, default=20)
    ap.add_argument("--random", type=int, default=120)
    here = Path(__file__).resolve().parent
    ap.add_argument("--existing", nargs="+",
                    default=[str(here / "train-dev-stratified.jsonl"), str(here / "dev-stratified.jsonl")])
    a = ap.parse_args()
    root = Path(a.polnear) / "dev"
    existing: dict[str, list[list]] = {}
    for path in a.existing:
        for line in Path(path).read_text(encoding="utf-8").splitlines():
            if line.strip():
                x = json.loads(line)
                if x.get("split") == "dev":
                    existing.setdefault(x["file"], []).append(x["content"])
    items, stats = pool(root, existing)
    rng = random.Random(a.seed)
    rng.shuffle(items)
    picked, seen = [], set()

    def take(n, pred, tag):
        k = 0
        for x in items:
            if k >= n:
                break
            key = (x["ann"], tuple(map(tuple, x["content"])))
            if key in seen or not pred(x["_text"]):
                continue
            seen.add(key)
            picked.append({**x, "sample": tag})
            k += 1
        if k < n:
            print(f"warning: stratum {tag}: only {k} of {n} items available", file=sys.stderr)
        else:
            print(f"stratum {tag}: {k}", file=sys.stderr)

    take(a.noknow, NOKNOW.search, "blind2-noknow-keyword")
    take(a.denial, DENIAL.search, "blind2-denial-keyword")
    take(a.denial_cue, lambda t: bool(DENIAL_CUE.search(t.rpartition(" || ")[2])), "blind2-denial-cue")
    take(a.random, lambda t: True, "blind2-random")
    print(f"read {stats['read']} attributions; left out: {stats['transcript_or_long']} transcript/long, "
          f"{stats['overlaps_existing']} overlapping an existing item, "
          f"{stats['duplicate_across_annotators']} duplicates across annotators; "
          f"pool {len(items)} attributions in {len({x['file'] for x in items})} articles, drawn {len(picked)}",
          file=sys.stderr)
    for x in picked:
        x.pop("_text")
        sys.stdout.write(json.dumps(x, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
