"""The text of a Doc, read once.

spaCy's ``Doc.text`` joins every token's text on each access (O(n)); components that slice the text
inside loops call ``doc_text(doc)`` instead, which keeps the string in ``doc.user_data``.
"""
from spacy.tokens import Doc

_KEY = "cc_text"


def doc_text(doc: Doc) -> str:
    text = doc.user_data.get(_KEY)
    if text is None:
        text = doc.user_data[_KEY] = doc.text
    return text


def make_doc(nlp, text: str) -> Doc:
    """``nlp.make_doc(text)`` that remembers ``text``: the tokenizer keeps it verbatim, so the
    components never have to rebuild it token by token."""
    doc = nlp.make_doc(text)
    doc.user_data[_KEY] = text
    return doc
