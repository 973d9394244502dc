"""Contrary claims and clause fragments, judged by the ledger from the claims' words alone.

Two claims about the same participants are **contrary** when they cannot both be true although
neither is worded as the other's negation: their predicates are an antonym pair ("Hillary Clinton
was asleep" / "Hillary Clinton was awake all night"; WordNet 3.0's direct antonyms, in
``data/antonyms.tsv``). A matched pair that is contrary, or that differs in negation ("did not
supply" / "supplied"), is *flipped*: a side taken on the one is the other side on the other.

A **fragment** is a claim that is no clause of its own: a relative or embedded wh-clause ("who was
running for president", "what he called tribalism"), or a claim whose subject the analyzer did not
find (no arguments: "her of being asleep…", "the so-called Trans-Pacific Partnership"). A fragment
is matched only to the same words and takes no side in a dispute (its links count at most
``FRAGMENT_LINK``).
"""
from __future__ import annotations

import re
from functools import lru_cache
from typing import Optional, Sequence

from ..lexicons import tsv_rows

FRAGMENT_LINK = 0.3       # the most a link to a fragment counts (as the analyzer's own ``fragment`` basis)
_WH_OPENERS = frozenset({"who", "whom", "whose", "which", "what", "whatever", "whoever"})
_WH_ADVERBS = frozenset({"where", "when", "why", "how", "whether"})
_FIRST = re.compile(r"[^\W_]+", re.UNICODE)


@lru_cache(maxsize=1)
def antonyms() -> dict[str, frozenset[str]]:
    """Each word of ``data/antonyms.tsv`` -> its antonyms (the pairs read both ways)."""
    out: dict[str, set[str]] = {}
    for r in tsv_rows("antonyms.tsv"):
        a, b = r["a"], r["b"]
        if a and b:
            out.setdefault(a, set()).add(b)
            out.setdefault(b, set()).add(a)
    return {k: frozenset(v) for k, v in out.items()}


def contrary_predicates(pred_a: Optional[str], pred_b: Optional[str], words_a: Sequence[str] = (),
                        words_b: Sequence[str] = ()) -> bool:
    """Do two claims predicate contraries: their predicate lemmas are an antonym pair, or one claim's
    predicate has its antonym among the other's words ("is awake" against a claim whose predicate is
    "asleep")?"""
    ant = antonyms()
    pa, pb = (pred_a or "").lower(), (pred_b or "").lower()
    if pa and pb and pb in ant.get(pa, ()):
        return True
    if pa and ant.get(pa, frozenset()) & {w.lower() for w in words_b}:
        return True
    return bool(pb and ant.get(pb, frozenset()) & {w.lower() for w in words_a})


def is_fragment(text: str, arguments: Optional[Sequence[str]] = None) -> bool:
    """Is a claim a fragment rather than a clause (module docstring)? ``arguments``: the analyzer's
    participants of the claim (None: not known, only the words decide)."""
    m = _FIRST.search(text or "")
    if m is None:
        return True
    first = m.group(0).lower()
    if first in _WH_OPENERS:
        return True
    if first in _WH_ADVERBS and "," not in text:  # "when you're campaigning" (no main clause after it)
        return True
    return arguments is not None and len(arguments) == 0
