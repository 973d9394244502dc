"""Marker cues: "according to X, C", "in the words of X, C"; a marker beside a reporting verb
("X said C, according to KCNA") names a relay (``via``), not a new statement."""
from __future__ import annotations

from typing import Iterator

from .quotes import QuoteIndex
from .syntax import Cand, DocView, runs, span_of, tok_range


def marker_cands(marker_first: dict, view: DocView, cue_heads: set[int], qi: QuoteIndex) -> Iterator[Cand]:
    doc = view.doc
    for tok in view.markers:
        opts = marker_first.get(tok.lower_)
        if not opts or qi.inside(tok.idx):
            continue
        for words, w in opts:
            n = len(words)
            if tok.i + n > len(doc) or tuple(t.lower_ for t in doc[tok.i:tok.i + n]) != words:
                continue
            last = doc[tok.i + n - 1]
            obj = next((c for c in last.children if c.dep_ in ("pobj", "pcomp")), None)
            if obj is None and tok.i + n < len(doc):
                obj = doc[tok.i + n]
                if obj.is_punct:
                    continue
            if obj is None:
                continue
            src = span_of(view, obj)
            s_lo, s_hi = view.sent(tok.i)
            marker_idx = set(range(tok.i, tok.i + n)) | view.subtree_idx(obj)
            # the phrase's own extent (the marker and its object)
            lo, hi = min(marker_idx), max(marker_idx)
            # "X said C, according to KCNA": a relay of an attributed statement, not a new one
            # (the marker hangs on the reporting verb, or shares its sentence with one)
            if tok.head.i in cue_heads or any(s_lo <= i < s_hi for i in cue_heads):
                yield Cand(cue=tok_range(list(doc[tok.i:tok.i + n])), lemma=" ".join(words),
                           source=src, content=[], weight=0.0, anchor=tok.idx, rule="via",
                           via=view.text[src[0]:src[1]])
                break
            idxs = set(range(s_lo, s_hi)) - set(range(lo, hi + 1))
            r = runs(doc, idxs)
            if r:
                lem = " ".join(words)
                feats = {"bias_marker": 1.0, "lem=" + lem: 1.0, "w": w,
                         "mk_pos=" + ("end" if r[0][0] < tok.idx else "start"): 1.0,
                         "subj_ent=" + (obj.ent_type_ or "none"): 1.0, "subj_pos=" + obj.pos_: 1.0}
                yield Cand(cue=tok_range(list(doc[tok.i:tok.i + n])), lemma=lem,
                           source=src, content=r, weight=w, anchor=tok.idx, rule="marker",
                           postposed=r[0][0] < tok.idx, feats=feats)
            break
