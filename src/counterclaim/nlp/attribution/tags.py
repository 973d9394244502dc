"""Reporting clauses set into what they report, and passive reports.

- a parenthetical tag: "The plant, the operator said, had not leaked", "The company, TMZ reports,
  has filed", "C, the mayor said on Monday." (path ``paren``): the content is the clause around the
  tag, including a subject the parser hung on the reporting verb ("North Korea, the White House
  said, sent rockets": two subjects of "said"; the one next to the verb is the source);
- an as-clause: "As the minister pointed out, C", "C, as police noted, C" (path ``as``);
- a passive report with its agent: "The allegations were denied by X", "Claims that P were
  dismissed by X" (path ``passive``): the content is the subject with its clause.
"""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .lexicon import Lexicon, VerbCue
from .syntax import SUBJ, DocView

TAG_PATHS = {"paren", "as"}
SEPARATORS = {",", "—", "–", "--", "(", ")"}
SENTENCE_END = {".", "!", "?", ";", ":"}
RECIPIENT_VERBS = {"tell", "inform", "assure", "remind", "warn", "brief"}  # "the operator told regulators"
OBJECTS = {"dobj", "attr", "oprd", "dative"}


def tag_subject(tok: Token) -> Optional[Token]:
    """Of two subjects the parser gave a parenthetical reporting verb, the one next to it (before
    it): "North Korea, the White House said, sent ..." -> "the White House". None with one."""
    subjects = [c for c in tok.children if c.dep_ in SUBJ]
    if len(subjects) < 2:
        return None
    before = [c for c in subjects if c.i < tok.i]
    return before[-1] if before else None


def stray_subjects(tok: Token) -> list[Token]:
    """The subjects of a parenthetical verb other than its own: they belong to the content."""
    own = tag_subject(tok)
    if own is None:
        return []
    return [c for c in tok.children if c.dep_ in SUBJ and c != own]


def tag_clause(view: DocView, tok: Token) -> Optional[str]:
    """``paren`` or ``as`` when ``tok`` heads a reporting clause with no complement of its own, set
    off by commas, dashes or the sentence's edges inside or after the clause it reports; else None."""
    if tok.head == tok:
        return None
    if tok.dep_ == "advcl" and any(c.dep_ == "mark" and c.lower_ == "as" and c.i < tok.i for c in tok.children):
        kind = "as"
    elif tok.dep_ == "parataxis":
        kind = "paren"
    else:
        return None
    if any(c.dep_ in OBJECTS for c in tok.children) and tok.lemma_.lower() not in RECIPIENT_VERBS:
        return None
    if not any(c.dep_ in SUBJ for c in tok.children):
        return None
    doc = tok.doc
    stray: set[int] = set()
    for c in stray_subjects(tok):
        stray |= view.subtree_idx(c)
    tag = [i for i in view.subtree_idx(tok) - stray if not (doc[i].is_punct or doc[i].is_space)]
    if not tag:
        return None
    lo, hi = min(tag), max(tag)
    if any(i not in tag and not doc[i].is_punct for i in range(lo, hi + 1)):
        return None  # the tag is not one stretch of words
    s_lo, s_hi = view.sent(tok.i)
    before = _word_before(doc, lo, s_lo)
    after = _word_after(doc, hi, s_hi)
    if before is None and after is None:
        return None  # the tag is the whole sentence
    if before is not None and doc[before].text not in SEPARATORS:
        return None
    if after is not None and doc[after].text not in SEPARATORS | SENTENCE_END:
        return None
    if kind == "paren" and before is None:
        return None  # "X said, C": the verb leads; its complement rules handle it
    return kind


def _word_before(doc, lo: int, s_lo: int) -> Optional[int]:
    j = lo - 1
    while j >= s_lo and doc[j].is_space:
        j -= 1
    return j if j >= s_lo else None


def _word_after(doc, hi: int, s_hi: int) -> Optional[int]:
    j = hi + 1
    while j < s_hi and doc[j].is_space:
        j += 1
    if j >= s_hi or (doc[j].text in SENTENCE_END and j == s_hi - 1):
        return None if j >= s_hi else j
    return j


def tag_content(view: DocView, tok: Token) -> set[int]:
    """The token indices of what a parenthetical or as-clause tag reports: the clause it is set in,
    less the tag, with any subject the parser hung on the tag's verb."""
    head = tok.head
    # the clause the tag is set in: past an auxiliary ("As X reported, the bank had hidden") or a noun
    # the parser hung the tag on ("The album, as the singer explained, was recorded")
    while (head.dep_ in ("aux", "auxpass", "neg") or head.pos_ not in ("VERB", "AUX")) and head.head != head:
        head = head.head
    own = view.subtree_idx(tok)
    if head.dep_ == "ROOT" or tok.dep_ == "advcl":
        idxs = view.subtree_idx(head) - own
    else:
        idxs = set(range(*view.sent(head.i))) - own
    for c in stray_subjects(tok):
        idxs |= view.subtree_idx(c)
    return idxs


def _report_above(lex: Lexicon, tok: Token) -> Optional[Token]:
    """A report noun with a that-clause ("Claims that ...") the parser made govern the passive verb
    ``tok`` (up to three heads up), or None."""
    cur = tok
    for _ in range(3):
        if cur.dep_ not in ("acl", "ccomp") or cur.head == cur:
            return None
        cur = cur.head
        if cur.pos_ == "NOUN" and cur.lemma_.lower() in lex.nouns and cur.i < tok.i:
            if any(c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" and g.lower_ == "that" for g in c.children)
                   for c in cur.children):
                return cur
            return None
    return None


def passive_patient(lex: Lexicon, tok: Token, entry: VerbCue, view: DocView) -> Optional[set[int]]:
    """The token indices of what a passive report with its by-agent reports ("The allegations of
    price fixing were denied by X"): its subject, when the verb takes a noun phrase (deny, reject,
    confirm) or the subject is a report with its clause ("Claims that P were dismissed by X");
    None otherwise."""
    if not any(c.dep_ == "agent" and any(g.dep_ == "pobj" for g in c.children) for c in tok.children):
        return None
    subj = next((c for c in tok.children if c.dep_ == "nsubjpass"), None)
    report = _report_above(lex, tok)
    if report is not None:
        # "Claims that its phones overheat were dismissed by X" parsed with the passive inside the
        # report's clause: the report is everything from the noun to the passive's auxiliaries
        aux = [c.i for c in tok.children if c.dep_ in ("auxpass", "aux") and c.i < tok.i]
        if aux:
            return set(range(report.left_edge.i, min(aux)))
    if subj is None:
        return None
    if entry.frame == "np" or subj.lemma_.lower() in lex.nouns or any(
            c.dep_ in ("acl", "ccomp") and any(g.dep_ == "mark" for g in c.children) for c in subj.children):
        return view.subtree_idx(subj)
    return None
