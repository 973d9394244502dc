"""The outlet's own voice: an unattributed sentence whose main predicate is a verdict on a claim
("The photo of the flooded airport is fake.", "The claim is false.", "There is no evidence that P.",
"The device is not a true implant.", "The image does not show a missile strike", "It hails from the
fake-news website ...", "Contrary to posts online, P.", "P, despite reports", "No, X did not Y.") is a statement of kind
``outlet``: the article's outlet says it. The verdict words are data (``outlet_verdicts.tsv``); a
sentence whose verdict lies within another statement (what someone else said) is not the outlet's.

The candidate's source and cue are empty ranges at the sentence's start (the outlet is named by the
statement's ``source.entity``, set by ``assembly``); its content is the sentence (up to a ";" after
the verdict), less a marker that sets it against a claim.

A verdict without a clause of its own is the statement's cue, and what it judges its content:

- a label before a colon: "False: the mayor banned Christmas markets", "HOAX: ...", "True: ...";
- a headline with its copula dropped: "Singer death rumours untrue", "Reports of mayor's resignation
  false" (a line with no final stop);
- "No evidence (that) P", "No proof of X" with no verb.

The cue's word is a cue of the ``cue_framing.tsv`` lexicon (``false``: denies, ``true``: asserts), so the
stance step reads it as it reads "denied".
"""
from __future__ import annotations

import bisect
from dataclasses import dataclass
from functools import cached_property
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
MAX_HEADLINE = 16  # tokens: a longer line with no final stop is not read as a verbless headline


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
    labels: frozenset = frozenset()     # verdict labels before a colon ("false", "fake news")
    contrasts: tuple = ()               # ("despite",), ("contrary", "to"): set a clause against a claim

    @cached_property
    def contrast_firsts(self) -> frozenset:
        """The words a contrast phrase opens with ("despite", "contrary", "in")."""
        return frozenset(m[0] for m in self.contrasts)


def verdicts_from_text(text: str) -> Verdicts:
    by: dict[str, dict[str, str]] = {}
    for r in tsv_text_rows(text):
        by.setdefault(r["role"].strip(), {})[r["words"].strip().lower()] = (r.get("side") or "").strip()
    return Verdicts(predicates=dict(by.get("predicate", {})), image_predicates=frozenset(by.get("image_predicate", ())),
                    evidence=frozenset(by.get("evidence", ())),
                    markers=tuple(tuple(w.split()) for w in by.get("marker", ())),
                    claims=frozenset(by.get("claim", ())), show=frozenset(by.get("show", ())),
                    origin=frozenset(by.get("origin", ())), origin_marks=frozenset(by.get("origin_mark", ())),
                    labels=frozenset(by.get("label", ())),
                    contrasts=tuple(tuple(w.split()) for w in by.get("contrast", ())))


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


def _response(pred: Token) -> Optional[Token]:
    """The response particle opening a clause that answers a claim: "No," before a negated clause, "Yes,"
    before a positive one (Huddleston & Pullum 2002 ch. 9: "no" agrees with the clause's polarity)."""
    first = next((c for c in pred.children if c.dep_ == "intj" and c.i < pred.i), None)
    if first is None or first.i + 1 >= len(pred.doc) or pred.doc[first.i + 1].text != ",":
        return None
    if first.lower_ == "no" and _negated(pred) or first.lower_ == "yes" and not _negated(pred):
        return first
    return None


def contrast(v: Verdicts, pred: Token) -> Optional[Token]:
    """The marker of a phrase that sets the clause against a claim ("despite reports", "contrary to
    rumours", "despite claims on social media"): the preposition, when its object is a claim noun;
    "despite the rain" sets nothing against a claim."""
    doc = pred.doc
    heads = [pred]
    for h in heads[:3]:  # "is safe to drink despite …": down a chain of complements
        heads.extend(c for c in h.children if c.dep_ in ("xcomp", "acomp"))
    firsts = v.contrast_firsts
    for c in (c for h in heads for c in h.children):
        if c.lower_ not in firsts:
            continue  # most children: no contrast phrase opens with them
        for m in v.contrasts:
            if tuple(t.lower_ for t in doc[c.i:c.i + len(m)]) != m:
                continue
            obj = next((g for g in c.subtree if g.dep_ == "pobj" and g.head.lower_ == m[-1]), None)
            if obj is not None and _words(obj)[1] in v.claims:
                return c
    return None


def _contrast_tokens(mark: Token) -> set[int]:
    """The tokens of a contrast phrase (``contrast``) and the commas around it: not part of the content."""
    out = {t.i for t in mark.subtree}
    doc = mark.doc
    for j in (mark.left_edge.i - 1, mark.right_edge.i + 1):
        if 0 <= j < len(doc) and doc[j].text == ",":
            out.add(j)
    return out


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

    yield from _verdict_cues(v, view, qi, inside)
    cols = doc.to_array([DEP, POS, ORTH])
    semis = numpy.flatnonzero(cols[:, 2] == get_string_id(";")).tolist()
    verbal = numpy.isin(cols[:, 1], (VERB, AUX)).tolist()
    heads = view.heads.tolist()
    for i in numpy.flatnonzero(cols[:, 0] == get_string_id("ROOT")).tolist():
        s_lo, s_hi = view.sent(i)
        for lo, hi in _clauses(semis, s_lo, s_hi):
            pred = _predicate(doc, verbal, heads, lo, hi)
            verbless = pred is None  # a headline's verbless clause: "Singer not dead, despite reports"
            if verbless:
                pred = doc[i] if lo <= i < hi and doc[i].pos_ in ("ADJ", "NOUN", "PROPN") else None
                if pred is None:
                    continue
            against = contrast(v, pred)  # "X is not dead, despite reports"
            if (verbless and against is None) or qi.inside(pred.idx):
                continue
            after_marker = _marker(v, doc, lo, hi)
            if after_marker is not None:
                mark = pred
            else:  # "No, the senator did not vote for it" before "…, despite reports" before "is false"
                mark = _response(pred) or against or verdict(v, pred)
            if mark is None or inside(mark) or qi.inside(mark.idx):
                continue
            dropped = _contrast_tokens(mark) if after_marker is None and against is not None and mark == against \
                else set()
            r = runs(doc, set(range(after_marker if after_marker is not None else lo, hi)) - dropped)
            if not r:
                continue
            at = doc[lo].idx
            yield Cand(cue=(at, at), lemma="", source=(at, at), content=r, weight=1.0, anchor=at, rule="outlet",
                       feats={"verdict": 1.0})


def _verdict_cues(v: Verdicts, view: DocView, qi: QuoteIndex, inside) -> Iterator[Cand]:
    """The outlet's verdicts that are cues (see the module's docstring): a label before a colon, a
    headline's verdict with its copula dropped, "No evidence that P"."""
    doc, text = view.doc, view.text
    i = 0
    while i < len(doc):
        lo, hi = view.sent(i)
        i = hi
        while hi > lo and doc[hi - 1].is_space:  # the line break a sentence may end with
            hi -= 1
        if hi == lo or qi.inside(doc[lo].idx):
            continue
        found = _label(v, doc, lo, hi) or _no_evidence(v, doc, lo, hi) or _verbless(v, view, lo, hi)
        if found is None:
            continue
        (c_lo, c_hi), (t_lo, t_hi) = found
        if any(inside(doc[k]) for k in range(c_lo, c_hi)):
            continue
        if t_lo >= hi:  # a label parsed as a sentence of its own ("HOAX:"): its content is the next one
            if t_lo >= len(doc) or "\n" in text[doc[t_lo - 1].idx:doc[t_lo].idx]:
                continue
            t_hi = i = view.sent(t_lo)[1]
        r = runs(doc, set(range(t_lo, t_hi)))
        if not r:
            continue
        at = doc[lo].idx
        cue = (doc[c_lo].idx, doc[c_hi - 1].idx + len(doc[c_hi - 1]))
        yield Cand(cue=cue, lemma=text[cue[0]:cue[1]].lower(), source=(at, at), content=r, weight=1.0, anchor=at,
                   rule="outlet", feats={"verdict": 1.0})


def _label(v: Verdicts, doc, lo: int, hi: int):
    """"False: P", "HOAX: P", "Fake news: P": ((cue), (content)) token ranges, or None."""
    for n in (1, 2, 3):
        j = lo + n
        if j + 1 >= len(doc) or doc[j].text != ":":
            continue
        if doc[lo:j].text.lower() in v.labels:  # "Fact-check" as written, "fake news"
            return (lo, j), (j + 1, hi)
    return None


def _no_evidence(v: Verdicts, doc, lo: int, hi: int):
    """"No evidence (that) P", "No proof of X" with no verb governing the noun: ((cue), (content))."""
    if hi - lo < 4 or doc[lo].lower_ != "no" or doc[lo + 1].lemma_.lower() not in v.evidence:
        return None
    noun = doc[lo + 1]
    if noun.head.i != noun.i and noun.head.i != lo:
        return None
    return (lo, lo + 2), (lo + 3 if doc[lo + 2].lower_ == "of" else lo + 2, hi)  # "of X": X is denied


def _verbless(v: Verdicts, view: DocView, lo: int, hi: int):
    """A headline's verdict with the copula dropped ("Singer death rumours untrue", "Story of giant crab
    a hoax"): a line of its own with no final stop whose last word is a verdict on what comes before it."""
    doc, text = view.doc, view.text
    end = doc[hi - 1].idx + len(doc[hi - 1])
    if (doc[lo].idx > 0 and text[doc[lo].idx - 1] != "\n") or (end < len(text) and text[end] != "\n"):
        return None
    return dropped_copula(v, doc, lo, hi)


def dropped_copula(v: Verdicts, doc, lo: int, hi: int):
    """A verdict with its copula dropped over the tokens ``lo:hi`` ("Singer death rumours untrue", "Story
    of giant crab a hoax"): its last word a verdict, the words before it a noun phrase with no verb "be";
    ((the verdict), (its subject)) token ranges, or None."""
    if hi - lo < 3 or hi - lo > MAX_HEADLINE or doc[hi - 1].is_punct or doc[hi - 1].lower_ not in v.predicates:
        return None
    start = hi - 2 if doc[hi - 2].lower_ in ("a", "an") else hi - 1
    subject = doc[lo:start]
    if not any(t.pos_ in ("NOUN", "PROPN") for t in subject) or subject[0].pos_ == "PRON" or any(
            t.lemma_.lower() == "be" or t.text in (",", ":") for t in subject):
        return None
    return (hi - 1, hi), (lo, start)


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
