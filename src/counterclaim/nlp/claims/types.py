"""What the claim code passes around: ``Claim`` (a claim found in a statement's content), ``Ctx`` (the
state of one doc's proposition building) and the word classes several steps share."""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Optional

from spacy.tokens import Doc, Token

from ...model import DateRef
from .lexicon import MeaningLexicon, RelationRule


ACTOR_ENTS = {"GPE", "NORP", "ORG", "PERSON", "FAC", "LOC"}
SUBJ = {"nsubj", "nsubjpass", "csubj", "expl"}
PRON_SELF = {"i", "we", "me", "us", "my", "our", "myself", "ourselves"}
PRON_PERSON = {"he", "she", "him", "her", "his", "hers"}
PRON_MALE = {"he", "him", "his"}
PRON_PLURAL = {"they", "them", "their"}
PRON_THING = {"it", "its", "they", "them", "their", "this", "that"}
DEMONSTR = {"this", "that", "it", "these", "those", "which"}
ANAPHOR_DETS = {"the", "that", "this", "these", "those", "such", "any", "its", "their", "his", "her", "these"}
ACCUSING = {"accuse", "accusation", "allegation", "allege", "charge", "blame"}
LIGHT_VERBS = {"be", "make", "become", "remain", "call", "consider", "declare", "name", "render", "turn"}


PERCEPTION = {"see", "read", "hear", "confirm", "deny", "reject", "dismiss", "verify", "review", "receive",
              "refute", "dispute", "repeat", "welcome", "investigate", "check", "corroborate", "retract"}


# negative quantifiers and their existential counterparts (closed-class words): "nobody was hurt"
# is the negation of "somebody was hurt"
NEGATIVE_QUANTIFIERS = {"nobody": "somebody", "nothing": "something", "none": "some", "no-one": "someone",
                        "neither": "either", "nowhere": "somewhere"}
# negative polarity items and their forms outside a negation: "didn't steal anything" / "stole something"
NEGATIVE_POLARITY = {"anything": "something", "anyone": "someone", "anybody": "somebody", "any": "some",
                     "ever": "", "yet": "", "anymore": ""}


MODALS = {"would", "could", "can", "ca", "should", "will", "wo", "may", "might", "must", "'ll", "'d", "shall"}


ATTITUDE = {"want", "like", "think", "know", "remember", "see", "believe", "care", "need", "expect", "wish", "hope",
            "seem", "appear", "matter", "mind", "mean", "understand", "plan", "intend", "love", "hate", "feel",
            "recall", "doubt", "trust", "agree", "worry", "fear", "imagine", "get", "go", "recognize",
            "realize", "notice", "view", "regard", "consider", "foresee", "anticipate"}


# adjectives of readiness and interest: "he is not interested in the No. 2 spot", "we're not ready to"
ATTITUDE_ADJ = {"interested", "ready", "willing", "eager", "prepared", "keen", "inclined"}


PERSONAL = {"he", "she", "him", "her", "they", "them", "i", "we", "you", "me", "us"}
SALIENCE_WINDOW = 3000  # characters looked back over for an anaphor's proposition
QUOTES = "“”\"‘’'«»"


@dataclass
class Claim:
    """A claim found in a statement's content, and (once linked) its Proposition."""
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
    negated: bool = False           # the clause as worded is negated ("was not involved"): its positive form is the claim
    antecedent_negated: bool = False  # an anaphor whose antecedent was worded negatively ("denied the report" of "X did not pay")
    framed: bool = False            # a frame above it in the content turns the commitment round ("doubts that…")
    modal: Optional[str] = None     # future | deontic | None
    gist: str = ""
    when: Optional[DateRef] = None
    prop: Optional[str] = None      # Proposition id
    forced: Optional[str] = None    # a stance fixed by extraction (no_knowledge / denies formulas)
    subject: Optional[Token] = None  # the clause's subject when the head has none of its own: the object a
    # cue of judging holds ("accused [her] of being asleep": she was asleep)
    conjunct: Optional[Token] = None  # "were personal and not [work-related]": the negated predicate conjunct
    # the claim is about, in place of the clause's first predicate


@dataclass
class Ctx:
    """The state of one doc's proposition building: its lexicon, actor mentions and propositions so far."""
    doc: Doc
    lx: MeaningLexicon
    mentions: list = field(default_factory=list)          # (start_char, end_char, Actor) in text order
    starts: list = field(default_factory=list)            # their start offsets (for bisect)
    by_tok: dict = field(default_factory=dict)            # token index -> Actor of the mention it is in
    props: dict = field(default_factory=dict)             # key -> Proposition
    order: list = field(default_factory=list)             # Propositions in creation order
    history: list = field(default_factory=list)           # (char position, prop id, relation, worded negatively)
    stems: dict = field(default_factory=dict)             # prop id -> stems of its gist (for anaphors)
    authors: dict = field(default_factory=dict)           # prop id -> canonical ids of the sources stating it
