"""Whole lists: every list page says which rows it shows of how many, pages through all of them,
sorts by its columns, and offers the CSV / JSON of the view with the page's filters."""
from __future__ import annotations

import csv
import io
import re

import pytest

from web_kit.web_ledger import build_ledger


@pytest.fixture(scope="module")
def client(tmp_path_factory, seed_analysis):
    from fastapi.testclient import TestClient

    from counterclaim.web import create_app
    db = build_ledger(tmp_path_factory.mktemp("web"), seed_analysis)
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def _total(html: str) -> int:
    return int(re.search(r'class="range" data-total="(\d+)"', html).group(1))


@pytest.mark.parametrize("path,stat", [("/propositions", "propositions"), ("/articles", "articles"),
                                       ("/actors", "actors"), ("/", "disputes")])
def test_each_list_says_how_many(client, path, stat):
    n = client.get("/api/stats").json()[stat]
    html = client.get(path).text
    assert _total(html) == n
    assert (f"1–{min(n, 30 if path != '/' else 20)} of {n}" in html) if n else True


def test_pages_reach_every_row(client, monkeypatch):
    from counterclaim.web import pages

    monkeypatch.setattr(pages, "PAGE", 3)
    n = client.get("/api/stats").json()["actors"]
    seen = []
    for offset in range(0, n, 3):
        html = client.get(f"/actors?offset={offset}").text
        seen += re.findall(r'<td><a href="/actors/([^"]+)">', html)
        assert f"{offset + 1}–{min(offset + 3, n)} of {n}" in html
        assert ('rel="next"' in html) == (offset + 3 < n)
    assert len(seen) == len(set(seen)) == n


def test_columns_sort(client):
    rows = list(csv.DictReader(io.StringIO(client.get("/actors?sort=name&format=csv").text)))
    names = [r["name"].casefold() for r in rows]
    assert names == sorted(names)
    rows = list(csv.DictReader(io.StringIO(client.get("/actors?format=csv").text)))
    counts = [int(r["statements"]) for r in rows]
    assert counts == sorted(counts, reverse=True)
    html = client.get("/propositions?sort=denies").text
    assert 'aria-sort="descending"><a class="sort sorted" href="/propositions?sort=denies"' in html
    assert client.get("/propositions?sort=nonsense").status_code == 200  # the default order


def test_data_links_carry_the_filters(client):
    outlet = client.get("/api/outlets").json()[0]["outlet"]
    html = client.get("/articles", params={"outlet": outlet}).text
    link = re.search(r'<a href="(/articles\?[^"]*format=csv)"', html).group(1).replace("&amp;", "&")
    assert "outlet=" in link
    rows = list(csv.DictReader(io.StringIO(client.get(link).text)))
    assert rows and all(r["outlet"] == outlet for r in rows)
    assert len(rows) == _total(html)
    js = client.get("/?format=json").json()
    assert len(js) == client.get("/api/stats").json()["disputes"] and "counts" in js[0]
    assert client.get("/?format=xml").status_code == 400


def test_csv_cells_never_become_formulas(client):
    from counterclaim.web.listing import data_response

    body = data_response([{"a": "=HYPERLINK(1)", "b": "-1"}], "csv", ["a", "b"], "x").body.decode()
    assert "'=HYPERLINK" in body


def test_search_pages(client):
    html = client.get("/search?q=said").text
    n = _total(html)
    assert n >= 1 and f"of {n}" in html
    assert 'href="/search?q=said&amp;format=csv"' in html


def test_no_newer_on_lists_sorted_by_count(client):
    for path in ("/propositions?offset=3", "/actors?offset=3", "/?offset=1"):
        assert "Newer" not in client.get(path).text
