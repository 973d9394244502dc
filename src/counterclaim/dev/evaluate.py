"""Evaluation: analyze annotated articles and score them with the shared reference scorer.

The scorer is ``shared/eval/score.py`` (stdlib only), found at ``$COUNTERCLAIM_SCORER`` or at
``../shared/eval/score.py`` from the working directory or the repository root.
"""
from __future__ import annotations

import csv
import importlib.util
import json
import os
import re
import tempfile
from pathlib import Path
from typing import Optional

from ..model import Analysis, Article, Skipped, primary_stance

_HERE = Path(__file__).resolve()


def load_scorer():
    cands = [os.environ.get("COUNTERCLAIM_SCORER"), "../shared/eval/score.py",
             str(_HERE.parents[4] / "shared" / "eval" / "score.py"),
             str(_HERE.parents[3] / ".." / "shared" / "eval" / "score.py")]
    for c in cands:
        if c and Path(c).is_file():
            spec = importlib.util.spec_from_file_location("cc_reference_scorer", c)
            mod = importlib.util.module_from_spec(spec)
            spec.loader.exec_module(mod)
            return mod
    raise FileNotFoundError("reference scorer not found: set COUNTERCLAIM_SCORER to shared/eval/score.py")


def polnear_metadata(split_dir: Path, metadata: Optional[Path] = None) -> dict[str, dict]:
    """metadata.tsv rows by file name (default: the file beside the split); {} when there is none."""
    meta_path = Path(metadata) if metadata else Path(split_dir).parent / "metadata.tsv"
    if not meta_path.is_file():
        return {}
    with open(meta_path, encoding="utf-8") as f:
        return {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}


def polnear_articles(split_dir: Path, metadata: Optional[Path] = None, limit: Optional[int] = None):
    """Articles of a PolNeAR-style split that have annotations, with outlet and date from metadata.tsv."""
    split_dir = Path(split_dir)
    meta = polnear_metadata(split_dir, metadata)
    names = sorted({re.sub(r"_[0-9a-f]{4}\.ann$", "", fn) for fn in os.listdir(split_dir / "attributions")
                    if fn.endswith(".ann")})
    if limit:
        names = names[:limit]
    for name in names:
        text = (split_dir / "text" / f"{name}.txt").read_text(encoding="utf-8")
        row = meta.get(name, {})
        pub = row.get("publication_date")
        yield Article(text=text, id=name, title=row.get("title") or None, outlet=row.get("publisher") or None,
                      published=pub if pub and re.match(r"^\d{4}-\d{2}-\d{2}$", pub) else None, origin=name)


def write_predictions(analyses, pred_dir: Path) -> int:
    pred_dir.mkdir(parents=True, exist_ok=True)
    n = 0
    for a in analyses:
        if isinstance(a, Skipped):
            continue
        (pred_dir / f"{a.article.id}.json").write_text(json.dumps(a.to_dict(), ensure_ascii=False), encoding="utf-8")
        n += 1
    return n


def eval_polnear(split_dir: Path, metadata: Optional[Path] = None, pred_dir: Optional[Path] = None,
                 limit: Optional[int] = None) -> dict:
    from ..analyze import analyze_articles

    scorer = load_scorer()
    arts = list(polnear_articles(split_dir, metadata, limit))
    with tempfile.TemporaryDirectory() as tmp:
        out = Path(pred_dir) if pred_dir else Path(tmp)
        write_predictions(analyze_articles(arts), out)
        if limit:  # score only the articles analyzed
            gold_tmp = Path(tmp) / "gold"
            (gold_tmp / "text").mkdir(parents=True)
            (gold_tmp / "attributions").mkdir()
            keep = {a.id for a in arts}
            for fn in os.listdir(Path(split_dir) / "attributions"):
                if re.sub(r"_[0-9a-f]{4}\.ann$", "", fn) in keep:
                    os.symlink(Path(split_dir).resolve() / "attributions" / fn, gold_tmp / "attributions" / fn)
            for k in keep:
                os.symlink(Path(split_dir).resolve() / "text" / f"{k}.txt", gold_tmp / "text" / f"{k}.txt")
            meta = metadata or Path(split_dir).parent / "metadata.tsv"
            return scorer.run_polnear(str(gold_tmp), str(out), str(meta))
        return scorer.run_polnear(str(split_dir), str(out), str(metadata) if metadata else None)


def analyze_gold_article(gold_path: Path) -> tuple[dict, Analysis]:
    from ..analyze import analyze

    gold = json.loads(Path(gold_path).read_text(encoding="utf-8"))
    art = gold["article"]
    text = (Path(gold_path).parent / art["path"]).read_text(encoding="utf-8")
    return gold, analyze(text, outlet=art.get("outlet"), published=art.get("published"), title=art.get("title"),
                         id=art.get("id", ""))


def eval_gold(gold_path: Path) -> dict:
    scorer = load_scorer()
    gold, analysis = analyze_gold_article(gold_path)
    with tempfile.TemporaryDirectory() as tmp:
        pred = Path(tmp) / "pred.json"
        pred.write_text(json.dumps(analysis.to_dict(), ensure_ascii=False), encoding="utf-8")
        rep = scorer.run_gold(str(gold_path), str(pred))
    rep["details"] = gold_details(gold, analysis, scorer)
    return rep


SEED_AMOUNTS = [("$45 billion", 45e9), ("$1.85 billion", 1.85e9), ("$20 billion", 20e9), ("50,000 troops", 5e4)]


def gold_details(gold: dict, analysis: Analysis, scorer) -> dict:
    """Per gold statement: matched prediction, source, speaker, stance, date; plus amounts."""
    text = analysis.article.text
    g_stmts = gold["statements"]
    by_id = {s["id"]: s for s in g_stmts}
    norm = scorer.norm_span

    def role(s, r):
        v = s.get(r)
        return norm(v) if v else None

    gold_r = [{"source": role(s, "source") or role(by_id.get(s.get("source_ref"), {}), "source"),
               "cue": role(s, "cue"), "content": role(s, "content")} for s in g_stmts]
    preds = [{"source": norm(d["source"]) if d["source"] else None, "cue": norm(d["cue"]) if d["cue"] else None,
              "content": norm(d["content"])} for d in (s.to_dict() for s in analysis.statements)]
    pairs = dict(scorer.match_attributions(gold_r, preds, text))
    rows = []
    for gi, g in enumerate(g_stmts):
        pi = pairs.get(gi)
        p = analysis.statements[pi] if pi is not None else None
        g_src = g.get("source") or by_id.get(g.get("source_ref"), {}).get("source")
        g_ent = (g_src or {}).get("entity") or {}
        row = {"id": g["id"], "required": g.get("required", True), "found": p is not None,
               "pred_id": p.id if p else None, "gold_source": (g_src or {}).get("text"),
               "pred_source": (p.source.span.text if p and p.source else None),
               "gold_speaker": g_ent.get("name"), "pred_speaker": None, "speaker_ok": None,
               "gold_stances": [f"{a}:{b}" for a, b in g.get("stances", [])],
               "pred_stances": [f"{x.proposition}:{x.stance}" for x in p.stances] if p else [],
               "gold_said_on": g.get("said_on"), "pred_said_on": (p.said_on.value if p and p.said_on else None),
               "gold_framing": (g.get("cue") or {}).get("framing"),
               "pred_framing": p.cue.framing if p and p.cue else None,
               "gold_via": g.get("via"), "pred_via": p.via if p else None,
               "gold_marks": g.get("reporter_marks", []),
               "pred_marks": [_mark_text(m) for m in p.marks] if p else []}
        if p:
            ent = p.source.entity if p.source else None
            if ent is None and p.source_ref:
                ref = next((s for s in analysis.statements if s.id == p.source_ref), None)
                ent = ref.source.entity if ref and ref.source else None
            row["pred_speaker"] = ent.name if ent else None
            row["speaker_ok"] = _same_speaker(g_ent, ent)
            gl = sorted(b for _, b in g.get("stances", []))
            pl = sorted(x.stance for x in p.stances)
            row["stance_ok"] = gl == pl
            row["said_on_ok"] = g.get("said_on") == row["pred_said_on"] if g.get("said_on") else None
        rows.append(row)
    want_q = [(q["text"], q["value"]) for q in gold.get("quantities", [])]
    if not want_q and gold.get("article", {}).get("id") == "seed-rt-dprk-2022-12-23":
        want_q = SEED_AMOUNTS  # the list for the seed; its gold file has no quantities
    amounts = []
    for txt, val in want_q:
        hit = next((q for q in analysis.quantities if abs(q.value - val) < 1e-6 * val
                    and txt.split()[0].lstrip("$") in q.text), None)
        amounts.append({"text": txt, "value": val, "found": bool(hit), "pred": hit.to_dict() if hit else None})
    props = [p.to_dict() for p in analysis.propositions]
    return {"statements": rows, "amounts": amounts, "propositions": props, "gold_propositions": gold.get("propositions", [])}


def _mark_text(m) -> str:
    """A reporter mark as the gold writes it: "scare quotes: confirmed", "hedge: allegedly"."""
    kind = "scare quotes" if m.type == "scare_quotes" else m.type
    return f"{kind}: {m.text.strip(_QUOTE_CHARS)}"


_QUOTE_CHARS = "\u201c\u201d\u2018\u2019\"'"


def _same_speaker(g_ent: dict, ent) -> Optional[bool]:
    if not g_ent:
        return None
    if ent is None:
        return False
    g_country = (g_ent.get("country") or "")
    if g_ent.get("type") == "person":
        gname = g_ent.get("name", "").lower()
        role = (g_ent.get("role") or "").lower()
        name = (ent.name or "").lower()
        if gname and (name == gname or name.split()[-1:] == gname.split()[-1:]):
            return True
        return bool(ent.type == "person" and role and ent.role and
                    set(role.split()) & set((ent.role or "").lower().split()) and (ent.country or "") == g_country)
    gold_parts = set(g_country.split(";"))
    pred_parts = set((ent.country or ent.id or "").split(";")) | {ent.id}
    return bool(gold_parts & pred_parts)


def brief(rep: dict) -> str:
    a = rep["attribution"]
    line = (f"attribution P={a['p']} R={a['r']} F1={a['f1']} (gold {a['gold']}, predicted {a['predicted']}, "
            f"matched {a['matched_with_source']}) · content overlap F1={rep['roles']['content']['overlap']['f1']} "
            f"exact F1={rep['roles']['content']['exact']['f1']} · cue exact F1={rep['roles']['cue']['exact']['f1']} "
            f"· source exact F1={rep['roles']['source']['exact']['f1']}")
    if "stance" in rep:
        line += (f"\nstance accuracy={rep['stance']['accuracy']} ({rep['stance']['correct']}/{rep['stance']['gold_triples']})"
                 f" · proposition grouping F1={rep['proposition_grouping']['f1']}")
    if "details" in rep:
        rows = [r for r in rep["details"]["statements"] if r["required"]]
        sp = [r for r in rows if r["speaker_ok"] is not None]
        so = [r for r in rows if r.get("said_on_ok") is not None]
        am = rep["details"]["amounts"]
        line += (f"\nrequired statements found {sum(r['found'] for r in rows)}/{len(rows)}"
                 f" · speakers resolved {sum(bool(r['speaker_ok']) for r in sp)}/{len(sp)}"
                 f" · said_on right {sum(bool(r['said_on_ok']) for r in so)}/{sum(1 for r in rows if r['gold_said_on'])}"
                 f" · amounts found {sum(x['found'] for x in am)}/{len(am)}")
    return line


def gold_table(rep: dict) -> str:
    """A Markdown table of each gold statement: what the analyzer got right (✓) and wrong (✗)."""
    def mark(v):
        return "—" if v is None else ("✓" if v else "✗")

    out = ["| gold | found | source (gold → predicted) | speaker | stance (gold / predicted) | said_on (gold / predicted) | framing |",
           "|---|---|---|---|---|---|---|"]
    for r in rep["details"]["statements"]:
        gid = r["id"] + ("" if r["required"] else " (optional)")
        src = f"{r['gold_source'] or '—'} → {r['pred_source'] or '—'}" if r["found"] else (r["gold_source"] or "—")
        spk = f"{mark(r['speaker_ok'])} {r['pred_speaker'] or ''}".strip() if r["found"] else "—"
        st = f"{mark(r.get('stance_ok'))} {', '.join(r['gold_stances']) or '∅'} / {', '.join(r['pred_stances']) or '∅'}" if r["found"] else "—"
        so = f"{mark(r.get('said_on_ok'))} {r['gold_said_on'] or '∅'} / {r['pred_said_on'] or '∅'}" if r["found"] else "—"
        fr = f"{mark(r['gold_framing'] == r['pred_framing'])} {r['gold_framing']} / {r['pred_framing']}" if r["found"] and r["gold_framing"] else "—"
        out.append(f"| {gid} | {mark(r['found'])} | {src} | {spk} | {st} | {so} | {fr} |")
    out.append("")
    out.append("| gold | via (gold / predicted) | reporter marks (gold / predicted) |")
    out.append("|---|---|---|")
    for r in rep["details"]["statements"]:
        if r["found"] and (r.get("gold_via") or r.get("pred_via") or r.get("gold_marks") or r.get("pred_marks")):
            out.append(f"| {r['id']} | {r.get('gold_via') or '∅'} / {r.get('pred_via') or '∅'} | "
                       f"{'; '.join(r.get('gold_marks') or []) or '∅'} / {'; '.join(r.get('pred_marks') or []) or '∅'} |")
    out.append("")
    out.append("| amount | found | value |")
    out.append("|---|---|---|")
    for x in rep["details"]["amounts"]:
        out.append(f"| {x['text']} | {mark(x['found'])} | {x['pred']['value'] if x['pred'] else '—'} |")
    if rep["details"].get("propositions"):
        out.append("")
        out.append("| predicted proposition | gist | agent | relation | recipient | when |")
        out.append("|---|---|---|---|---|---|")
        for p in rep["details"]["propositions"]:
            out.append(f"| {p['id']} | {p['gist']} | {p['agent'] or '—'} | {p['relation'] or '—'} | "
                       f"{p['recipient'] or '—'} | {p['when'] or '—'} |")
    return "\n".join(out)


# ------------------------------------------------------------------------------------------------
# Stance on hand-labelled PolNeAR attributions (eval/stance/train-dev-stratified.jsonl)

STANCE_LABELS = ("asserts", "denies", "no_knowledge", "none")
DEFAULT_STANCE_SET = _HERE.parents[3] / "eval" / "stance" / "train-dev-stratified.jsonl"


def polnear_root(explicit: Optional[Path] = None) -> Path:
    """Where the PolNeAR train/dev splits are: --polnear, $COUNTERCLAIM_SHARED/polnear or ../shared/polnear."""
    cands = [explicit, (Path(os.environ["COUNTERCLAIM_SHARED"]) / "polnear") if os.environ.get("COUNTERCLAIM_SHARED") else None,
             Path("../shared/polnear"), _HERE.parents[4] / "shared" / "polnear"]
    for c in cands:
        if c and Path(c).is_dir():
            return Path(c)
    raise FileNotFoundError("PolNeAR not found: pass --polnear DIR (the folder holding train/, dev/, metadata.tsv)")


def brat_attributions(path: Path, text: str) -> list:
    """The attributions of a BRAT .ann file as Statements (content, cue and source spans), in text order."""
    from ..model import Cue, Source, Span, Statement

    spans, rels = {}, []
    for line in Path(path).read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if len(parts) < 2:
            continue
        if parts[0].startswith("T"):
            label, _, offs = parts[1].partition(" ")
            spans[parts[0]] = [tuple(int(x) for x in piece.split()) for piece in offs.split(";")]
        elif parts[0].startswith("E"):
            rels.append(dict(a.split(":", 1) for a in parts[1].split() if ":" in a))
    out = []
    for r in rels:
        content = spans.get(r.get("Content"))
        if not content:
            continue
        cue = spans.get(r.get("Cue"))
        src = spans.get(r.get("Source"))
        st = Statement(id="", content=[Span(s, e, text[s:e]) for s, e in content],
                       cue=Cue(Span(cue[0][0], cue[-1][1], text[cue[0][0]:cue[-1][1]])) if cue else None,
                       source=Source(Span(src[0][0], src[-1][1], text[src[0][0]:src[-1][1]])) if src else None)
        out.append(st)
    out.sort(key=lambda s: s.start)
    for i, st in enumerate(out, 1):
        st.id = f"S{i}"
    return out


def _analyze_with_gold_spans(arts: list, root: Path, items: list) -> dict:
    """Run the pipeline with the attribution step replaced by the gold attributions of the .ann file
    (stance measured on its own, independent of attribution errors). An article annotated by several
    annotators is run once per .ann file its items come from, each item against its own annotator's
    attributions: keys are (article id, .ann name)."""
    from ..analyze import SegmentResult, merge_segments
    from ..nlp.pipeline import get_nlp
    from ..nlp.doctext import make_doc

    nlp = get_nlp()
    anns: dict[str, dict[str, Path]] = {}  # article id -> .ann name -> its path, in the items' order
    for x in items:
        anns.setdefault(f"{x['split']}/{x['file']}", {}).setdefault(x["ann"], root / x["split"] / "attributions" / x["ann"])
    out = {}
    for art in arts:
        for ann, ann_path in anns.get(art.id, {}).items():
            doc = make_doc(nlp, art.text)
            doc._.article = art
            for name, proc in nlp.pipeline:
                if name == "cc_attribution":
                    doc._.statements = brat_attributions(ann_path, art.text)
                    continue
                doc = proc(doc)
            out[(art.id, ann)] = merge_segments(art, [(0, SegmentResult.of(doc))])
    return out


def eval_stance(path: Path = DEFAULT_STANCE_SET, polnear: Optional[Path] = None,
                splits: Optional[list[str]] = None, gold_spans: bool = False, label_field: str = "label") -> dict:
    """Analyze the labelled articles, match each labelled attribution to the predicted statement whose
    content overlaps it most (one-to-one, greedy by shared characters) and score the statement's
    primary stance against the hand label (``label_field``: the blind sets keep each labeller's label
    beside the adjudicated ``label``: ``label_first``, ``label_second``). Reports per split: accuracy
    over matched statements, the confusion matrix and denial precision/recall (over matched statements)."""
    from ..analyze import analyze_articles

    root = polnear_root(polnear)
    items = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    if splits:
        items = [x for x in items if x["split"] in splits]
    if any(x["split"] == "test" for x in items):
        raise ValueError("the stance set must not use PolNeAR's test split")
    meta = {}
    mp = root / "metadata.tsv"
    if mp.is_file():
        with open(mp, encoding="utf-8") as f:
            meta = {row["filename"]: row for row in csv.DictReader(f, delimiter="\t")}
    keys = sorted({(x["split"], x["file"]) for x in items})
    arts = []
    for split, name in keys:
        text = (root / split / "text" / f"{name}.txt").read_text(encoding="utf-8")
        pub = (meta.get(name) or {}).get("publication_date")
        arts.append(Article(text=text, id=f"{split}/{name}", outlet=(meta.get(name) or {}).get("publisher"),
                            published=pub if pub and re.match(r"^\d{4}-\d{2}-\d{2}$", pub) else None, origin=name))
    analyses = {}
    if gold_spans:
        analyses = _analyze_with_gold_spans(arts, root, items)
    else:
        for a in analyze_articles(arts):
            if not isinstance(a, Skipped):
                analyses[a.article.id] = a
    by_art: dict[tuple, list[dict]] = {}  # gold attributions: one analysis per article and .ann file
    for x in items:
        by_art.setdefault((f"{x['split']}/{x['file']}", x["ann"] if gold_spans else None), []).append(x)
    rows = []
    for (aid, ann), golds in by_art.items():
        an = analyses.get((aid, ann) if gold_spans else aid)
        text = an.article.text if an else ""
        preds = an.statements if an else []

        def chars(spans):
            return {i for s, e in spans for i in range(s, e) if i < len(text) and not text[i].isspace()}

        pc = [chars([(c.start, c.end) for c in p.content]) for p in preds]
        cand = []
        for gi, g in enumerate(golds):
            gc = chars(g["content"])
            for pi, p in enumerate(pc):
                shared = len(gc & p)
                if shared:
                    cand.append((shared, gi, pi))
        cand.sort(reverse=True)
        used_g, used_p, pair = set(), set(), {}
        for _, gi, pi in cand:
            if gi in used_g or pi in used_p:
                continue
            used_g.add(gi)
            used_p.add(pi)
            pair[gi] = pi
        for gi, g in enumerate(golds):
            p = preds[pair[gi]] if gi in pair else None
            rows.append({"split": g["split"], "file": g["file"], "content": g["content"], "gold": g[label_field],
                         "stratum": stratum_of(g.get("sample")),
                         "pred": primary_stance(p.stances) if p else None,
                         "pred_stances": [s.to_dict() for s in p.stances] if p else None})
    report = {"set": str(path), "mode": "gold attributions" if gold_spans else "predicted attributions",
              "labels": label_field, "splits": {}}
    for split in sorted({r["split"] for r in rows}):
        rs = [r for r in rows if r["split"] == split]
        m = [r for r in rs if r["pred"] is not None]
        ok = sum(r["pred"] == r["gold"] for r in m)
        conf = {g: {p: sum(1 for r in m if r["gold"] == g and r["pred"] == p) for p in STANCE_LABELS} for g in STANCE_LABELS}
        per = {lbl: _label_scores(m, lbl) for lbl in ("denies", "no_knowledge", "asserts", "none")}
        report["splits"][split] = {"labelled": len(rs), "matched": len(m),
                                   "accuracy": round(ok / len(m), 4) if m else 0.0, "correct": ok,
                                   "per_label": per, "confusion": conf}
    report["rows"] = rows
    return report


STRATA = ("random", "denial-cue", "denial-keyword", "noknow-keyword")
_STRATUM = re.compile(r"(?:^|-)(" + "|".join(STRATA) + r")(?:-|$)")  # "blind3-dev-denial-keyword", "random-3b"


def stratum_of(sample: Optional[str]) -> Optional[str]:
    """The kind of draw an item came from, whatever the set ("blind2-random", "blind3-dev-denial-keyword",
    "random-3b" → "random", "denial-keyword", "random"; "random+keyword", a mixed draw, has none).
    Random items are the natural mix of news attributions; the others were drawn for a denial or
    no-knowledge word, harder on purpose."""
    m = _STRATUM.search(sample or "")
    return m.group(1) if m else None


def pool_stance_reports(reps: list[dict]) -> dict:
    """Several sets scored as one (the held-out sets together): accuracy over all matched statements
    and denial precision / recall, from the rows of each report."""
    m = [r for rep in reps for r in rep["rows"] if r["pred"] is not None]
    ok = sum(r["pred"] == r["gold"] for r in m)
    strata = {}
    for k in sorted({r.get("stratum") for r in m if r.get("stratum")}):
        ms = [r for r in m if r.get("stratum") == k]
        right = sum(r["pred"] == r["gold"] for r in ms)
        strata[k] = {"matched": len(ms), "correct": right, "accuracy": round(right / len(ms), 4)}
    return {"sets": [rep["set"] for rep in reps], "labelled": sum(len(rep["rows"]) for rep in reps), "matched": len(m),
            "correct": ok, "accuracy": round(ok / len(m), 4) if m else 0.0, "denies": _label_scores(m, "denies"),
            "strata": strata}


def _label_scores(m: list[dict], lbl: str) -> dict:
    """Precision / recall of one label over matched rows, with its counts."""
    tp = sum(1 for r in m if r["pred"] == lbl and r["gold"] == lbl)
    npred = sum(1 for r in m if r["pred"] == lbl)
    ngold = sum(1 for r in m if r["gold"] == lbl)
    return {"gold": ngold, "predicted": npred, "correct": tp,
            **prf_dict(tp / npred if npred else 0.0, tp / ngold if ngold else 0.0)}


def prf_dict(p: float, r: float) -> dict:
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"p": round(p, 4), "r": round(r, 4), "f1": round(f, 4)}


def stance_brief(rep: dict) -> str:
    out = []
    for split, s in rep["splits"].items():
        d, k = s["per_label"]["denies"], s["per_label"]["no_knowledge"]
        out.append(f"{split} ({rep.get('mode', '')}): stance accuracy={s['accuracy']} ({s['correct']}/{s['matched']} matched of {s['labelled']} labelled)"
                   f" · denies P={d['p']} R={d['r']} (gold {d['gold']}, predicted {d['predicted']})"
                   f" · no_knowledge P={k['p']} R={k['r']} (gold {k['gold']}, predicted {k['predicted']})")
    return "\n".join(out)
