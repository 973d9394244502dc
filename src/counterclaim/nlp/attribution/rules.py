"""The attribution rules with their lexicons, built once per pipeline.

Each rule yields ``Cand`` records in doc-local character offsets:

- verb cues       "X said (that) C", "C, X said", "X told Y C", "He added: “C”" (``verb_rules``)
- no-comment      "X declined to comment" (``nocomment_rules``)
- marker cues     "according to X, C", "in the words of X, C" (``marker_rules``)
- nominal cues    "X's claim that C", "US accusations that C" (``noun_rules``)
- speaker turns   "WALLACE: C", headlines "Pence: C" (cue ":", ``turn_rules``)
- the outlet's own verdicts "The photo is fake.", "There is no evidence that P." (``outlet_rules``;
                  proposed once the other statements are known)
- headlines       "Kremlin admits sending troops", and tags parsed as nouns "The company, TMZ
                  reports, has filed" (``headline_rules``)

Quotation handling (extending contents over whole quotes, quotes continuing an earlier speaker) is
done afterwards by ``assembly``.
"""
from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Doc

from .lexicon import Lexicon
from .headline_rules import appos_tag_cands, headline_cands, verdict_tag_cands
from .marker_rules import marker_cands
from .nocomment_rules import nocomment_cands
from .noun_rules import noun_cands
from .outlet_rules import Verdicts, outlet_cands
from .quotes import QuoteIndex
from .syntax import Cand, DocView, Range
from .turn_rules import colon_cands
from .verb_rules import verb_cands


class Rules:
    """The rules with their lexicons. ``open_verbs``: every verb with a subject and a complement,
    and every noun with a clause, is a candidate (the cue model decides), not only lexicon cues."""

    def __init__(self, lex: Lexicon, colon_labels: set[str], open_verbs: bool = False,
                 verdicts: Optional[Verdicts] = None):
        self.lex = lex
        self.verdicts = verdicts
        self.open = open_verbs
        self.colon_labels = colon_labels
        # a verdict label ("False:", "Fact check:") heads the outlet's own words, never a speaker's turn
        self.turn_labels = colon_labels | (verdicts.labels if verdicts is not None else frozenset())
        self.marker_first = {}
        for words, w in lex.markers.items():
            self.marker_first.setdefault(words[0], []).append((words, w))

    def view(self, doc: Doc, text: Optional[str] = None) -> DocView:
        return DocView(doc, self.lex, self.marker_first, text, self.open)

    def verb_cands(self, view: DocView, qi: QuoteIndex, paras: list[Range]) -> Iterator[Cand]:
        return verb_cands(self.lex, self.open, view, qi, paras)

    def nocomment_cands(self, view: DocView, qi: QuoteIndex) -> Iterator[Cand]:
        return nocomment_cands(self.lex, view, qi)

    def marker_cands(self, view: DocView, cue_heads: set[int], qi: QuoteIndex) -> Iterator[Cand]:
        return marker_cands(self.marker_first, view, cue_heads, qi)

    def noun_cands(self, view: DocView, qi: QuoteIndex) -> Iterator[Cand]:
        return noun_cands(self.lex, self.open, view, qi)

    def headline_cands(self, view: DocView, paras: list[Range]) -> Iterator[Cand]:
        yield from headline_cands(self.lex, view, paras)
        yield from appos_tag_cands(self.lex, view)
        if self.verdicts is not None:
            yield from verdict_tag_cands(self.lex, self.verdicts, view, paras)

    def outlet_cands(self, view: DocView, qi: QuoteIndex, contents: list[Range], cues: list[Range]) -> Iterator[Cand]:
        if self.verdicts is None:
            return iter(())
        return outlet_cands(self.verdicts, view, qi, contents, cues)

    def colon_cands(self, view: DocView, paras: list[Range]) -> list[Cand]:
        return colon_cands(self.turn_labels, view, paras)
