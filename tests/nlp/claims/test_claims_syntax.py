"""nlp/claims/syntax.py and cues.py: parse-tree helpers and the reporting cue of a statement."""
from claims_kit import parsed, token

from counterclaim.nlp.claims.cues import cue_class, cue_lemma, cue_lemma_or_none, framing_of, negated_cue, passive_cue
from counterclaim.nlp.claims.lexicon import lexicon
from counterclaim.nlp.claims.syntax import Scope, lemma, passive_roles, subject_of, tok_range


def test_subject_of_a_clause_and_of_a_passive():
    doc = parsed("The senator said the governor had funded the militia. Clinton is backed by 520 superdelegates.")
    assert subject_of(token(doc, "funded")).text == "governor"
    doer, patient = passive_roles(token(doc, "backed"))
    assert (doer.text, patient.text) == ("superdelegates", "Clinton")
    assert passive_roles(token(doc, "funded")) is None  # an active clause


def test_lemma_reads_a_curly_contraction_as_its_verb():
    doc = parsed("It’s time to act, she said.")
    assert lemma(token(doc, "’s")) == "be"
    assert lemma(None) == ""


def test_content_tokens_and_scope():
    text = "The minister said the army had attacked the village."
    doc = parsed(text, [("The minister", "said", "the army had attacked the village")])
    (st,) = doc._.statements
    assert [t.text for t in tok_range(doc, st)] == ["the", "army", "had", "attacked", "the", "village"]
    scope = Scope(st.content)
    assert text.index("army") in scope and text.index("minister") not in scope


def test_cue_lemma_framing_and_class():
    lx = lexicon()
    text = "The ministry publicly disclosed that the plant had closed. Moscow denied that it had shipped drones."
    doc = parsed(text, [("The ministry", "publicly disclosed", "that the plant had closed"),
                        ("Moscow", "denied", "that it had shipped drones")])
    disclosed, denied = doc._.statements
    assert cue_lemma(doc, disclosed, lx) == "disclose"
    assert framing_of("disclose", lx)[0] == "endorsing"
    assert cue_class(doc, denied, lx) == "denies"
    assert framing_of("no such cue", lx) == ("neutral", "-")
    assert doc._.cue_lemmas  # worked out once per doc, kept on the doc
    denied.cue = None
    assert cue_lemma(doc, denied, lx) == "" and cue_lemma_or_none(doc, denied, lx) is None


def test_negated_and_passive_cues():
    lx = lexicon()
    text = "The call did not mention that Rubio broke ranks. Clinton is expected to win the primary."
    doc = parsed(text, [("The call", "did not mention", "that Rubio broke ranks"),
                        ("Clinton", "is expected", "to win the primary")])
    mention, expected = doc._.statements
    assert negated_cue(doc, mention, lx) and not negated_cue(doc, expected, lx)
    assert passive_cue(doc, expected, lx) and not passive_cue(doc, mention, lx)
