"""Metadata on the command line for files without sidecars (``--outlet --published --url
--title``), and `analyze` reading every format `ingest` reads."""
from __future__ import annotations

import json

import pytest
import typer
from typer.testing import CliRunner

from counterclaim.cli import app
from counterclaim.cli.metadata import metadata_options
from counterclaim.model import Article

TEXT = "The minister said the plant was closed last year, according to the ministry. Officials denied it."


def test_options_fill_what_an_article_lacks(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT)
    m = metadata_options([f], "Wire", "2024-02-03", "https://example.org/a", "A title")
    own = Article(text=TEXT, outlet="Own Outlet", title="guessed")
    [got] = list(m.apply([own]))
    assert (got.outlet, got.published, got.url, got.title) == ("Own Outlet", "2024-02-03", "https://example.org/a",
                                                                "A title")


def test_bad_options_are_refused(tmp_path):
    f = tmp_path / "a.txt"
    f.write_text(TEXT)
    with pytest.raises(typer.BadParameter):
        metadata_options([f], None, "2024-13-45", None, None)
    with pytest.raises(typer.BadParameter):
        metadata_options([f, f], None, None, "https://example.org/a", None)
    with pytest.raises(typer.BadParameter):
        metadata_options([tmp_path], None, None, None, "A title")
    with pytest.raises(typer.BadParameter):
        metadata_options([f], None, None, "javascript:alert(1)", None)
    m = metadata_options([f], None, None, None, "T")
    with pytest.raises(typer.BadParameter):
        list(m.apply([Article(text=TEXT), Article(text=TEXT + " More.")]))


def test_analyze_reads_html_and_jsonl(tmp_path):
    (tmp_path / "page.html").write_text(f"<html><head><title>Page</title></head><body><p>{TEXT}</p></body></html>")
    (tmp_path / "feed.jsonl").write_text(json.dumps({"text": TEXT, "outlet": "Feed"}) + "\n" +
                                         json.dumps({"text": TEXT + " The mayor said taxes would rise."}) + "\n")
    out = tmp_path / "out"
    r = CliRunner().invoke(app, ["analyze", str(tmp_path / "page.html"), str(tmp_path / "feed.jsonl"),
                                 "--out", str(out), "--published", "2024-01-02"])
    assert r.exit_code == 0, r.output
    names = sorted(p.name for p in out.iterdir())
    assert len(names) == 3 and "page.json" in names and "feed.json" in names
    page = json.loads((out / "page.json").read_text())
    assert page["article"]["title"] == "Page" and page["article"]["published"] == "2024-01-02"
    assert page["article"]["id"] == "page"
    r = CliRunner().invoke(app, ["analyze", str(tmp_path / "feed.jsonl"), "--format", "json"])
    assert isinstance(json.loads(r.stdout), list)
    r = CliRunner().invoke(app, ["analyze", str(tmp_path / "page.html"), "--format", "json", "--title", "Mine",
                                 "--url", "https://example.org/p"])
    got = json.loads(r.stdout)["article"]
    assert (got["title"], got["url"], got["id"]) == ("Mine", "https://example.org/p", "example-p")
