"""cc_propositions: the claims inside each statement's content (``extraction.py``), as normalized Propositions.

For every statement (in text order) the claims of its content are found and each is given a
Proposition. An anaphor refers to the most salient recent proposition: the latest one mentioned before
it whose relation fits the anaphor's noun (a "transaction" is a transfer), else the latest with a
relation, else the latest. Claims with the same key (agent|relation|recipient, or the normalized gist)
share one Proposition, so "supplied Russia with weapons", "offered munitions to Russia" and "arms
transaction between the DPRK and Russia" land on the same P-id.

The claims found are kept on the doc (``doc._.claims``) for ``cc_stance``, and how sure each link is
(``doc._.claim_links``) for ``cc_links``.
"""
from __future__ import annotations

import re
from typing import Optional

from spacy.language import Language
from spacy.tokens import Doc

from ...model import DateRef, Proposition
from ..doctext import doc_text
from ..extensions import register
from .extraction import extract_claims
from .lexicon import LexiconComponent, MeaningLexicon
from .linking import record
from .participants import canonical, claim_author, doc_mentions, index_mentions, source_actor
from .frames import raising_frame
from .positive import positive_text
from .syntax import lemma
from .types import QUOTES, SALIENCE_WINDOW, Claim, Ctx

register()  # the Doc._ extensions this module reads and writes


# Agent words that name no one in particular: a claim by "he" or "they" with no actor behind it has
# an unknown agent (``_key``), while "voters" or "John Bolton" keep their words.
PRONOUNS = frozenset({"i", "we", "me", "us", "my", "our", "he", "she", "him", "her", "his", "it", "its", "they",
                      "them", "their", "this", "that", "these", "those", "which", "who", "whom", "you", "one",
                      "someone", "somebody", "herself", "himself", "themselves", "itself", "myself", "ourselves"})


def _structured(c: Claim) -> bool:
    """Is the claim's gist the relation's normalized, positive wording ("Donald Trump paid taxes")
    rather than the clause's own words?"""
    return bool(c.rule is not None and c.agent_name and (c.recipient_name or "{recipient}" not in c.rule.gist)
                and (c.agent is not None or c.agent_name.lower() not in PRONOUNS))
    # (a pronoun no actor stands behind makes an empty template: "You paid taxes", "which paid taxes")


def _gist(ctx: Ctx, c: Claim, speaker: Optional[str] = None, quoted: bool = False) -> str:
    """The claim in its positive form: the relation's normalized wording, else the clause's own words
    with their negation taken out and the speaker's pronouns resolved (``positive.py``)."""
    if _structured(c):
        return c.rule.gist.format(agent=c.agent_name, recipient=c.recipient_name or "")
    to = raising_frame(c.head, ctx.lx) if c.head is not None else None
    return _clean(positive_text(doc_text(ctx.doc), c, to, speaker, quoted))


def _predicate(c: Claim) -> Optional[str]:
    """The lemma of the claim's main predicate, positive: the complement of a negative implicative
    ("failed to [pay]"), the predicate noun or adjective of a copula ("was [fake]")."""
    h = c.head
    if h is None:
        return None
    if lemma(h) == "be":
        pred = next((x for x in h.children if x.dep_ in ("acomp", "attr")), None)
        if pred is not None:
            return lemma(pred)
    if h.lemma_.lower() in NEGATIVE_IMPLICATIVE_HEADS:
        comp = next((x for x in h.children if x.dep_ == "xcomp"), None)
        if comp is not None:
            return lemma(comp)
    return lemma(h)


NEGATIVE_IMPLICATIVE_HEADS = frozenset({"fail", "avoid", "refuse", "decline", "neglect", "forget"})


def _arguments(ctx: Ctx, c: Claim) -> list[str]:
    """The claim's participants, subject first: actor ids where they resolve, else their words."""
    out: list[str] = []
    if c.agent or c.agent_name:
        out.append(c.agent or c.agent_name)
    h = c.head
    if h is not None and c.kind != "anaphor":
        for x in h.children:
            if x.dep_ in ("dobj", "attr", "dative", "oprd", "nsubjpass", "nsubj") and x.pos_ != "PRON" \
                    and c.start <= x.idx < c.end:
                a = ctx.by_tok.get(x.i)
                words = canonical(a) if a is not None else " ".join(
                    t.text for t in x.subtree if not (t.lower_ == "no" and t.dep_ == "det"))
                if words and words not in out and words != c.agent_name:
                    out.append(words)
    if c.recipient or c.recipient_name:
        r = c.recipient or c.recipient_name
        if r not in out:
            out.append(r)
    return out


def _key(c: Claim, gist: str) -> str:
    """The in-article grouping key. An agent with no actor id but with words of its own ("voters",
    "John Bolton") keeps those words, so "voters endorsed Clinton" and "John Bolton endorsed Clinton"
    stay two claims. A claim whose doer is not known at all (an unresolved pronoun, no subject) groups
    only with the same words: "supporting Clinton" (someone bucking his state) and "superdelegates
    already supporting Clinton" in one article are two claims."""
    if c.rule is not None and (c.agent or c.recipient):
        agent = c.agent
        if agent is None:
            words = " ".join(re.sub(r"[^\w\s]", "", (c.agent_name or "").lower()).split())
            if not words or words in PRONOUNS:
                return "gist|" + " ".join(re.sub(r"[^\w\s]", "", gist.lower()).split())
            agent = "~" + words
        return "|".join([agent, c.rule.relation, c.recipient or "?"])
    return "gist|" + " ".join(re.sub(r"[^\w\s]", "", gist.lower()).split())


def _salient(ctx: Ctx, c: Claim, pos: int) -> Optional[tuple[str, str, int, bool]]:
    """The proposition an anaphor refers to: (id, how, distance in characters, whether the mention
    referred to worded it negatively), or None.

    how: ``fit`` (the anaphor's noun or rule names the antecedent's relation), ``words`` (the
    anaphor's own words, besides its head noun, are in the antecedent's gist), ``relation`` (the
    latest antecedent with a relation), ``latest`` (the latest of all)."""
    want = set()
    if c.noun is not None:
        want = ctx.lx.relation_nouns(c.noun.lemma_.lower())
    if c.rule is not None:
        want.add(c.rule.relation)
    recent = [h for h in ctx.history[-64:] if h[0] < pos and pos - h[0] < SALIENCE_WINDOW]
    if not recent:
        return None
    author = claim_author(ctx, c)
    if author is not None:  # "Rubio's claim", "the AP report": what that source stated, if it stated anything here
        recent = [h for h in recent if author in ctx.authors.get(h[1], ())] or recent
    if want:
        fit = [h for h in recent if h[2] in want]
        if fit:
            return fit[-1][1], "fit", pos - fit[-1][0], fit[-1][3]
    said = _own_words(c)
    if said:
        if len(ctx.stems) < len(ctx.order):
            for p in ctx.order[len(ctx.stems):]:
                ctx.stems[p.id] = _stems(p.gist)
        scored = [(len(said & ctx.stems.get(h[1], set())), h) for h in recent]
        best = max(n for n, _ in scored)
        if best:
            h = [h for n, h in scored if n == best][-1]
            return h[1], "words", pos - h[0], h[3]  # "the president's claims about potential retaliation" -> the
            # latest claim that speaks of retaliation, not merely the latest one
    rel = [h for h in recent if h[2]]
    if rel:
        return rel[-1][1], "relation", pos - rel[-1][0], rel[-1][3]
    return recent[-1][1], "latest", pos - recent[-1][0], recent[-1][3]


def _stems(text: str) -> set[str]:
    """Crude stems (first six letters) of a text's longer words: "retaliation" ~ "retaliatory"."""
    return {w[:6] for w in _WORDS.findall(text.lower()) if len(w) > 3}


def _own_words(c: Claim) -> set[str]:
    """Stems of the content words an anaphoric noun phrase carries besides its head ("the claims
    about potential *retaliation*"), names and function words left out."""
    if c.noun is None or c.noun.pos_ == "PRON":
        return set()
    words = " ".join(t.lower_ for t in c.noun.subtree
                     if t.i != c.noun.i and t.pos_ in ("NOUN", "ADJ", "VERB") and not t.is_stop)
    return _stems(words)


_WORDS = re.compile(r"[a-z]+")


def _text(doc: Doc, s: int, e: int) -> str:
    return _clean(doc_text(doc)[s:e])


def _clean(text: str) -> str:
    t = " ".join(text.split())
    t = t.strip(QUOTES + " ,.;:")
    t = re.sub(r"^(?:that|whether)\s+", "", t)
    return t.replace("“", "").replace("”", "").replace("‘", "").replace("’", "'")


def _when(dates: list[DateRef], c: Claim) -> Optional[DateRef]:
    return next((d for d in dates if c.start <= d.start and d.end <= c.end + 1), None)


def assign(ctx: Ctx, c: Claim, dates: list[DateRef], source: Optional[str] = None,
           speaker: Optional[str] = None, quoted: bool = False) -> None:
    """Give a claim its Proposition (creating it, or finding it by key or by salience), and record
    how sure the link is (``doc._.claim_links``, turned into Stance confidences by cc_links).
    ``source``: the canonical id of the statement's source, remembered as an author of the claims it
    states (not of those it refers back to), so that "the AP report" can be told from Sessions' claim.
    ``speaker``: the source's name, for the speaker's own pronouns in the claim ("we", "I", and "he" /
    "she" in reported speech); ``quoted``: the statement is a quotation."""
    pos = c.start
    if c.kind == "anaphor":
        found = _salient(ctx, c, pos)
        if found is not None:
            pid, how, dist, worded_negated = found
            c.prop = pid
            # only an antecedent the anaphor names ("the report that…", "these claims about retaliation")
            # turns the stance round: the latest proposition by default may be another one
            c.antecedent_negated = worded_negated and how in ("fit", "words")
            ctx.history.append((pos, pid, next((p.relation for p in ctx.order if p.id == pid), None), worded_negated))
            record(ctx, c, how, dist)
            return
        gist = _text(ctx.doc, c.noun.left_edge.idx, c.noun.idx + len(c.noun.text)) if c.noun is not None \
            else _text(ctx.doc, c.start, c.end)
    else:
        gist = _gist(ctx, c, speaker, quoted)
    key = _key(c, gist)
    p = ctx.props.get(key)
    when = _when(dates, c)
    if p is None:
        p = Proposition(id=f"P{len(ctx.order) + 1}", gist=gist, agent=c.agent,
                        relation=c.rule.relation if c.rule else None, recipient=c.recipient, theme=c.theme,
                        when=when.value if when else None, when_expr=when.text if when else None,
                        claim=gist, predicate=None if c.kind == "anaphor" else _predicate(c),
                        arguments=_arguments(ctx, c))
        ctx.props[key] = p
        ctx.order.append(p)
    elif p.when is None and when is not None and when.value:
        p.when, p.when_expr = when.value, when.text
    c.prop = p.id
    ctx.history.append((pos, p.id, p.relation, c.negated and c.kind != "anaphor"))
    if source:
        ctx.authors.setdefault(p.id, set()).add(source)
    record(ctx, c, None)


@Language.factory("cc_propositions",
                  default_config={"relations": None, "stance_lexicon": None, "cue_framing": None, "type_heads": None},
                  assigns=["doc._.propositions", "doc._.claims", "doc._.claim_links", "doc._.quantities"],
                  requires=["doc._.statements", "doc._.dates", "doc._.quantities", "token.dep", "token.lemma", "doc.ents"])
class PropositionFinder(LexiconComponent):
    """The claims of every statement and their Propositions. Config: the lexicon's files (null: the
    packaged ones), read when the component is made and saved with the pipeline."""

    def __init__(self, nlp: Language, name: str, relations: Optional[str] = None, stance_lexicon: Optional[str] = None,
                 cue_framing: Optional[str] = None, type_heads: Optional[str] = None) -> None:
        super().__init__(name, relations=relations, stance_lexicon=stance_lexicon, cue_framing=cue_framing,
                         type_heads=type_heads)

    def __call__(self, doc: Doc) -> Doc:
        return find_propositions(doc, self.lx)


def find_propositions(doc: Doc, lx: MeaningLexicon) -> Doc:
    """Set ``doc._.propositions`` and ``doc._.claims`` (and the link records) from ``doc._.statements``."""
    statements = doc._.statements or []
    ctx = Ctx(doc=doc, lx=lx)
    ctx.mentions = doc_mentions(doc) if statements else []
    index_mentions(ctx)
    by_id = {s.id: s for s in statements}
    dates = doc._.dates or []
    claims_of: dict[str, list[Claim]] = {}
    for st in sorted(statements, key=lambda s: (s.start, s.end)):
        claims = extract_claims(ctx, st, by_id)
        claims.sort(key=lambda c: c.start)
        who = source_actor(st, by_id)
        # the source's name: its entity's, else its own words ("The star"), else the one it continues
        speaker = st.source.entity.name if st.source and st.source.entity else None
        if st.source and (speaker is None or speaker[:1].islower()):  # "The star", not the common noun "star"
            speaker = st.source.span.text
        if speaker is None and who is not None:
            speaker = who.name
        for c in claims:
            assign(ctx, c, dates, canonical(who), speaker, st.kind == "direct")
        claims_of[st.id] = claims
    doc._.propositions = ctx.order
    doc._.claims = claims_of
    # quantities: the proposition whose claim contains them
    for q in doc._.quantities or []:
        if q.statement and q.statement in claims_of:
            inside = [c for c in claims_of[q.statement] if c.prop and c.start <= q.start < c.end + 1]
            if inside:
                q.proposition = min(inside, key=lambda c: c.end - c.start).prop
    return doc
