"""Speaker turns: "WALLACE: C" in a transcript, headlines "Pence: C" (cue ":").

A headline's colon attributes what follows it to the person or body before it (Mårdh 1980 on the
colon of headlines: "Kremlin: reports of Putin's illness are false"): a line of its own with no final
stop whose label names a person or an organisation is marked ``colon_headline``, which the cue model
does not weigh (a one-line headline gives it nothing to weigh) and ``assembly`` keeps as it keeps a
transcript's turns. A topic before a colon ("Brexit: what happens next") names no person or
organisation and is left to the model."""
from __future__ import annotations

from typing import Iterator

from .syntax import Cand, DocView, Range, bucket, headline_line

MAX_HEADLINE_WORDS = 20


def colon_cands(colon_labels: set[str], view: DocView, paras: list[Range]) -> list[Cand]:
    """Speaker turns; a doc with several upper-case turns is a transcript (a feature)."""
    out = list(_colon_cands(colon_labels, view, paras))
    turns = sum(1 for c in out if c.feats["colon_upper"])
    for c in out:
        c.feats["colon_turns=" + ("many" if turns >= 2 else "one")] = 1.0
        c.feats["colon_upper_turns"] = float(turns >= 2 and c.feats["colon_upper"] > 0)
    return out


def _colon_cands(colon_labels: set[str], view: DocView, paras: list[Range]) -> Iterator[Cand]:
    doc, text = view.doc, view.text
    for ps, pe in paras:
        colon = text.find(":", ps, min(pe, ps + 60))
        if colon <= ps or colon + 1 >= pe:
            continue
        label = text[ps:colon].strip()
        if not label or not (label[0].isupper() or label[0].isdigit()):
            continue
        if label.lower().rstrip(".") in colon_labels or label.endswith(".") or len(label.split()) > 6:
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
                 "colon_words=" + bucket(len(label.split())): 1.0,
                 "colon_first_para": float(ps == paras[0][0]),
                 "colon_quoted": float(any(ch in text[s:pe] for ch in "“\"‘'")),
                 "colon_person": float(any(t.ent_type_ == "PERSON" for t in span)),
                 "colon_headline": float(_headline(text, ps, pe) and any(t.ent_type_ in ("PERSON", "ORG") for t in span))}
        yield Cand(cue=(colon, colon + 1), lemma=":", source=(ps, ps + len(label)), content=[(s, pe)],
                   weight=0.8, anchor=colon, rule="colon", feats=feats)


def _headline(text: str, ps: int, pe: int) -> bool:
    """Is the paragraph a headline (``headline_line``) of at most ``MAX_HEADLINE_WORDS`` words?"""
    line = headline_line(text, ps, pe)
    return line is not None and len(line.split()) <= MAX_HEADLINE_WORDS
