"""The cue model: a logistic regression over the features of an attribution candidate.

Weights live in ``nlp/models/attribution_cues.json`` (built by ``counterclaim train attribution``
from the PolNeAR train split, see ``counterclaim/dev/attr_train.py``); scoring is a dot product, no ML library
needed at run time.
"""
from __future__ import annotations

import json
import math
from dataclasses import dataclass
from importlib import resources
from pathlib import Path
from typing import Optional, Union

FORMAT = "counterclaim-cue-model/1"
MODEL_NAME = "attribution_cues.json"


@dataclass
class CueModel:
    weights: dict[str, float]
    bias: float
    threshold: float
    meta: dict

    def prob(self, feats: dict[str, float]) -> float:
        w = self.weights
        s = 0  # summed in the same order as ``sum`` over a generator (the same float), without one
        for k, v in feats.items():
            s += w.get(k, 0.0) * v
        z = self.bias + s
        if z < -30:
            return 0.0
        return 1.0 / (1.0 + math.exp(-z))

    def to_json(self) -> str:
        return json.dumps({"format": FORMAT, **self.meta, "threshold": self.threshold, "bias": self.bias,
                           "weights": dict(sorted(self.weights.items()))}, indent=0, sort_keys=False)

    @classmethod
    def from_json(cls, text: str) -> "CueModel":
        d = json.loads(text)
        if d.get("format") != FORMAT:
            raise ValueError(f"not a {FORMAT} file")
        meta = {k: v for k, v in d.items() if k not in ("format", "threshold", "bias", "weights")}
        return cls(weights={k: float(v) for k, v in d["weights"].items()}, bias=float(d["bias"]),
                   threshold=float(d["threshold"]), meta=meta)


def model_text(path: Optional[Union[str, Path]] = None) -> Optional[str]:
    """The model file's text: the one at ``path`` when given, else the shipped model (None when it
    has not been built)."""
    if path is not None:
        return Path(path).read_text(encoding="utf-8")
    res = resources.files("counterclaim.nlp").joinpath("models").joinpath(MODEL_NAME)
    if not res.is_file():
        return None
    return res.read_text(encoding="utf-8")


def load_model(path: Optional[Union[str, Path]] = None) -> Optional[CueModel]:
    """The model at ``path``, or the shipped one, or None when it has not been built (the rules then
    run on their own)."""
    text = model_text(path)
    return CueModel.from_json(text) if text is not None else None
