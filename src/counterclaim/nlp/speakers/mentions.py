"""Token-level helpers of speaker resolution: trimming a mention, the noun phrase of a noun, names
and their titles, subjects, role words around a name, conjoined mentions."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Doc, Span as TokSpan, Token

from .lexicon import Lexicon

MAX_ROLE_TOKENS = 14   # longest premodifier / apposition taken as a role
POSS_RE = re.compile(r"(?:['\u2019]s|['\u2019])$")
DETS = {"the", "a", "an", "this", "that", "these", "those", "another", "one", "some", "its", "their", "his", "her"}


def trim(span: TokSpan) -> TokSpan:
    """Drop surrounding punctuation and quotes and a trailing possessive marker."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].tag_ == "POS"
                     or doc[e - 1].lower_ in ("'s", "\u2019s")):
        e -= 1
    return doc[s:e]


def doc_np(noun: Token) -> Optional[TokSpan]:
    """The noun phrase headed by ``noun`` up to the noun itself plus its prepositional complements,
    without relative clauses or appositions."""
    doc = noun.doc
    start = noun.left_edge.i
    end = noun.i + 1
    for c in noun.rights:
        if c.dep_ in ("prep", "compound") and c.right_edge.i + 1 - start <= MAX_ROLE_TOKENS:
            end = c.right_edge.i + 1
        else:
            break
    span = trim(doc[start:end])
    return span if len(span) else None


def looks_like_name(lex: Lexicon, span: TokSpan) -> bool:
    toks = [t for t in span if not t.is_punct]
    return 1 <= len(toks) <= 4 and all(t.text[:1].isupper() for t in toks) and \
        any(t.lower_ in lex.given for t in toks[:1])


def strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in DETS:
        words = words[1:]
    return POSS_RE.sub("", " ".join(words)).strip(" ,;:")


def is_subject(tok: Token) -> bool:
    """Subject of a main clause (the sentence's root verb or a verb conjoined to it, or a reporting
    clause): the mentions a following pronoun most likely continues."""
    if tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass", "csubj"):
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("ROOT", "ccomp", "parataxis") or verb.head.i == verb.i


def any_subject(doc: Doc, char: int) -> bool:
    """Whether the mention at ``char`` is the subject of any clause (used within the pronoun's sentence)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


_DASHES = {"-", "–", "—", "--"}


def name_tokens(ent: TokSpan, lex: Lexicon) -> list[Token]:
    toks = [t for t in ent if not (t.tag_ == "POS" or t.lower_ in ("'s", "\u2019s"))]
    # a dash between spaces parts two things the tagger ran together ("Weak - Rubio - weak on
    # immigration" tagged PERSON "Weak - Rubio"); a hyphen inside a name has no spaces ("Thomas-Greenfield")
    cuts = [i for i, t in enumerate(toks) if t.text in _DASHES and t.whitespace_ and i > 0 and toks[i - 1].whitespace_]
    if cuts:
        pieces, lo = [], 0
        for i in cuts + [len(toks)]:
            pieces.append(toks[lo:i])
            lo = i + 1
        names = [p for p in pieces if p and all(t.pos_ == "PROPN" for t in p if t.is_alpha)]
        toks = names[-1] if names else []
    while toks and (lex.kind(toks[0].lower_, "title") or toks[0].lower_ in DETS or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks


def title_gender(lex: Lexicon, ent: TokSpan) -> Optional[str]:
    """Gender given by a title in or right before a name ("Mrs. Clinton", "Mr. Podesta")."""
    toks = list(ent)
    if ent.start > 0:
        toks.insert(0, ent.doc[ent.start - 1])
    for t in toks:
        g = lex.gender(t.lower_, "title")
        if g:
            return g
    return None


def clean_role(toks: list[Token]) -> list[Token]:
    stop = {"VERB", "AUX", "PRON", "SCONJ", "NUM"}
    # keep the tail after the last clause-like break
    for j in range(len(toks) - 1, -1, -1):
        t = toks[j]
        if t.pos_ in stop or t.text in (",", ";", ":", "(", ")", "\u2014", "--", "\"", "\u201c", "\u201d") or t.is_space:
            toks = toks[j + 1:]
            break
    while toks and (toks[0].lower_ in DETS or toks[0].is_punct or toks[0].pos_ in ("CCONJ", "ADP")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in ("CCONJ", "ADP", "DET")):
        toks = toks[:-1]
    return toks


def join_tokens(toks: list[Token]) -> str:
    if not toks:
        return ""
    doc = toks[0].doc
    return doc[toks[0].i:toks[-1].i + 1].text if all(toks[j + 1].i == toks[j].i + 1 for j in range(len(toks) - 1)) \
        else " ".join(t.text for t in toks)


def conjuncts(span: TokSpan) -> list[TokSpan]:
    """Top-level conjuncts of a source ("The White House and the US envoy to the UN")."""
    root = span.root
    conj = [c for c in root.conjuncts if span.start <= c.i < span.end]
    if not conj:
        return []
    heads = sorted([root] + conj, key=lambda t: t.i)
    doc = span.doc
    parts = []
    for j, h in enumerate(heads):
        s = h.left_edge.i if h is not root else span.start
        s = max(s, span.start if j == 0 else heads[j - 1].i + 1)
        e = heads[j + 1].i if j + 1 < len(heads) else span.end
        # the next conjunct's left edge bounds this one
        if j + 1 < len(heads):
            e = min(e, heads[j + 1].left_edge.i)
        toks = [t for t in doc[s:e]]
        while toks and (toks[-1].pos_ == "CCONJ" or toks[-1].is_punct):
            toks = toks[:-1]
        while toks and (toks[0].pos_ == "CCONJ" or toks[0].is_punct):
            toks = toks[1:]
        if toks:
            parts.append(doc[toks[0].i:toks[-1].i + 1])
    return parts if len(parts) > 1 else []


def pronoun_subject_before(tok: Token) -> bool:
    """Is "he" or "she" the subject of a clause earlier in the sentence of ``tok``? Then the sentence is
    about that pronoun's referent, and a name that is the subject of a later clause (or that the
    parser makes the root: "He would like to see the platform represent the ideas Sanders
    championed") does not become the one a following "he" continues."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0:
        t = doc[i]
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she"):
            return True
        if t.is_sent_start:
            return False
        i -= 1
    return False
