"""No-knowledge formulas: a source saying it does not know or will not say ("I have no further
information", "declined to comment", "it is unclear whether…"), told from formulas that describe
someone else or belong to another speaker inside the content."""
from __future__ import annotations

import bisect
import functools
import re
from typing import Optional

from spacy.tokens import Doc, Token

from ...model import Statement
from ..doctext import doc_text, per_doc
from ..required_index import RequiredIndex, usable
from ..rxguard import required_strings
from .lexicon import MeaningLexicon
from .syntax import Scope, in_scope, lemma
from .types import PERSONAL, PRON_SELF

_UNQUOTE = re.compile(r"[“”\"‘«»]|(?<!\w)[’']|[’'](?!\w)")


NK_REACH = 60  # characters from the cue within which a no-knowledge formula must start


def no_knowledge_formula(doc: Doc, st: Statement, lx: MeaningLexicon, lo: int, hi: int) -> bool:
    """A no-knowledge formula said by the source: starting within NK_REACH characters of the cue or of
    the start of a piece of the content, or anywhere in a main clause of the content ("while his role
    was limited to X, it is unclear what clearances he held"; "I will look into it. I don't know the
    status"); never a formula under another speaker's reporting verb inside the content ("42% of
    Ohioans say they don't know enough about him") nor "not know" a person ("I don't know one Jewish
    person that doesn't want a deal": acquaintance, not knowledge)."""
    if lx.no_knowledge is None:
        return False
    anchors = sorted({c.start for c in st.content} | ({st.cue.span.start} if st.cue else set()))
    base = anchors[0]
    if st.source is not None and st.cue is not None and 0 <= st.cue.span.start - st.source.span.end < 40:
        base = min(base, st.source.span.start)  # "Neither X nor Y responded to requests…": the negation is the subject's
    if hi - base >= INDEX_FROM and not _may_hold_formula(doc, lx, base, hi):
        return False  # none of the strings a formula needs is there: the pattern would find nothing
    raw = doc_text(doc)[base:hi]
    # the lexicon's formulas are written with a straight apostrophe ("don't", "he's not sure")
    text = _UNQUOTE.sub("", raw).replace("’", "'")
    keep = None  # offsets of the unquoted text in ``raw`` (quote marks are single characters), when a formula is found
    scope = Scope(st.content)
    cue_lo, cue_hi = (st.cue.span.start, st.cue.span.end) if st.cue else (-1, -1)
    for m in lx.no_knowledge_scan.finditer(text):
        if keep is None:
            keep = range(len(raw)) if len(text) == len(raw) else [i for i in range(len(raw)) if not _UNQUOTE.match(raw, i)]
        pos = base + keep[m.start()]
        near = any(0 <= pos - a <= NK_REACH for a in anchors)
        sp = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if sp is None:
            if near:
                return True
            continue
        t = sp[0]
        v = next((a for a in [t, *t.ancestors] if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("aux", "auxpass", "neg")), None)
        if v is None:
            if near:
                return True
            continue
        if _nk_reported_by_other(lx, v, scope) or _nk_acquaintance(v) or _generic_you(v) or _quoted_third_person(v, st):
            continue
        if _describes_noun(t, v, scope, pos, base + keep[m.end() - 1] + 1):
            continue
        if near or (_main_clause(v, scope, cue_lo, cue_hi) and _first_sentence(v, st)):
            return True
    return False


INDEX_FROM = 2000  # characters of text from which a statement first asks the doc's index of formula strings


@functools.lru_cache(maxsize=8)
def _required(rx: re.Pattern) -> Optional[list]:
    return required_strings(rx.pattern, rx.flags & ~re.UNICODE)


def _may_hold_formula(doc: Doc, lx: MeaningLexicon, lo: int, hi: int) -> bool:
    """Can the text ``lo``-``hi`` hold a no-knowledge formula? The pattern runs on the text without its
    quotation marks: that text, for a piece, is the piece of the doc's unquoted text, less a stray
    apostrophe at either end (which only the piece sees as standing alone), so a string the
    pattern needs that is not in the doc's unquoted piece is not in the piece's either."""
    def build(doc: Doc) -> tuple:
        need = _required(lx.no_knowledge)
        if not usable(need):
            return None, None
        text = doc_text(doc)
        removed = [m.start() for m in _UNQUOTE.finditer(text)]
        return removed, RequiredIndex(_UNQUOTE.sub("", text).replace("’", "'"), need)

    removed, index = per_doc(doc, ("cc_nk_index", id(lx)), build)
    if index is None:
        return True
    return index.may_match(lo - bisect.bisect_left(removed, lo), hi - bisect.bisect_left(removed, hi))


def _describes_noun(t: Token, v: Token, scope: "Scope", lo: int, hi: int) -> bool:
    """Is the formula (characters ``lo``–``hi``, first token ``t``, clause ``v``) part of a noun phrase
    of the content, describing someone rather than saying what the source does not know ("the ones
    he refused to answer last year", "refugees … unsure of their future")? A relative clause on a
    noun outside the content is the source's own ("officials, who declined to comment, …")."""
    x = t
    while x.i != v.i and x.head.i != x.i:
        x = x.head
        if x.pos_ in ("NOUN", "PROPN", "PRON") and not lo <= x.idx < hi and x.idx in scope:
            return True
    h = v.head
    return v.dep_ in ("relcl", "acl") and h.pos_ in ("NOUN", "PROPN", "PRON") and h.idx in scope and not lo <= h.idx < hi


def _first_sentence(v: Token, st: Statement) -> bool:
    """Is ``v`` in the sentence where a piece of the content starts? A formula in a later sentence
    of a long quotation ("… I'm not sure how much lower he can sink, but he clearly lacks the
    judgment") is a remark inside what the quotation mainly says."""
    s = v.sent
    return any(s.start_char <= c.start < s.end_char for c in st.content)


def _main_clause(v: Token, scope: "Scope", cue_lo: int, cue_hi: int) -> bool:
    """Is ``v`` the verb of a main clause of the content: its head is outside the content (or in the
    cue), or it is the root of its sentence, or a conjunct of such a verb?"""
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    if v.head.i == v.i:
        return True
    h = v.head
    return not in_scope(h, scope) or cue_lo <= h.idx < cue_hi


def _nk_reported_by_other(lx: MeaningLexicon, v: Token, scope: "Scope") -> bool:
    """Is the formula's clause the complement of a reporting verb inside the content whose subject is
    someone else ("the poll found that 42% say they don't know enough")? A speaker's own "I think" /
    "I'm telling you" does not count."""
    for a in v.ancestors:
        if not in_scope(a, scope):
            return False
        if a.pos_ == "VERB" and a.lemma_.lower() in lx.framing:
            subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ not in PRON_SELF:
                return True
    return False


def _quoted_third_person(v: Token, st: Statement) -> bool:
    """"He doesn't know the new demographics," said an adviser: inside a quotation a third person who does
    not know is someone the speaker describes (an assessment of him), not the speaker withholding
    knowledge. In reported speech "he did not know whether…" is the source itself."""
    if lemma(v) != "know" or not any(q in c.text for c in st.content for q in "“”\""):
        return False
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.lower_ in ("he", "she", "they") or subj.pos_ == "PROPN")


def _generic_you(v: Token) -> bool:
    """'Until you've sat at that desk, you don't know what it's like': a generic "you", not the source
    saying what it does not know."""
    return any(c.dep_ == "nsubj" and c.lower_ == "you" for c in v.children)


def _nk_acquaintance(v: Token) -> bool:
    """'(don't) know' + a person: acquaintance, not knowledge ("I don't know one person who...")."""
    if v.lemma_.lower() != "know":
        return False
    for c in v.children:
        if c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "NORP") or c.lower_ in PERSONAL
                                 or any(g.dep_ == "relcl" for g in c.children)):
            return True
    return False
