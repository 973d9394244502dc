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

Modules: ``lexicon`` (speaker words, given names), ``context`` (what is kept about a doc),
``mentions`` (token-level helpers), ``roles`` (offices and their owners), ``people`` (named people),
``antecedents`` (pronouns and definite nouns), ``offices`` (people and institutions named by office,
conjoined sources), ``resolve`` (the resolution itself) and ``component`` (the spaCy component).
"""
from .component import Speakers, make_speakers
from .context import Ref
from .lexicon import Lexicon, lexicon
from .mentions import doc_np
from .resolve import resolve_speakers

__all__ = ["Lexicon", "Ref", "Speakers", "doc_np", "lexicon", "make_speakers", "resolve_speakers"]
