"""The written form pairs the stance encoder is trained on beside the news items
(eval/stance/experiments/form_pairs.py): reproducible, every form with a counterpart that denies, and no
sentence shared with the probe suite, which stays the test of the forms."""
import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "eval" / "stance" / "experiments"))
import form_pairs  # noqa: E402


def test_the_file_is_what_the_script_writes():
    stored = [json.loads(line) for line in (ROOT / "eval/stance/experiments/form-pairs.jsonl").read_text().splitlines()]
    assert stored == form_pairs.pairs(random.Random(7))


def test_each_form_has_sentences_that_assert_and_sentences_that_deny():
    rows = form_pairs.pairs(random.Random(7))
    labels = {}
    for r in rows:
        labels.setdefault(r["form"], set()).add(r["label"])
    assert labels and all(v == {"asserts", "denies"} for v in labels.values()), labels


def test_no_probe_sentence_is_a_training_sentence():
    probes = ROOT / "eval/probes/stance-probes.tsv"
    texts = {line.split("\t")[2].lower() for line in probes.read_text(encoding="utf-8").splitlines()
             if line and not line.startswith("#") and len(line.split("\t")) > 2}
    for r in form_pairs.pairs(random.Random(7)):
        content = r["content"].lower()
        assert not any(content in t for t in texts), content
