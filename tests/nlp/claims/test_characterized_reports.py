"""A report characterized by a verb of regarding or naming ("described the reports as false", "slammed the
rumours as fake news") is a statement about the claim it makes: a rejecting word denies it, an upholding
word asserts it; a report only named ("cited the report") says nothing. Sentences written for these tests."""
from __future__ import annotations

import pytest

from counterclaim import Article, analyze_articles


@pytest.fixture(scope="module")
def read(nlp):
    def _read(text):
        a = next(iter(analyze_articles([Article(text=text, outlet="The Westbrook Ledger")], nlp=nlp)))
        return [(s.cue.span.text if s.cue else None, sorted({x.stance for x in s.stances})) for s in a.statements]
    return _read


@pytest.mark.parametrize("text, cue, stance", [
    ("The airline described the reports as false.", "described", "denies"),
    ("The airline described the reports as accurate.", "described", "asserts"),
    ("Lina Vey slammed the rumours as fake news.", "slammed", "denies"),
    ("The club branded the allegations as lies.", "branded", "denies"),
    ("The ministry characterized the report as a fabrication.", "characterized", "denies"),
])
def test_a_characterized_report(read, text, cue, stance):
    assert read(text) == [(cue, [stance])]


def test_a_report_only_named_says_nothing(read):
    assert read("The senator cited the report.") == []
