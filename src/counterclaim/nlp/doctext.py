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
