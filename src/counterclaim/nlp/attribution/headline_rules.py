"""Reporting verbs the parser does not read as verbs.

- a headline in the present tense: "IBM denies layoff rumors", "Kremlin admits sending troops to
  the border", "Acme confirms plan to close plant", "Mayor shoots down reports of a deal" (a phrasal
  verb of the lexicon, "shoot down", "laugh off", "pour cold water on"): a line with no final stop that opens with a bare
  noun subject (no article) and a present-tense speech verb (the parser often takes "admits" for an
  auxiliary or "denies plan" for a noun phrase); the rest of the line is the content;
- an appositive tag: "The company, TMZ reports, has filed for bankruptcy" ("reports" parsed as a
  noun in apposition to "The company"): the sentence around the tag is the content.
"""
from __future__ import annotations

from typing import Iterator, Optional

import numpy
from spacy.attrs import DEP
from spacy.strings import get_string_id
from spacy.tokens import Span, Token

from ..spelling import s_form
from .lexicon import Lexicon
from .outlet_rules import Verdicts, dropped_copula
from .syntax import Cand, DocView, Range, headline_line, runs, verb_lemma

HEADLINE_CLASSES = {"speech", "belief"}
MAX_HEADLINE_TOKENS = 24
MAX_SUBJECT_TOKENS = 4
MAX_PHRASAL_WORDS = 3  # "pour cold water on": the words after the verb of a phrasal entry
SUBJECT_POS = {"PROPN", "NOUN", "ADJ", "NUM"}
SUBJECT_WORDS = {"'s", "’s", "&", "-", "."}
TAG_FORMS = ("s", "ed", "id")  # "reports", "reported", "said": the finite forms a tag takes


def present_lemma(tok: Token, lex: Lexicon) -> Optional[str]:
    """The lexicon lemma of a present-tense speech or belief verb ("denies", "admit"), read from the
    word form whatever part of speech the parser gave it."""
    lem = verb_lemma(tok, lex.verbs)
    entry = lex.verbs.get(lem or "")
    if entry is None or entry.cls not in HEADLINE_CLASSES:
        return None
    w = tok.lower_
    if w == s_form(lem) or (w == lem and tok.tag_ in ("VBP", "VB")):
        return lem
    return None


def phrasal_lemma(span, k: int, lex: Lexicon) -> tuple[Optional[str], int]:
    """A present-tense phrasal verb of the lexicon at ``span[k]`` ("shoots down", "laughs off", "pour cold
    water on"): its lemma and the number of words after the verb, or (None, 0)."""
    w = span[k].lower_
    # the bare form, or a base whose -s form this is ("shoots" <- "shoot", "brushes" <- "brush")
    bases = [w] + [b for b in (w[:-1], w[:-2], w[:-3] + "y") if w.endswith("s") and s_form(b) == w]
    for n in range(MAX_PHRASAL_WORDS, 0, -1):
        if k + n + 1 >= len(span):
            continue  # nothing left for the content
        rest = " ".join(x.lower_ for x in span[k + 1:k + 1 + n])
        for b in bases:
            entry = lex.verbs.get(f"{b} {rest}")
            if entry is not None and entry.cls in HEADLINE_CLASSES:
                return entry.lemma, n
    return None, 0


def headline_spans(view: DocView, paras: list[Range], shortest: int) -> Iterator[Span]:
    """The headline paragraphs (``headline_line``) of ``shortest`` to ``MAX_HEADLINE_TOKENS`` tokens."""
    for ps, pe in paras:
        line = headline_line(view.text, ps, pe)
        span = view.doc.char_span(ps, ps + len(line), alignment_mode="expand") if line is not None else None
        if span is not None and shortest <= len(span) <= MAX_HEADLINE_TOKENS:
            yield span


def headline_cands(lex: Lexicon, view: DocView, paras: list[Range]) -> Iterator[Cand]:
    doc = view.doc
    for span in headline_spans(view, paras, 3):
        if not span[0].text[:1].isupper():
            continue
        for k in range(1, min(MAX_SUBJECT_TOKENS, len(span) - 2) + 1):
            t = span[k]
            subject = span[:k]
            if not all(s.pos_ in SUBJECT_POS or s.text in SUBJECT_WORDS for s in subject):
                break  # an article, a verb, a clause: not a bare noun subject
            lem, n = phrasal_lemma(span, k, lex)  # "laughs off" before "laughs"
            if lem is None:
                lem = present_lemma(t, lex)
            if lem is None:
                continue
            start = k + 1 + n
            if start < len(span) and span[start].lower_ == "that":
                start += 1
            r = runs(doc, set(range(span[start].i, span.end))) if start < len(span) else []
            if not r or (start == len(span) - 1 and span[start].pos_ == "ADJ"):
                break  # "Grounding reports untrue": a verdict on the reports, not what they say
            entry = lex.verbs[lem]
            feats = {"bias_verb": 1.0, "lem=" + lem: 1.0, "cls=" + entry.cls: 1.0, "headline": 1.0}
            last = span[k + n]
            yield Cand(cue=(t.idx, last.idx + len(last)), lemma=lem, source=(subject[0].idx, subject[-1].idx + len(subject[-1])),
                       content=r, weight=entry.weight, anchor=t.idx, rule="headline",
                       cue_tokens=set(range(t.i, last.i + 1)), feats=feats)
            break


def verdict_tag_cands(lex: Lexicon, verdicts: Verdicts, view: DocView, paras: list[Range]) -> Iterator[Cand]:
    """A headline's verdict with its copula dropped and a speech tag after it ("Reports of split untrue,
    says band", "Split rumours false, band insists"): the tag's noun phrase is the source, the verdict
    word the cue (as in the outlet's "Reports of split untrue") and its subject the content."""
    doc = view.doc
    for span in headline_spans(view, paras, 5):
        comma = max((t.i for t in span if t.text == ","), default=None)
        if comma is None:
            continue
        tag = _speech_tag(lex, doc[comma + 1:span.end])
        found = dropped_copula(verdicts, doc, span.start, comma) if tag is not None else None
        if found is None:
            continue
        (c_lo, c_hi), (t_lo, t_hi) = found
        (v_lo, v_hi), (s_lo, s_hi) = tag
        if any(c.dep_ in ("ccomp", "parataxis") and c.i < comma for c in doc[v_lo].children):
            continue  # parsed as "[X baseless], says Y": the verb rules read it
        r = runs(doc, set(range(t_lo, t_hi)))
        if not r:
            continue
        verdict = doc[c_lo]
        feats = {"headline": 1.0, "verdict": 1.0}
        yield Cand(cue=(verdict.idx, verdict.idx + len(verdict)), lemma=verdict.lower_,
                   source=(doc[s_lo].idx, doc[s_hi - 1].idx + len(doc[s_hi - 1])), content=r, weight=1.0,
                   anchor=verdict.idx, rule="headline", cue_tokens={verdict.i}, feats=feats)


def _speech_tag(lex: Lexicon, tail) -> Optional[tuple[Range, Range]]:
    """A speech tag: a speech verb of the lexicon and a short noun phrase in either order ("says band",
    "band insists", "the minister said"): ((the verb), (the noun phrase)) token ranges, or None."""
    if not 2 <= len(tail) <= MAX_SUBJECT_TOKENS + 1:
        return None
    for k in (0, len(tail) - 1):  # the verb comes first ("says band") or last ("band insists")
        t = tail[k]
        entry = lex.verbs.get(verb_lemma(t, lex.verbs) or "")
        if entry is None or entry.cls != "speech" or not (t.tag_.startswith("VB") or t.lower_.endswith(TAG_FORMS)):
            continue
        np = tail[1:] if k == 0 else tail[:-1]
        if any(x.pos_ in ("NOUN", "PROPN") for x in np) and all(x.pos_ in SUBJECT_POS | {"DET"} or x.text in SUBJECT_WORDS
                                                                for x in np):
            return (t.i, t.i + 1), (np.start, np.end)
    return None


def appos_tag_cands(lex: Lexicon, view: DocView) -> Iterator[Cand]:
    doc = view.doc
    if not len(doc):
        return
    deps = doc.to_array([DEP])
    for i in numpy.flatnonzero(deps == get_string_id("appos")).tolist():
        t = doc[i]
        w = t.lower_
        if not w.endswith(TAG_FORMS) or not t.text[:1].islower() or t.right_edge.i != i or t.left_edge.i == i:
            continue
        lem = verb_lemma(t, lex.verbs)
        entry = lex.verbs.get(lem or "")
        if entry is None or entry.cls != "speech":
            continue
        lo = t.left_edge.i
        s_lo, s_hi = view.sent(i)
        if lo - 1 < s_lo or doc[lo - 1].text != "," or i + 1 >= s_hi or doc[i + 1].text != ",":
            continue
        if not (doc[lo].pos_ == "PROPN" or doc[lo].pos_ == "DET"):
            continue
        src = (doc[lo].idx, doc[i - 1].idx + len(doc[i - 1]))
        r = runs(doc, set(range(s_lo, s_hi)) - set(range(lo, i + 1)))
        if not r:
            continue
        feats = {"bias_verb": 1.0, "lem=" + entry.lemma: 1.0, "cls=" + entry.cls: 1.0, "path=paren": 1.0,
                 "formula": 1.0}
        yield Cand(cue=(t.idx, t.idx + len(t)), lemma=entry.lemma, source=src, content=r, weight=entry.weight,
                   anchor=t.idx, cue_tokens={i}, feats=feats)
