"""How far apart the labels of a stance set are: agreement and Cohen's kappa between two label fields.

Usage: python eval/stance/agreement.py SET.jsonl [FIELD_A FIELD_B]   (default: label_first label_second)

With a third field in mind (the original ``label`` of the audit set), run it once per pair. Prints the share of
items with the same label, Cohen's kappa, and for each label how many of FIELD_A's items FIELD_B gives it too.
Reads labels only: it never runs the analyzer, so it may be run on held-out sets.
"""
from __future__ import annotations

import json
import sys
from collections import Counter
from pathlib import Path

LABELS = ("asserts", "denies", "no_knowledge", "none")


def agreement(a: list[str], b: list[str]) -> tuple[float, float]:
    """Observed agreement and Cohen's kappa of two equally long label lists."""
    n = len(a)
    po = sum(x == y for x, y in zip(a, b)) / n
    ca, cb = Counter(a), Counter(b)
    pe = sum(ca[k] * cb[k] for k in ca) / (n * n)
    return po, (po - pe) / (1 - pe) if pe < 1 else 1.0


def main() -> None:
    path = Path(sys.argv[1])
    fa, fb = (sys.argv[2], sys.argv[3]) if len(sys.argv) > 3 else ("label_first", "label_second")
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    rows = [r for r in rows if r.get(fa) and r.get(fb)]
    a, b = [r[fa] for r in rows], [r[fb] for r in rows]
    po, k = agreement(a, b)
    print(f"{path.name}: {fa} vs {fb} on {len(rows)} items: agreement {po:.3f}, kappa {k:.3f}")
    for lbl in LABELS:
        mine = [y for x, y in zip(a, b) if x == lbl]
        if mine:
            print(f"  {fa} {lbl:<12} {len(mine):>4}: {fb} gives the same to {sum(y == lbl for y in mine)}"
                  f"  ({', '.join(f'{k} {v}' for k, v in Counter(mine).most_common() if k != lbl) or 'no other'})")


if __name__ == "__main__":
    main()
