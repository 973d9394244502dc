"""The PolNeAR stance evaluation: the labelled set is well-formed and the scorer runs end to end."""
import json
from collections import Counter

from counterclaim.evaluate import DEFAULT_STANCE_SET, brat_attributions, eval_stance, primary_stance
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
