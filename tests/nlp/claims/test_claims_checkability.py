"""nlp/claims/checkability.py: norms, wishes, questions and orders state nothing checkable."""
from claims_kit import claims, context, parsed, token

from counterclaim.nlp.claims.checkability import is_question, modality, not_checkable
from counterclaim.nlp.claims.syntax import Scope


def test_a_norm_yields_no_claim():
    assert claims("She said the government should raise taxes.", "She", "said",
                  "the government should raise taxes") == []
    doc = parsed("She said the government should raise taxes.")
    assert modality(context(doc), token(doc, "raise")) == "deontic"


def test_a_future_is_a_modality_but_still_a_claim():
    doc = parsed("He said the plant will close next year.")
    assert modality(context(doc), token(doc, "close")) == "future"
    (c,) = claims("He said the plant will close next year.", "He", "said", "the plant will close next year")
    assert c.modal == "future"


def test_an_indirect_question_is_not_checkable():
    text = "He asked whether the Clintons will return the money."
    doc = parsed(text, [("He", "asked", "whether the Clintons will return the money")])
    (st,) = doc._.statements
    scope = Scope(st.content)
    verb = token(doc, "return")
    assert is_question(doc, verb, scope)
    assert not_checkable(context(doc), verb, doc, scope, st)
    assert claims(text, "He", "asked", "whether the Clintons will return the money") == []


def test_a_wish_and_a_request_yield_no_claim():
    assert claims("The senator is hoping that states will allow the sale.", "The senator", "is hoping",
                  "that states will allow the sale") == []
    assert claims("They urged the candidates to withdraw from the race.", "They", "urged",
                  "the candidates to withdraw from the race") == []


def test_a_plain_statement_is_checkable():
    (c,) = claims("She said the economy is growing.", "She", "said", "the economy is growing")
    assert (c.kind, c.head.text, c.negated, c.modal) == ("gist", "growing", False, None)
