"""Helpers for the unit tests of nlp/claims: a doc parsed by the model alone, with statements given by
(source, cue, content) substrings, and the claims extraction finds in one statement."""
from __future__ import annotations

from claim_steps_kit import parse

from counterclaim.nlp.claims.extraction import extract_claims
from counterclaim.nlp.claims.lexicon import lexicon
from counterclaim.nlp.claims.participants import doc_mentions, index_mentions
from counterclaim.nlp.claims.types import Claim, Ctx


def parsed(text: str, statements=()):
    """The doc parsed by the pinned model, statements attached, none of Counterclaim's components run."""
    return parse(None, text, None, statements, run=())


def token(doc, word: str, nth: int = 0):
    """The ``nth`` token whose text is ``word``."""
    return [t for t in doc if t.text == word][nth]


def context(doc) -> Ctx:
    ctx = Ctx(doc=doc, lx=lexicon())
    ctx.mentions = doc_mentions(doc)
    index_mentions(ctx)
    return ctx


def claims(text: str, source: str, cue: str, content: str) -> list[Claim]:
    """The claims extraction finds in the one statement (source, cue, content) of ``text``."""
    doc = parsed(text, [(source, cue, content)])
    (st,) = doc._.statements
    return extract_claims(context(doc), st, {st.id: st})
