"""Matching a claim to the ledger by meaning: candidates from the claim index, scored by a
sentence embedding and by actor, relation and time agreement.

For each proposition of an article (its positive clause, ``Proposition.claim`` when the analyzer
gives one, else its gist):

1. candidates: the ledger propositions sharing its resolved actors, relation or content words
   (``claim_index.candidates``: a few indexed lookups, never a scan of the ledger);
2. a candidate is the same claim when the words and structured keys say so
   (``claims.lexical_decision``: same agent, relation and recipient, or near-identical gists), or
   when nothing parts them (``conflict``: different known agents, recipients or relations,
   conflicting dates, names, or pronouns across articles) and the probability that they are one
   claim reaches the threshold. The probability is a logistic regression over ``pair_features``:
   the cosine of the two claims' MiniLM embeddings (``embedding.py``), the lexical similarity of
   ``claims.gist_similarity`` and the share of content words in common, whether both name the same
   agent or relation, whether one names someone the other does not, whether they share a content
   word that is not a name. Its weights and threshold are in ``data/claim_match.json``, fitted on
   labelled pairs by ``eval/claims/fit_matcher.py``;
3. the best candidate (a structured-key match first) is the match, else the claim is new.

When one claim reads as the other's negation ("did not supply" against "supplied"), or the two are
contrary (``contrary.contrary_predicates``: "was asleep" against "was awake"), the match is
``flipped``: a side taken on the one is the other side on the other. A fragment
(``contrary.is_fragment``) is matched only by the rules of step 2's first half (same key, or
near-identical words), never by meaning.

The confidence of a gist or meaning match is the fitted probability that the two are one claim,
so a low-evidence match counts below the disputes' default threshold; a structured-key match keeps
its rule's confidence.
"""
from __future__ import annotations

import json
import math
import sqlite3
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Iterable, Optional, Sequence

import numpy as np

from ..model import Analysis, Proposition
from . import claim_index, embedding
from .contrary import contrary_predicates, is_fragment
from .claims import (Match, coverage, features, gist_similarity, lexical_decision, names_conflict, share_predicate,
                     when_compatible)

WEIGHTS_PATH = Path(__file__).resolve().parents[1] / "data" / "claim_match.json"
FEATURES = ("cosine", "lexical", "coverage", "same_agent", "same_relation", "names_extra", "shares_predicate",
            "same_predicate", "negation_differs", "same_article")
# Used when no fitted weights are shipped: the cosine decides, words and actors adjust.
DEFAULT_MODEL = {"features": list(FEATURES), "weights": [10.0, 3.0, 1.0, 1.0, 1.0, -1.0, 1.0, 1.0, 0.0, 0.0],
                 "bias": -10.0, "threshold": 0.5}
# Personal pronouns: "he endorsed Clinton" in two articles is two people, and "I" is whoever speaks.
# A negation flips a match only when the claims' other words coincide this much (``flips``).
NEGATION_FLIP_COVERAGE = 0.8
# A fragment matches only near-identical words (as a claim with no known doer: claims.AGENTLESS_MATCH).
FRAGMENT_SIMILARITY = 0.95
_PRONOUNS = frozenset({"i", "me", "my", "we", "us", "our", "you", "your", "he", "him", "his", "she", "her",
                       "they", "them", "their"})


def claim_text(p) -> str:
    """The clause a proposition is matched on: its positive claim, else its gist."""
    return getattr(p, "claim", None) or p.gist or ""


@dataclass
class ClaimRow:
    id: Optional[int]
    text: str
    key_text: str = ""
    agent: Optional[str] = None
    relation: Optional[str] = None
    recipient: Optional[str] = None
    when: Optional[str] = None
    vec: Optional[np.ndarray] = None
    predicate: Optional[str] = None
    fragment: bool = False

    @classmethod
    def of(cls, p: Proposition, vec: Optional[np.ndarray] = None) -> "ClaimRow":
        text = claim_text(p)
        return cls(None, text, p.key, p.agent, p.relation, p.recipient, p.when, vec, p.predicate,
                   proposition_fragment(p))


def proposition_fragment(p: Proposition) -> bool:
    """Is an analysed proposition a fragment (``contrary.is_fragment``)? Its arguments count when
    the analyzer gave a predicate (older analyses have neither)."""
    return is_fragment(claim_text(p), p.arguments if p.predicate else None)


def flips(a: ClaimRow, b: ClaimRow, fa=None, fb=None) -> bool:
    """Does a side taken on ``a`` read as the other side on ``b``: one is worded as the other's
    negation, or their predicates are contraries (never both: "was not asleep" / "was awake" agree)?

    A negation counts when the predicates are contraries or the two claims' other words coincide
    (``NEGATION_FLIP_COVERAGE``): the analyzer words claims in their positive form, so a "not" left
    in a claim is mostly in a clause of its own ("No, Donald Trump meant he's the founder of ISIS" is the same side as "Donald Trump was
    the founder"; on the labelled train pairs an unchecked negation flipped 10 same-side pairs for 2
    opposite ones)."""
    fa, fb = fa or features(a.text), fb or features(b.text)
    contrary = contrary_predicates(a.predicate, b.predicate, fa.words, fb.words)
    negation = fa.negated != fb.negated and (contrary or coverage(fa, fb) >= NEGATION_FLIP_COVERAGE)
    return negation != contrary


@lru_cache(maxsize=1 << 14)
def _pronouns(text: str) -> frozenset[str]:
    return frozenset(w for w in text.lower().replace("’", "'").replace("'", " ").split() if w in _PRONOUNS)


def conflict(a: ClaimRow, b: ClaimRow, same_article: bool = False) -> Optional[str]:
    """Why two claims cannot be one, whatever their words: different known agents, recipients or
    relations, dates that disagree, each naming someone the other does not, or (across articles)
    different pronouns: "he" in two articles is two people."""
    for x, y, what in ((a.agent, b.agent, "agent"), (a.recipient, b.recipient, "recipient"),
                       (a.relation, b.relation, "relation")):
        if x and y and x != y:
            return what
    if not when_compatible(a.when, b.when):
        return "when"
    if names_conflict(features(a.text), features(b.text)):
        return "names"
    if not same_article and _pronouns(a.text) != _pronouns(b.text):
        return "pronouns"
    return None


def pair_features(a: ClaimRow, b: ClaimRow, same_article: bool = False) -> list[float]:
    """The features of FEATURES for two claims (symmetric)."""
    fa, fb = features(a.text), features(b.text)
    lex = gist_similarity(fa, fb)
    if a.vec is not None and b.vec is not None:
        cos = float(np.dot(a.vec, b.vec))
    else:
        cos = lex  # no embedding model: the lexical similarity stands in
    return [cos, lex, coverage(fa, fb),
            1.0 if a.agent and a.agent == b.agent else 0.0,
            1.0 if a.relation and a.relation == b.relation else 0.0,
            1.0 if fa.names ^ fb.names else 0.0,
            1.0 if share_predicate(fa, fb) else 0.0,
            1.0 if a.predicate and a.predicate == b.predicate else 0.0,
            1.0 if fa.negated != fb.negated else 0.0,
            1.0 if same_article else 0.0]


@lru_cache(maxsize=4)
def _load_model(path: str) -> dict:
    p = Path(path)
    if not p.is_file():
        return DEFAULT_MODEL
    m = json.loads(p.read_text(encoding="utf-8"))
    if list(m.get("features", [])) != list(FEATURES):
        raise ValueError(f"{p}: fitted on features {m.get('features')}, the matcher computes {list(FEATURES)}")
    return m


def model() -> dict:
    return _load_model(str(WEIGHTS_PATH))


def probability(f: Sequence[float], m: Optional[dict] = None) -> float:
    m = m or model()
    z = m["bias"] + sum(w * x for w, x in zip(m["weights"], f))
    return 1.0 / (1.0 + math.exp(-max(min(z, 50.0), -50.0)))


def embed_claims(props: Sequence[Proposition]) -> list[Optional[np.ndarray]]:
    """One embedding per proposition (None for all when the model is not installed)."""
    if not props or not embedding.available():
        return [None] * len(props)
    return list(embedding.embed([claim_text(p) for p in props]))


def embed_ahead(analyses: Iterable[Analysis]) -> None:
    """Embed the claims of several analyses in one pass before they are stored one by one: the
    encoder keeps the vectors of recent texts, so ``embed_claims`` then finds them ready (one pass
    over a batch's claims costs less per claim than one per article)."""
    texts = [claim_text(p) for a in analyses for p in a.propositions]
    if texts and embedding.available():
        embedding.embed(texts)


_ROW_SQL = ('SELECT id, COALESCE(claim, gist), key, agent, relation, recipient, "when", embedding, predicate, fragment '
            'FROM propositions WHERE id IN ({})')


def _rows(conn: sqlite3.Connection, ids: list[int]) -> list[ClaimRow]:
    if not ids:
        return []
    rows = conn.execute(_ROW_SQL.format(",".join("?" * len(ids))), ids).fetchall()
    vecs = iter(embedding.from_blobs([r[7] for r in rows if r[7]]))  # the candidates' vectors in one conversion
    return [ClaimRow(pid, text, key, agent, relation, recipient, when, next(vecs) if blob else None, predicate,
                     bool(fragment))
            for pid, text, key, agent, relation, recipient, when, blob, predicate, fragment in rows]


def match_claim(conn: sqlite3.Connection, p: Proposition, vec: Optional[np.ndarray] = None,
                local: frozenset[int] | set[int] = frozenset()) -> Match:
    """The ledger proposition an article's proposition is about, or Match(None, ...) for a new one.
    ``local``: the ledger propositions the article's earlier propositions went to."""
    me = ClaimRow.of(p, vec)
    terms = claim_index.claim_terms(me.text, p.agent, p.recipient, p.relation)
    m = model()
    fme = features(me.text)
    best, best_rank = Match(None, 1.0, "new"), (-1, -1.0)
    for c in _rows(conn, claim_index.candidates(conn, terms)):
        got = decide(me, c, c.id in local, m, fme)
        if got is None:
            continue
        rank, conf, method = got
        if rank > best_rank or (rank == best_rank and best.proposition_id is not None and c.id < best.proposition_id):
            best_rank = rank
            best = Match(c.id, round(min(conf, 1.0), 3), method, flips(me, c, fme))
    return best


def decide(a: ClaimRow, b: ClaimRow, same_article: bool = False, m: Optional[dict] = None,
           fa=None) -> Optional[tuple[tuple[int, float], float, str]]:
    """((tier, score), confidence, method) when ``a`` and ``b`` are one claim, else None.

    One claim when the words and structured keys say so (``claims.lexical_decision``: same key, or
    near-identical gists), or when no ``conflict`` parts them and the fitted probability reaches the
    threshold. A fragment matches only by the key or near-identical words. The confidence of a gist
    or meaning match is the fitted probability (the lexical rule's similarity caps it). Tiers rank a
    structured-key match above a gist or meaning match."""
    m = m or model()
    thr = float(m.get("threshold", 0.5))
    lex = lexical_decision(a.key_text, a.text, a.agent, a.relation, a.recipient, a.when,
                           b.key_text, b.text, b.agent, b.relation, b.recipient, b.when, fa)
    if lex is not None and lex[2] != "gist":
        return (2 if lex[2] == "key" else 1, lex[0]), lex[1], lex[2]
    fragment = a.fragment or b.fragment
    if fragment and (lex is None or lex[0] < FRAGMENT_SIMILARITY):
        return None
    prob = None
    if not conflict(a, b, same_article):
        prob = probability(pair_features(a, b, same_article), m)
    if lex is None and (prob is None or prob < thr):
        return None
    if lex is None:
        return (0, prob), prob, "meaning"
    conf = min(lex[1], prob) if prob is not None else min(lex[1], thr)
    return (0, max(lex[0], prob or 0.0)), conf, "gist"


def store_claim(conn: sqlite3.Connection, p: Proposition, vec: Optional[np.ndarray]) -> int:
    """Insert a new ledger proposition for ``p`` with its embedding and index terms; its id."""
    text = claim_text(p)
    cur = conn.execute(
        'INSERT INTO propositions(key, gist, agent, relation, recipient, theme, "when", claim, embedding, predicate, '
        "fragment) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (p.key, p.gist or p.key, p.agent, p.relation, p.recipient, p.theme, p.when, text,
         embedding.to_blob(vec) if vec is not None else None, p.predicate, int(proposition_fragment(p))))
    pid = cur.lastrowid
    claim_index.add(conn, pid, claim_index.claim_terms(text, p.agent, p.recipient, p.relation))
    return pid
