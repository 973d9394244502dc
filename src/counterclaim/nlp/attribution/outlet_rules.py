"""The outlet's own voice: an unattributed sentence whose main predicate is a verdict on a claim
("The photo of the flooded airport is fake.", "The claim is false.", "There is no evidence that P.",
"The device is not a true implant.", "The image does not show a missile strike", "It hails from the
fake-news website ...", "Contrary to posts online, P.") is a statement of kind ``outlet``: the
article's outlet says it. The verdict words are data (``outlet_verdicts.tsv``); a sentence whose
verdict lies within another statement (what someone else said) is not the outlet's.

The candidate's source and cue are empty ranges at the sentence's start (the outlet is named by the
statement's ``source.entity``, set by ``assembly``); its content is the sentence (up to a ";" after
the verdict), less a fronted marker.
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from typing import Iterator, Optional

import numpy
from spacy.attrs import DEP, ORTH, POS
from spacy.strings import get_string_id
from spacy.symbols import AUX, VERB
from spacy.tokens import Token

from ...lexicons import tsv_text_rows
from .quotes import QuoteIndex
from .syntax import Cand, DocView, Range, runs

DENIES, ASSERTS = "denies", "asserts"


@dataclass(frozen=True)
class Verdicts:
    predicates: dict            # word or lemma -> side
    image_predicates: frozenset  # passive participles that are verdicts on an image or a claim only
    evidence: frozenset         # "no evidence", "no proof"
    markers: tuple              # ("contrary", "to"), ...
    claims: frozenset           # subjects a true/genuine verdict is passed on
    show: frozenset
    origin: frozenset
    origin_marks: frozenset


def verdicts_from_text(text: str) -> Verdicts:
    by: dict[str, dict[str, str]] = {}
    for r in tsv_text_rows(text):
        by.setdefault(r["role"].strip(), {})[r["words"].strip().lower()] = (r.get("side") or "").strip()
    return Verdicts(predicates=dict(by.get("predicate", {})), image_predicates=frozenset(by.get("image_predicate", ())),
                    evidence=frozenset(by.get("evidence", ())),
                    markers=tuple(tuple(w.split()) for w in by.get("marker", ())),
                    claims=frozenset(by.get("claim", ())), show=frozenset(by.get("show", ())),
                    origin=frozenset(by.get("origin", ())), origin_marks=frozenset(by.get("origin_mark", ())))


def _words(tok: Token) -> tuple[str, str]:
    return tok.lower_, tok.lemma_.lower()


def _side(v: Verdicts, tok: Token) -> Optional[str]:
    w, lem = _words(tok)
    return v.predicates.get(w) or v.predicates.get(lem)


def _negated(tok: Token) -> bool:
    return any(c.dep_ == "neg" for c in tok.children)


def _subject(tok: Token) -> Optional[Token]:
    return next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass", "expl")), None)


def _flip(side: str) -> str:
    return DENIES if side == ASSERTS else ASSERTS


def verdict(v: Verdicts, pred: Token) -> Optional[Token]:
    """The token carrying a verdict on what the clause headed by ``pred`` is about, or None."""
    subj = _subject(pred)
    claimlike = subj is not None and _words(subj)[1] in v.claims
    if pred.lemma_.lower() == "be":
        for c in pred.children:
            if c.dep_ not in ("acomp", "attr"):
                continue
            if subj is not None and subj.dep_ == "expl":  # "There is no evidence that P"
                if c.lemma_.lower() in v.evidence and (_negated(pred) or any(
                        g.dep_ == "det" and g.lower_ == "no" for g in c.children)):
                    return c
                continue
            side, mark = _side(v, c), c
            if side is None and c.dep_ == "attr":  # "is not a true implant", "is a fake video"
                mark = next((g for g in c.subtree if g.i < c.i and g.dep_ in ("amod", "compound") and _side(v, g)),
                            None)
                side = _side(v, mark) if mark is not None else None
            if side is None:
                continue
            if _negated(pred):
                side = _flip(side)
            if side == DENIES or claimlike:
                return mark
        return None
    if pred.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in pred.children):  # "was doctored"
        if _negated(pred):
            return None
        image = claimlike and bool(set(_words(pred)) & v.image_predicates)
        return pred if _side(v, pred) == DENIES or image else None
    if pred.lemma_.lower() in v.show and _negated(pred) and claimlike:  # "The image does not show ..."
        return pred
    if pred.lemma_.lower() in v.origin:  # "It hails from the fake-news website ..."
        for c in pred.children:
            if c.dep_ == "prep" and c.lower_ in ("from", "on", "in"):
                if any(t.lower_ in v.origin_marks for t in c.subtree):
                    return c
    return None


def _marker(v: Verdicts, doc, s_lo: int, s_hi: int) -> Optional[int]:
    """The index after a fronted marker phrase ("Contrary to posts online,"), or None."""
    for words in v.markers:
        n = len(words)
        if s_lo + n < s_hi and tuple(t.lower_ for t in doc[s_lo:s_lo + n]) == words:
            edge = max(t.right_edge.i for t in doc[s_lo:s_lo + n])  # the marker phrase as parsed
            if edge >= s_hi - 1 or edge < s_lo + n:
                edge = next((j for j in range(s_lo + n, s_hi) if doc[j].text == ","), s_hi)
            j = edge + 1
            while j < s_hi and doc[j].is_punct:  # the comma, and a quotation's closing marks
                j += 1
            return j if j < s_hi - 1 else None
    return None


def outlet_cands(v: Verdicts, view: DocView, qi: QuoteIndex, contents: list[Range],
                 cues: list[Range]) -> Iterator[Cand]:
    """Candidates for the outlet's verdicts; ``contents``, ``cues``: sorted disjoint ranges of the
    other statements' contents and cues (a verdict within them is someone else's; a verdict that is
    itself another statement's cue, "The photo does not show X" read as the photo's statement, is
    still the outlet's)."""
    doc = view.doc
    if not len(doc):
        return

    def within(ranges: list[Range], pos: int) -> bool:
        k = bisect.bisect_right(ranges, (pos, float("inf"))) - 1
        return k >= 0 and ranges[k][0] <= pos < ranges[k][1]

    def inside(tok: Token) -> bool:
        return within(contents, tok.idx) or (tok.lemma_.lower() not in v.show and within(cues, tok.idx))

    cols = doc.to_array([DEP, POS, ORTH])
    semis = numpy.flatnonzero(cols[:, 2] == get_string_id(";")).tolist()
    verbal = numpy.isin(cols[:, 1], (VERB, AUX)).tolist()
    heads = view.heads.tolist()
    for i in numpy.flatnonzero(cols[:, 0] == get_string_id("ROOT")).tolist():
        s_lo, s_hi = view.sent(i)
        for lo, hi in _clauses(semis, s_lo, s_hi):
            pred = _predicate(doc, verbal, heads, lo, hi)
            if pred is None or qi.inside(pred.idx):
                continue
            after_marker = _marker(v, doc, lo, hi)
            mark = verdict(v, pred) if after_marker is None else pred
            if mark is None or inside(mark) or qi.inside(mark.idx):
                continue
            r = runs(doc, set(range(after_marker if after_marker is not None else lo, hi)))
            if not r:
                continue
            at = doc[lo].idx
            yield Cand(cue=(at, at), lemma="", source=(at, at), content=r, weight=1.0, anchor=at, rule="outlet",
                       feats={"verdict": 1.0})


def _clauses(semis: list[int], s_lo: int, s_hi: int) -> list[Range]:
    """A sentence's stretches between semicolons (token ranges); ``semis``: the indices of the
    doc's ";" tokens, in order."""
    out, lo = [], s_lo
    for j in semis[bisect.bisect_left(semis, s_lo):bisect.bisect_left(semis, s_hi)]:
        out.append((lo, j))
        lo = j + 1
    out.append((lo, s_hi))
    return [(a, b) for a, b in out if b > a]


def _predicate(doc, verbal: list[bool], heads: list[int], lo: int, hi: int) -> Optional[Token]:
    """The main predicate of a token range: its first verb whose head lies outside the range (or
    that is a root). ``verbal``: whether each token is a VERB or AUX; ``heads``: each token's head."""
    for j in range(lo, hi):
        if verbal[j] and (heads[j] == j or not lo <= heads[j] < hi):
            return doc[j]
    return None
