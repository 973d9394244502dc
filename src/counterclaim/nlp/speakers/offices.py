"""People and institutions named by office or kind ("a spokesman for the foreign ministry",
"the ministry"), and conjoined sources ("The White House and the US envoy to the UN")."""
from __future__ import annotations

from dataclasses import replace
from typing import Optional

from spacy.tokens import Span as TokSpan, Token

from ...model import Actor
from ..actors import is_state, load_gazetteer, lookup, slug
from .antecedents import antecedent_by_head
from .context import Ctx, Ref
from .lexicon import Lexicon
from .mentions import clean_role, is_subject, join_tokens
from .roles import group_ref, heads_of, owner_of, without_states


def role_ref(ctx: Ctx, span: TokSpan, root: Token) -> Ref:
    lex = ctx.lex
    doc = ctx.doc
    noun = root.lower_
    plural = root.tag_ in ("NNS", "NNPS") or lex.number(noun, "group") == "pl" and not lex.kind(noun, "role")
    left = clean_role([t for t in doc[span.start:root.i]])
    owners: list[Token] = []
    for c in root.rights:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with", "from", "in") and c.i < span.end:
            for p in c.children:
                if p.dep_ == "pobj":
                    owners = clean_role(list(doc[p.left_edge.i:min(p.right_edge.i + 1, span.end)]))
            break
    left_text, owner_text = join_tokens(left), join_tokens(owners)
    definite = span[0].lower_ in ("the", "this", "that")
    if not left and not owners and definite:
        r = antecedent_by_head(ctx, noun, span.start_char, plural)
        if r is not None:
            return Ref(replace(r.actor), span.start_char, span.end_char, gender=r.gender, plural=r.plural,
                       heads=r.heads, subject=is_subject(root))
    country, org, party = owner_of(" ".join(x for x in (left_text, owner_text) if x))
    gender = lex.gender(noun, "role") or lex.gender(noun, "group")
    # the office without the state's name: "North Korean foreign ministry" -> "foreign ministry"
    inst = without_states(owner_text) if owner_text else ""
    pre = without_states(left_text) if left_text else ""
    role = " ".join(x for x in (pre, inst, root.text.lower() if root.text[:1].islower() else root.text) if x)
    if plural and (country or org):
        base = lookup(org) if org else None
        if base is None and country:
            base = load_gazetteer().get(country)
        if base is not None:
            a = replace(base, role=role)
            return Ref(a, span.start_char, span.end_char, plural=True, heads=heads_of(lex, a) | {noun}, subject=is_subject(root))
    if owner_text:
        name = f"{root.text.lower()}, {owner_text}" if not left_text else f"{left_text} {root.text.lower()}, {owner_text}"
    else:
        name = " ".join(x for x in (left_text, root.text.lower()) if x)
    aid = "role:" + ((country or "").lower() + ":" if country else "") + slug(role or name)
    a = Actor(id=aid, name=name, type="person", country=country, role=role or None, org=org, party=party)
    return Ref(a, span.start_char, span.end_char, gender=gender, plural=plural, heads=heads_of(lex, a) | {noun},
               subject=is_subject(root))


def institution_ref(ctx: Ctx, span: TokSpan, root: Token) -> Optional[Ref]:
    noun = root.lower_
    definite = span[0].lower_ in ("the", "this", "that")
    bare = len([t for t in span if not t.is_punct]) <= 2
    if definite and bare:
        r = antecedent_by_head(ctx, noun, span.start_char, plural=False, persons=False)
        if r is not None:
            return Ref(replace(r.actor), span.start_char, span.end_char, plural=r.plural, heads=r.heads,
                       subject=is_subject(root))
    country, org, party = owner_of(span.text)
    if org or country:
        base = lookup(org) if org else load_gazetteer().get(country)
        if base is not None:
            return group_ref(ctx.lex, base, span, subject=is_subject(root))
    return None


def combine(lex: Lexicon, refs: list[Ref], span: TokSpan) -> Ref:
    if len(refs) == 1:
        r = refs[0]
        return Ref(r.actor, span.start_char, span.end_char, gender=r.gender, plural=r.plural, heads=r.heads,
                   subject=r.subject)
    countries = {r.actor.country or r.actor.id for r in refs}
    subject = is_subject(span.root)
    if len(countries) == 1 and next(iter(countries)):
        c = next(iter(countries))
        base = load_gazetteer().get(c)
        if base is not None and is_state(base):
            return Ref(base, span.start_char, span.end_char, plural=True, heads=heads_of(lex, base), subject=subject)
    actors = []
    for r in refs:
        if r.actor.id not in {a.id for a in actors}:
            actors.append(r.actor)
    if len(actors) == 1:
        return Ref(actors[0], span.start_char, span.end_char, plural=True, heads=heads_of(lex, actors[0]), subject=subject)
    types = {a.type for a in actors}
    a = Actor(id="group:" + "+".join(a.id for a in actors), name="; ".join(a.name for a in actors),
              type=types.pop() if len(types) == 1 else "group",
              country=";".join(dict.fromkeys(a.country for a in actors if a.country)) or None)
    heads = frozenset().union(*(r.heads for r in refs))
    return Ref(a, span.start_char, span.end_char, plural=True, heads=heads, subject=subject)
