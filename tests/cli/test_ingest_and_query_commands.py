"""`counterclaim ingest` and the query commands end to end, on a real ledger file with the real
analyzer: a mixed folder of good and hostile inputs, idempotence, exit codes, JSON shapes."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "examples" / "seed-rt-dprk-2022-12-23.txt"
runner = CliRunner()


def run(*args):
    res = runner.invoke(app, [str(a) for a in args])
    return res


@pytest.fixture(scope="module")
def mixed(tmp_path_factory):
    d = tmp_path_factory.mktemp("mixed")
    (d / "seed.txt").write_bytes(SEED.read_bytes())
    (d / "seed.meta.json").write_text(json.dumps({"outlet": "RT", "published": "2022-12-23"}))
    seed = SEED.read_text(encoding="utf-8")
    paras = [p for p in seed.split("\n") if len(p) > 200]
    (d / "page.html").write_text("<html><head><title>Fixture page</title><script>alert(1)</script></head><body>"
                                 f"<article><p>{paras[0]}</p><p>{paras[1]}<b>unclosed</article>", encoding="utf-8")
    (d / "feed.jsonl").write_text("\n".join([
        json.dumps({"id": "feed-1", "text": paras[2], "outlet": "Fixture Feed", "published": "2022-13-45"}),
        "{broken json",
        json.dumps({"text": ["not", "a", "string"]}),
    ]) + "\n", encoding="utf-8")
    (d / "empty.txt").write_text("")
    (d / "korean.txt").write_text("북한 외무성 대변인은 미국의 주장이 터무니없는 거짓말이라고 말했다. " * 10, encoding="utf-8")
    (d / "binary.txt").write_bytes(bytes(range(256)) * 10)
    # nested and unbalanced quotation marks; a 1,000-token sentence (10,000 is in docs/robustness.md)
    (d / "quotes.txt").write_text(
        'The spokesman said: "He told us \'she said "no, \u201cnever\u201d" to them\' and left. '
        'Then the minister said "it was \u201cabsurd and false, officials added. ' * 3, encoding="utf-8")
    (d / "long.txt").write_text("The official said that " + " and ".join(["the claim was false"] * 200) + ".",
                                encoding="utf-8")
    return d


@pytest.fixture(scope="module")
def ingested(mixed, tmp_path_factory, nlp):
    db = tmp_path_factory.mktemp("db") / "ledger.db"
    res = run("ingest", mixed, "--db", db, "--json", "--no-progress")
    return db, res


def test_mixed_folder_ingests_the_good_and_reports_the_bad(ingested):
    db, res = ingested
    assert res.exit_code == 0, res.output
    rep = json.loads(res.stdout)
    reasons = {Path(s["origin"].split(":")[0]).name: s["reason"] for s in rep["skipped"]}
    assert rep["added"] == 5  # seed, page, feed-1, quotes, long
    assert reasons["empty.txt"] == "empty file"
    assert reasons["korean.txt"].startswith("not English (mostly Hangul")
    assert "binary" in reasons["binary.txt"] or "UTF-8" in reasons["binary.txt"]
    feed_skips = [s for s in rep["skipped"] if "feed.jsonl" in s["origin"]]
    assert len(feed_skips) == 2
    assert any("2022-13-45" in n["message"] for n in rep["notes"])
    assert rep["read"] == rep["added"] + rep["unchanged"] + len(rep["skipped"])
    assert rep["ledger"]["articles"] == 5 and rep["ledger"]["statements"] > 0


def test_second_ingest_adds_nothing(ingested, mixed):
    db, first = ingested
    before = json.loads(run("stats", "--db", db, "--json").stdout)
    res = run("ingest", mixed, "--db", db, "--json", "--no-progress")
    assert res.exit_code == 0
    rep = json.loads(res.stdout)
    assert rep["added"] == 0 and rep["unchanged"] == json.loads(first.stdout)["added"]
    assert json.loads(run("stats", "--db", db, "--json").stdout) == before


def test_nothing_ingestable_exits_non_zero_with_a_reason(tmp_path):
    (tmp_path / "empty.txt").write_text("   ")
    res = run("ingest", tmp_path / "empty.txt", tmp_path / "missing.txt", "--db", tmp_path / "x.db", "--no-progress")
    assert res.exit_code == 1
    assert "nothing ingested" in res.stderr and "missing.txt: no such file or folder" in res.stderr


def test_query_commands_json_shapes(ingested):
    db, _ = ingested
    stats = json.loads(run("stats", "--db", db, "--json").stdout)
    assert {"articles", "statements", "propositions", "disputes"} <= set(stats)
    disputes = json.loads(run("disputes", "--db", db, "--json").stdout)
    assert isinstance(disputes, list) and len(disputes) == stats["disputes"]
    for d in disputes:
        assert {"id", "gist", "agent", "relation", "recipient", "when"} <= set(d["proposition"])
        assert d["asserted_by"] and d["denied_by"]
        for r in d["asserted_by"] + d["denied_by"] + d["no_knowledge"]:
            assert {"actor", "outlet", "date", "text"} <= set(r)
    outlets = json.loads(run("outlets", "--db", db, "--json").stdout)
    assert {o["outlet"] for o in outlets} >= {"RT"}
    assert all("share_distancing" in o and "by_source_country" in o for o in outlets)
    assert isinstance(json.loads(run("claims", "--about", "weapons Russia", "--db", db, "--json").stdout), list)
    assert isinstance(json.loads(run("search", "weapons", "--db", db, "--json").stdout), list)
    for cmd in (["stats"], ["disputes"], ["outlets"], ["claims", "--about", "weapons"], ["search", "Korea"]):
        res = run(*cmd, "--db", db)
        assert res.exit_code == 0, (cmd, res.output)


def test_queries_on_a_missing_ledger_say_so(tmp_path):
    res = run("stats", "--db", tmp_path / "none.db")
    assert res.exit_code == 1 and "no ledger at" in res.stderr
    assert not (tmp_path / "none.db").exists()
