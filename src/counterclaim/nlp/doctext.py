"""The text of a Doc, and other things read from a Doc once.

spaCy's ``Doc.text`` joins every token's text on each access (O(n)); components that slice the text
inside loops call ``doc_text(doc)`` instead, which keeps the string in ``doc.user_data``. ``per_doc``
keeps any other table built from a whole doc there, under its own key.
"""
from typing import Callable, Hashable, TypeVar

from spacy.tokens import Doc

T = TypeVar("T")

_KEY = "cc_text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def per_doc(doc: Doc, key: Hashable, build: Callable[[Doc], T]) -> T:
    """``build(doc)``, computed once per doc and kept in ``doc.user_data[key]``."""
    got = doc.user_data.get(key)
    if got is None:
        got = doc.user_data[key] = build(doc)
    return got


def make_doc(nlp, text: str) -> Doc:
    """``nlp.make_doc(text)`` that remembers ``text``: the tokenizer keeps it verbatim, so the
    components never have to rebuild it token by token."""
    doc = nlp.make_doc(text)
    doc.user_data[_KEY] = text
    return doc
