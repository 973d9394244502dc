"""The claims inside a statement's content.

The content is searched for the claims it carries:

- a **nominal claim**: a claim noun with its clause ("reports that it had supplied Russia with
  weapons", "the groundless theory that Pyongyang was selling weapons");
- an **event nominal** with its participants ("arms transaction between the DPRK and Russia",
  "this does not make the US a party to the conflict with Russia");
- a **clause** whose verb is a relation trigger ("North Korea had delivered rockets and missiles
  to Russia"; a gerund "by providing it with lethal weapons");
- an **anaphor**: a claim noun or event noun with no clause of its own ("the transfer", "the
  transaction", "that statement", "unfounded accusations"), a demonstrative subject of an
  evaluation ("This is a hoax"), or a content that is only a rejection / no-knowledge formula
  ("cooked up by some dishonest forces", "I have no further information");
- failing all these, the content's main clause as a **gist** claim (no relation, ``gist.py``), unless
  it is not checkable (a question, an imperative, a norm under should/must/need to).

Relations come from ``data/relations.tsv`` (trigger lemma + a required lemma in the clause).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy
from spacy.attrs import DEP, TAG
from spacy.tokens import Doc, Token

from ...model import Statement
from ..doctext import doc_text, per_doc
from .checkability import inside_non_claim, is_question, modality, not_checkable, under_norm
from .clauses import clause_claim, gerund_of_negated_verb, judged_subject, match_rule
from .cues import cue_class, cue_lemma_or_none, cue_root, negated_cue
from .discourse import reported_by_other, side_clause
from .frames import frame_flip, frame_of, framed_clause, raising_frame
from .gist import gist_claims
from .lexicon import MeaningLexicon
from .negation import denial_negation, is_negated, nonevent_verb
from .noknowledge import no_knowledge_formula
from .participants import find_recipient, mention_at, owner_is_subject, resolve_np
from .rebuttal import rebuts
from .refusal import claim_like, refused
from .rejection import claim_not_accepted, has_rejection, rejected_claim_noun, rejection_predicate
from .syntax import Scope, clause_tokens, extent, in_scope, lemma, scope_roots, tok_range
from .types import ACCUSING, ANAPHOR_DETS, DEMONSTR, LIGHT_VERBS, PERCEPTION, SUBJ, Claim, Ctx


def anaphoric_use(lx: MeaningLexicon, t: Token, allow_the: bool) -> bool:
    """Does this bare claim / event noun refer back to a claim ("that statement", "the transfer" as
    the object of "confirmed", "unfounded accusations", "US accusations")?"""
    dets = {c.lower_ for c in t.children if c.dep_ in ("det", "predet")}
    if dets & {"that", "this", "such", "these", "those"}:
        return True
    if any(c.dep_ == "amod" and lx.rejects(c) for c in t.children):
        return True
    if any(c.dep_ in ("poss", "compound", "nmod") and c.pos_ in ("PROPN", "PRON") for c in t.children) and allow_the:
        return True
    h = t.head
    if t.dep_ in ("dobj", "nsubjpass", "pobj") and (h.lemma_.lower() in PERCEPTION or h.lemma_.lower() in lx.framing):
        return allow_the or bool(dets)
    if t.dep_ == "nsubj" and h.lemma_.lower() in LIGHT_VERBS | set(lx.nonevent):
        return allow_the or bool(dets)
    return False


def _between(head: Token, scope: Scope) -> Optional[tuple[Token, Optional[Token]]]:
    """'between X and Y' right after an event noun (the parser may attach it higher)."""
    doc = head.doc
    for t in doc[head.i + 1: min(head.i + 4, head.sent.end)]:
        if t.lower_ == "between" and t.idx in scope:
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                x = objs[0]
                y = next((c for c in x.children if c.dep_ == "conj"), None)
                return x, y
    return None


@dataclass
class _Found:
    """The claims the first steps found in a content, and the character ranges they cover."""
    claims: list[Claim] = field(default_factory=list)
    covered: list[tuple[int, int]] = field(default_factory=list)

    def is_covered(self, t: Token) -> bool:
        return any(a <= t.idx < b for a, b in self.covered)


def extract_claims(ctx: Ctx, st: Statement, statements: dict) -> list[Claim]:
    """The claims of a statement's content, in the order the steps find them (``statements``: by id)."""
    doc = ctx.doc
    toks = tok_range(doc, st)
    if not toks:
        return []
    lo, hi = st.start, st.end
    scope = Scope(st.content)
    lx = ctx.lx
    if st.cue is not None and cue_lemma_or_none(doc, st, lx) in lx.desire_cues:
        return []  # "is hoping that states will allow…", "wants to make tuition free": a wish
    found = _Found()
    _claim_nouns(ctx, st, statements, toks, scope, found)
    _sayings_named_by_what_they_do(ctx, st, statements, toks, scope, found)
    _event_nominals(ctx, st, statements, toks, scope, found)
    _relation_clauses(ctx, st, statements, toks, scope, found)
    claims = found.claims
    # 4. demonstrative subject of an evaluation: "This is a hoax", "that is not true"
    roots = scope_roots(doc, toks, scope)
    text_low = " ".join(doc_text(doc)[a:b] for a, b in scope.spans).lower()
    rejecting = has_rejection(ctx, toks, text_low)
    if claims and not rejecting and _relatives_under_negated_clause(ctx, claims, roots, scope):
        # "the officer who shot Scott was not wearing a recording device": the relation is in a relative
        # clause of the subject; the negated main clause is the content's claim too
        claims = claims + gist_claims(ctx, st, statements, roots, toks, scope)
    if claims and not rejecting and _mentions_under_negated_clause(ctx, claims, roots, scope):
        # "Reid's remark was not based on his discussion", "his comments did not rankle the owner": the
        # claim nouns are participants of the content's negated main clause, which is the claim
        gist = gist_claims(ctx, st, statements, roots, toks, scope)
        if gist:
            claims = gist
    if not claims:
        c = _demonstrative_subject(ctx, roots, scope, rejecting)
        if c is not None:
            claims.append(c)
    # 5. a rejection or no-knowledge formula with nothing else: the salient claim
    # (to the cue's end when the cue follows the content: "[whether she converted voters] is unknown")
    nk = no_knowledge_formula(doc, st, lx, lo, max(hi, st.cue.span.end) if st.cue is not None else hi)
    if not nk and _withheld(doc, st, lx, roots, scope):
        nk = True  # "did not release [the amount]", "has not yet announced [their preference]"
    denial_cue = st.cue is not None and cue_class(doc, st, lx) == "denies"
    # under a cue of refutation anything it takes stands for something said ("Trump contradicted [him]",
    # "took turns rebutting [his proposals]"; ``refutation_cue``); under other denial cues the object must
    # be claim-like and not something refused
    if denial_cue and cue_lemma_or_none(doc, st, lx) not in lx.refutation_cues:
        if refused(doc, st, lx, roots, scope):
            return []  # "denied his party [the victory]", "to reject [the request…] [until he gave…]": nothing said
        if not any(claim_like(lx, r) for r in roots):
            denial_cue = False  # "had been soundly rejected: Mr. Bush", "dismissing the deficit scolds": no claim
    if not claims and denial_cue and any(r.pos_ in ("VERB", "AUX") and (
            any(c.dep_ in SUBJ for c in r.children) or judged_subject(ctx, r) is not None) for r in roots):
        # "denied that [his troops had not been ready]": a clause of its own is the claim denied; so is a
        # gerund whose subject is the cue's ("denies [grounding its fleet]": it grounded its fleet)
        claims.extend(gist_claims(ctx, st, statements, roots, toks, scope))
    if not claims and rejecting and any(frame_of(r, lx) is not None and _frames_a_that_clause(r, scope) for r in roots):
        # "it was not the case [that the quake had been caused by drilling]": the clause is the claim
        claims.extend(gist_claims(ctx, st, statements, roots, toks, scope))
    if not claims and (nk or denial_cue or (rejecting and any(rejection_predicate(ctx, r, scope) for r in roots))):
        claims.append(Claim("anaphor", None, lo, hi))  # "has denied it", "rejected an allegation"
    # 6. the main clause as a gist claim
    if not claims:
        claims.extend(gist_claims(ctx, st, statements, roots, toks, scope))
    if claims and not nk and negated_cue(doc, st, lx):
        if cue_class(doc, st, lx) != "denies":
            return []  # "the call did not mention that Rubio broke ranks", "never said that X": nothing put forward
        # "did not deny that P", "would neither confirm nor deny", "refused to deny": uncommitted
        for c in claims:
            c.forced = "no_knowledge"
        return claims
    if claims and not denial_cue and not nk:
        claims.extend(_rebutting_clauses(ctx, claims, roots, scope, st, statements))
    if nk:
        for c in claims:
            c.forced = "no_knowledge"
    for c in claims:
        if c.kind != "anaphor":
            c.framed = frame_flip(c.head, lx, scope)
            if c.head is not None and c.rule is None and raising_frame(c.head, lx) is not None:
                # "the film is unlikely to be delayed": the claim is "the film will be delayed", denied
                c.negated, c.framed = False, c.framed ^ bool(frame_of(c.head, lx))
    return claims


def _withheld(doc, st: Statement, lx: MeaningLexicon, roots: list[Token], scope: Scope) -> bool:
    """Is the statement a source not telling: a negated cue of disclosing ("did not release", "has not
    announced", "declined to name", "has not talked about"; ``disclosure_cue``) whose content is a
    topic (a noun phrase or a wh-clause), not a that-clause put forward or not?"""
    if st.cue is None or not negated_cue(doc, st, lx):
        return False
    v = cue_root(doc, st)
    if v is None:
        return False
    if lemma(v) in lx.negative_implicatives:  # "declined to name", "refused to say"
        v = next((c for c in v.children if c.dep_ == "xcomp"), v)
    if lemma(v) not in lx.disclosure_cues or any(c.dep_ == "auxpass" for c in v.children):
        return False  # ("declined to be identified": a refusal about the source, no fact withheld)
    return not any(m.dep_ == "mark" and m.lower_ in ("that", "if") for r in roots for m in r.children) \
        and not any(r.pos_ in ("VERB", "AUX") and any(c.dep_ in SUBJ for c in r.children) and not any(
            t.tag_ in ("WDT", "WP", "WRB", "WP$") or t.lower_ in ("whether",) for t in r.subtree if t.i < r.i) for r in roots)


def _relatives_under_negated_clause(ctx: Ctx, claims: list[Claim], roots: list[Token], scope: Scope) -> bool:
    """Are the claims found only relation clauses inside relative clauses of the content's main clause,
    whose own verb is negated and is no verb of saying?"""
    if any(c.kind != "clause" or c.head is None or c.head.dep_ != "relcl"
           or not any(k.dep_ in SUBJ for k in c.head.children) for c in claims):
        return False  # (a relative clause with its subject: "who shot Scott", not "for granted")
    main = next((r for r in roots if r.pos_ in ("VERB", "AUX") and any(k.dep_ in SUBJ for k in r.children)), None)
    if main is None or not is_negated(main, ctx.lx) or main.lemma_.lower() in ctx.lx.framing:
        return False
    return all(main.left_edge.i <= c.head.i <= main.right_edge.i and c.head.i != main.i for c in claims)


def _mentions_under_negated_clause(ctx: Ctx, claims: list[Claim], roots: list[Token], scope: Scope) -> bool:
    """Are the claims found only claim or event nouns without a clause, mentioned inside a content whose
    main clause is negated and is no verb that takes a claim ("did not confirm the report" is about the
    report)?"""
    if any(c.kind != "anaphor" or c.noun is None for c in claims):
        return False
    main = next((r for r in roots if r.pos_ in ("VERB", "AUX") and any(k.dep_ in SUBJ for k in r.children)), None)
    if main is None or not is_negated(main, ctx.lx):
        return False
    lem = main.lemma_.lower()
    if lem in PERCEPTION or lem in ctx.lx.framing or lem in ctx.lx.disbelief_verbs or nonevent_verb(ctx.lx, main):
        return False
    return all(c.noun.i != main.i and main.left_edge.i <= c.noun.i <= main.right_edge.i
               and not (c.noun.dep_ in ("nsubj", "nsubjpass") and c.noun.head.i == main.i and lemma(main) == "be")
               for c in claims)


def _frames_a_that_clause(r: Token, scope: Scope) -> bool:
    """Does the content's root frame a that-clause inside the content ("it is not true that…")?"""
    c = framed_clause(r)
    return c is not None and in_scope(c, scope) and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)


def _claim_nouns(ctx: Ctx, st: Statement, statements: dict, toks: list[Token], scope: Scope,
                 found: _Found) -> None:
    """Step 1: claim nouns with their clause ("reports that it had supplied Russia with weapons"); claim
    nouns alone are anaphors ("that statement", "unfounded accusations")."""
    doc, lx = ctx.doc, ctx.lx
    claims, covered, is_covered = found.claims, found.covered, found.is_covered
    for t in toks:
        if t.pos_ not in ("NOUN", "PROPN") or t.lemma_.lower() not in lx.claim_nouns or is_covered(t):
            continue
        clause = next((c for c in t.children if c.dep_ in ("acl", "ccomp", "relcl", "appos", "advcl")
                       and c.pos_ in ("VERB", "AUX")
                       and any(m.lower_ in ("that", "whether") and m.dep_ == "mark" for m in c.children)), None)
        if clause is None:
            # "claims that it sold...": the parser may hang the that-clause on the verb after the noun
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark" and in_scope(nxt, scope):
                clause = nxt.head
        if clause is not None and in_scope(clause, scope):
            ctoks = clause_tokens(clause, scope)
            c = clause_claim(ctx, clause, ctoks, st, statements, kind="nominal")
            c.noun = t
            owner_is_subject(ctx, c, t)
            claims.append(c)
            covered.append((c.start, c.end))
        elif t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of" and t.lemma_.lower() in ("report", "allegation", "accusation", "claim", "rumor", "rumour", "charge") \
                and any(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in doc[t.i + 1].children):
            continue  # "reports of X doing": handled as a clause below
        elif anaphoric_use(lx, t, allow_the=True) or rejected_claim_noun(lx, t):
            # "the claims", "unfounded accusations"; "branded [the claims] as lies": the claim they stand for
            c = Claim("anaphor", t, t.idx, t.idx + len(t.text), noun=t)
            claims.append(c)


def _sayings_named_by_what_they_do(ctx: Ctx, st: Statement, statements: dict, toks: list[Token], scope: Scope,
                                   found: _Found) -> None:
    """Step 1b: a saying named by what it does: "Trump's tweets [accusing Machado of having a record]", "a
    letter claiming that…": the participle's clause is the claim, the noun stands for it."""
    claims, covered, is_covered = found.claims, found.covered, found.is_covered
    heads = _saying_participle_heads(ctx.doc)
    for t in toks:
        if t.i not in heads or t.pos_ not in ("NOUN", "PROPN") or is_covered(t):
            continue
        acl = next((c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBG" and in_scope(c, scope)
                    and _saying_participle(c)), None)
        if acl is not None:
            c = clause_claim(ctx, acl, clause_tokens(acl, scope), st, statements, kind="nominal")
            c.noun = t
            claims.append(c)
            covered.append((c.start, c.end))


def _saying_participle(c: Token) -> bool:
    return c.lemma_.lower() in ACCUSING or c.lemma_.lower() in ("claim", "allege", "suggest", "assert")


_SAYING_HEADS = "cc_saying_participle_heads"


def _saying_participle_heads(doc: Doc) -> set[int]:
    """The tokens a participle of saying or accusing hangs on as a clause ("tweets [accusing]…", "a letter
    [claiming]…"), found once per doc from ``doc.to_array``: the step looks at no other token's children."""
    def build(doc: Doc) -> set[int]:
        if not len(doc):
            return set()
        cols = doc.to_array([DEP, TAG])
        strings = doc.vocab.strings
        acl_ing = numpy.flatnonzero((cols[:, 0] == strings["acl"]) & (cols[:, 1] == strings["VBG"])).tolist()
        return {doc[i].head.i for i in acl_ing if _saying_participle(doc[i])}

    return per_doc(doc, _SAYING_HEADS, build)


def _event_nominals(ctx: Ctx, st: Statement, statements: dict, toks: list[Token], scope: Scope,
                    found: _Found) -> None:
    """Step 2: event nominals with participants ("arms transaction between the DPRK and Russia", "this does
    not make the US a party to the conflict"); definite bare ones are anaphors ("the transfer")."""
    doc, lx = ctx.doc, ctx.lx
    claims, covered, is_covered = found.claims, found.covered, found.is_covered
    for t in toks:
        if t.pos_ != "NOUN" or is_covered(t) or t.lemma_.lower() not in lx.noun_rules:
            continue
        sub = [x for x in t.subtree if in_scope(x, scope)]
        btw = _between(t, scope)
        extra = list(btw[0].subtree) if btw else []
        governs = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        light = governs is not None and governs.lemma_.lower() in LIGHT_VERBS and t.dep_ in ("attr", "oprd", "xcomp", "ccomp", "appos", "dobj")
        if light:  # "make the US a party | to the conflict": the predicate's other arguments count too
            extra += [x for x in clause_tokens(governs, scope) if x.i > t.i]
        rule, theme = match_rule(ctx, t, sub + extra + [x for x in t.children], "noun")
        if rule is None:
            continue
        denied_event = any(v.dep_ == "relcl" and nonevent_verb(lx, v) and is_negated(v, lx) and in_scope(v, scope)
                           for v in doc[t.i: min(t.sent.end, t.i + 12)])
        agent_tok = None
        rec_tok = None
        if btw:
            agent_tok, rec_tok = btw
        elif light:
            if t.dep_ == "appos":  # "make the US or its allies a party": the phrase it stands beside
                h = t.head
                while h.dep_ == "conj" and h.head.i != h.i:
                    h = h.head
                agent_tok = h
            else:
                agent_tok = next((c for c in governs.children if c.dep_ in ("nsubj", "dobj") and c.i < t.i
                                  and c.lower_ not in DEMONSTR), None)
        if agent_tok is None and (btw or light or denied_event):
            agent_tok = next((c for c in t.children if c.dep_ in ("poss", "compound", "nmod") and mention_at(ctx, c)), None)
        if not (btw or light or denied_event):
            if anaphoric_use(lx, t, allow_the=True) and any(c.lower_ in ANAPHOR_DETS for c in t.children):
                claims.append(Claim("anaphor", t, t.idx, t.idx + len(t.text), noun=t, rule=rule))
            continue
        ext_toks = sorted(set(sub + extra + ([agent_tok] if agent_tok is not None else [])), key=lambda x: x.i)
        s, e = extent(ext_toks)
        c = Claim("event", t, s, e, noun=t, rule=rule, theme=theme)
        if agent_tok is not None:
            c.agent, c.agent_name = resolve_np(ctx, agent_tok, st, statements)
        if rec_tok is not None:
            c.recipient, c.recipient_name = resolve_np(ctx, rec_tok, st, statements, exclude=c.agent, subject=False)
        else:
            c.recipient, c.recipient_name = find_recipient(ctx, [x for x in ext_toks if x.i > t.i], t, c.agent, st, statements)
        # negation: of the verb that predicates it ("does not make the US a party"), or a relative
        # clause denying the event ("which has never happened")
        if light and in_scope(governs, scope) and is_negated(governs, lx):
            c.negated = True
        for v in doc[t.i: min(t.sent.end, t.i + 25)]:
            if v.dep_ == "relcl" and nonevent_verb(lx, v) and is_negated(v, lx) and in_scope(v, scope):
                c.negated = True
                c.end = max(c.end, v.idx + len(v.text))
        c.modal = modality(ctx, governs) if light else None
        claims.append(c)
        covered.append((c.start, c.end))


def _relation_clauses(ctx: Ctx, st: Statement, statements: dict, toks: list[Token], scope: Scope,
                      found: _Found) -> None:
    """Step 3: relation verbs (clauses, gerunds) outside what the claims found so far cover ("North Korea
    had delivered rockets to Russia", "by providing it with lethal weapons")."""
    doc, lx = ctx.doc, ctx.lx
    claims, covered, is_covered = found.claims, found.covered, found.is_covered
    verb_rules = lx.verb_rules
    roots = None
    for t in toks:
        if t.pos_ not in ("VERB", "AUX") or is_covered(t):
            continue
        if t.lemma_.lower() not in verb_rules and t.lower_ not in verb_rules:
            continue  # match_rule would find nothing: skip the clause walk (quadratic in long sentences)
        if t.dep_ in ("amod", "compound") and t.tag_ in ("VBG", "VBN"):
            continue  # a participle naming a kind of thing, no event: "Clinton talking points", "pledged delegates"
        ctoks = clause_tokens(t, scope, stop={c.i for c in t.children if c.dep_ in ("ccomp", "advcl", "relcl", "conj")
                                                and c.pos_ in ("VERB", "AUX")})
        rule, theme = match_rule(ctx, t, ctoks, "verb")
        if rule is None or not_checkable(ctx, t, doc, scope, st) or under_norm(ctx, t, scope) \
                or claim_not_accepted(lx, t) or inside_non_claim(ctx, t, doc, scope, st) or gerund_of_negated_verb(t, lx):
            continue  # ("I don't buy that": no purchase, a claim rejected; "would not recommend [charging him]")
        if roots is None:
            roots = scope_roots(doc, toks, scope)
        if side_clause(t, roots, scope, lx) or reported_by_other(t, scope, lx):
            continue  # "although it had not met its target, profits rose", "X, but Y", "25 percent say
            # they would not support him": not the content's claim
        c = clause_claim(ctx, t, ctoks, st, statements, kind="clause", rule=rule, theme=theme)
        claims.append(c)
        covered.append((c.start, c.end))


def _demonstrative_subject(ctx: Ctx, roots: list[Token], scope: Scope, rejecting: bool) -> Optional[Claim]:
    """A demonstrative subject of an evaluation ("This is a hoax", "that is not true"): an anaphor."""
    doc = ctx.doc
    for r in roots:
        subj = next((c for c in r.children if c.dep_ in SUBJ), None)
        framed = framed_clause(r) if subj is not None and subj.lower_ == "it" else None
        if framed is not None and any(m.dep_ == "mark" and m.lower_ == "that" for m in framed.children):
            continue  # "it wasn't true [that she had written the song]": "it" stands for the that-clause
        if subj is not None and subj.lower_ in DEMONSTR and not rejecting and lemma(r) == "be" and is_negated(r, ctx.lx) \
                and not any(c.dep_ in ("acomp", "attr") and lemma(c) in ctx.lx.truth_predicates for c in r.children):
            continue  # "This is not a movement": a negated description, the clause's own claim
        if subj is not None and subj.lower_ in DEMONSTR and (rejecting or lemma(r) == "be") \
                and not is_question(doc, r, scope) and modality(ctx, r) != "deontic":  # not "it is important to…"
            return Claim("anaphor", subj, subj.idx, subj.idx + len(subj.text), noun=subj)
    return None


def _rebutting_clauses(ctx: Ctx, claims: list, roots: list, scope: Scope, st: Statement, statements: dict) -> list:
    """The other clauses of a content that rebut a claim ("Many people used private email. It was not
    at all unprecedented."; "was private and has never been the property of the State Department"):
    each is a claim of its own, so that the statement denies it while it asserts the main clause."""
    doc = ctx.doc
    taken = {c.head.i for c in claims if c.head is not None}
    heads = [x for x in roots if x.pos_ in ("VERB", "AUX")]
    heads += [x for r in roots for x in r.children if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX") and in_scope(x, scope)]
    # a clause under a root that is no clause ("I'm not stupid, okay.": the parser heads it with "okay")
    heads += [x for r in roots if r.pos_ not in ("VERB", "AUX") for x in r.children
              if x.dep_ in ("ccomp", "parataxis") and x.pos_ in ("VERB", "AUX") and in_scope(x, scope)]
    heads = [x for x in heads if x.i not in taken and not side_clause(x, roots, scope, ctx.lx)]
    cue = cue_lemma_or_none(doc, st, ctx.lx)
    out = []
    for v in heads:
        if not denial_negation(v, ctx.lx) or not_checkable(ctx, v, doc, scope, st):
            continue
        stop = {c.i for c in v.children if c.dep_ == "conj"}
        c = clause_claim(ctx, v, clause_tokens(v, scope, stop=stop), st, statements, kind="gist")
        if c.negated and c.modal is None and rebuts(doc, st, v, c.agent, ctx.lx, cue):
            out.append(c)
    return out
