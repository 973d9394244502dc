"""The stance sets' tools: eval/stance/natural_mix.py (figures re-weighted from the stratified labelled sets to the
natural mix of news) and eval/stance/agreement.py (how far apart two label fields are)."""
import json
import sys
from pathlib import Path

import pytest

SETS = Path(__file__).resolve().parents[2] / "eval" / "stance"
sys.path.insert(0, str(SETS))
import agreement  # noqa: E402
import natural_mix as nm  # noqa: E402


def set_rows(name: str) -> list[dict]:
    return [json.loads(line) for line in (SETS / name).read_text().splitlines()]


def assert_labelled_twice(rows: list[dict]) -> None:
    """Every label valid; where the two labellers differ, the adjudicated label says why."""
    assert all({r["label"], r["label_first"], r["label_second"]} <= set(agreement.LABELS) for r in rows)
    assert all(r["label_first"] == r["label_second"] or r.get("adjudication_note") for r in rows)


def test_cells_are_the_strata_predicates_first_match_wins():
    assert nm.cell_of("the report was false", "denied") == "denial-cue"  # a denial cue beats a keyword
    assert nm.cell_of("he did not pay", "said") == "denial-keyword"
    assert nm.cell_of("she would not comment", "told") == "denial-keyword"  # "not" comes first
    assert nm.cell_of("declined to comment", "") == "noknow-keyword"
    assert nm.cell_of("the economy grew", "said") == "rest"


def test_each_cell_counts_by_its_share_of_the_population_not_by_how_many_were_drawn():
    # the rare hard cell was over-sampled (100 drawn) and is half right; the common cell (10 drawn) all right
    by_cell = {"denial-cue": [("denies", "denies")] * 50 + [("denies", "asserts")] * 50,
               "denial-keyword": [], "noknow-keyword": [], "rest": [("asserts", "asserts")] * 10}
    weight = {"denial-cue": 0.1, "denial-keyword": 0.0, "noknow-keyword": 0.0, "rest": 0.9}
    est = nm.estimate(by_cell, weight)
    assert est["accuracy"] == pytest.approx(0.1 * 0.5 + 0.9 * 1.0)  # a plain mean would say 60 / 110
    assert est["denies_r"] == pytest.approx(0.5)
    assert est["denies_p"] == pytest.approx(1.0)
    assert est["denies_share"] == pytest.approx(0.1)


def test_denial_rates_are_weighted_across_cells():
    by_cell = {"denial-cue": [("denies", "denies")] * 10, "denial-keyword": [],
               "noknow-keyword": [], "rest": [("denies", "asserts")] + [("asserts", "asserts")] * 9}
    weight = {"denial-cue": 0.1, "denial-keyword": 0.0, "noknow-keyword": 0.0, "rest": 0.9}
    est = nm.estimate(by_cell, weight)
    # gold denials: 0.1 (all of the cue cell) + 0.09 (a tenth of the rest); found: the cue cell's
    assert est["denies_r"] == pytest.approx(0.1 / 0.19)
    lo, hi = nm.bootstrap(by_cell, weight, reps=200, seed=3)["denies_r"]
    assert lo <= est["denies_r"] <= hi


def test_population_is_every_drawable_train_and_dev_attribution(shared_dir):
    counts = nm.population(shared_dir / "polnear")
    both = sum(len(nm.pool(shared_dir / "polnear" / split, {})[0]) for split in ("train", "dev"))
    assert sum(counts.values()) == both > 20000
    assert max(counts, key=counts.get) == "rest"  # most news attributions hold no denial or no-knowledge word
    assert all(counts[c] > 0 for c in nm.CELLS)


def test_agreement_and_kappa_of_two_label_lists():
    a = ["asserts"] * 6 + ["denies"] * 4
    assert agreement.agreement(a, list(a)) == (1.0, 1.0)
    b = ["asserts"] * 5 + ["denies"] * 5  # one asserts read as denies
    po, k = agreement.agreement(a, b)
    assert po == pytest.approx(0.9)
    assert k == pytest.approx((0.9 - 0.5) / 0.5)  # chance agreement (6*5 + 4*5) / 100


def test_the_audit_set_holds_two_fresh_labels_beside_the_original_one():
    rows = set_rows("train-dev-relabel-audit.jsonl")
    assert len(rows) == 187 and all(r["split"] in ("train", "dev") for r in rows)
    assert all({r["label"], r["label_first"], r["label_second"]} <= set(agreement.LABELS) for r in rows)
    assert all(r["from"] in ("train-dev-stratified.jsonl", "dev-stratified.jsonl", "train-stratified-single-label.jsonl")
               for r in rows)


def test_every_label_changed_by_the_positive_form_relabel_is_a_selected_row(shared_dir):
    """Moving to the positive-form convention, only the rows relabel_selection.py selects were read again:
    every other row keeps its earlier label, and every row carries the earlier one."""
    import relabel_selection as rs
    cache: dict = {}
    changed = 0
    for path in rs.default_sets():
        for line in path.read_text(encoding="utf-8").splitlines():
            r = json.loads(line)
            assert {r["label"], r["label_rebuttal_convention"]} <= set(agreement.LABELS)
            if r["label"] != r["label_rebuttal_convention"]:
                changed += 1
                assert rs.is_selected(shared_dir / "polnear", r, cache)
    assert changed > 0


def test_selection_covers_negation_rejection_and_earlier_denials():
    import relabel_selection as rs
    assert rs.selected("we never sent weapons", "said", "asserts")
    assert rs.selected("the report", "called it a hoax", "asserts")
    assert rs.selected("that he took the money", "did not dispute", "asserts")
    assert rs.selected("the party is united", "said", "denies")
    assert not rs.selected("the economy grew", "said", "asserts")


def test_the_fresh_set_is_drawn_in_two_strata_and_labelled_once():
    rows = set_rows("fresh-train-dev.jsonl")
    assert len(rows) == 300 and all(r["split"] in ("train", "dev") for r in rows)
    assert sum(r["sample"] == "fresh-random" for r in rows) == 150
    assert all(r["sample"] in ("fresh-random", "fresh-denial-cue", "fresh-denial-keyword") for r in rows)
    assert all(r["label_first"] in agreement.LABELS for r in rows)
    assert len({(r["file"], json.dumps(r["content"])) for r in rows}) == 300


def test_the_second_fresh_set_shares_no_attribution_with_the_first_and_is_labelled_twice():
    first = {(r["file"], json.dumps(r["content"])) for r in set_rows("fresh-train-dev.jsonl")}
    rows = set_rows("fresh-train-dev-second.jsonl")
    assert len(rows) == 240 and sum(r["sample"] == "fresh-random" for r in rows) == 120
    assert not first & {(r["file"], json.dumps(r["content"])) for r in rows}
    assert_labelled_twice(rows)


def test_the_third_fresh_set_and_the_fit_set_share_no_attribution_with_the_fresh_sets_before_them():
    def keys(name):
        return {(r["file"], json.dumps(r["content"])) for r in set_rows(name)}

    earlier = keys("fresh-train-dev.jsonl") | keys("fresh-train-dev-second.jsonl")
    third, fit = keys("fresh-train-dev-third.jsonl"), keys("fit-train-dev.jsonl")
    assert len(third) == 240 and len(fit) == 480
    assert not earlier & third and not earlier & fit and not third & fit
    for name in ("fresh-train-dev-third.jsonl", "fit-train-dev.jsonl"):
        rows = set_rows(name)
        assert all(r["split"] in ("train", "dev") for r in rows)
        assert_labelled_twice(rows)


def test_the_training_sets_share_no_attribution_with_any_scored_or_held_out_set():
    def keys(rows):
        return {nm.item_key(r) for r in rows}

    scored = set().union(*(keys(set_rows(p.name)) for p in SETS.glob("*.jsonl") if p.name.startswith(("fresh-", "heldout-"))))
    seen = keys(set_rows("fit-train-dev.jsonl"))
    for name, n in (("fit-train-dev-second.jsonl", 1401), ("fit-train-dev-third.jsonl", 2400),
                    ("fit-train-dev-fourth.jsonl", 2400)):
        rows = set_rows(name)
        got = keys(rows)
        assert len(got) == n and not got & scored and not got & seen
        seen |= got
        assert all(r["split"] in ("train", "dev") for r in rows)
        assert_labelled_twice(rows)
