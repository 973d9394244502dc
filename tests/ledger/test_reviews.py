"""Verdicts in the ledger: stored with their history, the latest current, checked, kept over rematch."""
from __future__ import annotations

import pytest

from counterclaim.ledger import Ledger, reviews


@pytest.fixture()
def led(tmp_path, seed_analysis):
    with Ledger(tmp_path / "r.db") as led:
        led.add_analysis(seed_analysis)
        yield led


def test_history_and_current(led):
    pid = led.disputes(limit=1)[0]["proposition"]["id"]
    a = reviews.add(led.conn, pid, "Unproven", note=" looking ", reviewer="  Ann   Lee ", at="2026-01-01T10:00:00Z")
    assert (a["verdict"], a["note"], a["reviewer"], a["label"]) == ("unproven", "looking", "Ann Lee", "Unproven")
    reviews.add(led.conn, pid, "false", at="2026-01-02T10:00:00Z")
    assert [r["verdict"] for r in reviews.history(led.conn, pid)] == ["false", "unproven"]
    assert reviews.current(led.conn)[pid]["verdict"] == "false"
    assert reviews.with_verdict(led.conn, "false") == {pid}
    assert reviews.with_verdict(led.conn, "unproven") == set()


def test_bad_reviews_are_refused(led):
    pid = led.disputes(limit=1)[0]["proposition"]["id"]
    with pytest.raises(reviews.ReviewError, match="verdict must be one of"):
        reviews.add(led.conn, pid, "mostly true")
    with pytest.raises(reviews.ReviewError, match="no proposition"):
        reviews.add(led.conn, 10**9, "true")
    with pytest.raises(reviews.ReviewError, match="too long"):
        reviews.add(led.conn, pid, "true", note="x" * (reviews.MAX_NOTE + 1))


def test_reviews_follow_their_claim_through_rematch(led):
    d = led.disputes(limit=1)[0]["proposition"]
    reviews.add(led.conn, d["id"], "true")
    led.conn.execute("UPDATE reviews SET proposition_id = proposition_id + 100000")  # as if ids had moved
    led.rematch()  # relinks the reviews
    assert reviews.relink(led.conn) == 0
    cur = reviews.current(led.conn)
    pid = next(iter(cur))
    assert led.proposition(pid)["proposition"]["key"] == d["key"]
