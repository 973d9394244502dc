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

import numpy
from spacy.attrs import LEMMA, LOWER, POS, SENT_START
from spacy.strings import get_string_id
from spacy.symbols import NOUN as _NOUN, VERB as _VERB
from spacy.tokens import Doc, Token

from .attr_lexicon import Lexicon, NounCue, VerbCue
from .attr_quotes import Quote, QuoteIndex

Range = tuple[int, int]  # (start, end) character offsets, end exclusive

SUBJ = {"nsubj", "csubj"}
CLAUSAL = {"ccomp", "xcomp", "csubj"}
NP_COMP = {"dobj", "oprd", "attr"}
NOUN_PREPS = {"for", "of", "against", "on", "about", "to", "with"}
CONTENT_PREPS = {"as", "about", "of", "for", "against", "over", "on"}
INHERIT_SUBJ = {"xcomp", "conj", "advcl", "ccomp", "pcomp"}
REL_PRON = {"who", "which", "that", "whom"}
CHAIN_CLASSES = {"intention", "belief"}   # "declined to say", "seemed to suggest": one cue
CHAIN_LEMMAS = {"continue"}
NAMING = {"call", "name", "dub", "label", "term", "brand"}
OPEN_QUOTES = {"“", '"', "``", "''", "«", "„"}
PUNCT_TRIM = set(",;:—–-()[].") | {"--"}


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
    feats: dict[str, float] = field(default_factory=dict)  # what the cue model scores


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
        a, b = start, prev  # the run's first and last token, trimmed (no Token list built)
        if a == b and doc[a].lower_ in REL_PRON:
            b = a - 1  # "which" left over from "which he said was ..."
        while a <= b and (doc[a].text in PUNCT_TRIM or doc[a].is_space):
            a += 1
        while a <= b and (doc[b].text in PUNCT_TRIM or doc[b].is_space):
            b -= 1
        if a <= b:
            out.append((doc[a].idx, doc[b].idx + len(doc[b])))
        if i is not None:
            start = prev = i
    return out


def subtree_idx(tok: Token) -> set[int]:
    return {t.i for t in tok.subtree}


def span_of(tok: Token) -> Range:
    """The character range of a phrase headed by ``tok`` (its subtree), edge punctuation trimmed."""
    r = runs(tok.doc, subtree_idx(tok))
    return (r[0][0], r[-1][1]) if r else (tok.idx, tok.idx + len(tok))


def source_span(subj: Token, verb: Optional[Token] = None) -> Range:
    """The source phrase: the subject's subtree (a relative pronoun stays itself, as PARC/PolNeAR
    annotate it; cc_speakers resolves it). For a noun modified by the cue's own clause
    ("candidates proposing ...") only the part before that clause."""
    if verb is not None and verb.head is subj:
        keep = subtree_idx(subj) - subtree_idx(verb)
        r = runs(subj.doc, {i for i in keep if i <= subj.i})
        return (r[0][0], r[-1][1]) if r else (subj.idx, subj.idx + len(subj))
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
    if tok.dep_ == "advcl" and tok.tag_ == "VBN":
        return None, True  # "Asked about it, the spokesman said": the subject was asked, not asking
    if tok.dep_ in INHERIT_SUBJ and tok.head is not tok and depth < 3 and tok.head.pos_ in ("VERB", "AUX"):
        return find_subject(tok.head, depth + 1)
    # "by hitting Trump for ...", "before endorsing X": the verb governing the preposition
    if tok.dep_ == "pcomp" and tok.head.dep_ == "prep" and depth < 3 and tok.head.head.pos_ in ("VERB", "AUX"):
        return find_subject(tok.head.head, depth + 1)
    # "candidates proposing tax cuts": the noun the participle modifies
    if tok.dep_ == "acl" and tok.head.pos_ in ("NOUN", "PROPN", "PRON"):
        return tok.head, False
    return None, False


# ----------------------------------------------------------------------------- one pass over a doc

class DocView:
    """What the rules need from a doc, gathered in one pass: candidate tokens by kind and the
    sentence bounds of every token (``Token.sent`` rescans the doc on each call)."""

    def __init__(self, doc: Doc, lex: Lexicon, marker_first: dict, text: Optional[str] = None,
                 all_verbs: bool = False):
        self.doc = doc
        self.text = text if text is not None else doc.text  # Doc.text rebuilds the string on each call
        self.verbs: list[Token] = []
        self.nouns: list[Token] = []
        self.markers: list[Token] = []
        self.nocomment: list[Token] = []  # tokens whose lemma a no-comment rule starts from
        nc_lemmas = lex.no_comment_lemmas
        n = len(doc)
        verbs, nouns = lex.verbs, lex.nouns
        # the attributes as arrays, no Token object nor string per token: a Token is made only for
        # the tokens kept, and each distinct lemma / word form of the doc is read once
        cols = doc.to_array([POS, SENT_START, LOWER, LEMMA]) if n else numpy.zeros((0, 4), dtype="uint64")
        pos, lower, lemma = cols[:, 0], cols[:, 2], cols[:, 3]
        strings = doc.vocab.strings
        lem_low = {h: strings[h].lower() for h in numpy.unique(lemma).tolist()}
        is_verb, is_noun = pos == _VERB, pos == _NOUN
        if not all_verbs:
            is_verb[is_verb] = [verb_lemma(doc[i], verbs) is not None for i in numpy.flatnonzero(is_verb).tolist()]
            is_noun &= numpy.isin(lemma, [h for h, w in lem_low.items() if w in nouns])
        self.verbs = [doc[i] for i in numpy.flatnonzero(is_verb).tolist()]
        self.nouns = [doc[i] for i in numpy.flatnonzero(is_noun).tolist()]
        forms = [get_string_id(w) for w in marker_first]  # a hit is checked on the string itself
        self.markers = [doc[i] for i in numpy.flatnonzero(numpy.isin(lower, forms)).tolist()
                        if doc[i].lower_ in marker_first]
        nc = [h for h, w in lem_low.items() if w in nc_lemmas]
        self.nocomment = [doc[i] for i in numpy.flatnonzero(numpy.isin(lemma, nc)).tolist()]
        starts = [i for i in numpy.flatnonzero(cols[:, 1] == 1).tolist() if i > 0]
        self.sent_lo: list[int] = []
        self.sent_hi: list[int] = []
        for a, b in zip([0] + starts, starts + [n]):
            self.sent_lo.extend([a] * (b - a))
            self.sent_hi.extend([b] * (b - a))

    def sent(self, i: int) -> tuple[int, int]:
        return self.sent_lo[i], self.sent_hi[i]


def verb_lemma(tok: Token, verbs: dict) -> Optional[str]:
    """The lexicon lemma of a verb token; falls back on the word form when the lemmatizer
    slips ("hopes" -> "hop")."""
    lem = tok.lemma_.lower()
    if lem in verbs:
        return lem
    w = tok.lower_
    for suffix, add in (("ing", "e"), ("ing", ""), ("es", ""), ("s", ""), ("ed", ""), ("d", "")):
        if w.endswith(suffix) and len(w) > len(suffix) + 2:
            cand = w[: -len(suffix)] + add
            if cand in verbs:
                return cand
    return None


# ----------------------------------------------------------------------------- rules

class Rules:
    """The rules with their lexicons; built once per pipeline."""

    def __init__(self, lex: Lexicon, colon_labels: set[str], open_verbs: bool = False):
        self.lex = lex
        self.open = open_verbs
        self.colon_labels = colon_labels
        self.marker_first = {}
        for words, w in lex.markers.items():
            self.marker_first.setdefault(words[0], []).append((words, w))

    # --- verbs ---------------------------------------------------------------------------
    def view(self, doc: Doc, text: Optional[str] = None) -> DocView:
        return DocView(doc, self.lex, self.marker_first, text, self.open)

    def verb_cands(self, view: DocView, qi: QuoteIndex, paras: list[Range]) -> Iterator[Cand]:
        """Verb cues. With ``self.open`` every verb with a subject and a complement is a candidate
        (the cue model decides); otherwise only lexicon verbs in their frame."""
        doc = view.doc
        verbs = self.lex.verbs
        consumed: set[int] = set()
        for tok in view.verbs:
            if tok.i in consumed or tok.dep_ == "amod" or qi.inside(tok.idx):
                continue
            lem = verb_lemma(tok, verbs)
            entry = verbs.get(lem or "")
            if entry is None:
                if not self.open:
                    continue
                entry = VerbCue(tok.lemma_.lower(), "open", "clause", 0.0)
            head_tok, cue_toks = tok, [tok]
            # "declined to say whether", "seemed to suggest that": one cue spanning the chain
            for c in tok.children if (entry.cls in CHAIN_CLASSES or entry.lemma in CHAIN_LEMMAS) else ():
                if c.dep_ == "xcomp" and c.pos_ == "VERB" and verb_lemma(c, verbs) is not None:
                    consumed.add(c.i)
                    cue_toks = [tok, c]
                    head_tok = c
                    break
            feats: dict[str, float] = {}
            content = self._verb_content(view, tok, head_tok, entry, qi, paras, feats)
            if not content:
                continue
            idxs, postposed, path = content
            subj, passive = find_subject(tok)
            if subj is None and (not self.open or path == "prep"):
                continue  # no one to attribute it to, or no speaker and only a topic ("Asked about it")
            src = source_span(subj, tok) if subj is not None else None
            if src is not None and any(s <= src[0] and src[1] <= e for s, e in idxs):
                continue  # the source inside the content: a bad parse
            cue = (cue_toks[0].idx, cue_toks[-1].idx + len(cue_toks[-1]))
            feats.update(verb_features(tok, subj, entry, path, idxs, qi, view.text, len(cue_toks) > 1))
            yield Cand(cue=cue, lemma=entry.lemma, source=src, content=idxs, weight=entry.weight,
                       anchor=tok.idx, postposed=postposed, cue_tokens={t.i for t in cue_toks}, feats=feats)

    def _verb_content(self, view: DocView, tok: Token, head_tok: Token, entry: VerbCue,
                      qi: QuoteIndex, paras: list[Range], feats: dict):
        """(content ranges, postposed, path) or None; notes what it saw in ``feats``."""
        doc = view.doc
        frame = entry.frame
        kids = list(head_tok.children)
        clausal = [c for c in kids if c.dep_ in CLAUSAL and c.dep_ != "csubj"]
        if head_tok is not tok:  # "declined to comment": the xcomp verb's own complements
            clausal = [c for c in kids if c.dep_ in CLAUSAL]
        np_comp = [c for c in kids if c.dep_ in NP_COMP]
        preps = [c for c in kids if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS
                 and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
        chosen: list[Token] = []
        path = ""
        if clausal:
            chosen, path = clausal, "clause"
            # "called on X to do Y", "urged X to": keep the object with the infinitive
            if any(c.dep_ == "xcomp" for c in clausal):
                chosen = clausal + np_comp
                path = "xcomp"
            first = clausal[0]
            mark = next((g.lower_ for g in first.children if g.dep_ in ("mark", "aux") and g.i < first.i), "")
            feats["mark=" + (mark if mark in ("that", "whether", "if", "to") else "other" if mark else "none")] = 1.0
            feats["wh"] = float(first.left_edge.tag_ in ("WDT", "WP", "WRB", "WP$"))
        elif np_comp or preps:
            quoted = any(_has_quote(c, qi) for c in np_comp + preps)
            named_only = (not quoted and np_comp and not preps and all(
                c.lemma_.lower() in self.lex.nouns and not _np_has_clause(c) for c in np_comp))
            naming = tok.lemma_.lower() in NAMING and any(c.dep_ == "oprd" for c in kids)
            clause_in_np = any(_np_has_clause(c) for c in np_comp)
            reduced_rel = tok.dep_ == "acl" and not (quoted or naming or clause_in_np)
            bare_call = (tok.lemma_.lower() in NAMING and not naming and not quoted)
            feats.update({"np_quoted": float(quoted), "np_named_only": float(bool(named_only)),
                          "np_naming": float(naming), "np_clause": float(clause_in_np),
                          "np_reduced_rel": float(reduced_rel), "np_bare_call": float(bare_call),
                          "np_prep_only": float(not np_comp)})
            if named_only:
                chosen = []  # "rejects the claim": a report named but not stated has no content
            elif self.open or ((frame == "np" or quoted or naming or clause_in_np)
                               and not reduced_rel and not bare_call):
                chosen, path = np_comp + preps, ("np" if np_comp else "prep")
                if preps:
                    feats["prep=" + preps[0].lower_] = 1.0
        if chosen:
            idxs: set[int] = set()
            for c in chosen:
                idxs |= subtree_idx(c)
            r = runs(doc, idxs)
            if r:
                r = _extend_quotes(doc, r, qi, tok.idx)
                return r, r[0][0] < tok.idx, path
        # parenthetical: "C, he said" parsed with "said" under the content's clause
        if tok.dep_ in ("parataxis", "ccomp") and tok.head is not tok and find_subject(tok)[0] is not None:
            head = tok.head
            idxs = subtree_idx(head) - subtree_idx(tok)
            if head.dep_ not in ("ROOT",):
                idxs = set(range(*view.sent(head.i))) - subtree_idx(tok)
            r = runs(doc, idxs)
            if r:
                return _extend_quotes(doc, r, qi, tok.idx), r[0][0] < tok.idx, "paren"
        # "“C!” Maher replied." / "“C?” asked X": the quotation that ends just before the tag
        before = _preceding_quote(doc, tok, qi)
        if before is not None:
            return [(before.start, before.end)], True, "quote_before"
        # "He added: “C”" / "…, adding, “C”": the quotation that follows the cue
        follow = _following_quote(doc, head_tok, qi, view.sent(head_tok.i)[1])
        if follow is not None:
            return [(follow.start, follow.end)], False, "quote_after"
        # "X said:" ending a paragraph: the next paragraph is what was said
        nxt = head_tok.i + 1
        while nxt < len(doc) and doc[nxt].is_space:
            nxt += 1
        if nxt < len(doc) and doc[nxt].text == ":":
            end = doc[nxt].idx + 1
            for pi, (ps, pe) in enumerate(paras):
                if ps <= end <= pe:
                    if not view.text[end:pe].strip() and pi + 1 < len(paras):
                        return [paras[pi + 1]], False, "colon_next"
                    if view.text[end:pe].strip():
                        s = end + len(view.text[end:pe]) - len(view.text[end:pe].lstrip())
                        return [(s, pe)], False, "colon"
        return None

    # --- "X declined to comment", "X did not respond to requests for comment" ---------------
    def nocomment_cands(self, view: DocView, qi: QuoteIndex) -> Iterator[Cand]:
        """Refusals and unanswered requests (``data/no_comment_cues.tsv``): statements whose stance
        is no_knowledge. As PolNeAR annotates them, the cue is the refusing verb ("declined") and
        the content what was refused ("to comment"); for an unanswered request the cue is the
        negated verb ("did not respond") and the content the request ("to requests for comment")."""
        nc = self.lex.no_comment
        if not nc:
            return
        refuse, acts = nc.get("refuse", frozenset()), nc.get("speech_act", frozenset())
        respond, request = nc.get("respond", frozenset()), nc.get("request", frozenset())
        unreach = nc.get("unreachable", frozenset())
        doc = view.doc
        for tok in view.nocomment:
            lem = tok.lemma_.lower()
            if qi.inside(tok.idx):
                continue
            found = _no_comment(tok, lem, refuse, acts, respond, request, unreach)
            if found is None:
                continue
            cue_toks, content_tok, subj = found
            if subj is None:
                continue
            r = runs(doc, subtree_idx(content_tok))
            if not r:
                continue
            src = source_span(subj, tok)
            if any(s <= src[0] and src[1] <= e for s, e in r):
                continue
            yield Cand(cue=tok_range(cue_toks), lemma=lem, source=src, content=r, weight=0.9, anchor=tok.idx,
                       rule="nocomment", cue_tokens={t.i for t in cue_toks})

    # --- "according to X" -------------------------------------------------------------------
    def marker_cands(self, view: DocView, cue_heads: set[int], qi: QuoteIndex) -> Iterator[Cand]:
        doc = view.doc
        for tok in view.markers:
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
                s_lo, s_hi = view.sent(tok.i)
                marker_idx = set(range(tok.i, tok.i + n)) | subtree_idx(obj)
                # the phrase's own extent (the marker and its object)
                lo, hi = min(marker_idx), max(marker_idx)
                # "X said C, according to KCNA": a relay of an attributed statement, not a new one
                # (the marker hangs on the reporting verb, or shares its sentence with one)
                if tok.head.i in cue_heads or any(s_lo <= i < s_hi for i in cue_heads):
                    yield Cand(cue=tok_range(list(doc[tok.i:tok.i + n])), lemma=" ".join(words),
                               source=src, content=[], weight=0.0, anchor=tok.idx, rule="via",
                               via=view.text[src[0]:src[1]])
                    break
                idxs = set(range(s_lo, s_hi)) - set(range(lo, hi + 1))
                r = runs(doc, idxs)
                if r:
                    lem = " ".join(words)
                    feats = {"bias_marker": 1.0, "lem=" + lem: 1.0, "w": w,
                             "mk_pos=" + ("end" if r[0][0] < tok.idx else "start"): 1.0,
                             "subj_ent=" + (obj.ent_type_ or "none"): 1.0, "subj_pos=" + obj.pos_: 1.0}
                    yield Cand(cue=tok_range(list(doc[tok.i:tok.i + n])), lemma=lem,
                               source=src, content=r, weight=w, anchor=tok.idx, rule="marker",
                               postposed=r[0][0] < tok.idx, feats=feats)
                break

    # --- nominal cues ----------------------------------------------------------------------
    def noun_cands(self, view: DocView, qi: QuoteIndex) -> Iterator[Cand]:
        doc = view.doc
        nouns = self.lex.nouns
        for tok in view.nouns:
            if qi.inside(tok.idx):
                continue
            lem = tok.lemma_.lower()
            entry = nouns.get(lem)
            if entry is None:
                if not self.open:
                    continue
                entry = NounCue(lem, "open", 0.0)
            kids = list(tok.children)  # walked up to four times below
            clause = None
            for c in kids:
                if c.dep_ in ("acl", "ccomp") and c.pos_ in ("VERB", "AUX"):
                    if any(g.dep_ == "mark" and g.lower_ in ("that", "whether") for g in c.children):
                        clause = c
                        break
                    if entry.cls == "intention" and any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children):
                        clause = c
                        break
            prep = None
            if clause is None and self.open:  # "Trump's call for a ban", "her support of the deal"
                prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ in NOUN_PREPS
                             and any(g.dep_ in ("pobj", "pcomp") for g in c.children)), None)
            if clause is None and prep is None:
                continue
            src = None
            for c in kids:
                if c.dep_ == "poss":
                    src = span_of(c)
                    break
            if src is None:
                mods = [c for c in kids if c.dep_ in ("compound", "amod", "nmod") and c.i < tok.i
                        and (c.pos_ == "PROPN" or c.ent_type_ in ("NORP", "GPE", "ORG", "PERSON"))]
                if mods:
                    s0 = min(c.left_edge.i for c in mods)
                    s1 = max(c.right_edge.i for c in mods)
                    src = tok_range(list(doc[s0:s1 + 1]))
            if src is None:
                for c in kids:
                    if c.dep_ == "prep" and c.lower_ in ("by", "from"):
                        obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                        if obj is not None:
                            src = span_of(obj)
                            break
            if src is None:
                continue
            if clause is not None:
                idxs = subtree_idx(clause)
                idxs -= {g.i for g in clause.children if g.dep_ == "mark" and g.i == clause.left_edge.i}
                kind = "clause=" + clause.dep_
            else:
                idxs = set().union(*(subtree_idx(g) for g in prep.children if g.dep_ in ("pobj", "pcomp")))
                kind = "prep=" + prep.lower_
            r = runs(doc, idxs)
            if r:
                feats = {"bias_noun": 1.0, "lem=n:" + entry.lemma: 1.0, "cls=" + entry.cls: 1.0, "w": entry.weight,
                         "noun_dep=" + tok.dep_: 1.0, "noun_" + kind: 1.0, "lem_kind=n:" + entry.lemma + "|" + kind: 1.0}
                yield Cand(cue=(tok.idx, tok.idx + len(tok)), lemma=tok.lemma_.lower(), source=src, content=r,
                           weight=entry.weight, anchor=tok.idx, rule="nominal", nominal=True, feats=feats)

    # --- "WALLACE: ..." / "Pence: ..." ------------------------------------------------------
    def colon_cands(self, view: DocView, paras: list[Range]) -> list[Cand]:
        """Speaker turns; a doc with several upper-case turns is a transcript (a feature)."""
        out = list(self._colon_cands(view, paras))
        turns = sum(1 for c in out if c.feats["colon_upper"])
        for c in out:
            c.feats["colon_turns=" + ("many" if turns >= 2 else "one")] = 1.0
            c.feats["colon_upper_turns"] = float(turns >= 2 and c.feats["colon_upper"] > 0)
        return out

    def _colon_cands(self, view: DocView, paras: list[Range]) -> Iterator[Cand]:
        doc, text = view.doc, view.text
        for ps, pe in paras:
            colon = text.find(":", ps, min(pe, ps + 60))
            if colon <= ps or colon + 1 >= pe:
                continue
            label = text[ps:colon].strip()
            if not label or not (label[0].isupper() or label[0].isdigit()):
                continue
            if label.lower().rstrip(".") in self.colon_labels or label.endswith(".") or len(label.split()) > 6:
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
            feats = {"bias_colon": 1.0, "colon_upper": float(label.isupper()),
                     "colon_words=" + _bucket(len(label.split())): 1.0,
                     "colon_first_para": float(ps == paras[0][0]),
                     "colon_quoted": float(any(ch in text[s:pe] for ch in "“\"‘'")),
                     "colon_person": float(any(t.ent_type_ == "PERSON" for t in span))}
            yield Cand(cue=(colon, colon + 1), lemma=":", source=(ps, ps + len(label)), content=[(s, pe)],
                       weight=0.8, anchor=colon, rule="colon", feats=feats)


def _has_quote(tok: Token, qi: QuoteIndex) -> bool:
    if not qi.at:
        return False  # no quotation in the text: no need to walk the subtree
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


def _following_quote(doc: Doc, tok: Token, qi: QuoteIndex, sent_end: int) -> Optional[Quote]:
    """A quotation opening within a few tokens after the cue, past a comma or colon."""
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


def _bucket(n: int) -> str:
    return "1" if n <= 1 else "2-3" if n <= 3 else "4-7" if n <= 7 else "8-15" if n <= 15 else "16+"


def verb_features(tok: Token, subj: Optional[Token], entry: VerbCue, path: str, content: list[Range],
                  qi: QuoteIndex, text: str, chain: bool) -> dict[str, float]:
    """What the cue model sees of a verb candidate."""
    lem = entry.lemma
    f = {"bias_verb": 1.0, "lem=" + lem: 1.0, "cls=" + entry.cls: 1.0, "w": entry.weight,
         "path=" + path: 1.0, "lem_path=" + lem + "|" + path: 1.0, "dep=" + tok.dep_: 1.0,
         "lem_dep=" + lem + "|" + tok.dep_: 1.0, "tag=" + tok.tag_: 1.0, "cls_path=" + entry.cls + "|" + path: 1.0}
    if chain:
        f["chain"] = 1.0
    if any(c.dep_ == "neg" for c in tok.children):
        f["neg"] = 1.0
    if subj is None:
        f["nosubj"] = 1.0
        f["lem_nosubj=" + lem] = 1.0
        if any(c.dep_ in ("auxpass", "nsubjpass") for c in tok.children):
            f["passive"] = 1.0
            f["lem_passive=" + lem] = 1.0
    else:
        if subj.pos_ == "PRON":
            f["subj_pron=" + subj.lower_] = 1.0
        else:
            f["subj_pos=" + subj.pos_] = 1.0
            f["subj_ent=" + (subj.ent_type_ or "none")] = 1.0
        if subj.head is not tok:
            f["subj_inherited"] = 1.0
        if subj.i > tok.i:
            f["subj_after"] = 1.0
        if subj.dep_ == "pobj":
            f["subj_agent"] = 1.0
    n_alpha = sum(1 for s, e in content for w in text[s:e].split())
    f["clen=" + _bucket(n_alpha)] = 1.0
    quoted = 0
    total = 0
    for s, e in content:
        total += e - s
        for q in qi.overlapping(s, e):
            quoted += min(e, q.end) - max(s, q.start)
    f["cq=" + ("none" if not quoted else "all" if quoted >= total - 2 else "part")] = 1.0
    f["lem_cq=" + lem + "|" + ("none" if not quoted else "q")] = 1.0
    # context: what governs the cue, what follows it, how the content opens
    if tok.dep_ != "ROOT":
        f["head=" + tok.head.lemma_.lower()] = 1.0
    nxt = tok.nbor(1) if tok.i + 1 < len(tok.doc) else None
    if nxt is not None:
        f["next=" + nxt.lower_] = 1.0
    if content:
        first = text[content[0][0]:content[0][1]].split(None, 1)
        if first:
            f["c_first=" + first[0].lower()[:12]] = 1.0
    f["c_before"] = float(content[0][0] < tok.idx) if content else 0.0
    return f


def _negation_toks(tok: Token) -> list[Token]:
    """The auxiliaries and negation before a verb ("did not", "could not be"), when it is negated."""
    left = [c for c in tok.children if c.i < tok.i and c.dep_ in ("aux", "auxpass", "neg", "advmod")]
    if not any(c.dep_ == "neg" or c.lower_ == "never" for c in left):
        return []
    first = min(c.i for c in left if c.dep_ in ("aux", "auxpass", "neg") or c.lower_ == "never")
    return list(tok.doc[first:tok.i])


def _neither_subject(tok: Token) -> bool:
    """Is the verb's subject "neither X nor Y" (a negation carried by the subject)?"""
    return any(c.dep_ in ("nsubj", "nsubjpass") and (c.lower_ == "neither" or any(
        g.dep_ in ("preconj", "det") and g.lower_ == "neither" for g in c.children)) for c in tok.children)


def _no_comment(tok: Token, lem: str, refuse, acts, respond, request, unreach):
    """(cue tokens, content head, subject) of a no-comment formula headed by ``tok``, or None."""
    kids = list(tok.children)
    if lem in refuse and tok.pos_ == "VERB":
        for c in kids:
            if c.dep_ == "xcomp" and c.lemma_.lower() in acts and c.pos_ == "VERB":
                if lem == "choose" and not any(g.dep_ == "neg" for g in c.children):
                    continue  # "chose to respond" is not a refusal; "is choosing not to respond" is
                return [tok], c, find_subject(tok)[0]
            if c.dep_ == "dobj" and c.lemma_.lower() in acts and lem != "choose":
                return [tok], c, find_subject(tok)[0]  # "declined comment"
        return None
    if lem in respond and tok.pos_ == "VERB":
        neg = _negation_toks(tok)
        if not neg and not _neither_subject(tok):  # "Neither Maples nor Trump responded to requests…"
            return None
        for c in kids:
            if c.dep_ == "dobj" and c.lemma_.lower() in request:
                return neg + [tok], c, find_subject(tok)[0]  # "did not return calls"
            if c.dep_ == "prep" and c.lower_ == "to":
                obj = next((g for g in c.children if g.dep_ == "pobj"), None)
                if obj is not None and obj.lemma_.lower() in request:
                    return neg + [tok], c, find_subject(tok)[0]  # "did not respond to requests for comment"
        return None
    if lem in unreach:
        prep = next((c for c in kids if c.dep_ == "prep" and c.lower_ == "for"
                     and any(g.dep_ == "pobj" and g.lemma_.lower() in acts for g in c.children)), None)
        if prep is None:
            return None
        if tok.pos_ == "VERB":  # "could not be reached for comment"
            neg = _negation_toks(tok)
            subj = next((c for c in kids if c.dep_ == "nsubjpass"), None)
            return (neg + [tok], prep, subj) if neg else None
        if tok.pos_ == "ADJ" and tok.dep_ == "acomp":  # "was not available / was unavailable for comment"
            head = tok.head
            if not lem.startswith("un") and not any(c.dep_ == "neg" for c in head.children):
                return None
            first = min([head.i] + [c.i for c in head.children if c.dep_ in ("aux", "neg") and c.i < tok.i])
            subj = next((c for c in head.children if c.dep_ == "nsubj"), None)
            return list(tok.doc[first:tok.i + 1]), prep, subj
        return None
    if lem in acts and tok.pos_ == "VERB" and tok.dep_ != "xcomp":
        # "would not comment on the report", "did not elaborate on the plan"
        neg = _negation_toks(tok)
        if not neg or lem == "say" or any(c.dep_ in CLAUSAL for c in kids):
            return None  # "I didn't say that" denies; "did not say whether" is the verb rule's
        comp = next((c for c in kids if c.dep_ in ("dobj", "prep") and c.lower_ not in ("for", "with", "in", "at")), None)
        if comp is None or comp.pos_ == "PRON":
            return None
        return neg + [tok], comp, find_subject(tok)[0]
    return None
