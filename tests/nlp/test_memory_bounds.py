"""The analyzer's memory bounds: a character budget per batch and spaCy memory zones over a stream.

Both must leave the analyses unchanged (same records) and the records must survive the zone that
produced them. No timing and no RSS assertions here: `counterclaim bench memory` measures those."""
from __future__ import annotations

import dataclasses

import pytest

import importlib

from counterclaim.analyze import analyze_articles, batches
from counterclaim.dev.bench import _made_up_name, stream_text
from counterclaim.model import Analysis, Article

from conftest import SEED_TXT

analyze_mod = importlib.import_module("counterclaim.analyze")  # the module (the package exports a function of that name)


def _units(lengths):
    return [(i, 0, 0, "x" * n) for i, n in enumerate(lengths)]


def test_batches_respect_count_and_character_budget():
    units = _units([4_000, 30_000, 30_000, 50_000, 120_000, 10, 10, 10, 5_000] + [1_000] * 40)
    got = list(batches(units, 16, 100_000))
    assert [u for b in got for u in b] == units  # every segment once, in order
    for b in got:
        assert len(b) <= 16
        assert len(b) == 1 or sum(len(u[3]) for u in b) <= 100_000  # a longer segment goes alone
    assert [len(b) for b in got][:4] == [3, 1, 1, 16]
    assert [len(b) for b in batches(units, 16, 0)] == [16, 16, 16, 1]  # no budget: by count only


def _stream(seed: str) -> list[Article]:
    paras = [p for p in seed.split("\n") if p.strip()]
    arts = [Article(text=seed, id="seed", outlet="RT", published="2022-12-23"),
            Article(text="   ", id="blank"),  # a skip in the middle of the stream keeps its place
            Article(text="\n\n".join(paras * 6), id="long")]  # several segments at segment_chars=4000
    arts += [Article(text=stream_text(paras, k), id=f"p{k}") for k in range(12)]
    return arts


def _spacy_objects(x) -> int:
    """spaCy (or thinc/cymem) objects anywhere in a record: none may outlive the zone that made them."""
    if type(x).__module__.split(".")[0] in ("spacy", "thinc", "cymem", "preshed"):
        return 1
    if dataclasses.is_dataclass(x):
        return sum(_spacy_objects(getattr(x, f.name)) for f in dataclasses.fields(x))
    if isinstance(x, (list, tuple)):
        return sum(_spacy_objects(y) for y in x)
    if isinstance(x, dict):
        return sum(_spacy_objects(y) for y in x.values())
    return 0


def test_budget_and_memory_zones_give_identical_analyses(nlp, monkeypatch):
    seed = SEED_TXT.read_text(encoding="utf-8")
    monkeypatch.setattr(analyze_mod, "WARM_CHARS", 0)  # zones from the first batch on
    before = len(nlp.vocab.strings)
    # a small budget splits batches (the long article's segments, the paragraphs); small zones close often
    zoned = list(analyze_articles(_stream(seed), nlp=nlp, segment_chars=4_000, batch_chars=6_000, zone_chars=9_000))
    assert len(nlp.vocab.strings) == before  # the zones gave back every string the stream added
    name = _made_up_name(11)  # in the last paragraph only
    assert name not in nlp.vocab.strings
    plain = list(analyze_articles(_stream(seed), nlp=nlp, segment_chars=4_000, batch_chars=0, zone_chars=0))
    assert [type(x).__name__ for x in zoned] == ["Analysis", "Skipped", *["Analysis"] * 13]
    assert zoned == plain
    assert zoned[2].n_tokens > 4 * zoned[0].n_tokens and len(zoned[2].statements) > 10
    for res in zoned:
        assert _spacy_objects(res) == 0
    # the records outlive their zone: the made-up name of the last paragraph is plain text in them
    last = zoned[-1]
    assert isinstance(last, Analysis)
    assert any(s.source and name in s.source.span.text for s in last.statements)
    assert all(last.article.text[c.start:c.end] == c.text for s in last.statements for c in s.content)


def test_zones_are_not_nested_and_the_analyzer_still_works_inside_one(nlp, monkeypatch):
    monkeypatch.setattr(analyze_mod, "WARM_CHARS", 0)
    text = "Officials said on Monday that the bridge would reopen. The mayor denied it."
    with nlp.memory_zone():  # a caller's own zone: the analyzer must not open a second one inside it
        inside = next(analyze_articles([Article(text=text, id="a")], nlp=nlp))
    outside = next(analyze_articles([Article(text=text, id="a")], nlp=nlp))
    assert inside == outside and len(outside.statements) >= 1


def test_stream_scenario_samples_a_flat_vocabulary(tiny_texts, monkeypatch):
    from counterclaim.dev.bench import _child

    monkeypatch.setattr(analyze_mod, "WARM_CHARS", 0)
    out = _child("stream", str(tiny_texts), 24, 0, 0,
                 {"stream_unit": "paragraph", "sample_every": 8, "zone_chars": 2_000})
    assert out["articles"] == 24 and out["stream_unit"] == "paragraph"
    assert [s[0] for s in out["rss_samples"]] == [8, 16, 24]
    strings = [s[2] for s in out["rss_samples"]]
    assert len(set(strings)) == 1, strings  # 24 different texts, no lasting new string


def test_stream_texts_differ_and_keep_bringing_new_strings():
    paras = ["In 2016, 45 people were polled.", "The senator said the bill would pass."]
    texts = [stream_text(paras, k) for k in range(100)]
    assert len(set(texts)) == 100
    assert len({_made_up_name(k) for k in range(5000)}) == 5000
    assert texts[4].startswith("In 2020, 49 people") and "dispatch 4 " in texts[4]


@pytest.fixture(scope="module")
def tiny_texts(tmp_path_factory):
    d = tmp_path_factory.mktemp("tiny-stream")
    paras = [p for p in SEED_TXT.read_text(encoding="utf-8").split("\n") if 80 <= len(p.strip()) <= 600]
    (d / "a.txt").write_text("\n\n".join(paras[:6]), encoding="utf-8")
    return d


def test_memory_command_rejects_an_unknown_stream_unit(tmp_path):
    from typer.testing import CliRunner

    from counterclaim.cli import app

    res = CliRunner().invoke(app, ["bench", "memory", "--scenario", "stream", "--stream-unit", "tweets"])
    assert res.exit_code == 1 and "unknown stream unit 'tweets'" in res.output
