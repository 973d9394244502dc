"""Training the cue model (``nlp.attribution.cue_model.CueModel``) on a PolNeAR-style split.

Every candidate the open rules propose (any verb with a subject and a complement, nominal and
prepositional cues, speaker turns) is labelled positive when a gold attribution shares its cue,
content and (when the gold has one) source characters, as the reference scorer counts them. A
logistic regression (scikit-learn, used here only) learns which candidates are attributions; the
decision threshold is the one maximising out-of-fold F1 over distinct gold attributions.
Deterministic: fixed folds, liblinear solver, weights rounded.
"""
from __future__ import annotations

import os
import re
from pathlib import Path
from typing import Iterable, Iterator, Optional

from ..nlp.attribution.cue_model import CueModel

Range = tuple[int, int]


def read_ann(path: Path) -> list[dict]:
    """BRAT standoff attributions: [{"source": [ranges] | None, "cue": ..., "content": ...}]."""
    spans, rels = {}, []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        tid, body = parts[0], parts[1]
        if tid.startswith("T"):
            label, _, offs = body.partition(" ")
            try:
                spans[tid] = [tuple(int(x) for x in p.split()) for p in offs.split(";")]
            except ValueError:
                continue
        elif tid.startswith("E"):
            rels.append(dict(a.split(":", 1) for a in body.split() if ":" in a))
    out = []
    for a in rels:
        g = {r.lower(): spans.get(a.get(r)) for r in ("Source", "Cue", "Content")}
        if g["content"]:
            out.append(g)
    return out


def polnear_split(split_dir: Path, metadata: Optional[Path] = None) -> Iterator[tuple[str, str, list[dict]]]:
    """(name, text, gold attributions of the first listed annotator) for each annotated article."""
    from .evaluate import polnear_metadata

    split_dir = Path(split_dir)
    first = {name: row["annotators"].split("|")[0] for name, row in polnear_metadata(split_dir, metadata).items()
             if row.get("annotators") and row["annotators"] != "None"}
    anns: dict[str, dict[str, str]] = {}
    for fn in sorted(os.listdir(split_dir / "attributions")):
        m = re.match(r"(.*)_([0-9a-f]{4})\.ann$", fn)
        if m:
            anns.setdefault(m.group(1), {})[m.group(2)] = fn
    for name in sorted(anns):
        choices = anns[name]
        fn = choices.get(first.get(name), choices[sorted(choices)[0]])
        text = (split_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        yield name, text, read_ann(split_dir / "attributions" / fn)


def _chars(ranges, text: str) -> frozenset[int]:
    if not ranges:
        return frozenset()
    return frozenset(i for s, e in ranges for i in range(s, min(e, len(text))) if not text[i].isspace())


def label_candidates(text: str, cands, gold: list[dict]) -> list[int]:
    """For each candidate, the index of a gold attribution it matches, or -1."""
    g_sets = [(_chars(g["cue"], text), _chars(g["content"], text), _chars(g["source"], text) if g["source"] else None)
              for g in gold]
    out = []
    for c in cands:
        cue, content = _chars([c.cue], text), _chars(c.content, text)
        src = _chars([c.source], text) if c.source else frozenset()
        best, best_n = -1, 0
        for gi, (gq, gc, gs) in enumerate(g_sets):
            n = len(gc & content)
            if n and (gq & cue) and (gs is None or (gs & src)) and n > best_n:
                best, best_n = gi, n
        out.append(best)
    return out


def collect(docs_and_gold: Iterable[tuple], rules) -> tuple[list[dict], list[int], list[tuple[int, int]]]:
    """Features, labels (0/1) and (article, gold index) keys of every candidate."""
    from ..nlp.attribution.assembly import candidates

    X, y, keys = [], [], []
    for ai, (doc, gold) in enumerate(docs_and_gold):
        text = doc.text
        cands = candidates(doc, rules, text)
        for c, gi in zip(cands, label_candidates(text, cands, gold)):
            X.append(c.feats)
            y.append(int(gi >= 0))
            keys.append((ai, gi))
    return X, y, keys


def fit(X: list[dict], y: list[int], keys: list[tuple[int, int]], n_gold: int, c: float = 0.5,
        folds: int = 4, meta: Optional[dict] = None) -> tuple[CueModel, dict]:
    """Train the logistic regression; pick the threshold on out-of-fold probabilities."""
    import numpy as np
    from sklearn.feature_extraction import DictVectorizer
    from sklearn.linear_model import LogisticRegression

    vec = DictVectorizer(sparse=True)
    M = vec.fit_transform(X).tocsr()
    M.indices = M.indices.astype(np.int32)  # liblinear wants 32-bit sparse indices
    M.indptr = M.indptr.astype(np.int32)
    Y = np.array(y)
    art = np.array([k[0] for k in keys])
    oof = np.zeros(len(y))
    for f in range(folds):
        test = art % folds == f
        clf = LogisticRegression(C=c, solver="liblinear", max_iter=2000)
        clf.fit(M[~test], Y[~test])
        oof[test] = clf.predict_proba(M[test])[:, 1]
    best = (0.0, 0.5, 0.0, 0.0)
    for t in np.arange(0.20, 0.80, 0.01):
        sel = oof >= t
        hit = {keys[i] for i in np.flatnonzero(sel) if keys[i][1] >= 0}
        p = len(hit) / max(1, int(sel.sum()))
        r = len(hit) / max(1, n_gold)
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        if f1 > best[0]:
            best = (f1, float(t), p, r)
    clf = LogisticRegression(C=c, solver="liblinear", max_iter=2000)
    clf.fit(M, Y)
    names = vec.get_feature_names_out()
    weights = {str(n): round(float(w), 4) for n, w in zip(names, clf.coef_[0]) if abs(w) >= 1e-3}
    info = {"oof_f1": round(best[0], 4), "oof_p": round(best[2], 4), "oof_r": round(best[3], 4),
            "candidates": len(y), "positives": int(Y.sum()), "gold": n_gold}
    model = CueModel(weights=weights, bias=round(float(clf.intercept_[0]), 4), threshold=round(best[1], 2),
                     meta={**(meta or {}), "training": info})
    return model, info
