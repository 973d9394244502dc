"""Every bad-input class in one ingest run; each gets its outcome, the rest go on, nothing is
lost (every good article is stored whole) and nothing is duplicated (a rerun adds nothing)."""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from pathlib import Path

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app
from hostile_corpus import EXPECTED, make
from ledger_kit import integrity_problems

runner = CliRunner()


@pytest.fixture(scope="module")
def run(tmp_path_factory, nlp):
    d = make(tmp_path_factory.mktemp("hostile") / "in", long_tokens=1_000)
    db = d.parent / "ledger.db"
    res = runner.invoke(app, ["ingest", str(d), "--db", str(db), "--json", "--no-progress"])
    assert res.exit_code == 0, res.output
    return d, db, json.loads(res.stdout)


def _file_of(origin: str) -> str:
    return Path(origin.split("#")[0].rsplit(":", 1)[0] if ".jsonl:" in origin else origin.split("#")[0]).name


def test_each_bad_input_class_has_its_outcome(run):
    d, db, rep = run
    skipped = Counter(_file_of(s["origin"]) for s in rep["skipped"])
    reasons = {}
    for s in rep["skipped"]:
        reasons.setdefault(_file_of(s["origin"]), []).append(s["reason"])
    conn = sqlite3.connect(db)
    stored = Counter(_file_of(o) for (o,) in conn.execute("SELECT origin FROM articles"))
    for name, (n_stored, n_skipped, why) in EXPECTED.items():
        assert stored[name] == n_stored, (name, stored[name], reasons.get(name))
        assert skipped[name] == n_skipped, (name, reasons.get(name))
        if why and n_skipped:
            assert any(why in r for r in reasons[name]), (name, reasons[name])
    notes = [n["message"] for n in rep["notes"]]
    assert any("2022-13-45" in n and "stored without a publication date" in n for n in notes)
    assert rep["read"] == rep["added"] + rep["unchanged"] + len(rep["skipped"])


def test_nothing_lost_nothing_duplicated(run):
    d, db, rep = run
    assert integrity_problems(db) == []
    conn = sqlite3.connect(db)
    n_articles = conn.execute("SELECT count(*) FROM articles").fetchone()[0]
    assert n_articles == rep["added"] == sum(v[0] for v in EXPECTED.values())
    # every stored article's text is exactly what was read, and its statements point into it
    for aid, text in conn.execute("SELECT id, text FROM articles"):
        for start, end, content in conn.execute(
                "SELECT content_start, content_end, content_spans FROM statements WHERE article_id = ?", (aid,)):
            for span in json.loads(content):
                assert text[span["start"]:span["end"]] == span["text"]
    res = runner.invoke(app, ["ingest", str(d), "--db", str(db), "--json", "--no-progress"])
    again = json.loads(res.stdout)
    assert again["added"] == 0 and again["unchanged"] == n_articles
    assert conn.execute("SELECT count(*) FROM articles").fetchone()[0] == n_articles
