"""The cue lexicons of cc_attribution, read once from ``counterclaim/data/*.tsv``.

Each file starts with ``#`` comment lines naming its sources, then a header row, then one entry a line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache

from ..lexicons import tsv_rows


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
    no_comment: dict[str, frozenset] = field(default_factory=dict)      # class -> lemmas (no_comment_cues.tsv)
    no_comment_lemmas: frozenset = frozenset()  # the lemmas a no-comment rule starts from (any class above)


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    lex = Lexicon()
    for r in tsv_rows("reporting_verbs.tsv"):
        lem = r["lemma"].strip().lower()
        lex.verbs.setdefault(lem, VerbCue(lem, r["class"], r["frame"], float(r["weight"])))
    for r in tsv_rows("reporting_nouns.tsv"):
        lem = r["lemma"].strip().lower()
        lex.nouns.setdefault(lem, NounCue(lem, r["class"], float(r["weight"])))
    for r in tsv_rows("attribution_markers.tsv"):
        lex.markers[tuple(r["words"].lower().split())] = float(r["weight"])
    nc: dict[str, set] = {}
    for r in tsv_rows("no_comment_cues.tsv"):
        nc.setdefault(r["class"].strip(), set()).add(r["lemma"].strip().lower())
    lex.no_comment = {k: frozenset(v) for k, v in nc.items()}
    lex.no_comment_lemmas = frozenset().union(*(lex.no_comment.get(k, ()) for k in
                                                ("refuse", "speech_act", "respond", "unreachable")))
    return lex
