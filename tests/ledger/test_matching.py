"""Matching claims by meaning: the MiniLM embedding run in numpy, the claim index, the decision rules."""
from __future__ import annotations

import numpy as np
import pytest

from counterclaim.ledger import Ledger, claim_index, embedding, matching
from counterclaim.encoder import WordPiece, basic_tokens
from counterclaim.model import Proposition
from ledger_kit import synthetic_analysis

needs_model = pytest.mark.skipif(not embedding.available(), reason="the claim-matching model package is not installed")


def test_basic_tokenizer_splits_like_bert():
    assert basic_tokens("Trump's café, ÉTÉ!") == ["trump", "'", "s", "cafe", ",", "ete", "!"]


@needs_model
def test_wordpiece_and_the_published_similarity():
    tok = embedding.encoder().tok
    assert isinstance(tok, WordPiece)
    ids = tok.encode("unaffable", embedding.MAX_TOKENS)
    assert ids[0] == tok.cls and ids[-1] == tok.sep and len(ids) > 3  # split into word pieces
    # the sentence-transformers documentation's example pair for this model: 0.7553
    v = embedding.embed(["A man is eating food.", "A man is eating a piece of bread."])
    assert v.shape == (2, 384) and v.dtype == np.float32
    assert np.allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert float(v[0] @ v[1]) == pytest.approx(0.7553, abs=0.003)


@needs_model
def test_batches_give_the_same_vectors_as_one_by_one():
    texts = ["Clinton deleted thousands of emails", "the economy is growing", "A much longer claim about taxes paid"]
    together = embedding.embed(texts)
    alone = np.vstack([embedding.embed([t]) for t in texts])
    assert np.allclose(together, alone, atol=1e-5)
    assert np.allclose(embedding.from_blob(embedding.to_blob(together[0])), together[0], atol=1e-3)


@needs_model
@pytest.mark.parametrize("a,b", [
    ("Clinton deleted thousands of emails", "Clinton erased thousands of e-mails"),
    ("Obama founded ISIS", "Barack Obama is the founder of ISIS"),
    ("the economy is growing", "the economy is expanding"),
])
def test_paraphrases_meet_by_meaning(a, b):
    v = embedding.embed([a, b])
    got = matching.decide(matching.ClaimRow.of(Proposition("P1", a), v[0]), matching.ClaimRow.of(Proposition("P2", b), v[1]))
    assert got is not None and got[2] == "meaning" and got[1] >= 0.5


@pytest.mark.parametrize("a,b,why", [
    (Proposition("P1", "North Korea supplied weapons to Russia", "PRK", "transfer_arms", "RUS"),
     Proposition("P2", "Iran supplied weapons to Russia", "IRN", "transfer_arms", "RUS"), "agent"),
    (Proposition("P1", "he endorsed Hillary Clinton"), Proposition("P2", "they endorsed Hillary Clinton"), "pronouns"),
    (Proposition("P1", "sales rose in 2019", when="2019"), Proposition("P2", "sales rose in 2021", when="2021"), "when"),
])
def test_conflicts_part_claims(a, b, why):
    assert matching.conflict(matching.ClaimRow.of(a), matching.ClaimRow.of(b)) == why


def test_pronouns_agree_within_one_article():
    a, b = Proposition("P1", "he endorsed Hillary Clinton"), Proposition("P2", "they endorsed Hillary Clinton")
    assert matching.conflict(matching.ClaimRow.of(a), matching.ClaimRow.of(b), same_article=True) is None


def test_claim_terms():
    t = claim_index.claim_terms("North Korea did not supply weapons", "PRK", "RUS", "transfer_arms")
    assert {"a:PRK", "a:RUS", "r:transfer_arms", "w:weapon", "w:korea"} <= t
    assert "w:not" not in t


def test_candidates_come_from_the_index_only(tmp_path):
    with Ledger(tmp_path / "i.db") as led:
        conn = led.conn
        a = matching.store_claim(conn, Proposition("P1", "North Korea supplied weapons to Russia", "PRK", "transfer_arms", "RUS"), None)
        b = matching.store_claim(conn, Proposition("P2", "The mayor opened a new library"), None)
        assert claim_index.candidates(conn, claim_index.claim_terms("Pyongyang shipped weapons", "PRK")) == [a]
        assert claim_index.candidates(conn, claim_index.claim_terms("library hours")) == [b]
        assert claim_index.candidates(conn, claim_index.claim_terms("unrelated words entirely")) == []
        conn.execute("DELETE FROM claim_terms")
        assert matching.match_claim(conn, Proposition("P3", "The mayor opened a new library")).proposition_id is None


def test_the_match_flips_a_negated_wording(tmp_path):
    with Ledger(tmp_path / "f.db") as led:
        conn = led.conn
        pid = matching.store_claim(conn, Proposition("P1", "North Korea supplied weapons to Russia", "PRK", "transfer_arms", "RUS"), None)
        m = matching.match_claim(conn, Proposition("P2", "North Korea did not supply weapons to Russia", "PRK",
                                                   "transfer_arms", "RUS"))
        assert m.proposition_id == pid and m.method == "key" and m.flipped


def test_rematch_rebuilds_the_index(tmp_path):
    text = "SYNTHETIC TEST FIXTURE M\nSomeone said the mayor opened a new library."
    a = synthetic_analysis(text, article_id="m1", outlet="Fixture", published="2016-10-01",
                           propositions=[Proposition("P1", "the mayor opened a new library")],
                           statements=[dict(source="Someone", cue="said", content="the mayor opened a new library",
                                            stances=[("P1", "asserts")])])
    with Ledger(tmp_path / "r.db") as led:
        led.add_analysis(a)
        before = led.conn.execute("SELECT term FROM claim_terms ORDER BY term").fetchall()
        led.conn.execute("DELETE FROM claim_terms")
        led.rematch()
        assert led.conn.execute("SELECT term FROM claim_terms ORDER BY term").fetchall() == before
        assert ("w:library",) in before
        has_vec = led.conn.execute("SELECT embedding IS NOT NULL, claim FROM propositions").fetchall()
        assert has_vec == [(int(embedding.available()), "the mayor opened a new library")]


def test_the_fitted_model_matches_the_features():
    m = matching.model()
    assert m["features"] == list(matching.FEATURES) and len(m["weights"]) == len(matching.FEATURES)
    assert 0.0 < m["threshold"] < 1.0


def test_the_new_errors_are_counterclaim_errors():
    from counterclaim.errors import CounterclaimError
    from counterclaim.ledger.embedding import EmbeddingUnavailable
    from counterclaim.ledger.gold_disputes import GoldError

    assert issubclass(EmbeddingUnavailable, CounterclaimError) and issubclass(EmbeddingUnavailable, RuntimeError)
    assert issubclass(GoldError, CounterclaimError) and issubclass(GoldError, ValueError)


def test_without_the_model_the_lexical_similarity_stands_in():
    a, b = Proposition("P1", "the economy is growing"), Proposition("P2", "the economy is growing fast")
    f = matching.pair_features(matching.ClaimRow.of(a), matching.ClaimRow.of(b))
    assert f[0] == f[1]  # cosine := lexical similarity
