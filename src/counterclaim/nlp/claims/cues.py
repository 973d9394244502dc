"""The reporting cue of a statement: its head lemma (as the cue lexicon knows it), its framing and stance
class, its head token, and whether it is negated or passive."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Doc, Token

from ...model import Statement
from ..doctext import per_doc
from ..extensions import register
from .lexicon import MeaningLexicon
from .syntax import lemma
from .types import ATTITUDE

register()  # the Doc._ extensions this module reads and writes


_MEMO = "cc_cue_lemmas"


def _cue_memo(doc: Doc) -> dict:
    """The doc's cue-lemma memo, ``doc._.cue_lemmas`` (made empty the first time)."""
    if doc._.cue_lemmas is None:
        doc._.cue_lemmas = {}
    return doc._.cue_lemmas


def cue_lemma(doc: Doc, st: Statement, lx: MeaningLexicon) -> str:
    """The cue's head lemma ("publicly disclosed" → disclose; "according to" → according to), as the cue
    lexicon ``lx.framing`` knows it; "" without a cue."""
    if st.cue is None:
        return ""
    # asked by several components for the same cue: worked out once per doc (and lexicon); the memo
    # (``doc._.cue_lemmas``) is also kept under a plain key of ``doc.user_data``, which is read without
    # making a ``Doc._`` object on each of the ~6 calls per statement
    memo = per_doc(doc, _MEMO, _cue_memo)
    span = st.cue.span
    key = (span.start, span.end, span.text, st.cue.lemma, id(lx))
    lem = memo.get(key)
    if lem is None:
        lem = memo[key] = _find_cue_lemma(doc, st, lx)
    return lem


def _find_cue_lemma(doc: Doc, st: Statement, lx: MeaningLexicon) -> str:
    txt = st.cue.span.text.lower().strip()
    if txt in lx.framing:
        return txt
    if st.cue.lemma and " " in st.cue.lemma and st.cue.lemma in lx.framing:
        return st.cue.lemma  # a phrasal cue the attribution step named ("pours cold water on")
    sp = doc.char_span(st.cue.span.start, st.cue.span.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return (st.cue.lemma or txt).lower()
    # (``lemma``: the model's lemma, with its slips corrected: "hoping" -> "hope")
    framing = lx.framing
    verbs = [t for t in sp if t.pos_ in ("VERB", "AUX", "NOUN")]
    tok = sp.root if sp.root.pos_ in ("VERB", "AUX", "NOUN") else (verbs[-1] if verbs else sp.root)
    base = lemma(tok)
    lem = _with_particle(tok, base, framing)
    if lem in framing:
        return lem
    # a cue the root does not name: "took turns rebutting", "used the speech to try to refute", "is
    # built on the rejection of": the last word of the cue the lexicon knows (not after a causative:
    # in "made it easier for courts to dismiss cases" the source dismisses nothing)
    if base in _CAUSATIVES:
        return lem
    for t in reversed(verbs):
        if t.i != tok.i:
            known = _with_particle(t, lemma(t), framing)
            if known in framing:
                return known
    return lem


_CAUSATIVES = {"make", "let", "help", "allow", "enable", "force", "cause", "get", "have"}


def _with_particle(tok: Token, lem: str, framing: dict) -> str:
    """"push back", "brush off": the lemma with its particle when the lexicon has the pair (the particle
    a child of the verb, or the next word when the parser hangs it elsewhere or the cue leaves it out:
    "pushed | back on the notion")."""
    prt = next((c.lower_ for c in tok.children if c.dep_ == "prt"), None)
    if prt is None and tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].pos_ in ("ADP", "ADV", "PART"):
        prt = tok.doc[tok.i + 1].lower_
    if prt and f"{lem} {prt}" in framing:
        return f"{lem} {prt}"
    return lem


def framing_of(lemma: str, lx: MeaningLexicon) -> tuple[str, str]:
    """(framing, stance class) of a cue lemma; ("neutral", "-") when unknown."""
    return lx.framing.get(lemma, ("neutral", "-"))


def cue_lemma_or_none(doc: Doc, st: Statement, lx: MeaningLexicon) -> Optional[str]:
    """``cue_lemma``, None without a cue."""
    return cue_lemma(doc, st, lx) if st.cue else None


def cue_class(doc: Doc, st: Statement, lx: MeaningLexicon) -> str:
    """The stance class of the statement's cue ("denies", "-", …)."""
    return framing_of(cue_lemma(doc, st, lx), lx)[1]


def cue_root(doc: Doc, st: Statement) -> Optional[Token]:
    """The syntactic head of the statement's cue, or None."""
    if st.cue is None:
        return None
    sp = doc.char_span(st.cue.span.start, st.cue.span.end, alignment_mode="expand")
    return sp.root if sp is not None else None


def cue_token(doc: Doc, st: Statement) -> Optional[Token]:
    """The cue's verb of denying ("denied", "to reject"), else its root."""
    if st.cue is None:
        return None
    sp = doc.char_span(st.cue.span.start, st.cue.span.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return None
    return next((t for t in sp if lemma(t) in ("deny", "reject")), sp.root)


def negated_cue(doc: Doc, st: Statement, lx: MeaningLexicon) -> bool:
    """Is the reporting verb itself negated ("did not mention", "never said", "did not deny")? Then
    the source does not put the content forward (nor deny it). Not a negation-raising verb, where the
    negation belongs to the content ("I don't think he can win", "is not expected to be as strong")."""
    v = cue_root(doc, st)
    if v is None or v.pos_ not in ("VERB", "AUX") or lemma(v) in ATTITUDE or lemma(v) in lx.raising_cues:
        return False
    if lemma(v) == "be" or (v.tag_ == "VBN" and any(c.dep_ in ("auxpass", "aux") and lemma(c) == "be" for c in v.children)):
        return False  # a state of mind: "her advisers are not convinced that…", "is not expected to…"
    if any(c.dep_ == "neg" or c.lower_ in ("never", "neither") for c in v.children):
        return True
    if v.dep_ == "conj" and any(c.lower_ == "neither" for c in v.head.children):
        return True  # "would neither confirm nor [deny]"
    # "refused to deny", "declined to confirm": the saying did not take place
    return (v.dep_ == "xcomp" and lemma(v.head) in lx.negative_implicatives) or (
        lemma(v) in lx.negative_implicatives and any(c.dep_ == "xcomp" for c in v.children))


def negated_raising_cue(doc: Doc, st: Statement, lx: MeaningLexicon) -> bool:
    """Is the cue a negated verb of belief or expectation whose negation belongs to its content ("I
    don't think [the team will be relegated]", "did not expect [the volcano to erupt]": negation
    raising, Horn 1978)? The source then denies the content, with a hedge."""
    v = cue_root(doc, st)
    return v is not None and lemma(v) in lx.neg_raising and any(
        c.dep_ == "neg" or c.lower_ == "never" for c in v.children)


def passive_cue(doc: Doc, st: Statement, lx: MeaningLexicon) -> bool:
    """A passive cue of saying or believing ("is expected to", "was said to have", "are believed
    to"): its subject is the infinitive's subject, and the infinitive is what is expected / said of
    it. A passive request or obligation ("was asked to leave", "is required to file") is no claim."""
    v = cue_root(doc, st)
    return v is not None and v.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in v.children) \
        and lemma(v) in lx.passive_belief_cues  # not "was asked to leave", "are required to file"


def passive_cue_verb(doc: Doc, st: Statement) -> bool:
    """Is the cue a passive verb ("was declared", "is titled", "was called")?"""
    v = cue_root(doc, st)
    return v is not None and v.tag_ == "VBN" and any(c.dep_ in ("auxpass", "aux") and lemma(c) in ("be", "get")
                                                    for c in v.children)


def naming_participle(doc: Doc, st: Statement) -> bool:
    """Is the naming cue a participle after a noun ("a faux thriller [titled] 'The Day of the Donald'", "a
    website [called] 'Cape Breton If Trump Wins'")? The name is how the thing is known, not a claim."""
    v = cue_root(doc, st)
    return v is not None and v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN")
