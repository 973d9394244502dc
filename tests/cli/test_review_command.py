"""`counterclaim review`: record a verdict, show the history, refuse a bad one."""
from __future__ import annotations

import json

from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.ledger import Ledger


def test_review_command(tmp_path, seed_analysis):
    db = tmp_path / "c.db"
    with Ledger(db) as led:
        led.add_analysis(seed_analysis)
        pid = led.disputes(limit=1)[0]["proposition"]["id"]
    run = CliRunner().invoke
    r = run(app, ["review", str(pid), "--verdict", "false", "--note", "no record", "--reviewer", "Ann", "--db", str(db)])
    assert r.exit_code == 0, r.output
    assert "FALSE by Ann" in r.output
    r = run(app, ["review", str(pid), "--verdict", "true", "--db", str(db), "--json"])
    assert json.loads(r.stdout)["verdict"] == "true"
    r = run(app, ["review", str(pid), "--db", str(db), "--json"])
    assert [x["verdict"] for x in json.loads(r.stdout)] == ["true", "false"]
    r = run(app, ["review", str(pid), "--verdict", "maybe", "--db", str(db)])
    assert r.exit_code == 2 and "verdict must be one of" in r.output
    r = run(app, ["review", "999999", "--verdict", "true", "--db", str(db)])
    assert r.exit_code == 2 and "no proposition" in r.output
