"""Verb cues: "X said (that) C", "C, X said", "C, said X", "X told Y C", "X denied the report",
"X wants to C", "X declined to say whether C", "He added: “C”"; and what the cue model sees of them."""
from __future__ import annotations

from typing import Iterator, Optional

from spacy.tokens import Doc, Token

from .lexicon import Lexicon, VerbCue
from .quotes import Quote, QuoteIndex
from .syntax import CLAUSAL, SUBJ, Cand, DocView, Range, bucket, find_subject, runs, source_span, verb_lemma
from .tags import TAG_PATHS, passive_patient, stray_subjects, tag_clause, tag_content, tag_subject

NP_COMP = {"dobj", "oprd", "attr"}
CONTENT_PREPS = {"as", "about", "of", "for", "against", "over", "on"}
CHAIN_CLASSES = {"intention", "belief"}   # "declined to say", "seemed to suggest": one cue
CHAIN_LEMMAS = {"continue"}
NAMING = {"call", "name", "dub", "label", "term", "brand"}
OPEN_QUOTES = {"“", '"', "``", "''", "«", "„"}


def verb_cands(lex: Lexicon, open_cues: bool, view: DocView, qi: QuoteIndex, paras: list[Range]) -> Iterator[Cand]:
    """Verb cues. With ``open_cues`` every verb with a subject and a complement is a candidate
    (the cue model decides); otherwise only lexicon verbs in their frame."""
    doc = view.doc
    verbs = lex.verbs
    consumed: set[int] = set()
    for tok in view.verbs:
        if tok.i in consumed or tok.dep_ == "amod" or qi.inside(tok.idx):
            continue
        lem = verb_lemma(tok, verbs)
        entry = verbs.get(lem or "")
        if entry is None:
            if not open_cues:
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
        content = _verb_content(lex, open_cues, view, tok, head_tok, entry, qi, paras, feats)
        if not content:
            continue
        idxs, postposed, path = content
        subj, passive = find_subject(tok)
        own = tag_subject(tok)
        if own is not None:  # "The drug, the company said, is safe": the subject by the verb speaks
            subj = own
            if path not in TAG_PATHS:
                stray = runs(doc, set().union(*(view.subtree_idx(c) for c in stray_subjects(tok))))
                idxs = sorted(set(idxs) | set(stray))
        if subj is None and (not open_cues or path == "prep"):
            continue  # no one to attribute it to, or no speaker and only a topic ("Asked about it")
        src = source_span(view, subj, tok) if subj is not None else None
        if src is not None and any(s <= src[0] and src[1] <= e for s, e in idxs):
            continue  # the source inside the content: a bad parse
        cue = (cue_toks[0].idx, cue_toks[-1].idx + len(cue_toks[-1]))
        feats.update(verb_features(tok, subj, entry, path, idxs, qi, view.text, len(cue_toks) > 1))
        yield Cand(cue=cue, lemma=entry.lemma, source=src, content=idxs, weight=entry.weight,
                   anchor=tok.idx, postposed=postposed, cue_tokens={t.i for t in cue_toks}, feats=feats)


def _verb_content(lex: Lexicon, open_cues: bool, view: DocView, tok: Token, head_tok: Token, entry: VerbCue,
                  qi: QuoteIndex, paras: list[Range], feats: dict):
    """(content ranges, postposed, path) or None; notes what it saw in ``feats``."""
    doc = view.doc
    frame = entry.frame
    kids = list(head_tok.children)
    clausal = [c for c in kids if c.dep_ in CLAUSAL and c.dep_ != "csubj" and not _across_semicolon(tok, c)]
    if head_tok is not tok:  # "declined to comment": the xcomp verb's own complements
        clausal = [c for c in kids if c.dep_ in CLAUSAL]
    np_comp = [c for c in kids if c.dep_ in NP_COMP]
    preps = [c for c in kids if c.dep_ == "prep" and c.lower_ in CONTENT_PREPS
             and any(g.dep_ in ("pobj", "pcomp") for g in c.children)]
    chosen: list[Token] = []
    path = ""
    if not clausal and head_tok is tok and entry.cls == "speech" and entry.lemma not in NAMING:
        tag = tag_clause(view, tok)
        if tag is not None:  # "The plant, the operator said, had not leaked" / "As X noted, C"
            r = runs(doc, tag_content(view, tok))
            if r:
                feats["formula"] = 1.0  # a set-off tag: kept (see assembly)
                return _extend_quotes(doc, r, qi, tok.idx), r[0][0] < tok.idx, tag
        patient = passive_patient(lex, tok, entry, view)
        if patient:  # "The allegations were denied by X"
            r = runs(doc, patient)
            if r:
                feats["formula"] = 1.0  # a passive report with its agent: kept (see assembly)
                return _extend_quotes(doc, r, qi, tok.idx), r[0][0] < tok.idx, "passive"
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
        quoted = any(view.has_quote(c, qi) for c in np_comp + preps)
        # "cited the report": a report named but not stated has no content; a denial of it ("denied the
        # report", "rejected the allegations of price fixing") or a characterization of it ("slammed the
        # reports as fake news", "described the report as false") says something of the claim it makes
        as_phrase = [c for c in kids if c.dep_ == "prep" and c.lower_ == "as" and c not in preps]
        characterized = bool(as_phrase) or any(c.dep_ == "oprd" for c in kids) or any(
            g.dep_ == "prep" and g.lower_ == "as" for c in np_comp for g in c.children)
        named_only = (not quoted and np_comp and not preps and entry.lemma not in lex.denial_verbs
                      and not characterized and all(c.lemma_.lower() in lex.nouns and not _np_has_clause(c)
                                                    for c in np_comp))
        naming = tok.lemma_.lower() in NAMING and any(c.dep_ == "oprd" for c in kids)
        clause_in_np = any(_np_has_clause(c) for c in np_comp)
        reduced_rel = tok.dep_ == "acl" and not (quoted or naming or clause_in_np)
        bare_call = (tok.lemma_.lower() in NAMING and not naming and not quoted)
        feats.update({"np_quoted": float(quoted), "np_named_only": float(bool(named_only)),
                      "np_naming": float(naming), "np_clause": float(clause_in_np),
                      "np_reduced_rel": float(reduced_rel), "np_bare_call": float(bare_call),
                      "np_prep_only": float(not np_comp)})
        if named_only:
            chosen = []
        elif open_cues or ((frame == "np" or quoted or naming or clause_in_np)
                           and not reduced_rel and not bare_call):
            chosen, path = np_comp + preps + (as_phrase if np_comp else []), ("np" if np_comp else "prep")
            if preps:
                feats["prep=" + preps[0].lower_] = 1.0
    if chosen:
        idxs: set[int] = set()
        for c in chosen:
            idxs |= view.subtree_idx(c)
        r = runs(doc, idxs)
        if r:
            r = _extend_quotes(doc, r, qi, tok.idx)
            return r, r[0][0] < tok.idx, path
    # parenthetical: "C, he said" parsed with "said" under the content's clause
    if tok.dep_ in ("parataxis", "ccomp") and tok.head is not tok and find_subject(tok)[0] is not None:
        head = tok.head
        idxs = view.subtree_idx(head) - view.subtree_idx(tok)
        if head.dep_ not in ("ROOT",):
            idxs = set(range(*view.sent(head.i))) - view.subtree_idx(tok)
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


def _across_semicolon(tok: Token, comp: Token) -> bool:
    """Is a complement separated from its verb by a semicolon ("The quote is fabricated; he never
    said it": two clauses, not one reporting the other)?"""
    lo, hi = (comp.right_edge.i, tok.i) if comp.i < tok.i else (tok.i, comp.left_edge.i)
    return any(t.text == ";" for t in tok.doc[lo:hi])


def _np_has_clause(tok: Token) -> bool:
    return any(c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" for g in c.children) for c in tok.children)


def _extend_quotes(doc: Doc, ranges: list[Range], qi: QuoteIndex, cue_at: int) -> list[Range]:
    """Grow a content to cover any quotation it starts or ends inside (multi-sentence quotes),
    unless the cue itself is inside that quotation (a report nested in a quote)."""
    if not qi:
        return ranges
    quotes = qi.quotes
    out = []
    for s, e in ranges:
        # quotations never overlap: the first and last overlapping ones reach furthest, and at most
        # one holds the cue
        first, last = qi.overlap_bounds(s, e)
        last -= 1
        if first <= last and quotes[first].start <= cue_at < quotes[first].end:
            first += 1
        if first <= last and quotes[last].start <= cue_at < quotes[last].end:
            last -= 1
        if first <= last:
            s, e = min(s, quotes[first].start), max(e, quotes[last].end)
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
    n_alpha = sum(len(text[s:e].split()) for s, e in content)
    f["clen=" + bucket(n_alpha)] = 1.0
    quoted = 0
    total = 0
    for s, e in content:
        total += e - s
        quoted += qi.quoted_chars(s, e)
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

