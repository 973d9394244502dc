"""Predicates that frame a that-clause inside a content and decide what the source commits to about
it (FactBank's source-introducing and counter-factive predicates):

- negation raising (``neg_raising``): "she did not think [the economy would shrink]" denies that it
  would shrink;
- denial frames (``denial_frame``): "[they] doubt [that the fire was set]" denies it, "nobody denies
  [that prices went up]", "could not deny [that…]", "did not doubt [that…]" assert it;
- truth predicates (``truth_predicate``) and rejecting adjectives: "it is not true [that P]", "it is
  not the case [that P]", "it is false [that P]" deny P; "it is true [that P]" asserts it.

The claim is the framed clause (``through_frames``), and whether the frames above it turn the source's
commitment round is ``frame_flip``; the clause's own negation is the claim's (``Claim.negated``)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .lexicon import MeaningLexicon
from .negation import is_negated
from .syntax import Scope, in_scope, lemma

_FRAMED = ("ccomp", "xcomp")


def _complement(v: Token, scope: Scope) -> Optional[Token]:
    return next((c for c in v.children if c.dep_ in _FRAMED and c.pos_ in ("VERB", "AUX") and in_scope(c, scope)), None)


def _predicate(v: Token) -> Optional[Token]:
    return next((c for c in v.children if c.dep_ in ("acomp", "attr")), None)


def frame_of(v: Token, lx: MeaningLexicon) -> Optional[bool]:
    """Is ``v`` a frame over its clause, and does it turn the commitment round? None: no frame;
    True: the clause is denied as it reads ("doubt that", "it is not true that"); False: it stands
    ("nobody denies that", "it is true that")."""
    lem = lemma(v)
    neg = is_negated(v, lx)
    if lem in lx.neg_raising:
        return True if neg else None  # "believes that P" is a cue's business, not a frame's
    if lem in lx.denial_frames:
        return not neg
    if lem == "be":
        p = _predicate(v)
        if p is None:
            return None
        p_neg = neg or any(g.dep_ == "neg" for g in p.children)
        if lemma(p) in lx.truth_predicates or p.lower_ in lx.truth_predicates:
            return p_neg
        if lx.rejects(p):
            return not p_neg
    return None


def through_frames(r: Token, lx: MeaningLexicon, scope: Scope) -> Token:
    """The clause a content's root frames ("she did not think [the economy would shrink]", "it was not
    true [that the army had not been paid]"), through every frame; the root when it frames none."""
    seen = 0
    while seen < 4:
        comp = _complement(r, scope)
        if comp is None or frame_of(r, lx) is None:
            return r
        r, seen = comp, seen + 1
    return r


def frame_flip(head: Optional[Token], lx: MeaningLexicon, scope: Scope) -> bool:
    """Do the frames above the claim's head, inside the content, turn the source's commitment round?"""
    if head is None:
        return False
    flip, t = False, head
    for _ in range(4):
        if t.dep_ not in _FRAMED or t.head.i == t.i or not in_scope(t.head, scope):
            break
        f = frame_of(t.head, lx)
        if f is None:
            break
        flip ^= f
        t = t.head
    return flip
