"""The stance probes (eval/probes/stance-probes.tsv): the file is well formed, and no form passes fewer rows
than its recorded floor (eval/probes/stance-probes-floor.json, rewritten by `probes.py --write-floor` when a
form gains rows)."""
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "eval" / "probes"))
import probes as pr  # noqa: E402


@pytest.fixture(scope="module")
def rows():
    return pr.load()


@pytest.fixture(scope="module")
def results(nlp, rows):
    return pr.run(rows, nlp=nlp)


def test_the_header_names_the_columns():
    with open(pr.TSV, encoding="utf-8") as f:
        first = next(line for line in f if line.strip() and not line.startswith("#"))
    assert tuple(first.rstrip("\r\n").split("\t")) == pr.COLUMNS


def test_the_probe_file_is_well_formed(rows):
    assert len(rows) >= 300
    assert pr.problems(rows) == []


def test_every_form_has_enough_rows_over_enough_domains(rows):
    for form, rs in pr.by_form(rows).items():
        assert len(rs) >= pr.MIN_ROWS, form
        assert len({r.domain for r in rs}) >= pr.MIN_DOMAINS, form


def test_ids_are_unique_and_pairs_point_to_rows(rows):
    ids = [r.id for r in rows]
    assert len(ids) == len(set(ids))
    assert all(r.pair in set(ids) for r in rows if r.pair)


def test_stance_and_hedge_values_are_valid(rows):
    assert {r.stance for r in rows} <= set(pr.STANCES)
    assert {r.hedge for r in rows} <= set(pr.HEDGES)


def test_the_checks_catch_a_bad_row(rows):
    bad = pr.Probe("x-01", "x", "The mayor said so.", "The governor", "said", "so", "maybe", "", "politics",
                   "nowhere")
    found = "\n".join(pr.problems(rows + [bad, bad]))
    for what in ("duplicate id x-01", "stance 'maybe'", "pair nowhere", "source 'The governor'", "form x: 2 rows",
                 "form x: 1 domains"):
        assert what in found


def test_the_floor_names_only_forms_of_the_file(rows):
    floor = pr.read_floor()
    assert floor, f"{pr.FLOOR} is missing: run probes.py --write-floor"
    assert set(floor) <= {r.form for r in rows}


def test_no_form_passes_fewer_rows_than_its_floor(results):
    floor = pr.read_floor()
    now = pr.tally(results)
    lost = {form: (now.get(form, {}).get("right", 0), need) for form, need in floor.items()
            if now.get(form, {}).get("right", 0) < need}
    assert not lost, ("forms passing fewer rows than their floor (now, floor): "
                      f"{lost}; see `python eval/probes/probes.py --form F --show-failures`")


def test_the_scorer_reads_the_stance_on_the_positive_claim():
    from counterclaim.model import Analysis, Article, Cue, Proposition, Source, Span, Stance, Statement

    text = "The lab said the samples were not contaminated."
    probe = pr.Probe("t-01", "t", text, "The lab", "said", "The samples were contaminated", "denies", "", "science", "")

    def scored(label: str):
        st = Statement("S1", [Span(13, 47, text[13:47])], Source(Span(0, 7, "The lab")), Cue(Span(8, 12, "said")),
                       stances=[Stance("P1", label)])
        res = pr.score(probe, Analysis(Article(text), [st], [Proposition("P1", "the samples were contaminated")]))
        assert res.found
        return res.polarity, res.gist

    assert scored("denies") == ("denies", "the samples were contaminated")
    assert scored("asserts")[0] == "asserts"
    assert scored("no_knowledge")[0] == "no_knowledge"


def test_an_outlet_row_takes_a_statement_without_source():
    from counterclaim.model import Analysis, Article, Source, Span, Stance, Statement

    text = "The photo is fake."
    probe = pr.Probe("t-02", "t", text, pr.OUTLET, "", "The photo is genuine", "denies", "", "science", "")
    quoted = Statement("S1", [Span(0, 17, text[:17])], Source(Span(0, 9, "The photo")), stances=[Stance("P1", "denies")])
    assert not pr.score(probe, Analysis(Article(text), [quoted])).found
    unsourced = Statement("S1", [Span(0, 17, text[:17])], None, stances=[Stance("P1", "denies")])
    assert pr.score(probe, Analysis(Article(text), [unsourced])).found
