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


# ------------------------------------------------------------------ a folder of hostile entries

# Runs `counterclaim ingest` with os.scandir refusing one folder, as a folder the user may not
# read (chmod 000 alone does not stop root).
_UNREADABLE_RUNNER = """
import os, sys
real, locked = os.scandir, os.path.normpath(os.environ["CC_UNREADABLE"])
def scandir(path="."):
    if os.path.normpath(os.fspath(path)) == locked:
        raise PermissionError(13, "Permission denied", os.fspath(path))
    return real(path)
os.scandir = scandir
from counterclaim.cli import main
sys.argv = ["counterclaim"] + sys.argv[1:]
main()
"""


def test_a_folder_of_hostile_entries_is_ingested_whole(tmp_path, nlp):
    import os
    import subprocess
    import sys
    import time

    from hostile_corpus import BAD_ENTRIES, make_folder

    d, good = make_folder(tmp_path / "in")
    os.chmod(d / "locked", 0)
    db = tmp_path / "ledger.db"
    env = dict(os.environ, CC_UNREADABLE=str(d / "locked"),
               PYTHONPATH=os.pathsep.join([str(Path(__file__).resolve().parents[1] / "src"),
                                           os.environ.get("PYTHONPATH", "")]))
    t0 = time.monotonic()
    try:
        res = subprocess.run([sys.executable, "-c", _UNREADABLE_RUNNER, "ingest", str(d), "--db", str(db),
                              "--json", "--no-progress"], capture_output=True, env=env, timeout=60)
    finally:
        os.chmod(d / "locked", 0o755)
    assert time.monotonic() - t0 < 60
    assert res.returncode == 0, res.stderr.decode(errors="replace")
    assert b"Traceback" not in res.stderr, res.stderr.decode(errors="replace")
    rep = json.loads(res.stdout.decode("utf-8"))  # strict UTF-8: no raw name bytes in the report
    reasons = {Path(s["origin"]).name: s["reason"] for s in rep["skipped"]}
    for name, why in BAD_ENTRIES.items():
        assert why in reasons.get(name, ""), (name, reasons)
    assert len(rep["skipped"]) == len(BAD_ENTRIES)
    conn = sqlite3.connect(db)
    stored = dict(conn.execute("SELECT text, origin FROM articles"))
    assert rep["added"] == len(good) == len(stored)
    assert all(t in stored for t in good)
    assert any(o.endswith("bad_\\xff_name.txt") for o in stored.values()), stored.values()
