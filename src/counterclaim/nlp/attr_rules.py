"""Dependency rules that find attribution candidates in a parsed Doc.

Each rule yields ``Cand`` records in doc-local character offsets:

- verb cues       "X said (that) C", "C, X said", "C, said X", "X told Y C", "X denied the report",
                  "X wants to C", "X declined to say whether C", "He added: “C”"
- marker cues     "according to X, C", "in the words of X, C"
- nominal cues    "X's claim that C", "US accusations that C"
- speaker turns   "WALLACE: C", headlines "Pence: C" (cue ":")

Quotation handling (extending contents over whole quotes, quotes continuing an earlier speaker) is
done afterwards by ``attribution.py``.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from .attr_lexicon import Lexicon
from .attr_quotes import Quote, QuoteIndex

Range = tuple[int, int]  # (start, end) character offsets, end exclusive

SUBJ = {"nsubj", "csubj"}
CLAUSAL = {"ccomp", "xcomp", "csubj"}
NP_COMP = {"dobj", "oprd", "attr"}
CONTENT_PREPS = {"as", "about", "of", "for", "against", "over", "on"}
INHERIT_SUBJ = {"xcomp", "conj", "advcl", "ccomp", "pcomp"}
REL_PRON = {"who", "which", "that", "whom"}
CHAIN_CLASSES = {"intention", "belief"}   # "declined to say", "seemed to suggest": one cue
CHAIN_LEMMAS = {"continue"}
NAMING = {"call", "name", "dub", "label", "term", "brand"}
OPEN_QUOTES = {"“", '"', "``", "''", "«", "„"}
PUNCT_TRIM = set(",;:—–-()[]") | {"--"}


@dataclass
class Cand:
    cue: Range
    lemma: str
    source: Optional[Range]
    content: list[Range]
    weight: float
    anchor: int                      # character offset used to order and relate candidates
    rule: str = "verb"
    nominal: bool = False
    postposed: bool = False          # the cue follows its content ("“C,” he said")
    source_ref: Optional["Cand"] = None
    via: Optional[str] = None
    cue_tokens: set[int] = field(default_factory=set)


# ----------------------------------------------------------------------------- helpers

def tok_range(toks: list[Token]) -> Range:
    return toks[0].idx, toks[-1].idx + len(toks[-1])


def runs(doc: Doc, idxs: set[int]) -> list[Range]:
    """Contiguous runs of token indices -> character ranges, punctuation trimmed at the edges
    (quotation marks are kept)."""
    out: list[Range] = []
    if not idxs:
        return out
    order = sorted(idxs)
    start = prev = order[0]
    for i in order[1:] + [None]:
        if i is not None and i == prev + 1:
            prev = i
            continue
        toks = [doc[j] for j in range(start, prev + 1)]
        if len(toks) == 1 and toks[0].lower_ in REL_PRON:
            toks = []  # "which" left over from "which he said was ..."
        while toks and (toks[0].text in PUNCT_TRIM or toks[0].is_space):
            toks.pop(0)
        while toks and (toks[-1].text in PUNCT_TRIM or toks[-1].is_space):
            toks.pop()
        if toks:
            out.append(tok_range(toks))
        if i is not None:
            start = prev = i
    return out


def subtree_idx(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def span_of(tok: Token) -> Range:
    """The character range of a phrase headed by ``tok`` (its subtree), edge punctuation trimmed."""
    r = runs(tok.doc, subtree_idx(tok))
    return (r[0][0], r[-1][1]) if r else (tok.idx, tok.idx + len(tok))


def source_span(subj: Token) -> Range:
    """The source phrase: the subject's subtree; a relative pronoun stands for the noun it modifies."""
    if subj.lower_ in REL_PRON and subj.head.dep_ == "relcl":
        noun = subj.head.head
        keep = subtree_idx(noun) - subtree_idx(subj.head)
        r = runs(noun.doc, {i for i in keep if i <= noun.i})
        return (r[0][0], r[-1][1]) if r else (noun.idx, noun.idx + len(noun))
    return span_of(subj)


def find_subject(tok: Token, depth: int = 0) -> tuple[Optional[Token], bool]:
    """The subject of a verb (or, for a passive, its by-agent); inherited from the governing verb
    for xcomp/conj/advcl verbs without their own. Returns (token, passive_without_agent)."""
    passive = False
    for c in tok.children:
        if c.dep_ in SUBJ:
            return c, False
        if c.dep_ == "agent":
            for g in c.children:
                if g.dep_ == "pobj":
                    return g, False
        if c.dep_ in ("nsubjpass", "auxpass"):
            passive = True
    if passive:
        return None, True
    if tok.dep_ in INHERIT_SUBJ and tok.head is not tok and depth < 3 and tok.head.pos_ in ("VERB", "AUX"):
        return find_subject(tok.head, depth + 1)
    return None, False


# ----------------------------------------------------------------------------- rules

class Rules:
    """The rules with their lexicons; built once per pipeline."""

    def __init__(self, lex: Lexicon, colon_labels: set[str]):
        self.lex = lex
        self.colon_labels = colon_labels
        self.marker_first = {}
        for words, w in lex.markers.items():
            self.marker_first.setdefault(words[0], []).append((words, w))

    # --- verbs ---------------------------------------------------------------------------
    def verb_cands(self, doc: Doc, qi: QuoteIndex,
                   paras: list[Range]) -> Iterator[Cand]:
        verbs = self.lex.verbs
        consumed: set[int] = set()
        for tok in doc:
            if tok.i in consumed or tok.pos_ != "VERB":
                continue
            entry = verbs.get(tok.lemma_.lower())
            if entry is None or tok.dep_ == "amod" or qi.inside(tok.idx):
                continue
            head_tok, cue_toks = tok, [tok]
            # "declined to say whether", "seemed to suggest that": one cue spanning the chain
            for c in tok.children if (entry.cls in CHAIN_CLASSES or entry.lemma in CHAIN_LEMMAS) else ():
                if c.dep_ == "xcomp" and c.pos_ == "VERB" and c.lemma_.lower() in verbs:
                    consumed.add(c.i)
                    cue_toks = [tok, c]
                    entry2 = verbs[c.lemma_.lower()]
                    if entry2.frame == "np" or entry.frame == "np":
                        entry = entry2 if entry2.frame == "np" else entry
                    head_tok = c
                    break
            content = self._verb_content(doc, tok, head_tok, entry.frame, qi, paras)
            if not content:
                continue
            idxs, postposed = content
            subj, passive = find_subject(tok)
            if subj is None:
                continue  # no one to attribute it to ("it is expected that ...")
            src = source_span(subj)
            if src is not None:
                # the source must not sit inside the content (bad parse): drop it then
                if any(s <= src[0] and src[1] <= e for s, e in idxs):
                    src = None
            w = entry.weight * (1.0 if src else 0.8)
            cue = (cue_toks[0].idx, cue_toks[-1].idx + len(cue_toks[-1]))
            yield Cand(cue=cue, lemma=tok.lemma_.lower(), source=src, content=idxs, weight=w,
                       anchor=tok.idx, postposed=postposed, cue_tokens={t.i for t in cue_toks})

    def _verb_content(self, doc: Doc, tok: Token, head_tok: Token, frame: str,
                      qi: QuoteIndex, paras: list[Range]):
        """(content ranges, postposed) or None."""
        kids = list(head_tok.children)
        clausal = [c for c in kids if c.dep_ in CLAUSAL and c.dep_ != "csubj"]
        if head_tok is not tok:  # "declined to comment": the xcomp verb's own complements
            clausal = [c for c in kids if c.dep_ in CLAUSAL]
        np_comp = [c for c in kids if c.dep_ in NP_COMP]
        preps = [c for c in kids if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
        chosen: list[Token] = []
        if clausal:
            chosen = clausal
            # "called on X to do Y", "urged X to": keep the object with the infinitive
            if any(c.dep_ == "xcomp" for c in clausal):
                chosen = clausal + np_comp
            # "dismissed reports ... as 'C'": the as-phrase goes with the object
        elif np_comp or preps:
            quoted = any(_has_quote(c, qi) for c in np_comp + preps)
            # "rejects the claim": a report named but not stated is no content
            if not quoted and np_comp and all(c.lemma_.lower() in self.lex.nouns and not _np_has_clause(c)
                                              for c in np_comp) and not preps:
                return None
            naming = tok.lemma_.lower() in NAMING and any(c.dep_ == "oprd" for c in kids)
            clause_in_np = any(_np_has_clause(c) for c in np_comp)
            if frame == "np" or quoted or naming or clause_in_np:
                chosen = np_comp + preps
                if tok.dep_ == "acl" and not (quoted or naming or clause_in_np):
                    chosen = []  # "the report released Friday": a reduced relative, not a report
        if chosen:
            idxs: set[int] = set()
            for c in chosen:
                idxs |= subtree_idx(c)
            if tok.lemma_.lower() in NAMING and not any(c.dep_ in ("oprd", "ccomp", "xcomp") for c in kids) \
                    and not any(_has_quote(c, qi) for c in chosen):
                return None  # "call" alone with an object: a phone call, a vote called
            r = runs(doc, idxs)
            if r:
                r = _extend_quotes(doc, r, qi, tok.idx)
                return r, r[0][0] < tok.idx
        # parenthetical: "C, he said" parsed with "said" under the content's clause
        if tok.dep_ in ("parataxis", "ccomp") and tok.head is not tok and find_subject(tok)[0] is not None:
            head = tok.head
            idxs = subtree_idx(head) - subtree_idx(tok)
            if head.dep_ not in ("ROOT",):
                idxs = set(range(head.sent.start, head.sent.end)) - subtree_idx(tok)
            r = runs(doc, idxs)
            if r:
                return _extend_quotes(doc, r, qi, tok.idx), r[0][0] < tok.idx
        # "“C!” Maher replied." / "“C?” asked X": the quotation that ends just before the tag
        before = _preceding_quote(doc, tok, qi)
        if before is not None:
            return [(before.start, before.end)], True
        # "He added: “C”" / "…, adding, “C”": the quotation that follows the cue
        follow = _following_quote(doc, head_tok, qi)
        if follow is not None:
            return [(follow.start, follow.end)], False
        # "X said:" ending a paragraph: the next paragraph is what was said
        nxt = head_tok.i + 1
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt < len(doc) and doc[nxt].text == ":":
            end = doc[nxt].idx + 1
            for pi, (ps, pe) in enumerate(paras):
                if ps <= end <= pe:
                    if not doc.text[end:pe].strip() and pi + 1 < len(paras):
                        return [paras[pi + 1]], False
                    if doc.text[end:pe].strip():
                        s = end + len(doc.text[end:pe]) - len(doc.text[end:pe].lstrip())
                        return [(s, pe)], False
        return None

    # --- "according to X" -------------------------------------------------------------------
    def marker_cands(self, doc: Doc, cue_heads: set[int], qi: QuoteIndex) -> Iterator[Cand]:
        for tok in doc:
            opts = self.marker_first.get(tok.lower_)
            if not opts or qi.inside(tok.idx):
                continue
            for words, w in opts:
                n = len(words)
                if tok.i + n > len(doc) or tuple(t.lower_ for t in doc[tok.i:tok.i + n]) != words:
                    continue
                last = doc[tok.i + n - 1]
                obj = next((c for c in last.children if c.dep_ in ("pobj", "pcomp")), None)
                if obj is None and tok.i + n < len(doc):
                    obj = doc[tok.i + n]
                    if obj.is_punct:
                        continue
                if obj is None:
                    continue
                src = span_of(obj)
                sent = tok.sent
                marker_idx = set(range(tok.i, tok.i + n)) | subtree_idx(obj)
                # the phrase's own extent (the marker and its object)
                lo, hi = min(marker_idx), max(marker_idx)
                # "X said C, according to KCNA": a relay of an attributed statement, not a new one
                if tok.head.i in cue_heads or any(i in cue_heads for i in range(sent.start, sent.end)
                                                   if doc[i].head.i == doc[i].i or doc[i] is tok.head):
                    yield Cand(cue=tok_range(list(doc[tok.i:tok.i + n])), lemma=" ".join(words),
                               source=src, content=[], weight=0.0, anchor=tok.idx, rule="via",
                               via=doc.text[src[0]:src[1]])
                    break
                idxs = set(range(sent.start, sent.end)) - set(range(lo, hi + 1))
                r = runs(doc, idxs)
                if r:
                    yield Cand(cue=tok_range(list(doc[tok.i:tok.i + n])), lemma=" ".join(words),
                               source=src, content=r, weight=w, anchor=tok.idx, rule="marker",
                               postposed=r[0][0] < tok.idx)
                break

    # --- nominal cues ----------------------------------------------------------------------
    def noun_cands(self, doc: Doc, qi: QuoteIndex) -> Iterator[Cand]:
        nouns = self.lex.nouns
        for tok in doc:
            if tok.pos_ != "NOUN" or qi.inside(tok.idx):
                continue
            entry = nouns.get(tok.lemma_.lower())
            if entry is None:
                continue
            clause = None
            for c in tok.children:
                if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                    if any(g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in c.children):
                        clause = c
                        break
                    if entry.cls == "intention" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                        clause = c
                        break
            if clause is None:
                continue
            src = None
            for c in tok.children:
                if c.dep_ == "poss":
                    src = span_of(c)
                    break
            if src is None:
                mods = [c for c in tok.children if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                        and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))]
                if mods:
                    s0 = min(c.left_edge.i for c in mods)
                    s1 = max(c.right_edge.i for c in mods)
                    src = tok_range(list(doc[s0:s1 + 1]))
            if src is None:
                for c in tok.children:
                    if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                        if obj is not None:
                            src = span_of(obj)
                            break
            idxs = subtree_idx(clause)
            idxs -= {g.i for g in clause.children if g.dep_ == "mark" and g.i == clause.left_edge.i}
            r = runs(doc, idxs)
            if r and src is not None:
                yield Cand(cue=(tok.idx, tok.idx + len(tok)), lemma=tok.lemma_.lower(), source=src, content=r,
                           weight=entry.weight * (1.0 if src else 0.7), anchor=tok.idx, rule="nominal",
                           nominal=True)

    # --- "WALLACE: ..." / "Pence: ..." ------------------------------------------------------
    def colon_cands(self, doc: Doc, paras: list[Range]) -> Iterator[Cand]:
        text = doc.text
        for ps, pe in paras:
            colon = text.find(":", ps, min(pe, ps + 60))
            if colon <= ps or colon + 1 >= pe:
                continue
            label = text[ps:colon].strip()
            if not label or not (label[0].isupper() or label[0].isdigit()):
                continue
            if label.lower().rstrip(".") in self.colon_labels or label.endswith("."):
                continue
            span = doc.char_span(ps, colon, alignment_mode="expand")
            if span is None or not 1 <= len(span) <= 6:
                continue
            if any(t.pos_ in ("VERB", "AUX") and not t.is_upper for t in span) or any(t.text in ".?!\"“”" for t in span):
                continue
            if not (any(t.pos_ == "PROPN" or t.ent_type_ in ("PERSON", "ORG", "GPE", "NORP") for t in span)
                    or label.isupper()):
                continue
            if any(ch.isdigit() for ch in label):  # times, dates, scores ("10:30", "2016:")
                continue
            rest = text[colon + 1:pe]
            s = colon + 1 + (len(rest) - len(rest.lstrip()))
            if pe - s < 3:
                continue
            yield Cand(cue=(colon, colon + 1), lemma=":", source=(ps, ps + len(label)), content=[(s, pe)],
                       weight=0.8, anchor=colon, rule="colon")


def _has_quote(tok: Token, qi: QuoteIndex) -> bool:
    return any(t.idx in qi.at for t in tok.subtree)


def _np_has_clause(tok: Token) -> bool:
    return any(c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" for g in c.children) for c in tok.children)


def _extend_quotes(doc: Doc, ranges: list[Range], qi: QuoteIndex, cue_at: int) -> list[Range]:
    """Grow a content to cover any quotation it starts or ends inside (multi-sentence quotes),
    unless the cue itself is inside that quotation (a report nested in a quote)."""
    if not qi:
        return ranges
    out = []
    for s, e in ranges:
        for q in qi.overlapping(s, e):
            if not q.start <= cue_at < q.end:
                s, e = min(s, q.start), max(e, q.end)
        out.append((s, e))
    return out


def _following_quote(doc: Doc, tok: Token, qi: QuoteIndex) -> Optional[Quote]:
    """A quotation opening within a few tokens after the cue, past a comma or colon."""
    sent_end = tok.sent.end
    seen_sep = False
    for j in range(tok.i + 1, min(tok.i + 10, len(doc))):
        t = doc[j]
        if t.idx in qi.at:
            q = qi.at[t.idx]
            return q if seen_sep or j == tok.i + 1 else None
        if t.text in (",", ":", "—", "–"):
            seen_sep = True
        elif t.pos_ == "VERB" or (j >= sent_end and not t.is_space and t.text not in OPEN_QUOTES):
            return None
    return None


def _preceding_quote(doc: Doc, tok: Token, qi: QuoteIndex) -> Optional[Quote]:
    """A quotation closing right before the speaker tag ("“C?” asked X", "“C!” X replied")."""
    subj = next((c for c in tok.children if c.dep_ in SUBJ and c.i < tok.i), None)
    j = (subj.left_edge.i if subj is not None else tok.i) - 1
    while j >= 0 and (doc[j].is_space or doc[j].text in (",", "—", "–")):
        j -= 1
    if j < 0:
        return None
    end = doc[j].idx + len(doc[j])
    for q in qi.overlapping(end - 1, end):
        if q.end == end and not q.open_end:
            return q
    return None
