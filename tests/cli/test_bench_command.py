"""`counterclaim bench`: runs on a tiny corpus and prints the documented JSON shape (no timing assertions)."""
from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from conftest import POLNEAR, SEED_TXT

ARM_KEYS = {"tokens_per_s", "articles_per_s"}


@pytest.fixture(scope="module")
def tiny_corpus(tmp_path_factory) -> Path:
    """Two real articles: the seed's first paragraphs and a PolNeAR-free second text from the seed's end."""
    d = tmp_path_factory.mktemp("tiny")
    paras = [p for p in SEED_TXT.read_text(encoding="utf-8").split("\n") if p.strip()]
    (d / "a.txt").write_text("\n\n".join(paras[:4]), encoding="utf-8")
    (d / "b.txt").write_text("\n\n".join(paras[-4:]), encoding="utf-8")
    (d / "notes.md").write_text("not a .txt: ignored", encoding="utf-8")
    return d


def test_bench_json_shape(nlp, tiny_corpus):
    from counterclaim.cli import app

    res = CliRunner().invoke(app, ["bench", "--corpus", str(tiny_corpus), "--json", "--rounds", "1", "-q"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert set(out) == {"spacy", "analyze", "ingest", "textacy", "rules", "ratios", "matching", "peak_rss_mb"}
    assert set(out["matching"]["ms_per_claim"]) == {"embedding", "index_lookup", "scoring", "total"}
    assert out["matching"]["claims"] > 0
    for arm in ("spacy", "analyze", "ingest", "textacy", "rules"):
        assert ARM_KEYS <= set(out[arm]), arm
        assert out[arm]["tokens_per_s"] > 0 and out[arm]["articles_per_s"] > 0
        assert out[arm]["n_articles"] == 2
    assert set(out["ratios"]) == {"analyze_vs_spacy", "ingest_vs_spacy", "analyze_vs_textacy", "rules_vs_spacy"}
    assert all(isinstance(v, float) and v > 0 for v in out["ratios"].values())
    assert out["peak_rss_mb"] > 50


def test_bench_text_report_and_bad_corpus(nlp, tiny_corpus, tmp_path):
    from counterclaim.cli import app

    runner = CliRunner()
    res = runner.invoke(app, ["bench", "--corpus", str(tiny_corpus), "--rounds", "1", "-q"])
    assert res.exit_code == 0, res.output
    assert "analyze/spacy (b/a)" in res.stdout and "peak RSS" in res.stdout and "ms/claim" in res.stdout
    res = runner.invoke(app, ["bench", "--corpus", str(tmp_path / "nowhere")])
    assert res.exit_code == 2 and "no corpus" in res.output
    res = runner.invoke(app, ["bench", "--corpus", str(tmp_path), "--rounds", "1"])
    assert res.exit_code == 2 and "no .txt file" in res.output


def test_bench_matching_times_growing_ledgers(nlp, tiny_corpus):
    from counterclaim.cli import app

    res = CliRunner().invoke(app, ["bench", "matching", "--corpus", str(tiny_corpus), "--sizes", "50,200", "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert [r["stored_claims"] for r in out["growth"]["sizes"]] == [50, 200]
    assert all(r["ms_per_article"] > 0 and r["articles"] == 2 for r in out["growth"]["sizes"])
    assert out["cost"]["claims"] > 0
    res = CliRunner().invoke(app, ["bench", "matching", "--corpus", str(tiny_corpus), "--sizes", "x"])
    assert res.exit_code == 2


def test_corpus_reads_polnear_split_with_metadata(shared_dir):
    from counterclaim.dev.bench import corpus_files, load_corpus

    dev = POLNEAR / "dev"
    files = corpus_files(dev)
    assert files and all(p.parent.name == "text" for p in files)
    arts = load_corpus(dev, limit=3)
    assert len(arts) == 3 and all(a.outlet for a in arts) and all(a.published for a in arts)


def test_components_cost_covers_the_whole_pipeline(nlp, tiny_corpus):
    from counterclaim.dev.bench import run_components

    res = run_components(tiny_corpus, rounds=1)
    names = [c["name"] for c in res["components"]]
    assert names == ["make_doc", *nlp.pipe_names]
    assert abs(sum(c["share"] for c in res["components"]) - 1) < 0.01


def test_memory_child_big_article_is_analyzed_in_segments(tiny_corpus):
    # a fresh process, as `counterclaim bench memory` runs it: a 60 kB article cut in 3 segments of 20,000 chars
    proc = subprocess.run([sys.executable, "-m", "counterclaim.dev.bench", "_memory_child", "big", str(tiny_corpus),
                           "0", "0.06", "20000"], capture_output=True, text=True, timeout=600)
    assert proc.returncode == 0, proc.stderr[-2000:]
    out = json.loads(proc.stdout.strip().splitlines()[-1])
    assert out["bytes"] >= 0.06 * 2**20 and out["tokens"] > 8_000 and out["segment_chars"] == 20000
    assert out["peak_rss_mb"] >= out["rss_after_model_mb"] > 0


def test_bench_check_reports_shares_against_the_budget_and_records(nlp, tiny_corpus, tmp_path):
    from counterclaim.cli import app

    base = tmp_path / "baseline.json"
    base.write_text(json.dumps({"budget": {"counterclaim_share": 0.99, "steps": {"cc_propositions": 0.0}},
                                "recorded": {"analyze_vs_spacy": 0.5}}), encoding="utf-8")
    runner = CliRunner()
    res = runner.invoke(app, ["bench", "check", "--corpus", str(tiny_corpus), "--rounds", "1", "--baseline", str(base),
                              "--json"])
    assert res.exit_code == 0, res.output
    out = json.loads(res.stdout)
    assert {"cc_attribution", "cc_propositions", "parser"} <= set(out["shares"])
    assert 0 < out["counterclaim_share"] < 1 and out["analyze_vs_spacy"] > 0
    assert out["verdict"]["over_budget"] == ["cc_propositions"] and not out["verdict"]["total_over_budget"]
    res = runner.invoke(app, ["bench", "check", "--corpus", str(tiny_corpus), "--rounds", "1", "--baseline", str(base),
                              "--record", "--strict"])
    assert res.exit_code == 1, res.output  # over the (zero) budget of one step
    assert "OVER" in res.stdout and "analyze / bare spaCy" in res.stdout
    saved = json.loads(base.read_text(encoding="utf-8"))
    assert saved["budget"]["counterclaim_share"] == 0.99  # the budget is kept
    assert saved["recorded"]["shares"]["cc_propositions"] >= 0 and saved["recorded"]["analyze_vs_spacy"] > 0
