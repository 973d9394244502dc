"""Contrary claims, clause fragments and low-evidence matches in the ledger's matching step."""
from __future__ import annotations

import pytest

from counterclaim.ledger import Ledger, contrary, embedding, matching
from counterclaim.model import Actor, Proposition
from ledger_kit import synthetic_analysis

CLINTON = Actor("person:hillary-clinton", "Hillary Clinton", "person", "USA")
TRUMP = Actor("person:donald-trump", "Donald Trump", "person", "USA")


def test_antonyms_come_from_the_lexicon():
    assert "awake" in contrary.antonyms()["asleep"]
    assert contrary.contrary_predicates("asleep", "awake")
    assert contrary.contrary_predicates("be", "win", ["she", "lose"], ["win"])  # the antonym among the words
    assert not contrary.contrary_predicates("supply", "deliver")


@pytest.mark.parametrize("text,args,fragment", [
    ("who was running for president of the United States", None, True),
    ("what he called tribalism", None, True),
    ("when you're campaigning for president", None, True),
    ("When Hillary Clinton participates in three debates, it will end the doubts", None, False),
    ("her of being asleep when the calls came in", [], True),
    ("Trump will be the next president of the United States", None, False),
    ("Hillary Clinton was awake all night", ["person:hillary-clinton"], False),
])
def test_fragments(text, args, fragment):
    assert contrary.is_fragment(text, args) is fragment


def _row(text, agent=None, predicate=None, args=("x",)):
    return matching.ClaimRow.of(Proposition("P", text, agent, predicate=predicate, arguments=list(args)))


def test_contrary_predicates_flip_the_match_and_a_negated_contrary_does_not():
    asleep = _row("Hillary Clinton was asleep when the calls came in", CLINTON.id, "asleep")
    awake = _row("Hillary Clinton was awake all night after the attacks", CLINTON.id, "awake")
    not_awake = _row("Hillary Clinton was not awake that night", CLINTON.id, "awake")
    assert matching.flips(asleep, awake)
    assert not matching.flips(asleep, not_awake)  # "not awake" says she was asleep
    assert matching.flips(awake, not_awake)


def test_a_negation_flips_only_when_the_other_words_coincide():
    assert matching.flips(_row("North Korea did not supply weapons to Russia"), _row("North Korea supplied weapons to Russia"))
    # a "no" in a clause of its own: the same side
    assert not matching.flips(_row("No, Donald Trump meant he's the founder of ISIS"),
                              _row("But Donald Trump was the founder, absolutely the founder"))


def test_a_fragment_is_never_matched_by_meaning():
    frag = _row("who was running for president of the United States")
    claim = _row("Trump will be the next president of the United States")
    assert frag.fragment and not claim.fragment
    assert matching.decide(frag, claim) is None and matching.decide(claim, frag) is None
    assert matching.decide(frag, _row("who was running for president of the United States")) is not None


def _two_sides(tmp_path, a_claim: Proposition, b_claim: Proposition, b_stance: str = "asserts") -> list[dict]:
    t1 = "SYNTHETIC TEST FIXTURE C1\nDonald Trump said " + a_claim.claim + "."
    t2 = "SYNTHETIC TEST FIXTURE C2\nHillary Clinton said " + b_claim.claim + "."
    a1 = synthetic_analysis(t1, article_id="c1", outlet="Fixture Wire", published="2016-10-01", propositions=[a_claim],
                            statements=[dict(source="Donald Trump", actor=TRUMP, cue="said", content=a_claim.claim,
                                             stances=[("P1", "asserts")])])
    a2 = synthetic_analysis(t2, article_id="c2", outlet="Fixture Post", published="2016-10-02", propositions=[b_claim],
                            statements=[dict(source="Hillary Clinton", actor=CLINTON, cue="said", content=b_claim.claim,
                                             stances=[("P1", b_stance)])])
    with Ledger(tmp_path / "c.db") as led:
        led.add_analysis(a1)
        led.add_analysis(a2)
        return led.disputes()


def test_a_contrary_assertion_is_a_denial_in_the_ledger(tmp_path):
    asleep = Proposition("P1", "Hillary Clinton was asleep when the calls came in", CLINTON.id,
                         predicate="asleep", arguments=[CLINTON.id])
    awake = Proposition("P1", "Hillary Clinton was awake when the calls came in", CLINTON.id,
                        predicate="awake", arguments=[CLINTON.id])
    ds = _two_sides(tmp_path, asleep, awake)
    assert len(ds) == 1
    d = ds[0]
    assert [r["actor"]["id"] for r in d["asserted_by"]] == [TRUMP.id]
    assert [r["actor"]["id"] for r in d["denied_by"]] == [CLINTON.id]
    assert d["proposition"]["gist"] == asleep.claim


def test_a_fragment_takes_no_side(tmp_path):
    frag = Proposition("P1", "who was running for president of the United States", predicate="run", arguments=["who"])
    same = Proposition("P1", "who was running for president of the United States", predicate="run", arguments=["who"])
    assert _two_sides(tmp_path, frag, same, "denies") == []


@pytest.mark.skipif(not embedding.available(), reason="the claim-matching model package is not installed")
def test_a_low_evidence_match_lists_no_dispute(tmp_path):
    a = Proposition("P1", "Donald Trump has good judgment", TRUMP.id, predicate="have", arguments=[TRUMP.id, "good judgment"])
    b = Proposition("P1", "Maybe Donald Trump did do a good job", TRUMP.id, predicate="do", arguments=[TRUMP.id, "a good job"])
    assert _two_sides(tmp_path, a, b, "denies") == []
