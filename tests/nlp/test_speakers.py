"""Speaker resolution (cc_speakers) on real sentences.

The statements are placed by hand at the offsets of the sources and contents in the text (the
attribution step's job), so that these tests exercise the speaker resolver alone; the seed test at
the end checks the whole pipeline once attribution produces statements.
"""
from __future__ import annotations

import pytest

from counterclaim.model import Actor, Source, Span, Statement
from counterclaim.nlp.speakers import resolve_speakers


def _stmts(text: str, items):
    """items: (source text or None, content text, occurrence of the source (default 0), source_ref)."""
    out, cursor = [], 0
    for n, item in enumerate(items):
        src, content = item[0], item[1]
        ref = item[2] if len(item) > 2 else None
        c0 = text.index(content)
        source = None
        if src is not None:
            # the source occurrence nearest before (or right after) the content
            s0 = text.rfind(src, 0, c0 + len(content))
            if s0 < 0:
                s0 = text.index(src, cursor)
            source = Source(Span(s0, s0 + len(src), src))
        out.append(Statement(id=f"S{n + 1}", content=[Span(c0, c0 + len(content), content)], source=source,
                             source_ref=ref))
        cursor = c0
    return out


def _resolve(nlp, text, items):
    doc = nlp(text)
    sts = _stmts(text, items)
    resolve_speakers(doc, sts)
    return [s.source.entity if s.source else None for s in sts], sts


def test_metonymy_of_capitals_and_institutions(nlp):
    text = ("Pyongyang called the reports a lie. The Kremlin said it had no comment. "
            "Washington has warned Moscow against buying arms. The Pentagon said the transfer was confirmed.")
    ents, _ = _resolve(nlp, text, [("Pyongyang", "the reports a lie"), ("The Kremlin", "it had no comment"),
                                   ("Washington", "Moscow against buying arms"),
                                   ("The Pentagon", "the transfer was confirmed")])
    assert [(e.id, e.type) for e in ents] == [("PRK", "government"), ("RUS", "government"),
                                              ("USA", "government"), ("org:us-dod", "government")]


def test_named_person_role_and_country_from_premodifiers_and_apposition(nlp):
    text = ("On Thursday, the White House National Security Council spokesman John Kirby claimed that North Korea "
            "had delivered rockets. Linda Thomas-Greenfield, the US ambassador to the UN, also said Washington "
            "had confirmed the transaction.")
    ents, _ = _resolve(nlp, text, [("the White House National Security Council spokesman John Kirby",
                                    "that North Korea had delivered rockets"),
                                   ("Linda Thomas-Greenfield", "Washington had confirmed the transaction")])
    kirby, ltg = ents
    assert (kirby.id, kirby.name, kirby.type, kirby.country) == ("person:john-kirby", "John Kirby", "person", "USA")
    assert kirby.role == "White House National Security Council spokesman"
    assert (ltg.id, ltg.country, ltg.role) == ("person:linda-thomas-greenfield", "USA", "US ambassador to the UN")


def test_igo_spokesman_gets_the_org_and_a_bare_surname_resolves(nlp):
    text = ("Asked about it, the UN secretary-general\u2019s spokesman Stephane Dujarric said he had "
            "\u201cnot seen that statement.\u201d The questions need to be addressed through the sanctions regime, "
            "Dujarric said.")
    ents, _ = _resolve(nlp, text, [("the UN secretary-general\u2019s spokesman Stephane Dujarric",
                                    "he had \u201cnot seen that statement.\u201d"),
                                   ("Dujarric", "The questions need to be addressed through the sanctions regime")])
    assert ents[0].id == ents[1].id == "person:stephane-dujarric"
    assert ents[0].org == "United Nations" and ents[1].name == "Stephane Dujarric"


def test_unnamed_spokesman_then_he_added(nlp):
    text = ("A spokesman for the North Korean foreign ministry said the report was false, according to the state "
            "news agency KCNA. He added that the international community should focus on the US instead.")
    ents, _ = _resolve(nlp, text, [("A spokesman for the North Korean foreign ministry", "the report was false"),
                                   ("He", "that the international community should focus on the US instead")])
    spk, he = ents
    assert spk.id == "role:prk:foreign-ministry-spokesman"
    assert (spk.type, spk.country, spk.role) == ("person", "PRK", "foreign ministry spokesman")
    assert he.id == spk.id


def test_pronoun_skips_people_mentioned_inside_quotes_and_contents(nlp):
    text = ("Sen. Elizabeth Warren said Donald Trump was \u201ca loser\u201d who would never release his tax "
            "returns. She added that voters deserved better.")
    ents, _ = _resolve(nlp, text, [("Sen. Elizabeth Warren", "Donald Trump was \u201ca loser\u201d who would never "
                                    "release his tax returns"),
                                   ("She", "that voters deserved better")])
    assert ents[0].id == "person:elizabeth-warren"
    assert ents[1].id == "person:elizabeth-warren"


def test_he_and_she_follow_gender(nlp):
    text = ("Hillary Clinton met Tim Kaine in Virginia on Monday. Clinton said the economy was improving. "
            "Kaine said the polls were tightening. She said the debate would matter.")
    ents, _ = _resolve(nlp, text, [("Clinton", "the economy was improving"), ("Kaine", "the polls were tightening"),
                                   ("She", "the debate would matter")])
    assert [e.id for e in ents] == ["person:hillary-clinton", "person:tim-kaine", "person:hillary-clinton"]


def test_role_noun_refers_back_to_the_named_spokesman(nlp):
    text = ("UN spokesman Stephane Dujarric said the convoy had been stopped. "
            "The spokesman said talks would resume on Monday.")
    ents, _ = _resolve(nlp, text, [("UN spokesman Stephane Dujarric", "the convoy had been stopped"),
                                   ("The spokesman", "talks would resume on Monday")])
    assert ents[1].id == ents[0].id == "person:stephane-dujarric"


def test_the_ministry_refers_back_to_the_government(nlp):
    text = ("Russia\u2019s foreign ministry said the sanctions were illegal. "
            "The ministry said it would respond.")
    ents, _ = _resolve(nlp, text, [("Russia\u2019s foreign ministry", "the sanctions were illegal"),
                                   ("The ministry", "it would respond")])
    assert ents[0].id == "RUS" and ents[0].org == "Foreign Ministry"
    assert ents[1].id == "RUS"


def test_conjoined_sources_share_a_government(nlp):
    text = ("The White House and the US envoy to the UN claimed to have confirmed the transfer. "
            "Iran has likewise rejected US and Ukrainian claims that it sold missiles to Russia.")
    ents, _ = _resolve(nlp, text, [("The White House and the US envoy to the UN", "to have confirmed the transfer"),
                                   ("US and Ukrainian", "it sold missiles to Russia")])
    assert (ents[0].id, ents[0].type, ents[0].country) == ("USA", "government", "USA")
    assert ents[1].country == "USA;UKR"


def test_plural_officials_and_they(nlp):
    text = ("US officials said the talks had stalled. They said a new round was unlikely before spring.")
    ents, _ = _resolve(nlp, text, [("US officials", "the talks had stalled"),
                                   ("They", "a new round was unlikely before spring")])
    assert ents[0].country == "USA" and ents[0].role == "officials"
    assert ents[1].country == "USA"


def test_continuing_quote_takes_the_referenced_speaker(nlp):
    text = ("\u201cWe will respond,\u201d Foreign Minister Sergei Lavrov said.\n"
            "\u201cThe decision has been made.\u201d")
    doc = nlp(text)
    sts = _stmts(text, [("Foreign Minister Sergei Lavrov", "\u201cWe will respond,\u201d")])
    c0 = text.index("\u201cThe decision")
    sts.append(Statement(id="S2", content=[Span(c0, len(text), text[c0:])], source=None, source_ref="S1"))
    sts.append(Statement(id="S3", content=[Span(c0, len(text), text[c0:])],
                         source=Source(Span(c0, c0, "")), source_ref="S1"))
    resolve_speakers(doc, sts)
    lavrov = sts[0].source.entity
    assert lavrov.id == "person:sergei-lavrov" and lavrov.country == "RUS"
    assert sts[2].source.entity.id == "person:sergei-lavrov"


def test_upstream_entity_is_kept(nlp):
    text = "WALLACE: Do you accept the result?"
    doc = nlp(text)
    st = Statement(id="S1", content=[Span(9, len(text), text[9:])],
                   source=Source(Span(0, 7, "WALLACE"), Actor(id="person:chris-wallace", name="Chris Wallace",
                                                              type="person")))
    resolve_speakers(doc, [st])
    assert st.source.entity.id == "person:chris-wallace"


def test_unresolvable_pronoun_is_left_empty(nlp):
    text = "He said the plan would fail."
    ents, _ = _resolve(nlp, text, [("He", "the plan would fail")])
    assert ents[0] is None


def test_seed_speakers_from_gold_offsets(nlp, shared_dir, seed_text):
    """Every speaker of the seed article's gold statements, resolved from the gold source spans."""
    import json

    from counterclaim.dev.evaluate import _same_speaker

    gold = json.loads((shared_dir / "gold" / "seed-rt-dprk-2022-12-23.gold.json").read_text(encoding="utf-8"))
    doc = nlp(seed_text)
    sts = []
    for g in gold["statements"]:
        c, s = g["content"], g.get("source")
        sts.append(Statement(id=g["id"], content=[Span(c["start"], c["end"], c["text"])],
                             source=Source(Span(s["start"], s["end"], s["text"])) if s else None,
                             source_ref=g.get("source_ref")))
    resolve_speakers(doc, sts)
    by_id = {s.id: s for s in sts}
    bad = []
    for g, st in zip(gold["statements"], sts):
        if not g.get("required", True):
            continue
        src = g.get("source") or by_id_source(gold, g)
        ent = st.source.entity if st.source else by_id[g["source_ref"]].source.entity
        if not _same_speaker(src["entity"], ent):
            bad.append((g["id"], ent))
    assert not bad


def by_id_source(gold, g):
    return next(x for x in gold["statements"] if x["id"] == g["source_ref"])["source"]


def test_seed_pipeline_speakers(seed_analysis):
    """Through the whole pipeline: S5 and S6's speaker is the foreign ministry spokesman."""
    if not seed_analysis.statements:
        pytest.skip("attribution produces no statements yet")
    spk = [s for s in seed_analysis.statements if s.source and s.source.span.text == "He"]
    assert spk and spk[0].source.entity is not None
    assert spk[0].source.entity.role and "spokesman" in spk[0].source.entity.role
    assert spk[0].source.entity.country == "PRK"
