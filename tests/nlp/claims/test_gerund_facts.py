"""A gerund complement of a factive or denial verb ("admitted taking the money", "denies grounding its
fleet") states what the verb's subject did: a claim with that subject put in, asserted or denied.
Sentences written for these tests."""
from __future__ import annotations

import pytest

from counterclaim import Article, analyze_articles


@pytest.fixture(scope="module")
def read(nlp):
    def _read(text):
        a = next(iter(analyze_articles([Article(text=text, outlet="The Westbrook Ledger")], nlp=nlp)))
        claims = {p.id: p.claim for p in a.propositions}
        return [(s.cue.span.text if s.cue else None, [(claims[x.proposition], x.stance) for x in s.stances])
                for s in a.statements]
    return _read


@pytest.mark.parametrize("text, cue, claim, stance", [
    ("The mayor admitted misleading the council about the budget.", "admitted",
     "The mayor misled the council about the budget", "asserts"),
    ("Northwind Airlines denied overbooking the flight.", "denied", "Northwind Airlines overbooked the flight",
     "denies"),
    ("The witness recalled hearing two shots.", "recalled", "The witness heard two shots", "asserts"),
    ("The lab acknowledged not checking the samples twice.", "acknowledged", "The lab checked the samples twice",
     "denies"),
])
def test_the_gerund_is_the_subjects_deed(read, text, cue, claim, stance):
    assert read(text) == [(cue, [(claim, stance)])]


def test_admitting_and_denying_the_same_deed_put_forward_the_same_claim(read):
    (_, [(admitted, a)]), = read("Kestrel Air admits grounding its whole fleet")
    (_, [(denied, d)]), = read("Kestrel Air denies grounding its whole fleet")
    assert admitted == denied == "Kestrel Air grounded its whole fleet"
    assert (a, d) == ("asserts", "denies")


def test_under_other_verbs_a_bare_gerund_names_an_activity(read):
    assert read("The senator is considering running for governor.") in ([], [("considering", [])])
