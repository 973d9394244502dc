"""nlp/claims/noknowledge.py and refusal.py: what a source does not know or will not say, and what a
denial cue refuses rather than denies."""
from claims_kit import claims, parsed

from counterclaim.nlp.claims.lexicon import lexicon
from counterclaim.nlp.claims.noknowledge import no_knowledge_formula
from counterclaim.nlp.claims.refusal import claim_like, refused
from counterclaim.nlp.claims.syntax import Scope

LX = lexicon()


def _formula(text, source, cue, content) -> bool:
    doc = parsed(text, [(source, cue, content)])
    (st,) = doc._.statements
    return no_knowledge_formula(doc, st, LX, st.start, max(st.end, st.cue.span.end))


def test_a_refusal_to_comment_is_read_as_no_knowledge():
    (c,) = claims("The army declined to comment.", "The army", "declined", "to comment")
    assert (c.kind, c.forced) == ("anaphor", "no_knowledge")


def test_no_further_information_is_a_formula_but_a_plain_claim_is_not():
    assert _formula("A UN spokesman said he had no further information.", "A UN spokesman", "said",
                    "he had no further information")
    assert not _formula("A UN spokesman said the convoy had reached the town.", "A UN spokesman", "said",
                        "the convoy had reached the town")
    (c,) = claims("A UN spokesman said he had no further information.", "A UN spokesman", "said",
                  "he had no further information")
    assert c.forced == "no_knowledge"


def test_not_knowing_a_person_is_acquaintance_not_no_knowledge():
    assert not _formula("Trump said I don't know one person who wants a war.", "Trump", "said",
                        "I don't know one person who wants a war")


def test_a_denial_cue_that_refuses_something_asked_for_states_nothing():
    text = "The government denied his party the victory."
    doc = parsed(text, [("The government", "denied", "the victory")])
    (st,) = doc._.statements
    roots = [t for t in doc if t.text == "victory"]
    assert refused(doc, st, LX, roots, Scope(st.content))
    assert claims(text, "The government", "denied", "the victory") == []


def test_what_a_denial_cue_takes_can_be_a_claim():
    doc = parsed("Moscow rejected the allegation. The Senate rejected Mr. Bush.")
    allegation, bush = [t for t in doc if t.text in ("allegation", "Bush")]
    assert claim_like(LX, allegation)
    assert not claim_like(LX, bush)  # a person is no claim
