"""What a denial cue takes: a claim ("denied it", "rejected the allegation"), or something asked for and
refused ("denied his party the victory", "rejected the request"), which states nothing."""
from __future__ import annotations

from spacy.tokens import Doc, Token

from ...model import Statement
from .cues import cue_token
from .lexicon import MeaningLexicon
from .syntax import Scope, in_scope, lemma
from .types import DEMONSTR, PERSONAL


def refused(doc: Doc, st: Statement, lx: MeaningLexicon, roots: list, scope: Scope) -> bool:
    """Is what the denial cue takes something asked for and refused, not a claim? "deny" with a
    recipient is "refuse to grant" (WordNet deny v.3: "the government denied his party [the victory]",
    "denied [class-action status] to employees"); what is sought or requested ("denied [the change being
    sought]", "to reject [the president's request to close the prison]"; ``rejected_action_noun``). An
    adverbial clause hanging on the cue is not its object ("[…] [until he gave more specifics]")."""
    cue = cue_token(doc, st)
    objs = [r for r in roots if r.dep_ not in ("advcl", "punct") and not r.is_punct]
    if not objs or any((r.pos_ in ("VERB", "AUX") and not _sought(lx, r)) or _named_by_saying(lx, r) for r in objs):
        return False
    nouns = [r for r in objs if r.pos_ in ("NOUN", "PROPN", "VERB")]
    if not nouns or any(r.lemma_.lower() in lx.claim_nouns or r.lemma_.lower() in lx.denied_nouns for r in nouns):
        return False
    if cue is not None and lemma(cue) == "deny" and _has_recipient(cue, scope):
        return True
    return all(_sought(lx, r) or r.lemma_.lower() in lx.rejected_action_nouns for r in nouns)


def _has_recipient(v: Token, scope: Scope) -> bool:
    """A second object or a "to" phrase outside the content: "denied [his party] the victory", "denied
    the status [to employees]"."""
    return any((c.dep_ in ("dative", "dobj", "iobj") or (c.dep_ == "prep" and c.lower_ == "to"
                                                          and any(g.dep_ == "pobj" for g in c.children)))
               and not in_scope(c, scope) for c in v.children)


def _sought(lx: MeaningLexicon, r: Token) -> bool:
    """What is asked for, named by a passive verb of seeking or requesting: "the change being sought",
    "the funds requested" (``desire_cue``, ``directive_cue``)."""
    verbs = [r] if r.pos_ in ("VERB", "AUX") else [c for c in r.children if c.dep_ in ("acl", "relcl")]
    # a participle with no finite auxiliary and no "that" ("denied that the funds were requested" is a claim)
    return any((lemma(v) in lx.desire_cues or lemma(v) in lx.directive_cues) and v.tag_ == "VBN"
               and not any(c.dep_ == "mark" or (c.dep_ in ("aux", "auxpass") and c.lower_ != "being") for c in v.children)
               for v in verbs)


def _named_by_saying(lx: MeaningLexicon, r: Token) -> bool:
    """People named by what they say ("candidates — like Trump — who say the country is in decline"): a
    relative clause of saying with "who" as subject; under a denial cue they stand for what they say."""
    return any(c.dep_ == "relcl" and lemma(c) in lx.framing and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)
               for c in r.subtree)


def claim_like(lx: MeaningLexicon, r: Token) -> bool:
    """Can what a denial cue takes be a claim: a clause, a claim or event noun, a pronoun that is not a
    person ("denied it", "rejected the allegation", "denied the transfer"); not a person ("rejected
    Mr. Bush") nor something acted on ("the Senate rejected the bill")."""
    if r.pos_ in ("VERB", "AUX"):
        return True
    if r.pos_ == "PRON" or r.lower_ in DEMONSTR:
        return r.lower_ not in PERSONAL
    lem = r.lemma_.lower()
    if _named_by_saying(lx, r):
        return True  # people named by what they say: "pushing back against [candidates who say X]"
    if r.pos_ != "NOUN":
        return False
    if lem in lx.claim_nouns or lem in lx.noun_rules or lem in lx.denied_nouns:
        return True
    return not (r.ent_type_ or lem in lx.type_heads or lem in lx.rejected_action_nouns)
