"""cc_line_breaks: a line break ends a sentence (headlines, datelines, transcript turns).

Runs before the parser, which then never builds a sentence across a newline (the small English
model otherwise runs a headline into the first sentence of the article).
"""
from __future__ import annotations

import bisect

from spacy.attrs import IDX, SENT_START
from spacy.language import Language
from spacy.tokens import Doc

from .doctext import doc_text


class LineBreaks:
    """Marks the token after a line break as a sentence start (no config, nothing to save)."""

    def __call__(self, doc: Doc) -> Doc:
        # the tokens holding a line break, found from the text's line breaks (a token's trailing
        # whitespace is at most one space: a line break is always inside a token's text)
        text = doc_text(doc)
        k = text.find("\n")
        if k < 0 or len(doc) < 2:
            return doc
        starts = doc.to_array(IDX).tolist()
        last = len(doc) - 1
        prev = -1
        todo = []
        while k >= 0:
            i = bisect.bisect_right(starts, k) - 1
            if i != prev and i < last:
                prev = i
                nxt = doc[i + 1]
                if not nxt.is_space or "\n" not in nxt.text:
                    todo.append(i + 1)
            k = text.find("\n", k + 1)
        if todo:
            doc[todo[0]].is_sent_start = True  # spaCy's setter: refuses a parsed doc
            if len(todo) > 1:  # the rest at once (the setter checks the whole doc for a parse each time)
                flags = doc.to_array(SENT_START)
                flags[todo[1:]] = 1
                doc.from_array(SENT_START, flags)
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
