"""cc_framing: how the REPORTER frames each statement.

- ``cue.framing``: neutral | distancing | endorsing, from the cue's head lemma in
  ``data/cue_framing.tsv`` ("claimed", "insists" distance the reporter from the claim; "disclosed",
  "revealed", "confirmed" endorse it). Unknown cues are neutral.
- ``statement.marks``:
  * hedges the reporter attaches to the statement ("which allegedly took place", "so-called",
    "reportedly"), outside quotation marks, in the statement's sentence;
  * scare quotes: a quotation of one to three words inside the content of a statement that the
    reporter already frames as distancing ("claimed to have “confirmed” the transfer"). Short
    quotes under a neutral cue are the speaker's own words (partial quotes) and are not marked.
- ``statement.via``: the outlet that relayed the statement ("…, according to the state news agency
  KCNA"; "told Reuters"; "quoted by TASS"), when the gazetteer knows it as media or the phrase
  names an agency/outlet.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ..model import Mark, Statement
from .actors import lookup, scan
from .claims.cues import cue_lemma, framing_of
from .claims.lexicon import LexiconComponent, MeaningLexicon
from .doctext import doc_text
from .extensions import register

register()  # the Doc._ extensions this module reads and writes

_QUOTE = re.compile(r"[“\"‘'](?P<q>[^“”\"‘’\n]{1,60}?)[”\"’'](?!\w)")
_VIA = re.compile(
    r"\b(?:according to|as (?:cited|quoted|reported) by|cited by|quoted by|reported by|in an interview with|told|speaking to|in remarks to)\s+"
    r"(?P<np>(?:the\s+)?(?:(?:state|state-run|state-owned|official|news|national|government|private|independent)\s+)*"
    r"(?:(?:news\s+)?agency|newspaper|daily|broadcaster|outlet|channel|television|TV|radio|website|wire service|magazine|network)?\s*"
    r"(?P<name>[A-Z][\w&.\-]*(?:\s+(?:[A-Z][\w&.\-]*|of|the))*))")
_MEDIA_WORDS = re.compile(r"\b(?:agency|newspaper|daily|broadcaster|outlet|channel|television|TV|radio|website|wire|magazine|network|news)\b", re.I)


def _quoted_regions(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Long quotations (more than three words) in [start, end): hedges inside them are the speaker's."""
    out = []
    for m in re.finditer(r"[“\"][^“”\"]*[”\"]", text[start:end]):
        if len(m.group(0).split()) > 3:
            out.append((start + m.start(), start + m.end()))
    return out


def hedges_and_scare_quotes(doc: Doc, statements: list[Statement], lx: MeaningLexicon) -> None:
    """Mark the statements' scare quotes (under a distancing cue) and the reporter's hedges (``lx.hedges``)."""
    text = doc_text(doc)
    for st in statements:
        framing = st.cue.framing if st.cue else "neutral"
        if framing == "distancing":
            for c in st.content:
                for m in _QUOTE.finditer(text, c.start, c.end):
                    words = m.group("q").split()
                    if 1 <= len(words) <= 3 and m.group("q").strip() == m.group("q"):
                        st.marks.append(Mark("scare_quotes", m.start(), m.end(), m.group(0)))
    if lx.hedges is None:
        return
    # hedges: attach to the statement of the sentence (the nearest one when several)
    anchors = []
    for st in statements:
        a = st.cue.span.start if st.cue else st.start
        sp = doc.char_span(a, a + 1, alignment_mode="expand")
        if sp is not None:
            anchors.append((sp.sent.start_char, sp.sent.end_char, st))
    for m in lx.hedges.finditer(text):
        cands = [(s, e, st) for s, e, st in anchors if s <= m.start() < e]
        if not cands:
            continue
        s, e, _ = cands[0]
        if any(a <= m.start() < b for a, b in _quoted_regions(text, s, e)):
            continue  # inside a quotation: the speaker's word, not the reporter's
        st = min((c[2] for c in cands), key=lambda x: min(abs(x.start - m.start()), abs(x.end - m.start())))
        if any(c.start <= m.start() < c.end for c in st.content) and st.kind == "direct":
            continue
        st.marks.append(Mark("hedge", m.start(), m.end(), m.group(0)))


def relay(doc: Doc, st: Statement) -> Optional[str]:
    """The outlet that relayed a statement, named in its sentence outside its content."""
    if st.cue is None:
        return None
    if st.cue.span.text.lower().startswith("according"):
        return None
    sp = doc.char_span(st.cue.span.start, st.cue.span.end, alignment_mode="expand")
    if sp is None:
        return None
    sent = sp.sent
    for m in _VIA.finditer(doc_text(doc), sent.start_char, sent.end_char):
        if any(c.start <= m.start() < c.end for c in st.content):
            continue
        if st.source and st.source.span.start <= m.start("name") < st.source.span.end:
            continue
        name = m.group("name").strip()
        a = lookup(name)
        if a is not None and a.type == "media":
            return a.name
        if _MEDIA_WORDS.search(m.group("np")) and not m.group(0).lower().startswith("told"):
            return name
    return None


def outlet_name(phrase: str) -> str:
    """'the state news agency KCNA' → 'KCNA' (the gazetteer's name for the outlet), else the phrase."""
    a = lookup(phrase)
    if a is None:
        hits = [h for h in scan(phrase) if h[2].type == "media"]
        a = hits[-1][2] if hits else None
    return a.name if a is not None and a.type == "media" else phrase


@Language.factory("cc_framing", default_config={"cue_framing": None, "stance_lexicon": None},
                  assigns=["doc._.statements"], requires=["doc._.statements", "token.dep", "token.lemma", "doc.sents"])
class Framing(LexiconComponent):
    """The reporter's framing of each statement. Config: the cue lexicon and the stance lexicon (its
    hedges) files (null: the packaged ones), read when the component is made and saved with the pipeline."""

    def __init__(self, nlp: Language, name: str, cue_framing: Optional[str] = None,
                 stance_lexicon: Optional[str] = None) -> None:
        super().__init__(name, cue_framing=cue_framing, stance_lexicon=stance_lexicon)

    def __call__(self, doc: Doc) -> Doc:
        return frame(doc, self.lx)


def frame(doc: Doc, lx: MeaningLexicon) -> Doc:
    """Set each statement's cue lemma and framing, its relay outlet and its marks."""
    statements = doc._.statements or []
    for st in statements:
        if st.cue is not None:
            lem = cue_lemma(doc, st, lx)
            if not st.cue.lemma:
                st.cue.lemma = lem
            st.cue.framing = framing_of(lem, lx)[0]  # type: ignore[assignment]
        if st.via is None:
            st.via = relay(doc, st)
        elif st.via:
            st.via = outlet_name(st.via)
    hedges_and_scare_quotes(doc, statements, lx)
    return doc
