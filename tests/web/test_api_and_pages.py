"""The HTTP API and the server-rendered pages over a real ledger (real analyses, real Ledger):
shapes, JSON errors, size limits, security headers, escaping, traversal."""
from __future__ import annotations

import json
import re
import socket
from html.parser import HTMLParser

import pytest

from web_kit.web_ledger import build_ledger, load_articles

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


@pytest.fixture(scope="session")
def web_db(tmp_path_factory, seed_analysis):
    return build_ledger(tmp_path_factory.mktemp("web"), seed_analysis)


@pytest.fixture(scope="session")
def app(web_db):
    from counterclaim.web import create_app
    return create_app(web_db, allow_analyze=True)


@pytest.fixture(scope="session")
def client(app):
    from fastapi.testclient import TestClient
    with TestClient(app, base_url="http://127.0.0.1") as c:
        yield c


@pytest.fixture(scope="session")
def live(app):
    from counterclaim.web.server import running
    with running(app) as base:
        yield base


def _raw_get(base: str, path: str, host: str = "127.0.0.1") -> tuple[int, bytes]:
    """A GET sent byte for byte (no client-side URL normalization)."""
    hostport = base.split("//", 1)[1]
    h, p = hostport.rsplit(":", 1)
    with socket.create_connection((h, int(p)), timeout=10) as s:
        s.sendall(f"GET {path} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n".encode("latin-1"))
        data = b""
        while chunk := s.recv(65536):
            data += chunk
    status = int(data.split(b" ", 2)[1])
    return status, data


def _hostile_ids(client) -> list[str]:
    arts = client.get("/api/articles?limit=500").json()
    titles = {a["title"]: a["id"] for a in arts}
    return [titles[a["title"]] for a in load_articles()]


# ------------------------------------------------------------------ shapes

def test_openapi_lists_the_api(client):
    doc = client.get("/openapi.json").json()
    paths = doc["paths"]
    for p in ("/api/articles", "/api/articles/{article_id}", "/api/statements", "/api/propositions",
              "/api/propositions/{pid}", "/api/disputes", "/api/actors", "/api/actors/{actor_id}", "/api/outlets",
              "/api/search", "/api/analyze", "/api/stats"):
        assert p in paths, p
    assert "post" in paths["/api/analyze"]
    assert not any(p.startswith("/articles") for p in paths), "pages stay out of the API document"


def test_stats_and_lists(client):
    s = client.get("/api/stats").json()
    assert s["articles"] == 1 + len(load_articles())
    assert s["statements"] > 10
    arts = client.get("/api/articles").json()
    assert {"id", "title", "outlet", "published", "n_statements"} <= set(arts[0])
    outs = client.get("/api/outlets").json()
    assert {o["outlet"] for o in outs} >= {"RT"}
    acts = client.get("/api/actors").json()
    assert acts and {"id", "name", "type", "country"} <= set(acts[0])


def test_article_shape_and_offsets(client, seed_text):
    arts = client.get("/api/articles?outlet=RT").json()
    assert len(arts) == 1
    art = client.get(f"/api/articles/{arts[0]['id']}").json()
    assert art["text"] == seed_text
    assert art["statements"]
    for st in art["statements"]:
        for c in st["content"]:
            assert seed_text[c["start"]:c["end"]] == c["text"]
        if st["cue"]:
            assert seed_text[st["cue"]["start"]:st["cue"]["end"]] == st["cue"]["text"]


def test_disputes_and_proposition(client):
    ds = client.get("/api/disputes").json()
    assert ds, "the seed article alone holds a dispute (the US asserts, North Korea denies)"
    d = ds[0]
    assert {"proposition", "score", "asserted_by", "denied_by", "outlets", "n_articles"} <= set(d)
    assert d["asserted_by"] and d["denied_by"]
    p = client.get(f"/api/propositions/{d['proposition']['id']}").json()
    assert {"asserts", "denies", "no_knowledge", "timeline"} <= set(p)
    ref = p["asserts"][0]
    assert {"statement_id", "actor", "outlet", "article_id", "date", "cue", "framing", "text"} <= set(ref)


def test_statements_search_and_filters(client):
    rows = client.get("/api/statements?limit=5").json()
    assert 0 < len(rows) <= 5 and {"id", "article_id", "content_text"} <= set(rows[0])
    rows = client.get("/api/statements?outlet=RT&limit=500").json()
    assert rows and all(r["outlet"] == "RT" for r in rows)
    hits = client.get("/api/search", params={"q": "weapons"}).json()
    assert hits and all("weapons" in (h["text"] + (h["source_text"] or "")).lower() or h["cue"] for h in hits)
    # any user string is safe for the full-text search
    for q in ['"', "AND OR NOT", "*", "a\"b(c", "NEAR(", "col:x", "\u0000x"]:
        r = client.get("/api/search", params={"q": q})
        assert r.status_code == 200, (q, r.text)


def test_analyze_on_the_fly(client):
    a = load_articles()[2]
    r = client.post("/api/analyze", json={"text": a["text"], "outlet": "Wire", "published": "2023-01-05"})
    assert r.status_code == 200, r.text
    out = r.json()
    assert out["article"]["outlet"] == "Wire" and out["article"]["published"] == "2023-01-05"
    assert out["statements"], "statements found in a plainly attributed text"
    for st in out["statements"]:
        c = st["content"] if isinstance(st["content"], list) else [st["content"]]
        for sp in c:
            assert a["text"][sp["start"]:sp["end"]] == sp["text"]
    before = client.get("/api/stats").json()["articles"]
    assert before == 1 + len(load_articles()), "analysis on the fly stores nothing"


# ------------------------------------------------------------------ errors are 4xx JSON

@pytest.mark.parametrize("path,status", [
    ("/api/propositions/999999", 404),
    ("/api/propositions/abc", 422),
    ("/api/articles/no-such-article", 404),
    ("/api/actors/person:nobody-at-all", 404),
    ("/api/disputes?limit=0", 422),
    ("/api/disputes?limit=100000", 422),
    ("/api/disputes?since=yesterday", 422),
    ("/api/articles?offset=-1", 422),
    ("/api/search", 422),
    ("/api/search?q=" + "x" * 600, 422),
    ("/api/nothing-here", 404),
])
def test_get_errors_are_json(client, path, status):
    r = client.get(path)
    assert r.status_code == status
    assert r.headers["content-type"].startswith("application/json")
    body = r.json()
    assert body["status"] == status and isinstance(body["error"], str) and body["error"]


@pytest.mark.parametrize("body,ctype", [
    (b'{"text": "unterminated', "application/json"),
    (b"[1, 2, 3]", "application/json"),
    (b'{"text": 5}', "application/json"),
    (b'{"outlet": "RT"}', "application/json"),
    (b'{"text": ""}', "application/json"),
    (b'{"text": "   \\n  "}', "application/json"),
    (b'{"text": "Kirby said so.", "extra": 1}', "application/json"),
    (b'{"text": "Kirby said so.", "published": "2022-13-45"}', "application/json"),
    (b'{"text": "Kirby said so.", "published": "yesterday"}', "application/json"),
    (b'\xff\xfe\x00garbage', "application/json"),
    (b"text=hello", "application/x-www-form-urlencoded"),
])
def test_analyze_rejects_malformed_input(client, body, ctype):
    r = client.post("/api/analyze", content=body, headers={"content-type": ctype})
    assert 400 <= r.status_code < 500, (body, r.status_code)
    assert r.headers["content-type"].startswith("application/json")
    assert r.json()["error"]


def test_impossible_date_says_why(client):
    r = client.post("/api/analyze", json={"text": "Kirby said so.", "published": "2022-13-45"})
    assert r.status_code == 422 and "impossible" in r.json()["error"]


def test_oversize_body_is_413(client):
    big = json.dumps({"text": "x" * 1_100_000})
    r = client.post("/api/analyze", content=big, headers={"content-type": "application/json"})
    assert r.status_code == 413
    assert r.json()["status"] == 413 and "too large" in r.json()["error"]


def test_oversize_chunked_body_is_413(live):
    import httpx

    def gen():
        for _ in range(40):
            yield b"x" * 50_000

    r = httpx.post(live + "/api/analyze", content=gen(), headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.json()["status"] == 413


def test_ingest_is_off_by_default(client):
    r = client.post("/api/ingest", json={"text": "Kirby said so."})
    assert r.status_code == 403 and "allow-ingest" in r.json()["error"]


def test_cross_site_post_and_foreign_host_are_refused(client):
    r = client.post("/api/analyze", json={"text": "Kirby said so."}, headers={"origin": "https://evil.example"})
    assert r.status_code == 403
    for host in ("evil.example", "127.0.0.1.evil.example", "localhost.evil.example:80", "", "[::1"):
        r = client.get("/api/stats", headers={"host": host})
        assert r.status_code == 400, host
        assert r.json()["error"] == "invalid Host header"
    for host in ("127.0.0.1:8000", "localhost", "[::1]:8000", "LOCALHOST:1"):
        assert client.get("/api/stats", headers={"host": host}).status_code == 200, host


# ------------------------------------------------------------------ headers, traversal

@pytest.mark.parametrize("path", ["/", "/api/stats", "/static/app.css", "/nope", "/api/nope", "/outlets"])
def test_security_headers_everywhere(client, path):
    r = client.get(path)
    assert r.headers["content-security-policy"] == CSP
    assert r.headers["x-content-type-options"] == "nosniff"
    assert r.headers["referrer-policy"] == "same-origin"
    assert r.headers["x-frame-options"] == "DENY"


def test_413_carries_the_headers_too(client):
    r = client.post("/api/analyze", content=b"x" * 1_000_001, headers={"content-type": "application/json"})
    assert r.status_code == 413 and r.headers["content-security-policy"] == CSP


@pytest.mark.parametrize("path", [
    "/static/../../etc/passwd",
    "/static/../../../../../../etc/passwd",
    "/static/%2e%2e/%2e%2e/%2e%2e/etc/passwd",
    "/static/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/static/..%2f..%2f..%2f..%2fetc%2fpasswd",
    "/static/vendor/../../../../etc/passwd",
    "/static//etc/passwd",
    "/static/%2fetc%2fpasswd",
    "/static/..\\..\\..\\etc\\passwd",
    "/articles/../../../etc/passwd",
    "/articles/%2e%2e%2f%2e%2e%2fetc%2fpasswd",
    "/api/articles/..%2f..%2f..%2fetc%2fpasswd",
    "/api/actors/../../etc/passwd",
    "/static/../web/app.py",
    "/static/%2e%2e/app.py",
])
def test_no_path_reaches_the_file_system(live, path):
    status, data = _raw_get(live, path)
    assert status == 404, (path, status)
    assert b"root:" not in data and b"create_app" not in data


def test_static_assets_are_served(client):
    r = client.get("/static/vendor/chart.umd.min.js")
    assert r.status_code == 200 and b"Chart.js v4" in r.content[:200]
    assert client.get("/static/app.css").status_code == 200


# ------------------------------------------------------------------ pages escape untrusted text

PAGES = ["/", "/propositions", "/articles", "/actors", "/outlets", "/search?q=script", "/search?q=drone", "/analyze"]


ALLOWED_TAGS = {"html", "head", "meta", "title", "link", "body", "header", "div", "a", "span", "nav", "form", "input",
                "main", "footer", "h1", "h2", "h3", "p", "section", "ol", "ul", "li", "article", "blockquote", "time",
                "label", "select", "option", "button", "table", "thead", "tbody", "tr", "th", "td", "mark", "dl", "dt",
                "dd", "aside", "code", "figure", "figcaption", "canvas", "script", "textarea", "details",
                "summary"}


class _Tags(HTMLParser):
    """What a browser would build from the page: every element and attribute."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, dict]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, {k: v or "" for k, v in attrs}))

    handle_startendtag = handle_starttag


def _assert_no_live_payload(html: str, where: str) -> None:
    """No element, attribute or URL from the hostile texts became live markup."""
    p = _Tags()
    p.feed(html)
    p.close()
    for tag, attrs in p.tags:
        assert tag in ALLOWED_TAGS, (where, tag, attrs)
        for k, v in attrs.items():
            assert not k.startswith("on"), (where, tag, k, v)
            if k in ("href", "src", "action", "formaction"):
                assert not re.match(r"\s*(javascript|data|vbscript):", v, re.I), (where, tag, k, v)
        if tag == "script":
            assert attrs.get("src", "").startswith("/static/") or attrs.get("type") == "application/json", (where, attrs)
        if tag in ("input", "textarea", "select", "button"):
            assert "autofocus" not in attrs or where.startswith("/search"), (where, tag, attrs)


def test_pages_escape_hostile_text(client):
    ids = _hostile_ids(client)
    urls = PAGES + [f"/articles/{i}" for i in ids]
    urls += [f"/propositions/{d['proposition']['id']}" for d in client.get("/api/disputes?limit=50").json()]
    urls += [f"/actors/{a['id']}" for a in client.get("/api/actors?limit=50").json()]
    for u in urls:
        r = client.get(u)
        assert r.status_code == 200, u
        _assert_no_live_payload(r.text, u)
    art = client.get(f"/articles/{ids[0]}").text
    assert "&lt;script&gt;window.__xss_script=1&lt;/script&gt;" in art
    assert "&quot;&gt;&lt;img src=x onerror=&quot;window.__xss_img=1&quot;&gt;" in art


def test_json_embedded_in_a_page_cannot_close_its_script(client):
    html = client.get("/outlets").text
    block = re.search(r'<script type="application/json" id="chart-data">(.*?)</script>', html, re.S)
    assert block, "the outlet page embeds its chart data"
    data = block.group(1)
    assert "</" not in data and "<" not in data
    labels = json.loads(data)["labels"]
    assert load_articles()[0]["outlet"] in labels


def test_paste_box_escapes_and_stores_nothing(client):
    hostile = load_articles()[0]
    r = client.post("/analyze", data={"text": hostile["text"], "outlet": hostile["outlet"], "title": hostile["title"]},
                    headers={"origin": "http://127.0.0.1"})
    assert r.status_code == 200
    _assert_no_live_payload(r.text, "POST /analyze")
    assert "&lt;script&gt;window.__xss_script=1&lt;/script&gt;" in r.text
    assert 'class="hl hl-content"' in r.text or "hl-content" in r.text
    r = client.post("/analyze", data={"text": "  "})
    assert r.status_code == 422 and "Paste the text" in r.text
    r = client.post("/analyze", data={"text": "Kirby said so.", "published": "2022-13-45"})
    assert r.status_code == 422 and "impossible" in r.text


def test_page_errors(client):
    r = client.get("/propositions/999999")
    assert r.status_code == 404 and "text/html" in r.headers["content-type"]
    assert client.get("/propositions/abc").status_code == 404
    assert client.get("/articles/nope").status_code == 404
    assert client.get("/?since=not-a-date").status_code == 400


def test_ingest_when_allowed(tmp_path):
    from fastapi.testclient import TestClient

    from counterclaim.web import create_app

    art = load_articles()[2]
    app = create_app(tmp_path / "new.db", allow_ingest=True)
    with TestClient(app, base_url="http://127.0.0.1") as c:
        assert c.get("/api/stats").json()["articles"] == 0
        body = {k: art[k] for k in ("text", "title", "outlet", "published", "url")}
        r = c.post("/api/ingest", json=body)
        assert r.status_code == 200, r.text
        assert r.json()["added"] == 1 and r.json()["statements"] > 0
        again = c.post("/api/ingest", json=body).json()
        assert again["added"] == 0 and again["unchanged"] == 1, "the same article is stored once"
        stored = c.get(f"/api/articles/{r.json()['article_id']}").json()
        assert stored["text"] == art["text"] and stored["statements"]
        assert c.get("/api/stats").json()["articles"] == 1
        # the paste box offers to store, and stores once
        page = c.get("/analyze").text
        assert 'name="store"' in page
        r = c.post("/analyze", data={"text": load_articles()[1]["text"], "store": "1"})
        assert r.status_code == 200 and "Stored in the ledger (added)" in r.text
        assert c.get("/api/stats").json()["articles"] == 2
        assert c.post("/api/ingest", json={"text": "x", "published": "2022-13-45"}).status_code == 422


def test_missing_or_bad_ledger_is_refused(tmp_path):
    from counterclaim.ledger import LedgerError
    from counterclaim.web import create_app

    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "absent.db")
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"this is not a database" * 100)
    with pytest.raises(LedgerError):
        create_app(junk)


def test_every_page_kind_renders_for_real_ids(app):
    """The page-time command requests every page kind over ids drawn from the ledger: all 200."""
    from counterclaim.dev.web_bench import page_times

    res = page_times(app, samples=4, repeat=1)
    assert res["stats"]["articles"] == 1 + len(load_articles())
    for kind, k in res["kinds"].items():
        assert k["n_errors"] == 0, (kind, k["errors"])
        assert k["requests"] >= 1, kind


def test_bounded_load_run_has_no_errors(web_db):
    """The load-test command, tiny: a real uvicorn child process, a few clients, bounded count."""
    from counterclaim.dev.web_bench import run_load

    res = run_load(web_db, clients=4, duration=3, max_requests=60, timeout=20)
    assert res["errors"] == 0, res["error_samples"]
    assert 0 < res["requests"] <= 60 + 4
    assert res["p99_ms"] >= res["p50_ms"] > 0


def test_served_pages_follow_a_concurrent_writer(tmp_path, seed_analysis):
    """A live read-only server and a writer on the same ledger (WAL): every read succeeds while the
    writer commits, and the cached ledger-wide figures follow each commit."""
    import threading

    import httpx

    from counterclaim import analyze
    from counterclaim.ledger import Ledger
    from counterclaim.web import create_app
    from counterclaim.web.server import running

    db = tmp_path / "live.db"
    analyses = [analyze(a["text"], outlet=a["outlet"], published=a["published"], title=a["title"], url=a["url"])
                for a in load_articles()]
    with Ledger(db) as led:
        led.add_analysis(seed_analysis)
    app = create_app(db)
    failures: list[str] = []
    seen: list[int] = []
    done = threading.Event()

    with running(app) as base, httpx.Client(base_url=base, timeout=20) as client:
        def reader() -> None:
            while not done.is_set():
                for u in ("/api/stats", "/", "/api/disputes", "/outlets", "/articles"):
                    r = client.get(u)
                    if r.status_code != 200:
                        failures.append(f"{u}: {r.status_code}")
                    elif u == "/api/stats":
                        seen.append(r.json()["articles"])

        t = threading.Thread(target=reader)
        t.start()
        try:
            with Ledger(db) as led:
                for a in analyses:
                    assert led.add_analysis(a) == "added"
                    done.wait(0.3)
        finally:
            done.set()
            t.join(30)
        assert not failures, failures[:5]
        assert seen and seen == sorted(seen), "counts only grow"
        assert client.get("/api/stats").json()["articles"] == 1 + len(analyses)
        listed = {a["title"] for a in client.get("/api/articles?limit=50").json()}
        assert {a["title"] for a in load_articles()} <= listed


def test_dispute_board_shows_how_sure_each_link_is(client):
    d = client.get("/api/disputes").json()[0]
    ref = d["asserted_by"][0]
    assert 0.0 <= ref["confidence"] <= 1.0 and ref["basis"]
    html = client.get("/").text
    assert f'link {ref["confidence"]:.2f}' in html
    assert f'found by: {ref["basis"]}' in html
