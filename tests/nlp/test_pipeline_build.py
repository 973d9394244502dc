"""The pipeline's build: its components as configured factories that save and load with the model."""
from __future__ import annotations

import dataclasses

import pytest
import spacy

from counterclaim.analyze import analyze_articles
from counterclaim.model import Article
from counterclaim.nlp.pipeline import COMPONENTS, add_components


def _statements(nlp, text: str) -> list[dict]:
    art = Article(text=text, outlet="RT", published="2022-12-23")
    out = next(analyze_articles([art], nlp=nlp))
    return [dataclasses.asdict(s) for s in out.statements]


def test_to_disk_then_load_gives_the_same_statements(nlp, seed_text, tmp_path):
    nlp.to_disk(tmp_path / "pipeline")
    loaded = spacy.load(tmp_path / "pipeline")
    assert loaded.pipe_names == nlp.pipe_names
    for name in COMPONENTS:
        assert name in loaded.pipe_names
    assert (tmp_path / "pipeline" / "cc_attribution" / "reporting_verbs.tsv").is_file()
    assert (tmp_path / "pipeline" / "cc_speakers" / "speaker_words.tsv").is_file()
    first = _statements(nlp, seed_text)
    assert first
    assert _statements(loaded, seed_text) == first


def test_config_names_the_files_a_component_reads(nlp):
    cfg = nlp.config["components"]
    assert cfg["cc_attribution"]["verbs"] is None and "model" in cfg["cc_attribution"]
    assert set(cfg["cc_speakers"]) >= {"words", "given_names"}
    assert "vocab" in cfg["cc_timex"]
    assert set(cfg["cc_quantities"]) >= {"currencies", "multipliers"}


def test_a_missing_step_is_an_error():
    with pytest.raises(ValueError):
        add_components(spacy.blank("en"), ["cc_attribution", "cc_no_such_step"])


def test_a_bad_file_in_the_config_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        spacy.blank("en").add_pipe("cc_attribution", config={"verbs": str(tmp_path / "missing.tsv")})
