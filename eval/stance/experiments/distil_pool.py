"""Unlabelled statements with a teacher's stance probabilities, for training a smaller stance encoder
(``stance_minilm.py --layers 2 --distil POOL``: knowledge distillation, Hinton et al. 2015).

The pool is every attribution of PolNeAR's train and dev splits (the corpus' own spans; never test)
whose content is at most 400 characters, in the articles of no fresh or held-out set. The teacher is a stance encoder weights file (a six-layer one:
``stance_minilm.py final … --save teacher.npz``), run with the analyzer's own numpy encoder. Each line
holds offsets, not corpus text: {"split", "file", "cue": [[start, end]], "content": [[start, end], …],
"probs": [asserts, denies, no_knowledge, none]}.

    python eval/stance/experiments/distil_pool.py ../shared/polnear teacher.npz > pool.jsonl
"""
from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from counterclaim.dev.evaluate import brat_attributions
from counterclaim.nlp.claims.stance_encoder import load_encoder

sys.path.insert(0, str(Path(__file__).resolve().parent))
from stance_minilm import FRESH, HELD_OUT, load  # noqa: E402  the sets the encoder is scored on

MAX_CHARS = 400


def unseen_articles() -> set[str]:
    """The articles of the fresh and held-out sets: none of their statements enters the pool."""
    return {r["file"] for name in FRESH + HELD_OUT for r in load(name)}


def pool_rows(polnear: Path) -> list[dict]:
    away = unseen_articles()
    rows = []
    for split in ("train", "dev"):
        for ann in sorted((polnear / split / "attributions").glob("*.ann")):
            article = ann.stem.rsplit("_", 1)[0]
            if article in away:
                continue
            text = (polnear / split / "text" / f"{article}.txt").read_text(encoding="utf-8")
            for st in brat_attributions(ann, text):
                cue = st.cue.span.text if st.cue else ""
                content = " ".join(s.text for s in st.content)
                if len(content) <= MAX_CHARS:
                    rows.append({"split": split, "file": article, "cue": [[st.cue.span.start, st.cue.span.end]] if st.cue else [],
                                 "content": [[s.start, s.end] for s in st.content], "pair": (cue, content)})
    return rows


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("polnear", type=Path)
    ap.add_argument("teacher", type=Path, help="the teacher's weights (.npz)")
    a = ap.parse_args(argv)
    rows = pool_rows(a.polnear)
    teacher = load_encoder(a.teacher)
    for i in range(0, len(rows), 256):
        batch = rows[i:i + 256]
        for r, p in zip(batch, teacher.probabilities([r.pop("pair") for r in batch])):
            r["probs"] = [round(float(x), 5) for x in p]
            sys.stdout.write(json.dumps(r) + "\n")
    print(f"{len(rows)} statements from {len({r['file'] for r in rows})} articles", file=sys.stderr)


if __name__ == "__main__":
    main()
