"""Helpers for the tests of the claim and stance steps: a parsed doc whose statements are given by real sentences' spans.

The attribution step is not run: each statement is built from (source, cue, content) strings found
in the text, so that the claim and stance components are tested on their own.
"""
from __future__ import annotations

from functools import lru_cache
from typing import Optional

from counterclaim.model import Actor, Article, Cue, Source, Span, Statement

CLAIM_STEPS = ("cc_timex", "cc_quantities", "cc_framing", "cc_propositions", "cc_stance")


@lru_cache(maxsize=1)
def claim_steps_nlp():
    """The pinned model with only the claim and stance components (loaded once per test run)."""
    import spacy
    from counterclaim.nlp.pipeline import MODEL, add_components

    return add_components(spacy.load(MODEL), CLAIM_STEPS)


def span(text: str, part: str, after: int = 0) -> Span:
    i = text.index(part, after)
    return Span(i, i + len(part), part)


def parse(_nlp, text: str, published: Optional[str] = None, statements=(), entities=None, run=CLAIM_STEPS):
    """Parse ``text`` with the model's own components, attach statements, run the claim and stance components.

    ``statements``: tuples (source, cue, content[, kind]) of substrings of ``text`` (searched left to
    right); ``entities``: {source text: Actor} for the speaker of a statement.
    """
    nlp = claim_steps_nlp()
    doc = nlp.make_doc(text)
    doc._.article = Article(text=text, published=published)
    for name, proc in nlp.pipeline:
        if not name.startswith("cc_"):
            doc = proc(doc)
    sts = []
    pos = 0
    for k, t in enumerate(statements, 1):
        src, cue, content = t[:3]
        kind = t[3] if len(t) > 3 else "indirect"
        s_src = span(text, src, pos) if src else None
        c = span(text, cue, s_src.end if s_src and text.find(cue, s_src.end) >= 0 else pos)
        body = span(text, content, min(c.start, s_src.start if s_src else c.start))
        pos = min(x.start for x in (s_src, c, body) if x is not None) + 1
        ent = (entities or {}).get(src) if src else None
        sts.append(Statement(id=f"S{k}", content=[body], source=Source(s_src, ent) if s_src else None,
                             cue=Cue(c, lemma=""), kind=kind))
    doc._.statements = sts
    for name in run:
        doc = nlp.get_pipe(name)(doc)
    return doc


def actor(id: str, name: str, type: str = "government", country: Optional[str] = None) -> Actor:
    return Actor(id=id, name=name, type=type, country=country or (id if type == "government" else None))


def labels(doc) -> list[list[str]]:
    """Each statement's stance labels, sorted ([] for a statement with no stance)."""
    return [sorted({s.stance for s in st.stances}) for st in doc._.statements]
