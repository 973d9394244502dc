"""Fit the claim matcher's logistic regression on train pairs and measure it on dev pairs.

    PYTHONPATH=src python eval/claims/fit_matcher.py --train-db TRAIN.db --dev-db DEV.db [--write]

TRAIN.db and DEV.db are ledgers of the PolNeAR articles the pairs name (`counterclaim ingest`); the
pairs are eval/claims/pairs-{train,dev}.jsonl (make_pairs.py). Each statement of a pair is read as the
claim its analysis links it to (the proposition of its surest stance, among the analysed statements
overlapping the pair's offsets); the features are ``ledger.matching.pair_features`` of the two claims.
Pairs where a statement has no claim are counted apart (they are misses for recall). ``--write``
saves the weights and threshold to src/counterclaim/data/claim_match.json.
"""
from __future__ import annotations

import argparse
import json
import sqlite3
import sys
from pathlib import Path
from typing import Optional

import numpy as np

from counterclaim.ledger import matching
from counterclaim.ledger.gold_disputes import article_stem
from counterclaim.model import Analysis

HERE = Path(__file__).resolve().parent


def claims_by_statement(db: Path) -> dict[str, list]:
    """article stem -> [(content ranges, local proposition, confidence)] for every analysed statement."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    out: dict[str, list] = {}
    for aid, origin, js in conn.execute("SELECT id, origin, analysis FROM articles"):
        a = Analysis.from_dict(json.loads(js), text="")
        props = {p.id: p for p in a.propositions}
        rows = out.setdefault(article_stem(origin, aid), [])
        for st in a.statements:
            best = max(st.stances, key=lambda s: s.confidence, default=None)
            if best is None or best.proposition not in props:
                continue
            rows.append(([(c.start, c.end) for c in st.content], props[best.proposition], best.confidence, best.stance))
    return out


def spans_as_claims(pairs: list[dict], text_dir: Path) -> dict[str, list]:
    """The pairs' own statement texts as claims (no actors): the matcher alone, without the analyzer's
    claim extraction."""
    from counterclaim.model import Proposition
    out: dict[str, list] = {}
    for p in pairs:
        for r in (p["a"], p["b"]):
            text = (text_dir / f"{r['article']}.txt").read_text(encoding="utf-8")
            out.setdefault(r["article"], []).append(([(r["start"], r["end"])], Proposition("S", text[r["start"]:r["end"]]),
                                                     1.0, "asserts"))
    return out


def claim_of(index: dict, ref: dict, with_stance: bool = False):
    """The claim of the surest analysed statement overlapping a pair's statement (with its stance)."""
    hits = [(conf, p, stance) for ranges, p, conf, stance in index.get(ref["article"], ())
            if any(s < ref["end"] and ref["start"] < e for s, e in ranges)]
    best = max(hits, key=lambda x: x[0]) if hits else (None, None, None)
    return best[1:] if with_stance else best[1]


def gold_same_side(pair: dict) -> Optional[bool]:
    """Do the two statements of a one-claim pair take the same side (None: not said)?"""
    why = pair.get("label") or pair.get("why") or ""
    if "same side" in why or why == "same_side":
        return True
    if "opposite" in why:
        return False
    return None


def rule_of(ra, rb, same_article: bool) -> int:
    """As ``matching.decide`` rules before the probability: +1 one claim by words and keys
    (``claims.lexical_decision``), -1 never (a fragment without near-identical words, or a
    ``matching.conflict``), 0 the fitted probability decides."""
    lex = matching.lexical_decision(ra.key_text, ra.text, ra.agent, ra.relation, ra.recipient, ra.when,
                                    rb.key_text, rb.text, rb.agent, rb.relation, rb.recipient, rb.when)
    if lex is not None and lex[2] != "gist":
        return 1
    if (ra.fragment or rb.fragment) and (lex is None or lex[0] < matching.FRAGMENT_SIMILARITY):
        return -1
    if lex is not None:
        return 1
    return -1 if matching.conflict(ra, rb, same_article) else 0


def featurize(pairs: list[dict], index: dict, whys: Optional[list] = None,
              sides: Optional[list] = None) -> tuple[np.ndarray, np.ndarray, int, int]:
    """(features, labels) of the pairs whose statements both have a claim; missing positives and negatives.
    ``sides`` gets, per featurized pair, (gold same side or None, the ledger's reading: the analyzer's
    two stances agree after the match's flip)."""
    props, rows = [], []
    for p in pairs:
        (a, sa), (b, sb) = claim_of(index, p["a"], True), claim_of(index, p["b"], True)
        rows.append((a, b, p["same"], p.get("why", ""), p["a"]["article"] == p["b"]["article"], gold_same_side(p),
                     sa, sb))
        props += [x for x in (a, b) if x is not None]
    uniq = {id(p): p for p in props}
    vecs = dict(zip(uniq, matching.embed_claims(list(uniq.values()))))
    X, y, miss_pos, miss_neg = [], [], 0, 0
    for a, b, same, why, pair_article_same, gold_side, sa, sb in rows:
        if a is None or b is None:
            miss_pos += same
            miss_neg += not same
            continue
        ra, rb = matching.ClaimRow.of(a, vecs[id(a)]), matching.ClaimRow.of(b, vecs[id(b)])
        X.append([rule_of(ra, rb, pair_article_same)] + matching.pair_features(ra, rb, pair_article_same))
        y.append(same)
        if whys is not None:
            whys.append(why)
        if sides is not None:
            sides.append((gold_side, (sa == sb) != matching.flips(ra, rb)))
    return np.array(X, dtype=float), np.array(y, dtype=bool), miss_pos, miss_neg


SAME_LABELS = ("same_side", "opposite")   # a labelled pair of one claim (paraphrase or the two sides of it)


def read_pairs(path: Path) -> list[dict]:
    """Pairs of a JSON Lines file: ``same`` given, or derived from a ``label`` (same_side / opposite:
    one claim; related / unrelated: not)."""
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        p = json.loads(line)
        if "same" not in p:
            if p.get("label") not in (*SAME_LABELS, "related", "unrelated"):
                continue  # not labelled (yet)
            p["same"] = p["label"] in SAME_LABELS
            p.setdefault("why", p["label"])
        out.append(p)
    return out


def load(name: str) -> list[dict]:
    return read_pairs(HERE / f"pairs-{name}.jsonl")


def decide(X: np.ndarray, prob: np.ndarray, thr: float) -> np.ndarray:
    """The matcher's decision: the rule where one applies, else the fitted probability."""
    return np.where(X[:, 0] > 0, True, np.where(X[:, 0] < 0, False, prob >= thr))


def prf(pred: np.ndarray, y: np.ndarray, missed_pos: int = 0) -> dict:
    tp = int((pred & y).sum())
    fp = int((pred & ~y).sum())
    fn = int((~pred & y).sum()) + missed_pos
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return {"p": round(p, 3), "r": round(r, 3), "tp": tp, "fp": fp, "fn": fn}


def main(argv=None) -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--train-db", type=Path, required=True)
    ap.add_argument("--dev-db", type=Path, required=True)
    ap.add_argument("--write", action="store_true")
    ap.add_argument("--extra-train", type=Path, nargs="*", default=[],
                    help="More labelled train pairs (JSON Lines with same, or label same_side/opposite/related/unrelated).")
    ap.add_argument("--use", nargs="+", default=["cosine"], choices=list(matching.FEATURES),
                    help="The features fitted (the others get weight 0): with few labelled pairs, few features.")
    ap.add_argument("--c", type=float, default=100.0, help="Inverse regularization strength.")
    ap.add_argument("--min-precision", type=float, default=None,
                    help="Threshold: the lowest whose precision on the train pairs reaches this (default: best F1).")
    ap.add_argument("--texts", type=Path, nargs=2, metavar=("TRAIN_TEXT", "DEV_TEXT"),
                    help="Use the statements' own words (PolNeAR text folders) as claims instead of the analyses.")
    args = ap.parse_args(argv)
    from sklearn.linear_model import LogisticRegression

    if args.texts:
        train_all = load("train") + [p for f in args.extra_train for p in read_pairs(f)]
        it, id_ = spans_as_claims(train_all, args.texts[0]), spans_as_claims(load("dev"), args.texts[1])
    else:
        it, id_ = claims_by_statement(args.train_db), claims_by_statement(args.dev_db)
    train = load("train") + [p for f in args.extra_train for p in read_pairs(f)]
    st: list = []
    Xt, yt, mt, nt = featurize(train, it, sides=st)
    wd: list = []
    sd: list = []
    Xd, yd, md, nd = featurize(load("dev"), id_, wd, sd)
    print(f"train pairs with claims: {len(yt)} ({int(yt.sum())} same); without: {mt} same, {nt} not")
    print(f"dev pairs with claims: {len(yd)} ({int(yd.sum())} same); without: {md} same, {nd} not")
    fit = Xt[:, 0] >= 0  # every pair no conflict parts (the lexical rule found every train positive)
    C = args.c
    cols = [1 + matching.FEATURES.index(f) for f in args.use]
    lr = LogisticRegression(C=C, class_weight="balanced", max_iter=1000).fit(Xt[fit][:, cols], yt[fit])
    weights = np.zeros(len(matching.FEATURES))
    weights[[c - 1 for c in cols]] = lr.coef_[0]
    model = {"features": list(matching.FEATURES), "weights": [round(float(w), 4) for w in weights],
             "bias": round(float(lr.intercept_[0]), 4)}
    prob = lambda X: np.array([matching.probability(x, model) for x in X[:, 1:]])  # noqa: E731
    pt = prob(Xt)
    f1 = lambda r: 2 * r["p"] * r["r"] / ((r["p"] + r["r"]) or 1)  # noqa: E731
    # the threshold: the best F1 on the train pairs, or with --min-precision the lowest threshold whose
    # train precision reaches it (the ledger scores far more different-claim candidates than the pairs hold)
    cands = np.unique(np.round(pt[fit], 4))
    if args.min_precision:
        scored = Xt[:, 0] == 0  # the pairs the probability decides (no rule applies)
        ok = [t for t in cands if (lambda r: r["p"] >= args.min_precision and r["tp"] > 0)(
            prf(pt[scored] >= t, yt[scored]))]
        thr = min(ok) if ok else float(cands.max()) + 1e-4
    else:
        thr = max(cands, key=lambda t: f1(prf(decide(Xt, pt, t), yt)))
    pd_ = prob(Xd)
    default = np.array([matching.probability(x, matching.DEFAULT_MODEL) for x in Xd[:, 1:]])
    rep = {**model, "threshold": round(float(thr), 4), "fitted": args.use,
           "train": prf(decide(Xt, pt, thr), yt), "dev": prf(decide(Xd, pd_, thr), yd),
           "dev_with_unclaimed": prf(decide(Xd, pd_, thr), yd, md),
           "default_dev": prf(decide(Xd, default, 0.5), yd),
           "shipped_dev": prf(decide(Xd, np.array([matching.probability(x) for x in Xd[:, 1:]]),
                                     float(matching.model().get("threshold", 0.5))), yd),
           "shipped_train": prf(decide(Xt, np.array([matching.probability(x) for x in Xt[:, 1:]]),
                                       float(matching.model().get("threshold", 0.5))), yt),
           "shipped_train_scored": prf(np.array([matching.probability(x) for x in Xt[Xt[:, 0] == 0, 1:]])
                                       >= float(matching.model().get("threshold", 0.5)), yt[Xt[:, 0] == 0]),
           "rules_dev": {"lexical_same": int((Xd[:, 0] > 0).sum()), "conflict": int((Xd[:, 0] < 0).sum()),
                         "conflict_on_same": int(((Xd[:, 0] < 0) & yd).sum())}}
    from sklearn.metrics import roc_auc_score
    rep["dev_auc"] = {f: round(float(roc_auc_score(yd, Xd[:, i + 1])), 3) for i, f in enumerate(matching.FEATURES)
                      if len(set(Xd[:, i + 1])) > 1}
    rep["dev_auc"]["model"] = round(float(roc_auc_score(yd, pd_)), 3)
    for name, sides, X_, p_ in (("train", st, Xt, pt), ("dev", sd, Xd, pd_)):
        matched = decide(X_, p_, thr)
        told = [(g, r) for (g, r), m_ in zip(sides, matched) if g is not None and m_]
        rep[f"sides_{name}"] = {"matched one-claim pairs": len(told), "sides right": sum(g == r for g, r in told),
                                "opposite": sum(not g for g, _ in told),
                                "opposite right": sum(not g and not r for g, r in told)}
    whys = np.array(wd)
    for kind in ("same side", "opposite sides"):
        sel = np.array([kind in w or "different" in w for w in whys])
        rep[f"dev ({kind} + all different)"] = prf(decide(Xd[sel], pd_[sel], thr), yd[sel])
    json.dump(rep, sys.stdout, indent=1)
    print()
    if args.write:
        out = {k: rep[k] for k in ("features", "weights", "bias", "threshold")}
        out["fitted_on"] = " + ".join(["eval/claims/pairs-train.jsonl", *(f"eval/claims/{f.name}" for f in args.extra_train)]) \
            + " (eval/claims/fit_matcher.py --use " + " ".join(args.use) + ")"
        out["measured"] = {"train": rep["train"], "dev": rep["dev"]}
        matching.WEIGHTS_PATH.write_text(json.dumps(out, indent=1) + "\n", encoding="utf-8")
        print(f"wrote {matching.WEIGHTS_PATH}")


if __name__ == "__main__":
    main()
