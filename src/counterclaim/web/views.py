"""Thin view-model functions: shape what the Ledger API (or a fresh Analysis) returns for the pages.

Nothing here queries SQL or parses text; it only rearranges the plain dicts of the Ledger API
(see ``counterclaim.ledger``) and of ``Analysis.to_dict()``, tolerating optional keys.
"""
from __future__ import annotations

from typing import Any, Iterable, Optional

from ..ledger.counts import counts_link, dispute_counts
from ..ledger.queries import MIN_CONFIDENCE
from ..model import Analysis
from .highlight import highlight, statement_spans
from .labels import country_name

STANCES = ("asserts", "denies", "no_knowledge")
STANCE_LABEL = {"asserts": "asserts", "denies": "denies", "no_knowledge": "does not know"}


def ref_date(ref: dict) -> str:
    return ref.get("date") or ""


def timeline(asserted: Iterable[dict], denied: Iterable[dict], unknown: Iterable[dict] = ()) -> list[dict]:
    """Rows for a two-sided timeline: one row per date, with the asserting and the denying
    statements of that date side by side (undated ones last)."""
    rows: dict[str, dict[str, list]] = {}
    for side, refs in (("asserts", asserted), ("denies", denied), ("no_knowledge", unknown)):
        for r in refs or ():
            d = ref_date(r)
            row = rows.setdefault(d, {"asserts": [], "denies": [], "no_knowledge": []})
            row[side].append(r)
    dated = sorted((d for d in rows if d), reverse=False)
    out = [{"date": d, **rows[d]} for d in dated]
    if "" in rows:
        out.append({"date": "", **rows[""]})
    return out


def _latest(refs: list[dict], n: int) -> list[dict]:
    return sorted(refs, key=ref_date, reverse=True)[:n]


def dispute_view(d: dict, per_side: int = 3, verdict: Optional[dict] = None) -> dict:
    """One dispute-board item: its timeline rows, showing the ``per_side`` latest statements of each
    side (the proposition page shows them all), its counts (``ledger.counts``) and current verdict."""
    v = dict(d)
    v["proposition"] = d.get("proposition") or {}
    v["asserted_by"] = d.get("asserted_by") or []
    v["denied_by"] = d.get("denied_by") or []
    v["no_knowledge"] = d.get("no_knowledge") or []
    v["counts"] = d.get("counts") or dispute_counts(d)
    v["rows"] = timeline(_latest(v["asserted_by"], per_side), _latest(v["denied_by"], per_side),
                         _latest(v["no_knowledge"], per_side))
    total = len(v["asserted_by"]) + len(v["denied_by"]) + len(v["no_knowledge"])
    shown = sum(len(r["asserts"]) + len(r["denies"]) + len(r["no_knowledge"]) for r in v["rows"])
    v["n_hidden"] = total - shown
    v["outlets"] = d.get("outlets") or []
    v["verdict"] = verdict
    return v


def proposition_view(p: dict, reviews: Optional[list[dict]] = None,
                     min_confidence: float = MIN_CONFIDENCE) -> dict:
    """A claim page: the statements that count in a dispute (sure enough, with a known source) by
    side, the weaker links apart, the counts (``ledger.counts``, as the board shows them) and the
    verdicts, latest first."""
    v = dict(p)
    v["proposition"] = p.get("proposition") or {}
    groups, weak = [], []
    for stance in STANCES:
        refs = sorted(p.get(stance) or [], key=ref_date)
        kept = [r for r in refs if counts_link(r, min_confidence)]
        weak += [{**r, "stance": stance} for r in refs if not counts_link(r, min_confidence)]
        groups.append({"stance": stance, "label": STANCE_LABEL[stance], "refs": kept})
    v["groups"] = groups
    v["weak"] = sorted(weak, key=ref_date)
    by = {g["stance"]: g["refs"] for g in groups}
    v["rows"] = timeline(by["asserts"], by["denies"], by["no_knowledge"])
    v["counts"] = p.get("counts") or dispute_counts(p, min_confidence)
    v["outlets"] = sorted({r.get("outlet") for g in groups for r in g["refs"] if r.get("outlet")})
    v["n_statements"] = sum(len(g["refs"]) for g in groups)
    v["reviews"] = reviews or []
    v["verdict"] = v["reviews"][0] if v["reviews"] else None
    return v


def _anchor(st: dict) -> str:
    return f"st-{st.get('id')}"


def article_view(art: dict) -> dict:
    """An article dict (Ledger.article shape) plus its highlighted text."""
    v = dict(art)
    text = art.get("text") or ""
    sts = sorted(art.get("statements") or [], key=lambda s: _content_start(s))
    for st in sts:
        st["anchor"] = _anchor(st)
        st["label"] = st.get("local_id") or str(st.get("id"))
    v["statements"] = sts
    v["html"] = highlight(text, statement_spans(sts, anchor_of=lambda s: s["anchor"],
                                                label_of=lambda s: s["label"]))
    v["n_framed"] = sum(1 for s in sts if (s.get("cue") or {}).get("framing") not in (None, "neutral"))
    return v


def _content_start(st: dict) -> int:
    c = st.get("content") or []
    starts = [x.get("start") for x in c if x and x.get("start") is not None]
    return min(starts) if starts else 0


def analysis_article(a: Analysis) -> dict:
    """A fresh Analysis (the paste box) in the shape of ``Ledger.article`` so that the same
    template shows it. Its propositions are the article's own (P1, P2…), not ledger ids."""
    props = {p.id: p for p in a.propositions}
    art = a.article
    sts = []
    for s in a.statements:
        sts.append({
            "id": s.id,
            "local_id": s.id,
            "kind": s.kind,
            "source": s.source.span.to_dict() if s.source else None,
            "actor": s.source.entity.to_dict() if s.source and s.source.entity else None,
            "cue": ({**s.cue.span.to_dict(), "framing": s.cue.framing} if s.cue else None),
            "content": [c.to_dict() for c in s.content],
            "stances": [{"proposition_id": None, "local_proposition": x.proposition,
                         "gist": props[x.proposition].gist if x.proposition in props else x.proposition,
                         "stance": x.stance} for x in s.stances],
            "said_on": s.said_on.value if s.said_on else None,
            "via": s.via,
            "marks": [m.to_dict() for m in s.marks],
        })
    return {"id": art.id, "title": art.title, "outlet": art.outlet, "published": art.published,
            "url": art.url, "text": art.text, "statements": sts}


MIN_CELL = 10  # framed statements an (outlet, source country) cell needs before its share is drawn


def outlet_chart_data(outlets: list[dict], min_cell: int = MIN_CELL) -> dict[str, Any]:
    """The outlet framing page's chart data (embedded as JSON, drawn by Chart.js): shares are over
    the statements that have a cue (neutral + distancing + endorsing). By source country, a cell
    with fewer than ``min_cell`` such statements is left out (a share of 3 statements misleads),
    and so are sources of unknown country."""
    labels = [o.get("outlet") or "(unknown)" for o in outlets]

    def framed(o: dict) -> int:
        return sum(o.get(k) or 0 for k in ("neutral", "distancing", "endorsing"))

    def share(o: dict, k: str) -> float:
        n = framed(o)
        return round(100.0 * (o.get(k) or 0) / n, 1) if n else 0.0

    countries: dict[str, dict[str, Optional[float]]] = {}
    weight: dict[str, int] = {}
    for o, lbl in zip(outlets, labels):
        for c, row in (o.get("by_source_country") or {}).items():
            n = framed(row)
            if n >= min_cell and c and c != "unknown":
                countries.setdefault(c or "unknown", {})[lbl] = share(row, "distancing")
                weight[c or "unknown"] = weight.get(c or "unknown", 0) + n
    top = sorted(countries, key=lambda c: (-weight[c], c))[:12]
    return {
        "labels": labels,
        "framing": {k: [share(o, k) for o in outlets] for k in ("neutral", "distancing", "endorsing")},
        "marks": {"scare_quotes": [o.get("scare_quotes") or 0 for o in outlets],
                  "hedges": [o.get("hedges") or 0 for o in outlets]},
        "countries": [country_name(c) for c in top],
        "by_country": {country_name(c): [countries[c].get(lbl) for lbl in labels] for c in top},
    }


def framing_class(framing: Optional[str]) -> str:
    return {"distancing": "fr-dist", "endorsing": "fr-end"}.get(framing or "", "fr-neutral")


def truncate(s: Optional[str], n: int = 280) -> str:
    s = s or ""
    return s if len(s) <= n else s[: n - 1].rstrip() + "…"

