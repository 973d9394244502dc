"""The rows of the stance sets whose label was reviewed when the sets moved to the positive-form convention.

Usage: python eval/stance/relabel_selection.py ../shared/polnear [SET.jsonl...] [--show]

Under the earlier (rebuttal) convention a plain negation was `asserts` unless it rebutted a claim made
before it; under the positive-form convention (README.md) it `denies` the claim in its positive form. Only
rows whose content or cue can hold a negation or a rejection, or that were labelled `denies`, can change label,
so those were read again in their articles and given the new label; every other row kept its label. A row is
selected when

- its content or its cue holds a negation word (NEGATION: not, n't, never, no, none, nobody, nothing,
  neither, nor, without, cannot), or
- its content or its cue holds a rejecting word (REJECTION: deny, false, untrue, hoax, fake, lie, baseless,
  "no evidence", nonsense, wrong, reject, dismiss, refute, rebut, dispute, …), or
- its label under the earlier convention (`label_rebuttal_convention`, or `label` in a file without it) is
  `denies`.

The cue matters for a negated cue with an affirmative content ("is not expected to meet the pope", "did not
dispute that…"). By default every set beside this script except
fresh-train-dev.jsonl (labelled under the positive-form convention from the start). Prints how many rows
of each set are selected; `--show` prints each selected row's key and content.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

NEGATION = re.compile(r"(?:\b(?:not|never|no|none|nobody|nothing|neither|nor|without|cannot)\b|n't\b|n’t\b)", re.I)
REJECTION = re.compile(r"\b(?:den(?:y|ied|ies|ying|ial\w*)|false\w*|untrue|hoax\w*|fake\w*|lie|lies|lied|lying|liar\w*|"
                       r"baseless|no evidence|nonsense|ridiculous|absurd|wrong\w*|fabricat\w*|bogus|phony|myth\w*|"
                       r"reject\w*|dismiss\w*|refut\w*|rebut\w*|disput\w*)\b", re.I)
HERE = Path(__file__).resolve().parent
NOT_REVIEWED = ("fresh-train-dev.jsonl", "fresh-train-dev-second.jsonl", "fresh-train-dev-third.jsonl",
                "fit-train-dev.jsonl", "fit-train-dev-second.jsonl", "fit-train-dev-third.jsonl",
                "fit-train-dev-fourth.jsonl")  # labelled under the positive-form convention from the start


def default_sets() -> list[Path]:
    return [p for p in sorted(HERE.glob("*.jsonl")) if p.name not in NOT_REVIEWED]


def span_text(polnear: Path, row: dict, field: str, cache: dict) -> str:
    """The text of a row's `content` or `cue` spans, joined by spaces."""
    key = (row["split"], row["file"])
    if key not in cache:
        cache[key] = (polnear / row["split"] / "text" / f"{row['file']}.txt").read_text(encoding="utf-8")
    return " ".join(cache[key][s:e] for s, e in row.get(field) or [])


def selected(content: str, cue: str, old_label: str) -> bool:
    """Whether a row was reviewed: negation or rejection in its content or cue, or labelled `denies` before."""
    return any(NEGATION.search(t) or REJECTION.search(t) for t in (content, cue)) or old_label == "denies"


def is_selected(polnear: Path, row: dict, cache: dict) -> bool:
    return selected(span_text(polnear, row, "content", cache), span_text(polnear, row, "cue", cache), old_label(row))


def old_label(row: dict) -> str:
    return row.get("label_rebuttal_convention", row["label"])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=Path)
    ap.add_argument("sets", type=Path, nargs="*")
    ap.add_argument("--show", action="store_true")
    a = ap.parse_args()
    cache: dict = {}
    total = 0
    for path in a.sets or default_sets():
        rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        picked = [r for r in rows if is_selected(a.polnear, r, cache)]
        total += len(picked)
        print(f"{path.name}: {len(picked)} of {len(rows)} rows selected")
        if a.show:
            for r in picked:
                print(f"  {r['split']} {r['file']} {json.dumps(r['content'])} {old_label(r)}: "
                      f"{span_text(a.polnear, r, 'content', cache)} || {span_text(a.polnear, r, 'cue', cache)}")
    print(f"total {total}", file=sys.stderr)


if __name__ == "__main__":
    main()
