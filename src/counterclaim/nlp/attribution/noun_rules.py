"""Nominal cues: "X's claim that C", "US accusations that C", "Trump's call for a ban"."""
from __future__ import annotations

from typing import Iterator

from spacy.strings import get_string_id

from .lexicon import Lexicon, NounCue
from .quotes import QuoteIndex
from .syntax import Cand, DocView, runs, span_of, tok_range

NOUN_PREPS = {"for", "of", "against", "on", "about", "to", "with"}
# a nominal cue needs a child clause ("acl", "ccomp") or, open, a prepositional child ("prep")
_CONTENT_DEPS = frozenset(get_string_id(d) for d in ("acl", "ccomp", "prep"))


def noun_cands(lex: Lexicon, open_cues: bool, view: DocView, qi: QuoteIndex) -> Iterator[Cand]:
    doc = view.doc
    nouns = lex.nouns
    order, start = view.kids()
    deps = view.deps
    for tok in view.nouns:
        i = tok.i
        if not any(deps[c] in _CONTENT_DEPS for c in order[start[i]:start[i + 1]]):
            continue  # no child a content could hang on: passed over on ids, before any Token is made
        if qi.inside(tok.idx):
            continue
        lem = tok.lemma_.lower()
        entry = nouns.get(lem)
        if entry is None:
            if not open_cues:
                continue
            entry = NounCue(lem, "open", 0.0)
        kids = list(tok.children)  # walked up to four times below
        clause = None
        for c in kids:
            if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                if any(g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in c.children):
                    clause = c
                    break
                if entry.cls == "intention" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                    clause = c
                    break
        prep = None
        if clause is None and open_cues:  # "Trump's call for a ban", "her support of the deal"
            prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in NOUN_PREPS
                         and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
        if clause is None and prep is None:
            continue
        src = None
        for c in kids:
            if c.dep_ == "poss":
                src = span_of(view, c)
                break
        if src is None:
            mods = [c for c in kids if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                    and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))]
            if mods:
                s0 = min(c.left_edge.i for c in mods)
                s1 = max(c.right_edge.i for c in mods)
                src = tok_range(list(doc[s0:s1 + 1]))
        if src is None:
            for c in kids:
                if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                    obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                    if obj is not None:
                        src = span_of(view, obj)
                        break
        if src is None:
            continue
        if clause is not None:
            idxs = view.subtree_idx(clause)
            idxs -= {g.i for g in clause.children if g.dep_ == "mark" and g.i == clause.left_edge.i}
            kind = "clause=" + clause.dep_
        else:
            idxs = set().union(*(view.subtree_idx(g) for g in prep.children if g.dep_ in ("pobj", "pcomp")))
            kind = "prep=" + prep.lower_
        r = runs(doc, idxs)
        if r:
            feats = {"bias_noun": 1.0, "lem=n:" + entry.lemma: 1.0, "cls=" + entry.cls: 1.0, "w": entry.weight,
                     "noun_dep=" + tok.dep_: 1.0, "noun_" + kind: 1.0, "lem_kind=n:" + entry.lemma + "|" + kind: 1.0}
            yield Cand(cue=(tok.idx, tok.idx + len(tok)), lemma=tok.lemma_.lower(), source=src, content=r,
                       weight=entry.weight, anchor=tok.idx, rule="nominal", nominal=True, feats=feats)
