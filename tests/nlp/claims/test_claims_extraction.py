"""nlp/claims/extraction.py (with clauses.py, gist.py and participants.py): the claims a content puts
forward, their relation and their canonical participants."""
from claims_kit import claims, context, parsed

from counterclaim.nlp.claims.participants import canonical, resolve_np, source_actor


def _relation(c):
    return (c.kind, c.rule.relation if c.rule else None, c.agent, c.recipient)


def test_a_claim_noun_with_its_clause():
    (c,) = claims("Moscow on Monday rejected claims that it had shipped drones to Iran.", "Moscow", "rejected",
                  "claims that it had shipped drones to Iran")
    assert _relation(c) == ("nominal", "transfer_arms", "RUS", "IRN")
    assert c.noun.text == "claims"


def test_an_event_nominal_with_its_participants():
    (c,) = claims("Iran denied any arms transaction between Iran and Russia.", "Iran", "denied",
                  "any arms transaction between Iran and Russia")
    assert _relation(c) == ("event", "transfer_arms", "IRN", "RUS")


def test_a_relation_clause():
    (c,) = claims("Washington said Tehran had supplied Russia with weapons.", "Washington", "said",
                  "Tehran had supplied Russia with weapons")
    assert _relation(c) == ("clause", "transfer_arms", "IRN", "RUS")
    assert not c.negated


def test_a_demonstrative_evaluation_is_an_anaphor():
    (c,) = claims("He said this is a hoax.", "He", "said", "this is a hoax")
    assert (c.kind, c.noun.text) == ("anaphor", "this")


def test_a_negated_gist_and_a_negated_cue():
    (c,) = claims("The spokesman said Manafort was not involved.", "The spokesman", "said", "Manafort was not involved")
    assert (c.kind, c.negated, c.agent) == ("gist", True, "person:manafort")
    # "did not mention": the source puts nothing forward
    assert claims("The call did not mention that Rubio broke ranks.", "The call", "did not mention",
                  "that Rubio broke ranks") == []


def test_a_pronoun_is_resolved_to_the_source_it_agrees_with():
    text = "Moscow said it had never sold weapons to Iran."
    doc = parsed(text, [("Moscow", "said", "it had never sold weapons to Iran")])
    (st,) = doc._.statements
    by_id = {st.id: st}
    assert canonical(source_actor(st, by_id)) == "RUS"
    it = next(t for t in doc if t.text == "it")
    assert resolve_np(context(doc), it, st, by_id)[0] == "RUS"
