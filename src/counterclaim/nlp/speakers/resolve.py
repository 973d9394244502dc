"""Speaker resolution: each statement's source span resolved to an actor, in text order."""
from __future__ import annotations

import logging
from dataclasses import replace
from typing import Optional

from spacy.tokens import Doc, Span as TokSpan

from ...model import Actor, Statement
from ..actors import lookup, scan, slug
from ..doctext import doc_text
from .antecedents import resolve_pronoun
from .context import Ctx, Ref, build_context
from .lexicon import Lexicon, lexicon
from .mentions import conjuncts, doc_np, is_subject, looks_like_name, strip_det, trim
from .offices import combine, institution_ref, role_ref
from .people import earlier_full_name, person_ent, person_ref
from .roles import group_ref, heads_of, without_states

log = logging.getLogger(__name__)

MAX_HISTORY = 64       # speakers remembered


def resolve_speakers(doc: Doc, statements: list[Statement], lex: Optional[Lexicon] = None) -> None:
    """Fill ``source.entity`` of each statement (in place); ``lex``: the speaker words (None: the packaged ones)."""
    ctx = build_context(doc, statements, lex if lex is not None else lexicon())
    order = sorted(range(len(statements)), key=lambda k: _anchor(statements[k]))
    for k in order:
        st = statements[k]
        if st.source is None or st.kind == "outlet":
            continue  # an outlet's verdict names the outlet already
        try:
            ref = _resolve_statement(ctx, st, k)
        except Exception:  # one bad statement must not sink the article
            log.exception("speaker resolution failed for %r", st.source.span.text)
            continue
        if ref is None:
            continue
        if st.source.entity is None:
            st.source.entity = ref.actor
        if _glued_after_content(ctx, st):
            continue  # not a speaker later pronouns continue (see _glued_after_content)
        ref.speaker = True
        ctx.history.append(ref)
        if len(ctx.history) > MAX_HISTORY:
            del ctx.history[0]
    by_id = {s.id: s for s in statements}
    for st in statements:  # continuing quotes take their referenced statement's speaker
        if st.source_ref and (st.source is None or st.source.entity is None):
            seen = set()
            ref = by_id.get(st.source_ref)
            while ref is not None and ref.id not in seen and (ref.source is None or ref.source.entity is None):
                seen.add(ref.id)
                ref = by_id.get(ref.source_ref) if ref.source_ref else None
            if ref is not None and ref.source and ref.source.entity and st.source is not None:
                st.source.entity = replace(ref.source.entity)


def _glued_after_content(ctx: Ctx, st: Statement) -> bool:
    """Does the source follow its content with nothing but a space between ("He would like to see the
    platform represent some of the progressive ideas Sanders championed")? A reporting clause after
    what it reports is set off by a comma, a quote mark or a dash ("…, Sanders said"); glued on, the
    "source" is the subject of a relative clause, and the sentence is still about someone else."""
    src = st.source.span
    ends = [c.end for c in st.content if c.end <= src.start]
    if not ends:
        return False
    text = doc_text(ctx.doc)
    end = max(ends)
    gap = text[end:src.start]
    return gap.strip() == "" and len(gap) <= 2 and end > 0 and text[end - 1].isalnum()


def _anchor(st: Statement) -> int:
    if st.source is not None:
        return st.source.span.start
    return st.start


def _resolve_statement(ctx: Ctx, st: Statement, k: int) -> Optional[Ref]:
    src = st.source.span
    doc = ctx.doc
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    span = trim(span)
    if len(span) == 0:
        return None
    if st.source.entity is not None:  # set upstream (e.g. a transcript turn): keep it, remember it
        a = st.source.entity
        return Ref(a, span.start_char, span.end_char, plural=False, heads=heads_of(ctx.lex, a), speaker=True)
    return resolve_span(ctx, span, allow_pronoun=True)


def resolve_span(ctx: Ctx, span: TokSpan, allow_pronoun: bool) -> Optional[Ref]:
    lex = ctx.lex
    text = span.text
    # 1. pronouns
    if len(span) <= 2 and lex.kind(span[0].lower_, "pronoun") and (len(span) == 1 or span[1].lower_ in ("himself", "herself", "themselves", "itself", "all", "both")):
        return resolve_pronoun(ctx, span, lambda np: resolve_span(ctx, np, allow_pronoun=False)) if allow_pronoun else None
    # 2. relative pronouns ("officials, who said ..."): the noun the relative clause modifies
    if len(span) == 1 and span[0].tag_ in ("WP", "WDT") and span[0].lower_ in ("who", "which", "that"):
        verb = span[0].head
        noun = verb.head if verb.dep_ in ("relcl", "acl") else None
        if noun is None or noun.i >= span.start or noun.pos_ not in ("NOUN", "PROPN"):
            return None
        np = doc_np(noun)
        return resolve_span(ctx, np, allow_pronoun=False) if np is not None else None
    # 2a. "many of whom", "some of which": the noun phrase the partitive's relative clause is about
    # ("family members of 9/11 victims, many of whom say…": the family members)
    if 3 <= len(span) <= 4 and span[-1].lower_ in ("whom", "which") and span[-2].lower_ == "of":
        k = span.start - 1
        doc = span.doc
        while k >= 0 and doc[k].is_punct:
            k -= 1
        noun = doc[k] if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN") else None
        while noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head  # "members of [victims]": the members
        np = doc_np(noun) if noun is not None else None
        return resolve_span(ctx, np, allow_pronoun=False) if np is not None else None
    # 2b. a demonstrative is never a speaker: "Ivana Trump said that was not her view and dismissed those
    # reports" parsed with "that" as the subject of "dismissed"; the speaker is the subject of the
    # verb the clause hangs on
    if len(span) == 1 and span[0].lower_ in ("that", "this") and span[0].tag_ == "DT":
        verb = span[0].head
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        if verb.dep_ != "ccomp":
            return None
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        np = doc_np(subj) if subj is not None else None
        return resolve_span(ctx, np, allow_pronoun) if np is not None else None
    # 3. conjoined sources
    parts = conjuncts(span)
    if len(parts) > 1:
        refs = [r for r in (resolve_span(ctx, p, allow_pronoun) for p in parts) if r is not None]
        if refs:
            return combine(lex, refs, span)
    # 4. a bare name of a person named earlier ("Kirby", "Hillary")
    if len(span) == 1 and span[0].pos_ in ("PROPN", "NOUN", "ADJ") and span[0].text[:1].isupper():
        full = earlier_full_name(ctx, span[0].text, span.start_char)
        if full is not None:
            return person_ref(ctx, full[1], full[2], span)
    # 5. the gazetteer: states, capitals, institutions, agencies, groups, famous people
    a = lookup(text)
    if a is not None:
        if a.type == "person":
            return person_ref(ctx, a.name, None, span)
        if lex.kind(span.root.lower_, "group") or lex.kind(span.root.lower_, "role"):
            a.role = without_states(strip_det(text)) or None  # "US officials": the government, role "officials"
        return group_ref(lex, a, span, subject=is_subject(span.root))
    root = span.root
    # 6. named people (not a role noun a name only modifies: "A Clinton ally", "Cruz's allies"; but
    # "His campaign manager, Jeff Weaver" is Weaver)
    pent = person_ent(ctx, span)
    if pent is not None and not (root.pos_ == "NOUN" and (lex.kind(root.lower_, "role") or lex.kind(root.lower_, "group"))
                                 and pent.root.head.i == root.i and pent.root.dep_ in ("compound", "poss", "nmod")):
        return person_ref(ctx, None, pent, span)
    # 7. people and institutions named by office or kind
    rword = root.lower_
    if lex.kind(rword, "role") or lex.kind(rword, "group") or lex.kind(rword, "title"):
        return role_ref(ctx, span, root)
    if lex.kind(rword, "institution") or lex.kind(rword, "document"):
        r = institution_ref(ctx, span, root)
        if r is not None:
            return r
    # 8. entities inside the span
    for e in ctx.ents_in(span.start_char, span.end_char):
        if e.label_ in ("GPE", "ORG", "NORP", "FAC", "LOC"):
            a = lookup(e.text)
            if a is not None and a.type != "person":
                return group_ref(lex, a, span, subject=is_subject(root))
    hits = scan(text)
    if hits:
        a = hits[0][2]
        if a.type == "person":
            return person_ref(ctx, a.name, None, span)
        return group_ref(lex, a, span, subject=is_subject(root))
    for e in ctx.ents_in(span.start_char, span.end_char):
        if e.label_ == "ORG":
            name = strip_det(e.text)
            return group_ref(lex, Actor(id="org:" + slug(name), name=name, type="organization"), span,
                              subject=is_subject(root))
    if root.pos_ == "PROPN" and root.text[:1].isupper():
        name = strip_det(text)
        return person_ref(ctx, name, None, span) if looks_like_name(lex, span) else group_ref(lex,
            Actor(id="org:" + slug(name), name=name, type="organization"), span, subject=is_subject(root))
    name = strip_det(text)
    if not name:
        return None
    return Ref(Actor(id="mention:" + slug(name), name=name, type="unknown"), span.start_char, span.end_char,
               plural=root.tag_ in ("NNS", "NNPS"), heads=frozenset({rword}), subject=is_subject(root))
