"""nlp/claims/propositions.py, stance.py and linking.py: claims grouped into Propositions, what each
source does to them, and how sure each link is."""
from claim_steps_kit import parse

from counterclaim.nlp.claims.lexicon import lexicon
from counterclaim.nlp.claims.linking import LINK_CONFIDENCE, basis
from counterclaim.nlp.claims.propositions import find_propositions
from counterclaim.nlp.claims.stance import STANCE_REASONS, label_stances, stance_rules, stances_for
from counterclaim.nlp.claims.types import Ctx

BEFORE_STANCE = ("cc_timex", "cc_quantities", "cc_framing", "cc_propositions")


def _stances(doc):
    return [[(x.proposition, x.stance) for x in st.stances] for st in doc._.statements]


def test_claims_of_one_relation_share_a_proposition_and_an_anaphor_refers_back():
    text = ("Washington said Tehran had supplied Russia with weapons. "
            "A British minister said Iran offered munitions to Russia. "
            "Tehran dismissed the accusation.")
    doc = parse(None, text, None, [("Washington", "said", "Tehran had supplied Russia with weapons"),
                                   ("A British minister", "said", "Iran offered munitions to Russia"),
                                   ("Tehran", "dismissed", "the accusation")], run=BEFORE_STANCE)
    (p,) = doc._.propositions
    assert (p.agent, p.relation, p.recipient) == ("IRN", "transfer_arms", "RUS")
    kinds = [[c.kind for c in doc._.claims[st.id]] for st in doc._.statements]
    assert kinds == [["clause"], ["clause"], ["anaphor"]]
    label_stances(doc, lexicon())
    assert _stances(doc) == [[(p.id, "asserts")], [(p.id, "asserts")], [(p.id, "denies")]]


def test_a_rebutting_negation_denies_and_a_norm_gets_no_stance():
    text = ("The spokesman said Manafort was never involved in the talks. "
            "She said the government should raise taxes.")
    doc = parse(None, text, None, [("The spokesman", "said", "Manafort was never involved in the talks"),
                                   ("She", "said", "the government should raise taxes")], run=BEFORE_STANCE)
    manafort, norm = doc._.statements
    assert doc._.claims[norm.id] == []
    lx = lexicon()
    assert [x.stance for x in stances_for(doc, manafort, doc._.claims[manafort.id], lx)] == ["denies"]
    assert stances_for(doc, norm, doc._.claims[norm.id], lx) == []
    assert doc._.propositions[0].claim == "Manafort was involved in the talks"  # the claim in its positive form


def test_a_refusal_to_comment_is_no_knowledge_about_the_claim_before_it():
    text = "The minister said the army had attacked the village. The army declined to comment."
    doc = parse(None, text, None, [("The minister", "said", "the army had attacked the village"),
                                   ("The army", "declined", "to comment")])
    p = doc._.propositions[0].id
    assert _stances(doc) == [[(p, "asserts")], [(p, "no_knowledge")]]


def test_link_bases_and_their_confidence():
    text = "Washington said Tehran had supplied Russia with weapons. The foreign ministry dismissed it."
    doc = parse(None, text, None, [("Washington", "said", "Tehran had supplied Russia with weapons"),
                                   ("The foreign ministry", "dismissed", "it")], run=("cc_framing",))
    find_propositions(doc, lexicon())
    relation, formula = (doc._.claims[st.id][0] for st in doc._.statements)
    ctx = Ctx(doc=doc, lx=lexicon())
    assert basis(ctx, relation, None) == "relation"
    assert basis(ctx, formula, "relation") == "anaphor"  # "dismissed it": the latest claim with a relation
    assert doc._.claim_links[id(relation)] == (LINK_CONFIDENCE["relation"], "relation")


def test_the_rules_behind_each_stance_are_recorded_without_their_modifiers():
    text = ("The ministry said the report was a hoax. "
            "The mayor said the bridge did not collapse. "
            "She said the plant opened in May.")
    doc = parse(None, text, None, [("The ministry", "said", "the report was a hoax"),
                                   ("The mayor", "said", "the bridge did not collapse"),
                                   ("She", "said", "the plant opened in May")], run=BEFORE_STANCE)
    label_stances(doc, lexicon())
    hoax, bridge, plant = doc._.statements
    assert doc.user_data[STANCE_REASONS][bridge.id] == ["plain+negated_clause"]
    assert stance_rules(doc, bridge.id) == {"plain"} and stance_rules(doc, plant.id) == {"plain"}
    assert stance_rules(doc, hoax.id) == {"rejection"}
    assert stance_rules(doc, "no such statement") == set()
