"""Rejections: the words, verbs and predicates that say a claim is false ("false", "a hoax", "cooked up",
"doesn't hold water", "I don't buy that"), where they are in a content, and whether a content's main
predicate rejects something outside it."""
from __future__ import annotations

import re
from typing import Iterator

import numpy
from spacy.attrs import LEMMA, LOWER
from spacy.tokens import Doc, Token

from ..doctext import doc_text, per_doc
from .lexicon import MeaningLexicon
from .negation import is_negated
from .syntax import Scope, lemma, verb_entry
from .types import ACCUSING, DEMONSTR, Ctx


def has_rejection(ctx: Ctx, toks: list[Token], text_low: str) -> bool:
    """Does the content (tokens ``toks``, lower-cased text ``text_low``) hold a rejection expression?"""
    lx = ctx.lx
    if lx.reject_phrases is not None and lx.reject_phrases.search(text_low):
        return True
    return next(rejecting_tokens(ctx.doc, lx, toks), None) is not None


TABLE_FROM = 200  # tokens of a content from which its rejection words are looked up in the doc's table


def rejecting_tokens(doc: Doc, lx: MeaningLexicon, toks: list[Token]) -> Iterator[Token]:
    """The tokens of ``toks`` that ``rejection_token`` accepts, in order: a short content asks each of its
    tokens (cheaper than the doc's table), a long one only the doc's ``rejection_candidates``."""
    if len(toks) < TABLE_FROM:
        return (t for t in toks if rejection_token(lx, t))
    cands = rejection_candidates(doc, lx)
    return (t for t in toks if t.i in cands and rejection_token(lx, t))


def rejection_candidates(doc: Doc, lx: MeaningLexicon) -> set[int]:
    """The tokens of the doc that ``rejection_token`` can accept: their lemma is in one of the lexicon's
    rejection tables or their form is a rejection word (read once per doc from ``doc.to_array``; every
    other token fails ``rejection_token``'s first tests)."""
    def build(doc: Doc) -> set[int]:
        if not len(doc):
            return set()
        cols = doc.to_array([LEMMA, LOWER])
        strings = doc.vocab.strings
        lemmas = lx.reject_words | lx.reject_verbs.keys() | lx.unsound.keys() | lx.disbelief_verbs
        lem_ok = [h for h in set(cols[:, 0].tolist()) if strings[h].lower() in lemmas]
        # a LOWER value is the hash of the lower-case form: the words' own hashes, no string read back
        low_ok = numpy.array([strings[w] for w in lx.reject_words], dtype=cols.dtype)
        mask = numpy.isin(cols[:, 0], lem_ok) | numpy.isin(cols[:, 1], low_ok)
        return set(numpy.flatnonzero(mask).tolist())

    return per_doc(doc, ("cc_reject_cands", id(lx)), build)


_REJECT_POS = ("ADJ", "NOUN", "PROPN", "VERB")


def rejecting_verb(lx: MeaningLexicon, t: Token) -> bool:
    """A rejection verb with its particle when it needs one ("cooked up", "fabricated")."""
    return t.pos_ == "VERB" and verb_entry(lx.reject_verbs, t)


def rejection_token(lx: MeaningLexicon, t: Token) -> bool:
    """A rejection word ("false", "hoax"), a rejection verb ("cooked up") or a predicate that rejects a
    claim without one ("doesn't hold water", "I don't buy that"). Called on every token of every
    content: the lemma is read once and most tokens leave at the first tests."""
    lem = t.lemma_.lower()
    if (lem in lx.reject_words or t.lower_ in lx.reject_words) and t.pos_ in _REJECT_POS:
        return not _negated_evaluation(t, lx) and not _wrong_choice(lx, t)
    if lem in lx.reject_verbs:
        return rejecting_verb(lx, t)
    return (lem in lx.unsound or lem in lx.disbelief_verbs) and claim_not_accepted(lx, t)


def _wrong_choice(lx: MeaningLexicon, t: Token) -> bool:
    """An attributive "wrong" names a wrong choice or a moral judgment, not a false claim ("it's the
    wrong thing", "the wrong way", "on the wrong side of history"; Merriam-Webster wrong adj. 1 "not
    according to the moral standard", 4 "not the one intended or wanted"). Predicative "wrong" still
    rejects ("that is wrong", "they were wrong in their recollections")."""
    return t.lemma_.lower() == "wrong" and t.dep_ == "amod" and t.head.lemma_.lower() not in lx.claim_nouns


NOBODY = {"nobody", "noone", "no-one"}
_CLAIM_PRONOUNS = {"it", "that", "this", "any", "none"}


def claim_not_accepted(lx: MeaningLexicon, v: Token) -> bool:
    """Does the verb say that a claim does not stand or is not believed? A negated predicate of
    soundness whose subject is a claim noun or a pronoun ("the rationale doesn't hold water", "that
    doesn't add up", "the story does not stand up"; ``unsound_predicate``), or a verb of believing
    negated or with "nobody" as subject whose object is a claim noun or "it" / "that" ("I don't buy
    that", "nobody believes it", "doesn't believe a word of it"; ``disbelief_verb``). Not "I don't
    believe he can win" (a clause: the negation belongs to it) nor "doesn't accept the offer"."""
    if v.pos_ not in ("VERB", "AUX"):
        return False
    lem = v.lemma_.lower()
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    words = lx.unsound.get(lem)
    if words:
        if not any(c.lower_ in words and c.dep_ in ("prt", "dobj", "advmod", "prep") for c in v.children):
            return False
        if not is_negated(v, lx):
            return False
        return subj is None or subj.lower_ in DEMONSTR or subj.lemma_.lower() in lx.claim_nouns
    if lem not in lx.disbelief_verbs:
        return False
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None or not (obj.lower_ in _CLAIM_PRONOUNS or obj.lemma_.lower() in lx.claim_nouns
                           or (obj.lemma_.lower() == "word" and any(d.lower_ in ("a", "one") for d in obj.children))):
        return False
    no_one = subj is not None and (subj.lower_ in NOBODY or (subj.lower_ == "one" and any(d.lower_ == "no" for d in subj.children)))
    return no_one or any(c.dep_ == "neg" or c.lower_ == "never" for c in v.children)


def _negated_evaluation(t: Token, lx: MeaningLexicon) -> bool:
    """Is the rejection word the predicate of a negated clause ("this is not a ridiculous idea", "it
    wasn't false", "I don't think this is a hoax": a negated belief verb takes the negation down)?
    Then nothing is rejected."""
    x = t.head if t.dep_ == "amod" else t
    if x.dep_ not in ("attr", "acomp", "oprd"):
        return False
    v = x.head
    if is_negated(v, lx):
        return True
    return v.dep_ == "ccomp" and lemma(v.head) in ("think", "believe", "say") and is_negated(v.head, lx)


def _is_rejection_word(lx: MeaningLexicon, t: Token) -> bool:
    """``rejection_token``, except a rejection verb with "for" ("more than made up for")."""
    if lx.rejects(t) and t.pos_ in _REJECT_POS:
        return True
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
        return False  # "more than made up for"
    return rejecting_verb(lx, t)


def rejection_predicate(ctx: Ctx, r: Token, scope: Scope) -> bool:
    """Is the content's main predicate a rejection of something outside it ("was cooked up by
    dishonest forces", "that's a lie", "totally false", "the photo is fake")? Not when it evaluates a
    person ("you're being ridiculous") or a thing that presents nothing as real ("the bridge was fake")."""
    lx = ctx.lx
    if claim_not_accepted(lx, r):
        return True  # "I don't buy that", "the rationale doesn't hold water"
    subj = next((c for c in r.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.idx in scope and subj.lower_ not in DEMONSTR \
            and subj.lemma_.lower() not in lx.claim_nouns and subj.lemma_.lower() not in lx.depiction_nouns \
            and not any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ACCUSING for c in subj.children):
        return False  # but "Trump's tweets accusing Machado of X are lies": what the subject says is rejected
    if _is_rejection_word(lx, r):
        return True
    preds = [c for c in r.children if c.dep_ in ("attr", "acomp", "oprd", "xcomp")]
    for p in preds:
        if _is_rejection_word(lx, p) or any(_is_rejection_word(lx, x) for x in p.children if x.dep_ == "amod"):
            return True
    txt = doc_text(ctx.doc)[r.idx: r.sent.end_char].lower()
    return bool(lx.reject_phrases is not None and r.lemma_.lower() == "be" and lx.reject_phrases.match(
        re.sub(r"^\S+\s+(?:just\s+|simply\s+|totally\s+|completely\s+)?", "", txt)))


def rejection_positions(doc: Doc, lx: MeaningLexicon, toks: list[Token]) -> list[int]:
    """Character positions of rejection expressions among ``toks`` (for scoping to a claim)."""
    out = []
    if toks and lx.reject_phrases is not None:
        s0 = toks[0].idx
        e0 = toks[-1].idx + len(toks[-1].text)
        for m in lx.reject_phrases.finditer(doc_text(doc)[s0:e0].lower()):
            out.append(s0 + m.start())
    out.extend(t.idx for t in rejecting_tokens(doc, lx, toks))
    return sorted(out)


def rejecting_evaluation(lx, subj: Token) -> bool:
    """'This is a hoax', 'that is totally false': the demonstrative's predicate rejects. Not when the
    rejection has a clause of its own ("it found no evidence that the document was sent by fax"):
    then it rejects that clause, not what came before."""
    r = subj.head
    if any(x.dep_ == "mark" and x.lower_ in ("that", "whether") and x.head.i != r.i for x in r.subtree):
        return False
    if _is_rejection_word(lx, r):
        return True
    if rejecting_verb(lx, r):
        return True  # "which was cooked up by ... for different purposes"
    for x in r.children:
        if x.dep_ in ("attr", "acomp", "oprd", "xcomp"):
            if _is_rejection_word(lx, x) or rejecting_verb(lx, x) \
                    or any(_is_rejection_word(lx, y) for y in x.children if y.dep_ == "amod"):
                return True  # ("the claim was 'cooked up by …'" parsed with the participle under "was")
    if lx.reject_phrases is None:
        return False
    doc = r.doc
    text = doc_text(doc)[r.idx: doc[r.right_edge.i].idx + len(doc[r.right_edge.i].text)].lower()
    return bool(lx.reject_phrases.search(text))  # "was cooked up by", "is a lie"


def rejected_claim_noun(lx, t: Token) -> bool:
    """A claim noun that a rejection predicates of: as the subject ("his comments were Mostly False", "the
    claims ... are unfounded", "the claim was cooked up") or as the object of a small clause ("Politifact
    deemed those statements false", "called his claims a lie"), also in an "as" phrase on the verb or the
    noun ("described the report as false", "slammed the reports as fake news", "branded the claims as lies";
    Quirk et al. 1985 §16.48, the object predicative of verbs of regarding)."""
    if t.lemma_.lower() not in lx.claim_nouns:
        return False
    if t.dep_ in ("nsubj", "nsubjpass"):
        return rejecting_evaluation(lx, t)
    if t.dep_ != "dobj":
        return False
    for x in [*t.head.children, *t.children]:
        if x.i <= t.i:
            continue
        if x.dep_ in ("oprd", "acomp", "xcomp") and (_is_rejection_word(lx, x) or any(
                _is_rejection_word(lx, y) for y in x.children if y.dep_ == "amod")):
            return True
        if x.dep_ == "prep" and x.lower_ == "as" and any(
                _is_rejection_word(lx, y) for c in x.children for y in (c, *c.children) if y.dep_ != "prep"):
            return True
    return False
