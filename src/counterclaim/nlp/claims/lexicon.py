"""The lexicons of the claim and stance components, read from TSV files (by default the packaged ones under
``counterclaim/data/``).

- ``relations.tsv``: relation rules (trigger lemmas + required lemmas) for propositions;
- ``stance_lexicon.tsv``: rejection, non-event, no-knowledge, hedge, claim-noun and deontic entries;
- ``cue_framing.tsv``: each reporting cue's framing and stance class;
- ``type_heads.tsv``: head nouns of definite descriptions and the actor types they refer back to.
"""
from __future__ import annotations

import os
import re
import shutil
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from typing import Optional, Union

from ...lexicons import DATA_DIR, tsv_rows
from ..rxguard import compile_dispatched, compile_guarded

PathLike = Union[str, os.PathLike]


@dataclass(frozen=True)
class RelationRule:
    """A row of ``relations.tsv``: trigger lemmas of a relation, the lemma a clause must also hold, who
    the agent is and the normalized wording (``gist``)."""
    relation: str
    pos: str                      # verb | noun
    triggers: frozenset
    needs: Optional[frozenset]    # None: no requirement
    agent: str                    # subj | dobj
    gist: str


@dataclass
class MeaningLexicon:
    """The claim and stance lexicon: relation rules, and the word classes of ``stance_lexicon.tsv``,
    ``cue_framing.tsv`` and ``type_heads.tsv``."""
    verb_rules: dict[str, list[RelationRule]] = field(default_factory=dict)
    noun_rules: dict[str, list[RelationRule]] = field(default_factory=dict)
    reject_words: set = field(default_factory=set)          # single-word lemmas (adjectives, nouns)
    reject_phrases: Optional[re.Pattern] = None             # multi-word, on lower-cased text
    reject_verbs: dict[str, Optional[str]] = field(default_factory=dict)  # lemma -> particle
    nonevent: dict[str, Optional[str]] = field(default_factory=dict)
    no_knowledge: Optional[re.Pattern] = None
    no_knowledge_scan: Optional[re.Pattern] = None          # the same matches, the formulas grouped by first letter
    hedges: Optional[re.Pattern] = None
    claim_nouns: set = field(default_factory=set)
    deontic: set = field(default_factory=set)
    emphatic: set = field(default_factory=set)             # single words ("never", "absolutely")
    emphatic_phrases: Optional[re.Pattern] = None          # "at all", "nothing to do with"
    rebuttal_cues: set = field(default_factory=set)
    rebuttal_context: set = field(default_factory=set)
    commitment_cues: set = field(default_factory=set)
    prediction_cues: set = field(default_factory=set)
    wrongdoing: set = field(default_factory=set)
    small_clause_cues: set = field(default_factory=set)
    denied_nouns: set = field(default_factory=set)
    rejected_action_nouns: set = field(default_factory=set)
    stative: set = field(default_factory=set)               # verbs of state ("have", "own")
    raising_cues: set = field(default_factory=set)          # "appeared to dominate", "seems to show"
    passive_belief_cues: set = field(default_factory=set)   # "is expected to", "was said to"
    negative_implicatives: set = field(default_factory=set)  # "failed to pay", "avoid paying": not paid
    follower_nouns: set = field(default_factory=set)         # "Sanders supporters": people other than Sanders
    evidence_nouns: set = field(default_factory=set)         # "there is no evidence that…": a denial
    inference_verbs: set = field(default_factory=set)        # "X does not mean Y": a denial of the inference
    evidential_cues: set = field(default_factory=set)        # "confirmed [the diagnosis]": the noun phrase is a fact
    presenting_cues: set = field(default_factory=set)        # "reported [high lead levels found in…]": a fact when it has a predicate
    norm_predicates: set = field(default_factory=set)        # "it is important to…", "there is no point in…": a norm
    judgment_cues: set = field(default_factory=set)          # "praised X for being calm": the for/of phrase is a claim
    gerund_fact_cues: set = field(default_factory=set)       # "admitted [taking the money]": the gerund is a claim
    naming_cues: set = field(default_factory=set)            # "called the senator a nasty guy": a characterization
    naming_statement_cues: set = field(default_factory=set)  # "declared [X the winner]" names; "declared [his goal]" does not
    desire_cues: set = field(default_factory=set)            # "is hoping that…", "wants to…", "seeks…": a wish
    depiction_nouns: set = field(default_factory=set)        # "the photo is fake": not genuine, denied
    unsound: dict[str, set] = field(default_factory=dict)    # "hold" -> {"water", "up"}: "doesn't hold water"
    disbelief_verbs: set = field(default_factory=set)        # "I don't buy that", "nobody believes it"
    directive_cues: set = field(default_factory=set)         # "demanded that [they propose a plan]": a request
    neg_raising: set = field(default_factory=set)            # "I don't think [P]": the negation is P's
    denial_frames: set = field(default_factory=set)          # "nobody denies [that P]": P denied, unless negated
    truth_predicates: set = field(default_factory=set)       # "it is not true [that P]": P as the predicate holds it
    factive_predicates: set = field(default_factory=set)     # "it is no surprise [that P]": P holds either way
    certainty_predicates: set = field(default_factory=set)   # "they were confident [that P]": P as it is worded
    aspectual_verbs: set = field(default_factory=set)        # "has not stopped [selling arms]": the selling goes on
    contrast_conjunctions: set = field(default_factory=set)  # "X, but [Y]": Y is the point
    subordinators: set = field(default_factory=set)          # "although X, [Y]": Y is the main clause
    disclosure_cues: set = field(default_factory=set)        # "did not release [the amount]": withheld
    belief_nouns: set = field(default_factory=set)           # "wrong in their recollections": what someone holds true
    refutation_cues: set = field(default_factory=set)        # "contradicted [him]": a person stands for what they said
    linking: dict[str, set] = field(default_factory=dict)    # "compare" -> {"to", "with"}: "compared [X to Y]"
    framing: dict[str, tuple[str, str]] = field(default_factory=dict)   # lemma -> (framing, stance)
    type_heads: dict[str, set] = field(default_factory=dict)

    def relation_nouns(self, lemma: str) -> set:
        return {r.relation for r in self.noun_rules.get(lemma, [])}

    def rejects(self, t) -> bool:
        """Is the token a single rejection word ("false", "hoax", "baseless"), by lemma or form?"""
        return t.lemma_.lower() in self.reject_words or t.lower_ in self.reject_words


def _alt(phrases: list[str]) -> str:
    return "|".join(sorted((re.escape(p).replace(r"\ ", r"\s+") for p in phrases), key=len, reverse=True))


# stance_lexicon.tsv classes whose rows are single words or phrases kept as a set on the lexicon
_WORD_SETS = {
    "claim_noun": "claim_nouns", "deontic": "deontic", "emphatic": "emphatic",
    "rebuttal_cue": "rebuttal_cues", "rebuttal_context": "rebuttal_context",
    "commitment_cue": "commitment_cues", "prediction_cue": "prediction_cues", "wrongdoing": "wrongdoing",
    "small_clause_cue": "small_clause_cues", "denied_noun": "denied_nouns",
    "rejected_action_noun": "rejected_action_nouns", "stative": "stative", "raising_cue": "raising_cues",
    "passive_belief_cue": "passive_belief_cues", "negative_implicative": "negative_implicatives",
    "follower_noun": "follower_nouns", "evidence_noun": "evidence_nouns", "inference_verb": "inference_verbs",
    "evidential_cue": "evidential_cues", "presenting_cue": "presenting_cues", "norm_predicate": "norm_predicates", "judgment_cue": "judgment_cues",
    "gerund_fact_cue": "gerund_fact_cues",
    "naming_cue": "naming_cues", "naming_statement_cue": "naming_statement_cues", "desire_cue": "desire_cues",
    "depiction_noun": "depiction_nouns",
    "disbelief_verb": "disbelief_verbs", "directive_cue": "directive_cues", "refutation_cue": "refutation_cues",
    "belief_noun": "belief_nouns", "neg_raising": "neg_raising", "denial_frame": "denial_frames",
    "truth_predicate": "truth_predicates", "factive_predicate": "factive_predicates",
    "certainty_predicate": "certainty_predicates", "aspectual_verb": "aspectual_verbs",
    "contrast_conjunction": "contrast_conjunctions", "subordinator": "subordinators",
    "disclosure_cue": "disclosure_cues",
}

# The lexicon's files, by the name a component's config gives each (the file name is the packaged one's).
LEXICON_FILES = {
    "relations": "relations.tsv",
    "stance_lexicon": "stance_lexicon.tsv",
    "cue_framing": "cue_framing.tsv",
    "type_heads": "type_heads.tsv",
}


def lexicon_path(key: str, path: Optional[PathLike] = None) -> Path:
    """The file of one part of the lexicon: ``path`` when given, else the packaged file."""
    return Path(path).resolve() if path else DATA_DIR / LEXICON_FILES[key]


@lru_cache(maxsize=1)
def lexicon() -> MeaningLexicon:
    """The lexicon of the packaged files (read once per process)."""
    return read_lexicon({k: lexicon_path(k) for k in LEXICON_FILES})


def load_lexicon(**paths: Optional[PathLike]) -> MeaningLexicon:
    """The lexicon with some of its files given by path (keys of ``LEXICON_FILES``; None or left out: the
    packaged file). With none given, the one packaged lexicon of the process."""
    unknown = set(paths) - set(LEXICON_FILES)
    if unknown:
        raise ValueError(f"unknown lexicon files: {sorted(unknown)}")
    if not any(paths.values()):
        return lexicon()
    return read_lexicon({k: lexicon_path(k, paths.get(k)) for k in LEXICON_FILES})


def read_lexicon(files: dict[str, Path]) -> MeaningLexicon:
    """Build the lexicon from its four files (absolute paths, which ``tsv_rows`` reads as they are)."""
    lx = MeaningLexicon()
    for r in tsv_rows(str(files["relations"])):
        needs = None if r["needs"].strip() in ("-", "") else frozenset(x for x in r["needs"].split("|") if x != "-")
        rule = RelationRule(r["relation"], r["pos"], frozenset(r["triggers"].split("|")), needs, r["agent"], r["gist"])
        target = lx.verb_rules if rule.pos == "verb" else lx.noun_rules
        for t in rule.triggers:
            target.setdefault(t, []).append(rule)
    # rules with requirements first: "arms transaction" before a bare "transaction"
    for d in (lx.verb_rules, lx.noun_rules):
        for k in d:
            d[k].sort(key=lambda r: r.needs is None)
    phrases, nk, hedges, emph = [], [], [], []
    for r in tsv_rows(str(files["stance_lexicon"])):
        cls, expr, how = r["class"], r["expression"], r["match"]
        if cls in ("reject_adj", "reject_noun"):
            if how == "lemma" and " " not in expr:
                lx.reject_words.add(expr)
            else:
                phrases.append(expr)
        elif cls == "reject_verb":
            lem, _, part = expr.partition(" ")
            lx.reject_verbs[lem] = part or None
        elif cls == "unsound_predicate":
            lem, _, word = expr.partition(" ")
            lx.unsound.setdefault(lem, set()).add(word)
        elif cls == "linking_cue":
            lem, _, prep = expr.partition(" ")
            lx.linking.setdefault(lem, set()).add(prep)
        elif cls == "nonevent":
            lem, _, part = expr.partition(" ")
            lx.nonevent[lem] = part or None
        elif cls == "no_knowledge":
            nk.append(expr)
        elif cls == "hedge":
            hedges.append(expr)
        elif cls == "emphatic" and " " in expr:
            emph.append(expr)
        elif cls in _WORD_SETS:  # one expression per row into the set of that class
            getattr(lx, _WORD_SETS[cls]).add(expr)
    lx.reject_phrases = compile_guarded(r"\b(?:" + _alt(phrases) + r")\b") if phrases else None
    lx.no_knowledge = compile_guarded("|".join(f"(?:{x})" for x in nk), re.I) if nk else None  # on unquoted text
    lx.no_knowledge_scan = compile_dispatched(nk, re.I) if nk else None
    lx.emphatic_phrases = compile_guarded(r"\b(?:" + _alt(emph) + r")\b", re.I) if emph else None
    lx.hedges = compile_guarded(r"\b(?:" + _alt(hedges) + r")\b", re.I) if hedges else None
    for r in tsv_rows(str(files["cue_framing"])):
        lx.framing[r["lemma"]] = (r["framing"], r["stance"])
    for r in tsv_rows(str(files["type_heads"])):
        lx.type_heads[r["head"]] = set(r["types"].split("|"))
    return lx


class LexiconComponent:
    """A pipeline component that reads some of the lexicon's files: each named in its config (null: the
    packaged file), read when the component is made, saved with the pipeline (``nlp.to_disk``) and read
    back from there (``spacy.load``). ``self.lx`` is the lexicon the component passes to what it calls."""

    def __init__(self, name: str, **paths: Optional[PathLike]) -> None:
        self.name = name
        self.files = {k: lexicon_path(k, p) for k, p in paths.items()}
        self.lx = load_lexicon(**paths)

    def to_disk(self, path: PathLike, *, exclude=tuple()) -> None:
        path = Path(path)
        path.mkdir(parents=True, exist_ok=True)
        for key, src in self.files.items():
            shutil.copyfile(src, path / LEXICON_FILES[key])

    def from_disk(self, path: PathLike, *, exclude=tuple()) -> "LexiconComponent":
        path = Path(path)
        self.files = {k: (path / LEXICON_FILES[k]).resolve() for k in self.files}
        self.lx = load_lexicon(**self.files)
        return self
