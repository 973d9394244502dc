"""Statement -> proposition link confidence (nlp/claims/linking.py), the stricter cross-article matching
(ledger/claims.py), disputes that count only confident links, and the dispute judgements scorer."""
from __future__ import annotations

import json

import pytest

from counterclaim.ledger import Ledger
from counterclaim.ledger.claims import features, match_proposition, share_predicate, coverage
from counterclaim.ledger.judgements import Judgements, evaluate
from counterclaim.ledger.queries import MIN_CONFIDENCE
from counterclaim.model import Article, Proposition
from counterclaim.nlp.claims.linking import LINK_CONFIDENCE

from ledger_kit import KIRBY, PRK, synthetic_analysis


def _analyze(nlp, text: str):
    from counterclaim.analyze import analyze_articles
    return next(iter(analyze_articles([Article(text=text, id="t", published="2016-10-01")], nlp=nlp)))


def _links(a) -> list[tuple[str, str, str, float, str]]:
    """(content, stance, proposition gist, confidence, basis) for every stance."""
    gist = {p.id: p.gist for p in a.propositions}
    return [(s.content_text, x.stance, gist[x.proposition], x.confidence, x.basis)
            for s in a.statements for x in s.stances]


def _link(a, needle: str):
    found = [x for x in _links(a) if needle in x[0]]
    assert found, f"no stance on a statement containing {needle!r}: {_links(a)}"
    return found[0]


# ---------------------------------------------------------------- link confidence on real-style text

def test_own_clause_with_a_relation_is_confident(nlp):
    a = _analyze(nlp, "John Kirby, the White House spokesman, said on Thursday that North Korea had delivered "
                      "infantry rockets and missiles to Russia.\n")
    content, stance, gist, conf, basis = _link(a, "North Korea had delivered")
    assert stance == "asserts" and basis == "relation" and conf >= 0.9
    assert "North Korea" in gist and "Russia" in gist


def test_a_bare_evaluation_does_not_join_the_claim_before_it(nlp):
    a = _analyze(nlp, "Protesters said the police had shot an unarmed man in the back.\n"
                      "\"It's heartbreaking,\" Paul Ryan said on Sunday.\n")
    heart = [x for x in _links(a) if "heartbreaking" in x[0]]
    assert all(conf < MIN_CONFIDENCE and basis == "pronoun" for _, _, _, conf, basis in heart), heart


def test_a_denial_with_its_own_clause_is_not_an_anaphor_of_an_unrelated_claim(nlp):
    a = _analyze(nlp, "Clinton stressed her support of the 2011 raid that killed Osama bin Laden.\n"
                      "Clinton denied that she mishandled classified information.\n")
    for content, stance, gist, conf, basis in _links(a):
        if "mishandled" in content and "bin Laden" in gist:
            assert conf < MIN_CONFIDENCE and basis == "anaphor-weak"


def test_a_rejection_formula_refers_back_confidently(nlp):
    a = _analyze(nlp, "Washington said North Korea sold artillery shells to Russia.\n"
                      "The North Korean foreign ministry said the claim was \"cooked up by some dishonest forces.\"\n")
    cooked = [x for x in _links(a) if "cooked up" in x[0]]
    assert cooked, _links(a)
    content, stance, gist, conf, basis = cooked[0]
    assert stance == "denies" and conf >= MIN_CONFIDENCE and "Russia" in gist


def test_clause_fragments_are_weak(nlp):
    """The claim found is an adjective ("low-paying"), not what the statement says."""
    a = _analyze(nlp, "Ivanka Trump said her father's plan would help women working in low-paying jobs.\n")
    links = _links(a)
    assert links
    for content, stance, gist, conf, basis in links:
        if gist == "low-paying":
            assert conf < MIN_CONFIDENCE and basis == "fragment", links


def test_seed_links_keep_the_dispute(seed_analysis):
    by = {}
    for s in seed_analysis.statements:
        for x in s.stances:
            by.setdefault(x.stance, []).append(x.confidence)
    assert max(by["asserts"]) >= 0.9 and max(by["denies"]) >= 0.9
    assert max(by["no_knowledge"]) >= MIN_CONFIDENCE  # Dujarric: "I have not seen that statement"


def test_confidence_table_is_ordered():
    c = LINK_CONFIDENCE
    assert c["relation"] > c["claim"] > c["gist"] > c["anaphor-fit"] > c["anaphor"] >= MIN_CONFIDENCE
    assert max(c["fragment"], c["pronoun"], c["unresolved"], c["anaphor-weak"], c["anaphor-gist"]) < MIN_CONFIDENCE


def test_stance_confidence_round_trips_through_json(seed_analysis):
    from counterclaim.model import Analysis
    back = Analysis.from_dict(json.loads(json.dumps(seed_analysis.to_dict())), text=seed_analysis.article.text)
    assert [(x.confidence, x.basis) for s in back.statements for x in s.stances] == \
        [(round(x.confidence, 3), x.basis) for s in seed_analysis.statements for x in s.stances]


# ---------------------------------------------------------------- cross-article matching

def _ledger_with(tmp_path, props: list[Proposition]) -> Ledger:
    led = Ledger(tmp_path / "m.db")
    for i, p in enumerate(props):
        text = f"SYNTHETIC TEST FIXTURE {i}\nSomeone said {p.gist}."
        led.add_analysis(synthetic_analysis(text, article_id=f"m{i}", outlet="Fixture", published="2016-10-01",
                                            propositions=[p], statements=[dict(source="Someone", cue="said",
                                            content=p.gist, stances=[(p.id, "asserts")])]))
    return led


@pytest.mark.parametrize("a,b", [
    # the same relation and recipient with no known agent: different (or unknowable) people
    (Proposition("P1", "voters endorsed Hillary Clinton", None, "endorse", "person:hillary-clinton"),
     Proposition("P1", "John Bolton endorsed Hillary Clinton", None, "endorse", "person:hillary-clinton")),
    (Proposition("P1", "he endorsed Hillary Clinton", None, "endorse", "person:hillary-clinton"),
     Proposition("P1", "they endorsed Hillary Clinton", None, "endorse", "person:hillary-clinton")),
    # known, different agents
    (Proposition("P1", "North Korea supplied weapons to Russia", "PRK", "transfer_arms", "RUS"),
     Proposition("P1", "Iran supplied weapons to Russia", "IRN", "transfer_arms", "RUS")),
    # dates that conflict
    (Proposition("P1", "North Korea supplied weapons to Russia", "PRK", "transfer_arms", "RUS", when="2022-11"),
     Proposition("P1", "North Korea supplied weapons to Russia", "PRK", "transfer_arms", "RUS", when="2019")),
    # gists that share a frame or only names
    (Proposition("P1", "I think it's a bribe"), Proposition("P1", "I think it's funny")),
    (Proposition("P1", "I don't think it matters"), Proposition("P1", "I don't think the industry is over")),
    (Proposition("P1", "I met Hillary Clinton"), Proposition("P1", "I can beat Hillary Clinton")),
    (Proposition("P1", "I'm not interested in being vice president"),
     Proposition("P1", "I'm not interested in being politically correct")),
])
def test_different_claims_stay_apart_across_articles(tmp_path, a, b):
    with _ledger_with(tmp_path, [a, b]) as led:
        assert led.stats()["propositions"] == 2


@pytest.mark.parametrize("a,b", [
    (Proposition("P1", "North Korea supplied weapons to Russia", "PRK", "transfer_arms", "RUS"),
     Proposition("P1", "the DPRK offered munitions to Russia", "PRK", "transfer_arms", "RUS", when="2022-11")),
    (Proposition("P1", "Mexico will pay for the wall", "MEX", "fund", None),
     Proposition("P1", "Mexico pays for the border wall", "MEX", "fund", "org:border-wall")),
    (Proposition("P1", "the middle class is getting clobbered"), Proposition("P1", "the middle class is still getting crushed")),
    (Proposition("P1", "he is becoming ISIS's best recruiter"), Proposition("P1", "He is becoming ISIS' best recruiter")),
])
def test_the_same_claim_meets_across_articles(tmp_path, a, b):
    with _ledger_with(tmp_path, [a, b]) as led:
        assert led.stats()["propositions"] == 1


def test_gist_helpers():
    assert not share_predicate(features("I met Hillary Clinton"), features("I can beat Hillary Clinton"))
    assert coverage(features("I don't think it matters"), features("I don't think the industry is over")) < 0.6
    assert "not" in features("He didn't pay").words and "it" not in features("it's true").words


# ---------------------------------------------------------------- disputes count confident links only

TEXT = ("SYNTHETIC TEST FIXTURE C\n"
        "John Kirby said North Korea sold artillery shells to Russia. "
        "Pyongyang denied it. "
        "A commentator said it was heartbreaking.")


def _fixture(denial_conf: float, basis: str = "anaphor"):
    a = synthetic_analysis(TEXT, article_id="fixture-c", outlet="Fixture Wire", published="2023-01-05",
        propositions=[Proposition("P1", "North Korea sold artillery shells to Russia", "PRK", "transfer_arms", "RUS")],
        statements=[
            dict(source="John Kirby", actor=KIRBY, cue="said", content="North Korea sold artillery shells to Russia",
                 stances=[("P1", "asserts")]),
            dict(source="Pyongyang", actor=PRK, cue="denied", content="it", stances=[("P1", "denies")]),
            dict(source="A commentator", cue="said", content="it was heartbreaking", stances=[("P1", "denies")]),
        ])
    a.statements[0].stances[0].confidence, a.statements[0].stances[0].basis = 0.9, "relation"
    a.statements[1].stances[0].confidence, a.statements[1].stances[0].basis = denial_conf, basis
    a.statements[2].stances[0].confidence, a.statements[2].stances[0].basis = 0.25, "pronoun"
    return a


def test_disputes_count_only_confident_links(tmp_path):
    with Ledger(tmp_path / "c.db") as led:
        led.add_analysis(_fixture(0.5))
        ds = led.disputes()
        assert len(ds) == 1
        d = ds[0]
        assert [r["actor"]["name"] for r in d["asserted_by"]] == ["John Kirby"]
        assert [r["actor"]["name"] for r in d["denied_by"]] == ["North Korea"]
        assert [(r["source_text"], r["stance"], r["confidence"], r["basis"]) for r in d["weak"]] == \
            [("A commentator", "denies", 0.25, "pronoun")]
        assert d["n_denying"] == 1
        assert led.stats()["disputes"] == 1
        assert len(led.disputes(min_confidence=0.6)) == 0


def test_a_weak_denial_makes_no_dispute(tmp_path):
    with Ledger(tmp_path / "w.db") as led:
        led.add_analysis(_fixture(0.3, "anaphor-weak"))
        assert led.disputes() == [] and led.stats()["disputes"] == 0
        assert len(led.disputes(min_confidence=0.0)) == 1


def test_match_confidence_caps_the_link(tmp_path):
    """A link is as sure as its weaker part: the analyzer's, or the cross-article match's."""
    with Ledger(tmp_path / "k.db") as led:
        led.add_analysis(_fixture(0.5))
        conn = led.conn
        rows = conn.execute("SELECT stance, confidence, basis FROM stances ORDER BY statement_id").fetchall()
        assert rows == [("asserts", 0.9, "relation"), ("denies", 0.5, "anaphor"), ("denies", 0.25, "pronoun")]
        p = Proposition("P9", "North Korea sold artillery shells to Russia", "PRK", "transfer_arms", "RUS")
        m = match_proposition(conn, p)
        assert m.method == "key" and m.confidence >= 0.75


def test_rematch_keeps_link_confidence(tmp_path):
    with Ledger(tmp_path / "r.db") as led:
        led.add_analysis(_fixture(0.5))
        before = led.conn.execute("SELECT stance, confidence, basis FROM stances ORDER BY statement_id").fetchall()
        led.rematch()
        assert led.conn.execute("SELECT stance, confidence, basis FROM stances ORDER BY statement_id").fetchall() == before


# ---------------------------------------------------------------- the judgements scorer

def test_dispute_judgements_score(tmp_path):
    a = _fixture(0.5)
    with Ledger(tmp_path / "j.db") as led:
        led.add_analysis(a)
        st = {s.id: s for s in a.statements}
        j = {"format": "counterclaim-dispute-judgements/1",
             "claims": {"prk-arms": "North Korea sold arms to Russia"},
             "links": [
                 {"article_id": "fixture-c", "start": st["S1"].start, "end": st["S1"].end, "stance": "asserts",
                  "about": ["prk-arms"]},
                 {"article_id": "fixture-c", "start": st["S2"].start, "end": st["S2"].end, "stance": "denies",
                  "about": ["prk-arms"]},
                 {"article_id": "fixture-c", "start": st["S3"].start, "end": st["S3"].end, "stance": "denies",
                  "about": []}],
             "disputes": []}
        path = tmp_path / "j.json"
        path.write_text(json.dumps(j))
        r = evaluate(led.conn, Judgements.load(path))
        assert (r["disputes"], r["real"], r["dispute_precision"]) == (1, 1, 1.0)
        assert (r["links"], r["right_links"], r["link_precision"]) == (2, 2, 1.0)
        r0 = evaluate(led.conn, Judgements.load(path), min_confidence=0.0)
        assert (r0["links"], r0["right_links"], r0["real"]) == (3, 2, 1)
        j["links"] = j["links"][:1]
        path.write_text(json.dumps(j))
        r1 = evaluate(led.conn, Judgements.load(path))
        assert r1["open"] == 1 and r1["unjudged_links"] == 1 and len(r1["todo"]) == 1


def test_one_source_on_both_sides_is_no_dispute(tmp_path):
    """A quote the analyzer read both ways ("She lied to me" asserted and denied by its one speaker)."""
    text = "SYNTHETIC TEST FIXTURE D\nSean Smith said she lied to him. Sean Smith also said she lied to him again."
    a = synthetic_analysis(text, article_id="fixture-d", outlet="Fixture Wire", published="2023-01-05",
        propositions=[Proposition("P1", "she lied to him")],
        statements=[dict(source="Sean Smith", cue="said", content="she lied to him", stances=[("P1", "asserts")]),
                    dict(source="Sean Smith also", cue="said", content="she lied to him again",
                         stances=[("P1", "denies")])])
    a.statements[1].source.span = a.statements[0].source.span  # the same source words
    with Ledger(tmp_path / "d.db") as led:
        led.add_analysis(a)
        assert led.disputes() == []


def test_disputes_view_agrees_with_the_query(tmp_path):
    with Ledger(tmp_path / "v.db") as led:
        led.add_analysis(_fixture(0.5))
        led.add_analysis(synthetic_analysis(TEXT.replace("FIXTURE C", "FIXTURE E"), article_id="fixture-e",
                                            outlet="Fixture Wire", published="2023-01-06",
                                            propositions=[Proposition("P1", "Russia recruited prisoners")],
                                            statements=[dict(source="John Kirby", actor=KIRBY, cue="said",
                                                             content="North Korea sold artillery shells to Russia",
                                                             stances=[("P1", "asserts")]),
                                                        dict(source="Pyongyang", actor=PRK, cue="denied", content="it",
                                                             stances=[("P1", "denies")])]))
        led.conn.execute("UPDATE stances SET confidence = 0.3 WHERE proposition_id = 2 AND stance = 'denies'")
        view = [r[0] for r in led.conn.execute("SELECT proposition_id FROM disputes ORDER BY 1")]
        assert view == sorted(d["proposition"]["id"] for d in led.disputes()) == [1]
