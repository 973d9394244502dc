"""The gold-dispute scorer: a listed dispute confirms a gold dispute when it holds statements overlapping
a gold asserting and a gold denying statement of that claim, on opposite sides."""
from __future__ import annotations

import json

import pytest

from counterclaim.ledger import Ledger
from counterclaim.ledger.gold_disputes import (GoldError, article_stem, evaluate_gold, is_gold, load_gold,
                                              load_gold_articles)
from counterclaim.model import Actor, Proposition
from ledger_kit import synthetic_analysis

TEXT = ("SYNTHETIC TEST FIXTURE G\n"
        "John Kirby said North Korea sold artillery shells to Russia. "
        "Pyongyang denied that North Korea sold artillery shells to Russia.")
KIRBY = Actor("person:john-kirby", "John Kirby", "person", "USA")
PRK = Actor("PRK", "North Korea", "government", "PRK")


def _analysis():
    claim = "North Korea sold artillery shells to Russia"
    return synthetic_analysis(TEXT, article_id="fixture-g", outlet="Fixture Wire", published="2023-01-05",
                              propositions=[Proposition("P1", claim, "PRK", "transfer_arms", "RUS")],
                              statements=[dict(source="John Kirby", actor=KIRBY, cue="said", content=claim,
                                               stances=[("P1", "asserts")]),
                                          dict(source="Pyongyang", actor=PRK, cue="denied",
                                               content="that " + claim, stances=[("P1", "denies")])])


def _gold(tmp_path, a, stances=("asserts", "denies"), extra=()):
    sts = [{"article": "fixture-g", "start": st.start, "end": st.end, "stance": s, "source": "x"}
           for st, s in zip(a.statements, stances)]
    claims = [{"id": "prk-arms", "claim": "North Korea sold arms to Russia", "cross_article": False, "statements": sts},
              *extra]
    p = tmp_path / "gold.json"
    p.write_text(json.dumps({"format": "counterclaim-dispute-gold/1", "split": "test", "claims": claims}))
    return p


def test_a_listed_dispute_confirms_the_gold_one(tmp_path):
    a = _analysis()
    with Ledger(tmp_path / "g.db") as led:
        led.add_analysis(a)
        p = _gold(tmp_path, a, extra=[{"id": "other", "claim": "Something else", "statements": [
            {"article": "elsewhere", "start": 0, "end": 5, "stance": "asserts"},
            {"article": "elsewhere", "start": 9, "end": 20, "stance": "denies"}]}])
        assert is_gold(p)
        r = led.score_disputes(load_gold(p))
        assert (r["gold_disputes"], r["found"], r["recall"]) == (2, 1, 0.5)
        assert (r["listed"], r["confirming"], r["precision"]) == (1, 1, 1.0)
        assert r["per_gold"][0]["found_by"] and not r["per_gold"][1]["found_by"]


def test_the_ledger_may_word_the_claim_the_other_way(tmp_path):
    """Gold asserts/denies against a listed dispute whose proposition is the gold claim's negation."""
    a = _analysis()
    with Ledger(tmp_path / "g.db") as led:
        led.add_analysis(a)
        r = evaluate_gold(led.conn, load_gold(_gold(tmp_path, a, stances=("denies", "asserts"))))
        assert r["found"] == 1 and r["precision"] == 1.0


def test_two_statements_on_one_side_confirm_nothing(tmp_path):
    a = _analysis()
    with Ledger(tmp_path / "g.db") as led:
        led.add_analysis(a)
        r = evaluate_gold(led.conn, load_gold(_gold(tmp_path, a, stances=("asserts", "asserts"))))
        assert r["found"] == 0 and r["precision"] == 0.0


def test_a_dispute_outside_the_gold_articles_is_not_judged(tmp_path):
    """A ledger may hold other articles beside the gold's split: their disputes are outside its precision."""
    a = _analysis()
    with Ledger(tmp_path / "g.db") as led:
        led.add_analysis(a)
        p = _gold(tmp_path, a, stances=("asserts", "asserts"))
        d = json.loads(p.read_text())
        p.write_text(json.dumps({**d, "articles": ["some-other-article"]}))
        assert load_gold_articles(p) == {"some-other-article"}
        r = led.score_disputes(load_gold(p), articles=load_gold_articles(p))
        assert (r["listed"], r["outside"], r["confirming"], r["precision"]) == (1, 1, 0, None)
        r = led.score_disputes(load_gold(p), articles={"fixture-g"})
        assert (r["outside"], r["precision"]) == (0, 0.0)


def test_bad_gold_files(tmp_path):
    p = tmp_path / "x.json"
    p.write_text(json.dumps({"format": "counterclaim-dispute-judgements/1"}))
    assert not is_gold(p)
    with pytest.raises(GoldError):
        load_gold(p)
    p.write_text(json.dumps({"format": "counterclaim-dispute-gold/1", "claims": [{"id": "c"}]}))
    with pytest.raises(GoldError):
        load_gold(p)


def test_article_stem():
    assert article_stem("../shared/polnear/dev/text/politico_2016-09-01_abc.txt", "sha1:1") == "politico_2016-09-01_abc"
    assert article_stem(None, "fixture-g") == "fixture-g"


def test_the_command_reads_both_formats(tmp_path):
    from typer.testing import CliRunner

    from counterclaim.cli import app

    a = _analysis()
    with Ledger(tmp_path / "g.db") as led:
        led.add_analysis(a)
    p = _gold(tmp_path, a)
    out = CliRunner().invoke(app, ["eval", "disputes", str(p), "--db", str(tmp_path / "g.db")])
    assert out.exit_code == 0, out.output
    assert "recall 100.0%" in out.output and "precision 100.0%" in out.output
    out = CliRunner().invoke(app, ["eval", "disputes", str(p), "--db", str(tmp_path / "g.db"), "--json"])
    assert json.loads(out.output)["found"] == 1


def test_a_source_on_both_sides_is_marked_as_contradicting_itself(tmp_path):
    text = TEXT + " Later John Kirby said North Korea never sold artillery shells to Russia."
    claim = "North Korea sold artillery shells to Russia"
    a = synthetic_analysis(text, article_id="fixture-s", outlet="Fixture Wire", published="2023-01-05",
                           propositions=[Proposition("P1", claim, "PRK", "transfer_arms", "RUS")],
                           statements=[dict(source="John Kirby", actor=KIRBY, cue="said", content=claim,
                                            stances=[("P1", "asserts")]),
                                       dict(source="Pyongyang", actor=PRK, cue="denied",
                                            content="that " + claim, stances=[("P1", "denies")]),
                                       dict(source="Later John Kirby", actor=KIRBY, cue="said",
                                            content="North Korea never sold artillery shells to Russia",
                                            stances=[("P1", "denies")])])
    with Ledger(tmp_path / "s.db") as led:
        led.add_analysis(a)
        d = led.disputes()[0]
        assert [x["key"] for x in d["self_contradicting"]] == ["person:john-kirby"]
        assert len(d["self_contradicting"][0]["asserts"]) == 1 and len(d["self_contradicting"][0]["denies"]) == 1
