"""cc_stance_encoder: the fine-tuned encoder beside the stance rules, and what it may change."""
import numpy as np
import pytest
from claims_kit import parsed

from counterclaim.encoder import model_dir
from counterclaim.model import Stance, primary_stance
from counterclaim.nlp.claims.lexicon import lexicon
from counterclaim.nlp.claims.stance_encoder import (DEFAULT_WEIGHTS, MAX_TOKENS, chosen_label, corrected_stances,
                                                    load_encoder, polar)

needs_model = pytest.mark.skipif(model_dir() is None, reason="the packaged MiniLM weights are not installed")


def stances(*labels):
    return [Stance(f"P{i}", lbl) for i, lbl in enumerate(labels, 1)]


def test_primary_label_of_a_statement():
    assert primary_stance([]) == "none"
    assert primary_stance(stances("asserts", "denies")) == "denies"
    assert primary_stance(stances("denies", "no_knowledge", "asserts")) == "no_knowledge"


def test_a_correction_relabels_the_stances_that_carried_the_primary_label():
    out = corrected_stances(stances("denies", "asserts"), "asserts")
    assert [(s.proposition, s.stance) for s in out] == [("P1", "asserts"), ("P2", "asserts")]
    out = corrected_stances(stances("asserts", "asserts"), "denies")
    assert [s.stance for s in out] == ["denies", "denies"]


def test_none_removes_the_stances_and_no_stance_stays_none():
    assert corrected_stances(stances("asserts"), "none") == []
    assert corrected_stances([], "denies") == []


def test_the_encoder_label_needs_the_threshold_and_a_difference():
    labels = ["asserts", "denies", "no_knowledge", "none"]
    assert chosen_label(np.array([0.05, 0.93, 0.01, 0.01]), labels, "asserts", 0.9) == "denies"
    assert chosen_label(np.array([0.12, 0.86, 0.01, 0.01]), labels, "asserts", 0.9) == "asserts"
    assert chosen_label(np.array([0.97, 0.01, 0.01, 0.01]), labels, "asserts", 0.9) == "asserts"


@pytest.mark.parametrize("text,cue,content,expected", [
    ("Officials said the plant opened in May.", "said", "the plant opened in May", False),
    ("The mayor said the budget would grow next year.", "said", "the budget would grow next year", False),
    ("Officials said the plant never opened.", "said", "the plant never opened", True),
    ("The minister said he did not sign the order.", "said", "he did not sign the order", True),
    ("The company denied the report.", "denied", "the report", True),
    ("She said the story was a hoax.", "said", "the story was a hoax", True),
    ("A spokesman said he had no knowledge of the deal.", "said", "he had no knowledge of the deal", True),
    ("He said nobody was hurt.", "said", "nobody was hurt", True),
])
def test_the_encoder_reads_statements_whose_stance_turns_on_polarity(text, cue, content, expected):
    subject = text.split(" said")[0].split(" denied")[0]
    doc = parsed(text, [(subject, cue, content)])
    (st,) = doc._.statements
    st.stances = stances("asserts")
    assert polar(doc, st, lexicon()) is expected


def test_a_stance_other_than_asserts_is_always_read():
    doc = parsed("Officials said the plant opened in May.", [("Officials", "said", "the plant opened in May")])
    (st,) = doc._.statements
    st.stances = stances("no_knowledge")
    assert polar(doc, st, lexicon())


@needs_model
def test_pairs_are_cut_to_the_window_with_their_segments():
    tok = load_encoder(DEFAULT_WEIGHTS).model.tok
    ids, seg = tok.encode_pair("said", "the plant opened in May", MAX_TOKENS)
    assert ids[0] == tok.cls and ids.count(tok.sep) == 2 and len(ids) == len(seg)
    assert seg == [0, 0, 0] + [1] * (len(ids) - 3)
    ids, seg = tok.encode_pair("said", "word " * 400, MAX_TOKENS)
    assert len(ids) == MAX_TOKENS and ids[-1] == tok.sep and seg[-1] == 1


@needs_model
def test_the_encoder_reads_plain_denials_and_assertions():
    enc = load_encoder(DEFAULT_WEIGHTS)
    probs = enc.probabilities([
        ("said", "North Korea never delivered any rockets to Russia"),
        ("denied", "that the company had laid off workers"),
        ("said", "the factory opened in May and employs 300 people"),
        ("declined to comment", "on the report"),
    ])
    assert probs.shape == (4, 4) and np.allclose(probs.sum(1), 1.0, atol=1e-5)
    got = [enc.labels[int(k)] for k in probs.argmax(1)]
    assert got == ["denies", "denies", "asserts", "no_knowledge"]


@needs_model
def test_the_encoder_gives_each_pair_what_it_gives_alone():
    enc = load_encoder(DEFAULT_WEIGHTS)
    pairs = [("said", "the plant opened in May"), ("denied", "that he took the money from the fund last year"),
             ("", "prices rose")]
    together = enc.probabilities(pairs)
    alone = np.concatenate([enc.probabilities([p]) for p in pairs])
    assert np.allclose(together, alone, atol=1e-5)


@needs_model
def test_the_component_is_in_the_pipeline_and_saved_with_it(tmp_path):
    import spacy

    from counterclaim.nlp.pipeline import get_nlp

    nlp = get_nlp()
    assert nlp.pipe_names.index("cc_stance_encoder") == nlp.pipe_names.index("cc_stance") + 1
    nlp.get_pipe("cc_stance_encoder").to_disk(tmp_path / "enc")
    assert (tmp_path / "enc" / DEFAULT_WEIGHTS.name).read_bytes() == DEFAULT_WEIGHTS.read_bytes()
    assert spacy.blank("en").add_pipe("cc_stance_encoder", config={"enabled": False})(spacy.blank("en")("x")) is not None


@needs_model
def test_an_encoder_of_the_bottom_layers_runs_those_layers_of_the_packaged_model():
    from counterclaim.encoder import MiniLM

    full = MiniLM(model_dir())
    two = MiniLM(model_dir(), layers=2)
    cut = MiniLM(model_dir())
    cut.layers = cut.layers[:2]
    ids = [full.tok.encode("the plant never opened", 32)]
    assert len(two.layers) == 2
    assert np.allclose(two.pooled(ids), cut.pooled(ids)) and not np.allclose(two.pooled(ids), full.pooled(ids))
    for bad in (0, 7):
        with pytest.raises(ValueError):
            MiniLM(model_dir(), layers=bad)


@needs_model
def test_a_weights_file_of_a_smaller_encoder_runs_its_own_layers(tmp_path):
    with np.load(DEFAULT_WEIGHTS) as z:
        stored = {k: z[k] for k in z.files if not k.startswith(("encoder.layer.2.", "encoder.layer.3.", "encoder.layer.4.",
                                                                "encoder.layer.5."))}
    stored["layers"] = np.array(2)
    np.savez(tmp_path / "two.npz", **stored)
    enc = load_encoder(tmp_path / "two.npz")
    assert len(enc.model.layers) == 2 and enc.probabilities([("said", "the plant opened")]).shape == (1, 4)
