"""Stance figures for the natural mix of news attributions, from stratified hand-labelled sets.

Usage: python eval/stance/natural_mix.py ../shared/polnear SET.jsonl... [--gold-spans] [--reps 2000] [--seed 1]

The labelled sets over-sample the hard cases on purpose (items with a denial cue, a denial keyword or a
no-knowledge wording), so a plain accuracy over a set says how the analyzer does on that mix, not on news. Every
item drawn, whatever its stratum, is a uniform draw from its *cell*: the cells are the strata's own predicates
(``draw_heldout_dev_stratified``'s fixed regexes), made disjoint in this order:

- ``denial-cue``: the cue holds a denial / rebuttal verb (``DENIAL_CUE``);
- ``denial-keyword``: otherwise, content or cue holds a negation / denial / rejection keyword (``DENIAL``);
- ``noknow-keyword``: otherwise, a no-knowledge / no-comment wording (``NOKNOW``);
- ``rest``: every other attribution.

So the natural-mix accuracy is post-stratified: each cell's accuracy over its labelled items (matched ones),
weighted by the cell's share of the population, which is every attribution of PolNeAR's train and dev splits that
the draws could take (``draw_heldout_dev_stratified.pool``: transcript turns and contents over 400 characters left out, an
attribution annotated twice counted once). Denial precision and recall are the weighted ratios of the cells' rates.
95% intervals: percentile bootstrap, items resampled within each cell. Only the train and dev splits are read.
"""
from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from draw_heldout_dev_stratified import DENIAL, DENIAL_CUE, NOKNOW, pool  # noqa: E402

CELLS = ("denial-cue", "denial-keyword", "noknow-keyword", "rest")


def cell_of(content: str, cue: str) -> str:
    """The cell of an attribution, from its content and cue text (the strata's predicates, first match wins)."""
    if DENIAL_CUE.search(cue):
        return "denial-cue"
    both = content + " || " + cue
    if DENIAL.search(both):
        return "denial-keyword"
    if NOKNOW.search(both):
        return "noknow-keyword"
    return "rest"


def population(polnear: Path) -> dict[str, int]:
    """How many attributions of PolNeAR train + dev fall in each cell."""
    counts = dict.fromkeys(CELLS, 0)
    for split in ("train", "dev"):
        items, _ = pool(polnear / split, {})
        for x in items:
            content, _, cue = x["_text"].rpartition(" || ")
            counts[cell_of(content, cue)] += 1
    return counts


def item_key(x: dict) -> tuple:
    """An item of a labelled set, or its eval_stance row: (split, file, content offsets)."""
    return x["split"], x["file"], json.dumps(x["content"])


def item_cells(polnear: Path, sets: list[Path]) -> dict[tuple, str]:
    """item_key -> cell, for every labelled item of the sets."""
    out, texts = {}, {}
    for path in sets:
        for line in path.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            x = json.loads(line)
            if (x["split"], x["file"]) not in texts:
                texts[x["split"], x["file"]] = (polnear / x["split"] / "text" / f"{x['file']}.txt").read_text(encoding="utf-8")
            text = texts[x["split"], x["file"]]
            content = " ".join(text[s:e] for s, e in x["content"])
            cue = " ".join(text[s:e] for s, e in x.get("cue") or [])
            out[item_key(x)] = cell_of(content, cue)
    return out


def scored_rows(polnear: Path, sets: list[Path], gold_spans: bool):
    """Every labelled item's eval_stance row with its cell, set by set in the sets' order: (cell, row)."""
    from counterclaim.dev.evaluate import eval_stance

    cells = item_cells(polnear, sets)
    for path in sets:
        for r in eval_stance(path, polnear=polnear, gold_spans=gold_spans)["rows"]:
            yield cells[item_key(r)], r


def estimate(by_cell: dict[str, list[tuple[str, str]]], weight: dict[str, float]) -> dict[str, float]:
    """Post-stratified accuracy and denial P/R from (gold, predicted) pairs per cell."""
    acc = sum(weight[c] * sum(g == p for g, p in xs) / len(xs) for c, xs in by_cell.items() if xs)

    def rate(c, f):
        xs = by_cell[c]
        return weight[c] * sum(1 for g, p in xs if f(g, p)) / len(xs) if xs else 0.0

    tp = sum(rate(c, lambda g, p: g == p == "denies") for c in by_cell)
    gold = sum(rate(c, lambda g, p: g == "denies") for c in by_cell)
    pred = sum(rate(c, lambda g, p: p == "denies") for c in by_cell)
    return {"accuracy": acc, "denies_p": tp / pred if pred else 0.0, "denies_r": tp / gold if gold else 0.0,
            "denies_share": gold}


def bootstrap(by_cell: dict, weight: dict, reps: int, seed: int) -> dict[str, tuple[float, float]]:
    rng = random.Random(seed)
    draws: dict[str, list[float]] = {}
    for _ in range(reps):
        sample = {c: [rng.choice(xs) for _ in xs] for c, xs in by_cell.items()}
        for k, v in estimate(sample, weight).items():
            draws.setdefault(k, []).append(v)
    out = {}
    for k, vs in draws.items():
        vs.sort()
        out[k] = (vs[int(0.025 * reps)], vs[min(reps - 1, int(0.975 * reps))])
    return out


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=Path)
    ap.add_argument("sets", type=Path, nargs="+")
    ap.add_argument("--gold-spans", action="store_true", help="the corpus' attributions instead of predicted ones")
    ap.add_argument("--reps", type=int, default=2000)
    ap.add_argument("--seed", type=int, default=1)
    a = ap.parse_args()
    counts = population(a.polnear)
    total = sum(counts.values())
    weight = {c: n / total for c, n in counts.items()}
    by_cell: dict[str, list[tuple[str, str]]] = {c: [] for c in CELLS}
    labelled = dict.fromkeys(CELLS, 0)
    for c, r in scored_rows(a.polnear, a.sets, a.gold_spans):
        labelled[c] += 1
        if r["pred"] is not None:
            by_cell[c].append((r["gold"], r["pred"]))
    mode = "corpus' attributions" if a.gold_spans else "predicted attributions"
    print(f"natural mix of PolNeAR train+dev attributions ({total}), {len(a.sets)} set(s), {mode}")
    for c in CELLS:
        xs = by_cell[c]
        acc = sum(g == p for g, p in xs) / len(xs) if xs else float("nan")
        den = (sum(g == "denies" for g, _ in xs), sum(p == "denies" for _, p in xs), sum(g == p == "denies" for g, p in xs))
        print(f"  cell {c:<15} share {weight[c]:.3f}  labelled {labelled[c]:>4}  matched {len(xs):>4}  accuracy {acc:.4f}"
              f"  denies gold {den[0]:>3} predicted {den[1]:>3} right {den[2]:>3}")
    est = estimate(by_cell, weight)
    ci = bootstrap(by_cell, weight, a.reps, a.seed)
    for k in ("accuracy", "denies_p", "denies_r", "denies_share"):
        lo, hi = ci[k]
        print(f"  {k:<13} {est[k]:.4f}  (95% CI {lo:.4f}-{hi:.4f})")


if __name__ == "__main__":
    main()
