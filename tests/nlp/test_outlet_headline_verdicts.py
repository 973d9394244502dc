"""The outlet's verdicts in headline form: a verdict label before a colon ("False: P"), a headline with its
copula dropped ("Reports of X false"), "No evidence that P", "No, X did not Y", a clause set against
reports ("X not closing, despite rumours"), and phrasal verbs of rejection in a headline ("Mayor shoots
down reports of a deal"). Sentences written for these tests."""
from __future__ import annotations

import pytest

from counterclaim import Article, analyze_articles
from counterclaim.lexicons import data_text, tsv_text_rows
from counterclaim.nlp.claims.stance import stance_rules

OUTLET = "The Westbrook Ledger"


@pytest.fixture(scope="module")
def analyses(nlp):
    cache = {}

    def _run(text):
        if text not in cache:
            cache[text] = next(iter(analyze_articles([Article(text=text, outlet=OUTLET)], nlp=nlp)))
        return cache[text]
    return _run


def outlet_stances(a):
    return [(s.cue.span.text if s.cue else None, s.content_text, [x.stance for x in s.stances])
            for s in a.statements if s.kind == "outlet"]


@pytest.mark.parametrize("text, cue, content, stance", [
    ("False: The dam at Tarrow Lake burst overnight", "False", "The dam at Tarrow Lake burst overnight", "denies"),
    ("HOAX: Kestrel Air grounded its whole fleet\n\nThe airline said flights ran as planned.", "HOAX",
     "Kestrel Air grounded its whole fleet", "denies"),
    ("Fake news: the council sold the town park to a developer", "Fake news",
     "the council sold the town park to a developer", "denies"),
    ("True: The council sold the town park to a developer", "True", "The council sold the town park to a developer",
     "asserts"),
])
def test_a_verdict_label_judges_the_clause_after_it(analyses, text, cue, content, stance):
    assert outlet_stances(analyses(text))[:1] == [(cue, content, [stance])]


@pytest.mark.parametrize("text, cue, content, stance", [
    ("Fact check: The new vaccine does not alter human DNA", "Fact check", "The new vaccine does not alter human DNA",
     "denies"),
    ("FACT CHECK: Photo of shark on flooded highway is fake", "FACT CHECK", "Photo of shark on flooded highway is fake",
     "denies"),
    ("Fact-check: Kestrel Air grounded its whole fleet in May", "Fact-check",
     "Kestrel Air grounded its whole fleet in May", "asserts"),
    ("Reality check: The town's debt did not double last year.", "Reality check",
     "The town's debt did not double last year", "denies"),
])
def test_a_fact_check_heading_gives_the_clause_after_it_to_the_outlet_in_its_own_polarity(analyses, text, cue,
                                                                                          content, stance):
    a = analyses(text)
    assert [(s.source.span.text if s.source else None) for s in a.statements if s.kind != "outlet"] == []  # no speaker
    assert (cue, content, [stance]) in outlet_stances(a)


@pytest.mark.parametrize("text", [
    "Update: The dam at Tarrow Lake has been repaired",   # a label that is no verdict
    "Photo: Kestrel Air grounded its whole fleet",
])
def test_other_labels_are_no_verdict(analyses, text):
    assert outlet_stances(analyses(text)) == []


@pytest.mark.parametrize("text, content, stance", [
    ("Rumours of Tarrow dam collapse false\n\nThe dam is intact.", "Rumours of Tarrow dam collapse", "denies"),
    ("Kestrel Air grounding reports untrue\n\nFlights ran as planned.", "Kestrel Air grounding reports", "denies"),
    ("Claims of council land sale baseless", "Claims of council land sale", "denies"),
])
def test_a_headline_without_its_copula_judges_its_subject(analyses, text, content, stance):
    found = outlet_stances(analyses(text))
    assert found[:1] and found[0][1:] == (content, [stance])


def test_a_sentence_with_a_final_stop_is_not_a_verbless_headline(analyses):
    # in running text the words "reports untrue" are not a headline's verdict
    assert outlet_stances(analyses("The analysts called the Kestrel Air grounding reports untrue.")) == []


@pytest.mark.parametrize("text, content", [
    ("No evidence that the Tarrow dam was sabotaged", "that the Tarrow dam was sabotaged"),
    ("No proof of tampering at the Westbrook count", "tampering at the Westbrook count"),
])
def test_no_evidence_denies_what_it_would_support(analyses, text, content):
    found = outlet_stances(analyses(text))
    assert found == [(text.split()[0] + " " + text.split()[1], content, ["denies"])]


@pytest.mark.parametrize("text, stance", [
    ("No, the council did not sell the town park.", "denies"),
    ("Yes, the council sold the town park.", "asserts"),
])
def test_a_response_particle_answers_a_claim_in_the_outlets_voice(analyses, text, stance):
    found = outlet_stances(analyses(text))
    assert [s for _, _, s in found] == [[stance]]


def test_a_quoted_no_is_the_speakers_not_the_outlets(analyses):
    a = analyses("“No, we did not sell the town park,” the mayor said.")
    assert outlet_stances(a) == []


@pytest.mark.parametrize("text, content, stance", [
    ("Tarrow dam not cracked, despite rumours", "Tarrow dam not cracked", "denies"),
    ("Kestrel Air has not grounded its fleet, despite claims on social media.",
     "Kestrel Air has not grounded its fleet", "denies"),
    ("In spite of reports, the council did not sell the town park.", "the council did not sell the town park",
     "denies"),
])
def test_a_clause_set_against_reports_is_the_outlets_word(analyses, text, content, stance):
    assert outlet_stances(analyses(text)) == [(None, content, [stance])]


def test_a_clause_set_against_something_else_is_no_verdict(analyses):
    assert outlet_stances(analyses("Despite the rain, the council did not close the town park.")) == []


@pytest.mark.parametrize("text, source, cue", [
    ("Kestrel Air shoots down reports of fleet grounding", "Kestrel Air", "shoots down"),
    ("Council brushes aside reports that it sold the town park", "Council", "brushes aside"),
    ("Dam operator pours cold water on rumours of a crack in the dam", "Dam operator", "pours cold water on"),
])
def test_a_phrasal_verb_of_rejection_in_a_headline_is_a_denial_cue(nlp, text, source, cue):
    doc = nlp(text)
    found = [(s.source.span.text, s.cue.span.text) for s in doc._.statements if s.source and s.cue]
    assert found == [(source, cue)]
    assert "denial_cue" in stance_rules(doc, doc._.statements[0].id)


@pytest.mark.parametrize("text", [
    "Kestrel Air shoots down reports of fleet grounding",
    "Council brushes aside reports that it sold the town park",  # the stance encoder alone reads it as asserting
])
def test_a_phrasal_denial_in_a_headline_denies_the_reported_claim(analyses, text):
    a = analyses(text)
    assert [[x.stance for x in s.stances] for s in a.statements] == [["denies"]]


def test_every_verdict_label_is_a_cue_of_its_side():
    framing = {r["lemma"]: r["stance"] for r in tsv_text_rows(data_text("cue_framing.tsv"))}
    labels = [(r["words"], r["side"]) for r in tsv_text_rows(data_text("outlet_verdicts.tsv")) if r["role"] == "label"]
    assert labels
    # a label is looked up as written ("false") or, for a participle, by its verb ("confirmed": confirm);
    # a label of side "clause" ("Fact check:") is no cue of either side: the clause's polarity decides
    assert [(w, side) for w, side in labels if side != "clause"
            and side not in (framing.get(w), framing.get(w.removesuffix("ed")))] == []
    assert [w for w, side in labels if side == "clause" and (framing.get(w) or framing.get(w.removesuffix("ed")))] == []
    assert {side for _, side in labels} == {"denies", "asserts", "clause"}
