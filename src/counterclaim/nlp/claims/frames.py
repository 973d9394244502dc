"""Predicates that frame a that-clause inside a content and decide what the source commits to about
it (FactBank's source-introducing and counter-factive predicates):

- negation raising (``neg_raising``): "she did not think [the economy would shrink]" denies that it
  would shrink;
- denial frames (``denial_frame``): "[they] doubt [that the fire was set]" denies it, "nobody denies
  [that prices went up]", "could not deny [that…]", "did not doubt [that…]" assert it;
- truth predicates (``truth_predicate``) and rejecting adjectives: "it is not true [that P]", "it is
  not the case [that P]", "it is false [that P]" deny P; "it is true [that P]" asserts it;
- certainty adjectives (``certainty_predicate``): "they were confident [the count had not been
  tampered with]", "it is clear [that P]" commit the source to the clause as worded.

The claim is the framed clause (``through_frames``), and whether the frames above it turn the source's
commitment round is ``frame_flip``; the clause's own negation is the claim's (``Claim.negated``)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .lexicon import MeaningLexicon
from .negation import is_negated
from .syntax import Scope, in_scope, lemma

_FRAMED = ("ccomp", "xcomp")
_FRAMED_ON_NOUN = ("ccomp", "xcomp", "acl", "relcl")  # "the case [that…]" is often parsed as a relative


def framed_clause(v: Token) -> Optional[Token]:
    """The clause ``v`` frames: its own complement, or its predicate's ("it was not [the case] [that…]",
    "was [unlikely] [to lose]")."""
    p = _predicate(v)
    for x, deps in ((v, _FRAMED), (p, _FRAMED_ON_NOUN)):
        if x is None:
            continue
        c = next((c for c in x.children if c.dep_ in deps and c.pos_ in ("VERB", "AUX")), None)
        if c is not None:
            return c
    return None


def _complement(v: Token, scope: Scope) -> Optional[Token]:
    c = framed_clause(v)
    return c if c is not None and in_scope(c, scope) else None


def _frame_verb(t: Token) -> Token:
    """The verb above a framed clause: its head, or the copula of the predicate it hangs on."""
    h = t.head
    return h.head if h.dep_ in ("acomp", "attr") and h.head.i != h.i else h


def _predicate(v: Token) -> Optional[Token]:
    return next((c for c in v.children if c.dep_ in ("acomp", "attr")), None)


def frame_of(v: Token, lx: MeaningLexicon) -> Optional[bool]:
    """Is ``v`` a frame over its clause, and does it turn the commitment round? None: no frame;
    True: the clause is denied as it reads ("doubt that", "it is not true that"); False: it stands
    ("nobody denies that", "it is true that")."""
    lem = lemma(v)
    neg = is_negated(v, lx)
    if v.tag_ == "VBN" and v.lower_ in lx.certainty_predicates and any(c.dep_ == "auxpass" for c in v.children):
        return None if neg else False  # "he was convinced [the bridge had not been damaged]"
    if lem in lx.neg_raising:
        if neg and any(c.dep_ == "aux" and c.lower_ in ("can", "ca", "could") for c in v.children):
            return False  # "I can't believe how civil it's been": surprise at what is so
        return True if neg else None  # "believes that P" is a cue's business, not a frame's
    if lem in lx.denial_frames:
        return not neg
    if lem == "be":
        p = _predicate(v)
        if p is None:
            return None
        p_neg = neg or any(g.dep_ == "neg" or (g.dep_ == "det" and g.lower_ == "no") for g in p.children)
        if lemma(p) in lx.factive_predicates:
            return False  # "it is no surprise that P": P holds
        if lemma(p) in lx.certainty_predicates or p.lower_ in lx.certainty_predicates:
            return None if p_neg else False  # "they were confident that P": P as worded ("not sure": uncommitted)
        if lemma(p) in lx.truth_predicates or p.lower_ in lx.truth_predicates:
            return p_neg
        if lemma(p) in lx.denial_frames or p.lower_ in lx.denial_frames:
            return not p_neg  # "it is impossible that P", "was unlikely to lose"
        if lx.rejects(p):
            return not p_neg
    return None


def raising_frame(v: Token, lx: MeaningLexicon) -> Optional[Token]:
    """The "to" of a copula with a probability adjective and its infinitive ("the film is [unlikely]
    [to] be delayed", "is not likely to win"), when ``v`` is that copula: the claim is the infinitive's
    event ("the film will be delayed"), and the adjective with its negation says the commitment."""
    if lemma(v) != "be":
        return None
    p = _predicate(v)
    if p is None or not (lemma(p) in lx.truth_predicates or lemma(p) in lx.denial_frames) or p.pos_ != "ADJ":
        return None
    x = next((c for c in p.children if c.dep_ == "xcomp" and c.pos_ in ("VERB", "AUX")), None)
    if x is None:
        return None
    return next((c for c in x.children if c.dep_ == "aux" and c.lower_ == "to"), None)


def through_frames(r: Token, lx: MeaningLexicon, scope: Scope) -> Token:
    """The clause a content's root frames ("she did not think [the economy would shrink]", "it was not
    true [that the army had not been paid]"), through every frame; the root when it frames none."""
    seen = 0
    while seen < 4:
        comp = _complement(r, scope)
        if comp is None or frame_of(r, lx) is None or raising_frame(r, lx) is not None \
                or any(c.dep_ == "aux" and c.lower_ == "to" for c in comp.children):
            return r  # (an infinitive is no clause of its own: "did not expect the volcano to erupt" stays whole)
        r, seen = comp, seen + 1
    return r


def frame_flip(head: Optional[Token], lx: MeaningLexicon, scope: Scope) -> bool:
    """Do the frames above the claim's head, inside the content, turn the source's commitment round?"""
    if head is None:
        return False
    flip, t = False, head
    if t.pos_ in ("NOUN", "PROPN") and t.dep_ in ("attr", "oprd", "acomp") and t.head.pos_ in ("VERB", "AUX"):
        t = t.head  # an event noun predicated by its copula: "did not feel [this was a difficult investigation]"
    for _ in range(4):
        if t.dep_ not in _FRAMED_ON_NOUN or t.head.i == t.i or (t.dep_ not in _FRAMED and t.head.dep_ != "attr"):
            break
        v = _frame_verb(t)
        if not in_scope(v, scope):
            break
        f = frame_of(v, lx)
        if f is None:
            break
        flip ^= f
        t = v
    return flip
