"""The ``cc_speakers`` spaCy component (after ``cc_attribution``): fills ``statement.source.entity``.

Its config names the files it reads (``null``: the packaged one): the speaker ``words`` and the
``given_names``. They are read when the component is made and saved with it by ``nlp.to_disk``.
"""
from __future__ import annotations

from pathlib import Path
from typing import Optional, Union

from spacy.language import Language
from spacy.tokens import Doc

from ...lexicons import read_texts, write_texts
from .. import extensions
from .lexicon import FILES, lexicon_from_texts, lexicon_texts
from .resolve import resolve_speakers


class Speakers:
    def __init__(self, paths: Optional[dict[str, Optional[str]]] = None) -> None:
        self.texts = lexicon_texts(paths)
        self.lex = lexicon_from_texts(self.texts)

    def __call__(self, doc: Doc) -> Doc:
        statements = doc._.statements
        if statements:
            resolve_speakers(doc, statements, self.lex)
        return doc

    def to_disk(self, path: Union[str, Path], exclude=()) -> None:
        write_texts(path, self.texts, FILES)

    def from_disk(self, path: Union[str, Path], exclude=()) -> "Speakers":
        self.texts = read_texts(path, FILES)
        self.lex = lexicon_from_texts(self.texts)
        return self


@Language.factory("cc_speakers", default_config={"words": None, "given_names": None},
                  assigns=["doc._.statements"], requires=["doc._.statements", "token.dep", "doc.ents"])
def make_speakers(nlp: Language, name: str, words: Optional[str], given_names: Optional[str]) -> Speakers:
    extensions.register()
    return Speakers({"words": words, "given_names": given_names})
