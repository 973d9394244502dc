"""Named people: the full name a surname or first name stands for, and the person's actor with the
role, country, organisation, party and gender of its first full mention."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Span as TokSpan

from ...model import Actor
from ..actors import lookup, person_id
from .context import Ctx, Person, Ref
from .mentions import POSS_RE, is_subject, join_tokens, name_tokens, strip_det, title_gender
from .roles import heads_of, role_context


def person_ent(ctx: Ctx, span: TokSpan) -> Optional[TokSpan]:
    """The PERSON entity that names the source: the one holding the span's root, else the last one."""
    ents = [e for e in ctx.ents_in(span.start_char, span.end_char) if e.label_ == "PERSON"]
    if not ents:
        return None
    for e in ents:
        if e.start <= span.root.i < e.end:
            return e
    poss = [c for c in span.root.children if c.dep_ == "poss"]
    for e in ents:  # "Mr. Clinton's remark in 2008 describing Mr. Obama's statement": Mr. Clinton's
        if any(e.start <= c.i < e.end for c in poss):
            return e
    return ents[-1]


def earlier_full_name(ctx: Ctx, word: str, pos: int, gender: Optional[str] = None
                       ) -> Optional[tuple[int, str, TokSpan]]:
    """The most recent full name before ``pos`` whose surname or first name is ``word`` (else the first
    after); with a gender ("Mrs. Clinton"), names whose given name has the other gender are passed over."""
    cands = ctx.names.get(POSS_RE.sub("", word).lower())
    if cands and gender:
        given = ctx.lex.given
        cands = [c for c in cands if given.get(c[1].split()[0].lower(), gender) == gender]
    if not cands:
        return None
    before = [c for c in cands if c[0] < pos]
    if before:
        return before[-1]
    return cands[0]


def longer_full_name(ctx: Ctx, name: str, pos: int) -> Optional[tuple[int, str, TokSpan]]:
    """An earlier full name that ends with this name of two words or more and is longer ("Peña Nieto"
    after "Enrique Peña Nieto", "Thomas-Greenfield" names aside): the same person, by a double surname."""
    words = name.split()
    if len(words) < 2:
        return None
    cands = [c for c in ctx.names.get(words[-1].lower(), []) if c[0] < pos]
    for c in reversed(cands):
        full = c[1].split()
        if len(full) > len(words) and full[-len(words):] == words:
            return c
    return None


def person_ref(ctx: Ctx, name: Optional[str], ent: Optional[TokSpan], span: TokSpan) -> Ref:
    lex = ctx.lex
    if name is None:
        toks = name_tokens(ent, lex)
        name = POSS_RE.sub("", join_tokens(toks)) or strip_det(ent.text)
        if len(toks) == 1:
            tgender = title_gender(lex, ent)
            full = earlier_full_name(ctx, toks[0].text, ent.start_char, tgender)
            if full is not None:
                name, ent = full[1], full[2]
            else:
                known = lookup(name)
                if known is not None and known.type == "person" and \
                        lex.given.get(known.name.split()[0].lower(), tgender) == tgender:
                    name = known.name
        else:
            known = lookup(name)
            if known is not None and known.type == "person":
                name = known.name
            else:
                longer = longer_full_name(ctx, name, ent.start_char)
                if longer is not None:  # "Peña Nieto" after "Enrique Peña Nieto": a double surname
                    name, ent = longer[1], longer[2]
    else:
        known = lookup(name)
        if known is not None and known.type == "person":
            name = known.name
        if " " not in name:
            full = earlier_full_name(ctx, name, span.start_char)
            if full is not None:
                name, ent = full[1], full[2]
    pid = person_id(name)
    p = ctx.people.get(pid)
    if p is None:
        p = _new_person(ctx, pid, name, ent, span)
        ctx.people[pid] = p
    elif p.actor.role is None:  # a later mention may carry the role the first one lacked
        role, country, org, party, gender = role_context(ctx, ent if ent is not None else span)
        if role:
            p.actor.role, p.actor.country = role, p.actor.country or country
            p.actor.org, p.actor.party = p.actor.org or org, p.actor.party or party
            p.gender = p.gender or gender
    return Ref(replace(p.actor), span.start_char, span.end_char, gender=p.gender, plural=False,
               heads=heads_of(lex, p.actor), subject=is_subject(span.root))


def _new_person(ctx: Ctx, pid: str, name: str, ent: Optional[TokSpan], span: TokSpan) -> Person:
    lex = ctx.lex
    where = ent if ent is not None else span
    role, country, org, party, gender = role_context(ctx, where)
    known = lookup(name)
    if known is not None and known.type == "person":
        country = country or known.country
    first = name.split()[0].lower() if name else ""
    gender = gender or lex.given.get(first)
    actor = Actor(id=pid, name=name, type="person", country=country, role=role, org=org, party=party)
    return Person(actor, gender)
