"""`counterclaim ingest`, `stats`, `disputes`, `claims`, `actor`, `outlets`, `search`, `article`:
`rematch`: thin views over the Ledger API and ``counterclaim.service`` (every command has ``--json``;
tables are rich)."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer

from ..ledger.queries import MIN_CONFIDENCE
from ..limits import BATCH_SIZE
from .metadata import OUTLET_HELP, PUBLISHED_HELP, TITLE_HELP, URL_HELP, metadata_options
from .output import dump, short
from .output import err as _err

DB_HELP = "Ledger file (default: $COUNTERCLAIM_DB, else ./counterclaim.db)."


def register(app: typer.Typer) -> None:
    app.command("ingest")(ingest_cmd)
    app.command("stats")(stats_cmd)
    app.command("disputes")(disputes_cmd)
    app.command("claims")(claims_cmd)
    app.command("actor")(actor_cmd)
    app.command("outlets")(outlets_cmd)
    app.command("search")(search_cmd)
    app.command("article")(article_cmd)
    app.command("rematch")(rematch_cmd)


def _console():
    from rich.console import Console
    return Console()


def open_ledger(db: Optional[Path], readonly: bool = True):
    """The Ledger at ``db``, or exit 1 with the reason."""
    from ..ledger import Ledger, LedgerError
    try:
        return Ledger(db, readonly=readonly)
    except LedgerError as e:
        _err(str(e))
        raise typer.Exit(1)


def _who(ref: dict) -> str:
    a = ref.get("actor")
    if a:
        return a["name"]
    return ref.get("source_text") or "—"


# ---------------------------------------------------------------- ingest

def ingest_cmd(
    paths: List[Path] = typer.Argument(..., help="Files (.txt, .html, .jsonl, .warc[.gz]) or folders of them."),
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print the report as JSON."),
    batch_size: int = typer.Option(BATCH_SIZE, "--batch-size", min=1, help="Articles per nlp.pipe batch."),
    max_bytes: int = typer.Option(10 * 1024 * 1024, "--max-bytes", min=1,
                                  help="Skip plain-text files larger than this (bytes)."),
    max_chars: Optional[int] = typer.Option(None, "--max-chars", min=1,
                                            help="Skip articles longer than this many characters (default 2,000,000)."),
    progress: Optional[bool] = typer.Option(None, "--progress/--no-progress",
                                            help="Progress line with articles/s (default: when stderr is a terminal)."),
    engine: str = typer.Option("local", "--engine", help="local | dask (analysis on Dask workers, one writer)."),
    scheduler: Optional[str] = typer.Option(None, "--scheduler", help="dask: scheduler address (default: a LocalCluster)."),
    workers: Optional[int] = typer.Option(None, "--workers", help="dask: LocalCluster worker processes (default: one per core)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help=OUTLET_HELP),
    published: Optional[str] = typer.Option(None, "--published", help=PUBLISHED_HELP),
    url: Optional[str] = typer.Option(None, "--url", help=URL_HELP),
    title: Optional[str] = typer.Option(None, "--title", help=TITLE_HELP),
) -> None:
    """Read articles, analyze the new ones and store them in the ledger (idempotent, resumable)."""
    meta = metadata_options(paths, outlet, published, url, title)
    from ..ingest import NoteList
    from ..ledger import LedgerError
    from ..service import ingest, read_inputs

    led = open_ledger(db, readonly=False)
    notes = NoteList()
    show = sys.stderr.isatty() if progress is None else progress
    try:
        items = meta.apply(read_inputs(led, paths, note_sink=notes.append, max_bytes=max_bytes))
        if engine == "dask":  # see docs/scale.md
            from .dask import ingest_dask_cmd
            rep = ingest_dask_cmd(items, led, scheduler=scheduler, workers=workers, verbose=show,
                                  batch_size=batch_size, **({"max_chars": max_chars} if max_chars else {}))
        elif engine != "local":
            _err(f"unknown --engine {engine!r}: use local or dask")
            raise typer.Exit(2)
        else:
            rep = ingest(led, items, progress=show, batch_size=batch_size, max_chars=max_chars)
        stats = led.stats()
    except LedgerError as e:
        _err(str(e))
        raise typer.Exit(1)
    except KeyboardInterrupt:
        _err("interrupted: every article stored so far is complete; run the same command again to finish")
        raise typer.Exit(130)
    finally:
        led.close()
    if as_json:
        d = rep.to_dict()
        d["notes"] = [{"origin": n.origin, "message": n.message} for n in notes]
        if notes.unlisted:
            d["notes_unlisted"] = notes.unlisted
        d["db"] = str(led.path)
        d["ledger"] = stats
        dump(d)
    else:
        for n in notes:
            typer.secho(f"note: {n.origin}: {n.message}", fg=typer.colors.YELLOW, err=True)
        for s in rep.skipped:
            typer.secho(f"skipped: {s.origin}: {s.reason}", fg=typer.colors.YELLOW, err=True)
        if rep.unlisted or notes.unlisted:
            typer.secho(f"… and {rep.unlisted:,} more skipped, {notes.unlisted:,} more notes (not listed)",
                        fg=typer.colors.YELLOW, err=True)
        rate = (rep.added / rep.seconds) if rep.seconds > 0 else 0.0
        typer.echo(f"read {rep.read} · added {rep.added} · unchanged {rep.unchanged} · skipped {rep.n_skipped}"
                   f" · {rep.statements} statements · {rep.seconds:.1f} s ({rate:.1f} articles/s) → {led.path}")
        typer.echo(f"ledger: {stats['articles']} articles, {stats['statements']} statements, "
                   f"{stats['propositions']} propositions, {stats['disputes']} disputes")
    if rep.stopped:
        _err(rep.stopped)
        raise typer.Exit(1)
    if rep.added == 0 and rep.unchanged == 0:
        if rep.read == 0:
            _err("nothing ingested: no articles found in the given paths")
        else:
            _err(f"nothing ingested: all {rep.read} input(s) were skipped (reasons above)")
        raise typer.Exit(1)


# ---------------------------------------------------------------- queries

def stats_cmd(db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
              as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """How much the ledger holds."""
    with open_ledger(db) as led:
        s = led.stats()
    if as_json:
        return dump(s)
    from rich.table import Table
    t = Table(title=f"ledger {led.path}")
    t.add_column("")
    t.add_column("count", justify="right")
    for k, v in s.items():
        t.add_row(k, f"{v:,}")
    _console().print(t)


def disputes_cmd(
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    limit: int = typer.Option(20, "--limit", min=0),
    offset: int = typer.Option(0, "--offset", min=0),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only disputes reported by this outlet."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only disputes this actor (name or id) takes part in."),
    since: Optional[str] = typer.Option(None, "--since", help="Only statements dated on/after YYYY-MM-DD."),
    until: Optional[str] = typer.Option(None, "--until", help="Only statements dated on/before YYYY-MM-DD."),
    min_confidence: float = typer.Option(MIN_CONFIDENCE, "--min-confidence", min=0.0, max=1.0,
                                         help="Count only statement links at least this sure (0 counts every link)."),
    weak: bool = typer.Option(False, "--weak", help="Also show each dispute's links below --min-confidence."),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Contested claims, most contested and most recent first: who asserts, who denies, who does not know."""
    from ..dates import BadDate, parse_published
    try:
        since, until = parse_published(since), parse_published(until)
    except BadDate as e:
        _err(str(e))
        raise typer.Exit(2)
    with open_ledger(db) as led:
        ds = led.disputes(limit=limit, offset=offset, outlet=outlet, actor=actor, since=since, until=until,
                          min_confidence=min_confidence)
    if as_json:
        return dump(ds)
    if not ds:
        typer.echo("no disputes (no proposition is both asserted and denied in this ledger)")
        return
    from rich.table import Table
    con = _console()
    for d in ds:
        p = d["proposition"]
        head = f"#{p['id']} {p['gist']}" + (f"  ({p['when']})" if p.get("when") else "")
        t = Table(title=head, caption=f"score {d['score']} · latest {d['latest'] or '—'} · {d['n_articles']} article(s)"
                  f" · {', '.join(d['outlets']) or 'outlet unknown'}", show_lines=True, expand=True, title_justify="left")
        t.add_column("stance", style="bold", no_wrap=True)
        t.add_column("who", style="cyan", ratio=2)
        t.add_column("cue", style="magenta", ratio=1)
        t.add_column("what", ratio=5)
        t.add_column("when · where", style="dim", ratio=2)
        rows = [("asserts", "asserted_by", "green"), ("denies", "denied_by", "red"), ("no knowledge", "no_knowledge", "yellow")]
        if weak:
            rows.append(("weak link", "weak", "dim"))
        for label, key, style in rows:
            for r in d[key]:
                shown = label
                if key == "weak":
                    shown = f"{r['stance']}?\n{r['confidence']} {r['basis'] or ''}"
                elif r.get("negated"):
                    shown = f"{label}\n(says the\nopposite)"
                cue = (r["cue"] or "—") + (f"\n[{r['framing']}]" if r.get("framing") not in (None, "neutral") else "")
                t.add_row(f"[{style}]{shown}[/]", _who(r), cue, short(r["text"], 240),
                          " · ".join(x for x in (r["date"], r["outlet"]) if x) or "—")
        con.print(t)


def claims_cmd(about: str = typer.Option(..., "--about", help="Words to look for in claims and statements."),
               db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
               limit: int = typer.Option(20, "--limit", min=0),
               as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Claims (ledger propositions) about something, with how many sources assert or deny each and the
    other wordings the articles gave each claim."""
    with open_ledger(db) as led:
        cs = led.claims(about, limit=limit)
    if as_json:
        return dump(cs)
    if not cs:
        typer.echo(f"no claims about {about!r}")
        return
    from rich.table import Table
    t = Table(title=f"claims about {about!r}", expand=True)
    for c, kw in (("#", {"style": "dim"}), ("claim", {"ratio": 5}), ("asserts", {"justify": "right", "style": "green"}),
                  ("denies", {"justify": "right", "style": "red"}), ("no knowledge", {"justify": "right"}),
                  ("articles", {"justify": "right"}), ("wordings", {"justify": "right"})):
        t.add_column(c, **kw)
    for c in cs:
        other = [w for w in c.get("wordings", []) if w != c["gist"]]
        claim = c["gist"] + ("".join(f"\n  = {w}" for w in other[:2]))
        t.add_row(str(c["id"]), claim, str(c["asserts"]), str(c["denies"]), str(c["no_knowledge"]),
                  str(c["n_articles"]), str(len(c.get("wordings", [])) or 1))
    _console().print(t)


def actor_cmd(name: str = typer.Argument(..., help="An actor's name (or part of it) or id (PRK, person:john-kirby)."),
              db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
              as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """What an actor asserted and denied, over time."""
    with open_ledger(db) as led:
        a = led.actor(name)
    if a is None:
        if as_json:
            dump(None)
        _err(f"no actor matching {name!r} in the ledger")
        raise typer.Exit(1)
    if as_json:
        return dump(a)
    from rich.table import Table
    info = a["actor"]
    t = Table(title=f"{info['name']} ({info['id']}" + (f", {info['type']}" if info.get("type") else "")
              + (f", {info['country']}" if info.get("country") else "") + ")", show_lines=True, expand=True)
    for c, kw in (("date", {"style": "dim", "no_wrap": True}), ("stance", {"style": "bold"}),
                  ("claim", {"ratio": 2}), ("what", {"ratio": 4}), ("outlet", {"style": "dim"})):
        t.add_column(c, **kw)
    for r in a["statements"]:
        t.add_row(r["date"] or "—", r["stance"] or "—", (r["proposition"] or {}).get("gist") or "—",
                  short(r["text"], 200), r["outlet"] or "—")
    _console().print(t)


def outlets_cmd(db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
                as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Framing per outlet: distancing vs neutral cues, scare quotes and hedges, by the source's country."""
    with open_ledger(db) as led:
        os_ = led.outlets()
    if as_json:
        return dump(os_)
    if not os_:
        typer.echo("no statements in the ledger yet")
        return
    from rich.table import Table
    t = Table(title="framing per outlet (by the source's country)", expand=True)
    for c in ("outlet", "sources from", "statements", "neutral", "distancing", "endorsing", "% distancing",
              "scare quotes", "hedges"):
        t.add_column(c, justify="left" if c in ("outlet", "sources from") else "right")

    def row(name, sub, b, style=None):
        pct = "—" if b["share_distancing"] is None else f"{100 * b['share_distancing']:.0f}%"
        t.add_row(name, sub, str(b["statements"]), str(b["neutral"]), str(b["distancing"]), str(b["endorsing"]),
                  pct, str(b["scare_quotes"]), str(b["hedges"]), style=style)

    for o in os_:
        row(o["outlet"] or "(unknown)", "all", o, "bold")
        for country, b in sorted(o["by_source_country"].items(), key=lambda kv: -kv[1]["statements"]):
            row("", country, b)
    _console().print(t)


def search_cmd(query: str = typer.Argument(..., help="Words to find in statements (full-text)."),
               db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
               limit: int = typer.Option(20, "--limit", min=0),
               as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """Full-text search over the statements in the ledger."""
    with open_ledger(db) as led:
        rs = led.search(query, limit=limit)
    if as_json:
        return dump(rs)
    from rich.table import Table
    t = Table(title=f"statements matching {query!r}", expand=True, show_lines=True)
    for c, kw in (("who", {"style": "cyan", "ratio": 2}), ("cue", {"style": "magenta"}), ("what", {"ratio": 5}),
                  ("when · where", {"style": "dim", "ratio": 2})):
        t.add_column(c, **kw)
    for r in rs:
        t.add_row(_who(r), r["cue"] or "—", short(r["text"], 240),
                  " · ".join(x for x in (r["date"], r["outlet"]) if x) or "—")
    _console().print(t)


def article_cmd(article_id: str = typer.Argument(..., help="An article id (see `counterclaim search` or --json output)."),
                db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
                as_json: bool = typer.Option(False, "--json", help="Print JSON.")) -> None:
    """One stored article with its statements and their stances."""
    with open_ledger(db) as led:
        a = led.article(article_id)
    if a is None:
        _err(f"no article {article_id!r} in the ledger")
        raise typer.Exit(1)
    if as_json:
        return dump(a)
    from rich.table import Table
    t = Table(title=" · ".join(x for x in (a["title"], a["outlet"], a["published"], a["url"]) if x) or a["id"],
              show_lines=True, expand=True)
    for c, kw in (("#", {"style": "dim"}), ("who", {"style": "cyan", "ratio": 2}), ("cue", {"style": "magenta"}),
                  ("what", {"ratio": 5}), ("stance", {"ratio": 2})):
        t.add_column(c, **kw)
    for s in a["statements"]:
        who = (s["actor"] or {}).get("name") or (s["source"] or {}).get("text") or "—"
        t.add_row(s["local_id"], who, (s["cue"] or {}).get("text") or "—",
                  short(" … ".join(c["text"] for c in s["content"]), 240),
                  "\n".join(f"{x['stance']} #{x['proposition_id']} {x['gist']}" for x in s["stances"]))
    _console().print(t)


def rematch_cmd(db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP)) -> None:
    """Recompute cross-article claim matching from the stored analyses."""
    from ..ledger import LedgerError

    with open_ledger(db, readonly=False) as led:
        try:
            led.rematch()
        except LedgerError as e:
            _err(str(e))
            raise typer.Exit(1)
        s = led.stats()
    typer.echo(f"rematched: {s['propositions']} propositions, {s['disputes']} disputes")
