"""Two forms whose claim is a clause the sentence does not spell out: the gerund a cue of judging holds
("accused her of being asleep": she was asleep) and a negative coordination ("neither A nor B did X"
denies that A did X). Real-style sentences written for these tests."""
from counterclaim import Article, analyze_articles
from counterclaim.nlp.claims.inflection import past_tense


def claims(nlp, text):
    (a,) = analyze_articles([Article(text=text, id="t", outlet="The Northfield Courier")], nlp=nlp)
    props = {p.id: p for p in a.propositions}
    return [[(props[s.proposition].claim, s.stance, s.basis) for s in st.stances] for st in a.statements]


def test_the_accused_is_the_subject_of_the_gerund_and_a_pronoun_resolves(nlp):
    text = ("Minister Ana Velez defended her record on Monday. "
            "The opposition leader accused her of being asleep when the floods began.")
    (claim, stance, basis), = claims(nlp, text)[-1]
    assert (claim, stance) == ("Ana Velez was asleep when the floods began", "asserts")
    assert basis != "fragment"


def test_praise_and_blame_make_a_past_clause_of_the_gerund(nlp):
    text = ("The pilots' union criticized Northwind Airlines for cutting overtime pay. "
            "Police accused the driver of having fled the scene.")
    got = [c[0][:2] for c in claims(nlp, text)]
    assert got == [("Northwind Airlines cut overtime pay", "asserts"), ("the driver had fled the scene", "asserts")]


def test_a_negated_gerund_denies_the_positive_clause(nlp):
    text = "The senator accused the governor of not publishing the state budget."
    assert claims(nlp, text)[0][0][:2] == ("the governor published the state budget", "denies")


def test_a_noun_object_of_an_accusation_names_a_topic(nlp):
    assert claims(nlp, "The senator accused the governor of fraud.") == [[]]


def test_neither_nor_denies_the_first_conjunct(nlp):
    text = "A campaign spokeswoman said neither the nominee nor her campaign helped the donor get citizenship."
    assert claims(nlp, text)[0][0][:2] == ("the nominee helped the donor get citizenship", "denies")


def test_nor_between_predicates_reads_or(nlp):
    text = "The trainer said the horse was neither injured nor tired before the race."
    assert claims(nlp, text)[0][0][:2] == ("the horse was injured or tired before the race", "denies")


def test_a_clause_joined_by_nor_is_negated_and_left_out_of_the_first(nlp):
    text = ("The club said the striker had not asked for a transfer, nor had his agent. "
            "Nor did the minister explain the delay, the opposition said.")
    got = [c[0][:2] for c in claims(nlp, text)]
    assert got == [("the striker had asked for a transfer", "denies"),
                   ("the minister did explain the delay", "denies")]


def test_past_tense_of_regular_and_irregular_verbs():
    assert [past_tense(v) for v in ("lie", "hide", "stop", "visit", "carry", "mislead", "dump")] == \
        ["lied", "hid", "stopped", "visited", "carried", "misled", "dumped"]
