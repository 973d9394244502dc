"""The ``Doc._`` extensions the pipeline's components read and write, declared in one place.

    doc._.article      the Article's metadata (outlet, published date) set before the pipe
    doc._.statements   list[Statement] (doc-local offsets)
    doc._.propositions list[Proposition]
    doc._.quantities   list[Quantity]
    doc._.dates        list[DateRef]
"""
from __future__ import annotations

from spacy.tokens import Doc

NAMES = ("article", "statements", "propositions", "quantities", "dates")


def register() -> None:
    """Declare every extension (idempotent)."""
    for name in NAMES:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
