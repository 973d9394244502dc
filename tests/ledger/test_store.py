"""The Ledger against a real SQLite file: schema and migrations, storing, idempotence, cross-article
matching, disputes and the JSON shapes every other area codes against."""
from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from counterclaim.ledger import Ledger, LedgerError
from counterclaim.ledger.migrations import LATEST, SCHEMA_V1
from ledger_kit import fixture_pair, gold_analysis

REF_KEYS = {"statement_id", "actor", "source_text", "outlet", "article_id", "article_title", "url", "date", "cue",
            "framing", "kind", "text", "marks"}


@pytest.fixture(scope="module")
def gold(shared_dir):
    return gold_analysis(shared_dir / "gold" / "seed-rt-dprk-2022-12-23.gold.json")


@pytest.fixture
def led(tmp_path):
    with Ledger(tmp_path / "t.db") as led:
        yield led


@pytest.fixture
def full(led, gold):
    led.add_analysis(gold)
    for a in fixture_pair():
        led.add_analysis(a)
    return led


def _names(refs):
    return [(r["actor"] or {}).get("name") or r["source_text"] for r in refs]


def test_new_file_is_wal_and_at_latest_schema(led):
    assert led.schema_version == LATEST >= 2
    conn = sqlite3.connect(led.path)
    assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
    assert conn.execute("SELECT value FROM meta WHERE key='schema_version'").fetchone()[0] == str(LATEST)
    names = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert {"articles", "statements", "stances", "propositions", "statements_fts", "propositions_fts"} <= names


def test_version_1_file_is_migrated_with_its_data(tmp_path):
    p = tmp_path / "v1.db"
    conn = sqlite3.connect(p)
    conn.executescript(SCHEMA_V1.read_text())
    conn.execute("INSERT INTO propositions(key, gist) VALUES ('gist|x', 'Iran sold drones to Russia')")
    conn.execute("INSERT INTO articles(id, content_hash, text) VALUES ('a', 'h', 'Some text.')")
    conn.commit()
    conn.close()
    with Ledger(p) as led:
        assert led.schema_version == LATEST
        assert led.stats()["articles"] == 1
        # the gist index was filled from the existing rows
        assert led.claims("drones")[0]["gist"] == "Iran sold drones to Russia"
    with Ledger(p) as led:  # opening again is a no-op
        assert led.schema_version == LATEST


def test_bad_files_give_clear_errors(tmp_path):
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database at all" * 100)
    with pytest.raises(LedgerError, match="not a Counterclaim ledger"):
        Ledger(junk)
    with pytest.raises(LedgerError, match="no ledger at"):
        Ledger(tmp_path / "missing.db", readonly=True)
    other = tmp_path / "other.db"
    c = sqlite3.connect(other)
    c.execute("CREATE TABLE t(x)")
    c.commit()
    c.close()
    with pytest.raises(LedgerError, match="not a Counterclaim ledger"):
        Ledger(other)


def test_default_path_from_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("COUNTERCLAIM_DB", str(tmp_path / "env.db"))
    with Ledger() as led:
        assert led.path == tmp_path / "env.db"
    monkeypatch.delenv("COUNTERCLAIM_DB")
    monkeypatch.chdir(tmp_path)
    with Ledger() as led:
        assert led.path == Path("counterclaim.db")
    assert (tmp_path / "counterclaim.db").exists()


def test_add_analysis_is_idempotent(led, gold):
    assert led.add_analysis(gold) == "added"
    before = led.stats()
    assert led.add_analysis(gold) == "unchanged"
    assert led.stats() == before
    assert before["statements"] == len(gold.statements)
    conn = sqlite3.connect(led.path)
    assert conn.execute("SELECT count(*) FROM statements_fts").fetchone()[0] == len(gold.statements)


def test_same_id_with_other_text_is_refused(led, gold):
    from dataclasses import replace
    led.add_analysis(gold)
    other = replace(gold, article=replace(gold.article, text=gold.article.text + "\nUpdated."))
    with pytest.raises(LedgerError, match="already stored with a different text"):
        led.add_analysis(other)
    rep = led.add_analyses([other])
    assert rep.added == 0 and len(rep.skipped) == 1
    assert led.stats()["articles"] == 1


def test_seed_top_dispute_has_both_sides(led, gold):
    led.add_analysis(gold)
    ds = led.disputes()
    top = ds[0]
    assert top["proposition"]["gist"] == "North Korea supplied weapons to Russia"
    assert set(top["proposition"]) >= {"id", "gist", "agent", "relation", "recipient", "when"}
    asserting = {r["actor"]["id"] for r in top["asserted_by"] if r["actor"]}
    assert {"USA", "person:john-kirby", "person:linda-thomas-greenfield"} <= asserting
    assert "PRK" in {r["actor"]["id"] for r in top["denied_by"] if r["actor"]}
    assert {r["actor"]["name"] for r in top["no_knowledge"]} == {"Stephane Dujarric"}
    for r in top["asserted_by"] + top["denied_by"] + top["no_knowledge"]:
        assert REF_KEYS <= set(r)
        assert r["outlet"] == "RT" and r["article_id"] == gold.article.id
        assert r["text"] in gold.article.text
    # the statement that continues an earlier speaker (S5 -> S4) is credited to that speaker
    s5 = [r for r in top["denied_by"] if r["kind"] == "direct" and r["source_text"] is not None]
    assert s5 and all(r["actor"] for r in s5)
    json.dumps(ds)  # JSON-ready
    assert ds == sorted(ds, key=lambda d: -d["score"])


def test_cross_article_matching_and_different_claims_stay_apart(full):
    top = full.disputes()[0]
    assert top["proposition"]["gist"] == "North Korea supplied weapons to Russia"
    assert top["outlets"] == ["Fixture Daily", "Fixture Wire", "RT"]
    assert top["n_articles"] == 3
    assert "Russia" in _names(top["denied_by"])
    p = full.proposition(top["proposition"]["id"])
    matched = {m["article_id"]: m for m in p["matched"]}
    assert matched["fixture-a"]["method"] == "key" and 0.75 <= matched["fixture-a"]["confidence"] <= 1.0
    assert [r["date"] for r in p["timeline"]] == sorted(r["date"] for r in p["timeline"])
    # "Iran sold drones" joined "Iran sold missiles and drones"; "Russia recruited prisoners" stands alone
    gists = {x["gist"] for x in full.propositions(limit=100)}
    assert "Russia recruited prisoners for the war" in gists
    iran = full.claims("Iran drones")
    assert iran and iran[0]["n_articles"] == 2
    assert full.stats()["propositions"] == 7  # 6 seed + 1 new claim


def test_filters_on_disputes(full):
    assert [d["proposition"]["gist"] for d in full.disputes(outlet="Fixture Wire")] == \
        ["North Korea supplied weapons to Russia"]
    assert full.disputes(outlet="Nobody") == []
    assert full.disputes(since="2030-01-01") == []
    assert len(full.disputes(actor="Iran")) == 1
    assert len(full.disputes(limit=1)) == 1 and full.disputes(limit=1, offset=1)[0]["proposition"]["agent"] == "IRN"


def test_stats_and_outlets_shapes(full):
    s = full.stats()
    for k in ("articles", "statements", "propositions", "disputes", "actors", "outlets"):
        assert isinstance(s[k], int)
    assert s["articles"] == 3 and s["disputes"] == 2 and s["outlets"] == 3
    outs = {o["outlet"]: o for o in full.outlets()}
    daily = outs["Fixture Daily"]
    assert daily["statements"] == 3 and daily["distancing"] == 1 and daily["scare_quotes"] == 1
    assert daily["share_distancing"] == pytest.approx(1 / 3, abs=1e-3)
    assert daily["by_source_country"]["USA"]["distancing"] == 1
    assert daily["by_source_country"]["unknown"]["statements"] == 1


def test_actor_article_and_search(full, gold):
    a = full.actor("Kirby")
    assert a["actor"]["id"] == "person:john-kirby"
    assert [r["date"] for r in a["statements"]] == sorted(r["date"] for r in a["statements"])
    assert {r["stance"] for r in a["statements"]} == {"asserts"}
    assert full.actor("nobody at all") is None
    art = full.article(gold.article.id)
    assert art["text"] == gold.article.text and len(art["statements"]) == len(gold.statements)
    s1 = art["statements"][0]
    assert set(s1) >= {"id", "local_id", "kind", "source", "actor", "cue", "content", "stances", "said_on", "via", "marks"}
    for st in art["statements"]:
        for c in st["content"]:
            assert art["text"][c["start"]:c["end"]] == c["text"]
    assert full.article("nope") is None
    assert [x["id"] for x in full.articles(limit=10)][0] == "fixture-b"  # newest first
    hits = full.search("absurd")
    assert hits and all("absurd" in h["text"].lower() or "absurd" in (h["source_text"] or "").lower() for h in hits)


@pytest.mark.parametrize("q", ['"', "AND", "OR NOT", "NEAR(", "*", "weapons*", "-", "'; DROP TABLE statements; --",
                               "北朝鮮", "", "   ", "a\x00b", "(((", "col:value", "^start"])
def test_search_and_claims_take_any_string(full, q):
    assert isinstance(full.search(q), list)
    assert isinstance(full.claims(q), list)
    assert full.stats()["statements"] > 0


def test_rematch_gives_the_same_ledger(full):
    before = [(d["proposition"]["gist"], d["n_articles"], len(d["asserted_by"]), len(d["denied_by"]))
              for d in full.disputes()]
    stats = full.stats()
    full.rematch()
    assert full.stats() == stats
    assert [(d["proposition"]["gist"], d["n_articles"], len(d["asserted_by"]), len(d["denied_by"]))
            for d in full.disputes()] == before


def test_readonly_ledger_reads_but_never_writes(full, gold):
    with Ledger(full.path, readonly=True) as ro:
        assert ro.stats() == full.stats()
        with pytest.raises(LedgerError):
            ro.add_analysis(gold)



def test_ingest_refuses_a_readonly_or_closed_ledger_and_does_not_reanalyze_what_is_stored(full, gold):
    from counterclaim.model import Skipped
    from counterclaim.service import ingest

    with Ledger(full.path, readonly=True) as ro:
        with pytest.raises(LedgerError):
            ingest(ro, [gold.article])
    rep = ingest(full, [gold.article, Skipped("y.txt", "empty file")])  # already stored: nothing to analyze
    assert (rep.read, rep.added, rep.unchanged, len(rep.skipped)) == (2, 0, 1, 1)
    closed = Ledger(full.path)
    closed.close()
    with pytest.raises(LedgerError, match="closed"):
        ingest(closed, [])

def test_add_analyses_reports(led, gold):
    from counterclaim.model import Skipped
    rep = led.add_analyses([gold, Skipped("x.txt", "empty file"), gold, *fixture_pair()])
    d = rep.to_dict()
    assert (d["read"], d["added"], d["unchanged"]) == (5, 3, 1)
    assert d["skipped"] == [{"origin": "x.txt", "reason": "empty file"}]
