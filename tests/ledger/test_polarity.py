"""Polarity: a proposition is a claim in its positive form, and a statement that words it the other
way round ("Trump may not have paid a dime" vs "Donald Trump paid taxes") denies it, so it stands on
the other side of it in the ledger; and the anaphor, source and matching rules that keep disputes
between the right statements."""
from __future__ import annotations

from counterclaim.analyze import analyze_articles
from counterclaim.ledger import Ledger
from counterclaim.model import Article, Stance


def _analyze(nlp, text: str, id: str = "t", outlet: str | None = None):
    return next(iter(analyze_articles([Article(text=text, id=id, outlet=outlet, published="2016-10-03")], nlp=nlp)))


def _stances(a) -> list[tuple[str, str, str]]:
    """(content, stance, proposition claim) for every stance."""
    claim = {p.id: p.claim for p in a.propositions}
    return [(s.content_text, x.stance, claim[x.proposition]) for s in a.statements for x in s.stances]


def test_side_is_the_stance():
    for label in ("asserts", "denies", "no_knowledge"):
        assert Stance("P1", label).side == label
    assert "negated" not in Stance("P1", "asserts", 0.9, "relation").to_dict()
    # an analysis written with a ``negated`` flag reads as the side it took
    assert Stance.from_dict({"proposition": "P1", "stance": "asserts", "negated": True}).stance == "denies"


def test_asserting_the_negation_of_a_normalized_claim(nlp):
    a = _analyze(nlp, "Clinton said Trump may not have paid a dime in federal income taxes for nearly two decades. "
                      "Trump's campaign said Trump paid federal income taxes.")
    got = _stances(a)
    neg = [x for x in got if "a dime" in x[0]]
    pos = [x for x in got if x[0].startswith("Trump paid")]
    assert neg and pos, got
    assert neg[0][1] == "denies" and pos[0][1] == "asserts"
    assert neg[0][2] == pos[0][2] == "Donald Trump paid taxes"


def test_a_clause_negation_is_taken_out_of_its_claim(nlp):
    a = _analyze(nlp, "Smith said the company did not report its losses to regulators.")
    (content, label, claim), = _stances(a)
    assert claim == "the company did report its losses to regulators" and label == "denies"


def test_negative_implicatives_word_the_event_negatively(nlp):
    a = _analyze(nlp, "Critics said Trump avoided paying federal income taxes. "
                      "Aides said Trump paid federal income taxes.")
    got = {x[0][:20]: x for x in _stances(a)}
    avoided = next(x for c, x in got.items() if "avoided" in c)
    assert avoided[2] == "Donald Trump paid taxes" and avoided[1] == "denies"


def test_a_norm_carries_over_to_its_conjunct(nlp):
    a = _analyze(nlp, "Rosenthal said Trump should follow the precedent and release his tax returns.")
    assert a.statements and not any(s.stances for s in a.statements)


def test_a_demonstrative_is_not_the_speaker(nlp):
    a = _analyze(nlp, "Ivana Trump said that was not her view and dismissed those reports as misinterpreted statements.")
    dismissed = next(s for s in a.statements if s.content_text.startswith("those reports"))
    assert dismissed.source is not None and dismissed.source.entity is not None
    assert dismissed.source.entity.name == "Ivana Trump"


def test_an_anaphor_goes_to_the_claim_its_words_name(nlp):
    a = _analyze(nlp, "The White House said the legislation could result in retaliation by other countries. "
                      "Obama said the bill would allow families to sue Saudi Arabia. "
                      "Lawmakers said the president's claims about retaliation are unfounded.")
    got = _stances(a)
    denial = [x for x in got if "unfounded" in x[0]]
    assert denial and denial[0][1] == "denies", got
    assert "retaliation" in denial[0][2], got


def test_ledger_puts_the_negation_with_the_deniers(nlp, tmp_path):
    arts = [
        Article(text="Hillary Clinton said Donald Trump may not have paid a dime in federal income taxes "
                     "for nearly two decades.", id="a1", outlet="Outlet A", published="2016-10-03"),
        Article(text="Donald Trump's campaign said Donald Trump paid federal income taxes.", id="a2",
                outlet="Outlet B", published="2016-10-04"),
    ]
    with Ledger(tmp_path / "p.db") as led:
        led.add_analyses(analyze_articles(arts, nlp=nlp))
        disputes = led.disputes()
        assert len(disputes) == 1, disputes
        d = disputes[0]
        assert d["proposition"]["gist"] == "Donald Trump paid taxes"
        assert [r["article_id"] for r in d["asserted_by"]] == ["a2"]
        (deny,) = d["denied_by"]
        assert deny["article_id"] == "a1"
        row = led.conn.execute("SELECT stance FROM stances st JOIN statements s ON s.id = st.statement_id "
                                "WHERE s.article_id = 'a1'").fetchall()
        assert row == [("denies",)]


def test_negated_wording_lands_on_the_other_side_of_one_claim(nlp, tmp_path):
    """Two articles, one claim ("Donald Trump paid taxes") by its structured key: "paid no taxes"
    stands on the other side of it."""
    from counterclaim.model import opposite
    assert opposite("asserts") == "denies" and opposite("no_knowledge") == "no_knowledge"
    with Ledger(tmp_path / "f.db") as led:
        led.add_analyses(analyze_articles([
            Article(text="Aides said Donald Trump paid federal income taxes.", id="b1", published="2016-10-03"),
            Article(text="Critics said Donald Trump paid no federal income taxes.", id="b2", published="2016-10-04"),
        ], nlp=nlp))
        rows = dict(led.conn.execute(
            "SELECT s.article_id, st.stance FROM stances st JOIN statements s ON s.id = st.statement_id"))
        props = {r[0] for r in led.conn.execute("SELECT proposition_id FROM stances")}
    assert len(props) == 1 and rows == {"b1": "asserts", "b2": "denies"}


def test_web_dispute_card_puts_the_negation_with_the_deniers(nlp, tmp_path):
    from fastapi.testclient import TestClient
    from counterclaim.web import create_app

    db = tmp_path / "w.db"
    with Ledger(db) as led:
        led.add_analyses(analyze_articles([
            Article(text="Hillary Clinton said Donald Trump may not have paid a dime in federal income taxes.",
                    id="w1", outlet="Outlet A", published="2016-10-03"),
            Article(text="Donald Trump's campaign said Donald Trump paid federal income taxes.", id="w2",
                    outlet="Outlet B", published="2016-10-04"),
        ], nlp=nlp))
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        page = c.get("/")
        assert page.status_code == 200
        assert "Donald Trump paid taxes" in page.text
        api = c.get("/api/disputes").json()
        items = api["items"] if isinstance(api, dict) else api
        assert [r["article_id"] for r in items[0]["denied_by"]] == ["w1"]


def test_a_name_before_supporters_is_not_the_agent(nlp):
    a = _analyze(nlp, "Clinton and national Democrats expressed confidence that Sanders supporters will "
                      "eventually back her. Aides said Sanders will back Clinton.")
    gists = {p.gist: p.agent for p in a.propositions}
    assert "Sanders supporters endorsed Hillary Clinton" in gists, gists
    assert gists["Sanders supporters endorsed Hillary Clinton"] is None
    assert gists.get("Bernie Sanders endorsed Hillary Clinton") == "person:bernie-sanders"
