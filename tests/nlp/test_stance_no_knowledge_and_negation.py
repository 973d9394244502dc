"""cc_stance: no-knowledge formulas found by structure, negations of states and events,
self-descriptions, negated cues, small clauses and raising cues, and the polarity of a stance on a
proposition in its positive form (``Proposition.claim``). Real-style sentences written for these tests."""
from claim_steps_kit import actor, labels, parse

TRUMP = actor("trump", "Donald Trump", type="person")


def test_no_knowledge_in_a_main_clause_far_from_the_cue():
    text = ("The report said that although the company has added hundreds of vans to its fleet this year, "
            "it is unclear how many drivers it now employs.")
    doc = parse(None, text, None, [("The report", "said", "that although the company has added hundreds of vans "
                                    "to its fleet this year, it is unclear how many drivers it now employs")])
    assert labels(doc) == [["no_knowledge"]]


def test_no_knowledge_with_a_curly_apostrophe_and_yet():
    text = "Many residents say they don’t yet know enough about the rezoning plan to judge it."
    doc = parse(None, text, None, [("Many residents", "say", "they don’t yet know enough about the rezoning plan "
                                    "to judge it")])
    assert labels(doc) == [["no_knowledge"]]


def test_no_knowledge_formula_with_an_adverb_and_a_rhetorical_who_knows():
    text = ("The mayor declined to publicly answer questions about the audit. "
            "Her deputy replied: “Who knows at this point.”")
    doc = parse(None, text, None, [
        ("The mayor", "declined", "to publicly answer questions about the audit"),
        ("Her deputy", "replied", "“Who knows at this point.”"),
    ])
    assert labels(doc) == [["no_knowledge"], ["no_knowledge"]]


def test_not_no_knowledge_when_someone_else_does_not_know_or_when_it_is_acquaintance():
    text = ("The survey found that the councilwoman's main problem is visibility: 40 percent of voters say "
            "they don't know who she is. "
            "The senator said: “I don't know a single farmer who wants this tariff.”")
    doc = parse(None, text, None, [
        ("The survey", "found", "that the councilwoman's main problem is visibility: 40 percent of voters say "
                                "they don't know who she is"),
        ("The senator", "said", "“I don't know a single farmer who wants this tariff.”"),
    ])
    assert labels(doc)[0] == ["asserts"]
    assert "no_knowledge" not in labels(doc)[1]


def test_negated_states_and_events_are_denied():
    text = ("The governor said we do not have the authority to cancel the election. "
            "The lawmaker says global warming is not happening. "
            "The lawyer said: “My client is completely innocent of these charges.”")
    doc = parse(None, text, None, [
        ("The governor", "said", "we do not have the authority to cancel the election"),
        ("The lawmaker", "says", "global warming is not happening"),
        ("The lawyer", "said", "“My client is completely innocent of these charges.”"),
    ])
    assert labels(doc) == [["denies"], ["denies"], ["denies"]]


def test_a_source_denying_a_description_of_itself_but_not_reporting_a_feeling():
    text = ("The commissioner said: “I’m not a crook, okay. I never was.” "
            "The candidate said: “I’m not happy with these poll numbers.”")
    doc = parse(None, text, None, [
        ("The commissioner", "said", "“I’m not a crook, okay. I never was.”"),
        ("The candidate", "said", "“I’m not happy with these poll numbers.”"),
    ])
    s = labels(doc)
    assert "denies" in s[0]
    assert s[1] == ["denies"]  # a reported feeling, negated: denies "the candidate is happy with…"


def test_an_emphatic_phrase_belongs_to_its_own_clause():
    text = "The historian said: “Campaigns have never been polite, and now they are not polite at all.”"
    doc = parse(None, text, None, [("The historian", "said", "“Campaigns have never been polite, and now they are "
                                    "not polite at all.”")])
    assert labels(doc) == [["denies"]]  # "campaigns have been polite", denied


def test_a_negated_cue_puts_nothing_forward_unless_the_negation_belongs_to_the_content():
    text = ("The statement did not mention that the factory had closed in March. "
            "Her advisers are not convinced that the new message will reach older voters.")
    doc = parse(None, text, None, [
        ("The statement", "did not mention", "that the factory had closed in March"),
        ("Her advisers", "are not convinced", "that the new message will reach older voters"),
    ])
    assert labels(doc) == [[], ["asserts"]]


def test_small_clauses_with_as_and_raising_or_passive_cues_are_claims():
    text = ("The magazine ranked the mayor as one of the least effective in the country. "
            "She recalled her years as a prosecutor in Ohio. "
            "The minister is widely expected to announce his resignation. "
            "Consumer spending appeared to slow in the spring. "
            "The protesters were asked to leave the square.")
    doc = parse(None, text, None, [
        ("The magazine", "ranked", "the mayor as one of the least effective in the country"),
        ("She", "recalled", "her years as a prosecutor in Ohio"),
        ("The minister", "is widely expected", "to announce his resignation"),
        ("Consumer spending", "appeared", "to slow in the spring"),
        ("The protesters", "were asked", "to leave the square"),
    ])
    assert labels(doc) == [["asserts"], [], ["asserts"], ["asserts"], []]


def test_a_no_knowledge_remark_late_in_a_long_quotation_does_not_make_it_no_knowledge():
    text = ("The chairwoman said: “The budget is balanced for the first time in a decade, and the reserve fund is back "
            "to where it was before the recession. I'm not sure how the council will vote, but the numbers speak for themselves.”")
    doc = parse(None, text, None, [("The chairwoman", "said", "“The budget is balanced for the first time in a "
                                    "decade, and the reserve fund is back to where it was before the recession. "
                                    "I'm not sure how the council will vote, but the numbers speak for "
                                    "themselves.”")])
    assert labels(doc) == [["asserts"]]


def test_a_negation_denies_the_positive_claim_whatever_its_form():
    text = ("Clinton says Trump may not have paid any federal taxes for years. "
            "His lawyer said Trump paid taxes every year. "
            "An aide said the company was not involved in the deal.")
    doc = parse(None, text, None, [
        ("Clinton", "says", "Trump may not have paid any federal taxes for years"),
        ("His lawyer", "said", "Trump paid taxes every year"),
        ("An aide", "said", "the company was not involved in the deal"),
    ], entities={"Trump": TRUMP})
    (a,), (b,), (c,) = [st.stances for st in doc._.statements]
    props = {p.id: p for p in doc._.propositions}
    assert props[a.proposition].relation == "pay_taxes" and a.proposition == b.proposition
    # on "X paid taxes" Clinton's negation denies, the lawyer asserts
    assert (a.stance, b.stance) == ("denies", "asserts")
    assert a.side == a.stance  # ``side`` is the stance, kept for its readers
    # the aide denies "the company was involved": the proposition is the positive clause
    assert c.stance == "denies" and props[c.proposition].claim == "the company was involved in the deal"
    assert props[c.proposition].gist == props[c.proposition].claim


def test_more_no_comment_wordings_through_the_whole_pipeline(nlp):
    from counterclaim import analyze

    text = ("The port authority said the cranes had been idle since May. "
            "The shipping line was unavailable for comment on Friday. "
            "A spokeswoman for the union did not return phone calls seeking comment. "
            "“I’m not going to comment on the negotiations,” the harbor master said.")
    a = analyze(text)
    by_source = {st.source.span.text: st for st in a.statements if st.source}
    for src in ("The shipping line", "A spokeswoman for the union", "the harbor master"):
        assert [s.stance for s in by_source[src].stances] == ["no_knowledge"], src
    assert [s.stance for s in by_source["The port authority"].stances] == ["asserts"]


def test_neither_responded_is_no_knowledge_and_generic_you_is_not():
    text = ("Neither the developer nor his lawyer responded to requests for clarification. "
            "The governor said: “Until you have run a state, you don't know what it is like to cut a budget.”")
    doc = parse(None, text, None, [
        ("Neither the developer nor his lawyer", "responded", "to requests for clarification"),
        ("The governor", "said", "“Until you have run a state, you don't know what it is like to cut a budget.”"),
    ])
    s = labels(doc)
    assert s[0] == ["no_knowledge"]
    assert "no_knowledge" not in s[1]


def test_allegations_called_unsupported_are_denied():
    text = "The editor wrote: “I have concluded that your allegations are unsupported by evidence.”"
    doc = parse(None, text, None, [("The editor", "wrote", "“I have concluded that your allegations are "
                                    "unsupported by evidence.”")])
    assert labels(doc) == [["denies"]]
