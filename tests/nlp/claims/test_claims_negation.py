"""nlp/claims/negation.py, rebuttal.py and rejection.py: negated clauses, rebuttals and rejections."""
from claims_kit import parsed, token

from counterclaim.nlp.claims.lexicon import lexicon
from counterclaim.nlp.claims.negation import denial_negation, is_negated, nonevent_verb, rebutting_form
from counterclaim.nlp.claims.rebuttal import rebuttal
from counterclaim.nlp.claims.rejection import claim_not_accepted, rejection_positions, rejection_token

LX = lexicon()


def test_a_plain_negation_is_found_and_denies_a_past_state():
    doc = parsed("Manafort was not involved. Manafort was involved in the talks.")
    assert is_negated(token(doc, "involved", 0), LX)
    assert not is_negated(token(doc, "involved", 1), LX)
    assert denial_negation(token(doc, "involved", 0), LX)


def test_negated_predictions_and_implicatives():
    doc = parsed("He would not treat him fairly. Trump avoided paying taxes.")
    assert is_negated(token(doc, "treat"), LX) and not denial_negation(token(doc, "treat"), LX)  # a prediction
    assert is_negated(token(doc, "paying"), LX)  # "avoided paying": the event did not happen


def test_nonevent_verbs_and_rebutting_forms():
    doc = parsed("The meeting never took place. There is no evidence that he lied.")
    assert nonevent_verb(LX, token(doc, "took"))
    assert rebutting_form(token(doc, "is"), LX) == "no-evidence"
    assert rebutting_form(token(doc, "took"), LX) is None


def test_when_a_negation_rebuts():
    for content, why in [("we did not receive a single complaint", "self"),  # the source speaks of itself
                         ("I never touched the reporter", "emphatic"),
                         ("I was not involved in the talks", "wrongdoing")]:
        doc = parsed(f"The senator said {content}.", [("The senator", "said", content)])
        (st,) = doc._.statements
        verb = next(t for t in doc if t.dep_ == "ccomp")
        assert rebuttal(doc, st, verb, None, LX, "say") == why, content
        assert rebuttal(doc, st, None, None, LX, "say") == "no-clause"


def test_rejection_words_and_predicates():
    doc = parsed("This is a hoax. This is not a ridiculous idea. I don't buy that.")
    assert rejection_token(LX, token(doc, "hoax"))
    assert not rejection_token(LX, token(doc, "ridiculous"))  # a negated evaluation rejects nothing
    assert claim_not_accepted(LX, token(doc, "buy"))
    assert rejection_positions(doc, LX, list(doc)) == [token(doc, "hoax").idx, token(doc, "buy").idx]
