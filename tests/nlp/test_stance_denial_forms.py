"""cc_stance: denial and no-knowledge forms. What a denial cue takes when it refuses
rather than denies ("denied his party the victory"), cues of refutation whose object is a person,
people named by what they say, "nothing to do with", comparisons that deny a difference or a common
belief, "wrong in their recollections", attributive "wrong", indefinite claim nouns of a kind of
saying, and a quoted third person who does not know. Real-style sentences written for these tests."""
from claim_steps_kit import labels, parse


def test_deny_with_a_recipient_refuses_to_grant():
    text = ("The regional council was on course to win, but the electoral board denied the council the seats it "
            "had won, the monitors said.")
    doc = parse(None, text, None, [("the electoral board", "denied", "the seats it had won")])
    assert labels(doc) == [[]]


def test_a_denial_cue_on_what_is_sought_refuses_it():
    text = ("The committee met on Monday and denied the exemption being sought by the port authority. "
            "The board voted to reject the mayor's request to delay the vote until he released the budget.")
    doc = parse(None, text, None, [
        ("The committee", "denied", "the exemption being sought by the port authority"),
        ("The board", "to reject", "the mayor's request to delay the vote until he released the budget"),
    ])
    assert labels(doc) == [[], []]


def test_a_refutation_cue_on_a_person_denies_what_they_said():
    text = ("The governor said the plant would close in March. A day later, his own spokesman contradicted him. "
            "The ministers took turns rebutting the senator's proposals on tariffs.")
    doc = parse(None, text, None, [
        ("The governor", "said", "the plant would close in March"),
        ("his own spokesman", "contradicted", "him"),
        ("The ministers", "took turns rebutting", "the senator's proposals on tariffs"),
    ])
    assert labels(doc)[1:] == [["denies"], ["denies"]]


def test_people_named_by_what_they_say_under_a_denial_cue():
    text = ("Analysts say the economy is shrinking. The ambassador pushed back against candidates who say "
            "the economy is shrinking.")
    doc = parse(None, text, None, [
        ("Analysts", "say", "the economy is shrinking"),
        ("The ambassador", "pushed back against", "candidates who say the economy is shrinking"),
    ])
    assert labels(doc)[1] == ["denies"]


def test_had_nothing_to_do_with_denies():
    text = "The cleric condemned the attack, telling reporters he had nothing to do with it."
    doc = parse(None, text, None, [("The cleric", "telling", "he had nothing to do with it")])
    assert labels(doc) == [["denies"]]


def test_no_different_and_as_one_would_think_rebut():
    text = ("The senator added that she voted no differently from her colleagues on the farm bill. "
            "The pollster said: “The race is not nearly as settled as one would think.”")
    doc = parse(None, text, None, [
        ("The senator", "added", "that she voted no differently from her colleagues on the farm bill"),
        ("The pollster", "said", "“The race is not nearly as settled as one would think.”"),
    ])
    assert labels(doc) == [["denies"], ["denies"]]


def test_wrong_in_their_recollections_denies_but_the_wrong_thing_asserts():
    text = ("The minister said the veterans were wrong in their recollections that he had ordered the "
            "retreat. The pastor said: “It's the wrong thing to do, but we will not judge them.”")
    doc = parse(None, text, None, [
        ("The minister", "said", "the veterans were wrong in their recollections that he had ordered the retreat"),
        ("The pastor", "said", "“It's the wrong thing to do, but we will not judge them.”"),
    ])
    assert labels(doc)[0] == ["denies"]
    assert "denies" not in labels(doc)[1]


def test_an_indefinite_false_statement_is_a_kind_of_saying():
    text = ("The law applies, the report said, when officials make misleading or false statements to "
            "investigators.")
    doc = parse(None, text, None, [("the report", "said", "when officials make misleading or false statements to "
                                    "investigators")])
    assert "denies" not in labels(doc)[0]


def test_a_quoted_third_person_who_does_not_know_is_an_assessment():
    text = ("“His knowledge is ten years out of date,” said a former aide. “He doesn't know the new voters or "
            "the new media.”")
    doc = parse(None, text, None, [
        ("a former aide", "said", "“He doesn't know the new voters or the new media.”"),
    ])
    assert labels(doc) != [["no_knowledge"]]


def test_fire_back_is_a_denial_cue():
    text = ("The senator said the governor had cut school funding. The governor's office fired back at the "
            "senator's claims on Tuesday.")
    doc = parse(None, text, None, [
        ("The senator", "said", "the governor had cut school funding"),
        ("The governor's office", "fired back at", "the senator's claims"),
    ])
    assert labels(doc)[1] == ["denies"]


def test_evidence_an_agent_has_none_of_is_no_knowledge_but_there_is_none_denies():
    text = ("The prosecutor said investigators had no direct evidence that the senator had destroyed the files. "
            "The ministry said there is no evidence that the senator destroyed the files.")
    doc = parse(None, text, None, [
        ("The prosecutor", "said", "investigators had no direct evidence that the senator had destroyed the files"),
        ("The ministry", "said", "there is no evidence that the senator destroyed the files"),
    ])
    assert labels(doc) == [["no_knowledge"], ["denies"]]


def test_a_rejecting_predicate_on_a_record_denies_that_it_is_genuine():
    text = ("The agency said the footage of the burning tanker was fake. "
            "The club said the letter from its chairman was made up. "
            "The agency said the footage of the burning tanker was genuine. "
            "The mayor said the new bridge was fake.")
    doc = parse(None, text, None, [
        ("The agency", "said", "the footage of the burning tanker was fake"),
        ("The club", "said", "the letter from its chairman was made up"),
        ("The agency", "said", "the footage of the burning tanker was genuine"),
        ("The mayor", "said", "the new bridge was fake"),
    ])
    assert labels(doc) == [["denies"], ["denies"], ["asserts"], ["asserts"]]
