"""Speaker resolution: fill ``statement.source.entity`` for every statement of a doc.

Registered spaCy component ``cc_speakers`` (after ``cc_attribution``). For each statement, in text
order, the source span is resolved to an :class:`Actor`:

- a named person (PERSON entity, or a bare surname/first name of a person named earlier in the
  article, or a person in the gazetteer) → ``person:<slug>`` with role/country/org taken from the
  premodifiers and appositions of the first full mention;
- a capital, state, institution, IGO, agency or group in the gazetteer → that canonical actor
  (``Pyongyang`` → North Korea's government; ``the Pentagon`` → US Department of Defense);
- an unnamed person named by office ("A spokesman for the North Korean foreign ministry") → a
  role actor ``role:prk:foreign-ministry-spokesman``;
- a pronoun ("He added") or a definite role/institution noun ("the spokesman", "the ministry") →
  the most recent agreeing speaker or subject mention in a bounded window;
- conjoined sources ("The White House and the US envoy to the UN") → the shared government when
  the conjuncts share one country, else a group actor;
- a statement without a source that continues another (``source_ref``) → that statement's entity.

The component reads the parse the model already made (no re-parsing) and looks back over a bounded
window of sentences and a bounded history of speakers, so its cost is linear in the doc.
"""
from __future__ import annotations

import bisect
import logging
import re
from dataclasses import dataclass, field, replace
from functools import lru_cache
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc, Span as TokSpan, Token

from ..model import Actor, Statement
from .actors import is_state, load_gazetteer, lookup, person_id, scan, slug
from ..lexicons import tsv_rows
from .doctext import doc_text

log = logging.getLogger(__name__)

WINDOW_SENTS = 3       # sentences looked back over for a pronoun's antecedent (this one + 2 before)
ROLE_WINDOW_SENTS = 8  # sentences looked back over for "the spokesman" / "the ministry"
MAX_HISTORY = 64       # speakers remembered
MAX_ROLE_TOKENS = 14   # longest premodifier / apposition taken as a role

PERSON_TYPES = {"person"}
_WORD_RE = re.compile(r"[A-Za-z][A-Za-z\-]*")
_POSS_RE = re.compile(r"(?:['\u2019]s|['\u2019])$")
_QUOTE_RE = re.compile(r"[\"\u201c\u201d\n]")
_PARTY_RE = {"Democratic": re.compile(r"\bDemocrat(?:ic|s)?\b"), "Republican": re.compile(r"\b(?:Republican|GOP)s?\b")}
_LEAD_POSS_RE = re.compile(r"^(?:['\u2019]s?\s*)+")
_DETS = {"the", "a", "an", "this", "that", "these", "those", "another", "one", "some", "its", "their", "his", "her"}


# --------------------------------------------------------------------------- lexicon

@dataclass(frozen=True)
class Lexicon:
    kinds: dict[str, dict[str, tuple[Optional[str], Optional[str]]]]  # word -> kind -> (gender, number)
    given: dict[str, str]                                              # given name -> m|f

    def kind(self, word: str, kind: str) -> bool:
        return kind in self.kinds.get(word.lower(), {})

    def gender(self, word: str, kind: str) -> Optional[str]:
        v = self.kinds.get(word.lower(), {}).get(kind)
        return v[0] if v else None

    def number(self, word: str, kind: str) -> Optional[str]:
        v = self.kinds.get(word.lower(), {}).get(kind)
        return v[1] if v else None


@lru_cache(maxsize=1)
def lexicon() -> Lexicon:
    kinds: dict[str, dict] = {}
    for r in tsv_rows("speaker_words.tsv"):
        g = r.get("gender", "-")
        n = r.get("number", "-")
        kinds.setdefault(r["word"].lower(), {})[r["kind"]] = (None if g == "-" else g, None if n == "-" else n)
    given = {r["name"].lower(): r["gender"] for r in tsv_rows("given_names.tsv")}
    return Lexicon(kinds, given)


# --------------------------------------------------------------------------- records

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
class _Person:
    actor: Actor
    gender: Optional[str]


@dataclass
class _Ctx:
    doc: Doc
    sent_starts: list[int]
    quotes: list[tuple[int, int]]
    contents: list[tuple[int, int, int]] = field(default_factory=list)  # (start, end, statement index)
    ent_starts: list[int] = field(default_factory=list)
    ents: list[TokSpan] = field(default_factory=list)
    names: dict[str, list[tuple[int, str, TokSpan]]] = field(default_factory=dict)  # surname/first -> full names
    people: dict[str, _Person] = field(default_factory=dict)
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


def _quote_regions(text: str) -> list[tuple[int, int]]:
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


# --------------------------------------------------------------------------- the component

@Language.component("cc_speakers")
def cc_speakers(doc: Doc) -> Doc:
    statements = doc._.statements
    if statements:
        resolve_speakers(doc, statements)
    return doc


def resolve_speakers(doc: Doc, statements: list[Statement]) -> None:
    """Fill ``source.entity`` of each statement (in place)."""
    ctx = _context(doc, statements)
    order = sorted(range(len(statements)), key=lambda k: _anchor(statements[k]))
    for k in order:
        st = statements[k]
        if st.source is None:
            continue
        try:
            ref = _resolve_statement(ctx, st, k)
        except Exception:  # one bad statement must not sink the article
            log.exception("speaker resolution failed for %r", st.source.span.text)
            continue
        if ref is None:
            continue
        if st.source.entity is None:
            st.source.entity = ref.actor
        if _glued_after_content(ctx, st):
            continue  # not a speaker later pronouns continue (see _glued_after_content)
        ref.speaker = True
        ctx.history.append(ref)
        if len(ctx.history) > MAX_HISTORY:
            del ctx.history[0]
    by_id = {s.id: s for s in statements}
    for st in statements:  # continuing quotes take their referenced statement's speaker
        if st.source_ref and (st.source is None or st.source.entity is None):
            seen = set()
            ref = by_id.get(st.source_ref)
            while ref is not None and ref.id not in seen and (ref.source is None or ref.source.entity is None):
                seen.add(ref.id)
                ref = by_id.get(ref.source_ref) if ref.source_ref else None
            if ref is not None and ref.source and ref.source.entity and st.source is not None:
                st.source.entity = replace(ref.source.entity)


def _glued_after_content(ctx: _Ctx, st: Statement) -> bool:
    """Does the source follow its content with nothing but a space between ("He would like to see the
    platform represent some of the progressive ideas Sanders championed")? A reporting clause after
    what it reports is set off by a comma, a quote mark or a dash ("…, Sanders said"); glued on, the
    "source" is the subject of a relative clause, and the sentence is still about someone else."""
    src = st.source.span
    ends = [c.end for c in st.content if c.end <= src.start]
    if not ends:
        return False
    text = doc_text(ctx.doc)
    end = max(ends)
    gap = text[end:src.start]
    return gap.strip() == "" and len(gap) <= 2 and end > 0 and text[end - 1].isalnum()


def _anchor(st: Statement) -> int:
    if st.source is not None:
        return st.source.span.start
    return st.start


def _context(doc: Doc, statements: list[Statement]) -> _Ctx:
    sent_starts = [s.start_char for s in doc.sents] if doc.has_annotation("SENT_START") else [0]
    if not sent_starts or sent_starts[0] != 0:
        sent_starts = [0] + sent_starts
    ctx = _Ctx(doc=doc, sent_starts=sent_starts, quotes=_quote_regions(doc_text(doc)))
    for k, st in enumerate(statements):
        for c in st.content:
            ctx.contents.append((c.start, c.end, k))
    ctx.ents = list(doc.ents)
    ctx.ent_starts = [e.start_char for e in ctx.ents]
    lex = lexicon()
    g = load_gazetteer()
    for e in ctx.ents:
        if e.label_ != "PERSON":
            continue
        toks = _name_tokens(e, lex)
        if len(toks) < 2:
            continue
        full = _POSS_RE.sub("", _join(toks))
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


# --------------------------------------------------------------------------- resolution

def _resolve_statement(ctx: _Ctx, st: Statement, k: int) -> Optional[Ref]:
    src = st.source.span
    doc = ctx.doc
    span = doc.char_span(src.start, src.end, alignment_mode="expand")
    if span is None or len(span) == 0:
        return None
    span = _trim(span)
    if len(span) == 0:
        return None
    if st.source.entity is not None:  # set upstream (e.g. a transcript turn): keep it, remember it
        a = st.source.entity
        return Ref(a, span.start_char, span.end_char, plural=False, heads=_heads(a), speaker=True)
    return _resolve_span(ctx, span, allow_pronoun=True)


def _trim(span: TokSpan) -> TokSpan:
    """Drop surrounding punctuation and quotes and a trailing possessive marker."""
    s, e = span.start, span.end
    doc = span.doc
    while s < e and (doc[s].is_punct or doc[s].is_space):
        s += 1
    while e > s and (doc[e - 1].is_punct or doc[e - 1].is_space or doc[e - 1].tag_ == "POS"
                     or doc[e - 1].lower_ in ("'s", "\u2019s")):
        e -= 1
    return doc[s:e]


def _resolve_span(ctx: _Ctx, span: TokSpan, allow_pronoun: bool) -> Optional[Ref]:
    lex = lexicon()
    text = span.text
    low = text.lower()
    # 1. pronouns
    if len(span) <= 2 and lex.kind(span[0].lower_, "pronoun") and (len(span) == 1 or span[1].lower_ in ("himself", "herself", "themselves", "itself", "all", "both")):
        return _resolve_pronoun(ctx, span) if allow_pronoun else None
    # 2. relative pronouns ("officials, who said ..."): the noun the relative clause modifies
    if len(span) == 1 and span[0].tag_ in ("WP", "WDT") and span[0].lower_ in ("who", "which", "that"):
        verb = span[0].head
        noun = verb.head if verb.dep_ in ("relcl", "acl") else None
        if noun is None or noun.i >= span.start or noun.pos_ not in ("NOUN", "PROPN"):
            return None
        np = doc_np(noun)
        return _resolve_span(ctx, np, allow_pronoun=False) if np is not None else None
    # 2a. "many of whom", "some of which": the noun phrase the partitive's relative clause is about
    # ("family members of 9/11 victims, many of whom say…": the family members)
    if 3 <= len(span) <= 4 and span[-1].lower_ in ("whom", "which") and span[-2].lower_ == "of":
        k = span.start - 1
        doc = span.doc
        while k >= 0 and doc[k].is_punct:
            k -= 1
        noun = doc[k] if k >= 0 and doc[k].pos_ in ("NOUN", "PROPN") else None
        while noun is not None and noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.pos_ in ("NOUN", "PROPN"):
            noun = noun.head.head  # "members of [victims]": the members
        np = doc_np(noun) if noun is not None else None
        return _resolve_span(ctx, np, allow_pronoun=False) if np is not None else None
    # 2b. a demonstrative is never a speaker: "Ivana Trump said that was not her view and dismissed those
    # reports" parsed with "that" as the subject of "dismissed"; the speaker is the subject of the
    # verb the clause hangs on
    if len(span) == 1 and span[0].lower_ in ("that", "this") and span[0].tag_ == "DT":
        verb = span[0].head
        while verb.dep_ == "conj" and verb.head is not verb:
            verb = verb.head
        if verb.dep_ != "ccomp":
            return None
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
        np = doc_np(subj) if subj is not None else None
        return _resolve_span(ctx, np, allow_pronoun) if np is not None else None
    # 3. conjoined sources
    parts = _conjuncts(span)
    if len(parts) > 1:
        refs = [r for r in (_resolve_span(ctx, p, allow_pronoun) for p in parts) if r is not None]
        if refs:
            return _combine(refs, span)
    # 4. a bare name of a person named earlier ("Kirby", "Hillary")
    if len(span) == 1 and span[0].pos_ in ("PROPN", "NOUN", "ADJ") and span[0].text[:1].isupper():
        full = _earlier_full_name(ctx, span[0].text, span.start_char)
        if full is not None:
            return _person_ref(ctx, full[1], full[2], span)
    # 5. the gazetteer: states, capitals, institutions, agencies, groups, famous people
    a = lookup(text)
    if a is not None:
        if a.type == "person":
            return _person_ref(ctx, a.name, None, span)
        if lex.kind(span.root.lower_, "group") or lex.kind(span.root.lower_, "role"):
            a.role = _without_states(_strip_det(text)) or None  # "US officials": the government, role "officials"
        return _group_ref(a, span, subject=_is_subject(span.root))
    root = span.root
    # 6. named people (not a role noun a name only modifies: "A Clinton ally", "Cruz's allies"; but
    # "His campaign manager, Jeff Weaver" is Weaver)
    pent = _person_ent(ctx, span)
    if pent is not None and not (root.pos_ == "NOUN" and (lex.kind(root.lower_, "role") or lex.kind(root.lower_, "group"))
                                 and pent.root.head.i == root.i and pent.root.dep_ in ("compound", "poss", "nmod")):
        return _person_ref(ctx, None, pent, span)
    # 7. people and institutions named by office or kind
    rword = root.lower_
    if lex.kind(rword, "role") or lex.kind(rword, "group") or lex.kind(rword, "title"):
        return _role_ref(ctx, span, root)
    if lex.kind(rword, "institution") or lex.kind(rword, "document"):
        r = _institution_ref(ctx, span, root)
        if r is not None:
            return r
    # 8. entities inside the span
    for e in _ents_in(ctx, span.start_char, span.end_char):
        if e.label_ in ("GPE", "ORG", "NORP", "FAC", "LOC"):
            a = lookup(e.text)
            if a is not None and a.type != "person":
                return _group_ref(a, span, subject=_is_subject(root))
    hits = scan(text)
    if hits:
        a = hits[0][2]
        if a.type == "person":
            return _person_ref(ctx, a.name, None, span)
        return _group_ref(a, span, subject=_is_subject(root))
    for e in _ents_in(ctx, span.start_char, span.end_char):
        if e.label_ == "ORG":
            name = _strip_det(e.text)
            return _group_ref(Actor(id="org:" + slug(name), name=name, type="organization"), span,
                              subject=_is_subject(root))
    if root.pos_ == "PROPN" and root.text[:1].isupper():
        name = _strip_det(text)
        return _person_ref(ctx, name, None, span) if _looks_like_name(span) else _group_ref(
            Actor(id="org:" + slug(name), name=name, type="organization"), span, subject=_is_subject(root))
    name = _strip_det(text)
    if not name:
        return None
    return Ref(Actor(id="mention:" + slug(name), name=name, type="unknown"), span.start_char, span.end_char,
               plural=root.tag_ in ("NNS", "NNPS"), heads=frozenset({rword}), subject=_is_subject(root))


def doc_np(noun: Token) -> Optional[TokSpan]:
    """The noun phrase headed by ``noun`` up to the noun itself plus its prepositional complements,
    without relative clauses or appositions."""
    doc = noun.doc
    start = noun.left_edge.i
    end = noun.i + 1
    for c in noun.rights:
        if c.dep_ in ("prep", "compound") and c.right_edge.i + 1 - start <= MAX_ROLE_TOKENS:
            end = c.right_edge.i + 1
        else:
            break
    span = _trim(doc[start:end])
    return span if len(span) else None


def _looks_like_name(span: TokSpan) -> bool:
    toks = [t for t in span if not t.is_punct]
    return 1 <= len(toks) <= 4 and all(t.text[:1].isupper() for t in toks) and \
        any(t.lower_ in lexicon().given for t in toks[:1])


def _strip_det(text: str) -> str:
    words = text.split()
    while words and words[0].lower() in _DETS:
        words = words[1:]
    return _POSS_RE.sub("", " ".join(words)).strip(" ,;:")


def _is_subject(tok: Token) -> bool:
    """Subject of a main clause (the sentence's root verb or a verb conjoined to it, or a reporting
    clause): the mentions a following pronoun most likely continues."""
    if tok.dep_ == "conj" and tok.head.dep_ in ("nsubj", "nsubjpass"):
        tok = tok.head
    if tok.dep_ not in ("nsubj", "nsubjpass", "csubj"):
        return False
    verb = tok.head
    while verb.dep_ == "conj" and verb.head.i != verb.i:
        verb = verb.head
    return verb.dep_ in ("ROOT", "ccomp", "parataxis") or verb.head.i == verb.i


def _any_subject(doc: Doc, char: int) -> bool:
    """Whether the mention at ``char`` is the subject of any clause (used within the pronoun's sentence)."""
    span = doc.char_span(char, char + 1, alignment_mode="expand")
    if span is None:
        return False
    tok = span[0]
    while tok.dep_ == "compound" and tok.head.i != tok.i:
        tok = tok.head
    return tok.dep_ in ("nsubj", "nsubjpass")


def _ents_in(ctx: _Ctx, start: int, end: int) -> list[TokSpan]:
    i = bisect.bisect_left(ctx.ent_starts, start)
    out = []
    while i < len(ctx.ents) and ctx.ents[i].start_char < end:
        if ctx.ents[i].end_char <= end:
            out.append(ctx.ents[i])
        i += 1
    return out


def _person_ent(ctx: _Ctx, span: TokSpan) -> Optional[TokSpan]:
    """The PERSON entity that names the source: the one holding the span's root, else the last one."""
    ents = [e for e in _ents_in(ctx, span.start_char, span.end_char) if e.label_ == "PERSON"]
    if not ents:
        return None
    for e in ents:
        if e.start <= span.root.i < e.end:
            return e
    poss = [c for c in span.root.children if c.dep_ == "poss"]
    for e in ents:  # "Mr. Clinton's remark in 2008 describing Mr. Obama's statement": Mr. Clinton's
        if any(e.start <= c.i < e.end for c in poss):
            return e
    return ents[-1]


# --------------------------------------------------------------------------- people

_DASHES = {"-", "–", "—", "--"}


def _name_tokens(ent: TokSpan, lex: Lexicon) -> list[Token]:
    toks = [t for t in ent if not (t.tag_ == "POS" or t.lower_ in ("'s", "\u2019s"))]
    # a dash between spaces parts two things the tagger ran together ("Weak - Rubio - weak on
    # immigration" tagged PERSON "Weak - Rubio"); a hyphen inside a name has no spaces ("Thomas-Greenfield")
    cuts = [i for i, t in enumerate(toks) if t.text in _DASHES and t.whitespace_ and i > 0 and toks[i - 1].whitespace_]
    if cuts:
        pieces, lo = [], 0
        for i in cuts + [len(toks)]:
            pieces.append(toks[lo:i])
            lo = i + 1
        names = [p for p in pieces if p and all(t.pos_ == "PROPN" for t in p if t.is_alpha)]
        toks = names[-1] if names else []
    while toks and (lex.kind(toks[0].lower_, "title") or toks[0].lower_ in _DETS or toks[0].is_punct):
        toks = toks[1:]
    while toks and toks[-1].is_punct:
        toks = toks[:-1]
    return toks


def _title_gender(ent: TokSpan) -> Optional[str]:
    """Gender given by a title in or right before a name ("Mrs. Clinton", "Mr. Podesta")."""
    lex = lexicon()
    toks = list(ent)
    if ent.start > 0:
        toks.insert(0, ent.doc[ent.start - 1])
    for t in toks:
        g = lex.gender(t.lower_, "title")
        if g:
            return g
    return None


def _earlier_full_name(ctx: _Ctx, word: str, pos: int, gender: Optional[str] = None
                       ) -> Optional[tuple[int, str, TokSpan]]:
    """The most recent full name before ``pos`` whose surname or first name is ``word`` (else the first
    after); with a gender ("Mrs. Clinton"), names whose given name has the other gender are passed over."""
    cands = ctx.names.get(_POSS_RE.sub("", word).lower())
    if cands and gender:
        given = lexicon().given
        cands = [c for c in cands if given.get(c[1].split()[0].lower(), gender) == gender]
    if not cands:
        return None
    before = [c for c in cands if c[0] < pos]
    if before:
        return before[-1]
    return cands[0]


def _longer_full_name(ctx: _Ctx, name: str, pos: int) -> Optional[tuple[int, str, TokSpan]]:
    """An earlier full name that ends with this name of two words or more and is longer ("Peña Nieto"
    after "Enrique Peña Nieto", "Thomas-Greenfield" names aside): the same person, by a double surname."""
    words = name.split()
    if len(words) < 2:
        return None
    cands = [c for c in ctx.names.get(words[-1].lower(), []) if c[0] < pos]
    for c in reversed(cands):
        full = c[1].split()
        if len(full) > len(words) and full[-len(words):] == words:
            return c
    return None


def _person_ref(ctx: _Ctx, name: Optional[str], ent: Optional[TokSpan], span: TokSpan) -> Ref:
    lex = lexicon()
    if name is None:
        toks = _name_tokens(ent, lex)
        name = _POSS_RE.sub("", _join(toks)) or _strip_det(ent.text)
        if len(toks) == 1:
            tgender = _title_gender(ent)
            full = _earlier_full_name(ctx, toks[0].text, ent.start_char, tgender)
            if full is not None:
                name, ent = full[1], full[2]
            else:
                known = lookup(name)
                if known is not None and known.type == "person" and \
                        lex.given.get(known.name.split()[0].lower(), tgender) == tgender:
                    name = known.name
        else:
            known = lookup(name)
            if known is not None and known.type == "person":
                name = known.name
            else:
                longer = _longer_full_name(ctx, name, ent.start_char)
                if longer is not None:  # "Peña Nieto" after "Enrique Peña Nieto": a double surname
                    name, ent = longer[1], longer[2]
    else:
        known = lookup(name)
        if known is not None and known.type == "person":
            name = known.name
        if " " not in name:
            full = _earlier_full_name(ctx, name, span.start_char)
            if full is not None:
                name, ent = full[1], full[2]
    pid = person_id(name)
    p = ctx.people.get(pid)
    if p is None:
        p = _new_person(ctx, pid, name, ent, span)
        ctx.people[pid] = p
    elif p.actor.role is None:  # a later mention may carry the role the first one lacked
        role, country, org, party, gender = _role_context(ctx, ent if ent is not None else span)
        if role:
            p.actor.role, p.actor.country = role, p.actor.country or country
            p.actor.org, p.actor.party = p.actor.org or org, p.actor.party or party
            p.gender = p.gender or gender
    return Ref(replace(p.actor), span.start_char, span.end_char, gender=p.gender, plural=False,
               heads=_heads(p.actor), subject=_is_subject(span.root))


def _new_person(ctx: _Ctx, pid: str, name: str, ent: Optional[TokSpan], span: TokSpan) -> _Person:
    lex = lexicon()
    where = ent if ent is not None else span
    role, country, org, party, gender = _role_context(ctx, where)
    known = lookup(name)
    if known is not None and known.type == "person":
        country = country or known.country
    first = name.split()[0].lower() if name else ""
    gender = gender or lex.given.get(first)
    actor = Actor(id=pid, name=name, type="person", country=country, role=role, org=org, party=party)
    return _Person(actor, gender)


def _role_context(ctx: _Ctx, name_span: TokSpan):
    """Role, country, org, party and gender of a person from the words around a mention of the name:
    premodifiers ("the White House National Security Council spokesman John Kirby"), apposition
    ("Linda Thomas-Greenfield, the US ambassador to the UN") or the noun the name is in apposition to."""
    lex = lexicon()
    doc = ctx.doc
    head = name_span.root
    gender = None
    role_tokens: list[Token] = []
    # titles inside the entity ("President Joe Biden" tagged as one PERSON)
    inner = [t for t in name_span if lex.kind(t.lower_, "title")]
    for t in inner:
        gender = gender or lex.gender(t.lower_, "title")
    # premodifiers
    lefts = [t for t in head.lefts if t.i < name_span.start]
    if lefts:
        lo = min(t.left_edge.i for t in lefts)
        toks = [t for t in doc[lo:name_span.start]]
        toks = _clean_role(toks)
        if toks and len(toks) <= MAX_ROLE_TOKENS:
            role_tokens = toks
    if not role_tokens and inner and len(inner) < len(name_span):
        role_tokens = inner
    # apposition after the name
    if not role_tokens:
        for c in head.rights:
            if c.dep_ == "appos":
                sub = list(doc[c.left_edge.i:c.right_edge.i + 1])
                cut = next((j for j, t in enumerate(sub) if t.text in (",", ";", "(", ")") or t.lower_ in ("who", "which", "that")), len(sub))
                toks = _clean_role(sub[:cut])
                if toks and len(toks) <= MAX_ROLE_TOKENS:
                    role_tokens = toks
                break
    # the name in apposition to a role noun ("the spokesman, John Kirby,")
    if not role_tokens and head.dep_ == "appos" and head.head.i < name_span.start:
        h = head.head
        toks = _clean_role(list(doc[h.left_edge.i:h.i + 1]))
        if toks and len(toks) <= MAX_ROLE_TOKENS and any(lex.kind(t.lower_, "role") or lex.kind(t.lower_, "title") for t in toks):
            role_tokens = toks
    role = _join(role_tokens) or None
    country = org = party = None
    if role:
        for t in role_tokens:
            gender = gender or lex.gender(t.lower_, "role") or lex.gender(t.lower_, "title")
        country, org, party = _owner(role)
        if not any(lex.kind(t.lower_, k) for t in role_tokens for k in ("role", "title", "group", "institution")) \
                and country is None and org is None and party is None:
            role = None  # words before a name that are not an office ("Wednesday", "former")
    return role, country, org, party, gender


def _clean_role(toks: list[Token]) -> list[Token]:
    stop = {"VERB", "AUX", "PRON", "SCONJ", "NUM"}
    # keep the tail after the last clause-like break
    for j in range(len(toks) - 1, -1, -1):
        t = toks[j]
        if t.pos_ in stop or t.text in (",", ";", ":", "(", ")", "\u2014", "--", "\"", "\u201c", "\u201d") or t.is_space:
            toks = toks[j + 1:]
            break
    while toks and (toks[0].lower_ in _DETS or toks[0].is_punct or toks[0].pos_ in ("CCONJ", "ADP")):
        toks = toks[1:]
    while toks and (toks[-1].is_punct or toks[-1].pos_ in ("CCONJ", "ADP", "DET")):
        toks = toks[:-1]
    return toks


def _join(toks: list[Token]) -> str:
    if not toks:
        return ""
    doc = toks[0].doc
    return doc[toks[0].i:toks[-1].i + 1].text if all(toks[j + 1].i == toks[j].i + 1 for j in range(len(toks) - 1)) \
        else " ".join(t.text for t in toks)


def _owner(phrase: str) -> tuple[Optional[str], Optional[str], Optional[str]]:
    """Country, organisation and party named in a role phrase ("US ambassador to the UN" → USA)."""
    country = org = party = None
    for pname, rx in _PARTY_RE.items():
        if rx.search(phrase):
            party = pname
            break
    for _, _, a in scan(phrase):
        if a.type == "person":
            continue
        if a.id.endswith("-party"):
            country = country or a.country
            continue
        if is_state(a):
            country = country or a.id
            if org is None and a.org:
                org = a.org
        elif a.type == "government":
            country = country or a.country
            org = org or a.name
        else:
            org = org or a.name
            country = country or a.country
        if country and org:
            break
        if country and not org:
            break
    return country, org, party


def _heads(a: Actor) -> frozenset:
    lex = lexicon()
    words = set()
    for s in (a.role, a.org, a.name if a.type != "person" else None):
        if s:
            for w in _WORD_RE.findall(s.lower()):
                w = w.rstrip("-")
                if lex.kind(w, "role") or lex.kind(w, "title") or lex.kind(w, "institution") or lex.kind(w, "group"):
                    words.add(w)
    if a.type == "government":
        words.add("government")
    if a.type == "media":
        words.update({"agency", "newspaper", "network", "outlet"})
    return frozenset(words)


# --------------------------------------------------------------------------- offices and groups

def _role_ref(ctx: _Ctx, span: TokSpan, root: Token) -> Ref:
    lex = lexicon()
    doc = ctx.doc
    noun = root.lower_
    plural = root.tag_ in ("NNS", "NNPS") or lex.number(noun, "group") == "pl" and not lex.kind(noun, "role")
    left = _clean_role([t for t in doc[span.start:root.i]])
    owners: list[Token] = []
    for c in root.rights:
        if c.dep_ == "prep" and c.lower_ in ("for", "of", "at", "with", "from", "in") and c.i < span.end:
            for p in c.children:
                if p.dep_ == "pobj":
                    owners = _clean_role(list(doc[p.left_edge.i:min(p.right_edge.i + 1, span.end)]))
            break
    left_text, owner_text = _join(left), _join(owners)
    definite = span[0].lower_ in ("the", "this", "that")
    if not left and not owners and definite:
        r = _antecedent_by_head(ctx, noun, span.start_char, plural)
        if r is not None:
            return Ref(replace(r.actor), span.start_char, span.end_char, gender=r.gender, plural=r.plural,
                       heads=r.heads, subject=_is_subject(root))
    country, org, party = _owner(" ".join(x for x in (left_text, owner_text) if x))
    gender = lex.gender(noun, "role") or lex.gender(noun, "group")
    # the office without the state's name: "North Korean foreign ministry" -> "foreign ministry"
    inst = _without_states(owner_text) if owner_text else ""
    pre = _without_states(left_text) if left_text else ""
    role = " ".join(x for x in (pre, inst, root.text.lower() if root.text[:1].islower() else root.text) if x)
    if plural and (country or org):
        base = lookup(org) if org else None
        if base is None and country:
            base = load_gazetteer().get(country)
        if base is not None:
            a = replace(base, role=role)
            return Ref(a, span.start_char, span.end_char, plural=True, heads=_heads(a) | {noun}, subject=_is_subject(root))
    if owner_text:
        name = f"{root.text.lower()}, {owner_text}" if not left_text else f"{left_text} {root.text.lower()}, {owner_text}"
    else:
        name = " ".join(x for x in (left_text, root.text.lower()) if x)
    aid = "role:" + ((country or "").lower() + ":" if country else "") + slug(role or name)
    a = Actor(id=aid, name=name, type="person", country=country, role=role or None, org=org, party=party)
    return Ref(a, span.start_char, span.end_char, gender=gender, plural=plural, heads=_heads(a) | {noun},
               subject=_is_subject(root))


def _without_states(phrase: str) -> str:
    out, last = [], 0
    for s, e, a in scan(phrase):
        if is_state(a):
            out.append(phrase[last:s])
            last = e
    out.append(phrase[last:])
    if not last:
        return phrase
    rest = " ".join(" ".join(out).split())
    return _LEAD_POSS_RE.sub("", rest).strip(" ,")


def _institution_ref(ctx: _Ctx, span: TokSpan, root: Token) -> Optional[Ref]:
    noun = root.lower_
    definite = span[0].lower_ in ("the", "this", "that")
    bare = len([t for t in span if not t.is_punct]) <= 2
    if definite and bare:
        r = _antecedent_by_head(ctx, noun, span.start_char, plural=False, persons=False)
        if r is not None:
            return Ref(replace(r.actor), span.start_char, span.end_char, plural=r.plural, heads=r.heads,
                       subject=_is_subject(root))
    country, org, party = _owner(span.text)
    if org or country:
        base = lookup(org) if org else load_gazetteer().get(country)
        if base is not None:
            return _group_ref(base, span, subject=_is_subject(root))
    return None


def _group_ref(a: Actor, span: TokSpan, subject: bool = False) -> Ref:
    plural = span.root.tag_ in ("NNS", "NNPS") and a.type not in ("government",)
    return Ref(a, span.start_char, span.end_char, plural=plural, heads=_heads(a), subject=subject)


def _antecedent_by_head(ctx: _Ctx, noun: str, pos: int, plural: bool, persons: Optional[bool] = True) -> Optional[Ref]:
    """The most recent speaker (or earlier mention in a window) that can be called "the <noun>"."""
    lo = ctx.window_start(pos, ROLE_WINDOW_SENTS)
    cands = [r for r in ctx.history if r.start < pos and noun in r.heads]
    cands += [r for r in _mention_refs(ctx, lo, pos, set()) if noun in r.heads]
    if persons is False:
        cands = [r for r in cands if r.actor.type != "person"]
    if not cands:
        return None
    return max(cands, key=lambda r: r.start)


# --------------------------------------------------------------------------- conjunctions

def _conjuncts(span: TokSpan) -> list[TokSpan]:
    """Top-level conjuncts of a source ("The White House and the US envoy to the UN")."""
    root = span.root
    conj = [c for c in root.conjuncts if span.start <= c.i < span.end]
    if not conj:
        return []
    heads = sorted([root] + conj, key=lambda t: t.i)
    doc = span.doc
    parts = []
    for j, h in enumerate(heads):
        s = h.left_edge.i if h is not root else span.start
        s = max(s, span.start if j == 0 else heads[j - 1].i + 1)
        e = heads[j + 1].i if j + 1 < len(heads) else span.end
        # the next conjunct's left edge bounds this one
        if j + 1 < len(heads):
            e = min(e, heads[j + 1].left_edge.i)
        toks = [t for t in doc[s:e]]
        while toks and (toks[-1].pos_ == "CCONJ" or toks[-1].is_punct):
            toks = toks[:-1]
        while toks and (toks[0].pos_ == "CCONJ" or toks[0].is_punct):
            toks = toks[1:]
        if toks:
            parts.append(doc[toks[0].i:toks[-1].i + 1])
    return parts if len(parts) > 1 else []


def _combine(refs: list[Ref], span: TokSpan) -> Ref:
    if len(refs) == 1:
        r = refs[0]
        return Ref(r.actor, span.start_char, span.end_char, gender=r.gender, plural=r.plural, heads=r.heads,
                   subject=r.subject)
    countries = {r.actor.country or r.actor.id for r in refs}
    subject = _is_subject(span.root)
    if len(countries) == 1 and next(iter(countries)):
        c = next(iter(countries))
        base = load_gazetteer().get(c)
        if base is not None and is_state(base):
            return Ref(base, span.start_char, span.end_char, plural=True, heads=_heads(base), subject=subject)
    actors = []
    for r in refs:
        if r.actor.id not in {a.id for a in actors}:
            actors.append(r.actor)
    if len(actors) == 1:
        return Ref(actors[0], span.start_char, span.end_char, plural=True, heads=_heads(actors[0]), subject=subject)
    types = {a.type for a in actors}
    a = Actor(id="group:" + "+".join(a.id for a in actors), name="; ".join(a.name for a in actors),
              type=types.pop() if len(types) == 1 else "group",
              country=";".join(dict.fromkeys(a.country for a in actors if a.country)) or None)
    heads = frozenset().union(*(r.heads for r in refs))
    return Ref(a, span.start_char, span.end_char, plural=True, heads=heads, subject=subject)


# --------------------------------------------------------------------------- pronouns

def _agrees(r: Ref, pron: str) -> bool:
    if r.actor.id == "role:author":  # the article's "I"/"we" is never a third person
        return pron in ("i", "we")
    if pron in ("he", "him", "himself"):
        return r.person and r.gender in (None, "m")
    if pron in ("she", "her", "herself"):
        return r.person and r.gender in (None, "f")
    if pron in ("it", "itself"):
        return r.actor.type not in PERSON_TYPES and not r.plural
    if pron in ("they", "them", "themselves", "we"):
        return r.plural or r.actor.type not in PERSON_TYPES
    if pron == "i":
        return r.person
    return False


def _mention_refs(ctx: _Ctx, lo: int, hi: int, enclosing: set[int], plural_nouns: bool = False) -> list[Ref]:
    """Refs for the entity mentions in [lo, hi) that can be antecedents: not inside quotes, and not
    inside the content of a statement other than one that encloses the pronoun."""
    out = []
    if plural_nouns:
        doc = ctx.doc
        first = doc.char_span(lo, hi, alignment_mode="contract")
        for t in (first if first is not None else []):
            if t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") and _is_subject(t) and not t.ent_type_ \
                    and not ctx.in_quote(t.idx):
                inside = {k for s, e, k in ctx.contents if s <= t.idx < e}
                if inside - enclosing:
                    continue
                np = doc_np(t)
                if np is not None:
                    r = _resolve_span(ctx, np, allow_pronoun=False)
                    if r is not None:
                        r.plural, r.subject = True, True
                        out.append(r)
    i = bisect.bisect_left(ctx.ent_starts, lo)
    while i < len(ctx.ents) and ctx.ents[i].start_char < hi:
        e = ctx.ents[i]
        i += 1
        if e.label_ not in ("PERSON", "ORG", "GPE", "NORP"):
            continue
        if e.end_char > hi or ctx.in_quote(e.start_char):
            continue
        inside = {k for s, t, k in ctx.contents if s <= e.start_char and e.end_char <= t}
        if inside - enclosing:
            continue
        span = _trim(e)
        if len(span) == 0:
            continue
        if e.label_ == "PERSON":
            a = lookup(span.text)
            if a is not None and a.type != "person" and len(span) == 1:
                out.append(_group_ref(a, span, subject=_is_subject(e.root)))
                continue
            r = _person_ref(ctx, None, span, span)
            if r.subject and _pronoun_subject_before(e.root):
                r.subject = False  # "He would like to see … the ideas Sanders championed": "he" stays the topic
            out.append(r)
        else:
            a = lookup(span.text)
            if a is None or a.type == "person" or (e.label_ == "NORP" and e.root.dep_ == "amod"):
                continue
            out.append(_group_ref(a, span, subject=_is_subject(e.root)))
    return out


def _pronoun_subject_before(tok: Token) -> bool:
    """Is "he" or "she" the subject of a clause earlier in the sentence of ``tok``? Then the sentence is
    about that pronoun's referent, and a name that is the subject of a later clause (or that the
    parser makes the root: "He would like to see the platform represent the ideas Sanders
    championed") does not become the one a following "he" continues."""
    doc = tok.doc
    i = tok.i - 1
    while i >= 0:
        t = doc[i]
        if t.dep_ in ("nsubj", "nsubjpass") and t.lower_ in ("he", "she"):
            return True
        if t.is_sent_start:
            return False
        i -= 1
    return False


def _resolve_pronoun(ctx: _Ctx, span: TokSpan) -> Optional[Ref]:
    pron = span[0].lower_
    pos = span.start_char
    enclosing = ctx.enclosing(span.start_char, span.end_char)
    if pron in ("i", "we"):
        # the speaker of the statement whose quoted content holds the pronoun
        holders = [r for r in ctx.history if r.start < pos and any(
            s <= pos < e for s, e, k in ctx.contents if k in enclosing)]
        if holders and (pron == "i" and holders[-1].person or pron == "we"):
            r = holders[-1]
            return Ref(replace(r.actor), span.start_char, span.end_char, gender=r.gender, plural=r.plural,
                       heads=r.heads, subject=True)
        if not enclosing and not ctx.in_quote(pos):
            # first person in the article's own voice: its author (letters, op-eds, columns)
            a = Actor(id="role:author", name="the author", type="person", role="author")
            return Ref(a, span.start_char, span.end_char, plural=pron == "we", heads=frozenset({"author"}),
                       subject=True)
    lo = ctx.window_start(pos, WINDOW_SENTS)
    cands = [r for r in ctx.history if lo <= r.start < pos]
    taken = [(r.start, r.end) for r in cands]
    for m in _mention_refs(ctx, lo, pos, enclosing, plural_nouns=pron in ("they", "them", "themselves", "we")):
        if not any(s <= m.start < e or m.start <= s < m.end for s, e in taken):
            cands.append(m)
    cands = [r for r in cands if _agrees(r, pron) and not (r.actor.type == "unknown" and len(r.actor.name) < 5)]
    best = None
    if cands:
        here = ctx.sent_index(pos)
        prominent = [r for r in cands if r.speaker or r.subject or
                     (ctx.sent_index(r.start) == here and _any_subject(ctx.doc, r.start))]
        pool = prominent or cands
        if span[0].lower_ in ("he", "she") and any(r.gender for r in pool):
            exact = [r for r in pool if r.gender == ("m" if pron == "he" else "f")]
            # an exact gender match beats an unknown one only when it is about as recent
            pool = exact if exact and max(pool, key=lambda r: r.start).gender is None and \
                ctx.sent_index(max(exact, key=lambda r: r.start).start) >= ctx.sent_index(pos) - 1 else pool
        best = max(pool, key=lambda r: r.start)
    if best is None:  # beyond the window: the last agreeing speaker
        for r in reversed(ctx.history):
            if r.start < pos and _agrees(r, pron):
                best = r
                break
    if best is None:
        return None
    return Ref(replace(best.actor), span.start_char, span.end_char, gender=best.gender, plural=best.plural,
               heads=best.heads, subject=True)
