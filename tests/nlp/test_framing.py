"""cc_framing: the reporter's framing of cues, hedges, scare quotes and relayed statements."""
from claim_steps_kit import parse


def test_cue_framing_from_the_lexicon():
    text = ("The senator claimed the vote was rigged. The agency disclosed that it had paid the firm. "
            "The mayor said the road would reopen. The governor insists the plan is legal.")
    doc = parse(None, text, None, [
        ("The senator", "claimed", "the vote was rigged"),
        ("The agency", "disclosed", "that it had paid the firm"),
        ("The mayor", "said", "the road would reopen"),
        ("The governor", "insists", "the plan is legal"),
    ])
    assert [s.cue.framing for s in doc._.statements] == ["distancing", "endorsing", "neutral", "distancing"]
    assert doc._.statements[1].cue.lemma == "disclose"


def test_scare_quotes_under_a_distancing_cue_but_not_partial_quotes_under_a_neutral_one():
    text = ("The ministry claimed to have “verified” the shipment. "
            "The envoy said Washington had “confirmed” the sale.")
    doc = parse(None, text, None, [
        ("The ministry", "claimed", "to have “verified” the shipment"),
        ("The envoy", "said", "Washington had “confirmed” the sale"),
    ])
    s1, s2 = doc._.statements
    assert [(m.type, m.text) for m in s1.marks] == [("scare_quotes", "“verified”")]
    assert not [m for m in s2.marks if m.type == "scare_quotes"]


def test_hedges_the_reporter_attaches():
    text = "Officials claimed to have seized the drones, which were allegedly built abroad."
    doc = parse(None, text, None, [("Officials", "claimed", "to have seized the drones")])
    assert [(m.type, m.text) for m in doc._.statements[0].marks] == [("hedge", "allegedly")]


def test_relayed_statement_names_the_outlet():
    text = ("A spokesman for the foreign ministry said the sanctions were illegal, according to the "
            "state news agency KCNA.")
    doc = parse(None, text, None, [("A spokesman for the foreign ministry", "said", "the sanctions were illegal")])
    assert doc._.statements[0].via == "KCNA"
