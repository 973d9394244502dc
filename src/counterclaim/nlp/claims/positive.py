"""A claim in its positive form, by parse structure: the negation of the clause dropped ("the samples
were not contaminated" -> "the samples were contaminated", "he never encouraged violence" -> "he
encouraged violence"), negative quantifiers turned existential ("no one was hurt" -> "someone was
hurt", "no passengers were injured" -> "some passengers were injured", "had nothing to do with it" ->
"had something to do with it"), and the speaker's own words resolved ("we sent no weapons", said by
Russia, -> "Russia sent some weapons"). The stance says what the source does to that positive claim.

Edits are character ranges of the document replaced by other words; only the negation that makes
the claim negated is edited (the claim's head and the verbs that predicate it), not a negation inside
a relative clause of an argument."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..spelling import s_form
from .inflection import past_tense
from .negation import negative_determiner, no_longer
from .syntax import lemma, predicate_before
from .types import NEGATIVE_POLARITY, NEGATIVE_QUANTIFIERS, PRON_PERSON, PRON_SELF, Claim

# contracted modals whose negation carries their spelling: "won't" is "wo" + "n't"
_CONTRACTED = {"wo": "will", "ca": "can", "sha": "shall"}
_NEG_WORDS = {"not", "n't", "never", "n’t"}

Edit = tuple[int, int, str]


def negation_edits(v: Token) -> list[Edit]:
    """The edits that take the negation out of the clause of ``v``."""
    out: list[Edit] = []
    kids = list(v.children)
    adverb = no_longer(v)
    if adverb is not None:  # "would no longer fund" -> "would fund"
        out += [_drop(adverb.doc[adverb.i - 1]), _drop(adverb)]
    if v.pos_ in ("NOUN", "PROPN"):
        out.extend(_no_determiner(v))  # a noun-phrase claim: "no payments from X" -> "some payments from X"
    for c in kids:
        if c.dep_ == "advmod" and c.lower_ == "all" and any(g.lower_ == "at" for g in c.children):
            out += [_drop(g) for g in c.children if g.lower_ == "at"] + [_drop(c)]  # "at all" goes with the negation
            continue
        if c.dep_ == "advmod" and c.lower_ == "longer" and any(g.lower_ == "any" for g in c.children):
            out += [_drop(g) for g in c.children if g.lower_ == "any"] + [_drop(c)]  # "not … any longer"
            continue
        if c.dep_ == "neg" or c.lower_ in _NEG_WORDS:
            out.append(_drop(c))
        elif c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr", "pobj", "npadvmod") and c.lower_ in NEGATIVE_QUANTIFIERS:
            out.append((c.idx, c.idx + len(c.text), _cased(c.text, NEGATIVE_QUANTIFIERS[c.lower_])))
        elif c.dep_ in ("nsubj", "nsubjpass", "dobj", "attr"):
            out.extend(_no_determiner(c))
        if c.dep_ in ("dobj", "attr", "advmod", "npadvmod") and c.lower_ in NEGATIVE_POLARITY:
            out.append(_swap(c, NEGATIVE_POLARITY[c.lower_]))
        elif c.dep_ in ("dobj", "attr", "nsubjpass", "pobj"):
            out.extend(_swap(d, NEGATIVE_POLARITY[d.lower_]) for d in c.children
                       if d.dep_ == "det" and d.lower_ == "any")
        if c.dep_ in ("acomp", "attr", "advmod"):
            # "was not divided" with the negation on the predicate; "no more biased than", "no different"
            for g in c.children:
                if g.dep_ == "neg" and g.lower_ in _NEG_WORDS:
                    out.append(_drop(g))
                elif g.lower_ == "no" and g.dep_ in ("neg", "advmod", "det") and c.lower_ in ("more", "less", "different",
                                                                                             "differently", "longer"):
                    out.append(_drop(g))
            for m in c.children:  # "no more biased than": "no" on "more" under the adjective
                if m.dep_ == "advmod" and m.lower_ in ("more", "less"):
                    out.extend(_drop(n) for n in m.children if n.lower_ == "no")
    out.extend(coordination_edits(v))
    if out:
        out.extend(_do_support(v))
    if lemma(v) in ("appear", "seem"):
        for c in kids:
            if c.dep_ == "xcomp":
                out.extend(negation_edits(c))
    return out


_COORDINATED = ("nsubj", "nsubjpass", "dobj", "attr", "acomp")


def coordination_edits(v: Token) -> list[Edit]:
    """The negative coordination of the clause of ``v`` taken out: "neither the nominee nor her campaign
    helped him" -> "the nominee helped him" (a noun conjunct: the first one, whose deed the sentence
    denies), "had neither met nor spoken to the lobbyist" -> "had met or spoken to the lobbyist" (verbs
    and adjectives share what follows the last one), "had not seen her, nor had he called her" -> "had
    seen her" (the clause after "nor" is a claim of its own), "Nor did he call" -> "did he call"."""
    doc = v.doc
    out: list[Edit] = []
    for x in [v] + [c for c in v.children if c.dep_ in _COORDINATED]:
        for d in x.children:
            if d.lower_ == "neither" and d.dep_ in ("preconj", "cc"):
                out.append(_drop(d))
            elif d.dep_ == "cc" and d.lower_ == "nor" and d.i < x.i:
                out.extend(_initial_nor(x, d))
            elif d.dep_ == "cc" and d.lower_ == "nor":
                conj = next((k for k in x.children if k.dep_ == "conj" and k.i > d.i), None)
                prev = next((t for t in reversed(doc[x.i: d.i]) if not t.is_punct), doc[d.i - 1])
                clause = conj is not None and x is v and (any(k.dep_ in ("nsubj", "nsubjpass") for k in conj.children)
                                                          or lemma(conj) in ("have", "be", "do"))  # ", nor had his agent"
                if not clause and (conj is None or (x is v and conj.pos_ != "VERB") or (
                        x is not v and x.pos_ not in ("NOUN", "PROPN", "PRON"))):
                    out.append(_swap(d, "or"))  # "neither injured nor tired before the race"
                    continue
                if x is not v:
                    end = x.right_edge  # a noun conjunct: "the pilot nor the co-pilot"
                elif clause:
                    end = conj.right_edge  # a clause of its own: ", nor had he called her", ", nor had his agent"
                else:
                    end = d  # a verb conjunct, a claim of its own: "had neither met [nor] spoken to him"
                out.append((prev.idx + len(prev.text), end.idx + len(end.text), ""))
    return out


def _initial_nor(v: Token, nor: Token) -> list[Edit]:
    """"Nor did the minister explain the delay" -> "the minister did explain the delay": "nor" dropped and
    the inverted auxiliary put back after the subject."""
    subj = next((c for c in v.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    aux = next((c for c in v.children if c.dep_ in ("aux", "auxpass") and nor.i < c.i), None)
    if subj is None or aux is None or not (aux.i < subj.i):
        return [_drop(nor)]
    end = subj.right_edge
    return [(nor.idx, subj.left_edge.idx, ""),
            (end.idx + len(end.text), end.idx + len(end.text), " " + aux.lower_)]


def _do_support(v: Token) -> list[Edit]:
    """"do not see" -> "see", "does not sell" -> "sells": the auxiliary "do" of a present negation
    goes with it (a past "did" stays: "did meet" keeps the tense without a table of past forms)."""
    if v.tag_ != "VB":
        return []
    aux = next((c for c in v.children if c.dep_ == "aux" and c.lower_ in ("do", "does") and c.i < v.i), None)
    if aux is None or any(c.dep_ == "aux" and c.i < aux.i for c in v.children):
        return []
    if aux.lower_ == "do":
        return [(aux.idx, aux.idx + len(aux.text) + len(aux.whitespace_), "")]
    return [(aux.idx, aux.idx + len(aux.text) + len(aux.whitespace_), ""),
            (v.idx, v.idx + len(v.text), third_person(v.text))]


def third_person(verb: str) -> str:
    """The third person singular present of a base form: "sell" -> "sells", "go" -> "goes",
    "carry" -> "carries", "have" -> "has", "be" -> "is"."""
    low = verb.lower()
    if low in ("have", "be"):
        return {"have": "has", "be": "is"}[low]
    return s_form(verb)


def _no_determiner(n: Token) -> list[Edit]:
    """"no passengers" -> "some passengers", "no one" -> "someone"."""
    out: list[Edit] = []
    for d in n.children:
        if d.lower_ == "no" and d.dep_ in ("det", "neg"):
            if n.lower_ == "one":
                out.append((d.idx, n.idx + len(n.text), _cased(d.text, "someone")))
            else:
                out.append((d.idx, d.idx + len(d.text), _cased(d.text, "some")))
    no = negative_determiner(n)
    if no is not None and no.head.i != n.i:
        out.append(_drop(no))  # "no more matches" -> "more matches"
    return out


def _swap(t: Token, word: str) -> Edit:
    """A word replaced by another ("anything" -> "something"), or dropped when the other is empty."""
    return _drop(t) if not word else (t.idx, t.idx + len(t.text), _cased(t.text, word))


def _drop(t: Token) -> Edit:
    """Drop a word and the space after it; "won't" -> "will", "can't" -> "can"."""
    doc = t.doc
    if t.lower_ in ("n't", "n’t") and t.i > 0 and doc[t.i - 1].lower_ in _CONTRACTED:
        prev = doc[t.i - 1]
        return (prev.idx, t.idx + len(t.text), _cased(prev.text, _CONTRACTED[prev.lower_]))
    end = t.idx + len(t.text) + len(t.whitespace_)
    if t.lower_ in ("n't", "n’t") or (t.i > 0 and not doc[t.i - 1].whitespace_):
        end = t.idx + len(t.text)  # "didn't pay", "cannot pay": the space after belongs to the word before now
    return (t.idx, end, "")


def _cased(like: str, word: str) -> str:
    return word[:1].upper() + word[1:] if like[:1].isupper() else word


def negated_verbs(c: Claim) -> list[Token]:
    """The verbs whose negation makes the claim negated: the claim's head, and above a claim noun the
    verbs that predicate it ("does not make the US a party"), within the claim's extent; a relative
    clause on it ("which has never happened")."""
    h = c.head
    if h is None:
        return []
    out = [h]
    for a in h.ancestors:
        if not (c.start <= a.idx < c.end):
            break
        if a.pos_ in ("VERB", "AUX"):
            out.append(a)
            break
    if c.kind == "event":
        out += [v for v in h.doc[h.i: min(h.sent.end, h.i + 25)]
                if v.dep_ == "relcl" and c.start <= v.idx < c.end]
    return out


_SUBJECT_SELF = {"i", "we"}
_SUBJECT_PERSON = {"he", "she"}


def speaker_edits(c: Claim, speaker: Optional[str] = None, quoted: bool = False) -> list[Edit]:
    """The subject pronoun of the claim's clause replaced by whom it resolves to, when that is a name
    ("we" in Russia's words is Russia), else by the speaker's name (``speaker``) for "I"/"we", and
    for "he"/"she" subject of the speaker's own reported (not quoted) speech ("the star said he did
    not meet the producer": the star)."""
    h = c.head
    if h is None:
        return []
    subj = next((x for x in h.children if x.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is None or subj.lower_ not in _SUBJECT_SELF | _SUBJECT_PERSON:
        return []
    name = c.agent_name if c.agent_name and c.agent_name.lower() not in PRON_SELF | PRON_PERSON else None
    if name is not None and name[:1].islower() and speaker:
        name = None  # a common noun the pronoun was matched to ("star"): the source's own words say it better
    if name is None and speaker and (subj.lower_ in _SUBJECT_SELF or not quoted) \
            and not (subj.lower_ in _SUBJECT_PERSON and speaker.lower() in PRON_PERSON | {"they", "it"}):
        name = speaker  # (a pronoun source names no one: "She said he would…" keeps "he")
    if not name:
        return []
    edits = [(subj.idx, subj.idx + len(subj.text), name)]
    if subj.lower_ in _SUBJECT_SELF:
        edits += _agreement(h, subj)
    return edits


_SINGULAR = {"am": "is", "'m": "is", "’m": "is", "are": "is", "'re": "is", "’re": "is", "were": "was", "have": "has",
             "do": "does"}


def _agreement(h: Token, subj: Token) -> list[Edit]:
    """The finite verb after "I" / "we" put in the third person singular, the name that replaces the
    pronoun being one speaker: "I have never taken drugs" -> "Marco Bellini has never taken drugs", "we
    do not see a link" -> "The mayor sees a link"."""
    finite = next((x for x in h.children if x.dep_ in ("aux", "auxpass") and x.i > subj.i), None)
    if finite is None:
        if h.tag_ != "VBP":
            return []
        finite = h
    low = finite.lower_
    if low == "do" and finite is not h and any(c.dep_ == "neg" for c in h.children):
        return [(h.idx, h.idx + len(h.text), third_person(h.text))]  # "do" goes with the negation
    if low in _SINGULAR:
        word = _SINGULAR[low]
        space = "" if finite.whitespace_ or not low.startswith(("'", "’")) else " "
        if low.startswith(("'", "’")):
            word = " " + word  # "I'm" -> "Marco is"
        return [(finite.idx, finite.idx + len(finite.text), word + space)]
    if finite is h and h.tag_ == "VBP":
        return [(h.idx, h.idx + len(h.text), third_person(h.text))]
    return []


_NOMINATIVE = {"her": "she", "him": "he", "them": "they", "us": "we", "me": "I"}
_PLURAL = {"they", "them", "we", "us"}


def judged_edits(c: Claim) -> list[Edit]:
    """A gerund a cue of judging holds made a finite clause with the judged as its subject ("accused her of
    being asleep" -> "Hillary Clinton was asleep", "criticized the airline for cutting pay" -> "the
    airline cut pay", "of having fled" -> "had fled"): the subject (its name when a pronoun resolves)
    put before the gerund in place of the words up to it, and the gerund made past."""
    g, subj = c.head, c.subject
    if g is None or subj is None:
        return []
    doc = g.doc
    first = g.left_edge
    if subj.pos_ == "PRON":
        name = c.agent_name if c.agent_name and c.agent_name[:1].isupper() else _NOMINATIVE.get(subj.lower_, subj.text)
    else:
        left = subj.left_edge
        stop = min((t.i for t in subj.children if t.dep_ == "prep" and t.i > subj.i), default=subj.right_edge.i + 1)
        name = doc[left.i: stop].text
    start = subj.left_edge.idx if subj.left_edge.idx >= c.start else c.start
    if start > first.idx:
        return []
    plural = subj.tag_ in ("NNS", "NNPS") or subj.lower_ in _PLURAL or any(x.dep_ == "conj" for x in subj.children)
    be = "were" if plural else "was"
    edits: list[Edit] = [(start, first.idx, name + " ")]
    for a in g.children:
        if a.dep_ in ("aux", "auxpass") and a.lower_ in ("having", "being"):
            edits.append((a.idx, a.idx + len(a.text), "had" if a.lower_ == "having" else be))
    if g.tag_ == "VBG":
        word = {"being": be, "having": "had"}.get(g.lower_) or past_tense(lemma(g))
        edits.append((g.idx, g.idx + len(g.text), word))
    return edits


def apply_edits(text: str, start: int, end: int, edits: list[Edit]) -> str:
    """The document text from ``start`` to ``end`` with the edits inside it made."""
    out, pos = [], start
    for a, b, rep in sorted({e for e in edits if start <= e[0] and e[1] <= end + 1}):
        if a < pos:
            continue
        out.append(text[pos:a])
        out.append(rep)
        pos = max(b, a)
    out.append(text[pos:end])
    return "".join(out)


def raising_edits(c: Claim, to: Optional[Token]) -> list[Edit]:
    """"is (not) likely to be delayed" -> "will be delayed", "was unlikely to lose" -> "would lose"."""
    v = c.head
    if to is None or v is None:
        return []
    will = "would" if v.tag_ == "VBD" else "will"
    return [(v.idx, to.idx + len(to.text) + len(to.whitespace_), will + " ")]


def conjunct_edits(c: Claim) -> list[Edit]:
    """The clause with its negated predicate conjunct in place of the predicate before it: "the emails were
    personal and not work-related" -> "the emails were work-related"."""
    y, h = c.conjunct, c.head
    if y is None or h is None:
        return []
    first = predicate_before(h, y)
    after = next((t for t in y.subtree if t.dep_ != "neg"), None)  # the conjunct's first word after "not"
    if first is None or after is None:
        return []
    return [(first.left_edge.idx, after.idx, "")]


def positive_edits(c: Claim, negated: Optional[bool] = None, to: Optional[Token] = None,
                   speaker: Optional[str] = None, quoted: bool = False) -> list[Edit]:
    """Every edit that makes the claim's words its positive, speaker-resolved form (``to``: the "to"
    of a probability frame the claim's copula carries, ``frames.raising_frame``; ``speaker``: the
    source's name, ``quoted``: the content is a quotation)."""
    edits = speaker_edits(c, speaker, quoted) + raising_edits(c, to) + judged_edits(c)
    if c.conjunct is not None:
        return edits + conjunct_edits(c)
    if c.negated if negated is None else negated:
        for v in negated_verbs(c):
            edits += negation_edits(v)
    return edits


def positive_text(text: str, c: Claim, to: Optional[Token] = None, speaker: Optional[str] = None,
                  quoted: bool = False) -> str:
    """The claim's words from its extent, in positive form (not cleaned)."""
    return apply_edits(text, c.start, c.end, positive_edits(c, to=to, speaker=speaker, quoted=quoted))
