"""The PolNeAR stance evaluation: the labelled set is well-formed and the scorer runs end to end."""
import json
from collections import Counter

from counterclaim.dev.evaluate import DEFAULT_STANCE_SET, _analyze_with_gold_spans, brat_attributions, eval_stance, primary_stance
from counterclaim.model import Article
from counterclaim.model import Stance


def test_labelled_set_is_train_and_dev_only_with_valid_labels():
    rows = [json.loads(x) for x in DEFAULT_STANCE_SET.read_text(encoding="utf-8").splitlines() if x.strip()]
    assert len(rows) >= 200
    assert {r["split"] for r in rows} == {"train", "dev"}
    labels = Counter(r["label"] for r in rows)
    assert set(labels) <= {"asserts", "denies", "no_knowledge", "none"}
    assert labels["denies"] >= 30
    assert all("text" not in r for r in rows)  # offsets only: no corpus text is shipped


def test_primary_stance_order():
    assert primary_stance([Stance("P1", "asserts"), Stance("P2", "denies")]) == "denies"
    assert primary_stance([Stance("P1", "no_knowledge"), Stance("P2", "denies")]) == "no_knowledge"
    assert primary_stance([]) == "none"


def test_stance_eval_on_gold_attributions_of_one_article(shared_dir, tmp_path):
    rows = [json.loads(x) for x in DEFAULT_STANCE_SET.read_text(encoding="utf-8").splitlines() if x.strip()]
    first = next(r for r in rows if r["split"] == "train")
    same = [r for r in rows if r["file"] == first["file"]]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in same) + "\n", encoding="utf-8")
    text = (shared_dir / "polnear" / "train" / "text" / f"{first['file']}.txt").read_text(encoding="utf-8")
    sts = brat_attributions(shared_dir / "polnear" / "train" / "attributions" / first["ann"], text)
    assert sts and all(s.content[0].text == text[s.content[0].start:s.content[0].end] for s in sts)
    rep = eval_stance(path, polnear=shared_dir / "polnear", gold_spans=True)
    s = rep["splits"]["train"]
    assert s["labelled"] == len(same) and s["matched"] == len(same)
    assert 0.0 <= s["accuracy"] <= 1.0


def test_blind_sets_keep_both_labellers_and_the_adjudicated_label():
    valid = {"asserts", "denies", "no_knowledge", "none"}
    for name in ("heldout-dev-stratified.jsonl", "heldout-dev-train-denial.jsonl", "heldout-train-stratified.jsonl",
                 "heldout-train-unseen-articles.jsonl"):
        rows = [json.loads(x) for x in (DEFAULT_STANCE_SET.parent / name).read_text(encoding="utf-8").splitlines() if x.strip()]
        assert rows and {r["split"] for r in rows} <= {"train", "dev"}
        for r in rows:
            assert {r["label"], r["label_rebuttal_convention"], r["label_first"], r["label_second"]} <= valid
            # the two labellers labelled under the rebuttal convention: their adjudicated label is
            # label_rebuttal_convention; label is the positive-form relabel of it
            adjudicated = r["label_rebuttal_convention"]
            if r["label_first"] == r["label_second"]:
                assert adjudicated == r["label_first"]  # adjudication only where the two labellers differ
            else:
                assert adjudicated in (r["label_first"], r["label_second"])


def test_stance_eval_scores_the_label_field_asked_for(shared_dir, tmp_path):
    rows = [json.loads(x) for x in DEFAULT_STANCE_SET.read_text(encoding="utf-8").splitlines() if x.strip()]
    first = next(r for r in rows if r["split"] == "train")
    same = [dict(r, other="denies" if r["label"] != "denies" else "asserts") for r in rows if r["file"] == first["file"]]
    path = tmp_path / "set.jsonl"
    path.write_text("\n".join(json.dumps(r) for r in same) + "\n", encoding="utf-8")
    a = eval_stance(path, polnear=shared_dir / "polnear", gold_spans=True)
    b = eval_stance(path, polnear=shared_dir / "polnear", gold_spans=True, label_field="other")
    # every row's "other" label differs from its "label": a prediction right on one is wrong on the other
    assert a["splits"]["train"]["correct"] + b["splits"]["train"]["correct"] <= len(same)
    assert [r["gold"] for r in b["rows"]] == [r["other"] for r in same]
    assert b["labels"] == "other"


def test_gold_attributions_are_each_items_own_annotators(shared_dir):
    """An article annotated by several annotators: each item is scored against the attributions of the
    .ann file it was drawn from, not against whichever annotator's file came last."""
    name = "breitbart_2016-03-20_ted-cruz-refuses-to-disavow-lind"
    root = shared_dir / "polnear"
    text = (root / "train" / "text" / f"{name}.txt").read_text(encoding="utf-8")
    anns = [f"{name}_4b22.ann", f"{name}_6b86.ann"]
    items = [{"split": "train", "file": name, "ann": a} for a in anns]
    art = Article(text=text, id=f"train/{name}")
    out = _analyze_with_gold_spans([art], root, items)
    assert set(out) == {(art.id, a) for a in anns}
    for a in anns:
        gold = brat_attributions(root / "train" / "attributions" / a, text)
        got = out[(art.id, a)].statements
        assert [(s.content[0].start, s.content[0].end) for s in got] == [(s.content[0].start, s.content[0].end) for s in gold]


def test_pooled_stance_figures_count_every_sets_rows():
    from counterclaim.dev.evaluate import pool_stance_reports

    a = {"set": "a", "rows": [{"gold": "denies", "pred": "denies", "stratum": "denial-cue"},
                              {"gold": "asserts", "pred": "denies", "stratum": "random"},
                              {"gold": "none", "pred": None, "stratum": "random"}]}
    b = {"set": "b", "rows": [{"gold": "denies", "pred": "asserts", "stratum": "denial-keyword"},
                              {"gold": "asserts", "pred": "asserts", "stratum": "random"}]}
    p = pool_stance_reports([a, b])
    assert (p["labelled"], p["matched"], p["correct"]) == (5, 4, 2)  # an unmatched row is not scored
    assert p["accuracy"] == 0.5
    assert p["denies"] == {"gold": 2, "predicted": 2, "correct": 1, "p": 0.5, "r": 0.5, "f1": 0.5}
    # per kind of draw: the random items are the natural mix of news, the others drawn for a denial word
    assert p["strata"]["random"] == {"matched": 2, "correct": 1, "accuracy": 0.5}
    assert p["strata"]["denial-cue"]["accuracy"] == 1.0 and p["strata"]["denial-keyword"]["accuracy"] == 0.0


def test_an_items_stratum_is_its_kind_of_draw():
    from counterclaim.dev.evaluate import stratum_of

    assert stratum_of("blind2-random") == "random"
    assert stratum_of("blind3-dev-denial-keyword") == "denial-keyword"
    assert stratum_of("train5-noknow-keyword") == "noknow-keyword"
    assert stratum_of("random-3b") == "random" and stratum_of("denial-keyword-3") == "denial-keyword"
    assert stratum_of(None) is None and stratum_of("random+keyword") is None


def test_eval_stance_command_pools_several_sets(shared_dir, tmp_path):
    from typer.testing import CliRunner
    from counterclaim.cli import app

    rows = [json.loads(x) for x in DEFAULT_STANCE_SET.read_text(encoding="utf-8").splitlines() if x.strip()]
    files = []
    for k, split in enumerate(("train", "dev")):
        first = next(r for r in rows if r["split"] == split)
        f = tmp_path / f"set{k}.jsonl"
        f.write_text("\n".join(json.dumps(r) for r in rows if r["file"] == first["file"]) + "\n", encoding="utf-8")
        files.append(str(f))
    res = CliRunner().invoke(app, ["eval", "stance", *files, "--gold-spans", "--polnear", str(shared_dir / "polnear")])
    assert res.exit_code == 0, res.output
    lines = res.output.splitlines()
    assert [x for x in lines if x.endswith(".jsonl")] == files  # each set, then its figures
    assert sum(x.startswith(("train (", "dev (")) for x in lines) == 2 and "pooled (2 sets)" in res.output
