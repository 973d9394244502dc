"""The counts of a dispute, one definition for every screen (board, claim page, API, CLI).

For each side (``asserts``, ``denies``, ``no_knowledge``): ``statements``, the statements taking
that side, and ``sources``, the distinct sources among them (the actor when resolved, else the
source's own words, case-folded as SQLite's ``lower`` does). Only links that count in a dispute
are counted: at least ``min_confidence`` sure, with a known source (see ``queries.disputes``).
"""
from __future__ import annotations

from typing import Iterable, Optional

SIDES = ("asserts", "denies", "no_knowledge")
SIDE_LABEL = {"asserts": "asserts", "denies": "denies", "no_knowledge": "does not know"}
# where each side's statements sit in a dispute (queries.disputes) and in a proposition (queries.proposition)
DISPUTE_KEYS = {"asserts": "asserted_by", "denies": "denied_by", "no_knowledge": "no_knowledge"}

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")


def source_key(ref: dict) -> Optional[str]:
    """Who a statement's source is, for counting sides (None: nobody known)."""
    actor = ref.get("actor")
    if actor and actor.get("id"):
        return actor["id"]
    if ref.get("source_text") is not None:
        return "src:" + ref["source_text"].translate(_ASCII_LOWER)
    return None


def counts_link(ref: dict, min_confidence: float) -> bool:
    """Whether a statement's link to a claim counts: sure enough, with a known source."""
    conf = ref.get("confidence")
    return source_key(ref) is not None and (conf is None or conf >= min_confidence)


def side_count(refs: Iterable[dict], min_confidence: float = 0.0) -> dict:
    kept = [r for r in refs or () if counts_link(r, min_confidence)]
    return {"statements": len(kept), "sources": len({source_key(r) for r in kept})}


def dispute_counts(item: dict, min_confidence: float = 0.0) -> dict:
    """``{side: {"statements": n, "sources": m}}`` for a dispute (``queries.disputes`` item, sides
    under ``asserted_by`` / ``denied_by`` / ``no_knowledge``) or a proposition (``queries.proposition``,
    sides under ``asserts`` / ``denies`` / ``no_knowledge``). A dispute's lists hold only the links
    that count already; a proposition's hold every link, so pass the ledger's ``min_confidence``."""
    out = {}
    for side in SIDES:
        key = DISPUTE_KEYS[side] if DISPUTE_KEYS[side] in item else side
        out[side] = side_count(item.get(key) or [], min_confidence)
    return out
