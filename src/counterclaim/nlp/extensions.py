"""The ``Doc._`` extensions the pipeline's components read and write, declared in one place.

    doc._.article      the Article's metadata (outlet, published date) set before the pipe
    doc._.statements   list[Statement] (doc-local offsets)
    doc._.propositions list[Proposition]
    doc._.quantities   list[Quantity]
    doc._.dates        list[DateRef]
    doc._.claims       statement id -> the claims cc_propositions found in its content (for cc_stance
                       and cc_links; cc_links drops them)
    doc._.claim_links  id of a claim -> (confidence, basis) of its link to its proposition (cc_propositions
                       -> cc_links, which drops them)
    doc._.cue_lemmas   the cue lemmas worked out so far (a memo shared by the components that ask)
"""
from __future__ import annotations

from spacy.tokens import Doc

DOC_EXTENSIONS = ("article", "statements", "propositions", "quantities", "dates", "claims", "claim_links", "cue_lemmas")


def register() -> None:
    """Declare the extensions (default None) that are not declared yet; safe to call any number of times."""
    for name in DOC_EXTENSIONS:
        if not Doc.has_extension(name):
            Doc.set_extension(name, default=None)
