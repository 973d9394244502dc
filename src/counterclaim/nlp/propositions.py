"""cc_propositions: the claims inside each statement's content, as normalized Propositions.

For every statement (in text order) the content is searched for the claims it carries:

- a **nominal claim**: a claim noun with its clause ("reports that it had supplied Russia with
  weapons", "the groundless theory that Pyongyang was selling weapons");
- an **event nominal** with its participants ("arms transaction between the DPRK and Russia",
  "this does not make the US a party to the conflict with Russia");
- a **clause** whose verb is a relation trigger ("North Korea had delivered rockets and missiles
  to Russia"; a gerund "by providing it with lethal weapons");
- an **anaphor**: a claim noun or event noun with no clause of its own ("the transfer", "the
  transaction", "that statement", "unfounded accusations"), a demonstrative subject of an
  evaluation ("This is a hoax"), or a content that is only a rejection / no-knowledge formula
  ("cooked up by some dishonest forces", "I have no further information"). It refers to the most
  salient recent proposition: the latest one mentioned before it whose relation fits the anaphor's
  noun (a "transaction" is a transfer), else the latest with a relation, else the latest;
- failing all these, the content's main clause as a **gist** claim (no relation), unless it is not
  checkable (a question, an imperative, a norm under should/must/need to).

Relations come from ``data/relations.tsv`` (trigger lemma + a required lemma in the clause);
agents are the clause subject (pronouns resolved to the statement's source when they agree, else
to the nearest preceding actor), recipients the first other actor in the clause; both are made
canonical with ``actors.lookup`` (ISO alpha-3 for states and their governments). Claims with the
same key (agent|relation|recipient, or the normalized gist) share one Proposition, so "supplied
Russia with weapons", "offered munitions to Russia" and "arms transaction between the DPRK and
Russia" land on the same P-id.

The claims found are kept on the doc (``doc.user_data["cc_claims"]``) for ``cc_stance``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Optional

import numpy
from spacy.attrs import ENT_TYPE, POS
from spacy.language import Language
from spacy.symbols import PROPN as _PROPN
from spacy.tokens import Doc, Token

from ..model import Actor, DateRef, Proposition, Statement
from .meaning_lexicon import MeaningLexicon, RelationRule, lexicon
from .doctext import doc_text
from . import links

ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}
SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
PRON_SELF = {"i", "we", "me", "us", "my", "our", "myself", "ourselves"}
PRON_PERSON = {"he", "she", "him", "her", "his", "hers"}
PRON_THING = {"it", "its", "they", "them", "their", "this", "that"}
DEMONSTR = {"this", "that", "it", "these", "those", "which"}
ANAPHOR_DETS = {"the", "that", "this", "these", "those", "such", "any", "its", "their", "his", "her", "these"}
ACCUSING = {"accuse", "accusation", "allegation", "allege", "charge", "blame"}
LIGHT_VERBS = {"be", "make", "become", "remain", "call", "consider", "declare", "name", "render", "turn"}
PERCEPTION = {"see", "read", "hear", "confirm", "deny", "reject", "dismiss", "verify", "review", "receive",
              "refute", "dispute", "repeat", "welcome", "investigate", "check", "corroborate", "retract"}
SALIENCE_WINDOW = 3000  # characters looked back over for an anaphor's proposition
_QUOTES = "“”\"‘’'«»"
_UNQUOTE = re.compile(r"[“”\"‘«»]|(?<!\w)[’']|[’'](?!\w)")


@dataclass
class Claim:
    kind: str                       # nominal | event | clause | anaphor | gist
    head: Optional[Token]           # the clause verb / event or claim noun
    start: int                      # character extent of the claim (for dates, quantities, rejections)
    end: int
    noun: Optional[Token] = None    # the claim noun or anaphor noun
    rule: Optional[RelationRule] = None
    theme: Optional[str] = None
    agent: Optional[str] = None
    agent_name: Optional[str] = None
    recipient: Optional[str] = None
    recipient_name: Optional[str] = None
    negated: bool = False
    modal: Optional[str] = None     # future | deontic | None
    gist: str = ""
    when: Optional[DateRef] = None
    prop: Optional[str] = None      # Proposition id
    forced: Optional[str] = None    # a stance fixed by extraction (no_knowledge / denies formulas)


@dataclass
class Ctx:
    doc: Doc
    lx: MeaningLexicon
    mentions: list = field(default_factory=list)          # (start_char, end_char, Actor) in text order
    starts: list = field(default_factory=list)            # their start offsets (for bisect)
    by_tok: dict = field(default_factory=dict)            # token index -> Actor of the mention it is in
    props: dict = field(default_factory=dict)             # key -> Proposition
    order: list = field(default_factory=list)             # Propositions in creation order
    history: list = field(default_factory=list)           # (char position, prop id, relation)
    stems: dict = field(default_factory=dict)             # prop id -> stems of its gist (for anaphors)
    authors: dict = field(default_factory=dict)           # prop id -> canonical ids of the sources stating it


# ------------------------------------------------------------------------------------ actors

def canonical(a: Optional[Actor]) -> Optional[str]:
    if a is None:
        return None
    if a.type in ("government", "state") and a.country:
        return a.country
    return a.id


def _lookup(text: str) -> Optional[Actor]:
    from .actors import lookup

    text = text.strip(_QUOTES + " ,.")
    if not text:
        return None
    return lookup(text)


def doc_mentions(doc: Doc) -> list:
    """Actor mentions of the doc: named entities the gazetteer knows, and named persons."""
    from .actors import person_id

    out = []
    for ent in doc.ents:
        if ent.label_ not in ACTOR_ENTS:
            continue
        a = _lookup(ent.text)
        if a is None and ent.label_ == "PERSON" and len(ent) <= 4:
            a = Actor(id=person_id(ent.text), name=ent.text.strip(), type="person")
        if a is None and ent.label_ in ("ORG", "GPE"):
            from .actors import scan
            hits = scan(ent.text)
            a = hits[0][2] if hits else None
        if a is not None:
            out.append((ent.start_char, ent.end_char, a))
    # gazetteer acronyms and names the NER missed ("US", "Pyongyang" tagged otherwise)
    have = {(s, e) for s, e, _ in out}
    cols = doc.to_array([POS, ENT_TYPE]) if len(doc) else None
    untagged = numpy.flatnonzero((cols[:, 0] == _PROPN) & (cols[:, 1] == 0)).tolist() if cols is not None else []
    for i in untagged:  # from the arrays: a Token is made only for the proper nouns outside entities
        tok = doc[i]
        if (tok.idx, tok.idx + len(tok.text)) not in have:
            a = _lookup(tok.text)
            if a is not None:
                out.append((tok.idx, tok.idx + len(tok.text), a))
    out.sort(key=lambda x: x[0])
    return out


def index_mentions(ctx: Ctx) -> None:
    ctx.starts = [m[0] for m in ctx.mentions]
    doc = ctx.doc
    for s, e, a in ctx.mentions:
        sp = doc.char_span(s, e, alignment_mode="expand")
        if sp is not None:
            for t in sp:
                ctx.by_tok.setdefault(t.i, a)


def _mention_at(ctx: Ctx, tok: Token) -> Optional[Actor]:
    return ctx.by_tok.get(tok.i)


def _mentions_before(ctx: Ctx, pos: int, lo: int):
    """Mentions starting in [lo, pos), latest first."""
    import bisect

    i = bisect.bisect_left(ctx.starts, pos)
    while i > 0:
        i -= 1
        s, e, a = ctx.mentions[i]
        if s < lo:
            return
        yield s, e, a


def _source_actor(st: Statement, statements: dict) -> Optional[Actor]:
    if st.source and st.source.entity:
        return st.source.entity
    if st.source_ref and st.source_ref in statements:
        ref = statements[st.source_ref]
        if ref.source and ref.source.entity:
            return ref.source.entity
    if st.source:
        return _lookup(st.source.span.text)
    return None


PRON_MALE = {"he", "him", "his"}


def _agrees(pron: str, a: Actor) -> bool:
    if pron in PRON_SELF:
        return True
    if pron in PRON_PERSON:
        g = _gender(a.name) if a.type == "person" else None
        return a.type == "person" and (g is None or g == ("m" if pron in PRON_MALE else "f"))
    return a.type != "person"


def _gender(name: Optional[str]) -> Optional[str]:
    """A person's gender from the given name (``data/given_names.tsv``): "him" is not Hillary Clinton."""
    from .speakers import lexicon as speaker_lexicon

    first = name.split()[0].lower() if name else ""
    return speaker_lexicon().given.get(first)


def resolve_np(ctx: Ctx, tok: Token, st: Statement, statements: dict, exclude: Optional[str] = None,
               subject: bool = True) -> tuple[Optional[str], Optional[str]]:
    """(canonical actor id, display name) for the noun phrase headed by ``tok``."""
    low = tok.lower_
    if tok.pos_ == "PRON" or (tok.pos_ != "PROPN" and low in PRON_SELF | PRON_PERSON | {"it", "they", "them"}):
        src = _source_actor(st, statements)
        # "US accusations that it sold weapons", "Ukrainian claims that it sold": the accused; but
        # "Mr. Obama's statement that he opposed the war": a person's own statement about himself
        accusing = (st.cue is not None and st.cue.lemma in ACCUSING) or (st.kind == "nominal" and low not in PRON_PERSON)
        if accusing and src is not None and low not in PRON_SELF:
            exclude = exclude or canonical(src)
            src = None  # "US accusations that it sold weapons": "it" is the accused, not the accuser
        if subject and src is not None and _agrees(low, src) and canonical(src) != exclude:
            tied = _tied_person(ctx, st, low, src)
            if tied is not None and canonical(tied) != exclude:
                return canonical(tied), tied.name  # "A Clinton ally suggested she would …": Clinton
            return canonical(src), src.name
        if low in PRON_SELF:
            return (canonical(src), src.name) if src else (None, tok.text)
        # nearest preceding agreeing actor mention (this sentence and the one before)
        for s, e, a in _mentions_before(ctx, tok.idx, sents_back_start(tok, 1)):
            if _agrees(low, a) and canonical(a) != exclude:
                if low in PRON_PLURAL and _plural_subject_between(tok.doc, e, tok.idx):
                    break  # "If these people are radicalized and they don't support…": not MSNBC before
                return canonical(a), a.name
        return None, tok.text
    # conjoined phrases: the first conjunct stands for the phrase
    a = _mention_at(ctx, tok)
    if a is None and lemma(tok) not in ctx.lx.follower_nouns:  # "Sanders supporters" are not Sanders
        a = _modifier_actor(ctx, tok)
    if a is None:
        phrase = tok.doc[tok.left_edge.i: tok.i + 1].text
        a = _lookup(phrase) or _lookup(tok.text)
        if a is None and tok.lower_ in ctx.lx.type_heads:
            a = _antecedent_by_type(ctx, tok)
    if a is not None:
        return canonical(a), a.name
    return None, tok.doc[tok.left_edge.i: tok.i + 1].text.strip(_QUOTES + " ")


PRON_PLURAL = {"they", "them", "their"}


def _tied_person(ctx: Ctx, st: Statement, pron: str, src: Actor) -> Optional[Actor]:
    """The named person a source unnamed by its tie to them stands beside ("A Clinton ally", "a Trump
    confidant"), when "he"/"she" fits that person's given name and nothing is known of the source's."""
    if pron not in PRON_PERSON or not src.id.startswith("role:") or st.source is None \
            or _gender(src.name) is not None:
        return None
    want = "m" if pron in PRON_MALE else "f"
    s0, e0 = st.source.span.start, st.source.span.end
    for s, e, a in _mentions_before(ctx, e0, s0):
        if a.type == "person" and not a.id.startswith("role:") and _gender(a.name) == want:
            return a
    return None


def _plural_subject_between(doc: Doc, lo: int, hi: int) -> bool:
    """Is there a plural common noun subject between a named mention and a plural pronoun ("MSNBC …
    If these people are radicalized and they…")? The nearer noun phrase is the likelier antecedent."""
    sp = doc.char_span(lo, hi, alignment_mode="contract")
    return sp is not None and any(t.tag_ == "NNS" and t.dep_ in ("nsubj", "nsubjpass") and not t.ent_type_
                                  for t in sp)


def _owner_is_subject(ctx: Ctx, c: "Claim", noun: Token) -> None:
    """"Mr. Obama's statement that he opposed the Iraq war": a person's own statement, whose "he" is
    that person whoever reports it (not an accusation: "Clinton's charge that he lied" is someone else)."""
    if c.head is None or lemma(noun) in ACCUSING:
        return
    subj = _subject(c.head)
    if subj is None or subj.lower_ not in PRON_PERSON:
        return
    owner = next((_mention_at(ctx, x) for x in noun.children if x.dep_ == "poss" and _mention_at(ctx, x)), None)
    if owner is not None and owner.type == "person" and _agrees(subj.lower_, owner) and canonical(owner) != c.recipient:
        c.agent, c.agent_name = canonical(owner), owner.name


def _modifier_actor(ctx: Ctx, tok: Token) -> Optional[Actor]:
    """The actor named by a modifier of a noun ("the Clinton campaign", "Sanders supporters")."""
    a = None
    for c in tok.children:
        if c.dep_ in ("compound", "amod", "poss", "nmod") and c.i < tok.i:
            a = _mention_at(ctx, c) or a
    return a


def _antecedent_by_type(ctx: Ctx, tok: Token) -> Optional[Actor]:
    """'the private military company' → the latest armed group / organisation mentioned before."""
    if not any(c.lower_ in ("the", "this", "that") for c in tok.children):
        return None
    types = ctx.lx.type_heads[tok.lower_]
    for s, e, a in _mentions_before(ctx, tok.idx, tok.idx - SALIENCE_WINDOW):
        if a.type in types:
            return a
    return None


# ------------------------------------------------------------------------------------ relations

def _lemmas(tokens) -> set:
    return {t.lemma_.lower() for t in tokens} | {t.lower_ for t in tokens}


def match_rule(ctx: Ctx, head: Token, tokens: list[Token], pos: str) -> tuple[Optional[RelationRule], Optional[str]]:
    rules = (ctx.lx.verb_rules if pos == "verb" else ctx.lx.noun_rules).get(head.lemma_.lower()) \
        or (ctx.lx.verb_rules if pos == "verb" else ctx.lx.noun_rules).get(head.lower_)
    if not rules:
        return None, None
    lem = _lemmas(tokens)
    for r in rules:
        if r.needs is None:
            return r, None
        hit = r.needs & lem
        if hit:
            return r, sorted(hit)[0]
    return None, None


class Scope:
    """The character ranges of a statement's content (a content may be discontinuous)."""

    def __init__(self, spans) -> None:
        self.spans = [(s.start, s.end) for s in spans]

    def __contains__(self, idx: int) -> bool:
        for a, b in self.spans:  # a plain loop: called for most tokens of every content
            if a <= idx < b:
                return True
        return False


def _clause_tokens(head: Token, scope: Scope, stop: set = frozenset()) -> list[Token]:
    """The subtree of ``head`` within the content, not descending into nested clauses in ``stop``."""
    out = []
    todo = [head]
    while todo:
        t = todo.pop()
        if t.idx not in scope:
            continue
        out.append(t)
        for c in t.children:
            if c.i in stop:
                continue
            todo.append(c)
    out.sort(key=lambda t: t.i)
    return out


def _subject(v: Token) -> Optional[Token]:
    for c in v.children:
        if c.dep_ in ("nsubj", "nsubjpass"):
            if v.dep_ == "relcl" and c.tag_ in ("WP", "WDT") and v.head.i != v.i:
                return v.head  # "individuals or groups who had donated to the Clinton Foundation"
            return c
    noun = _participle_noun(v)
    if noun is not None:
        return noun  # "a minimum of 159 superdelegates already publicly supporting Clinton"
    # shared subject: conjuncts, xcomp/advcl ("claimed to have confirmed"), relative clauses
    if v.dep_ in ("conj", "xcomp", "advcl") and v.head.i != v.i:
        return _subject(v.head)
    if v.dep_ == "relcl":
        return v.head
    if v.dep_ in ("pcomp", "pobj") or (v.tag_ == "VBG" and v.dep_ in ("pcomp", "acl")):
        # "the US criminal acts of bringing ... by providing": the possessor of the noun above
        for a in v.ancestors:
            if a.pos_ in ("NOUN", "PROPN"):
                for c in a.children:
                    if c.dep_ in ("poss", "compound", "nmod") and c.i < a.i and (c.ent_type_ or c.pos_ in ("PROPN", "PRON")):
                        return c
                return None
    return None


_NOT_PARTICIPANTS = {"DATE", "TIME", "CARDINAL", "MONEY", "PERCENT", "QUANTITY", "ORDINAL"}


def _participle_noun(v: Token) -> Optional[Token]:
    """A participle clause with no subject or marker of its own that follows a plural noun directly
    modifies that noun (a reduced relative: "159 superdelegates already publicly supporting Clinton",
    "voters backing Sanders"), even when the parser hangs it on the main verb as an adverbial clause;
    the noun, not the main clause's subject, is the one doing it. Not after a comma ("Sanders won
    Oregon, giving him…") nor after a time or an amount ("spent hours attacking")."""
    if v.dep_ != "advcl" or v.tag_ not in ("VBG", "VBN") or \
            any(c.dep_ in ("nsubj", "nsubjpass", "mark", "aux", "auxpass") for c in v.children):
        return None
    j = v.left_edge.i - 1
    if j < 0:
        return None
    n = v.doc[j]
    if n.pos_ in ("NOUN", "PROPN") and n.tag_ in ("NNS", "NNPS") and n.ent_type_ not in _NOT_PARTICIPANTS \
            and n.dep_ not in ("nsubj", "nsubjpass"):
        return n
    return None


def _passive_roles(v: Token) -> Optional[tuple[Optional[Token], Optional[Token]]]:
    """(the doer, the one it is done to) of a passive clause: "Clinton is backed by 520 superdelegates"
    → (superdelegates, Clinton); "Russia was supplied with rockets" → (None, Russia). None for an
    active clause."""
    patient = next((c for c in v.children if c.dep_ == "nsubjpass"), None)
    if patient is None and not (v.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in v.children)):
        return None
    by = next((c for c in v.children if c.dep_ == "agent"), None)
    doer = next((c for c in by.children if c.dep_ == "pobj"), None) if by is not None else None
    return doer, patient


# spaCy's small English model leaves contractions with a curly apostrophe unlemmatized ("I’m" ->
# "’m", tagged VERB): read them as the straight forms
_CURLY_LEMMA = {"’m": "be", "’s": "be", "’re": "be", "’ve": "have", "’d": "would", "’ll": "will", "n’t": "not"}


def lemma(t: Optional[Token]) -> str:
    """The token's lower-case lemma, with curly-apostrophe contractions read as their verb."""
    if t is None:
        return ""
    lem = t.lemma_.lower()
    if lem == "’" and t.tag_.startswith("VB"):
        lem = t.lower_  # "It’s time to act": the model lemmatizes a curly "’s" verb to the bare apostrophe
    if lem in _LEMMA_SLIPS and t.lower_ in _LEMMA_SLIPS[lem]:
        return _LEMMA_SLIPS[lem][t.lower_]
    return _CURLY_LEMMA.get(lem, lem) if "’" in lem else lem


# the model's lemmatizer slips on a few frequent forms: "hoping" -> "hop"
_LEMMA_SLIPS = {"hop": {"hoping": "hope", "hoped": "hope"}}


def _implicative_not(h: Token, comp: Token) -> bool:
    """Is ``comp`` the complement of a negative implicative ("avoid [paying]", "failed to [disclose]"),
    so that its event did not take place?"""
    return comp.dep_ == "xcomp" and lemma(h) in lexicon().negative_implicatives


def _negated(v: Token) -> bool:
    if any(c.dep_ == "neg" or c.lower_ in ("never", "no longer") for c in v.children):
        return True
    h = v.head
    if h is not v and (_implicative_not(h, v) or (v.dep_ == "pcomp" and h.lower_ == "without")):
        return True  # "avoid paying taxes", "failed to disclose", "without paying": the event did not happen
    if lemma(v) == "be" and any(c.dep_ in ("acomp", "attr") and c.pos_ in ("VERB", "NOUN")
                                        and any(g.dep_ == "neg" for g in c.children) for c in v.children):
        return True  # "was not divided" parsed with the negation on the predicate
    if lemma(v) == "have" and any(c.dep_ == "dobj" and c.lower_ == "nothing" and any(
            lemma(g) == "do" and any(w.lower_ == "with" for w in g.children) for g in c.children) for c in v.children):
        return True  # "he had nothing to do with it" (the emphatic "nothing to do with" negates the clause)
    # "there was no collusion", "no one saw" (but "there is no question/doubt that" asserts)
    return any(c.dep_ in ("attr", "nsubj", "dobj") and c.lemma_.lower() not in ("question", "doubt")
               and any(d.lower_ == "no" and d.dep_ == "det" for d in c.children) for c in v.children)


MODALS = {"would", "could", "can", "ca", "should", "will", "wo", "may", "might", "must", "'ll", "'d", "shall"}
ATTITUDE = {"want", "like", "think", "know", "remember", "see", "believe", "care", "need", "expect", "wish", "hope",
            "seem", "appear", "matter", "mind", "mean", "understand", "plan", "intend", "love", "hate", "feel",
            "recall", "doubt", "trust", "agree", "worry", "fear", "imagine", "get", "go", "recognize",
            "realize", "notice", "view", "regard", "consider", "foresee", "anticipate"}
# adjectives of readiness and interest: "he is not interested in the No. 2 spot", "we're not ready to"
ATTITUDE_ADJ = {"interested", "ready", "willing", "eager", "prepared", "keen", "inclined"}


def _verb_entry(table: dict, v: Token) -> bool:
    """Is ``v`` an entry of a lemma -> particle table (``reject_verb``, ``nonevent``), with the entry's
    particle among its children when it has one ("cooked up", "took place")?"""
    lem = v.lemma_.lower()
    if lem not in table:
        return False
    part = table[lem]
    return part is None or any(c.lower_ == part for c in v.children)


def nonevent_verb(lx: MeaningLexicon, v: Token) -> bool:
    """A verb whose negation denies an event ("never happened", "did not take place"), with its
    particle when the entry has one (so "not taking anything for granted" is no "take place")."""
    return _verb_entry(lx.nonevent, v)


def denial_negation(v: Token) -> bool:
    """Is this negated clause a denial that something is or was the case ("Manafort was not involved",
    "Lewandowski never touched the reporter", "which has never happened")? Negated predictions,
    wishes, attitudes, habits and ongoing actions ("would not treat him fairly", "I don't like it",
    "he doesn't do anything", "is not going after") assert something instead."""
    if not _negated(v):
        return False
    if any(c.dep_ in ("aux", "auxpass") and (c.lower_ in MODALS or lemma(c) in MODALS) for c in v.children):
        return False
    lem = lemma(v)
    if lem in ATTITUDE:
        return False
    lx = lexicon()
    if v.tag_ == "VBG":
        return nonevent_verb(lx, v)  # "climate change is not happening": an event denied, not an ongoing action
    if lem == "be" and any(c.dep_ == "acomp" and c.lower_ in ATTITUDE_ADJ for c in v.children):
        return False  # "he is not interested in the No. 2 spot": an attitude
    if lem == "be" or any(c.dep_ == "auxpass" for c in v.children) or v.tag_ in ("VBD", "VBN"):
        return True
    if lem in lx.stative and any(c.dep_ == "aux" and c.lemma_.lower() == "do" for c in v.children):
        return True  # a state, not a habit: "governors do not have the power to…", "he doesn't own it"
    # "did not represent", "has never touched": a past event denied
    return any(c.dep_ == "aux" and c.lemma_.lower() in ("do", "have") and c.tag_ in ("VBD", "VBZ", "VBP")
               and (c.lemma_.lower() == "have" or c.tag_ == "VBD") for c in v.children)


def _modality(ctx: Ctx, v: Token) -> Optional[str]:
    for c in v.children:
        if c.dep_ in ("aux", "auxpass"):
            if c.lemma_.lower() == "shall" and not any(s.dep_ in SUBJ and s.lower_ in PRON_SELF for s in v.children):
                return "deontic"  # "the right … shall not be infringed", "the president shall…": a legal norm
            if c.lemma_.lower() in ("will", "shall") or c.lower_ in ("'ll", "wo"):
                return "future"
            if c.lemma_.lower() in ctx.lx.deontic or c.lower_ in ctx.lx.deontic:
                return "deontic"
    if v.lemma_.lower() in ("need", "have") and not any(c.dep_ == "auxpass" for c in v.children) \
            and any(c.dep_ == "xcomp" for c in v.children) and \
            any(g.lower_ == "to" for c in v.children if c.dep_ == "xcomp" for g in c.children) \
            and _obligation(v):
        return "deontic"
    if v.dep_ == "xcomp" and v.head.lemma_.lower() in ("need", "ought", "have") and _obligation(v.head):
        return "deontic"
    if _periphrastic_norm(v) or (v.dep_ == "xcomp" and _periphrastic_norm(v.head)):
        return "deontic"  # "he has got to clean this up", "were not to be dismissed", "would do better to keep quiet"
    if lemma(v) == "make" and any(k.dep_ == "dobj" and k.lower_ == "sense" for k in v.children):
        return "deontic"  # "it would make sense for the charity to stop taking donations"
    if lemma(v) == "let" and v.tag_ == "VB" and any(k.lower_ in ("us", "'s", "’s") for k in v.children):
        return "deontic"  # "let us strive on to finish the work": an exhortation
    if lemma(v) == "be" and any(k.dep_ in ("acomp", "attr", "dobj") and k.lemma_.lower() in ctx.lx.norm_predicates and (
            _infinitive(v) or _infinitive(k) or any(d.lower_ in ("no", "little") for d in k.children)) for k in v.children):
        return "deontic"  # "it is important to know the facts", "it's time to act", "there is little point for…"
    if v.dep_ == "conj" and v.head.pos_ in ("VERB", "AUX") and v.head is not v \
            and not any(c.dep_ in ("aux", "auxpass") for c in v.children):
        return _modality(ctx, v.head)  # "should follow the precedent … and release his returns"
    return None


def _periphrastic_norm(v: Token) -> bool:
    """A verb phrase of obligation or advice with a to-infinitive (Quirk et al. 1985 §3.45-3.49 semi-
    auxiliaries): "has got to" in the present ("he has got to clean this up"), a negated "be to"
    ("concerns were not to be dismissed"), "would do better / well to" ("would do better to keep quiet")."""
    comp = next((c for c in v.children if c.dep_ in ("xcomp", "advcl") and _to_infinitive(c)), None)
    if comp is None:
        return False
    lem = lemma(v)
    if lem == "get" and v.tag_ == "VBN":
        return any(c.dep_ == "aux" and lemma(c) == "have" and c.tag_ in ("VBZ", "VBP") for c in v.children)
    if lem == "be":
        return comp.dep_ == "xcomp" and lemma(comp) != "blame" and any(c.dep_ == "neg" for c in [*v.children, *comp.children])
    return lem == "do" and any(c.lower_ in ("better", "well") and c.dep_ in ("advmod", "acomp") for c in v.children)


def _to_infinitive(t: Token) -> bool:
    """Is ``t`` a bare verb or a passive participle with an infinitival "to" ("to clean", "to be dismissed")?"""
    return t.tag_ in ("VB", "VBN") and any(a.dep_ == "aux" and a.lower_ == "to" for a in t.children)


def _obligation(v: Token) -> bool:
    """Is "have to" / "need to" a norm here? Only "have to" itself (not "had enough delegates to
    become"), and in the present or under a modal ("has to go", "will need to"): in the past or the
    progressive it reports what happened ("had to reject her parents", "are having to be leaner")."""
    if v.lemma_.lower() == "have" and not (v.i + 1 < len(v.doc) and v.doc[v.i + 1].lower_ == "to"):
        return False
    return v.tag_ in ("VBP", "VBZ") or (v.tag_ == "VB" and any(c.dep_ == "aux" for c in v.children))


def _infinitive(t: Token) -> bool:
    """Has ``t`` a to-infinitive among its children ("important [to know]", "time [to act]")?"""
    return any(c.tag_ == "VB" and c.dep_ in ("xcomp", "ccomp", "advcl", "relcl", "acl")
               and any(a.lower_ == "to" for a in c.children) for c in t.children)


def _recipient(ctx: Ctx, claim_toks: list[Token], trigger: Token, agent: Optional[str], st: Statement,
               statements: dict) -> tuple[Optional[str], Optional[str]]:
    after = [t for t in claim_toks if t.i > trigger.i] + [t for t in claim_toks if t.i < trigger.i]
    for t in after:
        if t.dep_ in ("dobj", "dative", "pobj", "iobj") and t.pos_ == "PRON" and t.lower_ in ("it", "them", "him", "her"):
            rid, name = resolve_np(ctx, t, st, statements, exclude=agent, subject=False)
            if rid:
                return rid, name
        a = _mention_at(ctx, t)
        if a is not None and canonical(a) != agent:
            return canonical(a), a.name
    return None, None


def _between(head: Token, scope: Scope) -> Optional[tuple[Token, Optional[Token]]]:
    """'between X and Y' right after an event noun (the parser may attach it higher)."""
    doc = head.doc
    for t in doc[head.i + 1: min(head.i + 4, head.sent.end)]:
        if t.lower_ == "between" and t.idx in scope:
            objs = [c for c in t.children if c.dep_ == "pobj"]
            if objs:
                x = objs[0]
                y = next((c for c in x.children if c.dep_ == "conj"), None)
                return x, y
    return None


# ------------------------------------------------------------------------------------ claims

def _tok_range(doc: Doc, st: Statement) -> list[Token]:
    toks = []
    for c in st.content:
        sp = doc.char_span(c.start, c.end, alignment_mode="contract") or doc.char_span(c.start, c.end, alignment_mode="expand")
        if sp is not None:
            toks.extend(sp)
    return toks


def anaphoric_use(lx: MeaningLexicon, t: Token, allow_the: bool) -> bool:
    """Does this bare claim / event noun refer back to a claim ("that statement", "the transfer" as
    the object of "confirmed", "unfounded accusations", "US accusations")?"""
    dets = {c.lower_ for c in t.children if c.dep_ in ("det", "predet")}
    if dets & {"that", "this", "such", "these", "those"}:
        return True
    if any(c.dep_ == "amod" and lx.rejects(c) for c in t.children):
        return True
    if any(c.dep_ in ("poss", "compound", "nmod") and c.pos_ in ("PROPN", "PRON") for c in t.children) and allow_the:
        return True
    h = t.head
    if t.dep_ in ("dobj", "nsubjpass", "pobj") and (h.lemma_.lower() in PERCEPTION or h.lemma_.lower() in lx.framing):
        return allow_the or bool(dets)
    if t.dep_ == "nsubj" and h.lemma_.lower() in LIGHT_VERBS | set(lx.nonevent):
        return allow_the or bool(dets)
    return False


def _in(t: Token, scope: Scope) -> bool:
    return t.idx in scope


def _extent(toks: list[Token]) -> tuple[int, int]:
    return toks[0].idx, toks[-1].idx + len(toks[-1].text)


def _text(doc: Doc, s: int, e: int) -> str:
    t = " ".join(doc_text(doc)[s:e].split())
    t = t.strip(_QUOTES + " ,.;:")
    t = re.sub(r"^(?:that|whether)\s+", "", t)
    return t.replace("“", "").replace("”", "").replace("‘", "").replace("’", "'")


def extract_claims(ctx: Ctx, st: Statement, statements: dict) -> list[Claim]:
    doc = ctx.doc
    toks = _tok_range(doc, st)
    if not toks:
        return []
    lo, hi = st.start, st.end
    scope = Scope(st.content)
    lx = ctx.lx
    if st.cue is not None and _cue_lemma(doc, st) in lx.desire_cues:
        return []  # "is hoping that states will allow…", "wants to make tuition free": a wish
    claims: list[Claim] = []
    covered: list[tuple[int, int]] = []

    def is_covered(t: Token) -> bool:
        return any(a <= t.idx < b for a, b in covered)

    # 1. claim nouns with their clause; claim nouns alone are anaphors
    for t in toks:
        if t.pos_ not in ("NOUN", "PROPN") or t.lemma_.lower() not in lx.claim_nouns or is_covered(t):
            continue
        clause = next((c for c in t.children if c.dep_ in ("acl", "ccomp", "relcl", "appos", "advcl")
                       and c.pos_ in ("VERB", "AUX")
                       and any(m.lower_ in ("that", "whether") and m.dep_ == "mark" for m in c.children)), None)
        if clause is None:
            # "claims that it sold...": the parser may hang the that-clause on the verb after the noun
            nxt = doc[t.i + 1] if t.i + 1 < len(doc) else None
            if nxt is not None and nxt.lower_ == "that" and nxt.dep_ == "mark" and _in(nxt, scope):
                clause = nxt.head
        if clause is not None and _in(clause, scope):
            ctoks = _clause_tokens(clause, scope)
            c = _clause_claim(ctx, clause, ctoks, st, statements, kind="nominal")
            c.noun = t
            _owner_is_subject(ctx, c, t)
            claims.append(c)
            covered.append((c.start, c.end))
        elif t.i + 1 < len(doc) and doc[t.i + 1].lower_ == "of" and t.lemma_.lower() in ("report", "allegation", "accusation", "claim", "rumor", "rumour", "charge") \
                and any(c.dep_ == "pcomp" or c.tag_ == "VBG" for c in doc[t.i + 1].children):
            continue  # "reports of X doing": handled as a clause below
        elif anaphoric_use(lx, t, allow_the=True):
            c = Claim("anaphor", t, t.idx, t.idx + len(t.text), noun=t)
            claims.append(c)

    # 1b. a saying named by what it does: "Trump's tweets [accusing Machado of having a record]",
    # "a letter claiming that…": the participle's clause is the claim, the noun stands for it
    for t in toks:
        if t.pos_ not in ("NOUN", "PROPN") or is_covered(t):
            continue
        acl = next((c for c in t.children if c.dep_ == "acl" and c.tag_ == "VBG" and _in(c, scope)
                    and (c.lemma_.lower() in ACCUSING or c.lemma_.lower() in ("claim", "allege", "suggest", "assert"))), None)
        if acl is not None:
            c = _clause_claim(ctx, acl, _clause_tokens(acl, scope), st, statements, kind="nominal")
            c.noun = t
            claims.append(c)
            covered.append((c.start, c.end))

    # 2. event nominals with participants; definite bare ones are anaphors
    for t in toks:
        if t.pos_ != "NOUN" or is_covered(t) or t.lemma_.lower() not in lx.noun_rules:
            continue
        sub = [x for x in t.subtree if _in(x, scope)]
        btw = _between(t, scope)
        extra = list(btw[0].subtree) if btw else []
        governs = next((a for a in t.ancestors if a.pos_ in ("VERB", "AUX")), None)
        light = governs is not None and governs.lemma_.lower() in LIGHT_VERBS and t.dep_ in ("attr", "oprd", "xcomp", "ccomp", "appos", "dobj")
        if light:  # "make the US a party | to the conflict": the predicate's other arguments count too
            extra += [x for x in _clause_tokens(governs, scope) if x.i > t.i]
        rule, theme = match_rule(ctx, t, sub + extra + [x for x in t.children], "noun")
        if rule is None:
            continue
        denied_event = any(v.dep_ == "relcl" and nonevent_verb(lx, v) and _negated(v) and _in(v, scope)
                           for v in doc[t.i: min(t.sent.end, t.i + 12)])
        agent_tok = None
        rec_tok = None
        if btw:
            agent_tok, rec_tok = btw
        elif light:
            if t.dep_ == "appos":  # "make the US or its allies a party": the phrase it stands beside
                h = t.head
                while h.dep_ == "conj" and h.head.i != h.i:
                    h = h.head
                agent_tok = h
            else:
                agent_tok = next((c for c in governs.children if c.dep_ in ("nsubj", "dobj") and c.i < t.i
                                  and c.lower_ not in DEMONSTR), None)
        if agent_tok is None and (btw or light or denied_event):
            agent_tok = next((c for c in t.children if c.dep_ in ("poss", "compound", "nmod") and _mention_at(ctx, c)), None)
        if not (btw or light or denied_event):
            if anaphoric_use(lx, t, allow_the=True) and any(c.lower_ in ANAPHOR_DETS for c in t.children):
                claims.append(Claim("anaphor", t, t.idx, t.idx + len(t.text), noun=t, rule=rule))
            continue
        ext_toks = sorted(set(sub + extra + ([agent_tok] if agent_tok is not None else [])), key=lambda x: x.i)
        s, e = _extent(ext_toks)
        c = Claim("event", t, s, e, noun=t, rule=rule, theme=theme)
        if agent_tok is not None:
            c.agent, c.agent_name = resolve_np(ctx, agent_tok, st, statements)
        if rec_tok is not None:
            c.recipient, c.recipient_name = resolve_np(ctx, rec_tok, st, statements, exclude=c.agent, subject=False)
        else:
            c.recipient, c.recipient_name = _recipient(ctx, [x for x in ext_toks if x.i > t.i], t, c.agent, st, statements)
        # negation: of the verb that predicates it ("does not make the US a party"), or a relative
        # clause denying the event ("which has never happened")
        if light and _in(governs, scope) and _negated(governs):
            c.negated = True
        for v in doc[t.i: min(t.sent.end, t.i + 25)]:
            if v.dep_ == "relcl" and nonevent_verb(lx, v) and _negated(v) and _in(v, scope):
                c.negated = True
                c.end = max(c.end, v.idx + len(v.text))
        c.modal = _modality(ctx, governs) if light else None
        claims.append(c)
        covered.append((c.start, c.end))

    # 3. relation verbs (clauses, gerunds) outside what is covered
    verb_rules = lx.verb_rules
    for t in toks:
        if t.pos_ not in ("VERB", "AUX") or is_covered(t):
            continue
        if t.lemma_.lower() not in verb_rules and t.lower_ not in verb_rules:
            continue  # match_rule would find nothing: skip the clause walk (quadratic in long sentences)
        if t.dep_ in ("amod", "compound") and t.tag_ in ("VBG", "VBN"):
            continue  # a participle naming a kind of thing, no event: "Clinton talking points", "pledged delegates"
        ctoks = _clause_tokens(t, scope, stop={c.i for c in t.children if c.dep_ in ("ccomp", "advcl", "relcl", "conj")
                                                and c.pos_ in ("VERB", "AUX")})
        rule, theme = match_rule(ctx, t, ctoks, "verb")
        if rule is None or _not_checkable(ctx, t, doc, scope, st) or _under_norm(ctx, t, scope) \
                or claim_not_accepted(lx, t) or _inside_non_claim(ctx, t, doc, scope, st):
            continue  # ("I don't buy that": no purchase, a claim rejected)
        c = _clause_claim(ctx, t, ctoks, st, statements, kind="clause", rule=rule, theme=theme)
        claims.append(c)
        covered.append((c.start, c.end))

    # 4. demonstrative subject of an evaluation: "This is a hoax", "that is not true"
    roots = [t for t in toks if not _in(t.head, scope) or t.head.i == t.i]
    text_low = " ".join(doc_text(doc)[a:b] for a, b in scope.spans).lower()
    rejecting = has_rejection(ctx, toks, text_low)
    if not claims:
        for r in roots:
            subj = next((c for c in r.children if c.dep_ in SUBJ), None)
            if subj is not None and subj.lower_ in DEMONSTR and (rejecting or lemma(r) == "be") \
                    and not _question(doc, r, scope) and _modality(ctx, r) != "deontic":  # not "it is important to…"
                claims.append(Claim("anaphor", subj, subj.idx, subj.idx + len(subj.text), noun=subj))
                break
    # 5. a rejection or no-knowledge formula with nothing else: the salient claim
    # (to the cue's end when the cue follows the content: "[whether she converted voters] is unknown")
    nk = _no_knowledge_formula(doc, st, lx, lo, max(hi, st.cue.span.end) if st.cue is not None else hi)
    denial_cue = st.cue is not None and _cue_class(doc, st) == "denies"
    # under a cue of refutation anything it takes stands for something said ("Trump contradicted [him]",
    # "took turns rebutting [his proposals]"; ``refutation_cue``); under other denial cues the object must
    # be claim-like and not something refused
    if denial_cue and _cue_lemma(doc, st) not in lx.refutation_cues:
        if _refused(doc, st, lx, roots, scope):
            return []  # "denied his party [the victory]", "to reject [the request…] [until he gave…]": nothing said
        if not any(_claim_like(lx, r) for r in roots):
            denial_cue = False  # "had been soundly rejected: Mr. Bush", "dismissing the deficit scolds": no claim
    if not claims and (nk or denial_cue or (rejecting and any(rejection_predicate(ctx, r, scope) for r in roots))):
        claims.append(Claim("anaphor", None, lo, hi))  # "has denied it", "rejected an allegation"
    # 6. the main clause as a gist claim
    if not claims:
        # "cast Clinton as unqualified", "sees him as a real threat": "as" may hang on the cue
        cue = _cue_lemma(doc, st)
        cue_as = st.cue is not None and st.cue.span.text.lower().rstrip().endswith(" as")  # "has framed herself as"
        as_cue = cue in lx.small_clause_cues or cue_as
        # "ranked [Fiorina as one of the worst CEOs]", "pointed to [the GOP as the key obstacle]": an
        # "as" phrase of the content hanging on the cue verb makes the content a small clause
        # right after a noun phrase of its own that names someone or something, not "her days as secretary"
        as_root = any(x.lower_ == "as" and x.pos_ == "ADP" and (x.head.pos_ in ("VERB", "AUX") or (
            as_cue and not _in(x.head, scope))) and (as_cue or any(
            r.i < x.i and r.right_edge.i + 1 == x.i and r.pos_ in ("NOUN", "PROPN", "PRON")
            and not any(c.dep_ == "poss" for c in r.children) for r in roots)) for x in roots) or (as_cue and _final_as(roots, toks))
        if cue in lx.prediction_cues:  # "predict two more rate rises next year": the predicted event
            noun = next((r for r in roots if r.pos_ == "NOUN"), None) or next(
                (t for t in toks if t.pos_ == "NOUN" and t.dep_ == "pobj" and not _in(t.head.head, scope)), None)
            if noun is not None:
                claims.append(_clause_claim(ctx, noun, _clause_tokens(noun, scope), st, statements, kind="gist"))
        if not claims:
            c = _judged_or_named(ctx, st, statements, cue, roots, toks, scope)
            if c is not None:
                claims.append(c)
        for r in roots if not claims else ():
            small_clause = r.pos_ in ("NOUN", "PROPN", "PRON") and (as_root or cue_as or (as_cue and any(
                c.dep_ == "prep" and c.lower_ == "as" for c in r.children)))
            # "was confirmed: [Mariano's diagnosis of a blood clot]", "reveals [a 'demoralizing' experience]":
            # under a factive cue of showing, a noun phrase is put forward as fact
            fact_np = (r.pos_ in ("NOUN", "PROPN") and (cue in lx.evidential_cues or (
                cue in lx.presenting_cues and _np_with_predicate(r, scope)))) or (
                cue in lx.presenting_cues and _amount_object(r, roots, scope))
            if r.pos_ not in ("VERB", "AUX") and not any(c.dep_ in SUBJ for c in r.children) and not small_clause \
                    and not fact_np:
                continue
            if r.lemma_.lower() in lx.framing and any(c.dep_ == "nsubj" and c.lower_ in PRON_SELF for c in r.children):
                # "I'm telling you, this party is not divided", "I think it is over": the clause said
                r = next((c for c in r.children if c.dep_ == "ccomp" and _in(c, scope)), r)
            if _not_checkable(ctx, r, doc, scope, st):
                continue
            if r.tag_ == "VBG" and not any(c.dep_ in SUBJ or c.dep_ in ("aux", "auxpass") for c in r.children):
                continue  # an activity named, not a claim: "being Trump's running mate", "standing on the floor"
            ctoks = _clause_tokens(r, scope)
            claims.append(_clause_claim(ctx, r, ctoks, st, statements, kind="gist"))
            break
    if claims and not nk and _negated_cue(doc, st, lx):
        return []  # "the call did not mention that Rubio broke ranks", "never said that X": nothing put forward
    if claims and not denial_cue and not nk:
        claims.extend(_rebutting_clauses(ctx, claims, roots, scope, st, statements))
    if nk:
        for c in claims:
            c.forced = "no_knowledge"
    return claims


def _amount_object(r: Token, roots: list, scope: Scope) -> bool:
    """An amount as the object of a presenting cue, or a noun with its amount in a phrase the parser hung on
    the cue ("reported [between $5,000 and $15,000 in interest income]", "estimates [his fortune] [at about
    $42 billion]"): the figure is put forward as fact."""
    if r.pos_ == "NUM" and r.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL"):
        return True
    return r.pos_ in ("NOUN", "PROPN") and any(x.pos_ == "ADP" and x.i > r.i and _amount_in(x, scope) for x in roots)


def _amount_in(x: Token, scope: Scope) -> bool:
    """Does the phrase of ``x`` hold an amount inside the content ("at about $42 billion")?"""
    return any(t.idx in scope and (t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or t.like_num)
               for t in x.subtree)


def _final_as(roots: list, toks: list[Token]) -> bool:
    """Does an "as" phrase close a noun-phrase content, wherever the parser hung it ("hailed [Britain's
    vote to leave the EU as 'fantastic']": "as" on "leave")? Under an as-cue it is what the object is
    called."""
    words = [t for t in toks if not t.is_punct]
    if not words:
        return False
    for x in toks:
        if x.lower_ == "as" and x.dep_ == "prep" and x.right_edge.i >= words[-1].i and any(
                r.pos_ in ("NOUN", "PROPN") and r.left_edge.i <= x.i <= r.right_edge.i and r.i < x.i for r in roots):
            return True
    return False


def _np_with_predicate(r: Token, scope: Scope) -> bool:
    """Does the noun phrase say something of its own: a relative or participle clause inside the content
    ("high lead levels [found in 10 schools]", "a list of mayors [who back her]") or an amount ("his
    fortune at $42 billion", "between $5,000 and $15,000")?"""
    for t in r.subtree:
        if t.idx not in scope:
            continue
        if t.dep_ in ("relcl", "acl") and t.pos_ in ("VERB", "AUX"):
            return True
        if t.ent_type_ in ("MONEY", "PERCENT", "QUANTITY", "CARDINAL") or t.like_num:
            return True
    return False


def _judged_or_named(ctx: Ctx, st: Statement, statements: dict, cue: Optional[str], roots: list,
                     toks: list[Token], scope: Scope) -> Optional[Claim]:
    """What a cue of judging or naming says of its object: "praised [the protests for being largely
    peaceful]", "accusing [her of being asleep]", "blamed [Bush for the housing bust]" (the for/of
    phrase, ``judgment_cue``), "called [the senator a 'nasty guy']", "calls [people 'losers']" (the
    name given, ``naming_cue``; not "called for", "called on"). A bare object under a judging cue
    ("condemned the bill's passage") is a topic: no claim."""
    if cue is None or st.cue is None or any(t.pos_ in ("VERB", "AUX") and t.dep_ not in ("amod", "compound", "acl", "relcl")
                                            and t.idx in scope and t.tag_ != "VBG" for t in roots):
        return None
    if toks[0].lower_ == "as" and toks[0].dep_ == "prep" and len(toks) > 1:
        # the cue holds the object: "derided the deal | as toothless", "was viewed | as favorable"
        head = next((t for t in toks[1:] if t.pos_ in ("NOUN", "PROPN", "ADJ")), None)
        return _clause_claim(ctx, head, toks, st, statements, kind="gist") if head is not None else None
    if cue in ctx.lx.judgment_cues and (st.cue.span.text.lower().rstrip().endswith((" of", " for"))
                                        or (toks[0].lower_ in ("of", "for") and toks[0].dep_ == "prep"
                                            and any(c.tag_ == "VBG" for c in toks[0].children))):
        # "accusing her of | being asleep…", "blamed him for | the crash", "was excoriated [for tipping…]"
        # (not a bare noun: "chastised Clinton [for use of the server]" names a topic)
        head = next((t for t in toks if t.tag_ == "VBG" or t.pos_ in ("NOUN", "PROPN")), None)
        return _clause_claim(ctx, head, toks, st, statements, kind="gist") if head is not None else None
    linked = _linked(ctx, cue, roots, toks, scope)
    if linked is not None:
        return _clause_claim(ctx, linked, toks, st, statements, kind="gist")
    if cue in ctx.lx.judgment_cues:
        top = {r.i for r in roots}
        for p in toks:
            if p.dep_ == "prep" and p.lower_ in ("for", "of") and p.i > toks[0].i and (p.head.i in top or not _in(p.head, scope)) \
                    and not (p.lower_ == "of" and p.head.pos_ == "NOUN" and _in(p.head, scope)):
                # (not a noun's own "of": "mocked [Trump's retweet of an image]" judges the retweet)
                head = next((c for c in p.children if c.dep_ in ("pcomp", "pobj")), None)
                if head is not None and _in(head, scope):
                    return _clause_claim(ctx, head, toks, st, statements, kind="gist")
        return None
    stating = cue in ctx.lx.naming_statement_cues
    if (cue in ctx.lx.naming_cues or stating) and not st.cue.span.text.lower().rstrip().endswith((" for", " on", " upon", " out")) \
            and not _naming_participle(ctx.doc, st):
        preds = [t for t in toks if t.pos_ in ("NOUN", "PROPN", "ADJ") and t.dep_ in ("oprd", "dobj", "attr", "conj", "appos")
                 and not t.is_punct]
        if len(toks) >= 2 and preds and toks[0].lower_ not in ("for", "on", "upon") and (
                not stating or len(preds) >= 2 or preds[-1].dep_ == "oprd" or _passive_cue_verb(ctx.doc, st)):
            # a cue of stating names with an object and a name ("proclaims [the article a 'terrific piece']"),
            # not with one phrase ("proclaimed [a goal of 'Peace Through Strength']": a topic)
            return _clause_claim(ctx, preds[-1] if preds[-1].dep_ == "oprd" else preds[0], toks, st, statements, kind="gist")
    return None


def _passive_cue_verb(doc: Doc, st: Statement) -> bool:
    """Is the cue a passive verb ("was declared", "is titled", "was called")?"""
    v = _cue_root(doc, st)
    return v is not None and v.tag_ == "VBN" and any(c.dep_ in ("auxpass", "aux") and lemma(c) in ("be", "get")
                                                    for c in v.children)


def _naming_participle(doc: Doc, st: Statement) -> bool:
    """Is the naming cue a participle after a noun ("a faux thriller [titled] 'The Day of the Donald'", "a
    website [called] 'Cape Breton If Trump Wins'")? The name is how the thing is known, not a claim."""
    v = _cue_root(doc, st)
    return v is not None and v.dep_ == "acl" and v.tag_ == "VBN" and v.head.pos_ in ("NOUN", "PROPN")


def _linked(ctx: Ctx, cue: str, roots: list, toks: list[Token], scope: Scope) -> Optional[Token]:
    """Under a cue of comparing or linking (``linking_cue``), a noun phrase with the cue's preposition
    for the second thing ("compared [Carson to a child molester]", "conflated [Cruz with Wallace]",
    "blaming [Trump's decline on the media]"): the comparison is the claim, headed by the first noun."""
    preps = ctx.lx.linking.get(cue)
    first = next((r for r in roots if r.pos_ in ("NOUN", "PROPN", "PRON")), None)
    if not preps or first is None:
        return None
    for p in toks:
        if p.dep_ == "prep" and p.lower_ in preps and p.i > first.i and (first.left_edge.i <= p.i <= first.right_edge.i
                                                                        or not _in(p.head, scope)) \
                and any(c.dep_ == "pobj" and _in(c, scope) for c in p.children):
            return first
    return None


NK_REACH = 60  # characters from the cue within which a no-knowledge formula must start
PERSONAL = {"he", "she", "him", "her", "they", "them", "i", "we", "you", "me", "us"}


def _no_knowledge_formula(doc: Doc, st: Statement, lx: MeaningLexicon, lo: int, hi: int) -> bool:
    """A no-knowledge formula said by the source: starting within NK_REACH characters of the cue or of
    the start of a piece of the content, or anywhere in a main clause of the content ("while his role
    was limited to X, it is unclear what clearances he held"; "I will look into it. I don't know the
    status"); never a formula under another speaker's reporting verb inside the content ("42% of
    Ohioans say they don't know enough about him") nor "not know" a person ("I don't know one Jewish
    person that doesn't want a deal": acquaintance, not knowledge)."""
    if lx.no_knowledge is None:
        return False
    anchors = sorted({c.start for c in st.content} | ({st.cue.span.start} if st.cue else set()))
    base = anchors[0]
    if st.source is not None and st.cue is not None and 0 <= st.cue.span.start - st.source.span.end < 40:
        base = min(base, st.source.span.start)  # "Neither X nor Y responded to requests…": the negation is the subject's
    raw = doc_text(doc)[base:hi]
    # the lexicon's formulas are written with a straight apostrophe ("don't", "he's not sure")
    text = _UNQUOTE.sub("", raw).replace("’", "'")
    keep = None  # offsets of the unquoted text in ``raw`` (quote marks are single characters), when a formula is found
    scope = Scope(st.content)
    cue_lo, cue_hi = (st.cue.span.start, st.cue.span.end) if st.cue else (-1, -1)
    for m in lx.no_knowledge.finditer(text):
        if keep is None:
            keep = range(len(raw)) if len(text) == len(raw) else [i for i in range(len(raw)) if not _UNQUOTE.match(raw, i)]
        pos = base + keep[m.start()]
        near = any(0 <= pos - a <= NK_REACH for a in anchors)
        sp = doc.char_span(pos, pos + 1, alignment_mode="expand")
        if sp is None:
            if near:
                return True
            continue
        t = sp[0]
        v = next((a for a in [t, *t.ancestors] if a.pos_ in ("VERB", "AUX") and a.dep_ not in ("aux", "auxpass", "neg")), None)
        if v is None:
            if near:
                return True
            continue
        if _nk_reported_by_other(lx, v, scope) or _nk_acquaintance(v) or _generic_you(v) or _quoted_third_person(v, st):
            continue
        if _describes_noun(t, v, scope, pos, base + keep[m.end() - 1] + 1):
            continue
        if near or (_main_clause(v, scope, cue_lo, cue_hi) and _first_sentence(v, st)):
            return True
    return False


def _describes_noun(t: Token, v: Token, scope: "Scope", lo: int, hi: int) -> bool:
    """Is the formula (characters ``lo``–``hi``, first token ``t``, clause ``v``) part of a noun phrase
    of the content, describing someone rather than saying what the source does not know ("the ones
    he refused to answer last year", "refugees … unsure of their future")? A relative clause on a
    noun outside the content is the source's own ("officials, who declined to comment, …")."""
    x = t
    while x.i != v.i and x.head.i != x.i:
        x = x.head
        if x.pos_ in ("NOUN", "PROPN", "PRON") and not lo <= x.idx < hi and x.idx in scope:
            return True
    h = v.head
    return v.dep_ in ("relcl", "acl") and h.pos_ in ("NOUN", "PROPN", "PRON") and h.idx in scope and not lo <= h.idx < hi


def _first_sentence(v: Token, st: Statement) -> bool:
    """Is ``v`` in the sentence where a piece of the content starts? A formula in a later sentence
    of a long quotation ("… I'm not sure how much lower he can sink, but he clearly lacks the
    judgment") is a remark inside what the quotation mainly says."""
    s = v.sent
    return any(s.start_char <= c.start < s.end_char for c in st.content)


def _main_clause(v: Token, scope: "Scope", cue_lo: int, cue_hi: int) -> bool:
    """Is ``v`` the verb of a main clause of the content: its head is outside the content (or in the
    cue), or it is the root of its sentence, or a conjunct of such a verb?"""
    while v.dep_ == "conj" and v.head.i != v.i:
        v = v.head
    if v.head.i == v.i:
        return True
    h = v.head
    return not _in(h, scope) or cue_lo <= h.idx < cue_hi


def _nk_reported_by_other(lx: MeaningLexicon, v: Token, scope: "Scope") -> bool:
    """Is the formula's clause the complement of a reporting verb inside the content whose subject is
    someone else ("the poll found that 42% say they don't know enough")? A speaker's own "I think" /
    "I'm telling you" does not count."""
    for a in v.ancestors:
        if not _in(a, scope):
            return False
        if a.pos_ == "VERB" and a.lemma_.lower() in lx.framing:
            subj = next((c for c in a.children if c.dep_ in ("nsubj", "nsubjpass")), None)
            if subj is not None and subj.lower_ not in PRON_SELF:
                return True
    return False


def _quoted_third_person(v: Token, st: Statement) -> bool:
    """"He doesn't know the new demographics," said an adviser: inside a quotation a third person who does
    not know is someone the speaker describes (an assessment of him), not the speaker withholding
    knowledge. In reported speech "he did not know whether…" is the source itself."""
    if lemma(v) != "know" or not any(q in c.text for c in st.content for q in "“”\""):
        return False
    subj = next((c for c in v.children if c.dep_ == "nsubj"), None)
    return subj is not None and (subj.lower_ in ("he", "she", "they") or subj.pos_ == "PROPN")


def _generic_you(v: Token) -> bool:
    """'Until you've sat at that desk, you don't know what it's like': a generic "you", not the source
    saying what it does not know."""
    return any(c.dep_ == "nsubj" and c.lower_ == "you" for c in v.children)


def _nk_acquaintance(v: Token) -> bool:
    """'(don't) know' + a person: acquaintance, not knowledge ("I don't know one person who...")."""
    if v.lemma_.lower() != "know":
        return False
    for c in v.children:
        if c.dep_ == "dobj" and (c.ent_type_ in ("PERSON", "NORP") or c.lower_ in PERSONAL
                                 or any(g.dep_ == "relcl" for g in c.children)):
            return True
    return False


def _refused(doc: Doc, st: Statement, lx: MeaningLexicon, roots: list, scope: Scope) -> bool:
    """Is what the denial cue takes something asked for and refused, not a claim? "deny" with a
    recipient is "refuse to grant" (WordNet deny v.3: "the government denied his party [the victory]",
    "denied [class-action status] to employees"); what is sought or requested ("denied [the change being
    sought]", "to reject [the president's request to close the prison]"; ``rejected_action_noun``). An
    adverbial clause hanging on the cue is not its object ("[…] [until he gave more specifics]")."""
    cue = _cue_token(doc, st)
    objs = [r for r in roots if r.dep_ not in ("advcl", "punct") and not r.is_punct]
    if not objs or any((r.pos_ in ("VERB", "AUX") and not _sought(lx, r)) or _named_by_saying(lx, r) for r in objs):
        return False
    nouns = [r for r in objs if r.pos_ in ("NOUN", "PROPN", "VERB")]
    if not nouns or any(r.lemma_.lower() in lx.claim_nouns or r.lemma_.lower() in lx.denied_nouns for r in nouns):
        return False
    if cue is not None and lemma(cue) == "deny" and _has_recipient(cue, scope):
        return True
    return all(_sought(lx, r) or r.lemma_.lower() in lx.rejected_action_nouns for r in nouns)


def _cue_token(doc: Doc, st: Statement) -> Optional[Token]:
    """The cue's verb of denying ("denied", "to reject"), else its root."""
    if st.cue is None:
        return None
    sp = doc.char_span(st.cue.span.start, st.cue.span.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return None
    return next((t for t in sp if lemma(t) in ("deny", "reject")), sp.root)


def _has_recipient(v: Token, scope: Scope) -> bool:
    """A second object or a "to" phrase outside the content: "denied [his party] the victory", "denied
    the status [to employees]"."""
    return any((c.dep_ in ("dative", "dobj", "iobj") or (c.dep_ == "prep" and c.lower_ == "to"
                                                          and any(g.dep_ == "pobj" for g in c.children)))
               and not _in(c, scope) for c in v.children)


def _sought(lx: MeaningLexicon, r: Token) -> bool:
    """What is asked for, named by a passive verb of seeking or requesting: "the change being sought",
    "the funds requested" (``desire_cue``, ``directive_cue``)."""
    verbs = [r] if r.pos_ in ("VERB", "AUX") else [c for c in r.children if c.dep_ in ("acl", "relcl")]
    # a participle with no finite auxiliary and no "that" ("denied that the funds were requested" is a claim)
    return any((lemma(v) in lx.desire_cues or lemma(v) in lx.directive_cues) and v.tag_ == "VBN"
               and not any(c.dep_ == "mark" or (c.dep_ in ("aux", "auxpass") and c.lower_ != "being") for c in v.children)
               for v in verbs)


def _named_by_saying(lx: MeaningLexicon, r: Token) -> bool:
    """People named by what they say ("candidates — like Trump — who say the country is in decline"): a
    relative clause of saying with "who" as subject; under a denial cue they stand for what they say."""
    return any(c.dep_ == "relcl" and lemma(c) in lx.framing and any(g.dep_ == "nsubj" and g.lower_ == "who" for g in c.children)
               for c in r.subtree)


def _claim_like(lx: MeaningLexicon, r: Token) -> bool:
    """Can what a denial cue takes be a claim: a clause, a claim or event noun, a pronoun that is not a
    person ("denied it", "rejected the allegation", "denied the transfer"); not a person ("rejected
    Mr. Bush") nor something acted on ("the Senate rejected the bill")."""
    if r.pos_ in ("VERB", "AUX"):
        return True
    if r.pos_ == "PRON" or r.lower_ in DEMONSTR:
        return r.lower_ not in PERSONAL
    lem = r.lemma_.lower()
    if _named_by_saying(lx, r):
        return True  # people named by what they say: "pushing back against [candidates who say X]"
    if r.pos_ != "NOUN":
        return False
    if lem in lx.claim_nouns or lem in lx.noun_rules or lem in lx.denied_nouns:
        return True
    return not (r.ent_type_ or lem in lx.type_heads or lem in lx.rejected_action_nouns)


def _cue_lemma(doc: Doc, st: Statement) -> Optional[str]:
    from .framing import cue_lemma

    return cue_lemma(doc, st) if st.cue else None


def _cue_class(doc: Doc, st: Statement) -> str:
    from .framing import cue_lemma, framing_of

    return framing_of(cue_lemma(doc, st))[1]


def has_rejection(ctx: Ctx, toks: list[Token], text_low: str) -> bool:
    lx = ctx.lx
    if lx.reject_phrases is not None and lx.reject_phrases.search(text_low):
        return True
    return any(rejection_token(lx, t) for t in toks)


_REJECT_POS = ("ADJ", "NOUN", "PROPN", "VERB")


def rejecting_verb(lx: MeaningLexicon, t: Token) -> bool:
    """A rejection verb with its particle when it needs one ("cooked up", "fabricated")."""
    return t.pos_ == "VERB" and _verb_entry(lx.reject_verbs, t)


def rejection_token(lx: MeaningLexicon, t: Token) -> bool:
    """A rejection word ("false", "hoax"), a rejection verb ("cooked up") or a predicate that rejects a
    claim without one ("doesn't hold water", "I don't buy that"). Called on every token of every
    content: the lemma is read once and most tokens leave at the first tests."""
    lem = t.lemma_.lower()
    if (lem in lx.reject_words or t.lower_ in lx.reject_words) and t.pos_ in _REJECT_POS:
        return not _negated_evaluation(t) and not _wrong_choice(lx, t)
    if lem in lx.reject_verbs:
        return rejecting_verb(lx, t)
    return (lem in lx.unsound or lem in lx.disbelief_verbs) and claim_not_accepted(lx, t)


def _wrong_choice(lx: MeaningLexicon, t: Token) -> bool:
    """An attributive "wrong" names a wrong choice or a moral judgment, not a false claim ("it's the
    wrong thing", "the wrong way", "on the wrong side of history"; Merriam-Webster wrong adj. 1 "not
    according to the moral standard", 4 "not the one intended or wanted"). Predicative "wrong" still
    rejects ("that is wrong", "they were wrong in their recollections")."""
    return t.lemma_.lower() == "wrong" and t.dep_ == "amod" and t.head.lemma_.lower() not in lx.claim_nouns


NOBODY = {"nobody", "noone", "no-one"}
_CLAIM_PRONOUNS = {"it", "that", "this", "any", "none"}


def claim_not_accepted(lx: MeaningLexicon, v: Token) -> bool:
    """Does the verb say that a claim does not stand or is not believed? A negated predicate of
    soundness whose subject is a claim noun or a pronoun ("the rationale doesn't hold water", "that
    doesn't add up", "the story does not stand up"; ``unsound_predicate``), or a verb of believing
    negated or with "nobody" as subject whose object is a claim noun or "it" / "that" ("I don't buy
    that", "nobody believes it", "doesn't believe a word of it"; ``disbelief_verb``). Not "I don't
    believe he can win" (a clause: the negation belongs to it) nor "doesn't accept the offer"."""
    if v.pos_ not in ("VERB", "AUX"):
        return False
    lem = v.lemma_.lower()
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    words = lx.unsound.get(lem)
    if words:
        if not any(c.lower_ in words and c.dep_ in ("prt", "dobj", "advmod", "prep") for c in v.children):
            return False
        if not _negated(v):
            return False
        return subj is None or subj.lower_ in DEMONSTR or subj.lemma_.lower() in lx.claim_nouns
    if lem not in lx.disbelief_verbs:
        return False
    obj = next((c for c in v.children if c.dep_ == "dobj"), None)
    if obj is None or not (obj.lower_ in _CLAIM_PRONOUNS or obj.lemma_.lower() in lx.claim_nouns
                           or (obj.lemma_.lower() == "word" and any(d.lower_ in ("a", "one") for d in obj.children))):
        return False
    no_one = subj is not None and (subj.lower_ in NOBODY or (subj.lower_ == "one" and any(d.lower_ == "no" for d in subj.children)))
    return no_one or any(c.dep_ == "neg" or c.lower_ == "never" for c in v.children)


def _negated_evaluation(t: Token) -> bool:
    """Is the rejection word the predicate of a negated clause ("this is not a ridiculous idea", "it
    wasn't false", "I don't think this is a hoax": a negated belief verb takes the negation down)?
    Then nothing is rejected."""
    x = t.head if t.dep_ == "amod" else t
    if x.dep_ not in ("attr", "acomp", "oprd"):
        return False
    v = x.head
    if _negated(v):
        return True
    return v.dep_ == "ccomp" and lemma(v.head) in ("think", "believe", "say") and _negated(v.head)


def _is_rejection_word(lx: MeaningLexicon, t: Token) -> bool:
    """``rejection_token``, except a rejection verb with "for" ("more than made up for")."""
    if lx.rejects(t) and t.pos_ in _REJECT_POS:
        return True
    if any(c.dep_ == "prep" and c.lower_ == "for" for c in t.children):
        return False  # "more than made up for"
    return rejecting_verb(lx, t)


def rejection_predicate(ctx: Ctx, r: Token, scope: Scope) -> bool:
    """Is the content's main predicate a rejection of something outside it ("was cooked up by
    dishonest forces", "that's a lie", "totally false")? Not when it evaluates a person ("you're
    being ridiculous")."""
    lx = ctx.lx
    if claim_not_accepted(lx, r):
        return True  # "I don't buy that", "the rationale doesn't hold water"
    subj = next((c for c in r.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.idx in scope and subj.lower_ not in DEMONSTR \
            and subj.lemma_.lower() not in lx.claim_nouns \
            and not any(c.dep_ in ("acl", "relcl") and c.lemma_.lower() in ACCUSING for c in subj.children):
        return False  # but "Trump's tweets accusing Machado of X are lies": what the subject says is rejected
    if _is_rejection_word(lx, r):
        return True
    preds = [c for c in r.children if c.dep_ in ("attr", "acomp", "oprd", "xcomp")]
    for p in preds:
        if _is_rejection_word(lx, p) or any(_is_rejection_word(lx, x) for x in p.children if x.dep_ == "amod"):
            return True
    txt = doc_text(ctx.doc)[r.idx: r.sent.end_char].lower()
    return bool(lx.reject_phrases is not None and r.lemma_.lower() == "be" and lx.reject_phrases.match(
        re.sub(r"^\S+\s+(?:just\s+|simply\s+|totally\s+|completely\s+)?", "", txt)))


def rejection_positions(ctx: Ctx, toks: list[Token], lo: int) -> list[int]:
    """Character positions of rejection expressions among ``toks`` (for scoping to a claim)."""
    lx = ctx.lx
    out = []
    if toks and lx.reject_phrases is not None:
        s0 = toks[0].idx
        e0 = toks[-1].idx + len(toks[-1].text)
        for m in lx.reject_phrases.finditer(doc_text(ctx.doc)[s0:e0].lower()):
            out.append(s0 + m.start())
    out.extend(t.idx for t in toks if rejection_token(lx, t))
    return sorted(out)


WH = {"why", "whether", "how", "what", "who", "whom", "when", "where", "which", "if"}


def _not_checkable(ctx: Ctx, r: Token, doc: Doc, scope: Scope, st: Optional[Statement] = None) -> bool:
    """A norm, a question, an order or a request states nothing checkable. A to-infinitive is
    checkable only as a commitment ("vowed to press on", "agreed to pay"); under any other cue it is
    a request, a refusal, a wish or a decision ("urged them to leave", "did not want to address")."""
    if _modality(ctx, r) == "deontic":
        return True
    if r.tag_ == "VB" and r.dep_ != "conj" and not any(c.dep_ in ("aux", "auxpass") for c in r.children) and any(
            c.dep_ == "nsubj" and (c.tag_ in ("NN", "NNP") or c.lower_ in ("he", "she", "it")) for c in r.children):
        return True  # the mandative subjunctive: "insisted that Pyongyang stop its escapades"
    if st is not None and st.cue is not None and _mandative(doc, st, r, scope):
        return True
    if _stated_wish(ctx, r):
        return True
    if _question(doc, r, scope):
        return True
    sent = r.sent
    sent_text = doc_text(doc)[sent.start_char:sent.end_char].rstrip(_QUOTES + " \n")
    if sent_text.endswith("?"):
        # the question must be the source's: the content opens the sentence or holds the "?"
        # ("Why had he asserted that X?" is the reporter's question about an assertion)
        q_at = sent.start_char + len(sent_text) - 1
        first = min(a for a, _ in scope.spans) if scope.spans else sent.start_char
        if first <= sent.start_char + 1 or any(a <= q_at < b + 2 for a, b in scope.spans):
            return True
    first = next((t for t in r.subtree if t.idx in scope and not t.is_punct), None)
    if first is not None and first.lower_ in WH and first.i < r.i and (first.head.i == r.i or first.head.head.i == r.i) \
            and first.dep_ != "advmod" and not _not_a_question(first, r) \
            or (first is not None and first.lower_ in ("why", "whether", "how") and first.head.i == r.i):
        return True  # an indirect question: "questioned why ...", "asked whether ..."
    if (r.tag_ == "VB" or (r.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in r.children))) \
            and any(c.dep_ == "aux" and c.lower_ == "to" for c in r.children):  # "to leave", "to be identified"
        cue = _cue_lemma(doc, st) if st is not None else None
        if cue in ctx.lx.raising_cues or cue in ctx.lx.prediction_cues or (st is not None and _passive_cue(doc, st)):
            return False  # "appeared to dominate the household", "is widely expected to hold a top job", "expect Clinton to win"
        if cue not in ctx.lx.commitment_cues:
            return True  # "asked the candidates to make ...", "did not want to address ..."
        if any(t.idx in scope and t.pos_ in ("NOUN", "PROPN", "PRON") for t in doc[sent.start:r.left_edge.i]):
            return True  # "offered the voters to choose": an object, then what it is asked to do
    if r.tag_ == "VB" and not any(c.dep_ in SUBJ or (c.dep_ in ("aux", "auxpass") and not _imperative_do(c))
                                  for c in r.children) and (r.dep_ == "ROOT" or _opens_sentence(r.left_edge)):
        return True  # imperative: "please explain ...", "advice: [Take out federal loans…]", "Do not moan to me"
    return False


BOULETIC = {"want", "hope", "wish"}


def _stated_wish(ctx: Ctx, r: Token) -> bool:
    """A wish as the content's verb, with its subject and what is wished ("she wants to establish a safe
    zone", "he hoped that Lynch would announce one"; the bouletic verbs, Portner 2009): what is hoped for
    states nothing checkable. Not a negated wish ("she did not want US combat troops"), a stated position,
    nor a plan or an attempt ("plans to vote for Sanders", "would seek to establish"), which is put forward."""
    return r.pos_ == "VERB" and lemma(r) in BOULETIC and not _negated(r) \
        and any(c.dep_ in SUBJ for c in r.children) and any(c.dep_ in ("xcomp", "ccomp") for c in r.children)


def _imperative_do(aux: Token) -> bool:
    """The "do" of a negative imperative, first in its clause and followed by its negation ("Do not let
    the perfect be the enemy of the good", "Don't moan to me")."""
    return lemma(aux) == "do" and aux.tag_ == "VB" and _opens_sentence(aux) \
        and any(c.dep_ == "neg" for c in aux.head.children)


def _inside_non_claim(ctx: Ctx, t: Token, doc: Doc, scope: Scope, st: Statement) -> bool:
    """Is the relation verb inside a clause of the content that states nothing checkable: a wish, a
    request or a decision ("expressed a desire [to try, convict and shoot X]", "called for [Obama to
    resign for not calling the attack…]"), or an activity named by a gerund at the top of the content
    ("enjoys [shooting himself in the foot]", "is considering [issuing summonses]")?"""
    a = t
    while a.head.i != a.i and _in(a.head, scope):
        a = a.head
        if a.tag_ == "VB" and any(c.dep_ == "aux" and c.lower_ == "to" for c in a.children) \
                and _not_checkable(ctx, a, doc, scope, st):
            return True
    return a.tag_ == "VBG" and not any(c.dep_ in SUBJ or c.dep_ in ("aux", "auxpass") for c in a.children) \
        and a.dep_ not in ("pcomp", "acl") and _cue_lemma(doc, st) not in ctx.lx.judgment_cues


def _opens_sentence(t: Token) -> bool:
    """Is ``t`` the first word of its sentence, or the first after a colon or an opening quote?"""
    k = t.i - 1
    while k >= t.sent.start and t.doc[k].is_punct and t.doc[k].text not in (":", ";"):
        k -= 1
    return k < t.sent.start or t.doc[k].text in (":", ";")


def _under_norm(ctx: Ctx, t: Token, scope: Scope) -> bool:
    """Is the clause of ``t`` inside a norm of the content ("Immunity deals should not be a
    requirement for [cooperating with the FBI]")? What a norm mentions is not claimed to happen."""
    for a in list(t.ancestors)[:6]:
        if a.idx not in scope:
            return False
        if a.pos_ in ("NOUN", "PROPN") and any(c.dep_ == "poss" or (c.dep_ in ("compound", "nmod") and (
                c.pos_ == "PROPN" or c.ent_type_)) for c in a.children):
            return False  # "should focus on [the US criminal acts of providing…]": someone's deed, presupposed
        if a.pos_ in ("VERB", "AUX") and _modality(ctx, a) == "deontic":
            return True
    return False


def _cue_root(doc: Doc, st: Statement) -> Optional[Token]:
    """The syntactic head of the statement's cue, or None."""
    if st.cue is None:
        return None
    sp = doc.char_span(st.cue.span.start, st.cue.span.end, alignment_mode="expand")
    return sp.root if sp is not None else None


def _negated_cue(doc: Doc, st: Statement, lx: MeaningLexicon) -> bool:
    """Is the reporting verb itself negated ("did not mention", "never said", "did not deny")? Then
    the source does not put the content forward (nor deny it). Not a negation-raising verb, where the
    negation belongs to the content ("I don't think he can win", "is not expected to be as strong")."""
    v = _cue_root(doc, st)
    if v is None or v.pos_ not in ("VERB", "AUX") or lemma(v) in ATTITUDE or lemma(v) in lx.raising_cues:
        return False
    if lemma(v) == "be" or (v.tag_ == "VBN" and any(c.dep_ in ("auxpass", "aux") and lemma(c) == "be" for c in v.children)):
        return False  # a state of mind: "her advisers are not convinced that…", "is not expected to…"
    return any(c.dep_ == "neg" or c.lower_ == "never" for c in v.children)


def _passive_cue(doc: Doc, st: Statement) -> bool:
    """A passive cue of saying or believing ("is expected to", "was said to have", "are believed
    to"): its subject is the infinitive's subject, and the infinitive is what is expected / said of
    it. A passive request or obligation ("was asked to leave", "is required to file") is no claim."""
    v = _cue_root(doc, st)
    return v is not None and v.tag_ == "VBN" and any(c.dep_ == "auxpass" for c in v.children) \
        and lemma(v) in lexicon().passive_belief_cues  # not "was asked to leave", "are required to file"


def _rebutting_clauses(ctx: Ctx, claims: list, roots: list, scope: Scope, st: Statement, statements: dict) -> list:
    """The other clauses of a content that rebut a claim ("Many people used private email. It was not
    at all unprecedented."; "was private and has never been the property of the State Department"):
    each is a claim of its own, so that the statement denies it while it asserts the main clause."""
    from .negation import rebuts

    doc = ctx.doc
    taken = {c.head.i for c in claims if c.head is not None}
    heads = [x for x in roots if x.pos_ in ("VERB", "AUX")]
    heads += [x for r in roots for x in r.children if x.dep_ == "conj" and x.pos_ in ("VERB", "AUX") and _in(x, scope)]
    # a clause under a root that is no clause ("I'm not stupid, okay.": the parser heads it with "okay")
    heads += [x for r in roots if r.pos_ not in ("VERB", "AUX") for x in r.children
              if x.dep_ in ("ccomp", "parataxis") and x.pos_ in ("VERB", "AUX") and _in(x, scope)]
    heads = [x for x in heads if x.i not in taken]
    cue = _cue_lemma(doc, st)
    out = []
    for v in heads:
        if not denial_negation(v) or _not_checkable(ctx, v, doc, scope, st):
            continue
        stop = {c.i for c in v.children if c.dep_ == "conj"}
        c = _clause_claim(ctx, v, _clause_tokens(v, scope, stop=stop), st, statements, kind="gist")
        if c.negated and c.modal is None and rebuts(doc, st, v, c.agent, ctx.lx, cue):
            out.append(c)
    return out


_TERMINATOR = re.compile(r"[.?!]")
QUESTION_OPENERS = {"if", "whether", "why", "how", "where", "who", "what", "which", "when"}


def _mandative(doc: Doc, st: Statement, r: Token, scope: Scope) -> bool:
    """A that-clause in the subjunctive under a directive cue (``directive_cue``): "demanding that [the
    candidates propose a plan]", "recommended that [no charges be filed]": what is asked for, not a claim.
    Any subject, the bare verb or a passive with bare "be"."""
    if _cue_lemma(doc, st) not in lexicon().directive_cues or r.dep_ not in ("ccomp", "ROOT") or not _in(r, scope):
        return False
    if any(c.dep_ == "aux" and (c.lower_ in MODALS or c.tag_ == "MD") for c in r.children):
        return False
    if r.tag_ in ("VB", "VBP") and not any(c.dep_ in ("aux", "auxpass") for c in r.children):
        return any(c.dep_ in ("nsubj", "nsubjpass") for c in r.children)
    return r.tag_ == "VBN" and any(c.dep_ == "auxpass" and c.lower_ == "be" for c in r.children)


def _relative_opener(first: Token) -> bool:
    """A relative pronoun right after a noun or a comma ("the attacks, [which the probe said were covered
    up]"), not an interrogative one after a verb ("asked [which candidate would win]")."""
    if first.lower_ not in ("which", "who", "whom", "whose") or first.i == 0:
        return False
    prev = first.doc[first.i - 1]
    return prev.text == "," or prev.pos_ in ("NOUN", "PROPN")


def _not_a_question(first: Token, r: Token) -> bool:
    """A wh-word or "if" that opens no question: a relative clause about a noun outside the content
    ("[the attacks], [which the probe said were covered up]"), a condition ("if she does the right thing,
    I am confident that…", "if elected, she would…"), a free relative as subject ("what stuns me is how
    little the field shifts")."""
    if first.tag_ in ("WDT", "WP", "WP$") and (r.dep_ == "relcl" or _relative_opener(first)):
        return True
    if first.dep_ == "mark" and first.head.dep_ == "advcl" and first.head.i != r.i:
        return True
    return first.head.dep_ in ("csubj", "csubjpass") and first.head.head.i == r.i


def _question(doc: Doc, r: Token, scope: Scope) -> bool:
    """Is the clause of ``r`` a question: its sentence inside the content ends with "?" ("“Is
    Bradley independent enough…?”"), or the content is an indirect question whose opener belongs to
    the content's main verb ("wondering if the Clintons will return the money", "where he stands",
    "how poor students are performing") and ``r`` lies inside it."""
    text = doc_text(doc)
    for a, b in scope.spans:
        if a <= r.idx < b:
            m = _TERMINATOR.search(text, r.idx, b)
            if m is not None and m.group() == "?":
                return True
    first = next((t for t in doc[r.sent.start:r.sent.end] if t.idx in scope and not t.is_punct), None)
    if first is None:
        return False
    if first.lower_ not in QUESTION_OPENERS or not scope.spans or first.idx > min(a for a, _ in scope.spans) + 2:
        return False
    if _relative_opener(first):
        return False  # "the attacks, [which the probe said were covered up]": a relative clause
    root = first.head if (first.head.idx in scope and first.head.pos_ in ("VERB", "AUX")) else None
    if root is None and first.lower_ in ("how", "what", "which") and first.head.head.idx in scope:
        root = first.head.head  # "how poor students are performing"
    if root is None or root.dep_ == "advcl" or root.head.idx in scope:
        return False  # "if people think X, you have a candidate": a condition, not a question
    return r.i == root.i or root.left_edge.i <= r.i <= root.right_edge.i


def _clause_claim(ctx: Ctx, v: Token, ctoks: list[Token], st: Statement, statements: dict, kind: str,
                  rule: Optional[RelationRule] = None, theme: Optional[str] = None) -> Claim:
    if rule is None and kind in ("nominal", "gist"):
        rule, theme = match_rule(ctx, v, ctoks, "verb")
        if rule is None:
            # a nominal inside the clause: "that this does not make the US a party to the conflict"
            for t in ctoks:
                if t.pos_ == "NOUN" and t.lemma_.lower() in ctx.lx.noun_rules:
                    r2, th2 = match_rule(ctx, t, [x for x in t.subtree] + ctoks, "noun")
                    if r2 is not None and r2.needs is not None:
                        rule, theme = r2, th2
                        break
    s, e = _extent(ctoks)
    c = Claim(kind, v, s, e, rule=rule, theme=theme)
    subj = _subject(v)
    if rule is not None and rule.agent == "dobj":
        subj = next((x for x in v.children if x.dep_ == "dobj"), subj)
    passive = _passive_roles(v) if rule is not None and rule.agent == "subj" else None
    if passive is not None:
        subj = passive[0]  # "Clinton is backed by 520 superdelegates": the superdelegates back her
    if subj is not None:
        c.agent, c.agent_name = resolve_np(ctx, subj, st, statements)
    if rule is not None:
        sub_i = {x.i for x in subj.subtree} if subj is not None else set()
        body = [t for t in ctoks if t.i not in sub_i]
        other = c.agent
        if other is None and subj is not None and lemma(subj) in ctx.lx.follower_nouns:
            m = _modifier_actor(ctx, subj)  # "Sanders supporters will back her": "her" is not Sanders
            other = canonical(m) if m is not None else None
        rid = None
        if passive is not None and passive[1] is not None and passive[1].lower_ not in DEMONSTR:
            # the passive subject is whom it is done to, when it names someone ("weapons were sent": no one)
            rid, rname = resolve_np(ctx, passive[1], st, statements, exclude=other, subject=False)
            if rid is not None:
                c.recipient, c.recipient_name = rid, rname
        if rid is None:
            c.recipient, c.recipient_name = _recipient(ctx, body, v, other, st, statements)
    c.negated = denial_negation(v) if rule is None else _negated(v)
    if not c.negated and rule is None:
        from .negation import rebutting_form
        c.negated = rebutting_form(v, ctx.lx) is not None  # "we do not see a link": the gist reads negated
    if rule is not None and not c.negated:
        # "Trump avoided paying taxes": the relation's trigger is the complement of "avoid"
        c.negated = any(lemma(x) in rule.triggers and _implicative_not(v, x) for x in v.children)
    c.modal = _modality(ctx, v)
    return c


# ------------------------------------------------------------------------------------ propositions

def _structured(c: Claim) -> bool:
    """Is the claim's gist the relation's normalized, positive wording ("Donald Trump paid taxes")
    rather than the clause's own words?"""
    return bool(c.rule is not None and c.agent_name and (c.recipient_name or "{recipient}" not in c.rule.gist)
                and (c.agent is not None or c.agent_name.lower() not in links.PRONOUNS))
    # (a pronoun no actor stands behind makes an empty template: "You paid taxes", "which paid taxes")


def _gist(ctx: Ctx, c: Claim) -> str:
    if _structured(c):
        return c.rule.gist.format(agent=c.agent_name, recipient=c.recipient_name or "")
    return _text(ctx.doc, c.start, c.end)


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
            if not words or words in links.PRONOUNS:
                return "gist|" + " ".join(re.sub(r"[^\w\s]", "", gist.lower()).split())
            agent = "~" + words
        return "|".join([agent, c.rule.relation, c.recipient or "?"])
    return "gist|" + " ".join(re.sub(r"[^\w\s]", "", gist.lower()).split())


def _salient(ctx: Ctx, c: Claim, pos: int) -> Optional[tuple[str, str, int]]:
    """The proposition an anaphor refers to: (id, how, distance in characters), or None.

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
            return fit[-1][1], "fit", pos - fit[-1][0]
    said = _own_words(c)
    if said:
        if len(ctx.stems) < len(ctx.order):
            for p in ctx.order[len(ctx.stems):]:
                ctx.stems[p.id] = _stems(p.gist)
        scored = [(len(said & ctx.stems.get(h[1], set())), h) for h in recent]
        best = max(n for n, _ in scored)
        if best:
            h = [h for n, h in scored if n == best][-1]
            return h[1], "words", pos - h[0]  # "the president's claims about potential retaliation" -> the
            # latest claim that speaks of retaliation, not merely the latest one
    rel = [h for h in recent if h[2]]
    if rel:
        return rel[-1][1], "relation", pos - rel[-1][0]
    return recent[-1][1], "latest", pos - recent[-1][0]


def other_author(ctx: Ctx, c: Claim) -> bool:
    """Does a claim-noun anaphor name an author ("the AP report") while its antecedent was stated only by
    named others (Sessions)? Sources known only by their words ("the report published Tuesday") may be
    that author under another name."""
    author = claim_author(ctx, c)
    said_by = ctx.authors.get(c.prop, ())
    return author is not None and bool(said_by) and author not in said_by \
        and not any(a.startswith("mention:") for a in said_by)


def claim_author(ctx: Ctx, c: Claim) -> Optional[str]:
    """The source a claim-noun anaphor names as its author ("the AP report", "Rubio's claim"), or None."""
    n = c.noun
    if n is None or n.pos_ == "PRON" or n.lemma_.lower() not in ctx.lx.claim_nouns:
        return None
    poss = next((x for x in n.children if x.dep_ == "poss" and x.lower_ in PRON_PERSON), None)
    if poss is not None:
        # "PolitiFact claimed 'Trump exaggerates' … and concluded his comments were 'Mostly False'": "his" is
        # the person last named before it (within its sentence and the two before) whom the pronoun fits
        lo = sents_back_start(poss, 2)
        a = next((a for _, _, a in _mentions_before(ctx, poss.idx, lo) if _agrees(poss.lower_, a)), None)
        return canonical(a)
    return canonical(_modifier_actor(ctx, n))


def sents_back_start(t: Token, back: int) -> int:
    """The character offset where the sentence ``back`` sentences before ``t``'s starts."""
    s = t.sent
    for _ in range(back):
        if s.start == 0:
            break
        s = t.doc[s.start - 1].sent
    return s.start_char


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


def _when(dates: list[DateRef], c: Claim) -> Optional[DateRef]:
    return next((d for d in dates if c.start <= d.start and d.end <= c.end + 1), None)


def assign(ctx: Ctx, c: Claim, dates: list[DateRef], source: Optional[str] = None) -> None:
    """Give a claim its Proposition (creating it, or finding it by key or by salience), and record
    how sure the link is (``doc.user_data["cc_links"]``, turned into Stance confidences by cc_links).
    ``source``: the canonical id of the statement's source, remembered as an author of the claims it
    states (not of those it refers back to), so that "the AP report" can be told from Sessions' claim."""
    pos = c.start
    if c.kind == "anaphor":
        found = _salient(ctx, c, pos)
        if found is not None:
            pid, how, dist = found
            c.prop = pid
            ctx.history.append((pos, pid, next((p.relation for p in ctx.order if p.id == pid), None)))
            links.record(ctx, c, how, dist)
            return
        gist = _text(ctx.doc, c.noun.left_edge.idx, c.noun.idx + len(c.noun.text)) if c.noun is not None \
            else _text(ctx.doc, c.start, c.end)
    else:
        gist = _gist(ctx, c)
    key = _key(c, gist)
    p = ctx.props.get(key)
    when = _when(dates, c)
    if p is None:
        p = Proposition(id=f"P{len(ctx.order) + 1}", gist=gist, agent=c.agent,
                        relation=c.rule.relation if c.rule else None, recipient=c.recipient, theme=c.theme,
                        when=when.value if when else None, when_expr=when.text if when else None,
                        negated=c.negated and c.kind != "anaphor" and not _structured(c))
        ctx.props[key] = p
        ctx.order.append(p)
    elif p.when is None and when is not None and when.value:
        p.when, p.when_expr = when.value, when.text
    c.prop = p.id
    ctx.history.append((pos, p.id, p.relation))
    if source:
        ctx.authors.setdefault(p.id, set()).add(source)
    links.record(ctx, c, None)


@Language.component("cc_propositions")
def cc_propositions(doc: Doc) -> Doc:
    statements = doc._.statements or []
    ctx = Ctx(doc=doc, lx=lexicon())
    ctx.mentions = doc_mentions(doc) if statements else []
    index_mentions(ctx)
    by_id = {s.id: s for s in statements}
    dates = doc._.dates or []
    claims_of: dict[str, list[Claim]] = {}
    for st in sorted(statements, key=lambda s: (s.start, s.end)):
        claims = extract_claims(ctx, st, by_id)
        claims.sort(key=lambda c: c.start)
        for c in claims:
            assign(ctx, c, dates, canonical(_source_actor(st, by_id)))
        claims_of[st.id] = claims
    doc._.propositions = ctx.order
    doc.user_data["cc_claims"] = claims_of
    # quantities: the proposition whose claim contains them
    for q in doc._.quantities or []:
        if q.statement and q.statement in claims_of:
            inside = [c for c in claims_of[q.statement] if c.prop and c.start <= q.start < c.end + 1]
            if inside:
                q.proposition = min(inside, key=lambda c: c.end - c.start).prop
    return doc
