"""One truth on every screen: on a ledger of PolNeAR dev plus the seed, the dispute board, each claim
page, /api/disputes and `counterclaim disputes --json` give the same counts for every dispute
(statements and distinct sources asserting, denying, not knowing)."""
from __future__ import annotations

import json
import re

import pytest
from typer.testing import CliRunner

pytestmark = [pytest.mark.slow, pytest.mark.timeout(900)]

_ITEM = re.compile(r'<li class="dispute" id="p(\d+)">')
_PILL = re.compile(r'data-side="(\w+)" data-sources="(\d+)" data-statements="(\d+)"')


def _pills(html: str) -> dict:
    out = {}
    for side, src, n in _PILL.findall(html)[:3]:
        out[side] = {"sources": int(src), "statements": int(n)}
    return out


@pytest.fixture(scope="module")
def dev_ledger(tmp_path_factory, shared_dir, seed_analysis, nlp):
    from counterclaim.ledger import Ledger
    from counterclaim.service import ingest_paths

    db = tmp_path_factory.mktemp("truth") / "dev.db"
    with Ledger(db) as led:
        led.add_analysis(seed_analysis)
        ingest_paths(led, [shared_dir / "polnear" / "dev" / "text"], nlp=nlp)
    return db


def test_every_screen_counts_a_dispute_the_same(dev_ledger):
    from fastapi.testclient import TestClient

    from counterclaim.cli import app as cli
    from counterclaim.web import create_app

    with TestClient(create_app(dev_ledger), base_url="http://127.0.0.1") as c:
        n = c.get("/api/stats").json()["disputes"]
        assert n >= 2
        api = {d["proposition"]["id"]: d for d in c.get(f"/api/disputes?limit={min(n, 500)}").json()}
        assert len(api) == n
        board: dict[int, dict] = {}
        for offset in range(0, n, 20):
            html = c.get(f"/?offset={offset}").text
            assert f'data-total="{n}"' in html
            parts = _ITEM.split(html)[1:]
            for pid, chunk in zip(parts[::2], parts[1::2]):
                board[int(pid)] = _pills(chunk)
        claim = {pid: _pills(c.get(f"/propositions/{pid}").text) for pid in api}
    r = CliRunner().invoke(cli, ["disputes", "--json", "--limit", "100000", "--db", str(dev_ledger)])
    assert r.exit_code == 0, r.output
    cli_counts = {d["proposition"]["id"]: d["counts"] for d in json.loads(r.stdout)}

    assert set(board) == set(api) == set(cli_counts)
    for pid, d in api.items():
        counts = d["counts"]
        assert counts["asserts"] == {"sources": d["n_asserting"], "statements": len(d["asserted_by"])}, pid
        assert counts["denies"] == {"sources": d["n_denying"], "statements": len(d["denied_by"])}, pid
        assert counts["no_knowledge"] == {"sources": d["n_no_knowledge"], "statements": len(d["no_knowledge"])}, pid
        assert board[pid] == counts, (pid, "board")
        assert claim[pid] == counts, (pid, "claim page")
        assert cli_counts[pid] == counts, (pid, "cli")
