"""Stance probes: minimal pairs of attribution, denial and no-knowledge forms, run through the analyzer.

Usage: python eval/probes/probes.py [--form F] [--show-failures] [--json] [--write-floor]

``stance-probes.tsv`` holds one probe a row: a sentence or two written for the file, the source and cue
words expected, the claim in its positive form and the source's stance on it (asserts / denies /
no_knowledge, with an optional hedge degree). Each grammatical form is a set of rows, so a rule is
checked on sentences it was not written for, and adding a form is adding rows.

A row passes when its statement is found and its stance is right:

- found: a statement whose source span overlaps an occurrence of the expected source words (for
  ``<outlet>``: a statement with no source, or the article's outlet as its source) and, when the row
  gives a cue, whose cue span overlaps an occurrence of the cue words; the first such statement in
  the text is the row's statement;
- stance right: the statement's stance on its first proposition equals the row's stance. Both are
  the source's commitment to the claim in its positive form (``Proposition.claim``: "the samples
  were not contaminated" denies "the samples were contaminated").

The claim and hedge columns are recorded but not scored: the claim is printed beside the positive
claim of the proposition the analyzer linked, and the hedge beside the hedge marks it found.

``--write-floor`` records today's passing rows per form in ``stance-probes-floor.json``; the test
``tests/nlp/test_stance_probes.py`` fails when a form passes fewer rows than its floor.
"""
from __future__ import annotations

import argparse
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable, Optional

HERE = Path(__file__).resolve().parent
TSV = HERE / "stance-probes.tsv"
FLOOR = HERE / "stance-probes-floor.json"

COLUMNS = ("id", "form", "text", "source", "cue", "claim", "stance", "hedge", "domain", "pair")
STANCES = ("asserts", "denies", "no_knowledge")
HEDGES = ("", "probable", "possible")
OUTLET = "<outlet>"
OUTLET_NAME = "The Northfield Courier"  # the outlet every probe is published by
MIN_ROWS = 8
MIN_DOMAINS = 3


@dataclass(frozen=True)
class Probe:
    id: str
    form: str
    text: str
    source: str
    cue: str
    claim: str
    stance: str
    hedge: str
    domain: str
    pair: str
    line: int = 0


@dataclass
class Result:
    probe: Probe
    found: bool = False
    polarity: Optional[str] = None  # the stance on the first proposition (its positive claim)
    source: Optional[str] = None
    cue: Optional[str] = None
    content: str = ""
    gist: str = ""
    hedges: list[str] = field(default_factory=list)
    statements: list[str] = field(default_factory=list)  # every statement found, for reading failures

    @property
    def right(self) -> bool:
        return self.found and self.polarity == self.probe.stance

    def to_dict(self) -> dict:
        p = self.probe
        return {"id": p.id, "form": p.form, "text": p.text, "expected": {
                    "source": p.source, "cue": p.cue, "claim": p.claim, "stance": p.stance, "hedge": p.hedge},
                "found": self.found, "right": self.right, "polarity": self.polarity,
                "source": self.source, "cue": self.cue, "content": self.content,
                "gist": self.gist, "hedges": self.hedges, "statements": self.statements}


def load(path: Path = TSV) -> list[Probe]:
    """The probes of a TSV file: ``#`` lines are comments, the first other line names the columns."""
    probes: list[Probe] = []
    header: Optional[list[str]] = None
    with open(path, encoding="utf-8", newline="") as f:
        for n, raw in enumerate(f, 1):
            line = raw.rstrip("\r\n")
            if not line.strip() or line.startswith("#"):
                continue
            cells = line.split("\t")
            if header is None:
                header = cells
                if tuple(header) != COLUMNS:
                    raise ValueError(f"{path}:{n}: columns {header}, expected {list(COLUMNS)}")
                continue
            if len(cells) != len(COLUMNS):
                raise ValueError(f"{path}:{n}: {len(cells)} cells, expected {len(COLUMNS)}")
            probes.append(Probe(*cells, line=n))
    return probes


def problems(probes: list[Probe]) -> list[str]:
    """What is wrong with a probe set: duplicate ids, pairs to nowhere, bad values, thin forms."""
    out: list[str] = []
    ids = [p.id for p in probes]
    seen: set[str] = set()
    for i in ids:
        if i in seen:
            out.append(f"duplicate id {i}")
        seen.add(i)
    for p in probes:
        where = f"{p.id} (line {p.line})"
        for col in ("id", "form", "text", "source", "claim", "stance", "domain"):
            if not getattr(p, col).strip():
                out.append(f"{where}: empty {col}")
        if p.stance not in STANCES:
            out.append(f"{where}: stance {p.stance!r} not one of {STANCES}")
        if p.hedge not in HEDGES:
            out.append(f"{where}: hedge {p.hedge!r} not one of {HEDGES}")
        if p.pair and p.pair not in seen:
            out.append(f"{where}: pair {p.pair} is no row's id")
        if p.pair == p.id:
            out.append(f"{where}: paired with itself")
        if p.source != OUTLET and p.source not in p.text:
            out.append(f"{where}: source {p.source!r} is not in the text")
        if p.source == OUTLET and p.cue:
            out.append(f"{where}: an outlet's own words have no cue")
        if p.cue and p.cue not in p.text:
            out.append(f"{where}: cue {p.cue!r} is not in the text")
    for form, rows in by_form(probes).items():
        domains = {p.domain for p in rows}
        if len(rows) < MIN_ROWS:
            out.append(f"form {form}: {len(rows)} rows, fewer than {MIN_ROWS}")
        if len(domains) < MIN_DOMAINS:
            out.append(f"form {form}: {len(domains)} domains, fewer than {MIN_DOMAINS}")
    return out


def by_form(items: Iterable) -> dict[str, list]:
    """Probes (or results) grouped by form, in the order the forms first appear."""
    out: dict[str, list] = {}
    for x in items:
        p = x.probe if isinstance(x, Result) else x
        out.setdefault(p.form, []).append(x)
    return out


def occurrences(text: str, words: str) -> list[tuple[int, int]]:
    """Every (start, end) at which ``words`` occurs in ``text``."""
    out, i = [], text.find(words)
    while words and i >= 0:
        out.append((i, i + len(words)))
        i = text.find(words, i + 1)
    return out


def overlaps(span, places: list[tuple[int, int]]) -> bool:
    return span is not None and any(span.start < e and s < span.end for s, e in places)


def is_outlet(statement) -> bool:
    src = statement.source
    if src is None:
        return True
    name = OUTLET_NAME.lower()
    return src.span.text.lower() == name or (src.entity is not None and src.entity.name.lower() == name)


def matches(probe: Probe, statement) -> bool:
    """Whether a statement is the probe's: its source (and cue, when the probe gives one) overlap the
    expected words."""
    text = probe.text
    if probe.source == OUTLET:
        if not is_outlet(statement):
            return False
    elif statement.source is None or not overlaps(statement.source.span, occurrences(text, probe.source)):
        return False
    if probe.cue:
        return statement.cue is not None and overlaps(statement.cue.span, occurrences(text, probe.cue))
    return True


def describe(statement) -> str:
    src = statement.source.span.text if statement.source else "-"
    cue = statement.cue.span.text if statement.cue else "-"
    stances = ", ".join(s.stance for s in statement.stances) or "no stance"
    return f"[{src} | {cue} | {statement.content_text} | {stances}]"


def score(probe: Probe, analysis) -> Result:
    """The probe's result on the analysis of its text."""
    res = Result(probe, statements=[describe(s) for s in analysis.statements])
    hit = next((s for s in analysis.statements if matches(probe, s)), None)
    if hit is None:
        return res
    res.found = True
    res.source = hit.source.span.text if hit.source else None
    res.cue = hit.cue.span.text if hit.cue else None
    res.content = hit.content_text
    res.hedges = [m.text for m in hit.marks if m.type == "hedge"]
    if hit.stances:
        first = hit.stances[0]
        res.polarity = first.stance
        prop = next((p for p in analysis.propositions if p.id == first.proposition), None)
        res.gist = prop.claim if prop else ""
    return res


def run(probes: list[Probe], nlp=None) -> list[Result]:
    """Analyze every probe's text in one stream (the model loads once, the texts are batched)."""
    from counterclaim import Article, Skipped, analyze_articles

    articles = [Article(text=p.text, id=p.id, outlet=OUTLET_NAME) for p in probes]
    results = []
    for probe, out in zip(probes, analyze_articles(articles, nlp=nlp)):
        if isinstance(out, Skipped):
            results.append(Result(probe, statements=[f"skipped: {out.reason}"]))
        else:
            results.append(score(probe, out))
    return results


def tally(results: list[Result]) -> dict[str, dict[str, int]]:
    """Per form: rows whose statement was found, rows right (found and stance right), rows."""
    return {form: {"found": sum(r.found for r in rs), "right": sum(r.right for r in rs), "rows": len(rs)}
            for form, rs in by_form(results).items()}


def overall(results: list[Result]) -> dict[str, int]:
    return {"found": sum(r.found for r in results), "right": sum(r.right for r in results), "rows": len(results)}


def floor_of(results: list[Result]) -> dict[str, int]:
    """Today's passing rows per form: the ratchet's floor."""
    return {form: t["right"] for form, t in sorted(tally(results).items())}


def read_floor(path: Path = FLOOR) -> dict[str, int]:
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def write_floor(results: list[Result], path: Path = FLOOR) -> None:
    path.write_text(json.dumps(floor_of(results), indent=1, sort_keys=True) + "\n", encoding="utf-8")


def print_table(results: list[Result], out=sys.stdout) -> None:
    t = tally(results)
    width = max([len(f) for f in t] + [len("form")])
    print(f"{'form':<{width}}  found  right  rows", file=out)
    for form, c in t.items():
        print(f"{form:<{width}}  {c['found']:>5}  {c['right']:>5}  {c['rows']:>4}", file=out)
    o = overall(results)
    n = max(o["rows"], 1)
    print(f"{'overall':<{width}}  {o['found']:>5}  {o['right']:>5}  {o['rows']:>4}"
          f"   (found {o['found'] / n:.1%}, right {o['right'] / n:.1%})", file=out)
    for stance in STANCES:
        rs = [r for r in results if r.probe.stance == stance]
        if rs:
            print(f"  expected {stance:<12} right {sum(r.right for r in rs):>3} / {len(rs)}", file=out)


def print_failures(results: list[Result], out=sys.stdout) -> None:
    for r in results:
        if r.right:
            continue
        p = r.probe
        print(f"\n{p.id}  [{p.form}]  {'stance wrong' if r.found else 'not found'}", file=out)
        print(f"  text:     {p.text}", file=out)
        print(f"  expected: {p.source} | {p.cue or '-'} | {p.stance}{' (' + p.hedge + ')' if p.hedge else ''}",
              file=out)
        if r.found:
            label = r.polarity or "no stance"
            print(f"  got:      {r.source or '-'} | {r.cue or '-'} | {label}"
                  f"{'  hedges: ' + ', '.join(r.hedges) if r.hedges else ''}", file=out)
            print(f"  content:  {r.content}", file=out)
        else:
            print(f"  statements: {' '.join(r.statements) or 'none'}", file=out)
        print(f"  claim:    {p.claim}", file=out)
        print(f"  got claim: {r.gist or '-'}", file=out)


def main(argv: Optional[list[str]] = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--form", action="append", help="only this form (repeatable)")
    ap.add_argument("--show-failures", action="store_true", help="print the rows that fail")
    ap.add_argument("--json", action="store_true", help="print the figures and every row as JSON")
    ap.add_argument("--write-floor", action="store_true", help=f"record today's passing rows per form in {FLOOR.name}")
    ap.add_argument("--tsv", type=Path, default=TSV)
    args = ap.parse_args(argv)

    probes = load(args.tsv)
    bad = problems(probes)
    if bad:
        print("\n".join(bad), file=sys.stderr)
        return 2
    if args.form:
        unknown = set(args.form) - {p.form for p in probes}
        if unknown:
            print(f"no such form: {', '.join(sorted(unknown))}", file=sys.stderr)
            return 2
        if args.write_floor:
            print("--write-floor runs the whole suite: drop --form", file=sys.stderr)
            return 2
        probes = [p for p in probes if p.form in args.form]
    results = run(probes)
    if args.write_floor:
        write_floor(results)
    if args.json:
        print(json.dumps({"forms": tally(results), "overall": overall(results),
                          "rows": [r.to_dict() for r in results]}, ensure_ascii=False, indent=1))
        return 0
    print_table(results)
    if args.show_failures:
        print_failures(results)
    if args.write_floor:
        print(f"\nfloor written to {FLOOR}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
