"""`counterclaim export`: the ledger in the formats fact-checkers and researchers already use."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .output import err as _err

FORMAT_HELP = ("jsonl | csv | parquet (one file per table) · claimreview (schema.org JSON-LD drafts of "
               "disputed claims) · brat (PolNeAR standoff) · sqlite (a standalone copy for Datasette)")


def register(app: typer.Typer) -> None:
    app.command("export")(export_cmd)


def export_cmd(
    fmt: str = typer.Option(..., "--format", "-f", help=FORMAT_HELP),
    db: Optional[Path] = typer.Option(None, "--db", help="The ledger file (default: $COUNTERCLAIM_DB or ./counterclaim.db)."),
    out: Optional[Path] = typer.Option(None, "--out", "-o",
                                       help="Output folder (a file for sqlite). Default: export-FORMAT "
                                            "(counterclaim-export.db for sqlite)."),
    outlet: Optional[str] = typer.Option(None, "--outlet", help="Only articles of this outlet."),
    since: Optional[str] = typer.Option(None, "--since", help="Only articles published on or after this date (YYYY-MM-DD)."),
    until: Optional[str] = typer.Option(None, "--until", help="Only articles published on or before this date (YYYY-MM-DD)."),
    actor: Optional[str] = typer.Option(None, "--actor", help="Only statements of this actor (id like PRK or a name)."),
    disputed_only: bool = typer.Option(False, "--disputed-only", help="Only statements on disputed propositions."),
    with_text: bool = typer.Option(False, "--with-text", help="jsonl/csv/parquet: add the article text to articles."),
    layout: str = typer.Option("polnear", "--layout", help="brat: polnear (text/ + attributions/) or flat (BRAT annotator)."),
    link_sources: bool = typer.Option(False, "--link-sources",
                                      help="brat: give a quote with no speaker of its own the source it continues."),
    date: Optional[str] = typer.Option(None, "--date", help="claimreview: the drafts' datePublished (default today)."),
    as_json: bool = typer.Option(False, "--json", help="Print what was written as JSON."),
) -> None:
    """Export the ledger (or the part the filters select) to files other tools read."""
    from ..dates import BadDate, parse_published
    from ..export import FORMATS, NotALedger, export
    from ..ledger.store import resolve_path

    fmt = fmt.lower()
    if fmt not in FORMATS:
        _err(f"unknown --format {fmt!r}: use one of {', '.join(FORMATS)}")
        raise typer.Exit(2)
    if layout not in ("polnear", "flat"):
        _err(f"unknown --layout {layout!r}: use polnear or flat")
        raise typer.Exit(2)
    try:
        for d in (since, until, date):
            parse_published(d)
    except BadDate as e:
        _err(str(e))
        raise typer.Exit(2)
    db_path = resolve_path(db)
    if out is None:
        out = Path("counterclaim-export.db") if fmt == "sqlite" else Path(f"export-{fmt}")
    if fmt != "sqlite" and out.exists() and not out.is_dir():
        _err(f"--out {out} is a file: {fmt} writes a folder")
        raise typer.Exit(2)
    options: dict = dict(outlet=outlet, since=since, until=until, actor=actor, disputed_only=disputed_only)
    if fmt in ("jsonl", "csv", "parquet"):
        options["with_text"] = with_text
    elif fmt == "brat":
        options.update(layout=layout, link_sources=link_sources)
    elif fmt == "claimreview":
        options["date_published"] = parse_published(date) if date else None
    try:
        report = export(db_path, fmt, out, **options)
    except NotALedger as e:
        _err(str(e))
        raise typer.Exit(1)
    except (ValueError, OSError) as e:
        _err(f"export failed: {e}")
        raise typer.Exit(1)
    if as_json:
        typer.echo(json.dumps(report, indent=1, ensure_ascii=False))
        return
    for name, r in report.items():
        rows = r.get("rows")
        if isinstance(rows, dict):
            rows = ", ".join(f"{v:,} {k}" for k, v in rows.items())
        elif name == "brat":
            rows = f"{rows:,} articles, {r['statements']:,} attributions" + (
                f" ({r['dropped']} with an empty content left out)" if r.get("dropped") else "")
        else:
            rows = f"{rows:,} rows"
        typer.echo(f"{name}: {rows} → {r['path']}")
