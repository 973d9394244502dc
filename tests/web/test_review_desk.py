"""Verdicts on the web: the claim page's review form (only with allow_review, only posted from the
page itself), the verdict on the board and its filter, and the verdict in the ClaimReview export."""
from __future__ import annotations

import sqlite3

import pytest

from web_kit.web_ledger import build_ledger

BASE = "http://127.0.0.1"


@pytest.fixture(scope="module")
def review_db(tmp_path_factory, seed_analysis):
    src = build_ledger(tmp_path_factory.mktemp("web"), seed_analysis)
    dst = tmp_path_factory.mktemp("review") / "review.db"
    with sqlite3.connect(src) as a, sqlite3.connect(dst) as b:
        a.backup(b)
    return dst


@pytest.fixture(scope="module")
def desk(review_db):
    from fastapi.testclient import TestClient

    from counterclaim.web import create_app
    with TestClient(create_app(review_db, allow_review=True), base_url=BASE) as c:
        yield c


@pytest.fixture(scope="module")
def disputed_id(desk) -> int:
    return desk.get("/api/disputes").json()[0]["proposition"]["id"]


def _post(client, pid, headers=None, **form):
    return client.post(f"/propositions/{pid}/review", data=form, headers=headers or {}, follow_redirects=False)


def test_the_form_shows_only_when_reviews_are_allowed(desk, review_db, disputed_id):
    from fastapi.testclient import TestClient

    from counterclaim.web import create_app
    assert 'action="/propositions/%d/review"' % disputed_id in desk.get(f"/propositions/{disputed_id}").text
    with TestClient(create_app(review_db), base_url=BASE) as ro:
        html = ro.get(f"/propositions/{disputed_id}").text
        assert "/review" not in html
        r = _post(ro, disputed_id, {"origin": BASE}, verdict="false")
        assert r.status_code == 403


def test_a_review_needs_this_servers_origin(desk, disputed_id):
    assert _post(desk, disputed_id, verdict="false").status_code == 403  # neither Origin nor Referer
    assert _post(desk, disputed_id, {"origin": "http://evil.example"}, verdict="false").status_code == 403
    assert _post(desk, disputed_id, {"referer": "http://evil.example/x"}, verdict="false").status_code == 403


def test_a_bad_verdict_is_refused_with_the_reason(desk, disputed_id):
    r = _post(desk, disputed_id, {"origin": BASE}, verdict="pants-on-fire", note="n")
    assert r.status_code == 422 and "verdict must be one of" in r.text
    assert _post(desk, 10**9, {"origin": BASE}, verdict="false").status_code in (404, 422)


def test_verdicts_are_kept_and_the_latest_is_shown_and_filterable(desk, disputed_id):
    r = _post(desk, disputed_id, {"origin": BASE}, verdict="unproven", note="first look", reviewer="A. Checker")
    assert r.status_code == 303 and r.headers["location"].startswith(f"/propositions/{disputed_id}")
    r = _post(desk, disputed_id, {"referer": f"{BASE}/propositions/{disputed_id}"}, verdict="false",
              note="The <b>ministry</b> records show no such transfer.", reviewer="B. Checker")
    assert r.status_code == 303
    html = desk.get(f"/propositions/{disputed_id}").text
    assert 'data-verdict="false"' in html and "B. Checker" in html
    assert "&lt;b&gt;ministry&lt;/b&gt;" in html and "<b>ministry" not in html
    assert "Earlier verdicts (1)" in html and "first look" in html

    board = desk.get("/?verdict=false").text
    assert f'id="p{disputed_id}"' in board and 'data-verdict="false"' in board
    assert 'data-total="1"' in board
    assert 'data-total="0"' in desk.get("/?verdict=true").text
    assert desk.get("/?verdict=bogus").status_code == 400


def test_the_claimreview_export_carries_the_verdict(desk, review_db, disputed_id):
    from counterclaim.export.claimreview import drafts
    from counterclaim.export.jsonld import claimreview_problems

    _post(desk, disputed_id, {"origin": BASE}, verdict="misleading", reviewer="C. Checker", note="half of it")
    docs = drafts(review_db, date_published="2026-01-01")
    d = next(x for x in docs if x["identifier"].endswith(f":{disputed_id}"))
    assert d["reviewRating"] == {"@type": "Rating", "ratingValue": 2, "bestRating": 4, "worstRating": 1,
                                 "alternateName": "Misleading"}
    assert d["author"] == {"@type": "Person", "name": "C. Checker"} and d["reviewBody"] == "half of it"
    assert not claimreview_problems(d)
    others = [x for x in docs if x is not d]
    assert all(x["reviewRating"] is None for x in others)
