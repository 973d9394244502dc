"""The web server under hostile use: a bounded loopback load on /api/statements, SIGTERM, uvicorn's
own 400s, ids past SQLite's range, malformed date filters, and on-the-fly analysis' own limits."""
from __future__ import annotations

import signal
import socket
import threading
import time

import pytest

from web_kit.web_ledger import build_ledger

CSP_START = "default-src 'self'"


@pytest.fixture(scope="module")
def web_db(tmp_path_factory, seed_analysis):
    return build_ledger(tmp_path_factory.mktemp("web"), seed_analysis)


def _client(db, **kw):
    from fastapi.testclient import TestClient

    from counterclaim.web import create_app
    return TestClient(create_app(db, **kw), base_url="http://127.0.0.1")


def test_statements_hold_50_concurrent_clients(web_db):
    """50 clients for 5 s (at most 20,000 requests) paging /api/statements at offsets across the
    ledger and far past its end: no errors, p99 under a second (`counterclaim web-load --kind
    'api statements'` measures the same on any ledger)."""
    from counterclaim.dev.web_bench import run_load

    res = run_load(web_db, clients=50, duration=5.0, max_requests=20_000, timeout=10.0,
                   kinds=["api statements"])
    assert res["kinds"] == ["api statements"]
    assert res["requests"] > 100
    assert res["errors"] == 0, res["error_samples"]
    assert res["p99_ms"] < 1000, res


def test_statements_are_paged_in_sql(web_db):
    with _client(web_db) as c:
        every = c.get("/api/statements", params={"limit": 500}).json()
        assert len(every) > 3
        page = c.get("/api/statements", params={"limit": 2, "offset": 1}).json()
        assert [r["id"] for r in page] == [r["id"] for r in every[1:3]]
        assert c.get("/api/statements", params={"offset": 1_000_000}).json() == []


def test_sigterm_stops_the_server_promptly(web_db):
    from counterclaim.dev.web_bench import start_server
    from counterclaim.web.server import GRACEFUL_SECONDS, free_port

    port = free_port()
    proc = start_server(web_db, port)
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=10) as s:  # an idle keep-alive connection
            s.sendall(b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
            assert s.recv(100).startswith(b"HTTP/1.1 200")
            t0 = time.monotonic()
            proc.send_signal(signal.SIGTERM)
            proc.wait(timeout=GRACEFUL_SECONDS + 5)
            assert time.monotonic() - t0 < GRACEFUL_SECONDS + 1
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()


def test_uvicorns_own_400s_carry_the_security_headers(web_db):
    from counterclaim.web import create_app
    from counterclaim.web.server import running

    with running(create_app(web_db)) as base:
        port = int(base.rsplit(":", 1)[1])
        for req in (b"GET /" + b"a" * 200_000 + b" HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n",
                    b"GET /api/stats HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Big: " + b"b" * 1_000_000 + b"\r\n\r\n"):
            with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
                try:
                    s.sendall(req)
                except OSError:  # the server may close before reading it all; its answer is there
                    pass
                head = b""
                while b"\r\n\r\n" not in head:
                    chunk = s.recv(4096)
                    if not chunk:
                        break
                    head += chunk
            text = head.decode("latin-1").lower()
            assert text.startswith("http/1.1 400"), text[:200]
            assert "content-security-policy: " + CSP_START in text
            assert "x-content-type-options: nosniff" in text


@pytest.mark.parametrize("path", ["/api/propositions/9223372036854775808", "/api/propositions/-9223372036854775809",
                                  "/propositions/9223372036854775808", "/api/propositions/" + "9" * 400])
def test_ids_past_sqlite_range_are_404(web_db, path):
    with _client(web_db) as c:
        assert c.get(path).status_code == 404


def test_malformed_dispute_dates_are_422_naming_the_formats(web_db):
    with _client(web_db) as c:
        for q in ("since=2022-13-45", "until=2022-02-30", "since=2022-00"):
            r = c.get("/api/disputes?" + q)
            assert r.status_code == 422, q
            assert "YYYY, YYYY-MM or YYYY-MM-DD" in r.json()["error"]
        for q in ("since=2016", "since=2016-09", "until=2016-09-30"):
            assert c.get("/api/disputes?" + q).status_code == 200, q
        r = c.get("/?since=2022-13-45")
        assert r.status_code == 400 and "YYYY, YYYY-MM or YYYY-MM-DD" in r.text
        assert c.get("/?since=2016-09").status_code == 200


# ------------------------------------------------------------------ on-the-fly analysis

def test_analysis_is_off_on_a_read_only_server_unless_asked(web_db):
    with _client(web_db) as c:
        r = c.post("/api/analyze", json={"text": "Kirby said so."})
        assert r.status_code == 403 and "--allow-analyze" in r.json()["error"]
        assert "--allow-analyze" in c.get("/analyze").text
        assert c.post("/analyze", data={"text": "Kirby said so."}).status_code == 403


def test_analysis_has_its_own_size_and_wait_limits(web_db, monkeypatch):
    from counterclaim import service

    with _client(web_db, allow_analyze=True) as c:
        r = c.post("/api/analyze", json={"text": "Kirby said so. " * (service.ANALYZE_MAX_CHARS // 15 + 1)})
        assert r.status_code == 413 and "on-the-fly" in r.json()["error"]
        busy = threading.BoundedSemaphore(1)
        busy.acquire()  # every waiting place taken
        monkeypatch.setattr(service, "_waiting", busy)
        r = c.post("/api/analyze", json={"text": "Kirby said so."})
        assert r.status_code == 503 and "busy" in r.json()["error"]
        assert c.post("/analyze", data={"text": "Kirby said so."}).status_code == 503


def test_analysis_answers_503_at_its_time_limit(web_db, monkeypatch):
    from counterclaim import service

    def slow(*a, **kw):
        time.sleep(3)

    monkeypatch.setattr(service, "ANALYZE_SECONDS", 0.3)
    monkeypatch.setattr(service, "analyze_text", slow)
    with _client(web_db, allow_analyze=True) as c:
        t0 = time.monotonic()
        r = c.post("/api/analyze", json={"text": "Kirby said so."})
        assert r.status_code == 503 and "longer than" in r.json()["error"]
        assert time.monotonic() - t0 < 2.5
        t0 = time.monotonic()
        r = c.post("/analyze", data={"text": "Kirby said so."})
        assert r.status_code == 503 and "longer than" in r.text
        assert time.monotonic() - t0 < 2.5


def test_ingest_on_a_full_disk_is_507(tmp_path, monkeypatch, nlp):
    import sqlite3

    from web_kit.web_ledger import load_articles
    from counterclaim.ledger import store

    def full(conn, a, chash=None):
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(store, "write_analysis", full)
    with _client(tmp_path / "new.db", allow_ingest=True) as c:
        r = c.post("/api/ingest", json={"text": load_articles()[2]["text"]})
        assert r.status_code == 507 and "database or disk is full" in r.json()["error"]
        assert c.get("/api/stats").json()["articles"] == 0


def test_a_500_carries_the_security_headers(web_db, monkeypatch):
    from fastapi.testclient import TestClient

    from counterclaim.ledger import queries
    from counterclaim.web import create_app

    def boom(*a, **kw):
        raise RuntimeError("a bug")

    monkeypatch.setattr(queries, "search", boom)
    with TestClient(create_app(web_db), base_url="http://127.0.0.1", raise_server_exceptions=False) as c:
        for path in ("/api/search?q=drone", "/search?q=drone"):
            r = c.get(path)
            assert r.status_code == 500 and "a bug" not in r.text
            assert r.headers["content-security-policy"].startswith(CSP_START)
            assert r.headers["x-content-type-options"] == "nosniff"
