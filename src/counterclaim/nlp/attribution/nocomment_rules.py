"""No-comment formulas: "X declined to comment", "X did not respond to requests for comment",
"X could not be reached for comment"."""
from __future__ import annotations

from typing import Iterator

from spacy.tokens import Token

from .lexicon import Lexicon
from .quotes import QuoteIndex
from .syntax import CLAUSAL, Cand, DocView, find_subject, runs, source_span, tok_range


def nocomment_cands(lex: Lexicon, view: DocView, qi: QuoteIndex) -> Iterator[Cand]:
    """Refusals and unanswered requests (``data/no_comment_cues.tsv``): statements whose stance
    is no_knowledge. As PolNeAR annotates them, the cue is the refusing verb ("declined") and
    the content what was refused ("to comment"); for an unanswered request the cue is the
    negated verb ("did not respond") and the content the request ("to requests for comment")."""
    nc = lex.no_comment
    if not nc:
        return
    refuse, acts = nc.get("refuse", frozenset()), nc.get("speech_act", frozenset())
    respond, request = nc.get("respond", frozenset()), nc.get("request", frozenset())
    unreach = nc.get("unreachable", frozenset())
    doc = view.doc
    for tok in view.nocomment:
        lem = tok.lemma_.lower()
        if qi.inside(tok.idx):
            continue
        found = _no_comment(tok, lem, refuse, acts, respond, request, unreach)
        if found is None:
            continue
        cue_toks, content_tok, subj = found
        if subj is None:
            continue
        r = runs(doc, view.subtree_idx(content_tok))
        if not r:
            continue
        src = source_span(view, subj, tok)
        if any(s <= src[0] and src[1] <= e for s, e in r):
            continue
        yield Cand(cue=tok_range(cue_toks), lemma=lem, source=src, content=r, weight=0.9, anchor=tok.idx,
                   rule="nocomment", cue_tokens={t.i for t in cue_toks})


def _negation_toks(tok: Token) -> list[Token]:
    """The auxiliaries and negation before a verb ("did not", "could not be"), when it is negated."""
    left = [c for c in tok.children if c.i < tok.i and c.dep_ in ("aux", "auxpass", "neg", "advmod")]
    if not any(c.dep_ == "neg" or c.lower_ == "never" for c in left):
        return []
    first = min(c.i for c in left if c.dep_ in ("aux", "auxpass", "neg") or c.lower_ == "never")
    return list(tok.doc[first:tok.i])


def _neither_subject(tok: Token) -> bool:
    """Is the verb's subject "neither X nor Y" (a negation carried by the subject)?"""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ == "neither" or any(
        g.dep_ in ("preconj", "det") and g.lower_ == "neither" for g in c.children)) for c in tok.children)


def _no_comment(tok: Token, lem: str, refuse, acts, respond, request, unreach):
    """(cue tokens, content head, subject) of a no-comment formula headed by ``tok``, or None."""
    kids = list(tok.children)
    if lem in refuse and tok.pos_ == "VERB":
        for c in kids:
            if c.dep_ == "xcomp" and c.lemma_.lower() in acts and c.pos_ == "VERB":
                if lem == "choose" and not any(g.dep_ == "neg" for g in c.children):
                    continue  # "chose to respond" is not a refusal; "is choosing not to respond" is
                return [tok], c, find_subject(tok)[0]
            if c.dep_ == "dobj" and c.lemma_.lower() in acts and lem != "choose":
                return [tok], c, find_subject(tok)[0]  # "declined comment"
        return None
    if lem in respond and tok.pos_ == "VERB":
        neg = _negation_toks(tok)
        if not neg and not _neither_subject(tok):  # "Neither Maples nor Trump responded to requests…"
            return None
        for c in kids:
            if c.dep_ == "dobj" and c.lemma_.lower() in request:
                return neg + [tok], c, find_subject(tok)[0]  # "did not return calls"
            if c.dep_ == "prep" and c.lower_ == "to":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() in request:
                    return neg + [tok], c, find_subject(tok)[0]  # "did not respond to requests for comment"
        return None
    if lem in unreach:
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "for"
                     and any(g.dep_ == "pobj" and g.lemma_.lower() in acts for g in c.children)), None)
        if prep is None:
            return None
        if tok.pos_ == "VERB":  # "could not be reached for comment"
            neg = _negation_toks(tok)
            subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
            return (neg + [tok], prep, subj) if neg else None
        if tok.pos_ == "ADJ" and tok.dep_ == "acomp":  # "was not available / was unavailable for comment"
            head = tok.head
            if not lem.startswith("un") and not any(c.dep_ == "neg" for c in head.children):
                return None
            first = min([head.i] + [c.i for c in head.children if c.dep_ in ("aux", "neg") and c.i < tok.i])
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return list(tok.doc[first:tok.i + 1]), prep, subj
        return None
    if lem in acts and tok.pos_ == "VERB" and tok.dep_ != "xcomp":
        # "would not comment on the report", "did not elaborate on the plan"
        neg = _negation_toks(tok)
        if not neg or lem == "say" or any(c.dep_ in CLAUSAL for c in kids):
            return None  # "I didn't say that" denies; "did not say whether" is the verb rule's
        comp = next((c for c in kids if c.dep_ in ("dobj", "prep") and c.lower_ not in ("for", "with", "in", "at")), None)
        if comp is None or comp.pos_ == "PRON":
            return None
        return neg + [tok], comp, find_subject(tok)[0]
    return None
