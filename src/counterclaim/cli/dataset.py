"""`counterclaim dataset merge`: an analysis dataset written by ``analyze --engine dask`` into a ledger."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Optional

import typer

from .output import err as _err

dataset_app = typer.Typer(help="Analysis datasets written by `analyze --engine dask`.", no_args_is_help=True)


def register(app: typer.Typer) -> None:
    app.add_typer(dataset_app, name="dataset")


@dataset_app.command("merge")
def dataset_merge_cmd(
    dataset: Path = typer.Argument(..., help="A dataset folder written by `counterclaim analyze --engine dask`."),
    db: Optional[Path] = typer.Option(None, "--db", help="The ledger (default: $COUNTERCLAIM_DB or ./counterclaim.db)."),
    rematch: bool = typer.Option(False, "--rematch", help="Recompute the cross-article matching afterwards."),
    as_json: bool = typer.Option(False, "--json"),
) -> None:
    """Merge an analysis dataset into the ledger: one writer, in input order, idempotent."""
    from ..ledger import Ledger
    from ..scale.dataset import merge_into_ledger

    try:
        with Ledger(db) as ledger:
            rep = merge_into_ledger(dataset, ledger, rematch=rematch)
            stats = ledger.stats()
    except FileNotFoundError as e:
        _err(str(e))
        raise typer.Exit(2)
    d = rep.to_dict()
    if as_json:
        typer.echo(json.dumps({"report": d, "stats": stats}, indent=1))
    else:
        typer.echo(f"merged {dataset}: read {d.get('read')}, added {d.get('added')}, "
                   f"unchanged {d.get('unchanged')}, skipped {len(d.get('skipped') or [])}; ledger: {stats}")
    if rep.stopped:
        _err(rep.stopped)
        raise typer.Exit(1)
