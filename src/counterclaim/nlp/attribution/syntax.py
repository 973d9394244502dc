"""What the attribution rules share: the candidate record, phrase extents from the parse, subjects,
and a one-pass view of a doc (candidate tokens by kind, sentence bounds)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy
from spacy.attrs import LEMMA, LOWER, POS, SENT_START
from spacy.strings import get_string_id
from spacy.symbols import NOUN as _NOUN, VERB as _VERB
from spacy.tokens import Doc, Token

from .lexicon import Lexicon

Range = tuple[int, int]  # (start, end) character offsets, end exclusive

SUBJ = {"nsubj", "csubj"}
CLAUSAL = {"ccomp", "xcomp", "csubj"}
INHERIT_SUBJ = {"xcomp", "conj", "advcl", "ccomp", "pcomp"}
REL_PRON = {"who", "which", "that", "whom"}
PUNCT_TRIM = set(",;:—–-()[].") | {"--"}


@dataclass
class Cand:
    cue: Range
    lemma: str
    source: Optional[Range]
    content: list[Range]
    weight: float
    anchor: int                      # character offset used to order and relate candidates
    rule: str = "verb"
    nominal: bool = False
    postposed: bool = False          # the cue follows its content ("“C,” he said")
    source_ref: Optional["Cand"] = None
    via: Optional[str] = None
    cue_tokens: set[int] = field(default_factory=set)
    feats: dict[str, float] = field(default_factory=dict)  # what the cue model scores


# ----------------------------------------------------------------------------- helpers

def tok_range(toks: list[Token]) -> Range:
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def runs(doc: Doc, idxs: set[int]) -> list[Range]:
    """Contiguous runs of token indices -> character ranges, punctuation trimmed at the edges
    (quotation marks are kept)."""
    out: list[Range] = []
    if not idxs:
        return out
    order = sorted(idxs)
    start = prev = order[0]
    for i in order[1:] + [None]:
        if i is not None and i == prev + 1:
            prev = i
            continue
        a, b = start, prev  # the run's first and last token, trimmed (no Token list built)
        if a == b and doc[a].lower_ in REL_PRON:
            b = a - 1  # "which" left over from "which he said was ..."
        while a <= b and (doc[a].text in PUNCT_TRIM or doc[a].is_space):
            a += 1
        while a <= b and (doc[b].text in PUNCT_TRIM or doc[b].is_space):
            b -= 1
        if a <= b:
            out.append((doc[a].idx, doc[b].idx + len(doc[b])))
        if i is not None:
            start = prev = i
    return out


def subtree_idx(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def span_of(tok: Token) -> Range:
    """The character range of a phrase headed by ``tok`` (its subtree), edge punctuation trimmed."""
    r = runs(tok.doc, subtree_idx(tok))
    return (r[0][0], r[-1][1]) if r else (tok.idx, tok.idx + len(tok))


def source_span(subj: Token, verb: Optional[Token] = None) -> Range:
    """The source phrase: the subject's subtree (a relative pronoun stays itself, as PARC/PolNeAR
    annotate it; cc_speakers resolves it). For a noun modified by the cue's own clause
    ("candidates proposing ...") only the part before that clause."""
    if verb is not None and verb.head is subj:
        keep = subtree_idx(subj) - subtree_idx(verb)
        r = runs(subj.doc, {i for i in keep if i <= subj.i})
        return (r[0][0], r[-1][1]) if r else (subj.idx, subj.idx + len(subj))
    return span_of(subj)


def find_subject(tok: Token, depth: int = 0) -> tuple[Optional[Token], bool]:
    """The subject of a verb (or, for a passive, its by-agent); inherited from the governing verb
    for xcomp/conj/advcl verbs without their own. Returns (token, passive_without_agent)."""
    passive = False
    for c in tok.children:
        if c.dep_ in SUBJ:
            return c, False
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g, False
        if c.dep_ in ("nsubjpass", "auxpass"):
            passive = True
    if passive:
        return None, True
    if tok.dep_ == "advcl" and tok.tag_ == "VBN":
        return None, True  # "Asked about it, the spokesman said": the subject was asked, not asking
    if tok.dep_ in INHERIT_SUBJ and tok.head is not tok and depth < 3 and tok.head.pos_ in ("VERB", "AUX"):
        return find_subject(tok.head, depth + 1)
    # "by hitting Trump for ...", "before endorsing X": the verb governing the preposition
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and depth < 3 and tok.head.head.pos_ in ("VERB", "AUX"):
        return find_subject(tok.head.head, depth + 1)
    # "candidates proposing tax cuts": the noun the participle modifies
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return tok.head, False
    return None, False


# ----------------------------------------------------------------------------- one pass over a doc

class DocView:
    """What the rules need from a doc, gathered in one pass: candidate tokens by kind and the
    sentence bounds of every token (``Token.sent`` rescans the doc on each call)."""

    def __init__(self, doc: Doc, lex: Lexicon, marker_first: dict, text: Optional[str] = None,
                 all_verbs: bool = False):
        self.doc = doc
        self.text = text if text is not None else doc.text  # Doc.text rebuilds the string on each call
        self.verbs: list[Token] = []
        self.nouns: list[Token] = []
        self.markers: list[Token] = []
        self.nocomment: list[Token] = []  # tokens whose lemma a no-comment rule starts from
        nc_lemmas = lex.no_comment_lemmas
        n = len(doc)
        verbs, nouns = lex.verbs, lex.nouns
        # the attributes as arrays, no Token object nor string per token: a Token is made only for
        # the tokens kept, and each distinct lemma / word form of the doc is read once
        cols = doc.to_array([POS, SENT_START, LOWER, LEMMA]) if n else numpy.zeros((0, 4), dtype="uint64")
        pos, lower, lemma = cols[:, 0], cols[:, 2], cols[:, 3]
        strings = doc.vocab.strings
        lem_low = {h: strings[h].lower() for h in numpy.unique(lemma).tolist()}
        is_verb, is_noun = pos == _VERB, pos == _NOUN
        if not all_verbs:
            is_verb[is_verb] = [verb_lemma(doc[i], verbs) is not None for i in numpy.flatnonzero(is_verb).tolist()]
            is_noun &= numpy.isin(lemma, [h for h, w in lem_low.items() if w in nouns])
        self.verbs = [doc[i] for i in numpy.flatnonzero(is_verb).tolist()]
        self.nouns = [doc[i] for i in numpy.flatnonzero(is_noun).tolist()]
        forms = [get_string_id(w) for w in marker_first]  # a hit is checked on the string itself
        self.markers = [doc[i] for i in numpy.flatnonzero(numpy.isin(lower, forms)).tolist()
                        if doc[i].lower_ in marker_first]
        nc = [h for h, w in lem_low.items() if w in nc_lemmas]
        self.nocomment = [doc[i] for i in numpy.flatnonzero(numpy.isin(lemma, nc)).tolist()]
        starts = [i for i in numpy.flatnonzero(cols[:, 1] == 1).tolist() if i > 0]
        self.sent_lo: list[int] = []
        self.sent_hi: list[int] = []
        for a, b in zip([0] + starts, starts + [n]):
            self.sent_lo.extend([a] * (b - a))
            self.sent_hi.extend([b] * (b - a))

    def sent(self, i: int) -> tuple[int, int]:
        return self.sent_lo[i], self.sent_hi[i]


def verb_lemma(tok: Token, verbs: dict) -> Optional[str]:
    """The lexicon lemma of a verb token; falls back on the word form when the lemmatizer
    slips ("hopes" -> "hop")."""
    lem = tok.lemma_.lower()
    if lem in verbs:
        return lem
    w = tok.lower_
    for suffix, add in (("ing", "e"), ("ing", ""), ("es", ""), ("s", ""), ("ed", ""), ("d", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            cand = w[: -len(suffix)] + add
            if cand in verbs:
                return cand
    return None


def bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"
