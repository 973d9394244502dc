"""Readable article ids: an article with no id of its own is named from its URL or file name
(``counterclaim article seed-rt-dprk-2022-12-23``), suffixed when another article has that name;
copies are still found by the text's hash."""
from __future__ import annotations

from counterclaim.ingest.ids import derived_id, from_origin, from_url, slug, unique


def test_ids_from_urls_and_file_names():
    assert from_url("https://www.rt.com/news/569123-north-korea-rejects-claim/") == "rt-569123-north-korea-rejects-claim"
    assert from_url("https://example.org/a/b/story.html?x=1") == "example-story"
    assert from_origin("corpus/seed-rt-dprk-2022-12-23.txt") == "seed-rt-dprk-2022-12-23"
    assert from_origin("feeds/wire.jsonl:12") == "wire-12"
    assert from_origin("crawl.warc.gz#3") == "crawl"
    assert derived_id("https://rt.com/x/story", "a.txt") == "rt-story"
    assert derived_id(None, "Ünïcode Name.txt") == "unicode-name"
    assert derived_id(None, None) is None
    assert len(slug("word " * 100)) <= 80


def test_unique_suffixes():
    taken = {"a", "a-2"}
    assert unique("b", taken.__contains__) == "b"
    assert unique("a", taken.__contains__) == "a-3"


def test_ingest_names_articles_readably_and_suffixes_collisions(tmp_path, nlp):
    from counterclaim.ledger import Ledger
    from counterclaim.service import ingest_paths

    one, two = tmp_path / "one", tmp_path / "two"
    one.mkdir()
    two.mkdir()
    text_a = "The minister said the plant was closed last year, according to the ministry. " * 3
    text_b = "Officials denied that the plant had been closed, the agency reported on Monday. " * 3
    (one / "Plant Story.txt").write_text(text_a, encoding="utf-8")
    (two / "Plant Story.txt").write_text(text_b, encoding="utf-8")
    db = tmp_path / "l.db"
    with Ledger(db) as led:
        r = ingest_paths(led, [one, two], nlp=nlp)
        assert r.added == 2, r.to_dict()
        assert led.article("plant-story")["text"] == text_a
        assert led.article("plant-story-2")["text"] == text_b
        (tmp_path / "three").mkdir()
        (tmp_path / "three" / "Plant Story.txt").write_text(text_a, encoding="utf-8")  # a copy: found by its text
        r = ingest_paths(led, [tmp_path / "three"], nlp=nlp)
        assert (r.added, r.unchanged) == (0, 1)
