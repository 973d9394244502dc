"""cc_stance: forms that rebut by themselves ("no evidence that…", "no more X than…",
"does not mean…", "not the X they make it out to be"), what cues of judging, naming, showing and
wanting make of their content, norms without a modal, the mandative subjunctive, negated
rejections, no-knowledge formulas that describe a noun, and a negation answering another source's
claim in the same article. Real-style sentences written for these tests."""
from claim_steps_kit import labels, parse


def gists(doc):
    by_id = {p.id: p for p in doc._.propositions}
    return [[by_id[s.proposition].gist for s in st.stances] for st in doc._.statements]


def test_no_evidence_denies_what_the_evidence_would_support():
    text = "Officials said there is no evidence that Iran supplied the weapons to the rebels."
    doc = parse(None, text, None, [("Officials", "said", "there is no evidence that Iran supplied the weapons "
                                    "to the rebels")])
    assert labels(doc) == [["denies"]]
    assert "no evidence" not in gists(doc)[0][0]  # the claim itself, not the absence of evidence
    assert doc._.statements[0].stances[0].side == "denies"


def test_no_evidence_with_a_negated_verb_of_seeing_and_a_raising_verb():
    text = ("The mayor said: “We do not see a link to terrorism.” The chief said there did not appear to be any "
            "connection to the explosions in New Jersey.")
    doc = parse(None, text, None, [
        ("The mayor", "said", "“We do not see a link to terrorism.”"),
        ("The chief", "said", "there did not appear to be any connection to the explosions in New Jersey"),
    ])
    assert labels(doc) == [["denies"], ["denies"]]
    # the proposition is the positive clause the source denies
    assert doc._.propositions[0].claim == "The mayor sees a link to terrorism"  # "we": the speaker


def test_an_evidence_word_inside_a_name_is_no_evidence():
    text = ("The attorney general is confirming that the Trump Foundation is not registered in New York as a "
            "charity to solicit donations.")
    doc = parse(None, text, None, [("The attorney general", "is confirming", "that the Trump Foundation is not "
                                    "registered in New York as a charity to solicit donations")])
    assert labels(doc) == [["denies"]]  # confirms the negation: denies "the Trump Foundation is registered…"


def test_no_more_than_and_as_others_make_it_out_to_be_rebut():
    text = ("RT's hosts say that the network is no more biased than any other news organization. "
            "The judge said: “The rule is not the boundary-breaking behemoth that the petitioners make it out to be.”")
    doc = parse(None, text, None, [
        ("RT's hosts", "say", "that the network is no more biased than any other news organization"),
        ("The judge", "said", "“The rule is not the boundary-breaking behemoth that the petitioners make it out to be.”"),
    ])
    assert labels(doc) == [["denies"], ["denies"]]


def test_a_negated_inference_and_a_negated_evaluation_deny_their_positive_claims():
    text = ("She said that because terrorists are Muslim does not mean Muslims are terrorists. "
            "He said: “That doesn’t mean no response, but a muted one.” "
            "The senator said: “That is not a responsible thing to say.”")
    doc = parse(None, text, None, [
        ("She", "said", "that because terrorists are Muslim does not mean Muslims are terrorists"),
        ("He", "said", "“That doesn’t mean no response, but a muted one.”"),
        ("The senator", "said", "“That is not a responsible thing to say.”"),
    ])
    got = labels(doc)
    assert got[:2] == [["denies"], ["denies"]]  # "that means no response", denied
    # a negated description with "that" as subject denies its own positive claim ("that is a responsible
    # thing to say"), not the claim "that" stands for
    assert got[2] == ["denies"]
    prop = doc._.propositions[-1]
    assert "responsible thing" in prop.claim


def test_a_negated_rejection_word_rejects_nothing():
    text = "The professor said: “I don’t think this is a ridiculous idea.”"
    doc = parse(None, text, None, [("The professor", "said", "“I don’t think this is a ridiculous idea.”")])
    assert "denies" not in labels(doc)[0]


def test_what_a_saying_accuses_is_denied_when_the_saying_is_called_a_lie():
    text = "Machado says Trump's early-morning tweets accusing her of having a criminal record are lies."
    doc = parse(None, text, None, [("Machado", "says", "Trump's early-morning tweets accusing her of having a "
                                    "criminal record are lies")])
    assert labels(doc) == [["denies"]]


def test_norms_without_a_modal_and_the_mandative_subjunctive_state_nothing():
    text = ("The mayor said it is important to know the facts about any incident like this. "
            "The author argues there is little point for Mexico to respond now. "
            "The envoy insisted that Pyongyang stop its dangerous escapades. "
            "The envoy said Pyongyang stopped its missile tests.")
    doc = parse(None, text, None, [
        ("The mayor", "said", "it is important to know the facts about any incident like this"),
        ("The author", "argues", "there is little point for Mexico to respond now"),
        ("The envoy", "insisted", "that Pyongyang stop its dangerous escapades"),
        ("The envoy", "said", "Pyongyang stopped its missile tests"),
    ])
    assert labels(doc) == [[], [], [], ["asserts"]]


def test_judging_cues_assert_their_for_or_of_phrase_not_a_bare_object():
    text = ("The chief praised Thursday's protests for being largely peaceful and calm. "
            "Trump attacked Clinton, accusing her of being asleep when the calls came in. "
            "The senator condemned the bill's passage.")
    doc = parse(None, text, None, [
        ("The chief", "praised", "Thursday's protests for being largely peaceful and calm"),
        ("Trump", "accusing her of", "being asleep when the calls came in"),
        ("The senator", "condemned", "the bill's passage"),
    ])
    assert labels(doc) == [["asserts"], ["asserts"], []]


def test_naming_asserts_the_name_given_but_called_for_is_a_request():
    text = ("Trump called the senator a “nasty guy.” The council called for a special prosecutor. "
            "Critics derided the deal as toothless.")
    doc = parse(None, text, None, [
        ("Trump", "called", "the senator a “nasty guy.”"),
        ("The council", "called for", "a special prosecutor"),
        ("Critics", "derided the deal", "as toothless"),
    ])
    assert labels(doc) == [["asserts"], [], ["asserts"]]


def test_a_noun_phrase_is_a_fact_under_a_cue_of_showing_and_a_topic_under_others():
    text = ("Doctors confirmed the diagnosis of a blood clot in her leg. "
            "The candidate highlighted her plans to combat the problem.")
    doc = parse(None, text, None, [
        ("Doctors", "confirmed", "the diagnosis of a blood clot in her leg"),
        ("The candidate", "highlighted", "her plans to combat the problem"),
    ])
    assert labels(doc) == [["asserts"], []]


def test_what_is_hoped_for_or_wanted_is_no_claim():
    text = ("Mr. Clarke is hoping that states will allow utilities to pass the costs to ratepayers. "
            "Clinton wants to make tuition free for families with less than $125,000 in income.")
    doc = parse(None, text, None, [
        ("Mr. Clarke", "is hoping", "that states will allow utilities to pass the costs to ratepayers"),
        ("Clinton", "wants", "to make tuition free for families with less than $125,000 in income"),
    ])
    assert labels(doc) == [[], []]


def test_no_knowledge_of_what_a_video_shows_but_not_a_refusal_that_describes_a_noun():
    text = ("The lawyer also said the videos do not show whether Scott has anything in his hands. "
            "Chaffetz insisted he has different questions for Pagliano than the ones he refused to answer last year. "
            "A longtime adviser, who declined to be identified, said the plan is twenty years old.")
    doc = parse(None, text, None, [
        ("The lawyer", "also said", "the videos do not show whether Scott has anything in his hands"),
        ("Chaffetz", "insisted", "he has different questions for Pagliano than the ones he refused to answer last year"),
        ("A longtime adviser", "declined", "to be identified"),
    ])
    got = labels(doc)
    assert got[0] == ["no_knowledge"]
    assert got[1] == ["asserts"]
    assert got[2] == []


def test_a_negation_after_another_sources_claim_on_the_same_proposition_denies_it():
    text = ("Aides said Senator Kay met the Russian ambassador in July. "
            "Her office said Senator Kay did not meet the Russian ambassador in July.")
    doc = parse(None, text, None, [
        ("Aides", "said", "Senator Kay met the Russian ambassador in July"),
        ("Her office", "said", "Senator Kay did not meet the Russian ambassador in July"),
    ])
    first, second = doc._.statements
    assert [s.stance for s in first.stances] == ["asserts"]
    assert [s.stance for s in second.stances] == ["denies"]
    assert first.stances[0].proposition == second.stances[0].proposition
    assert second.stances[0].side == "denies"


def test_a_negation_with_no_claim_before_it_denies_the_positive_claim():
    text = "Her office said Senator Kay did not meet the Russian ambassador in July."
    doc = parse(None, text, None, [("Her office", "said", "Senator Kay did not meet the Russian ambassador in July")])
    (st,) = doc._.statements
    assert [s.stance for s in st.stances] == ["denies"]
    assert "not" not in doc._.propositions[0].claim.split()


def test_have_to_is_a_norm_only_in_the_present_and_only_as_have_to():
    text = ("The AP declared Clinton had enough delegates to become the presumptive nominee. "
            "The aide said others are having to be leaner and deal with a smaller staff. "
            "The mayor said the city has to raise taxes.")
    doc = parse(None, text, None, [
        ("The AP", "declared", "Clinton had enough delegates to become the presumptive nominee"),
        ("The aide", "said", "others are having to be leaner and deal with a smaller staff"),
        ("The mayor", "said", "the city has to raise taxes"),
    ])
    assert labels(doc) == [["asserts"], ["asserts"], []]


def test_plans_exhortations_and_what_would_make_sense_state_nothing():
    text = ("Carson defended his policy of not attacking Donald Trump. "
            "The senator added that it would make sense for the charity to stop taking foreign donations. "
            "Lincoln concluded: let us strive on to finish the work we are in.")
    doc = parse(None, text, None, [
        ("Carson", "policy of", "not attacking Donald Trump"),
        ("The senator", "added", "that it would make sense for the charity to stop taking foreign donations"),
        ("Lincoln", "concluded:", "let us strive on to finish the work we are in"),
    ])
    assert labels(doc) == [[], [], []]


def test_disbelief_of_a_claim_denies_it_but_a_belief_clause_or_an_offer_does_not():
    text = ("Critics said the firm sold the land. Smith said: “I don’t buy that.” "
            "Trump said Mexico will pay for the wall. The senator said: “Nobody believes it.” "
            "Jones said: “I don’t believe he can win.” "
            "The company said it did not accept the offer.")
    doc = parse(None, text, None, [
        ("Critics", "said", "the firm sold the land"),
        ("Smith", "said", "“I don’t buy that.”"),
        ("Trump", "said", "Mexico will pay for the wall"),
        ("The senator", "said", "“Nobody believes it.”"),
        ("Jones", "said", "“I don’t believe he can win.”"),
        ("The company", "said", "it did not accept the offer"),
    ])
    # "I don't believe he can win" denies "he can win" (negation raising); not accepting an offer denies accepting it
    assert labels(doc) == [["asserts"], ["denies"], ["asserts"], ["denies"], ["denies"], ["denies"]]
    st = doc._.statements
    assert st[1].stances[0].proposition == st[0].stances[0].proposition  # the claim on the table
    assert st[3].stances[0].proposition == st[2].stances[0].proposition


def test_a_claim_that_does_not_hold_water_is_denied_but_a_bridge_that_does_not_hold_up_is_no_rejection():
    text = ("The White House said the law will invite retaliation. "
            "Terry Strada said: “The president’s rationale doesn’t hold water.” "
            "Reports said the firm bought the land. Jones said: “That doesn’t add up.” "
            "The engineer said the old bridge does not hold up in high winds.")
    doc = parse(None, text, None, [
        ("The White House", "said", "the law will invite retaliation"),
        ("Terry Strada", "said", "“The president’s rationale doesn’t hold water.”"),
        ("Reports", "said", "the firm bought the land"),
        ("Jones", "said", "“That doesn’t add up.”"),
        ("The engineer", "said", "the old bridge does not hold up in high winds"),
    ])
    lab = labels(doc)
    assert lab[1] == ["denies"] and lab[3] == ["denies"]
    # a bridge is no claim: its not holding up rejects nothing said before, it denies its own positive claim
    assert lab[4] == ["denies"] and doc._.statements[4].stances[0].proposition != doc._.statements[2].stances[0].proposition
    assert doc._.propositions[-1].claim == "the old bridge holds up in high winds"


def test_withholding_information_is_no_knowledge():
    text = ("The campaign declined to provide a list of the venues. "
            "The spokesman declined a question about whether the deal was signed.")
    doc = parse(None, text, None, [
        ("The campaign", "declined", "to provide a list of the venues"),
        ("The spokesman", "declined", "a question about whether the deal was signed"),
    ])
    assert labels(doc) == [["no_knowledge"], ["no_knowledge"]]


def test_a_denial_cue_after_a_light_verb_or_with_its_particle_outside_the_cue():
    text = ("The senators took turns rebutting claims that the deal was secret. "
            "Clinton has pushed back on the notion that she lied about the server.")
    doc = parse(None, text, None, [
        ("The senators", "took turns rebutting", "claims that the deal was secret"),
        ("Clinton", "has pushed", "back on the notion that she lied about the server"),
    ])
    assert labels(doc) == [["denies"], ["denies"]]


def test_a_causative_before_a_denial_verb_denies_nothing():
    text = "The ruling said the change made it easier for courts to dismiss cases."
    doc = parse(None, text, None, [("The ruling", "made it easier for courts to dismiss", "cases")])
    assert labels(doc) != [["denies"]]


def test_not_taking_anything_for_granted_is_no_event_denied():
    text = "The chairman said: “We are not taking anything for granted.”"
    doc = parse(None, text, None, [("The chairman", "said", "“We are not taking anything for granted.”")])
    assert labels(doc) == [["asserts"]]


def test_conditions_relative_clauses_and_clefts_are_claims_not_questions():
    text = ("Sanders said: “If she does the right thing, I am confident that my voters will vote for her.” "
            "The report cited the attacks, which the probe said were covered up to protect the chairman. "
            "Sharp said: “What stuns me is how little the race has shifted.” "
            "Reporters asked which candidate would win.")
    doc = parse(None, text, None, [
        ("Sanders", "said", "“If she does the right thing, I am confident that my voters will vote for her.”"),
        ("the probe", "said", "were covered up to protect the chairman"),
        ("Sharp", "said", "“What stuns me is how little the race has shifted.”"),
        ("Reporters", "asked", "which candidate would win"),
    ])
    assert labels(doc) == [["asserts"], ["asserts"], ["asserts"], []]


def test_a_subjunctive_under_a_directive_cue_is_a_request():
    text = ("The group is demanding that the candidates propose a plan. Comey recommended that no charges be filed. "
            "He said that the candidates propose plans every year.")
    doc = parse(None, text, None, [
        ("The group", "is demanding", "that the candidates propose a plan"),
        ("Comey", "recommended", "that no charges be filed"),
        ("He", "said", "that the candidates propose plans every year"),
    ])
    assert labels(doc) == [[], [], ["asserts"]]


def test_what_is_wished_or_done_for_fun_is_no_claim_but_a_commitment_is():
    text = ("Smith expressed a desire to try and convict the killers. He enjoys shooting himself in the foot. "
            "She vowed to pay the workers.")
    doc = parse(None, text, None, [
        ("Smith", "expressed", "a desire to try and convict the killers"),
        ("He", "enjoys", "shooting himself in the foot"),
        ("She", "vowed", "to pay the workers"),
    ])
    assert labels(doc) == [[], [], ["asserts"]]


def test_reported_noun_phrases_with_a_predicate_are_facts_but_bare_ones_are_topics():
    text = ("The agency reported unusually high lead levels found in ten schools. "
            "Priebus announced his candidacy. "
            "Officials responded to reports that the mayor had resigned.")
    doc = parse(None, text, None, [
        ("The agency", "reported", "unusually high lead levels found in ten schools"),
        ("Priebus", "announced", "his candidacy"),
        ("Officials", "responded to", "reports that the mayor had resigned"),
    ])
    assert labels(doc) == [["asserts"], [], []]


def test_refuting_a_story_about_a_claim_does_not_deny_the_claim():
    text = ("The candidate continued to refute a Politico story about his claim that he had been offered a "
            "scholarship to West Point. Officials denied reports that the deal was signed.")
    doc = parse(None, text, None, [
        ("The candidate", "continued to refute", "a Politico story about his claim that he had been offered a "
                                                 "scholarship to West Point"),
        ("Officials", "denied", "reports that the deal was signed"),
    ])
    gist = {p.id: p.gist for p in doc._.propositions}
    refuted = [gist[s.proposition] for s in doc._.statements[0].stances if s.stance == "denies"]
    assert not any("scholarship" in g for g in refuted)  # the story is refuted, not the claim it is about
    assert labels(doc)[1] == ["denies"]
