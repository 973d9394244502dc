"""What a pronoun or a definite role noun points back to: the speakers remembered and the entity
mentions of a bounded window of sentences."""
from __future__ import annotations

import bisect
from itertools import accumulate
from dataclasses import replace
from typing import Callable, Optional

from spacy.tokens import Span as TokSpan

from ...model import Actor
from ..actors import lookup
from .context import PERSON_TYPES, Ctx, Ref
from .mentions import any_subject, doc_np, is_subject, pronoun_subject_before, trim
from .people import person_ref
from .roles import group_ref

WINDOW_SENTS = 3       # sentences looked back over for a pronoun's antecedent (this one + 2 before)
ROLE_WINDOW_SENTS = 8  # sentences looked back over for "the spokesman" / "the ministry"


def antecedent_by_head(ctx: Ctx, noun: str, pos: int, plural: bool, persons: Optional[bool] = True) -> Optional[Ref]:
    """The most recent speaker (or earlier mention in a window) that can be called "the <noun>"."""
    lo = ctx.window_start(pos, ROLE_WINDOW_SENTS)
    cands = [r for r in ctx.history if r.start < pos and noun in r.heads]
    cands += [r for r in mention_refs(ctx, lo, pos, set()) if noun in r.heads]
    if persons is False:
        cands = [r for r in cands if r.actor.type != "person"]
    if not cands:
        return None
    return max(cands, key=lambda r: r.start)


def agrees(r: Ref, pron: str) -> bool:
    if r.actor.id == "role:author":  # the article's "I"/"we" is never a third person
        return pron in ("i", "we")
    if pron in ("he", "him", "himself"):
        return r.person and r.gender in (None, "m")
    if pron in ("she", "her", "herself"):
        return r.person and r.gender in (None, "f")
    if pron in ("it", "itself"):
        return r.actor.type not in PERSON_TYPES and not r.plural
    if pron in ("they", "them", "themselves", "we"):
        return r.plural or r.actor.type not in PERSON_TYPES
    if pron == "i":
        return r.person
    return False


class OtherContents:
    """The content pieces of the statements other than ``enclosing`` that reach into [lo, hi), asked
    whether one of them holds a span: sorted by start, with the furthest end reached so far."""

    def __init__(self, ctx: Ctx, enclosing: set[int], lo: int, hi: int):
        pieces = sorted((s, e) for s, e, k in ctx.contents if k not in enclosing and s < hi and e > lo)
        self.starts = [s for s, _ in pieces]
        self.reach = list(accumulate((e for _, e in pieces), max))

    def hold(self, start: int, end: int) -> bool:
        """Is [start, end) (within [lo, hi)) inside one of the pieces?"""
        i = bisect.bisect_right(self.starts, start) - 1
        return i >= 0 and self.reach[i] >= end


def mention_refs(ctx: Ctx, lo: int, hi: int, enclosing: set[int],
                 resolve_np: Optional[Callable[[TokSpan], Optional[Ref]]] = None) -> list[Ref]:
    """Refs for the entity mentions in [lo, hi) that can be antecedents: not inside quotes, and not
    inside the content of a statement other than one that encloses the pronoun. With ``resolve_np``
    (how a noun phrase resolves), plural common-noun subjects too ("officials")."""
    out = []
    others = OtherContents(ctx, enclosing, lo, hi)
    if resolve_np is not None:
        doc = ctx.doc
        first = doc.char_span(lo, hi, alignment_mode="contract")
        for t in (first if first is not None else []):
            if t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") and is_subject(t) and not t.ent_type_ \
                    and not ctx.in_quote(t.idx):
                if others.hold(t.idx, t.idx + 1):
                    continue
                np = doc_np(t)
                if np is not None:
                    r = resolve_np(np)
                    if r is not None:
                        r.plural, r.subject = True, True
                        out.append(r)
    i = bisect.bisect_left(ctx.ent_starts, lo)
    while i < len(ctx.ents) and ctx.ents[i].start_char < hi:
        e = ctx.ents[i]
        i += 1
        if e.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if e.end_char > hi or ctx.in_quote(e.start_char):
            continue
        if others.hold(e.start_char, e.end_char):
            continue
        span = trim(e)
        if len(span) == 0:
            continue
        if e.label_ == "PERSON":
            a = lookup(span.text)
            if a is not None and a.type != "person" and len(span) == 1:
                out.append(group_ref(ctx.lex, a, span, subject=is_subject(e.root)))
                continue
            r = person_ref(ctx, None, span, span)
            if r.subject and pronoun_subject_before(e.root):
                r.subject = False  # "He would like to see … the ideas Sanders championed": "he" stays the topic
            out.append(r)
        else:
            a = lookup(span.text)
            if a is None or a.type == "person" or (e.label_ == "NORP" and e.root.dep_ == "amod"):
                continue
            out.append(group_ref(ctx.lex, a, span, subject=is_subject(e.root)))
    return out


def resolve_pronoun(ctx: Ctx, span: TokSpan, resolve_np: Callable[[TokSpan], Optional[Ref]]) -> Optional[Ref]:
    """The referent of a pronoun source; ``resolve_np``: how a noun phrase resolves (for "they")."""
    pron = span[0].lower_
    pos = span.start_char
    enclosing = ctx.enclosing(span.start_char, span.end_char)
    if pron in ("i", "we"):
        # the speaker of the statement whose quoted content holds the pronoun
        holders = [r for r in ctx.history if r.start < pos and any(
            s <= pos < e for s, e, k in ctx.contents if k in enclosing)]
        if holders and (pron == "i" and holders[-1].person or pron == "we"):
            r = holders[-1]
            return Ref(replace(r.actor), span.start_char, span.end_char, gender=r.gender, plural=r.plural,
                       heads=r.heads, subject=True)
        if not enclosing and not ctx.in_quote(pos):
            # first person in the article's own voice: its author (letters, op-eds, columns)
            a = Actor(id="role:author", name="the author", type="person", role="author")
            return Ref(a, span.start_char, span.end_char, plural=pron == "we", heads=frozenset({"author"}),
                       subject=True)
    lo = ctx.window_start(pos, WINDOW_SENTS)
    cands = [r for r in ctx.history if lo <= r.start < pos]
    taken = [(r.start, r.end) for r in cands]
    for m in mention_refs(ctx, lo, pos, enclosing, resolve_np if pron in ("they", "them", "themselves", "we") else None):
        if not any(s <= m.start < e or m.start <= s < m.end for s, e in taken):
            cands.append(m)
    cands = [r for r in cands if agrees(r, pron) and not (r.actor.type == "unknown" and len(r.actor.name) < 5)]
    best = None
    if cands:
        here = ctx.sent_index(pos)
        prominent = [r for r in cands if r.speaker or r.subject or
                     (ctx.sent_index(r.start) == here and any_subject(ctx.doc, r.start))]
        pool = prominent or cands
        if span[0].lower_ in ("he", "she") and any(r.gender for r in pool):
            exact = [r for r in pool if r.gender == ("m" if pron == "he" else "f")]
            # an exact gender match beats an unknown one only when it is about as recent
            pool = exact if exact and max(pool, key=lambda r: r.start).gender is None and \
                ctx.sent_index(max(exact, key=lambda r: r.start).start) >= ctx.sent_index(pos) - 1 else pool
        best = max(pool, key=lambda r: r.start)
    if best is None:  # beyond the window: the last agreeing speaker
        for r in reversed(ctx.history):
            if r.start < pos and agrees(r, pron):
                best = r
                break
    if best is None:
        return None
    return Ref(replace(best.actor), span.start_char, span.end_char, gender=best.gender, plural=best.plural,
               heads=best.heads, subject=True)
