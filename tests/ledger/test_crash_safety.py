"""Crash safety and concurrency against real SQLite files and real processes.

* A writer process SIGKILLed many times at random moments mid-ingest, then run again, ends with
  exactly the ledger a clean run makes: same articles, statements, stances, matches; integrity_check
  ok; no duplicate statement; FTS index consistent.
* A reader process queries while another process writes (WAL): no errors, counts only grow.
* The real `counterclaim ingest` command, killed mid-run and run again, ends like a clean ingest.
"""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from counterclaim.ledger import Ledger
from ledger_kit import (WRITER, fixture_pair, gold_analysis, integrity_problems, ledger_fingerprint, variants,
                        write_analyses_jsonl)

ROOT = Path(__file__).resolve().parents[2]
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


@pytest.fixture(scope="module")
def corpus(shared_dir, tmp_path_factory):
    base = [gold_analysis(shared_dir / "gold" / "seed-rt-dprk-2022-12-23.gold.json"), *fixture_pair()]
    analyses = variants(base, 150)
    return write_analyses_jsonl(tmp_path_factory.mktemp("crash") / "analyses.jsonl", analyses), len(analyses)


def _count(db: Path) -> int:
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM articles").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error:
        return -1


def _kill_when(proc: subprocess.Popen, db: Path, target: int, timeout: float = 120) -> int:
    """SIGKILL ``proc`` as soon as the ledger holds ``target`` articles (or when it ends by itself)."""
    t0 = time.monotonic()
    while proc.poll() is None and time.monotonic() - t0 < timeout:
        n = _count(db)
        if n >= target:
            proc.send_signal(signal.SIGKILL)
            proc.wait()
            return n
        time.sleep(0.002)
    proc.wait()
    return _count(db)


def test_sigkill_at_random_moments_then_resume_equals_a_clean_run(tmp_path, corpus):
    src, n = corpus
    clean = tmp_path / "clean.db"
    out = subprocess.run([sys.executable, "-c", WRITER, str(clean), str(src)], env=ENV, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    assert json.loads(out.stdout)["added"] == n

    db = tmp_path / "killed.db"
    Ledger(db).close()
    rng = random.Random(20221223)
    seen = []
    for target in sorted(rng.sample(range(1, n), 6)):
        proc = subprocess.Popen([sys.executable, "-c", WRITER, str(db), str(src)], env=ENV,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        seen.append(_kill_when(proc, db, target))
        assert integrity_problems(db) == [], f"after a kill at {seen[-1]} articles"
    assert any(0 < s < n for s in seen), seen  # the kills did land mid-run
    out = subprocess.run([sys.executable, "-c", WRITER, str(db), str(src)], env=ENV, capture_output=True,
                         text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    rep = json.loads(out.stdout)
    assert rep["added"] + rep["unchanged"] == n and rep["skipped"] == []
    assert integrity_problems(db) == []
    assert ledger_fingerprint(db) == ledger_fingerprint(clean)
    with Ledger(db, readonly=True) as a, Ledger(clean, readonly=True) as b:
        assert a.stats() == b.stats()
        assert [d["proposition"]["gist"] for d in a.disputes()] == [d["proposition"]["gist"] for d in b.disputes()]


READER = r"""
import json, sys, time
from counterclaim.ledger import Ledger
seen, errors = [], []
with Ledger(sys.argv[1], readonly=True) as led:
    t_end = time.monotonic() + float(sys.argv[2])
    while time.monotonic() < t_end:
        try:
            s = led.stats()
            led.disputes(limit=5)
            led.search("weapons")
            led.outlets()
            seen.append(s["articles"])
        except Exception as e:
            errors.append(repr(e))
        if seen and seen[-1] >= int(sys.argv[3]):
            break
print(json.dumps({"seen": seen, "errors": errors}))
"""


def test_readers_query_while_a_writer_ingests(tmp_path, corpus):
    src, n = corpus
    db = tmp_path / "busy.db"
    Ledger(db).close()
    readers = [subprocess.Popen([sys.executable, "-c", READER, str(db), "120", str(n)], env=ENV,
                                stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True) for _ in range(2)]
    time.sleep(1.0)  # readers are up and reading before the writer starts
    writer = subprocess.run([sys.executable, "-c", WRITER, str(db), str(src)], env=ENV, capture_output=True,
                            text=True, timeout=300)
    assert writer.returncode == 0, writer.stderr
    assert json.loads(writer.stdout)["added"] == n
    for r in readers:
        out, err = r.communicate(timeout=180)
        assert r.returncode == 0, err
        res = json.loads(out)
        assert res["errors"] == []
        assert res["seen"] == sorted(res["seen"])  # a reader never sees the ledger shrink
        assert res["seen"][-1] == n
        assert len(set(res["seen"])) > 2, "the reader should have seen the ledger grow"
    assert integrity_problems(db) == []


def _jsonl_corpus(shared_dir: Path, path: Path, k: int) -> Path:
    """k short real articles (PolNeAR dev, used only for measuring) plus the seed, as JSON Lines."""
    meta = {}
    for line in (shared_dir / "polnear" / "metadata.tsv").read_text(encoding="utf-8").splitlines()[1:]:
        f = line.split("\t")
        meta[f[1]] = (f[4], f[5], f[7])
    texts = sorted((shared_dir / "polnear" / "dev" / "text").glob("*.txt"), key=lambda p: p.stat().st_size)[:k]
    with open(path, "w", encoding="utf-8") as fh:
        seed = ROOT / "examples" / "seed-rt-dprk-2022-12-23.txt"
        fh.write(json.dumps({"id": "seed", "text": seed.read_text(encoding="utf-8"), "outlet": "RT",
                             "published": "2022-12-23"}) + "\n")
        for p in texts:
            outlet, date, title = meta.get(p.stem, (None, None, None))
            fh.write(json.dumps({"id": p.stem, "text": p.read_text(encoding="utf-8"), "outlet": outlet,
                                 "published": date, "title": title}) + "\n")
    return path


@pytest.mark.slow
def test_real_ingest_command_killed_and_rerun(tmp_path, shared_dir):
    src = _jsonl_corpus(shared_dir, tmp_path / "corpus.jsonl", 6)
    clean = tmp_path / "clean.db"
    db = tmp_path / "killed.db"
    cmd = [sys.executable, "-m", "counterclaim.cli", "ingest", str(src), "--batch-size", "2", "--no-progress", "--json"]
    out = subprocess.run(cmd + ["--db", str(clean)], env=ENV, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    rep = json.loads(out.stdout)
    assert rep["added"] == 7 and not rep["skipped"]
    cmd += ["--db", str(db)]
    for target in (2, 4):
        proc = subprocess.Popen(cmd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        got = _kill_when(proc, db, target)
        assert got < 7, "the run finished before it could be killed"
        assert integrity_problems(db) == []
    out = subprocess.run(cmd, env=ENV, capture_output=True, text=True, timeout=300)
    assert out.returncode == 0, out.stderr
    rep = json.loads(out.stdout)
    assert rep["unchanged"] >= 4 and rep["added"] + rep["unchanged"] == 7
    assert integrity_problems(db) == []
    assert ledger_fingerprint(db) == ledger_fingerprint(clean)
