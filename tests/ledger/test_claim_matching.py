"""Cross-article claim matching on gists: the same claim in other words meets, different claims stay apart."""
from __future__ import annotations

import pytest

from counterclaim.ledger.claims import GIST_MATCH, MIN_SHARED_WORDS, features, gist_similarity, when_compatible

SAME = [
    ("North Korea supplied weapons to Russia", "North Korea sold weapons to Russia"),
    ("Iran sold missiles and drones to Russia", "Iran sold drones and missiles to Russia"),
    ("The US supplies lethal weapons to Ukraine", "The US is supplying lethal weapons to Ukraine"),
    ("Wagner has 50,000 troops in Ukraine", "Wagner has 50,000 fighters in Ukraine"),
    ("Trump said Mexico will pay for the wall", "Mexico will pay for the wall"),
]
DIFFERENT = [
    ("North Korea supplied weapons to Russia", "North Korea supplied weapons to Ukraine"),
    ("North Korea supplied weapons to Russia", "Iran sold missiles and drones to Russia"),
    ("Wagner has 50,000 troops in Ukraine", "Wagner has 10,000 troops in Ukraine"),
    ("The US sent over $20 billion in military aid to Ukraine", "The US and its allies are a party to the conflict"),
    ("Clinton used a private email server", "Trump refused to release his tax returns"),
    # pairs the first version merged on PolNeAR dev: short gists, opposite polarity, different agents
    ("low-lying", "low-paying"),
    ("not paying income tax", "tax-paying"),
    ("Phoenix endorsed Donald Trump", "Ed Schultz endorsed Donald Trump"),
    ("North Korea did not supply weapons to Russia", "North Korea supplied weapons to Russia"),
]


@pytest.mark.parametrize("a,b", SAME)
def test_same_claim_in_other_words_matches(a, b):
    assert gist_similarity(a, b) >= GIST_MATCH
    assert gist_similarity(a, b) == pytest.approx(gist_similarity(b, a))


@pytest.mark.parametrize("a,b", DIFFERENT)
def test_different_claims_stay_apart(a, b):
    fa, fb = features(a), features(b)
    assert gist_similarity(a, b) < GIST_MATCH or len(fa.words & fb.words) < MIN_SHARED_WORDS


def test_acronyms_count_as_names():
    assert "us" in features("The US supplies lethal weapons to Ukraine").names
    assert not features("Not paying taxes").names


def test_dates_of_different_precision():
    assert when_compatible("2022-11", "2022-11-03")
    assert when_compatible(None, "2022")
    assert not when_compatible("2022-11", "2021")
