"""The cue lexicons of cc_attribution, read once from ``counterclaim/data/*.tsv``.

Each file starts with ``#`` comment lines naming its sources, then a header row, then one entry a line.
"""
from __future__ import annotations

import csv
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from typing import Iterator


@dataclass(frozen=True)
class VerbCue:
    lemma: str
    cls: str
    frame: str  # "clause" | "np"
    weight: float


@dataclass(frozen=True)
class NounCue:
    lemma: str
    cls: str
    weight: float


@dataclass
class Lexicon:
    verbs: dict[str, VerbCue] = field(default_factory=dict)
    nouns: dict[str, NounCue] = field(default_factory=dict)
    markers: dict[tuple[str, ...], float] = field(default_factory=dict)  # ("according", "to") -> weight


def _rows(name: str) -> Iterator[dict]:
    text = resources.files("counterclaim.data").joinpath(name).read_text(encoding="utf-8")
    lines = [ln for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    yield from csv.DictReader(lines, delimiter="\t")


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = Lexicon()
    for r in _rows("reporting_verbs.tsv"):
        lem = r["lemma"].strip().lower()
        lex.verbs.setdefault(lem, VerbCue(lem, r["class"], r["frame"], float(r["weight"])))
    for r in _rows("reporting_nouns.tsv"):
        lem = r["lemma"].strip().lower()
        lex.nouns.setdefault(lem, NounCue(lem, r["class"], float(r["weight"])))
    for r in _rows("attribution_markers.tsv"):
        lex.markers[tuple(r["words"].lower().split())] = float(r["weight"])
    return lex
