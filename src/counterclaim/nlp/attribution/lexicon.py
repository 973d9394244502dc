"""The cue lexicons of cc_attribution, read from ``counterclaim/data/*.tsv`` (or the files a component's config names).

Each file starts with ``#`` comment lines naming its sources, then a header row, then one entry a line.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from functools import lru_cache
from typing import Optional

from ...lexicons import data_text, tsv_text_rows


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
    denial_verbs: frozenset = frozenset()  # cues whose source denies what they report (cue_framing.tsv: denies)


# The data files a lexicon is read from, by the name a component's config gives each.
FILES = {"verbs": "reporting_verbs.tsv", "nouns": "reporting_nouns.tsv", "markers": "attribution_markers.tsv",
         "no_comment": "no_comment_cues.tsv", "colon_labels": "colon_labels.tsv", "verdicts": "outlet_verdicts.tsv",
         "framing": "cue_framing.tsv"}


def lexicon_texts(paths: Optional[dict[str, Optional[str]]] = None) -> dict[str, str]:
    """The text of each lexicon file (``FILES``): from ``paths[key]`` when set, else the packaged file."""
    paths = paths or {}
    return {key: data_text(name, paths.get(key)) for key, name in FILES.items()}


def lexicon_from_texts(texts: dict[str, str]) -> Lexicon:
    lex = Lexicon()
    for r in tsv_text_rows(texts["verbs"]):
        lem = r["lemma"].strip().lower()
        lex.verbs.setdefault(lem, VerbCue(lem, r["class"], r["frame"], float(r["weight"])))
    for r in tsv_text_rows(texts["nouns"]):
        lem = r["lemma"].strip().lower()
        lex.nouns.setdefault(lem, NounCue(lem, r["class"], float(r["weight"])))
    for r in tsv_text_rows(texts["markers"]):
        lex.markers[tuple(r["words"].lower().split())] = float(r["weight"])
    nc: dict[str, set] = {}
    for r in tsv_text_rows(texts["no_comment"]):
        nc.setdefault(r["class"].strip(), set()).add(r["lemma"].strip().lower())
    lex.no_comment = {k: frozenset(v) for k, v in nc.items()}
    lex.no_comment_lemmas = frozenset().union(*(lex.no_comment.get(k, ()) for k in
                                                ("refuse", "speech_act", "respond", "unreachable")))
    lex.denial_verbs = frozenset(r["lemma"].strip().lower() for r in tsv_text_rows(texts["framing"])
                                 if r["stance"].strip() == "denies")
    return lex


def colon_labels_from_text(text: str) -> frozenset[str]:
    """Line-initial labels that are not speakers before a colon ("UPDATE: ...", "Photo: ...")."""
    rows = [ln.strip().lower() for ln in text.splitlines() if ln.strip() and not ln.startswith("#")]
    return frozenset(rows[1:])


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    """The packaged cue lexicon."""
    return lexicon_from_texts(lexicon_texts())


@lru_cache(maxsize=1)
def load_colon_labels() -> frozenset[str]:
    """The packaged colon labels."""
    return colon_labels_from_text(data_text(FILES["colon_labels"]))
