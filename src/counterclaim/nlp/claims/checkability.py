"""What states nothing checkable: a norm (should, must, need to, "it is important to…"), a wish, a
question, an order, a request, a mandative subjunctive; and the modality of a clause (future, deontic)."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.tokens import Doc, Token

from ...model import Statement
from ..doctext import doc_text
from .cues import cue_lemma_or_none, passive_cue
from .lexicon import MeaningLexicon
from .negation import is_negated
from .syntax import Scope, doc_tree, in_scope, lemma
from .types import MODALS, PRON_SELF, QUOTES, SUBJ, Ctx


def modality(ctx: Ctx, v: Token) -> Optional[str]:
    """The modality of the clause of ``v``: ``future`` (will, shall), ``deontic`` (a norm: should, must,
    have to, "it is important to…", "let us…") or None."""
    for c in v.children:
        if c.dep_ in ("aux", "auxpass"):
            if c.lemma_.lower() == "shall" and not any(s.dep_ in SUBJ and s.lower_ in PRON_SELF for s in v.children):
                return "deontic"  # "the right … shall not be infringed", "the president shall…": a legal norm
            if c.lemma_.lower() in ("will", "shall") or c.lower_ in ("'ll", "wo"):
                return "future"
            if c.lemma_.lower() in ctx.lx.deontic or c.lower_ in ctx.lx.deontic:
                return "deontic"
    if v.lemma_.lower() in ("need", "have") and not any(c.dep_ == "auxpass" for c in v.children) \
            and any(c.dep_ == "xcomp" for c in v.children) and \
            any(g.lower_ == "to" for c in v.children if c.dep_ == "xcomp" for g in c.children) \
            and _obligation(v):
        return "deontic"
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in ("need", "ought", "have") and _obligation(v.head):
        return "deontic"
    if _periphrastic_norm(v) or (v.dep_ == "xcomp" and _periphrastic_norm(v.head)):
        return "deontic"  # "he has got to clean this up", "were not to be dismissed", "would do better to keep quiet"
    if lemma(v) == "make" and any(k.dep_ == "dobj" and k.lower_ == "sense" for k in v.children):
        return "deontic"  # "it would make sense for the charity to stop taking donations"
    if lemma(v) == "let" and v.tag_ == "VB" and any(k.lower_ in ("us", "'s", "’s") for k in v.children):
        return "deontic"  # "let us strive on to finish the work": an exhortation
    if lemma(v) == "be" and any(k.dep_ in ("acomp", "attr", "dobj") and k.lemma_.lower() in ctx.lx.norm_predicates and (
            _infinitive(v) or _infinitive(k) or (any(d.lower_ in ("no", "little") for d in k.children) and any(
                p.dep_ == "prep" and (p.lower_ == "for" or any(g.tag_ == "VBG" for g in p.children)) for p in k.children)))
            for k in v.children):
        # ("there is no point in waiting" is a norm; "there is no point of failure" says what there is)
        return "deontic"  # "it is important to know the facts", "it's time to act", "there is little point for…"
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head is not v \
            and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return modality(ctx, v.head)  # "should follow the precedent … and release his returns"
    return None


def _periphrastic_norm(v: Token) -> bool:
    """A verb phrase of obligation or advice with a to-infinitive (Quirk et al. 1985 §3.45-3.49 semi-
    auxiliaries): "has got to" in the present ("he has got to clean this up"), a negated "be to"
    ("concerns were not to be dismissed"), "would do better / well to" ("would do better to keep quiet")."""
    comp = next((c for c in v.children if c.dep_ in ("xcomp", "advcl") and _to_infinitive(c)), None)
    if comp is None:
        return False
    lem = lemma(v)
    if lem == "get" and v.tag_ == "VBN":
        return any(c.dep_ == "aux" and lemma(c) == "have" and c.tag_ in ("VBZ", "VBP") for c in v.children)
    if lem == "be":
        return comp.dep_ == "xcomp" and lemma(comp) != "blame" and any(c.dep_ == "neg" for c in [*v.children, *comp.children])
    return lem == "do" and any(c.lower_ in ("better", "well") and c.dep_ in ("advmod", "acomp") for c in v.children)


def _to_infinitive(t: Token) -> bool:
    """Is ``t`` a bare verb or a passive participle with an infinitival "to" ("to clean", "to be dismissed")?"""
    return t.tag_ in ("VB", "VBN") and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)


def _obligation(v: Token) -> bool:
    """Is "have to" / "need to" a norm here? Only "have to" itself (not "had enough delegates to
    become"), and in the present or under a modal ("has to go", "will need to"): in the past or the
    progressive it reports what happened ("had to reject her parents", "are having to be leaner")."""
    if v.lemma_.lower() == "have" and not (v.i + 1 < len(v.doc) and v.doc[v.i + 1].lower_ == "to"):
        return False
    return v.tag_ in ("VBP", "VBZ") or (v.tag_ == "VB" and any(c.dep_ == "aux" for c in v.children))


def _infinitive(t: Token) -> bool:
    """Has ``t`` a to-infinitive among its children ("important [to know]", "time [to act]")?"""
    return any(c.tag_ == "VB" and c.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "acl")
               and any(a.lower_ == "to" for a in c.children) for c in t.children)


WH = {"why", "whether", "how", "what", "who", "whom", "when", "where", "which", "if"}


def not_checkable(ctx: Ctx, r: Token, doc: Doc, scope: Scope, st: Optional[Statement] = None) -> bool:
    """A norm, a question, an order or a request states nothing checkable. A to-infinitive is
    checkable only as a commitment ("vowed to press on", "agreed to pay"); under any other cue it is
    a request, a refusal, a wish or a decision ("urged them to leave", "did not want to address")."""
    if modality(ctx, r) == "deontic":
        return True
    if r.tag_ == "VB" and r.dep_ != "conj" and not any(c.dep_ in ("aux", "auxpass") for c in r.children) and any(
            c.dep_ == "nsubj" and (c.tag_ in ("NN", "NNP") or c.lower_ in ("he", "she", "it")) for c in r.children):
        return True  # the mandative subjunctive: "insisted that Pyongyang stop its escapades"
    if st is not None and st.cue is not None and _mandative(doc, st, r, scope, ctx.lx):
        return True
    if _stated_wish(ctx, r):
        return True
    if is_question(doc, r, scope):
        return True
    sent = r.sent
    sent_text = doc_text(doc)[sent.start_char:sent.end_char].rstrip(QUOTES + " \n")
    if sent_text.endswith("?"):
        # the question must be the source's: the content opens the sentence or holds the "?"
        # ("Why had he asserted that X?" is the reporter's question about an assertion)
        q_at = sent.start_char + len(sent_text) - 1
        first = min(a for a, _ in scope.spans) if scope.spans else sent.start_char
        if first <= sent.start_char + 1 or any(a <= q_at < b + 2 for a, b in scope.spans):
            return True
    first = next((t for t in r.subtree if t.idx in scope and not t.is_punct), None)
    if first is not None and first.lower_ in WH and first.i < r.i and (first.head.i == r.i or first.head.head.i == r.i) \
            and first.dep_ != "advmod" and not _not_a_question(first, r) \
            or (first is not None and first.lower_ in ("why", "whether", "how") and first.head.i == r.i):
        return True  # an indirect question: "questioned why ...", "asked whether ..."
    if (r.tag_ == "VB" or (r.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in r.children))) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in r.children):  # "to leave", "to be identified"
        cue = cue_lemma_or_none(doc, st, ctx.lx) if st is not None else None
        if cue in ctx.lx.raising_cues or cue in ctx.lx.prediction_cues or (st is not None and passive_cue(doc, st, ctx.lx)):
            return False  # "appeared to dominate the household", "is widely expected to hold a top job", "expect Clinton to win"
        if cue not in ctx.lx.commitment_cues:
            return True  # "asked the candidates to make ...", "did not want to address ..."
        if any(t.idx in scope and t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[sent.start:r.left_edge.i]):
            return True  # "offered the voters to choose": an object, then what it is asked to do
    if r.tag_ == "VB" and not any(c.dep_ in SUBJ or (c.dep_ in ("aux", "auxpass") and not _imperative_do(c))
                                  for c in r.children) and (r.dep_ == "ROOT" or _opens_sentence(r.left_edge)):
        return True  # imperative: "please explain ...", "advice: [Take out federal loans…]", "Do not moan to me"
    return False


BOULETIC = {"want", "hope", "wish"}


def _stated_wish(ctx: Ctx, r: Token) -> bool:
    """A wish as the content's verb, with its subject and what is wished ("she wants to establish a safe
    zone", "he hoped that Lynch would announce one"; the bouletic verbs, Portner 2009): what is hoped for
    states nothing checkable. Not a negated wish ("she did not want US combat troops"), a stated position,
    nor a plan or an attempt ("plans to vote for Sanders", "would seek to establish"), which is put forward."""
    return r.pos_ == "VERB" and lemma(r) in BOULETIC and not is_negated(r, ctx.lx) \
        and any(c.dep_ in SUBJ for c in r.children) and any(c.dep_ in ("xcomp", "ccomp") for c in r.children)


def _imperative_do(aux: Token) -> bool:
    """The "do" of a negative imperative, first in its clause and followed by its negation ("Do not let
    the perfect be the enemy of the good", "Don't moan to me")."""
    return lemma(aux) == "do" and aux.tag_ == "VB" and _opens_sentence(aux) \
        and any(c.dep_ == "neg" for c in aux.head.children)


def bare_gerund(t: Token) -> bool:
    """A gerund with no subject or auxiliary of its own ("standing on the floor", "taking the money")."""
    return t.tag_ == "VBG" and not any(c.dep_ in SUBJ or c.dep_ in ("aux", "auxpass") for c in t.children)


def inside_non_claim(ctx: Ctx, t: Token, doc: Doc, scope: Scope, st: Statement) -> bool:
    """Is the relation verb inside a clause of the content that states nothing checkable: a wish, a
    request or a decision ("expressed a desire [to try, convict and shoot X]", "called for [Obama to
    resign for not calling the attack…]"), or an activity named by a gerund at the top of the content
    ("enjoys [shooting himself in the foot]", "is considering [issuing summonses]")?"""
    a = t
    while a.head.i != a.i and in_scope(a.head, scope):
        a = a.head
        if a.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children) \
                and not_checkable(ctx, a, doc, scope, st):
            return True
    if not bare_gerund(a) or a.dep_ in ("pcomp", "acl"):
        return False
    cue = cue_lemma_or_none(doc, st, ctx.lx)
    return cue not in ctx.lx.judgment_cues and cue not in ctx.lx.gerund_fact_cues  # "admitted [taking it]"


def _opens_sentence(t: Token) -> bool:
    """Is ``t`` the first word of its sentence, or the first after a colon or an opening quote?"""
    k = t.i - 1
    while k >= t.sent.start and t.doc[k].is_punct and t.doc[k].text not in (":", ";"):
        k -= 1
    return k < t.sent.start or t.doc[k].text in (":", ";")


def under_norm(ctx: Ctx, t: Token, scope: Scope) -> bool:
    """Is the clause of ``t`` inside a norm of the content ("Immunity deals should not be a
    requirement for [cooperating with the FBI]")? What a norm mentions is not claimed to happen."""
    for a in list(t.ancestors)[:6]:
        if a.idx not in scope:
            return False
        if a.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and (
                c.pos_ == "PROPN" or c.ent_type_)) for c in a.children):
            return False  # "should focus on [the US criminal acts of providing…]": someone's deed, presupposed
        if a.pos_ in ("VERB", "AUX") and modality(ctx, a) == "deontic":
            return True
    return False


_TERMINATOR = re.compile(r"[.?!]")
QUESTION_OPENERS = {"if", "whether", "why", "how", "where", "who", "what", "which", "when"}


def _mandative(doc: Doc, st: Statement, r: Token, scope: Scope, lx: MeaningLexicon) -> bool:
    """A that-clause in the subjunctive under a directive cue (``directive_cue``): "demanding that [the
    candidates propose a plan]", "recommended that [no charges be filed]": what is asked for, not a claim.
    Any subject, the bare verb or a passive with bare "be"."""
    if cue_lemma_or_none(doc, st, lx) not in lx.directive_cues or r.dep_ not in ("ccomp", "ROOT") or not in_scope(r, scope):
        return False
    if any(c.dep_ == "aux" and (c.lower_ in MODALS or c.tag_ == "MD") for c in r.children):
        return False
    if r.tag_ in ("VB", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in r.children):
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in r.children)
    return r.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in r.children)


def _relative_opener(first: Token) -> bool:
    """A relative pronoun right after a noun or a comma ("the attacks, [which the probe said were covered
    up]"), not an interrogative one after a verb ("asked [which candidate would win]")."""
    if first.lower_ not in ("which", "who", "whom", "whose") or first.i == 0:
        return False
    prev = first.doc[first.i - 1]
    return prev.text == "," or prev.pos_ in ("NOUN", "PROPN")


def _not_a_question(first: Token, r: Token) -> bool:
    """A wh-word or "if" that opens no question: a relative clause about a noun outside the content
    ("[the attacks], [which the probe said were covered up]"), a condition ("if she does the right thing,
    I am confident that…", "if elected, she would…"), a free relative as subject ("what stuns me is how
    little the field shifts")."""
    if first.tag_ in ("WDT", "WP", "WP$") and (r.dep_ == "relcl" or _relative_opener(first)):
        return True
    if first.dep_ == "mark" and first.head.dep_ == "advcl" and first.head.i != r.i:
        return True
    return first.head.dep_ in ("csubj", "csubjpass") and first.head.head.i == r.i


def _first_in_scope(doc: Doc, sent, scope: Scope) -> Optional[Token]:
    """The first token of the sentence inside the content that is not punctuation (the tokens of one
    range of the content are consecutive: found by bisection on their offsets)."""
    tree = doc_tree(doc)
    idx, punct = tree.idx, tree.punct
    best = None
    for a, b in scope.spans:
        j = bisect.bisect_left(idx, a, sent.start, sent.end)
        while j < sent.end and idx[j] < b and (best is None or j < best):
            if not punct[j]:
                best = j
                break
            j += 1
    return doc[best] if best is not None else None


def is_question(doc: Doc, r: Token, scope: Scope) -> bool:
    """Is the clause of ``r`` a question: its sentence inside the content ends with "?" ("“Is
    Bradley independent enough…?”"), or the content is an indirect question whose opener belongs to
    the content's main verb ("wondering if the Clintons will return the money", "where he stands",
    "how poor students are performing") and ``r`` lies inside it."""
    text = doc_text(doc)
    for a, b in scope.spans:
        if a <= r.idx < b:
            m = _TERMINATOR.search(text, r.idx, b)
            if m is not None and m.group() == "?":
                return True
    first = _first_in_scope(doc, r.sent, scope)
    if first is None:
        return False
    if first.lower_ not in QUESTION_OPENERS or not scope.spans or first.idx > min(a for a, _ in scope.spans) + 2:
        return False
    if _relative_opener(first):
        return False  # "the attacks, [which the probe said were covered up]": a relative clause
    root = first.head if (first.head.idx in scope and first.head.pos_ in ("VERB", "AUX")) else None
    if root is None and first.lower_ in ("how", "what", "which") and first.head.head.idx in scope:
        root = first.head.head  # "how poor students are performing"
    if root is None or root.dep_ == "advcl" or root.head.idx in scope:
        return False  # "if people think X, you have a candidate": a condition, not a question
    return r.i == root.i or root.left_edge.i <= r.i <= root.right_edge.i
