"""From candidates to statements: the rules' candidates scored by the cue model, one statement per
cue, contents kept within their paragraph, and quotations that continue an earlier speaker with no
speaker of their own folded in or linked (``source_ref``)."""
from __future__ import annotations

import bisect
from dataclasses import replace
from typing import Optional

import numpy
from spacy.tokens import Doc

from ...model import Actor, Cue, Source, Span, Statement
from ..actors import lookup, slug
from ..doctext import doc_text
from .cue_model import CueModel
from .quotes import QuoteIndex, find_quotes, paragraphs
from .rules import Rules
from .syntax import Cand, DocView, Range


# A quotation that continues an earlier speaker is folded into that statement's content when that
# statement is itself a quotation ("“A,” he said. “B.”": one quotation, interrupted); after a
# paraphrase ("He said that A. “B.”") it is a statement of its own, with source_ref.
MAX_CONTINUATION_GAP = 400   # characters of non-quoted text allowed between a statement and its continuation
# Lexicon nouns with a that-clause and a named holder ("US accusations that ...") are kept even where
# the cue model, trained on a corpus that rarely marks them, would drop them.
NOMINAL_FLOOR = 0.8
# Lexicon verbs in a set-off tag or a passive with its agent are kept likewise: the corpus has few.
FORMULA_FLOOR = 0.6
MIN_QUOTE_WORDS = 3          # shorter quotations are scare quotes or titles, not statements


def _generate(doc: Doc, rules: Rules, text: str) -> tuple[list[Cand], list[Range], QuoteIndex, DocView]:
    paras = paragraphs(text)
    qi = QuoteIndex(find_quotes(text, paras))
    view = rules.view(doc, text)
    cands = list(rules.verb_cands(view, qi, paras))
    cue_heads = {i for c in cands if c.source and (c.feats.get("cls=speech", 0.0) or not c.feats) for i in c.cue_tokens}
    for m in rules.marker_cands(view, cue_heads, qi):
        if m.rule == "via":
            _attach_via(view, cands, m)
        else:
            cands.append(m)
    cands.extend(rules.noun_cands(view, qi))
    cands.extend(rules.nocomment_cands(view, qi))
    cands.extend(rules.colon_cands(view, paras))
    cands.extend(rules.headline_cands(view, paras))
    starts = [p[0] for p in paras]
    cands = [c for c in (_clip(c, paras, starts) for c in cands) if c is not None]
    return cands, paras, qi, view


def candidates(doc: Doc, rules: Rules, text: Optional[str] = None) -> list[Cand]:
    """Every candidate the rules propose, unscored (what the cue model is trained on)."""
    return _generate(doc, rules, text if text is not None else doc_text(doc))[0]


def extract(doc: Doc, rules: Rules, model: Optional[CueModel] = None) -> list[Statement]:
    text = doc_text(doc)
    cands, paras, qi, view = _generate(doc, rules, text)
    if model is not None:
        kept = []
        for c in cands:
            p = model.prob(c.feats)
            if c.nominal and c.weight >= NOMINAL_FLOOR and c.feats.get("noun_clause=acl", 0) + c.feats.get("noun_clause=ccomp", 0):
                p = max(p, model.threshold)  # "X's claim that ...": kept
            elif c.rule == "colon" and (c.feats.get("colon_upper_turns") or c.feats.get("colon_headline")):
                p = max(p, model.threshold)  # a transcript's "NAME:" turns, a headline's "Kremlin: C"
            elif c.feats.get("formula") and c.weight >= FORMULA_FLOOR:
                p = max(p, model.threshold)  # "As X noted, C", "C, X told Y, C", "C was denied by X"
            elif c.rule == "headline":
                p = max(p, c.weight)  # a headline's "X denies Y": no sentence around it for the model to weigh
            elif c.rule == "nocomment":
                p = max(p, c.weight)  # "X declined to comment": a formula, not a cue to weigh
            if p >= model.threshold:
                c.weight = p
                kept.append(c)
        cands = kept
    cands = _dedupe(cands)
    chars = CharCounts(text, qi)
    cands.extend(_continuations(text, cands, qi, paras, chars))
    contents = _union([r for c in cands for r in c.content])
    cues = _union([c.cue for c in cands])
    cands.extend(rules.outlet_cands(view, qi, contents, cues))
    cands.sort(key=lambda c: (min(s for s, _ in c.content), c.anchor))
    return _to_statements(text, cands, chars, outlet_actor(doc))


def _attach_via(view: DocView, cands: list[Cand], marker: Cand) -> None:
    doc = view.doc
    span = doc.char_span(marker.cue[0], marker.cue[1], alignment_mode="expand")
    if span is None:
        return
    a, b = view.sent(span[0].i)
    lo, hi = doc[a].idx, doc[b - 1].idx + len(doc[b - 1])
    for c in cands:
        if lo <= c.anchor < hi and c.via is None:
            c.via = marker.via


def _dedupe(cands: list[Cand]) -> list[Cand]:
    """One statement per cue: when two candidates share cue characters keep the stronger."""
    cands = sorted(cands, key=lambda c: (-c.weight, c.anchor))
    kept: list[Cand] = []
    taken: list[Range] = []  # the kept cues, sorted; they share no character, so their ends are sorted too
    for c in cands:
        k = bisect.bisect_left(taken, (c.cue[1], -1))  # the taken cues starting before this one ends
        if k and taken[k - 1][1] > c.cue[0]:  # ... the last of which ends furthest
            continue
        kept.append(c)
        bisect.insort(taken, c.cue)
    kept.sort(key=lambda c: c.anchor)
    return kept


def _clip(c: Cand, paras: list[Range], starts: Optional[list[int]] = None) -> Optional[Cand]:
    """Keep a content within the cue's paragraph (a parse may run a headline into the next line);
    a content announced by a colon at a paragraph's end is the next paragraph and stays.
    ``starts``: the paragraphs' start offsets, when the caller has them."""
    if starts is None:
        starts = [p[0] for p in paras]
    ps, pe = paras[_para_of(paras, starts, c.anchor)] if paras else (0, c.anchor + 1)
    if all(s >= pe for s, _ in c.content):
        return c  # "He said:" + the next paragraph
    c.content = [(max(s, ps), min(e, pe)) for s, e in c.content if s < pe and e > ps]
    if c.source and not (c.source[0] < pe and c.source[1] > ps):
        c.source = None
    elif c.source:
        c.source = (max(c.source[0], ps), min(c.source[1], pe))
    return c if c.content and (c.source or c.rule == "verb") else None


def _para_of(paras: list[Range], starts: list[int], pos: int) -> int:
    return max(0, bisect.bisect_right(starts, pos) - 1)


def _continuations(text: str, cands: list[Cand], qi: QuoteIndex, paras: list[Range],
                   chars: CharCounts) -> list[Cand]:
    """Quotations with no speaker of their own that continue the statement just before them."""
    if not qi:
        return []
    starts = [p[0] for p in paras]
    covered = _union([r for c in cands for r in c.content] + [c.cue for c in cands]
                     + [c.source for c in cands if c.source])
    cov_starts = [r[0] for r in covered]

    def is_covered(s: int, e: int) -> bool:  # does [s, e) share a character with a candidate?
        k = bisect.bisect_left(cov_starts, e)
        return k > 0 and covered[k - 1][1] > s

    by_end = sorted((c for c in cands if c.content and c.source is not None), key=lambda c: _end(c))
    ends = [_end(c) for c in by_end]
    out: list[Cand] = []
    for q in qi.quotes:
        if len(text[q.start:q.end].split()) < MIN_QUOTE_WORDS or is_covered(q.start, q.end):
            continue
        if not _starts_sentence(text, q.start, paras[q.para][0]):
            continue
        k = bisect.bisect_right(ends, q.start) - 1
        if k < 0:
            continue
        prev = by_end[k]
        # the chain's latest link may be a continuation made in this loop
        if out and _end(out[-1]) > _end(prev) and _end(out[-1]) <= q.start:
            prev = out[-1]
        if _gap_too_long(text, _end(prev), q.start):
            continue
        if _para_of(paras, starts, _end(prev)) < q.para - 1:
            continue
        root = prev.source_ref or prev
        if prev is root and (prev.rule == "colon" or _kind(chars, prev) == "direct"):
            prev.content.append((q.start, q.end))
            continue
        out.append(Cand(cue=(q.start, q.start), lemma="", source=root.source, content=[(q.start, q.end)],
                        weight=root.weight * 0.9, anchor=q.start, rule="continuation", source_ref=root))
    return out


def _union(ranges: list[Range]) -> list[Range]:
    """Ranges as sorted ranges sharing no character, so that their ends are sorted too (an empty
    range stays itself: it is covered where it lies strictly inside the range looked up)."""
    out: list[Range] = []
    for s, e in sorted(ranges):
        if out and s < out[-1][1]:
            out[-1] = (out[-1][0], max(e, out[-1][1]))
        else:
            out.append((s, e))
    return out


def _gap_too_long(text: str, s: int, e: int) -> bool:
    """Is the text between a statement and a quotation too long, or more than two line breaks?"""
    lines, paras = text.count("\n", s, e), text.count("\n\n", s, e)
    if paras + (lines - 2 * paras) > 2:
        return True
    while s < e and text[s].isspace():  # the gap's length without its edge spaces, without copying it
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return e - s > MAX_CONTINUATION_GAP


def _end(c: Cand) -> int:
    return max([e for _, e in c.content] + [c.cue[1]] + ([c.source[1]] if c.source else []))


def _starts_sentence(text: str, pos: int, para_start: int) -> bool:
    j = pos - 1
    while j >= para_start and text[j].isspace():  # the last character before ``pos`` that is not a space
        j -= 1
    return j < para_start or text[j] in ".!?:;”\"’')…—"


_ASCII_ALNUM = numpy.array([chr(i).isalnum() for i in range(128)] + [False])


def is_alnum(text: str) -> numpy.ndarray:
    """``str.isalnum`` of every character, as a bool array: ASCII from a table, the rest asked one
    by one."""
    codes = numpy.frombuffer(text.encode("utf-32-le", "surrogatepass"), dtype=numpy.uint32)
    out = _ASCII_ALNUM[numpy.minimum(codes, 128)]
    wide = numpy.flatnonzero(codes >= 128).tolist()
    if wide:
        out[wide] = [text[i].isalnum() for i in wide]
    return out


class CharCounts:
    """The letters and digits of a text, and those of them within quotations, counted up to each
    offset: how many lie in a range is a subtraction."""

    def __init__(self, text: str, qi: QuoteIndex):
        alnum = is_alnum(text)
        quoted = numpy.zeros(len(text), dtype=bool)
        for q in qi.quotes:
            quoted[q.start:q.end] = True
        # kept as arrays: a few thousand ranges are asked of a text of 400,000 characters, so two
        # lists of a Python int per character cost more than the look-ups they would save
        self.alnum = numpy.concatenate(([0], numpy.cumsum(alnum)))
        self.quoted = numpy.concatenate(([0], numpy.cumsum(alnum & quoted)))

    def counts(self, s: int, e: int) -> tuple[int, int]:
        """(letters and digits, those within quotations) of [s, e)."""
        if e <= s:
            return 0, 0
        return int(self.alnum[e] - self.alnum[s]), int(self.quoted[e] - self.quoted[s])


def _kind(chars: CharCounts, c: Cand) -> str:
    if c.nominal:
        return "nominal"
    total = quoted = 0
    for s, e in c.content:
        t, q = chars.counts(s, e)
        total += t
        quoted += q
    if total and quoted == total:
        return "direct"
    return "mixed" if quoted else "indirect"


def _span(text: str, r: Range) -> Span:
    return Span(r[0], r[1], text[r[0]:r[1]])


def outlet_actor(doc: Doc) -> Optional[Actor]:
    """The outlet an article is published by, as the actor its own verdicts are attributed to."""
    art = doc._.article if Doc.has_extension("article") else None
    name = getattr(art, "outlet", None) if art is not None else None
    if not name or not name.strip():
        return None
    known = lookup(name)
    if known is not None and known.type == "media":
        return known
    return Actor(id="media:" + slug(name), name=name.strip(), type="media")


def _to_statements(text: str, cands: list[Cand], chars: CharCounts, outlet: Optional[Actor] = None) -> list[Statement]:
    """Statements from candidates; an outlet verdict's source is ``outlet`` with an empty span at
    the sentence's start (no outlet known: no source)."""
    out: list[Statement] = []
    ids: dict[int, str] = {}
    for c in cands:
        ids[id(c)] = f"S{len(out) + 1}"
        content = sorted(set(c.content))
        merged: list[Range] = []
        for s, e in content:  # overlapping pieces (a quotation grown over two runs) become one
            if merged and s <= merged[-1][1]:
                merged[-1] = (merged[-1][0], max(e, merged[-1][1]))
            else:
                merged.append((s, e))
        src: Optional[Source] = Source(_span(text, c.source)) if c.source else None
        if c.rule == "outlet":
            src = Source(_span(text, c.source), replace(outlet)) if outlet is not None else None
        cue = Cue(_span(text, c.cue), c.lemma) if c.cue[1] > c.cue[0] else None
        st = Statement(id=ids[id(c)], content=[_span(text, r) for r in merged], source=src, cue=cue,
                       kind="outlet" if c.rule == "outlet" else _kind(chars, c), via=c.via, confidence=round(min(1.0, c.weight), 3))
        if c.source_ref is not None:
            st.source_ref = ids.get(id(c.source_ref))
        out.append(st)
    return out
