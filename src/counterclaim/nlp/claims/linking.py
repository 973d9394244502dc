"""cc_links: how sure each statement -> proposition link is (``Stance.confidence``, ``Stance.basis``).

``cc_propositions`` links every claim of a statement's content to a proposition in one of several
ways, and they are not equally reliable. ``record`` (called by ``propositions.assign``) notes for
each claim how its link was made; after ``cc_stance`` has labelled the stances, ``cc_links`` gives
each stance the confidence of the best claim of that statement that carries its proposition.

Bases, most reliable first (``LINK_CONFIDENCE``):

- ``relation`` (0.9): the content's own clause or event noun with a relation from
  ``data/relations.tsv`` and a participant ("North Korea had delivered rockets to Russia");
- ``claim`` (0.7): a claim noun with its own that-clause ("reports that he paid no taxes");
- ``gist`` (0.6): the content's own main clause, with a subject and a finite verb;
- ``anaphor-fit`` (0.55): an anaphoric noun whose relation fits the antecedent's ("the
  transaction" -> a transfer);
- ``relation-gist`` (0.55): a relation trigger whose participants were not found;
- ``anaphor-rejected`` (0.5): a claim noun that a rejection predicates of ("his comments were
  Mostly False", "those statements were wrong", "deemed those statements false");
- ``anaphor`` (0.5): a rejection / no-knowledge formula ("has denied it", "was cooked up by ..."),
  a relative pronoun, or a claim noun marked as pointing back ("that statement", "unfounded
  accusations"), sent to the latest claim with a relation;
- ``anaphor-gist`` (0.35): the same, when the latest claim has no relation (a gist);
- ``anaphor-weak`` (0.3): an anaphor whose words say something else: an event noun of another
  relation ("the sanctions"), a claim noun naming an author who stated none of the claims before
  it ("the AP report was misleading" after Sessions' accusation), a claim noun with its own complement or no marker ("the story of
  Copenhagen", "its reporting"), a formula whose content is a clause of its own ("denied that she
  mishandled classified information") or a thing ("rejected single mothers", "contradicted him");
- ``fragment`` (0.3): a clause fragment with no subject or no finite verb ("low-paying");
- ``pronoun`` (0.25): a demonstrative subject that does not reject anything ("It's heartbreaking");
- ``unresolved`` (0.2): an anaphor with no antecedent: its own words became the gist.

A denial linked by ``anaphor`` or ``anaphor-fit`` is multiplied by ``DENIAL_ANAPHOR_FACTOR`` (0.85: on
a judged PolNeAR train ledger such denials were right 1 time in 16). An anaphor's confidence is
multiplied by ``FAR_FACTOR`` when its antecedent is more than ``NEAR``
characters back (about a paragraph) and was chosen by recency, not by the anaphor's own words
("the claims about potential retaliation" -> the claim that speaks of retaliation), and a formula with no noun of its own ("has denied it",
"declined to comment", "I have no further information") by ``FORMULA_FAR_FACTOR`` when its antecedent
is more than ``CLOSE`` characters back: on PolNeAR train such links were mostly wrong beyond the
sentence or two after the claim. Offsets are doc-local, as in every component.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Token

from ..extensions import register
from .negation import nonevent_verb
from .participants import other_author
from .rejection import rejected_claim_noun, rejecting_evaluation
from .syntax import subject_of
from .types import DEMONSTR

register()  # the Doc._ extensions this module reads and writes


LINK_CONFIDENCE = {
    "relation": 0.9,
    "claim": 0.7,
    "anaphor-fit": 0.55,
    "gist": 0.6,
    "relation-gist": 0.55,
    "anaphor-rejected": 0.5,
    "anaphor": 0.5,
    "anaphor-gist": 0.35,
    "anaphor-weak": 0.3,
    "fragment": 0.3,
    "pronoun": 0.25,
    "unresolved": 0.2,
}


# A denial that reaches its claim only through an anaphor ("has denied it", "the accusation",
# "those reports") was right 1 time in 16 among the disputes of a PolNeAR train ledger
# (eval/disputes/polnear-train.json, bases anaphor and anaphor-fit): such links count this much less,
# which puts them under the ledger's dispute threshold (0.5) unless a rejection says of the noun
# itself that it is false ("his comments were Mostly False": anaphor-rejected).
DENIAL_ANAPHOR_FACTOR = 0.85


NEAR = 600
CLOSE = 300  # a formula with no noun of its own ("has denied it", "declined to comment") refers back only this far
FORMULA_FAR_FACTOR = 0.7
PERSONAL = frozenset({"him", "her", "them", "me", "us", "you"})
FAR_FACTOR = 0.8


def full_clause(c) -> bool:
    """A subject and a finite verb ("bigotry and xenophobia are acceptable"), unlike a fragment
    ("getting shot", "low-lying", "single mothers", "to tire of telling the story")."""
    v: Optional[Token] = c.head
    if v is None or v.pos_ not in ("VERB", "AUX"):
        return False
    if c.subject is not None:
        return True  # "accused [her] of being asleep": the object is the gerund's subject
    if v.tag_ in ("VBG", "VBN", "VB") and not any(x.dep_ in ("aux", "auxpass") and x.lower_ != "to"
                                                  for x in v.children):
        return False
    subj = subject_of(v)
    return subj is not None and not subj.is_punct


def _formula_rejects_claim_noun(ctx, c) -> bool:
    """Such a claim noun in a formula's own words."""
    sp = ctx.doc.char_span(c.start, c.end, alignment_mode="expand")
    return sp is not None and any(rejected_claim_noun(ctx.lx, t) for t in sp)


def _by_antecedent(how: str) -> str:
    return {"fit": "anaphor-fit", "words": "anaphor-fit", "relation": "anaphor"}.get(how, "anaphor-gist")


def own_content(ctx, c) -> Optional[str]:
    """What a formula anaphor's content says by itself: ``thing`` (a noun phrase that is not a claim:
    "rejected single mothers", "denied any involvement in the attacks"), ``clause`` (a clause with its
    own subject that rejects nothing: "denied that she mishandled classified information"), or None
    ("has denied it", "was cooked up by some dishonest forces")."""
    doc = ctx.doc
    sp = doc.char_span(c.start, c.end, alignment_mode="expand")
    if sp is None or len(sp) == 0:
        return None
    lo, hi = sp.start, sp.end
    r = next((t for t in sp if not t.is_punct and (t.head.i == t.i or not lo <= t.head.i < hi)), None)
    if r is None:
        return None
    if r.pos_ not in ("NOUN", "PROPN", "PRON", "VERB", "AUX"):  # "decried that math": "that" parsed as the head
        r = next((x for x in r.children if lo <= x.i < hi and x.pos_ in ("NOUN", "PROPN")), r)
    if r.pos_ in ("NOUN", "PROPN") and r.lemma_.lower() not in ctx.lx.claim_nouns:
        return "thing"
    if r.pos_ == "PRON" and r.lower_ in PERSONAL:
        return "thing"  # "contradicted him": a person, not a claim
    if r.pos_ in ("VERB", "AUX"):
        subj = next((x for x in r.children if x.dep_ in ("nsubj", "nsubjpass", "csubj", "expl") and lo <= x.i < hi), None)
        if subj is None:
            return None  # "was cooked up by some dishonest forces": the subject is outside, the claim before
        refers = subj.pos_ == "PRON" or subj.lower_ in DEMONSTR or subj.lemma_.lower() in ctx.lx.claim_nouns
        if not refers:
            return "clause"  # "Choosing between Clinton and Sanders is a false choice": it says what it rejects
        if rejecting_evaluation(ctx.lx, subj):
            return None  # "that is not true", "the report was false"
        if subj.lower_ in DEMONSTR and (r.lemma_.lower() == "be" or nonevent_verb(ctx.lx, r)):
            return None  # "denied it happened", "said that was not the case"
        return "clause"
    return None


_NAMED_SUBJECT = frozenset({"he", "she", "they", "we", "you", "i"})


def _unknown_clause(ctx, c) -> bool:
    """Does a no-knowledge formula say what is not known in a clause of its own, about someone named or
    a person ("I'm not sure he damaged me", "does not know whether Trump paid")? Then it is not about
    the claim before it. Not "I don't know if it happened", "I have no further information"."""
    sp = ctx.doc.char_span(c.start, c.end, alignment_mode="expand")
    if sp is None:
        return False
    lo, hi = sp.start, sp.end
    for v in sp:
        if v.dep_ != "ccomp" or v.pos_ not in ("VERB", "AUX") or not lo <= v.head.i < hi:
            continue
        if v.lemma_.lower() == "be" or nonevent_verb(ctx.lx, v):
            continue
        subj = next((x for x in v.children if x.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is not None and (subj.lower_ in _NAMED_SUBJECT or subj.pos_ == "PROPN"):
            return True
    return False


def _has_own_complement(n: Token) -> bool:
    """'the story of Copenhagen', 'the report about the talks': the noun says what it is about."""
    return any(c.dep_ == "prep" and c.lower_ in ("of", "about", "on") and any(g.dep_ == "pobj" for g in c.children)
               for c in n.children) or any(c.dep_ in ("acl", "relcl") for c in n.children)


def _points_back(lx, n: Token) -> bool:
    """Is a claim noun marked as referring back: a demonstrative ("that statement", "such claims"),
    or a rejecting modifier ("unfounded accusations", "the false report")?"""
    if any(c.dep_ in ("det", "predet") and c.lower_ in ("this", "that", "these", "those", "such") for c in n.children):
        return True
    return any(c.dep_ == "amod" and lx.rejects(c) for c in n.children)


def basis(ctx, c, how: Optional[str]) -> str:
    """How a claim's link was made; ``how`` is ``propositions._salient``'s answer for an anaphor (None otherwise
    or when it found nothing)."""
    lx = ctx.lx
    if c.kind == "anaphor":
        if how is None:
            return "unresolved"
        n = c.noun
        if n is None:  # a formula: "has denied it", "was cooked up by ...", "I have no further information"
            if c.forced != "no_knowledge" and own_content(ctx, c) is not None:
                return "anaphor-weak"
            if c.forced == "no_knowledge" and _unknown_clause(ctx, c):
                return "anaphor-weak"  # "I'm not sure he damaged me": what she does not know is said there
            if c.forced != "no_knowledge" and _formula_rejects_claim_noun(ctx, c):
                return "anaphor-rejected"  # "the claim was 'cooked up by some dishonest forces'"
            return _by_antecedent(how)
        if n.pos_ == "PRON":
            if n.tag_ != "WDT" and not rejecting_evaluation(lx, n):
                return "pronoun"  # not a relative pronoun ("the theory ..., which ..."), not "this is a lie"
            return _by_antecedent(how)
        lemma = n.lemma_.lower()
        if other_author(ctx, c):
            return "anaphor-weak"  # "the AP report was misleading" after Sessions' claim: another source's claim
        if rejected_claim_noun(lx, n):
            return "anaphor-rejected"  # "his comments were Mostly False", "the claims ... are unfounded"
        if how in ("fit", "words"):
            return "anaphor-fit"
        if lx.relation_nouns(lemma) or _has_own_complement(n):
            return "anaphor-weak"  # "the sanctions", "the investigation": not the antecedent's relation
        if not _points_back(lx, n):
            return "anaphor-weak"  # "its reporting", "the story": not marked as the claim just made
        return _by_antecedent(how)
    if c.rule is not None:
        if c.agent or c.recipient:
            return "relation"
        if not full_clause(c) and c.kind in ("clause", "gist"):
            return "fragment"  # "low-paying", "getting shot", "Hands up, don't shoot"
        return "relation-gist"
    if not full_clause(c):
        return "fragment"
    return "claim" if c.kind == "nominal" else "gist"


def record(ctx, c, how: Optional[str], distance: int = 0) -> None:
    """Note the link of claim ``c`` (already given ``c.prop``) on the doc."""
    b = basis(ctx, c, how if c.kind == "anaphor" else None)
    conf = LINK_CONFIDENCE[b]
    if c.kind == "anaphor":
        if c.noun is None and distance > CLOSE:
            conf *= FORMULA_FAR_FACTOR  # "declined to comment" two paragraphs after the claim
        elif distance > NEAR and how != "words":
            conf *= FAR_FACTOR  # (not when the anaphor's own words name what the antecedent says)
    links = ctx.doc._.claim_links
    if links is None:
        links = ctx.doc._.claim_links = {}
    links[id(c)] = (round(conf, 3), b)


@Language.factory("cc_links", default_config={}, assigns=["doc._.statements"],
                  requires=["doc._.statements", "doc._.claims", "doc._.claim_links"])
class LinkConfidence:
    """After cc_stance: each stance gets the confidence of its statement's best claim that carries
    its proposition. The last reader of the claims ``cc_propositions`` kept on the doc: it drops them.
    (It reads no lexicon: the links were weighed when they were made.)"""

    def __init__(self, nlp: Language, name: str) -> None:
        self.name = name

    def __call__(self, doc: Doc) -> Doc:
        recs = doc._.claim_links or {}
        claims_of = doc._.claims or {}
        doc._.claim_links = None
        doc._.claims = None
        set_confidences(doc, claims_of, recs)
        return doc


def set_confidences(doc: Doc, claims_of: dict, recs: dict) -> None:
    """Give each stance the best (confidence, basis) among its statement's claims of its proposition."""
    for st in doc._.statements or []:
        claims = claims_of.get(st.id)
        if not st.stances or not claims:
            continue
        for stance in st.stances:
            found = [recs[id(c)] for c in claims if c.prop == stance.proposition and id(c) in recs]
            if found:
                stance.confidence, stance.basis = max(found)
                if stance.stance == "denies" and stance.basis in ("anaphor", "anaphor-fit"):
                    stance.confidence = round(stance.confidence * DENIAL_ANAPHOR_FACTOR, 3)
