"""The check a developer runs before leaving a change: each step's share of the pipeline's CPU against
the budget, and analyze / bare spaCy against the last recorded figure.

The budget and the last recorded figures live in ``docs/bench-baseline.json`` (``BASELINE``):

    {"budget": {"counterclaim_share": 0.12, "steps": {"cc_propositions": 0.045, ...}},
     "recorded": {"corpus": ..., "counterclaim_share": ..., "shares": {...}, "analyze_vs_spacy": ..., ...}}

``run_check`` measures (``bench.run_components`` for the shares, ``bench.run_bench`` with the spacy and
analyze arms for the ratio, both on the CPU clock); ``compare`` sets the figures against the file;
``record`` writes them as the new recorded figures (the budget is edited by hand). A benchmark, not
a timed test: it reports, and fails only when asked to (``strict``) and a share is over budget.
"""
from __future__ import annotations

import datetime
import json
from pathlib import Path
from typing import Callable, Optional, Union

from .bench import ROOT, run_bench, run_components

BASELINE = ROOT / "docs" / "bench-baseline.json"
RATIO_SLACK = 0.03  # a single run's analyze/spaCy ratio is good to about this on a shared machine


def load_baseline(path: Union[str, Path] = BASELINE) -> dict:
    p = Path(path)
    if not p.is_file():
        return {"budget": {}, "recorded": {}}
    data = json.loads(p.read_text(encoding="utf-8"))
    data.setdefault("budget", {})
    data.setdefault("recorded", {})
    return data


def run_check(corpus: Optional[Union[str, Path]] = None, *, rounds: int = 2, limit: Optional[int] = None,
              log: Optional[Callable[[str], None]] = None) -> dict:
    """Measure the shares of the pipeline's steps and the analyze / spaCy ratio on ``corpus``."""
    if log:
        log("components: each step alone over the corpus ...")
    comp = run_components(corpus, limit=limit, rounds=rounds)
    if log:
        log("throughput: bare spaCy and analyze, in alternation ...")
    bench = run_bench(corpus, rounds=rounds, limit=limit, arms=("spacy", "analyze"), clock="cpu", log=log)
    return {"corpus": str(corpus or "examples/"), "n_articles": comp["n_articles"], "n_tokens": comp["n_tokens"],
            "rounds": rounds, "counterclaim_share": comp["counterclaim_share"], "encoder_share": comp["encoder_share"],
            "shares": {c["name"]: c["share"] for c in comp["components"]},
            "seconds": {c["name"]: c["seconds"] for c in comp["components"]},
            "analyze_vs_spacy": bench["ratios"]["analyze_vs_spacy"],
            "spacy_cpu_s": bench["spacy"]["cpu_seconds"], "analyze_cpu_s": bench["analyze"]["cpu_seconds"]}


def compare(res: dict, baseline: dict) -> dict:
    """The verdicts: each Counterclaim step and their total against the budget, the ratio against the
    recorded one (lower by more than ``RATIO_SLACK``: a regression)."""
    budget, rec = baseline.get("budget", {}), baseline.get("recorded", {})
    steps = budget.get("steps", {})
    over = [n for n, s in res["shares"].items() if n in steps and s > steps[n]]
    total_budget = budget.get("counterclaim_share")
    total_over = total_budget is not None and res["counterclaim_share"] > total_budget
    ratio, was = res.get("analyze_vs_spacy"), rec.get("analyze_vs_spacy")
    slower = ratio is not None and was is not None and ratio < was - RATIO_SLACK
    return {"over_budget": over, "total_over_budget": total_over, "ratio_regressed": slower,
            "ok": not over and not total_over and not slower}


def format_check(res: dict, baseline: dict, verdict: dict) -> str:
    budget, rec = baseline.get("budget", {}), baseline.get("recorded", {})
    steps, was = budget.get("steps", {}), rec.get("shares", {})
    lines = [f"{res['corpus']}: {res['n_articles']} articles, {res['n_tokens']:,} tokens; CPU clock, "
             f"median of {res['rounds']} round(s)",
             f"  {'step':18s} {'cpu s':>8s} {'share':>7s} {'budget':>7s} {'recorded':>9s}"]
    for name, share in res["shares"].items():
        b = f"{100 * steps[name]:6.1f}%" if name in steps else f"{'':7s}"
        r = f"{100 * was[name]:8.1f}%" if name in was else f"{'':9s}"
        flag = "  OVER" if name in verdict["over_budget"] else ""
        lines.append(f"  {name:18s} {res['seconds'][name]:8.3f} {100 * share:6.1f}% {b} {r}{flag}")
    tb = budget.get("counterclaim_share")
    lines.append(f"Counterclaim's rule steps: {100 * res['counterclaim_share']:.1f}% of the pipeline"
                 + (f" (budget {100 * tb:.0f}%)" if tb is not None else "")
                 + (f", recorded {100 * rec['counterclaim_share']:.1f}%" if "counterclaim_share" in rec else "")
                 + ("  OVER" if verdict["total_over_budget"] else "")
                 + f"; the stance encoder (a model step, its own budget above): {100 * res.get('encoder_share', 0.0):.1f}%")
    ratio = res["analyze_vs_spacy"]
    lines.append(f"analyze / bare spaCy: {ratio}"
                 + (f" (recorded {rec['analyze_vs_spacy']} on {rec.get('date', '?')})" if "analyze_vs_spacy" in rec else "")
                 + ("  LOWER" if verdict["ratio_regressed"] else ""))
    lines.append("ok" if verdict["ok"] else "not ok: see OVER / LOWER above (shares and ratios vary by a few "
                 "points between runs on a shared machine: run again before concluding)")
    return "\n".join(lines)


def record(res: dict, path: Union[str, Path] = BASELINE) -> dict:
    """Write ``res`` as the recorded figures of the baseline file (keeping its budget)."""
    data = load_baseline(path)
    data["recorded"] = {"date": datetime.date.today().isoformat(), **{k: res[k] for k in (
        "corpus", "n_articles", "n_tokens", "rounds", "counterclaim_share", "shares", "analyze_vs_spacy")}}
    Path(path).write_text(json.dumps(data, indent=2) + "\n", encoding="utf-8")
    return data
