"""Outlet pages (framing over time, the disputes an outlet reports) and actor pages: a name, an
alias or an id finds the one actor meant, several candidates give a page to choose from, never a
silent pick; a person quoted by surname alone is merged with the one full-name person of that surname."""
from __future__ import annotations

import re

import pytest

from web_kit.web_ledger import build_ledger


@pytest.fixture(scope="module")
def db(tmp_path_factory, seed_analysis):
    return build_ledger(tmp_path_factory.mktemp("web"), seed_analysis)


@pytest.fixture(scope="module")
def client(db):
    from fastapi.testclient import TestClient

    from counterclaim.web import create_app
    with TestClient(create_app(db), base_url="http://127.0.0.1") as c:
        yield c


def test_outlet_page(client):
    html = client.get("/outlets/rt").text  # any case
    assert "<h1>RT</h1>" in html
    assert "December 2022" in html and 'id="chart-time"' in html
    d = client.get("/api/disputes", params={"outlet": "RT"}).json()
    assert d and all(f'id="p{x["proposition"]["id"]}"' in html for x in d)
    assert client.get("/outlets/No Such Outlet").status_code == 404


def test_a_hostile_outlet_name_is_only_text(client):
    name = '</script><img src=x onerror="window.__xss_outlet=1">'
    r = client.get("/outlets/" + name.replace("/", "%2F").replace(" ", "%20").replace('"', "%22"))
    assert r.status_code == 200
    assert "<img src=x" not in r.text and "&lt;img src=x" in r.text


def test_outlets_table_links_each_outlet_page(client):
    assert 'href="/outlets/RT"' in client.get("/outlets").text


def test_actor_lookup_exact_alias_and_choice(client):
    r = client.get("/actors/DPRK", follow_redirects=False)  # a gazetteer alias
    assert r.status_code == 307 and r.headers["location"] == "/actors/PRK"
    r = client.get("/actors/john kirby", follow_redirects=False)  # a name, any case
    assert r.status_code == 307 and r.headers["location"] == "/actors/person:john-kirby"
    html = client.get("/actors/Korea").text  # a part of several names: choose
    assert "Which actor?" in html
    assert len(re.findall(r'<li><a class="actor" href="/actors/', html)) >= 2
    assert client.get("/actors/zzzz-nobody").status_code == 404
    board = client.get("/?actor=Korea").text
    assert "may mean" in board and 'href="/?actor=PRK"' in board


def test_candidates_rank_exact_before_parts(db):
    from counterclaim.ledger import Ledger
    from counterclaim.ledger.actor_lookup import candidates, the_one

    with Ledger(db, readonly=True) as led:
        c = candidates(led.conn, "North Korea")
        assert c[0]["id"] == "PRK" and c[0]["match"] == "name" and the_one(c)["id"] == "PRK"
        assert the_one(candidates(led.conn, "Kor")) is None


def test_surname_merges_with_the_one_full_name(tmp_path):
    import sqlite3

    from counterclaim.ledger import Ledger
    from counterclaim.ledger.actor_lookup import same_person

    with Ledger(tmp_path / "m.db"):
        pass
    conn = sqlite3.connect(tmp_path / "m.db")
    conn.execute("INSERT INTO articles(id, text, content_hash) VALUES ('a', 'x', 'h')")
    for aid, name in (("person:tom-clarke", "Tom Clarke"), ("person:clarke", "Clarke"),
                      ("person:barack-obama", "Barack Obama"), ("person:michelle-obama", "Michelle Obama"),
                      ("person:obama", "Obama")):
        conn.execute("INSERT INTO actors(id, name, type) VALUES (?, ?, 'person')", (aid, name))
        conn.execute("INSERT INTO statements(article_id, local_id, kind, actor_id, content_text, content_start, "
                     "content_end, content_spans) VALUES ('a', ?, 'direct', ?, 'x', 0, 1, '[]')", (aid, aid))
    assert same_person(conn, "person:clarke") == ("person:tom-clarke", ["person:tom-clarke", "person:clarke"])
    assert same_person(conn, "person:tom-clarke")[1] == ["person:tom-clarke", "person:clarke"]
    assert same_person(conn, "person:obama") == ("person:obama", ["person:obama"])  # two Obamas: no merge
    assert same_person(conn, "person:barack-obama") == ("person:barack-obama", ["person:barack-obama"])
