"""A headline's dropped article: "Minister rejects claims she lied" is parsed again as "Minister rejects
the claims she lied", so the speech verb is the verb and the report noun its object. Sentences written
for these tests."""
from __future__ import annotations

import pytest

from counterclaim import Article, analyze_articles
from counterclaim.nlp.spelling import s_form


def parse(nlp, text):
    doc = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        doc = proc(doc)
        if name == "cc_dropped_article":
            return doc
    raise AssertionError("cc_dropped_article is not in the pipeline")


def statements(nlp, text):
    a = next(iter(analyze_articles([Article(text=text, outlet="The Westbrook Ledger")], nlp=nlp)))
    return [(s.source.span.text if s.source else None, s.cue.span.text if s.cue else None, s.content_text,
             [x.stance for x in s.stances]) for s in a.statements]


def test_the_step_runs_right_after_the_parser(nlp):
    names = nlp.pipe_names
    assert names.index("cc_dropped_article") == names.index("parser") + 1


@pytest.mark.parametrize("text, verb, noun", [
    ("Minister rejects claims she misled parliament", "rejects", "claims"),
    ("Club dismisses reports that manager will be sacked", "dismisses", "reports"),
    ("Council brushes aside claims it sold the park", "brushes", "claims"),
    ("Senator rejects claims that he hid donations.", "rejects", "claims"),
])
def test_the_speech_verb_is_the_verb_and_the_report_noun_its_object(nlp, text, verb, noun):
    doc = parse(nlp, text)
    v = next(t for t in doc if t.text == verb)
    n = next(t for t in doc if t.text == noun)
    assert v.tag_.startswith("VB") and n.tag_ == "NNS"
    assert n.head == v or n.head.head == v  # "brushes aside claims": the noun hangs from the particle
    assert not any(c.dep_.startswith("nsubj") for c in n.children)
    assert len(list(doc.sents)) == 1 and all(t.text != "the" or t.i > n.i for t in doc)  # no article left in


def test_a_sentence_the_parser_already_reads_right_keeps_its_parse(nlp):
    text = "Police deny claims officers used excessive force"
    doc = parse(nlp, text)
    bare = nlp.make_doc(text)
    for name, proc in nlp.pipeline:
        if name == "cc_dropped_article":
            break
        bare = proc(bare)
    assert [(t.tag_, t.dep_, t.head.i) for t in doc] == [(t.tag_, t.dep_, t.head.i) for t in bare]


def test_other_sentences_of_the_doc_keep_their_parse(nlp):
    doc = parse(nlp, "The mayor spoke on Monday. Minister rejects claims she misled parliament. Voters were not told.")
    sents = list(doc.sents)
    assert len(sents) == 3
    assert [t.dep_ for t in sents[0]] == ["det", "nsubj", "ROOT", "prep", "pobj", "punct"]
    assert next(t for t in sents[1] if t.text == "rejects").dep_ == "ROOT"


@pytest.mark.parametrize("text, cue", [
    ("Minister rejects claims she misled parliament", "rejects"),
    ("Club dismisses reports that manager will be sacked.", "dismisses"),
    ("Airline rejects allegations pilots ignored warning", "rejects"),
    ("Kremlin dismisses report Putin is ill", "dismisses"),  # a singular report noun read as the verb
])
def test_one_statement_denies_and_the_report_noun_is_no_cue(nlp, text, cue):
    got = statements(nlp, text)
    assert len(got) == 1, got
    source, got_cue, _, stances = got[0]
    assert got_cue == cue and stances and set(stances) == {"denies"}


def test_an_asserting_verb_before_a_report_noun_asserts(nlp):
    got = statements(nlp, "Minister confirms reports she will step down")
    assert [(cue, set(st)) for _, cue, _, st in got] == [("confirms", {"asserts"})]


@pytest.mark.parametrize("lemma, form", [
    ("deny", "denies"), ("dismiss", "dismisses"), ("say", "says"), ("brush", "brushes"), ("echo", "echoes"),
    ("claim", "claims"), ("rumour", "rumours"),
])
def test_the_s_form_is_spelt_by_the_rules_of_s(lemma, form):
    assert s_form(lemma) == form
