"""cc_line_breaks: a line break ends a sentence (headlines, datelines, transcript turns).

Runs before the parser, which then never builds a sentence across a newline (the small English
model otherwise runs a headline into the first sentence of the article).
"""
from __future__ import annotations

from spacy.language import Language
from spacy.tokens import Doc


class LineBreaks:
    """Marks the token after a line break as a sentence start (no config, nothing to save)."""

    def __call__(self, doc: Doc) -> Doc:
        for tok in doc[:-1]:
            if "\n" in tok.text_with_ws:
                nxt = doc[tok.i + 1]
                if not nxt.is_space or "\n" not in nxt.text:
                    nxt.is_sent_start = True
        return doc


@Language.factory("cc_line_breaks", default_config={}, assigns=["token.is_sent_start"])
def make_line_breaks(nlp: Language, name: str) -> LineBreaks:
    return LineBreaks()


def add_line_breaks(nlp: Language) -> Language:
    """Put cc_line_breaks in front of the parser (idempotent)."""
    if "cc_line_breaks" not in nlp.pipe_names:
        before = "parser" if "parser" in nlp.pipe_names else None
        nlp.add_pipe("cc_line_breaks", before=before) if before else nlp.add_pipe("cc_line_breaks", first=True)
    return nlp
