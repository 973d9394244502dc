"""Offices and the actors they belong to: the role words around a person's name, the country,
organisation and party a role phrase names, the head words an actor can be called by."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Span as TokSpan, Token

from ...model import Actor
from ..actors import is_state, scan
from .context import Ctx, Ref
from .lexicon import Lexicon
from .mentions import MAX_ROLE_TOKENS, clean_role, join_tokens

_WORD_RE = re.compile(r"[A-Za-z][A-Za-z\-]*")
_PARTY_RE = {"Democratic": re.compile(r"\bDemocrat(?:ic|s)?\b"), "Republican": re.compile(r"\b(?:Republican|GOP)s?\b")}
_LEAD_POSS_RE = re.compile(r"^(?:['\u2019]s?\s*)+")


def role_context(ctx: Ctx, name_span: TokSpan):
    """Role, country, org, party and gender of a person from the words around a mention of the name:
    premodifiers ("the White House National Security Council spokesman John Kirby"), apposition
    ("Linda Thomas-Greenfield, the US ambassador to the UN") or the noun the name is in apposition to."""
    lex = ctx.lex
    doc = ctx.doc
    head = name_span.root
    gender = None
    role_tokens: list[Token] = []
    # titles inside the entity ("President Joe Biden" tagged as one PERSON)
    inner = [t for t in name_span if lex.kind(t.lower_, "title")]
    for t in inner:
        gender = gender or lex.gender(t.lower_, "title")
    # premodifiers
    lefts = [t for t in head.lefts if t.i < name_span.start]
    if lefts:
        lo = min(t.left_edge.i for t in lefts)
        toks = [t for t in doc[lo:name_span.start]]
        toks = clean_role(toks)
        if toks and len(toks) <= MAX_ROLE_TOKENS:
            role_tokens = toks
    if not role_tokens and inner and len(inner) < len(name_span):
        role_tokens = inner
    # apposition after the name
    if not role_tokens:
        for c in head.rights:
            if c.dep_ == "appos":
                sub = list(doc[c.left_edge.i:c.right_edge.i + 1])
                cut = next((j for j, t in enumerate(sub) if t.text in (",", ";", "(", ")") or t.lower_ in ("who", "which", "that")), len(sub))
                toks = clean_role(sub[:cut])
                if toks and len(toks) <= MAX_ROLE_TOKENS:
                    role_tokens = toks
                break
    # the name in apposition to a role noun ("the spokesman, John Kirby,")
    if not role_tokens and head.dep_ == "appos" and head.head.i < name_span.start:
        h = head.head
        toks = clean_role(list(doc[h.left_edge.i:h.i + 1]))
        if toks and len(toks) <= MAX_ROLE_TOKENS and any(lex.kind(t.lower_, "role") or lex.kind(t.lower_, "title") for t in toks):
            role_tokens = toks
    role = join_tokens(role_tokens) or None
    country = org = party = None
    if role:
        for t in role_tokens:
            gender = gender or lex.gender(t.lower_, "role") or lex.gender(t.lower_, "title")
        country, org, party = owner_of(role)
        if not any(lex.kind(t.lower_, k) for t in role_tokens for k in ("role", "title", "group", "institution")) \
                and country is None and org is None and party is None:
            role = None  # words before a name that are not an office ("Wednesday", "former")
    return role, country, org, party, gender


def owner_of(phrase: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """Country, organisation and party named in a role phrase ("US ambassador to the UN" → USA)."""
    country = org = party = None
    for pname, rx in _PARTY_RE.items():
        if rx.search(phrase):
            party = pname
            break
    for _, _, a in scan(phrase):
        if a.type == "person":
            continue
        if a.id.endswith("-party"):
            country = country or a.country
            continue
        if is_state(a):
            country = country or a.id
            if org is None and a.org:
                org = a.org
        elif a.type == "government":
            country = country or a.country
            org = org or a.name
        else:
            org = org or a.name
            country = country or a.country
        if country and org:
            break
        if country and not org:
            break
    return country, org, party


def heads_of(lex: Lexicon, a: Actor) -> frozenset:
    words = set()
    for s in (a.role, a.org, a.name if a.type != "person" else None):
        if s:
            for w in _WORD_RE.findall(s.lower()):
                w = w.rstrip("-")
                if lex.kind(w, "role") or lex.kind(w, "title") or lex.kind(w, "institution") or lex.kind(w, "group"):
                    words.add(w)
    if a.type == "government":
        words.add("government")
    if a.type == "media":
        words.update({"agency", "newspaper", "network", "outlet"})
    return frozenset(words)


def without_states(phrase: str) -> str:
    out, last = [], 0
    for s, e, a in scan(phrase):
        if is_state(a):
            out.append(phrase[last:s])
            last = e
    out.append(phrase[last:])
    if not last:
        return phrase
    rest = " ".join(" ".join(out).split())
    return _LEAD_POSS_RE.sub("", rest).strip(" ,")


def group_ref(lex: Lexicon, a: Actor, span: TokSpan, subject: bool = False) -> Ref:
    plural = span.root.tag_ in ("NNS", "NNPS") and a.type not in ("government",)
    return Ref(a, span.start_char, span.end_char, plural=plural, heads=heads_of(lex, a), subject=subject)
