"""Test helpers for the ledger tests: Analysis records built from real text offsets.

* ``gold_analysis()`` turns the seed article's gold annotation (../shared/gold) into the Analysis an
  ideal analyzer would produce, so the ledger's dispute logic is tested on the real article before
  the NLP steps are complete.
* ``synthetic_analysis()`` builds an Analysis for a short, clearly synthetic test text (never
  presented as news): each statement is given by the substrings it covers, offsets are found in
  the text.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Optional

from counterclaim.model import (Actor, Analysis, Article, Cue, DateRef, Proposition, Source, Span, Stance,
                                Statement)

ROOT = Path(__file__).resolve().parents[1]
SEED_TXT = ROOT / "examples" / "seed-rt-dprk-2022-12-23.txt"


def _slug(s: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", s.lower()).strip("-")


def actor_of(entity: dict) -> Actor:
    name, typ, country = entity.get("name"), entity.get("type", "unknown"), entity.get("country")
    if typ in ("government", "state") and country and ";" not in country:
        aid = country
    elif typ == "person":
        aid = "person:" + _slug(name)
    else:
        aid = "org:" + _slug(name)
    return Actor(id=aid, name=name, type=typ, country=country if country and ";" not in country else None,
                 role=entity.get("role"), org=entity.get("org"))


def _span(d: dict) -> Span:
    return Span(d["start"], d["end"], d["text"])


def gold_analysis(gold_path: Path, text: Optional[str] = None, *, article_id: Optional[str] = None,
                  outlet: Optional[str] = None, published: Optional[str] = None) -> Analysis:
    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    text = text if text is not None else (Path(gold_path).parent / gold["article"]["path"]).read_text(encoding="utf-8")
    art = Article(text=text, id=article_id or gold["article"]["id"], title=gold["article"].get("title"),
                  outlet=outlet or gold["article"].get("outlet"),
                  published=published or gold["article"].get("published"), language="en")
    props = [Proposition(id=p["id"], gist=p["gist"], agent=p.get("agent"), relation=p.get("relation"),
                         recipient=p.get("recipient"), when=p.get("when")) for p in gold["propositions"]]
    sts = []
    for g in gold["statements"]:
        content = g["content"] if isinstance(g["content"], list) else [g["content"]]
        src = g.get("source")
        cue = g.get("cue")
        said = g.get("said_on")
        sts.append(Statement(
            id=g["id"], content=[_span(c) for c in content],
            source=Source(_span(src), actor_of(src["entity"]) if src.get("entity") else None) if src else None,
            cue=Cue(_span(cue), cue["text"].lower(), cue.get("framing", "neutral")) if cue else None,
            kind=g.get("kind", "indirect"),
            stances=[Stance(p, s) for p, s in g.get("stances", [])],
            said_on=DateRef(0, 0, "", said) if said else None,
            via=g.get("via"), source_ref=g.get("source_ref")))
    return Analysis(article=art, statements=sts, propositions=props)


def synthetic_analysis(text: str, *, article_id: str, outlet: str, published: str, propositions: list[Proposition],
                       statements: list[dict]) -> Analysis:
    """statements: dicts with source (text), actor (Actor), cue (text), framing, content (text),
    stances [(pid, stance)], marks [(type, text)]."""
    def find(sub: str) -> Span:
        i = text.find(sub)
        assert i >= 0, f"{sub!r} not in the fixture text"
        return Span(i, i + len(sub), sub)

    from counterclaim.model import Mark

    sts = []
    for n, d in enumerate(statements, 1):
        sts.append(Statement(
            id=f"S{n}", content=[find(d["content"])],
            source=Source(find(d["source"]), d.get("actor")) if d.get("source") else None,
            cue=Cue(find(d["cue"]), d["cue"].lower(), d.get("framing", "neutral")) if d.get("cue") else None,
            kind=d.get("kind", "indirect"),
            stances=[Stance(p, s) for p, s in d.get("stances", [])],
            marks=[Mark(t, find(x).start, find(x).end, x) for t, x in d.get("marks", [])]))
    return Analysis(article=Article(text=text, id=article_id, outlet=outlet, published=published,
                                    title=text.split("\n", 1)[0]),
                    statements=sts, propositions=propositions)


USA = Actor("USA", "United States", "government", "USA")
PRK = Actor("PRK", "North Korea", "government", "PRK")
RUS = Actor("RUS", "Russia", "government", "RUS")
KIRBY = Actor("person:john-kirby", "John Kirby", "person", "USA")


def fixture_pair() -> list[Analysis]:
    """Two synthetic test articles (labelled as such in their text) about overlapping claims."""
    t1 = ("SYNTHETIC TEST FIXTURE A\n"
          "John Kirby said North Korea sold artillery shells to Russia. "
          "Moscow denied that Pyongyang had delivered any arms. "
          "Kirby also said that Russia recruited prisoners for the war.")
    a1 = synthetic_analysis(t1, article_id="fixture-a", outlet="Fixture Wire", published="2023-01-05",
        propositions=[
            Proposition("P1", "North Korea sold artillery shells to Russia", "PRK", "transfer_arms", "RUS", when="2022-11"),
            Proposition("P2", "Russia recruited prisoners for the war"),
        ],
        statements=[
            dict(source="John Kirby", actor=KIRBY, cue="said", content="North Korea sold artillery shells to Russia",
                 stances=[("P1", "asserts")]),
            dict(source="Moscow", actor=RUS, cue="denied", framing="neutral",
                 content="Pyongyang had delivered any arms", stances=[("P1", "denies")]),
            dict(source="Kirby", actor=KIRBY, cue="said", content="Russia recruited prisoners for the war",
                 stances=[("P2", "asserts")]),
        ])
    t2 = ("SYNTHETIC TEST FIXTURE B\n"
          "Washington claimed North Korea supplied weapons to Russia, a charge Pyongyang called \"absurd\". "
          "Officials said Iran sold drones to Russia.")
    a2 = synthetic_analysis(t2, article_id="fixture-b", outlet="Fixture Daily", published="2023-01-07",
        propositions=[
            Proposition("P1", "North Korea supplied weapons to Russia", "PRK", "transfer_arms", "RUS"),
            Proposition("P2", "Iran sold drones to Russia", "IRN", "transfer_arms", "RUS"),
        ],
        statements=[
            dict(source="Washington", actor=USA, cue="claimed", framing="distancing",
                 content="North Korea supplied weapons to Russia", stances=[("P1", "asserts")]),
            dict(source="Pyongyang", actor=PRK, cue="called", content="a charge Pyongyang called \"absurd\"",
                 stances=[("P1", "denies")], marks=[("scare_quotes", "\"absurd\"")]),
            dict(source="Officials", actor=None, cue="said", content="Iran sold drones to Russia",
                 stances=[("P2", "asserts")]),
        ])
    return [a1, a2]


def variants(base: list[Analysis], n: int) -> list[Analysis]:
    """n distinct articles for crash and concurrency tests: copies of ``base`` whose text gets a
    '[synthetic test copy i]' line appended (offsets stay valid), with their own ids, outlets, dates."""
    from copy import deepcopy
    out = []
    outlets = ["Fixture Wire", "Fixture Daily", "Fixture Post", "RT"]
    for i in range(n):
        a = deepcopy(base[i % len(base)])
        a.article.text = a.article.text + f"\n[synthetic test copy {i}]"
        a.article.id = f"{a.article.id}-copy{i}"
        a.article.outlet = outlets[i % len(outlets)]
        a.article.published = f"2023-{1 + i % 12:02d}-{1 + i % 28:02d}"
        out.append(a)
    return out


WRITER = r"""
import json, sys
from counterclaim.ledger import Ledger
from counterclaim.model import Analysis
def gen():
    with open(sys.argv[2], encoding="utf-8") as fh:
        for line in fh:
            yield Analysis.from_dict(json.loads(line))
with Ledger(sys.argv[1]) as led:
    rep = led.add_analyses(gen())
print(json.dumps(rep.to_dict()))
"""


def write_analyses_jsonl(path: Path, analyses: list[Analysis]) -> Path:
    with open(path, "w", encoding="utf-8") as fh:
        for a in analyses:
            fh.write(json.dumps(a.to_dict(with_text=True), ensure_ascii=False) + "\n")
    return path


def ledger_fingerprint(db: Path) -> dict:
    """Everything a ledger holds, by natural keys (not row ids), for comparing two runs."""
    import sqlite3
    conn = sqlite3.connect(db)
    try:
        return {
            "articles": sorted(r[0] for r in conn.execute("SELECT id FROM articles")),
            "statements": sorted(conn.execute(
                "SELECT article_id, local_id, actor_id, content_start, content_end, framing FROM statements")),
            "stances": sorted(conn.execute(
                "SELECT s.article_id, s.local_id, p.key, p.gist, st.stance FROM stances st "
                "JOIN statements s ON s.id = st.statement_id JOIN propositions p ON p.id = st.proposition_id")),
            "links": sorted(conn.execute(
                "SELECT ap.article_id, ap.local_id, p.key, p.gist, ap.method FROM article_propositions ap "
                "JOIN propositions p ON p.id = ap.proposition_id")),
            "propositions": sorted(conn.execute('SELECT key, gist, "when" FROM propositions')),
            "actors": sorted(conn.execute("SELECT id, name, type, country FROM actors")),
            "fts": conn.execute("SELECT count(*) FROM statements_fts").fetchone()[0],
        }
    finally:
        conn.close()


def integrity_problems(db: Path) -> list[str]:
    import sqlite3
    conn = sqlite3.connect(db)
    try:
        probs = []
        ok = conn.execute("PRAGMA integrity_check").fetchall()
        if ok != [("ok",)]:
            probs.append(f"integrity_check: {ok}")
        fk = conn.execute("PRAGMA foreign_key_check").fetchall()
        if fk:
            probs.append(f"foreign_key_check: {fk[:5]}")
        try:
            conn.execute("INSERT INTO statements_fts(statements_fts) VALUES ('integrity-check')")
            conn.execute("INSERT INTO propositions_fts(propositions_fts) VALUES ('integrity-check')")
        except sqlite3.DatabaseError as e:
            probs.append(f"fts: {e}")
        dup = conn.execute("SELECT article_id, local_id, count(*) FROM statements GROUP BY 1, 2 HAVING count(*) > 1").fetchall()
        if dup:
            probs.append(f"duplicate statements: {dup[:5]}")
        dup = conn.execute("SELECT content_hash, count(*) FROM articles GROUP BY 1 HAVING count(*) > 1").fetchall()
        if dup:
            probs.append(f"duplicate articles: {dup[:5]}")
        orphans = conn.execute("SELECT count(*) FROM articles a WHERE a.analysis IS NOT NULL AND "
                               "json_array_length(a.analysis, '$.statements') != "
                               "(SELECT count(*) FROM statements s WHERE s.article_id = a.id)").fetchone()[0]
        if orphans:
            probs.append(f"{orphans} article(s) with missing statements")
        return probs
    finally:
        conn.close()
