"""One validation for every API parameter: unknown query parameters, dates, ids and limits, and
OpenAPI saying the same limits as docs/web.md."""
from __future__ import annotations

import pytest

from web_kit.web_ledger import build_ledger


@pytest.fixture(scope="module")
def client(tmp_path_factory, seed_analysis):
    from fastapi.testclient import TestClient

    from counterclaim.web import create_app

    db = build_ledger(tmp_path_factory.mktemp("params"), seed_analysis)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


@pytest.mark.parametrize("url,unknown,accepted", [
    ("/api/disputes?limt=5", "'limt'", "limit, offset, outlet, since, until, actor"),
    ("/api/stats?x=1&y=2", "'x', 'y'", "none"),
    ("/api/propositions/1?verbose=1", "'verbose'", "none"),
    ("/api/search?q=war&page=2", "'page'", "q, limit"),
])
def test_unknown_query_parameters_are_named_with_the_accepted_ones(client, url, unknown, accepted):
    r = client.get(url)
    assert r.status_code == 422
    msg = r.json()["error"]
    assert unknown in msg and msg.endswith("accepts " + accepted)


def test_known_parameters_pass(client):
    assert client.get("/api/disputes?limit=5&offset=0&outlet=RT&since=2022&until=2022-12-31&actor=x").status_code == 200
    assert client.get("/api/statements?disputed_only=true&article=a").status_code == 200


def test_a_hostile_parameter_name_is_not_echoed_at_length(client):
    r = client.get("/api/stats?" + "a" * 5000 + "=1")
    assert r.status_code == 422 and len(r.json()["error"]) < 200


@pytest.mark.parametrize("path", ["/api/disputes", "/api/statements"])
@pytest.mark.parametrize("value", ["2022-13-45", "2022-02-30", "22-12", "2022/12/23", "yesterday", "２０２２"])
def test_every_date_parameter_has_the_same_check(client, path, value):
    for name in ("since", "until"):
        r = client.get(path, params={name: value})
        assert r.status_code == 422, (path, name, value)
        assert "YYYY, YYYY-MM or YYYY-MM-DD" in r.json()["error"] and name in r.json()["error"]


def test_the_board_uses_the_same_date_check(client):
    r = client.get("/?since=2022-13")
    assert r.status_code == 400 and "YYYY, YYYY-MM or YYYY-MM-DD" in r.text
    assert client.get("/?since=2022-12&until=").status_code == 200


@pytest.mark.parametrize("url", ["/api/propositions/9223372036854775808", "/api/propositions/-1",
                                 "/api/propositions/99999999"])
def test_ids_out_of_range_are_404(client, url):
    assert client.get(url).status_code == 404


def test_openapi_limits_agree_with_the_docs(client):
    """docs/web.md: limit is 1-500, dates YYYY, YYYY-MM or YYYY-MM-DD."""
    spec = client.get("/openapi.json").json()
    limits = dates = 0
    for path, ops in spec["paths"].items():
        for p in ops.get("get", {}).get("parameters", []):
            schema = p["schema"]
            if p["name"] == "limit":
                limits += 1
                assert (schema["minimum"], schema["maximum"]) == (1, 500), path
            if p["name"] in ("since", "until"):
                dates += 1
                assert "YYYY, YYYY-MM or YYYY-MM-DD" in p["description"], path
    assert limits >= 7 and dates == 4


def test_pages_refuse_unknown_parameters_too(client):
    r = client.get("/actors?ofset=30")
    assert r.status_code == 400 and "&#39;ofset&#39;" in r.text and "offset, sort, format" in r.text
    assert client.get("/actors?offset=30&sort=name").status_code == 200
