"""cc_attribution: finds attributed statements (who said, thought or intends what) in a parsed Doc.

Sets ``doc._.statements`` to a list of ``Statement`` (doc-local character offsets) in text order,
ids ``S1``, ``S2``... Each has a ``cue`` (the reporting verb, noun, marker or ":"), a ``source``
(the span naming who; ``entity`` is left for cc_speakers), its ``content`` (one span, or several
when the quotation is interrupted by the speaker tag), and a ``kind``:
direct (all quoted), mixed (partly quoted), indirect (no quotation marks) or nominal (noun cue).

Modules: ``lexicon`` (the cue lexicons in ``data/``), ``quotes`` (quotation boundaries),
``syntax`` (what the rules share), the rules (``verb_rules``, ``nocomment_rules``, ``marker_rules``,
``noun_rules``, ``turn_rules``, gathered by ``rules``), ``cue_model`` (the candidates' scorer),
``assembly`` (candidates into statements) and ``component`` (the spaCy component).
"""
from .assembly import candidates, extract
from .component import Attribution, make_attribution
from .cue_model import CueModel, load_model
from .lexicon import Lexicon, load_colon_labels, load_lexicon
from .quotes import Quote, QuoteIndex, find_quotes, paragraphs
from .rules import Rules
from .syntax import Cand, DocView, verb_lemma

__all__ = ["Attribution", "Cand", "CueModel", "DocView", "Lexicon", "Quote", "QuoteIndex", "Rules", "candidates",
           "extract", "find_quotes", "load_colon_labels", "load_lexicon", "load_model", "make_attribution",
           "paragraphs", "verb_lemma"]
