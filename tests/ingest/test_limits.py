"""Limits that keep one hostile input from costing the run: JSON Lines read in bounded memory, gzip
bombs stopped, a ledger that refuses writes (disk full) ends the run cleanly and resumably, Dask
workers killed again and again end in one line, markup nested past lxml's depth is still read."""
from __future__ import annotations

import gzip
import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from typer.testing import CliRunner

from counterclaim.cli import app
from hostile_corpus import long_line_jsonl, paragraphs

ROOT = Path(__file__).resolve().parents[1]
runner = CliRunner()

_PEAK = """
import json, resource, sys
from counterclaim.ingest.jsonl import read_jsonl_file
before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
got = [(type(x).__name__, getattr(x, "reason", None)) for x in read_jsonl_file(sys.argv[1], max_line=int(sys.argv[2]))]
after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
print(json.dumps({"grew_kib": after - before, "got": got}))
"""


def _env() -> dict:
    return dict(os.environ, PYTHONPATH=os.pathsep.join([str(ROOT / "src"), os.environ.get("PYTHONPATH", "")]))


def test_an_over_long_jsonl_line_is_skipped_in_bounded_memory(tmp_path):
    # 64 MiB on one line, a 1 MiB cap: the line is read through in chunks, never held whole.
    # (The full-size case, a 1 GiB line: docs/robustness.md.)
    f = long_line_jsonl(tmp_path / "long.jsonl.gz", 64 << 20, words=True, good=paragraphs()[0])
    res = subprocess.run([sys.executable, "-c", _PEAK, str(f), str(1 << 20)], capture_output=True,
                         env=_env(), timeout=120)
    assert res.returncode == 0, res.stderr.decode()
    out = json.loads(res.stdout)
    assert out["got"][0][0] == "Skipped" and "line too long" in out["got"][0][1]
    assert out["got"][1][0] == "Article", "the record after the long line is read"
    assert out["grew_kib"] < 24 * 1024, out


def test_a_gzip_bomb_is_stopped_and_the_records_before_it_kept(tmp_path, monkeypatch):
    from counterclaim.ingest import files
    from counterclaim.ingest.jsonl import read_jsonl_file

    monkeypatch.setattr(files, "GZIP_RATIO_FLOOR", 1 << 20)
    f = tmp_path / "bomb.jsonl.gz"
    with gzip.open(f, "wb") as gz:
        gz.write((json.dumps({"id": "first", "text": paragraphs()[1]}) + "\n").encode())
        gz.write(b'{"text": "' + b"a" * (16 << 20) + b'"}\n')
    got = list(read_jsonl_file(f))
    assert got[0].id == "first"
    assert len(got) == 2 and "decompression bomb" in got[1].reason, got[1]


def test_a_warc_gz_bomb_is_stopped_before_its_record_is_decompressed(tmp_path, monkeypatch):
    import io

    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    from counterclaim.ingest import files
    from counterclaim.ingest.warc import read_warc_file

    monkeypatch.setattr(files, "GZIP_RATIO_FLOOR", 1 << 20)
    page = f"<html><body><article><p>{paragraphs()[3]}</p></article></body></html>".encode()
    buf = io.BytesIO()
    w = WARCWriter(buf, gzip=True)
    hh = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
    w.write_record(w.create_warc_record("https://fixture.invalid/ok", "response", payload=io.BytesIO(page),
                                        http_headers=hh))
    w.write_record(w.create_warc_record("https://fixture.invalid/zeros", "resource",
                                        payload=io.BytesIO(b"\0" * (32 << 20)), warc_content_type="text/html"))
    f = tmp_path / "bomb.warc.gz"
    f.write_bytes(buf.getvalue())
    got = list(read_warc_file(f))
    assert got[0].url == "https://fixture.invalid/ok"
    assert len(got) == 2 and "decompression bomb" in got[1].reason, got[1]


# ------------------------------------------------------------------ a ledger that refuses writes

def test_disk_full_stops_with_a_report_and_a_rerun_finishes(tmp_path, monkeypatch, nlp):
    from counterclaim.ledger import store
    from ledger_kit import integrity_problems

    d = tmp_path / "in"
    d.mkdir()
    ps = paragraphs()
    for i in range(6):
        (d / f"a{i}.txt").write_text(ps[i] + "\n\n" + ps[(i + 7) % len(ps)], encoding="utf-8")
    db = tmp_path / "ledger.db"
    real, calls = store.write_analysis, {"n": 0}

    def full_after_two(conn, a, chash=None):
        calls["n"] += 1
        if calls["n"] > 2:
            raise sqlite3.OperationalError("database or disk is full")
        return real(conn, a, chash)

    monkeypatch.setattr(store, "write_analysis", full_after_two)
    res = runner.invoke(app, ["ingest", str(d), "--db", str(db), "--json", "--no-progress", "--batch-size", "2"])
    assert res.exit_code == 1
    assert res.exception is None or isinstance(res.exception, SystemExit)
    rep = json.loads(res.stdout)
    assert rep["added"] == 2 and "database or disk is full" in rep["stopped"]
    assert rep["not_stored"] and all(o.endswith(".txt") for o in rep["not_stored"])
    err = res.stderr.strip().splitlines()
    assert len(err) == 1 and "database or disk is full" in err[0] and "run the same command again" in err[0]
    assert integrity_problems(db) == []
    monkeypatch.setattr(store, "write_analysis", real)
    again = runner.invoke(app, ["ingest", str(d), "--db", str(db), "--json", "--no-progress"])
    assert again.exit_code == 0, again.output
    rep2 = json.loads(again.stdout)
    assert rep2["unchanged"] == 2 and rep2["added"] == 4 and "stopped" not in rep2
    assert integrity_problems(db) == []


def test_a_worker_killed_again_and_again_ends_in_one_line(tmp_path, monkeypatch):
    pytest.importorskip("distributed")
    from distributed import KilledWorker

    from counterclaim.scale import dask_engine

    def killed(*a, **kw):
        raise KilledWorker("analyze-part-0", SimpleNamespace(address="tcp://127.0.0.1:40000"), 3)

    monkeypatch.setattr(dask_engine, "ingest_dask", killed)
    f = tmp_path / "a.txt"
    f.write_text(paragraphs()[0], encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(f), "--db", str(tmp_path / "l.db"), "--engine", "dask", "--no-progress"])
    assert res.exit_code == 1
    assert isinstance(res.exception, SystemExit)
    lines = res.stderr.strip().splitlines()
    assert len(lines) == 1 and "KilledWorker" in lines[0] and "out of memory" in lines[0]


# ------------------------------------------------------------------ smaller limits

def test_html_nested_past_lxml_depth_is_read():
    from counterclaim.ingest.html import read_html_bytes
    from counterclaim.model import Article

    body = paragraphs()[2]
    data = ("<html><body>" + "<div>" * 100_000 + f"<p>{body}</p>" + "</div>" * 100_000 + "</body></html>").encode()
    got = read_html_bytes(data, "deep.html")
    assert isinstance(got, Article), got
    assert body[:60] in got.text
    # quoted attribute values holding '>' stay inside their tag
    data = ("<html><body>" + '<div class="a>b">' * 100_000 + f"<p>{body}</p>" + "</div>" * 100_000).encode()
    got = read_html_bytes(data, "deep.html")
    assert isinstance(got, Article) and got.text.strip().startswith(body[:60]), got


def test_flattening_is_linear_on_hostile_markup():
    import time

    from counterclaim.ingest.html import flatten_deep

    for data in (b"<a " * 2_000_000, b"<" * 5_000_000, b"<a x='" * 1_000_000, b"<div " + b'"x' * 3_000_000,
                 b"<div>" * 1_000_000):
        t0 = time.monotonic()
        flatten_deep(data)
        assert time.monotonic() - t0 < 5, data[:20]


def test_ingest_max_chars_is_the_option_the_advice_names(tmp_path):
    f = tmp_path / "long.txt"
    f.write_text(paragraphs()[0] * 3, encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(f), "--db", str(tmp_path / "l.db"), "--json", "--no-progress",
                              "--max-chars", "100"])
    rep = json.loads(res.stdout)
    assert rep["added"] == 0 and "--max-chars" in rep["skipped"][0]["reason"]


def test_folders_nested_deeper_than_the_recursion_limit_are_walked(tmp_path):
    from counterclaim.ingest import read_paths
    from counterclaim.model import Article

    chain = [tmp_path / "deep"]
    for _ in range(sys.getrecursionlimit() + 100):
        chain.append(chain[-1] / "d")
    try:
        for p in chain:
            p.mkdir()
        (chain[-1] / "bottom.txt").write_text(paragraphs()[4], encoding="utf-8")
        got = list(read_paths(tmp_path / "deep"))
        assert len(got) == 1 and isinstance(got[0], Article), got
    finally:  # bottom up: shutil.rmtree (pytest's clean-up) would recurse as deep
        (chain[-1] / "bottom.txt").unlink(missing_ok=True)
        for p in reversed(chain):
            if p.exists():
                p.rmdir()


def test_a_report_lists_the_first_skips_and_notes_and_counts_the_rest(tmp_path, monkeypatch):
    from counterclaim import ledger
    from counterclaim.ingest import base

    monkeypatch.setattr(ledger, "MAX_LISTED", 100)
    monkeypatch.setattr(base, "MAX_NOTES", 50)
    f = tmp_path / "many.jsonl"
    lines = [json.dumps({"title": "no text"})] * 250
    # a wrong-typed field is a note, then the record is skipped as not English: 80 notes, no analysis
    lines += [json.dumps({"text": f"Text {i}", "title": i, "language": "de"}) for i in range(80)]
    f.write_text("\n".join(lines) + "\n", encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(f), "--db", str(tmp_path / "l.db"), "--json", "--no-progress"])
    rep = json.loads(res.stdout)
    assert rep["read"] == 330
    assert len(rep["skipped"]) == 100 and rep["skipped_unlisted"] == 230
    assert len(rep["notes"]) == 50 and rep["notes_unlisted"] == 30


def test_a_ledger_at_its_size_limit_stops_and_resumes(tmp_path, nlp):
    """A real SQLITE_FULL: the connection's max_page_count keeps the file from growing."""
    from counterclaim.ingest import read_paths
    from counterclaim.ledger import Ledger
    from counterclaim.service import ingest
    from ledger_kit import integrity_problems

    d = tmp_path / "in"
    d.mkdir()
    ps = paragraphs()
    for i in range(5):
        (d / f"a{i}.txt").write_text(ps[i] + "\n\n" + ps[(i + 3) % len(ps)], encoding="utf-8")
    db = tmp_path / "l.db"
    with Ledger(db) as led:
        pages = led.conn.execute("PRAGMA page_count").fetchone()[0]
        led.conn.execute(f"PRAGMA max_page_count = {pages + 2}")
        rep = ingest(led, read_paths(d), batch_size=2)
    assert rep.stopped and "database or disk is full" in rep.stopped
    assert rep.added < 5 and rep.not_stored
    assert integrity_problems(db) == []
    with Ledger(db) as led:
        again = ingest(led, read_paths(d))
        assert again.stopped is None and again.added + again.unchanged == 5
        assert again.unchanged == rep.added
    assert integrity_problems(db) == []


def test_a_ledger_that_cannot_be_set_up_is_one_line(tmp_path, monkeypatch):
    from counterclaim.ledger import store

    def full(conn):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "migrate", full)
    f = tmp_path / "a.txt"
    f.write_text(paragraphs()[0], encoding="utf-8")
    res = runner.invoke(app, ["ingest", str(f), "--db", str(tmp_path / "l.db"), "--no-progress"])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)
    assert res.stderr.strip().splitlines() == [
        f"counterclaim: cannot set up the ledger tables in {tmp_path / 'l.db'}: database or disk is full"]


def test_rematch_on_a_full_disk_is_one_line_and_changes_nothing(tmp_path, monkeypatch):
    from counterclaim.ledger import Ledger, store

    db = tmp_path / "l.db"
    Ledger(db).close()

    def full(conn):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "rematch", full)
    res = runner.invoke(app, ["rematch", "--db", str(db)])
    assert res.exit_code == 1 and isinstance(res.exception, SystemExit)
    assert res.stderr.strip() == "counterclaim: rematch not done, the ledger is unchanged: database or disk is full"
