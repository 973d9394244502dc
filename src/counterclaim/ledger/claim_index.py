"""The claim index: an inverted index (term -> ledger propositions) in the ``claim_terms`` table.

A claim's terms are its resolved actors (``a:PRK``, from the proposition's agent and recipient), its
relation (``r:transfer_arms``) and the stems of its content words (``w:weapon``; the names it
mentions among them). Candidates for a new claim are the propositions sharing its terms, each term
weighted by how rare it is among the postings read; every posting list is read newest first and
cut at ``POSTINGS`` rows, so a lookup costs the same whatever the ledger's size.
"""
from __future__ import annotations

import math
import sqlite3
from collections import defaultdict
from typing import Iterable, Optional

from .claims import features

POSTINGS = 200        # rows read per term (newest first)
CANDIDATES = 40       # propositions scored per claim
ACTOR_WEIGHT = 2.0    # a shared resolved actor counts as much as two rare words


def claim_terms(text: str, agent: Optional[str] = None, recipient: Optional[str] = None,
                relation: Optional[str] = None) -> set[str]:
    """The index terms of a claim."""
    out = {"w:" + w for w in features(text or "").words if w not in ("not", "no", "never", "nothing", "none")}
    for a in (agent, recipient):
        if a:
            out.add("a:" + a)
    if relation:
        out.add("r:" + relation)
    return out


def add(conn: sqlite3.Connection, proposition_id: int, terms: Iterable[str]) -> None:
    conn.executemany("INSERT OR IGNORE INTO claim_terms(term, proposition_id) VALUES (?, ?)",
                     [(t, proposition_id) for t in terms])


def candidates(conn: sqlite3.Connection, terms: set[str], limit: int = CANDIDATES) -> list[int]:
    """The propositions sharing the most (and rarest) terms with a claim, best first."""
    score: dict[int, float] = defaultdict(float)
    for t in terms:
        ids = [r[0] for r in conn.execute(
            "SELECT proposition_id FROM claim_terms WHERE term = ? ORDER BY proposition_id DESC LIMIT ?", (t, POSTINGS))]
        if not ids:
            continue
        w = 1.0 / math.log2(2 + len(ids))
        if t.startswith(("a:", "r:")):
            w *= ACTOR_WEIGHT
        for pid in ids:
            score[pid] += w
    return sorted(score, key=lambda p: (-score[p], -p))[:limit]
