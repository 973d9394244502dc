"""cc_propositions + cc_stance on real-style sentences: propositions, grouping, anaphora and stances."""
from meaning_kit import actor, parse

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


def test_negated_content_denies_but_negated_predictions_and_attitudes_assert():
    text = ("The campaign said Manafort was not involved. "
            "Trump said a Muslim judge would not treat him fairly. "
            "She said she did not like the ad.")
    doc = parse(None, text, None, [
        ("The campaign", "said", "Manafort was not involved"),
        ("Trump", "said", "a Muslim judge would not treat him fairly"),
        ("She", "said", "she did not like the ad"),
    ])
    assert [st.stances[0].stance for st in doc._.statements] == ["denies", "asserts", "asserts"]


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
