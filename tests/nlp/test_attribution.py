"""cc_attribution on real-world sentence patterns: exact spans, cues, sources and kinds."""
from __future__ import annotations

import json

import pytest

from counterclaim.nlp.attribution import QuoteIndex, find_quotes, paragraphs


@pytest.fixture(scope="module")
def run(nlp):
    cache = {}

    def _run(text):
        if text not in cache:
            cache[text] = nlp(text)._.statements
        return cache[text]
    return _run


def only(stmts):
    assert len(stmts) == 1, [(s.cue.span.text if s.cue else None, s.content_text) for s in stmts]
    return stmts[0]


def by_cue(stmts, cue):
    hits = [s for s in stmts if s.cue and s.cue.span.text == cue]
    assert hits, [(s.cue.span.text if s.cue else None, s.content_text) for s in stmts]
    return hits[0]


def test_x_said_that(run):
    s = only(run("The mayor said that the bridge would reopen in March."))
    assert (s.source.span.text, s.cue.span.text, s.cue.lemma) == ("The mayor", "said", "say")
    assert s.content_text == "that the bridge would reopen in March"
    assert s.kind == "indirect" and s.id == "S1"


def test_content_then_x_said(run):
    s = only(run("The bridge will reopen in March, the mayor said."))
    assert (s.source.span.text, s.cue.span.text, s.content_text) == ("the mayor", "said", "The bridge will reopen in March")


def test_quote_said_x_inverted(run):
    s = only(run("“We are not worried,” said Jane Smith, a spokeswoman for the company."))
    assert s.source.span.text == "Jane Smith, a spokeswoman for the company"
    assert s.content_text == "“We are not worried,”" and s.kind == "direct"


def test_according_to(run):
    s = only(run("The company lost $3 million last year, according to its annual report."))
    assert (s.cue.span.text, s.source.span.text) == ("according to", "its annual report")
    assert s.content_text == "The company lost $3 million last year"


def test_told_addressee_is_not_content(run):
    s = only(run("The senator told reporters that he would vote against the bill."))
    assert (s.source.span.text, s.cue.span.text) == ("The senator", "told")
    assert s.content_text == "that he would vote against the bill"


def test_denial_and_warning_share_the_subject(run):
    st = run("The Kremlin dismissed the accusations as “absurd,” warning that relations would suffer.")
    d, w = by_cue(st, "dismissed"), by_cue(st, "warning")
    assert d.source.span.text == w.source.span.text == "The Kremlin"
    assert d.content_text == "the accusations as “absurd,”" and d.kind == "mixed"
    assert w.content_text == "that relations would suffer" and w.kind == "indirect"


def test_nominal_claim_with_holder(run):
    st = run("Moscow rejected Ukraine's claim that its troops had crossed the border.")
    n = by_cue(st, "claim")
    assert n.kind == "nominal" and n.source.span.text == "Ukraine's"
    assert n.content_text == "its troops had crossed the border"
    assert by_cue(st, "rejected").source.span.text == "Moscow"


def test_beliefs_and_intentions(run):
    b = only(run("Most economists believe the recession is over."))
    assert (b.source.span.text, b.cue.lemma, b.content_text) == ("Most economists", "believe", "the recession is over")
    w = only(run("The company wants to expand into Asia next year."))
    assert (w.source.span.text, w.cue.lemma, w.content_text) == ("The company", "want", "to expand into Asia next year")


@pytest.mark.parametrize("q", ["“”", '""'])
def test_interrupted_multi_sentence_quote_is_one_statement(run, q):
    o, c = q
    text = f"{o}We will not back down. The people have spoken,{c} the governor said. {o}This is only the beginning.{c}"
    s = only(run(text))
    assert s.source.span.text == "the governor" and s.kind == "direct"
    assert [p.text for p in s.content] == [f"{o}We will not back down. The people have spoken,{c}",
                                           f"{o}This is only the beginning.{c}"]


def test_quote_after_paraphrase_continues_speaker(run):
    text = "The minister said the plan was “a disaster for the country.” “Nobody asked the farmers what they needed.”"
    s1, s2 = run(text)
    assert s1.kind == "mixed" and s1.source.span.text == "The minister"
    assert s2.kind == "direct" and s2.cue is None and s2.source_ref == "S1"
    assert s2.source.span.text == "The minister"  # a copy of the earlier statement's source span
    assert s2.content_text == "“Nobody asked the farmers what they needed.”"


def test_quote_continuing_in_next_paragraph_unbalanced(run):
    text = 'He said: "We will build the wall.\n"And Mexico is going to pay for it."'
    s = only(run(text))
    assert s.source.span.text == "He" and s.kind == "direct"
    assert [p.text for p in s.content] == ['"We will build the wall.', '"And Mexico is going to pay for it."']


def test_nested_quotes_stay_inside(run):
    s = only(run("“They called it ‘a hoax,’ but it was real,” she said."))
    assert s.content_text == "“They called it ‘a hoax,’ but it was real,”" and s.kind == "direct"


def test_report_verbs_inside_a_quotation_are_the_speakers_words(run):
    s = only(run("“I think we can win this state,” she said."))
    assert s.cue.span.text == "said" and s.source.span.text == "she"


def test_headline_attribution(run):
    st = run("Pence: ‘We will win Ohio’\nThe Republican vice presidential nominee spoke in Columbus on Monday.")
    s = only(st)
    assert (s.source.span.text, s.cue.span.text, s.content_text) == ("Pence", ":", "‘We will win Ohio’")


def test_transcript_turns(run):
    st = run("WALLACE: Will you accept the result of the election?\nTRUMP: I will look at it at the time.")
    assert [(s.source.span.text, s.cue.span.text) for s in st] == [("WALLACE", ":"), ("TRUMP", ":")]
    assert st[1].content_text == "I will look at it at the time."


def test_offsets_point_into_the_text(run):
    text = "Officials insisted the vaccine was safe.\n\n“We followed every protocol,” the health minister said."
    for s in run(text):
        for sp in [*s.content, s.source.span, *( [s.cue.span] if s.cue else [])]:
            assert text[sp.start:sp.end] == sp.text


def test_empty_and_no_attribution(run):
    assert run("") == []
    assert run("The river rose two metres overnight and flooded the lower town.") == []


def test_quotes_finder_handles_curly_straight_and_open_quotes():
    text = 'A “b c” d "e f" g\n“open to the end\n``old style\'\' h'
    qs = find_quotes(text, paragraphs(text))
    assert [(text[q.start:q.end], q.open_end) for q in qs] == [
        ("“b c”", False), ('"e f"', False), ("“open to the end", True), ("``old style''", False)]
    qi = QuoteIndex(qs)
    assert qi.inside(text.index("b c")) and not qi.inside(text.index("d "))


def test_seed_required_statements(seed_analysis, shared_dir):
    from counterclaim.dev.evaluate import load_scorer

    scorer = load_scorer()
    gold = json.loads((shared_dir / "gold" / "seed-rt-dprk-2022-12-23.gold.json").read_text(encoding="utf-8"))
    text = seed_analysis.article.text
    by_id = {s["id"]: s for s in gold["statements"]}
    role = lambda s, r: scorer.norm_span(s[r]) if s.get(r) else None  # noqa: E731
    req = [s for s in gold["statements"] if s.get("required", True)]
    g = [{"source": role(s, "source") or role(by_id.get(s.get("source_ref"), {}), "source"),
          "cue": role(s, "cue"), "content": role(s, "content")} for s in req]
    p = [{"source": scorer.norm_span(d["source"]), "cue": scorer.norm_span(d["cue"]),
          "content": scorer.norm_span(d["content"])} for d in (s.to_dict() for s in seed_analysis.statements)]
    pairs = scorer.match_attributions(g, p, text)
    found = {req[gi]["id"] for gi, pi in pairs if scorer.source_ok(g[gi], p[pi], text)}
    assert found == {s["id"] for s in req}
    # S5 continues S4's speaker: no cue, source_ref to the statement holding S4
    s5 = next(seed_analysis.statements[pi] for gi, pi in pairs if req[gi]["id"] == "S5")
    s4 = next(seed_analysis.statements[pi] for gi, pi in pairs if req[gi]["id"] == "S4")
    assert s5.cue is None and s5.source_ref == s4.id and s5.kind == "direct"
    kinds = {req[gi]["id"]: seed_analysis.statements[pi].kind for gi, pi in pairs}
    assert kinds["S12"] == "indirect" and kinds["S13"] == "direct" and kinds["S8"] == "mixed"


def test_polnear_dev_smoke(shared_dir):
    """Five dev articles through the real analyzer and the reference scorer."""
    from counterclaim.dev.evaluate import eval_polnear

    dev = shared_dir / "polnear" / "dev"
    if not dev.is_dir():
        pytest.skip("PolNeAR dev split not available")
    rep = eval_polnear(dev, limit=5)
    assert rep["attribution"]["f1"] >= 0.5
    assert rep["roles"]["content"]["overlap"]["f1"] >= 0.5
