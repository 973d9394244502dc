"""cc_propositions + cc_stance on real-style sentences: propositions, grouping, anaphora and stances."""
from claim_steps_kit import actor, parse

RUS = actor("RUS", "Russia")
IRN = actor("IRN", "Iran")


def stances(doc):
    return [[(s.proposition, s.stance) for s in st.stances] for st in doc._.statements]


def test_denial_cue_of_a_nominal_claim_with_canonical_agent_and_recipient():
    text = "Moscow on Monday rejected claims that it had shipped drones to Iran."
    doc = parse(None, text, "2023-03-06", [("Moscow", "rejected", "claims that it had shipped drones to Iran")],
                entities={"Moscow": RUS})
    (p,) = doc._.propositions
    assert (p.agent, p.relation, p.recipient) == ("RUS", "transfer_arms", "IRN")
    assert stances(doc) == [[(p.id, "denies")]]


def test_one_proposition_for_different_wordings_of_the_same_claim():
    text = ("Washington said Tehran had supplied Russia with weapons. "
            "A British minister said Iran offered munitions to Russia. "
            "Iran denied any arms transaction between Iran and Russia, which it said has never happened. "
            "Kyiv said Iran sold drones to Belarus.")
    doc = parse(None, text, "2022-12-23", [
        ("Washington", "said", "Tehran had supplied Russia with weapons"),
        ("A British minister", "said", "Iran offered munitions to Russia"),
        ("Iran", "denied", "any arms transaction between Iran and Russia"),
        ("Kyiv", "said", "Iran sold drones to Belarus"),
    ], entities={"Iran": IRN})
    s = stances(doc)
    assert s[0][0][0] == s[1][0][0] == s[2][0][0]        # one proposition
    assert [x[0][1] for x in s[:3]] == ["asserts", "asserts", "denies"]
    assert s[3][0][0] != s[0][0][0]                      # a different recipient is a different claim


def test_evaluative_rejection_and_anaphora_to_the_salient_claim():
    text = ("The senator said the governor had funded the militia. "
            "The governor's office called the accusation a baseless smear. "
            "A spokesman later said the story was “made up by political rivals.”")
    doc = parse(None, text, None, [
        ("The senator", "said", "the governor had funded the militia"),
        ("The governor's office", "called", "the accusation a baseless smear"),
        ("A spokesman", "said", "the story was “made up by political rivals.”"),
    ])
    s = stances(doc)
    p = s[0][0][0]
    assert s == [[(p, "asserts")], [(p, "denies")], [(p, "denies")]]


def test_no_knowledge_formulas():
    text = ("The minister said the army had attacked the village. "
            "A UN spokesman said he had not seen that report. "
            "The army declined to comment.")
    doc = parse(None, text, None, [
        ("The minister", "said", "the army had attacked the village"),
        ("A UN spokesman", "said", "he had not seen that report"),
        ("The army", "declined", "to comment"),
    ])
    s = stances(doc)
    p = s[0][0][0]
    assert s[1] == [(p, "no_knowledge")]
    assert s[2] == [(p, "no_knowledge")]


def test_negated_content_predictions_and_attitudes_deny_their_positive_claim():
    text = ("The campaign said Manafort was not involved. "
            "Trump said a Muslim judge would not treat him fairly. "
            "She said she did not like the ad.")
    doc = parse(None, text, None, [
        ("The campaign", "said", "Manafort was not involved"),
        ("Trump", "said", "a Muslim judge would not treat him fairly"),
        ("She", "said", "she did not like the ad"),
    ])
    assert [st.stances[0].stance for st in doc._.statements] == ["denies", "denies", "denies"]


def test_uncheckable_statements_have_no_stance():
    text = ("The envoy said the questions of arms exports need to be addressed by the council. "
            "The activists asked the candidates to release their tax returns. "
            "He asked why the vote had been delayed?")
    doc = parse(None, text, None, [
        ("The envoy", "said", "the questions of arms exports need to be addressed by the council"),
        ("The activists", "asked", "the candidates to release their tax returns"),
        ("He", "asked", "why the vote had been delayed?"),
    ])
    assert stances(doc) == [[], [], []]


def test_a_statement_can_assert_one_claim_and_deny_another():
    text = ("He added that the world should focus on Washington's acts of providing Ukraine with weapons, "
            "instead of the groundless theory that Iran was selling drones to Russia.")
    doc = parse(None, text, None, [("He", "added", text[len("He added "):-1])])
    labels = {doc._.propositions[int(p[1:]) - 1].agent: s for p, s in stances(doc)[0]}
    assert labels == {"USA": "asserts", "IRN": "denies"}


# --- negation, no-comment statements, rejections, what is checkable ----------

def labels(doc):
    return [(st.stances[0].stance if st.stances else None) for st in doc._.statements]


def test_negated_accusations_descriptions_and_rebuttals_deny_their_positive_claim():
    text = ("The auditor said the agency did not keep adequate records of the shipments. "
            "A union official said the mayor is not a good negotiator. "
            "Asked about the reports, the spokesman said the minister had never met the lobbyist. "
            "The coach insisted that the team was not divided. "
            "The director said: “We did not receive a single complaint.” "
            "Her lawyer said she was not involved in the scheme.")
    doc = parse(None, text, None, [
        ("The auditor", "said", "the agency did not keep adequate records of the shipments"),
        ("A union official", "said", "the mayor is not a good negotiator"),
        ("the spokesman", "said", "the minister had never met the lobbyist"),
        ("The coach", "insisted", "that the team was not divided"),
        ("The director", "said", "“We did not receive a single complaint.”", "direct"),
        ("Her lawyer", "said", "she was not involved in the scheme"),
    ])
    assert labels(doc) == ["denies"] * 6
    claims = [p.claim for p in doc._.propositions]
    assert "the mayor is a good negotiator" in claims and "the team was divided" in claims


def test_rejections_said_inside_the_clause():
    text = ("The mayor said the reporter had fabricated the story. "
            "The governor said anyone claiming that the fund is empty is peddling fiction. "
            "The senator said the auditor was wrong for suggesting that the pension fund was empty.")
    doc = parse(None, text, None, [
        ("The mayor", "said", "the reporter had fabricated the story"),
        ("The governor", "said", "anyone claiming that the fund is empty is peddling fiction"),
        ("The senator", "said", "the auditor was wrong for suggesting that the pension fund was empty"),
    ])
    assert labels(doc) == ["denies", "denies", "denies"]


def test_commitments_predictions_and_small_clauses_are_claims_wishes_and_topics_are_not():
    text = ("The candidate vowed to cut taxes for families. "
            "The board decided to postpone the vote. "
            "Analysts predict two more rate cuts next year. "
            "Critics have cast the governor as a puppet of the oil industry. "
            "The mayor responded to the governor's remarks. "
            "She has flirted with the idea of moving her headquarters to Denver.")
    doc = parse(None, text, None, [
        ("The candidate", "vowed", "to cut taxes for families"),
        ("The board", "decided", "to postpone the vote"),
        ("Analysts", "predict", "two more rate cuts next year"),
        ("Critics", "have cast", "the governor as a puppet of the oil industry"),
        ("The mayor", "responded to", "the governor's remarks"),
        ("She", "has flirted with the idea of", "moving her headquarters to Denver"),
    ])
    assert labels(doc) == ["asserts", None, "asserts", "asserts", None, None]


def test_a_question_by_the_reporter_does_not_hide_the_assertion_it_asks_about():
    text = "Why had he claimed that the plant was profitable if it lost money every year?"
    doc = parse(None, text, None, [("he", "claimed", "that the plant was profitable")])
    assert labels(doc) == ["asserts"]


def test_no_comment_wordings_become_no_knowledge_statements(nlp):
    from counterclaim import analyze

    text = ("The ministry said the convoy had crossed the border on Sunday. "
            "A spokesman for the army declined to comment. "
            "The company did not immediately respond to a request for comment. "
            "The governor could not be reached for comment. "
            "Her office was not available for comment on Monday. "
            "The campaign would not comment on the polling data.")
    a = analyze(text)
    by_source = {st.source.span.text: st for st in a.statements if st.source}
    for src in ("A spokesman for the army", "The company", "The governor", "Her office", "The campaign"):
        st = by_source[src]
        assert [s.stance for s in st.stances] == ["no_knowledge"], src
    assert by_source["A spokesman for the army"].content[0].text == "to comment"
    assert [s.stance for s in by_source["The ministry"].stances] == ["asserts"]


def test_a_rebutting_clause_beside_an_assertion_is_denied():
    text = ("The minister said: “Many officials used private phones. It was not at all unusual. "
            "I have answered every question.”")
    doc = parse(None, text, None, [
        ("The minister", "said", "“Many officials used private phones. It was not at all unusual. "
                                 "I have answered every question.”", "direct"),
    ])
    assert {s.stance for s in doc._.statements[0].stances} == {"asserts", "denies"}


def test_no_knowledge_wordings_and_look_alikes():
    text = ("The spokesman said it was too early to tell whether the plant would reopen. "
            "The mayor said he did not know whether the bridge would be repaired. "
            "The farmer said they have not seen a raise in years. "
            "The banker said they did not know what a hedge fund was back then.")
    doc = parse(None, text, None, [
        ("The spokesman", "said", "it was too early to tell whether the plant would reopen"),
        ("The mayor", "said", "he did not know whether the bridge would be repaired"),
        ("The farmer", "said", "they have not seen a raise in years"),
        ("The banker", "said", "they did not know what a hedge fund was back then"),
    ])
    # not knowing something then, or not seeing a raise, is no "I do not know": those deny their positive claims
    assert labels(doc) == ["no_knowledge", "no_knowledge", "denies", "denies"]


def test_a_denial_cue_denies_claims_not_bills_or_people():
    text = ("The Senate rejected the bill on Tuesday. The mayor denied any wrongdoing. "
            "The firm denied the report. Liberals dismissed him as a Hollywood actor.")
    doc = parse(None, text, None, [
        ("The Senate", "rejected", "the bill on Tuesday"),
        ("The mayor", "denied", "any wrongdoing"),
        ("The firm", "denied", "the report"),
        ("Liberals", "dismissed", "him as a Hollywood actor"),
    ])
    assert labels(doc) == [None, "denies", "denies", "asserts"]
