"""A claim made of a clause: the relation rule its words match, its agent and recipient, its negation and
modality."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ...model import Statement
from .checkability import modality
from .lexicon import RelationRule
from .negation import implicative_not, is_negated, negative_determiner, rebutting_form
from .participants import canonical, find_recipient, modifier_actor, resolve_np
from .syntax import extent, lemma, lemma_set, passive_roles, subject_of
from .types import DEMONSTR, SUBJ, Claim, Ctx


def match_rule(ctx: Ctx, head: Token, tokens: list[Token], pos: str) -> tuple[Optional[RelationRule], Optional[str]]:
    """The relation rule whose trigger is ``head`` and whose required lemma is among ``tokens``, with that
    lemma (the theme); (None, None) when none fits."""
    rules = (ctx.lx.verb_rules if pos == "verb" else ctx.lx.noun_rules).get(head.lemma_.lower()) \
        or (ctx.lx.verb_rules if pos == "verb" else ctx.lx.noun_rules).get(head.lower_)
    if not rules:
        return None, None
    lem = lemma_set(tokens)
    for r in rules:
        if r.needs is None:
            return r, None
        hit = r.needs & lem
        if hit:
            return r, sorted(hit)[0]
    return None, None


def clause_claim(ctx: Ctx, v: Token, ctoks: list[Token], st: Statement, statements: dict, kind: str,
                 rule: Optional[RelationRule] = None, theme: Optional[str] = None) -> Claim:
    """The claim of the clause headed by ``v`` (tokens ``ctoks``): its relation (for a nominal or gist, one
    found in the clause if the verb has none), agent, recipient, negation and modality."""
    if rule is None and kind in ("nominal", "gist"):
        rule, theme = match_rule(ctx, v, ctoks, "verb")
        if rule is None:
            # a nominal inside the clause: "that this does not make the US a party to the conflict"
            for t in ctoks:
                if t.pos_ == "NOUN" and t.lemma_.lower() in ctx.lx.noun_rules:
                    r2, th2 = match_rule(ctx, t, [x for x in t.subtree] + ctoks, "noun")
                    if r2 is not None and r2.needs is not None:
                        rule, theme = r2, th2
                        break
    s, e = extent(ctoks)
    c = Claim(kind, v, s, e, rule=rule, theme=theme)
    c.subject = judged_subject(ctx, v)
    subj = c.subject or subject_of(v)
    if rule is not None and rule.agent == "dobj":
        subj = next((x for x in v.children if x.dep_ == "dobj"), subj)
    passive = passive_roles(v) if rule is not None and rule.agent == "subj" else None
    if passive is not None:
        subj = passive[0]  # "Clinton is backed by 520 superdelegates": the superdelegates back her
    if subj is not None:
        c.agent, c.agent_name = resolve_np(ctx, subj, st, statements)
    if rule is not None:
        sub_i = {x.i for x in subj.subtree} if subj is not None else set()
        body = [t for t in ctoks if t.i not in sub_i]
        other = c.agent
        if other is None and subj is not None and lemma(subj) in ctx.lx.follower_nouns:
            m = modifier_actor(ctx, subj)  # "Sanders supporters will back her": "her" is not Sanders
            other = canonical(m) if m is not None else None
        rid = None
        if passive is not None and passive[1] is not None and passive[1].lower_ not in DEMONSTR:
            # the passive subject is whom it is done to, when it names someone ("weapons were sent": no one)
            rid, rname = resolve_np(ctx, passive[1], st, statements, exclude=other, subject=False)
            if rid is not None:
                c.recipient, c.recipient_name = rid, rname
        if rid is None:
            c.recipient, c.recipient_name = find_recipient(ctx, body, v, other, st, statements)
    # any negation of the clause: its positive form is the claim ("will not be released", "does not sell",
    # "isn't spreading": the source denies the film will be released, that it sells, that it spreads)
    c.negated = is_negated(v, ctx.lx) or negative_np(v, ctx.lx)
    if not c.negated and rule is None:
        c.negated = rebutting_form(v, ctx.lx) is not None  # "we do not see a link": the gist reads negated
    if rule is not None and lemma(v) in ctx.lx.negative_implicatives and not any(x.dep_ == "xcomp" for x in v.children):
        c.negated = not c.negated  # the trigger is itself the implicative: "the firm evaded taxes" (did not pay)
    elif rule is not None and not c.negated:
        # "Trump avoided paying taxes": the relation's trigger is the complement of "avoid"
        c.negated = any(lemma(x) in rule.triggers and implicative_not(v, x, ctx.lx) for x in v.children)
    c.modal = modality(ctx, v)
    return c


def negative_np(v: Token, lx) -> bool:
    """Is the claim a noun phrase with "no" ("Records show [no payments from the group]", "reported [no
    injuries]")? It denies that there were any, as "there were no injuries" does (H&P ch. 9 §3)."""
    return v.pos_ in ("NOUN", "PROPN") and negative_determiner(v) is not None \
        and v.lemma_.lower() not in lx.factive_predicates  # ("no surprise": what is so)


def gerund_of_negated_verb(t: Token, lx) -> bool:
    """Is ``t`` the -ing complement of a negated verb ("would not recommend [charging the officer]", "never
    considered [selling the company]"; Quirk et al. 1985 §16.40 catenatives)? Then the negated clause
    is the claim, not the gerund's event; not under a verb of aspect ("has not stopped [selling arms]")
    nor a negative implicative ("avoided [paying taxes]"), whose complement's event is the claim."""
    h = t.head
    return t.dep_ == "xcomp" and t.tag_ == "VBG" and h.i != t.i and h.pos_ == "VERB" \
        and lemma(h) not in lx.aspectual_verbs and lemma(h) not in lx.negative_implicatives and is_negated(h, lx)


JUDGED_PREPS = ("of", "for", "with")


def judged_subject(ctx: Ctx, v: Token) -> Optional[Token]:
    """The subject of a gerund a cue of judging holds in an of/for/with phrase, whom the cue judges: its
    object ("accused [her] of being asleep", "criticized [the airline] for cutting pay"), the object the
    phrase hangs on ("accused [the governor] of lying"), or the passive subject ("[he] was accused of
    having fled"). So too the subject of a verb whose gerund complement states what its subject did
    (``gerund_fact_cue``: "[the senator] admitted taking the money", "denies grounding its fleet")."""
    p = v.head
    if v.dep_ in ("xcomp", "ccomp", "dobj") and v.tag_ == "VBG" and p.i != v.i and p.pos_ == "VERB" \
            and lemma(p) in ctx.lx.gerund_fact_cues and not any(c.dep_ in SUBJ for c in v.children):
        return next((c for c in p.children if c.dep_ == "nsubj"), None)
    if v.dep_ != "pcomp" or p.dep_ != "prep" or p.lower_ not in JUDGED_PREPS or not _gerund(v):
        return None
    h = p.head
    if h.pos_ in ("NOUN", "PROPN", "PRON") and h.dep_ == "dobj" and lemma(h.head) in ctx.lx.judgment_cues:
        return h
    if h.pos_ == "VERB" and lemma(h) in ctx.lx.judgment_cues:
        return next((c for c in h.children if c.dep_ in ("dobj", "nsubjpass")), None)
    return None


def _gerund(g: Token) -> bool:
    """A gerund-participial clause: "lying", "not publishing", "having fled", "being bribed"."""
    return g.tag_ == "VBG" or any(a.dep_ in ("aux", "auxpass") and a.lower_ in ("having", "being") for a in g.children)
