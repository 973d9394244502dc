"""`counterclaim review`: record a fact-checker's verdict on a claim (a ledger proposition), or
show a claim's verdicts (every review is kept; the latest is the current verdict)."""
from __future__ import annotations

from pathlib import Path
from typing import Optional

import typer

from .output import dump
from .output import err as _err

DB_HELP = "Ledger file (default: $COUNTERCLAIM_DB, else ./counterclaim.db)."


def register(app: typer.Typer) -> None:
    app.command("review")(review_cmd)


def review_cmd(
    proposition_id: int = typer.Argument(..., help="The claim's proposition id (see `counterclaim disputes`)."),
    verdict: Optional[str] = typer.Option(None, "--verdict", help="true | false | misleading | unproven "
                                                                   "(without it: show the claim's verdicts)."),
    note: Optional[str] = typer.Option(None, "--note", help="Why: the reasoning, with sources."),
    reviewer: Optional[str] = typer.Option(None, "--reviewer", help="Who reviews."),
    db: Optional[Path] = typer.Option(None, "--db", help=DB_HELP),
    as_json: bool = typer.Option(False, "--json", help="Print JSON."),
) -> None:
    """Record a verdict on a claim, kept with its history; without --verdict, show its verdicts."""
    from ..ledger import Ledger, LedgerError, reviews

    try:
        led = Ledger(db, readonly=verdict is None)
    except LedgerError as e:
        _err(str(e))
        raise typer.Exit(1)
    with led:
        if verdict is None:
            if led.proposition(proposition_id) is None:
                _err(f"no proposition {proposition_id} in this ledger")
                raise typer.Exit(1)
            hist = reviews.history(led.conn, proposition_id)
            if as_json:
                return dump(hist)
            if not hist:
                typer.echo(f"proposition {proposition_id}: not reviewed yet")
            for i, r in enumerate(hist):
                typer.echo(_line(r, current=i == 0))
            return
        try:
            with led.writer():
                r = reviews.add(led.conn, proposition_id, verdict, note=note, reviewer=reviewer)
        except reviews.ReviewError as e:
            _err(str(e))
            raise typer.Exit(2)
    if as_json:
        return dump(r)
    typer.echo(_line(r, current=True))


def _line(r: dict, current: bool = False) -> str:
    who = f" by {r['reviewer']}" if r.get("reviewer") else ""
    note = f": {r['note']}" if r.get("note") else ""
    mark = "current" if current else "earlier"
    return f"#{r['proposition_id']} {r['label'].upper()}{who} at {r['at']} ({mark}){note}  [{r.get('gist') or ''}]"
