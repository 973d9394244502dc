"""cc_stance: what each statement's source does to the propositions its content carries.

Every stance is the source's commitment to the proposition's claim **in its positive form**
(``Proposition.claim``; FactBank's convention, docs/meaning.md): "the samples were not contaminated"
denies "the samples were contaminated". For every claim ``cc_propositions`` found in a statement
(``doc._.claims``):

- ``no_knowledge`` when the statement is a no-knowledge formula ("I have not seen that
  statement", "no further information", "declined to comment", "could not confirm"), or its denial
  cue is negated ("did not deny that…", "would neither confirm nor deny");
- ``denies`` when
  * the cue is a denial cue (``data/cue_framing.tsv`` stance class ``denies``: deny, reject,
    dismiss, refute...): "dismissed reports that…", "rejected claims that…";
  * the claim's clause is negated, whatever its tense, mood or kind ("was not involved", "will not
    be released", "does not sell", "no passengers were injured"): its positive form is denied;
  * the clause itself says a claim is false ("had fabricated the story", "is wrong for saying X");
  * a rejecting evaluation in the content outside the claim's clause applies to it ("the false
    report that…", "the groundless theory that…", "an absurd lie", "cooked up by…", "unfounded
    accusations"): each rejection goes to the nearest noun-headed claim (the claim noun it
    evaluates), or to the only claim;
  * the clause rebuts by its form (``negation.rebutting_form``: "there is no evidence that…", "is no
    more biased than…", "does not mean Muslims are terrorists"), or the claim is what absent
    evidence would support ("no evidence that [he lied]");
  * a frame above the claim in the content denies it ("doubts that…", "it is not true that…",
    "is unlikely to…"), or the cue is a negated verb of belief ("I don't think [P]"; ``frames.py``);
- ``asserts`` otherwise. Two of these cancel out ("denied that he had not paid" asserts that he paid).

A statement with no claim (a question, an order, a norm) gets no stance, nor does one whose
content only names a topic under a cue that neither confirms nor denies it ("responded to Trump's
remarks").
"""
from __future__ import annotations

from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ...model import Stance, Statement, opposite
from ..extensions import register
from .cues import cue_lemma_or_none, framing_of, negated_raising_cue
from .lexicon import LexiconComponent, MeaningLexicon
from .negation import is_negated, nonevent_verb, rebutting_form, under_no_evidence
from .rebuttal import rebuts
from .rejection import rejection_positions
from .syntax import tok_range
from .types import PERCEPTION, Claim

register()  # the Doc._ extensions this module reads and writes

# doc.user_data key: statement id -> which rule gave each of its stances (in the order of ``stances``)
STANCE_REASONS = "cc_stance_reasons"


def stance_rules(doc: Doc, statement_id: str) -> set[str]:
    """The rules that gave a statement's stances, as ``cc_stance`` recorded them: the rule of each
    reason without what modified it ("rejection" of "rejection+frame"); empty where none was recorded."""
    return {why.split("+")[0] for why in (doc.user_data.get(STANCE_REASONS) or {}).get(statement_id, ())}


def stances_for(doc: Doc, st: Statement, claims: list[Claim], lx: MeaningLexicon,
                reasons: Optional[list[str]] = None) -> list[Stance]:
    """The stances of one statement on the propositions of its claims, each on the claim in its
    positive form (``Proposition.claim``). ``reasons``, when given, gets one entry per stance: which
    rule gave it ("denial_cue", "negation", "rejection", "+frame"…; read through ``stance_rules``)."""
    if not claims:
        return []
    cue_lem = cue_lemma_or_none(doc, st, lx)
    cue_class = framing_of(cue_lem, lx)[1] if st.cue else "-"
    toks = tok_range(doc, st)
    lo = st.start
    rejected: set[int] = set()
    clause_memo: dict[int, Optional[int]] = {}
    rej = rejection_positions(doc, lx, toks)
    # claim nouns that name a kind of saying ("makes misleading or false statements"): no claim to reject
    sayings = {c.noun.i: c.noun for c in claims if c.kind == "anaphor" and _kind_of_saying(c.noun, cue_class)}
    nouned = [(i, c) for i, c in enumerate(claims) if c.kind in ("nominal", "event", "anaphor")
              and not (c.kind == "anaphor" and c.noun is not None and c.noun.i in sayings)]
    for pos in rej:
        if any(c.kind != "anaphor" and c.start <= pos < c.end and c.kind != "nominal" for c in claims):
            continue  # a rejection inside a claim's own clause is part of that claim ("he lied")
        if any(n.left_edge.idx <= pos <= n.idx for n in sayings.values()):
            continue  # "makes misleading or false statements": the kind of thing said, no claim rejected
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
    # "X as Y" hanging on the cue: a characterization of X ("dismissed him as an actor"), not a denial
    as_phrase = cue_class == "denies" and any(t.lower_ == "as" and t.dep_ == "prep" and (t.head.idx < lo or t.head.head.idx < lo) for t in toks)
    direct = {c.prop for c in claims if c.kind != "anaphor"}
    raised = negated_raising_cue(doc, st, lx)  # "I don't think [the team will be relegated]": denied
    only_mentions = all(c.kind in ("anaphor", "nominal") for c in claims)  # claims named, none stated
    for i, c in enumerate(claims):
        if c.prop is None:
            continue
        if only_mentions and _topic_only(doc, st, c, i in rejected, cue_class, cue_lem, lx):
            continue  # "responding to Trump's remarks", "blasted Trump's statements": a topic, no stance
        if c.kind == "anaphor" and c.prop in direct and i not in rejected and not c.forced:
            continue  # a mention of a claim the statement already states ("the report that X ... the news")
        if cue_class == "denies" and _inside_a_report(c, lx):
            continue  # "refuted a Politico story about [his claim that X]": the story is denied, not X
        flipped = False  # the label is about the claim without its negation ("was not involved": denies "involved")
        if c.forced:
            label, why = c.forced, "forced"
        elif _self_rejecting(c, lx):
            label, why = "denies", "self_rejecting"
        elif c.kind in ("clause", "gist") and c.modal is None and rebutting_form(c.head, lx):
            label, flipped, why = "denies", True, "rebutting_form"  # "there is no evidence that…", "is no more biased than…"
        elif c.kind in ("clause", "gist", "nominal") and not c.negated and under_no_evidence(c.head, lx):
            label, why = "denies", "no_evidence"  # "there is no evidence that [he lied]"
        else:
            # "dismissed him as a Hollywood actor": a characterization, not a denial
            small_clause = (c.kind == "gist" and c.head is not None and c.head.pos_ in ("NOUN", "PROPN", "PRON", "ADJ")) \
                or (c.kind in ("gist", "anaphor") and as_phrase)  # "derided the deal as toothless"
            denied = cue_class == "denies" and not small_clause
            why = "denial_cue" if denied else ("small_clause" if small_clause else "plain")
            if c.negated and c.modal is None and c.kind != "anaphor" and (
                    denied or c.kind == "event" or rebuts(doc, st, c.head, c.agent, lx, cue_lem)):
                denied = not denied
                flipped = True
                why += "+negation"
            if i in rejected or (c.noun is not None and _event_denied(c.noun, lx)):
                denied = True
                flipped = False
                why = "rejection" if i in rejected else "event_denied"
            label = "denies" if denied else "asserts"
        positive = positive_stance(c, label, flipped)
        if positive != label:
            why += "+negated_clause"
        label = positive
        if label != "no_knowledge" and not c.forced and (c.framed ^ raised):
            label = opposite(label)  # "did not think [P]", "nobody denies [that P]": the frame's commitment
            why += "+frame"
        if (c.prop, label) in seen:
            continue
        seen.add((c.prop, label))
        out.append(Stance(c.prop, label))  # type: ignore[arg-type]
        if reasons is not None:
            reasons.append(why)
    return out


def positive_stance(c: Claim, label: str, flipped: bool) -> str:
    """The source's commitment to the claim in its positive form. ``label`` is what the source does
    to the claim's clause as worded, unless ``flipped`` says the negation was already taken into
    it ("Manafort was not involved" read as a rebuttal: denies "Manafort was involved"). A negated
    clause the source puts forward ("Trump may not have paid a dime", "no one was hurt") denies the
    positive claim; a denial cue over a negated clause ("denied that he had not paid") asserts it.
    An anaphor stands for what its antecedent said: denying "the report" that X did not pay asserts
    that X paid."""
    if label == "no_knowledge":
        return label
    if c.kind == "anaphor":
        return opposite(label) if c.antecedent_negated else label
    if flipped or not c.negated:
        return label
    return opposite(label)


def _topic_only(doc: Doc, st: Statement, c: Claim, rejected: bool, cue_class: str, cue_lem: Optional[str],
                lx: MeaningLexicon) -> bool:
    """An anaphor or a claim noun with its clause that is the whole content under a cue that neither
    confirms nor denies it names a topic ("responding to Trump's remarks", "apologize for his remarks",
    "referring to [reports that Trump may have used undocumented workers]"), not a claim taken up."""
    if c.kind not in ("anaphor", "nominal") or c.noun is None or c.forced or rejected or cue_class == "denies":
        return False
    if cue_lem is not None and (cue_lem in PERCEPTION or framing_of(cue_lem, lx)[0] == "endorsing"):
        return False
    spans = [(x.start, x.end) for x in st.content]
    head = c.noun.head
    if head.i != c.noun.i and head.pos_ != "ADP" and any(a <= head.idx < b for a, b in spans):
        return False  # the noun is inside a larger content
    inside = [t for t in tok_range(doc, st) if not t.is_punct and t.pos_ not in ("ADP", "DET")]
    np = {t.i for t in c.noun.subtree}
    return sum(t.i in np for t in inside) >= 0.8 * len(inside)  # the content is (almost) only that noun phrase


def _kind_of_saying(noun, cue_class: str) -> bool:
    """An indefinite claim noun without a clause, object of a verb ("when individuals make misleading
    or false statements", "Trump introduces some inaccurate statement"): a rejecting adjective on it
    says what kind of thing is said (an accusation, asserted), it rejects no claim on the table. A
    definite or demonstrative one ("the false report", "those bogus claims"), a predicate ("is a false
    narrative") and the object of a denial cue ("rejected unfounded accusations") still reject."""
    if noun is None or noun.dep_ != "dobj" or cue_class == "denies" or noun.head.pos_ not in ("VERB", "AUX"):
        return False
    dets = [c for c in noun.children if c.dep_ in ("det", "poss", "predet")]
    if dets:
        return all(d.lower_ in ("a", "an", "some", "any") for d in dets)
    return noun.tag_ in ("NNS", "NNPS")


def _inside_a_report(c: Claim, lx) -> bool:
    """Is the claim (a claim noun with its clause) what another claim noun is about ("a Politico story
    about [his claim that he had been offered a scholarship]", "reports on [the allegation that…]")? Under
    a denial cue the outer report is what is denied; what it says of the inner claim is not given."""
    if c.kind != "nominal" or c.noun is None:
        return False
    p = c.noun.head
    return p.dep_ == "prep" and p.lower_ in ("about", "on", "of", "over", "regarding") \
        and p.head.pos_ == "NOUN" and p.head.lemma_.lower() in lx.claim_nouns


def _self_rejecting(c: Claim, lx) -> bool:
    """A clause that itself says a claim is false: "Fields had fabricated the story" (a fabrication
    verb with a claim noun as object), "anyone claiming X is peddling fiction" (a rejection noun as
    object, a saying in the subject), "Smith is wrong for saying X" (a rejection adjective of a
    person, for what the person said)."""
    v = c.head
    if v is None or c.kind not in ("clause", "gist", "nominal") or v.pos_ not in ("VERB", "AUX"):
        return False
    kids = list(v.children)
    lem = v.lemma_.lower()
    if lem in lx.reject_verbs and any(k.dep_ == "dobj" and k.lemma_.lower() in lx.claim_nouns for k in kids):
        return True
    said = lambda t: t.pos_ == "VERB" and t.lemma_.lower() in lx.framing  # noqa: E731
    # the claim is what someone is said to say, and that saying is rejected: "Smith is wrong for
    # saying [Clinton lied]", "anyone claiming [the economy is in decline] is peddling fiction"
    up = list(v.ancestors)[:8]
    for k, a in enumerate(up):
        if said(a):
            for b in up[k + 1:k + 5]:
                if b.pos_ in ("VERB", "AUX") and any(
                        x.dep_ in ("acomp", "attr", "dobj") and lx.rejects(x)
                        for x in b.children):
                    return True
            break
    subj = next((k for k in kids if k.dep_ in ("nsubj", "nsubjpass")), None)
    for k in kids:
        if k.dep_ in ("dobj", "attr") and lx.rejects(k):
            if subj is not None and any(said(t) for t in subj.subtree):
                return True
        if k.dep_ == "acomp" and lx.rejects(k):
            for p in list(k.children) + kids:
                if p.dep_ == "prep" and p.lower_ == "for" and any(said(g) for g in p.children if g.dep_ == "pcomp"):
                    return True
                if p.dep_ == "prep" and p.lower_ in ("in", "about") and any(
                        g.dep_ == "pobj" and (g.lemma_.lower() in lx.claim_nouns or g.lemma_.lower() in lx.belief_nouns)
                        for g in p.children):
                    return True  # "the families were wrong in their recollections that…": what they said is false
    return False


def _event_denied(noun, lx: MeaningLexicon) -> bool:
    """'the meeting never happened', 'such a deal does not exist'."""
    h = noun.head
    return noun.dep_ in ("nsubj", "nsubjpass") and nonevent_verb(lx, h) and is_negated(h, lx)


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


@Language.factory("cc_stance", default_config={"stance_lexicon": None, "cue_framing": None},
                  assigns=["doc._.statements"], requires=["doc._.statements", "doc._.propositions", "doc._.claims"])
class StanceLabeller(LexiconComponent):
    """Each statement's stances. Config: the stance lexicon and the cue lexicon files (null: the packaged
    ones), read when the component is made and saved with the pipeline."""

    def __init__(self, nlp: Language, name: str, stance_lexicon: Optional[str] = None,
                 cue_framing: Optional[str] = None) -> None:
        super().__init__(name, stance_lexicon=stance_lexicon, cue_framing=cue_framing)

    def __call__(self, doc: Doc) -> Doc:
        return label_stances(doc, self.lx)


def label_stances(doc: Doc, lx: MeaningLexicon) -> Doc:
    """Set each statement's ``stances`` from the claims cc_propositions found (``doc._.claims``)."""
    claims_of = doc._.claims or {}  # cc_links reads them after, and drops them
    reasons = doc.user_data[STANCE_REASONS] = {}
    for st in doc._.statements or []:
        why = reasons[st.id] = []
        st.stances = stances_for(doc, st, claims_of.get(st.id, []), lx, why)
    return doc
