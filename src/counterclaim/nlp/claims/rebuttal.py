"""When a source's negated statement is a denial: the negation rule of cc_stance (docs/meaning.md).

A source that says "X did not happen" asserts the negative proposition unless it rebuts a claim. A
negated past event or state ("was not involved", "never touched", "did not own") is a rebuttal
when the negation is emphatic, when its predicate is one of wrongdoing, when the source speaks of
itself, when the reporting verb rebuts, or when a claim is on the table in the sentence or the one
before. Used by claim extraction (which clauses of a content are claims) and cc_stance.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Token

from ...model import Statement
from ..doctext import doc_text
from .negation import denial_negation, nonevent_verb
from .participants import canonical, source_actor
from .syntax import lemma, subject_of
from .types import ACCUSING, PRON_SELF


def rebuttal(doc: Doc, st: Statement, v: Optional[Token], agent: Optional[str], lx, cue_lem: Optional[str]) -> Optional[str]:
    """Is this negated claim a denial (the source rebuts something said or asked) rather than an
    assertion of a negative fact ("he did not heed the warnings", "he is not the right person")?

    A negation rebuts when it is emphatic ("never touched her", "not at all unprecedented",
    "did NOT represent"), when the clause is about the source itself ("I was not involved", "X said
    X had not paid" in indirect speech), when the reporting verb rebuts ("insisted", "countered"),
    or when a claim is on the table in the sentence or the one before, outside the content ("the
    assertions that…", "Asked whether…", "accused him of…")."""
    if v is None:
        return "no-clause"
    if v.pos_ in ("VERB", "AUX") and not denial_negation(v, lx):
        return None  # a habit, a prediction, an attitude: "officials do not meet with…"
    kids = list(v.children)
    subj = subject_of(v)
    if lemma(v) == "be" and any(k.dep_ == "attr" and _as_others_say(k, lx) for k in kids):
        return "as-others-say"  # "is not the behemoth that the petitioners make it out to be"
    if _as_one_would_think(doc, v):
        return "as-others-say"  # "things are not nearly as etched in stone as one would think"
    if lemma(v) == "be" and v.tag_ in ("VBZ", "VBP") and not _self_description(subj, kids):
        preds = [k for k in kids if k.dep_ in ("acomp", "attr")]
        if preds and all((k.pos_ in ("ADJ", "NOUN", "PRON", "PROPN") or k.dep_ == "acomp") and k.lemma_.lower() not in lx.wrongdoing
                         and not (k.tag_ == "VBN" or k.lower_.endswith("ed")) for k in preds):
            return None  # a present evaluation: "he is not the right person", "politics is not good enough"
            # (a participle is a state: "the party is not divided", "he is not involved")
    copula = lemma(v) == "be"
    neg = next((k for k in kids if k.dep_ == "neg"), None)
    for k in kids:
        if k.lower_ == "never" and copula:
            continue  # "politics has never been gentlemanly": an evaluation, not a rebuttal
        if k.dep_ == "advmod" and k.lower_ != "never" and neg is None and k.i < v.i:
            continue  # "simply had no reason to go home": "simply" is the verb's, not a negation's
        if k.dep_ in ("neg", "advmod") and (k.lemma_.lower() in lx.emphatic or k.lower_ in lx.emphatic
                                           or (k.dep_ == "neg" and k.text.isupper() and len(k.text) > 1)):
            return "emphatic"
        if k.dep_ == "neg" and k.i > 0 and doc[k.i - 1].lower_ in lx.emphatic:
            return "emphatic"  # "simply not", "absolutely not"
    if lx.emphatic_phrases is not None:
        # within the clause itself, not a conjoined or embedded clause after it ("Politics has never been
        # gentlemanly, and now it's not gentlemanly at all": "at all" is the second clause's)
        after = [k.left_edge.i for k in kids if k.i > v.i and k.pos_ in ("VERB", "AUX")
                 and k.dep_ in ("conj", "ccomp", "advcl", "parataxis", "relcl")]
        end = doc[min(after) - 1] if after and min(after) > v.i else v.right_edge
        lo, hi = v.left_edge.idx, end.idx + len(end.text)
        if lx.emphatic_phrases.search(doc_text(doc)[lo:hi]):
            return "emphatic"
    if nonevent_verb(lx, v):
        return "nonevent"  # "the meeting never took place", "no bid materialized"
    if v.lemma_.lower() in lx.wrongdoing or any(
            k.dep_ in ("acomp", "attr") and k.lemma_.lower() in lx.wrongdoing for k in kids):
        return "wrongdoing"  # "was not involved", "did not pay", "was not classified": an accusation rebutted
    if subj is not None:
        if subj.lower_ in PRON_SELF:
            return "self"  # "we did not receive a single complaint"
        if agent is not None and (subj.pos_ == "PROPN" or (subj.lower_ in ("he", "she") and reported_speech(doc, st))):
            # the source speaking of itself: "Trump said Trump had not…", "Trump said he did not own
            # the aircraft to burnish his brand" (not "he" inside a quotation, nor in "a suggestion
            # that he did not heed the warnings", where the pronoun is someone else)
            src = source_actor(st, {s.id: s for s in (doc._.statements or [])})
            if src is not None and canonical(src) == agent:
                return "self"
    if cue_lem is not None and cue_lem in lx.rebuttal_cues:
        return "rebuttal-cue"
    return "on-table" if claim_on_table(doc, st, lx) else None


def rebuts(doc: Doc, st: Statement, v: Optional[Token], agent: Optional[str], lx, cue_lem: Optional[str]) -> bool:
    """``rebuttal`` as a yes / no."""
    return rebuttal(doc, st, v, agent, lx, cue_lem) is not None


def _as_others_say(k: Token, lx) -> bool:
    """A predicate noun with a relative clause saying someone else calls it so: "the behemoth that
    the petitioners make it out to be", "the monster his critics describe", "the crook they say he is"."""
    for c in k.children:
        if c.dep_ == "relcl" and c.pos_ in ("VERB", "AUX") and any(g.dep_ == "nsubj" for g in c.children):
            # (with a subject of its own: not "a responsible thing [to say]")
            lem = lemma(c)
            if (lem in lx.framing and any(g.dep_ in ("ccomp", "xcomp", "oprd") for g in c.children)) \
                    or lem in lx.small_clause_cues or (lem == "make" and any(g.lower_ == "out" for g in c.subtree)):
                # (a saying verb with the predicate's clause, "the crook they say [he is]"; not "something
                # that she says", where the noun is what is said)
                return True
    return False


# "not (nearly) as X as one would think": the parser hangs the second "as" clause in several ways, so the
# form is read on the clause's words
_AS_ONE_WOULD_THINK = re.compile(
    r"\bnot\s+(?:\w+\s+){0,2}?as\s+[^.;:]{1,40}?\bas\s+(?:one|people|many|most|some|others|everyone|everybody|you)"
    r"\s+(?:\w+\s+){0,2}?(?:think|believe|expect|imagine|assume|suppose|claim)\w*", re.I)


def _as_one_would_think(doc: Doc, v: Token) -> bool:
    """A negated equative comparison with what people generally believe: "not nearly as etched in stone
    as one would think", "not as bad as many people believe" (Quirk et al. 1985 §15.63, comparative
    clauses): the negation rejects that belief. Read from the clause's first word to its sentence's end."""
    lo, hi = v.left_edge.idx, v.sent.end_char
    return bool(_AS_ONE_WOULD_THINK.search(doc_text(doc)[lo:hi]))


def _self_description(subj: Optional[Token], kids: list) -> bool:
    """A source denying a description of itself: "I'm not stupid", "I'm not a racist", "we are not
    divided" (the first person and a bare predicate). Not an attitude with a complement ("I'm not
    happy with those numbers", "we're not ready to…"): that reports a feeling, it rebuts nothing."""
    if subj is None or subj.lower_ not in PRON_SELF:
        return False
    preds = [k for k in kids if k.dep_ in ("acomp", "attr")]
    return bool(preds) and not any(c.dep_ in ("prep", "xcomp", "ccomp", "advcl") for k in preds for c in k.children) \
        and not any(k.dep_ in ("prep", "xcomp", "ccomp") for k in kids)


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
    cue), or an accusing word in the sentence before it ("… accused him of lying. He said he had
    not…"). A word such as "report" or "asked" in the sentence before is too common in news to say
    that a claim is being answered."""
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
        lem = t.lemma_.lower()
        if lem in lx.rebuttal_context and t.pos_ in ("NOUN", "VERB") \
                and (t.i >= sent.start or lem in ACCUSING) and not any(a <= t.idx < b for a, b in skip):
            return True
    return False
