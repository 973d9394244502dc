"""Training the attribution cue model (``counterclaim train attribution``) on a PolNeAR split."""
from __future__ import annotations

from pathlib import Path
from typing import Callable, Optional


def train_attribution(split: Path, out: Path, *, c: float = 0.5, metadata: Optional[Path] = None,
                      log: Optional[Callable[[str], None]] = None) -> tuple:
    """Fit the cue model on the rule candidates of ``split`` (text/ and attributions/), write it to
    ``out`` as JSON and return (model, info): info holds the out-of-fold figures."""
    from ..nlp.attribution import load_lexicon
    from ..nlp.attribution import Rules, load_colon_labels
    from ..nlp.pipeline import bare_nlp
    from .attr_train import collect, fit, polnear_split

    items = list(polnear_split(split, metadata))
    if log:
        log(f"parsing {len(items)} articles of {split} ...")
    nlp = bare_nlp()
    rules = Rules(load_lexicon(), set(load_colon_labels()), open_verbs=True)
    docs = nlp.pipe((text for _, text, _ in items), batch_size=32)
    X, y, keys = collect(((doc, gold) for doc, (_, _, gold) in zip(docs, items)), rules)
    n_gold = sum(len(g) for _, _, g in items)
    model, info = fit(X, y, keys, n_gold, c=c, meta={
        "trained_on": f"PolNeAR {split.name} split ({len(items)} articles, first listed annotator)",
        "learner": f"logistic regression (scikit-learn liblinear, C={c}) over rule candidates",
    })
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(model.to_json(), encoding="utf-8")
    return model, info
