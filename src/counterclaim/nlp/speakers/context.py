"""What speaker resolution keeps about one doc: sentence starts, quotations, statement contents,
entities, full names by surname and first name, the people seen and the speakers remembered."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Span as TokSpan

from ...model import Actor, Statement
from ..actors import lookup
from ..doctext import doc_text
from .lexicon import Lexicon
from .mentions import POSS_RE, join_tokens, name_tokens

PERSON_TYPES = {"person"}
_QUOTE_RE = re.compile(r"[\"\u201c\u201d\n]")


@dataclass
class Ref:
    """A resolved mention that later pronouns and role nouns may point back to."""
    actor: Actor
    start: int
    end: int
    gender: Optional[str] = None
    plural: bool = False
    heads: frozenset = frozenset()
    speaker: bool = False
    subject: bool = False

    @property
    def person(self) -> bool:
        return self.actor.type in PERSON_TYPES and not self.plural


@dataclass
class Person:
    actor: Actor
    gender: Optional[str]


@dataclass
class Ctx:
    doc: Doc
    sent_starts: list[int]
    quotes: list[tuple[int, int]]
    lex: Lexicon
    contents: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, statement index)
    ent_starts: list[int] = field(default_factory=list)
    ents: list[TokSpan] = field(default_factory=list)
    names: dict[str, list[tuple[int, str, TokSpan]]] = field(default_factory=dict)  # surname/first -> full names
    people: dict[str, Person] = field(default_factory=dict)
    history: list[Ref] = field(default_factory=list)

    def sent_index(self, char: int) -> int:
        return max(0, bisect.bisect_right(self.sent_starts, char) - 1)

    def window_start(self, char: int, n_sents: int) -> int:
        return self.sent_starts[max(0, self.sent_index(char) - n_sents + 1)]

    def in_quote(self, char: int) -> bool:
        i = bisect.bisect_right(self.quotes, (char, 10**12)) - 1
        return i >= 0 and self.quotes[i][0] <= char < self.quotes[i][1]

    def enclosing(self, start: int, end: int) -> set[int]:
        return {k for s, e, k in self.contents if s <= start and end <= e}

    def ents_in(self, start: int, end: int) -> list[TokSpan]:
        """The entities within [start, end)."""
        i = bisect.bisect_left(self.ent_starts, start)
        out = []
        while i < len(self.ents) and self.ents[i].start_char < end:
            if self.ents[i].end_char <= end:
                out.append(self.ents[i])
            i += 1
        return out


def quote_regions(text: str) -> list[tuple[int, int]]:
    """Spans between double quotes (straight or curly), closed at a line break when unbalanced."""
    out, open_at = [], None
    for m in _QUOTE_RE.finditer(text):
        ch = m.group()
        if open_at is None:
            if ch in "\"\u201c":
                open_at = m.start()
        elif ch in "\"\u201d\n":
            out.append((open_at, m.end()))
            open_at = None
        elif ch == "\u201c":  # a new opening quote: the previous one was never closed
            out.append((open_at, m.start()))
            open_at = m.start()
    if open_at is not None:
        out.append((open_at, len(text)))
    return out


def build_context(doc: Doc, statements: list[Statement], lex: Lexicon) -> Ctx:
    sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    if not sent_starts or sent_starts[0] != 0:
        sent_starts = [0] + sent_starts
    ctx = Ctx(doc=doc, sent_starts=sent_starts, quotes=quote_regions(doc_text(doc)), lex=lex)
    for k, st in enumerate(statements):
        for c in st.content:
            ctx.contents.append((c.start, c.end, k))
    ctx.ents = list(doc.ents)
    ctx.ent_starts = [e.start_char for e in ctx.ents]
    for e in ctx.ents:
        if e.label_ != "PERSON":
            continue
        toks = name_tokens(e, lex)
        if len(toks) < 2:
            continue
        full = POSS_RE.sub("", join_tokens(toks))
        known = lookup(full)
        if known is not None and known.type == "person":
            full = known.name
        elif known is None:
            lead = lookup(toks[0].text)
            if lead is not None and lead.type == "person" and toks[0].lower_ not in lex.given:
                continue  # "Trump Plaza", "Trump Tower": a place named after a person, not a person
        parts = full.split()
        for key in {parts[-1].lower(), parts[0].lower()}:
            ctx.names.setdefault(key, []).append((e.start_char, full, e))
    return ctx
