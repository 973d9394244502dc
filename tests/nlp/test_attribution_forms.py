"""cc_attribution on the forms that carry claims and denials in news: set-off tags ("N, the X said,
VP", "As X noted, P"), passive reports ("Claims that P were dismissed by X"), present-tense
headlines ("Kremlin admits sending troops"), and the outlet's own verdicts ("The photo is fake.")."""
from __future__ import annotations

import pytest

from counterclaim import Article, analyze_articles
from counterclaim.nlp.doctext import make_doc

OUTLET = "The Northfield Courier"


@pytest.fixture(scope="module")
def run(nlp):
    cache = {}

    def _run(text, outlet=OUTLET):
        key = (text, outlet)
        if key not in cache:
            doc = make_doc(nlp, text)
            doc._.article = Article(text=text, outlet=outlet)
            cache[key] = nlp(doc)._.statements
        return cache[key]
    return _run


def by_source(stmts, source):
    hits = [s for s in stmts if s.source and s.source.span.text == source]
    assert hits, [(s.source.span.text if s.source else None, s.cue.span.text if s.cue else None, s.content_text)
                  for s in stmts]
    return hits[0]


def outlet_statements(stmts):
    return [s for s in stmts if s.kind == "outlet"]


# ----------------------------------------------------------------------------- set-off tags

@pytest.mark.parametrize("text, source, cue, content", [
    ("North Korea, the White House said, sent rockets to Russia.", "the White House", "said",
     "North Korea … sent rockets to Russia"),
    ("The new stadium, the mayor said on Monday, will be ready by 2028.", "the mayor", "said",
     "The new stadium … will be ready by 2028"),
    ("The plant, the operator told regulators, had not leaked.", "the operator", "told",
     "The plant … had not leaked"),
    ("The company, TMZ reports, has filed for bankruptcy.", "TMZ", "reports",
     "The company … has filed for bankruptcy"),
    ("The drug, the company said in a statement, is safe for children.", "the company", "said",
     "The drug … is safe for children"),
    ("The bridge, engineers warn, could fail within a decade.", "engineers", "warn",
     "The bridge … could fail within a decade"),
])
def test_midsentence_tag(run, text, source, cue, content):
    s = by_source(run(text), source)
    assert s.cue.span.text == cue
    assert s.content_text == content


@pytest.mark.parametrize("text, source, cue, content", [
    ("As the minister pointed out, the deficit has halved since 2020.", "the minister", "pointed",
     "the deficit has halved since 2020"),
    ("As the WHO has warned, antibiotic resistance is rising.", "the WHO", "warned",
     "antibiotic resistance is rising"),
    ("The victim, as police noted, had been threatened before.", "police", "noted",
     "The victim … had been threatened before"),
    ("As the general acknowledged, the offensive has stalled.", "the general", "acknowledged",
     "the offensive has stalled"),
    ("As Reuters reported on Monday, the bank had hidden losses for years.", "Reuters", "reported",
     "the bank had hidden losses for years"),
    ("The album, as the singer explained, was recorded in a single week.", "the singer", "explained",
     "The album … was recorded in a single week"),
])
def test_as_clause(run, text, source, cue, content):
    s = by_source(run(text), source)
    assert s.cue.span.text == cue
    assert s.content_text == content


def test_as_clause_of_belief_is_not_a_tag(run):
    # "as we know" is a belief aside, not a report set off by the outlet
    assert not [s for s in run("As we know, the deficit has halved since 2020.") if s.cue and s.cue.lemma == "know"
                and s.content_text == "the deficit has halved since 2020"]


# ----------------------------------------------------------------------------- passive reports

@pytest.mark.parametrize("text, source, cue, content", [
    ("The allegations of price fixing were denied by Brightwell Foods.", "Brightwell Foods", "denied",
     "The allegations of price fixing"),
    ("Reports that the Mars rover had failed were denied by NASA on Tuesday.", "NASA", "denied",
     "Reports that the Mars rover had failed"),
    ("Claims that its phones overheat were dismissed by Kestrel Mobile.", "Kestrel Mobile", "dismissed",
     "Claims that its phones overheat"),
    ("The accusation that he had misled parliament was rejected by the minister.", "the minister", "rejected",
     "The accusation that he had misled parliament"),
    ("Rumours of a rift between the two stars have been denied by the studio.", "the studio", "denied",
     "Rumours of a rift between the two stars"),
    ("Claims that the vaccine causes infertility have been rejected by regulators.", "regulators", "rejected",
     "Claims that the vaccine causes infertility"),
])
def test_passive_report(run, text, source, cue, content):
    s = by_source(run(text), source)
    assert s.cue.span.text == cue
    assert s.content_text == content


# ----------------------------------------------------------------------------- a denial of a named report

@pytest.mark.parametrize("text, source, cue, content", [
    ("The ministry rejected the allegations of vote rigging.", "The ministry", "rejected",
     "the allegations of vote rigging"),
    ("The museum dismissed rumours of a sale of its collection.", "The museum", "dismissed",
     "rumours of a sale of its collection"),
    ("A report said the dam had cracked. The water board denied the report.", "The water board", "denied",
     "the report"),
    ("The league disputed the claims.", "The league", "disputed", "the claims"),
])
def test_a_denial_of_a_named_report_is_a_statement(run, text, source, cue, content):
    s = by_source(run(text), source)
    assert s.cue.span.text == cue
    assert s.content_text == content


@pytest.mark.parametrize("text, source", [
    ("The ministry cited the allegations of vote rigging.", "The ministry"),
    ("The museum mentioned rumours of a sale of its collection.", "The museum"),
])
def test_a_report_named_by_other_verbs_is_no_statement(run, text, source):
    assert not [s for s in run(text) if s.source and s.source.span.text == source]


# ----------------------------------------------------------------------------- headlines

@pytest.mark.parametrize("text, source, cue, content", [
    ("Kremlin admits sending troops to Ukrainian border", "Kremlin", "admits", "sending troops to Ukrainian border"),
    ("Acme confirms plan to close Ohio plant", "Acme", "confirms", "plan to close Ohio plant"),
    ("Acme denies plan to close Ohio plant", "Acme", "denies", "plan to close Ohio plant"),
    ("IBM denies layoff rumors", "IBM", "denies", "layoff rumors"),
    ("Police deny using tear gas on protesters", "Police", "deny", "using tear gas on protesters"),
    ("Coach admits telling players to fake injuries", "Coach", "admits", "telling players to fake injuries"),
])
def test_present_tense_headline(run, text, source, cue, content):
    s = by_source(run(text), source)
    assert s.cue.span.text == cue
    assert s.content_text == content


def test_headline_needs_a_bare_subject_and_no_stop(run):
    # a sentence with an article and a full stop is the verb rules' business, not a headline's
    assert not [s for s in run("Editor’s note: the column was updated") if s.cue and s.cue.lemma == "note"]


# ----------------------------------------------------------------------------- the outlet's voice

@pytest.mark.parametrize("text, content", [
    ("The photo of the flooded airport is fake.", "The photo of the flooded airport is fake"),
    ("The claim that the mayor banned Christmas markets is false.",
     "The claim that the mayor banned Christmas markets is false"),
    ("The video of the striker insulting fans was doctored.", "The video of the striker insulting fans was doctored"),
    ("There is no evidence that the mayor banned Christmas markets.",
     "There is no evidence that the mayor banned Christmas markets"),
    ("The device is not a true implant.", "The device is not a true implant"),
    ("It hails from the fake-news website Daily Buzz Live.", "It hails from the fake-news website Daily Buzz Live"),
    ("Contrary to posts online, the suspect was not released on bail.", "the suspect was not released on bail"),
    ("The image does not show a missile strike on the city; it was taken during a fireworks display.",
     "The image does not show a missile strike on the city"),
    ("The picture was digitally altered.", "The picture was digitally altered"),
    ("The viral photo does not show a shark on a flooded highway.",
     "The viral photo does not show a shark on a flooded highway"),
    ("The device sold online is not a true hearing implant.", "The device sold online is not a true hearing implant"),
    ("That story is a hoax.", "That story is a hoax"),
    ("The claim that the mayor banned Christmas markets is true.",
     "The claim that the mayor banned Christmas markets is true"),
])
def test_outlet_verdict(run, text, content):
    found = outlet_statements(run(text))
    assert [s.content_text for s in found] == [content]
    s = found[0]
    assert s.cue is None
    assert s.source.span.start == s.source.span.end == s.start if not text.startswith("Contrary") else True
    assert s.source.entity.name == OUTLET and s.source.entity.type == "media"
    assert s.source.entity.id == "media:the-northfield-courier"


def test_outlet_verdict_without_an_outlet_has_no_source(run):
    found = outlet_statements(run("The photo of the flooded airport is fake.", outlet=None))
    assert len(found) == 1 and found[0].source is None


@pytest.mark.parametrize("text", [
    "The vaccine alters DNA.",                            # a plain sentence: no verdict
    "The minister is true to her word.",                  # "true" of a person, not of a claim
    "The photo of the flooded airport is genuine, the airline said.",  # someone else's verdict
    "“The claim is false,” the minister said.",           # a quotation
    "The weather was fine.",
    "The law was altered last year.",                     # "altered" is a verdict on images and claims only
    "The photo of the flooded airport is fake, the airline said.",
])
def test_no_outlet_verdict(run, text):
    assert outlet_statements(run(text)) == []


def test_outlet_statement_serializes_with_a_null_source_span():
    a = next(iter(analyze_articles([Article(text="The claim that the mayor banned Christmas markets is false.",
                                            outlet=OUTLET)])))
    d = next(s for s in a.to_dict()["statements"] if s["kind"] == "outlet")
    assert d["source"]["start"] == d["source"]["end"] == 0 and d["source"]["text"] == ""
    assert d["source"]["entity"]["type"] == "media" and d["cue"] is None


# ----------------------------------------------------------------------------- the speaker, not a modifier

@pytest.mark.parametrize("text, source", [
    ("The US claims were untrue, the Iranian commander said.", "the Iranian commander"),
    ("Washington's allegations are baseless, the ministry said.", "the ministry"),
    ("The opposition's claims that the vote was rigged are false, the election commission said.",
     "the election commission"),
])
def test_possessive_in_content_is_not_the_speaker(run, text, source):
    stmts = run(text)
    s = by_source(stmts, source)
    assert s.cue.span.text == "said"
    assert not [x for x in stmts if x.source and x.source.span.text in ("The US", "Washington's", "The opposition's")
                and x.cue and x.cue.span.text == "said"]


def test_contrary_marker_with_a_quotation(run):
    found = outlet_statements(run("Contrary to his claim that people would ''learn nothing,'' there would be a wealth "
                                  "of relevant information."))
    assert [s.content_text for s in found] == ["there would be a wealth of relevant information"]
