"""Cross-article claim matching: an article's propositions -> ledger propositions.

An article's analysis gives each proposition a structured key (``agent|relation|recipient``,
canonical actor ids and a normalized relation, from the CLAIM_STEPS step) and a gist. Two
propositions are the same claim when

* their structured keys agree (same relation; agent and recipient equal, or one side unknown
  ``?`` with a gist that still looks alike), their dates (``when``) do not conflict, and the
  gists do not name different entities or numbers; or
* (when either has no structured key) their gists are similar: the mean of a content-word Dice
  coefficient and a character-trigram cosine, penalized when the gists name different proper
  names or numbers ("North Korea ... Russia" vs "North Korea ... Ukraine" stay apart).

Candidates come from the ``propositions`` table by relation and from the FTS5 index over gists,
so matching is a few indexed lookups per proposition, not a scan of the ledger. The ledger
never parses article text: only the short gists and keys produced by the analyzer are compared.
"""
from __future__ import annotations

import math
import re
import sqlite3
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from typing import Optional

from ..lexicons import function_words
from ..model import Proposition

# Thresholds (documented in docs/ledger.md; measured on the pairs in tests/ledger/test_claim_matching.py).
GIST_MATCH = 0.55        # gist-only matching (and at least MIN_SHARED_WORDS content words in common)
MIN_SHARED_WORDS = 2
MIN_COVERAGE = 0.6       # ... covering this share of the longer gist's content words ("I think it's a bribe"
                         # and "I think it's funny" share the frame, not the claim)
MIXED_MATCH = 0.65       # gist matching when one side has a structured key and the other has not (the
                         # analyzer read them differently: "you cannot win an election" vs "you win a primary")
WILDCARD_MATCH = 0.45    # structured keys with the same agent, equal up to an unknown recipient
AGENTLESS_MATCH = 0.95   # same relation and recipient but no known agent: near-identical gists only, with
                         # the same names and content words ("voters endorsed Clinton" is not "John Bolton
                         # endorsed Clinton", and "he endorsed Clinton" in two articles is two people)
NAME_CONFLICT_PENALTY = 0.5
FTS_CANDIDATES = 25
KEY_CANDIDATES = 50

_WORD = re.compile(r"[^\W_]+(?:[.,'’][^\W_]+)*", re.UNICODE)
_NUM = re.compile(r"^\d[\d.,]*$")
# Function words are not evidence that two gists say the same thing (data/function_words.txt).
_STOP = function_words()
# Negation words are kept: "did not supply" and "supplied" are the same proposition only when the
# analyzer says so through the structured key and the stance, never through gist similarity.
_KEEP = frozenset({"not", "no", "never", "nothing", "none"})


def _stem(w: str) -> str:
    """A crude suffix strip so that supplies/supplied/supply and weapons/weapon meet."""
    for suf in ("ies", "ied", "ying"):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            return w[: -len(suf)] + "y"
    for suf in ("ing", "ed", "es", "s"):
        if w.endswith(suf) and len(w) > len(suf) + 2:
            return w[: -len(suf)]
    return w


@dataclass(frozen=True)
class GistFeatures:
    words: frozenset[str]          # stemmed content words
    names: frozenset[str]          # capitalized content words, and numbers
    negated: bool                  # says "not", "no", "never"...
    grams: Counter                 # character trigrams of the normalized gist
    norm: float

    @classmethod
    def of(cls, gist: str) -> "GistFeatures":
        toks = _WORD.findall(gist or "")
        words, names = set(), set()
        for i, t in enumerate(toks):
            low = t.lower().replace("’", "'")
            if low == "cannot":
                words.add("not")
                continue
            if "'" in low:  # contractions and possessives: "it's", "I'm", "don't", "Trump's"
                if low.endswith("n't"):
                    words.add("not")
                    low = low[:-3]
                else:
                    low = low.split("'")[0]
                if not low or low in _STOP:
                    continue
                t = t[:len(low)]
            if _NUM.match(t):
                names.add(t.replace(",", ""))
                words.add(t.replace(",", ""))
                continue
            if t.isupper() and len(t) > 1:  # an acronym (US, UN, NATO), even when it spells a function word
                names.add(low)
                words.add(low)
                continue
            if low in _KEEP:
                words.add(low)
                continue
            if low in _STOP:
                continue
            if t[:1].isupper():
                names.add(low)
            words.add(_stem(low))
        norm = " " + " ".join(t.lower() for t in toks) + " "
        grams = Counter(norm[i:i + 3] for i in range(len(norm) - 2))
        negated = any(t.lower() in _KEEP or t.lower() == "cannot" or t.lower().endswith(("n't", "n’t")) for t in toks)
        return cls(frozenset(words), frozenset(names), negated, grams,
                   math.sqrt(sum(v * v for v in grams.values())) or 1.0)


@lru_cache(maxsize=1 << 16)
def features(gist: str) -> GistFeatures:
    return GistFeatures.of(gist)


def gist_similarity(a: str | GistFeatures, b: str | GistFeatures) -> float:
    """0..1: how alike two gists are (content words and character trigrams; names must agree)."""
    fa = a if isinstance(a, GistFeatures) else features(a or "")
    fb = b if isinstance(b, GistFeatures) else features(b or "")
    if not fa.words and not fb.words:
        return 0.0
    dice = 2 * len(fa.words & fb.words) / ((len(fa.words) + len(fb.words)) or 1)
    ga, gb = fa.grams, fb.grams
    dot = sum(ga[g] * gb[g] for g in ga.keys() & gb.keys())  # counts: an exact integer, in any order
    cos = dot / (fa.norm * fb.norm)
    sim = (dice + cos) / 2
    if names_conflict(fa, fb):
        sim *= NAME_CONFLICT_PENALTY
    if fa.negated != fb.negated:
        sim *= NAME_CONFLICT_PENALTY
    return sim


def names_conflict(fa: GistFeatures, fb: GistFeatures) -> bool:
    """Each gist names someone or something (or a number) the other does not."""
    return bool((fa.names - fb.names) and (fb.names - fa.names))


def share_predicate(fa: GistFeatures, fb: GistFeatures) -> bool:
    """Do the gists share a content word that is not a name? Names alone are not a claim: "I met
    Hillary Clinton" and "I can beat Hillary Clinton" share only whom they are about."""
    return bool((fa.words - fa.names) & (fb.words - fb.names) - _KEEP)


def coverage(fa: GistFeatures, fb: GistFeatures) -> float:
    """The share of the longer gist's content words that the other has too (negation words, which
    say nothing of what a claim is about, left out: "I don't think it matters" and "I don't think the
    industry is over" share one word, "think")."""
    a, b = fa.words - _KEEP, fb.words - _KEEP
    n = max(len(a), len(b))
    return len(a & b) / n if n else 0.0



def when_compatible(a: Optional[str], b: Optional[str]) -> bool:
    """ISO dates of different precision agree when one is a prefix of the other (2022-11 ~ 2022-11-03)."""
    if not a or not b:
        return True
    return a.startswith(b) or b.startswith(a)


def _structured(p_agent, p_relation, p_recipient) -> bool:
    return bool(p_relation and (p_agent or p_recipient))


@dataclass
class Match:
    proposition_id: Optional[int]   # None: a new ledger proposition is needed
    confidence: float
    method: str                     # key | key+gist | gist | new
    flipped: bool = False           # the two gists read opposite ways (one says "not", "no", "never"...)


def _fts_query(gist: str) -> Optional[str]:
    words = {w.lower() for w in _WORD.findall(gist or "")}
    words = [w for w in words if w not in _STOP or w in _KEEP]
    if not words:
        return None
    return " OR ".join('"' + w.replace('"', '""') + '"' for w in sorted(words))


_COLS = 'id, key, gist, agent, relation, recipient, "when"'
_PCOLS = 'p.id, p.key, p.gist, p.agent, p.relation, p.recipient, p."when"'


def match_proposition(conn: sqlite3.Connection, p: Proposition) -> Match:
    """Find the ledger proposition an article proposition is about (or say a new one is needed)."""
    fp = features(p.gist or "")
    cands: dict[int, tuple] = {}
    cols = _COLS
    if _structured(p.agent, p.relation, p.recipient):
        for row in conn.execute(
                f"SELECT {cols} FROM propositions WHERE relation = :rel "
                "AND (agent IS NULL OR :ag IS NULL OR agent = :ag) "
                "AND (recipient IS NULL OR :rc IS NULL OR recipient = :rc) "
                "ORDER BY key = :key DESC, id LIMIT :lim",
                {"rel": p.relation, "ag": p.agent, "rc": p.recipient, "key": p.key, "lim": KEY_CANDIDATES}):
            cands[row[0]] = row
    q = _fts_query(p.gist)
    if q:
        try:
            for row in conn.execute(
                    f"SELECT {_PCOLS} "
                    "FROM propositions_fts f JOIN propositions p ON p.id = f.rowid "
                    "WHERE propositions_fts MATCH ? ORDER BY f.rank LIMIT ?", (q, FTS_CANDIDATES)):
                cands.setdefault(row[0], row)
        except sqlite3.OperationalError:
            pass
    best = Match(None, 1.0, "new")
    best_score = -1.0
    for pid, key, gist, agent, relation, recipient, when in cands.values():
        got = lexical_decision(p.key, p.gist, p.agent, p.relation, p.recipient, p.when,
                               key, gist, agent, relation, recipient, when, fp)
        if got is None:
            continue
        score, conf, method = got
        if score > best_score or (score == best_score and best.proposition_id is not None and pid < best.proposition_id):
            best_score, best = score, Match(pid, round(min(conf, 1.0), 3), method,
                                            fp.negated != features(gist).negated)
    return best


def lexical_decision(p_key: str, p_gist: str, p_agent, p_relation, p_recipient, p_when,
                     key: str, gist: str, agent, relation, recipient, when,
                     fp: Optional[GistFeatures] = None) -> Optional[tuple[float, float, str]]:
    """(score, confidence, method) when the words and structured keys say two propositions are one
    claim, else None: the structured keys agree, or the gists are alike enough (module docstring)."""
    fp = fp or features(p_gist or "")
    if not when_compatible(p_when, when):
        return None
    # the similarity is worked out only once the cheaper tests have not already said no
    if _structured(p_agent, p_relation, p_recipient) and _structured(agent, relation, recipient):
        if relation != p_relation:
            return None
        if (p_agent and agent and p_agent != agent) or (p_recipient and recipient and p_recipient != recipient):
            return None
        fg = features(gist)
        sim = gist_similarity(fp, fg)
        if key == p_key and "?" not in key.split("|"):
            return 2.0 + sim, 0.75 + 0.25 * sim, "key"
        if p_agent and agent:  # same agent, a recipient unknown on one side
            if sim < WILDCARD_MATCH or names_conflict(fp, fg):
                return None
            return 1.0 + sim, 0.5 + 0.3 * sim, "key+gist"
        # who did it is unknown on one side: the gists must say the same of the same names
        if sim < AGENTLESS_MATCH or fp.names != fg.names or coverage(fp, fg) < 1.0:
            return None
        return 1.0 + sim, 0.4 + 0.4 * sim, "key+gist"
    fg = features(gist)
    p_structured, c_structured = _structured(p_agent, p_relation, p_recipient), _structured(agent, relation, recipient)
    mixed = p_structured or c_structured
    if len(fp.words & fg.words) < MIN_SHARED_WORDS or coverage(fp, fg) < MIN_COVERAGE or not share_predicate(fp, fg):
        return None
    sim = gist_similarity(fp, fg)
    if sim < (MIXED_MATCH if mixed else GIST_MATCH):
        return None
    if mixed and ((p_structured and fp.names - fg.names) or (c_structured and fg.names - fp.names)):
        return None  # the structured side names its participants and the other does not: "Donald Trump
        # paid taxes" is not "You paid taxes" (an ad's generic "you")
    return sim, sim, "gist"
