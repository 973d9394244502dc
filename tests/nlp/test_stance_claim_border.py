"""cc_stance: the border between a claim and no claim. Norms worded without a plain modal
(periphrastic "has got to", "be not to", "would do better to", nouns of duty, a legal "shall", a
negative imperative, a curly "It’s time to"), cues of naming and linking whose object is a
characterization ("was declared the winner", "compared X to Y"), an "as" phrase wherever the parser
hangs it, and "don't foresee" as a negation-raising cue. Real-style sentences written for these tests."""
from claim_steps_kit import labels, parse


def test_a_curly_its_time_to_is_a_norm():
    text = "The challenger wrote on Twitter: “It’s time to send the incumbent home,” and linked to his website."
    doc = parse(None, text, None, [("The challenger", "wrote", "“It’s time to send the incumbent home,”")])
    assert labels(doc) == [[]]


def test_periphrastic_norms_state_nothing_checkable():
    text = ("The governor said that the mayor has got to clean up the police department. "
            "The senator argued that the warnings of the economists were not to be ignored. "
            "A rival suggested that the minister would do better to resign quietly.")
    doc = parse(None, text, None, [
        ("The governor", "said", "that the mayor has got to clean up the police department"),
        ("The senator", "argued", "that the warnings of the economists were not to be ignored"),
        ("A rival", "suggested", "that the minister would do better to resign quietly"),
    ])
    assert labels(doc) == [[], [], []]


def test_nouns_of_duty_and_advice_make_a_norm():
    text = ("The ambassador said: “It is not my job to judge the candidates of another country.” "
            "The chairman said it was a good idea for the committee to wait until the vote.")
    doc = parse(None, text, None, [
        ("The ambassador", "said", "“It is not my job to judge the candidates of another country.”"),
        ("The chairman", "said", "it was a good idea for the committee to wait until the vote"),
    ])
    assert labels(doc) == [[], []]


def test_a_legal_shall_is_a_norm():
    text = "The charter says that the council shall not be dissolved before the end of its term."
    doc = parse(None, text, None, [("The charter", "says", "that the council shall not be dissolved before the end "
                                    "of its term")])
    assert labels(doc) == [[]]


def test_a_negative_imperative_is_no_claim():
    text = "The organizer told the crowd: “Do not give up on the ballot box.”"
    doc = parse(None, text, None, [("The organizer", "told the crowd", "“Do not give up on the ballot box.”")])
    assert labels(doc) == [[]]


def test_a_first_person_shall_is_still_a_prediction():
    text = "The candidate said: “We shall win this state in November.”"
    doc = parse(None, text, None, [("The candidate", "said", "“We shall win this state in November.”")])
    assert labels(doc) == [["asserts"]]


def test_declaring_proclaiming_and_titling_name_something():
    text = ("After the recount, Ms. Ortiz was declared the winner of the district. "
            "The columnist proclaims the budget a disaster for rural schools. "
            "Her memoir is titled “A Long Road Home.”")
    doc = parse(None, text, None, [
        (None, "was declared", "the winner of the district"),
        ("The columnist", "proclaims", "the budget a disaster for rural schools"),
        (None, "is titled", "“A Long Road Home.”"),
    ])
    assert labels(doc) == [["asserts"], ["asserts"], ["asserts"]]


def test_a_name_given_in_a_participle_after_a_noun_is_no_claim():
    text = "The satirists released a short film titled “The Last Primary,” which mocks the campaign."
    doc = parse(None, text, None, [(None, "titled", "“The Last Primary,”")])
    assert labels(doc) == [[]]


def test_comparing_and_linking_cues_assert_the_comparison():
    text = ("The ad compares the senator to a used-car salesman. "
            "The governor conflated the protesters with the rioters. "
            "The mayor blamed the budget gap on the state legislature.")
    doc = parse(None, text, None, [
        ("The ad", "compares", "the senator to a used-car salesman"),
        ("The governor", "conflated", "the protesters with the rioters"),
        ("The mayor", "blamed", "the budget gap on the state legislature"),
    ])
    assert labels(doc) == [["asserts"], ["asserts"], ["asserts"]]


def test_an_as_phrase_closing_the_object_is_the_characterization():
    text = ("The senator hailed the decision to lift the sanctions as “historic.” "
            "Lincoln will be remembered by many as the savior of the union.")
    doc = parse(None, text, None, [
        ("The senator", "hailed", "the decision to lift the sanctions as “historic.”"),
        ("many", "will be remembered by", "as the savior of the union"),
    ])
    assert labels(doc) == [["asserts"], ["asserts"]]


def test_dont_foresee_raises_its_negation():
    text = "Most party insiders don’t foresee a comeback that could carry the governor to victory in Iowa."
    doc = parse(None, text, None, [("Most party insiders", "don’t foresee",
                                    "a comeback that could carry the governor to victory in Iowa")])
    assert labels(doc) != [[]]


def test_a_statement_naming_cue_with_one_phrase_names_a_topic():
    text = "In his speech, the governor proclaimed a goal of “Jobs for Every County.”"
    doc = parse(None, text, None, [("the governor", "proclaimed", "a goal of “Jobs for Every County.”")])
    assert labels(doc) == [[]]


def test_an_amount_under_a_presenting_cue_is_a_fact():
    text = ("The senator reported between $10,000 and $50,000 in rental income from a condo in Florida. "
            "One magazine estimates the founder's fortune at about $12 billion.")
    doc = parse(None, text, None, [
        ("The senator", "reported", "between $10,000 and $50,000 in rental income from a condo in Florida"),
        ("One magazine", "estimates", "the founder's fortune at about $12 billion"),
    ])
    assert labels(doc) == [["asserts"], ["asserts"]]


def test_what_a_source_says_is_no_predicate_others_give():
    text = ("The activist said: “It’s not something that she regularly says, it’s only like when the news "
            "shows a video of a protest.”")
    doc = parse(None, text, None, [("The activist", "said", "“It’s not something that she regularly says, it’s "
                                    "only like when the news shows a video of a protest.”")])
    assert labels(doc) == [["asserts"]]


def test_a_stated_wish_is_no_claim_but_a_plan_or_a_refusal_is():
    text = ("The senator said she wants to expand the program to rural counties. "
            "The mayor said he hoped that the council would approve the budget. "
            "The governor said she did not want federal troops in the city. "
            "The congressman said he plans to vote for the bill.")
    doc = parse(None, text, None, [
        ("The senator", "said", "she wants to expand the program to rural counties"),
        ("The mayor", "said", "he hoped that the council would approve the budget"),
        ("The governor", "said", "she did not want federal troops in the city"),
        ("The congressman", "said", "he plans to vote for the bill"),
    ])
    # (the refusal, a negation, denies its positive claim "she wanted federal troops in the city")
    assert labels(doc) == [[], [], ["denies"], ["asserts"]]
