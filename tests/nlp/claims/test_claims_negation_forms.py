"""nlp/claims: negation carried by "no longer", by "no" on an object or a noun phrase, by a negated verb over
a gerund and by a negated predicate conjunct; commitment carried by adjectives of certainty."""
from claim_steps_kit import parse
from claims_kit import parsed, token

from counterclaim.nlp.claims.clauses import gerund_of_negated_verb, negative_np
from counterclaim.nlp.claims.frames import frame_of
from counterclaim.nlp.claims.gist import negated_conjunct
from counterclaim.nlp.claims.lexicon import lexicon
from counterclaim.nlp.claims.negation import is_negated, negative_determiner, no_longer
from counterclaim.nlp.claims.stance import label_stances

LX = lexicon()
BEFORE_STANCE = ("cc_timex", "cc_quantities", "cc_framing", "cc_propositions")


def _claims_and_stances(text, source, cue, content):
    doc = parse(None, text, None, [(source, cue, content)], run=BEFORE_STANCE)
    label_stances(doc, LX)
    (st,) = doc._.statements
    claims = {p.id: p.claim for p in doc._.propositions}
    return [(claims[x.proposition], x.stance) for x in st.stances]


def test_no_longer_negates_its_clause_but_a_comparison_does_not():
    doc = parsed("The city would no longer fund the festival. The talks would last no longer than two days.")
    assert no_longer(token(doc, "fund")) is not None and is_negated(token(doc, "fund"), LX)
    assert no_longer(token(doc, "last")) is None and not is_negated(token(doc, "last"), LX)


def test_no_on_more_before_an_object_is_a_negative_determiner():
    doc = parsed("The club has no more matches scheduled. The club has two more matches scheduled.")
    assert negative_determiner(token(doc, "matches", 0)) is not None and is_negated(token(doc, "has", 0), LX)
    assert negative_determiner(token(doc, "matches", 1)) is None and not is_negated(token(doc, "has", 1), LX)


def test_a_noun_phrase_with_no_is_a_negated_claim():
    doc = parsed("Police reported no injuries at the rally.")
    assert negative_np(token(doc, "injuries"), LX)


def test_adjectives_of_certainty_frame_their_clause_unless_negated():
    doc = parsed("They were confident the count was accurate. She was not sure the dam was repaired.")
    assert frame_of(token(doc, "were"), LX) is False  # the clause stands as worded
    assert frame_of(token(doc, "was", 1), LX) is None  # "not sure": left to the no-knowledge formulas


def test_a_negated_verb_over_a_gerund_keeps_the_gerund_in_its_clause():
    doc = parsed("She would not recommend charging the officer. The firm has not stopped selling arms.")
    assert gerund_of_negated_verb(token(doc, "charging"), LX)
    assert not gerund_of_negated_verb(token(doc, "selling"), LX)  # a verb of aspect: the selling goes on


def test_a_negated_predicate_conjunct_is_found():
    doc = parsed("The fees were legal but not ethical. The fees were legal and ethical.")
    last, conj = negated_conjunct(token(doc, "were", 0))
    assert (last.text, conj.text) == ("legal", "ethical")
    assert negated_conjunct(token(doc, "were", 1)) is None


def test_stances_of_the_forms():
    assert _claims_and_stances("Aides said the emails were personal and not work-related.", "Aides", "said",
                               "the emails were personal and not work-related") == [
        ("the emails were work-related", "denies"), ("the emails were personal", "asserts")]
    assert _claims_and_stances("The mayor said the city would no longer fund the festival.", "The mayor", "said",
                               "the city would no longer fund the festival") == [
        ("the city would fund the festival", "denies")]
    assert _claims_and_stances("Records show no payments from Halvers Group.", "Records", "show",
                               "no payments from Halvers Group") == [("some payments from Halvers Group", "denies")]
    assert _claims_and_stances("The monitors said they were confident the count had not been altered.",
                               "The monitors", "said", "they were confident the count had not been altered") == [
        ("the count had been altered", "denies")]
