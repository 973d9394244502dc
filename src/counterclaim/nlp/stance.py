"""cc_stance: what each statement's source does to the propositions its content carries.

For every claim ``cc_propositions`` found in a statement (``doc.user_data["cc_claims"]``):

- ``no_knowledge`` when the statement is a no-knowledge formula ("I have not seen that
  statement", "no further information", "declined to comment", "could not confirm");
- ``denies`` when
  * the cue is a denial cue (``data/cue_framing.tsv`` stance class ``denies``: deny, reject,
    dismiss, refute...): "dismissed reports that…", "rejected claims that…";
  * the claim's own predicate is negated ("this does not make the US a party…") or its event is
    negated by a relative clause ("arms transaction … which has never happened"), unless the
    negated clause is a prediction or a norm (a negated "will" is a commitment, not a denial);
  * a rejecting evaluation in the content outside the claim's clause applies to it ("the false
    report that…", "the groundless theory that…", "an absurd lie", "cooked up by…", "unfounded
    accusations"): each rejection goes to the nearest noun-headed claim (the claim noun it
    evaluates), or to the only claim;
  * a denial cue and a negation cancel out ("denied that he had not paid");
- ``asserts`` otherwise.

A statement with no claim (a question, an order, a norm) gets no stance.
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Stance, Statement
from .framing import cue_lemma, framing_of
from .propositions import Claim, _tok_range, rejection_positions
from .meaning_lexicon import lexicon


def stances_for(doc: Doc, st: Statement, claims: list[Claim]) -> list[Stance]:
    if not claims:
        return []
    lx = lexicon()
    cue_class = framing_of(cue_lemma(doc, st))[1] if st.cue else "-"
    toks = _tok_range(doc, st)
    lo = st.start
    rejected: set[int] = set()
    clause_memo: dict[int, Optional[int]] = {}
    rej = rejection_positions(None or _Ctx(doc, lx), toks, lo)
    nouned = [(i, c) for i, c in enumerate(claims) if c.kind in ("nominal", "event", "anaphor")]
    for pos in rej:
        if any(c.kind != "anaphor" and c.start <= pos < c.end and c.kind != "nominal" for c in claims):
            continue  # a rejection inside a claim's own clause is part of that claim ("he lied")
        nominal_inside = [i for i, c in enumerate(claims) if c.kind == "nominal" and c.start <= pos < c.end]
        if nominal_inside:
            # inside the clause of "accusations that ...": the content is about that claim, so an
            # evaluation there rejects it, unless the rejection word is the clause's own verb
            # ("reports that he lied")
            i = nominal_inside[0]
            if claims[i].head is None or claims[i].head.idx != pos:
                rejected.add(i)
            continue
        root = _root_at(doc, pos)
        linked = [(i, c) for i, c in nouned
                  if c.noun is None or (root is not None and _linked(root, c.noun, clause_memo))]
        if linked:
            def dist(ic):
                c = ic[1]
                anchor = c.noun.idx if c.noun is not None else c.start
                return abs(anchor - pos)
            rejected.add(min(linked, key=dist)[0])
    out: list[Stance] = []
    seen = set()
    direct = {c.prop for c in claims if c.kind != "anaphor"}
    for i, c in enumerate(claims):
        if c.prop is None:
            continue
        if c.kind == "anaphor" and c.prop in direct and i not in rejected and not c.forced:
            continue  # a mention of a claim the statement already states ("the report that X ... the news")
        if c.forced:
            label = c.forced
        else:
            denied = cue_class == "denies"
            if c.negated and c.modal is None and c.kind != "anaphor":
                denied = not denied
            if i in rejected or (c.noun is not None and _event_denied(c.noun)):
                denied = True
            label = "denies" if denied else "asserts"
        if (c.prop, label) in seen:
            continue
        seen.add((c.prop, label))
        out.append(Stance(c.prop, label))  # type: ignore[arg-type]
    return out


def _event_denied(noun) -> bool:
    """'the meeting never happened', 'such a deal does not exist'."""
    from .propositions import _negated
    h = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and h.lemma_.lower() in lexicon().nonevent and _negated(h)


def _clause_of(t):
    return next((a for a in [t, *t.ancestors] if a.pos_ in ("VERB", "AUX")), None)


def _root_at(doc: Doc, pos: int):
    sp = doc.char_span(pos, pos + 1, alignment_mode="expand")
    return sp.root if sp is not None else None


def _clause_index(t, memo: dict) -> Optional[int]:
    if t.i not in memo:
        c = _clause_of(t)
        memo[t.i] = c.i if c is not None else None
    return memo[t.i]


def _linked(r, noun, memo: dict) -> bool:
    """Is the rejection whose token is ``r`` said of this noun: its modifier ("false report"), its
    predicate ("the report … is the most absurd red herring"), or in the same clause ("called X a
    lie")? Subtrees are contiguous (the parser is projective), so membership is an index test."""
    if r.i == noun.i or noun.left_edge.i <= r.i <= noun.right_edge.i or r.left_edge.i <= noun.i <= r.right_edge.i:
        return True
    cr, cn = _clause_index(r, memo), _clause_index(noun, memo)
    return cr is not None and cr == cn


class _Ctx:
    """The little of propositions.Ctx that rejection_positions needs."""

    def __init__(self, doc: Doc, lx) -> None:
        self.doc = doc
        self.lx = lx


@Language.component("cc_stance")
def cc_stance(doc: Doc) -> Doc:
    claims_of = doc.user_data.pop("cc_claims", None) or {}
    for st in doc._.statements or []:
        st.stances = stances_for(doc, st, claims_of.get(st.id, []))
    return doc
