"""Which clause of a content is its main claim, by the discourse relations between its clauses.

A content of several clauses is mainly about one of them (docs/meaning.md, "Which claim is the main
one"):

- a contrast "X, but Y" is about Y, the clause after the contrastive conjunction (Quirk et al. 1985
  §13.41-13.42: the second conjunct carries the point; ``contrast_conjunction``);
- a correction "not X, (it is) Y" replaces X by Y: a negated clause followed, with no conjunction, by
  a positive clause of the same subject and the same verb or auxiliary ("This is not a protest, it is
  a movement", "We are not cutting jobs. We are moving them to Leeds"; Quirk et al. §10.59-10.64);
- an adverbial clause of concession, condition, cause or time ("although it had not met its target,
  profits rose") is not the main claim while the content has a main clause of its own
  (``subordinator``; Huddleston & Pullum 2002 ch. 9 §1.3: a negation inside it does not make the main
  clause negative).

``main_clause`` follows these from a clause head to the one the content is about; ``side_clause`` says
whether a clause is the superseded member of such a pair, so that its negation is no claim of the
statement's own.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .lexicon import MeaningLexicon
from .syntax import Scope, in_scope, lemma
from .types import SUBJ

_CLAUSE = ("VERB", "AUX")
_DEICTIC = {"this", "that", "it"}  # "This is not a protest, it is a movement": one subject


def contrast_point(v: Token, scope: Scope, lx: MeaningLexicon, following: list[Token] = ()) -> Optional[Token]:
    """The clause after "but" / "yet" coordinated with ``v`` inside the content ("The drug did not cure
    the disease, but [it slowed its progress]"), or the next sentence of the content when it opens with
    one ("They're not as ideological as I would prefer. [But on the broad issues they're very good.]");
    ``following``: the content's root clauses after ``v``."""
    for c in v.children:
        if c.dep_ != "conj" or c.pos_ not in _CLAUSE or c.i < v.i or not in_scope(c, scope):
            continue
        ccs = [k for k in v.children if k.dep_ == "cc" and v.i < k.i < c.i]
        ccs += [k for k in c.children if k.dep_ == "cc" and k.i < c.i]
        if ccs and ccs[-1].lower_ in lx.contrast_conjunctions:
            return c
    nxt = next((r for r in following if r.i > v.i and r.pos_ in _CLAUSE), None)
    if nxt is not None and nxt.sent.start != v.sent.start:
        first = next((t for t in nxt.sent if t.is_alpha), None)
        if first is not None and first.dep_ == "cc" and first.head.i == nxt.i and first.lower_ in lx.contrast_conjunctions:
            return nxt
    return None


def _negated_here(v: Token) -> bool:
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in v.children)


_PRONOUNS = {"it", "they", "he", "she", "this", "that", "these", "those"}


def _same_subject(a: Optional[Token], b: Optional[Token]) -> bool:
    if a is None or b is None:
        return False
    x, y = a.lower_, b.lower_
    return x == y or (x in _DEICTIC and y in _DEICTIC) or (a.lemma_.lower() == b.lemma_.lower() and a.pos_ == "NOUN")


def _predicate(v: Token) -> Optional[Token]:
    return next((c for c in v.children if c.dep_ in ("attr", "acomp")), None)


def _auxes(v: Token) -> list[str]:
    return [lemma(c) for c in v.children if c.dep_ in ("aux", "auxpass") and c.i < v.i]


def _subject(v: Token) -> Optional[Token]:
    return next((c for c in v.children if c.dep_ in SUBJ), None)


def _parallel(neg: Token, pos: Token) -> bool:
    """Do two clauses share their subject and their verb or auxiliary ("The problem is not the budget; the
    problem is the schedule", "We are not cutting jobs. We are moving them")?"""
    a_subj, b_subj = _subject(neg), _subject(pos)
    if lemma(neg) == lemma(pos) == "be" and b_subj is not None:
        p = _predicate(neg)
        if p is not None and p.pos_ == "NOUN" and b_subj.lemma_.lower() == p.lemma_.lower():
            return True  # "Coal isn't the villain. The villain is excess carbon dioxide"
        if a_subj is not None and b_subj.lower_ in _PRONOUNS and a_subj.pos_ in ("NOUN", "PROPN") \
                and _predicate(pos) is not None:
            return True  # "The attacks aren't physical. They're psychological"
    if not _same_subject(a_subj, b_subj):
        return False
    if lemma(neg) == lemma(pos):
        return True
    a, b = _auxes(neg), _auxes(pos)
    return bool(a) and a == b and a[-1] != "do"


def correction_of(v: Token, following: list[Token], scope: Scope) -> Optional[Token]:
    """The clause that replaces the negated clause ``v`` ("This is not a protest, [it is a movement]"):
    the next clause of the content, joined with no conjunction, positive and parallel to ``v``.
    ``following`` are the content's other root clauses after ``v``."""
    if not _negated_here(v):
        return None
    near = [c for c in v.children if c.i > v.i and c.pos_ in _CLAUSE and c.dep_ in ("conj", "parataxis", "ccomp")
            and in_scope(c, scope) and not any(k.dep_ == "cc" for k in v.children if v.i < k.i < c.i)]
    if v.dep_ in ("ccomp", "parataxis") and v.head.i > v.i and in_scope(v.head, scope):
        near.append(v.head)  # "[It is not that X]; it is that Y": the parser hangs X on Y
    near += [r for r in following if r.i > v.i and r.pos_ in _CLAUSE]
    for c in sorted(near, key=lambda t: t.i)[:1]:
        if any(k.dep_ in ("cc", "mark") and k.i < c.i for k in c.children):
            return None  # "that it will not happen quickly, that it will require…": a second claim
        if not _negated_here(c) and _parallel(v, c):
            return c
    return None


def subordinate(v: Token, lx: MeaningLexicon) -> bool:
    """Is ``v`` an adverbial clause of concession, condition, cause or time ("although it had not met its
    target", "if rates do not fall", "because the alarms did not go off")?"""
    return v.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ in lx.subordinators for c in v.children)


def main_clause(v: Token, roots: list[Token], scope: Scope, lx: MeaningLexicon) -> Token:
    """The clause the content is about, starting from its first clause ``v``: through a contrast to its
    second member and through a correction to what replaces the negated clause."""
    for _ in range(4):
        nxt = contrast_point(v, scope, lx, roots) or correction_of(v, roots, scope)
        if nxt is None:
            return v
        v = nxt
    return v


def side_clause(v: Token, roots: list[Token], scope: Scope, lx: MeaningLexicon) -> bool:
    """Is ``v`` a clause another clause of the content supersedes: the first member of a contrast, the
    negated member of a correction, or an adverbial clause beside a main clause?"""
    if contrast_point(v, scope, lx, roots) is not None or correction_of(v, roots, scope) is not None:
        return True
    return subordinate(v, lx) and in_scope(v.head, scope)


def reported_by_other(v: Token, scope: Scope, lx: MeaningLexicon) -> bool:
    """Is ``v`` inside the complement of a reporting verb of the content whose subject is a noun phrase,
    someone other than the speaker ("25 percent say they would not support him", "the president had told
    allies that he would not withdraw")? The report is the content's claim; what it reports is the other party's. Not under a
    verb of showing or finding ("the poll shows that she is not fit": ``endorsing`` cues), where the
    complement is the claim put forward."""
    for a in list(v.ancestors)[:6]:
        if not in_scope(a, scope):
            return False
        if a.pos_ == "VERB" and a.lemma_.lower() in lx.framing and lx.framing[a.lemma_.lower()][0] != "endorsing" \
                and a.lemma_.lower() not in lx.neg_raising:
            subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            # (a personal pronoun is mostly the source itself: "he had told Trump that Mexico would not pay")
            return subj is not None and subj.pos_ != "PRON"
    return False
