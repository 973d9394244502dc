"""When a source's negated statement is a denial: the negation rule of cc_stance (docs/meaning.md).

A source that says "X did not happen" asserts the negative proposition unless it rebuts a claim. A
negated past event or state ("was not involved", "never touched", "did not own") is a rebuttal
when the negation is emphatic, when its predicate is one of wrongdoing, when the source speaks of
itself, when the reporting verb rebuts, or when a claim is on the table in the sentence or the one
before. Used by cc_propositions (which clauses of a content are claims) and cc_stance.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ..model import Statement
from .doctext import doc_text
from .propositions import PRON_SELF, _source_actor, _subject, canonical, denial_negation


def rebuts(doc: Doc, st: Statement, v: Optional[Token], agent: Optional[str], lx, cue_lem: Optional[str]) -> bool:
    """Is this negated claim a denial (the source rebuts something said or asked) rather than an
    assertion of a negative fact ("he did not heed the warnings", "he is not the right person")?

    A negation rebuts when it is emphatic ("never touched her", "not at all unprecedented",
    "did NOT represent"), when the clause is about the source itself ("I was not involved", "X said
    X had not paid" in indirect speech), when the reporting verb rebuts ("insisted", "countered"),
    or when a claim is on the table in the sentence or the one before, outside the content ("the
    assertions that…", "Asked whether…", "accused him of…")."""
    if v is None:
        return True
    if v.pos_ in ("VERB", "AUX") and not denial_negation(v):
        return False  # a habit, a prediction, an attitude: "officials do not meet with…"
    kids = list(v.children)
    if v.lemma_.lower() == "be" and v.tag_ in ("VBZ", "VBP"):
        preds = [k for k in kids if k.dep_ in ("acomp", "attr")]
        if preds and all(k.pos_ in ("ADJ", "NOUN", "PRON", "PROPN") and k.lemma_.lower() not in lx.wrongdoing
                         and not (k.tag_ == "VBN" or k.lower_.endswith("ed")) for k in preds):
            return False  # a present evaluation: "he is not the right person", "politics is not good enough"
            # (a participle is a state: "the party is not divided", "he is not involved")
    copula = v.lemma_.lower() == "be"
    for k in kids:
        if k.lower_ == "never" and copula:
            continue  # "politics has never been gentlemanly": an evaluation, not a rebuttal
        if k.dep_ in ("neg", "advmod") and (k.lemma_.lower() in lx.emphatic or k.lower_ in lx.emphatic
                                           or (k.dep_ == "neg" and k.text.isupper() and len(k.text) > 1)):
            return True
        if k.dep_ == "neg" and k.i > 0 and doc[k.i - 1].lower_ in lx.emphatic:
            return True  # "simply not", "absolutely not"
    if lx.emphatic_phrases is not None:
        lo, hi = v.left_edge.idx, v.right_edge.idx + len(v.right_edge.text)
        if lx.emphatic_phrases.search(doc_text(doc)[lo:hi]):
            return True
    if v.lemma_.lower() in lx.nonevent:
        return True  # "the meeting never took place", "no bid materialized"
    if v.lemma_.lower() in lx.wrongdoing or any(
            k.dep_ in ("acomp", "attr") and k.lemma_.lower() in lx.wrongdoing for k in kids):
        return True  # "was not involved", "did not pay", "was not classified": an accusation rebutted
    subj = _subject(v)
    if subj is not None:
        if subj.lower_ in PRON_SELF:
            return True  # "we did not receive a single complaint"
        if agent is not None and (subj.pos_ == "PROPN" or (subj.lower_ in ("he", "she") and reported_speech(doc, st))):
            # the source speaking of itself: "Trump said Trump had not…", "Trump said he did not own
            # the aircraft to burnish his brand" (not "he" inside a quotation, nor in "a suggestion
            # that he did not heed the warnings", where the pronoun is someone else)
            src = _source_actor(st, {s.id: s for s in (doc._.statements or [])})
            if src is not None and canonical(src) == agent:
                return True
    if cue_lem is not None and cue_lem in lx.rebuttal_cues:
        return True
    return claim_on_table(doc, st, lx)


def reported_speech(doc: Doc, st: Statement) -> bool:
    """An indirect statement with a verb cue ("X said he had not…"): no quotation in the content, and
    the cue is not a noun ("a suggestion that he…")."""
    if st.cue is None or st.kind in ("direct", "mixed", "nominal"):
        return False
    if any(q in c.text for c in st.content for q in "“”\"«»") or "''" in "".join(c.text for c in st.content):
        return False
    sp = doc.char_span(st.cue.span.start, st.cue.span.end, alignment_mode="expand")
    return sp is not None and sp.root.pos_ in ("VERB", "AUX")


def claim_on_table(doc: Doc, st: Statement, lx) -> bool:
    """A claim noun / accusing or asking word in the statement's sentence (outside its content and
    cue) or in the sentence before it."""
    anchor = st.cue.span.start if st.cue else st.start
    sp = doc.char_span(anchor, anchor + 1, alignment_mode="expand")
    if sp is None:
        return False
    sent = sp[0].sent
    lo = doc[sent.start - 1].sent.start if sent.start > 0 else sent.start
    skip = [(c.start, c.end) for c in st.content]
    if st.cue:
        skip.append((st.cue.span.start, st.cue.span.end))
    for t in doc[lo:sent.end]:
        if t.lemma_.lower() in lx.rebuttal_context and t.pos_ in ("NOUN", "VERB") \
                and not any(a <= t.idx < b for a, b in skip):
            return True
    return False
