"""What the attribution rules share: the candidate record, phrase extents from the parse, subjects,
and a one-pass view of a doc (candidate tokens by kind, sentence bounds)."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

import numpy
from spacy.attrs import DEP, HEAD, IDX, LEMMA, LOWER, POS, SENT_START
from spacy.strings import get_string_id
from spacy.symbols import NOUN as _NOUN, VERB as _VERB
from spacy.tokens import Doc, Token

from .lexicon import Lexicon
from .quotes import QuoteIndex
from ..children import children_table

Range = tuple[int, int]  # (start, end) character offsets, end exclusive

SUBJ = {"nsubj", "csubj"}
CLAUSAL = {"ccomp", "xcomp", "csubj"}
INHERIT_SUBJ = {"xcomp", "conj", "advcl", "ccomp", "pcomp"}
REL_PRON = {"who", "which", "that", "whom"}
PUNCT_TRIM = set(",;:—–-()[].") | {"--"}
SMALL_SUBTREE = 32  # tokens: a smaller subtree is walked token by token
LINE_STOPS = ".!?…:;"  # a line ending in one of these is a sentence, not a headline
CLOSING_QUOTES = "\"”’'"


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


def headline_line(text: str, ps: int, pe: int) -> Optional[str]:
    """The paragraph ``text[ps:pe]`` as a headline: one line that does not end in a stop or a closing quote
    (its trailing whitespace dropped); None for any other paragraph."""
    line = text[ps:pe].rstrip()
    if not line or line[-1] in LINE_STOPS or line[-1] in CLOSING_QUOTES or "\n" in line:
        return None
    return line


def runs(doc: Doc, idxs: set[int]) -> list[Range]:
    """Contiguous runs of token indices -> character ranges, punctuation trimmed at the edges
    (quotation marks are kept)."""
    out: list[Range] = []
    if not idxs:
        return out
    order = sorted(idxs)
    if len(order) < SMALL_SUBTREE:  # a few indices: a plain pass costs less than numpy's set-up
        firsts, lasts = [order[0]], []
        prev = order[0]
        for i in order[1:]:
            if i != prev + 1:
                lasts.append(prev)
                firsts.append(i)
            prev = i
        lasts.append(prev)
    else:  # the runs' bounds from the gaps between sorted indices (no Python step per index)
        arr = numpy.array(order, dtype=numpy.int64)
        gaps = numpy.flatnonzero(arr[1:] != arr[:-1] + 1).tolist()
        firsts = [order[0]] + [order[g + 1] for g in gaps]
        lasts = [order[g] for g in gaps] + [order[-1]]
    for a, b in zip(firsts, lasts):  # each run's first and last token, trimmed (no Token list built)
        if a == b and doc[a].lower_ in REL_PRON:
            b = a - 1  # "which" left over from "which he said was ..."
        while a <= b and _trimmed(doc[a]):
            a += 1
        while a <= b and _trimmed(doc[b]):
            b -= 1
        if a <= b:
            t = doc[b]
            out.append((doc[a].idx, t.idx + len(t)))
    return out


def _trimmed(t: Token) -> bool:
    return t.text in PUNCT_TRIM or t.is_space


def span_of(view: "DocView", tok: Token) -> Range:
    """The character range of a phrase headed by ``tok`` (its subtree), edge punctuation trimmed."""
    r = runs(tok.doc, view.subtree_idx(tok))
    return (r[0][0], r[-1][1]) if r else (tok.idx, tok.idx + len(tok))


def source_span(view: "DocView", subj: Token, verb: Optional[Token] = None) -> Range:
    """The source phrase: the subject's subtree (a relative pronoun stays itself, as PARC/PolNeAR
    annotate it; cc_speakers resolves it). For a noun modified by the cue's own clause
    ("candidates proposing ...") only the part before that clause."""
    if verb is not None and verb.head == subj:
        keep = view.subtree_idx(subj) - view.subtree_idx(verb)
        r = runs(subj.doc, {i for i in keep if i <= subj.i})
        return (r[0][0], r[-1][1]) if r else (subj.idx, subj.idx + len(subj))
    return span_of(view, subj)


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
        cols = doc.to_array([POS, SENT_START, LOWER, LEMMA, HEAD, IDX, DEP]) if n else numpy.zeros((0, 7), dtype="uint64")
        self.heads = numpy.arange(n) + cols[:, 4].astype(numpy.int64)  # each token's head (HEAD is relative)
        self.idx = cols[:, 5].astype(numpy.int64)  # each token's character offset
        self.deps: list[int] = cols[:, 6].tolist()  # each token's dependency label (string id)
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
        self._kids: Optional[tuple[list[int], list[int]]] = None  # the children table, made on first use
        starts = [i for i in numpy.flatnonzero(cols[:, 1] == 1).tolist() if i > 0]
        self.sent_lo: list[int] = []
        self.sent_hi: list[int] = []
        for a, b in zip([0] + starts, starts + [n]):
            self.sent_lo.extend([a] * (b - a))
            self.sent_hi.extend([b] * (b - a))

    def sent(self, i: int) -> tuple[int, int]:
        return self.sent_lo[i], self.sent_hi[i]

    def contiguous(self, tok: Token) -> bool:
        """Whether the subtree of ``tok`` is every token from its left edge to its right edge (always
        so in a projective parse): exactly when every other token of that range has its head inside
        the range and is not a root, for following heads from any of them then ends at ``tok``."""
        lo, hi = tok.left_edge.i, tok.right_edge.i
        head = self.heads[lo:hi + 1]
        ok = (head != numpy.arange(lo, hi + 1)) & (head >= lo) & (head <= hi)
        ok[tok.i - lo] = True
        return bool(ok.all())

    def kids(self) -> tuple[list[int], list[int]]:
        """Every token's children (indices, in text order) from the heads, as one table:
        ``order[start[i]:start[i + 1]]`` are the children of token ``i`` (no list per token)."""
        if self._kids is None:
            self._kids = children_table(self.heads)
        return self._kids

    def subtree_idx(self, tok: Token) -> set[int]:
        """The token indices of the subtree of ``tok``; a large contiguous one is read off its edges
        (no Token object per token: the rules ask for whole clauses of long sentences), a small one
        walked on the children's indices."""
        lo, hi = tok.left_edge.i, tok.right_edge.i
        if hi - lo >= SMALL_SUBTREE and self.contiguous(tok):
            return set(range(lo, hi + 1))
        order, start = self.kids()
        out = set()
        todo = [tok.i]
        while todo:
            i = todo.pop()
            out.add(i)
            todo.extend(order[start[i]:start[i + 1]])
        return out

    def has_quote(self, tok: Token, qi: QuoteIndex) -> bool:
        """Does a quotation open at a token of the subtree of ``tok``?"""
        if not qi.at:
            return False  # no quotation in the text: no need to walk the subtree
        lo, hi = tok.left_edge.i, tok.right_edge.i
        if hi - lo >= SMALL_SUBTREE and self.contiguous(tok):
            starts = qi.starts_between(int(self.idx[lo]), int(self.idx[hi]) + 1)
            return bool(starts) and bool(numpy.isin(starts, self.idx[lo:hi + 1]).any())
        return any(t.idx in qi.at for t in tok.subtree)


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
