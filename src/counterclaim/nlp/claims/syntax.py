"""Parse-tree helpers: a content's scope and tokens, a clause's tokens, subject and passive roles, a
token's lemma (with the model's slips corrected)."""
from __future__ import annotations

from typing import Optional

import numpy
from spacy.attrs import HEAD, IDX, IS_PUNCT
from spacy.tokens import Doc, Token

from ...model import Statement
from ..children import children_table
from ..doctext import per_doc


class Scope:
    """The character ranges of a statement's content (a content may be discontinuous)."""

    def __init__(self, spans) -> None:
        self.spans = [(s.start, s.end) for s in spans]

    def __contains__(self, idx: int) -> bool:
        for a, b in self.spans:  # a plain loop: called for most tokens of every content
            if a <= idx < b:
                return True
        return False


class Tree:
    """A doc's parse as plain lists indexed by token: each token's head, character offset, whether it is
    punctuation (1 or 0), and (``kids()``, made on first use) its children in text order, as
    ``Token.children``, in one table."""

    def __init__(self, doc: Doc) -> None:
        n = len(doc)
        cols = doc.to_array([HEAD, IDX, IS_PUNCT]).astype("int64") if n else numpy.zeros((0, 3), dtype="int64")
        heads = cols[:, 0] + numpy.arange(n)  # HEAD is relative to the token
        self._head_array = heads
        self.heads: list[int] = heads.tolist()
        self.idx: list[int] = cols[:, 1].tolist()
        self.punct: list[int] = cols[:, 2].tolist()
        self._kids: Optional[tuple[list[int], list[int]]] = None

    def kids(self) -> tuple[list[int], list[int]]:
        """Every token's children (indices, in text order) as one table: ``order[start[i]:start[i + 1]]``
        are the children of token ``i`` (no list per token)."""
        if self._kids is None:
            self._kids = children_table(self._head_array)
        return self._kids


PREDICATE_DEPS = ("acomp", "attr", "oprd")  # the predicates of a copula or of a verb with a complement


def predicate_before(head: Token, conjunct: Token) -> Optional[Token]:
    """The predicate that ``conjunct`` is coordinated with in the clause of ``head``: the conjunct's own
    head, or, when the parser hung the conjunct on ``head`` itself, ``head``'s first predicate before it
    ("were [personal] and not work-related", "was [minor] and not career-threatening")."""
    if conjunct.head.i != head.i:
        return conjunct.head
    return next((k for k in head.children if k.dep_ in PREDICATE_DEPS and k.i < conjunct.i), None)


_TREE = "cc_tree"


def doc_tree(doc: Doc) -> Tree:
    """The doc's ``Tree``, read once with ``doc.to_array`` and kept in ``doc.user_data``: the helpers that
    walk every token of every content compare ints instead of making a Token per step."""
    return per_doc(doc, _TREE, Tree)


def clause_tokens(head: Token, scope: Scope, stop: set = frozenset()) -> list[Token]:
    """The subtree of ``head`` within the content, not descending into nested clauses in ``stop``."""
    doc = head.doc
    tree = doc_tree(doc)
    idx = tree.idx
    order, start = tree.kids()
    out = []
    todo = [head.i]
    while todo:
        i = todo.pop()
        if idx[i] not in scope:
            continue
        out.append(i)
        for c in order[start[i]:start[i + 1]]:
            if c in stop:
                continue
            todo.append(c)
    out.sort()
    return [doc[i] for i in out]


def scope_roots(doc: Doc, toks: list[Token], scope: Scope) -> list[Token]:
    """The tokens of ``toks`` whose head is outside the content, or that are their sentence's root."""
    tree = doc_tree(doc)
    heads, idx = tree.heads, tree.idx
    out = []
    for t in toks:
        i = t.i
        h = heads[i]
        if h == i or idx[h] not in scope:
            out.append(t)
    return out


def subject_of(v: Token) -> Optional[Token]:
    """The subject of the clause of ``v``: its own, a reduced relative's noun, or the one it shares with the
    clause above (conjuncts, xcomp, relative clauses, a possessor of the noun above a gerund)."""
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if v.dep_ == "relcl" and c.tag_ in ("WP", "WDT") and v.head.i != v.i:
                return v.head  # "individuals or groups who had donated to the Clinton Foundation"
            return c
    noun = _participle_noun(v)
    if noun is not None:
        return noun  # "a minimum of 159 superdelegates already publicly supporting Clinton"
    # shared subject: conjuncts, xcomp/advcl ("claimed to have confirmed"), relative clauses
    if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
        return subject_of(v.head)
    if v.dep_ == "relcl":
        return v.head
    if v.dep_ in ("pcomp", "pobj") or (v.tag_ == "VBG" and v.dep_ in ("pcomp", "acl")):
        # "the US criminal acts of bringing ... by providing": the possessor of the noun above
        for a in v.ancestors:
            if a.pos_ in ("NOUN", "PROPN"):
                for c in a.children:
                    if c.dep_ in ("poss", "compound", "nmod") and c.i < a.i and (c.ent_type_ or c.pos_ in ("PROPN", "PRON")):
                        return c
                return None
    return None


_NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def _participle_noun(v: Token) -> Optional[Token]:
    """A participle clause with no subject or marker of its own that follows a plural noun directly
    modifies that noun (a reduced relative: "159 superdelegates already publicly supporting Clinton",
    "voters backing Sanders"), even when the parser hangs it on the main verb as an adverbial clause;
    the noun, not the main clause's subject, is the one doing it. Not after a comma ("Sanders won
    Oregon, giving him…") nor after a time or an amount ("spent hours attacking")."""
    if v.dep_ != "advcl" or v.tag_ not in ("VBG", "VBN") or \
            any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in v.children):
        return None
    j = v.left_edge.i - 1
    if j < 0:
        return None
    n = v.doc[j]
    if n.pos_ in ("NOUN", "PROPN") and n.tag_ in ("NNS", "NNPS") and n.ent_type_ not in _NOT_PARTICIPANTS \
            and n.dep_ not in ("nsubj", "nsubjpass"):
        return n
    return None


def passive_roles(v: Token) -> Optional[tuple[Optional[Token], Optional[Token]]]:
    """(the doer, the one it is done to) of a passive clause: "Clinton is backed by 520 superdelegates"
    → (superdelegates, Clinton); "Russia was supplied with rockets" → (None, Russia). None for an
    active clause."""
    patient = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if patient is None and not (v.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in v.children)):
        return None
    by = next((c for c in v.children if c.dep_ == "agent"), None)
    doer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return doer, patient


# spaCy's small English model leaves contractions with a curly apostrophe unlemmatized ("I’m" ->
# "’m", tagged VERB): read them as the straight forms
_CURLY_LEMMA = {"’m": "be", "’s": "be", "’re": "be", "’ve": "have", "’d": "would", "’ll": "will", "n’t": "not"}


def lemma(t: Optional[Token]) -> str:
    """The token's lower-case lemma, with curly-apostrophe contractions read as their verb."""
    if t is None:
        return ""
    lem = t.lemma_.lower()
    if lem == "’" and t.tag_.startswith("VB"):
        lem = t.lower_  # "It’s time to act": the model lemmatizes a curly "’s" verb to the bare apostrophe
    if lem in _LEMMA_SLIPS and t.lower_ in _LEMMA_SLIPS[lem]:
        return _LEMMA_SLIPS[lem][t.lower_]
    return _CURLY_LEMMA.get(lem, lem) if "’" in lem else lem


# the model's lemmatizer slips on a few frequent forms: "hoping" -> "hop"
_LEMMA_SLIPS = {"hop": {"hoping": "hope", "hoped": "hope"}}


def lemma_set(tokens) -> set:
    """The lower-case lemmas and forms of ``tokens``."""
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def verb_entry(table: dict, v: Token) -> bool:
    """Is ``v`` an entry of a lemma -> particle table (``reject_verb``, ``nonevent``), with the entry's
    particle among its children when it has one ("cooked up", "took place")?"""
    lem = v.lemma_.lower()
    if lem not in table:
        return False
    part = table[lem]
    return part is None or any(c.lower_ == part for c in v.children)


def tok_range(doc: Doc, st: Statement) -> list[Token]:
    """The tokens of the statement's content, in text order."""
    toks = []
    for c in st.content:
        sp = doc.char_span(c.start, c.end, alignment_mode="contract") or doc.char_span(c.start, c.end, alignment_mode="expand")
        if sp is not None:
            toks.extend(sp)
    return toks


def in_scope(t: Token, scope: Scope) -> bool:
    """Is ``t`` inside the content?"""
    return t.idx in scope


def extent(toks: list[Token]) -> tuple[int, int]:
    """The character extent (start, end) of a run of tokens."""
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def sents_back_start(t: Token, back: int) -> int:
    """The character offset where the sentence ``back`` sentences before ``t``'s starts."""
    s = t.sent
    for _ in range(back):
        if s.start == 0:
            break
        s = t.doc[s.start - 1].sent
    return s.start_char
