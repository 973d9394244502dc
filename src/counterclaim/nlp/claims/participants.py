"""Who a claim is about: the actor mentions of a doc, the source of a statement, and the canonical actor a
noun phrase or pronoun of a claim stands for (its agent, its recipient, the author a claim noun names).

Agents are the clause subject (pronouns resolved to the statement's source when they agree, else to the
nearest preceding actor), recipients the first other actor in the clause; both are made canonical with
``actors.lookup`` (ISO alpha-3 for states and their governments)."""
from __future__ import annotations

import bisect
from typing import Optional

import numpy
from spacy.attrs import ENT_TYPE, POS
from spacy.symbols import PROPN as _PROPN
from spacy.tokens import Doc, Token

from ...model import Actor, Statement
from ..actors import lookup, person_id, scan
from ..doctext import doc_text
from ..speakers import lexicon as speaker_lexicon
from .syntax import lemma, sents_back_start, subject_of
from .types import (ACCUSING, ACTOR_ENTS, PRON_MALE, PRON_PERSON, PRON_PLURAL, PRON_SELF, QUOTES, SALIENCE_WINDOW, Claim,
                    Ctx)


def canonical(a: Optional[Actor]) -> Optional[str]:
    """The id a claim uses for an actor: a state's or government's country code, else the actor's id."""
    if a is None:
        return None
    if a.type in ("government", "state") and a.country:
        return a.country
    return a.id


def _lookup(text: str) -> Optional[Actor]:
    text = text.strip(QUOTES + " ,.")
    if not text:
        return None
    return lookup(text)


def doc_mentions(doc: Doc) -> list:
    """Actor mentions of the doc: named entities the gazetteer knows, and named persons."""
    out = []
    text = doc_text(doc)
    for ent in doc.ents:
        label = ent.label_
        if label not in ACTOR_ENTS:
            continue
        start, end = ent.start_char, ent.end_char
        name = text[start:end]  # ``ent.text``, without a Token per word
        a = _lookup(name)
        if a is None and label == "PERSON" and ent.end - ent.start <= 4:
            a = Actor(id=person_id(name), name=name.strip(), type="person")
        if a is None and label in ("ORG", "GPE"):
            hits = scan(name)
            a = hits[0][2] if hits else None
        if a is not None:
            out.append((start, end, a))
    # gazetteer acronyms and names the NER missed ("US", "Pyongyang" tagged otherwise)
    have = {(s, e) for s, e, _ in out}
    cols = doc.to_array([POS, ENT_TYPE]) if len(doc) else None
    untagged = numpy.flatnonzero((cols[:, 0] == _PROPN) & (cols[:, 1] == 0)).tolist() if cols is not None else []
    for i in untagged:  # from the arrays: a Token is made only for the proper nouns outside entities
        tok = doc[i]
        if (tok.idx, tok.idx + len(tok.text)) not in have:
            a = _lookup(tok.text)
            if a is not None:
                out.append((tok.idx, tok.idx + len(tok.text), a))
    out.sort(key=lambda x: x[0])
    return out


def index_mentions(ctx: Ctx) -> None:
    """Index the context's actor mentions by start offset and by token."""
    ctx.starts = [m[0] for m in ctx.mentions]
    doc = ctx.doc
    for s, e, a in ctx.mentions:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            for t in sp:
                ctx.by_tok.setdefault(t.i, a)


def mention_at(ctx: Ctx, tok: Token) -> Optional[Actor]:
    """The actor of the mention ``tok`` is in, or None."""
    return ctx.by_tok.get(tok.i)


def _mentions_before(ctx: Ctx, pos: int, lo: int):
    """Mentions starting in [lo, pos), latest first."""
    i = bisect.bisect_left(ctx.starts, pos)
    while i > 0:
        i -= 1
        s, e, a = ctx.mentions[i]
        if s < lo:
            return
        yield s, e, a


def source_actor(st: Statement, statements: dict) -> Optional[Actor]:
    """The actor who is the statement's source (through the statement it refers back to, else by
    looking its words up), or None."""
    if st.source and st.source.entity:
        return st.source.entity
    if st.source_ref and st.source_ref in statements:
        ref = statements[st.source_ref]
        if ref.source and ref.source.entity:
            return ref.source.entity
    if st.source:
        return _lookup(st.source.span.text)
    return None


def _agrees(pron: str, a: Actor) -> bool:
    if pron in PRON_SELF:
        return True
    if pron in PRON_PERSON:
        g = _gender(a.name) if a.type == "person" else None
        return a.type == "person" and (g is None or g == ("m" if pron in PRON_MALE else "f"))
    return a.type != "person"


def _gender(name: Optional[str]) -> Optional[str]:
    """A person's gender from the given name (``data/given_names.tsv``): "him" is not Hillary Clinton."""
    first = name.split()[0].lower() if name else ""
    return speaker_lexicon().given.get(first)


def resolve_np(ctx: Ctx, tok: Token, st: Statement, statements: dict, exclude: Optional[str] = None,
               subject: bool = True) -> tuple[Optional[str], Optional[str]]:
    """(canonical actor id, display name) for the noun phrase headed by ``tok``."""
    low = tok.lower_
    if tok.pos_ == "PRON" or (tok.pos_ != "PROPN" and low in PRON_SELF | PRON_PERSON | {"it", "they", "them"}):
        src = source_actor(st, statements)
        # "US accusations that it sold weapons", "Ukrainian claims that it sold": the accused; but
        # "Mr. Obama's statement that he opposed the war": a person's own statement about himself
        accusing = (st.cue is not None and st.cue.lemma in ACCUSING) or (st.kind == "nominal" and low not in PRON_PERSON)
        if accusing and src is not None and low not in PRON_SELF:
            exclude = exclude or canonical(src)
            src = None  # "US accusations that it sold weapons": "it" is the accused, not the accuser
        if subject and src is not None and _agrees(low, src) and canonical(src) != exclude:
            tied = _tied_person(ctx, st, low, src)
            if tied is not None and canonical(tied) != exclude:
                return canonical(tied), tied.name  # "A Clinton ally suggested she would …": Clinton
            return canonical(src), src.name
        if low in PRON_SELF:
            return (canonical(src), src.name) if src else (None, tok.text)
        # nearest preceding agreeing actor mention (this sentence and the one before)
        for s, e, a in _mentions_before(ctx, tok.idx, sents_back_start(tok, 1)):
            if _agrees(low, a) and canonical(a) != exclude:
                if low in PRON_PLURAL and _plural_subject_between(tok.doc, e, tok.idx):
                    break  # "If these people are radicalized and they don't support…": not MSNBC before
                return canonical(a), a.name
        return None, tok.text
    # conjoined phrases: the first conjunct stands for the phrase
    a = mention_at(ctx, tok)
    if a is None and lemma(tok) not in ctx.lx.follower_nouns:  # "Sanders supporters" are not Sanders
        a = modifier_actor(ctx, tok)
    if a is None:
        phrase = tok.doc[tok.left_edge.i: tok.i + 1].text
        a = _lookup(phrase) or _lookup(tok.text)
        if a is None and tok.lower_ in ctx.lx.type_heads:
            a = _antecedent_by_type(ctx, tok)
    if a is not None:
        return canonical(a), a.name
    return None, tok.doc[tok.left_edge.i: tok.i + 1].text.strip(QUOTES + " ")


def _tied_person(ctx: Ctx, st: Statement, pron: str, src: Actor) -> Optional[Actor]:
    """The named person a source unnamed by its tie to them stands beside ("A Clinton ally", "a Trump
    confidant"), when "he"/"she" fits that person's given name and nothing is known of the source's."""
    if pron not in PRON_PERSON or not src.id.startswith("role:") or st.source is None \
            or _gender(src.name) is not None:
        return None
    want = "m" if pron in PRON_MALE else "f"
    s0, e0 = st.source.span.start, st.source.span.end
    for s, e, a in _mentions_before(ctx, e0, s0):
        if a.type == "person" and not a.id.startswith("role:") and _gender(a.name) == want:
            return a
    return None


def _plural_subject_between(doc: Doc, lo: int, hi: int) -> bool:
    """Is there a plural common noun subject between a named mention and a plural pronoun ("MSNBC …
    If these people are radicalized and they…")? The nearer noun phrase is the likelier antecedent."""
    sp = doc.char_span(lo, hi, alignment_mode="contract")
    return sp is not None and any(t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") and not t.ent_type_
                                  for t in sp)


def owner_is_subject(ctx: Ctx, c: Claim, noun: Token) -> None:
    """"Mr. Obama's statement that he opposed the Iraq war": a person's own statement, whose "he" is
    that person whoever reports it (not an accusation: "Clinton's charge that he lied" is someone else)."""
    if c.head is None or lemma(noun) in ACCUSING:
        return
    subj = subject_of(c.head)
    if subj is None or subj.lower_ not in PRON_PERSON:
        return
    owner = next((mention_at(ctx, x) for x in noun.children if x.dep_ == "poss" and mention_at(ctx, x)), None)
    if owner is not None and owner.type == "person" and _agrees(subj.lower_, owner) and canonical(owner) != c.recipient:
        c.agent, c.agent_name = canonical(owner), owner.name


def modifier_actor(ctx: Ctx, tok: Token) -> Optional[Actor]:
    """The actor named by a modifier of a noun ("the Clinton campaign", "Sanders supporters")."""
    a = None
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i:
            a = mention_at(ctx, c) or a
    return a


def _antecedent_by_type(ctx: Ctx, tok: Token) -> Optional[Actor]:
    """'the private military company' → the latest armed group / organisation mentioned before."""
    if not any(c.lower_ in ("the", "this", "that") for c in tok.children):
        return None
    types = ctx.lx.type_heads[tok.lower_]
    for s, e, a in _mentions_before(ctx, tok.idx, tok.idx - SALIENCE_WINDOW):
        if a.type in types:
            return a
    return None


def find_recipient(ctx: Ctx, claim_toks: list[Token], trigger: Token, agent: Optional[str], st: Statement,
                   statements: dict) -> tuple[Optional[str], Optional[str]]:
    """The first actor in the claim's tokens after its trigger (then before it) other than the agent:
    a mention, or an object pronoun resolved to one."""
    after = [t for t in claim_toks if t.i > trigger.i] + [t for t in claim_toks if t.i < trigger.i]
    for t in after:
        if t.dep_ in ("dobj", "dative", "pobj", "iobj") and t.pos_ == "PRON" and t.lower_ in ("it", "them", "him", "her"):
            rid, name = resolve_np(ctx, t, st, statements, exclude=agent, subject=False)
            if rid:
                return rid, name
        a = mention_at(ctx, t)
        if a is not None and canonical(a) != agent:
            return canonical(a), a.name
    return None, None


def other_author(ctx: Ctx, c: Claim) -> bool:
    """Does a claim-noun anaphor name an author ("the AP report") while its antecedent was stated only by
    named others (Sessions)? Sources known only by their words ("the report published Tuesday") may be
    that author under another name."""
    author = claim_author(ctx, c)
    said_by = ctx.authors.get(c.prop, ())
    return author is not None and bool(said_by) and author not in said_by \
        and not any(a.startswith("mention:") for a in said_by)


def claim_author(ctx: Ctx, c: Claim) -> Optional[str]:
    """The source a claim-noun anaphor names as its author ("the AP report", "Rubio's claim"), or None."""
    n = c.noun
    if n is None or n.pos_ == "PRON" or n.lemma_.lower() not in ctx.lx.claim_nouns:
        return None
    poss = next((x for x in n.children if x.dep_ == "poss" and x.lower_ in PRON_PERSON), None)
    if poss is not None:
        # "PolitiFact claimed 'Trump exaggerates' … and concluded his comments were 'Mostly False'": "his" is
        # the person last named before it (within its sentence and the two before) whom the pronoun fits
        lo = sents_back_start(poss, 2)
        a = next((a for _, _, a in _mentions_before(ctx, poss.idx, lo) if _agrees(poss.lower_, a)), None)
        return canonical(a)
    return canonical(modifier_actor(ctx, n))
