"""Headlines that name their speaker: a dropped-copula verdict with a speech tag ("Reports of split untrue,
says band") and a colon after a person or organisation ("Kremlin: Reports of troop build-up are false").
Sentences written for these tests."""
from __future__ import annotations

import pytest

from counterclaim import Article, analyze_articles


@pytest.fixture(scope="module")
def read(nlp):
    def _read(text):
        a = next(iter(analyze_articles([Article(text=text, outlet="The Westbrook Ledger")], nlp=nlp)))
        return [(s.kind, s.source.span.text if s.source else None, s.cue.span.text if s.cue else None, s.content_text,
                 sorted({x.stance for x in s.stances})) for s in a.statements]
    return _read


@pytest.mark.parametrize("text, source, cue, content", [
    ("Reports of split untrue, says band", "band", "untrue", "Reports of split"),
    # parsed as "[rumours false], police insist": the verb's own statement, one only
    ("Tarrow dam collapse rumours false, police insist", "police", "insist", "Tarrow dam collapse rumours false"),
    ("Story of striker's transfer a hoax, says club", "club", "hoax", "Story of striker's transfer"),
])
def test_a_verdict_with_a_speech_tag_is_the_speakers_denial(read, text, source, cue, content):
    assert read(text) == [("indirect", source, cue, content, ["denies"])]


def test_a_verdict_tag_in_running_text_is_left_to_the_verb_rules(read):
    got = read("Reports of a split were untrue, the band said.")
    assert [(src, cue, st) for _, src, cue, _, st in got] == [("the band", "said", ["denies"])]


@pytest.mark.parametrize("text, source, stance", [
    ("Kremlin: Reports of troop build-up are false", "Kremlin", "denies"),
    ("Orbis Motors: We will not cut jobs this year", "Orbis Motors", "denies"),
    ("Orbis Motors: We will cut jobs this year", "Orbis Motors", "asserts"),
])
def test_a_headline_colon_after_an_organisation_gives_it_the_words(read, text, source, stance):
    got = read(text)
    assert [(src, cue, st) for _, src, cue, _, st in got] == [(source, ":", [stance])]


def test_a_fact_check_heading_before_a_colon_is_no_speaker(read):
    assert [kind for kind, *_ in read("Fact check: Kestrel Air did not ground its fleet")] == ["outlet"]
