"""The records, the analyzer's orchestration and the `analyze` command on real and bad input."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from counterclaim.analyze import analyze_articles, check_text, segments
from counterclaim.dates import BadDate, parse_published
from counterclaim.ingest.text import read_text_file
from counterclaim.model import Analysis, Article, Skipped

from conftest import SEED_TXT

CLI = [sys.executable, "-m", "counterclaim.cli"]


def test_parse_published_accepts_iso_and_rejects_impossible_dates():
    assert parse_published("2022-12-23") == "2022-12-23"
    assert parse_published("2022-12-23T08:00:00Z") == "2022-12-23"
    assert parse_published(None) is None and parse_published("") is None
    for bad in ("2022-13-45", "2022-02-30", "yesterday", "23/12/2022"):
        with pytest.raises(BadDate):
            parse_published(bad)


def test_segments_cover_the_text_exactly_and_respect_the_size():
    text = ("A paragraph of news.\n\n" * 5000) + "x" * 300
    segs = segments(text, size=10_000)
    assert "".join(piece for _, piece in segs) == text
    assert all(len(piece) <= 10_000 for _, piece in segs)
    assert all(text[off:off + len(piece)] == piece for off, piece in segs)


def test_check_text_reasons():
    assert check_text("") == "empty text"
    assert check_text("  \n\t") == "empty text"
    assert "too large" in check_text("a" * 11, max_chars=10)
    assert check_text("Normal text.") is None


def test_analysis_json_round_trip(seed_analysis, seed_text):
    d = seed_analysis.to_dict()
    again = Analysis.from_dict(json.loads(json.dumps(d)), text=seed_text)
    assert again.to_dict() == d
    for s in d["statements"]:
        parts = s["content"] if isinstance(s["content"], list) else [s["content"]]
        for p in parts:
            assert seed_text[p["start"]:p["end"]] == p["text"]


def test_analyze_stream_keeps_order_and_reports_skips(nlp, seed_text):
    arts = [Article(text=seed_text, id="a"), Article(text="   ", id="b"), Article(text="Kirby said it was true.", id="c")]
    out = list(analyze_articles(arts, nlp=nlp))
    assert [type(x).__name__ for x in out] == ["Analysis", "Skipped", "Analysis"]
    assert out[0].article.id == "a" and out[2].article.id == "c"
    assert out[1].reason == "empty text"


def test_long_article_offsets_survive_segmentation(nlp):
    para = "The minister said the talks had failed. “We will not sign,” she added.\n\n"
    text = para * 40
    whole = next(analyze_articles([Article(text=text)], nlp=nlp))
    cut = next(analyze_articles([Article(text=text)], nlp=nlp, segment_chars=500))
    for a in (whole, cut):
        for s in a.statements:
            for c in s.content:
                assert text[c.start:c.end] == c.text
    assert len(cut.statements) == len(whole.statements)
    assert [s.id for s in cut.statements] == [f"S{i + 1}" for i in range(len(cut.statements))]


def test_read_text_file_bad_inputs(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    (tmp_path / "latin1.txt").write_bytes("Caf\xe9 au lait".encode("latin-1"))
    (tmp_path / "utf16.txt").write_bytes("The senator said no.".encode("utf-16"))
    assert read_text_file(tmp_path / "empty.txt").reason == "empty file"
    assert "binary" in read_text_file(tmp_path / "bin.txt").reason
    assert "UTF-8" in read_text_file(tmp_path / "latin1.txt").reason
    assert read_text_file(tmp_path / "utf16.txt").text == "The senator said no."
    assert isinstance(read_text_file(tmp_path / "missing.txt"), Skipped)


def test_analyze_command_skips_bad_files_and_analyzes_the_rest(tmp_path: Path):
    (tmp_path / "empty.txt").write_bytes(b"")
    (tmp_path / "bin.txt").write_bytes(bytes(range(256)) * 10)
    (tmp_path / "bad.txt").write_bytes(b"abc \xff\xfe def")
    (tmp_path / "huge.txt").write_bytes(b"Word " * (5 * 1024 * 1024 // 5))
    out = tmp_path / "out"
    r = subprocess.run(CLI + ["analyze", str(tmp_path / "empty.txt"), str(tmp_path / "bin.txt"), str(tmp_path / "bad.txt"),
                              str(tmp_path / "huge.txt"), str(SEED_TXT), "--out", str(out), "--published", "2022-12-23"],
                       capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert "Traceback" not in r.stderr
    lines = [ln for ln in r.stderr.splitlines() if ": skipped: " in ln]
    assert len(lines) == 4, r.stderr
    assert sorted(p.name for p in out.iterdir()) == ["seed-rt-dprk-2022-12-23.json"]
    data = json.loads((out / "seed-rt-dprk-2022-12-23.json").read_text())
    assert data["article"]["published"] == "2022-12-23"


def test_analyze_command_rejects_a_bad_date_in_one_line():
    r = subprocess.run(CLI + ["analyze", str(SEED_TXT), "--published", "2022-13-45"], capture_output=True, text=True)
    assert r.returncode == 2
    assert "Traceback" not in r.stderr and "impossible" in r.stderr


def test_analyze_command_json_is_the_scorer_format():
    r = subprocess.run(CLI + ["analyze", str(SEED_TXT), "--format", "json"], capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    d = json.loads(r.stdout)
    assert set(d) >= {"article", "statements"}
    assert d["article"]["title"] == "North Korea rejects ‘absurd’ claim"


def test_importing_the_package_loads_neither_spacy_nor_the_ledger():
    code = ("import sys, counterclaim; print('spacy' in sys.modules, 'counterclaim.ledger' in sys.modules); "
            "import counterclaim.cli; print('spacy' in sys.modules, 'counterclaim.dev' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.split() == ["False", "False", "False", "False"]  # the command line loads them when a command runs


def test_the_package_names_stay_the_functions_after_their_modules_load():
    import counterclaim
    import counterclaim.analyze  # noqa: F401 - the module of the same name
    from counterclaim import Ledger, analyze
    from counterclaim.ledger import Ledger as LedgerClass

    assert callable(analyze) and analyze.__name__ == "analyze" and counterclaim.analyze is analyze
    assert Ledger is LedgerClass


def test_every_exception_of_the_package_is_a_counterclaim_error():
    from counterclaim.errors import CounterclaimError
    from counterclaim.export.claimreview import InvalidDraft
    from counterclaim.export.jsonld import OfflineLoaderError
    from counterclaim.ledger import LedgerError
    from counterclaim.ledger.judgements import JudgementError
    from counterclaim.ledger.migrations import SchemaError
    from counterclaim.ledger.tables import NotALedger

    for cls, builtin in ((BadDate, ValueError), (InvalidDraft, ValueError), (OfflineLoaderError, ValueError),
                         (NotALedger, ValueError), (JudgementError, ValueError), (LedgerError, RuntimeError),
                         (SchemaError, RuntimeError)):
        assert issubclass(cls, CounterclaimError) and issubclass(cls, builtin)
