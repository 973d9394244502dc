"""Negated clauses: whether a clause is negated, whether its negation denies that something is or was the
case, and the clause forms that rebut a claim by themselves ("there is no evidence that…", "is no more
biased than…", "does not mean…")."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .lexicon import MeaningLexicon
from .syntax import lemma, subject_of, verb_entry
from .types import ATTITUDE, ATTITUDE_ADJ, MODALS, NEGATIVE_QUANTIFIERS, PRON_SELF


def implicative_not(h: Token, comp: Token, lx: MeaningLexicon) -> bool:
    """Is ``comp`` the complement of a negative implicative ("avoid [paying]", "failed to [disclose]"),
    so that its event did not take place?"""
    return comp.dep_ == "xcomp" and lemma(h) in lx.negative_implicatives


def is_negated(v: Token, lx: MeaningLexicon) -> bool:
    """Is the clause of ``v`` negated ("did not", "never", "no one saw", "failed to pay", "had nothing to do with")?
    Not when the negation is corrective ("was not a punishment but an incentive": the clause says what it
    is) or makes a superlative of a comparison ("no one has done more than Lenz", "has never been
    stronger"; Huddleston & Pullum 2002 ch. 9 §3.3, Quirk et al. 1985 §10.64)."""
    if any(c.dep_ == "neg" or c.lower_ == "never" for c in v.children) or no_longer(v) is not None:
        if _corrective(v, lx) or _not_a_negation(v):
            return False
        return not (any(c.lower_ == "never" for c in v.children) and not any(c.dep_ == "neg" for c in v.children)
                    and _compares(v))
    if negative_coordination(v):
        return True
    h = v.head
    if h is not v and (implicative_not(h, v, lx) or (v.dep_ == "pcomp" and h.lower_ == "without")):
        return True  # "avoid paying taxes", "failed to disclose", "without paying": the event did not happen
    if lemma(v) == "be" and any(c.dep_ in ("acomp", "attr") and c.pos_ in ("VERB", "NOUN")
                                        and any(g.dep_ == "neg" and g.i < c.i for g in c.children) for c in v.children):
        return True  # "was not divided" parsed with the negation on the predicate
    if lemma(v) == "have" and any(c.dep_ == "dobj" and c.lower_ == "nothing" and any(
            lemma(g) == "do" and any(w.lower_ == "with" for w in g.children) for g in c.children) for c in v.children):
        return True  # "he had nothing to do with it" (the emphatic "nothing to do with" negates the clause)
    # "there was no collusion", "no one saw", "no passengers were injured" (but "there is no
    # question/doubt that" asserts); "nobody was hurt", "none of the players tested positive"
    return any(c.dep_ in ("attr", "nsubj", "nsubjpass", "dobj") and c.lemma_.lower() not in ("question", "doubt")
               and c.lemma_.lower() not in lx.factive_predicates  # "it is no surprise that P"
               and (c.lower_ in NEGATIVE_QUANTIFIERS or negative_determiner(c) is not None)
               and not ((c.dep_ in ("nsubj", "nsubjpass") or (c.dep_ == "attr" and any(e.dep_ == "expl" for e in v.children)))
                        and _compares(v))  # "nobody is better qualified than", "there's nothing more important than"
               for c in v.children)


def negative_determiner(n: Token) -> Optional[Token]:
    """The "no" that determines the noun ``n``: its own determiner ("received [no] money"), or on the
    "more" / "further" that modifies it ("has [no] more matches scheduled"; Quirk et al. 1985 §10.55)."""
    for d in n.children:
        if d.lower_ == "no" and d.dep_ == "det":
            return d
        if d.dep_ == "amod" and d.lower_ in ("more", "further") and d.i == n.i - 1:
            g = next((g for g in d.children if g.lower_ == "no" and g.dep_ in ("det", "neg") and g.i == d.i - 1), None)
            if g is not None:
                return g
    return None


def no_longer(v: Token) -> Optional[Token]:
    """The adverb of "no longer" / "no more" that negates the clause of ``v`` ("would no longer fund
    the festival", "is no longer available", "will no more tolerate"; Quirk et al. 1985 §10.57), on the
    verb or on its predicate; not a comparison ("would last no longer than two days")."""
    for x in (v, *[c for c in v.children if c.dep_ in ("acomp", "attr")]):
        for c in x.children:
            if c.dep_ == "advmod" and c.lower_ in ("longer", "more") and c.i > 0 \
                    and c.doc[c.i - 1].lower_ == "no" and c.doc[c.i - 1].head.i == c.i \
                    and not any(t.lower_ == "than" for t in c.subtree) and not _compares(v):
                return c
    return None


_COORDINATED = ("nsubj", "nsubjpass", "dobj", "attr", "acomp")


def negative_coordination(v: Token) -> bool:
    """Is the clause of ``v`` negated by a negative coordination (H&P ch. 9; Quirk et al. 10.60):
    "neither the nominee nor her campaign helped him", "had neither met nor spoken to", "was neither
    injured nor tired", or a clause joined by "nor" ("had not seen her, nor had he called her",
    "Nor did he call")?"""
    if any(c.lower_ == "neither" and c.dep_ in ("preconj", "cc") for c in v.children):
        return True
    if any(c.dep_ in _COORDINATED and any(d.lower_ == "neither" and d.dep_ in ("preconj", "cc") for d in c.children)
           for c in v.children):
        return True
    if any(c.dep_ == "cc" and c.lower_ == "nor" and c.i < v.i for c in v.children):
        return True  # "Nor did he call her"
    return v.dep_ == "conj" and v.pos_ in ("VERB", "AUX") and any(
        c.dep_ == "cc" and c.lower_ == "nor" and c.i < v.i for c in v.head.children)


_CLAUSAL = ("ccomp", "advcl", "relcl", "acl", "conj", "parataxis", "csubj")


def _own_clause(v: Token):
    """The tokens of ``v``'s clause, without the clauses under it."""
    todo = [v]
    while todo:
        t = todo.pop()
        yield t
        todo.extend(c for c in t.children if c.dep_ not in _CLAUSAL or c.pos_ not in ("VERB", "AUX"))


def _compares(v: Token) -> bool:
    """Does the clause compare, with "than" or "as … as" ("has done more for the city than…", "had worked
    as quickly as Norvax")?"""
    toks = list(_own_clause(v))
    if any(t.lower_ == "than" for t in toks):
        return any(t.tag_ in ("JJR", "RBR") or t.lower_ in ("more", "less", "fewer") for t in toks)
    return sum(t.lower_ == "as" for t in toks) >= 2 and any(
        t.lower_ == "as" and t.dep_ == "advmod" for t in toks)


_FOCUS = ("attr", "acomp", "prep", "dobj", "advmod", "npadvmod", "oprd", "pobj")
_ADDITIVE = {"just", "only", "merely", "simply", "solely"}  # "not only X but Y", "not just about her"


def _not_a_negation(v: Token) -> bool:
    """A "not" that negates no clause: the additive focus "not just / not only" ("2016 is not just about
    her", "we're not just validating numbers"; Quirk et al. 1985 §8.116), the alternative "or not"
    ("whether it is happening or not"), and a negation cancelled by "without" or "except" ("did not rise
    to high office without having attended…", "hasn't donated to anyone except Rubio")."""
    doc = v.doc
    negs = [c for c in v.children if c.dep_ == "neg" or c.lower_ == "never"]
    if not negs:
        return False
    for n in negs:
        nxt = doc[n.i + 1] if n.i + 1 < len(doc) else None
        prev = doc[n.i - 1] if n.i > 0 else None
        if not ((nxt is not None and nxt.lower_ in _ADDITIVE) or (prev is not None and prev.lower_ == "or")):
            break
    else:
        return True
    return any(c.dep_ == "prep" and c.lower_ in ("without", "except") and c.i > negs[0].i for c in v.children)


def _corrective(v: Token, lx: MeaningLexicon) -> bool:
    """Is the negation of ``v`` corrective, its focus paired with what replaces it ("was not a punishment
    but an incentive", "did not come from a galaxy but from a sensor", "the problem was not with the
    ceremony but the process"; or after it: "is a vulnerability, not an asset"; Quirk et al. 1985
    §10.59)?"""
    neg = next((c for c in v.children if c.dep_ == "neg"), None)
    if neg is None:
        return False
    for c in v.children:
        if c.i <= neg.i or c.dep_ not in _FOCUS:
            continue
        for x in (c, *[g for g in c.children if g.dep_ in _FOCUS]):
            if any(k.dep_ == "conj" for k in x.children) and any(
                    k.dep_ == "cc" and k.lower_ in lx.contrast_conjunctions for k in x.children):
                return True
    # "Y, not X": the negation stands after the predicate it leaves standing
    first = next((c for c in v.children if c.dep_ in ("attr", "acomp") and c.i > v.i), None)
    return first is not None and first.i < neg.i and any(t.text in (",", ";") for t in v.doc[first.i:neg.i])


def nonevent_verb(lx: MeaningLexicon, v: Token) -> bool:
    """A verb whose negation denies an event ("never happened", "did not take place"), with its
    particle when the entry has one (so "not taking anything for granted" is no "take place")."""
    return verb_entry(lx.nonevent, v)


def denial_negation(v: Token, lx: MeaningLexicon) -> bool:
    """Is this negated clause a denial that something is or was the case ("Manafort was not involved",
    "Lewandowski never touched the reporter", "which has never happened")? Negated predictions,
    wishes, attitudes, habits and ongoing actions ("would not treat him fairly", "I don't like it",
    "he doesn't do anything", "is not going after") assert something instead."""
    if not is_negated(v, lx):
        return False
    if any(c.dep_ in ("aux", "auxpass") and (c.lower_ in MODALS or lemma(c) in MODALS) for c in v.children):
        return False
    lem = lemma(v)
    if lem in ATTITUDE:
        return False
    if v.tag_ == "VBG":
        return nonevent_verb(lx, v)  # "climate change is not happening": an event denied, not an ongoing action
    if lem == "be" and any(c.dep_ == "acomp" and c.lower_ in ATTITUDE_ADJ for c in v.children):
        return False  # "he is not interested in the No. 2 spot": an attitude
    if lem == "be" or any(c.dep_ == "auxpass" for c in v.children) or v.tag_ in ("VBD", "VBN"):
        return True
    if lem in lx.stative and any(c.dep_ == "aux" and c.lemma_.lower() == "do" for c in v.children):
        return True  # a state, not a habit: "governors do not have the power to…", "he doesn't own it"
    # "did not represent", "has never touched": a past event denied
    return any(c.dep_ == "aux" and c.lemma_.lower() in ("do", "have") and c.tag_ in ("VBD", "VBZ", "VBP")
               and (c.lemma_.lower() == "have" or c.tag_ == "VBD") for c in v.children)


_EVIDENCE_VERBS = {"be", "see", "find", "have", "exist", "uncover", "turn"}  # "there is no…", "found no…", "turned up no…"


def rebutting_form(v: Optional[Token], lx) -> Optional[str]:
    """A clause whose form itself rebuts a claim, whoever raised it:

    - ``no-evidence``: the absence of evidence asserted ("there is no evidence that he lied", "we do
      not see a link to terrorism", "experts have found no proof"; ``evidence_noun``);
    - ``no-more-than``: a comparison that denies a property ("the network is no more biased than any
      other news organization");
    - ``not-mean``: a negated inference with a non-personal subject ("being Muslim does not mean
      Muslims are terrorists", "that doesn't prove he lied"; ``inference_verb``, with a clause).
    Not under a modal, in a question or with a personal subject of intention ("I don't mean to…")."""
    if v is None or v.pos_ not in ("VERB", "AUX"):
        return None
    kids = list(v.children)
    if any(c.dep_ in ("aux", "auxpass") and (c.lower_ in MODALS or lemma(c) in MODALS) for c in kids):
        return None
    negated = any(c.dep_ == "neg" or c.lower_ == "never" for c in kids)
    verb = v
    if lemma(v) in ("appear", "seem"):  # "there did not appear to be any connection"
        verb = next((c for c in kids if c.dep_ == "xcomp" and lemma(c) == "be"), v)
    for k in (kids if verb is v else list(verb.children)):
        if k.dep_ in ("attr", "dobj", "nsubj", "nsubjpass") and k.pos_ == "NOUN" and k.lemma_.lower() in lx.evidence_nouns \
                and lemma(verb) in _EVIDENCE_VERBS \
                and (negated or any(d.lower_ == "no" and d.dep_ in ("det", "neg") for d in k.children)):
            return "no-evidence"
        if k.dep_ in ("acomp", "attr") and any(c.dep_ == "prep" and c.lower_ == "than" for c in k.children) \
                and any(m.lower_ in ("more", "less") and any(n.lower_ == "no" for n in m.children)
                        for m in k.children if m.dep_ == "advmod"):
            return "no-more-than"
        if _no_different(k, v):
            return "no-more-than"  # "she acted no differently from her predecessors"
    if negated and lemma(v) in lx.inference_verbs and any(c.dep_ == "ccomp" for c in kids):
        subj = subject_of(v)
        if subj is None or subj.lower_ not in PRON_SELF | {"you", "he", "she", "they"}:
            return "not-mean"
    return None


def _no_different(k: Token, v: Token) -> bool:
    """"acted no differently from her predecessors", "is no different than any other network": a
    comparison that denies a difference (the "no more … than" form of ``rebutting_form``)."""
    if k.dep_ not in ("acomp", "advmod", "attr") or k.lemma_.lower() not in ("different", "differently"):
        return False
    if not any(n.lower_ == "no" for n in k.children):
        return False
    return any(c.dep_ == "prep" and c.lower_ in ("from", "than", "to") for c in [*k.children, *v.children])


def under_no_evidence(t: Optional[Token], lx) -> bool:
    """Is ``t`` the clause an absent piece of evidence would support ("there is no evidence that [he
    lied]", "found no proof of [him paying]")? Then the claim is denied as it stands."""
    if t is None:
        return False
    for a in list(t.ancestors)[:4]:
        if a.pos_ == "NOUN" and a.lemma_.lower() in lx.evidence_nouns:
            return rebutting_form(a.head, lx) == "no-evidence"
        if a.dep_ in ("ROOT", "conj", "parataxis") and a.pos_ in ("VERB", "AUX"):
            return False
    return False
